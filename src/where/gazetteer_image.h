// Internals of the gazetteer file: the byte layout constants (the grammar is written
// out at the top of gazetteer_builder.cc), the in-memory builder that both the
// dateline-gazetteer tool and Gazetteer::CountriesOnly use, and the reader over a
// byte image (memory-mapped file or owned buffer). Internal to src/where/.
//
// The builder is single-threaded; an opened image is immutable and thread-safe.
#ifndef DATELINE_WHERE_GAZETTEER_IMAGE_H_
#define DATELINE_WHERE_GAZETTEER_IMAGE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "where/countries_file.h"
#include "where/where.h"

namespace dateline::where_internal {

inline constexpr char kGazetteerMagic[8] = {'D', 'L', 'G', 'A', 'Z', 'E', 'T', '\0'};
inline constexpr uint32_t kGazetteerVersion = 1;
inline constexpr size_t kHeaderSize = 64;
inline constexpr size_t kEntrySize = 32;
inline constexpr size_t kKeySize = 12;
inline constexpr size_t kPostingSize = 4;

// Posting word: entry index in the low 28 bits, flags in the high 4.
inline constexpr uint32_t kPostingIndexMask = 0x0FFFFFFFu;
inline constexpr uint32_t kPostingPrimary = 1u << 28;
inline constexpr uint32_t kPostingDemonym = 1u << 29;
inline constexpr uint32_t kPostingCapitalAlias = 1u << 30;

// Entry precision byte.
inline constexpr uint8_t kPrecisionPoint = 0;
inline constexpr uint8_t kPrecisionAdmin1 = 1;
inline constexpr uint8_t kPrecisionCountry = 2;

// Reserved key prefixes: neither can start a normalised name.
inline constexpr char kIsoKeyPrefix = '#';     // "#IQ", "#IRQ" -> the country entry
inline constexpr char kCommonWordPrefix = '!'; // "!reading": a listed common word

struct ImageInputs {
  std::vector<CountryRecord> countries;
  std::string geonames_file;       // may be empty (countries only)
  std::string subdivisions_file;   // may be empty
  std::string common_words_file;   // may be empty
  std::string regions_file;        // data/where/regions.txt; may be empty
  std::string admin1_file;         // data/where/admin1.txt; may be empty
  std::string country_points_file; // world-countries' countries.json or text; may be empty
  std::string admin2_file;         // data/where/us_counties.txt; may be empty
  std::string admin1_points_file;  // country-state-city-js folder or text; may be empty
  long min_population = 0;
  // Countries-only images make each capital's name an alias of its country.
  bool capitals_as_country_aliases = false;
  bool verbose = false;
};

struct ImageStats {
  size_t entries = 0, keys = 0, postings = 0, string_bytes = 0, admin1 = 0;
};

// Builds the bytes of a gazetteer image. Deterministic: equal inputs, equal bytes.
Result<std::string> BuildImage(const ImageInputs& inputs, ImageStats* stats);

// Opens an image held in `bytes`; `name` is used in errors (a file path).
Result<std::unique_ptr<Gazetteer>> OpenImage(std::string bytes, const std::string& name);

}  // namespace dateline::where_internal

#endif  // DATELINE_WHERE_GAZETTEER_IMAGE_H_
