#include "extract/html_dom.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cctype>
#include <cstring>

#include "core/utf8.h"
#include "extract/text_rules.h"
#include "extract/word_lists.h"

namespace dateline::extract_internal {
namespace {

// gumbo_get_attribute's answer (the first attribute whose name equals `name`
// ignoring ASCII case) without its call to strcasecmp for every attribute: a
// page's elements are asked some 5,000 times for class, id, style, hidden and
// itemprop, and most names differ in their first byte. `name` is lower-case
// (every caller's is a literal), so only the attribute's bytes are folded.
const GumboAttribute* FindAttribute(const GumboNode* element,
                                    const char* name) {
  assert(IsReadAttribute(name) || std::strcmp(name, "href") == 0);
  const GumboVector& attributes = element->v.element.attributes;
  for (unsigned int i = 0; i < attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
    const char* a = attr->name;
    const char* b = name;
    while (*a != '\0' && LowerAscii(*a) == *b) {
      ++a;
      ++b;
    }
    if (*a == '\0' && *b == '\0') return attr;
  }
  return nullptr;
}

// Gumbo stops recording parse errors after this many; broken pages would
// otherwise collect one error object per bad byte.
constexpr int kMaxParseErrors = 64;

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_LEGEND:
      return true;
    default:
      return false;
  }
}

// A table cell holding only inline content is part of its row's block ("1 Kyle
// Busch 5040"), as a reader sees a data row; a cell that holds paragraphs or
// divs is a layout cell and a block of its own.
bool IsInlineCell(const GumboNode* node) {
  GumboTag tag = node->v.element.tag;
  if (tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH) return false;
  const GumboVector& c = node->v.element.children;
  for (size_t i = 0; i < c.length; ++i) {
    const GumboNode* n = static_cast<const GumboNode*>(c.data[i]);
    if (n->type == GUMBO_NODE_ELEMENT &&
        (IsBlockTag(n->v.element.tag) || n->v.element.tag == GUMBO_TAG_BR)) {
      return false;
    }
  }
  return true;
}

bool HasHoverClass(const GumboNode* node) {
  if (node == nullptr || node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboAttribute* attr = FindAttribute(node, "class");
  if (attr == nullptr) return false;
  // Asked of every inline element: the class is searched as it is, ignoring
  // case, rather than copied lower-cased.
  const std::string_view cls = attr->value;
  for (const ClassCue& cue : WordLists().class_cues) {
    if (cue.hover && ContainsNoCase(cls, cue.name)) return true;
  }
  return false;
}

// An inline element that the page shows only on hover (a person card behind a
// linked name inside a sentence): its text would run into the paragraph around
// it. The trigger around it ("rollover-people" holding the linked name) has the
// name as a direct link or text child and stays; the card inside a trigger, or
// one with neither, goes.
bool IsHoverCard(const GumboNode* node) {
  // The linked name itself ("rollover-people-link") is the trigger's text.
  if (node->v.element.tag == GUMBO_TAG_A || !HasHoverClass(node)) return false;
  if (HasHoverClass(node->parent)) return true;
  const GumboVector& c = node->v.element.children;
  for (size_t i = 0; i < c.length; ++i) {
    const GumboNode* n = static_cast<const GumboNode*>(c.data[i]);
    if (n->type == GUMBO_NODE_TEXT) return false;
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_A)
      return false;
  }
  return true;
}

// Elements whose content is never article text.
bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Structural elements that hold page furniture rather than article text.
bool IsBoilerplateTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEADER:
      return true;
    default:
      return false;
  }
}

// Whether `element` is a <figure> that holds a table or a quotation (a child,
// or a child's child: WordPress's table and pull-quote blocks, a scrolling
// wrapper, an embedded social post the story quotes, as news templates set
// tweets in figures): a figure of the text, not a picture's furniture.
bool IsTextFigure(const GumboNode* element) {
  if (element->v.element.tag != GUMBO_TAG_FIGURE) return false;
  const auto is_text = [](const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return false;
    const GumboTag tag = n->v.element.tag;
    return tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_BLOCKQUOTE;
  };
  const GumboVector& c = element->v.element.children;
  for (size_t i = 0; i < c.length; ++i) {
    const auto* k = static_cast<const GumboNode*>(c.data[i]);
    if (k->type != GUMBO_NODE_ELEMENT) continue;
    if (is_text(k)) return true;
    const GumboVector& kc = k->v.element.children;
    for (size_t j = 0; j < kc.length; ++j) {
      if (is_text(static_cast<const GumboNode*>(kc.data[j]))) return true;
    }
  }
  return false;
}

}  // namespace

