#include "extract/stand_in_parse.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "extract/text_rules.h"

namespace dateline::extract_internal {
namespace {

constexpr char kStandIn = '\x01';
// Names compared for every tag or attribute, as views (no strlen per use).
constexpr std::string_view kType = "type", kEncoding = "encoding",
                           kPlaintext = "plaintext", kHtml = "html",
                           kBody = "body";
// What gumbo makes of the stand-in byte (a control character): U+FFFD.
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether gumbo decodes `s` to itself, in text and in quoted attribute
// values: no character reference, no CR (made LF), NUL or control character,
// no invalid UTF-8 and no code point gumbo replaces by U+FFFD (C1 controls,
// noncharacters).
bool DecodesToItself(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    // Eight bytes at a time while they are all printable ASCII other than '&'
    // (no byte below 0x20 or at or above 0x7F, none equal to '&').
    while (end - p >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      constexpr uint64_t kOnes = 0x0101010101010101ULL;
      constexpr uint64_t kHigh = 0x8080808080808080ULL;
      const uint64_t amp = w ^ (kOnes * '&');
      const uint64_t special =
          ((w - kOnes * 0x20) | (w + kOnes * 0x01) | w | (amp - kOnes)) & kHigh;
      if (special != 0) break;
      p += 8;
    }
    if (p >= end) break;
    const unsigned char c = *p;
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f') || c == 0x7F ||
          c == '&')
        return false;
      ++p;
      continue;
    }
    char32_t cp;
    size_t len;
    if (c >= 0xC2 && c <= 0xDF) {
      cp = c & 0x1F;
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      cp = c & 0x0F;
      len = 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      cp = c & 0x07;
      len = 4;
    } else {
      return false;
    }
    if (static_cast<size_t>(end - p) < len) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[k] & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return false;
    if (cp <= 0x9F || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
      return false;
    p += len;
  }
  return true;
}

// Elements whose content the tokenizer reads as raw text or RCDATA (or, for
// <noscript>, that the tree builder reads differently in <head>): no stand-ins
// inside. <plaintext> runs to the end of the page.
bool IsRawTextElement(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kRawText = {
      "script", "style",   "textarea", "title",   "xmp",
      "iframe", "noembed", "noframes", "noscript"};
  for (std::string_view raw : kRawText) {
    if (EqualsNoCase(name, raw)) return true;
  }
  return false;
}

}  // namespace

void* GumboArena::Allocate(void* arena, size_t size) {
  auto* a = static_cast<GumboArena*>(arena);
  size = (size + 15) & ~size_t{15};  // malloc's alignment
  if (size <= static_cast<size_t>(a->end_ - a->next_)) {
    void* p = a->next_;
    a->next_ += size;
    return p;
  }
  return a->Grow(size);
}

void* GumboArena::Grow(size_t size) {
  const size_t block = std::max(size, next_block_);
  if (reserved_ + block > kLimit) {
    ++heap_allocations_;
    return std::malloc(size);
  }
  // Not value-initialised: gumbo writes what it reads.
  blocks_.emplace_back(std::unique_ptr<char[]>(new char[block]), block);
  reserved_ += block;
  next_block_ = block * 2;
  next_ = blocks_.back().first.get() + size;
  end_ = blocks_.back().first.get() + block;
  return blocks_.back().first.get();
}

void GumboArena::Deallocate(void* arena, void* p) {
  auto* a = static_cast<GumboArena*>(arena);
  if (a->heap_allocations_ == 0 || p == nullptr) return;
  for (const auto& [block, size] : a->blocks_) {
    if (p >= block.get() && p < block.get() + size) return;
  }
  std::free(p);
}

namespace {

// The first block: gumbo takes some 20-60 bytes per byte it parses.
size_t FirstBlock(size_t html_size) {
  return std::clamp(html_size * 16, size_t{64} << 10, size_t{8} << 20);
}

GumboOptions ArenaOptions(GumboArena* arena, int max_errors) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = max_errors;
  options.allocator = &GumboArena::Allocate;
  options.deallocator = &GumboArena::Deallocate;
  options.userdata = arena;
  return options;
}

}  // namespace

