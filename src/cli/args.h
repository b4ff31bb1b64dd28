// A small command-line parser for the dateline subcommands: long options with
// values
// ("--db FILE" or "--db=FILE"), flags, repeated options, and positional
// arguments. Not thread-safe; used once per process.
#ifndef DATELINE_CLI_ARGS_H_
#define DATELINE_CLI_ARGS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dateline {

class Args {
 public:
  // `with_value`: options that take a value; `flags`: options that do not.
  // Anything else starting with "-" (except "-" alone) is an error.
  Args(const std::vector<std::string>& argv,
       const std::set<std::string>& with_value,
       const std::set<std::string>& flags);

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  std::string Get(const std::string& name,
                  const std::string& fallback = "") const;
  std::vector<std::string> GetAll(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }
  // Option `name` as a whole number from `min` to `max` (ParseWholeNumber) into
  // *out: true when it is valid or absent (*out then keeps its default); false,
  // with *error "NAME needs a whole number of WHAT from MIN to MAX, not
  // "VALUE"", otherwise.
  template <class T>
  bool GetWholeNumber(const std::string& name, uint64_t min, uint64_t max,
                      const std::string& what, T* out,
                      std::string* error) const {
    uint64_t n = 0;
    if (!GetWholeNumber(name, min, max, what, &n, error)) return false;
    if (Has(name)) *out = static_cast<T>(n);
    return true;
  }
  bool GetWholeNumber(const std::string& name, uint64_t min, uint64_t max,
                      const std::string& what, uint64_t* out,
                      std::string* error) const;

 private:
  std::multimap<std::string, std::string> values_;
  std::vector<std::string> positional_;
  std::string error_;
};

// A whole number from `min` to `max`, written as digits only ("12"; not "-5",
// "2.5", "1e9", " 3" or "12abc"); nullopt otherwise or when out of range.
std::optional<uint64_t> ParseWholeNumber(const std::string& text, uint64_t min,
                                         uint64_t max);

// A size in bytes: digits, optionally followed by a unit K, M or G (powers of
// 1024; "KB", "KiB" and lower case are accepted too): "33554432", "32M",
// "512KiB". Nullopt unless it is such a size from 1 byte to `max`.
std::optional<uint64_t> ParseByteSize(const std::string& text, uint64_t max);

}  // namespace dateline

#endif  // DATELINE_CLI_ARGS_H_
