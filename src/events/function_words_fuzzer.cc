// libFuzzer target for the reader of data/events/function_words.txt (a file of
// the data folder, which a user may edit): any bytes must give the lists or an
// Error naming file and line, never a crash; lists that load must answer
// lookups. Inputs are capped so memory stays bounded.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "events/function_words.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 14)) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto words = dateline::ParseFunctionWords(text, "fuzz/function_words.txt");
  if (words.ok()) {
    (void)words->prepositions.Contains(text.substr(0, 8));
    (void)words->NumberWord(text.substr(0, 8));
  }
  return 0;
}
