// HTML extraction (internal to src/extract/): a page's article, title,
// authors and dates. The page's bytes are first made ready for gumbo
// (markup_prepass.h: nesting bounded, bodies extraction never reads dropped,
// offsets mapped back); its markup's metadata is read in one walk of the tree
// (page_metadata.h). The main content is chosen by scoring blocks (text
// density against link density, paragraph continuity,
// <article>/<main>/itemprop=articleBody and class cues, a class counting only
// as far as its element holds text), guided by a JSON-LD articleBody when the
// page has one. Around the top candidate the selection adds its well-scoring
// siblings and its same-class cousins (a story cut into chunks), and drops
// teaser <article>s nested in it, stories appended after it and web furniture
// (contact lines, gallery counters). The date line and bylines the page
// prints near that content (printed_metadata.h) fill what the markup left
// empty.
//
// When the visible page gives no article or less than half of one held
// elsewhere, the largest <noscript>, <template> or text/html or text/template
// script body is parsed on its own and its article taken (anchors into the
// page), else a JSON-LD HowTo's description and steps (anchored at their
// script).
//
// Stateless; thread-safe.
#ifndef DATELINE_EXTRACT_HTML_EXTRACT_H_
#define DATELINE_EXTRACT_HTML_EXTRACT_H_

#include <string_view>

#include "core/article.h"

namespace dateline::extract_internal {

// Fills `article` from the HTML page `content` (valid UTF-8). `url` is the
// page's URL when known (for the canonical URL and dates in the path).
// Paragraph anchors map into `content`. Never fails: a page without text gives
// an Article without paragraphs.
void ExtractHtml(std::string_view content, std::string_view url,
                 Article* article);

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_HTML_EXTRACT_H_
