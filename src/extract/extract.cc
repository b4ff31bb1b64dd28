#include "extract/extract.h"

#include <string>
#include <string_view>

#include "extract/compose_text.h"
#include "extract/html_extract.h"
#include "extract/page_text.h"

namespace dateline {
namespace {

// The longest prefix of `s` of at most `limit` bytes that ends on a code point
// boundary.
std::string_view CutAtUtf8Boundary(std::string_view s, size_t limit) {
  if (s.size() <= limit) return s;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace

Result<Article> ExtractArticle(const Document& doc,
                               const ExtractOptions& options) {
  std::string_view content =
      CutAtUtf8Boundary(doc.content, options.max_input_bytes);
  Article article;
  if (content.size() < doc.content.size()) {
    article.warnings.push_back(
        "input cut at " + std::to_string(content.size()) +
        " bytes (the limit is " + std::to_string(options.max_input_bytes) +
        "); the rest of the " + std::to_string(doc.content.size()) +
        " bytes was not read");
  }
  if (doc.published) {
    article.published = doc.published;
    article.published_source = DateSource::kInput;
  }
  switch (doc.kind) {
    case InputKind::kPageText:
      extract_internal::ExtractPageText(content, &article);
      break;
    case InputKind::kHtml:
      extract_internal::ExtractHtml(content, doc.url, &article);
      break;
    case InputKind::kText:
      extract_internal::ExtractPlainText(content, &article);
      break;
    case InputKind::kAuto:
    case InputKind::kJsonLines:
      return MakeError(
          doc.input,
          std::string("cannot extract an article from a document of kind '") +
              InputKindName(doc.kind) +
              "'; ingest must resolve it to page-text, html or text");
  }
  extract_internal::ComposeArticleText(
      article, /*compose_paragraphs=*/doc.kind == InputKind::kHtml);
  if (article.canonical_url.empty()) article.canonical_url = doc.url;
  return article;
}

}  // namespace dateline
