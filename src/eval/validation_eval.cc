// PETRARCH2 / TABARI validation suites (format and scoring rule:
// validation_score.h). The suite is coded the way its authors ran it: a
// Pipeline of its own, built from the dictionaries its <Environment> names and
// none of Dateline's (dictionaries_only), each record's <Text> coded alone as a
// plain-text document published on the record's date. Only the records whose id
// is in options.half are scored (eval.h: InEvalHalf).
//
// Figures: validation_exact (exact records over scored records) and the
// multiset recall/precision at triple, code and root level. The report adds the
// exact rate per category (the records' category attribute) and the failing
// records with what was expected and produced; --format json lists every
// failure under detail.failures.
#include <expat.h>
#include <strings.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <sstream>
#include <tuple>

#include "core/date.h"
#include "core/table_file.h"
#include "core/utf8.h"
#include "eval/gold_sets.h"
#include "eval/validation_score.h"

namespace dateline {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool SameName(const char* a, const char* b) { return strcasecmp(a, b) == 0; }

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  bool space = false;
  for (const char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// State of one parse, shared with expat's callbacks through the user-data
// pointer.
struct SuiteReader {
  XML_Parser parser = nullptr;
  std::string name;
  ValidationSuite suite;
  int environment_depth =
      0;  // elements open from <Environment> down, itself included
  bool in_sentence = false;
  std::vector<std::string>* capture_file = nullptr;  // inside <Verbfile> etc.
  int capture_depth = 0;  // environment_depth of that element
  bool in_text = false;
  std::string chars;  // character data of the element being captured
  std::optional<Error> error;

  // Where the synthetic root was inserted (see ParseValidationSuite), to give
  // positions in the file rather than in what expat read.
  long insert_line = 1, insert_column = 0, inserted = 0;
  long file_lines = 1;

  // An error at expat's current position, given as line and 1-based column of
  // the file.
  Error ErrorHere(const std::string& message) const {
    long line = static_cast<long>(XML_GetCurrentLineNumber(parser));
    long column = static_cast<long>(XML_GetCurrentColumnNumber(parser));
    if (line == insert_line && column >= insert_column + inserted)
      column -= inserted;
    if (line >
        file_lines)  // in the synthetic closing tag: the file ended too early
      return MakeError(name,
                       "the file ends inside an element (" + message + ")",
                       file_lines);
    return MakeError(
        name, message + " (column " + std::to_string(column + 1) + ")", line);
  }

  void Fail(const std::string& message) {
    if (error) return;
    error = ErrorHere(message);
    XML_StopParser(parser, XML_FALSE);
  }

  static const char* Attribute(const XML_Char** attributes, const char* key) {
    for (const XML_Char** a = attributes; *a; a += 2) {
      if (SameName(a[0], key)) return a[1];
    }
    return nullptr;
  }

  // Everything inside <Environment> is settings: only the four file elements
  // are read there, and nothing there is a record.
  void Start(const char* element, const XML_Char** attributes) {
    if (environment_depth > 0 || SameName(element, "Environment")) {
      ++environment_depth;
      if (capture_file) return;
      if (SameName(element, "Verbfile")) capture_file = &suite.verb_files;
      if (SameName(element, "Actorfile")) capture_file = &suite.actor_files;
      if (SameName(element, "Agentfile")) capture_file = &suite.agent_files;
      if (SameName(element, "Discardfile")) capture_file = &suite.discard_files;
      if (capture_file) capture_depth = environment_depth;
      chars.clear();
    } else if (SameName(element, "Sentence")) {
      if (in_sentence) return Fail("<Sentence> inside <Sentence>");
      in_sentence = true;
      ValidationRecord& r = suite.records.emplace_back();
      r.line = static_cast<int>(XML_GetCurrentLineNumber(parser));
      const char* id = Attribute(attributes, "id");
      if (!id || !*id) return Fail("<Sentence> without an id");
      r.id = id;
      if (const char* c = Attribute(attributes, "category")) r.category = c;
      if (const char* d = Attribute(attributes, "date")) r.date = d;
    } else if (in_sentence && SameName(element, "EventCoding")) {
      ValidationRecord& r = suite.records.back();
      const char* error_value = Attribute(attributes, "error");
      const char* noevents = Attribute(attributes, "noevents");
      const char* code = Attribute(attributes, "eventcode");
      if (error_value) {
        r.error = error_value;
      } else if (noevents) {
        if (!SameName(noevents, "True"))
          return Fail("noevents=\"" + std::string(noevents) +
                      "\" (only \"True\" means something)");
        r.noevents = true;
      } else if (code) {
        // A missing source or target stays empty: it can never be produced, so
        // the record cannot be exact, which is what such a record asks for.
        const char* source = Attribute(attributes, "sourcecode");
        const char* target = Attribute(attributes, "targetcode");
        r.expected.push_back(
            {source ? source : "", target ? target : "", code});
      } else {
        return Fail("<EventCoding> of " + r.id +
                    " has none of eventcode, noevents, error");
      }
    } else if (in_sentence && !in_text && SameName(element, "Text")) {
      in_text = true;
      chars.clear();
    }
  }

  void End(const char* element) {
    if (environment_depth > 0) {
      if (capture_file && capture_depth == environment_depth) {
        std::vector<std::string>* files = capture_file;
        capture_file = nullptr;
        const std::string file(Trim(chars));
        if (file.empty()) return Fail(std::string("empty <") + element + ">");
        files->push_back(file);
      }
      --environment_depth;
    } else if (in_text && SameName(element, "Text")) {
      in_text = false;
      suite.records.back().text = CollapseWhitespace(chars);
    } else if (in_sentence && SameName(element, "Sentence")) {
      in_sentence = false;
      const ValidationRecord& r = suite.records.back();
      if (r.text.empty()) return Fail("<Sentence> " + r.id + " has no <Text>");
    }
  }

  void Characters(const XML_Char* s, int len) {
    if (in_text || capture_file) chars.append(s, static_cast<size_t>(len));
  }
};

// Where the synthetic root goes: after a byte-order mark and an XML
// declaration.
size_t PrologEnd(std::string_view xml) {
  size_t pos = xml.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  if (xml.substr(pos, 5) == "<?xml") {
    const size_t end = xml.find("?>", pos);
    if (end != std::string_view::npos) pos = end + 2;
  }
  return pos;
}

bool DeclaresEncoding(std::string_view xml) {
  const size_t start = PrologEnd(xml);
  return xml.substr(0, start).find("encoding") != std::string_view::npos;
}

std::string ShowTriples(const std::vector<ValidationTriple>& triples) {
  if (triples.empty()) return "(none)";
  std::string out;
  for (const ValidationTriple& t : triples) {
    if (!out.empty()) out += "; ";
    out += t.source + " " + t.target + " " + t.code;
  }
  return out;
}

json TriplesJson(const std::vector<ValidationTriple>& triples) {
  json out = json::array();
  for (const ValidationTriple& t : triples)
    out.push_back({t.source, t.target, t.code});
  return out;
}

// A dictionary named by the suite: next to the suite file, else in its
// dictionaries/.
Result<std::string> FindSuiteFile(const std::string& suite_path,
                                  const char* element,
                                  const std::string& file) {
  const fs::path dir = fs::path(suite_path).parent_path();
  std::error_code ec;
  for (const fs::path& candidate : {dir / file, dir / "dictionaries" / file}) {
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  }
  return MakeError(suite_path,
                   std::string("<") + element + "> \"" + file +
                       "\" not found in " +
                       (dir.empty() ? std::string(".") : dir.string()) +
                       " or its dictionaries/ folder");
}

}  // namespace

bool ValidationRecord::Scored() const {
  return error.empty() || error == "storydiscard" || error == "sentencediscard";
}

Result<ValidationSuite> ParseValidationSuite(std::string_view xml,
                                             const std::string& name) {
  // Always parse inside a synthetic root: a suite with its own root just nests
  // in it, one without (TABARI's) becomes well-formed. The tag goes on the
  // prolog's line, so line numbers stay those of the file.
  static constexpr std::string_view kOpen = "<dateline-validation-suite>";
  static constexpr std::string_view kClose = "</dateline-validation-suite>";
  const size_t insert = PrologEnd(xml);
  std::string wrapped;
  wrapped.reserve(xml.size() + kOpen.size() + kClose.size() + 1);
  wrapped.append(xml.substr(0, insert))
      .append(kOpen)
      .append(xml.substr(insert))
      .append("\n")
      .append(kClose);
  if (xml.size() > (1u << 30))
    return MakeError(name, "larger than 1 GiB; not a validation suite");
  const bool latin1 =
      !DeclaresEncoding(xml) && FindInvalidUtf8(xml) != std::string_view::npos;
  SuiteReader reader;
  reader.name = name;
  reader.insert_line =
      1 +
      std::count(xml.begin(), xml.begin() + static_cast<long>(insert), '\n');
  const size_t line_start = xml.substr(0, insert).rfind('\n');
  reader.insert_column = static_cast<long>(
      insert - (line_start == std::string_view::npos ? 0 : line_start + 1));
  reader.inserted = static_cast<long>(kOpen.size());
  reader.file_lines = 1 + std::count(xml.begin(), xml.end(), '\n') -
                      (!xml.empty() && xml.back() == '\n');
  reader.parser = XML_ParserCreate(latin1 ? "ISO-8859-1" : nullptr);
  if (!reader.parser)
    return MakeError(name, "cannot create an XML parser (out of memory)");
  XML_SetUserData(reader.parser, &reader);
  XML_SetElementHandler(
      reader.parser,
      [](void* data, const XML_Char* element, const XML_Char** attributes) {
        static_cast<SuiteReader*>(data)->Start(element, attributes);
      },
      [](void* data, const XML_Char* element) {
        static_cast<SuiteReader*>(data)->End(element);
      });
  XML_SetCharacterDataHandler(
      reader.parser, [](void* data, const XML_Char* s, int len) {
        static_cast<SuiteReader*>(data)->Characters(s, len);
      });
  const XML_Status status =
      XML_Parse(reader.parser, wrapped.data(), static_cast<int>(wrapped.size()),
                XML_TRUE);
  if (status == XML_STATUS_ERROR && !reader.error)
    reader.error =
        reader.ErrorHere(std::string("not well-formed XML: ") +
                         XML_ErrorString(XML_GetErrorCode(reader.parser)));
  XML_ParserFree(reader.parser);
  if (reader.error) return *reader.error;
  if (reader.suite.records.empty())
    return MakeError(name, "no <Sentence> records");
  return std::move(reader.suite);
}

std::string PetrarchActorCode(const ActorCode& actor) {
  if (!actor.country.empty() ||
      (actor.sectors.empty() && actor.prefix_sectors.empty()))
    return actor.Code();
  std::string code;
  for (const std::string& s : actor.prefix_sectors) code += s;
  code += "---";
  for (const std::string& s : actor.sectors) code += s;
  return code;
}

std::vector<ValidationTriple> ProducedTriples(
    const std::vector<Event>& events) {
  std::vector<ValidationTriple> out;
  for (const Event& e : events)
    out.push_back({PetrarchActorCode(e.source.actor),
                   PetrarchActorCode(e.target.actor), e.cameo});
  return out;
}

namespace {

template <class T>
long MultisetIntersection(std::vector<T> a, std::vector<T> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  long n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

std::vector<std::string> Codes(const std::vector<ValidationTriple>& triples,
                               size_t length) {
  std::vector<std::string> out;
  for (const ValidationTriple& t : triples)
    out.push_back(t.code.substr(0, length));
  return out;
}

}  // namespace

ValidationRecordScore ScoreValidationRecord(
    const std::vector<ValidationTriple>& expected,
    const std::vector<ValidationTriple>& produced) {
  ValidationRecordScore s;
  s.expected = static_cast<long>(expected.size());
  s.produced = static_cast<long>(produced.size());
  s.triple_hits = MultisetIntersection(expected, produced);
  s.code_hits = MultisetIntersection(Codes(expected, std::string::npos),
                                     Codes(produced, std::string::npos));
  s.root_hits = MultisetIntersection(Codes(expected, 2), Codes(produced, 2));
  s.exact = s.triple_hits == s.expected && s.triple_hits == s.produced;
  return s;
}

void ValidationTotals::Add(const std::string& category,
                           const ValidationRecordScore& s) {
  exact.Add(s.exact);
  exact_by_category[category].Add(s.exact);
  expected += s.expected;
  produced += s.produced;
  triple_hits += s.triple_hits;
  code_hits += s.code_hits;
  root_hits += s.root_hits;
}

std::map<std::string, double> ValidationTotals::Figures() const {
  const auto ratio = [](long hits, long total) {
    return total ? static_cast<double>(hits) / static_cast<double>(total) : 0.0;
  };
  return {{"validation_exact", exact.rate()},
          {"validation_triple_recall", ratio(triple_hits, expected)},
          {"validation_triple_precision", ratio(triple_hits, produced)},
          {"validation_code_recall", ratio(code_hits, expected)},
          {"validation_code_precision", ratio(code_hits, produced)},
          {"validation_root_recall", ratio(root_hits, expected)},
          {"validation_root_precision", ratio(root_hits, produced)}};
}

namespace {

// A pipeline with the suite's own dictionaries only, as PETRARCH codes the
// suite. `dictionaries` gets the files' names, for the report.
Result<std::unique_ptr<Pipeline>> SuitePipeline(const ValidationSuite& suite,
                                                const std::string& xml_path,
                                                const Pipeline& pipeline,
                                                std::string* dictionaries) {
  PipelineOptions suite_options;
  suite_options.data_dir = pipeline.info().data_dir;
  suite_options.gazetteer_file = pipeline.info().gazetteer_file;
  suite_options.tabari_format = true;
  suite_options.dictionaries_only = true;
  // The suites' expectations are PETRARCH's output with its default
  // require_dyad: the coder, not the scorer, keeps dyads only.
  suite_options.require_dyad = true;
  for (auto [element, files, into] :
       {std::tuple{"Verbfile", &suite.verb_files, &suite_options.verb_files},
        std::tuple{"Actorfile", &suite.actor_files, &suite_options.actor_files},
        std::tuple{"Agentfile", &suite.agent_files, &suite_options.agent_files},
        std::tuple{"Discardfile", &suite.discard_files,
                   &suite_options.discard_files}}) {
    for (const std::string& file : *files) {
      ASSIGN_OR_RETURN(std::string found,
                       FindSuiteFile(xml_path, element, file));
      into->push_back(std::move(found));
      *dictionaries += (dictionaries->empty() ? "" : ", ") + file;
    }
  }
  return Pipeline::Create(suite_options);
}

// Everything the scored records add up to.
struct ValidationRun {
  ValidationTotals totals;
  long skipped = 0, out_of_half = 0;
  json failures = json::array();
  std::ostringstream failure_text;  // the first `options.worst` failures
  size_t listed = 0;
};

// Codes one scored record with `suite_pipeline` and adds its score to `run`.
Status AddValidationRecord(const ValidationRecord& r,
                           const Pipeline& suite_pipeline,
                           const std::string& xml_path,
                           const EvalOptions& options, ValidationRun* run) {
  std::optional<PartialDate> date;
  if (!r.date.empty()) {
    date = ParseTabariDate(r.date);
    if (!date)
      return MakeError(
          xml_path,
          "<Sentence> " + r.id + ": date \"" + r.date + "\" is not YYYYMMDD",
          r.line);
  }
  Document doc;
  doc.id = r.id;
  doc.input = xml_path + ":" + std::to_string(r.line);
  doc.kind = InputKind::kText;
  doc.content = r.text;
  doc.published = date;
  auto coded = suite_pipeline.Code(std::move(doc));
  std::vector<ValidationTriple> produced;
  if (coded.ok()) produced = ProducedTriples(coded->events);
  const ValidationRecordScore s = ScoreValidationRecord(r.expected, produced);
  const std::string category = r.category.empty() ? "(none)" : r.category;
  run->totals.Add(category, s);
  if (s.exact) return Status::Ok();
  json failure = {{"id", r.id},
                  {"category", category},
                  {"line", r.line},
                  {"text", r.text},
                  {"expected", TriplesJson(r.expected)},
                  {"produced", TriplesJson(produced)}};
  if (!r.error.empty()) failure["discard"] = r.error;
  if (!coded.ok()) failure["coding_error"] = coded.error().ToString();
  run->failures.push_back(std::move(failure));
  if (run->listed++ < options.worst) {
    run->failure_text << "  " << r.id << " [" << category << "]: expected "
                      << ShowTriples(r.expected) << "; produced "
                      << ShowTriples(produced);
    if (!coded.ok())
      run->failure_text << " (coding failed: " << coded.error().ToString()
                        << ")";
    run->failure_text << "\n";
  }
  return Status::Ok();
}

EvalReport ValidationReport(const std::string& xml_path, size_t records,
                            const std::string& dictionaries, ValidationRun& run,
                            const EvalOptions& options) {
  const ValidationTotals& totals = run.totals;
  EvalReport report;
  report.set = GoldKindName(GoldKind::kValidation);
  report.source = xml_path;
  report.figures = totals.Figures();
  std::ostringstream out;
  char line[512];
  std::snprintf(line, sizeof line,
                "records %zu (half: %s): %ld scored, %ld not scored (error "
                "records other than discards), %ld in the other half\n",
                records, EvalHalfName(options.half), totals.exact.total,
                run.skipped, run.out_of_half);
  out << line << "dictionaries (only): "
      << (dictionaries.empty() ? "(none named)" : dictionaries) << "\n";
  const auto figure = [&](const char* name, double value, long hits,
                          long total) {
    std::snprintf(line, sizeof line, "  %-20s %6.3f  (%ld/%ld)\n", name, value,
                  hits, total);
    out << line;
  };
  const std::map<std::string, double> f = report.figures;
  figure("exact", f.at("validation_exact"), totals.exact.hits,
         totals.exact.total);
  figure("triple recall", f.at("validation_triple_recall"), totals.triple_hits,
         totals.expected);
  figure("triple precision", f.at("validation_triple_precision"),
         totals.triple_hits, totals.produced);
  figure("code recall", f.at("validation_code_recall"), totals.code_hits,
         totals.expected);
  figure("code precision", f.at("validation_code_precision"), totals.code_hits,
         totals.produced);
  figure("root recall", f.at("validation_root_recall"), totals.root_hits,
         totals.expected);
  figure("root precision", f.at("validation_root_precision"), totals.root_hits,
         totals.produced);
  out << "exact by category\n";
  json by_category = json::object();
  for (const auto& [category, t] : totals.exact_by_category) {
    std::snprintf(line, sizeof line, "  %-20s %6.3f  (%ld/%ld)\n",
                  category.c_str(), t.rate(), t.hits, t.total);
    out << line;
    by_category[category] = {
        {"exact", t.hits}, {"records", t.total}, {"rate", t.rate()}};
  }
  out << "failing records (" << std::min(run.listed, options.worst) << " of "
      << run.failures.size() << "; all with --format json)\n"
      << run.failure_text.str();
  report.text = out.str();
  report.detail["records"] = records;
  report.detail["scored"] = totals.exact.total;
  report.detail["skipped"] = run.skipped;
  report.detail["half"] = EvalHalfName(options.half);
  report.detail["triples"] = {{"expected", totals.expected},
                              {"produced", totals.produced},
                              {"matched", totals.triple_hits},
                              {"codes_matched", totals.code_hits},
                              {"roots_matched", totals.root_hits}};
  report.detail["categories"] = std::move(by_category);
  report.detail["failures"] = std::move(run.failures);
  return report;
}

}  // namespace

Result<EvalReport> EvalValidationSet(const std::string& xml_path,
                                     const Pipeline& pipeline,
                                     const EvalOptions& options) {
  ASSIGN_OR_RETURN(const std::string text, ReadFile(xml_path));
  ASSIGN_OR_RETURN(const ValidationSuite suite,
                   ParseValidationSuite(text, xml_path));
  std::string dictionaries;
  ASSIGN_OR_RETURN(const std::unique_ptr<Pipeline> suite_pipeline,
                   SuitePipeline(suite, xml_path, pipeline, &dictionaries));
  ValidationRun run;
  for (const ValidationRecord& r : suite.records) {
    if (!r.Scored()) {
      ++run.skipped;
    } else if (!InEvalHalf(r.id, options.half)) {
      ++run.out_of_half;
    } else {
      RETURN_IF_ERROR(
          AddValidationRecord(r, *suite_pipeline, xml_path, options, &run));
    }
  }
  return ValidationReport(xml_path, suite.records.size(), dictionaries, run,
                          options);
}

}  // namespace dateline
