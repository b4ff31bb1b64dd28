// Toponym recognition and resolution (PlaceResolver in where.h).
//
// Recognition walks the tokens looking for the longest run (up to
// kMaxSpanTokens tokens) of capitalised words, joined by connectors ("of",
// "de", "al-", "and") and glued hyphens, that the gazetteer knows; then it
// throws out what context says is not a place (see Recognise). Resolution is
// joint over the distinct names of an article: every candidate gets a prior
// (population, feature code, how its name matched) plus context agreement with
// the dateline, the actors' countries and the current readings of the article's
// other names (same country, same admin1 region, nearness); the readings are
// re-chosen a few times so that names settle on a coherent geography.
//
// What callers see of it (where.h states the contract): each candidate is
// scored by log population, feature code (countries, capitals, admin1 regions
// and seats first), whether the name is its own or an alias, and agreement with
// the context (dateline country, actor countries, countries and regions of the
// article's other places, nearness to them). Second-level divisions missing
// from the gazetteer ("Laurel County") are placed at the same-named place of
// the region the article's other places are in, or at the article's most local
// place there (ResolveCounties). A qualifier after a comma ("Paris, Tenn.")
// restricts the name's readings in the whole article (QualifiersOf).
// ResolveSpans resolves exactly as FindPlaces does (a name the gazetteer lacks
// stays unresolved), so that a measurement with given spans measures what the
// product does. Recognition leaves out common words without a locative cue,
// person names after a title or before a capitalised word, surnames the article
// writes after a first name, names that are only some place's alternate name,
// short acronyms that name no country or region, bare county stems, and lone
// sentence-initial words that the article also writes in lower case; places of
// 100,000 people or more, regions and countries are exempt from the person-name
// rules (LooksLikePlace).

#include <algorithm>
#include <bitset>
#include <cmath>
#include <deque>
#include <map>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "core/geo.h"
#include "core/string_hash.h"
#include "where/name_normalizer.h"
#include "where/where.h"

namespace dateline {

namespace {

constexpr size_t kMaxSpanTokens = 5;
constexpr size_t kMaxCandidates = 200;
constexpr int kRounds = 3;

// Score weights. Tuned on the development split of the geo evaluation set
// (`dateline eval .../geo/dev.jsonl`, src/eval/geo_eval.cc); each says how much
// one kind of evidence is worth in units of one decade of population.
constexpr double kCountryBonus = 3.0;
constexpr double kAdmin1Bonus = 2.0;
constexpr double kCapitalBonus = 1.0;
constexpr double kSeatBonus = 1.0;
constexpr double kSecondSeatBonus = 0.4;
constexpr double kSectionPenalty = -0.8;  // PPLX: a section of a city
constexpr double kAliasPenalty = -1.0;    // matched an alternate name only
constexpr double kOwnNameBonus = 1.0;
constexpr double kCountyStemPenalty = -1.0;
// Continents and regions (data/where/regions.txt) have no population; these
// stand in.
constexpr double kContinentPrior = 8.0;
constexpr double kRegionPrior = 5.5;
constexpr double kDatelineCountry = 1.5;
constexpr double kDatelineAdmin1 = 1.0;
constexpr double kDatelineNear = 2.0;
constexpr double kActorCountry = 1.0;
// The publication's home region (PlaceContext::home): as much as the dateline's
// country and region, since a local paper's bare names are local.
constexpr double kHomeCountry = 1.0;
constexpr double kHomeAdmin1 = 1.5;
constexpr double kOtherCountry =
    1.2;  // per other name read in the same country, up to 3
constexpr double kOtherAdmin1 = 2.0;
constexpr double kOtherNear = 3.5;
constexpr double kNearKm = 200;
// Nearness to a country named in the article that is not the candidate's own: a
// share of kOtherNear, over a radius fit for a country's central point.
constexpr double kNearCountryWeight = 0.5;
constexpr double kNearCountryKm = 300;
// Places at least this populous are not taken for parts of person names.
constexpr long kProminentPopulation = 100000;

bool IsCountry(const GazetteerEntry& e) {
  return e.precision == PlacePrecision::kCountry;
}

// A feature code of up to eight bytes as one integer, so that the prior's many
// tests of every candidate are integer comparisons; longer codes (GeoNames has
// none) pack to 0, which no test asks for.
constexpr uint64_t PackedCode(std::string_view code) {
  if (code.size() > 8) return 0;
  uint64_t packed = 0;
  for (size_t k = 0; k < code.size(); ++k)
    packed |= uint64_t{static_cast<unsigned char>(code[k])} << (8 * k);
  return packed;
}

double Prior(const GazetteerEntry& e) {
  double s = std::log10(static_cast<double>(std::max(0L, e.population)) + 1);
  const uint64_t code = PackedCode(e.feature_code);
  // Continents carry country precision: test their code before IsCountry.
  if (code == PackedCode("CONT")) {
    s += kContinentPrior;
  } else if (IsCountry(e)) {
    s += kCountryBonus;
  } else if (code == PackedCode("RGN") || code == PackedCode("OCN") ||
             code == PackedCode("SEA") || code == PackedCode("GULF")) {
    s += kRegionPrior;
  } else if (code == PackedCode("ADM1")) {
    s += kAdmin1Bonus;
  } else if (code == PackedCode("PPLC")) {
    s += kCapitalBonus;
  } else if (code == PackedCode("PPLA")) {
    s += kSeatBonus;
  } else if (code == PackedCode("PPLA2")) {
    s += kSecondSeatBonus;
  } else if (code == PackedCode("PPLX")) {
    s += kSectionPenalty;
  }
  if (!e.primary_name && !e.demonym) s += kAliasPenalty;
  // A county named without its suffix ("DeKalb") competes with the towns of
  // that name, which the bare name more often means; its population is a whole
  // county's.
  if (code == PackedCode("ADM2") && !e.primary_name) s += kCountyStemPenalty;
  return s;
}

// The name looked up is the entry's own name ("England" the region rather than
// the United Kingdom, for which it is an alias in countries.txt).
double NameBonus(const GazetteerEntry& e, const std::string& key) {
  return where_internal::NormalizesTo(e.name, key) ? kOwnNameBonus : 0;
}

// "Laurel County", "Rapides Parish": second-level divisions are not in a cities
// gazetteer; the head word names the suffix, the rest the division.
std::string_view CountyStem(std::string_view key) {
  for (std::string_view suffix :
       {" county", " parish", " borough", " township", " district"}) {
    if (key.size() > suffix.size() && key.ends_with(suffix))
      return key.substr(0, key.size() - suffix.size());
  }
  return {};
}

// The gazetteer's candidates for each surface looked up while reading one text:
// recognition tries the same n-grams again and again, and resolution and the
// qualifiers look the recognised names up once more. Lists are complete;
// callers cut them to kMaxCandidates where they always have. Returned
// references live as long as the memo (the map's nodes do not move). Not
// thread-safe: one per call. GeoNames feature codes, compared as views: a
// std::string compared with a character literal calls compare() and strlen() at
// each of the many tests.
constexpr std::string_view kContinentCode = "CONT";
constexpr std::string_view kCapitalCode = "PPLC";
constexpr std::string_view kAdmin1SeatCode = "PPLA";
constexpr std::string_view kAdmin2SeatCode = "PPLA2";
constexpr std::string_view kAdmin1Code = "ADM1";
constexpr std::string_view kAdmin2Code = "ADM2";

class Lookups {
 public:
  explicit Lookups(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}
  // A memo sized for `surfaces` surfaces, so that it is not rehashed as it
  // fills.
  Lookups(const Gazetteer& gazetteer, size_t surfaces) : gazetteer_(gazetteer) {
    cache_.reserve(surfaces);
  }
  Lookups(const Lookups&) = delete;
  Lookups& operator=(const Lookups&) = delete;

