// Test and benchmark helpers of the store stage (not part of the library): a
// scratch directory for database files. Header-only; include from *_test.cc and
// *_benchmark.cc only.
#ifndef DATELINE_STORE_STORE_TESTING_H_
#define DATELINE_STORE_STORE_TESTING_H_

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace dateline::store_testing {

// A fresh directory under the system temp dir, removed with everything in it
// (its permissions restored first, for tests that take them away). ok() is
// false when it could not be made.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "dateline_store") {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / (prefix + ".XXXXXX"))
            .string();
    if (mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    if (path_.empty()) return;
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  bool ok() const { return !path_.empty(); }
  std::string File(const std::string& name) const {
    return (std::filesystem::path(path_) / name).string();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace dateline::store_testing

#endif  // DATELINE_STORE_STORE_TESTING_H_
