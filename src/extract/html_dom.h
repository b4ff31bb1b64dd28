// HTML block segmentation (internal to src/extract/): parses a page with gumbo
// and cuts its visible text into blocks — the text of one block-level element
// (a paragraph, a list item, a heading, a table row whose cells hold only
// inline content, a layout cell) — with entities decoded, white space collapsed
// and anchors that map every block text offset back to the byte in the HTML
// source. Also keeps per-element text and link-text totals, which content
// selection scores. Hidden elements and inline hover cards (a person card
// behind a linked name) give no text.
//
// Not thread-safe per object (each HtmlPage is used by one thread); no global
// state. Invariant: an HtmlPage borrows the content it was parsed from, which
// must outlive it.
#ifndef DATELINE_EXTRACT_HTML_DOM_H_
#define DATELINE_EXTRACT_HTML_DOM_H_

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/article.h"
#include "extract/stand_in_parse.h"

namespace dateline::extract_internal {

struct HtmlBlock {
  std::string text;                   // decoded, white space collapsed, trimmed
  std::vector<OffsetAnchor> anchors;  // text offset -> content offset, sorted
  size_t start = 0;                   // content offset of the first character
  size_t end = 0;         // content offset one past the last character
  size_t link_chars = 0;  // bytes of `text` inside <a> elements
  const GumboNode* element =
      nullptr;      // the block-level element holding the text
  int heading = 0;  // 1..6 inside <h1>..<h6>, else 0
  const GumboNode* boiler =
      nullptr;              // the deepest boilerplate ancestor, if any
  int boiler_depth = -1;    // its depth, or -1
  bool tag_boiler = false;  // that ancestor is nav/aside/footer/form/figure...
  bool in_list = false;     // inside <li>
  // Offsets in `text` of the spaces that stand for a single <br>: where the
  // lines of a block the markup breaks without a paragraph start ("Headline
  // <br>By Jane Doe").
  std::vector<size_t> line_breaks;
};

struct ElementStats {
  size_t text_chars = 0;
  size_t link_chars = 0;
  int depth = 0;
};

// What an element's class and id say, by the cues of data/extract/classes.txt
// (the attributes lower-cased and split into tokens once).
struct ClassVerdict {
  bool boilerplate =
      false;  // furniture (a strong cue, or a cue without a content cue)
  bool content = false;  // a content cue, or itemprop=articleBody
  bool long_furniture =
      false;  // a cue of what can itself be long (comments, sidebars)
};
ClassVerdict ReadClass(const GumboNode* element);
// ReadClass(element).boilerplate and .content.
bool HasBoilerplateClass(const GumboNode* element);
bool HasContentClass(const GumboNode* element);
// Whether `b` sits in a comment thread, a list of related stories or a sidebar
// (classes.txt's `long` cues): a byline, label or headline there is another
// text's.
bool InLongFurnitureBox(const HtmlBlock& b);
// What an element's WAI-ARIA role says of it: the page's main content or an
// article (main, article), or furniture (navigation, banner, contentinfo,
// complementary, search, menus, toolbars, dialogs, alerts and status notices).
enum class LandmarkRole { kNone, kContent, kFurniture };
LandmarkRole ReadLandmarkRole(const GumboNode* element);
// Whether `n` or an element at most `max_depth` levels under it is one that
// `matches` (a GumboNode element predicate): a link, a picture, a form's field.
template <typename Matches>
bool HoldsElement(const GumboNode* n, int max_depth, const Matches& matches) {
  if (n->type != GUMBO_NODE_ELEMENT || max_depth < 0) return false;
  if (matches(n)) return true;
  const GumboVector& c = n->v.element.children;
  for (unsigned i = 0; i < c.length; ++i) {
    if (HoldsElement(static_cast<const GumboNode*>(c.data[i]), max_depth - 1,
                     matches))
      return true;
  }
  return false;
}

// Whether `n` holds an element with tag `tag`, at most `max_depth` levels
// down.
inline bool HoldsTag(const GumboNode* n, GumboTag tag, int max_depth) {
  return HoldsElement(n, max_depth, [tag](const GumboNode* e) {
    return e->v.element.tag == tag;
  });
}

// Whether the element hides itself (the hidden attribute, display:none or
// visibility:hidden in its style).
bool IsHidden(const GumboNode* node);
// Whether one of the element's class names hides its text from sight by a CSS
// framework's or CMS theme's convention ("sr-only", "screen-reader-text";
// classes.txt, kind "unseen").
bool HasUnseenClass(const GumboNode* node);
// Whether the inline content of a block-level element holds a form control
// (input, select, textarea): its text labels a form's fields ("Von [ ] Nach
// [ ]" in a journey planner), whatever words it has.
bool HoldsFormControl(const GumboNode* block);
// Whether a token of `element`'s class or id, split and lower-cased as
// classes.txt's cues are read, is one of `tokens`.
bool HasClassToken(const GumboNode* element,
                   const std::vector<std::string>& tokens);
// Whether readers may ask Attribute() and HasAttribute() for `name` (compared
// ignoring case). Extraction cuts every other attribute from a page before
// gumbo parses it (markup_prepass.cc), so a reader of a new attribute lists it
// here; debug builds stop at a read of one not listed. "href" is read only as
// the cut leaves it: present on any element, its value on <link>s.
bool IsReadAttribute(std::string_view name);
// The value of `element`'s first attribute named `name` (lower-case; compared
// ignoring the case of the page's name), or empty.
std::string_view Attribute(const GumboNode* element, const char* name);
// Whether `element` has an attribute named `name` (lower-case), even an empty
// one (<time pubdate>).
bool HasAttribute(const GumboNode* element, const char* name);

// `text` with its HTML character references ("&#039;", "&amp;", "&eacute;")
// decoded as HTML5 decodes them in text: for plain-text fields that a page
// encodes as HTML anyway (a JSON-LD "name" of "Jane O&#039;Doe").
std::string DecodeCharacterReferences(std::string_view text);

class HtmlPage {
 public:
  // Parses `content`, which must outlive the page.
  explicit HtmlPage(std::string_view content);
  ~HtmlPage();
  HtmlPage(const HtmlPage&) = delete;
  HtmlPage& operator=(const HtmlPage&) = delete;

  const GumboNode* root() const { return parse_->output()->root; }
  std::string_view content() const { return content_; }

  // Segments the visible text of <body> into blocks (document order) and fills
  // `stats` for every element that holds text.
  std::vector<HtmlBlock> Segment(
      std::unordered_map<const GumboNode*, ElementStats>* stats) const;

 private:
  std::string_view content_;
  std::unique_ptr<StandInParse> parse_;
};

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_HTML_DOM_H_
