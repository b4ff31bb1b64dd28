// Parser for data/countries.txt, the reviewable table of countries the
// gazetteer takes its country entries from. Internal to src/where/.
//
// Format (one country a line; '#' starts a comment line; blank lines are
// ignored):
//   ISO3 | ISO2 | names | demonyms | capitals | lat, lon
// Fields are separated by " | ", list items by "; ". The first name is the
// common English name. A phrase prefixed with '=' is matched with its exact
// case ("=US"). Demonyms and capitals may be empty; the centroid is decimal
// degrees.
//
// Plain functions and value types; thread-safe.
#ifndef DATELINE_WHERE_COUNTRIES_FILE_H_
#define DATELINE_WHERE_COUNTRIES_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace dateline::where_internal {

struct CountryPhrase {
  std::string text;
  bool exact_case = false;  // written with a leading '=' in the file
};

struct CountryRecord {
  std::string iso3;  // "IRQ"
  std::string iso2;  // "IQ"
  std::vector<CountryPhrase>
      names;  // at least one; names[0] is the common name
  std::vector<CountryPhrase> demonyms;  // "Iraqi", "Iraqis"
  std::vector<CountryPhrase> capitals;  // "Baghdad"
  double lat = 0, lon = 0;
  int line = 0;  // 1-based line in the file
};

// Parses the content of a countries file; `file_name` is only used in errors,
// which name the line and what is wrong with it. Duplicate ISO codes are an
// error.
Result<std::vector<CountryRecord>> ParseCountries(std::string_view content,
                                                  const std::string& file_name);

// Reads and parses a countries file.
Result<std::vector<CountryRecord>> ReadCountriesFile(const std::string& path);

}  // namespace dateline::where_internal

#endif  // DATELINE_WHERE_COUNTRIES_FILE_H_
