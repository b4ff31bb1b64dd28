#include "extract/markup_prepass.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/html_dom.h"
#include "extract/text_rules.h"

namespace dateline::extract_internal {
namespace {

// How far down the stack of open elements an end tag looks for its start tag.
// An end tag with no start tag that near is ignored (HTML5 ignores end tags
// without an open element); the bound keeps hostile runs of stray end tags
// linear.
constexpr size_t kEndTagReach = 64;

// Whether a comment ("<!--") starts at `pos`; asked at every tag, so the
// second byte is looked at before the four are compared.
bool CommentAt(std::string_view html, size_t pos) {
  return pos + 1 < html.size() && html[pos + 1] == '!' &&
         html.compare(pos, 4, "<!--") == 0;
}

// `html` with its markup (tags, comments) blanked out, each byte of it made a
// space, and its text kept where it was: offsets into the result are offsets
// into `html`.
std::string BlankMarkup(std::string_view html) {
  std::string out(html);
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    size_t end = std::string_view::npos;
    if (CommentAt(html, pos)) {
      end = html.find("-->", pos + 4);
      end = end == std::string_view::npos ? html.size() : end + 3;
    } else {
      const bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
      const size_t name_start = pos + (closing ? 2 : 1);
      if (name_start < html.size() &&
          std::isalpha(static_cast<unsigned char>(html[name_start]))) {
        end = html.find('>', name_start);
        end = end == std::string_view::npos ? html.size() : end + 1;
      }
    }
    if (end == std::string_view::npos) {  // a literal "<"
      ++pos;
      continue;
    }
    std::fill(out.begin() + static_cast<long>(pos),
              out.begin() + static_cast<long>(end), ' ');
    pos = end;
  }
  return out;
}

// How LimitNesting counts an element, by its tag name.
enum class NestingKind {
  kCounted,    // an ordinary element
  kUncounted,  // void, or its end tag may be left out
  kRawText,    // script, style, textarea, title: raw text to its end tag
  kForeign,    // svg, math: a self-closing slash closes it and its content
};

// Up to eight bytes as one number (the first in the low byte), for a switch
// over names: no two names of a-z and 0-9 share one.
constexpr uint64_t PackName(std::string_view s) {
  uint64_t v = 0;
  for (size_t i = 0; i < s.size() && i < 8; ++i)
    v |= uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
  return v;
}

// Asked of every tag of every page: a name no longer than the names looked
// for is lower-cased into one number and switched on.
NestingKind NestingKindOf(std::string_view name) {
  if (name.size() > 8) return NestingKind::kCounted;
  char lower[8];
  for (size_t i = 0; i < name.size(); ++i) lower[i] = LowerAscii(name[i]);
  switch (PackName(std::string_view(lower, name.size()))) {
    case PackName("area"):
    case PackName("base"):
    case PackName("br"):
    case PackName("col"):
    case PackName("embed"):
    case PackName("hr"):
    case PackName("img"):
    case PackName("input"):
    case PackName("link"):
    case PackName("meta"):
    case PackName("param"):
    case PackName("source"):
    case PackName("track"):
    case PackName("wbr"):
    case PackName("p"):
    case PackName("li"):
    case PackName("dt"):
    case PackName("dd"):
    case PackName("option"):
    case PackName("optgroup"):
    case PackName("tr"):
    case PackName("td"):
    case PackName("th"):
    case PackName("tbody"):
    case PackName("thead"):
    case PackName("tfoot"):
    case PackName("colgroup"):
    case PackName("html"):
    case PackName("head"):
    case PackName("body"):
      return NestingKind::kUncounted;
    case PackName("script"):
    case PackName("style"):
    case PackName("textarea"):
    case PackName("title"):
      return NestingKind::kRawText;
    case PackName("svg"):
    case PackName("math"):
      return NestingKind::kForeign;
    default:
      return NestingKind::kCounted;
  }
}

}  // namespace

