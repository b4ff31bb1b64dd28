// HTML extraction (internal to src/extract/): metadata from <meta>, Open Graph,
// schema.org JSON-LD (authors by @id among the graph's Persons), itemprop,
// <time>, <link rel=canonical>, <html lang>/xml:lang, elements classed
// "author", the URL and the printed date line nearest above the article (author
// fields cleaned of "By"/"von"/ "par" and labels, job titles, publishers and
// run-on dates; organisations are not authors; the title is the <h1> that
// <title> or og:title repeats); the main content chosen by scoring blocks (text
// density against link density, paragraph continuity,
// <article>/<main>/itemprop=articleBody and class cues, a class counting only
// as far as its element holds text), guided by a JSON-LD articleBody when the
// page has one. Around the top candidate the selection adds its well-scoring
// siblings and its same-class cousins (a story cut into chunks), and drops
// teaser <article>s nested in it and web furniture (contact lines, gallery
// counters).
//
// Script and style bodies other than JSON-LD, svg, noscript, template and
// select bodies, comments, attributes extraction never reads and indentation
// between tags are dropped before gumbo parses the page (two thirds of the
// bytes of a news page, and gumbo lexes them one token per character); offsets
// are mapped back, so anchors still point into the page as given. When the
// visible page gives no article or less than half of one held elsewhere, the
// largest <noscript>, <template> or text/html or text/template script body is
// parsed on its own and its article taken (anchors into the page), else a
// JSON-LD HowTo's description and steps (anchored at their script).
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

// Removes a trailing site name from a page title ("Headline | Site", "Headline
// - Site", and without spaces between ideographic characters in Chinese and
// Japanese titles: "标题-网站").
std::string StripSiteSuffix(std::string_view title);

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_HTML_EXTRACT_H_
