// Geoparsing corpora (shared/eval/geo/*.jsonl; shared/eval/README.md): one
// article per line, {id, corpus, text, toponyms: [{start, end, phrase, lat,
// lon, ...}]}, offsets in code points of `text`.
//
// Only the articles whose `id` is in options.half are scored (eval.h:
// InEvalHalf); the publication lexicon below still comes from every article of
// the set, as a feed coded in order would have them (it holds no gold data).
//
// Two measurements, overall and per corpus (the records' `corpus` field, e.g.
// LGL and GeoVirus):
//  (a) gold spans: every gold toponym span is resolved by
//  PlaceResolver::ResolveSpans
//      with the article text as context (what a geoparser achieves given
//      perfect recognition);
//  (b) end to end: PlaceResolver::FindPlaces on the text as analysed by the
//  real
//      TextAnalyzer. A gold toponym is recognised when a predicted span
//      overlaps it; recognition precision is the share of predicted spans
//      overlapping a gold one, recall the share of gold toponyms recognised;
//      distances are measured for the recognised toponyms, at the first
//      overlapping prediction.
// Distance figures: accuracy within 161 km (100 miles) over all toponyms of the
// measurement (an unresolved toponym counts as wrong); mean and median error in
// km over the resolved ones; and AUC, the area under the curve of the sorted
// log errors as in Gritta et al. (2018): with e_1 <= ... <= e_n the errors in
// km (an unresolved toponym at the maximum, 20039 km, half the Earth's
// circumference),
//   AUC = trapezoid integral over i of log(1 + e_i) / log(1 + 20039), divided
//   by n - 1,
// which lies in [0, 1]; lower is better (0: every toponym placed exactly).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "core/geo.h"
#include "core/table_file.h"
#include "core/utf8.h"
#include "eval/gold_sets.h"
#include "text/text.h"
#include "where/where.h"

namespace dateline {

namespace {

constexpr double kCorrectKm = 161;
constexpr double kMaxErrorKm = 20039;

// Errors of one measurement; a negative error marks an unresolved toponym.
struct Distances {
  std::vector<double> errors;

  void Add(std::optional<double> km) { errors.push_back(km ? *km : -1); }
  size_t resolved() const {
    return static_cast<size_t>(std::count_if(errors.begin(), errors.end(),
                                             [](double e) { return e >= 0; }));
  }
  double Acc161() const {
    if (errors.empty()) return 0;
    const auto hits = std::count_if(errors.begin(), errors.end(), [](double e) {
      return e >= 0 && e <= kCorrectKm;
    });
    return static_cast<double>(hits) / static_cast<double>(errors.size());
  }
  std::vector<double> Resolved() const {
    std::vector<double> r;
    for (double e : errors) {
      if (e >= 0) r.push_back(e);
    }
    std::sort(r.begin(), r.end());
    return r;
  }
  double Mean() const {
    const std::vector<double> r = Resolved();
    double sum = 0;
    for (double e : r) sum += e;
    return r.empty() ? 0 : sum / static_cast<double>(r.size());
  }
  double Median() const {
    const std::vector<double> r = Resolved();
    if (r.empty()) return 0;
    const size_t n = r.size();
    return n % 2 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2;
  }
  double Auc() const {
    std::vector<double> logs;
    for (double e : errors)
      logs.push_back(
          std::log1p(e >= 0 ? std::min(e, kMaxErrorKm) : kMaxErrorKm) /
          std::log1p(kMaxErrorKm));
    std::sort(logs.begin(), logs.end());
    if (logs.size() < 2) return logs.empty() ? 0 : logs[0];
    double area = 0;
    for (size_t i = 1; i < logs.size(); ++i)
      area += (logs[i - 1] + logs[i]) / 2;
    return area / static_cast<double>(logs.size() - 1);
  }
};

struct GeoTally {
  Distances gold_spans, end_to_end;
  long gold = 0, predicted = 0, predicted_matched = 0, gold_recognized = 0;