// None when the nesting of `html` stays under kMaxNesting; else the page with
// the markup from where the nesting passes it blanked out (BlankMarkup: same
// length, same offsets). Counts as an HTML5 parser nests: the self-closing
// slash of an ordinary element is ignored ("<div/>" opens a div; only inside
// <svg> and <math> does it close one), void elements and elements whose end tag
// may be left out are not counted, and an end tag closes the nearest open
// element of its name, if there is one within kEndTagReach.
std::optional<std::string> LimitNesting(std::string_view html) {
  // The counted open elements: names as the page writes them (compared
  // ignoring case), so no string is built per tag, and whether each is
  // foreign.
  std::vector<std::pair<std::string_view, bool>> open;
  size_t foreign = 0;  // open <svg> and <math> elements
  const auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  };
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    const size_t tag_start = pos;
    if (CommentAt(html, pos)) {
      const size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    const bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    const size_t name_start = pos + (closing ? 2 : 1);
    size_t name_end = name_start;
    while (name_end < html.size() && alnum(html[name_end])) ++name_end;
    if (name_end == name_start) {
      pos = name_start;
      continue;
    }
    const std::string_view name(html.data() + name_start,
                                name_end - name_start);
    const size_t gt = html.find('>', name_end);
    if (gt == std::string_view::npos) break;
    pos = gt + 1;
    const NestingKind kind = NestingKindOf(name);
    if (!closing && kind == NestingKind::kRawText) {
      // Raw text: skip to the end tag.
      size_t end = html.find("</", pos);
      while (end != std::string_view::npos &&
             !SameNoCase(html.substr(end + 2, name.size()), name)) {
        end = html.find("</", end + 2);
      }
      if (end == std::string_view::npos) break;
      pos = end;
      continue;
    }
    if (kind == NestingKind::kUncounted) continue;
    if (closing) {
      for (size_t k = open.size();
           k-- > 0 && open.size() - k <= kEndTagReach;) {
        if (!SameNoCase(open[k].first, name)) continue;
        for (size_t popped = k; popped < open.size(); ++popped) {
          if (open[popped].second) --foreign;
        }
        open.resize(k);
        break;
      }
      continue;
    }
    const bool is_foreign = kind == NestingKind::kForeign;
    const bool self_closed = html[gt - 1] == '/';
    if (self_closed && (foreign > 0 || is_foreign)) continue;
    if (open.size() == kMaxNesting) {
      std::string limited(html.substr(0, tag_start));
      limited += BlankMarkup(html.substr(tag_start));
      return limited;
    }
    open.emplace_back(name, is_foreign);
    if (is_foreign) ++foreign;
  }
  return std::nullopt;
}

