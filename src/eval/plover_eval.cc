// PLOVER gold-standard records (JSON Lines; shared/eval/README.md): each record
// is one sentence with its gold PLOVER category and source/target actors. Every
// text is coded alone (a Document of kind kText) and scored by the rules of
// plover_score.h: one primary prediction per record, chosen without the gold;
// the record's other events are false positives. Only the records whose `id` is
// in options.half are scored (eval.h: InEvalHalf).
//
// Figures: plover_event_accuracy (the primary prediction's category, over
// records), plover_event_precision (right records over all predicted events),
// plover_source_ accuracy and plover_target_accuracy (country codes of the
// primary prediction, over records that give the actor), and the same two "with
// sector". The report names the half and adds a per-category table and the
// commonest confusions; --format json lists every record's outcome under
// detail.records.
#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "core/table_file.h"
#include "eval/gold_sets.h"
#include "eval/plover_score.h"

namespace dateline {

namespace {

using nlohmann::json;

std::vector<PloverGoldActor> GoldActors(const json& j) {
  std::vector<PloverGoldActor> out;
  if (!j.is_array()) return out;  // null, or a string naming no actor
  for (const json& a : j) {
    if (!a.is_object()) continue;
    PloverGoldActor actor;
    actor.text = a.value("actorText", "");
    actor.code = a.contains("code") && a["code"].is_string()
                     ? a["code"].get<std::string>()
                     : "";
    actor.sector = a.contains("sector") && a["sector"].is_string()
                       ? a["sector"].get<std::string>()
                       : "";
    if (!actor.code.empty()) out.push_back(std::move(actor));
  }
  return out;
}

bool CountryRight(const std::vector<PloverGoldActor>& gold,
                  const ActorMention& m, const CameoCountryCodes& cameo,
                  const PloverGoldActor** which) {
  if (m.actor.country.empty()) return false;
  for (const PloverGoldActor& g : gold) {
    if (NormalizePloverCountry(g.code, cameo) == m.actor.country) {
      *which = &g;
      return true;
    }
  }
  return false;
}

bool SectorRight(const PloverGoldActor& g, const ActorMention& m) {
  if (g.sector.size() < 3 || g.sector == "***") return true;
  const std::string want = g.sector.substr(0, 3);
  return std::find(m.actor.sectors.begin(), m.actor.sectors.end(), want) !=
         m.actor.sectors.end();
}

}  // namespace

Result<CameoCountryCodes> LoadCameoCountryCodes(const std::string& data_dir) {
  ASSIGN_OR_RETURN(
      const std::vector<TableRecord> table,
      ReadTableFile(data_dir + "/actors/cameo_countries.txt", 2, 2));
  const auto letters = [](const std::string& code, size_t min, size_t max) {
    return code.size() >= min && code.size() <= max &&
           std::all_of(code.begin(), code.end(),
                       [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  CameoCountryCodes codes;
  for (const TableRecord& r : table) {
    if (!letters(r.fields[0], 2, 3))
      return r.MakeError("\"" + r.fields[0] +
                         "\" is no CAMEO code (2 or 3 upper-case letters)");
    if (!letters(r.fields[1], 3, 3))
      return r.MakeError("\"" + r.fields[1] +
                         "\" is no ISO 3166-1 alpha-3 code (3 upper-case "
                         "letters)");
    if (!codes.emplace(r.fields[0], r.fields[1]).second)
      return r.MakeError("\"" + r.fields[0] + "\" is listed twice");
  }
  return codes;
}

std::string NormalizePloverCountry(const std::string& code,
                                   const CameoCountryCodes& cameo) {
  auto it = cameo.find(code);
  return it == cameo.end() ? code : it->second;
}

Result<PloverGold> ParsePloverGold(const json& r) {
  if (!r.is_object()) return MakeError("record", "not a JSON object");
  if (!r.contains("text") || !r["text"].is_string())
    return MakeError("record", "no \"text\" string");
  if (!r.contains("event") || !r["event"].is_string())
    return MakeError("record", "no \"event\" string");
  PloverGold g;
  g.id = r.value("id", "");
  g.text = r["text"].get<std::string>();
  g.event = r["event"].get<std::string>();
  if (r.contains("source")) g.source = GoldActors(r["source"]);
  if (r.contains("target")) g.target = GoldActors(r["target"]);
  if (r.contains("dead") && r["dead"].is_string()) {
    const std::string d = r["dead"].get<std::string>();
    if (!d.empty() && d.size() < 9 &&
        std::all_of(d.begin(), d.end(),
                    [](char c) { return c >= '0' && c <= '9'; }))
      g.dead = std::stoi(d);
  }
  return g;
}

int ChoosePloverPrediction(const std::vector<Event>& events) {
  for (size_t i = 0; i < events.size(); ++i) {
    if (events[i].plover != Plover::kNone && events[i].plover != Plover::kOther)
      return static_cast<int>(i);
  }
  return events.empty() ? -1 : 0;
}

PloverRecordScore ScorePloverRecord(const PloverGold& gold,
                                    const std::vector<Event>& events,
                                    const CameoCountryCodes& cameo) {
  PloverRecordScore s;
  s.chosen = ChoosePloverPrediction(events);
  static const Event kNone;
  const Event& e = s.chosen >= 0 ? events[s.chosen] : kNone;
  s.predicted = PloverName(e.plover);
  s.event_right = s.chosen >= 0 && s.predicted == gold.event;
  s.predictions = static_cast<long>(events.size());
  s.false_positives = s.predictions - (s.event_right ? 1 : 0);
  const auto score =
      [&cameo](const std::vector<PloverGoldActor>& g, const ActorMention& m,
               std::optional<bool>* country, std::optional<bool>* sector) {
        if (g.empty()) return;
        const PloverGoldActor* which = nullptr;
        *country = CountryRight(g, m, cameo, &which);
        *sector = **country && SectorRight(*which, m);
      };
  score(gold.source, e.source, &s.source_right, &s.source_sector_right);
  score(gold.target, e.target, &s.target_right, &s.target_sector_right);
  if (gold.dead)
    s.fatalities_right = e.fatalities && *e.fatalities == *gold.dead;
  return s;
}

void PloverTotals::Add(const PloverRecordScore& s) {
  event.Add(s.event_right);
  precision.hits += s.event_right ? 1 : 0;
  precision.total += s.predictions;
  if (s.source_right) {
    source.Add(*s.source_right);
    source_sector.Add(*s.source_sector_right);
  }
  if (s.target_right) {
    target.Add(*s.target_right);
    target_sector.Add(*s.target_sector_right);
  }
  if (s.fatalities_right) fatalities.Add(*s.fatalities_right);
}

namespace {

// Everything the scored records add up to.
struct PloverRun {
  struct Category {
    Tally event, source, target;
  };
  std::map<std::string, Category> categories;
  std::map<std::pair<std::string, std::string>, long>
      confusions;  // (gold, predicted)
  PloverTotals totals;
  long skipped = 0;  // records outside options.half
  json records = json::array();
  std::vector<std::string> misses;
};

// Adds one record's score, and the events coded from its text, to `run`.
void AddPloverRecord(const PloverGold& gold, const std::vector<Event>& events,
                     const CameoCountryCodes& cameo, PloverRun* run) {
  const PloverRecordScore s = ScorePloverRecord(gold, events, cameo);
  run->totals.Add(s);
  PloverRun::Category& c = run->categories[gold.event];
  c.event.Add(s.event_right);
  if (s.source_right) c.source.Add(*s.source_right);
  if (s.target_right) c.target.Add(*s.target_right);
  if (!s.event_right)
    ++run->confusions[{gold.event,
                       s.predicted.empty() ? "(none)" : s.predicted}];

  const Event* e = s.chosen >= 0 ? &events[s.chosen] : nullptr;
  json rec = {{"id", gold.id},
              {"gold", gold.event},
              {"predicted", s.predicted},
              {"event_right", s.event_right},
              {"predictions", s.predictions},
              {"false_positives", s.false_positives},
              {"source", e ? e->source.actor.Code() : ""},
              {"target", e ? e->target.actor.Code() : ""},
              {"trigger", e ? e->trigger : ""},
              {"cameo", e ? e->cameo : ""}};
  if (s.source_right) rec["source_right"] = *s.source_right;
  if (s.target_right) rec["target_right"] = *s.target_right;
  run->records.push_back(std::move(rec));
  if (!s.event_right || (s.source_right && !*s.source_right) ||
      (s.target_right && !*s.target_right)) {
    std::string m = gold.id + ": gold " + gold.event + ", predicted " +
                    (s.predicted.empty() ? "(none)" : s.predicted);
    if (e)
      m += " \"" + e->trigger + "\" " + e->source.actor.Code() + " -> " +
           e->target.actor.Code();
    if (s.false_positives > 0)
      m += " (+" + std::to_string(s.false_positives) + " false positive(s))";
    run->misses.push_back(std::move(m));
  }
}

EvalReport PloverReport(const std::string& jsonl, PloverRun run,
                        const EvalOptions& options) {
  const PloverTotals& totals = run.totals;
  const Tally& event = totals.event;
  EvalReport report;
  report.set = GoldKindName(GoldKind::kPlover);
  report.source = jsonl;
  report.figures = {
      {"plover_event_accuracy", event.rate()},
      {"plover_event_precision", totals.precision.rate()},
      {"plover_source_accuracy", totals.source.rate()},
      {"plover_target_accuracy", totals.target.rate()},
      {"plover_source_sector_accuracy", totals.source_sector.rate()},
      {"plover_target_sector_accuracy", totals.target_sector.rate()},
      {"plover_fatalities_accuracy", totals.fatalities.rate()}};
  std::ostringstream out;
  char buf[512];
  const auto row = [&](const char* name, const Tally& t) {
    std::snprintf(buf, sizeof buf, "  %-24s %.4f  (%ld/%ld)\n", name, t.rate(),
                  t.hits, t.total);
    out << buf;
  };
  out << "records " << event.total << " (half: " << EvalHalfName(options.half)
      << "; " << run.skipped << " records of the other half not scored)\n";
  out << "primary prediction per record: the first non-statement event in text "
         "order\n";
  row("event", event);
  row("event precision", totals.precision);
  row("source", totals.source);
  row("target", totals.target);
  row("source with sector", totals.source_sector);
  row("target with sector", totals.target_sector);
  row("fatalities", totals.fatalities);
  out << "per category          gold  event   source  target\n";
  json per_category = json::object();
  for (const auto& [name, c] : run.categories) {
    std::snprintf(buf, sizeof buf, "  %-18s %6ld  %.3f   %.3f   %.3f\n",
                  name.c_str(), c.event.total, c.event.rate(), c.source.rate(),
                  c.target.rate());
    out << buf;
    per_category[name] = {{"gold", c.event.total},
                          {"event_accuracy", c.event.rate()},
                          {"source_accuracy", c.source.rate()},
                          {"target_accuracy", c.target.rate()}};
  }
  std::vector<std::pair<long, std::pair<std::string, std::string>>> sorted;
  for (const auto& [k, n] : run.confusions) sorted.push_back({n, k});
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  out << "commonest confusions (gold -> predicted)\n";
  json confusion = json::array();
  for (size_t i = 0;
       i < sorted.size() && i < std::max<size_t>(options.worst, 10); ++i) {
    std::snprintf(buf, sizeof buf, "  %4ld  %s -> %s\n", sorted[i].first,
                  sorted[i].second.first.c_str(),
                  sorted[i].second.second.c_str());
    out << buf;
    confusion.push_back({{"gold", sorted[i].second.first},
                         {"predicted", sorted[i].second.second},
                         {"count", sorted[i].first}});
  }
  const std::vector<std::string>& misses = run.misses;
  out << "misses (first " << std::min(options.worst, misses.size()) << " of "
      << misses.size() << ")\n";
  for (size_t i = 0; i < misses.size() && i < options.worst; ++i)
    out << "  " << misses[i] << "\n";
  report.text = out.str();
  report.detail["half"] = EvalHalfName(options.half);
  report.detail["per_category"] = std::move(per_category);
  report.detail["confusions"] = std::move(confusion);
  report.detail["records"] = std::move(run.records);
  return report;
}

}  // namespace

Result<EvalReport> EvalPloverSet(const std::string& jsonl,
                                 const Pipeline& pipeline,
                                 const EvalOptions& options) {
  ASSIGN_OR_RETURN(const std::string text, ReadFile(jsonl));
  ASSIGN_OR_RETURN(const CameoCountryCodes cameo,
                   LoadCameoCountryCodes(pipeline.info().data_dir));
  PloverRun run;
  std::istringstream lines(text);
  std::string line;
  long line_number = 0;
  while (std::getline(lines, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = jsonl + ":" + std::to_string(line_number);
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded()) return MakeError(where, "not valid JSON");
    auto gold = ParsePloverGold(j);
    if (!gold.ok()) return MakeError(where, gold.error().message);
    if (!InEvalHalf(gold->id, options.half)) {
      ++run.skipped;
      continue;
    }
    Document doc;
    doc.id = gold->id;
    doc.input = where;
    doc.kind = InputKind::kText;
    doc.content = gold->text;
    auto coded = pipeline.Code(std::move(doc));
    static const std::vector<Event> kNoEvents;
    AddPloverRecord(*gold, coded.ok() ? coded->events : kNoEvents, cameo, &run);
  }
  if (run.totals.event.total == 0) {
    return MakeError(jsonl, run.skipped
                                ? std::string("no PLOVER record in the ") +
                                      EvalHalfName(options.half) + " half"
                                : std::string("no PLOVER record in the file"));
  }
  return PloverReport(jsonl, std::move(run), options);
}

}  // namespace dateline
