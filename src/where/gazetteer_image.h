// Internals of the gazetteer file: the byte layout constants (the grammar is
// written out at the top of gazetteer_builder.cc), the in-memory builder that
// both the dateline-gazetteer tool and Gazetteer::CountriesOnly use, and the
// reader over a byte image (memory-mapped file or owned buffer). Internal to
// src/where/.
//
// The builder is single-threaded; an opened image is immutable and thread-safe.
#ifndef DATELINE_WHERE_GAZETTEER_IMAGE_H_
#define DATELINE_WHERE_GAZETTEER_IMAGE_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "where/countries_file.h"
#include "where/where.h"

namespace dateline::where_internal {

inline constexpr char kGazetteerMagic[8] = {'D', 'L', 'G', 'A',
                                            'Z', 'E', 'T', '\0'};
inline constexpr uint32_t kGazetteerVersion = 2;
inline constexpr size_t kHeaderSize = 64;
inline constexpr size_t kChecksumOffset = 56;  // the header's last field
inline constexpr size_t kEntrySize = 32;
inline constexpr size_t kKeySize = 12;
inline constexpr size_t kPostingSize = 4;
inline constexpr size_t kIndexSlotSize = 8;

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
inline constexpr char kIsoKeyPrefix =
    '#';  // "#IQ", "#IRQ" -> the country entry
inline constexpr char kCommonWordPrefix =
    '!';  // "!reading": a listed common word

// Little-endian 64-bit load, the byte order of every integer in the file.
inline uint64_t LoadLittle64(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  if constexpr (std::endian::native == std::endian::big)
    w = __builtin_bswap64(w);
  return w;
}

// The hash of a key's text that places it in the key index. Eight bytes at a
// time, each word multiplied in, then a final mix so that the low bits (the
// slot) depend on every byte. It is part of the file format: changing it needs
// a new version.
inline uint64_t KeyHash(std::string_view key) {
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ull;
  uint64_t h = 0xcbf29ce484222325ull ^ key.size();
  size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    h = (h ^ LoadLittle64(key.data() + i)) * kMul;
    h ^= h >> 29;
  }
  if (i < key.size()) {
    char tail[8] = {};
    std::memcpy(tail, key.data() + i, key.size() - i);
    h = (h ^ LoadLittle64(tail)) * kMul;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

// The file's integrity check, run over the whole image at every open: a 64-bit
// hash of `bytes` in four independent lanes of xor-multiply steps, mixed at the
// end as xxHash64 mixes its lanes; under an instruction a byte, a fifth of what
// zlib's CRC-32 took. It detects accidental damage (a flipped byte, a bad
// copy), not deliberate forgery; the reader's bounds checks, not the checksum,
// keep a hostile file from reading out of bounds.
uint64_t ImageChecksum(std::string_view bytes, uint64_t seed);
// The checksum a whole image should carry: of its header up to the checksum
// field, then of its body (everything after the header). `image` holds at least
// a header.
uint64_t ImageChecksumOf(std::string_view image);
// Writes ImageChecksumOf(*image) into the image's checksum field.
void SealImage(std::string* image);

struct ImageInputs {
  std::vector<CountryRecord> countries;
  std::string geonames_file;        // may be empty (countries only)
  std::string subdivisions_file;    // may be empty
  std::string common_words_file;    // may be empty
  std::string regions_file;         // data/where/regions.txt; may be empty
  std::string admin1_file;          // data/where/admin1.txt; may be empty
  std::string country_points_file;  // world-countries' countries.json or text;
                                    // may be empty
  std::string admin2_file;          // data/where/us_counties.txt; may be empty
  std::string
      admin1_points_file;  // country-state-city-js folder or text; may be empty
  long min_population = 0;
  // Countries-only images make each capital's name an alias of its country.
  bool capitals_as_country_aliases = false;
  bool verbose = false;
};

struct ImageStats {
  size_t entries = 0, keys = 0, postings = 0, string_bytes = 0, admin1 = 0;
};

// Builds the bytes of a gazetteer image. Deterministic: equal inputs, equal
// bytes.
Result<std::string> BuildImage(const ImageInputs& inputs, ImageStats* stats);

// Opens an image held in `bytes`; `name` is used in errors (a file path).
Result<std::unique_ptr<Gazetteer>> OpenImage(std::string bytes,
                                             const std::string& name);

}  // namespace dateline::where_internal

#endif  // DATELINE_WHERE_GAZETTEER_IMAGE_H_
