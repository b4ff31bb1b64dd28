#include "cli/args.h"

#include <cctype>

namespace dateline {

Args::Args(const std::vector<std::string>& argv,
           const std::set<std::string>& with_value,
           const std::set<std::string>& flags) {
  bool options_done = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (options_done || a == "-" || a.size() < 2 || a[0] != '-') {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    std::string name = a, value;
    bool inline_value = false;
    if (const size_t eq = a.find('=');
        eq != std::string::npos && a.rfind("--", 0) == 0) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      inline_value = true;
    }
    if (with_value.count(name)) {
      if (!inline_value) {
        if (i + 1 >= argv.size()) {
          error_ = "option " + name + " needs a value";
          return;
        }
        value = argv[++i];
      }
      values_.emplace(name, value);
    } else if (flags.count(name) && !inline_value) {
      values_.emplace(name, "");
    } else {
      error_ = "unknown option " + a;
      return;
    }
  }
}

std::string Args::Get(const std::string& name,
                      const std::string& fallback) const {
  auto range = values_.equal_range(name);
  if (range.first == range.second) return fallback;
  return std::prev(range.second)->second;  // the last one given wins
}

std::vector<std::string> Args::GetAll(const std::string& name) const {
  std::vector<std::string> out;
  auto range = values_.equal_range(name);
  for (auto it = range.first; it != range.second; ++it)
    out.push_back(it->second);
  return out;
}

bool Args::GetWholeNumber(const std::string& name, uint64_t min, uint64_t max,
                          const std::string& what, uint64_t* out,
                          std::string* error) const {
  if (!Has(name)) return true;
  const std::string value = Get(name);
  const std::optional<uint64_t> n = ParseWholeNumber(value, min, max);
  if (!n) {
    *error = name + " needs a whole number of " + what + " from " +
             std::to_string(min) + " to " + std::to_string(max) + ", not \"" +
             value + "\"";
    return false;
  }
  *out = *n;
  return true;
}

std::optional<uint64_t> ParseWholeNumber(const std::string& text, uint64_t min,
                                         uint64_t max) {
  if (text.empty() || text.size() > 19)
    return std::nullopt;  // 19 digits fit in 64 bits
  uint64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  if (n < min || n > max) return std::nullopt;
  return n;
}

std::optional<uint64_t> ParseByteSize(const std::string& text, uint64_t max) {
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
    ++digits;
  std::string unit = text.substr(digits);
  for (char& c : unit)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  int shift = 0;
  if (unit == "k" || unit == "kb" || unit == "kib")
    shift = 10;
  else if (unit == "m" || unit == "mb" || unit == "mib")
    shift = 20;
  else if (unit == "g" || unit == "gb" || unit == "gib")
    shift = 30;
  else if (!unit.empty() && unit != "b")
    return std::nullopt;
  const std::optional<uint64_t> n =
      ParseWholeNumber(text.substr(0, digits), 1, max >> shift);
  if (!n) return std::nullopt;
  return *n << shift;
}

}  // namespace dateline
