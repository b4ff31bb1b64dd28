#include "ingest/gzip_whole.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "ingest/ingest.h"
#include "ingest/ingest_testing.h"

namespace dateline::ingest_internal {
namespace {

using ingest_testing::GzipMember;

// Text that compresses about as a page does, `n` bytes of it.
std::string Page(size_t n) {
  std::string s;
  uint32_t x = 12345;
  while (s.size() < n) {
    x = x * 1103515245u + 12345u;
    s += "<p class=\"story\">Troops withdrew from town " +
         std::to_string(x % 1000) + " on Monday.</p>\n";
  }
  s.resize(n);
  return s;
}

constexpr size_t kNoLimit = size_t{64} << 20;

TEST(GzipWholeTest, ReadsOneMember) {
  for (size_t n : {size_t{0}, size_t{1}, size_t{100}, size_t{300000}}) {
    const std::string page = Page(n);
    const auto out = InflateWholeGzip(GzipMember(page), kNoLimit);
    ASSERT_TRUE(out.has_value()) << n;
    EXPECT_EQ(*out, page) << n;
  }
}

// Several members, as `cat a.gz b.gz` makes them: the last member's ISIZE is
// not the whole size, so the buffer grows (here from 10 bytes).
TEST(GzipWholeTest, ReadsEveryMemberGrowingTheBuffer) {
  const std::string a = Page(200000), b = Page(7000), c = "tail text";
  const auto out = InflateWholeGzip(
      GzipMember(a) + GzipMember(b) + GzipMember("") + GzipMember(c), kNoLimit);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(*out, a + b + c);
}

TEST(GzipWholeTest, ZeroPaddingEndsTheDataAsForGzip) {
  const std::string page = Page(5000);
  const auto out =
      InflateWholeGzip(GzipMember(page) + std::string(512, '\0'), kNoLimit);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(*out, page);
}

// What the fast path declines, zlib's reader reports: each case is nullopt.
TEST(GzipWholeTest, DeclinesWhatItDoesNotReadAsZlibDoes) {
  const std::string page = Page(20000);
  const std::string gz = GzipMember(page);
  EXPECT_FALSE(InflateWholeGzip("", kNoLimit));
  EXPECT_FALSE(InflateWholeGzip("plain text, not gzip", kNoLimit));
  EXPECT_FALSE(InflateWholeGzip(gz + "junk", kNoLimit));
  EXPECT_FALSE(InflateWholeGzip(gz + std::string(9, '\0') + "x", kNoLimit));
  // Every truncation.
  for (size_t n = 0; n < gz.size(); ++n)
    ASSERT_FALSE(InflateWholeGzip(gz.substr(0, n), kNoLimit)) << n;
  // Damage in the compressed data, the CRC-32 and the length.
  for (size_t at : {gz.size() / 2, gz.size() - 6, gz.size() - 2}) {
    std::string bad = gz;
    bad[at] = static_cast<char>(bad[at] ^ 0x40);
    EXPECT_FALSE(InflateWholeGzip(bad, kNoLimit)) << at;
  }
  // A header CRC (FHCRC), which libdeflate would skip unchecked.
  std::string with_hcrc = gz.substr(0, 10) + "\0\0" + gz.substr(10);
  with_hcrc[3] = static_cast<char>(with_hcrc[3] | 0x02);
  EXPECT_FALSE(InflateWholeGzip(with_hcrc, kNoLimit));
}

// The zip-bomb guard: output is never made past the limit, however small the
// input or whatever its length field says.
TEST(GzipWholeTest, StopsAtTheLimit) {
  const std::string zeros(8 << 20, '\0');
  const std::string bomb = GzipMember(zeros);
  ASSERT_LT(bomb.size(), 20000u);
  EXPECT_FALSE(InflateWholeGzip(bomb, 1 << 20));
  EXPECT_FALSE(InflateWholeGzip(bomb, zeros.size() - 1));
  const auto exact = InflateWholeGzip(bomb, zeros.size());
  ASSERT_TRUE(exact.has_value());
  EXPECT_EQ(exact->size(), zeros.size());
  // Two members of which the last is small: the limit holds while growing.
  EXPECT_FALSE(InflateWholeGzip(bomb + GzipMember("x"), zeros.size()));
}

// Through ingest: data the fast path declines reads as it always did, with
// zlib's verdicts; data it takes reads the same.
TEST(GzipWholeTest, IngestReadsDeclinedDataWithZlib) {
  const std::string page =
      "<html><body><p>" + Page(3000) + "</p></body></html>";
  const std::string gz = GzipMember(page);
  std::string with_hcrc =
      gz.substr(0, 3) + static_cast<char>(gz[3] | 0x02) + gz.substr(4, 6);
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(with_hcrc.data()),
                          static_cast<uInt>(with_hcrc.size()));
  with_hcrc += static_cast<char>(crc & 0xFF);
  with_hcrc += static_cast<char>((crc >> 8) & 0xFF);
  with_hcrc += gz.substr(10);
  for (const std::string& data : {gz, with_hcrc}) {
    std::vector<Result<Document>> docs;
    ReadBytes(data, "page.html.gz", {},
              [&](Result<Document> d) { docs.push_back(std::move(d)); });
    ASSERT_EQ(docs.size(), 1u);
    ASSERT_TRUE(docs[0].ok()) << docs[0].error().ToString();
    EXPECT_EQ(docs[0]->content, page);
  }
  // A header CRC that does not match: zlib's reader refuses it.
  with_hcrc[10] = static_cast<char>(with_hcrc[10] ^ 1);
  std::vector<Result<Document>> docs;
  ReadBytes(with_hcrc, "page.html.gz", {},
            [&](Result<Document> d) { docs.push_back(std::move(d)); });
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_FALSE(docs[0].ok());
  EXPECT_NE(docs[0].error().message.find("corrupt gzip data"),
            std::string::npos)
      << docs[0].error().message;
}

}  // namespace
}  // namespace dateline::ingest_internal
