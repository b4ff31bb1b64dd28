// libFuzzer target for the PETRARCH2 / TABARI validation-suite reader (XML
// through expat): any bytes must give a suite or an Error, never a crash.
// Inputs are capped so memory stays bounded.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "eval/validation_score.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;
  auto suite = dateline::ParseValidationSuite(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xml");
  (void)suite;
  return 0;
}
