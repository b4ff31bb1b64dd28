// The main() of every Dateline test binary: GoogleTest's, plus one guard.
//
// When a fixture's SetUpTestSuite fails (a dictionary that does not load, say),
// GoogleTest reports each test of the suite as skipped, without a reason, and
// CTest (through gtest_discover_tests) counts "[  SKIPPED ]" as a skip: a
// broken fixture would hide its tests behind a green run. The guard stops the
// process with a failure before the first such test is reported, naming the
// suite.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

namespace {

class FixtureSetUpGuard : public ::testing::EmptyTestEventListener {
 public:
  void OnTestStart(const ::testing::TestInfo& test) override {
    const ::testing::TestSuite* suite =
        ::testing::UnitTest::GetInstance()->current_test_suite();
    if (suite == nullptr || !suite->ad_hoc_test_result().Failed()) return;
    std::fprintf(stderr,
                 "\nFAILED: the set-up of test suite %s failed (see above); %s "
                 "cannot run\n",
                 test.test_suite_name(), test.name());
    std::fflush(stdout);
    std::_Exit(1);
  }
};

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::UnitTest::GetInstance()->listeners().Append(new FixtureSetUpGuard);
  return RUN_ALL_TESTS();
}
