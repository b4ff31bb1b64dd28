// Where: the gazetteer (GeoNames-derived places plus every country, compiled into one
// binary file that is memory-mapped) and toponym recognition and resolution in article
// text, using population, the article's dateline, other places in the article and the
// countries of its actors.
//
// A Gazetteer is immutable after Open and safe to share between threads; a
// PlaceResolver borrows its Gazetteer (which must outlive it) and is thread-safe.
#ifndef DATELINE_WHERE_WHERE_H_
#define DATELINE_WHERE_WHERE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/error.h"
#include "core/record.h"

namespace dateline {

class Gazetteer {
 public:
  // Memory-maps a gazetteer file written by BuildGazetteer.
  static Result<std::unique_ptr<Gazetteer>> Open(const std::string& path);
  // A gazetteer of countries only, built in memory from data/countries.txt; the
  // fallback when no gazetteer file has been built.
  static Result<std::unique_ptr<Gazetteer>> CountriesOnly(const std::string& countries_file);
  virtual ~Gazetteer() = default;

  // Candidate places for a name (case- and accent-insensitive), most populous first.
  virtual std::vector<PlaceMention> Lookup(std::string_view name) const = 0;
  virtual size_t size() const = 0;
};

struct GazetteerBuildOptions {
  std::string geonames_file;   // GeoNames dump format: cities500.txt or allCountries.txt
  std::string countries_file;  // data/countries.txt
  std::string output_file;
  long min_population = 0;     // places below this are left out (countries never are)
};

// Builds a gazetteer file. Reproducible: the same inputs give the same bytes.
Status BuildGazetteer(const GazetteerBuildOptions& options);

struct PlaceContext {
  std::string dateline;                     // Article::dateline, e.g. "Erbil"
  std::vector<std::string> actor_countries; // ISO 3166-1 alpha-3 codes of the actors found
};

class PlaceResolver {
 public:
  explicit PlaceResolver(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  // Toponyms in the analysed text, resolved; spans are offsets in analysed.text.
  // The dateline place, when resolved, comes first with from_dateline set and an
  // empty span.
  std::vector<PlaceMention> FindPlaces(const AnalyzedText& analysed,
                                       const PlaceContext& context) const;
  // Resolves one name (e.g. a dateline) in context; nullopt when unresolved.
  std::optional<PlaceMention> Resolve(std::string_view name, const PlaceContext& context) const;

 private:
  const Gazetteer& gazetteer_;
};

}  // namespace dateline

#endif  // DATELINE_WHERE_WHERE_H_
