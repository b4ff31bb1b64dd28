// Export formats; the column-by-column account of each is in doc/export.md, the
// tables it reads are described at the top of each data/export/*.txt file.
#include "export/export.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/table_file.h"
#include "serve/serve.h"

namespace dateline {

struct ExportTables::Impl {
  std::vector<ExportCountry> countries;
  std::unordered_map<std::string, size_t> by_iso2, by_iso3;
  std::unordered_map<std::string, double> goldstein;
  std::unordered_map<std::string, int> quad;
  struct InterRule {
    int inter = 0;
    std::vector<std::string> sectors;  // empty: any; {"-"}: none
    std::vector<std::string> countries;
  };
  std::vector<InterRule> inter_rules;
  std::map<std::pair<AcledEventType, AcledSubEventType>, std::string> disorder;
};

namespace {

bool IsUpperCode(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool IsCameoCode(std::string_view s) {
  return s.size() >= 2 && s.size() <= 4 && IsDigits(s);
}

Status LoadCountries(const std::string& path, ExportTables::Impl& im) {
  ASSIGN_OR_RETURN(auto rows, ReadTableFile(path, 6, 6));
  for (const TableRecord& r : rows) {
    ExportCountry c{r.fields[0], r.fields[1], r.fields[2],
                    r.fields[3], r.fields[4], r.fields[5]};
    if (!IsUpperCode(c.iso3, 3))
      return r.MakeError("ISO3 must be three capital letters: \"" + c.iso3 +
                         "\"");
    if (!IsUpperCode(c.iso2, 2))
      return r.MakeError("ISO2 must be two capital letters: \"" + c.iso2 +
                         "\"");
    if (!c.numeric.empty() && (c.numeric.size() != 3 || !IsDigits(c.numeric)))
      return r.MakeError("numeric code must be three digits: \"" + c.numeric +
                         "\"");
    if (!c.fips.empty() && !IsUpperCode(c.fips, 2))
      return r.MakeError("FIPS code must be two capital letters: \"" + c.fips +
                         "\"");
    if (c.acled_region.empty() || c.name.empty())
      return r.MakeError("region and name are required");
    if (im.by_iso3.count(c.iso3))
      return r.MakeError("duplicate ISO3 " + c.iso3);
    if (im.by_iso2.count(c.iso2))
      return r.MakeError("duplicate ISO2 " + c.iso2);
    im.by_iso3[c.iso3] = im.countries.size();
    im.by_iso2[c.iso2] = im.countries.size();
    im.countries.push_back(std::move(c));
  }
  return Status::Ok();
}

// Every CAMEO root 01..20 must be a key of `table`: a missing one would leave a
// whole family of events without a value.
template <class Map>
Status EveryRootListed(const std::string& path, const Map& table,
                       const char* what) {
  for (int root = 1; root <= 20; ++root) {
    char key[8];
    std::snprintf(key, sizeof key, "%02d", root);
    if (!table.count(key))
      return MakeError(path,
                       std::string("CAMEO root ") + key + " has no " + what);
  }
  return Status::Ok();
}

Status LoadGoldstein(const std::string& path, ExportTables::Impl& im) {
  ASSIGN_OR_RETURN(auto rows, ReadTableFile(path, 2, 2));
  for (const TableRecord& r : rows) {
    const std::string& code = r.fields[0];
    if (!IsCameoCode(code) || code.size() > 3)
      return r.MakeError("code must be a CAMEO root or three-digit code: \"" +
                         code + "\"");
    char* end = nullptr;
    const double w = std::strtod(r.fields[1].c_str(), &end);
    if (r.fields[1].empty() || *end != '\0' || w < -10 || w > 10)
      return r.MakeError("weight must be a number from -10 to 10: \"" +
                         r.fields[1] + "\"");
    if (!im.goldstein.emplace(code, w).second)
      return r.MakeError("duplicate code " + code);
  }
  return EveryRootListed(path, im.goldstein, "weight");
}

Status LoadQuadClass(const std::string& path, ExportTables::Impl& im) {
  ASSIGN_OR_RETURN(auto rows, ReadTableFile(path, 3, 3));
  for (const TableRecord& r : rows) {
    const std::string& root = r.fields[0];
    if (root.size() != 2 || !IsDigits(root))
      return r.MakeError("root must be two digits: \"" + root + "\"");
    if (r.fields[1].size() != 1 || r.fields[1][0] < '1' || r.fields[1][0] > '4')
      return r.MakeError("quadclass must be 1, 2, 3 or 4: \"" + r.fields[1] +
                         "\"");
    if (!im.quad.emplace(root, r.fields[1][0] - '0').second)
      return r.MakeError("duplicate root " + root);
  }
  return EveryRootListed(path, im.quad, "QuadClass");
}

Status LoadInter(const std::string& path, ExportTables::Impl& im) {
  ASSIGN_OR_RETURN(auto rows, ReadTableFile(path, 4, 4));
  for (const TableRecord& r : rows) {
    ExportTables::Impl::InterRule rule;
    if (r.fields[0].size() != 1 || r.fields[0][0] < '1' || r.fields[0][0] > '8')
      return r.MakeError("inter must be a code from 1 to 8: \"" + r.fields[0] +
                         "\"");
    rule.inter = r.fields[0][0] - '0';
    rule.sectors = SplitList(r.fields[2]);
    rule.countries = SplitList(r.fields[3]);
    for (const std::string& s : rule.sectors)
      if (s != "-" && !IsUpperCode(s, 3))
        return r.MakeError("sector must be a three-letter code or -: \"" + s +
                           "\"");
    if (rule.sectors.size() > 1 &&
        std::find(rule.sectors.begin(), rule.sectors.end(), "-") !=
            rule.sectors.end())
      return r.MakeError("\"-\" (no sectors) cannot be listed with sectors");
    im.inter_rules.push_back(std::move(rule));
  }
  return Status::Ok();
}

Status LoadDisorder(const std::string& path, ExportTables::Impl& im) {
  ASSIGN_OR_RETURN(auto rows, ReadTableFile(path, 3, 3));
  for (const TableRecord& r : rows) {
    if (r.fields[0].empty() || r.fields[1].empty() || r.fields[2].empty())
      return r.MakeError(
          "event type, sub-event type and disorder type are required");
    std::string problem;
    const std::optional<AcledType> type =
        ParseAcledType(r.fields[0], r.fields[1], &problem);
    if (!type) return r.MakeError(problem);
    std::string disorder;
    for (const std::string& d : SplitList(r.fields[2]))
      disorder += (disorder.empty() ? "" : "; ") + d;
    if (!im.disorder
             .emplace(std::make_pair(type->event_type, type->sub_event_type),
                      disorder)
             .second)
      return r.MakeError("duplicate sub-event type " + r.fields[1]);
  }
  return Status::Ok();
}

// ---- value helpers
// ----------------------------------------------------------------

// An ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD"; month and day 0 when not
// given.
struct Day {
  int y = 0, m = 0, d = 0;
  bool ok() const { return y > 0; }
};

Day ParseDay(const std::string& s) {
  Day day;
  if (s.size() < 4 || !IsDigits(s.substr(0, 4))) return day;
  day.y = std::stoi(s.substr(0, 4));
  if (s.size() >= 7 && s[4] == '-' && IsDigits(s.substr(5, 2)))
    day.m = std::stoi(s.substr(5, 2));
  if (s.size() >= 10 && s[7] == '-' && IsDigits(s.substr(8, 2)))
    day.d = std::stoi(s.substr(8, 2));
  return day;
}

// The event's date: its own when it has one, else its article's publication
// date (what the store's date filters use too).
Day EventDay(const StoredEvent& e) {
  return ParseDay(e.date.empty() ? e.published : e.date);
}

std::string Printf(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

// A number with at most `decimals` decimals and no trailing zeros ("3.4",
// "-10", "36.1926").
std::string Number(double value, int decimals) {
  std::string s = Printf(decimals == 1 ? "%.1f" : "%.4f", value);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string OptNumber(const std::optional<double>& v, int decimals) {
  return v ? Number(*v, decimals) : "";
}

// Whitespace runs (newlines in evidence spanning lines) become one space.
std::string OneLine(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string UpperAscii(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string Host(const std::string& url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/?#:", start);
  std::string host = url.substr(
      start, end == std::string::npos ? std::string::npos : end - start);
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

// "2021-06-05T10:11:12Z" -> its digits "20210605101112"; "" when not of that
// form.
std::string CompactTimestamp(const std::string& iso) {
  std::string digits;
  for (char c : iso)
    if (c >= '0' && c <= '9') digits += c;
  return digits.size() == 14 ? digits : "";
}

std::string UnixSeconds(const std::string& iso) {
  const std::string d = CompactTimestamp(iso);
  if (d.empty()) return "";
  std::tm tm{};
  tm.tm_year = std::stoi(d.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(d.substr(4, 2)) - 1;
  tm.tm_mday = std::stoi(d.substr(6, 2));
  tm.tm_hour = std::stoi(d.substr(8, 2));
  tm.tm_min = std::stoi(d.substr(10, 2));
  tm.tm_sec = std::stoi(d.substr(12, 2));
  return std::to_string(static_cast<long long>(timegm(&tm)));
}

// Non-state CAMEO "country" codes that GDELT writes as actor types.
bool IsInternationalType(const std::string& code) {
  return code == "IGO" || code == "IMG" || code == "NGO" || code == "MNC";
}

// ---- GDELT
// ------------------------------------------------------------------------

// The ten actor columns of one GDELT actor (Code .. Type3Code).
void GdeltActor(const ExportTables& t, const std::string& code,
                const std::string& country, const std::string& text,
                std::vector<std::string>& row) {
  std::string country_code;
  std::vector<std::string> types;
  // The code is prefix sectors, country, sectors (ActorCode::Code), in
  // three-letter units; the types are every unit but the country's.
  size_t country_at = std::string::npos;
  if (!country.empty()) {
    for (size_t i = 0; i + country.size() <= code.size(); i += 3)
      if (code.compare(i, country.size(), country) == 0) {
        country_at = i;
        break;
      }
  }
  for (size_t i = 0; i + 3 <= code.size(); i += 3) {
    if (i == country_at) continue;
    types.push_back(code.substr(i, 3));
  }
  if (t.CountryByIso3(country)) {
    country_code = country;
  } else if (IsInternationalType(country)) {
    types.insert(types.begin(), country);
  }
  types.resize(3);
  row.push_back(code);
  row.push_back(code.empty() ? "" : UpperAscii(OneLine(text)));
  row.push_back(country_code);
  row.push_back("");  // KnownGroupCode
  row.push_back("");  // EthnicCode
  row.push_back("");  // Religion1Code
  row.push_back("");  // Religion2Code
  for (const std::string& type : types) row.push_back(type);
}

void GdeltNoGeo(std::vector<std::string>& row) {
  row.push_back("0");
  for (int i = 0; i < 7; ++i) row.push_back("");
}

void GdeltGeo(const ExportTables& t, const StoredEvent& e,
              std::vector<std::string>& row) {
  if (e.place_name.empty() && !e.lat) return GdeltNoGeo(row);
  const ExportCountry* country = t.CountryByIso2(e.place_country);
  const bool us = e.place_country == "US";
  int type;
  if (e.place_precision == PlacePrecision::kCountry) {
    type = 1;
  } else if (e.place_precision == PlacePrecision::kAdmin1) {
    type = us ? 2 : 5;
  } else {
    type = us ? 3 : 4;
  }
  std::string full =
      type == 1 ? (country ? country->name : e.place_name) : e.place_name;
  if (type != 1) {
    if (!e.place_admin1.empty() && e.place_admin1 != e.place_name)
      full += ", " + e.place_admin1;
    if (country) full += ", " + country->name;
  }
  const std::string fips = country ? country->fips : "";
  row.push_back(std::to_string(type));
  row.push_back(OneLine(full));
  row.push_back(fips);
  row.push_back(
      type == 1
          ? fips
          : "");      // ADM1Code: GDELT gives the country's code for a country
  row.push_back("");  // ADM2Code
  row.push_back(OptNumber(e.lat, 4));
  row.push_back(OptNumber(e.lon, 4));
  row.push_back(type == 1
                    ? fips
                    : "");  // FeatureID: likewise; GNS ids are not GeoNames ids
}

bool GdeltRow(const ExportTables& t, const StoredEvent& e,
              std::vector<std::string>& row) {
  row.clear();
  // One row per event group: its id is the group's (the id of its first
  // report).
  row.push_back(std::to_string(e.group_id ? e.group_id : e.event_id));
  const Day day = EventDay(e);
  if (day.ok()) {
    const int m = day.m ? day.m : 1, d = day.d ? day.d : 1;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", day.y, m, d);
    row.push_back(buf);
    row.push_back(std::string(buf, 6));
    row.push_back(std::string(buf, 4));
    row.push_back(Printf("%.4f", day.y + (m * 30 + d) / 365.0));
  } else {
    for (int i = 0; i < 4; ++i) row.push_back("");
  }
  GdeltActor(t, e.source_code, e.source_country, e.source_text, row);
  GdeltActor(t, e.target_code, e.target_country, e.target_text, row);
  row.push_back(e.evidence_start == 0
                    ? "1"
                    : "0");  // IsRootEvent: the body's first sentence
  row.push_back(e.cameo);
  row.push_back(e.cameo.substr(0, std::min<size_t>(3, e.cameo.size())));
  row.push_back(e.cameo.substr(0, std::min<size_t>(2, e.cameo.size())));
  const int quad = t.QuadClass(e.cameo);
  row.push_back(quad ? std::to_string(quad) : "");
  row.push_back(OptNumber(t.Goldstein(e.cameo), 1));
  row.push_back(
      std::to_string(e.group_reports));  // NumMentions: the group's reports
  row.push_back(std::to_string(e.group_sources));  // NumSources: distinct hosts
  row.push_back(std::to_string(e.group_articles));  // NumArticles
  row.push_back("");    // AvgTone: Dateline measures no tone
  GdeltNoGeo(row);      // Actor1Geo: Dateline places the event, not each actor
  GdeltNoGeo(row);      // Actor2Geo
  GdeltGeo(t, e, row);  // ActionGeo
  row.push_back(CompactTimestamp(e.coded_at));
  row.push_back(e.url);
  return true;
}

// ---- ACLED
// ------------------------------------------------------------------------

int Interaction(int a, int b) {
  if (a == 0 || b == 0) return (a ? a : b) * 10;
  return std::min(a, b) * 10 + std::max(a, b);
}

std::vector<std::string> AcledRow(const ExportTables& t, const StoredEvent& e) {
  const ExportCountry* country = t.CountryByIso2(e.place_country);
  std::string id_prefix = country ? country->iso3 : "";
  if (id_prefix.empty() && t.CountryByIso3(e.source_country))
    id_prefix = e.source_country;

  const Day day = EventDay(e);
  std::string date, year, precision;
  if (day.ok()) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", day.y, day.m ? day.m : 1,
                  day.d ? day.d : 1);
    date = buf;
    year = std::to_string(day.y);
    // 1: the day is known; 2: the report's date stands in (within days of it);
    // 3: only the month or year is known.
    precision = e.date.empty()
                    ? (day.d ? "2" : "3")
                    : (e.date_precision == DatePrecision::kDay ? "1" : "3");
  }

  const bool riot = e.acled_event_type == AcledEventType::kRiots;
  auto inter = [&](const std::string& code, const std::string& ctry,
                   const std::vector<std::string>& sectors) {
    if (code.empty()) return 0;
    int i = t.AcledInter(ctry, sectors);
    if (riot && (i == 6 || i == 7))
      i = 5;  // demonstrators or a crowd using violence
    return i;
  };
  const int inter1 = inter(e.source_code, e.source_country, e.source_sectors);
  const int inter2 = inter(e.target_code, e.target_country, e.target_sectors);
  auto inter_text = [](const std::string& text, int i) {
    return text.empty() ? "" : std::to_string(i);
  };
  const std::string disorder =
      t.AcledDisorder(e.acled_event_type, e.acled_sub_event_type);

  std::string tags;
  if (e.crowd_size) {
    tags = "crowd size=" + std::to_string(*e.crowd_size);
  } else if (e.acled_event_type == AcledEventType::kProtests || riot) {
    tags = "crowd size=no report";
  }
  const bool has_place = !e.place_name.empty() || e.lat;
  std::string geo_precision;
  if (has_place)
    geo_precision = e.place_precision == PlacePrecision::kPoint    ? "1"
                    : e.place_precision == PlacePrecision::kAdmin2 ? "2"
                                                                   : "3";

  return {
      id_prefix + std::to_string(e.event_id),
      date,
      year,
      precision,
      disorder,
      AcledEventTypeName(e.acled_event_type),
      AcledSubEventTypeName(e.acled_sub_event_type),
      OneLine(e.source_text),
      "",  // assoc_actor_1
      inter_text(e.source_text, inter1),
      OneLine(e.target_text),
      "",  // assoc_actor_2
      inter_text(e.target_text, inter2),
      (e.source_text.empty() && e.target_text.empty())
          ? ""
          : std::to_string(Interaction(inter1, inter2)),
      (inter2 == 7 && disorder.find("Political violence") != std::string::npos)
          ? "Civilian targeting"
          : "",
      country ? country->numeric : "",
      country ? country->acled_region : "",
      country ? country->name : "",
      e.place_precision == PlacePrecision::kCountry ? "" : e.place_admin1,
      "",  // admin2
      "",  // admin3
      e.place_precision == PlacePrecision::kCountry ? "" : e.place_name,
      OptNumber(e.lat, 4),
      OptNumber(e.lon, 4),
      geo_precision,
      Host(e.url),
      "",  // source_scale
      OneLine(e.evidence),
      std::to_string(e.fatalities.value_or(0)),
      tags,
      UnixSeconds(e.coded_at),
  };
}

// ---- PLOVER
// -----------------------------------------------------------------------

nlohmann::ordered_json PloverActor(
    const ExportTables& t, const std::string& text, const std::string& code,
    const std::string& country, const std::vector<std::string>& sectors,
    const std::string& region, const std::string& person) {
  if (text.empty() && code.empty()) return nullptr;
  nlohmann::ordered_json a;
  a["name"] = OneLine(text);
  a["code"] = code;
  a["country"] = country;
  a["country_is_state"] = t.CountryByIso3(country) != nullptr;
  a["sectors"] = sectors;
  a["region"] = region;
  a["person"] = person;
  return a;
}

nlohmann::ordered_json PloverRecord(const ExportTables& t,
                                    const StoredEvent& e) {
  nlohmann::ordered_json j;
  j["event_id"] = e.article_id + ":" + std::to_string(e.index);
  j["story_id"] = e.article_id;
  j["event_date"] = e.date.empty() ? e.published : e.date;
  j["date_precision"] = e.date_precision      ? PrecisionName(*e.date_precision)
                        : e.published.empty() ? ""
                                              : "publication";
  j["publication_date"] = e.published;
  j["event_type"] = PloverName(e.plover);
  j["mode"] = "";
  j["context"] = nlohmann::ordered_json::array();
  j["cameo"] = e.cameo;
  j["negated"] = e.negated;
  j["modality"] = ModalityName(e.modality);
  j["actor"] = PloverActor(t, e.source_text, e.source_code, e.source_country,
                           e.source_sectors, e.source_region, e.source_person);
  j["recipient"] =
      PloverActor(t, e.target_text, e.target_code, e.target_country,
                  e.target_sectors, e.target_region, e.target_person);
  if (e.place_name.empty() && !e.lat) {
    j["location"] = nullptr;
  } else {
    const ExportCountry* c = t.CountryByIso2(e.place_country);
    nlohmann::ordered_json loc;
    loc["placename"] = e.place_name;
    loc["admin1"] = e.place_admin1;
    loc["country"] = c ? c->iso3 : "";
    loc["country_iso2"] = e.place_country;
    loc["lat"] = e.lat ? nlohmann::ordered_json(*e.lat) : nullptr;
    loc["lon"] = e.lon ? nlohmann::ordered_json(*e.lon) : nullptr;
    loc["geonames_id"] =
        e.place_geonameid ? nlohmann::ordered_json(e.place_geonameid) : nullptr;
    loc["precision"] =
        e.place_precision ? PlacePrecisionName(*e.place_precision) : "";
    j["location"] = loc;
  }
  auto count = [](const std::optional<int>& v) {
    return v ? nlohmann::ordered_json(*v) : nullptr;
  };
  j["fatalities"] = count(e.fatalities);
  j["injured"] = count(e.injured);
  j["arrested"] = count(e.arrested);
  j["crowd_size"] = count(e.crowd_size);
  j["event_text"] = e.evidence;
  j["trigger"] = e.trigger;
  j["source_url"] = e.url;
  j["headline"] = e.title;
  j["coder"] = "dateline";
  return j;
}

bool Keep(const StoredEvent& e, ExportFormat format,
          const ExportOptions& options) {
  if (options.all_events) return true;
  switch (format) {
    case ExportFormat::kGdelt:
      return !e.cameo.empty() && !e.negated;
    case ExportFormat::kAcled:
      return e.acled_event_type != AcledEventType::kNone &&
             e.acled_event_type != AcledEventType::kOther && !e.negated &&
             e.modality == Modality::kAsserted;
    case ExportFormat::kPlover:
      return e.plover != Plover::kNone;
    default:
      return true;
  }
}

}  // namespace

// ---- ExportTables
// -----------------------------------------------------------------

ExportTables::ExportTables(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
ExportTables::~ExportTables() = default;

Result<std::unique_ptr<ExportTables>> ExportTables::Load(
    const std::string& data_dir) {
  auto im = std::make_unique<Impl>();
  const std::string dir = data_dir + "/export/";
  for (auto [file, load] : {std::pair{"countries.txt", &LoadCountries},
                            std::pair{"goldstein.txt", &LoadGoldstein},
                            std::pair{"quadclass.txt", &LoadQuadClass},
                            std::pair{"acled_inter.txt", &LoadInter},
                            std::pair{"acled_disorder.txt", &LoadDisorder}}) {
    RETURN_IF_ERROR(load(dir + file, *im));
  }
  return std::unique_ptr<ExportTables>(new ExportTables(std::move(im)));
}

std::optional<double> ExportTables::Goldstein(std::string_view cameo) const {
  if (!IsCameoCode(cameo)) return std::nullopt;
  for (size_t n = std::min<size_t>(cameo.size(), 3); n >= 2; --n) {
    auto it = impl_->goldstein.find(std::string(cameo.substr(0, n)));
    if (it != impl_->goldstein.end()) return it->second;
  }
  return std::nullopt;
}

int ExportTables::QuadClass(std::string_view cameo) const {
  if (!IsCameoCode(cameo)) return 0;
  auto it = impl_->quad.find(std::string(cameo.substr(0, 2)));
  return it == impl_->quad.end() ? 0 : it->second;
}

const ExportCountry* ExportTables::CountryByIso2(std::string_view code) const {
  auto it = impl_->by_iso2.find(std::string(code));
  return it == impl_->by_iso2.end() ? nullptr : &impl_->countries[it->second];
}

const ExportCountry* ExportTables::CountryByIso3(std::string_view code) const {
  auto it = impl_->by_iso3.find(std::string(code));
  return it == impl_->by_iso3.end() ? nullptr : &impl_->countries[it->second];
}

int ExportTables::AcledInter(std::string_view country,
                             const std::vector<std::string>& sectors) const {
  for (const Impl::InterRule& rule : impl_->inter_rules) {
    if (!rule.countries.empty() &&
        std::find(rule.countries.begin(), rule.countries.end(), country) ==
            rule.countries.end())
      continue;
    if (rule.sectors.size() == 1 && rule.sectors[0] == "-") {
      if (sectors.empty()) return rule.inter;
      continue;
    }
    if (rule.sectors.empty()) return rule.inter;
    for (const std::string& s : sectors)
      if (std::find(rule.sectors.begin(), rule.sectors.end(), s) !=
          rule.sectors.end())
        return rule.inter;
  }
  return 0;
}

std::string ExportTables::AcledDisorder(
    AcledEventType event_type, AcledSubEventType sub_event_type) const {
  auto it = impl_->disorder.find({event_type, sub_event_type});
  return it == impl_->disorder.end() ? "" : it->second;
}

const std::vector<ExportCountry>& ExportTables::countries() const {
  return impl_->countries;
}

// ---- formats
// ----------------------------------------------------------------------

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "gdelt") return ExportFormat::kGdelt;
  if (name == "acled") return ExportFormat::kAcled;
  if (name == "plover") return ExportFormat::kPlover;
  if (name == "jsonl") return ExportFormat::kJsonl;
  if (name == "csv") return ExportFormat::kCsv;
  return std::nullopt;
}

const std::vector<std::string>& GdeltColumns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> c = {"GLOBALEVENTID", "SQLDATE", "MonthYear",
                                  "Year", "FractionDate"};
    for (const char* a : {"Actor1", "Actor2"})
      for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode",
                            "EthnicCode", "Religion1Code", "Religion2Code",
                            "Type1Code", "Type2Code", "Type3Code"})
        c.push_back(std::string(a) + f);
    for (const char* f :
         {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
          "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
          "NumArticles", "AvgTone"})
      c.push_back(f);
    for (const char* g : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"})
      for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code",
                            "ADM2Code", "Lat", "Long", "FeatureID"})
        c.push_back(std::string(g) + f);
    c.push_back("DATEADDED");
    c.push_back("SOURCEURL");
    return c;
  }();
  return columns;
}

