// Builds the gazetteer image from a GeoNames dump, data/countries.txt and
// (optionally) iso-codes' first-level subdivisions with data/where/admin1.txt,
// data/where/regions.txt and data/where/common_words.txt.
//
// FILE FORMAT, version 2. All integers little-endian; no padding beyond what is
// shown.
//
//   file      := header entry[entry_count] key[key_count]
//   posting[posting_count]
//                slot[index_slots] strings[string_bytes]
//   header    := magic:8 = "DLGAZET\0"
//                version:u32 = 2
//                header_size:u32 = 64
//                entry_count:u32 key_count:u32 posting_count:u32
//                string_bytes:u32 index_slots:u32      -- a power of two, more
//                than key_count max_exact_key:u32    -- byte length of the
//                longest key starting "=" reserved:16          -- zero
//                checksum:u64         -- ImageChecksum (gazetteer_image.h) of
//                the first
//                                        56 header bytes, that as the seed of
//                                        the checksum of every byte after the
//                                        header
//   entry     := geonameid:u32      -- 0 for entries not from GeoNames
//   (countries, admin1)
//                lat_e5:i32 lon_e5:i32   -- degrees * 100000, rounded
//                population:u32     -- saturated at 2^32-1
//                name:u32 admin1:u32 feature_code:u32   -- string offsets
//                country:2          -- ISO 3166-1 alpha-2, ASCII
//                feature_class:u8   -- GeoNames class letter ('P', 'A', ...)
//                precision:u8       -- 0 point, 1 admin1, 2 country
//   key       := text:u32           -- string offset of the lookup key
//                first_posting:u32 posting_count:u32
//   posting   := u32: entry index (bits 0-27) | primary (bit 28) | demonym (bit
//   29)
//                     | capital alias (bit 30)
//   slot      := u64: 0 (empty), or the high 32 bits of the key's KeyHash
//                (gazetteer_image.h) in the high 32 and key index + 1 in the
//                low 32
//   strings   := string*; a string is len:u8 followed by len bytes of UTF-8.
//   Offset 0
//                holds the empty string.
//
// The slots are an open-addressing hash table over the keys: key k is in the
// first empty slot from KeyHash(text) mod index_slots on, inserted in key
// order, the table at most half full. Storing it saves building it at every
// open.
//
// The reader checks at open that the sizes add up to the file size and that the
// checksum matches; string offsets, posting ranges, entry indexes and key
// indexes are bounds-checked where they are read, so a damaged file that passes
// the checksum reads nothing outside itself. Keys are sorted by bytewise
// comparison of their text and unique; a key's postings are sorted by
// population (descending), then entry index. Keys are normalised names
// (name_normalizer.h), "=" + an exact-case phrase, "#" + an ISO 3166-1 country
// code or an ISO 3166-2 region code ("#IN-AP"), or
// "!" + a normalised common word (no postings).
//
// Entries are ordered by (geonameid, country, feature code, name); strings are
// pooled in first-use order over that ordering, so the same inputs give the
// same bytes.

#include "where/gazetteer_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/geo.h"
#include "where/gazetteer_image.h"
#include "where/name_normalizer.h"

