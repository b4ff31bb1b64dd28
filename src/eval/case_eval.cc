// CASE 2021 shared task 2 snippets: one news snippet per line with its
// ACLED-style sub-type label. File format (tab-separated, UTF-8, first line the
// header):
//   id <TAB> EventSnippet <TAB> SubType
// Every snippet is coded as a plain-text document; the prediction is the CASE
// label of the coded article's event_label ("" = no label, which counts as
// wrong). Figures follow shared/eval/README.md: per-label precision/recall/F1,
// their mean weighted by gold support (case_weighted_f1, the task's official
// measure), the unweighted mean over gold labels (case_macro_f1) and accuracy.
// Labels only ever predicted, never gold, lower precision of nothing but still
// count as errors in accuracy. Each label also names its ACLED event type
// (CaseLabelName in core/record.h, which the `case` lines of events/acled.txt
// repeat: ARMED_CLASH is a Battle, AIR_STRIKE Explosions/Remote violence,
// ...), so the report gives the share of snippets whose predicted label has
// the gold label's event type (case_event_type_accuracy): the coarser figure
// ACLED users filter on.
#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/table_file.h"
#include "eval/gold_sets.h"

namespace dateline {

namespace {

struct CaseItem {
  std::string id, snippet, gold;
  int line = 0;
};

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    const size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab == std::string_view::npos
                                       ? std::string_view::npos
                                       : tab - pos));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return out;
}

Result<std::vector<CaseItem>> ReadCaseTsv(const std::string& path) {
  ASSIGN_OR_RETURN(auto text, ReadFile(path));
  std::vector<CaseItem> items;
  std::string_view rest = text;
  int line_no = 0;
  bool header_seen = false;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest =
        nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) continue;
    const std::vector<std::string_view> f = SplitTabs(line);
    if (!header_seen) {
      header_seen = true;
      if (f.size() != 3 || Trim(f[0]) != "id" || Trim(f[1]) != "EventSnippet" ||
          Trim(f[2]) != "SubType")
        return MakeError(
            path, "the header must be \"id<TAB>EventSnippet<TAB>SubType\"",
            line_no);
      continue;
    }
    if (f.size() != 3)
      return MakeError(path,
                       "expected 3 tab-separated fields (id, EventSnippet, "
                       "SubType), found " +
                           std::to_string(f.size()),
                       line_no);
    CaseItem item{std::string(Trim(f[0])), std::string(Trim(f[1])),
                  std::string(Trim(f[2])), line_no};
    if (item.id.empty() || item.snippet.empty() || item.gold.empty())
      return MakeError(path, "empty id, snippet or label", line_no);
    items.push_back(std::move(item));
  }
  if (items.empty()) return MakeError(path, "no snippets");
  return items;
}

// The ACLED event type of a CASE label (core/record.h); kNone for a label that
// is none of the task's.
AcledEventType LabelType(const std::string& label) {
  return AcledEventTypeOf(
      ParseCaseLabel(label).value_or(AcledSubEventType::kNone));
}

// Per-label counts of one run.
struct LabelCounts {
  long tp = 0, fp = 0, fn = 0, support = 0;
  double precision() const {
    return tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
  }
  double recall() const {
    return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
  }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Everything the scored snippets add up to.
struct CaseRun {
  std::map<std::string, LabelCounts> labels;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>>
      confusions;  // (gold, predicted) -> ids
  long snippets = 0, correct = 0, unlabelled = 0, type_correct = 0;
};

// Adds one snippet, labelled `predicted` (empty: no label), to `run`.
void AddCaseSnippet(const CaseItem& item, const std::string& predicted,
                    CaseRun* run) {
  ++run->snippets;
  ++run->labels[item.gold].support;
  const AcledEventType gold_type = LabelType(item.gold);
  if (!predicted.empty() && gold_type != AcledEventType::kNone &&
      LabelType(predicted) == gold_type)
    ++run->type_correct;
  if (predicted == item.gold) {
    ++run->correct;
    ++run->labels[item.gold].tp;
    return;
  }
  ++run->labels[item.gold].fn;
  if (predicted.empty()) {
    ++run->unlabelled;
  } else {
    ++run->labels[predicted].fp;
  }
  run->confusions[{item.gold, predicted.empty() ? "(none)" : predicted}]
      .push_back(item.id);
}

// The commonest errors, most frequent first.
nlohmann::json ListConfusions(const CaseRun& run, size_t worst,
                              std::ostream& out) {
  std::vector<
      std::pair<std::pair<std::string, std::string>, std::vector<std::string>>>
      ranked(run.confusions.begin(), run.confusions.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) {
                     return a.second.size() > b.second.size();
                   });
  out << "commonest errors (gold -> predicted: count, snippet ids)\n";
  nlohmann::json errors = nlohmann::json::array();
  char line[512];
  for (size_t i = 0; i < std::min(worst, ranked.size()); ++i) {
    const auto& [pair, ids] = ranked[i];
    std::string id_list;
    for (size_t k = 0; k < std::min<size_t>(ids.size(), 8); ++k)
      id_list += (k ? " " : "") + ids[k];
    if (ids.size() > 8) id_list += " ...";
    std::snprintf(line, sizeof line, "  %s -> %s: %zu  (%s)\n",
                  pair.first.c_str(), pair.second.c_str(), ids.size(),
                  id_list.c_str());
    out << line;
    errors.push_back({{"gold", pair.first},
                      {"predicted", pair.second},
                      {"count", ids.size()},
                      {"ids", ids}});
  }
  return errors;
}

