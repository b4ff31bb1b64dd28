// Internal to src/eval: the pure part of the PLOVER gold-record scorer — reading one
// record, choosing the prediction that answers it, and judging that prediction — so
// that the rules are tested on hand-built cases without running the pipeline.
//
// The choice rule (one prediction per record, so a coder is not rewarded for
// emitting many events):
//   1. Among the predicted events whose PLOVER category equals the gold one, the one
//      whose source and target agree with most gold actors (ties: first in text).
//   2. When none has the gold category, the coder's own PRIMARY event: the first
//      event that is not a statement (PLOVER OTHER, CAMEO 01x), else the first event.
//      The record's event is then wrong; its actors are still scored on this event.
// Actors: a source (target) is right when the chosen event's actor country equals the
// code of one of the gold actors, after mapping the CAMEO country codes that differ
// from ISO 3166-1 (JAP, ITL, VTN, ...) to ISO. Sectors are scored separately ("with
// sector"): right when the country is right and, where the gold gives a sector other
// than "***", one of the predicted sectors equals its first three letters.
// A gold target given as a string (empty, or a word such as "diplomatic") names no
// actor and is not scored. Plain functions; thread-safe.
#ifndef DATELINE_EVAL_PLOVER_SCORE_H_
#define DATELINE_EVAL_PLOVER_SCORE_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/record.h"

namespace dateline {

struct PloverGoldActor {
  std::string text, code, sector;
};

struct PloverGold {
  std::string id, text, event;
  std::vector<PloverGoldActor> source, target;  // empty: the record gives no such actor
  std::optional<int> dead;                      // stated fatalities, when a number
};

// Reads one record; an error names what is missing.
Result<PloverGold> ParsePloverGold(const nlohmann::json& record);

// The gold's country code in ISO 3166-1 alpha-3 where CAMEO spells it differently.
std::string NormalisePloverCountry(const std::string& code);

// Index into `events` of the prediction that answers `gold` (rule above), or -1 when
// there is no event.
int ChoosePloverPrediction(const PloverGold& gold, const std::vector<Event>& events);

// Index of the coder's primary event (rule 2 above), or -1.
int PrimaryEvent(const std::vector<Event>& events);

struct PloverRecordScore {
  int chosen = -1;
  std::string predicted;          // PLOVER category of the chosen event, "" if none
  bool event_right = false;
  bool primary_right = false;     // the primary event alone has the gold category
  // Unset when the gold gives no such actor.
  std::optional<bool> source_right, target_right;
  std::optional<bool> source_sector_right, target_sector_right;
  std::optional<bool> fatalities_right;  // the chosen event's count equals the gold's
};

PloverRecordScore ScorePloverRecord(const PloverGold& gold, const std::vector<Event>& events);

}  // namespace dateline

#endif  // DATELINE_EVAL_PLOVER_SCORE_H_
