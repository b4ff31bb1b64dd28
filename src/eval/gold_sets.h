// Internal to src/eval: one scorer per gold set besides the document format
// (eval.cc). Each reads its gold file, runs the part of Dateline the set
// measures, and returns figures named with the set's prefix ("extraction_f1",
// "plover_event_accuracy", ...). The PLOVER, CASE, geo and validation scorers
// score only the items of options.half.
#ifndef DATELINE_EVAL_GOLD_SETS_H_
#define DATELINE_EVAL_GOLD_SETS_H_

#include <string>

#include "eval/eval.h"

namespace dateline {

// extraction/ground-truth.json with html/<id>.html.gz beside it: shingle P/R/F1
// of the extracted body, averaged over pages, with the worst pages listed.
Result<EvalReport> EvalExtractionSet(const std::string& ground_truth,
                                     const Pipeline& pipeline,
                                     const EvalOptions& options);
// extraction-wild/evaldata.json (trafilatura's evaluation data) with
// html/<id>.html.gz beside it: snippet precision/recall/accuracy/F1, title,
// authors and date accuracy, per declared language, the worst pages.
Result<EvalReport> EvalWildSet(const std::string& evaldata,
                               const Pipeline& pipeline,
                               const EvalOptions& options);
// Whether the first bytes of a JSON file read like evaldata.json (pages with
// "with" and "without" snippets).
bool LooksLikeWildGold(std::string_view head);
// PLOVER gold records: one primary prediction per record (its category accuracy
// and source/target code accuracy), the record's other events as false
// positives (event precision).
Result<EvalReport> EvalPloverSet(const std::string& jsonl,
                                 const Pipeline& pipeline,
                                 const EvalOptions& options);
// CASE 2021 task 2 snippets: weighted F1 of the ACLED-style label, per-label
// P/R.
Result<EvalReport> EvalCaseSet(const std::string& tsv, const Pipeline& pipeline,
                               const EvalOptions& options);
// Geoparsing corpora: resolution with gold spans and end to end (recognition
// P/R/F1, accuracy within 161 km, mean/median error, AUC of log error).
Result<EvalReport> EvalGeoSet(const std::string& jsonl,
                              const Pipeline& pipeline,
                              const EvalOptions& options);
// PETRARCH2 / TABARI validation suites (XML records, validation_score.h): coded
// with the suite's own dictionaries only (a pipeline of its own, with
// `pipeline`'s data folder and gazetteer), scored by the multiset rule of
// (source, target, code) triples.
Result<EvalReport> EvalValidationSet(const std::string& xml,
                                     const Pipeline& pipeline,
                                     const EvalOptions& options);

}  // namespace dateline

#endif  // DATELINE_EVAL_GOLD_SETS_H_