  double Precision() const {
    return predicted ? static_cast<double>(predicted_matched) /
                           static_cast<double>(predicted)
                     : 0;
  }
  double Recall() const {
    return gold ? static_cast<double>(gold_recognized) /
                      static_cast<double>(gold)
                : 0;
  }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

void AddFigures(const std::string& prefix, const GeoTally& t,
                std::map<std::string, double>* figures) {
  (*figures)[prefix + "acc161_gold_spans"] = t.gold_spans.Acc161();
  (*figures)[prefix + "mean_km_gold_spans"] = t.gold_spans.Mean();
  (*figures)[prefix + "median_km_gold_spans"] = t.gold_spans.Median();
  (*figures)[prefix + "auc_gold_spans"] = t.gold_spans.Auc();
  (*figures)[prefix + "recognition_precision"] = t.Precision();
  (*figures)[prefix + "recognition_recall"] = t.Recall();
  (*figures)[prefix + "recognition_f1"] = t.F1();
  (*figures)[prefix + "acc161_end_to_end"] = t.end_to_end.Acc161();
  (*figures)[prefix + "mean_km_end_to_end"] = t.end_to_end.Mean();
  (*figures)[prefix + "median_km_end_to_end"] = t.end_to_end.Median();
  (*figures)[prefix + "auc_end_to_end"] = t.end_to_end.Auc();
}

void PrintTally(const std::string& label, const GeoTally& t,
                std::ostream& out) {
  char line[512];
  std::snprintf(
      line, sizeof line,
      "%s: %ld gold toponyms\n"
      "  gold spans:  acc@161km %.1f%%  mean %.0f km  median %.1f km  AUC %.3f "
      " (%zu resolved)\n"
      "  end to end:  recognition P %.1f%% R %.1f%% F1 %.1f%% (%ld predicted)\n"
      "               acc@161km %.1f%%  mean %.0f km  median %.1f km  AUC %.3f "
      " (%ld recognised)\n",
      label.c_str(), t.gold, 100 * t.gold_spans.Acc161(), t.gold_spans.Mean(),
      t.gold_spans.Median(), t.gold_spans.Auc(), t.gold_spans.resolved(),
      100 * t.Precision(), 100 * t.Recall(), 100 * t.F1(), t.predicted,
      100 * t.end_to_end.Acc161(), t.end_to_end.Mean(), t.end_to_end.Median(),
      t.end_to_end.Auc(), t.gold_recognized);
  out << line;
}

// "LGL" -> "lgl": corpus names in figure names.
std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

struct GoldToponym {
  Span span;  // bytes of the article's text
  double lat = 0, lon = 0;
  std::string phrase, fcode;
};

// One record of the set.
struct GeoArticle {
  std::string id, corpus, text;
  std::vector<GoldToponym> gold;
};

Result<GeoArticle> ParseGeoArticle(const nlohmann::json& doc,
                                   const std::string& jsonl, int64_t line_no) {
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("text") ||
      !doc["text"].is_string() || !doc.contains("toponyms") ||
      !doc["toponyms"].is_array()) {
    return MakeError(jsonl, "not a geo record ({text, toponyms: [...]})",
                     line_no);
  }
  GeoArticle article;
  article.id = doc.contains("id") && doc["id"].is_string()
                   ? doc["id"].get<std::string>()
                   : "";
  article.text = doc["text"].get<std::string>();
  article.corpus = doc.contains("corpus") && doc["corpus"].is_string()
                       ? doc["corpus"].get<std::string>()
                       : "";
  // Gold offsets are code points; spans here are bytes.
  const std::string& text = article.text;
  std::vector<size_t> byte_of;
  for (size_t pos = 0; pos < text.size();) {
    byte_of.push_back(pos);
    DecodeUtf8(text, &pos);
  }
  byte_of.push_back(text.size());
  for (const auto& t : doc["toponyms"]) {
    if (!t.is_object() || !t.contains("start") || !t.contains("end") ||
        !t.contains("lat") || !t.contains("lon") ||
        !t["start"].is_number_unsigned() || !t["end"].is_number_unsigned() ||
        !t["lat"].is_number() || !t["lon"].is_number()) {
      return MakeError(jsonl, "toponym without start, end, lat and lon",
                       line_no);
    }
    const size_t s =
        std::min<size_t>(t["start"].get<size_t>(), byte_of.size() - 1);
    const size_t e =
        std::min<size_t>(t["end"].get<size_t>(), byte_of.size() - 1);
    article.gold.push_back({Span{byte_of[s], byte_of[std::max(s, e)]},
                            t["lat"].get<double>(), t["lon"].get<double>(),
                            t.contains("phrase") && t["phrase"].is_string()
                                ? t["phrase"].get<std::string>()
                                : "",
                            t.contains("fcode") && t["fcode"].is_string()
                                ? t["fcode"].get<std::string>()
                                : "-"});
  }
  return article;
}

// The publication's home region of each article (by id), learnt from the set's
// earlier articles from the same site (the host of `url`) as `dateline code`
// and `dateline ingest` learn it over a stream (PublicationMemory): from the
// places found in each article in file order, with the home known before it. No
// gold data goes into it.
std::map<std::string, std::optional<HomeRegion>> PublicationHomes(
    const std::string& content, const TextAnalyzer& analyzer,
    const PlaceResolver& resolver) {
  std::map<std::string, std::optional<HomeRegion>> home_of;
  std::map<std::string, PublicationHome> homes;  // by host
  std::istringstream lines(content);
  std::string line;
  while (std::getline(lines, line)) {
    const nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("text") ||
        !doc["text"].is_string())
      continue;
    if (!doc.contains("url") || !doc["url"].is_string() ||
        !doc.contains("id") || !doc["id"].is_string())
      continue;
    const std::string host = UrlHost(doc["url"].get<std::string>());
    if (host.empty()) continue;
    PlaceContext context;
    context.home = homes[host].Home();
    home_of[doc["id"].get<std::string>()] = context.home;
    const std::string text =
        doc["text"].get<std::string>();  // the analysis borrows it
    const AnalyzedText analyzed = analyzer.Analyze(text);
    homes[host].Add(resolver.FindPlaces(analyzed, context));
  }
  return home_of;
}

// A gold toponym placed more than 161 km off, or not at all, with gold spans.
struct Miss {
  double km;
  std::string id, phrase, got;
};

// Everything the scored articles add up to.
struct GeoRun {
  GeoTally all;
  std::map<std::string, GeoTally> corpora;
  std::map<std::string, Tally>
      by_fcode;  // gold spans, by the gold GeoNames feature code
  std::map<std::string, long> false_positives;  // end to end, by surface
  std::vector<Miss> misses;
  long articles = 0, other_half = 0;
};

// Both measurements on one article, added to `run`.
void ScoreGeoArticle(const GeoArticle& article, const TextAnalyzer& analyzer,
                     const PlaceResolver& resolver, const PlaceContext& context,
                     GeoRun* run) {
  const std::vector<GoldToponym>& gold = article.gold;
  const AnalyzedText analyzed = analyzer.Analyze(article.text);
  std::vector<Span> spans;
  for (const GoldToponym& g : gold) spans.push_back(g.span);
  const std::vector<std::optional<PlaceMention>> resolved =
      resolver.ResolveSpans(analyzed, spans, context);
  const std::vector<PlaceMention> found =
      resolver.FindPlaces(analyzed, context);

  GeoTally doc_tally;
  doc_tally.gold = static_cast<long>(gold.size());
  for (size_t i = 0; i < gold.size(); ++i) {
    std::optional<double> km;
    if (resolved[i])
      km = DistanceKm(resolved[i]->lat, resolved[i]->lon, gold[i].lat,
                      gold[i].lon);
    doc_tally.gold_spans.Add(km);
    run->by_fcode[gold[i].fcode].Add(km && *km <= kCorrectKm);
    if (!km || *km > kCorrectKm) {
      run->misses.push_back({km ? *km : kMaxErrorKm, article.id,
                             gold[i].phrase + " [" + gold[i].fcode + "]",
                             resolved[i] ? resolved[i]->name + " " +
                                               resolved[i]->country + " " +
                                               resolved[i]->admin1
                                         : "(unresolved)"});
    }
  }
  std::vector<const PlaceMention*> first_hit(gold.size(), nullptr);
  for (const PlaceMention& p : found) {
    if (p.from_dateline) continue;
    ++doc_tally.predicted;
    bool matched = false;
    for (size_t g = 0; g < gold.size(); ++g) {
      if (p.span.start < gold[g].span.end && gold[g].span.start < p.span.end) {
        matched = true;
        if (!first_hit[g]) first_hit[g] = &p;
      }
    }
    doc_tally.predicted_matched += matched;
    if (!matched)
      ++run->false_positives[article.text.substr(p.span.start,
                                                 p.span.end - p.span.start)];
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (!first_hit[g]) continue;
    ++doc_tally.gold_recognized;
    doc_tally.end_to_end.Add(DistanceKm(first_hit[g]->lat, first_hit[g]->lon,
                                        gold[g].lat, gold[g].lon));
  }
  for (GeoTally* t :
       {&run->all,
        article.corpus.empty() ? nullptr : &run->corpora[article.corpus]}) {
    if (!t) continue;
    t->gold += doc_tally.gold;
    t->predicted += doc_tally.predicted;
    t->predicted_matched += doc_tally.predicted_matched;
    t->gold_recognized += doc_tally.gold_recognized;
    for (double e : doc_tally.gold_spans.errors)
      t->gold_spans.errors.push_back(e);
    for (double e : doc_tally.end_to_end.errors)
      t->end_to_end.errors.push_back(e);
  }
}

// The most frequent misses say more than the farthest: grouped by phrase and
// reading.
nlohmann::json ListMisses(std::vector<Miss> misses, size_t worst,
                          std::ostream& out) {
  std::sort(misses.begin(), misses.end(),
            [](const Miss& a, const Miss& b) { return a.km > b.km; });
  std::map<std::pair<std::string, std::string>, long> grouped;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>>
      ids_of;
  for (const Miss& m : misses) {
    ++grouped[{m.phrase, m.got}];
    ids_of[{m.phrase, m.got}].push_back(m.id);
  }
  std::vector<std::pair<long, std::pair<std::string, std::string>>> ranked;
  for (const auto& [k, n] : grouped) ranked.push_back({n, k});
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  out << "most frequent misses with gold spans\n";
  nlohmann::json listed = nlohmann::json::array();
  for (size_t i = 0; i < std::min(worst, ranked.size()); ++i) {
    out << "  " << ranked[i].first << "x  " << ranked[i].second.first << " -> "
        << ranked[i].second.second << "\n";
    listed.push_back({{"phrase", ranked[i].second.first},
                      {"reading", ranked[i].second.second},
                      {"count", ranked[i].first},
                      {"ids", ids_of[ranked[i].second]}});
  }
  return listed;
}

nlohmann::json ListFalsePositives(
    const std::map<std::string, long>& false_positives, size_t worst,
    std::ostream& out) {
  std::vector<std::pair<long, std::string>> fps;
  for (const auto& [surface, n] : false_positives) fps.push_back({n, surface});
  std::sort(fps.begin(), fps.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  out << "most frequent false positives end to end\n ";
  nlohmann::json listed = nlohmann::json::array();
  for (size_t i = 0; i < std::min(worst, fps.size()); ++i) {
    out << " " << fps[i].second << " (" << fps[i].first << ");";
    listed.push_back({{"surface", fps[i].second}, {"count", fps[i].first}});
  }
  out << "\n";
  return listed;
}

EvalReport GeoReport(const std::string& jsonl, const GeoRun& run,
                     const EvalOptions& options) {
  EvalReport report;
  report.set = GoldKindName(GoldKind::kGeo);
  report.source = jsonl;
  AddFigures("geo_", run.all, &report.figures);
  std::ostringstream out;
  out << "articles " << run.articles << " (half: " << EvalHalfName(options.half)
      << "; " << run.other_half << " articles of the other half not scored)\n";
  PrintTally("all", run.all, out);
  for (const auto& [name, t] : run.corpora) {
    AddFigures("geo_" + Lower(name) + "_", t, &report.figures);
    PrintTally(name, t, out);
  }
  out << "gold spans by gold feature code (acc@161km)\n ";
  for (const auto& [code, t] : run.by_fcode) {
    if (t.total < 10) continue;
    char cell[96];
    std::snprintf(cell, sizeof cell, " %s %.1f%% of %ld;", code.c_str(),
                  100 * t.rate(), t.total);
    out << cell;
  }
  out << "\n";
  nlohmann::json misses = ListMisses(run.misses, options.worst, out);
  report.detail["false_positives"] =
      ListFalsePositives(run.false_positives, options.worst, out);
  report.text = out.str();
  report.detail["articles"] = run.articles;
  report.detail["half"] = EvalHalfName(options.half);
  report.detail["misses"] = std::move(misses);
  return report;
}

}  // namespace

Result<EvalReport> EvalGeoSet(const std::string& jsonl,
                              const Pipeline& pipeline,
                              const EvalOptions& options) {
  const PipelineInfo& info = pipeline.info();
  if (info.gazetteer_file.empty() || info.countries_only_gazetteer) {
    return MakeError(jsonl,
                     "the geo set needs a built gazetteer file (the pipeline "
                     "has only countries)");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<Gazetteer> gazetteer,
                   Gazetteer::Open(info.gazetteer_file));
  ASSIGN_OR_RETURN(std::unique_ptr<TextAnalyzer> analyzer,
                   TextAnalyzer::Create(info.data_dir));
  const PlaceResolver resolver(*gazetteer);
  ASSIGN_OR_RETURN(const std::string content, ReadFile(jsonl));
  const std::map<std::string, std::optional<HomeRegion>> home_of =
      PublicationHomes(content, *analyzer, resolver);

  GeoRun run;
  std::istringstream lines(content);
  std::string line;
  int64_t line_no = 0;
  while (std::getline(lines, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ASSIGN_OR_RETURN(
        const GeoArticle article,
        ParseGeoArticle(nlohmann::json::parse(line, nullptr, false), jsonl,
                        line_no));
    if (!InEvalHalf(article.id, options.half)) {
      ++run.other_half;
      continue;
    }
    ++run.articles;
    PlaceContext context;
    if (const auto h = home_of.find(article.id); h != home_of.end())
      context.home = h->second;
    ScoreGeoArticle(article, *analyzer, resolver, context, &run);
  }
  if (run.articles == 0) {
    return MakeError(jsonl, run.other_half
                                ? std::string("no article in the ") +
                                      EvalHalfName(options.half) + " half"
                                : std::string("no article in the geo set"));
  }
  return GeoReport(jsonl, run, options);
}

}  // namespace dateline
