// Calendar dates with a precision, as news text gives them ("2017", "October
// 2017", "Sept. 25, 2017"). Plain values; no time zones: news dates are local
// calendar days.
#ifndef DATELINE_CORE_DATE_H_
#define DATELINE_CORE_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace dateline {

enum class DatePrecision { kYear, kMonth, kDay };

// A year, a month of a year, or a day. month and day are 0 when not known
// (invariant: day != 0 implies month != 0).
struct PartialDate {
  int year = 0;
  int month = 0;  // 1..12, 0 = unknown
  int day = 0;    // 1..31, 0 = unknown

  DatePrecision precision() const {
    return day     ? DatePrecision::kDay
           : month ? DatePrecision::kMonth
                   : DatePrecision::kYear;
  }
  // "2017", "2017-10" or "2017-10-05".
  std::string ToIso() const;
  bool operator==(const PartialDate&) const = default;
};

const char* PrecisionName(DatePrecision p);  // "year", "month", "day"
std::optional<DatePrecision> ParseDatePrecision(std::string_view name);

// Where a publication date came from (Article::published_source): the input's
// own metadata, schema.org JSON-LD, a <meta> tag, a <time datetime>, a date
// printed on the page, or the URL's path; kNone while there is none.
enum class DateSource { kNone, kInput, kJsonLd, kMeta, kTime, kPage, kUrl };
const char* DateSourceName(
    DateSource s);  // "", "input", "json-ld", "meta", "time", "page", "url"
std::optional<DateSource> ParseDateSource(std::string_view name);

// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" and ISO 8601 date-times
// ("2021-06-03T10:00:00Z", the time part is ignored). Returns nullopt for
// anything else or an impossible date.
std::optional<PartialDate> ParseIsoDate(std::string_view text);

// Parses the dates of the TABARI/PETRARCH coders (dictionaries' date
// restrictions, validation-suite records): YYYYMMDD, or YYMMDD with YY 00-30 in
// 2000-2030 and 31-99 in 1931-1999 (the KEDS/TABARI rule PETRARCH keeps). Like
// PETRARCH, seven digits are read as YYMMDD and more than eight as YYYYMMDD,
// the rest ignored (Phoenix's actor lists have "9008223", "201005011"). Nullopt
// for anything else or an impossible date.
std::optional<PartialDate> ParseTabariDate(std::string_view text);

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// Day of week of a full date, 0 = Monday .. 6 = Sunday.
int DayOfWeek(int year, int month, int day);
// Days since 1970-01-01 (proleptic Gregorian) and back.
long DaysFromCivil(int year, int month, int day);
PartialDate CivilFromDays(long days);

}  // namespace dateline

#endif  // DATELINE_CORE_DATE_H_
