// Document: one input item as ingest hands it to extraction — a page of text,
// an HTML page, or one record of a JSON Lines file — already decoded to valid
// UTF-8. Plain value type.
#ifndef DATELINE_CORE_DOCUMENT_H_
#define DATELINE_CORE_DOCUMENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace dateline {

// What the content of a document is. kAuto is only a request ("detect it").
enum class InputKind { kAuto, kPageText, kHtml, kJsonLines, kText };

const char* InputKindName(
    InputKind kind);  // "auto", "page-text", "html", "jsonl", "text"
std::optional<InputKind> ParseInputKind(std::string_view name);

struct Document {
  std::string id;   // JSON Lines `id`, else derived from the path
  std::string url;  // JSON Lines `url`, or empty
  std::string
      input;  // where it came from: a path, "-", or "path:line" for JSON Lines
  InputKind kind = InputKind::kPageText;  // kPageText, kHtml or kText (never
                                          // kAuto/kJsonLines)
  std::string content;  // valid UTF-8; all offsets refer to this text
  std::optional<PartialDate>
      published;  // from the input's metadata, when it gives one
  std::vector<std::string>
      warnings;  // e.g. "invalid UTF-8 repaired at 3 places"
};

// The host of a URL, lower-cased and without "www."
// ("https://www.BBC.co.uk/news/x" gives "bbc.co.uk", "example.net/a" gives
// "example.net"), or "". The publication a document comes from: dedup counts
// sources by it, the pipeline keeps each publication's home region by it, and
// extraction tells the site's own name from an author's.
std::string UrlHost(std::string_view url);

}  // namespace dateline

#endif  // DATELINE_CORE_DOCUMENT_H_
