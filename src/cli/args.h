// A small command-line parser for the dateline subcommands: long options with values
// ("--db FILE" or "--db=FILE"), flags, repeated options, and positional arguments.
// Not thread-safe; used once per process.
#ifndef DATELINE_CLI_ARGS_H_
#define DATELINE_CLI_ARGS_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dateline {

class Args {
 public:
  // `with_value`: options that take a value; `flags`: options that do not. Anything
  // else starting with "-" (except "-" alone) is an error.
  Args(const std::vector<std::string>& argv, const std::set<std::string>& with_value,
       const std::set<std::string>& flags);

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> GetAll(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::multimap<std::string, std::string> values_;
  std::vector<std::string> positional_;
  std::string error_;
};

}  // namespace dateline

#endif  // DATELINE_CLI_ARGS_H_
