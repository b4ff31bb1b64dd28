// Page-text extraction (internal to src/extract/): classifies each line of text
// scraped from a news page — no markup — as page furniture or article content,
// and fills an Article from it.
//
// The rules are general layout conventions of news pages, not tied to any site:
// a short section label before the headline, a headline without a final period,
// bylines, photo captions (often printed twice), a tag line right before the
// body, "Read More:" links, credits and the footer (copyright, apps, radio
// frequencies, site map) after it. Body paragraphs are the prose lines between.
//
// Stateless; thread-safe.
#ifndef DATELINE_EXTRACT_PAGE_TEXT_H_
#define DATELINE_EXTRACT_PAGE_TEXT_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "extract/text_rules.h"

namespace dateline::extract_internal {

enum class LineRole {
  kBlank,
  kSection,    // section label before the headline
  kTitle,      // the headline
  kPullQuote,  // a quotation repeating a body sentence
  kAuthor,     // byline
  kTags,       // tag line before the body
  kBody,       // a body paragraph
  kFurniture,  // anything else: captions, links, credits, footer, menus,
               // duplicates
};

const char* LineRoleName(LineRole role);

struct PageLine {
  size_t start = 0;       // byte offset of the trimmed line in the content
  size_t end = 0;         // one past its last byte
  std::string_view text;  // the trimmed line (a view into the content)
  LineRole role = LineRole::kBlank;
  FurnitureKind furniture =
      FurnitureKind::kNone;  // what a line-level rule saw in it
};

// Splits `content` into lines and gives each its role. The views borrow
// `content`.
std::vector<PageLine> ClassifyPageText(std::string_view content);

// Fills title, section, authors, tags, dateline, copyright_year and the body
// paragraphs (verbatim slices of `content`, anchors empty) of `article`.
void ExtractPageText(std::string_view content, Article* article);

// Plain text: every non-empty paragraph is body. Paragraphs are separated by
// blank lines; text without blank lines has one paragraph per line.
void ExtractPlainText(std::string_view content, Article* article);

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_PAGE_TEXT_H_