StandInParse::StandInParse(std::string_view html, int max_errors)
    : html_(html),
      arena_(FirstBlock(html.size())),
      options_(ArenaOptions(&arena_, max_errors)) {
  if (html.find(kStandIn) == std::string_view::npos) Scan();
  if (!stand_ins_.empty() && !duplicate_attributes_) {
    found_.assign(stand_ins_.size(), false);
    delta_.reserve(stand_ins_.size() + 1);
    delta_.push_back(0);
    for (const StandIn& s : stand_ins_)
      delta_.push_back(delta_.back() + (s.to - s.from) - 1);
    output_ = gumbo_parse_with_options(&options_, short_.data(), short_.size());
    parsed_bytes_ = short_.size();
    if (Restore()) {
      stood_in_ = true;
      return;
    }
    if (!arena_.all_in_blocks()) gumbo_destroy_output(&options_, output_);
  }
  output_ = gumbo_parse_with_options(&options_, html.data(), html.size());
  parsed_bytes_ += html.size();
}

// Memory from the arena's blocks goes with it: gumbo's walk over the tree to
// free each piece is needed only for what came from malloc.
StandInParse::~StandInParse() {
  if (!arena_.all_in_blocks()) gumbo_destroy_output(&options_, output_);
}

// Text runs between markup are stood in for; markup is copied, but for the
// quoted values of start tags' attributes. Wherever the scan is unsure of
// what gumbo's tokenizer will do (an unterminated comment or tag, <plaintext>)
// it stops placing stand-ins: a byte copied as it is is always safe. What it
// skips (comments, raw text, the rest after a stop) is still searched for
// duplicate attributes.
void StandInParse::Scan() {
  const std::string_view h = html_;
  short_.reserve(h.size());
  size_t pos = 0, copied = 0;
  while (pos < h.size()) {
    size_t lt = h.find('<', pos);
    if (lt == std::string_view::npos) lt = h.size();
    StandInText(pos, lt, &copied);
    if (lt + 1 >= h.size()) break;
    const char c = h[lt + 1];
    size_t next = std::string_view::npos;
    // Comments and CDATA start with "<!": the other tags are not compared.
    if (c == '!' && h.compare(lt, 4, "<!--") == 0) {
      // Gumbo's comment ends at the first "-->" (or earlier, at "--!>" or in
      // "<!-->"): resuming at or after it is safe.
      const size_t end = h.find("-->", lt + 2);
      if (end != std::string_view::npos) next = end + 3;
    } else if (c == '!' && h.compare(lt, 9, "<![CDATA[") == 0) {
      const size_t end = h.find("]]>", lt + 9);
      if (end != std::string_view::npos) next = end + 3;
    } else if (c == '!' || c == '?' ||
               (c == '/' && lt + 2 < h.size() && !IsAsciiAlpha(h[lt + 2]))) {
      // A doctype or bogus comment ends at the first '>' ("</>" is one too).
      const size_t gt = h.find('>', lt + 2);
      if (gt != std::string_view::npos) next = gt + 1;
    } else if (IsAsciiAlpha(c) || c == '/') {
      next = ReadTag(lt, &copied);
      if (next == std::string_view::npos) break;  // ReadTag searched the rest
      pos = next;
      continue;
    } else {
      next = lt + 1;  // a '<' that starts no markup is text
    }
    FindDuplicateAttributes(lt + 1, std::min(next, h.size()));
    if (next == std::string_view::npos) break;
    pos = next;
  }
  short_.append(h.substr(copied));
}

