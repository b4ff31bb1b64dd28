#include "eval/eval.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>

#include "core/geo.h"
#include "core/table_file.h"
#include "eval/gold_input.h"
#include "eval/gold_sets.h"
#include "ingest/ingest.h"

namespace dateline {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool In(const std::vector<std::string>& list, const std::string& v,
        bool fold_case = false) {
  for (const std::string& x : list) {
    if (fold_case ? Lower(x) == Lower(v) : x == v) return true;
  }
  return false;
}

bool CategoryMatches(const json& gold, const Event& e) {
  const std::vector<std::string> plover =
      GoldStrings(gold.value("plover", json()));
  const std::vector<std::string> roots =
      GoldStrings(gold.value("cameo_root", json()));
  if (!plover.empty() && In(plover, PloverName(e.plover))) return true;
  if (!roots.empty() && In(roots, e.cameo.substr(0, 2))) return true;
  return false;
}

bool ActorRight(const json& gold, const ActorMention& m) {
  const std::vector<std::string> countries =
      GoldStrings(gold.value("country", json()));
  if (!countries.empty() && !In(countries, m.actor.country)) return false;
  const std::vector<std::string> sectors =
      GoldStrings(gold.value("sector", json()));
  if (sectors.empty()) return true;
  return std::any_of(m.actor.sectors.begin(), m.actor.sectors.end(),
                     [&](const std::string& s) { return In(sectors, s); });
}

std::string Describe(const ActorMention& m) {
  return m.actor.Code().empty() ? "(none)"
                                : m.actor.Code() + " \"" + m.text + "\"";
}

bool DateRight(const json& gold, const Event& e) {
  if (!e.date) return false;
  if (gold.contains("value") && gold["value"].is_string()) {
    if (!e.date->value) return false;
    const std::string want = gold["value"].get<std::string>();
    return e.date->value->ToIso().substr(0, want.size()) == want &&
           (want.size() > 7 || e.date->value->ToIso().size() >= want.size());
  }
  if (gold.contains("year") && gold["year"].is_number_integer()) {
    const int year = gold["year"].get<int>();
    if (e.date->value) return e.date->value->year == year;
    return e.date->year_hint && *e.date->year_hint == year;
  }
  return false;
}

bool PlaceRight(const json& gold, const Event& e) {
  if (!e.place) return false;
  const std::string precision = gold.value("precision", "");
  if (gold.contains("lat") && gold.contains("lon") && precision != "country") {
    return DistanceKm(gold["lat"].get<double>(), gold["lon"].get<double>(),
                      e.place->lat, e.place->lon) <= 25.0;
  }
  const std::vector<std::string> names =
      GoldStrings(gold.value("name", json()));
  if (precision != "country" && !names.empty() &&
      In(names, e.place->name, true))
    return true;
  const std::string country = gold.value("country", "");
  return !country.empty() && Lower(country) == Lower(e.place->country) &&
         (precision == "country" || names.empty());
}

}  // namespace

void EvalScores::Add(const EvalScores& o) {
  documents += o.documents;
  for (auto [mine, theirs] :
       {std::pair{&title, &o.title},
        {&section, &o.section},
        {&authors, &o.authors},
        {&dateline, &o.dateline},
        {&tags, &o.tags},
        {&body_must_contain, &o.body_must_contain},
        {&body_must_not_contain, &o.body_must_not_contain},
        {&source, &o.source},
        {&target, &o.target},
        {&date, &o.date},
        {&place, &o.place}})
    mine->Add(*theirs);
  gold_events += o.gold_events;
  predicted_events += o.predicted_events;
  matched_events += o.matched_events;
  notes.insert(notes.end(), o.notes.begin(), o.notes.end());
}

