// The gazetteer builder: compiles GeoNames places, data/countries.txt and the
// optional region, point and word lists into the binary file that
// Gazetteer::Open maps (format at the top of gazetteer_builder.cc). Used by the
// dateline-gazetteer tool and by tests; the coding pipeline only reads
// gazetteers (where.h).
//
// BuildGazetteer is reproducible (the same inputs give the same bytes) and
// keeps no state between calls; calls writing different files may run
// concurrently.
#ifndef DATELINE_WHERE_GAZETTEER_BUILDER_H_
#define DATELINE_WHERE_GAZETTEER_BUILDER_H_

#include <string>

#include "core/error.h"

namespace dateline {

struct GazetteerBuildOptions {
  std::string
      geonames_file;  // GeoNames dump format: cities500.txt or allCountries.txt
  std::string countries_file;  // data/countries.txt
  std::string output_file;
  long min_population =
      0;  // places below this are left out (countries never are)
  // Optional inputs, skipped when empty.
  std::string subdivisions_file;  // iso-codes iso_3166-2.json: first-level
                                  // regions (admin1)
  std::string common_words_file;  // data/where/common_words.txt
  std::string regions_file;  // data/where/regions.txt: continents and regions
  std::string
      admin1_file;  // data/where/admin1.txt: admin1 code ties and aliases
  // The reference point of each country, preferred to countries.txt's point:
  // the npm package world-countries' countries.json (its `latlng`, the CIA
  // World Factbook's geographic coordinates) or a text file of "ISO2 | lat,
  // lon" lines. A point outside the country's extent (the box its GeoNames
  // places span, widened by 1.5 degrees) is ignored. GeoNames' own country rows
  // (allCountries.txt) are preferred to both.
  std::string country_points_file;
  // data/where/us_counties.txt: second-level divisions (state | county code |
  // name), placed at the middle of the GeoNames places carrying their codes.
  std::string admin2_file;
  // First-level regions' points, English names and GeoNames codes, for regions
  // the builder cannot tie or place itself: the npm package
  // country-state-city-js (its folder) or a text file of "ISO 3166-2 code |
  // code or - | name | lat, lon" lines. A region's point is its listed one or
  // the middle of its listed towns, whichever lies in the country's extent (as
  // for country points) and near the region's GeoNames places.
  std::string admin1_points_file;
  bool verbose = false;  // progress on stderr
};

// Builds a gazetteer file. Reproducible: the same inputs give the same bytes.
Status BuildGazetteer(const GazetteerBuildOptions& options);

}  // namespace dateline

#endif  // DATELINE_WHERE_GAZETTEER_BUILDER_H_
