// The extraction-wild set: trafilatura's evaluation data, evaldata.json mapping
// a page id to {url, with, without, title?, author?, date?, ...}, the page
// being html/<id>.html.gz beside it. Each page is coded by the pipeline as
// `dateline code` codes an HTML page fetched from its URL, and scored by
// trafilatura's rule (snippet_score.h): snippets over all pages give precision,
// recall, accuracy and F1; title and date are exact, authors a set, each over
// the pages whose gold gives one (a non-empty string or list). Figures are also
// split by the language the page declares (its primary subtag; "none" when it
// declares none).
//
// Only the pages whose id is in options.half are scored (eval.h: InEvalHalf).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

#include "core/table_file.h"
#include "eval/gold_input.h"
#include "eval/gold_sets.h"
#include "eval/snippet_score.h"
#include "ingest/ingest.h"

namespace dateline {
namespace {

using nlohmann::json;

// A gold field's non-empty strings: a field left empty gives nothing to score.
std::vector<std::string> NonEmptyStrings(const json& j) {
  std::vector<std::string> out = GoldStrings(j);
  std::erase_if(out, [](const std::string& s) { return s.empty(); });
  return out;
}

std::string PrimaryLanguage(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out.empty() ? "none" : out;
}

struct Group {
  long pages = 0;
  SnippetCounts snippets;
  Tally title, authors, date;
  void Add(const Group& o) {
    pages += o.pages;
    snippets.Add(o.snippets);
    title.Add(o.title);
    authors.Add(o.authors);
    date.Add(o.date);
  }
};

struct PageResult {
  std::string id, url, language;
  Group score;
  std::vector<std::string> misses;  // what went wrong, one line each
};

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : "; ") + s;
  return out;
}

}  // namespace

bool LooksLikeWildGold(std::string_view head) {
  return head.find("\"with\"") != std::string_view::npos &&
         head.find("\"without\"") != std::string_view::npos;
}