std::map<std::string, double> EvalScores::Figures() const {
  std::map<std::string, double> f = {{"event_precision", precision()},
                                     {"event_recall", recall()},
                                     {"event_f1", f1()}};
  const auto add = [&](const char* name, const Tally& t) {
    if (t.total) f[name] = t.rate();
  };
  add("title", title);
  add("section", section);
  add("authors", authors);
  add("dateline", dateline);
  add("tags", tags);
  add("body_must_contain", body_must_contain);
  add("body_must_not_contain", body_must_not_contain);
  add("source", source);
  add("target", target);
  add("date", date);
  add("place", place);
  return f;
}

namespace {

// The article fields the gold record gives: title, section and dateline
// exactly, authors in order, tags as a set, body phrases that must or must not
// be there.
void ScoreArticleFields(const json& ga, const Article& a,
                        const std::string& doc_id, EvalScores* s) {
  const auto exact = [&](const char* field, const std::string& got, Tally& t) {
    if (!ga.contains(field) || !ga[field].is_string()) return;
    const bool hit = ga[field].get<std::string>() == got;
    t.Add(hit);
    if (!hit)
      s->notes.push_back(doc_id + ": " + field + " expected \"" +
                         ga[field].get<std::string>() + "\", got \"" + got +
                         "\"");
  };
  exact("title", a.title, s->title);
  exact("section", a.section, s->section);
  exact("dateline_place", a.dateline, s->dateline);
  if (ga.contains("authors")) {
    const bool hit = GoldStrings(ga["authors"]) == a.authors;
    s->authors.Add(hit);
    if (!hit) s->notes.push_back(doc_id + ": authors differ");
  }
  if (ga.contains("tags")) {
    std::vector<std::string> want = GoldStrings(ga["tags"]), got = a.tags;
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    s->tags.Add(want == got);
    if (want != got) s->notes.push_back(doc_id + ": tags differ");
  }
  for (const std::string& must :
       GoldStrings(ga.value("body_must_contain", json()))) {
    const bool hit = a.body.find(must) != std::string::npos;
    s->body_must_contain.Add(hit);
    if (!hit) s->notes.push_back(doc_id + ": body lacks \"" + must + "\"");
  }
  for (const std::string& must_not :
       GoldStrings(ga.value("body_must_not_contain", json()))) {
    const bool hit = a.body.find(must_not) == std::string::npos;
    s->body_must_not_contain.Add(hit);
    if (!hit)
      s->notes.push_back(doc_id + ": body contains furniture \"" + must_not +
                         "\"");
  }
}

// Whether predicted event `e` cites the gold event's evidence: the gold
// evidence, located in the extracted body, overlaps the predicted sentence.
bool EvidenceOverlaps(const json& g, const Event& e, const std::string& body) {
  if (!g.contains("evidence") || !g["evidence"].is_string()) {
    // Optional events may come without evidence: match on a source mention
    // inside the predicted sentence instead.
    const std::string mention =
        g.contains("source") ? g["source"].value("mention", "") : "";
    const std::string sentence =
        body.substr(e.evidence.start, e.evidence.end - e.evidence.start);
    return !mention.empty() &&
           Lower(sentence).find(Lower(mention)) != std::string::npos;
  }
  const std::string ev = g["evidence"].get<std::string>();
  for (size_t pos = body.find(ev); pos != std::string::npos;
       pos = body.find(ev, pos + 1)) {
    if (pos < e.evidence.end && pos + ev.size() > e.evidence.start) return true;
  }
  return false;
}

// The fields of a gold event the prediction `e` matched: source, target, date,
// place.
void ScoreMatchedEvent(const json& g, const Event& e, const std::string& what,
                       EvalScores* s) {
  if (g.contains("source")) {
    const bool hit = ActorRight(g["source"], e.source);
    s->source.Add(hit);
    if (!hit) s->notes.push_back(what + ": source " + Describe(e.source));
  }
  if (g.contains("target")) {
    const bool hit = ActorRight(g["target"], e.target);
    s->target.Add(hit);
    if (!hit) s->notes.push_back(what + ": target " + Describe(e.target));
  }
  if (g.contains("date")) {
    const bool hit = DateRight(g["date"], e);
    s->date.Add(hit);
    if (!hit)
      s->notes.push_back(
          what + ": date " +
          (e.date && e.date->value ? e.date->value->ToIso() : "(unresolved)"));
  }
  if (g.contains("place")) {
    const bool hit = PlaceRight(g["place"], e);
    s->place.Add(hit);
    if (!hit)
      s->notes.push_back(
          what + ": place " +
          (e.place ? e.place->name + " " + e.place->country : "(none)"));
  }
}

}  // namespace

