#include "core/error.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace dateline {
namespace {

Status Fails(const std::string& why) {
  return MakeError(ErrorKind::kNotFound, "input.txt", why);
}
Result<std::unique_ptr<int>> Number(bool ok) {
  if (!ok) return MakeError("numbers.txt", "no number");
  return std::make_unique<int>(7);
}

// Counts the steps it got through before returning.
Status TwoSteps(bool first_ok, bool second_ok, int* steps) {
  RETURN_IF_ERROR(first_ok ? Status::Ok() : Fails("first"));
  ++*steps;
  RETURN_IF_ERROR(Number(second_ok));
  ++*steps;
  return Status::Ok();
}

Result<int> Doubled(bool ok) {
  ASSIGN_OR_RETURN(std::unique_ptr<int> n, Number(ok));  // a move-only value
  ASSIGN_OR_RETURN(auto again, Number(true));  // twice in one function
  return *n * 2 + *again - 7;
}

TEST(ErrorMacrosTest, ReturnIfErrorStopsAtTheFirstError) {
  int steps = 0;
  EXPECT_TRUE(TwoSteps(true, true, &steps).ok());
  EXPECT_EQ(steps, 2);
  steps = 0;
  const Status first = TwoSteps(false, true, &steps);
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(steps, 0);
  EXPECT_EQ(first.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(first.error().ToString(), "input.txt: first");
  steps = 0;
  const Status second = TwoSteps(true, false, &steps);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(steps, 1);
  EXPECT_EQ(second.error().input, "numbers.txt");
}

TEST(ErrorMacrosTest, AssignOrReturnGivesTheValueOrTheError) {
  const Result<int> ok = Doubled(true);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 14);
  const Result<int> failed = Doubled(false);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message, "no number");
}

}  // namespace
}  // namespace dateline