LandmarkRole ReadLandmarkRole(const GumboNode* element) {
  // WAI-ARIA's landmark and live-region roles. A role attribute may list
  // fallbacks; the first token is the one a browser honours.
  std::string_view first;
  ForEachWord(Attribute(element, "role"), [&](std::string_view role) {
    first = role;
    return false;
  });
  if (first.empty()) return LandmarkRole::kNone;
  for (std::string_view r : {"main", "article"}) {
    if (EqualsNoCase(first, r)) return LandmarkRole::kContent;
  }
  for (std::string_view r :
       {"navigation", "banner", "contentinfo", "complementary", "search",
        "menu", "menubar", "toolbar", "tooltip", "dialog", "alertdialog",
        "alert", "status"}) {
    if (EqualsNoCase(first, r)) return LandmarkRole::kFurniture;
  }
  return LandmarkRole::kNone;
}

bool HasUnseenClass(const GumboNode* node) {
  const GumboAttribute* attr = FindAttribute(node, "class");
  if (attr == nullptr) return false;
  // Class names compare case-sensitively, as CSS selectors match them in a
  // standards-mode page. Asked of every element: most names are passed over
  // by their length.
  const WordListSet& lists = WordLists();
  const std::string_view cls = attr->value;
  size_t i = 0;
  while (i < cls.size()) {
    while (i < cls.size() && IsHtmlSpace(cls[i])) ++i;
    const size_t start = i;
    while (i < cls.size() && !IsHtmlSpace(cls[i])) ++i;
    const size_t length = i - start;
    if (length == 0 || length >= 64 || !lists.unseen_lengths[length]) continue;
    const std::string_view name = cls.substr(start, length);
    if (std::find(lists.unseen_classes.begin(), lists.unseen_classes.end(),
                  name) != lists.unseen_classes.end())
      return true;
  }
  return false;
}

bool HoldsFormControl(const GumboNode* block) {
  if (block == nullptr || block->type != GUMBO_NODE_ELEMENT) return false;
  const GumboVector& children = block->v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(children.data[i]);
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = c->v.element.tag;
    if (tag == GUMBO_TAG_INPUT || tag == GUMBO_TAG_SELECT ||
        tag == GUMBO_TAG_TEXTAREA)
      return true;
    if (!IsBlockTag(tag) && HoldsFormControl(c)) return true;
  }
  return false;
}

