#include "when/when.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dateline {
namespace {

// One expected mention: the words exactly as the span must cover them, and the
// value as ISO ("2017-09-25", "2017-10", "2017") or "" when it must stay
// unresolved.
struct Want {
  const char* words;
  const char* iso;
};

struct Case {
  const char* text;
  const char* published;  // ISO date, or "" for none
  std::vector<Want> want;
  int year_hint = 0;  // context.year_hint, 0 for none
};

DateContext MakeContext(const Case& c) {
  DateContext context;
  if (*c.published) context.published = ParseIsoDate(c.published);
  if (c.year_hint) context.year_hint = c.year_hint;
  return context;
}

// Checks the mentions in order, and that each span covers exactly the expected
// words at the first place they occur after the previous mention.
void Check(const Case& c) {
  SCOPED_TRACE(std::string("text: ") + c.text + " | published: " + c.published);
  const std::string text = c.text;
  const std::vector<DateMention> got = FindDates(text, MakeContext(c));
  std::string got_list;
  for (const DateMention& m : got)
    got_list += "[" + m.text + "=" +
                (m.value ? m.value->ToIso() : "?" + m.relative) + "] ";
  ASSERT_EQ(got.size(), c.want.size()) << "got: " << got_list;
  size_t from = 0;
  for (size_t i = 0; i < got.size(); ++i) {
    const size_t at = text.find(c.want[i].words, from);
    ASSERT_NE(at, std::string::npos) << "bad test: " << c.want[i].words;
    EXPECT_EQ(got[i].span.start, at) << "got: " << got_list;
    EXPECT_EQ(got[i].span.end, at + std::string(c.want[i].words).size())
        << "got: " << got_list;
    EXPECT_EQ(got[i].text, c.want[i].words);
    if (*c.want[i].iso) {
      ASSERT_TRUE(got[i].value.has_value())
          << c.want[i].words << " got: " << got_list;
      EXPECT_EQ(got[i].value->ToIso(), c.want[i].iso) << "got: " << got_list;
    } else {
      EXPECT_FALSE(got[i].value.has_value())
          << c.want[i].words << " got: " << got_list;
      EXPECT_FALSE(got[i].relative.empty()) << c.want[i].words;
    }
    from = got[i].span.end;
  }
}

// Published Thursday 3 June 2021 unless a case says otherwise.
constexpr const char* kPub = "2021-06-03";

const std::vector<Case>& AbsoluteCases() {
  static const auto* cases = new std::vector<Case>{
      {"The referendum was held on Sept. 25, 2017, despite objections.",
       kPub,
       {{"Sept. 25, 2017", "2017-09-25"}}},
      {"The referendum was held on September 25, 2017.",
       kPub,
       {{"September 25, 2017", "2017-09-25"}}},
      {"Voters went to the polls on 25 September 2017 in Erbil.",
       kPub,
       {{"25 September 2017", "2017-09-25"}}},
      {"Voting took place on Sep 25 2017 across the region.",
       kPub,
       {{"Sep 25 2017", "2017-09-25"}}},
      {"The deal was signed on September 25th, 2017.",
       kPub,
       {{"September 25th, 2017", "2017-09-25"}}},
      {"On the 25th of September 2017 voters cast ballots.",
       kPub,
       {{"25th of September 2017", "2017-09-25"}}},
      {"In October 2017 Iraqi forces retook Kirkuk.",
       kPub,
       {{"October 2017", "2017-10"}}},
      {"Iraqi forces retook Kirkuk in Oct. 2017, officials said.",
       kPub,
       {{"Oct. 2017", "2017-10"}}},
      {"The offensive began in October of 2017.",
       kPub,
       {{"October of 2017", "2017-10"}}},
      {"The ceasefire collapsed in 2017.", kPub, {{"2017", "2017"}}},
      {"Talks have stalled since 2014.", kPub, {{"2014", "2014"}}},
      {"The camp was built in mid-2017 by the UN.",
       kPub,
       {{"mid-2017", "2017"}}},
      {"Fighting resumed in early 2019.", kPub, {{"early 2019", "2019"}}},
      {"The troops withdrew in late 2011.", kPub, {{"late 2011", "2011"}}},
      {"The dispute dates back to the 1990s.", kPub, {{"1990s", "1990"}}},
      {"The document is dated 2017-09-25 and signed.",
       kPub,
       {{"2017-09-25", "2017-09-25"}}},
      {"The letter, dated 25/09/2017, was leaked.",
       kPub,
       {{"25/09/2017", "2017-09-25"}}},
      {"A US memo dated 09/25/2017 was released.",
       kPub,
       {{"09/25/2017", "2017-09-25"}}},
      {"The decree of 03.06.2021 took effect.",
       kPub,
       {{"03.06.2021", "2021-06-03"}}},
      {"The file 2021/06/03 was archived.",
       kPub,
       {{"2021/06/03", "2021-06-03"}}},
      {"Elections are set for June 6, 2021, the commission said.",
       kPub,
       {{"June 6, 2021", "2021-06-06"}}},
      {"The accord of 11 March 1970 granted autonomy.",
       kPub,
       {{"11 March 1970", "1970-03-11"}}},
      {"Saddam Hussein was captured on December 13, 2003.",
       kPub,
       {{"December 13, 2003", "2003-12-13"}}},
      {"The 1991 uprising began on 5 March 1991 in Ranya.",
       kPub,
       {{"1991", "1991"}, {"5 March 1991", "1991-03-05"}}},
      {"Mosul fell in June 2014 and was retaken in July 2017.",
       kPub,
       {{"June 2014", "2014-06"}, {"July 2017", "2017-07"}}},
      {"The court ruled on Thursday, June 3, 2021, that the law was void.",
       kPub,
       {{"Thursday, June 3, 2021", "2021-06-03"}}},
      {"Published Thursday 3 June 2021 in Erbil.",
       kPub,
       {{"Thursday 3 June 2021", "2021-06-03"}}},
      {"Posted Wed, 2 June 2021 by the desk.",
       kPub,
       {{"Wed, 2 June 2021", "2021-06-02"}}},
      {"The protests of 3-5 June 2021 turned violent.",
       kPub,
       {{"3-5 June 2021", "2021-06-03"}}},
      {"Talks are planned for June 14-16, 2021 in Baghdad.",
       kPub,
       {{"June 14-16, 2021", "2021-06-14"}}},
      {"THE VOTE ON SEPTEMBER 25, 2017 WAS HISTORIC.",
       kPub,
       {{"SEPTEMBER 25, 2017", "2017-09-25"}}},
      {"The blast on Jan. 5, 2020 killed three.",
       kPub,
       {{"Jan. 5, 2020", "2020-01-05"}}},
      {"Envoys met on Feb 2, 2020.", kPub, {{"Feb 2, 2020", "2020-02-02"}}},
      {"The UN met on Dec. 31, 2020 to review the mission.",
       kPub,
       {{"Dec. 31, 2020", "2020-12-31"}}},
      {"The convoy arrived 1 January 2021.",
       kPub,
       {{"1 January 2021", "2021-01-01"}}},
      {"Results were certified on 30 Nov. 2019.",
       kPub,
       {{"30 Nov. 2019", "2019-11-30"}}},
      {"The 2018 elections were disputed.", kPub, {}},
      {"The 2018 election was disputed.", kPub, {{"2018", "2018"}}},
      {"The law passed in 2005; it was amended in 2013.",
       kPub,
       {{"2005", "2005"}, {"2013", "2013"}}},
      {"Violence escalated during 2016.", kPub, {{"2016", "2016"}}},
      {"The mission ran from 2014 to 2017 under Canadian command.",
       kPub,
       {{"2014", "2014"}, {"2017", "2017"}}},
      {"The curfew lasted between 2014 and 2017.",
       kPub,
       {{"2014", "2014"}, {"2017", "2017"}}},
      {"Assaults continued between January 4 and February 7, 2017.",
       kPub,
       {{"January 4", "2017-01-04"}, {"February 7, 2017", "2017-02-07"}}},
      {"The siege lasted from December 28 to January 3, 2021.",
       kPub,
       {{"December 28", "2020-12-28"}, {"January 3, 2021", "2021-01-03"}}},
      {"Rockets hit the base in early October.",
       kPub,
       {{"early October", "2020-10"}}},
      {"Rockets hit the base in mid-October.",
       kPub,
       {{"mid-October", "2020-10"}}},
      {"Rockets hit the base in late May.", kPub, {{"late May", "2021-05"}}},
      {"Farmers fled between January and March.",
       kPub,
       {{"January", "2021-01"}, {"March", "2021-03"}}},
      {"2017's vote changed the region.", kPub, {{"2017", "2017"}}},
      {"In the year 1988 the town was gassed.", kPub, {{"1988", "1988"}}},
      {"The census of 1957 counted the villages.", kPub, {{"1957", "1957"}}},
      {"Strikes began in the 2010s.", kPub, {{"2010s", "2010"}}},
      {"A 2019 report found abuses in the camps.", kPub, {{"2019", "2019"}}},
      {"The 2003 U.S.-led invasion toppled Saddam.", kPub, {{"2003", "2003"}}},
      {"The ministers met on 2 and 3 June 2021.",
       kPub,
       {{"2", "2021-06-02"}, {"3 June 2021", "2021-06-03"}}},
      {"Polls opened between 14 and 16 June.",
       kPub,
       {{"14", "2020-06-14"}, {"16 June", "2020-06-16"}}},
      {"The Sept. 11 attacks reshaped US policy in Iraq.",
       kPub,
       {{"Sept. 11", "2001-09-11"}}},
      {"The hearing will be held on Monday, June 7.",
       kPub,
       {{"Monday, June 7", "2021-06-07"}}},
      {"Flaring must end by 2030 under the plan.", kPub, {{"2030", "2030"}}},
      {"World War II ended in 1945.", kPub, {{"1945", "1945"}}},
      {"UN Resolution 2334 was adopted in 2016.", kPub, {{"2016", "2016"}}},
  };
  return *cases;
}

const std::vector<Case>& RelativeCases() {
  static const auto* cases = new std::vector<Case>{
      // Weekdays, published Thursday 2021-06-03.
      {"Ministers met on Thursday to discuss the budget.",
       kPub,
       {{"Thursday", "2021-06-03"}}},
      {"Ministers met on Tuesday.", kPub, {{"Tuesday", "2021-06-01"}}},
      {"Ministers met on Friday.", kPub, {{"Friday", "2021-05-28"}}},
      {"The governor said Wednesday that roads were closed.",
       kPub,
       {{"Wednesday", "2021-06-02"}}},
      {"Ministers will meet on Thursday.", kPub, {{"Thursday", "2021-06-10"}}},
      {"The delegation will travel to Baghdad on Monday.",
       kPub,
       {{"Monday", "2021-06-07"}}},
      {"The vote is scheduled for Saturday.",
       kPub,
       {{"Saturday", "2021-06-05"}}},
      {"Talks are expected to resume on Sunday.",
       kPub,
       {{"Sunday", "2021-06-06"}}},
      {"The parties won't meet before Friday.",
       kPub,
       {{"Friday", "2021-06-04"}}},
      {"The council meets again next Thursday.",
       kPub,
       {{"next Thursday", "2021-06-10"}}},
      {"The council met next Monday, a source said.",
       kPub,
       {{"next Monday", "2021-06-07"}}},
      {"The council met last Thursday.",
       kPub,
       {{"last Thursday", "2021-05-27"}}},
      {"The council met last Monday.", kPub, {{"last Monday", "2021-05-31"}}},
      {"Gunmen attacked a checkpoint on Monday night.",
       kPub,
       {{"Monday night", "2021-05-31"}}},
      {"The strike happened on Sunday morning.",
       kPub,
       {{"Sunday morning", "2021-05-30"}}},
      {"The rally is this Saturday.", kPub, {{"this Saturday", "2021-06-05"}}},
      {"The rally was this Tuesday.", kPub, {{"this Tuesday", "2021-06-01"}}},
      {"Thursday's attack killed four.", kPub, {{"Thursday", "2021-06-03"}}},
      {"Protesters gathered Monday and Tuesday outside parliament.",
       kPub,
       {{"Monday", "2021-05-31"}, {"Tuesday", "2021-06-01"}}},
      {"Shops were closed from Monday to Friday.",
       kPub,
       {{"Monday", "2021-05-24"}, {"Friday", "2021-05-28"}}},
      {"Shops will close from Friday to Monday.",
       kPub,
       {{"Friday", "2021-06-04"}, {"Monday", "2021-06-07"}}},
      // Days and units.
      {"Police arrested two men yesterday.",
       kPub,
       {{"yesterday", "2021-06-02"}}},
      {"The minister arrives today.", kPub, {{"today", "2021-06-03"}}},
      {"The match is tonight in Duhok.", kPub, {{"tonight", "2021-06-03"}}},
      {"The court rules tomorrow.", kPub, {{"tomorrow", "2021-06-04"}}},
      {"Shelling was heard last night near the border.",
       kPub,
       {{"last night", "2021-06-02"}}},
      {"Officials met this morning.", kPub, {{"this morning", "2021-06-03"}}},
      {"Turkish jets struck the area last week.",
       kPub,
       {{"last week", "2021-05"}}},
      {"Talks continue next week.", kPub, {{"next week", "2021-06"}}},
      {"The agreement was reached earlier this month.",
       kPub,
       {{"earlier this month", "2021-06"}}},
      {"Prices rose last month.", kPub, {{"last month", "2021-05"}}},
      {"A new law takes effect next month.", kPub, {{"next month", "2021-07"}}},
      {"Exports fell this year.", kPub, {{"this year", "2021"}}},
      {"The plant closed last year.", kPub, {{"last year", "2020"}}},
      {"The dam was finished late last year.",
       kPub,
       {{"late last year", "2020"}}},
      {"The vote was postponed earlier this year.",
       kPub,
       {{"earlier this year", "2021"}}},
      {"Elections are due next year.", kPub, {{"next year", "2022"}}},
      {"Two soldiers died two days ago.",
       kPub,
       {{"two days ago", "2021-06-01"}}},
      {"The village was shelled 3 days ago.",
       kPub,
       {{"3 days ago", "2021-05-31"}}},
      {"The camp opened three weeks ago.",
       kPub,
       {{"three weeks ago", "2021-05"}}},
      {"The offensive started five months ago.",
       kPub,
       {{"five months ago", "2021-01"}}},
      {"The bridge collapsed a year ago.", kPub, {{"a year ago", "2020"}}},
      {"The town was liberated a decade ago.",
       kPub,
       {{"a decade ago", "2011"}}},
      // Counted from the text's own earlier date of day precision.
      {"The talks began on May 20, 2021. The next day, rebels withdrew.",
       kPub,
       {{"May 20, 2021", "2021-05-20"}, {"next day", "2021-05-21"}}},
      {"Fighting erupted on Thursday. Two days later the town fell.",
       kPub,
       {{"Thursday", "2021-06-03"}, {"Two days later", "2021-06-05"}}},
      {"The ceasefire held from 28 May 2021; a week later it collapsed.",
       kPub,
       {{"28 May 2021", "2021-05-28"}, {"a week later", "2021-06-04"}}},
      {"Three days later the envoy left.", kPub, {{"Three days later", ""}}},
      {"In May the talks stalled; the next day nothing changed.",
       kPub,
       {{"May", "2021-05"}, {"next day", ""}}},
      {"Several days later the envoy left on June 1, 2021.",
       kPub,
       {{"Several days later", ""}, {"June 1, 2021", "2021-06-01"}}},
      {"The militia recently withdrew.", kPub, {{"recently", ""}}},
      {"Clashes have intensified in recent weeks.",
       kPub,
       {{"recent weeks", ""}}},
      {"Several attacks occurred a few days ago.",
       kPub,
       {{"a few days ago", ""}}},
      {"Aid deliveries rose over the past week.", kPub, {{"past week", ""}}},
      // Months without a year.
      {"The dam was damaged in October.", kPub, {{"October", "2020-10"}}},
      {"The parliament will vote in October.", kPub, {{"October", "2021-10"}}},
      {"The parliament met in June.", kPub, {{"June", "2021-06"}}},
      {"Prices rose in May, officials said.", kPub, {{"May", "2021-05"}}},
      {"The project started last October.",
       kPub,
       {{"last October", "2020-10"}}},
      {"The project starts next March.", kPub, {{"next March", "2022-03"}}},
      {"The plan will be ready this October.",
       kPub,
       {{"this October", "2021-10"}}},
      {"The talks were held on Sept. 25.", kPub, {{"Sept. 25", "2020-09-25"}}},
      {"The vote will be held on Sept. 25.",
       kPub,
       {{"Sept. 25", "2021-09-25"}}},
      {"Troops entered the city on 1 June.", kPub, {{"1 June", "2021-06-01"}}},
      {"The UN convoy arrived on the 25th of May.",
       kPub,
       {{"25th of May", "2021-05-25"}}},
      {"The accord was signed June 3 in Erbil.",
       kPub,
       {{"June 3", "2021-06-03"}}},
      // Year boundaries.
      {"The dam flooded last December.",
       "2022-01-10",
       {{"last December", "2021-12"}}},
      {"The dam flooded in December.", "2022-01-10", {{"December", "2021-12"}}},
      {"The envoy visited on Dec. 28.",
       "2022-01-10",
       {{"Dec. 28", "2021-12-28"}}},
      {"The envoy will visit in January.",
       "2021-12-20",
       {{"January", "2022-01"}}},
      {"The envoy will visit on January 5.",
       "2021-12-20",
       {{"January 5", "2022-01-05"}}},
      {"The summit ended last Friday.",
       "2021-01-02",
       {{"last Friday", "2021-01-01"}}},
      {"The talks broke down last week.",
       "2021-01-01",
       {{"last week", "2020-12"}}},
      {"The strike began last month.",
       "2021-01-05",
       {{"last month", "2020-12"}}},
      {"The attack happened yesterday.",
       "2021-01-01",
       {{"yesterday", "2020-12-31"}}},
      {"The deadline is next month.",
       "2021-12-15",
       {{"next month", "2022-01"}}},
      // The week of 2020-12-28 straddles two years: no value, only the note.
      {"Talks resumed this week.", "2021-01-01", {{"this week", ""}}},
      // Leap days.
      {"The bill passed on February 29, 2020.",
       kPub,
       {{"February 29, 2020", "2020-02-29"}}},
      {"The bill passed on 29 February 2016.",
       kPub,
       {{"29 February 2016", "2016-02-29"}}},
      {"The bill passed on Feb. 29.", kPub, {{"Feb. 29", "2020-02-29"}}},
      {"The vote happened yesterday.",
       "2020-03-01",
       {{"yesterday", "2020-02-29"}}},
      {"The vote happened yesterday.",
       "2021-03-01",
       {{"yesterday", "2021-02-28"}}},
      {"Four days ago the bridge fell.",
       "2024-03-02",
       {{"Four days ago", "2024-02-27"}}},
  };
  return *cases;
}

const std::vector<Case>& UnpublishedCases() {
  static const auto* cases = new std::vector<Case>{
      // The seed page: no publication date, a copyright year in the footer.
      {"The KRG and CJTF-OIR met in Erbil On Thursday to discuss security.",
       "",
       {{"Thursday", ""}},
       2021},
      {"The leaders will meet on Monday.", "", {{"Monday", ""}}, 2021},
      {"In October 2017 Iraqi forces entered Kirkuk.",
       "",
       {{"October 2017", "2017-10"}},
       2021},
      {"The vote on Sept. 25, 2017 was non-binding.",
       "",
       {{"Sept. 25, 2017", "2017-09-25"}},
       2021},
      {"Police arrested a suspect yesterday.", "", {{"yesterday", ""}}, 2021},
      {"The dam failed last week.", "", {{"last week", ""}}, 2021},
      {"Prices rose last month.", "", {{"last month", ""}}, 0},
      {"Prices rose last year.", "", {{"last year", ""}}, 2021},
      {"Rockets fell in October.", "", {{"October", ""}}, 2021},
      {"The vote was held on Sept. 25.", "", {{"Sept. 25", ""}}, 2021},
      {"It happened two days ago.", "", {{"two days ago", ""}}, 2021},
      {"The war ended in 2003.", "", {{"2003", "2003"}}, 0},
      {"The file 2021-06-03 exists.", "", {{"2021-06-03", "2021-06-03"}}, 0},
  };
  return *cases;
}

const std::vector<Case>& FalsePositiveCases() {
  static const auto* cases = new std::vector<Case>{
      {"Officials warned that militants may attack the base.", kPub, {}},
      {"The group May attack again, analysts warn.", kPub, {}},
      {"Thousands of protesters march through the capital.", kPub, {}},
      {"Protesters will march to the square.", kPub, {}},
      {"The Sun reported the story first.", kPub, {}},
      {"Sun and wind power supply the grid.", kPub, {}},
      {"Wed to the land, farmers refused to leave.", kPub, {}},
      {"More than 1,000 families fled the fighting.", kPub, {}},
      {"About 2017 people were displaced.", kPub, {}},
      {"The agency counted 2017 people in the camp.", kPub, {}},
      {"Traffic on Route 66 was blocked.", kPub, {}},
      {"The curfew begins at 10:30 each night.", kPub, {}},
      {"Call the hotline on +1 202-555-0143 for help.", kPub, {}},
      {"Call 0750 123 4567 for details.", kPub, {}},
      {"Delegates arrived in Augusta for the summit.", kPub, {}},
      {"August Ames was not involved.", kPub, {}},
      {"Theresa May said Britain would help.", kPub, {}},
      {"June Carter sang at the rally.", kPub, {}},
      {"The 25 soldiers were released.", kPub, {}},
      {"The Good Friday Agreement was cited.", kPub, {}},
      {"The Sunday Times reported the deal.", kPub, {}},
      {"The F16 jets and A320 planes were grounded.", kPub, {}},
      {"Inflation reached 12.5 percent.", kPub, {}},
      {"He paid $2,017 for the permit.", kPub, {}},
      {"The IP address 10.12.2020.1 was blocked.", kPub, {}},
      {"The score was 3-1 at half time.", kPub, {}},
      {"Version 2.10.2021.4 of the app was released.", kPub, {}},
      {"The man, 25, was arrested.", kPub, {}},
      {"The date February 30, 2021 does not exist.", kPub, {}},
      {"The form said 31 April 2020, an impossible date.", kPub, {}},
      {"An invalid stamp 2021-02-30 was found.", kPub, {}},
      {"The stamp read 31/04/2021.", kPub, {}},
      {"They walked 1500 km in 2 months.", kPub, {}},
      {"Sixty days of fighting left 500 dead.", kPub, {}},
      {"The Mar-a-Lago meeting was private.", kPub, {}},
      {"Mon Repos is a villa.", kPub, {}},
      {"The 1,990s figure was wrong.", kPub, {}},
      {"Officials fear the 25 may attack again.", kPub, {}},
  };
  return *cases;
}

const std::vector<Case>& Utf8Cases() {
  static const auto* cases = new std::vector<Case>{
      {"ERBIL (Kurdistan 24) – On Thursday, the KRG met officials.",
       kPub,
       {{"Thursday", "2021-06-03"}}},
      {"Hewlêr — the vote on 25 September 2017 (ڕیفراندۆم) was held.",
       kPub,
       {{"25 September 2017", "2017-09-25"}}},
      {"«Sept. 25, 2017» هەڵبژاردن", kPub, {{"Sept. 25, 2017", "2017-09-25"}}},
      {"Şengal’s liberation in November 2015 was celebrated.",
       kPub,
       {{"November 2015", "2015-11"}}},
      {"日本 June 3, 2021 日本", kPub, {{"June 3, 2021", "2021-06-03"}}},
      {"The talks ran 4–6 June 2021 in Duhok.",
       kPub,
       {{"4–6 June 2021", "2021-06-04"}}},
      {"Émile arrived Monday\u00a0night in Zakho.",
       kPub,
       {{"Monday\u00a0night", "2021-05-31"}}},
      {"Café owners said last week’s raid hurt trade.",
       kPub,
       {{"last week", "2021-05"}}},
      {"The camp opened in 2014—officials said.", kPub, {{"2014", "2014"}}},
      {"مەی The truce in May held.", kPub, {{"May", "2021-05"}}},
  };
  return *cases;
}

TEST(FindDatesTest, AbsoluteDates) {
  for (const Case& c : AbsoluteCases()) Check(c);
}
TEST(FindDatesTest, RelativeDates) {
  for (const Case& c : RelativeCases()) Check(c);
}
TEST(FindDatesTest, WithoutPublicationDate) {
  for (const Case& c : UnpublishedCases()) Check(c);
}
TEST(FindDatesTest, FalsePositiveGuards) {
  for (const Case& c : FalsePositiveCases()) Check(c);
}
TEST(FindDatesTest, Utf8AroundDates) {
  for (const Case& c : Utf8Cases()) Check(c);
}

TEST(FindDatesTest, CaseCountIsSubstantial) {
  const size_t n = AbsoluteCases().size() + RelativeCases().size() +
                   UnpublishedCases().size() + FalsePositiveCases().size() +
                   Utf8Cases().size();
  EXPECT_GE(n, 150u);
}

TEST(FindDatesTest, SeedPageKeepsRelativeAndYearHint) {
  DateContext context;
  context.year_hint = 2021;
  const std::string text =
      "ERBIL (Kurdistan 24) - Officials met in Erbil On Thursday. In October "
      "2017 Iraqi "
      "forces entered Kirkuk after the referendum of Sept. 25, 2017.";
  const auto got = FindDates(text, context);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].text, "Thursday");
  EXPECT_FALSE(got[0].value);
  EXPECT_EQ(got[0].relative, "Thursday before publication");
  EXPECT_EQ(got[0].year_hint, 2021);
  EXPECT_EQ(got[1].value, (PartialDate{2017, 10, 0}));
  EXPECT_EQ(got[1].value->precision(), DatePrecision::kMonth);
  EXPECT_EQ(got[2].value, (PartialDate{2017, 9, 25}));
  EXPECT_EQ(got[2].value->precision(), DatePrecision::kDay);
  EXPECT_EQ(got[2].year_hint, 2017);
}