const std::vector<std::string>& AcledColumns() {
  static const std::vector<std::string> columns = {"event_id_cnty",
                                                   "event_date",
                                                   "year",
                                                   "time_precision",
                                                   "disorder_type",
                                                   "event_type",
                                                   "sub_event_type",
                                                   "actor1",
                                                   "assoc_actor_1",
                                                   "inter1",
                                                   "actor2",
                                                   "assoc_actor_2",
                                                   "inter2",
                                                   "interaction",
                                                   "civilian_targeting",
                                                   "iso",
                                                   "region",
                                                   "country",
                                                   "admin1",
                                                   "admin2",
                                                   "admin3",
                                                   "location",
                                                   "latitude",
                                                   "longitude",
                                                   "geo_precision",
                                                   "source",
                                                   "source_scale",
                                                   "notes",
                                                   "fatalities",
                                                   "tags",
                                                   "timestamp"};
  return columns;
}

size_t ExportEvents(const std::vector<StoredEvent>& events, ExportFormat format,
                    const ExportTables& tables, const ExportOptions& options,
                    std::ostream& out) {
  std::vector<StoredEvent> kept;
  for (const StoredEvent& e : events)
    if (Keep(e, format, options)) kept.push_back(e);
  switch (format) {
    case ExportFormat::kGdelt: {
      // GDELT has one row per event, however many reports tell of it: each
      // group is written where its first matching report comes, with the fields
      // of its earliest-stored matching report (GDELT's SOURCEURL is the first
      // report seen).
      std::map<long, size_t> representative;  // group -> index in kept
      std::vector<long> order;
      for (size_t i = 0; i < kept.size(); ++i) {
        const long g = kept[i].group_id ? kept[i].group_id : -kept[i].event_id;
        auto [it, fresh] = representative.emplace(g, i);
        if (fresh) {
          order.push_back(g);
        } else if (kept[i].event_id < kept[it->second].event_id) {
          it->second = i;
        }
      }
      std::vector<std::string> row;
      for (long g : order) {
        const StoredEvent& e = kept[representative[g]];
        GdeltRow(tables, e, row);
        for (size_t i = 0; i < row.size(); ++i)
          out << (i ? "\t" : "") << DelimitedField(row[i], '\t');
        out << "\n";
      }
      return order.size();
    }
    case ExportFormat::kAcled: {
      const auto& columns = AcledColumns();
      for (size_t i = 0; i < columns.size(); ++i)
        out << (i ? "," : "") << columns[i];
      out << "\n";
      for (const StoredEvent& e : kept) {
        const std::vector<std::string> row = AcledRow(tables, e);
        for (size_t i = 0; i < row.size(); ++i)
          out << (i ? "," : "") << DelimitedField(row[i], ',');
        out << "\n";
      }
      break;
    }
    case ExportFormat::kPlover:
      for (const StoredEvent& e : kept)
        out << PloverRecord(tables, e).dump(
                   -1, ' ', false,
                   nlohmann::ordered_json::error_handler_t::replace)
            << "\n";
      break;
    case ExportFormat::kJsonl:
      for (const StoredEvent& e : kept)
        out << StoredEventJson(e).dump(-1, ' ', false,
                                       nlohmann::json::error_handler_t::replace)
            << "\n";
      break;
    case ExportFormat::kCsv:
      PrintEventDelimited(kept, ',', out);
      break;
  }
  return kept.size();
}

}  // namespace dateline
