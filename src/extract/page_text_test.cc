#include "extract/page_text.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/extract.h"

namespace dateline::extract_internal {
namespace {

// A page as a scraper prints it: every furniture kind the rules know, around a
// body.
constexpr const char* kPage =
    "Politics\n"
    "\n"
    "Rival factions agree to share power in northern province\n"
    "\n"
    "\xE2\x80\x9CWe have chosen dialogue over war.\xE2\x80\x9D\n"
    "By Layla Hassan\n"
    "The two leaders shake hands after the signing ceremony (Photo: Press "
    "Office).\n"
    "The two leaders shake hands after the signing ceremony (Photo: Press "
    "Office).\n"
    "Mosul Ninewa KDP PUK Agreement\n"
    "\n"
    "MOSUL, March 4 (Herald) - The two main factions in Ninewa signed a "
    "power-sharing deal on "
    "Tuesday after weeks of talks, ending a dispute over the governor's "
    "office.\n"
    "\n"
    "\xE2\x80\x9CWe have chosen dialogue over war. Our people deserve "
    "better,\xE2\x80\x9D the new "
    "governor told reporters after the ceremony.\n"
    "\n"
    "Read More: Talks between factions collapse in February\n"
    "\n"
    "The deal divides the provincial posts between the parties and sets "
    "elections for next year.\n"
    "\n"
    "Edited by Karim Nouri\n"
    "\n"
    "Herald News \xC2\xA9"
    "Copyright 2022\n"
    "All Rights Reserved\n"
    "Listen To\n"
    "Herald Radio On\n"
    "Nilesat11900 H 27500\n"
    "101.2FM\n"
    "MOSUL \xC2\xA0 DUHOK\n"
    "App Store Google Play\n"
    "Site Map - Privacy Policy - About - Contact\n";

struct RoleCase {
  const char* line_prefix;
  LineRole want;
};

class PageLineRoleTest : public testing::TestWithParam<RoleCase> {};

TEST_P(PageLineRoleTest, Role) {
  const RoleCase& c = GetParam();
  std::vector<PageLine> lines = ClassifyPageText(kPage);
  bool found = false;
  for (const PageLine& l : lines) {
    if (l.text.substr(0, std::string_view(c.line_prefix).size()) !=
        c.line_prefix)
      continue;
    found = true;
    EXPECT_EQ(LineRoleName(l.role), std::string(LineRoleName(c.want)))
        << l.text;
  }
  EXPECT_TRUE(found) << c.line_prefix;
}

INSTANTIATE_TEST_SUITE_P(
    Lines, PageLineRoleTest,
    testing::Values(
        RoleCase{"Politics", LineRole::kSection},
        RoleCase{"Rival factions agree", LineRole::kTitle},
        RoleCase{"\xE2\x80\x9CWe have chosen dialogue over war.\xE2\x80\x9D",
                 LineRole::kPullQuote},
        RoleCase{"By Layla Hassan", LineRole::kAuthor},
        RoleCase{"The two leaders shake hands", LineRole::kFurniture},
        RoleCase{"Mosul Ninewa KDP", LineRole::kTags},
        RoleCase{"MOSUL, March 4", LineRole::kBody},
        RoleCase{"\xE2\x80\x9CWe have chosen dialogue over war. Our",
                 LineRole::kBody},
        RoleCase{"Read More:", LineRole::kFurniture},
        RoleCase{"The deal divides", LineRole::kBody},
        RoleCase{"Edited by", LineRole::kFurniture},
        RoleCase{"Herald News", LineRole::kFurniture},
        RoleCase{"All Rights Reserved", LineRole::kFurniture},
        RoleCase{"Listen To", LineRole::kFurniture},
        RoleCase{"Herald Radio On", LineRole::kFurniture},
        RoleCase{"Nilesat", LineRole::kFurniture},
        RoleCase{"101.2FM", LineRole::kFurniture},
        RoleCase{"MOSUL \xC2\xA0 DUHOK", LineRole::kFurniture},
        RoleCase{"App Store", LineRole::kFurniture},
        RoleCase{"Site Map", LineRole::kFurniture}));

TEST(PageTextTest, FillsArticle) {
  Article a;
  ExtractPageText(kPage, &a);
  EXPECT_EQ(a.title,
            "Rival factions agree to share power in northern province");
  EXPECT_EQ(a.section, "Politics");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Layla Hassan"}));
  EXPECT_EQ(a.tags, (std::vector<std::string>{"Mosul", "Ninewa", "KDP", "PUK",
                                              "Agreement"}));
  EXPECT_EQ(a.dateline, "Mosul");
  EXPECT_EQ(a.copyright_year, 2022);
  ASSERT_EQ(a.paragraphs.size(), 3u);
  std::string_view content = kPage;
  for (const Paragraph& p : a.paragraphs) {
    EXPECT_EQ(content.substr(p.start, p.end - p.start), p.text);
    EXPECT_TRUE(p.anchors.empty());
    EXPECT_EQ(a.body.substr(p.body_start, p.text.size()), p.text);
  }
}

TEST(PageTextTest, DuplicateBodyLineKeptOnce) {
  std::string page =
      "The council met on Monday to discuss the budget for the coming year.\n\n"
      "Members argued about the cost of the new bridge over the river.\n\n"
      "The council met on Monday to discuss the budget for the coming year.\n";
  Article a;
  ExtractPageText(page, &a);
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[0].start, 0u);
}

// A report of one short sentence has no prose line of paragraph length; it is
// still the body, while a headline alone (no full stop) is not.
TEST(PageTextTest, OneShortSentenceIsTheBody) {
  Article a;
  ExtractPageText("Protesters gathered in Paris.\n", &a);
  ASSERT_EQ(a.paragraphs.size(), 1u);
  EXPECT_EQ(a.paragraphs[0].text, "Protesters gathered in Paris.");

  Article headline;
  ExtractPageText("Protests spread across France\n", &headline);
  EXPECT_TRUE(headline.paragraphs.empty());
}

TEST(PlainTextTest, BlankLinesSeparateParagraphs) {
  std::string text = "First line\nstill first.\n\n  Second paragraph.  \n\n\n";
  Article a;
  ExtractPlainText(text, &a);
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[0].text, "First line\nstill first.");
  EXPECT_EQ(a.paragraphs[1].text, "Second paragraph.");
  EXPECT_EQ(text.substr(a.paragraphs[1].start,
                        a.paragraphs[1].end - a.paragraphs[1].start),
            "Second paragraph.");
}

