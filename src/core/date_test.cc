#include "core/date.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(PartialDateTest, IsoFormsFollowPrecision) {
  EXPECT_EQ((PartialDate{2017, 10, 0}).ToIso(), "2017-10");
  EXPECT_EQ((PartialDate{2017, 9, 25}).ToIso(), "2017-09-25");
  EXPECT_EQ((PartialDate{2021, 0, 0}).ToIso(), "2021");
  EXPECT_EQ((PartialDate{2021, 0, 0}).precision(), DatePrecision::kYear);
}

TEST(ParseIsoDateTest, AcceptsDatesAndDateTimes) {
  EXPECT_EQ(ParseIsoDate("2021-06-03"), (PartialDate{2021, 6, 3}));
  EXPECT_EQ(ParseIsoDate("2021-06-03T10:42:00+03:00"),
            (PartialDate{2021, 6, 3}));
  EXPECT_EQ(ParseIsoDate(" 2021-06 "), (PartialDate{2021, 6, 0}));
  EXPECT_EQ(ParseIsoDate("2021"), (PartialDate{2021, 0, 0}));
}

TEST(ParseIsoDateTest, RejectsImpossibleOrMalformedDates) {
  EXPECT_FALSE(ParseIsoDate("2021-02-29"));
  EXPECT_TRUE(ParseIsoDate("2020-02-29"));
  EXPECT_FALSE(ParseIsoDate("2021-13-01"));
  EXPECT_FALSE(ParseIsoDate("21-06-03"));
  EXPECT_FALSE(ParseIsoDate("2021-06-03x"));
  EXPECT_FALSE(ParseIsoDate(""));
}

TEST(CivilDaysTest, RoundTripsAndKnowsWeekdays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  for (long d = -800000; d < 800000; d += 997) {
    PartialDate p = CivilFromDays(d);
    EXPECT_EQ(DaysFromCivil(p.year, p.month, p.day), d);
  }
  EXPECT_EQ(DayOfWeek(2021, 6, 3), 3);   // a Thursday
  EXPECT_EQ(DayOfWeek(2017, 9, 25), 0);  // a Monday
  EXPECT_EQ(DayOfWeek(2000, 1, 1), 5);   // a Saturday
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TabariDateTest, ReadsTheCodersDates) {
  struct Case {
    const char* text;
    int year, month, day;  // year 0: not a date
  };
  const std::vector<Case> cases = {
      {"19950601", 1995, 6, 1},  {"950601", 1995, 6, 1},
      {"300101", 2030, 1, 1},    {"310101", 1931, 1, 1},
      {"070723", 2007, 7, 23},   {"9008223", 1990, 8, 22},
      {"201005011", 2010, 5, 1}, {"20000229", 2000, 2, 29},
      {"19990229", 0, 0, 0},     {"950631", 0, 0, 0},
      {"95061", 0, 0, 0},        {"95x601", 0, 0, 0},
  };
  for (const Case& c : cases) {
    std::optional<PartialDate> d = ParseTabariDate(c.text);
    if (c.year == 0) {
      EXPECT_FALSE(d.has_value()) << c.text;
      continue;
    }
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(d->year, c.year) << c.text;
    EXPECT_EQ(d->month, c.month) << c.text;
    EXPECT_EQ(d->day, c.day) << c.text;
  }
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(DatePrecisionTest, EveryPrecisionReadsBackFromItsName) {
  for (DatePrecision p :
       {DatePrecision::kYear, DatePrecision::kMonth, DatePrecision::kDay}) {
    EXPECT_EQ(ParseDatePrecision(PrecisionName(p)), p) << PrecisionName(p);
  }
  EXPECT_STREQ(PrecisionName(DatePrecision::kMonth), "month");
  EXPECT_FALSE(ParseDatePrecision("Day").has_value());
  EXPECT_FALSE(ParseDatePrecision("").has_value());
}

TEST(DateSourceTest, EverySourceReadsBackFromItsName) {
  for (DateSource s :
       {DateSource::kNone, DateSource::kInput, DateSource::kJsonLd,
        DateSource::kMeta, DateSource::kTime, DateSource::kPage,
        DateSource::kUrl}) {
    EXPECT_EQ(ParseDateSource(DateSourceName(s)), s) << DateSourceName(s);
  }
  EXPECT_STREQ(DateSourceName(DateSource::kJsonLd), "json-ld");
  EXPECT_FALSE(ParseDateSource("JSON-LD").has_value());
  EXPECT_FALSE(ParseDateSource("header").has_value());
}

}  // namespace
}  // namespace dateline
