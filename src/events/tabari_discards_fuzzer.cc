// libFuzzer target for the TABARI/PETRARCH discard-list reader and matcher: any
// bytes must give a list or an Error, and matching the list against the same
// bytes must not crash. Inputs are capped so memory stays bounded.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "events/tabari_discards.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 14)) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto discards = dateline::ParseDiscards(text, "fuzz.discards");
  if (discards.ok()) {
    dateline::DiscardList list;
    list.Add(*discards);
    (void)list.Discarded(text, true);
    (void)list.Discarded(text, false);
  }
  return 0;
}
