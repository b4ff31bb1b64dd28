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
  EXPECT_EQ(ParseIsoDate("2021-06-03T10:42:00+03:00"), (PartialDate{2021, 6, 3}));
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
