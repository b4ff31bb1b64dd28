// Internal to src/eval: the pure part of the PLOVER gold-record scorer —
// reading one record, choosing the prediction that answers it, judging that
// prediction and adding up the figures — so that the rules are tested on
// hand-built cases without running the pipeline.
//
// The rule (shared/eval/README.md: one primary prediction per record; the
// others are false positives, reported as precision):
//   - The record's PRIMARY prediction is chosen without looking at the gold:
//   the
//     first event in text order whose PLOVER category is not OTHER (Dateline's
//     pseudo- category for CAMEO root 01, public statements, which PLOVER does
//     not code), else the first event. "X said on Monday that Y would attack Z"
//     is thus answered by the reported act, not by the verb of saying.
//   - The record's event is right when the primary prediction's category equals
//   the
//     gold one (plover_event_accuracy, over all records scored).
//   - Every event of the record is a prediction; the records answered right are
//   the
//     true positives, every other event (including statements) is a false
//     positive: plover_event_precision = right records / predicted events.
// Actors are judged on the primary prediction, whatever its category: a source
// (target) is right when its actor country equals the code of one of the gold
// actors, after mapping the CAMEO country codes that differ from ISO 3166-1
// (JAP, ITL, VTN, ...; data/actors/cameo_countries.txt) to ISO; with no
// prediction it is wrong. Sectors are
// scored separately ("with sector"): right when the country is right and, where
// the gold gives a sector other than "***", one of the predicted sectors equals
// its first three letters. A gold target given as a string (empty, or a word
// such as "diplomatic") names no actor and is not scored. Plain functions and
// values; thread-safe.
#ifndef DATELINE_EVAL_PLOVER_SCORE_H_
#define DATELINE_EVAL_PLOVER_SCORE_H_

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/record.h"
#include "eval/eval.h"

namespace dateline {

struct PloverGoldActor {
  std::string text, code, sector;
};

struct PloverGold {
  std::string id, text, event;
  std::vector<PloverGoldActor> source,
      target;               // empty: the record gives no such actor
  std::optional<int> dead;  // stated fatalities, when a number
};

// Reads one record; an error names what is missing.
Result<PloverGold> ParsePloverGold(const nlohmann::json& record);

// CAMEO's spellings of ISO 3166-1 alpha-3 codes: CAMEO code -> ISO code.
using CameoCountryCodes = std::map<std::string, std::string, std::less<>>;

// Reads data_dir's actors/cameo_countries.txt (format at its top). A missing
// file, or a line that does not fit, is an Error naming the file (and line).
Result<CameoCountryCodes> LoadCameoCountryCodes(const std::string& data_dir);

// The gold's country code in ISO 3166-1 alpha-3 where CAMEO spells it
// differently (`cameo`), else the code as it is.
std::string NormalizePloverCountry(const std::string& code,
                                   const CameoCountryCodes& cameo);

// Index into `events` (in text order) of the record's primary prediction (rule
// above), or -1 when there is no event. Takes no gold, so it cannot look at it.
int ChoosePloverPrediction(const std::vector<Event>& events);

struct PloverRecordScore {
  int chosen = -1;           // the primary prediction, -1 if none
  std::string predicted;     // its PLOVER category, "" if none
  bool event_right = false;  // its category is the gold one
  long predictions = 0;      // events predicted for the record
  long false_positives = 0;  // predictions - (event_right ? 1 : 0)
  // Unset when the gold gives no such actor.
  std::optional<bool> source_right, target_right;
  std::optional<bool> source_sector_right, target_sector_right;
  std::optional<bool>
      fatalities_right;  // the primary's count equals the gold's
};

PloverRecordScore ScorePloverRecord(const PloverGold& gold,
                                    const std::vector<Event>& events,
                                    const CameoCountryCodes& cameo);

// The set's figures, added up record by record.
struct PloverTotals {
  Tally event;      // records whose primary prediction has the gold category
  Tally precision;  // hits: right records; total: predicted events
  Tally source, target, source_sector, target_sector, fatalities;
  void Add(const PloverRecordScore& s);
};

}  // namespace dateline

#endif  // DATELINE_EVAL_PLOVER_SCORE_H_
