// Article: what extraction keeps of a document — metadata and body paragraphs,
// each paragraph traceable to its bytes in Document::content. Plain value type.
//
// Offsets: `body` is the paragraphs' texts joined by "\n\n".
// Paragraph::body_start is where a paragraph begins in `body`;
// Paragraph::start/end are byte offsets into the document content. For page
// text a paragraph is a verbatim slice of the content; for HTML the text is
// decoded (entities, collapsed white space) and `anchors` map it back.
#ifndef DATELINE_CORE_ARTICLE_H_
#define DATELINE_CORE_ARTICLE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace dateline {

// A point where paragraph text offset `text_offset` corresponds to content
// offset `input_offset`; between anchors, offsets advance together.
struct OffsetAnchor {
  size_t text_offset = 0;
  size_t input_offset = 0;
};

struct Paragraph {
  std::string text;  // the paragraph's text (UTF-8, no leading/trailing space)
  size_t start = 0;  // byte offset of the paragraph in Document::content
  size_t end = 0;    // one past its last byte in Document::content
  size_t body_start = 0;  // byte offset of `text` in Article::body
  std::vector<OffsetAnchor>
      anchors;  // empty: text is content[start, end) verbatim
};

struct Article {
  std::string title;
  std::string section;
  std::vector<std::string> authors;
  std::string dateline;  // the place in the dateline ("ERBIL (Kurdistan 24) –"
                         // gives "Erbil"), or empty
  std::vector<std::string> tags;
  std::optional<PartialDate> published;
  DateSource published_source = DateSource::kNone;  // how `published` was found
  std::string
      published_text;    // the date as the page writes it, when extraction
                         // found one it could not parse as ISO 8601; the
                         // pipeline resolves it with the `when` stage
  std::string language;  // BCP 47 tag when known, e.g. "en"
  std::string canonical_url;
  std::optional<int> copyright_year;  // from a footer like "©Copyright 2021"
  std::vector<std::string> warnings;  // e.g. "input cut at the 16 MiB limit"
  std::string body;                   // paragraphs joined by "\n\n"
  std::vector<Paragraph> paragraphs;

  // Maps a byte offset in `body` to a byte offset in Document::content. Offsets
  // in the
  // "\n\n" separators map to the end of the preceding paragraph.
  size_t ToInputOffset(size_t body_offset) const;
};

// The byte offset in Document::content of byte `text_offset` of `p.text`
// (p.end from the end of the text on).
size_t ParagraphInputOffset(const Paragraph& p, size_t text_offset);

// Appends `p` to `a`: sets body_start and extends `body`.
void AppendParagraph(Article& a, Paragraph p);

}  // namespace dateline

#endif  // DATELINE_CORE_ARTICLE_H_
