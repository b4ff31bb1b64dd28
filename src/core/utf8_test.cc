#include "core/utf8.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(Utf8Test, FindsInvalidSequences) {
  EXPECT_EQ(FindInvalidUtf8("plain ASCII"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Kurdistan Region\xE2\x80\x99s"),
            std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xFF"), 2u);
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);    // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);  // surrogate
  EXPECT_EQ(FindInvalidUtf8("x\xE2\x80"), 1u);     // truncated
}

TEST(Utf8Test, RepairReplacesEachBadByte) {
  std::string s =
      "caf\xE9"
      " ok";  // Latin-1 e-acute
  EXPECT_EQ(RepairUtf8(&s), 1u);
  EXPECT_EQ(s,
            "caf\xEF\xBF\xBD"
            " ok");
  EXPECT_EQ(FindInvalidUtf8(s), std::string_view::npos);
}

TEST(Utf8Test, DecodeAndAppendRoundTrip) {
  const std::u32string cps = {U'A', U'\u00E9', U'\u2019', U'\U0001F600'};
  std::string s;
  for (char32_t c : cps) AppendUtf8(c, &s);
  size_t pos = 0;
  for (char32_t c : cps) EXPECT_EQ(DecodeUtf8(s, &pos), c);
  EXPECT_EQ(pos, s.size());
}

TEST(CodepointIndexTest, CountsCodePointsBeforeByteOffsets) {
  std::string s;
  for (int i = 0; i < 100; ++i)
    s += "\xE2\x80\x99"
         "a";  // 4 bytes, 2 code points each
  CodepointIndex index(s);
  EXPECT_EQ(index.ToCodepoint(0), 0u);
  EXPECT_EQ(index.ToCodepoint(3), 1u);
  EXPECT_EQ(index.ToCodepoint(4), 2u);
  EXPECT_EQ(index.ToCodepoint(1), 0u);  // inside a sequence rounds down
  EXPECT_EQ(index.ToCodepoint(400), 200u);
  EXPECT_EQ(index.ToCodepoint(4 * 77 + 3), 155u);
}

// Every offset of a mixed text against a count a byte at a time (the index
// counts eight bytes at a time within 64-byte blocks).
TEST(CodepointIndexTest, AgreesWithCountingEveryByte) {
  const std::string pieces[] = {
      "a", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80", " ", "xyz"};
  std::string s;
  for (int i = 0; i < 300; ++i) s += pieces[(i * 7 + i / 5) % 6];
  const CodepointIndex index(s);
  size_t starts = 0;
  for (size_t byte = 0; byte < s.size(); ++byte) {
    const bool lead = (static_cast<unsigned char>(s[byte]) & 0xC0) != 0x80;
    EXPECT_EQ(index.ToCodepoint(byte), lead ? starts : starts - 1) << byte;
    if (lead) ++starts;
  }
  EXPECT_EQ(index.ToCodepoint(s.size()), starts);
}

}  // namespace
}  // namespace dateline
