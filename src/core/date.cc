#include "core/date.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace dateline {

std::string PartialDate::ToIso() const {
  char buf[16];
  if (day) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else if (month) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", year);
  }
  return buf;
}

namespace {
constexpr std::pair<DatePrecision, const char*> kDatePrecisions[] = {
    {DatePrecision::kYear, "year"},
    {DatePrecision::kMonth, "month"},
    {DatePrecision::kDay, "day"},
};
}  // namespace

const char* PrecisionName(DatePrecision p) {
  for (const auto& [value, name] : kDatePrecisions) {
    if (value == p) return name;
  }
  return "year";
}

std::optional<DatePrecision> ParseDatePrecision(std::string_view name) {
  for (const auto& [value, n] : kDatePrecisions) {
    if (name == n) return value;
  }
  return std::nullopt;
}

namespace {
constexpr std::pair<DateSource, const char*> kDateSources[] = {
    {DateSource::kNone, ""},          {DateSource::kInput, "input"},
    {DateSource::kJsonLd, "json-ld"}, {DateSource::kMeta, "meta"},
    {DateSource::kTime, "time"},      {DateSource::kPage, "page"},
    {DateSource::kUrl, "url"},
};
}  // namespace

const char* DateSourceName(DateSource s) {
  for (const auto& [source, name] : kDateSources) {
    if (source == s) return name;
  }
  return "";
}

std::optional<DateSource> ParseDateSource(std::string_view name) {
  for (const auto& [source, n] : kDateSources) {
    if (name == n) return source;
  }
  return std::nullopt;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

// Howard Hinnant's days_from_civil algorithm (public domain description).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

PartialDate CivilFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return PartialDate{static_cast<int>(y + (m <= 2)), static_cast<int>(m),
                     static_cast<int>(d)};
}

int DayOfWeek(int y, int m, int d) {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  const long days = DaysFromCivil(y, m, d);
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

namespace {
bool ReadDigits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}
}  // namespace

std::optional<PartialDate> ParseIsoDate(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  PartialDate d;
  if (!ReadDigits(s, 0, 4, &d.year)) return std::nullopt;
  if (s.size() == 4) return d;
  if (s[4] != '-' || !ReadDigits(s, 5, 2, &d.month) || d.month < 1 ||
      d.month > 12)
    return std::nullopt;
  if (s.size() == 7) return d;
  if (s.size() < 10 || s[7] != '-' || !ReadDigits(s, 8, 2, &d.day) ||
      d.day < 1 || d.day > DaysInMonth(d.year, d.month))
    return std::nullopt;
  if (s.size() == 10) return d;
  if (s[10] != 'T' && s[10] != ' ' && s[10] != 't') return std::nullopt;
  return d;
}

std::optional<PartialDate> ParseTabariDate(std::string_view s) {
  if (s.size() < 6 || s.size() > 12 ||
      !std::all_of(s.begin(), s.end(),
                   [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  if (s.size() == 7) s.remove_suffix(1);
  if (s.size() > 8) s = s.substr(0, 8);
  const auto number = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  PartialDate d;
  size_t at = 0;
  if (s.size() == 8) {
    d.year = number(0, 4);
    at = 4;
  } else {
    const int yy = number(0, 2);
    d.year = yy <= 30 ? 2000 + yy : 1900 + yy;
    at = 2;
  }
  d.month = number(at, 2);
  d.day = number(at + 2, 2);
  if (d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > DaysInMonth(d.year, d.month))
    return std::nullopt;
  return d;
}

}  // namespace dateline
