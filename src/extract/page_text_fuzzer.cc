// libFuzzer target: page-text extraction must not crash on any input, and every
// paragraph must be a verbatim slice of the input.
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
  doc.kind = dateline::InputKind::kPageText;
  doc.content.assign(reinterpret_cast<const char*>(data), size);
  dateline::RepairUtf8(&doc.content);
  for (dateline::InputKind kind :
       {dateline::InputKind::kPageText, dateline::InputKind::kText}) {
    doc.kind = kind;
    dateline::Result<dateline::Article> r = dateline::ExtractArticle(doc);
    if (!r.ok()) std::abort();
    for (const dateline::Paragraph& p : r->paragraphs) {
      if (p.start > p.end || p.end > doc.content.size()) std::abort();
      if (doc.content.compare(p.start, p.end - p.start, p.text) != 0)
        std::abort();
    }
  }
  return 0;
}