namespace {
// Position just past the '>' that ends the tag opening at `pos` (quotes
// respected), or npos.
size_t TagEnd(std::string_view html, size_t pos) {
  char quote = 0;
  for (size_t i = pos; i < html.size(); ++i) {
    char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

bool StartsWithNoCase(std::string_view s, size_t pos, std::string_view prefix) {
  if (pos + prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (LowerAscii(s[pos + i]) != prefix[i]) return false;
  }
  return true;
}

// Whether the cut keeps attribute `name` (any case) of a start tag: the
// attributes readers ask for (html_dom.h), and a <link>'s href (read from
// rel=canonical). The others (href of links, src, srcset, data-*, on*, aria-*,
// width...) are a third of a page's markup and gumbo lexes them a character at
// a time.
bool KeepsAttribute(std::string_view name, bool link_tag) {
  if (link_tag && EqualsNoCase(name, "href")) return true;
  return IsReadAttribute(name);
}

// Of the attributes read (KeepsAttribute), one whose value tells extraction
// nothing: a style that hides nothing (IsHidden reads display:none and
// visibility:hidden), a rel that names neither an author nor a canonical
// address, a type outside <script> (where it marks JSON-LD) and <input>
// (whose type=hidden HTML5's table rules read), an item type other than a
// reply's (a comment, an answer, a review). With <link>s' addresses, a
// few percent of the markup gumbo is given.
bool TellsNothing(std::string_view name, std::string_view value,
                  std::string_view tag) {
  switch (name.size()) {
    case 5:
      return EqualsNoCase(name, "style") && !ContainsNoCase(value, "none") &&
             !ContainsNoCase(value, "hidden");
    case 3:
      return EqualsNoCase(name, "rel") && !ContainsNoCase(value, "author") &&
             !ContainsNoCase(value, "canonical");
    case 4:
      return EqualsNoCase(name, "type") && !EqualsNoCase(tag, "script") &&
             !EqualsNoCase(tag, "input");
    case 8:
      // Only a reply's item type is read (InReplyItem).
      return EqualsNoCase(name, "itemtype") &&
             !ContainsNoCase(value, "comment") &&
             !ContainsNoCase(value, "answer") &&
             !ContainsNoCase(value, "review");
    default:
      return false;
  }
}

// The names of the attributes a start tag keeps, to drop a repeat. HTML5
// keeps the first of two attributes of one name. Gumbo drops the second only
// while it still records errors (max_errors; past that it glues the next
// attribute's name to a repeat without a value), so the tree of a tag with one
// would hang on the count of parse errors before it, and such a page could not
// take StandInParse's shorter text, whose count differs (stand_in_parse.h).
// Dropped before parsing, the tag reads as HTML5 says.
class KeptNames {
 public:
  // Whether `name` repeats a kept name (ignoring case); if not, it is kept.
  // Past the array's size (a tag with that many read attributes is rare) a
  // repeat is left to the stand-in scan, which then parses the page as it is.
  bool Repeats(std::string_view name) {
    for (size_t k = 0; k < count_; ++k) {
      if (SameNoCase(std::string_view(names_[k].data, names_[k].size), name))
        return true;
    }
    if (count_ < std::size(names_))
      names_[count_++] = {name.data(), name.size()};
    return false;
  }

 private:
  struct Name {
    const char* data;
    size_t size;
  };
  Name names_[16];  // not initialised: read only below count_
  size_t count_ = 0;
};

// One attribute of a start tag as ScanAttribute reads it.
struct ScannedAttribute {
  size_t space = 0;    // where the white space before it starts
  size_t name_at = 0;  // where its name starts
  size_t end = 0;      // one past it (the tag's '>' for kTagEnd)
  std::string_view name, value;
};
enum class AttributeScan { kAttribute, kTagEnd, kUnfinished, kNameless };

// The attribute after `i` in a start tag (past a tag name or an attribute),
// or the tag's end; kUnfinished when the page ends first or inside a quote,
// kNameless at a value without a name (its end where scanning goes on).
AttributeScan ScanAttribute(std::string_view html, size_t i,
                            ScannedAttribute* a) {
  a->space = i;
  while (i < html.size() &&
         (html[i] == ' ' || html[i] == '\n' || html[i] == '\t' ||
          html[i] == '\r' || html[i] == '\f' || html[i] == '/'))
    ++i;
  if (i >= html.size()) return AttributeScan::kUnfinished;
  if (html[i] == '>') {
    a->end = i;
    return AttributeScan::kTagEnd;
  }
  a->name_at = i;
  while (i < html.size() && html[i] != '=' && html[i] != '>' &&
         html[i] != ' ' && html[i] != '\n' && html[i] != '\t' &&
         html[i] != '\r' && html[i] != '\f' && html[i] != '/')
    ++i;
  a->name = html.substr(a->name_at, i - a->name_at);
  size_t j = i;
  while (j < html.size() && (html[j] == ' ' || html[j] == '\n' ||
                             html[j] == '\t' || html[j] == '\r'))
    ++j;
  if (j < html.size() && html[j] == '=') {
    ++j;
    while (j < html.size() && (html[j] == ' ' || html[j] == '\n' ||
                               html[j] == '\t' || html[j] == '\r'))
      ++j;
    if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
      const size_t close = html.find(html[j], j + 1);
      if (close == std::string_view::npos) return AttributeScan::kUnfinished;
      a->value = html.substr(j + 1, close - j - 1);
      i = close + 1;
    } else {
      const size_t value_start = j;
      while (j < html.size() && html[j] != '>' && html[j] != ' ' &&
             html[j] != '\n' && html[j] != '\t' && html[j] != '\r')
        ++j;
      a->value = html.substr(value_start, j - value_start);
      i = j;
    }
  }
  a->end = i;
  return a->name.empty() ? AttributeScan::kNameless : AttributeScan::kAttribute;
}

// At the '<' at `pos`: for a start tag, drops the attributes extraction does
// not read (KeepsAttribute) from the text gumbo parses, recording each dropped
// range in out->breaks. Returns where scanning goes on. A tag it cannot read to
// its end (an unclosed quote) is left as it is.
size_t DropUnreadAttributes(std::string_view html, size_t pos, size_t* copied,
                            ParsedText* out,
                            std::vector<std::pair<size_t, size_t>>* scratch) {
  size_t i = pos + 1;
  if (i + 1 < html.size() && html[i] == '/' &&
      std::isalpha(static_cast<unsigned char>(html[i + 1]))) {
    const size_t gt =
        html.find('>', i);  // an end tag: its attributes are ignored anyway
    return gt == std::string_view::npos ? html.size() : gt + 1;
  }
  if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i])))
    return pos + 1;
  const size_t name_start = i;
  // The tag name runs to white space, '/' or '>' ("time-ago", "my:tag").
  while (i < html.size() && html[i] != ' ' && html[i] != '\n' &&
         html[i] != '\t' && html[i] != '\r' && html[i] != '\f' &&
         html[i] != '/' && html[i] != '>')
    ++i;
  const std::string_view tag_name = html.substr(name_start, i - name_start);
  const bool link_tag = EqualsNoCase(tag_name, "link");
  // The ranges to drop, kept until the tag is read to its end; the caller's
  // vector, so that no tag allocates one.
  std::vector<std::pair<size_t, size_t>>& drops = *scratch;
  drops.clear();
  KeptNames kept;
  std::pair<size_t, size_t> link_href{0, 0};  // a <link>'s href, if any
  bool canonical = false;                     // its rel says canonical
  while (true) {
    ScannedAttribute attr;
    const AttributeScan scan = ScanAttribute(html, i, &attr);
    if (scan == AttributeScan::kUnfinished) return html.size();
    i = attr.end;
    if (scan == AttributeScan::kNameless) return i;
    if (scan == AttributeScan::kTagEnd) break;
    const size_t attr_space = attr.space, attr_name = attr.name_at;
    const std::string_view name = attr.name, value = attr.value;
    const bool read = KeepsAttribute(name, link_tag);
    const bool named_href = EqualsNoCase(name, "href");
    const bool href = !read && named_href;
    if ((read || href) && kept.Repeats(name)) {
      drops.emplace_back(attr_space, i);
      continue;
    }
    // A <link>'s address is read only from rel=canonical, which may come
    // after it: decided at the tag's end.
    if (link_tag && named_href) {
      link_href = {attr_space, i};
      continue;
    }
    if (link_tag && EqualsNoCase(name, "rel") &&
        ContainsNoCase(value, "canonical"))
      canonical = true;
    if (read && TellsNothing(name, value, tag_name)) {
      drops.emplace_back(attr_space, i);
      continue;
    }
    if (!read) {
      // A donation page's address stays: a box that ends with a button to
      // one is an appeal (MarkDonationBoxes in html_extract.cc).
      if (href && IsDonationLink(value)) continue;
      // An href says that an <a> is a link (one without is an anchor): its name
      // and quotes stay, the URL goes.
      if (href && i - 1 > attr_name &&
          (html[i - 1] == '"' || html[i - 1] == '\'')) {
        const size_t open = html.find(html[i - 1], attr_name);
        if (open + 1 < i - 1) drops.emplace_back(open + 1, i - 1);
      } else if (!href) {
        drops.emplace_back(attr_space, i);
      }
    }
  }
  if (link_href.second > 0 && !canonical) {
    drops.push_back(link_href);
    std::sort(drops.begin(), drops.end());
  }
  for (const auto& [from, to] : drops) {
    out->text.append(html.substr(*copied, from - *copied));
    *copied = to;
    out->breaks.emplace_back(out->text.size(), to);
  }
  return i + 1;
}

