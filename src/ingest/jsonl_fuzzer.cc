// libFuzzer target for ingest: kind detection, encoding handling and JSON
// Lines, and a differential check of the two JSON record readers
// (json_record.h) on valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/utf8.h"
#include "ingest/ingest.h"
#include "ingest/json_record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  dateline::IngestOptions options;
  options.max_document_bytes = 1 << 20;
  size_t n = 0;
  for (const char* name : {"fuzz.jsonl", "fuzz.html", "fuzz"}) {
    dateline::ReadBytes(bytes, name, options,
                        [&](dateline::Result<dateline::Document> d) {
                          if (d.ok()) n += d->content.size();
                        });
  }
  if (dateline::FindInvalidUtf8(bytes) == std::string::npos) {
    using namespace dateline::ingest_internal;
    RecordFields scanned, parsed;
    const RecordStatus a = ReadRecord(bytes, &scanned);
    if (a != ReadRecordWithDom(bytes, &parsed) ||
        (a == RecordStatus::kOk && !(scanned == parsed)))
      __builtin_trap();
  }
  return n == static_cast<size_t>(-1);
}
