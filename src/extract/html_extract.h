// HTML extraction (internal to src/extract/): metadata from <meta>, Open Graph,
// schema.org JSON-LD, <time>, <link rel=canonical>, <html lang> and the URL; the main
// content chosen by scoring blocks (text density against link density, paragraph
// continuity, <article>/<main>/itemprop=articleBody and class cues), guided by a
// JSON-LD articleBody when the page has one.
//
// Stateless; thread-safe.
#ifndef DATELINE_EXTRACT_HTML_EXTRACT_H_
#define DATELINE_EXTRACT_HTML_EXTRACT_H_

#include <string_view>

#include "core/article.h"

namespace dateline::extract_internal {

// Fills `article` from the HTML page `content` (valid UTF-8). `url` is the page's URL
// when known (for the canonical URL and dates in the path). Paragraph anchors map into
// `content`. Never fails: a page without text gives an Article without paragraphs.
void ExtractHtml(std::string_view content, std::string_view url, Article* article);

// Removes a trailing site name from a page title ("Headline | Site", "Headline - Site").
std::string StripSiteSuffix(std::string_view title);

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_HTML_EXTRACT_H_
