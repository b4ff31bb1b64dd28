// The last step of extraction: every text field of the Article in Unicode
// Normalization Form C. Pages arrive in whatever form their authors' tools
// wrote (decomposed umlauts from a Mac, a Bengali letter written with its
// precomposed code point, which NFC spells as base + nukta); readers searching
// the record, and anyone comparing it with other text, expect the canonical
// composed form the W3C's character model asks of web text. Paragraph offsets
// into the input stay exact: where normalising changes a paragraph's bytes,
// its anchors are rewritten from ICU's record of the edits.
#ifndef DATELINE_EXTRACT_COMPOSE_TEXT_H_
#define DATELINE_EXTRACT_COMPOSE_TEXT_H_

#include <string>

#include "core/article.h"

namespace dateline::extract_internal {

// `text` in NFC. Text with no byte at or above 0xCC (so no code point from
// U+0300 on, where every combining mark and composition exclusion lies) is
// returned as it is without calling ICU; invalid UTF-8 is left as it is.
std::string ComposeNfc(const std::string& text);

// Puts the paragraph's text in NFC and rewrites its anchors so that
// Article::ToInputOffset still maps each byte of the new text to the input
// bytes it came from. A paragraph already in NFC is not touched; returns
// whether the paragraph changed (its body_start is then stale).
bool ComposeParagraph(Paragraph& p);

// NFC for the title, section, authors, dateline, tags and published_text, and,
// when `compose_paragraphs` is set, for every paragraph (the body is then
// rebuilt from them). Page text keeps its paragraphs as they are: each is a
// verbatim slice of the input, which its evidence spans quote byte for byte.
void ComposeArticleText(Article& article, bool compose_paragraphs);

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_COMPOSE_TEXT_H_