  const std::vector<GazetteerEntry>& All(std::string_view surface) {
    static const std::vector<GazetteerEntry> kNone;
    auto it = cache_.find(surface);
    if (it == cache_.end()) {
      // Most surfaces tried are no name: they share one empty list, and each
      // costs the memo a node and a copy of its text in `surfaces_`, no string
      // of its own.
      std::vector<GazetteerEntry> found = gazetteer_.LookupEntries(surface);
      const std::vector<GazetteerEntry>* list = &kNone;
      if (!found.empty()) list = &found_.emplace_back(std::move(found));
      it = cache_.emplace(surfaces_.Copy(surface), list).first;
    }
    return *it->second;
  }
  std::span<const GazetteerEntry> Capped(std::string_view surface) {
    const std::vector<GazetteerEntry>& all = All(surface);
    return {all.data(), std::min(all.size(), kMaxCandidates)};
  }

 private:
  const Gazetteer& gazetteer_;
  TokenStrings surfaces_;                          // the keys' text
  std::deque<std::vector<GazetteerEntry>> found_;  // lists never move
  std::unordered_map<std::string_view, const std::vector<GazetteerEntry>*,
                     StringHash>
      cache_;
};

// One distinct name of an article and its candidates.
struct NameSlot {
  std::string key;                         // normalised name
  std::string display;                     // the name as first written
  std::vector<GazetteerEntry> candidates;  // most populous first
  std::vector<double> prior;
  int pick = -1;
};

// The dateline's reading, as the scores ask of it.
struct DatelineReading {
  std::string country, admin1;
  double lat = 0, lon = 0;
  bool is_country = false;
};

struct Evidence {
  std::optional<DatelineReading> dateline;
  std::set<std::string, std::less<>> actor_countries;  // ISO2
  // The publication's home region (country ISO2, admin1), when it has one.
  std::optional<std::pair<std::string, std::string>> home;
};

// What the joint rounds ask of a candidate's strings, asked once.
struct CandidateFacts {
  double cos_lat = 0;    // CosLatitude, for the distances
  uint32_t country = 0;  // PackedCountry
  bool is_country = false;
  bool continent = false;
};

// The ISO2 country with its length in one word, so that equal codes are equal
// words. Strings longer than 3 bytes (the gazetteer writes none) get
// kLongCountry and are compared as strings.
constexpr uint32_t kLongCountry = 0xFF;
uint32_t PackedCountry(std::string_view c) {
  if (c.size() > 3) return kLongCountry;
  uint32_t packed = static_cast<uint32_t>(c.size());
  for (size_t k = 0; k < c.size(); ++k)
    packed |= uint32_t{static_cast<unsigned char>(c[k])} << (8 * (k + 1));
  return packed;
}

CandidateFacts FactsOf(const GazetteerEntry& e) {
  return CandidateFacts{CosLatitude(e.lat), PackedCountry(e.country),
                        IsCountry(e), e.feature_code == kContinentCode};
}

// How one candidate agrees with another slot's current reading (none without
// one). `near` (a distance, the costly part) is filled in only when asked for:
// see ResolveJointly.
struct Agreement {
  double near = 0;
  bool same_country = false;
  bool same_admin1 = false;
  bool near_known = false;
};

constexpr int kNoReading = -2;  // below any pick, -1 included
constexpr size_t kMaxKeptAgreements = size_t{1} << 20;

// The country and region parts of the agreement; `near` is left unknown.
Agreement Agree(const GazetteerEntry& e, const CandidateFacts& fe,
                const NameSlot& other,
                const std::vector<CandidateFacts>& other_facts) {
  Agreement g;
  if (other.pick < 0) {
    g.near_known = true;
    return g;
  }
  const GazetteerEntry& o = other.candidates[static_cast<size_t>(other.pick)];
  const CandidateFacts& fo = other_facts[static_cast<size_t>(other.pick)];
  g.same_country = fo.country == fe.country &&
                   (fo.country != kLongCountry || o.country == e.country);
  if (g.same_country && !e.admin1.empty() && o.admin1 == e.admin1)
    g.same_admin1 = true;
  return g;
}

// Fills in g.near: how near `e` lies to the other slot's reading, at most 1.
void AgreeNear(const GazetteerEntry& e, const CandidateFacts& fe,
               const NameSlot& other,
               const std::vector<CandidateFacts>& other_facts, Agreement& g) {
  g.near_known = true;
  if (other.pick < 0) return;
  const GazetteerEntry& o = other.candidates[static_cast<size_t>(other.pick)];
  const CandidateFacts& fo = other_facts[static_cast<size_t>(other.pick)];
  if (!g.same_country) {
    // A place near a neighbouring country the article names ("Gaza" with Israel
    // and Egypt): country points are central, hence the wider radius.
    if (fo.is_country && !fe.is_country && !fo.continent) {
      g.near =
          kNearCountryWeight * std::exp(-DistanceKm(e.lat, e.lon, fe.cos_lat,
                                                    o.lat, o.lon, fo.cos_lat) /
                                        kNearCountryKm);
    }
    return;
  }
  if (!fo.is_country && !fe.is_country) {
    g.near = std::exp(
        -DistanceKm(e.lat, e.lon, fe.cos_lat, o.lat, o.lon, fo.cos_lat) /
        kNearKm);
  }
}

// Picks a reading for every slot, each in the context of the others. Kept as
// one function: its priors, agreements and the iteration to a fixed point share
// per-slot arrays that would otherwise pass between every step.
void ResolveJointly(std::vector<NameSlot>& slots, const Evidence& ev) {
  for (NameSlot& s : slots) {
    s.prior.resize(s.candidates.size());
    for (size_t c = 0; c < s.candidates.size(); ++c) {
      const GazetteerEntry& e = s.candidates[c];
      double p = Prior(e) + NameBonus(e, s.key);
      if (ev.dateline) {
        const DatelineReading& d = *ev.dateline;
        if (e.country == d.country) {
          p += kDatelineCountry;
          if (!d.admin1.empty() && e.admin1 == d.admin1) p += kDatelineAdmin1;
        }
        if (!d.is_country && !IsCountry(e)) {
          p += kDatelineNear *
               std::exp(-DistanceKm(e.lat, e.lon, d.lat, d.lon) / kNearKm);
        }
      }
      if (ev.actor_countries.count(e.country)) p += kActorCountry;
      if (ev.home && !IsCountry(e) && e.country == ev.home->first) {
        p += kHomeCountry;
        if (e.admin1 == ev.home->second) p += kHomeAdmin1;
      }
      s.prior[c] = p;
    }
    s.pick = s.candidates.empty()
                 ? -1
                 : static_cast<int>(
                       std::max_element(s.prior.begin(), s.prior.end()) -
                       s.prior.begin());
  }
  if (slots.size() < 2) return;
  const size_t n = slots.size();
  std::vector<std::vector<CandidateFacts>> facts(n);
  size_t cells = 0;
  for (size_t i = 0; i < n; ++i) {
    for (const GazetteerEntry& e : slots[i].candidates)
      facts[i].push_back(FactsOf(e));
    cells += slots[i].candidates.size() * n;
  }
  // Rounds after the first see mostly the same readings, so each candidate's
  // agreement with each other slot is kept (agreement[i][c * n + j]) and
  // recomputed only for the slots whose reading changed: distances were most of
  // the resolver's time. The aggregate over the slots (a count, an any, a
  // maximum) is the same whatever was recomputed. Articles with very many names
  // and candidates recompute everything rather than hold a table that large.
  const bool keep = cells <= kMaxKeptAgreements;
  std::vector<std::vector<Agreement>> agreement(keep ? n : 0);
  if (keep) {
    for (size_t i = 0; i < n; ++i)
      agreement[i].resize(slots[i].candidates.size() * n);
  }
  std::vector<Agreement> scratch(keep ? 0 : n);
  std::vector<int> computed(n, kNoReading);  // the reading of slot j its
                                             // agreements were computed against
  for (int round = 0; round < kRounds; ++round) {
    std::vector<int> next(n, -1);
    bool changed = false;
    for (size_t i = 0; i < n; ++i) {
      NameSlot& s = slots[i];
      if (s.candidates.empty()) continue;
      double best = -1e300;
      for (size_t c = 0; c < s.candidates.size(); ++c) {
        const GazetteerEntry& e = s.candidates[c];
        double score = s.prior[c];
        int same_country = 0;
        bool same_admin1 = false;
        double near = 0;
        // The country and region parts first; the distances only when the
        // candidate can still win. Distances are non-negative, so near <= 1 and
        // the score is at most `score` + kOtherNear (rounding is monotonic): a
        // candidate whose bound is below the best so far cannot be picked, and
        // skipping its distances changes nothing.
        Agreement* row = keep ? &agreement[i][c * n] : scratch.data();
        for (size_t j = 0; j < n; ++j) {
          if (j == i) continue;
          if (!keep || computed[j] != slots[j].pick)
            row[j] = Agree(e, facts[i][c], slots[j], facts[j]);
          if (row[j].same_country) ++same_country;
          if (row[j].same_admin1) same_admin1 = true;
        }
        score += kOtherCountry * std::min(same_country, 3);
        if (same_admin1) score += kOtherAdmin1;
        if (score + kOtherNear < best) continue;
        for (size_t j = 0; j < n; ++j) {
          if (j == i) continue;
          if (!row[j].near_known)
            AgreeNear(e, facts[i][c], slots[j], facts[j], row[j]);
          near = std::max(near, row[j].near);
        }
        score += kOtherNear * near;
        if (score > best) {
          best = score;
          next[i] = static_cast<int>(c);
        }
      }
    }
    for (size_t i = 0; i < n; ++i) {
      computed[i] = slots[i].pick;
      if (next[i] != slots[i].pick) changed = true;
      slots[i].pick = next[i];
    }
    if (!changed) break;
  }
}

// Second-level divisions ("Laurel County") that the gazetteer lacks are placed
// where the article's other places say: at the same-named place of the region
// the article is about, or failing that at the article's most local other
// place. Precision "admin2" says the position stands for a county-sized area.
void ResolveCounties(std::vector<NameSlot>& slots, const Gazetteer& gazetteer) {
  for (NameSlot& s : slots) {
    if (s.pick >= 0) continue;
    const std::string_view stem = CountyStem(s.key);
    if (stem.empty()) continue;
    // The region most of the article's other sub-national places are in.
    std::map<std::pair<std::string_view, std::string_view>, int> regions;
    for (const NameSlot& o : slots) {
      if (o.pick < 0 || &o == &s) continue;
      const GazetteerEntry& e = o.candidates[static_cast<size_t>(o.pick)];
      if (IsCountry(e) || e.admin1.empty()) continue;
      ++regions[{e.country, e.admin1}];
    }
    if (regions.empty()) continue;
    const auto region = std::max_element(regions.begin(), regions.end(),
                                         [](const auto& a, const auto& b) {
                                           return a.second < b.second;
                                         })
                            ->first;
    std::optional<GazetteerEntry> place;
    for (const GazetteerEntry& c : gazetteer.LookupEntries(stem)) {
      if (c.country == region.first && c.admin1 == region.second &&
          c.precision == PlacePrecision::kPoint) {
        place = c;  // most populous first
        break;
      }
    }
    if (!place) {
      for (const NameSlot& o : slots) {
        if (o.pick < 0 || &o == &s) continue;
        const GazetteerEntry& e = o.candidates[static_cast<size_t>(o.pick)];
        if (e.precision != PlacePrecision::kPoint ||
            e.country != region.first || e.admin1 != region.second)
          continue;
        if (!place || e.population < place->population) place = e;
      }
    }
    if (!place) continue;
    place->name = s.display;
    place->geonameid = 0;
    place->precision = PlacePrecision::kAdmin2;
    s.candidates.push_back(*place);
    s.prior.push_back(0);
    s.pick = static_cast<int>(s.candidates.size() - 1);
  }
}

// A region that shares its name with a city inside it ("Baghdad", "Erbil"
// governorates) is rarely what the bare name means: the city is.
void DropRegionsNamedAfterTheirCity(std::vector<GazetteerEntry>& candidates) {
  std::erase_if(candidates, [&](const GazetteerEntry& region) {
    if (region.precision != PlacePrecision::kAdmin1) return false;
    // A national capital of the same name is what the bare name means in news
    // ("Washington" the capital, not the state).
    if (std::any_of(candidates.begin(), candidates.end(),
                    [&](const GazetteerEntry& c) {
                      return c.feature_code == kCapitalCode && c.primary_name &&
                             c.country == region.country;
                    })) {
      return true;
    }
    // Only a seat that carries the name as its own counts: a town of the region
    // that merely lists the name as an alternate ("Minneota" for Minnesota,
    // "New York City" for New York) leaves the region in.
    return std::any_of(
        candidates.begin(), candidates.end(), [&](const GazetteerEntry& c) {
          return c.precision == PlacePrecision::kPoint && c.primary_name &&
                 c.country == region.country && c.admin1 == region.admin1 &&
                 (c.feature_code == kAdmin1SeatCode ||
                  c.feature_code == kCapitalCode ||
                  c.feature_code == kAdmin2SeatCode);
        });
  });
}

// A country's or continent's own name ("Mexico", "Africa") does not denote a
// place that merely lists it as an alternate name (Mexico City, Mahdia).
void DropAliasesOfCountryNames(std::vector<GazetteerEntry>& candidates,
                               const std::string& key) {
  const bool country_named = std::any_of(
      candidates.begin(), candidates.end(), [&](const GazetteerEntry& c) {
        return IsCountry(c) && c.primary_name && !c.demonym &&
               where_internal::NormalizesTo(c.name, key);
      });
  if (!country_named) return;
  std::erase_if(candidates, [](const GazetteerEntry& c) {
    return !c.primary_name && !c.demonym && !IsCountry(c);
  });
}

// A name that is a first-level region's own name and only an alias of its
// country
// ("England", "Scotland" for the United Kingdom) means the region: writers who
// mean the whole country have its own name at hand.
void DropCountriesAliasedByTheirRegion(std::vector<GazetteerEntry>& candidates,
                                       const std::string& key) {
  std::erase_if(candidates, [&](const GazetteerEntry& country) {
    if (!IsCountry(country) || country.demonym ||
        country.feature_code == kContinentCode ||
        where_internal::NormalizesTo(country.name, key)) {
      return false;
    }
    return std::any_of(
        candidates.begin(), candidates.end(), [&](const GazetteerEntry& c) {
          return c.feature_code == kAdmin1Code && c.primary_name &&
                 c.country == country.country &&
                 where_internal::NormalizesTo(c.name, key);
        });
  });
}

std::string StripEdges(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
    s.remove_suffix(1);
  return std::string(s);
}

// Splits "ERBIL, Iraq (Reuters) -" into the place ("ERBIL") and qualifiers
// ("Iraq").
std::vector<std::string> SplitDateline(std::string_view dateline) {
  std::string text(dateline);
  for (const char* cut : {"(", " - ", " — ", " – ", "--"}) {
    const size_t pos = text.find(cut);
    if (pos != std::string::npos) text.erase(pos);
  }
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = text.find(',', start);
    const std::string part = StripEdges(std::string_view(text).substr(
        start, comma == std::string::npos ? std::string::npos : comma - start));
    if (!part.empty()) parts.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return parts;
}

// Words looked up once per token of a text.
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

const WordSet& Titles() {
  static const auto* titles = new WordSet{
      "mr",        "mrs",       "ms",          "miss",      "dr",
      "president", "gen",       "general",     "sen",       "senator",
      "rep",       "gov",       "governor",    "minister",  "king",
      "queen",     "prince",    "princess",    "sheikh",    "pope",
      "judge",     "justice",   "lt",          "col",       "colonel",
      "capt",      "captain",   "sgt",         "sergeant",  "maj",
      "major",     "prof",      "professor",   "rev",       "reverend",
      "lord",      "lady",      "sir",         "dame",      "imam",
      "ayatollah", "mullah",    "chairman",    "secretary", "commander",
      "officer",   "spokesman", "spokeswoman", "coach",     "pastor",
      "father",    "mayor",     "chief",       "deputy",    "detective",
      "sheriff",   "trooper",   "attorney",    "adm",       "admiral",
      "cpl",       "pvt",       "brig",        "mp",        "emir",
      "sultan",    "saint"};
  return *titles;
}

const WordSet& Connectors() {
  static const auto* words = new WordSet{
      "of", "de",   "del", "della", "di",  "la",  "le", "les", "al",
      "el", "upon", "on",  "du",    "des", "da",  "do", "dos", "das",
      "y",  "and",  "the", "am",    "an",  "sur", "en", "im"};
  return *words;
}

// Arabic articles written before a hyphen ("al-Anbar", "as-Sulaymaniyah").
const WordSet& ArabicArticles() {
  static const auto* words =
      new WordSet{"al",  "el", "as",  "ad",  "an", "ar", "at",
                  "ash", "az", "ath", "adh", "ag", "ul"};
  return *words;
}

const WordSet& Locatives() {
  static const auto* words = new WordSet{
      "in",      "at",         "near",   "from",    "to",     "outside",
      "across",  "around",     "into",   "towards", "toward", "via",
      "through", "throughout", "inside", "between", "of"};
  return *words;
}

// Compass and size words that may stand before a place name ("northern Iraq").
const WordSet& Modifiers() {
  static const auto* words = new WordSet{
      "north",        "south",        "east",         "west",
      "northern",     "southern",     "eastern",      "western",
      "central",      "northeast",    "northwest",    "southeast",
      "southwest",    "northeastern", "northwestern", "southeastern",
      "southwestern", "greater",      "upper",        "lower",
      "downtown",     "rural",        "new"};
  return *words;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The token's word with a trailing period removed, lower case ("Gen." ->
// "gen"): a view of its norm, which is lower case already (asked of many tokens
// of every text), or, for a token without one, of a copy that the next call on
// the thread overwrites.
std::string_view Bare(const AnalyzedText& a, size_t i) {
  std::string_view w = a.tokens[i].norm;
  if (w.empty()) {
    thread_local std::string lowered;
    lowered = Lower(a.TokenText(i));
    w = lowered;
  }
  while (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w;
}

// What a word written after a name says the name is.
enum class Designation { kNone, kRegion, kDistrict, kPlace };

Designation DesignationOf(std::string_view word) {
  static const auto* regions =
      new WordSet{"state",      "province", "region",      "governorate",
                  "department", "oblast",   "prefecture",  "emirate",
                  "canton",     "krai",     "voivodeship", "wilaya"};
  static const auto* districts =
      new WordSet{"district",     "county",    "municipality", "subdistrict",
                  "sub-district", "tehsil",    "taluk",        "taluka",
                  "commune",      "municipio", "parish",       "division"};
  static const auto* places =
      new WordSet{"town",       "city",     "village",       "villages",
                  "township",   "area",     "neighbourhood", "neighborhood",
                  "settlement", "locality", "camp",          "market"};
  if (regions->count(word)) return Designation::kRegion;
  if (districts->count(word)) return Designation::kDistrict;
  if (places->count(word)) return Designation::kPlace;
  return Designation::kNone;
}

bool IsCapWord(const Token& t) {
  return t.kind == TokenKind::kWord && (t.capitalized || t.all_caps);
}

struct Match {
  size_t first = 0, last = 0;  // tokens [first, last)
  std::string key;             // normalised surface
  bool demonym_only = false;
};

// Where each token's sentence starts, for recognition.
struct SentenceStarts {
  std::vector<size_t> start;   // the first token of each token's sentence
  std::vector<bool> is_start;  // the token opens a sentence

  // Quotes or brackets may open a sentence: the first word after them counts as
  // first.
  bool FirstWord(const AnalyzedText& a, size_t i) const {
    size_t j = start[i];
    while (j < i && a.tokens[j].kind != TokenKind::kWord) ++j;
    return j == i || is_start[i];
  }
};

SentenceStarts SentenceStartsOf(const AnalyzedText& a) {
  SentenceStarts out;
  out.start.assign(a.tokens.size(), 0);
  out.is_start.assign(a.tokens.size(), false);
  for (const Sentence& s : a.sentences) {
    for (size_t i = s.first_token; i < s.last_token && i < a.tokens.size(); ++i)
      out.start[i] = s.first_token;
    if (s.first_token < a.tokens.size()) out.is_start[s.first_token] = true;
  }
  if (a.sentences.empty() && !a.tokens.empty()) out.is_start[0] = true;
  return out;
}

// Recognition's first step: at each capitalised word (or Arabic article glued
// to one), the longest run of up to kMaxSpanTokens words that the gazetteer
// knows; the tokens matched are marked in `in_match`.
std::vector<Match> KnownSpans(Lookups& lookups, const AnalyzedText& a,
                              const SentenceStarts& sentences,
                              std::vector<bool>* in_match) {
  const std::vector<size_t>& sentence_start = sentences.start;
  auto lookup = [&](std::string_view surface) {
    return lookups.Capped(surface);
  };
  auto glued = [&](size_t i) {
    return i > 0 && a.tokens[i].start == a.tokens[i - 1].end;
  };

  std::vector<Match> matches;
  in_match->assign(a.tokens.size(), false);
  std::vector<size_t>
      ends;  // candidate exclusive ends of a span, in growing order
  for (size_t i = 0; i < a.tokens.size();) {
    const Token& t = a.tokens[i];
    bool can_start = IsCapWord(t);
    // "al-Anbar": a lower-case article glued by a hyphen to a capitalised word.
    // (The word is tested last: Bare allocates, and most lower-case words are
    // no article.)
    if (!can_start && t.kind == TokenKind::kWord && i + 2 < a.tokens.size() &&
        a.TokenText(i + 1) == "-" && glued(i + 1) && glued(i + 2) &&
        IsCapWord(a.tokens[i + 2]) && ArabicArticles().count(Bare(a, i))) {
      can_start = true;
    }
    if (!can_start) {
      ++i;
      continue;
    }
    // Longest known span starting here.
    ends.clear();
    size_t words = 0;
    for (size_t j = i; j < a.tokens.size() && words < kMaxSpanTokens; ++j) {
      const Token& u = a.tokens[j];
      if (j > i && sentence_start[j] != sentence_start[i]) break;
      if (u.kind == TokenKind::kWord) {
        if (j > i && !IsCapWord(u) && !Connectors().count(Bare(a, j)) &&
            !(glued(j) && a.TokenText(j - 1) == "-")) {
          break;
        }
        ++words;
        if (IsCapWord(u) || (glued(j) && j > i && a.TokenText(j - 1) == "-"))
          ends.push_back(j + 1);
      } else if (u.kind == TokenKind::kPunct) {
        const std::string_view p = a.TokenText(j);
        const bool hyphen = p == "-" && glued(j) && j + 1 < a.tokens.size() &&
                            a.tokens[j + 1].start == u.end;
        // "St. Louis", "W.Va.", "Ky.": a period glued to a short capitalised
        // word.
        const bool abbrev_dot =
            p == "." && glued(j) && a.tokens[j - 1].kind == TokenKind::kWord &&
            IsCapWord(a.tokens[j - 1]) &&
            a.tokens[j - 1].end - a.tokens[j - 1].start <= 4;
        if (!hyphen && !abbrev_dot) break;
        if (abbrev_dot) ends.push_back(j + 1);
      } else {
        break;
      }
    }
    bool found = false;
    for (auto e = ends.rbegin(); e != ends.rend(); ++e) {
      const size_t end = *e;
      const std::string_view surface = a.text.substr(
          a.tokens[i].start, a.tokens[end - 1].end - a.tokens[i].start);
      const std::span<const GazetteerEntry> cands = lookup(surface);
      // A bare county stem ("Clarke", "Henry") is mostly a person's name: taken
      // as a place only with its suffix ("Clarke County").
      if (std::all_of(cands.begin(), cands.end(), [](const GazetteerEntry& c) {
            return c.feature_code == kAdmin2Code && !c.primary_name;
          })) {
        continue;
      }
      // A final period belongs to the name only when the dotted form is what
      // matched
      // ("Ky."), not when it ends the sentence ("... in Iraq.").
      if (surface.ends_with('.') &&
          lookup(surface.substr(0, surface.size() - 1)).size() == cands.size())
        continue;
      Match m;
      m.first = i;
      m.last = end;
      m.key = std::string(surface);
      m.demonym_only =
          std::all_of(cands.begin(), cands.end(),
                      [](const GazetteerEntry& c) { return c.demonym; });
      matches.push_back(std::move(m));
      for (size_t k = i; k < end; ++k) (*in_match)[k] = true;
      i = end;
      found = true;
      break;
    }
    if (!found) ++i;
  }
  return matches;
}

// Words written right after a capitalised word that is no place and not a
// modifier
// ("Gordon Brown"): surnames, for the person rule of LooksLikePlace.
WordSet Surnames(const AnalyzedText& a, const SentenceStarts& sentences,
                 const std::vector<bool>& in_match) {
  WordSet surnames;
  for (size_t i = 1; i < a.tokens.size(); ++i) {
    if (!IsCapWord(a.tokens[i]) || !IsCapWord(a.tokens[i - 1]) ||
        in_match[i - 1] || sentences.FirstWord(a, i))
      continue;
    if (a.tokens[i].start != a.tokens[i - 1].end + 1 ||
        Modifiers().count(Bare(a, i - 1)))
      continue;
    if (Titles().count(Bare(a, i - 1)) ||
        (i + 1 < a.tokens.size() && IsCapWord(a.tokens[i + 1])))
      continue;
    surnames.insert(where_internal::NormalizePlaceName(a.TokenText(i)));
  }
  return surnames;
}

// Words the article itself writes in lower case are common words here
// ("reading"). Only one-word matches ask, so rather than a set of every
// lower-case word, the keys of those matches are looked for among the
// lower-case words, with a filter on length and first letter that rejects most
// words before they are hashed. Each match's normalised key goes to `keys` (i
// for matches[i]); the result views the tokens' norms.
std::unordered_set<std::string_view, StringHash> WrittenInLowerCase(
    const AnalyzedText& a, const std::vector<Match>& matches,
    std::vector<std::string>* keys_out) {
  std::vector<std::string>& keys = *keys_out;
  keys.assign(matches.size(), std::string());
  std::unordered_set<std::string_view, StringHash> wanted, written;
  {
    uint64_t lengths = 0;
    std::bitset<256> firsts;
    for (size_t n = 0; n < matches.size(); ++n) {
      keys[n] = where_internal::NormalizePlaceName(matches[n].key);
      if (matches[n].last - matches[n].first != 1) continue;
      wanted.insert(keys[n]);
      lengths |= uint64_t{1} << std::min<size_t>(keys[n].size(), 63);
      if (!keys[n].empty()) firsts.set(static_cast<unsigned char>(keys[n][0]));
    }
    for (const Token& t : a.tokens) {
      if (wanted.empty()) break;
      if (t.kind != TokenKind::kWord || t.capitalized || t.all_caps) continue;
      if (!(lengths & (uint64_t{1} << std::min<size_t>(t.norm.size(), 63))))
        continue;
      if (!t.norm.empty() &&
          !firsts.test(static_cast<unsigned char>(t.norm[0])))
        continue;
      if (wanted.count(t.norm)) written.insert(t.norm);
    }
  }
  return written;
}

// What recognition knows of the whole text when it judges one match.
struct RecognitionContext {
  const Gazetteer& gazetteer;
  Lookups& lookups;
  const AnalyzedText& a;
  const SentenceStarts& sentences;
  const std::vector<bool>& in_match;  // tokens inside a known span
  const WordSet& surnames;
  const std::unordered_set<std::string_view, StringHash>&
      written;  // keys also written in lower case
};

// Recognition's last step: whether known span `m` (normalised key `key`) looks
// like a place where it stands, rather than a common word, part of a person's
// name or an acronym.
bool LooksLikePlace(const RecognitionContext& ctx, const Match& m,
                    const std::string& key) {
  const AnalyzedText& a = ctx.a;
  const SentenceStarts& sentences = ctx.sentences;
  const size_t i = m.first;
  const bool single = m.last - m.first == 1;
  const bool sentence_initial = sentences.FirstWord(a, i);
  const std::string prev = i > 0 ? std::string(Bare(a, i - 1)) : std::string();
  const bool prev_is_word = i > 0 && a.tokens[i - 1].kind == TokenKind::kWord;
  if (!m.demonym_only) {
    // A title before the name makes it a person's ("President Jordan", "Mr.
    // Paris").
    size_t p = i;
    if (p > 0 && a.TokenText(p - 1) == ".") --p;
    if (p > 0 && a.tokens[p - 1].kind == TokenKind::kWord &&
        Titles().count(Bare(a, p - 1)) && IsCapWord(a.tokens[p - 1])) {
      return false;
    }
    // Inside a longer capitalised name that is not a place ("George
    // Washington").
    if (prev_is_word && IsCapWord(a.tokens[i - 1]) && !ctx.in_match[i - 1] &&
        !sentences.FirstWord(a, i - 1) && !Modifiers().count(prev)) {
      return false;
    }
  }
  const bool common =
      ctx.gazetteer.IsCommonWord(m.key) || (single && ctx.written.count(key));
  const bool locative =
      prev_is_word && Locatives().count(prev) && !a.tokens[i - 1].capitalized;
  if (common && (sentence_initial || !locative)) return false;
  // One- and two-letter words ("Ma", "Al") are places only as codes in capitals
  // ("UK" is a country through the exact-case name list, not through here).
  if (single && m.key.size() <= 2 && !a.tokens[i].all_caps && !locative)
    return false;
  const std::span<const GazetteerEntry> cands = ctx.lookups.Capped(m.key);
  // A name that is only some small place's alternate name ("Thursday" for
  // Thursday Island, "FDA") is rarely meant as that place; a locative cue still
  // lets it in, and so does a prominent place's alternate name ("Irbil").
  if (!m.demonym_only && !locative &&
      std::none_of(cands.begin(), cands.end(), [](const GazetteerEntry& c) {
        return c.primary_name || c.demonym ||
               c.population >= kProminentPopulation;
      })) {
    return false;
  }
  // Short capitals ("UN", "FDA") are acronyms unless they name a country or
  // region.
  if (single && a.tokens[i].all_caps && m.key.size() <= 4 &&
      std::none_of(cands.begin(), cands.end(), [](const GazetteerEntry& c) {
        return c.precision != PlacePrecision::kPoint;
      })) {
    return false;
  }
  // A person: one word followed by a capitalised word that is no place ("David
  // Cameron"), or a surname the article also writes after a first name ("Gordon
  // Brown
  // ... Brown said").
  // (Prominent places keep their reading under their own name: "Dallas
  // Cowboys", "Baghdad Police"; an alias does not: "Bat" is Bath's, but "Bat
  // Galim" is no Bath.)
  const bool prominent =
      std::any_of(cands.begin(), cands.end(), [](const GazetteerEntry& c) {
        return c.precision != PlacePrecision::kPoint ||
               (c.population >= kProminentPopulation && c.primary_name);
      });
  if (single && !m.demonym_only && !prominent) {
    const size_t next = m.last;
    if (next < a.tokens.size() && IsCapWord(a.tokens[next]) &&
        !ctx.in_match[next] && sentences.start[next] == sentences.start[i] &&
        a.tokens[next].start == a.tokens[i].end + 1 &&
        DesignationOf(Bare(a, next)) == Designation::kNone) {
      return false;
    }
    if (ctx.surnames.count(key)) return false;
  }
  return true;
}

// Toponym recognition: capitalised spans the gazetteer knows, less what context
// says is not a place.
std::vector<Match> Recognize(const Gazetteer& gazetteer, Lookups& lookups,
                             const AnalyzedText& a) {
  const SentenceStarts sentences = SentenceStartsOf(a);
  std::vector<bool> in_match;
  const std::vector<Match> matches =
      KnownSpans(lookups, a, sentences, &in_match);
  const WordSet surnames = Surnames(a, sentences, in_match);
  std::vector<std::string> keys;
  const std::unordered_set<std::string_view, StringHash> written =
      WrittenInLowerCase(a, matches, &keys);
  const RecognitionContext ctx{gazetteer, lookups,  a,      sentences,
                               in_match,  surnames, written};
  std::vector<Match> kept;
  for (size_t n = 0; n < matches.size(); ++n) {
    if (LooksLikePlace(ctx, matches[n], keys[n])) kept.push_back(matches[n]);
  }
  return kept;
}

// Qualifiers written after a name: "Paris, Tenn.", "Athens, Ga.", "Erbil,
// Iraq", and the forms of conflict-event notes: "Carvajal, Trujillo state",
// "Nellore town (Nellore, AP)", "Kismayo (Kismayo, Lower Juba)". A qualifier is
// a run of up to 3 capitalised words (with glued abbreviation periods and "&":
// "Tenn.", "J&K") that names a first-level region or a country, or, after a
// comma, an ISO 3166-2 region code of a country the other words point to ("AP"
// in India: IN-AP). A word after a name or a qualifier says what it is:
// "state", "province", ... (a region), "district", "county", ... (a
// second-level division), "town", "village", ... (a place).
//
// Every occurrence of a name in the article shares its qualifiers (one place
// per name per article). Qualifiers in brackets listing two or more parts,
// qualifiers marked "state" and the like, and region codes are explicit: the
// writer says where the place is, so a reading elsewhere is never taken, and a
// name with no reading there (a town the gazetteer lacks) is placed at the
// qualifier itself: at the named district's place in that region (precision
// "admin2") or else at the region (precision "admin1"), geonameid 0. The
// designation word at token k (lower case), if any.
Designation DesignationAt(const AnalyzedText& a, size_t k) {
  if (k >= a.tokens.size() || a.tokens[k].kind != TokenKind::kWord ||
      a.tokens[k].capitalized || a.tokens[k].all_caps) {
    return Designation::kNone;
  }
  return DesignationOf(Bare(a, k));
}

struct QualifierPart {
  std::string surface;
  std::vector<std::string> shorter;  // the run's shorter prefixes, longest
                                     // first ("Texas Governor" -> "Texas")
  Designation designation = Designation::kNone;
  bool code =
      false;  // a short all-capital word: maybe an ISO 3166-2 region code
};

struct QualifierList {
  Designation own =
      Designation::kNone;  // the word right after the name ("town")
  bool bracketed = false;
  std::vector<QualifierPart> parts;
};

// Parses what follows a name whose last token is `last` (exclusive end index).
QualifierList ParseQualifiers(const AnalyzedText& a, size_t k) {
  QualifierList out;
  const size_t n = a.tokens.size();
  out.own = DesignationAt(a, k);
  if (out.own != Designation::kNone) ++k;
  if (k >= n) return out;
  const std::string_view sep = a.TokenText(k);
  if (sep != "," && sep != "(") return out;
  out.bracketed = sep == "(";
  ++k;
  const size_t max_parts = out.bracketed ? 3 : 2;
  while (k < n && out.parts.size() < max_parts) {
    if (!IsCapWord(a.tokens[k])) break;
    const size_t first = k;
    size_t words = 0;
    std::vector<size_t> ends;
    for (size_t j = k; j < n && words < 3; ++j) {
      const std::string_view t = a.TokenText(j);
      const bool glued = a.tokens[j].start == a.tokens[j - 1].end;
      if (a.tokens[j].kind == TokenKind::kWord && IsCapWord(a.tokens[j])) {
        ++words;
        ends.push_back(j + 1);
      } else if (t == "." && glued) {
        ends.push_back(j + 1);
      } else if (t == "&" && glued && j + 1 < n &&
                 a.tokens[j + 1].start == a.tokens[j].end) {
        continue;  // "J&K": the run goes on with the glued word
      } else {
        break;
      }
    }
    const size_t end = ends.back();
    auto surface_to = [&](size_t e) {
      return std::string(a.text.substr(
          a.tokens[first].start, a.tokens[e - 1].end - a.tokens[first].start));
    };
    QualifierPart part;
    part.surface = surface_to(end);
    for (auto e = ends.rbegin() + 1; e != ends.rend(); ++e)
      part.shorter.push_back(surface_to(*e));
    part.code = end == first + 1 && a.tokens[first].all_caps &&
                part.surface.size() <= 3;
    k = end;
    part.designation = DesignationAt(a, k);
    if (part.designation != Designation::kNone) ++k;
    out.parts.push_back(std::move(part));
    if (k < n && a.TokenText(k) == ",") {
      ++k;
      continue;
    }
    break;
  }
  if (out.bracketed && (k >= n || a.TokenText(k) != ")"))
    out.parts.clear();  // not a closed list
  return out;
}

// What the qualifiers after one name say.
struct NameQualifiers {
  std::vector<GazetteerEntry> regions;  // first-level regions and countries
  bool explicit_ = false;          // see above: never read the name elsewhere
  bool region_designated = false;  // "Trujillo state": the name is a region
  std::optional<GazetteerEntry>
      fallback;  // where the name goes without a reading
};
using Qualifiers = std::unordered_map<std::string, NameQualifiers>;

// The first-level regions and countries a qualifier part names.
std::vector<GazetteerEntry> RegionsNamed(
    const Gazetteer& gazetteer, Lookups& lookups, const QualifierPart& part,
    const std::set<std::string, std::less<>>& countries) {
  std::vector<GazetteerEntry> regions;
  if (part.designation == Designation::kDistrict ||
      part.designation == Designation::kPlace)
    return regions;
  std::vector<std::string> surfaces = {part.surface};
  // (A designation word follows the whole run, so only the whole run takes it.)
  if (part.designation == Designation::kNone)
    surfaces.insert(surfaces.end(), part.shorter.begin(), part.shorter.end());
  for (const std::string& surface : surfaces) {
    for (const GazetteerEntry& q : lookups.All(surface)) {
      if (q.demonym || (q.precision != PlacePrecision::kAdmin1 &&
                        q.precision != PlacePrecision::kCountry))
        continue;
      if (q.feature_code != kAdmin1Code && !IsCountry(q)) continue;
      if (part.designation == Designation::kRegion && IsCountry(q)) continue;
      regions.push_back(q);
    }
    if (!regions.empty()) break;
  }
  if (regions.empty() && part.code) {
    for (const std::string& country : countries) {
      if (std::optional<GazetteerEntry> r =
              gazetteer.Subdivision(country + "-" + part.surface))
        regions.push_back(*r);
    }
  }
  return regions;
}

// `context_countries` (ISO2: the dateline's and the actors' countries) help
// read region codes when neither the name nor the other parts are in the
// gazetteer.
Qualifiers QualifiersOf(
    const Gazetteer& gazetteer, Lookups& lookups, const AnalyzedText& a,
    const std::vector<Span>& spans, const std::vector<std::string>& names,
    const std::set<std::string, std::less<>>& context_countries) {
  Qualifiers out;
  for (size_t n = 0; n < spans.size(); ++n) {
    // The first token at or after the span's end (tokens are in text order).
    const size_t k = static_cast<size_t>(
        std::partition_point(
            a.tokens.begin(), a.tokens.end(),
            [&](const Token& t) { return t.start < spans[n].end; }) -
        a.tokens.begin());
    const QualifierList list = ParseQualifiers(a, k);
    const std::string key = where_internal::NormalizePlaceName(names[n]);
    if (list.own == Designation::kRegion) out[key].region_designated = true;
    if (list.parts.empty()) continue;
    // Countries the name and the parts point to, for region codes.
    std::set<std::string, std::less<>> countries = context_countries;
    for (const GazetteerEntry& c : lookups.All(names[n]))
      countries.emplace(c.country);
    for (const QualifierPart& p : list.parts) {
      if (p.code) continue;
      for (const GazetteerEntry& c : lookups.All(p.surface))
        countries.emplace(c.country);
    }
    countries.erase("");
    std::vector<GazetteerEntry> regions;
    bool explicit_ = list.bracketed && list.parts.size() >= 2;
    for (size_t i = 0; i < list.parts.size(); ++i) {
      const QualifierPart& p = list.parts[i];
      // A lone code in brackets is a news agency's ("Washington (AP)"), not a
      // region.
      if (p.code && list.bracketed && i == 0) continue;
      std::vector<GazetteerEntry> named =
          RegionsNamed(gazetteer, lookups, p, countries);
      if (named.empty()) continue;
      if (p.designation == Designation::kRegion ||
          (p.code && named.size() == 1))
        explicit_ = true;
      for (GazetteerEntry& q : named) regions.push_back(std::move(q));
    }
    if (regions.empty()) continue;
    NameQualifiers& q = out[key];
    q.explicit_ = q.explicit_ || explicit_;
    if (!explicit_) {
      for (GazetteerEntry& r : regions) q.regions.push_back(std::move(r));
      continue;
    }
    // Explicit: the fallback is the named district's place in the region, else
    // the region (the first named).
    const auto region =
        std::find_if(regions.begin(), regions.end(),
                     [](const GazetteerEntry& r) { return !IsCountry(r); });
    const GazetteerEntry& where =
        region != regions.end() ? *region : regions.front();
    std::optional<GazetteerEntry> fallback;
    if (!IsCountry(where)) {
      for (const QualifierPart& p : list.parts) {
        if (p.code || p.designation == Designation::kRegion ||
            p.designation == Designation::kPlace)
          continue;
        for (const GazetteerEntry& c : lookups.All(p.surface)) {
          if (c.precision != PlacePrecision::kPoint ||
              c.country != where.country || c.admin1 != where.admin1) {
            continue;
          }
          fallback = c;  // most populous first
          fallback->precision = PlacePrecision::kAdmin2;
          break;
        }
        if (fallback) break;
      }
    }
    if (!fallback) fallback = where;
    fallback->name = names[n];
    fallback->geonameid = 0;
    fallback->primary_name = true;
    if (!q.fallback) q.fallback = fallback;
    for (GazetteerEntry& r : regions) q.regions.push_back(std::move(r));
  }
  return out;
}

// True when a qualifier says where `c` lies (same country and, for a region,
// same region), and `c` is not the qualifier itself.
bool AgreesWithQualifiers(const GazetteerEntry& c,
                          const std::vector<GazetteerEntry>& qualifiers) {
  return std::any_of(
      qualifiers.begin(), qualifiers.end(), [&](const GazetteerEntry& q) {
        if (q.country != c.country) return false;
        return IsCountry(q) || (!c.admin1.empty() && q.admin1 == c.admin1);
      });
}

// Conflict-event notes name towns the gazetteer lacks, with their district and
// region: "in Kavali town (Nellore, AP)", "in El Hatillo, Trujillo state". Such
// a capitalised run after a locative word, followed by explicit qualifiers, is
// a place name too.
std::vector<Match> QualifiedUnknowns(
    const Gazetteer& gazetteer, Lookups& lookups, const AnalyzedText& a,
    const std::vector<Match>& known,
    const std::set<std::string, std::less<>>& context_countries) {
  std::vector<bool> taken(a.tokens.size(), false);
  for (const Match& m : known) {
    for (size_t k = m.first; k < m.last; ++k) taken[k] = true;
  }
  std::vector<Match> out;
  for (size_t i = 1; i < a.tokens.size(); ++i) {
    if (taken[i] || !IsCapWord(a.tokens[i]) ||
        a.tokens[i - 1].kind != TokenKind::kWord ||
        a.tokens[i - 1].capitalized || !Locatives().count(Bare(a, i - 1))) {
      continue;
    }
    size_t end = i;
    while (end < a.tokens.size() && end - i < kMaxSpanTokens && !taken[end] &&
           (IsCapWord(a.tokens[end]) ||
            (end > i && a.tokens[end].kind == TokenKind::kWord &&
             Connectors().count(Bare(a, end)) && end + 1 < a.tokens.size() &&
             IsCapWord(a.tokens[end + 1])))) {
      ++end;
    }
    if (end == i) continue;
    Match m;
    m.first = i;
    m.last = end;
    m.key = std::string(a.text.substr(
        a.tokens[i].start, a.tokens[end - 1].end - a.tokens[i].start));
    const std::vector<std::string> names = {
        m.key};  // outlives `q`, whose fallback views it
    const Qualifiers q = QualifiersOf(
        gazetteer, lookups, a, {Span{a.tokens[i].start, a.tokens[end - 1].end}},
        names, context_countries);
    const auto it = q.find(where_internal::NormalizePlaceName(m.key));
    if (it == q.end() || !it->second.fallback) continue;
    out.push_back(std::move(m));
    i = end;
  }
  return out;
}

// The dateline's and the actors' countries (ISO2).
std::set<std::string, std::less<>> ContextCountries(const Evidence& ev) {
  std::set<std::string, std::less<>> out = ev.actor_countries;
  if (ev.dateline && !ev.dateline->country.empty())
    out.insert(ev.dateline->country);
  return out;
}

Evidence MakeEvidence(const PlaceResolver& resolver, const Gazetteer& gazetteer,
                      const PlaceContext& context) {
  Evidence ev;
  if (!context.dateline.empty()) {
    if (std::optional<PlaceMention> d = resolver.Resolve(
            context.dateline,
            PlaceContext{"", context.actor_countries, {}, {}})) {
      ev.dateline = DatelineReading{d->country, d->admin1, d->lat, d->lon,
                                    d->precision == PlacePrecision::kCountry};
    }
  }
  for (const std::string& iso3 : context.actor_countries) {
    if (std::optional<GazetteerEntry> c = gazetteer.Country(iso3))
      ev.actor_countries.emplace(c->country);
  }
  if (context.home) ev.home = {context.home->country, context.home->admin1};
  return ev;
}

std::vector<std::optional<PlaceMention>> ResolveNames(
    const Gazetteer& gazetteer, Lookups& lookups,
    const std::vector<std::string>& names, const Qualifiers& qualifiers,
    const Evidence& ev, const PlaceContext& context) {
  std::vector<NameSlot> slots;
  std::unordered_map<std::string, size_t, StringHash> index;
  std::vector<size_t> slot_of(names.size());
  auto add = [&](const std::string& name) -> size_t {
    std::string key = where_internal::NormalizePlaceName(name);
    // Exact-case phrases ("US") must keep their case: key them by the raw text.
    const std::string slot_key = key + '\x01' + name;
    auto [it, inserted] = index.emplace(slot_key, slots.size());
    if (inserted) {
      NameSlot s;
      s.key = key;
      s.display = name;
      const std::span<const GazetteerEntry> candidates = lookups.Capped(name);
      s.candidates.assign(candidates.begin(), candidates.end());
      const auto q = qualifiers.find(key);
      // ("Trujillo state" is the region even where its capital has its name.)
      if (q == qualifiers.end() || !q->second.region_designated)
        DropRegionsNamedAfterTheirCity(s.candidates);
      DropAliasesOfCountryNames(s.candidates, key);
      DropCountriesAliasedByTheirRegion(s.candidates, key);
      if (q != qualifiers.end()) {
        if (q->second.region_designated) {
          std::vector<GazetteerEntry> regions;
          for (const GazetteerEntry& c : s.candidates) {
            if (c.feature_code == kAdmin1Code) regions.push_back(c);
          }
          if (!regions.empty()) s.candidates = std::move(regions);
        }
        std::vector<GazetteerEntry> agreeing;
        for (const GazetteerEntry& c : s.candidates) {
          if (AgreesWithQualifiers(c, q->second.regions)) agreeing.push_back(c);
        }
        if (!agreeing.empty()) {
          s.candidates = std::move(agreeing);
        } else if (q->second.explicit_ && q->second.fallback) {
          s.candidates = {*q->second.fallback};
        }
      }
      slots.push_back(std::move(s));
    }
    return it->second;
  };
  for (size_t i = 0; i < names.size(); ++i) slot_of[i] = add(names[i]);
  for (const std::string& other : context.other_places) add(other);
  ResolveJointly(slots, ev);
  ResolveCounties(slots, gazetteer);
  std::vector<std::optional<PlaceMention>> out(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    const NameSlot& s = slots[slot_of[i]];
    if (s.pick >= 0)
      out[i] = s.candidates[static_cast<size_t>(s.pick)].ToPlace();
  }
  return out;
}

}  // namespace

std::vector<std::optional<PlaceMention>> PlaceResolver::ResolveAll(
    const std::vector<std::string>& names, const PlaceContext& context) const {
  Lookups lookups(gazetteer_);
  return ResolveNames(gazetteer_, lookups, names, {},
                      MakeEvidence(*this, gazetteer_, context), context);
}

std::optional<PlaceMention> PlaceResolver::Resolve(
    std::string_view name, const PlaceContext& context) const {
  std::vector<std::string> parts = SplitDateline(name);
  if (parts.empty()) return std::nullopt;
  if (parts.size() == 1) return ResolveAll({parts[0]}, context)[0];
  // "Paris, Texas" / "Erbil, Iraq": the qualifiers must agree with the reading.
  std::vector<GazetteerEntry> candidates = gazetteer_.LookupEntries(parts[0]);
  std::vector<GazetteerEntry> qualifiers;
  for (size_t i = 1; i < parts.size(); ++i) {
    for (GazetteerEntry& q : gazetteer_.LookupEntries(parts[i]))
      qualifiers.push_back(std::move(q));
  }
  std::vector<std::string> qualified_names;
  std::optional<PlaceMention> best;
  double best_score = -1e300;
  for (const GazetteerEntry& c : candidates) {
    bool agrees = false;
    for (const GazetteerEntry& q : qualifiers) {
      if (q.country != c.country) continue;
      if (IsCountry(q) || q.admin1 == c.admin1) agrees = true;
    }
    if (!agrees) continue;
    const double score = Prior(c);
    if (score > best_score) {
      best_score = score;
      best = c.ToPlace();
    }
  }
  if (best) return best;
  return ResolveAll({parts[0]}, context)[0];
}

std::vector<PlaceMention> PlaceResolver::FindPlaces(
    const AnalyzedText& a, const PlaceContext& context) const {
  std::vector<PlaceMention> out;
  std::optional<PlaceMention> dateline;
  if (!context.dateline.empty()) dateline = Resolve(context.dateline, context);
  const Evidence ev = MakeEvidence(*this, gazetteer_, context);
  const std::set<std::string, std::less<>> countries = ContextCountries(ev);
  // News text tries about one distinct surface per six tokens.
  Lookups lookups(gazetteer_, a.tokens.size() / 4);
  std::vector<Match> kept = Recognize(gazetteer_, lookups, a);
  for (Match& m : QualifiedUnknowns(gazetteer_, lookups, a, kept, countries))
    kept.push_back(std::move(m));
  std::sort(kept.begin(), kept.end(),
            [](const Match& x, const Match& y) { return x.first < y.first; });
  std::vector<std::string> names;
  std::vector<Span> spans;
  for (const Match& m : kept) {
    names.push_back(m.key);
    spans.push_back(Span{a.tokens[m.first].start, a.tokens[m.last - 1].end});
  }
  // The dateline takes part through the context (ResolveAll resolves it as
  // evidence).
  std::vector<std::optional<PlaceMention>> resolved = ResolveNames(
      gazetteer_, lookups, names,
      QualifiersOf(gazetteer_, lookups, a, spans, names, countries), ev,
      context);
  if (dateline) {
    PlaceMention d = *dateline;
    d.span = Span{0, 0};
    d.from_dateline = true;
    out.push_back(std::move(d));
  }
  for (size_t k = 0; k < kept.size(); ++k) {
    if (!resolved[k]) continue;
    PlaceMention p = *resolved[k];
    p.span = spans[k];
    p.from_dateline = false;
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::optional<PlaceMention>> PlaceResolver::ResolveSpans(
    const AnalyzedText& a, const std::vector<Span>& spans,
    const PlaceContext& context) const {
  std::vector<std::string> names;
  for (const Span& s : spans) {
    const size_t start = std::min(s.start, a.text.size());
    names.push_back(std::string(a.text.substr(
        start, std::min(s.end, a.text.size()) - std::min(start, s.end))));
  }
  // The places the recogniser finds outside the given spans are context too.
  PlaceContext with_text = context;
  Lookups lookups(gazetteer_);
  for (const Match& m : Recognize(gazetteer_, lookups, a)) {
    const Span found{a.tokens[m.first].start, a.tokens[m.last - 1].end};
    const bool overlaps =
        std::any_of(spans.begin(), spans.end(), [&](const Span& s) {
          return found.start < s.end && s.start < found.end;
        });
    if (!overlaps) with_text.other_places.push_back(m.key);
  }
  const Evidence ev = MakeEvidence(*this, gazetteer_, context);
  return ResolveNames(
      gazetteer_, lookups, names,
      QualifiersOf(gazetteer_, lookups, a, spans, names, ContextCountries(ev)),
      ev, with_text);
}

}  // namespace dateline
