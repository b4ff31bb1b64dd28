// libFuzzer target for the TABARI/PETRARCH actor and agent dictionary reader:
// any bytes must give entries or an Error, never a crash. The first byte picks
// the format and, with the second, the report date on which every actor's code
// is then chosen.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "actors/tabari_actors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2 || size > (1 << 16)) return 0;
  const bool agents = data[0] & 1;
  dateline::PartialDate date;
  date.year = 1900 + (data[0] >> 1);
  date.month = 1 + data[1] % 12;
  date.day = 1 + data[1] % 28;
  auto entries = dateline::ParseTabariActors(
      std::string_view(reinterpret_cast<const char*>(data + 2), size - 2),
      "fuzz.actors", agents);
  if (!entries.ok()) return 0;
  size_t total = 0;
  for (const dateline::ConvertedActorEntry& e : *entries) {
    for (const dateline::TabariCode& c : e.codes) {
      for (const std::string& code : c.codes)
        total += dateline::ParseActorCode(code).Code().size();
    }
    for (const auto& when : {std::optional<dateline::PartialDate>(date),
                             std::optional<dateline::PartialDate>()}) {
      if (const dateline::TabariCode* c =
              dateline::ChooseTabariCode(e.codes, when))
        total += c->codes.size();
    }
  }
  (void)total;
  return 0;
}