TEST(FindDatesTest, RelativeNotesNameTheReference) {
  DateContext none;
  none.year_hint = 2021;
  auto got = FindDates("He will arrive on Monday.", none);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].relative, "Monday after publication");
  got = FindDates("Prices rose last year.", none);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].relative, "the year before publication");
  EXPECT_EQ(got[0].year_hint, 2020);
  got = FindDates("The dam failed last week.", none);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].relative, "the week before publication");

  DateContext published;
  published.published = PartialDate{2021, 6, 3};
  // The week of 2021-05-31 spans two months: only the year is certain.
  got = FindDates("Talks resumed this week.", published);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].value, (PartialDate{2021, 0, 0}));
  EXPECT_EQ(got[0].relative, "the week of publication");
  got = FindDates("The dispute dates back to the 1990s.", published);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].relative, "the 1990s");
}

TEST(FindDatesTest, AmbiguousNumericDateKeepsOnlyTheYear) {
  const auto got =
      FindDates("The memo dated 03/06/2021 leaked.", DateContext{});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text, "03/06/2021");
  EXPECT_EQ(got[0].value, (PartialDate{2021, 0, 0}));
  EXPECT_EQ(got[0].relative, "day and month order ambiguous");
}

TEST(FindDatesTest, MonthPrecisionPublicationResolvesMonthsNotDays) {
  DateContext context;
  context.published = PartialDate{2021, 6, 0};
  auto got =
      FindDates("Rockets fell in October and again last month.", context);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].value, (PartialDate{2020, 10, 0}));
  EXPECT_EQ(got[1].value, (PartialDate{2021, 5, 0}));
  got = FindDates("Rockets fell yesterday.", context);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_FALSE(got[0].value);
  EXPECT_EQ(got[0].year_hint, 2021);
}