TEST(PlainTextTest, SingleNewlinesWithoutBlankLines) {
  Article a;
  ExtractPlainText("one\ntwo\n\nx", &a);  // has a blank line: two paragraphs
  EXPECT_EQ(a.paragraphs.size(), 2u);
  Article b;
  ExtractPlainText("one\ntwo\nthree\n", &b);
  EXPECT_EQ(b.paragraphs.size(), 3u);
}

// The seed page and its reviewed gold annotation in the shared folder.
TEST(PageTextGoldenTest, SeedPage) {
  std::string shared = DATELINE_SHARED_DIR;
  if (const char* env = std::getenv("DATELINE_SHARED")) shared = env;
  std::ifstream gold_file(shared + "/eval/seed.gold.json");
  if (!gold_file) GTEST_SKIP() << "shared folder absent";
  nlohmann::json gold = nlohmann::json::parse(gold_file, nullptr, false);
  ASSERT_FALSE(gold.is_discarded());
  std::ifstream in(shared + "/" + gold["input"].get<std::string>(),
                   std::ios::binary);
  ASSERT_TRUE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  Document doc;
  doc.kind = InputKind::kPageText;
  doc.content = ss.str();
  Result<Article> r = ExtractArticle(doc);
  ASSERT_TRUE(r.ok());
  const Article& a = *r;
  const nlohmann::json& ga = gold["article"];
  EXPECT_EQ(a.title, ga["title"].get<std::string>());
  EXPECT_EQ(a.section, ga["section"].get<std::string>());
  EXPECT_EQ(a.authors, ga["authors"].get<std::vector<std::string>>());
  EXPECT_EQ(a.dateline, ga["dateline_place"].get<std::string>());
  EXPECT_EQ(a.tags, ga["tags"].get<std::vector<std::string>>());
  EXPECT_EQ(a.copyright_year, 2021);
  EXPECT_FALSE(a.published.has_value());
  for (const auto& s : ga["body_must_contain"]) {
    EXPECT_NE(a.body.find(s.get<std::string>()), std::string::npos) << s;
  }
  for (const auto& s : ga["body_must_not_contain"]) {
    EXPECT_EQ(a.body.find(s.get<std::string>()), std::string::npos) << s;
  }
  ASSERT_FALSE(a.paragraphs.empty());
  for (const Paragraph& p : a.paragraphs) {
    EXPECT_EQ(doc.content.substr(p.start, p.end - p.start), p.text);
    EXPECT_TRUE(p.anchors.empty());
  }
}

