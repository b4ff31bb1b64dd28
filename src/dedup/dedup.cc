#include "dedup/dedup.h"

#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>

namespace dateline {

void DedupArticleEvents(std::string_view text, std::vector<Event>* events) {
  // sentence, source span and code, target span and code, plover: coordinated targets
  // ("ties with Gondor and Arnor") and the several actors one name stands for are
  // events of their own.
  std::set<std::tuple<size_t, size_t, size_t, size_t, size_t, std::string>> same_sentence;
  std::set<std::tuple<std::string, std::string, std::string, std::string_view>> same_text;
  std::vector<Event> kept;
  kept.reserve(events->size());
  for (Event& e : *events) {
    const std::string_view evidence =
        e.evidence.end <= text.size() ? text.substr(e.evidence.start, e.evidence.end - e.evidence.start)
                                      : std::string_view();
    auto key1 = std::make_tuple(e.sentence, e.source.span.start, e.source.span.end, e.target.span.start,
                                e.target.span.end, e.plover + "|" + e.source.actor.Code() + "|" + e.target.actor.Code());
    auto key2 = std::make_tuple(e.source.actor.Code(), e.target.actor.Code(), e.cameo, evidence);
    if (same_sentence.count(key1) || same_text.count(key2)) continue;
    same_sentence.insert(key1);
    same_text.insert(key2);
    kept.push_back(std::move(e));
  }
  *events = std::move(kept);
}

std::string EventFingerprint(const Event& e) {
  std::string date = "?";
  if (e.date && e.date->value) date = e.date->value->ToIso();
  std::string place = "?";
  if (e.place) {
    char buf[48];
    // 0.1 degree cells: about 11 km of latitude.
    std::snprintf(buf, sizeof buf, "%.1f,%.1f", std::round(e.place->lat * 10) / 10, std::round(e.place->lon * 10) / 10);
    place = buf;
  }
  const std::string root = e.cameo.substr(0, 2);
  return date + "|" + e.source.actor.Code() + "|" + e.target.actor.Code() + "|" + root + "|" + place;
}

}  // namespace dateline
