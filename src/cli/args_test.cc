#include "cli/args.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(ArgsTest, ParsesValuesFlagsAndPositionals) {
  Args a({"page.txt", "--db", "x.db", "--format=json", "-", "--progress", "--require", "a=1", "--require", "b=2"},
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
  EXPECT_EQ(Args({"--progress=yes"}, {}, {"--progress"}).error(), "unknown option --progress=yes");
  Args after_dashes({"--", "--db"}, {"--db"}, {});
  ASSERT_TRUE(after_dashes.ok());
  EXPECT_EQ(after_dashes.positional(), std::vector<std::string>{"--db"});
}

}  // namespace
}  // namespace dateline