// Subheadings between body paragraphs are the article's; heading-like lines
// next to furniture, or in the header, are not. A paragraph printed twice is
// kept once.
TEST(PageTextTest, SubheadingsAndDuplicatesInTheBody) {
  const std::string page =
      "World\n\n"
      "Floods displace thousands across the southern delta\n\n"
      "By Omar Said\n\n"
      "Heavy rain over the weekend pushed rivers over their banks in four "
      "provinces, the "
      "civil defence agency said on Monday.\n\n"
      "Relief Efforts Stall\n\n"
      "Aid convoys were unable to reach the worst-hit villages because the "
      "main road had "
      "been washed away near the provincial capital.\n\n"
      "Officials said more rain was expected later in the week and urged "
      "residents to move "
      "to higher ground while they still could.\n\n"
      "What happens next?\n\n"
      "Engineers will inspect the levees once the water recedes, and the "
      "government has "
      "promised compensation for lost crops and livestock.\n\n"
      "Aid convoys were unable to reach the worst-hit villages because the "
      "main road had "
      "been washed away near the provincial capital.\n\n"
      "Read More: Drought hits northern farms\n\n"
      "Most Popular Stories\n\n"
      "\xC2\xA9 2024 Delta Herald\n";
  Document doc;
  doc.kind = InputKind::kPageText;
  doc.content = page;
  Result<Article> r = ExtractArticle(doc);
  ASSERT_TRUE(r.ok());
  std::vector<std::string> texts;
  for (const Paragraph& p : r->paragraphs) texts.push_back(p.text);
  const std::vector<std::string> want = {
      "Heavy rain over the weekend pushed rivers over their banks in four "
      "provinces, the civil "
      "defence agency said on Monday.",
      "Relief Efforts Stall",
      "Aid convoys were unable to reach the worst-hit villages because the "
      "main road had been "
      "washed away near the provincial capital.",
      "Officials said more rain was expected later in the week and urged "
      "residents to move to "
      "higher ground while they still could.",
      "What happens next?",
      "Engineers will inspect the levees once the water recedes, and the "
      "government has "
      "promised compensation for lost crops and livestock."};
  EXPECT_EQ(texts, want);
  EXPECT_EQ(r->title, "Floods displace thousands across the southern delta");
}

struct SubheadingCase {
  const char* line;
  bool want;
};

TEST(PageTextTest, SubheadingShape) {
  const SubheadingCase cases[] = {
      {"Relief Efforts Stall", true},
      {"What happens next?", true},
      {"The Long Road to Recovery in the North", true},
      {"Officials said it rained.", false},                      // a sentence
      {"Note:", false},                                          // a label
      {"the river rose over the banks of the old town", false},  // lower case
      {"Share", false},                                          // one word
      {"Prices rose again across the country as the harvest failed and exports",
       false},
  };
  for (const SubheadingCase& c : cases) {
    std::string page =
        std::string("Headline of the story goes here today\n\n") +
        "The first paragraph of the story is long enough to read as prose, it "
        "says.\n\n" +
        c.line + "\n\n" +
        "The second paragraph of the story is also long enough to be prose, "
        "they said.\n";
    std::vector<PageLine> lines = ClassifyPageText(page);
    bool body = false;
    for (const PageLine& l : lines) {
      if (l.text == c.line) body = l.role == LineRole::kBody;
    }
    EXPECT_EQ(body, c.want) << c.line;
  }
}

}  // namespace
}  // namespace dateline::extract_internal
