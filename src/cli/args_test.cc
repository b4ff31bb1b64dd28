#include "cli/args.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(ArgsTest, ParsesValuesFlagsAndPositionals) {
  Args a({"page.txt", "--db", "x.db", "--format=json", "-", "--progress",
          "--require", "a=1", "--require", "b=2"},
         {"--db", "--format", "--require"}, {"--progress"});
  ASSERT_TRUE(a.ok()) << a.error();
  EXPECT_EQ(a.Get("--db"), "x.db");
  EXPECT_EQ(a.Get("--format"), "json");
  EXPECT_TRUE(a.Has("--progress"));
  EXPECT_EQ(a.positional(), (std::vector<std::string>{"page.txt", "-"}));
  EXPECT_EQ(a.GetAll("--require"), (std::vector<std::string>{"a=1", "b=2"}));
  EXPECT_EQ(a.Get("--missing", "fallback"), "fallback");
}

TEST(ArgsTest, ReportsUnknownOptionsAndMissingValues) {
  EXPECT_EQ(Args({"--bogus"}, {}, {}).error(), "unknown option --bogus");
  EXPECT_EQ(Args({"--db"}, {"--db"}, {}).error(), "option --db needs a value");
  EXPECT_EQ(Args({"--progress=yes"}, {}, {"--progress"}).error(),
            "unknown option --progress=yes");
  Args after_dashes({"--", "--db"}, {"--db"}, {});
  ASSERT_TRUE(after_dashes.ok());
  EXPECT_EQ(after_dashes.positional(), std::vector<std::string>{"--db"});
}

TEST(ArgsTest, WholeNumbersAreDigitsInRange) {
  EXPECT_EQ(ParseWholeNumber("12", 1, 100), 12u);
  EXPECT_EQ(ParseWholeNumber("0", 0, 5), 0u);
  for (const char* bad : {"", "-5", "2.5", "1e9", " 3", "3 ", "12abc", "+4",
                          "0x10", "101", "99999999999999999999"})
    EXPECT_FALSE(ParseWholeNumber(bad, 1, 100)) << bad;
}

// An option read as a whole number: its default when absent, its value when
// valid, an error naming the option and the value otherwise.
TEST(ArgsTest, WholeNumberOptions) {
  const Args a({"--jobs", "3", "--limit", "-5"},
               {"--jobs", "--limit", "--port"}, {});
  std::string error;
  int jobs = 1, port = 8080;
  EXPECT_TRUE(a.GetWholeNumber("--jobs", 1, 1024, "threads", &jobs, &error));
  EXPECT_EQ(jobs, 3);
  EXPECT_TRUE(a.GetWholeNumber("--port", 0, 65535, "ports", &port, &error));
  EXPECT_EQ(port, 8080);
  uint64_t limit = 7;
  EXPECT_FALSE(a.GetWholeNumber("--limit", 0, 100, "rows", &limit, &error));
  EXPECT_EQ(limit, 7u);
  EXPECT_EQ(error,
            "--limit needs a whole number of rows from 0 to 100, not \"-5\"");
}

TEST(ArgsTest, ByteSizesTakeUnits) {
  const uint64_t max = uint64_t{4} << 30;
  EXPECT_EQ(ParseByteSize("33554432", max), 33554432u);
  EXPECT_EQ(ParseByteSize("32M", max), 32u << 20);
  EXPECT_EQ(ParseByteSize("512KiB", max), 512u << 10);
  EXPECT_EQ(ParseByteSize("1gb", max), uint64_t{1} << 30);
  EXPECT_EQ(ParseByteSize("4G", max), max);
  for (const char* bad : {"", "0", "1e9", "2^58", "5G", "-1", "1.5M", "12 M",
                          "M", "288230376151711744", "3T"})
    EXPECT_FALSE(ParseByteSize(bad, max)) << bad;
}

}  // namespace
}  // namespace dateline
