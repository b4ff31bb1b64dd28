// libFuzzer target for the TABARI/PETRARCH verb-dictionary reader: any bytes
// must give entries or an Error, never a crash. Inputs are capped so memory
// stays bounded.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "events/tabari_verbs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;
  std::vector<dateline::Error> skipped;
  auto blocks = dateline::ParseTabariVerbs(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.verbs",
      &skipped);
  (void)blocks;
  return 0;
}
