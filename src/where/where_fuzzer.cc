// libFuzzer target for where's parsers of outside input: the countries table
// (countries_file.h) and the gazetteer file reader (a damaged or hostile gazetteer
// must give an Error, never a crash or an out-of-bounds read). The first byte picks
// the parser. Lookups are run on every image that opens.
#include <cstddef>
#include <cstdint>
#include <string>

#include "where/countries_file.h"
#include "where/gazetteer_image.h"
#include "where/name_normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > (1 << 20)) return 0;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  using namespace dateline::where_internal;
  switch (data[0] % 3) {
    case 0: {
      auto r = ParseCountries(input, "fuzz");
      (void)r;
      break;
    }
    case 1: {
      auto g = OpenImage(input, "fuzz");
      if (g.ok()) {
        (void)(*g)->LookupEntries("Paris");
        (void)(*g)->Country("IRQ");
        (void)(*g)->IsCommonWord("reading");
      }
      break;
    }
    default: {
      // Countries table -> image -> open: the writer's output must always read back.
      auto r = ParseCountries(input, "fuzz");
      if (!r.ok()) break;
      ImageInputs in;
      in.countries = std::move(r.value());
      in.capitals_as_country_aliases = true;
      auto image = BuildImage(in, nullptr);
      if (!image.ok()) break;
      auto g = OpenImage(image.value(), "fuzz");
      if (!g.ok()) __builtin_trap();
      for (const auto& c : in.countries) {
        if ((*g)->Lookup(c.names[0].text).empty() && !NormalizePlaceName(c.names[0].text).empty() &&
            !c.names[0].exact_case) {
          __builtin_trap();
        }
      }
      break;
    }
  }
  return 0;
}