// The tag at `pos` ("<" or "</" and a letter) as the tokenizer reads it: its
// name, then attributes with quoted or unquoted values. With `copied`, places
// stand-ins for the values of a start tag's attributes and skips the raw text
// of the elements that have it. Notes two attributes of one name. Returns the
// position after the tag (or after the raw text), or npos where the scan
// stops.
size_t StandInParse::ReadTag(size_t pos, size_t* copied) {
  const std::string_view h = html_;
  const bool end_tag = h[pos + 1] == '/';
  size_t i = pos + (end_tag ? 2 : 1);
  const size_t name_start = i;
  while (i < h.size() && !IsHtmlSpace(h[i]) && h[i] != '/' && h[i] != '>') ++i;
  const std::string_view name = h.substr(name_start, i - name_start);
  // A second <html> or <body> start tag is not an element: the tree builder
  // adds its attributes to the first one's where it lacks them and drops the
  // rest, so a stand-in there may be nowhere in the tree, and the page would
  // be parsed again. Their few values are lexed as they are.
  const bool merged = EqualsNoCase(name, kHtml) || EqualsNoCase(name, kBody);
  names_.clear();
  while (true) {
    while (i < h.size() && (IsHtmlSpace(h[i]) || h[i] == '/')) ++i;
    if (i >= h.size()) return Stop(pos, copied);
    if (h[i] == '>') break;
    const size_t attr_start = i++;  // a first '=' belongs to the name
    while (i < h.size() && !IsHtmlSpace(h[i]) && h[i] != '/' && h[i] != '>' &&
           h[i] != '=')
      ++i;
    const std::string_view attr = h.substr(attr_start, i - attr_start);
    for (std::string_view seen : names_) {
      duplicate_attributes_ |= SameNoCase(attr, seen);
    }
    // A name gumbo rewrites (a NUL or invalid UTF-8 made U+FFFD) may equal
    // another once rewritten ("\0" and "\xDF" are both U+FFFD): taken as a
    // second name of one, so the page is parsed as it is.
    duplicate_attributes_ |= !DecodesToItself(attr);
    names_.push_back(attr);
    size_t j = i;
    while (j < h.size() && IsHtmlSpace(h[j])) ++j;
    if (j >= h.size() || h[j] != '=') {
      i = j;
      continue;
    }
    ++j;
    while (j < h.size() && IsHtmlSpace(h[j])) ++j;
    if (j >= h.size()) return Stop(pos, copied);
    if (h[j] == '"' || h[j] == '\'') {
      const size_t close = h.find(h[j], j + 1);
      if (close == std::string_view::npos) return Stop(pos, copied);
      // The tree builder reads `type` (<input type=hidden> in a table) and
      // `encoding` (<annotation-xml>).
      const std::string_view value = h.substr(j + 1, close - j - 1);
      if (copied != nullptr && !end_tag && !merged && value.size() >= 2 &&
          !EqualsNoCase(attr, kType) && !EqualsNoCase(attr, kEncoding) &&
          DecodesToItself(value))
        StandInRange(j + 1, close, /*attribute=*/true, copied);
      i = close + 1;
    } else {
      while (j < h.size() && !IsHtmlSpace(h[j]) && h[j] != '>') ++j;
      i = j;
    }
  }
  ++i;  // past '>'
  if (end_tag || copied == nullptr) return i;
  if (EqualsNoCase(name, kPlaintext)) return Stop(i, copied);
  if (!IsRawTextElement(name)) return i;
  // Raw text runs to the element's end tag: "</name" and then white space, '/'
  // or '>'.
  for (size_t end = h.find("</", i); end != std::string_view::npos;
       end = h.find("</", end + 2)) {
    const size_t after = end + 2 + name.size();
    if (after >= h.size()) break;
    if (SameNoCase(name, h.substr(end + 2, name.size())) &&
        (IsHtmlSpace(h[after]) || h[after] == '/' || h[after] == '>')) {
      FindDuplicateAttributes(i, end);
      return end;
    }
  }
  return Stop(i, copied);
}

// The scan stops at `pos`: no stand-ins past it, but its tags are searched for
// duplicate attributes.
size_t StandInParse::Stop(size_t pos, const size_t* copied) {
  if (copied != nullptr) FindDuplicateAttributes(pos, html_.size());
  return std::string_view::npos;
}

