// libFuzzer target for the data-file reader every dictionary loader goes
// through.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/table_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto recs = dateline::ParseTable(text, "fuzz.txt", 1, 6);
  if (recs.ok()) {
    for (const auto& r : *recs) {
      for (const auto& f : r.fields) (void)dateline::SplitList(f);
    }
  }
  return 0;
}
