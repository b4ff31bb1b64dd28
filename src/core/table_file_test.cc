#include "core/table_file.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(TableFileTest, ParsesFieldsListsAndComments) {
  auto recs = ParseTable(
      "# header\n\nIRQ | IQ | Iraq; Republic of Iraq\n  # indented "
      "comment\nUSA | US | \n",
      "data/countries.txt", 2, 3);
  ASSERT_TRUE(recs.ok()) << recs.error().ToString();
  ASSERT_EQ(recs->size(), 2u);
  EXPECT_EQ((*recs)[0].line, 3);
  EXPECT_EQ((*recs)[0].fields[2], "Iraq; Republic of Iraq");
  EXPECT_EQ(SplitList((*recs)[0].fields[2]),
            (std::vector<std::string>{"Iraq", "Republic of Iraq"}));
  EXPECT_EQ((*recs)[1].fields, (std::vector<std::string>{"USA", "US", ""}));
  EXPECT_EQ((*recs)[1].Where(), "data/countries.txt:5");
}

TEST(TableFileTest, AHashInsideAFieldIsText) {
  auto recs = ParseTable("tag | #Peshmarga_reform\n", "t.txt", 2, 2);
  ASSERT_TRUE(recs.ok());
  EXPECT_EQ((*recs)[0].fields[1], "#Peshmarga_reform");
  EXPECT_EQ(ContentLines("tag | #x\n# c\n", CommentStyle::kWholeLine).size(),
            1u);
  EXPECT_EQ(ContentLines("tag | #x\n# c\n")[0].text, "tag |");
}

TEST(TableFileTest, BadLineNamesFileAndLine) {
  auto recs = ParseTable("a | b\nonly-one-field\n", "x/y/verbs.txt", 2, 2);
  ASSERT_FALSE(recs.ok());
  EXPECT_EQ(recs.error().line, 2);
  EXPECT_NE(recs.error().ToString().find("x/y/verbs.txt:2"), std::string::npos);
  EXPECT_NE(recs.error().message.find("found 1"), std::string::npos);
}

TEST(TableFileTest, RejectsInvalidUtf8) {
  auto recs = ParseTable("ok | fine\nbad \xff | x\n", "f.txt", 2, 2);
  ASSERT_FALSE(recs.ok());
  EXPECT_NE(recs.error().message.find("UTF-8"), std::string::npos);
}

TEST(TableFileTest, MissingFileIsAnError) {
  auto recs = ReadTableFile("/nonexistent/dateline/file.txt", 1, 2);
  ASSERT_FALSE(recs.ok());
  EXPECT_NE(recs.error().ToString().find("/nonexistent/dateline/file.txt"),
            std::string::npos);
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(ContentLinesTest, DropsCommentsAndBlankLinesAndKeepsNumbers) {
  const std::vector<ContentLine> lines =
      ContentLines("# header\n\n  --- MEET [040] --- # why\r\n\t\nMEET\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].number, 3);
  EXPECT_EQ(lines[0].text, "--- MEET [040] ---");
  EXPECT_EQ(lines[1].number, 5);
  EXPECT_EQ(lines[1].text, "MEET");
  EXPECT_TRUE(ContentLines("").empty());
}

}  // namespace
}  // namespace dateline