// Gumbo drops the second of two attributes of one name, and clears the name
// it was reading only while it still records errors (max_errors): past that
// the next attribute's name is glued to the dropped one. The tree then hangs
// on the count of parse errors, which stand-ins change, so a page with such a
// tag anywhere gumbo may read one (every "<" and letter of the page, in
// comments and raw text too) is parsed as it is.
void StandInParse::FindDuplicateAttributes(size_t from, size_t to) {
  const std::string_view h = html_;
  for (size_t lt = h.find('<', from); lt < to && !duplicate_attributes_;
       lt = h.find('<', lt + 1)) {
    if (lt + 2 < h.size() && (IsAsciiAlpha(h[lt + 1]) ||
                              (h[lt + 1] == '/' && IsAsciiAlpha(h[lt + 2]))))
      ReadTag(lt, nullptr);
  }
}

// The text in [from, to) (no '<' in it): each stretch between character
// references ("&amp;"), less its leading and trailing white space, is stood in
// for. After a '&' that does not end in ';' within 32 characters the rest is
// copied as it is (the tokenizer's reading of it may look past the stretch).
void StandInParse::StandInText(size_t from, size_t to, size_t* copied) {
  const std::string_view h = html_;
  size_t i = from;
  while (i < to) {
    const void* amp = std::memchr(h.data() + i, '&', to - i);
    const size_t a = amp ? static_cast<const char*>(amp) - h.data() : to;
    size_t b = i, e = a;
    while (b < e && IsHtmlSpace(h[b])) ++b;
    while (e > b && IsHtmlSpace(h[e - 1])) --e;
    if (e - b >= 2 && DecodesToItself(h.substr(b, e - b)))
      StandInRange(b, e, /*attribute=*/false, copied);
    if (a == to) return;
    size_t k = a + 1;
    while (k < to && k - a <= 32 &&
           (IsAsciiAlpha(h[k]) || (h[k] >= '0' && h[k] <= '9') || h[k] == '#'))
      ++k;
    if (k == a + 1 || k >= to || h[k] != ';') return;
    i = k + 1;
  }
}

void StandInParse::StandInRange(size_t from, size_t to, bool attribute,
                                size_t* copied) {
  short_.append(html_.substr(*copied, from - *copied));
  stand_ins_.push_back({short_.size(), from, to, attribute});
  short_.push_back(kStandIn);
  *copied = to;
}

size_t StandInParse::ToHtml(size_t short_offset) const {
  const auto it = std::lower_bound(
      stand_ins_.begin(), stand_ins_.end(), short_offset,
      [](const StandIn& s, size_t offset) { return s.at < offset; });
  return short_offset + delta_[it - stand_ins_.begin()];
}

// Restore asks in document order, so the offsets asked for mostly rise a
// little from one question to the next, and the answer is at or just past the
// last one; elsewhere (nodes the tree builder moved) it is searched for.
size_t StandInParse::FirstStandInFrom(size_t short_offset) {
  const auto at_or_after = [&](size_t i) {
    return (i == 0 || stand_ins_[i - 1].at < short_offset) &&
           (i == stand_ins_.size() || stand_ins_[i].at >= short_offset);
  };
  for (size_t i = hint_; i < hint_ + 3 && i <= stand_ins_.size(); ++i) {
    if (at_or_after(i)) return hint_ = i;
  }
  const auto it = std::lower_bound(
      stand_ins_.begin(), stand_ins_.end(), short_offset,
      [](const StandIn& x, size_t offset) { return x.at < offset; });
  return hint_ = static_cast<size_t>(it - stand_ins_.begin());
}