EvalScores ScoreDocument(const json& gold, const CodedArticle& coded) {
  EvalScores s;
  s.documents = 1;
  const std::string doc_id = gold.value("id", coded.document.id);
  const Article& a = coded.article;
  if (gold.contains("article") && gold["article"].is_object())
    ScoreArticleFields(gold["article"], a, doc_id, &s);

  // Each gold event takes the first unused prediction of its category that
  // cites its evidence: required events first, then optional ones (neither hits
  // nor false positives when matched).
  const json gold_events = gold.value("events", json::array());
  std::vector<bool> used(coded.events.size(), false);
  for (int pass = 0; pass < 2; ++pass) {
    for (const json& g : gold_events) {
      const bool optional = g.value("optional", false);
      if (optional != (pass == 1)) continue;
      const std::string gid = g.value("id", "?");
      if (!optional) ++s.gold_events;
      size_t found = coded.events.size();
      for (size_t i = 0; i < coded.events.size(); ++i) {
        if (!used[i] && CategoryMatches(g, coded.events[i]) &&
            EvidenceOverlaps(g, coded.events[i], a.body)) {
          found = i;
          break;
        }
      }
      if (found == coded.events.size()) {
        if (!optional)
          s.notes.push_back(doc_id + " " + gid + ": not found (" +
                            g.value("what", "") + ")");
        continue;
      }
      used[found] = true;
      if (optional) continue;
      ++s.matched_events;
      ScoreMatchedEvent(g, coded.events[found], doc_id + " " + gid, &s);
    }
  }
  long optional_matches = 0;
  for (size_t i = 0; i < coded.events.size(); ++i) optional_matches += used[i];
  optional_matches -= s.matched_events;
  s.predicted_events =
      static_cast<long>(coded.events.size()) - optional_matches;
  for (size_t i = 0; i < coded.events.size(); ++i) {
    if (!used[i]) {
      const Event& e = coded.events[i];
      s.notes.push_back(doc_id + ": extra event " + e.cameo + " " +
                        PloverName(e.plover) + " " + Describe(e.source) +
                        " -> " + Describe(e.target) + " [" + e.trigger + "]");
    }
  }
  return s;
}

namespace {

std::string FindSharedDir(const fs::path& gold_file, const std::string& input) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(gold_file, ec).parent_path(); !dir.empty();
       dir = dir.parent_path()) {
    if (fs::exists(dir / input, ec)) return dir.string();
    if (dir == dir.parent_path()) break;
  }
  return "";
}

Result<std::vector<json>> ReadGold(const std::string& path) {
  ASSIGN_OR_RETURN(auto text, ReadFile(path));
  std::vector<json> docs;
  const bool lines =
      path.size() > 6 && path.substr(path.size() - 6) == ".jsonl";
  if (!lines) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      return MakeError(path, "not a JSON object (gold document)");
    docs.push_back(std::move(j));
    return docs;
  }
  int64_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line = Trim(std::string_view(text).substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty()) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      return MakeError(path, "not a JSON object", line_no);
    docs.push_back(std::move(j));
  }
  return docs;
}

}  // namespace