EvalReport CaseReport(const std::string& tsv, const CaseRun& run,
                      const EvalOptions& options) {
  const double n = static_cast<double>(run.snippets);
  double weighted = 0, macro = 0;
  long gold_labels = 0;
  for (const auto& [label, c] : run.labels) {
    if (!c.support) continue;
    weighted += c.f1() * static_cast<double>(c.support) / n;
    macro += c.f1();
    ++gold_labels;
  }
  macro = gold_labels ? macro / static_cast<double>(gold_labels) : 0;
  const double accuracy = static_cast<double>(run.correct) / n;
  const double type_accuracy = static_cast<double>(run.type_correct) / n;

  EvalReport report;
  report.set = GoldKindName(GoldKind::kCase);
  report.source = tsv;
  report.figures = {{"case_weighted_f1", weighted},
                    {"case_macro_f1", macro},
                    {"case_accuracy", accuracy},
                    {"case_event_type_accuracy", type_accuracy}};

  std::ostringstream out;
  char line[512];
  std::snprintf(line, sizeof line,
                "snippets %ld (half: %s; %ld unlabelled)\n  weighted f1 %.4f\n "
                " macro f1    %.4f\n  accuracy    %.4f\n"
                "  event type accuracy %.4f\n",
                run.snippets, EvalHalfName(options.half), run.unlabelled,
                weighted, macro, accuracy, type_accuracy);
  out << line;
  std::snprintf(line, sizeof line, "  %-30s %6s %6s %6s %7s\n", "label", "P",
                "R", "F1", "support");
  out << line;
  nlohmann::json per_label = nlohmann::json::object();
  for (const auto& [label, c] : run.labels) {
    std::snprintf(line, sizeof line, "  %-30s %6.3f %6.3f %6.3f %7ld\n",
                  label.c_str(), c.precision(), c.recall(), c.f1(), c.support);
    out << line;
    per_label[label] = {{"precision", c.precision()},
                        {"recall", c.recall()},
                        {"f1", c.f1()},
                        {"support", c.support},
                        {"predicted", c.tp + c.fp}};
  }
  nlohmann::json errors = ListConfusions(run, options.worst, out);
  report.text = out.str();
  report.detail["snippets"] = run.snippets;
  report.detail["half"] = EvalHalfName(options.half);
  report.detail["unlabelled"] = run.unlabelled;
  report.detail["labels"] = std::move(per_label);
  report.detail["confusions"] = std::move(errors);
  return report;
}

}  // namespace

Result<EvalReport> EvalCaseSet(const std::string& tsv, const Pipeline& pipeline,
                               const EvalOptions& options) {
  ASSIGN_OR_RETURN(std::vector<CaseItem> all_items, ReadCaseTsv(tsv));
  std::vector<CaseItem> items;
  for (CaseItem& item : all_items) {
    if (InEvalHalf(item.id, options.half)) items.push_back(std::move(item));
  }
  if (items.empty())
    return MakeError(tsv, std::string("no snippets in the ") +
                              EvalHalfName(options.half) + " half");
  CaseRun run;
  for (const CaseItem& item : items) {
    Document doc;
    doc.id = item.id;
    doc.input = tsv + ":" + std::to_string(item.line);
    doc.kind = InputKind::kText;
    doc.content = item.snippet;
    auto coded = pipeline.Code(std::move(doc));
    AddCaseSnippet(item, coded.ok() ? CaseLabelName(coded->event_label) : "",
                   &run);
  }
  return CaseReport(tsv, run, options);
}

}  // namespace dateline
