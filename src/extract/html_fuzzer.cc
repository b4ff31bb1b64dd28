// libFuzzer target: HTML extraction must not crash, hang or read out of bounds
// on any input, and every paragraph must point inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/utf8.h"
#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20))
    return 0;  // pages up to 1 MiB, so that nesting attacks are reachable
  dateline::Document doc;
  doc.kind = dateline::InputKind::kHtml;
  doc.content.assign(reinterpret_cast<const char*>(data), size);
  dateline::RepairUtf8(&doc.content);  // ingest hands over valid UTF-8
  dateline::Result<dateline::Article> r = dateline::ExtractArticle(doc);
  if (!r.ok()) std::abort();
  for (const dateline::Paragraph& p : r->paragraphs) {
    if (p.start > p.end || p.end > doc.content.size()) std::abort();
    for (size_t i = 0; i < p.text.size(); ++i) {
      if (r->ToInputOffset(p.body_start + i) > doc.content.size()) std::abort();
    }
  }
  return 0;
}
