// Where: the gazetteer (GeoNames-derived places plus every country, compiled
// into one binary file that is memory-mapped) and toponym recognition and
// resolution in article text, using population, the article's dateline, other
// places in the article and the countries of its actors.
//
// A Gazetteer is immutable after Open and safe to share between threads; a
// PlaceResolver borrows its Gazetteer (which must outlive it) and is
// thread-safe.
#ifndef DATELINE_WHERE_WHERE_H_
#define DATELINE_WHERE_WHERE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/error.h"
#include "core/record.h"

namespace dateline {

// One gazetteer entry as a candidate reading of a name, with what the resolver
// scores it by. Its strings view the gazetteer's bytes: they are valid as long
// as the Gazetteer that returned the entry, and copying an entry copies no text
// (recognition and resolution copy candidate lists around a great deal).
struct GazetteerEntry {
  std::string_view name;  // the gazetteer's name for the place
  std::string_view
      country;  // ISO 3166-1 alpha-2; empty for continents and regions
  std::string_view admin1;        // first-level region's name, when known
  std::string_view feature_code;  // GeoNames feature code: "PPLC", "PPLA",
                                  // "ADM1", "PCLI", ...
  double lat = 0, lon = 0;
  long geonameid = 0;  // 0 when not a GeoNames entry
  long population = 0;
  PlacePrecision precision = PlacePrecision::kPoint;
  char feature_class =
      0;  // GeoNames feature class: 'P' populated place, 'A' area, ...
  bool primary_name =
      false;  // the name looked up is the entry's own name, not an alias
  bool demonym = false;  // matched as a demonym ("Iraqi" -> Iraq)
  bool capital_alias =
      false;  // a capital's name standing for its country (countries-only)

  // The entry as a record's place: span empty, not from the dateline.
  PlaceMention ToPlace() const;
};

class Gazetteer {
 public:
  // Memory-maps a gazetteer file written by BuildGazetteer.
  static Result<std::unique_ptr<Gazetteer>> Open(const std::string& path);
  // A gazetteer of countries only, built in memory from data/countries.txt; the
  // fallback when no gazetteer file has been built.
  static Result<std::unique_ptr<Gazetteer>> CountriesOnly(
      const std::string& countries_file);
  virtual ~Gazetteer() = default;

  // Candidate places for a name (case- and accent-insensitive), most populous
  // first.
  virtual std::vector<PlaceMention> Lookup(std::string_view name) const;
  virtual size_t size() const = 0;

  // The same candidates as Lookup with their population, feature code and how
  // the name matched, most populous first. Phrases marked exact-case in
  // countries.txt ("US") match only when `name` has that case.
  virtual std::vector<GazetteerEntry> LookupEntries(
      std::string_view name) const = 0;
  // The country entry for an ISO 3166-1 alpha-2 or alpha-3 code ("IQ", "IRQ").
  virtual std::optional<GazetteerEntry> Country(
      std::string_view iso_code) const = 0;
  // The first-level region with an ISO 3166-2 code ("IN-AP", "VE-T"), when the
  // gazetteer has it (regions come from iso-codes' top-level subdivisions).
  virtual std::optional<GazetteerEntry> Subdivision(
      std::string_view iso_3166_2) const = 0;
  // True when `name` is listed as a common word that is also a place name
  // ("Reading", "Mobile"); such names are only taken as places where the
  // context supports it.
  virtual bool IsCommonWord(std::string_view name) const = 0;
  // Number of distinct lookup keys (names, aliases, demonyms).
  virtual size_t key_count() const = 0;
};

// A first-level region: ISO 3166-1 alpha-2 country and the region's name, as in
// PlaceMention.
struct HomeRegion {
  std::string country, admin1;
  bool operator==(const HomeRegion&) const = default;
};

// A publication's home region, learnt from the places its reports name: a
// decayed weight per first-level region of the sub-national places in each
// report (each distinct place once per report), over a bounded number of
// regions. A region is home when it holds a large enough share of a large
// enough weight. Add costs O(places in the report), Home O(1), and the memory
// is bounded whatever the number of reports.
class PublicationHome {
 public:
  // One more report's places, in the order the publication published them.
  void Add(const std::vector<PlaceMention>& places);
  const std::optional<HomeRegion>& Home() const { return home_; }

  // Older reports count less: each report's places weigh 1/kDecay times the
  // previous report's (a half-life of about 140 reports), so a site whose beat
  // moves follows it.
  static constexpr double kDecay = 0.995;
  static constexpr size_t kMaxRegions = 16;
  // A home needs this much weight (in places of the latest report), this share
  // of it in one region.
  static constexpr double kMinWeight = 3;
  static constexpr double kMinShare = 0.4;

 private:
  struct Tally {
    HomeRegion region;
    double weight = 0;
  };
  std::vector<Tally> regions_;
  double increment_ = 1;  // the weight of one place of the latest report
  double total_ = 0;  // of every place added, including regions since dropped
  std::optional<HomeRegion> home_;
};

struct PlaceContext {
  std::string dateline;  // Article::dateline, e.g. "Erbil"
  std::vector<std::string>
      actor_countries;  // ISO 3166-1 alpha-3 codes of the actors found
  // Other place names of the same article: readings that lie in the same
  // country or region as theirs, and near them, are preferred.
  std::vector<std::string> other_places;
  // The publication's home region, when its earlier reports gave it one
  // (PublicationHome): candidates in it are preferred, as much as the
  // dateline's country and region, since a local paper's bare names are local
  // ("Dublin" in a paper from central Ohio is Dublin, Ohio). Weaker than the
  // article's own places.
  std::optional<HomeRegion> home;
};

class PlaceResolver {
 public:
  explicit PlaceResolver(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  // Toponyms in the analysed text, resolved; spans are offsets in
  // analyzed.text. The dateline place, when resolved, comes first with
  // from_dateline set and an empty span.
  std::vector<PlaceMention> FindPlaces(const AnalyzedText& analyzed,
                                       const PlaceContext& context) const;
  // Resolves one name (e.g. a dateline) in context; nullopt when unresolved.
  std::optional<PlaceMention> Resolve(std::string_view name,
                                      const PlaceContext& context) const;
  // Resolves several names of one article jointly, each in the context of the
  // others (plus context.other_places); result i belongs to names[i].
  std::vector<std::optional<PlaceMention>> ResolveAll(
      const std::vector<std::string>& names, const PlaceContext& context) const;
  // Resolves given spans of the analysed text (byte offsets into
  // analyzed.text, e.g. gold toponym spans) with the text as context: the
  // places the recogniser finds elsewhere in it and qualifiers written after a
  // name ("Paris, Tenn."). Result i belongs to spans[i]; nullopt when
  // unresolved.
  std::vector<std::optional<PlaceMention>> ResolveSpans(
      const AnalyzedText& analyzed, const std::vector<Span>& spans,
      const PlaceContext& context) const;

  // Each name is read as its best-scoring candidate in context: population,
  // feature, agreement with the dateline, the actors' countries and the
  // article's other places, and a qualifier after it ("Paris, Tenn.");
  // place_resolver.cc gives the rules. A name with no candidate is unresolved
  // (Resolve returns nullopt, FindPlaces leaves it out), except a second-level
  // division the gazetteer lacks ("Laurel County"), placed by the article's
  // other places with precision "admin2" and geonameid 0. FindPlaces leaves out
  // names it does not believe are places (common words, parts of person names,
  // acronyms). ResolveSpans resolves exactly as FindPlaces does.

 private:
  const Gazetteer& gazetteer_;
};

}  // namespace dateline

#endif  // DATELINE_WHERE_WHERE_H_
