#include "ingest/seen_ids.h"

#include <gtest/gtest.h>

#include <string>

namespace dateline {
namespace {

TEST(SeenIds, ReturnsTheFirstLineOfARepeatedId) {
  SeenIds seen;
  EXPECT_EQ(seen.Insert("x1", 1), std::nullopt);
  EXPECT_EQ(seen.Insert("x2", 2), std::nullopt);
  EXPECT_EQ(seen.Insert("", 3), std::nullopt);  // an empty id is an id too
  EXPECT_EQ(seen.Insert("x1", 4), 1);
  EXPECT_EQ(seen.Insert("", 5), 3);
  EXPECT_EQ(seen.Insert("x1", 6), 1);  // a refused repeat is not remembered
  EXPECT_EQ(seen.size(), 3u);
  // Lines are kept in 32 bits: later ones are remembered as the last of them.
  EXPECT_EQ(seen.Insert("far", int64_t{5} << 32), std::nullopt);
  EXPECT_EQ(seen.Insert("far", 7), int64_t{0xFFFFFFFF});
}

// Every id of a long stream is found again after the table has grown many
// times, and none is taken for another; the table stays within 28 bytes an id.
TEST(SeenIds, KeepsEveryIdThroughGrowthInBoundedBytes) {
  SeenIds seen;
  constexpr int kIds = 200000;
  for (int i = 0; i < kIds; ++i) {
    ASSERT_EQ(seen.Insert("https://news.example/story/" + std::to_string(i), i),
              std::nullopt)
        << i;
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(kIds));
  EXPECT_LE(seen.bytes(), 28u * kIds);
  for (int i = 0; i < kIds; i += 997) {
    EXPECT_EQ(
        seen.Insert("https://news.example/story/" + std::to_string(i), -1), i);
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(kIds));
}

}  // namespace
}  // namespace dateline
