// libFuzzer target for ingest: kind detection, encoding handling and JSON Lines.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  dateline::IngestOptions options;
  options.max_document_bytes = 1 << 20;
  size_t n = 0;
  for (const char* name : {"fuzz.jsonl", "fuzz.html", "fuzz"}) {
    dateline::ReadBytes(bytes, name, options, [&](dateline::Result<dateline::Document> d) {
      if (d.ok()) n += d->content.size();
    });
  }
  return n == static_cast<size_t>(-1);
}