// After a tag ending just before `pos`: a run of white space up to the next tag
// (the page's indentation) is cut to its first character. Gumbo makes a token
// of every white space character, and segmentation collapses runs to one space
// anyway; a run inside text is kept, so every text node keeps its offsets.
// Returns `pos`.
size_t DropIndentation(std::string_view html, size_t pos, size_t* copied,
                       ParsedText* out) {
  if (pos == 0 || pos > html.size() || html[pos - 1] != '>') return pos;
  size_t end = pos;
  while (end < html.size() && (html[end] == ' ' || html[end] == '\n' ||
                               html[end] == '\t' || html[end] == '\r'))
    ++end;
  if (end - pos < 2 || end >= html.size() || html[end] != '<') return pos;
  out->text.append(html.substr(*copied, pos + 1 - *copied));
  *copied = end;
  out->breaks.emplace_back(out->text.size(), end);
  return end;
}

// Whether a dropped body holds HTML written for readers: a <noscript> is by
// definition what a reader without scripts is shown, a <template> markup a
// script will insert, and a script whose type names HTML or a template
// ("text/html", "text/template", "text/x-handlebars-template",
// "text/x-jquery-tmpl") is a data block of markup the page's script renders,
// not code. `start_tag`: the element's start tag, lower-cased.
bool HoldsMarkupForReaders(std::string_view name, std::string_view start_tag) {
  if (name == "noscript" || name == "template") return true;
  if (name != "script") return false;
  for (size_t at = start_tag.find("type"); at != std::string_view::npos;
       at = start_tag.find("type", at + 4)) {
    if (!std::isspace(static_cast<unsigned char>(start_tag[at - 1]))) continue;
    size_t v = at + 4;
    while (v < start_tag.size() &&
           (start_tag[v] == ' ' || start_tag[v] == '=' || start_tag[v] == '"' ||
            start_tag[v] == '\''))
      ++v;
    const std::string_view type =
        start_tag.substr(v, start_tag.find_first_of("\"' >", v) - v);
    return type.find("html") != std::string_view::npos ||
           type.find("template") != std::string_view::npos ||
           type.find("tmpl") != std::string_view::npos;
  }
  return false;
}

}  // namespace

