// Dedup: one event once. Within an article, a sentence that states one act with two
// verbs ("met with X to discuss Y") or a sentence the page repeats gives one event;
// across reports, a fingerprint (day, actors, event root, place) groups the reports of
// the same event so the store and exports can count it once.
//
// Stateless functions; thread-safe.
#ifndef DATELINE_DEDUP_DEDUP_H_
#define DATELINE_DEDUP_DEDUP_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/record.h"

namespace dateline {

// Removes, in place and keeping text order, events that repeat an earlier one:
// the same source, target and PLOVER category in the same sentence, or the same source code,
// target code, CAMEO code and evidence text anywhere in the article. `text` is the
// text the evidence spans refer to.
void DedupArticleEvents(std::string_view text, std::vector<Event>* events);

// A key equal for reports of the same event: date (at its precision), source and
// target codes, CAMEO root and place (rounded to about 10 km).
std::string EventFingerprint(const Event& event);

}  // namespace dateline

#endif  // DATELINE_DEDUP_DEDUP_H_