TEST(FindDatesTest, EmptyAndDegenerateInput) {
  EXPECT_TRUE(FindDates("", DateContext{}).empty());
  EXPECT_TRUE(FindDates("May", DateContext{}).empty());
  EXPECT_TRUE(FindDates("Sept.", DateContext{}).empty());
  EXPECT_TRUE(FindDates("25", DateContext{}).empty());
  EXPECT_TRUE(FindDates("\xE2\x80", DateContext{}).empty());  // truncated UTF-8
  const auto got = FindDates("Thursday", DateContext{});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].span.end, 8u);
}

TEST(FindDatesTest, MentionsAreOrderedAndDisjoint) {
  DateContext context;
  context.published = PartialDate{2021, 6, 3};
  const std::string text =
      "On Thursday, June 3, 2021, officials said that between January 4 and "
      "February 7 "
      "the militia attacked 2,017 homes; last week and yesterday more "
      "followed, and "
      "talks will resume next Monday night or in mid-July.";
  const auto got = FindDates(text, context);
  ASSERT_GE(got.size(), 7u);
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_LT(got[i].span.start, got[i].span.end);
    EXPECT_LE(got[i].span.end, text.size());
    if (i) {
      EXPECT_LE(got[i - 1].span.end, got[i].span.start);
    }
  }
}

