// Dedup: one event once. Within an article, a sentence that states one act with
// two verbs ("met with X to discuss Y") or a sentence the page repeats gives
// one event; across reports, SameEvent decides whether two reports tell of the
// same event (same or adjacent days, compatible actors, the same kind of act,
// nearby places), and the store groups reports into events with it
// (doc/grouping.md).
//
// Stateless functions; thread-safe.
#ifndef DATELINE_DEDUP_DEDUP_H_
#define DATELINE_DEDUP_DEDUP_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.h"

namespace dateline {

// Removes, in place and keeping text order, events that repeat an earlier one:
// the same source, target and PLOVER category in the same sentence, or the same
// source code, target code, CAMEO code and evidence text anywhere in the
// article. `text` is the text the evidence spans refer to.
void DedupArticleEvents(std::string_view text, std::vector<Event>* events);

// A key equal for reports of the same event: date (at its precision), source
// and target codes, CAMEO root and place (rounded to about 10 km).
std::string EventFingerprint(const Event& event);

// The tolerances of SameEvent: what `dateline ingest --group-km/--group-days`
// set.
struct GroupingOptions {
  // Places further apart than this (km, between two towns or districts) are
  // different events. 0 turns grouping off: every report is an event of its
  // own.
  double max_km = 25;
  // Days at most this far apart may be one event: 1 = the same or adjacent
  // days. (Dates of month or year precision must name the same month or year.)
  int max_gap = 1;
  // Whether an actor without a code (or no actor) is compatible with a coded
  // one. Off: "gunmen attacked" and "ISIS attacked" stay apart.
  bool unknown_actor_matches = false;
  bool operator==(const GroupingOptions&) const = default;
};

// What SameEvent compares of one report of an event. Built from an Event by
// ReportKeyOf, or by the store from its columns.
struct ReportKey {
  std::string kind;  // GroupKind(); empty: never grouped
  std::string source_code, target_code;
  bool negated = false;
  bool asserted = true;  // Modality::kAsserted
  // The effective date (the event's own, else the publication date) as a
  // period.
  std::optional<PartialDate> date;
  // The place, when the event has one.
  bool has_place = false;
  double lat = 0, lon = 0;
  PlacePrecision place_precision = PlacePrecision::kPoint;
  std::string place_country;  // ISO alpha-2
  std::string place_admin1;
};

// The kind of act two reports must share: "cameo:NN" (the CAMEO root) for a
// CAMEO-coded event, else "acled:TYPE/SUB-TYPE" for an incident or other
// ACLED-typed event, else empty (such events are never grouped).
std::string GroupKind(std::string_view cameo, std::string_view acled_event_type,
                      std::string_view acled_sub_event_type);

// The key of `event`; `published` is the article's publication date, which
// stands in for an event without a date of its own.
ReportKey ReportKeyOf(const Event& event,
                      const std::optional<PartialDate>& published);

// True when two reports tell of the same event under `options` (symmetric):
//   - the same kind (GroupKind), not empty, the same negation and assertedness;
//   - dates of the same precision: days at most options.max_gap apart
//     ("2021-03-04" and "2021-03-05"), or the same month, or the same year;
//   - source codes compatible and target codes compatible: equal, or one
//   extends
//     the other by whole 3-letter units ("IRQ" and "IRQMIL"), or, with
//     unknown_actor_matches, one of them empty; two empty codes are compatible;
//   - places of the same level: two towns or districts at most max_km apart, or
//   the
//     same first-level region, or the same country. A report without a place or
//     date is an event of its own.
// Why so strict: groups are the connected components of this relation, so a
// report that matched loosely (a whole year, a whole country) would join many
// events.
bool SameEvent(const ReportKey& a, const ReportKey& b,
               const GroupingOptions& options);

// UrlHost (core/document.h) names the publication a report comes from: sources
// across reports are counted by it.

}  // namespace dateline

#endif  // DATELINE_DEDUP_DEDUP_H_