Result<EvalScores> RunEval(const std::vector<std::string>& gold_files,
                           const Pipeline& pipeline,
                           const EvalOptions& options) {
  EvalScores total;
  for (const std::string& file : gold_files) {
    ASSIGN_OR_RETURN(auto docs, ReadGold(file));
    for (const json& gold : docs) {
      Document doc;
      const std::string kind_name = gold.value("input_kind", "page-text");
      std::optional<InputKind> kind = ParseInputKind(kind_name);
      if (!kind)
        return MakeError(file, "unknown input_kind \"" + kind_name + "\"");
      std::string bytes, name;
      if (gold.contains("text") && gold["text"].is_string()) {
        bytes = gold["text"].get<std::string>();
        name = gold.value("id", "inline");
      } else {
        const std::string input = gold.value("input", "");
        if (input.empty())
          return MakeError(file,
                           "gold document has neither \"input\" nor \"text\"");
        const std::string shared = options.shared_dir.empty()
                                       ? FindSharedDir(file, input)
                                       : options.shared_dir;
        name = (fs::path(shared) / input).string();
        ASSIGN_OR_RETURN(auto read, ReadFile(name));
        bytes = std::move(read);
      }
      std::optional<Result<Document>> read_doc;
      IngestOptions ingest;
      ingest.kind = *kind;
      ReadBytes(std::move(bytes), name, ingest, [&](Result<Document> d) {
        if (!read_doc) read_doc.emplace(std::move(d));
      });
      if (!read_doc || !read_doc->ok())
        return read_doc ? read_doc->error()
                        : MakeError(name, "no document read");
      doc = std::move(read_doc->value());
      if (gold.contains("published") && gold["published"].is_string())
        doc.published = ParseIsoDate(gold["published"].get<std::string>());
      ASSIGN_OR_RETURN(auto coded, pipeline.Code(std::move(doc)));
      total.Add(ScoreDocument(gold, coded));
    }
  }
  return total;
}

void PrintEvalReport(const EvalScores& s, std::ostream& out) {
  const auto line = [&](const char* name, const Tally& t) {
    if (!t.total) return;
    out << "  " << std::left << std::setw(24) << name << std::right
        << std::setw(7) << std::fixed << std::setprecision(3) << t.rate()
        << "  (" << t.hits << "/" << t.total << ")\n";
  };
  out << "documents: " << s.documents << "\n";
  out << "article\n";
  line("title", s.title);
  line("section", s.section);
  line("authors", s.authors);
  line("dateline", s.dateline);
  line("tags", s.tags);
  line("body_must_contain", s.body_must_contain);
  line("body_must_not_contain", s.body_must_not_contain);
  out << "events\n";
  out << "  precision " << std::setprecision(3) << s.precision() << "  ("
      << s.matched_events << "/" << s.predicted_events << ")\n";
  out << "  recall    " << s.recall() << "  (" << s.matched_events << "/"
      << s.gold_events << ")\n";
  out << "  f1        " << s.f1() << "\n";
  out << "over matched events\n";
  line("source", s.source);
  line("target", s.target);
  line("date", s.date);
  line("place", s.place);
  if (!s.notes.empty()) {
    out << "notes\n";
    for (const std::string& n : s.notes) out << "  " << n << "\n";
  }
}

json EvalReportJson(const EvalScores& s) {
  json j;
  j["documents"] = s.documents;
  j["figures"] = s.Figures();
  j["events"] = {{"gold", s.gold_events},
                 {"predicted", s.predicted_events},
                 {"matched", s.matched_events}};
  j["notes"] = s.notes;
  return j;
}

const char* EvalHalfName(EvalHalf half) {
  switch (half) {
    case EvalHalf::kAll:
      return "all";
    case EvalHalf::kFit:
      return "fit";
    case EvalHalf::kHeldOut:
      return "held-out";
  }
  return "all";
}

bool InEvalHalf(std::string_view item_id, EvalHalf half) {
  if (half == EvalHalf::kAll) return true;
  uint64_t h = 14695981039346656037ull;  // FNV-1a 64
  for (const unsigned char c : item_id) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return ((h & 1) == 0) == (half == EvalHalf::kFit);
}

