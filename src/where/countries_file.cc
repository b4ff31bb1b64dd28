#include "where/countries_file.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace dateline::where_internal {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t pos = s.find(sep, start);
    parts.push_back(Trim(s.substr(start, pos == std::string_view::npos
                                             ? std::string_view::npos
                                             : pos - start)));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return parts;
}

bool IsUpperAlpha(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

std::vector<CountryPhrase> ParsePhrases(std::string_view field) {
  std::vector<CountryPhrase> out;
  if (field.empty()) return out;
  for (std::string_view item : Split(field, ';')) {
    CountryPhrase phrase;
    if (!item.empty() && item.front() == '=') {
      phrase.exact_case = true;
      item = Trim(item.substr(1));
    }
    if (item.empty()) continue;
    phrase.text = std::string(item);
    out.push_back(std::move(phrase));
  }
  return out;
}

bool ParseDegrees(std::string_view s, double limit, double* out) {
  s = Trim(s);
  if (s.empty() || s.size() > 32) return false;
  // strtod needs a terminated string; from_chars for double is not in every
  // libstdc++.
  const std::string copy(s);
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(copy.c_str(), &end);
  if (errno != 0 || end != copy.c_str() + copy.size() || !std::isfinite(v) ||
      std::fabs(v) > limit) {
    return false;
  }
  *out = v;
  return true;
}

}  // namespace

Result<std::vector<CountryRecord>> ParseCountries(
    std::string_view content, const std::string& file_name) {
  std::vector<CountryRecord> records;
  std::set<std::string> seen;
  int line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    const std::string_view line = Trim(content.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string_view> fields = Split(line, '|');
    auto fail = [&](const std::string& what) {
      return MakeError(file_name, what, line_no);
    };
    if (fields.size() != 6) {
      return fail(
          "expected 6 fields 'ISO3 | ISO2 | names | demonyms | capitals | lat, "
          "lon', found " +
          std::to_string(fields.size()));
    }
    CountryRecord r;
    r.line = line_no;
    if (!IsUpperAlpha(fields[0], 3))
      return fail("ISO3 code must be 3 capital letters: '" +
                  std::string(fields[0]) + "'");
    if (!IsUpperAlpha(fields[1], 2))
      return fail("ISO2 code must be 2 capital letters: '" +
                  std::string(fields[1]) + "'");
    r.iso3 = std::string(fields[0]);
    r.iso2 = std::string(fields[1]);
    if (!seen.insert(r.iso3).second)
      return fail("duplicate ISO3 code " + r.iso3);
    if (!seen.insert("2:" + r.iso2).second)
      return fail("duplicate ISO2 code " + r.iso2);
    r.names = ParsePhrases(fields[2]);
    if (r.names.empty()) return fail("a country needs at least one name");
    r.demonyms = ParsePhrases(fields[3]);
    r.capitals = ParsePhrases(fields[4]);
    const std::vector<std::string_view> coords = Split(fields[5], ',');
    if (coords.size() != 2 || !ParseDegrees(coords[0], 90, &r.lat) ||
        !ParseDegrees(coords[1], 180, &r.lon)) {
      return fail("centroid must be 'lat, lon' in decimal degrees: '" +
                  std::string(fields[5]) + "'");
    }
    records.push_back(std::move(r));
  }
  return records;
}

Result<std::vector<CountryRecord>> ReadCountriesFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(path, "cannot open countries file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return MakeError(path, "error reading countries file");
  return ParseCountries(buffer.str(), path);
}

}  // namespace dateline::where_internal
