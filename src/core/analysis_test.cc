#include "core/analysis.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dateline {
namespace {

TEST(TokenStringsTest, CopiesOutliveMovesAndLaterBlocks) {
  TokenStrings strings;
  std::vector<std::string_view> views;
  std::vector<std::string> expected;
  // Enough copies, one of them longer than a block, to need several blocks.
  for (int i = 0; i < 2000; ++i) {
    expected.push_back("word" + std::to_string(i));
    views.push_back(strings.Copy(expected.back()));
  }
  expected.push_back(std::string(10000, 'x'));
  views.push_back(strings.Copy(expected.back()));
  expected.push_back("stopp");
  views.push_back(strings.CopyWith("stop", 'p'));
  TokenStrings moved = std::move(strings);
  for (size_t i = 0; i < views.size(); ++i) EXPECT_EQ(views[i], expected[i]);
  // The moved-from owner starts afresh rather than writing into blocks it gave
  // away.
  EXPECT_EQ(strings.Copy("fresh"), "fresh");  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(views.front(), "word0");
  EXPECT_TRUE(moved.Copy("").empty());
}

}  // namespace
}  // namespace dateline