char* StandInParse::Allocate(std::string_view s) const {
  char* p =
      static_cast<char*>(options_.allocator(options_.userdata, s.size() + 1));
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

// Walks the whole tree (templates' contents, comments and the document's
// children included), putting each stand-in's text back and moving text
// nodes' source spans into html_. False when a stand-in is not found where
// it belongs.
bool StandInParse::Restore() {
  std::vector<GumboNode*> stack{output_->document};
  while (!stack.empty()) {
    GumboNode* n = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    switch (n->type) {
      case GUMBO_NODE_DOCUMENT:
        children = &n->v.document.children;
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        if (!RestoreAttributes(n)) return false;
        children = &n->v.element.children;
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        if (!RestoreText(n)) return false;
        break;
      default:
        break;
    }
    if (children == nullptr) continue;
    for (size_t i = children->length; i-- > 0;)
      stack.push_back(static_cast<GumboNode*>(children->data[i]));
  }
  return std::find(found_.begin(), found_.end(), false) == found_.end();
}

bool StandInParse::RestoreText(GumboNode* node) {
  GumboText& t = node->v.text;
  const char* data = t.original_text.data;
  if (data < short_.data() || data > short_.data() + short_.size() ||
      t.original_text.length > short_.size() - (data - short_.data()))
    return false;
  const size_t s = data - short_.data(), e = s + t.original_text.length;
  const auto first = stand_ins_.begin() + FirstStandInFrom(s);
  const auto last = stand_ins_.begin() + FirstStandInFrom(e);
  const size_t hs = s + delta_[first - stand_ins_.begin()];
  const size_t he = e + delta_[last - stand_ins_.begin()];
  t.original_text.data = html_.data() + hs;
  t.original_text.length = he - hs;
  // A text node's position is where its text starts: mapped above.
  t.start_pos.offset = static_cast<unsigned int>(
      t.start_pos.offset == s ? hs : ToHtml(t.start_pos.offset));
  if (first == last) return true;
  // A stand-in in a script's text may have been read in a script state where
  // '-' counts; one in CDATA where ']' does.
  if (node->type != GUMBO_NODE_TEXT ||
      (node->parent != nullptr && node->parent->type == GUMBO_NODE_ELEMENT &&
       node->parent->v.element.tag == GUMBO_TAG_SCRIPT))
    return false;
  const std::string_view text = t.text;
  size_t count = 0;
  for (size_t p = text.find(kReplacement); p != std::string_view::npos;
       p = text.find(kReplacement, p + kReplacement.size()))
    ++count;
  if (count != static_cast<size_t>(last - first)) return false;
  for (auto it = first; it != last; ++it)
    found_[it - stand_ins_.begin()] = true;
  std::string restored;
  size_t at = 0, expanded = 0;
  for (auto it = first; it != last; ++it) {
    if (it->attribute) return false;
    expanded += it->to - it->from;
  }
  restored.reserve(text.size() + expanded);
  for (auto it = first; it != last; ++it) {
    const size_t p = text.find(kReplacement, at);
    restored.append(text.substr(at, p - at));
    restored.append(html_.substr(it->from, it->to - it->from));
    at = p + kReplacement.size();
  }
  restored.append(text.substr(at));
  options_.deallocator(options_.userdata, const_cast<char*>(t.text));
  t.text = Allocate(restored);
  return true;
}

bool StandInParse::RestoreAttributes(GumboNode* node) {
  const GumboVector& attrs = node->v.element.attributes;
  for (size_t i = 0; i < attrs.length; ++i) {
    auto* a = static_cast<GumboAttribute*>(attrs.data[i]);
    const char* data = a->original_value.data;
    if (a->original_value.length == 0 || data < short_.data() ||
        data >= short_.data() + short_.size())
      continue;
    const size_t s = data - short_.data(),
                 e = std::min(s + a->original_value.length, short_.size());
    const auto it = stand_ins_.begin() + FirstStandInFrom(s);
    if (it == stand_ins_.end() || it->at >= e) continue;
    if (!it->attribute || e - s != 3 || it->at != s + 1 ||
        std::string_view(a->value) != kReplacement)
      return false;
    options_.deallocator(options_.userdata, const_cast<char*>(a->value));
    a->value = Allocate(html_.substr(it->from, it->to - it->from));
    // Formatting elements the tree builder reopens are clones, sharing their
    // attributes' source: a stand-in may be found more than once.
    found_[it - stand_ins_.begin()] = true;
  }
  return true;
}

}  // namespace dateline::extract_internal