namespace {

// Codes the page `id` (gold `g`) and scores it; none when its HTML cannot be
// read.
Result<std::optional<PageResult>> ScorePage(
    const std::string& id, const json& g, const std::filesystem::path& html_dir,
    const Pipeline& pipeline) {
  std::optional<Document> doc = ReadGoldPage(html_dir, id);
  if (!doc) return std::optional<PageResult>();
  doc->id = id;
  doc->url = g.value("url", "");
  ASSIGN_OR_RETURN(auto coded, pipeline.Code(std::move(*doc)));
  const Article& a = coded.article;

  PageResult page;
  page.id = id;
  page.url = g.value("url", "");
  page.language = PrimaryLanguage(a.language);
  page.score.pages = 1;
  SnippetErrors errors;
  page.score.snippets =
      ScoreSnippets(a.body, NonEmptyStrings(g.value("with", json())),
                    NonEmptyStrings(g.value("without", json())), &errors);
  for (const std::string& s : errors.missing)
    page.misses.push_back("missing \"" + s + "\"");
  for (const std::string& s : errors.leaked)
    page.misses.push_back("boilerplate \"" + s + "\"");
  if (const std::vector<std::string> want =
          NonEmptyStrings(g.value("title", json()));
      !want.empty()) {
    const bool hit = want.front() == a.title;  // exact, as the set's rule says
    page.score.title.Add(hit);
    if (!hit)
      page.misses.push_back("title \"" + a.title + "\", gold \"" +
                            want.front() + "\"");
  }
  if (const std::vector<std::string> want =
          NonEmptyStrings(g.value("author", json()));
      !want.empty()) {
    const bool hit = AuthorSet(want) == AuthorSet(a.authors);
    page.score.authors.Add(hit);
    if (!hit)
      page.misses.push_back("authors [" + Join(a.authors) + "], gold [" +
                            Join(want) + "]");
  }
  if (const std::vector<std::string> want =
          NonEmptyStrings(g.value("date", json()));
      !want.empty()) {
    const std::string got = a.published ? a.published->ToIso() : "";
    const bool hit = got == want.front();
    page.score.date.Add(hit);
    if (!hit)
      page.misses.push_back("date " + (got.empty() ? "(none)" : got) + " (" +
                            DateSourceName(a.published_source) + "), gold " +
                            want.front());
  }
  return std::optional<PageResult>(std::move(page));
}

// The totals (figures and text), then the table by declared language.
void ReportTotals(const std::vector<PageResult>& pages,
                  const EvalOptions& options, long missing, EvalReport* report,
                  std::ostringstream* out) {
  Group all;
  std::map<std::string, Group> by_language;
  for (const PageResult& p : pages) {
    all.Add(p.score);
    by_language[p.language].Add(p.score);
  }
  const SnippetCounts& s = all.snippets;
  report->figures = {{"wild_snippet_precision", s.Precision()},
                     {"wild_snippet_recall", s.Recall()},
                     {"wild_snippet_accuracy", s.Accuracy()},
                     {"wild_snippet_f1", s.F1()}};
  if (all.title.total) report->figures["wild_title"] = all.title.rate();
  if (all.authors.total) report->figures["wild_authors"] = all.authors.rate();
  if (all.date.total) report->figures["wild_date"] = all.date.rate();

  char line[1024];
  std::snprintf(
      line, sizeof line,
      "pages %zu (half: %s; %ld missing)\nsnippets (tp %ld, fn %ld, fp %ld, tn "
      "%ld)\n"
      "  precision %.4f\n  recall    %.4f\n  accuracy  %.4f\n  f1        %.4f\n"
      "title   %.4f (%ld/%ld)\nauthors %.4f (%ld/%ld)\ndate    %.4f "
      "(%ld/%ld)\n",
      pages.size(), EvalHalfName(options.half), missing, s.tp, s.fn, s.fp, s.tn,
      s.Precision(), s.Recall(), s.Accuracy(), s.F1(), all.title.rate(),
      all.title.hits, all.title.total, all.authors.rate(), all.authors.hits,
      all.authors.total, all.date.rate(), all.date.hits, all.date.total);
  *out
      << line
      << "by declared language (pages, snippet P/R/F1, title, authors, date)\n";
  json languages = json::object();
  for (const auto& [lang, grp] : by_language) {
    const SnippetCounts& c = grp.snippets;
    std::snprintf(
        line, sizeof line,
        "  %-5s %4ld  %.3f %.3f %.3f  %.3f (%ld)  %.3f (%ld)  %.3f (%ld)\n",
        lang.c_str(), grp.pages, c.Precision(), c.Recall(), c.F1(),
        grp.title.rate(), grp.title.total, grp.authors.rate(),
        grp.authors.total, grp.date.rate(), grp.date.total);
    *out << line;
    languages[lang] = {
        {"pages", grp.pages},           {"snippet_precision", c.Precision()},
        {"snippet_recall", c.Recall()}, {"snippet_f1", c.F1()},
        {"title", grp.title.rate()},    {"authors", grp.authors.rate()},
        {"date", grp.date.rate()}};
  }
  report->detail["half"] = EvalHalfName(options.half);
  report->detail["pages"] = pages.size();
  report->detail["snippets"] = {
      {"tp", s.tp}, {"fn", s.fn}, {"fp", s.fp}, {"tn", s.tn}};
  report->detail["languages"] = std::move(languages);
}

// The worst pages first (snippet errors, then metadata misses; ties in id
// order), up to options.worst of those with any miss.
void ReportWorst(std::vector<PageResult> pages, const EvalOptions& options,
                 EvalReport* report, std::ostringstream* out) {
  std::stable_sort(
      pages.begin(), pages.end(), [](const PageResult& a, const PageResult& b) {
        const auto key = [](const PageResult& p) {
          return std::make_pair(p.score.snippets.errors(),
                                static_cast<long>(p.misses.size()));
        };
        return key(a) > key(b);
      });
  *out << "worst pages\n";
  json worst = json::array();
  for (size_t i = 0;
       i < std::min(options.worst, pages.size()) && !pages[i].misses.empty();
       ++i) {
    const PageResult& p = pages[i];
    *out << "  " << p.id << "  " << p.url << "\n";
    for (const std::string& m : p.misses) *out << "    " << m << "\n";
    worst.push_back({{"id", p.id},
                     {"url", p.url},
                     {"language", p.language},
                     {"misses", p.misses}});
  }
  report->detail["worst"] = std::move(worst);
}

}  // namespace

Result<EvalReport> EvalWildSet(const std::string& evaldata,
                               const Pipeline& pipeline,
                               const EvalOptions& options) {
  ASSIGN_OR_RETURN(auto text, ReadFile(evaldata));
  const json gold = json::parse(text, nullptr, false);
  if (gold.is_discarded() || !gold.is_object())
    return MakeError(
        evaldata,
        "not a JSON object mapping page ids to {url, with, without, ...}");
  const std::filesystem::path html_dir =
      std::filesystem::path(evaldata).parent_path() / "html";

  std::vector<PageResult> pages;
  long missing = 0;
  for (const auto& [id, g] : gold.items()) {
    if (!g.is_object())
      return MakeError(evaldata, "entry \"" + id + "\" is not an object");
    if (!InEvalHalf(id, options.half)) continue;
    ASSIGN_OR_RETURN(auto page, ScorePage(id, g, html_dir, pipeline));
    if (!page.has_value()) {
      ++missing;
      continue;
    }
    pages.push_back(std::move(*page));
  }
  if (pages.empty())
    return MakeError(
        evaldata, std::string("no page of the ") + EvalHalfName(options.half) +
                      " half could be read from " + html_dir.string());

  EvalReport report;
  report.set = GoldKindName(GoldKind::kWild);
  report.source = evaldata;
  std::ostringstream out;
  ReportTotals(pages, options, missing, &report, &out);
  ReportWorst(std::move(pages), options, &report, &out);
  report.text = out.str();
  return report;
}

}  // namespace dateline