bool IsHidden(const GumboNode* node) {
  if (FindAttribute(node, "hidden")) return true;
  std::string style = AsciiLower(Attribute(node, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

namespace {

// Each byte of a class or id as a token byte: lower-cased if it is an ASCII
// letter or digit, else 0 (a separator).
constexpr std::array<char, 256> kClassTokenByte = [] {
  std::array<char, 256> table{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      table[c] = static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      table[c] = static_cast<char>(c - 'A' + 'a');
    }
  }
  return table;
}();

// Calls visit(token) for each alphanumeric token of the lower-cased class and
// id of `element`, class first. Called for every element of a page: a token is
// lower-cased into a buffer on the stack unless it is long.
template <typename Visit>
void ForEachClassToken(const GumboNode* element, Visit&& visit) {
  char buffer[64];
  std::string long_token;
  for (const char* name : {"class", "id"}) {
    const std::string_view part = Attribute(element, name);
    const auto byte = [&](size_t k) {
      return kClassTokenByte[static_cast<unsigned char>(part[k])];
    };
    size_t i = 0;
    while (i < part.size()) {
      while (i < part.size() && byte(i) == 0) ++i;
      const size_t start = i;
      size_t n = 0;
      for (char c; i < part.size() && (c = byte(i)) != 0; ++i) {
        if (n < sizeof buffer) buffer[n] = c;
        ++n;
      }
      if (n == 0) break;
      std::string_view token(buffer, n);
      if (n > sizeof buffer) {
        long_token.resize(n);
        for (size_t k = 0; k < n; ++k) long_token[k] = byte(start + k);
        token = long_token;
      }
      visit(token);
    }
  }
}

}  // namespace

bool HasClassToken(const GumboNode* element,
                   const std::vector<std::string>& tokens) {
  bool found = false;
  ForEachClassToken(element, [&](std::string_view token) {
    found =
        found || std::find(tokens.begin(), tokens.end(), token) != tokens.end();
  });
  return found;
}

std::string DecodeCharacterReferences(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  // Gumbo's tokenizer knows HTML5's table of names: the text, its '<' escaped,
  // as the body of a document of its own.
  std::string html = "<body>";
  for (char c : text) {
    if (c == '<') {
      html += "&lt;";
    } else {
      html += c;
    }
  }
  GumboOutput* out =
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::string decoded;
  const GumboVector& html_children = out->root->v.element.children;
  for (unsigned int i = 0; i < html_children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(html_children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT ||
        child->v.element.tag != GUMBO_TAG_BODY)
      continue;
    const GumboVector& texts = child->v.element.children;
    for (unsigned int k = 0; k < texts.length; ++k) {
      const auto* t = static_cast<const GumboNode*>(texts.data[k]);
      if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_WHITESPACE)
        decoded += t->v.text.text;
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return decoded;
}

bool IsReadAttribute(std::string_view name) {
  static constexpr std::array<std::string_view, 18> kRead = {
      "class",    "id",         "itemprop", "style",    "hidden",  "lang",
      "xml:lang", "content",    "name",     "property", "role",    "pubdate",
      "rel",      "http-equiv", "datetime", "type",     "charset", "itemtype"};
  if (name.size() > 10) return false;
  char lower[16];
  for (size_t i = 0; i < name.size(); ++i) lower[i] = LowerAscii(name[i]);
  const std::string_view l(lower, name.size());
  return std::find(kRead.begin(), kRead.end(), l) != kRead.end();
}

bool HasAttribute(const GumboNode* element, const char* name) {
  return element != nullptr && element->type == GUMBO_NODE_ELEMENT &&
         FindAttribute(element, name) != nullptr;
}

std::string_view Attribute(const GumboNode* element, const char* name) {
  if (element == nullptr || element->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = FindAttribute(element, name);
  return a ? std::string_view(a->value) : std::string_view();
}

ClassVerdict ReadClass(const GumboNode* element) {
  ClassVerdict v;
  const bool article_body = Attribute(element, "itemprop") == "articleBody";
  bool strong = false, furniture = false;
  // An embedded post ("social-media-embed", "twitter-tweet") is a quotation the
  // story makes, not a share bar; the caption of an embedded picture
  // ("imageEmbedCaption") is the picture's furniture.
  bool embed = false;
  const WordListSet& lists = WordLists();
  const auto add = [&](const ClassCue& cue) {
    v.content |= cue.content;
    v.long_furniture |= cue.long_furniture;
    furniture |= cue.furniture;
    strong |= cue.furniture && cue.strong;
  };
  ForEachClassToken(element, [&](std::string_view t) {
    if ((t.find("embed") != std::string_view::npos &&
         t.find("caption") == std::string_view::npos) ||
        t == "tweet")
      embed = true;
    if (lists.class_token_pairs[static_cast<unsigned char>(t[0])]
                               [t.size() > 1 ? static_cast<unsigned char>(t[1])
                                             : size_t{0}]) {
      if (auto it = lists.class_tokens.find(t); it != lists.class_tokens.end())
        add(it->second);
    }
    for (size_t i = 0; i < t.size(); ++i) {
      // Tokens hold only a-z and 0-9 (ForEachClassToken), so a byte is an
      // index and 0 (past the token's end) is no byte of it.
      const size_t rest = t.size() - i;
      const auto first = static_cast<unsigned char>(t[i]);
      const auto second =
          rest > 1 ? static_cast<unsigned char>(t[i + 1]) : size_t{0};
      if (!lists.class_stem_pairs[first][second]) continue;
      for (const ClassCue& cue : lists.class_stems_by_first[first]) {
        const std::string_view n = cue.name;
        if (n.size() <= rest && (n.size() < 2 || t[i + 1] == n[1]) &&
            std::memcmp(t.data() + i, n.data(), n.size()) == 0)
          add(cue);
      }
    }
  });
  v.content |= article_body;
  // Furniture cues yield to a content cue ("l-sidebar-fixed
  // l-article-body-segment" is the article column) unless they are strong
  // ("article-comments").
  v.boilerplate = !embed && (strong || (furniture && !v.content));
  return v;
}

bool InLongFurnitureBox(const HtmlBlock& b) {
  return b.boiler != nullptr && ReadClass(b.boiler).long_furniture;
}

bool HasBoilerplateClass(const GumboNode* element) {
  return ReadClass(element).boilerplate;
}

bool HasContentClass(const GumboNode* element) {
  return ReadClass(element).content;
}

HtmlPage::HtmlPage(std::string_view content)
    : content_(content),
      parse_(std::make_unique<StandInParse>(content, kMaxParseErrors)) {}

HtmlPage::~HtmlPage() = default;

namespace {

struct BlockContext {
  const GumboNode* element = nullptr;
  int heading = 0;
  const GumboNode* boiler = nullptr;
  int boiler_depth = -1;
  bool tag_boiler = false;
  bool in_list = false;
};

struct Frame {
  const GumboNode* node;
  size_t next_child = 0;
  int depth = 0;
  bool in_link = false;
  bool block_level =
      false;  // the element ends the running block where it starts and ends
  BlockContext block;
};

class Segmenter {
 public:
  Segmenter(std::string_view content,
            std::unordered_map<const GumboNode*, ElementStats>* stats)
      : content_(content), stats_(stats) {}

  std::vector<HtmlBlock> Run(const GumboNode* root) {
    std::vector<Frame> stack;
    Frame top{root};
    top.block.element = root;
    stack.push_back(top);
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboVector& children = f.node->v.element.children;
      if (f.next_child >= children.length) {
        Leave(stack);
        continue;
      }
      const GumboNode* child =
          static_cast<const GumboNode*>(children.data[f.next_child++]);
      if (child->type == GUMBO_NODE_TEXT ||
          child->type == GUMBO_NODE_WHITESPACE ||
          child->type == GUMBO_NODE_CDATA) {
        AppendText(child, f);
        continue;
      }
      if (child->type != GUMBO_NODE_ELEMENT &&
          child->type != GUMBO_NODE_TEMPLATE)
        continue;
      GumboTag tag = child->v.element.tag;
      if (IsSkippedTag(tag) || child->type == GUMBO_NODE_TEMPLATE ||
          IsHidden(child) || HasUnseenClass(child))
        continue;
      // Inline hover cards, and inline notices and widgets by their ARIA role
      // ("<span role=status>Link copied</span>" inside a paragraph).
      if (!IsBlockTag(tag) &&
          (IsHoverCard(child) ||
           ReadLandmarkRole(child) == LandmarkRole::kFurniture))
        continue;
      if (tag == GUMBO_TAG_BR) {
        // One <br> is a space; two in a row end a paragraph.
        if (last_was_br_) {
          Flush();
        } else {
          pending_space_ = true;
          pending_break_ = !cur_.text.empty();
        }
        last_was_br_ = true;
        continue;
      }
      Frame next{child};
      next.depth = f.depth + 1;
      // An <a> without href is an anchor ("<a name=...>"), not a link.
      next.in_link =
          f.in_link || (tag == GUMBO_TAG_A && FindAttribute(child, "href"));
      next.block = f.block;
      next.block_level = IsBlockTag(tag) && !IsInlineCell(child);
      if (!next.block_level && (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH))
        pending_space_ = true;
      // A <time> is a datum of its own, set off from the label before it by
      // the page's style ("<span>Published</span><time>10 November
      // 2022</time>"): never one word with it.
      if (tag == GUMBO_TAG_TIME && !cur_.text.empty() &&
          (std::isalnum(static_cast<unsigned char>(cur_.text.back())) ||
           static_cast<unsigned char>(cur_.text.back()) >= 0x80))
        pending_space_ = true;
      if (next.block_level) {
        Flush();
        next.block.element = child;
        if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6)
          next.block.heading = tag - GUMBO_TAG_H1 + 1;
        if (tag == GUMBO_TAG_LI) next.block.in_list = true;
        const LandmarkRole role = ReadLandmarkRole(child);
        bool structural = tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY ||
                          tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN ||
                          role == LandmarkRole::kContent ||
                          Attribute(child, "itemprop") == "articleBody";
        if (IsBoilerplateTag(tag) && !IsTextFigure(child)) {
          next.block.boiler = child;
          next.block.boiler_depth = next.depth;
          next.block.tag_boiler = true;
        } else if (!structural &&
                   (tag == GUMBO_TAG_FORM || role == LandmarkRole::kFurniture ||
                    BoilerplateClass(child))) {
          next.block.boiler = child;
          next.block.boiler_depth = next.depth;
          next.block.tag_boiler = false;
        }
      }
      (*stats_)[child].depth = next.depth;
      stack.push_back(next);
    }
    Flush();
    return std::move(blocks_);
  }

 private:
  // HasBoilerplateClass(element). Pages repeat long class lists (a grid's
  // cells, a menu's items), and an element with neither id nor itemprop has
  // the verdict of its class alone: one met before is not read again.
  bool BoilerplateClass(const GumboNode* element) {
    const GumboAttribute* cls = FindAttribute(element, "class");
    if (cls == nullptr || FindAttribute(element, "id") != nullptr ||
        FindAttribute(element, "itemprop") != nullptr)
      return HasBoilerplateClass(element);
    const auto [it, added] = class_verdicts_.try_emplace(cls->value, false);
    if (added) it->second = HasBoilerplateClass(element);
    return it->second;
  }

  void Leave(std::vector<Frame>& stack) {
    const Frame f = stack.back();
    stack.pop_back();
    if (f.block_level) Flush();
    if (!stack.empty()) {
      auto it = stats_->find(f.node);
      if (it != stats_->end()) {
        ElementStats& parent = (*stats_)[stack.back().node];
        parent.text_chars += it->second.text_chars;
        parent.link_chars += it->second.link_chars;
      }
    }
  }

  void Flush() {
    last_was_br_ = false;
    pending_space_ = false;
    pending_break_ = false;
    if (!cur_.text.empty()) blocks_.push_back(std::move(cur_));
    cur_ = HtmlBlock();
  }

  // How many characters `dec` and `orig` start with alike that are printable
  // ASCII and no '&' (which could start a character reference).
  static size_t SameAsciiRun(std::string_view dec, std::string_view orig) {
    size_t n = 0;
    while (n < dec.size() && n < orig.size()) {
      const char d = dec[n];
      if (d <= ' ' || d >= 0x7F || d == '&' || d != orig[n]) break;
      ++n;
    }
    return n;
  }

  void AppendText(const GumboNode* node, const Frame& f) {
    std::string_view dec = node->v.text.text ? node->v.text.text : "";
    std::string_view orig(node->v.text.original_text.data,
                          node->v.text.original_text.length);
    size_t base = node->v.text.start_pos.offset;
    if (orig.data() >= content_.data() &&
        orig.data() + orig.size() <= content_.data() + content_.size()) {
      base = static_cast<size_t>(orig.data() - content_.data());
    } else {
      orig = {};
      base = std::min(base, content_.size());
    }
    bool first_in_node = true;
    size_t added = 0;
    size_t i = 0, j = 0;
    while (j < dec.size()) {
      size_t cp_start = j;
      // Most of a page's text is ASCII: no call to decode it.
      const bool ascii = static_cast<unsigned char>(dec[j]) < 0x80;
      char32_t c =
          ascii ? static_cast<char32_t>(dec[j++]) : DecodeUtf8(dec, &j);
      std::string_view cp = dec.substr(cp_start, j - cp_start);
      // Gumbo turns CR LF into LF in text; skip the CR in the source.
      while (i < orig.size() && orig[i] == '\r' && cp != "\r") ++i;
      size_t src = std::min(i, orig.size());
      bool entity = i + 1 < orig.size() && orig[i] == '&' &&
                    (orig[i + 1] == '#' ||
                     std::isalnum(static_cast<unsigned char>(orig[i + 1])));
      if (!entity && i < orig.size() && orig.compare(i, cp.size(), cp) == 0) {
        i += cp.size();
      } else if (entity) {
        // An entity: skip its name or number and the semicolon.
        size_t k = i + 1;
        if (k < orig.size() && orig[k] == '#') ++k;
        size_t limit = std::min(orig.size(), i + 40);
        while (k < limit && std::isalnum(static_cast<unsigned char>(orig[k])))
          ++k;
        if (k < orig.size() && orig[k] == ';') ++k;
        i = k;
      } else if (i < orig.size()) {
        size_t k = i;
        DecodeUtf8(orig, &k);
        i = k;
      }
      size_t src_end = std::min(i, orig.size());
      if (ascii ? c == ' ' || (c >= 0x09 && c <= 0x0D) : IsSpaceCodepoint(c)) {
        if (!cur_.text.empty()) pending_space_ = true;
        continue;
      }
      last_was_br_ = false;
      if (cur_.text.empty()) {
        const BlockContext& b = f.block;
        cur_.element = b.element;
        cur_.heading = b.heading;
        cur_.boiler = b.boiler;
        cur_.boiler_depth = b.boiler_depth;
        cur_.tag_boiler = b.tag_boiler;
        cur_.in_list = b.in_list;
        cur_.start = base + src;
      } else if (pending_space_) {
        if (pending_break_) cur_.line_breaks.push_back(cur_.text.size());
        cur_.text += ' ';
        if (f.in_link) ++cur_.link_chars;
      }
      pending_space_ = false;
      pending_break_ = false;
      size_t t = cur_.text.size();
      size_t in = base + src;
      if (first_in_node || cur_.anchors.empty() ||
          cur_.anchors.back().input_offset +
                  (t - cur_.anchors.back().text_offset) !=
              in) {
        cur_.anchors.push_back({t, in});
      }
      first_in_node = false;
      // The rest of a word as the source has it (printable ASCII, no '&'
      // that could start a reference) after a character that was one source
      // byte: each would take the path above with nothing to decide (no
      // anchor, as its offset follows on), so the run is appended at once.
      size_t run = cp.size();
      if (ascii && src_end == src + 1) {
        const size_t more = SameAsciiRun(dec.substr(j), orig.substr(i));
        j += more;
        i += more;
        src_end = i;
        run += more;
      }
      cur_.text.append(dec.substr(cp_start, run));
      cur_.end = base + src_end;
      if (f.in_link) cur_.link_chars += run;
      added += run;
    }
    if (added > 0) {
      ElementStats& s = (*stats_)[f.node];
      s.text_chars += added;
      if (f.in_link) s.link_chars += added;
    }
  }

  std::string_view content_;
  std::unordered_map<const GumboNode*, ElementStats>* stats_;
  // BoilerplateClass's verdicts by class, for elements with no id or itemprop.
  std::unordered_map<std::string_view, bool> class_verdicts_;
  std::vector<HtmlBlock> blocks_;
  HtmlBlock cur_;
  bool pending_space_ = false;
  bool pending_break_ = false;  // the pending space stands for a <br>
  bool last_was_br_ = false;
};

}  // namespace

std::vector<HtmlBlock> HtmlPage::Segment(
    std::unordered_map<const GumboNode*, ElementStats>* stats) const {
  const GumboNode* root = parse_->output()->root;
  if (root == nullptr || root->type != GUMBO_NODE_ELEMENT) return {};
  return Segmenter(content_, stats).Run(root);
}

}  // namespace dateline::extract_internal
