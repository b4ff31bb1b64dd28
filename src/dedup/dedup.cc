#include "dedup/dedup.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <tuple>

#include "core/geo.h"

namespace dateline {

void DedupArticleEvents(std::string_view text, std::vector<Event>* events) {
  // sentence, source span and code, target span and code, plover: coordinated
  // targets
  // ("ties with Gondor and Arnor") and the several actors one name stands for
  // are events of their own.
  std::set<std::tuple<size_t, size_t, size_t, size_t, size_t, std::string>>
      same_sentence;
  std::set<std::tuple<std::string, std::string, std::string, std::string_view>>
      same_text;
  std::vector<Event> kept;
  kept.reserve(events->size());
  for (Event& e : *events) {
    const std::string_view evidence =
        e.evidence.end <= text.size()
            ? text.substr(e.evidence.start, e.evidence.end - e.evidence.start)
            : std::string_view();
    auto key1 = std::make_tuple(
        e.sentence, e.source.span.start, e.source.span.end, e.target.span.start,
        e.target.span.end,
        std::string(PloverName(e.plover)) + "|" + e.source.actor.Code() + "|" +
            e.target.actor.Code());
    auto key2 = std::make_tuple(e.source.actor.Code(), e.target.actor.Code(),
                                e.cameo, evidence);
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
    std::snprintf(buf, sizeof buf, "%.1f,%.1f",
                  std::round(e.place->lat * 10) / 10,
                  std::round(e.place->lon * 10) / 10);
    place = buf;
  }
  const std::string root = e.cameo.substr(0, 2);
  return date + "|" + e.source.actor.Code() + "|" + e.target.actor.Code() +
         "|" + root + "|" + place;
}

std::string GroupKind(std::string_view cameo, std::string_view acled_event_type,
                      std::string_view acled_sub_event_type) {
  if (cameo.size() >= 2) return "cameo:" + std::string(cameo.substr(0, 2));
  if (!acled_event_type.empty()) {
    return "acled:" + std::string(acled_event_type) + "/" +
           std::string(acled_sub_event_type);
  }
  return "";
}

ReportKey ReportKeyOf(const Event& e,
                      const std::optional<PartialDate>& published) {
  ReportKey k;
  k.kind = GroupKind(e.cameo, AcledEventTypeName(e.acled.event_type),
                     AcledSubEventTypeName(e.acled.sub_event_type));
  k.source_code = e.source.actor.Code();
  k.target_code = e.target.actor.Code();
  k.negated = e.negated;
  k.asserted = e.modality == Modality::kAsserted;
  if (e.date && e.date->value) {
    k.date = e.date->value;
  } else {
    k.date = published;
  }
  if (e.place) {
    k.has_place = true;
    k.lat = e.place->lat;
    k.lon = e.place->lon;
    k.place_precision = e.place->precision;
    k.place_country = e.place->country;
    k.place_admin1 = e.place->admin1;
  }
  return k;
}

namespace {

// The date's position in units of `p` (days, months or years since an epoch).
long DateUnit(const PartialDate& d, DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return DaysFromCivil(d.year, d.month, d.day);
    case DatePrecision::kMonth:
      return d.year * 12L + (d.month - 1);
    case DatePrecision::kYear:
      return d.year;
  }
  return d.year;
}

bool DatesClose(const PartialDate& a, const PartialDate& b, int max_gap) {
  // Only dates of one precision compare: a report dated "2009" or "March 2009"
  // would otherwise match every day of its period and join reports of many
  // events into one.
  if (a.precision() != b.precision()) return false;
  const DatePrecision p = a.precision();
  // Days may be max_gap apart (reports a day late, time zones); months and
  // years must be the same.
  const long gap = p == DatePrecision::kDay ? max_gap : 0;
  return std::labs(DateUnit(a, p) - DateUnit(b, p)) <= gap;
}

// "IRQ" and "IRQMIL" may name the same actors at two levels of detail: a code
// is compatible with its extensions by whole 3-letter units.
bool CodesCompatible(const std::string& a, const std::string& b,
                     bool unknown_matches) {
  if (a == b) return true;
  if (a.empty() || b.empty()) return unknown_matches;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return shorter.size() % 3 == 0 &&
         longer.compare(0, shorter.size(), shorter) == 0;
}

// 0 a town or district, 1 a first-level region, 2 a country.
int PlaceLevel(PlacePrecision precision) {
  switch (precision) {
    case PlacePrecision::kCountry:
      return 2;
    case PlacePrecision::kAdmin1:
      return 1;
    case PlacePrecision::kPoint:
    case PlacePrecision::kAdmin2:
      return 0;
  }
  return 0;
}

bool PlacesCompatible(const ReportKey& a, const ReportKey& b, double max_km) {
  // Both places must be known and of one level: an unknown place, a region or a
  // country would match every town of its area and join many events into one.
  if (!a.has_place || !b.has_place) return false;
  const int level = PlaceLevel(a.place_precision);
  if (level != PlaceLevel(b.place_precision) ||
      a.place_country != b.place_country)
    return false;
  if (level == 0) return DistanceKm(a.lat, a.lon, b.lat, b.lon) <= max_km;
  return level == 2 || a.place_admin1 == b.place_admin1;
}

}  // namespace

bool SameEvent(const ReportKey& a, const ReportKey& b,
               const GroupingOptions& o) {
  if (o.max_km <= 0) return false;
  if (a.kind.empty() || a.kind != b.kind) return false;
  if (a.negated != b.negated || a.asserted != b.asserted) return false;
  if (!a.date || !b.date || !DatesClose(*a.date, *b.date, o.max_gap))
    return false;
  if (!CodesCompatible(a.source_code, b.source_code, o.unknown_actor_matches))
    return false;
  if (!CodesCompatible(a.target_code, b.target_code, o.unknown_actor_matches))
    return false;
  return PlacesCompatible(a, b, o.max_km);
}

}  // namespace dateline