ParsedText DropRawTextBodies(std::string_view html) {
  ParsedText out;
  out.text.reserve(html.size());
  size_t copied =
      0;  // html[0, copied) is in out.text (less the dropped ranges)
  std::vector<std::pair<size_t, size_t>> drops;  // DropUnreadAttributes'
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (CommentAt(html, pos)) {
      size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      // Comments (and the markup of conditional comments) are never shown.
      out.text.append(html.substr(copied, pos - copied));
      copied = end + 3;
      out.breaks.emplace_back(out.text.size(), copied);
      pos = end + 3;
      continue;
    }
    std::string_view name;
    // Every name below starts with s, n or t: other tags go straight on.
    const char first = pos + 1 < html.size() ? LowerAscii(html[pos + 1]) : '\0';
    if (first != 's' && first != 'n' && first != 't') {
      pos = DropUnreadAttributes(html, pos, &copied, &out, &drops);
      pos = DropIndentation(html, pos, &copied, &out);
      continue;
    }
    if (StartsWithNoCase(html, pos + 1, "script")) {
      name = "script";
    } else if (StartsWithNoCase(html, pos + 1, "style")) {
      name = "style";
    } else if (StartsWithNoCase(html, pos + 1, "svg")) {
      name = "svg";
    } else if (StartsWithNoCase(html, pos + 1, "noscript")) {
      name = "noscript";
    } else if (StartsWithNoCase(html, pos + 1, "template")) {
      name = "template";
    } else if (StartsWithNoCase(html, pos + 1, "select")) {
      name = "select";
    } else {
      pos = DropUnreadAttributes(html, pos, &copied, &out, &drops);
      pos = DropIndentation(html, pos, &copied, &out);
      continue;
    }
    // A tag name ends at white space, '/' or '>': <scripts>, <select-box> and
    // <svg-icon> are other (custom) elements.
    const auto name_ends_at = [&](size_t at) {
      return at >= html.size() ||
             std::isspace(static_cast<unsigned char>(html[at])) ||
             html[at] == '/' || html[at] == '>';
    };
    size_t after_name = pos + 1 + name.size();
    if (!name_ends_at(after_name)) {
      pos = after_name;
      continue;
    }
    size_t body = TagEnd(html, after_name);
    if (body == std::string_view::npos) break;
    // The start tag loses its unread and repeated attributes as any other
    // does; read only up to its end as TagEnd finds it, so that nothing past
    // it is dropped.
    DropUnreadAttributes(html.substr(0, body), pos, &copied, &out, &drops);
    std::string closing = "</" + std::string(name);
    size_t end = body;
    while ((end = html.find("</", end)) != std::string_view::npos &&
           !(StartsWithNoCase(html, end, closing) &&
             name_ends_at(end + closing.size()))) {
      end += 2;
    }
    if (end == std::string_view::npos) break;
    std::string start_tag = AsciiLower(html.substr(pos, body - pos));
    if (end > body && HoldsMarkupForReaders(name, start_tag))
      out.held.emplace_back(body, end);
    if (start_tag.find("ld+json") == std::string::npos && end > body) {
      out.text.append(html.substr(copied, body - copied));
      copied = end;
      out.breaks.emplace_back(out.text.size(), end);
    }
    pos = end;
  }
  out.text.append(html.substr(copied));
  return out;
}

}  // namespace dateline::extract_internal
