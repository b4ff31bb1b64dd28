// dateline-gazetteer: compiles a GeoNames dump (cities500.txt, or the full
// allCountries.txt) and data/countries.txt into the binary gazetteer file that
// Gazetteer::Open memory-maps. See data/where/README.md.
//
// Exit codes: 0 success, 1 a build error (message on stderr), 2 a usage error.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "where/gazetteer_builder.h"

namespace {

constexpr char kUsage[] =
    "usage: dateline-gazetteer --geonames FILE --countries FILE --out FILE\n"
    "                          [--subdivisions FILE] [--admin1 FILE] "
    "[--regions FILE]\n"
    "                          [--common-words FILE]\n"
    "                          [--min-population N] [--quiet]\n"
    "\n"
    "Builds the Dateline gazetteer file from a GeoNames dump and a countries "
    "table.\n"
    "\n"
    "  --geonames FILE        GeoNames dump in its TSV format: cities500.txt, "
    "cities1000.txt,\n"
    "                         ... or allCountries.txt (populated places, "
    "countries, first- and\n"
    "                         second-level divisions, continents, regions, "
    "oceans and seas\n"
    "                         are kept)\n"
    "  --countries FILE       data/countries.txt (country names, demonyms, "
    "capitals, centroids)\n"
    "  --out FILE             gazetteer file to write (replaced atomically)\n"
    "  --subdivisions FILE    iso-codes iso_3166-2.json: first-level regions, "
    "placed at the middle\n"
    "                         of the range their places span (optional)\n"
    "  --admin1 FILE          data/where/admin1.txt: GeoNames codes and "
    "aliases of regions\n"
    "  --regions FILE         data/where/regions.txt: continents and regions "
    "(optional)\n"
    "  --country-points FILE  country reference points, preferred to the "
    "points of --countries:\n"
    "                         world-countries' countries.json, or a text file "
    "of lines\n"
    "                         'ISO2 | lat, lon'; a point outside the country's "
    "extent is\n"
    "                         ignored (optional)\n"
    "  --admin2 FILE          data/where/us_counties.txt: second-level "
    "divisions (optional)\n"
    "  --admin1-points PATH   region points, English names and GeoNames codes: "
    "the\n"
    "                         country-state-city-js package folder, or a text "
    "file of lines\n"
    "                         'ISO 3166-2 code | code or - | name | lat, lon' "
    "(optional)\n"
    "  --common-words FILE    data/where/common_words.txt: place names that "
    "are also common\n"
    "                         words (optional)\n"
    "  --min-population N     leave out populated places smaller than N "
    "(default 0)\n"
    "  --quiet                no progress on stderr\n"
    "  --help                 this text\n";

}  // namespace

int main(int argc, char** argv) {
  dateline::GazetteerBuildOptions options;
  options.verbose = true;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "dateline-gazetteer: %s needs a value\n%s",
                     argv[i], kUsage);
        std::exit(2);
      }
      *out = argv[++i];
    };
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg == "--geonames") {
      value(&options.geonames_file);
    } else if (arg == "--countries") {
      value(&options.countries_file);
    } else if (arg == "--out") {
      value(&options.output_file);
    } else if (arg == "--subdivisions") {
      value(&options.subdivisions_file);
    } else if (arg == "--regions") {
      value(&options.regions_file);
    } else if (arg == "--admin1") {
      value(&options.admin1_file);
    } else if (arg == "--country-points") {
      value(&options.country_points_file);
    } else if (arg == "--admin2") {
      value(&options.admin2_file);
    } else if (arg == "--admin1-points") {
      value(&options.admin1_points_file);
    } else if (arg == "--common-words") {
      value(&options.common_words_file);
    } else if (arg == "--min-population") {
      std::string n;
      value(&n);
      char* end = nullptr;
      options.min_population = std::strtol(n.c_str(), &end, 10);
      if (n.empty() || *end != '\0' || options.min_population < 0) {
        std::fprintf(stderr,
                     "dateline-gazetteer: --min-population needs a number >= "
                     "0, got '%s'\n",
                     n.c_str());
        return 2;
      }
    } else if (arg == "--quiet") {
      options.verbose = false;
    } else {
      std::fprintf(stderr, "dateline-gazetteer: unknown argument '%s'\n%s",
                   argv[i], kUsage);
      return 2;
    }
  }
  if (options.geonames_file.empty() || options.countries_file.empty() ||
      options.output_file.empty()) {
    std::fprintf(stderr,
                 "dateline-gazetteer: --geonames, --countries and --out are "
                 "required\n%s",
                 kUsage);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const dateline::Status status = dateline::BuildGazetteer(options);
  if (!status.ok()) {
    std::fprintf(stderr, "dateline-gazetteer: %s\n",
                 status.error().ToString().c_str());
    return 1;
  }
  if (options.verbose) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    std::fprintf(stderr, "dateline-gazetteer: done in %.1f s\n", seconds);
  }
  return 0;
}