namespace dateline {
namespace where_internal {

namespace {

struct Place {
  uint32_t geonameid = 0;
  double lat = 0, lon = 0;
  uint64_t population = 0;
  std::string name, admin1_code, admin2_code, admin1, fcode;
  std::string country;  // ISO2
  char fclass = 'P';
  uint8_t precision = kPrecisionPoint;
  // key -> posting flags
  std::map<std::string, uint32_t> keys;
};

void AddKey(Place& p, const std::string& key, uint32_t flags) {
  if (key.empty()) return;
  auto [it, inserted] = p.keys.emplace(key, flags);
  if (!inserted) it->second |= flags;
}

bool IsAsciiKey(const std::string& key) {
  for (char c : key) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool AllDigitsOrSpaces(const std::string& key) {
  for (char c : key) {
    if (!(c == ' ' || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

// Whether an alternate name is worth a key. English news writes place names in
// Latin script, so names that stay non-ASCII after folding (Cyrillic, Arabic,
// CJK, ...) are left out; so are codes (short all-capital alternates such as
// airport codes "EBL"), numbers and links.
bool KeepAlternate(std::string_view raw, const std::string& key) {
  if (key.size() < 2 || !IsAsciiKey(key) || AllDigitsOrSpaces(key))
    return false;
  if (raw.find("http") != std::string_view::npos) return false;
  if (raw.size() <= 4) {
    bool all_upper = true;
    for (char c : raw) {
      if (!(c >= 'A' && c <= 'Z')) all_upper = false;
    }
    if (all_upper) return false;
  }
  return true;
}

bool KeepFeature(char fclass, std::string_view fcode) {
  switch (fclass) {
    case 'P':
      return true;
    case 'A':
      return fcode == "ADM1" || fcode == "ADM2" || fcode == "ADMD" ||
             fcode.starts_with("PCL") || fcode == "TERR";
    case 'L':
      return fcode == "CONT" || fcode == "RGN";
    case 'H':
      return fcode == "OCN" || fcode == "SEA" || fcode == "GULF";
    default:
      return false;
  }
}

uint8_t PrecisionFor(char fclass, std::string_view fcode) {
  if (fclass == 'A' && fcode.starts_with("PCL")) return kPrecisionCountry;
  if (fclass == 'A' && fcode == "ADM1") return kPrecisionAdmin1;
  return kPrecisionPoint;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> f;
  size_t start = 0;
  while (true) {
    const size_t pos = line.find('\t', start);
    if (pos == std::string_view::npos) {
      f.push_back(line.substr(start));
      break;
    }
    f.push_back(line.substr(start, pos - start));
    start = pos + 1;
  }
  return f;
}

bool ParseDouble(std::string_view s, double* out) {
  if (s.empty() || s.size() > 40) return false;
  char buf[48];
  std::memcpy(buf, s.data(), s.size());
  buf[s.size()] = '\0';
  char* end = nullptr;
  const double v = std::strtod(buf, &end);
  if (end != buf + s.size() || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

bool ParseUnsigned(std::string_view s, uint64_t* out) {
  if (s.empty()) {
    *out = 0;
    return true;
  }
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    if (v > (UINT64_MAX - 9) / 10) return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

// Reads the GeoNames dump line by line (allCountries.txt is over a gigabyte).
Status ReadGeoNames(
    const ImageInputs& in, std::vector<Place>* places,
    std::map<std::pair<std::string, std::string>, std::string>* adm1_names) {
  std::ifstream file(in.geonames_file, std::ios::binary);
  if (!file) return MakeError(in.geonames_file, "cannot open GeoNames file");
  std::string line;
  int64_t line_no = 0;
  size_t skipped = 0;
  while (std::getline(file, line)) {
    ++line_no;
    if (in.verbose && line_no % 1000000 == 0) {
      std::fprintf(stderr,
                   "dateline-gazetteer: %lld lines read, %zu places kept\n",
                   static_cast<long long>(line_no), places->size());
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() < 15) {
      return MakeError(
          in.geonames_file,
          "expected at least 15 tab-separated GeoNames fields, found " +
              std::to_string(f.size()),
          line_no);
    }
    Place p;
    uint64_t id = 0;
    if (!ParseUnsigned(f[0], &id) || id == 0 || id > UINT32_MAX) {
      return MakeError(in.geonames_file,
                       "bad geonameid '" + std::string(f[0]) + "'", line_no);
    }
    p.geonameid = static_cast<uint32_t>(id);
    if (!ParseDouble(f[4], &p.lat) || !ParseDouble(f[5], &p.lon) ||
        std::fabs(p.lat) > 90 || std::fabs(p.lon) > 180) {
      return MakeError(in.geonames_file, "bad latitude/longitude", line_no);
    }
    if (!ParseUnsigned(f[14], &p.population)) {
      return MakeError(in.geonames_file,
                       "bad population '" + std::string(f[14]) + "'", line_no);
    }
    if (f[6].size() != 1) {
      ++skipped;
      continue;
    }
    p.fclass = f[6][0];
    p.fcode = std::string(f[7]);
    if (!KeepFeature(p.fclass, p.fcode)) continue;
    if (p.fclass == 'P' && static_cast<long>(std::min<uint64_t>(
                               p.population, LONG_MAX)) < in.min_population) {
      continue;
    }
    if (f[8].size() == 2) p.country = std::string(f[8]);
    p.admin1_code = std::string(f[10]);
    if (f.size() > 11) p.admin2_code = std::string(f[11]);
    p.name = std::string(f[1]);
    p.precision = PrecisionFor(p.fclass, p.fcode);
    if (p.fclass == 'A' && p.fcode == "ADM1" && !p.country.empty()) {
      (*adm1_names)[{p.country, p.admin1_code}] = p.name;
    }
    AddKey(p, NormalizePlaceName(f[1]), kPostingPrimary);
    AddKey(p, NormalizePlaceName(f[2]), kPostingPrimary);
    std::string_view alts = f[3];
    while (!alts.empty()) {
      const size_t comma = alts.find(',');
      const std::string_view alt = alts.substr(0, comma);
      alts = comma == std::string_view::npos ? std::string_view()
                                             : alts.substr(comma + 1);
      const std::string key = NormalizePlaceName(alt);
      if (KeepAlternate(alt, key)) AddKey(p, key, 0);
    }
    if (p.keys.empty()) continue;
    places->push_back(std::move(p));
  }
  if (file.bad())
    return MakeError(in.geonames_file, "error reading GeoNames file", line_no);
  if (in.verbose) {
    std::fprintf(stderr,
                 "dateline-gazetteer: %lld lines, %zu places kept, %zu "
                 "malformed skipped\n",
                 static_cast<long long>(line_no), places->size(), skipped);
  }
  return Status::Ok();
}

// The middle of the range the region's places span, ignoring the outer 5% on
// each side (outlying islands): closer to the middle of the region's area,
// which is where gazetteers put a region, than the mean of its places, which
// leans to where people live.
double TrimmedMidpoint(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t lo = v.size() / 20, hi = v.size() - 1 - v.size() / 20;
  return (v[lo] + v[hi]) / 2;
}

std::string StripBracketed(std::string name) {
  const size_t pos = name.find(" [");
  if (pos != std::string::npos) name.erase(pos);
  return name;
}

// A pipe-separated data file: lines split into trimmed fields; '#' lines and
// blank lines skipped. Calls `row(fields, line_no)` for each line; its error
// stops the read.
template <class Row>
Status ReadPipeFile(const std::string& path, size_t fields_wanted,
                    const char* format, Row row) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return MakeError(path, "cannot open file");
  std::string line;
  int64_t line_no = 0;
  while (std::getline(file, line)) {
    ++line_no;
    std::string_view v = line;
    while (!v.empty() && (v.back() == '\r' || v.back() == ' '))
      v.remove_suffix(1);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (v.empty() || v.front() == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    while (true) {
      const size_t bar = v.find('|', start);
      std::string_view f =
          v.substr(start, bar == std::string_view::npos ? std::string_view::npos
                                                        : bar - start);
      while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
      while (!f.empty() && f.back() == ' ') f.remove_suffix(1);
      fields.emplace_back(f);
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
    if (fields.size() != fields_wanted) {
      return MakeError(path,
                       "expected " + std::to_string(fields_wanted) +
                           " fields '" + format + "', found " +
                           std::to_string(fields.size()),
                       line_no);
    }
    if (Status s = row(fields, line_no); !s.ok()) return s;
  }
  return Status::Ok();
}

std::vector<CountryPhrase> Phrases(const std::string& field) {
  std::vector<CountryPhrase> out;
  size_t start = 0;
  while (start <= field.size()) {
    const size_t semi = field.find(';', start);
    std::string item = field.substr(
        start, semi == std::string::npos ? std::string::npos : semi - start);
    while (!item.empty() && item.front() == ' ') item.erase(0, 1);
    while (!item.empty() && item.back() == ' ') item.pop_back();
    CountryPhrase p;
    if (!item.empty() && item[0] == '=') {
      p.exact_case = true;
      item.erase(0, 1);
    }
    // Abbreviations keep their periods and case ("Ky.", "W. Va."): folded,
    // "La." would be the article "la".
    if (!item.empty() && item.back() == '.') p.exact_case = true;
    p.text = item;
    if (!item.empty() && item != "-") out.push_back(std::move(p));
    if (semi == std::string::npos) break;
    start = semi + 1;
  }
  return out;
}

struct Admin1Extra {
  std::string geonames_code;
  std::vector<CountryPhrase> aliases;
  bool has_position = false;
  double lat = 0, lon = 0;
};

bool ParseLatLon(const std::string& field, double* lat, double* lon) {
  const size_t comma = field.find(',');
  if (comma == std::string::npos) return false;
  std::string_view second = std::string_view(field).substr(comma + 1);
  while (!second.empty() && second.front() == ' ') second.remove_prefix(1);
  return ParseDouble(std::string_view(field).substr(0, comma), lat) &&
         ParseDouble(second, lon) && std::fabs(*lat) <= 90 &&
         std::fabs(*lon) <= 180;
}

Status ReadAdmin1File(const std::string& path,
                      std::map<std::string, Admin1Extra>* out) {
  return ReadPipeFile(
      path, 4, "ISO 3166-2 code | GeoNames admin1 code | aliases | lat, lon",
      [&](const std::vector<std::string>& f, int64_t line_no) -> Status {
        if (f[0].size() < 4 || f[0][2] != '-') {
          return MakeError(path, "bad ISO 3166-2 code '" + f[0] + "'", line_no);
        }
        Admin1Extra& e = (*out)[f[0]];
        if (f[1] != "-") e.geonames_code = f[1];
        e.aliases = Phrases(f[2]);
        if (f[3] != "-" && !ParseLatLon(f[3], &e.lat, &e.lon)) {
          return MakeError(
              path,
              "position must be 'lat, lon' in degrees or '-': '" + f[3] + "'",
              line_no);
        }
        e.has_position = f[3] != "-";
        return Status::Ok();
      });
}

// First-level regions' points, names and GeoNames (FIPS 10-4) codes: either the
// text file format (ISO 3166-2 code | code or - | name | lat, lon; the test
// fixtures and users' own lists) or the package country-state-city-js itself
// (its `db` folder: states/CC/index.json, [{name, countryCode, fipsCode, iso,
// latitude, longitude}], and cities/CC/ISO/index.json, [{name, latitude,
// longitude}]).
//
// The package's points are not all right: hundreds lie on another continent
// (the Singapore districts in the United States, Free State at Wichita, Lazio
// at Montreal, Trujillo in California), apparently geocoded by name. So each
// region keeps up to two candidate points, the listed one and the middle
// (median) of the package's cities of that region, and the builder uses a
// candidate only when it lies within its country's extent: the box its GeoNames
// places span, widened by kExtentMarginDeg (Extent below).
struct Admin1Point {
  std::string geonames_code, name;
  std::optional<std::pair<double, double>> listed;
  std::vector<std::pair<double, double>>
      cities;  // the region's towns in the source
};
// A listed code ties a region to the GeoNames places carrying it only when
// their middle lies this near one of the region's candidate points.
constexpr double kTieCheckKm = 500;
// An untied region's point must lie this near one of its country's places.
constexpr double kAmongPlacesKm = 300;
// Whether a listed point replaces the middle of a tied region's places.
constexpr bool kPreferListedPoints = true;
// How far (degrees) beyond the box of a country's GeoNames places its points
// may lie.
constexpr double kExtentMarginDeg = 1.5;  // about 165 km

// The box a country's GeoNames populated places span; a point of the country
// (its reference point, a region's point) must lie in it, widened by
// kExtentMarginDeg. A country with no places in the input has no extent and
// accepts any point.
struct Extent {
  double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;
  bool empty = true;
  void Add(double lat, double lon) {
    min_lat = std::min(min_lat, lat);
    max_lat = std::max(max_lat, lat);
    min_lon = std::min(min_lon, lon);
    max_lon = std::max(max_lon, lon);
    empty = false;
  }
  bool Contains(double lat, double lon) const {
    if (empty) return true;
    return lat >= min_lat - kExtentMarginDeg &&
           lat <= max_lat + kExtentMarginDeg &&
           lon >= min_lon - kExtentMarginDeg &&
           lon <= max_lon + kExtentMarginDeg;
  }
};

std::map<std::string, Extent> CountryExtents(const std::vector<Place>& places) {
  std::map<std::string, Extent> out;
  for (const Place& p : places) {
    if (p.fclass == 'P' && !p.country.empty()) out[p.country].Add(p.lat, p.lon);
  }
  return out;
}

// A region's candidate points that lie in its country's extent: the listed
// point, then the median of its towns that do.
std::vector<std::pair<double, double>> PlausiblePoints(const Admin1Point& a,
                                                       const Extent& extent) {
  std::vector<std::pair<double, double>> out;
  if (a.listed && extent.Contains(a.listed->first, a.listed->second))
    out.push_back(*a.listed);
  std::vector<double> lats, lons;
  for (const auto& [lat, lon] : a.cities) {
    if (!extent.Contains(lat, lon)) continue;
    lats.push_back(lat);
    lons.push_back(lon);
  }
  if (!lats.empty()) {
    std::sort(lats.begin(), lats.end());
    std::sort(lons.begin(), lons.end());
    out.push_back({lats[lats.size() / 2], lons[lons.size() / 2]});
  }
  return out;
}

Status ReadAdmin1PointsText(const std::string& path,
                            std::map<std::string, Admin1Point>* out) {
  return ReadPipeFile(
      path, 4, "ISO 3166-2 code | GeoNames admin1 code or - | name | lat, lon",
      [&](const std::vector<std::string>& f, int64_t line_no) -> Status {
        if (f[0].size() < 4 || f[0][2] != '-') {
          return MakeError(path, "bad ISO 3166-2 code '" + f[0] + "'", line_no);
        }
        Admin1Point p;
        if (f[1] != "-") p.geonames_code = f[1];
        p.name = f[2];
        double lat = 0, lon = 0;
        if (!ParseLatLon(f[3], &lat, &lon)) {
          return MakeError(
              path, "position must be 'lat, lon' in degrees: '" + f[3] + "'",
              line_no);
        }
        p.listed = {lat, lon};
        (*out)[f[0]] = p;
        return Status::Ok();
      });
}

// A JSON number or numeric string ("12.5"), as the package writes coordinates.
std::optional<double> JsonDegrees(const nlohmann::json& v) {
  if (v.is_number()) return v.get<double>();
  double d = 0;
  if (v.is_string() && ParseDouble(v.get<std::string>(), &d)) return d;
  return std::nullopt;
}

std::optional<std::pair<double, double>> JsonLatLon(
    const nlohmann::json& item) {
  if (!item.is_object() || !item.contains("latitude") ||
      !item.contains("longitude"))
    return std::nullopt;
  const std::optional<double> lat = JsonDegrees(item["latitude"]),
                              lon = JsonDegrees(item["longitude"]);
  if (!lat || !lon || std::fabs(*lat) > 90 || std::fabs(*lon) > 180)
    return std::nullopt;
  return std::make_pair(*lat, *lon);
}

Result<nlohmann::json> ReadJsonFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return MakeError(path, "cannot open JSON file");
  nlohmann::json doc =
      nlohmann::json::parse(file, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return MakeError(path, "not valid JSON");
  return doc;
}

// The country-state-city-js package folder (the one holding `db`, or `db`
// itself).
Status ReadAdmin1PointsPackage(const std::string& dir,
                               std::map<std::string, Admin1Point>* out) {
  namespace fs = std::filesystem;
  fs::path db = fs::path(dir) / "db";
  if (!fs::is_directory(db / "states")) db = fs::path(dir);
  if (!fs::is_directory(db / "states")) {
    return MakeError(
        dir, "not a country-state-city-js package (no db/states folder)");
  }
  std::vector<fs::path> countries;
  std::error_code ec;
  for (const fs::directory_entry& e :
       fs::directory_iterator(db / "states", ec)) {
    if (e.is_directory()) countries.push_back(e.path());
  }
  if (ec)
    return MakeError((db / "states").string(), "cannot list: " + ec.message());
  std::sort(countries.begin(), countries.end());
  for (const fs::path& country_dir : countries) {
    const fs::path states_file = country_dir / "index.json";
    if (!fs::exists(states_file)) continue;
    ASSIGN_OR_RETURN(nlohmann::json states, ReadJsonFile(states_file.string()));
    if (!states.is_array())
      return MakeError(states_file.string(), "expected an array of states");
    const std::string country = country_dir.filename().string();
    for (const nlohmann::json& s : states) {
      if (!s.is_object() || !s.contains("iso") || !s["iso"].is_string() ||
          !s.contains("name") || !s["name"].is_string()) {
        continue;
      }
      const std::string iso = s["iso"].get<std::string>();
      Admin1Point p;
      p.name = s["name"].get<std::string>();
      if (s.contains("fipsCode") && s["fipsCode"].is_string())
        p.geonames_code = s["fipsCode"].get<std::string>();
      p.listed = JsonLatLon(s);
      const fs::path cities_file = db / "cities" / country / iso / "index.json";
      if (fs::exists(cities_file)) {
        ASSIGN_OR_RETURN(nlohmann::json cities,
                         ReadJsonFile(cities_file.string()));
        if (cities.is_array()) {
          for (const nlohmann::json& c : cities) {
            if (std::optional<std::pair<double, double>> ll = JsonLatLon(c))
              p.cities.push_back(*ll);
          }
        }
      }
      (*out)[country + "-" + iso] = std::move(p);
    }
  }
  return Status::Ok();
}

Status ReadAdmin1Points(const std::string& path,
                        std::map<std::string, Admin1Point>* out) {
  if (std::filesystem::is_directory(path))
    return ReadAdmin1PointsPackage(path, out);
  return ReadAdmin1PointsText(path, out);
}

// Country reference points: the text format (ISO2 | lat, lon) or the package
// world-countries' countries.json ([{cca2, latlng: [lat, lon]}, ...]).
Status ReadCountryPoints(
    const std::string& path,
    std::map<std::string, std::pair<double, double>>* out) {
  if (path.ends_with(".json")) {
    ASSIGN_OR_RETURN(nlohmann::json doc, ReadJsonFile(path));
    if (!doc.is_array())
      return MakeError(path, "expected world-countries' array of countries");
    for (const nlohmann::json& c : doc) {
      if (!c.is_object() || !c.contains("cca2") || !c["cca2"].is_string() ||
          !c.contains("latlng") || !c["latlng"].is_array() ||
          c["latlng"].size() != 2 || !c["latlng"][0].is_number() ||
          !c["latlng"][1].is_number()) {
        continue;
      }
      const double lat = c["latlng"][0].get<double>(),
                   lon = c["latlng"][1].get<double>();
      if (std::fabs(lat) > 90 || std::fabs(lon) > 180) continue;
      out->emplace(c["cca2"].get<std::string>(), std::make_pair(lat, lon));
    }
    return Status::Ok();
  }
  return ReadPipeFile(
      path, 2, "ISO2 | lat, lon",
      [&](const std::vector<std::string>& f, int64_t line_no) -> Status {
        if (f[0].size() != 2)
          return MakeError(path, "bad ISO2 code '" + f[0] + "'", line_no);
        double lat = 0, lon = 0;
        if (!ParseLatLon(f[1], &lat, &lon)) {
          return MakeError(
              path, "position must be 'lat, lon' in degrees: '" + f[1] + "'",
              line_no);
        }
        if (!out->emplace(f[0], std::make_pair(lat, lon)).second) {
          return MakeError(path, "country '" + f[0] + "' listed twice",
                           line_no);
        }
        return Status::Ok();
      });
}

// Second-level divisions from data/where/us_counties.txt (ISO 3166-2 code |
// admin2 code | name), each placed at the middle of the places carrying its
// codes, for countries whose GeoNames input has no ADM2 rows of its own.
Status AddCounties(const std::string& path, std::vector<Place>* places,
                   size_t* added) {
  struct Group {
    std::vector<double> lats, lons;
    uint64_t population = 0;
  };
  std::map<std::tuple<std::string, std::string, std::string>, Group> groups;
  std::set<std::string> countries_with_adm2;
  for (const Place& p : *places) {
    if (p.fcode == "ADM2") countries_with_adm2.insert(p.country);
    if (p.fclass != 'P' || p.admin2_code.empty()) continue;
    Group& g = groups[{p.country, p.admin1_code, p.admin2_code}];
    g.lats.push_back(p.lat);
    g.lons.push_back(p.lon);
    g.population += p.population;
  }
  std::vector<Place> counties;
  Status status = ReadPipeFile(
      path, 3, "ISO 3166-2 code | admin2 code | name",
      [&](const std::vector<std::string>& f, int64_t line_no) -> Status {
        if (f[0].size() < 4 || f[0][2] != '-') {
          return MakeError(path, "bad ISO 3166-2 code '" + f[0] + "'", line_no);
        }
        if (f[1].empty() || f[2].empty())
          return MakeError(path, "empty code or name", line_no);
        Place c;
        c.country = f[0].substr(0, 2);
        if (countries_with_adm2.count(c.country)) return Status::Ok();
        c.admin1_code = f[0].substr(3);
        c.admin2_code = f[1];
        const auto g = groups.find({c.country, c.admin1_code, c.admin2_code});
        if (g == groups.end())
          return Status::Ok();  // no place of it in the dump
        c.fclass = 'A';
        c.fcode = "ADM2";
        c.precision = kPrecisionPoint;
        c.name = f[2];
        c.lat = TrimmedMidpoint(g->second.lats);
        c.lon = TrimmedMidpoint(g->second.lons);
        c.population = g->second.population;
        AddKey(c, NormalizePlaceName(c.name), kPostingPrimary);
        // News writes "DeKalb" or "Sarpy" for the county too: the name
        // without its suffix is an alternate name (resolution only; the
        // recogniser does not take a bare stem for a county).
        for (std::string_view suffix :
             {" County", " Parish", " Borough", " Census Area", " Municipality",
              " City and Borough"}) {
          if (c.name.size() > suffix.size() && c.name.ends_with(suffix)) {
            AddKey(c,
                   NormalizePlaceName(
                       c.name.substr(0, c.name.size() - suffix.size())),
                   0);
            break;
          }
        }
        counties.push_back(std::move(c));
        return Status::Ok();
      });
  if (!status.ok()) return status;
  *added = counties.size();
  for (Place& c : counties) places->push_back(std::move(c));
  return Status::Ok();
}

// Continents and regions from data/where/regions.txt.
Status ReadRegions(const std::string& path, std::vector<Place>* places) {
  return ReadPipeFile(
      path, 4, "names | ISO2 or - | feature code | lat, lon",
      [&](const std::vector<std::string>& f, int64_t line_no) -> Status {
        Place p;
        const std::vector<CountryPhrase> names = Phrases(f[0]);
        if (names.empty())
          return MakeError(path, "a region needs a name", line_no);
        p.name = names[0].text;
        if (f[1] != "-") {
          if (f[1].size() != 2)
            return MakeError(path, "bad ISO2 code '" + f[1] + "'", line_no);
          p.country = f[1];
        }
        p.fcode = f[2];
        if (p.fcode.empty())
          return MakeError(path, "empty feature code", line_no);
        p.fclass = p.fcode == "ADM1" ? 'A' : 'L';
        p.precision = p.fcode == "CONT" ? kPrecisionCountry : kPrecisionAdmin1;
        if (!ParseLatLon(f[3], &p.lat, &p.lon)) {
          return MakeError(
              path, "position must be 'lat, lon' in degrees: '" + f[3] + "'",
              line_no);
        }
        if (p.fcode == "ADM1") p.admin1 = p.name;
        for (const CountryPhrase& n : names) {
          AddKey(
              p,
              n.exact_case ? ExactCaseKey(n.text) : NormalizePlaceName(n.text),
              kPostingPrimary);
        }
        places->push_back(std::move(p));
        return Status::Ok();
      });
}

// Second-level subdivisions from iso-codes ("BE-VWV" West Flanders, "IT-PI"
// Pisa, "FR-33" Gironde) where the GeoNames input has no ADM2 rows of its own
// but its places carry the ISO suffix as their admin2 code, under the admin1
// code their parent region is tied to. Each is placed at the middle of the
// range those places span (like the US counties; the package's points are not
// used: they are often wrong), under its iso-codes name and the English name of
// admin1_points (the package lists many of them as "states"), and keyed by its
// ISO code. A subdivision named after a town inside it ("Pisa", "Namur") is not
// keyed by that bare name: the bare name means the town.
struct SubdivisionChild {
  std::string country, suffix, parent, name;
};

void AddSecondLevelSubdivisions(
    const std::vector<SubdivisionChild>& children,
    const std::map<std::pair<std::string, std::string>, std::string>& tied,
    const std::map<std::string, Admin1Point>& admin1_points,
    std::vector<Place>* places) {
  struct Group {
    std::vector<double> lats, lons;
    uint64_t population = 0;
    std::set<std::string> seat_keys;  // names of the group's towns
  };
  std::map<std::tuple<std::string, std::string, std::string>, Group> groups;
  std::set<std::string> countries_with_adm2;
  for (const Place& p : *places) {
    if (p.fcode == "ADM2") countries_with_adm2.insert(p.country);
    if (p.fclass != 'P' || p.admin1_code.empty() || p.admin2_code.empty())
      continue;
    Group& g = groups[{p.country, p.admin1_code, p.admin2_code}];
    g.lats.push_back(p.lat);
    g.lons.push_back(p.lon);
    g.population += p.population;
    for (const auto& [key, flags] : p.keys) {
      if (flags & kPostingPrimary) g.seat_keys.insert(key);
    }
  }
  std::set<std::tuple<std::string, std::string, std::string>> used;
  for (const SubdivisionChild& c : children) {
    if (countries_with_adm2.count(c.country)) continue;
    const auto parent = tied.find({c.country, c.parent});
    if (parent == tied.end()) continue;
    const std::tuple<std::string, std::string, std::string> group_key{
        c.country, parent->second, c.suffix};
    const auto g = groups.find(group_key);
    if (g == groups.end() || !used.insert(group_key).second) continue;
    Place d;
    d.fclass = 'A';
    d.fcode = "ADM2";
    d.precision = kPrecisionPoint;
    d.country = c.country;
    d.admin1_code = parent->second;
    d.admin2_code = c.suffix;
    d.name = c.name;
    d.lat = TrimmedMidpoint(g->second.lats);
    d.lon = TrimmedMidpoint(g->second.lons);
    d.population = g->second.population;
    std::vector<std::string> names = {c.name};
    if (const auto point = admin1_points.find(c.country + "-" + c.suffix);
        point != admin1_points.end()) {
      names.push_back(point->second.name);
    }
    for (const std::string& name : names) {
      const std::string key = NormalizePlaceName(name);
      if (!g->second.seat_keys.count(key)) AddKey(d, key, kPostingPrimary);
    }
    AddKey(d, std::string(1, kIsoKeyPrefix) + c.country + "-" + c.suffix,
           kPostingPrimary);
    places->push_back(std::move(d));
  }
}

struct Subdivision {
  std::string country, suffix, name;
};

// Reads iso-codes' iso_3166-2.json: first-level subdivisions by country, and
// the second-level ones with their parents.
Status ReadSubdivisionList(
    const std::string& path,
    std::map<std::string, std::vector<Subdivision>>* by_country,
    std::vector<SubdivisionChild>* children) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return MakeError(path, "cannot open subdivisions file");
  nlohmann::json doc =
      nlohmann::json::parse(file, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("3166-2") ||
      !doc["3166-2"].is_array()) {
    return MakeError(
        path, "not an iso-codes iso_3166-2.json file (no \"3166-2\" array)");
  }
  for (const auto& item : doc["3166-2"]) {
    if (!item.is_object()) continue;
    const auto code = item.find("code");
    const auto name = item.find("name");
    if (code == item.end() || name == item.end() || !code->is_string() ||
        !name->is_string())
      continue;
    const std::string c = code->get<std::string>();
    if (c.size() < 4 || c[2] != '-') continue;
    if (const auto parent = item.find("parent"); parent != item.end()) {
      if (parent->is_string()) {
        children->push_back({c.substr(0, 2), c.substr(3),
                             parent->get<std::string>(),
                             StripBracketed(name->get<std::string>())});
      }
      continue;
    }
    (*by_country)[c.substr(0, 2)].push_back(
        {c.substr(0, 2), c.substr(3),
         StripBracketed(name->get<std::string>())});
  }
  return Status::Ok();
}

// The places of one (country, GeoNames admin1 code).
struct Admin1Group {
  std::vector<double> lats, lons;
  uint64_t population = 0;
  size_t count = 0;
};

// What tying a country's subdivisions to GeoNames admin1 codes consults.
struct TieEvidence {
  std::map<std::string, Admin1Extra>
      admin1_extra;  // data/where/admin1.txt, by ISO 3166-2 code
  std::map<std::string, Admin1Point> admin1_points;  // by ISO 3166-2 code
  std::map<std::string, Extent> extents;             // by country
  std::map<std::pair<std::string, std::string>, Admin1Group> groups;
  std::map<std::string, std::set<std::string>> codes_by_country;
  // (country, key) -> admin1 codes of the admin seats and capitals carrying
  // that name.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> seats;
};

Status GatherTieEvidence(const ImageInputs& in,
                         const std::vector<Place>& places, TieEvidence* ev) {
  if (!in.admin1_file.empty()) {
    if (Status s = ReadAdmin1File(in.admin1_file, &ev->admin1_extra); !s.ok())
      return s;
  }
  if (!in.admin1_points_file.empty()) {
    if (Status s = ReadAdmin1Points(in.admin1_points_file, &ev->admin1_points);
        !s.ok())
      return s;
  }
  ev->extents = CountryExtents(places);
  for (const Place& p : places) {
    if (p.fclass != 'P' || p.country.empty() || p.admin1_code.empty()) continue;
    Admin1Group& g = ev->groups[{p.country, p.admin1_code}];
    g.lats.push_back(p.lat);
    g.lons.push_back(p.lon);
    g.population += p.population;
    ++g.count;
    ev->codes_by_country[p.country].insert(p.admin1_code);
  }
  for (const Place& p : places) {
    if (p.admin1_code.empty() || (p.fcode != "PPLA" && p.fcode != "PPLC"))
      continue;
    for (const auto& [key, flags] : p.keys)
      ev->seats[{p.country, key}].insert(p.admin1_code);
  }
  return Status::Ok();
}

// The first of `candidates` within `km` of (lat, lon), if any.
std::optional<std::pair<double, double>> NearCandidate(
    const std::vector<std::pair<double, double>>& candidates, double lat,
    double lon, double km) {
  for (const auto& c : candidates) {
    if (DistanceKm(lat, lon, c.first, c.second) <= km) return c;
  }
  return std::nullopt;
}

// The GeoNames admin1 code of subdivision `s` (normalised name `key`), empty
// when none ties: admin1.txt's code, else the ISO suffix where the country's
// codes are ISO suffixes (`use_direct`), else the code of the one seat carrying
// its name, else the points file's code when the places carrying it lie around
// one of the region's points.
std::string Admin1CodeOf(
    const Subdivision& s, const std::string& key, const Admin1Extra* extra,
    const Admin1Point* point,
    const std::vector<std::pair<double, double>>& candidates, bool use_direct,
    const std::set<std::string>& codes, const TieEvidence& ev) {
  if (extra != nullptr && !extra->geonames_code.empty())
    return extra->geonames_code;
  if (use_direct && codes.count(s.suffix)) return s.suffix;
  if (const auto m = ev.seats.find({s.country, key});
      m != ev.seats.end() && m->second.size() == 1) {
    return *m->second.begin();
  }
  if (point != nullptr && codes.count(point->geonames_code)) {
    // The points file's code is trusted only when the places carrying it lie
    // around one of the region's points (codes of one scheme, not of another).
    const auto g = ev.groups.find({s.country, point->geonames_code});
    if (g != ev.groups.end() && g->second.count > 0 &&
        NearCandidate(candidates, TrimmedMidpoint(g->second.lats),
                      TrimmedMidpoint(g->second.lons), kTieCheckKm)) {
      return point->geonames_code;
    }
  }
  return "";
}

// The names of admin1.txt for a region, as primary keys.
void AddAliasKeys(const Admin1Extra* extra, Place* region) {
  if (extra == nullptr) return;
  for (const CountryPhrase& alias : extra->aliases) {
    AddKey(*region,
           alias.exact_case ? ExactCaseKey(alias.text)
                            : NormalizePlaceName(alias.text),
           kPostingPrimary);
  }
}

// An untied subdivision with a listed point is still a region of its own,
// without the link to its towns, when the point lies among the country's places
// (a guard against errors in the list, such as a point in a neighbouring
// country).
std::optional<Place> UntiedRegion(
    const Subdivision& s, const std::string& key, const Admin1Extra* extra,
    const Admin1Point& point,
    const std::vector<std::pair<double, double>>& candidates,
    const TieEvidence& ev) {
  std::optional<std::pair<double, double>> among;
  for (const auto& c : candidates) {
    for (const auto& [group_key, group] : ev.groups) {
      if (group_key.first != s.country) continue;
      for (size_t k = 0; k < group.lats.size() && !among; ++k) {
        if (DistanceKm(group.lats[k], group.lons[k], c.first, c.second) <=
            kAmongPlacesKm)
          among = c;
      }
      if (among) break;
    }
    if (among) break;
  }
  if (!among) return std::nullopt;
  Place region;
  region.fclass = 'A';
  region.fcode = "ADM1";
  region.precision = kPrecisionAdmin1;
  region.country = s.country;
  region.name = s.name;
  region.admin1 = s.name;
  region.lat = among->first;
  region.lon = among->second;
  AddKey(region, key, kPostingPrimary);
  AddKey(region, std::string(1, kIsoKeyPrefix) + s.country + "-" + s.suffix,
         kPostingPrimary);
  AddKey(region, NormalizePlaceName(point.name), kPostingPrimary);
  AddAliasKeys(extra, &region);
  return region;
}

// A subdivision tied to admin1 `code`, placed at the middle of the code's
// places unless admin1.txt or a listed point near them says otherwise.
Place TiedRegion(const Subdivision& s, const std::string& key,
                 const std::string& code, const Admin1Group& group,
                 const Admin1Extra* extra, const Admin1Point* point,
                 const std::vector<std::pair<double, double>>& candidates) {
  Place region;
  region.fclass = 'A';
  region.fcode = "ADM1";
  region.precision = kPrecisionAdmin1;
  region.country = s.country;
  region.admin1_code = code;
  region.name = s.name;
  region.lat = TrimmedMidpoint(group.lats);
  region.lon = TrimmedMidpoint(group.lons);
  region.population = group.population;
  AddKey(region, key, kPostingPrimary);
  AddKey(region, std::string(1, kIsoKeyPrefix) + s.country + "-" + s.suffix,
         kPostingPrimary);
  if (extra != nullptr && extra->has_position) {
    region.lat = extra->lat;
    region.lon = extra->lon;
  } else if (const auto listed =
                 NearCandidate(candidates, region.lat, region.lon, kTieCheckKm);
             listed && kPreferListedPoints) {
    // (A listed point far from the region's places is an error in the list.)
    region.lat = listed->first;
    region.lon = listed->second;
  }
  if (point != nullptr)
    AddKey(region, NormalizePlaceName(point->name), kPostingPrimary);
  AddAliasKeys(extra, &region);
  return region;
}

// First-level subdivisions from iso-codes (no coordinates there): each is
// matched to a GeoNames admin1 code, either because the country's GeoNames
// codes are the ISO suffixes (the United States, Switzerland, ...) or because
// an admin seat or capital of the country carries the subdivision's name
// ("Arbīl" -> Erbil's admin1 code). The region is then placed at the mean
// position of its places. Unmatched subdivisions are left out.
Status AddSubdivisions(
    const ImageInputs& in, std::vector<Place>* places,
    std::map<std::pair<std::string, std::string>, std::string>* adm1_names,
    size_t* added) {
  TieEvidence ev;
  if (Status s = GatherTieEvidence(in, *places, &ev); !s.ok()) return s;
  std::map<std::string, std::vector<Subdivision>> by_country;
  std::vector<SubdivisionChild>
      children;  // second-level subdivisions ("BE-VWV", parent "VLG")
  if (Status s =
          ReadSubdivisionList(in.subdivisions_file, &by_country, &children);
      !s.ok())
    return s;
  std::map<std::pair<std::string, std::string>, std::string>
      tied;  // (country, ISO suffix) -> admin1 code
  std::set<std::string> countries_with_adm1;
  for (const auto& [k, v] : *adm1_names) countries_with_adm1.insert(k.first);
  for (const auto& [country, subs] : by_country) {
    if (countries_with_adm1.count(country))
      continue;  // the dump has its own ADM1 rows
    const auto codes_it = ev.codes_by_country.find(country);
    if (codes_it == ev.codes_by_country.end()) continue;
    const std::set<std::string>& codes = codes_it->second;
    size_t direct = 0;
    for (const Subdivision& s : subs) direct += codes.count(s.suffix);
    const bool use_direct = codes.size() > 0 && direct * 10 >= codes.size() * 6;
    std::set<std::string> used;
    for (const Subdivision& s : subs) {
      const std::string key = NormalizePlaceName(s.name);
      const auto extra_it = ev.admin1_extra.find(country + "-" + s.suffix);
      const Admin1Extra* extra =
          extra_it != ev.admin1_extra.end() ? &extra_it->second : nullptr;
      const auto point_it = ev.admin1_points.find(country + "-" + s.suffix);
      const Admin1Point* point =
          point_it != ev.admin1_points.end() ? &point_it->second : nullptr;
      const std::vector<std::pair<double, double>> candidates =
          point != nullptr ? PlausiblePoints(*point, ev.extents[country])
                           : std::vector<std::pair<double, double>>{};
      const std::string code =
          Admin1CodeOf(s, key, extra, point, candidates, use_direct, codes, ev);
      if (!code.empty() && !used.insert(code).second) continue;
      const auto g =
          code.empty() ? ev.groups.end() : ev.groups.find({country, code});
      if (g == ev.groups.end() || g->second.count == 0) {
        if (!code.empty() || point == nullptr) continue;
        if (std::optional<Place> region =
                UntiedRegion(s, key, extra, *point, candidates, ev)) {
          places->push_back(std::move(*region));
          ++*added;
        }
        continue;
      }
      places->push_back(
          TiedRegion(s, key, code, g->second, extra, point, candidates));
      (*adm1_names)[{country, code}] = s.name;
      tied[{country, s.suffix}] = code;
      ++*added;
    }
  }
  AddSecondLevelSubdivisions(children, tied, ev.admin1_points, places);
  return Status::Ok();
}

Status ReadCommonWords(const std::string& path,
                       std::vector<std::string>* words) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return MakeError(path, "cannot open common words file");
  std::string line;
  int64_t line_no = 0;
  while (std::getline(file, line)) {
    ++line_no;
    const size_t hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    const std::string key = NormalizePlaceName(line);
    if (key.empty()) continue;
    words->push_back(key);
  }
  return Status::Ok();
}

void Put32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void Put64(std::string* out, uint64_t v) {
  Put32(out, static_cast<uint32_t>(v));
  Put32(out, static_cast<uint32_t>(v >> 32));
}

// The key index (see the file format above) over `key_texts`, in key order.
std::string BuildKeyIndex(const std::vector<std::string_view>& key_texts,
                          uint32_t* slot_count) {
  size_t slots = 16;
  while (slots < key_texts.size() * 2) slots *= 2;
  std::vector<uint64_t> table(slots, 0);
  for (size_t k = 0; k < key_texts.size(); ++k) {
    const uint64_t h = KeyHash(key_texts[k]);
    size_t i = h & (slots - 1);
    while (table[i] != 0) i = (i + 1) & (slots - 1);
    table[i] = (h >> 32 << 32) | (uint64_t{k} + 1);
  }
  std::string out;
  out.reserve(slots * kIndexSlotSize);
  for (uint64_t slot : table) Put64(&out, slot);
  *slot_count = static_cast<uint32_t>(slots);
  return out;
}

int32_t ToE5(double degrees) {
  return static_cast<int32_t>(std::lround(degrees * 100000.0));
}

class StringPool {
 public:
  StringPool() { bytes_.push_back('\0'); }
  uint32_t Intern(std::string s) {
    if (s.empty()) return 0;
    if (s.size() > 255) {
      size_t cut = 255;
      while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut;
      s.resize(cut);
    }
    auto [it, inserted] =
        index_.emplace(s, static_cast<uint32_t>(bytes_.size()));
    if (inserted) {
      bytes_.push_back(static_cast<char>(s.size()));
      bytes_ += s;
    }
    return it->second;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  std::unordered_map<std::string, uint32_t> index_;
};

// (Admin1 names are keyed by (country, GeoNames admin1 code).)
using Admin1Names = std::map<std::pair<std::string, std::string>, std::string>;
// A country's GeoNames id and point, from the dump's own country rows.
using GeoNamesCountries =
    std::map<std::string, std::pair<uint32_t, std::pair<double, double>>>;
using CountryPoints = std::map<std::string, std::pair<double, double>>;
// Each lookup key and its postings, in key order.
using PostingLists = std::map<std::string, std::vector<uint32_t>>;

// Phase 1 of BuildImage: every place but the countries, from the optional
// inputs, with the names of the admin1 codes and what the countries' points are
// taken from.
Status ReadPlaces(const ImageInputs& in, std::vector<Place>* places,
                  Admin1Names* adm1_names, GeoNamesCountries* geonames_country,
                  CountryPoints* country_points, size_t* admin1_added) {
  std::set<std::string> country_codes;
  for (const CountryRecord& c : in.countries) country_codes.insert(c.iso2);
  if (!in.geonames_file.empty()) {
    if (Status s = ReadGeoNames(in, places, adm1_names); !s.ok()) return s;
  }
  // GeoNames' own country rows (allCountries.txt) give the reference point that
  // GeoNames-based evaluations measure against; countries.txt's centroid is the
  // fallback.
  for (const Place& p : *places) {
    if (p.precision == kPrecisionCountry && p.fcode == "PCLI")
      (*geonames_country)[p.country] = {p.geonameid, {p.lat, p.lon}};
  }
  if (!in.geonames_file.empty()) {
    std::erase_if(*places, [&](const Place& p) {
      return p.precision == kPrecisionCountry && country_codes.count(p.country);
    });
  }
  if (!in.regions_file.empty()) {
    if (Status s = ReadRegions(in.regions_file, places); !s.ok()) return s;
  }
  if (!in.country_points_file.empty()) {
    if (Status s = ReadCountryPoints(in.country_points_file, country_points);
        !s.ok())
      return s;
  }
  if (!in.admin2_file.empty()) {
    size_t counties = 0;
    if (Status s = AddCounties(in.admin2_file, places, &counties); !s.ok())
      return s;
    if (in.verbose)
      std::fprintf(stderr,
                   "dateline-gazetteer: %zu second-level divisions placed\n",
                   counties);
  }
  if (!in.subdivisions_file.empty()) {
    if (Status s = AddSubdivisions(in, places, adm1_names, admin1_added);
        !s.ok())
      return s;
  }
  return Status::Ok();
}

// Phase 2: each place's admin1 name, or its code where the code has no name.
void NameAdmin1Regions(const Admin1Names& adm1_names,
                       std::vector<Place>* places) {
  for (Place& p : *places) {
    if (p.country.empty() || p.admin1_code.empty()) continue;
    const auto it = adm1_names.find({p.country, p.admin1_code});
    p.admin1 = it != adm1_names.end() ? it->second : p.admin1_code;
  }
}

// Phase 3: one entry per country of countries.txt, keyed by its names, demonyms
// and ISO codes; its capitals marked PPLC (or, in a countries-only image, made
// aliases of the country).
void AddCountries(const ImageInputs& in,
                  const GeoNamesCountries& geonames_country,
                  const CountryPoints& country_points,
                  std::vector<Place>* places_out) {
  std::vector<Place>& places = *places_out;
  // Population of a country, for ranking it among same-named places: the sum
  // over its places, so that e.g. Georgia the country and the US state compare
  // sensibly.
  std::map<std::string, uint64_t> country_population;
  for (const Place& p : places) {
    if (p.fclass == 'P') country_population[p.country] += p.population;
  }
  // The most populous place per (country, primary key), to mark capitals.
  std::map<std::pair<std::string, std::string>, size_t> by_primary;
  if (!in.capitals_as_country_aliases) {
    for (size_t i = 0; i < places.size(); ++i) {
      const Place& q = places[i];
      if (q.fclass != 'P') continue;
      for (const auto& [key, flags] : q.keys) {
        if (!(flags & kPostingPrimary)) continue;
        auto [it, inserted] =
            by_primary.emplace(std::make_pair(q.country, key), i);
        if (!inserted && places[it->second].population < q.population)
          it->second = i;
      }
    }
  }
  std::map<std::string, Extent> country_extents = CountryExtents(places);
  for (const CountryRecord& c : in.countries) {
    Place p;
    p.fclass = 'A';
    p.fcode = "PCLI";
    p.precision = kPrecisionCountry;
    p.country = c.iso2;
    p.name = c.names[0].text;
    p.lat = c.lat;
    p.lon = c.lon;
    // Countries come from countries.txt (names, demonyms); the point from
    // GeoNames when the dump has the country's row, else from
    // country_points.txt. A listed point outside the country's extent
    // (world-countries puts Kuwait at 29.5, 45.75, in Iraq) is an error in the
    // list: the countries.txt point stays.
    if (const auto cp = country_points.find(c.iso2);
        cp != country_points.end() &&
        country_extents[c.iso2].Contains(cp->second.first, cp->second.second)) {
      p.lat = cp->second.first;
      p.lon = cp->second.second;
    }
    if (const auto g = geonames_country.find(c.iso2);
        g != geonames_country.end()) {
      p.geonameid = g->second.first;
      p.lat = g->second.second.first;
      p.lon = g->second.second.second;
    }
    p.population = country_population[c.iso2];
    for (const CountryPhrase& n : c.names) {
      AddKey(p,
             n.exact_case ? ExactCaseKey(n.text) : NormalizePlaceName(n.text),
             kPostingPrimary);
    }
    for (const CountryPhrase& d : c.demonyms) {
      AddKey(p,
             d.exact_case ? ExactCaseKey(d.text) : NormalizePlaceName(d.text),
             kPostingDemonym);
    }
    AddKey(p, std::string(1, kIsoKeyPrefix) + c.iso2, kPostingPrimary);
    AddKey(p, std::string(1, kIsoKeyPrefix) + c.iso3, kPostingPrimary);
    if (in.capitals_as_country_aliases) {
      for (const CountryPhrase& cap : c.capitals) {
        AddKey(p,
               cap.exact_case ? ExactCaseKey(cap.text)
                              : NormalizePlaceName(cap.text),
               kPostingCapitalAlias);
      }
    } else {
      // The capitals named in countries.txt are marked PPLC where GeoNames does
      // not already (countries with several seats of government).
      for (const CountryPhrase& cap : c.capitals) {
        const auto it = by_primary.find({c.iso2, NormalizePlaceName(cap.text)});
        if (it != by_primary.end()) places[it->second].fcode = "PPLC";
      }
    }
    places.push_back(std::move(p));
  }
}

// Phase 5: the postings of every key (entry indexes of the sorted places with
// the key's flags), most populous first, and the listed common words as keys
// without postings.
Result<PostingLists> MakePostingLists(const ImageInputs& in,
                                      const std::vector<Place>& places) {
  PostingLists keys;
  for (size_t i = 0; i < places.size(); ++i) {
    for (const auto& [key, flags] : places[i].keys) {
      uint32_t f = flags;
      if (f & kPostingPrimary) f &= ~kPostingCapitalAlias;
      keys[key].push_back(static_cast<uint32_t>(i) | f);
    }
  }
  if (!in.common_words_file.empty()) {
    std::vector<std::string> words;
    if (Status s = ReadCommonWords(in.common_words_file, &words); !s.ok())
      return s.error();
    for (const std::string& w : words)
      keys[std::string(1, kCommonWordPrefix) + w];
  }
  for (auto& [key, list] : keys) {
    std::sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      const Place& pa = places[a & kPostingIndexMask];
      const Place& pb = places[b & kPostingIndexMask];
      if (pa.population != pb.population) return pa.population > pb.population;
      return (a & kPostingIndexMask) < (b & kPostingIndexMask);
    });
  }
  return keys;
}

// Phase 6: the bytes of the file (format at the top of this file), sealed.
std::string WriteImage(const std::vector<Place>& places,
                       const PostingLists& keys, size_t admin1_added,
                       ImageStats* stats) {
  StringPool pool;
  std::string entries, key_bytes, postings;
  entries.reserve(places.size() * kEntrySize);
  for (const Place& p : places) {
    Put32(&entries, p.geonameid);
    Put32(&entries, static_cast<uint32_t>(ToE5(p.lat)));
    Put32(&entries, static_cast<uint32_t>(ToE5(p.lon)));
    Put32(&entries,
          static_cast<uint32_t>(std::min<uint64_t>(p.population, UINT32_MAX)));
    Put32(&entries, pool.Intern(p.name));
    Put32(&entries, pool.Intern(p.admin1));
    Put32(&entries, pool.Intern(p.fcode));
    entries.push_back(p.country.size() == 2 ? p.country[0] : ' ');
    entries.push_back(p.country.size() == 2 ? p.country[1] : ' ');
    entries.push_back(p.fclass);
    entries.push_back(static_cast<char>(p.precision));
  }
  uint32_t posting_count = 0;
  std::vector<uint32_t> key_offsets;
  key_offsets.reserve(keys.size());
  uint32_t max_exact_key = 0;
  for (const auto& [key, list] : keys) {
    key_offsets.push_back(pool.Intern(key));
    Put32(&key_bytes, key_offsets.back());
    Put32(&key_bytes, posting_count);
    Put32(&key_bytes, static_cast<uint32_t>(list.size()));
    for (uint32_t v : list) Put32(&postings, v);
    posting_count += static_cast<uint32_t>(list.size());
  }
  // The index hashes the keys as pooled (a key longer than 255 bytes is cut),
  // which is what the reader compares.
  std::vector<std::string_view> key_texts;
  key_texts.reserve(key_offsets.size());
  for (uint32_t offset : key_offsets) {
    key_texts.emplace_back(pool.bytes().data() + offset + 1,
                           static_cast<uint8_t>(pool.bytes()[offset]));
    if (key_texts.back().starts_with('=')) {
      max_exact_key = std::max(max_exact_key,
                               static_cast<uint32_t>(key_texts.back().size()));
    }
  }
  uint32_t index_slots = 0;
  const std::string index = BuildKeyIndex(key_texts, &index_slots);
  const std::string body =
      entries + key_bytes + postings + index + pool.bytes();
  std::string out(kGazetteerMagic, sizeof(kGazetteerMagic));
  Put32(&out, kGazetteerVersion);
  Put32(&out, kHeaderSize);
  Put32(&out, static_cast<uint32_t>(places.size()));
  Put32(&out, static_cast<uint32_t>(keys.size()));
  Put32(&out, posting_count);
  Put32(&out, static_cast<uint32_t>(pool.bytes().size()));
  Put32(&out, index_slots);
  Put32(&out, max_exact_key);
  out.resize(kHeaderSize, '\0');  // the checksum field, sealed below
  out += body;
  SealImage(&out);
  if (stats != nullptr) {
    stats->entries = places.size();
    stats->keys = keys.size();
    stats->postings = posting_count;
    stats->string_bytes = pool.bytes().size();
    stats->admin1 = admin1_added;
  }
  return out;
}

}  // namespace

Result<std::string> BuildImage(const ImageInputs& in, ImageStats* stats) {
  std::vector<Place> places;
  Admin1Names adm1_names;
  GeoNamesCountries geonames_country;
  CountryPoints country_points;
  size_t admin1_added = 0;
  if (Status s = ReadPlaces(in, &places, &adm1_names, &geonames_country,
                            &country_points, &admin1_added);
      !s.ok()) {
    return s.error();
  }
  NameAdmin1Regions(adm1_names, &places);
  AddCountries(in, geonames_country, country_points, &places);
  // Phase 4: the entry order of the file, which makes the bytes reproducible.
  std::sort(places.begin(), places.end(), [](const Place& a, const Place& b) {
    return std::tie(a.geonameid, a.country, a.fcode, a.name, a.lat, a.lon) <
           std::tie(b.geonameid, b.country, b.fcode, b.name, b.lat, b.lon);
  });
  if (places.size() > kPostingIndexMask)
    return MakeError(in.geonames_file,
                     "too many places for the gazetteer format");
  ASSIGN_OR_RETURN(PostingLists keys, MakePostingLists(in, places));
  return WriteImage(places, keys, admin1_added, stats);
}

}  // namespace where_internal

Status BuildGazetteer(const GazetteerBuildOptions& options) {
  using namespace where_internal;
  if (options.output_file.empty()) return MakeError("", "no output file given");
  ASSIGN_OR_RETURN(std::vector<CountryRecord> countries,
                   ReadCountriesFile(options.countries_file));
  ImageInputs in;
  in.countries = std::move(countries);
  in.geonames_file = options.geonames_file;
  in.subdivisions_file = options.subdivisions_file;
  in.common_words_file = options.common_words_file;
  in.regions_file = options.regions_file;
  in.admin1_file = options.admin1_file;
  in.country_points_file = options.country_points_file;
  in.admin2_file = options.admin2_file;
  in.admin1_points_file = options.admin1_points_file;
  in.min_population = options.min_population;
  in.verbose = options.verbose;
  ImageStats stats;
  ASSIGN_OR_RETURN(std::string image, BuildImage(in, &stats));
  // Write to a temporary name and rename, so a reader never maps a half-written
  // file.
  const std::string tmp = options.output_file + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return MakeError(tmp, "cannot create gazetteer file");
    out.write(image.data(), static_cast<std::streamsize>(image.size()));
    out.close();
    if (!out) return MakeError(tmp, "error writing gazetteer file");
  }
  if (std::rename(tmp.c_str(), options.output_file.c_str()) != 0) {
    std::remove(tmp.c_str());
    return MakeError(options.output_file,
                     "cannot rename " + tmp + " to the output file");
  }
  if (options.verbose) {
    std::fprintf(stderr,
                 "dateline-gazetteer: wrote %s: %zu entries (%zu admin1 "
                 "regions), %zu keys, "
                 "%zu postings, %zu bytes\n",
                 options.output_file.c_str(), stats.entries, stats.admin1,
                 stats.keys, stats.postings, image.size());
  }
  return Status::Ok();
}

}  // namespace dateline
