// libFuzzer target for the TABARI/PETRARCH actor and agent dictionary reader: any bytes
// must give entries or an Error, never a crash. The first byte picks the format.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "actors/tabari_actors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > (1 << 16)) return 0;
  const bool agents = data[0] & 1;
  auto entries = dateline::ParseTabariActors(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1),
                                             "fuzz.actors", agents);
  (void)entries;
  return 0;
}