struct ParseCase {
  const char* text;
  const char* iso;  // "" for nullopt
};

TEST(ParseDateTextTest, MetadataAndBylineForms) {
  const ParseCase cases[] = {
      {"June 3, 2021", "2021-06-03"},
      {"3 June 2021 10:42 GMT", "2021-06-03"},
      {"Thursday, 3 June 2021", "2021-06-03"},
      {"2021-06-03T10:42:00+03:00", "2021-06-03"},
      {"Sept. 25, 2017", "2017-09-25"},
      {"Jun 3 2021, 10:42 AM", "2021-06-03"},
      {"03.06.2021", "2021-06-03"},
      {"2021/06/03", "2021-06-03"},
      {"Updated: June 3, 2021 | 10:42 IST", "2021-06-03"},
      {"Published on Thursday, June 3, 2021 at 10:42", "2021-06-03"},
      {"Last updated 25/09/2017 14:02", "2017-09-25"},
      {"  2021-06-03  ", "2021-06-03"},
      {"June 2021", "2021-06"},
      {"2021", "2021"},
      {"Thu, 03 Jun 2021 10:42:00 +0000", "2021-06-03"},
      {"Sun, 06 Jun 2021 07:00:00 GMT", "2021-06-06"},
      {"JUNE 3, 2021", "2021-06-03"},
      {"", ""},
      {"Breaking news", ""},
      {"Thursday", ""},
      {"June 3", ""},
      {"10:42 AM", ""},
      {"February 30, 2021", ""},
      {"2021-02-30", ""},
      {"03/06/2021", ""},  // day and month order cannot be told apart
      {"By Staff Writer", ""},
  };
  for (const ParseCase& c : cases) {
    SCOPED_TRACE(c.text);
    const auto got = ParseDateText(c.text);
    if (*c.iso) {
      ASSERT_TRUE(got.has_value());
      EXPECT_EQ(got->ToIso(), c.iso);
    } else {
      EXPECT_FALSE(got.has_value()) << got->ToIso();
    }
  }
}

}  // namespace
}  // namespace dateline
