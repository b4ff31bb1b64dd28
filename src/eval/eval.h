// Eval: Dateline's own scorer against gold documents in the format of
// shared/eval/README.md (`*.gold.json`, one document; `*.gold.jsonl`, one per
// line): article fields, events (precision/recall/F1 with the README's matching
// rules), and source, target, date and place accuracy over matched events.
//
// Scoring is a pure function of the gold and the coded articles
// (ScoreDocument), so it is tested without running the pipeline; RunEval wires
// in the pipeline and the files. Not thread-safe.
#ifndef DATELINE_EVAL_EVAL_H_
#define DATELINE_EVAL_EVAL_H_

#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/record.h"
#include "pipeline/pipeline.h"

namespace dateline {

// A ratio with its counts, e.g. 5 of 6 tags right.
struct Tally {
  long hits = 0;
  long total = 0;
  double rate() const {
    return total ? static_cast<double>(hits) / static_cast<double>(total) : 0.0;
  }
  void Add(bool hit) {
    hits += hit;
    ++total;
  }
  void Add(const Tally& t) {
    hits += t.hits;
    total += t.total;
  }
};

struct EvalScores {
  long documents = 0;
  // Article fields: exact match per document.
  Tally title, section, authors, dateline, tags;
  Tally body_must_contain, body_must_not_contain;  // per string
  // Events.
  long gold_events = 0;       // non-optional gold events
  long predicted_events = 0;  // predictions not matching an optional gold event
  long matched_events = 0;    // non-optional gold events matched
  Tally source, target, date,
      place;                       // over matched events that state the field
  std::vector<std::string> notes;  // one line per miss, for the report

  double precision() const {
    return predicted_events ? static_cast<double>(matched_events) /
                                  static_cast<double>(predicted_events)
                            : 0.0;
  }
  double recall() const {
    return gold_events ? static_cast<double>(matched_events) /
                             static_cast<double>(gold_events)
                       : 0.0;
  }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  void Add(const EvalScores& other);
  // Named figures ("event_f1", "title", "source", ...) for --require and JSON
  // output.
  std::map<std::string, double> Figures() const;
};

// Scores one coded article against one gold document object.
EvalScores ScoreDocument(const nlohmann::json& gold, const CodedArticle& coded);

// Which items of a gold set to score. Everything fitted to data (weights,
// thresholds, lexicon choices) is fitted on the fit half and reported on the
// held-out half, so a figure on the held-out half is an honest estimate. An
// item's half is a pure function of its id (FNV-1a 64-bit hash of the id, even:
// fit, odd: held-out), so the split is the same on every machine, independent
// of file order, and about 50/50.
enum class EvalHalf { kAll, kFit, kHeldOut };
const char* EvalHalfName(EvalHalf half);  // "all", "fit", "held-out"
// Whether the item with this id belongs to `half` (always true for kAll).
bool InEvalHalf(std::string_view item_id, EvalHalf half);

struct EvalOptions {
  std::string
      shared_dir;     // where gold `input` paths are relative to; empty: search
                      // upwards from each gold file for a folder that has them
  size_t worst = 10;  // how many worst items the reports list
  EvalHalf half = EvalHalf::kAll;  // PLOVER, CASE, geo, extraction-wild and
                                   // validation sets: items scored
};

// The gold sets `dateline eval` knows (shared/eval/README.md).
enum class GoldKind {
  kDocuments,   // *.gold.json / *.gold.jsonl: articles with expected fields and
                // events
  kExtraction,  // extraction/ground-truth.json (+ html/*.html.gz): article
                // bodies
  kWild,    // extraction-wild/evaldata.json (+ html/*.html.gz): snippets and
            // metadata
  kPlover,  // PLOVER gold-standard records (JSON Lines with text, event,
            // source, target)
  kCase,    // CASE 2021 task 2 snippets (TSV: id, EventSnippet, SubType)
  kGeo,     // geoparsing corpora (JSON Lines with text and toponyms)
  kValidation,  // PETRARCH2 / TABARI validation suites (XML <Sentence> records)
};
const char* GoldKindName(GoldKind kind);
// Decides from the file name and its first bytes; an Error when it is none of
// them.
Result<GoldKind> DetectGoldKind(const std::string& path);

// One gold set's result: named figures (for --require and JSON), a printable
// report, and details (per-label, worst items) for --format json.
struct EvalReport {
  std::string set;     // GoldKindName
  std::string source;  // the gold file
  std::map<std::string, double>
      figures;  // e.g. "extraction_f1", "case_weighted_f1"
  std::string text;
  nlohmann::json detail = nlohmann::json::object();
};

// Scores `pipeline` (and the data and gazetteer it loaded) on one gold file.
Result<EvalReport> EvaluateGoldFile(const std::string& path, GoldKind kind,
                                    const Pipeline& pipeline,
                                    const EvalOptions& options);

// Reads each gold file, codes its input with `pipeline`, and scores it.
Result<EvalScores> RunEval(const std::vector<std::string>& gold_files,
                           const Pipeline& pipeline,
                           const EvalOptions& options);

void PrintEvalReport(const EvalScores& scores, std::ostream& out);
nlohmann::json EvalReportJson(const EvalScores& scores);

}  // namespace dateline

#endif  // DATELINE_EVAL_EVAL_H_