const char* GoldKindName(GoldKind kind) {
  switch (kind) {
    case GoldKind::kDocuments:
      return "documents";
    case GoldKind::kExtraction:
      return "extraction";
    case GoldKind::kWild:
      return "extraction-wild";
    case GoldKind::kPlover:
      return "plover";
    case GoldKind::kCase:
      return "case";
    case GoldKind::kGeo:
      return "geo";
    case GoldKind::kValidation:
      return "validation";
  }
  return "documents";
}

Result<GoldKind> DetectGoldKind(const std::string& path) {
  const std::string name = fs::path(path).filename().string();
  const auto ends = [&](const char* suffix) {
    const std::string s(suffix);
    return name.size() >= s.size() &&
           name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  if (ends(".gold.json") || ends(".gold.jsonl")) return GoldKind::kDocuments;
  if (name == "ground-truth.json") return GoldKind::kExtraction;
  if (name == "evaldata.json") return GoldKind::kWild;
  if (ends(".tsv")) return GoldKind::kCase;
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(path, "cannot open");
  // A PETRARCH2 / TABARI validation suite: an XML element of the suite layout
  // in the first bytes (after the suite's opening comment), or a .xml file with
  // records.
  {
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    const auto has_element = [&](std::string_view element) {
      for (size_t pos = head.find(element); pos != std::string::npos;
           pos = head.find(element, pos + 1)) {
        const size_t after = pos + element.size();
        if (after < head.size() &&
            (head[after] == '>' || head[after] == '/' ||
             std::isspace(static_cast<unsigned char>(head[after]))))
          return true;
      }
      return false;
    };
    size_t start = head.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (start < head.size() &&
           std::isspace(static_cast<unsigned char>(head[start])))
      ++start;
    const bool markup =
        start < head.size() && head[start] == '<';  // not JSON or TSV
    if (start < head.size() && head[start] == '{' && ends(".json") &&
        LooksLikeWildGold(head))
      return GoldKind::kWild;
    if (markup && (has_element("<Validation") || has_element("<Environment") ||
                   has_element("<Sentences") ||
                   (ends(".xml") && has_element("<Sentence"))))
      return GoldKind::kValidation;
    in.clear();
    in.seekg(0);
  }
  // Otherwise look at the first record.
  std::string first;
  std::getline(in, first);
  json j = json::parse(first, nullptr, false);
  if (j.is_object()) {
    if (j.contains("toponyms")) return GoldKind::kGeo;
    if (j.contains("event") && j.contains("text")) return GoldKind::kPlover;
    if (j.contains("events") || j.contains("article"))
      return GoldKind::kDocuments;
  }
  return MakeError(
      path,
      "not a gold set dateline eval knows (see shared/eval/README.md): "
      "*.gold.json(l), extraction ground-truth.json, extraction-wild "
      "evaldata.json, PLOVER or geo JSON Lines, CASE TSV, "
      "PETRARCH2/TABARI validation XML");
}

Result<EvalReport> EvaluateGoldFile(const std::string& path, GoldKind kind,
                                    const Pipeline& pipeline,
                                    const EvalOptions& options) {
  switch (kind) {
    case GoldKind::kExtraction:
      return EvalExtractionSet(path, pipeline, options);
    case GoldKind::kWild:
      return EvalWildSet(path, pipeline, options);
    case GoldKind::kPlover:
      return EvalPloverSet(path, pipeline, options);
    case GoldKind::kCase:
      return EvalCaseSet(path, pipeline, options);
    case GoldKind::kGeo:
      return EvalGeoSet(path, pipeline, options);
    case GoldKind::kValidation:
      return EvalValidationSet(path, pipeline, options);
    case GoldKind::kDocuments:
      break;
  }
  ASSIGN_OR_RETURN(auto scores, RunEval({path}, pipeline, options));
  EvalReport report;
  report.set = GoldKindName(kind);
  report.source = path;
  report.figures = scores.Figures();
  std::ostringstream text;
  PrintEvalReport(scores, text);
  report.text = text.str();
  report.detail = EvalReportJson(scores);
  return report;
}

}  // namespace dateline
