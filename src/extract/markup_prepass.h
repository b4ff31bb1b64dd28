// The page's bytes made ready for gumbo (internal to src/extract/): nesting
// bounded, and the bodies extraction never reads dropped with a map back to the
// page's offsets.
//
// Script and style bodies other than JSON-LD, svg, noscript, template and
// select bodies, comments, attributes extraction never reads and indentation
// between tags are dropped before gumbo parses the page (two thirds of the
// bytes of a news page, and gumbo lexes them one token per character); offsets
// are mapped back, so anchors still point into the page as given. Bodies that
// hold markup for readers without scripts (<noscript>, <template>, text/html
// or text/template scripts) are recorded as ranges of the page.
//
// Stateless; thread-safe.
#ifndef DATELINE_EXTRACT_MARKUP_PREPASS_H_
#define DATELINE_EXTRACT_MARKUP_PREPASS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::extract_internal {

// Gumbo checks element scopes by walking the stack of open elements, so parse
// time grows with the square of the nesting depth; hostile input nests hundreds
// of thousands of elements. Real pages nest well under a hundred. LimitNesting
// scans the tags as an HTML5 parser would count them and, where the nesting
// passes kMaxNesting, keeps the page up to there as it is and the rest as text
// without markup: gumbo parses a document of bounded depth, and no word of the
// page is lost.
constexpr size_t kMaxNesting = 1500;

// Half the bytes of a typical news page are the bodies of <script> and <style>
// elements, which gumbo lexes one character token at a time and extraction
// never reads (except JSON-LD). They are dropped before parsing; `breaks` maps
// offsets in the parsed text back to the page.
struct ParsedText {
  std::string text;
  // (offset in text, offset in the page) at the start and after each dropped
  // range.
  std::vector<std::pair<size_t, size_t>> breaks{{0, 0}};
  // Dropped bodies that hold markup for readers (HoldsMarkupForReaders), as
  // ranges of the page: read only when the visible page gives no article.
  std::vector<std::pair<size_t, size_t>> held;

  size_t ToPage(size_t offset) const {
    auto it = std::upper_bound(breaks.begin(), breaks.end(),
                               std::make_pair(offset, SIZE_MAX));
    --it;  // breaks.front() is (0, 0), so some break precedes every offset
    return it->second + (offset - it->first);
  }
};

// None when the nesting of `html` stays under kMaxNesting; else the page with
// the markup from where the nesting passes it blanked out (same length, same
// offsets), its text kept.
std::optional<std::string> LimitNesting(std::string_view html);

// `html` without the bodies extraction never reads, with the map back to the
// page's offsets and the ranges of bodies held for readers.
ParsedText DropRawTextBodies(std::string_view html);

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_MARKUP_PREPASS_H_
