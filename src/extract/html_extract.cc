#include "extract/html_extract.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/utf8.h"
#include "extract/html_dom.h"
#include "extract/markup_prepass.h"
#include "extract/page_metadata.h"
#include "extract/printed_metadata.h"
#include "extract/text_rules.h"
#include "extract/word_lists.h"

namespace dateline::extract_internal {
namespace {

// Non-link text an element needs before its class name counts in full.
constexpr double kClassTrustChars = 500;

double LinkDensity(size_t link, size_t total) {
  return total == 0 ? 0.0
                    : static_cast<double>(link) / static_cast<double>(total);
}

// Commas of any script: ASCII, the fullwidth and ideographic commas of Chinese
// and Japanese (U+FF0C, U+3001) and the Arabic comma (U+060C).
int CountCommas(std::string_view s) {
  int n = static_cast<int>(std::count(s.begin(), s.end(), ','));
  for (std::string_view mark : {"\xEF\xBC\x8C", "\xE3\x80\x81", "\xD8\x8C"}) {
    for (size_t pos = s.find(mark); pos != std::string_view::npos;
         pos = s.find(mark, pos + mark.size()))
      ++n;
  }
  return n;
}

double TagWeight(const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_ARTICLE:
      return 10;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_SECTION:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

double ClassWeight(const GumboNode* n) {
  double w = 0;
  if (Attribute(n, "itemprop") == "articleBody") w += 50;
  GumboTag tag = n->v.element.tag;
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY) return w;
  const ClassVerdict verdict = ReadClass(n);
  if (verdict.boilerplate) w -= 25;
  if (verdict.content) w += 25;
  return w;
}

// Word tokens (lower-cased ASCII, other bytes kept) for comparing blocks with a
// JSON-LD articleBody. Typographic punctuation separates words as ASCII
// punctuation does: the page prints "can’t" and “quotes” where its JSON-LD copy
// has "can't".
bool IsWordCodepoint(char32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
  if (c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xFFFD) return false;
  if (c >= 0x2000 && c <= 0x206F)
    return false;  // general punctuation, special spaces
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  return true;
}

std::vector<std::string> WordTokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(s, &pos);
    if (IsWordCodepoint(c)) {
      if (c < 0x80) {
        cur += static_cast<char>(std::tolower(static_cast<int>(c)));
      } else {
        cur.append(s.substr(start, pos - start));
      }
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Elements that hold paragraphs rather than being one.
bool IsContainerTag(const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_CENTER:
      return true;
    default:
      return false;
  }
}

// A heading that is all link: another page's title (a teaser card's, a list of
// stories'), not a section of this one.
bool IsLinkedHeading(const HtmlBlock& b) {
  return b.heading != 0 && LinkDensity(b.link_chars, b.text.size()) > 0.9;
}

// Mostly link text: a menu entry or a teaser. A linked lead-in followed by a
// sentence of its own ("<a>Google has bought CloudSimple</a>. The startup
// was...") is a paragraph.
bool IsLinkBlock(const HtmlBlock& b) {
  const double density = LinkDensity(b.link_chars, b.text.size());
  if (density <= 0.5) return false;
  return density > 0.8 || b.text.size() - b.link_chars < 80;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Whether `text` holds a telephone number: seven digits or more in one run of
// digits, spaces, hyphens, slashes and brackets ("+49 30 1234-567", "(555)
// 123-4567", "00000 123-456"). A date and its time ("14.09.2022 - 16:05") make
// no such run: dots and colons end it.
bool HasPhoneNumber(std::string_view text) {
  size_t digits = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : '\0';
    if (IsAsciiDigit(c)) {
      ++digits;
    } else if (digits > 0 &&
               (c == ' ' || c == '-' || c == '/' || c == '(' || c == ')')) {
      continue;
    } else {
      if (digits >= 7) return true;
      digits = 0;
    }
  }
  return false;
}

// A gallery's or slideshow's counter alone: "3 of 12", "3/12", "3 / 12", with
// the medium's name before it ("Image 2 of 5", "Bild 2 von 5", "Photo 2 sur
// 5", "Фотогалерея1 / 4", the name and the number run together), in any
// language: the word between the numbers, if any, is a short one of letters
// ("Bayern 3 - 1" is a score).
bool IsGalleryCounter(const std::vector<std::string_view>& words) {
  const auto digits = [](std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), IsAsciiDigit);
  };
  // The words, a slash between numbers made a word of its own.
  std::vector<std::string_view> parts;
  for (std::string_view w : words) {
    const size_t slash = w.find('/');
    if (slash == std::string_view::npos || w.size() == 1) {
      parts.push_back(w);
      continue;
    }
    if (slash > 0) parts.push_back(w.substr(0, slash));
    parts.push_back("/");
    if (slash + 1 < w.size()) parts.push_back(w.substr(slash + 1));
  }
  if (parts.size() < 3 || parts.size() > 4) return false;
  const size_t at = parts.size() - 3;
  std::string_view first = parts[at];
  if (at == 1) {
    // The medium's name, a word without digits; not a label with its value
    // ("Wertung: 8 von 10" rates).
    if (std::any_of(parts[0].begin(), parts[0].end(), IsAsciiDigit) ||
        parts[0].ends_with(':'))
      return false;
  } else if (const size_t number = first.find_first_of("0123456789");
             number != std::string_view::npos && number > 0) {
    // The name run into the number ("Фотогалерея1").
    first.remove_prefix(number);
  }
  const std::string_view between = parts[at + 1];
  return digits(first) && digits(parts[at + 2]) &&
         (between == "/" ||
          (between.size() <= 4 &&
           std::all_of(between.begin(), between.end(), [](char c) {
             return static_cast<unsigned char>(c) >= 0x80 ||
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
           })));
}

// Whether `text` holds a price: a currency sign next to a digit ("$89.95",
// "29,99 €", "£5").
bool HoldsPrice(std::string_view text) {
  constexpr std::array<std::string_view, 5> kSigns = {"$", "\u20ac", "\u00a3",
                                                      "\u00a5", "\u20b9"};
  for (std::string_view sign : kSigns) {
    for (size_t at = text.find(sign); at != std::string_view::npos;
         at = text.find(sign, at + 1)) {
      const size_t after = at + sign.size();
      if ((after < text.size() && IsAsciiDigit(text[after])) ||
          (at >= 2 && text[at - 1] == ' ' && IsAsciiDigit(text[at - 2])) ||
          (at >= 1 && IsAsciiDigit(text[at - 1])))
        return true;
    }
  }
  return false;
}

// Lines that close an article on the web rather than in print: how to reach the
// writer ("Email Jane at jane@example.com or follow her @jane"), contact
// cards, newsletter pitches, gallery counters ("Image 2 of 5"), reuse notices
// and affiliate disclosures.
bool IsWebFurniture(std::string_view text) {
  // No test reads past 45 words: a block's text is split no further than
  // needed to know it has more.
  std::vector<std::string_view> words = SplitWords(text, 46);
  if (words.size() > 45) return false;
  std::string lower = AsciiLower(text);
  bool email = false;
  for (std::string_view w : words) {
    size_t at = w.find('@');
    if (at != std::string_view::npos && at > 0 &&
        w.find('.', at) != std::string_view::npos)
      email = true;
  }
  // An invitation to follow the writer or the site at a handle ("Follow Jane
  // on Twitter @jane_doe").
  if (lower.starts_with("follow") &&
      std::any_of(words.begin(), words.end(), [](std::string_view w) {
        return w.size() >= 2 && w.front() == '@';
      }))
    return true;
  if (email && (lower.find("follow") != std::string::npos ||
                lower.find("reach") != std::string::npos ||
                lower.find("contact") != std::string::npos ||
                lower.find("email") != std::string::npos ||
                lower.find("e-mail") != std::string::npos ||
                lower.find("tip") != std::string::npos)) {
    return true;
  }
  // A contact card: an address to write to and a number to call, in a line
  // that is no sentence ("Stadtbibliothek, Frau Jana Beispiel, Telefon: 0123
  // 456-789, jana@example.org"), in any language.
  if (email && words.size() <= 30 && HasPhoneNumber(text) &&
      !EndsWithSentencePunctuation(text))
    return true;
  // A newsletter pitch: the word and a verb for signing up, in English,
  // German ("abonnieren", "anmelden"), French ("abonnez", "inscrivez"),
  // Spanish ("suscríbete"), Italian ("iscriviti"), Portuguese ("inscreva",
  // "assine") or Dutch ("abonneer").
  if (words.size() <= 16 && lower.find("newsletter") != std::string::npos) {
    for (std::string_view verb :
         {"subscribe", "sign up", "abonn", "anmelden", "inscri", "suscr",
          "iscri", "inscrev", "assin"}) {
      if (lower.find(verb) != std::string::npos) return true;
    }
  }
  // A pitch for a newsletter by what it brings ("Get the morning briefing
  // in your inbox. It's free.").
  if (words.size() <= 20 && lower.find("your inbox") != std::string::npos) {
    for (std::string_view verb :
         {"get ", "sign up", "subscribe", "delivered", "sent "}) {
      if (lower.find(verb) != std::string::npos) return true;
    }
  }
  // A shop's offer beside the text: a price and a call to buy in a short line
  // that is no sentence ("$249 $189 Save $60", "Binoculars $89.95 View at
  // Amazon", "29,99 € Zum Angebot").
  if (words.size() <= 12 && !EndsWithSentencePunctuation(text) &&
      HoldsPrice(text)) {
    for (std::string_view call :
         {"save ", "view at", "buy at", "shop at", "see at", "check price",
          "see price", "view deal", "see deal", "get deal", "buy now",
          "shop now", "zum angebot", "jetzt kaufen", "bei amazon"}) {
      if (lower.find(call) != std::string::npos) return true;
    }
  }
  if (lower.find("subject to copyright") != std::string::npos) return true;
  // An affiliate disclosure ("When you buy through links on our site, we may
  // earn an affiliate commission"; German pages say "Provision").
  if (lower.find("affiliate") != std::string::npos &&
      (lower.find("commission") != std::string::npos ||
       lower.find("provision") != std::string::npos ||
       lower.find("earn") != std::string::npos))
    return true;
  // Notices for readers without script, and unexpanded WordPress shortcodes.
  if (words.size() <= 12 && lower.find("javascript") != std::string::npos &&
      (lower.find("requires") != std::string::npos ||
       lower.find("enable") != std::string::npos)) {
    return true;
  }
  if (text.starts_with("[") && text.find("[/") != std::string_view::npos)
    return true;
  return IsGalleryCounter(words);
}

// A line that only dates the article: a publication or update label and a
// date, few words beside ("Zuletzt aktualisiert: 05.02.2024", "Published on
// 3 May 2021, 14:05"). Metadata a reader passes over, not text.
bool IsDateLabelLine(std::string_view text) {
  constexpr size_t kMaxWords = 8, kMaxBytes = 100;
  if (text.size() > kMaxBytes ||
      SplitWords(text, kMaxWords + 1).size() > kMaxWords)
    return false;
  return ReadDateLabel(text).label != DateLabel::kNone &&
         FindDateInLine(text, /*month_first=*/false).has_value();
}

// Whether a block's text, by its own words, is a line of furniture: web
// furniture, a date label, or a line ClassifyFurnitureLine classes.
bool IsFurnitureText(std::string_view text) {
  if (IsWebFurniture(text) || IsDateLabelLine(text)) return true;
  FurnitureKind k = ClassifyFurnitureLine(text);
  switch (k) {
    case FurnitureKind::kNone:
    case FurnitureKind::kPlaceList:
      return false;
    case FurnitureKind::kCaption:
      // Long paragraphs may mention a photo; only short lines are captions.
      return text.size() < 300;
    default:
      return true;
  }
}

bool IsFurnitureBlock(const HtmlBlock& b) { return IsFurnitureText(b.text); }

// Whether `n` lies inside one of `roots`; if so sets *root_depth to that root's
// depth and *inner_article to the nearest <article> between `n` and the root
// (or nullptr).
bool InsideAny(const GumboNode* n,
               const std::unordered_map<const GumboNode*, int>& roots,
               int* root_depth, const GumboNode** inner_article) {
  *inner_article = nullptr;
  for (const GumboNode* p = n; p != nullptr; p = p->parent) {
    auto it = roots.find(p);
    if (it != roots.end()) {
      *root_depth = it->second;
      return true;
    }
    if (*inner_article == nullptr && p->type == GUMBO_NODE_ELEMENT &&
        p->v.element.tag == GUMBO_TAG_ARTICLE) {
      *inner_article = p;
    }
  }
  return false;
}

using StatsMap = std::unordered_map<const GumboNode*, ElementStats>;

int DepthOf(const StatsMap& stats, const GumboNode* n) {
  auto it = stats.find(n);
  return it == stats.end() ? 0 : it->second.depth;
}

// What a list item's vote weighs against a paragraph's.
constexpr double kListItemVote = 0.25;

// Each paragraph-like block votes for its element's ancestors (five levels,
// less the further up), on top of what the ancestor's tag and class say.
std::unordered_map<const GumboNode*, double> ScoreElements(
    const std::vector<HtmlBlock>& blocks, const StatsMap& stats) {
  std::unordered_map<const GumboNode*, double> score;
  for (const HtmlBlock& b : blocks) {
    if (b.heading || b.tag_boiler) continue;
    size_t len = b.text.size();
    if (len < 25 || LinkDensity(b.link_chars, len) > 0.5) continue;
    double s = 1 + CountCommas(b.text) + std::min(len / 100.0, 3.0);
    // A list item is one entry of an enumeration (a reference, a menu entry,
    // a product's feature), weaker evidence of the article than a paragraph:
    // a long list of comma-rich references or teasers must not outvote the
    // prose beside it. Its container still gathers the article's own lists.
    if (b.in_list) s *= kListItemVote;
    // Text written straight into a container (a <div> holding prose between
    // <br>s) is that container's own paragraph: credit the container, as its
    // <p> parent would be. Text inside furniture (a comment thread, a
    // related-stories box) votes for no element inside that furniture: a long
    // comment must not pull the choice into it.
    const GumboNode* n = b.element == nullptr        ? nullptr
                         : IsContainerTag(b.element) ? b.element
                                                     : b.element->parent;
    for (int level = 0;
         n != nullptr && n->type == GUMBO_NODE_ELEMENT && level < 5;
         ++level, n = n->parent) {
      if (b.boiler_depth >= 0 && DepthOf(stats, n) >= b.boiler_depth) continue;
      auto [it, inserted] = score.try_emplace(n, 0.0);
      if (inserted) {
        // A class name vouches for an element only as far as it holds text: a
        // "content-title" wrapper around a headline is no article body.
        auto st = stats.find(n);
        double text = st == stats.end()
                          ? 0.0
                          : static_cast<double>(st->second.text_chars -
                                                st->second.link_chars);
        double cw = ClassWeight(n);
        if (cw > 0) cw *= std::min(1.0, text / kClassTrustChars);
        it->second = TagWeight(n) + cw;
      }
      it->second += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
    }
  }
  return score;
}

// Discounts each score by its element's link density and returns the best
// element (the shallower on a tie), or nullptr; its score in *top_score.
const GumboNode* BestElement(
    std::unordered_map<const GumboNode*, double>* score, const StatsMap& stats,
    double* top_score) {
  const GumboNode* top = nullptr;
  *top_score = -1e9;
  for (auto& [n, s] : *score) {
    auto st = stats.find(n);
    double ld = st == stats.end()
                    ? 0
                    : LinkDensity(st->second.link_chars, st->second.text_chars);
    s *= (1 - ld);
    if (s > *top_score ||
        (s == *top_score && DepthOf(stats, n) < DepthOf(stats, top))) {
      top = n;
      *top_score = s;
    }
  }
  return top;
}

// Whether `ancestor` is `n` or holds it.
bool Holds(const GumboNode* ancestor, const GumboNode* n) {
  for (; n != nullptr; n = n->parent) {
    if (n == ancestor) return true;
  }
  return false;
}

// The part of an id before the number that ends it ("post_message_" of
// "post_message_481102"), when it has one and three bytes or more before it;
// else empty.
std::string_view NumberedIdStem(std::string_view id) {
  constexpr size_t kMinStem = 3;
  size_t end = id.size();
  while (end > 0 && IsAsciiDigit(id[end - 1])) --end;
  if (end == id.size() || end < kMinStem) return {};
  return id.substr(0, end);
}

// Whether `n` holds a heading that links elsewhere (`in_heading`: `n` stands
// in a heading already): a listing's entry (a blog's other post, a teaser)
// whose title links to its own page.
bool HoldsLinkedHeading(const GumboNode* n, bool in_heading = false) {
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  const GumboTag tag = n->v.element.tag;
  if (in_heading && tag == GUMBO_TAG_A && HasAttribute(n, "href")) return true;
  in_heading = in_heading || (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H4);
  const GumboVector& c = n->v.element.children;
  for (size_t i = 0; i < c.length; ++i) {
    if (HoldsLinkedHeading(static_cast<const GumboNode*>(c.data[i]),
                           in_heading))
      return true;
  }
  return false;
}

// The elements whose blocks make the article, with their depths: the top
// candidate, its siblings that score well or read like paragraphs, and its
// same-class cousins (same-numbered-id ones when it has no class).
std::unordered_map<const GumboNode*, int> ContentRoots(
    const GumboNode* top, double top_score,
    const std::unordered_map<const GumboNode*, double>& score,
    const StatsMap& stats) {
  std::unordered_map<const GumboNode*, int> roots;
  roots[top] = DepthOf(stats, top);
  const GumboNode* parent = top->parent;
  if (parent && parent->type == GUMBO_NODE_ELEMENT) {
    double threshold = std::max(10.0, top_score * 0.2);
    const GumboVector& c = parent->v.element.children;
    for (size_t i = 0; i < c.length; ++i) {
      const GumboNode* sib = static_cast<const GumboNode*>(c.data[i]);
      if (sib == top || sib->type != GUMBO_NODE_ELEMENT) continue;
      auto sc = score.find(sib);
      bool take = sc != score.end() && sc->second >= threshold;
      if (!take && sib->v.element.tag == GUMBO_TAG_P) {
        auto st = stats.find(sib);
        if (st != stats.end()) {
          double ld = LinkDensity(st->second.link_chars, st->second.text_chars);
          size_t len = st->second.text_chars;
          take = (len > 80 && ld < 0.25) || (len > 0 && ld == 0 && len <= 80);
        }
      }
      if (take) roots[sib] = DepthOf(stats, sib);
    }
  }
  // Content management systems set each element of a page in a box of one
  // kind (TYPO3's "frame frame-type-text", "frame frame-type-header", page
  // builders' modules): the story goes on in the boxes beside the one the
  // top candidate stands in (up to three levels up), boxes whose class opens
  // with the same name, that score as prose does, and that hold no heading
  // linking elsewhere (a listing's other posts).
  {
    const double threshold = std::max(10.0, top_score * 0.2);
    const auto first_class = [](std::string_view cls) {
      cls = TrimSpaces(cls);
      return cls.substr(0, cls.find(' '));
    };
    const GumboNode* a = top;
    for (int up = 0; up < 3 && a->parent != nullptr &&
                     a->parent->type == GUMBO_NODE_ELEMENT;
         ++up, a = a->parent) {
      const std::string_view cls = Attribute(a, "class");
      if (cls.empty()) continue;
      // Columns of a grid stand side by side (the text's and a sidebar's),
      // not one after another as a text's chunks do.
      if (const std::string first = AsciiLower(first_class(cls));
          first.find("col") != std::string::npos ||
          first.find("grid") != std::string::npos)
        continue;
      const GumboVector& c = a->parent->v.element.children;
      for (size_t i = 0; i < c.length; ++i) {
        const GumboNode* sib = static_cast<const GumboNode*>(c.data[i]);
        if (sib == a || sib->type != GUMBO_NODE_ELEMENT) continue;
        if (first_class(Attribute(sib, "class")) != first_class(cls) ||
            HoldsLinkedHeading(sib))
          continue;
        // The box's own score, or its best child's (its text may sit a level
        // down), or that of its items together: children of one class, as an
        // accordion's panels or a list of facts (two or more).
        double best = 0, items = 0;
        int item_count = 0;
        std::string_view item_class;
        if (auto sc = score.find(sib); sc != score.end()) best = sc->second;
        const GumboVector& g = sib->v.element.children;
        for (size_t j = 0; j < g.length; ++j) {
          const auto* child = static_cast<const GumboNode*>(g.data[j]);
          const auto sc = score.find(child);
          if (sc == score.end()) continue;
          best = std::max(best, sc->second);
          const std::string_view cls = Attribute(child, "class");
          if (item_count == 0) item_class = cls;
          if (cls.empty() || cls != item_class) continue;
          items += sc->second;
          ++item_count;
        }
        if (item_count >= 2) best = std::max(best, items);
        if (best >= threshold) roots[sib] = DepthOf(stats, sib);
      }
    }
  }
  // Pages that cut the story into chunks between ad rails repeat the body
  // container's tag and class for each chunk; the chunks are cousins of the top
  // one, not siblings. Forum software sets each post in a box of its own with
  // no class, named by an id that numbers it ("post_message_481102"): the
  // other posts are the cousins whose id differs only in the number.
  const std::string_view top_class = Attribute(top, "class");
  const std::string_view top_stem =
      top_class.empty() ? NumberedIdStem(Attribute(top, "id")) : "";
  if (!top_class.empty() || !top_stem.empty()) {
    for (const auto& [n, s] : score) {
      if (n == top || s < top_score * 0.2 ||
          n->v.element.tag != top->v.element.tag)
        continue;
      if (top_class.empty() ? NumberedIdStem(Attribute(n, "id")) != top_stem
                            : Attribute(n, "class") != top_class)
        continue;
      if (!Holds(top, n) && !Holds(n, top)) roots[n] = DepthOf(stats, n);
    }
  }
  return roots;
}

// The blocks inside `roots` and outside furniture within them. Several
// <article> elements inside the chosen content are teasers for other stories (a
// "you may also like" list the page nested into its article), or stories set
// side by side; the one whose <h1> is `title`, if any, is the story.
std::vector<const HtmlBlock*> BlocksUnder(
    const std::vector<HtmlBlock>& blocks,
    const std::unordered_map<const GumboNode*, int>& roots,
    std::string_view title) {
  std::vector<std::pair<const HtmlBlock*, const GumboNode*>> inside;
  std::unordered_set<const GumboNode*> inner_articles;
  // Paragraphs in a furniture box inside the roots, and how many paragraphs
  // outside such boxes have each class.
  std::vector<bool> boxed;
  std::unordered_map<std::string_view, int> paragraph_classes;
  for (const HtmlBlock& b : blocks) {
    int root_depth = 0;
    const GumboNode* inner = nullptr;
    if (!InsideAny(b.element, roots, &root_depth, &inner)) continue;
    const bool in_box = b.boiler_depth > root_depth;
    const bool paragraph = b.element->v.element.tag == GUMBO_TAG_P;
    // A <header> inside the article heads a section of it ("<header><h2>
    // Von Wochen auf Stunden</h2></header>", as TYPO3 sets a header element):
    // its subheading is the article's.
    const bool section_heading = b.heading >= 2 && b.tag_boiler &&
                                 b.boiler->v.element.tag == GUMBO_TAG_HEADER;
    if (in_box && !paragraph && !section_heading) continue;
    if (!in_box && paragraph) {
      if (const std::string_view cls = Attribute(b.element, "class");
          !cls.empty())
        ++paragraph_classes[cls];
    }
    inside.push_back({&b, inner});
    boxed.push_back(in_box && !section_heading);
    if (inner) inner_articles.insert(inner);
  }
  // A paragraph classed as the article's paragraphs are (three or more of
  // them outside boxes) is the article's in whatever box holds it: a
  // "paywall" container around the rest of the text a subscriber reads.
  constexpr int kMinClassedParagraphs = 3;
  size_t kept_in = 0;
  for (size_t i = 0; i < inside.size(); ++i) {
    if (boxed[i]) {
      const auto it =
          paragraph_classes.find(Attribute(inside[i].first->element, "class"));
      if (it == paragraph_classes.end() || it->second < kMinClassedParagraphs)
        continue;
    }
    inside[kept_in++] = inside[i];
  }
  inside.resize(kept_in);
  // An <article> inside the text with no line of its own text (kCardLineBytes
  // or more, mostly free of links) is a teaser card set in it ("Más
  // información" over another story's linked headline and its writer's name).
  constexpr size_t kCardLineBytes = 80;
  std::unordered_set<const GumboNode*> with_text;
  for (const auto& [b, inner] : inside) {
    if (inner != nullptr && b->text.size() >= kCardLineBytes &&
        LinkDensity(b->link_chars, b->text.size()) <= 0.5)
      with_text.insert(inner);
  }
  // Of several, the one whose <h1> is the title is the story the page is for
  // (the others teasers beside it, or stories appended as the reader
  // scrolls), whatever text stands outside them.
  const GumboNode* story = nullptr;
  if (inner_articles.size() >= 2 && !title.empty()) {
    for (const HtmlBlock& b : blocks) {
      if (b.heading != 1 || b.text != title) continue;
      for (const GumboNode* p = b.element; p != nullptr && story == nullptr;
           p = p->parent) {
        if (inner_articles.count(p) != 0) story = p;
      }
      if (story != nullptr) break;
    }
  }
  std::vector<const HtmlBlock*> out;
  for (const auto& [b, inner] : inside) {
    if (inner != nullptr && inner != story &&
        (inner_articles.size() >= 2 || with_text.count(inner) == 0))
      continue;
    out.push_back(b);
  }
  return out;
}

std::vector<const HtmlBlock*> SelectByScore(
    const std::vector<HtmlBlock>& blocks, const StatsMap& stats,
    std::string_view title) {
  std::unordered_map<const GumboNode*, double> score =
      ScoreElements(blocks, stats);
  double top_score = 0;
  const GumboNode* top = BestElement(&score, stats, &top_score);
  if (top == nullptr) {
    // No element stands out: the long, link-poor blocks outside structural
    // furniture.
    std::vector<const HtmlBlock*> out;
    for (const HtmlBlock& b : blocks) {
      if (!b.tag_boiler && b.text.size() >= 80 &&
          LinkDensity(b.link_chars, b.text.size()) < 0.3) {
        out.push_back(&b);
      }
    }
    return out;
  }
  return BlocksUnder(blocks, ContentRoots(top, top_score, score, stats), title);
}

// A "boilerplate" element that holds most of the page's text is a layout
// wrapper (an off-canvas menu container around the whole page, a <header> left
// unclosed), not furniture: its blocks lose that mark. Text an element classed
// as a widget must hold, nearly free of links, to be read as the article it
// wraps ("entry themeform share": the share buttons' class on the body).
constexpr size_t kProseHolderChars = 1000;

// An element whose class names a small widget (share, social, promo, meta...)
// but that holds a long run of prose: the class is a styling hook, the content
// the article. Classes of what can itself be long (comments, related stories,
// sidebars, footers, recommendations, dialogs laid over the page: the "long"
// cues of data/extract/classes.txt) never qualify.
bool IsProseHolder(const GumboNode* n, const ElementStats& st) {
  if (st.text_chars < kProseHolderChars ||
      LinkDensity(st.link_chars, st.text_chars) > 0.15)
    return false;
  return !ReadClass(n).long_furniture;
}

// Instagram's embed code sets the post's caption, which the story quotes, as
// a link to the post ("<blockquote class=instagram-media>...<p><a
// href=...>caption</a></p>"): inside such a quotation link text is the
// quotation's, not a link to elsewhere. (The lines around the caption are
// furniture_lines.txt's.)
void ForgiveEmbeddedPostLinks(std::vector<HtmlBlock>* blocks) {
  constexpr int kMaxLevels = 6;
  static const std::vector<std::string> kInstagram = {"instagram"};
  for (HtmlBlock& b : *blocks) {
    if (b.link_chars == 0 || b.element == nullptr) continue;
    const GumboNode* a = b.element;
    for (int up = 0;
         up < kMaxLevels && a != nullptr && a->type == GUMBO_NODE_ELEMENT;
         ++up, a = a->parent) {
      if (a->v.element.tag == GUMBO_TAG_BLOCKQUOTE &&
          HasClassToken(a, kInstagram)) {
        b.link_chars = 0;
        break;
      }
    }
  }
}

void ForgiveLayoutWrappers(
    const std::unordered_map<const GumboNode*, ElementStats>& stats,
    std::vector<HtmlBlock>* blocks) {
  size_t total = 0;
  for (const HtmlBlock& b : *blocks) total += b.text.size();
  std::unordered_map<const GumboNode*, bool> verdict;
  for (HtmlBlock& b : *blocks) {
    if (b.boiler == nullptr) continue;
    auto [it, inserted] = verdict.try_emplace(b.boiler, false);
    if (inserted) {
      auto st = stats.find(b.boiler);
      it->second = st != stats.end() &&
                   (st->second.text_chars * 2 > total ||
                    (!b.tag_boiler && IsProseHolder(b.boiler, st->second)));
    }
    if (it->second) {
      b.boiler = nullptr;
      b.boiler_depth = -1;
      b.tag_boiler = false;
    }
  }
}

// A sign-up box set in the text ("Der Sport-Newsletter. Jeden Montag in Ihr
// Postfach. [E-Mail] [Anmelden]"): a small element that holds an e-mail
// field. Its pitch stands in paragraphs beside the <form>, so the form's own
// furniture mark misses it; the field tells in any language. Small: at most
// kSignUpBoxChars of text, so that an article whose container also holds a
// comment form is no such box.
constexpr size_t kSignUpBoxChars = 400;

// Whether `n` holds an <input type=`type`> at most `max_depth` levels down.
bool HoldsInput(const GumboNode* n, std::string_view type, int max_depth) {
  return HoldsElement(n, max_depth, [type](const GumboNode* e) {
    return e->v.element.tag == GUMBO_TAG_INPUT &&
           EqualsNoCase(Attribute(e, "type"), type);
  });
}

// Marks the blocks of sign-up boxes (the nearest of a block's three closest
// ancestors that is one) as furniture.
void MarkSignUpBoxes(const StatsMap& stats, std::vector<HtmlBlock>* blocks) {
  std::unordered_map<const GumboNode*, bool> verdict;
  for (HtmlBlock& b : *blocks) {
    if (b.boiler != nullptr || b.element == nullptr) continue;
    const GumboNode* a = b.element->parent;
    for (int up = 0; up < 3 && a != nullptr && a->type == GUMBO_NODE_ELEMENT;
         ++up, a = a->parent) {
      const auto st = stats.find(a);
      if (st == stats.end() || st->second.text_chars > kSignUpBoxChars) break;
      auto [it, inserted] = verdict.try_emplace(a, false);
      if (inserted) it->second = HoldsInput(a, "email", 4);
      if (it->second) {
        b.boiler = a;
        b.boiler_depth = st->second.depth;
        b.tag_boiler = false;
        break;
      }
    }
  }
}

// A box that asks readers for money, headed so ("Support local journalism",
// "… we have a small favour to ask": furniture_lines.txt's appeal-heading),
// set in or after the text: the nearest of the heading's three closest
// ancestors that holds more than the heading and at most kAppealBoxChars of
// text is furniture, all of it (the pitch, the amounts, the button).
constexpr size_t kAppealBoxChars = 1500;

void MarkAppealBoxes(const StatsMap& stats, std::vector<HtmlBlock>* blocks) {
  for (size_t i = 0; i < blocks->size(); ++i) {
    const HtmlBlock& h = (*blocks)[i];
    if (h.heading < 2 || h.boiler != nullptr || h.element == nullptr ||
        !IsAppealHeading(h.text))
      continue;
    const GumboNode* box = nullptr;
    int depth = 0;
    const GumboNode* a = h.element->parent;
    for (int up = 0; up < 3 && a != nullptr && a->type == GUMBO_NODE_ELEMENT;
         ++up, a = a->parent) {
      const auto st = stats.find(a);
      if (st == stats.end() || st->second.text_chars > kAppealBoxChars) break;
      if (st->second.text_chars > h.text.size()) {
        box = a;
        depth = st->second.depth;
        break;
      }
    }
    if (box == nullptr) continue;
    for (size_t j = i; j < blocks->size(); ++j) {
      HtmlBlock& b = (*blocks)[j];
      if (b.element == nullptr || !Holds(box, b.element)) break;
      if (b.boiler != nullptr) continue;
      b.boiler = box;
      b.boiler_depth = depth;
      b.tag_boiler = false;
    }
  }
}

// A box that asks readers for money and ends with a button to a donation page
// ("Independent journalism for our city. Reader donations fund our reporting.
// [Give now]"), whatever its heading says: the nearest of the button's three
// closest ancestors that holds more than the button, if the button is its
// last block and a heading and a pitch stand above it (three blocks or more),
// at most kDonationBoxChars of text and no block longer than
// kDonationPitchChars (a pitch, not a story's paragraph), is furniture, all of
// it. The button is a block that is one short link (at most
// kDonationButtonWords words).
constexpr size_t kDonationBoxChars = 600, kDonationPitchChars = 300,
                 kDonationButtonWords = 5;

void MarkDonationBoxes(const StatsMap& stats, std::vector<HtmlBlock>* blocks) {
  for (size_t i = 0; i < blocks->size(); ++i) {
    const HtmlBlock& button = (*blocks)[i];
    if (button.boiler != nullptr || button.element == nullptr ||
        button.text.empty() || button.link_chars < button.text.size() ||
        SplitWords(button.text, kDonationButtonWords + 1).size() >
            kDonationButtonWords)
      continue;
    const std::string_view text = button.text;
    const GumboNode* box = nullptr;
    int depth = 0;
    const GumboNode* a = button.element;
    for (int up = 0; up < 3 && a != nullptr && a->type == GUMBO_NODE_ELEMENT;
         ++up, a = a->parent) {
      const auto st = stats.find(a);
      if (st == stats.end() || st->second.text_chars > kDonationBoxChars) break;
      if (st->second.text_chars > text.size()) {
        box = a;
        depth = st->second.depth;
        break;
      }
    }
    if (box == nullptr) continue;
    size_t first = i, last = i;
    while (first > 0 && (*blocks)[first - 1].element != nullptr &&
           Holds(box, (*blocks)[first - 1].element))
      --first;
    while (last + 1 < blocks->size() &&
           (*blocks)[last + 1].element != nullptr &&
           Holds(box, (*blocks)[last + 1].element))
      ++last;
    bool pitch = last == i && last - first >= 2;
    for (size_t j = first; j <= last; ++j)
      pitch = pitch && (*blocks)[j].text.size() <= kDonationPitchChars;
    if (!pitch) continue;
    // Read last: the box is small, so is the button's element.
    if (!HoldsElement(button.element, 3, [text](const GumboNode* e) {
          return e->v.element.tag == GUMBO_TAG_A &&
                 IsDonationLink(Attribute(e, "href")) &&
                 CollapseSpaces(NodeText(e, 200)) == text;
        }))
      continue;
    for (size_t j = first; j <= last; ++j) {
      HtmlBlock& b = (*blocks)[j];
      if (b.boiler != nullptr) continue;
      b.boiler = box;
      b.boiler_depth = depth;
      b.tag_boiler = false;
    }
  }
}

// A log-in or registration form: a <form> that holds a password field. Its
// text (field labels, the password rules, error messages, terms to accept) is
// never a page's text, in any language, so unlike other forms nothing wins it
// back, not even a page that has no other text. A form wrapping a whole page
// (ASP.NET's) with a log-in box somewhere in it is no such form: it holds
// more than kLoginFormChars of text, or the page's structure (an <h1>, an
// <article> or <main>).
constexpr size_t kLoginFormChars = 3000;

bool HoldsPageStructure(const GumboNode* n) {
  return HoldsElement(n, static_cast<int>(kMaxNesting), [](const GumboNode* e) {
    const GumboTag tag = e->v.element.tag;
    return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_ARTICLE ||
           tag == GUMBO_TAG_MAIN;
  });
}

// Marks the blocks of log-in forms as structural furniture.
void MarkLoginForms(const StatsMap& stats, std::vector<HtmlBlock>* blocks) {
  std::unordered_map<const GumboNode*, bool> verdict;
  for (HtmlBlock& b : *blocks) {
    if (b.element == nullptr) continue;
    const GumboNode* form = b.element;
    while (form != nullptr && form->type == GUMBO_NODE_ELEMENT &&
           form->v.element.tag != GUMBO_TAG_FORM)
      form = form->parent;
    if (form == nullptr || form->type != GUMBO_NODE_ELEMENT) continue;
    auto [it, inserted] = verdict.try_emplace(form, false);
    if (inserted) {
      const auto st = stats.find(form);
      it->second = st != stats.end() &&
                   st->second.text_chars <= kLoginFormChars &&
                   HoldsInput(form, "password", 8) && !HoldsPageStructure(form);
    }
    if (!it->second) continue;
    b.boiler = form;
    b.boiler_depth = stats.at(form).depth;
    b.tag_boiler = true;
  }
}

// Blocks whose words lie in the JSON-LD articleBody; empty when they cover too
// little of it for the guide to be trusted.
std::vector<const HtmlBlock*> SelectByArticleBody(
    const std::vector<HtmlBlock>& blocks, std::string_view body) {
  std::vector<std::string> body_tokens = WordTokens(body);
  std::unordered_set<std::string> vocab(body_tokens.begin(), body_tokens.end());
  std::vector<bool> in_body(blocks.size(), false);
  size_t covered = 0;
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const HtmlBlock& b = blocks[i];
    if (b.heading == 1) continue;
    std::vector<std::string> t = WordTokens(b.text);
    if (t.size() < 4) continue;
    size_t hit = 0;
    for (const std::string& w : t) hit += vocab.count(w) ? 1 : 0;
    if (hit * 10 < t.size() * 9) continue;
    if (!seen.insert(b.text).second) continue;
    in_body[i] = true;
    covered += t.size();
  }
  if (covered * 10 < body_tokens.size() * 6) return {};
  // A subheading between two paragraphs of the body is the article's, though
  // the articleBody (its text only) leaves it out.
  std::vector<const HtmlBlock*> out;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const HtmlBlock& b = blocks[i];
    const bool subheading = b.heading >= 2 && b.link_chars == 0 && i > 0 &&
                            i + 1 < blocks.size() && in_body[i - 1] &&
                            in_body[i + 1];
    if (in_body[i] || subheading) out.push_back(&b);
  }
  return out;
}

// Maps the blocks' offsets in the parsed text back to the page. A text node
// never spans a dropped range and every node starts an anchor, so each anchor
// maps on its own.
void MapBlocksToPage(const ParsedText& parsed, std::vector<HtmlBlock>* blocks) {
  if (parsed.breaks.size() <= 1) return;
  for (HtmlBlock& b : *blocks) {
    // An end is one past the last character: map that character, so that an end
    // right before a dropped range stays before it.
    b.end =
        b.end > b.start ? parsed.ToPage(b.end - 1) + 1 : parsed.ToPage(b.start);
    b.start = parsed.ToPage(b.start);
    for (OffsetAnchor& a : b.anchors)
      a.input_offset = parsed.ToPage(a.input_offset);
  }
}

// Whether a JSON-LD articleBody is the whole article, not a teaser cut with an
// ellipsis.
bool IsCompleteArticleBody(const JsonLdArticle* ld) {
  if (ld == nullptr || ld->body.size() < kMinArticleBody) return false;
  std::string_view tail = TrimSpaces(ld->body);
  return !(tail.ends_with("\xE2\x80\xA6") || tail.ends_with("...") ||
           tail.ends_with("&hellip;"));
}

// Whether `b` is quoted text: its element or one of the two above it is a
// <blockquote>.
bool InBlockquote(const HtmlBlock& b) {
  const GumboNode* n = b.element;
  for (int level = 0;
       level < 3 && n != nullptr && n->type == GUMBO_NODE_ELEMENT;
       ++level, n = n->parent) {
    if (n->v.element.tag == GUMBO_TAG_BLOCKQUOTE) return true;
  }
  return false;
}

// A subheading (<h2> to <h6>) or a quotation (<blockquote>) right between two
// chosen blocks is the article's, though a CMS set it in a box of another kind
// than the text's ("<div class=title><h2>" or "<div class=quote><blockquote>"
// between "<div class=text>" boxes); so is a subheading right before a chosen
// block when boxes the selection left out (a related-stories box, a picture)
// stand between it and the text above. Without links or furniture.
// `chosen` points into the page's blocks in page order, and stays so.
void AddSubheadingsBetween(std::vector<const HtmlBlock*>* chosen) {
  const auto is_text = [](const HtmlBlock& b) {
    return b.link_chars == 0 && b.boiler == nullptr && !IsFurnitureBlock(b);
  };
  std::vector<const HtmlBlock*> out;
  for (size_t k = 0; k < chosen->size(); ++k) {
    const HtmlBlock* b = (*chosen)[k];
    out.push_back(b);
    if (k + 1 == chosen->size()) continue;
    const HtmlBlock* next = (*chosen)[k + 1];
    if (next - b == 2) {
      const HtmlBlock& between = *(b + 1);
      if ((between.heading >= 2 || InBlockquote(between)) && is_text(between))
        out.push_back(&between);
    } else if (next - b > 2) {
      const HtmlBlock& before = *(next - 1);
      if (before.heading >= 2 && is_text(before)) out.push_back(&before);
    }
  }
  *chosen = std::move(out);
}

// Whether the page's blocks hold more than three times the text of `guided`:
// else no selection of them does (HoldsTextBeyond below).
bool PageHoldsTextBeyond(const std::vector<HtmlBlock>& blocks,
                         const std::vector<const HtmlBlock*>& guided) {
  size_t guided_chars = 0, page_chars = 0;
  for (const HtmlBlock* b : guided) guided_chars += b->text.size();
  for (const HtmlBlock& b : blocks) page_chars += b.text.size();
  return page_chars > 3 * guided_chars;
}

// Whether `scored` holds (nine tenths of the text of) the blocks of `guided`
// and more than three times as much text as they have.
bool HoldsTextBeyond(const std::vector<const HtmlBlock*>& scored,
                     const std::vector<const HtmlBlock*>& guided) {
  const std::unordered_set<const HtmlBlock*> in_scored(scored.begin(),
                                                       scored.end());
  size_t guided_chars = 0, shared_chars = 0, scored_chars = 0;
  for (const HtmlBlock* b : guided) {
    guided_chars += b->text.size();
    if (in_scored.count(b) != 0) shared_chars += b->text.size();
  }
  for (const HtmlBlock* b : scored) scored_chars += b->text.size();
  return shared_chars * 10 >= guided_chars * 9 &&
         scored_chars > 3 * guided_chars;
}

// The candidate blocks of the article. With a JSON-LD articleBody, the blocks
// it contains are the article: a complete one replaces the scored selection; a
// teaser only adds to it.
std::vector<const HtmlBlock*> ChooseBlocks(const std::vector<HtmlBlock>& blocks,
                                           const StatsMap& stats,
                                           const JsonLdArticle* ld,
                                           std::string_view title) {
  std::vector<const HtmlBlock*> guided;
  if (ld && ld->body.size() >= kMinArticleBody)
    guided = SelectByArticleBody(blocks, ld->body);
  // A complete articleBody replaces the scored selection, unless the scored
  // blocks hold the blocks it matched and three times as much text: then it
  // was cut short at a sentence's end, with no ellipsis to say so (a teaser
  // of the first paragraphs), and the page's text is the article. A page
  // without that much text besides is not scored for it.
  const bool complete = IsCompleteArticleBody(ld) && !guided.empty();
  if (complete && !PageHoldsTextBeyond(blocks, guided)) return guided;
  std::vector<const HtmlBlock*> chosen = SelectByScore(blocks, stats, title);
  AddSubheadingsBetween(&chosen);
  if (guided.empty()) return chosen;
  if (complete && !HoldsTextBeyond(chosen, guided)) return guided;
  chosen.insert(chosen.end(), guided.begin(), guided.end());
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  return chosen;
}

// Words in `text`, counted up to 3. Scripts written without spaces between
// words (Chinese, Japanese) count a word per character: a sentence there is
// one space-free run.
size_t CountWordsUpTo3(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (size_t pos = 0; pos < text.size() && words < 3;) {
    const char32_t c = DecodeUtf8(text, &pos);
    if (c == ' ') {
      in_word = false;
    } else if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
               (c >= 0xF900 && c <= 0xFAFF)) {
      ++words;  // kana, CJK ideographs
      in_word = false;
    } else if (!in_word) {
      ++words;
      in_word = true;
    }
  }
  return words;
}

// A <p> whose whole text is one <b> or <strong> element: a subheading set in
// bold.
bool IsBoldParagraph(const GumboNode& p) {
  if (p.type != GUMBO_NODE_ELEMENT || p.v.element.tag != GUMBO_TAG_P)
    return false;
  int bold = 0;
  const GumboVector& children = p.v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_WHITESPACE ||
        child->type == GUMBO_NODE_COMMENT)
      continue;
    if (child->type != GUMBO_NODE_ELEMENT) return false;
    const GumboTag tag = child->v.element.tag;
    if (tag != GUMBO_TAG_B && tag != GUMBO_TAG_STRONG) return false;
    ++bold;
  }
  return bold == 1;
}

// Fragments of one or two words are labels and buttons ("Share", "Read
// more"), except where the markup says they are text: a paragraph that is all
// bold text (a subheading written as <p><b>...</b></p>), a link-free <p> of
// two words (a signature, a phone number, a product's name under its photo), a
// link-free list item of any length (an ingredient, a specification: a list
// without links in the article is the article's enumeration), link-free
// preformatted text (<pre>: a command, a version string).
bool IsLabel(const HtmlBlock& b) {
  const size_t words = CountWordsUpTo3(b.text);
  if (words >= 3 || EndsWithSentencePunctuation(b.text)) return false;
  if (b.element == nullptr || b.link_chars > 0) return true;
  // A list item, or preformatted text (a line of code, a version string).
  if (b.in_list || b.element->v.element.tag == GUMBO_TAG_PRE) return false;
  if (b.element->v.element.tag != GUMBO_TAG_P) return true;
  return words < 2 && !IsBoldParagraph(*b.element);
}

// A line this short, not closed by a full stop, can be a list's heading.
constexpr size_t kShortLineBytes = 80;

bool IsShortLine(std::string_view text) {
  if (text.size() >= kShortLineBytes) return false;
  return !text.ends_with('.') || text.ends_with("...");
}

// The chosen blocks (pointers into `blocks`) less links, furniture, labels,
// the title and repeats; then less headings that head no paragraph of the
// article. Adds their text size to *chars.
std::vector<const HtmlBlock*> KeepBodyBlocks(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& chosen, std::string_view title,
    size_t* chars) {
  std::vector<const HtmlBlock*> kept;
  // Per kept block, the link blocks dropped after it and all blocks dropped
  // after it, before the next kept one.
  std::vector<int> links_after, dropped_after;
  for (const HtmlBlock* b : chosen) {
    const bool link = !b->heading && IsLinkBlock(*b);
    // A block repeated right after itself is a page's mobile and desktop
    // copies of one text; repeats further apart are the article's own (a
    // recipe's "Meal 2" after "Meal 1" under each plan).
    const bool repeat = !kept.empty() && kept.back()->text == b->text;
    if (b->heading == 1 || link || IsFurnitureBlock(*b) ||
        (!b->heading && IsLabel(*b)) || b->text == title || repeat) {
      if (!kept.empty()) {
        links_after.back() += link ? 1 : 0;
        dropped_after.back() += 1;
      }
      continue;
    }
    kept.push_back(b);
    links_after.push_back(0);
    dropped_after.push_back(0);
  }
  std::vector<const HtmlBlock*> out;
  for (size_t i = 0; i < kept.size(); ++i) {
    const HtmlBlock* b = kept[i];
    // Headings that are all link and head no paragraph (the next kept block is
    // another heading, or none) are a list of other stories' titles, not
    // sections of this one.
    const bool heads_nothing =
        i + 1 == kept.size() || kept[i + 1]->heading != 0;
    if (heads_nothing && IsLinkedHeading(*b)) continue;
    // A heading followed in the page by blocks that were all left out, then
    // by a heading of its rank or above or by the article's end, heads
    // nothing of the article: it is the title of a box the selection dropped
    // ("More on this topic" over teasers, a comments section's title).
    if (b->heading && heads_nothing &&
        (i + 1 == kept.size() || kept[i + 1]->heading <= b->heading)) {
      const HtmlBlock* next =
          i + 1 < kept.size() ? kept[i + 1] : blocks.data() + blocks.size();
      if (next - b > 1) continue;
    }
    // A heading or a short line over nothing but links ("Read also:", "More
    // from this column", "You may also like...") introduces a list of other
    // pages, which is dropped: it heads nothing of this one. A short line that
    // ends with a full stop is a sentence of the text, whatever follows it.
    if ((b->heading || IsShortLine(b->text)) && links_after[i] >= 2 &&
        links_after[i] * 2 >= dropped_after[i])
      continue;
    out.push_back(b);
    *chars += b->text.size();
  }
  return out;
}

// The lead (standfirst, intro) that many layouts set between the headline and
// the body container, in an element of its own: a paragraph the scoring
// leaves out because its container holds nothing else. Looked for from the
// first body block back to the headline (the nearest <h1> or heading that is
// the article's title: a listing template may set it in an <h3>; at most
// kLeadReach blocks of text up, not counting link blocks and furniture);
// without a headline in reach nothing is added, since what stands above the
// body is then not known to belong to it. A block between the two counts when
// it reads as a paragraph of prose: kLeadMinBytes or more (a one-line subtitle
// under the headline, "dek", is header matter; inside the <header> that holds
// the headline, two short sentences are enough), almost no link text, outside
// structural and class-named furniture (that <header> aside), not a list item,
// and not the caption of a picture.
// Whether `text` holds two sentences or more, each closed ("Der Rat hat
// beschlossen. Pendler müssen umdenken."): a standfirst, not a one-line dek.
bool IsTwoSentences(std::string_view text) {
  constexpr size_t kMinBytes = 80;
  if (text.size() < kMinBytes || !EndsWithSentencePunctuation(text))
    return false;
  const std::string_view body = text.substr(0, text.size() - 1);
  for (size_t at = body.find_first_of(".!?"); at != std::string_view::npos;
       at = body.find_first_of(".!?", at + 1)) {
    if (at + 2 < body.size() && body[at + 1] == ' ' &&
        StartsUpper(body.substr(at + 2)))
      return true;
  }
  return false;
}

constexpr size_t kLeadReach = 12;
// A lead is at least a one-line standfirst, some fifteen words (a shorter line
// under a headline is a subtitle or a label); a caption is a line or two.
constexpr size_t kLeadMinBytes = 100, kCaptionMaxBytes = 150;

// Whether the first thing before `element` that a reader sees is a picture.
// Looks at the element's earlier siblings, passing those without text, and
// climbs while the element is the first with text among its siblings (three
// levels).
bool FollowsImage(const GumboNode* element, const StatsMap& stats) {
  const GumboNode* n = element;
  for (int level = 0; level < 3 && n != nullptr && n->parent != nullptr;
       ++level, n = n->parent) {
    const GumboNode* parent = n->parent;
    if (parent->type != GUMBO_NODE_ELEMENT) return false;
    const GumboVector& c = parent->v.element.children;
    for (size_t i = n->index_within_parent; i-- > 0;) {
      const GumboNode* sib = static_cast<const GumboNode*>(c.data[i]);
      if (sib->type == GUMBO_NODE_TEXT) return false;
      if (sib->type != GUMBO_NODE_ELEMENT) continue;
      if (HoldsTag(sib, GUMBO_TAG_IMG, 6)) return true;
      auto st = stats.find(sib);
      if (st != stats.end() && st->second.text_chars > 0) return false;
    }
  }
  return false;
}

bool IsLeadBlock(const HtmlBlock& b, const StatsMap& stats,
                 size_t min_bytes = kLeadMinBytes) {
  if (b.text.size() < min_bytes || b.in_list || b.boiler != nullptr ||
      b.element == nullptr || LinkDensity(b.link_chars, b.text.size()) > 0.1)
    return false;
  // Text right under a picture that does not end as a sentence ends is its
  // caption with a credit ("... in Bremen. © CAE", "(Photo: Getty)"), and so
  // is a line or two there (under kCaptionMaxBytes); a lead set under the
  // article's opening picture is longer and ends as prose does.
  if ((!EndsWithSentencePunctuation(b.text) ||
       b.text.size() < kCaptionMaxBytes) &&
      FollowsImage(b.element, stats))
    return false;
  return !IsFurnitureBlock(b);
}

// Puts the lead blocks before the kept ones; adds their size to *chars.
void AdoptLead(const std::vector<HtmlBlock>& blocks, const StatsMap& stats,
               std::string_view title, std::vector<const HtmlBlock*>* kept,
               size_t* chars) {
  if (kept->empty()) return;
  const size_t first = static_cast<size_t>(kept->front() - blocks.data());
  size_t headline = first;
  size_t reach = 0;
  for (size_t i = first; i-- > 0 && reach < kLeadReach;) {
    if (blocks[i].heading == 1 ||
        (blocks[i].heading != 0 && !title.empty() && blocks[i].text == title)) {
      headline = i;
      break;
    }
    // A table of contents, share buttons or a byline box between the
    // headline and the body is no distance a reader covers.
    if (blocks[i].boiler == nullptr && !IsLinkBlock(blocks[i])) ++reach;
  }
  if (headline == first) return;
  std::vector<const HtmlBlock*> lead;
  for (size_t i = headline + 1; i < first; ++i) {
    // The article's own <header>, which holds its headline, holds its lead
    // too ("<header><h1>...</h1><p class=teaser>...</p></header>").
    const HtmlBlock& b = blocks[i];
    const bool in_headline_header =
        b.tag_boiler && b.boiler != nullptr &&
        b.boiler->v.element.tag == GUMBO_TAG_HEADER &&
        Holds(b.boiler, blocks[headline].element);
    if (in_headline_header) {
      // There a standfirst of two short sentences is one too: the header
      // sets it apart from the one-line dek.
      HtmlBlock unboxed = b;
      unboxed.boiler = nullptr;
      if (IsLeadBlock(unboxed, stats,
                      IsTwoSentences(b.text) ? 0 : kLeadMinBytes))
        lead.push_back(&b);
    } else if (IsLeadBlock(b, stats)) {
      lead.push_back(&b);
    }
  }
  for (const HtmlBlock* b : lead) *chars += b->text.size();
  kept->insert(kept->begin(), lead.begin(), lead.end());
}

// A short page may have no block that looks like a paragraph: what text it has
// outside structural furniture, links and furniture lines, each text once.
std::vector<const HtmlBlock*> KeepAnyText(const std::vector<HtmlBlock>& blocks,
                                          size_t* chars) {
  std::vector<const HtmlBlock*> kept;
  std::unordered_set<std::string_view> seen;
  for (const HtmlBlock& b : blocks) {
    if (b.tag_boiler || b.heading == 1 ||
        LinkDensity(b.link_chars, b.text.size()) > 0.5)
      continue;
    if (IsFurnitureBlock(b) || !seen.insert(b.text).second) continue;
    kept.push_back(&b);
    *chars += b.text.size();
  }
  return kept;
}

// Whether `b` stands in a figure or its caption.
bool InFigure(const HtmlBlock& b) {
  if (!b.tag_boiler || b.boiler == nullptr) return false;
  const GumboTag tag = b.boiler->v.element.tag;
  return tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_FIGCAPTION;
}

// A gallery's article is its captions: when what was chosen (`chars` bytes)
// is short and three captions or more tell the story in sentences, holding
// twice as much text, the text of the page's figures less their credits and
// counters ("Photograph: X", "2 of 8"). Empty otherwise.
// `caption` less a picture credit closing it: from the last credit mark
// (furniture_lines.txt's caption-credit, "Foto:", "Photo:"; or "©") within
// its last kMaxCreditBytes.
std::string_view WithoutClosingCredit(std::string_view caption) {
  constexpr size_t kMaxCreditBytes = 60;
  const std::string lower = AsciiLower(caption);
  size_t cut = caption.size();
  const auto consider = [&](std::string_view mark) {
    const size_t at = lower.rfind(mark);
    if (at != std::string::npos && at > 0 &&
        caption.size() - at <= kMaxCreditBytes)
      cut = std::min(cut, at);
  };
  for (const std::string& mark : WordLists().caption_credit) consider(mark);
  consider("\u00a9");
  return TrimSpaces(caption.substr(0, cut));
}

std::vector<const HtmlBlock*> GalleryCaptions(
    const std::vector<HtmlBlock>& blocks, size_t chars) {
  constexpr size_t kShortArticleChars = 600;
  constexpr size_t kMinStoryCaptions = 3;
  constexpr size_t kMinCaptionWords = 8;
  if (chars >= kShortArticleChars) return {};
  std::vector<const HtmlBlock*> captions;
  size_t story_captions = 0, caption_chars = 0;
  for (const HtmlBlock& b : blocks) {
    if (!InFigure(b) || LinkDensity(b.link_chars, b.text.size()) > 0.5)
      continue;
    // The caption less a credit closing it ("... warfen. Foto: Jana
    // Beispiel"), which alone would make it a furniture line.
    const std::string_view story = WithoutClosingCredit(b.text);
    if (story.empty() || IsFurnitureText(story)) continue;
    // A counter ("2 of 8") has one word without digits.
    const std::vector<std::string_view> words = SplitWords(story, 3);
    if (std::count_if(words.begin(), words.end(), [](std::string_view w) {
          return w.find_first_of("0123456789") == std::string_view::npos;
        }) < 2)
      continue;
    captions.push_back(&b);
    caption_chars += b.text.size();
    if (SplitWords(story, kMinCaptionWords).size() >= kMinCaptionWords &&
        EndsWithSentencePunctuation(story))
      ++story_captions;
  }
  if (story_captions < kMinStoryCaptions || caption_chars < 2 * chars)
    return {};
  return captions;
}

// The paragraphs of a JSON-LD articleBody, one per line, anchored at its script
// (a page whose text lives only there, rendered by script).
void AppendArticleBody(const JsonLdArticle& ld, size_t content_size,
                       Article* article) {
  std::string_view body = ld.body;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    std::string text = CollapseSpaces(body.substr(pos, nl - pos));
    if (!text.empty()) {
      Paragraph p;
      p.text = std::move(text);
      p.start = ld.script_offset;
      p.end = std::min(content_size, ld.script_offset + 1);
      p.anchors.push_back({0, ld.script_offset});
      AppendParagraph(*article, std::move(p));
    }
    if (nl == body.size()) break;
    pos = nl + 1;
  }
}

// The text blocks of `page` (the parse of `parsed.text`) with offsets into
// what `parsed` was cut from, and *stats for every element that holds text.
std::vector<HtmlBlock> SegmentPage(const HtmlPage& page,
                                   const ParsedText& parsed, StatsMap* stats) {
  std::vector<HtmlBlock> blocks = page.Segment(stats);
  MapBlocksToPage(parsed, &blocks);
  ForgiveLayoutWrappers(*stats, &blocks);
  ForgiveEmbeddedPostLinks(&blocks);
  MarkSignUpBoxes(*stats, &blocks);
  MarkAppealBoxes(*stats, &blocks);
  MarkDonationBoxes(*stats, &blocks);
  MarkLoginForms(*stats, &blocks);
  return blocks;
}

// Text the page's story must have for what follows it to be read as other
// stories: a lead alone, set with the headline apart from the body, is not.
constexpr size_t kMinStoryChars = 500;

// The smallest element holding `n` and a kept block, or nullptr.
const GumboNode* KeptContainer(const GumboNode* n,
                               const std::vector<const HtmlBlock*>& kept) {
  for (; n != nullptr; n = n->parent) {
    if (std::any_of(kept.begin(), kept.end(),
                    [&](const HtmlBlock* b) { return Holds(n, b->element); }))
      return n;
  }
  return nullptr;
}

// The page's story as the page sets it: the smallest container of the <h1>
// that is the title holding kept text, when that text is a story's
// (kMinStoryChars); else nullptr. `title_at`: that <h1>.
const GumboNode* TitledStory(const std::vector<HtmlBlock>& blocks,
                             std::string_view title,
                             const std::vector<const HtmlBlock*>& kept,
                             size_t* title_at) {
  if (kept.size() < 2 || title.empty()) return nullptr;
  const auto h1 = std::find_if(
      blocks.begin(), blocks.end(),
      [&](const HtmlBlock& b) { return b.heading == 1 && b.text == title; });
  if (h1 == blocks.end()) return nullptr;
  const GumboNode* story = KeptContainer(h1->element, kept);
  if (story == nullptr) return nullptr;
  size_t story_chars = 0;
  for (const HtmlBlock* b : kept) {
    if (Holds(story, b->element)) story_chars += b->text.size();
  }
  *title_at = static_cast<size_t>(h1 - blocks.begin());
  return story_chars >= kMinStoryChars ? story : nullptr;
}

// Pages that load stories as the reader scrolls append each after the first,
// in a container of its own opened by its own <h1>. Past the page's `story`
// (TitledStory; its <h1> is blocks[title_at]), marks in *drop each kept
// block whose nearest <h1> above is another headline, itself the first block
// of the smallest container holding it and kept text. (An <h1> that sets a
// subheading in an article's body follows text of that body.)
void MarkAppendedStories(const std::vector<HtmlBlock>& blocks,
                         const GumboNode* story, size_t title_at,
                         const std::vector<const HtmlBlock*>& kept,
                         std::vector<bool>* drop) {
  // Whether the <h1> block `h` opens a container of its own.
  const auto opens_story = [&](const HtmlBlock& h) {
    const GumboNode* c = KeptContainer(h.element, kept);
    if (c == nullptr || Holds(c, story)) return false;
    for (const HtmlBlock* b = &h; b-- > blocks.data();) {
      if (!Holds(c, b->element)) return true;
      if (!b->text.empty()) return false;
    }
    return true;
  };
  bool under_other = false;
  for (size_t i = title_at + 1; i < blocks.size(); ++i) {
    const HtmlBlock& b = blocks[i];
    if (Holds(story, b.element)) continue;
    if (b.heading == 1 && b.text != blocks[title_at].text)
      under_other = opens_story(b);
    if (under_other) (*drop)[i] = true;
  }
}

// A teaser card: a heading that is all link (another story's title) and at
// most two short blocks under it (its summary, its date).
constexpr size_t kMaxTeaserBlockChars = 300;
constexpr size_t kMinTeaserCards = 3;

// Outside the page's `story`, marks in *drop each run of three or more teaser
// cards kept in a row: a list of other stories ("More from the site"), even
// where no class says so. Inside the story's container such cards are its
// own (a round-up's items).
void MarkTeaserCards(const std::vector<HtmlBlock>& blocks,
                     const GumboNode* story,
                     const std::vector<const HtmlBlock*>& kept,
                     std::vector<bool>* drop) {
  size_t run_start = 0, cards = 0, under_heading = 0;
  const auto end_run = [&](size_t end) {
    if (cards >= kMinTeaserCards) {
      for (size_t j = run_start; j < end; ++j)
        (*drop)[static_cast<size_t>(kept[j] - blocks.data())] = true;
    }
    cards = 0;
  };
  for (size_t k = 0; k < kept.size(); ++k) {
    const HtmlBlock& b = *kept[k];
    const bool outside = !Holds(story, b.element);
    if (outside && IsLinkedHeading(b)) {
      if (cards == 0) run_start = k;
      ++cards;
      under_heading = 0;
      continue;
    }
    if (outside && cards > 0 && b.heading == 0 && under_heading < 2 &&
        b.text.size() <= kMaxTeaserBlockChars) {
      ++under_heading;
      continue;
    }
    end_run(k);
  }
  end_run(kept.size());
}

// Whether `b` is a label that points to other stories ("Read also", "À lire
// aussi", "Vorheriger Beitrag"; furniture_lines.txt's related-start): a short
// line of its own, not a "Read more: <headline>" link.
bool IsRelatedLabel(const HtmlBlock& b) {
  return b.text.size() <= 40 && StartsAsRelatedLink(b.text);
}

// Marks in *drop the teaser cards right after a label pointing to other
// stories, anywhere on the page: each a heading that is all link and at most
// two blocks under it inside the heading's parent, a box opened at the label
// or after it (the card's summary, its date; a linked headline set among the
// article's paragraphs takes none of them). The label says what its cards
// are, so one card (a previous post's) is enough, inside the story's
// container too.
void MarkCardsUnderRelatedLabel(const std::vector<HtmlBlock>& blocks,
                                std::vector<bool>* drop) {
  constexpr size_t kMaxCardBlockChars = 1000;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!IsRelatedLabel(blocks[i])) continue;
    const GumboNode* card = nullptr;
    size_t under_heading = 0;
    for (size_t j = i + 1; j < blocks.size(); ++j) {
      const HtmlBlock& b = blocks[j];
      if (IsLinkedHeading(b) && b.element != nullptr) {
        card = b.element->parent;
        // A card is a box of its own, opened at the label or after it; a
        // heading set among the article's paragraphs heads none.
        if (i > 0 && Holds(card, blocks[i - 1].element)) card = nullptr;
        under_heading = 0;
      } else if (card != nullptr && b.heading == 0 && under_heading < 2 &&
                 b.text.size() <= kMaxCardBlockChars &&
                 Holds(card, b.element) && !IsRelatedLabel(b)) {
        ++under_heading;
      } else {
        break;
      }
      (*drop)[j] = true;
      i = j;  // the next label is looked for past the cards
    }
  }
}

// Marks in *drop a box about the article's writer: a label saying so
// (IsAuthorBioLabel) and the blocks after it inside the smallest element
// holding the label and the block after it, when that element is a box of its
// own (it holds no block before the label) and short, as a biography and a
// link to the writer's other articles are.
void MarkAuthorBioBoxes(const std::vector<HtmlBlock>& blocks,
                        std::vector<bool>* drop) {
  constexpr size_t kMaxBoxChars = 1500;
  for (size_t i = 0; i + 1 < blocks.size(); ++i) {
    if (blocks[i].element == nullptr || !IsAuthorBioLabel(blocks[i].text))
      continue;
    const GumboNode* box = blocks[i].element->parent;
    while (box != nullptr && !Holds(box, blocks[i + 1].element))
      box = box->parent;
    if (box == nullptr || (i > 0 && Holds(box, blocks[i - 1].element)))
      continue;
    size_t end = i + 1, chars = 0;
    for (; end < blocks.size() && Holds(box, blocks[end].element); ++end)
      chars += blocks[end].text.size();
    if (chars > kMaxBoxChars) continue;
    std::fill(drop->begin() + static_cast<std::ptrdiff_t>(i),
              drop->begin() + static_cast<std::ptrdiff_t>(end), true);
    i = end - 1;
  }
}

// Other stories set beside the page's own without a class saying so: those
// appended as the reader scrolls and lists of teaser cards, past the story
// the title heads (TitledStory); and a box about the writer. They leave
// *kept, less their size.
void DropOtherStories(const std::vector<HtmlBlock>& blocks,
                      std::string_view title,
                      std::vector<const HtmlBlock*>* kept, size_t* chars) {
  size_t title_at = 0;
  std::vector<bool> drop(blocks.size(), false);
  MarkCardsUnderRelatedLabel(blocks, &drop);
  MarkAuthorBioBoxes(blocks, &drop);
  if (const GumboNode* story = TitledStory(blocks, title, *kept, &title_at)) {
    MarkAppendedStories(blocks, story, title_at, *kept, &drop);
    MarkTeaserCards(blocks, story, *kept, &drop);
  }
  std::erase_if(*kept, [&](const HtmlBlock* b) {
    if (!drop[static_cast<size_t>(b - blocks.data())]) return false;
    *chars -= b->text.size();
    return true;
  });
}

// A press release closes with an end mark, "###" or "-30-" as wire services
// write it, "ENDS" as British and Irish press offices do, "انتهای پیام" ("end
// of message") as Iranian news agencies close every story, on a line of its
// own: what follows is the issuer's standing text ("About the University:
// ...") and its press contacts. The kept blocks after the first end mark below
// the article's first block leave *kept, less their size.
void CutAtEndMark(const std::vector<HtmlBlock>& blocks,
                  std::vector<const HtmlBlock*>* kept, size_t* chars) {
  if (kept->empty()) return;
  const auto is_end_mark = [](std::string_view text) {
    std::string mark;
    for (char c : text) {
      if (c != ' ') mark += c;
    }
    return mark == "###" || mark == "-30-" || mark == "-###-" ||
           mark == "ENDS" || mark == "-ENDS-" ||
           mark ==
               "\u0627\u0646\u062a\u0647\u0627\u06cc\u067e\u06cc"
               "\u0627\u0645";  // Persian "end of message"
  };
  const HtmlBlock* end = nullptr;
  for (const HtmlBlock* b = kept->front() + 1;
       b < blocks.data() + blocks.size(); ++b) {
    if (b > kept->back()) break;
    if (is_end_mark(b->text)) {
      end = b;
      break;
    }
  }
  if (end == nullptr) return;
  std::erase_if(*kept, [&](const HtmlBlock* b) {
    if (b < end) return false;
    *chars -= b->text.size();
    return true;
  });
}

// The article's blocks: the chosen ones less furniture, labels and the title,
// else what text a short page has, or a gallery's captions; their size is
// added to *chars (0 on the call).
std::vector<const HtmlBlock*> SelectArticle(
    const std::vector<HtmlBlock>& blocks, const StatsMap& stats,
    const JsonLdArticle* ld, std::string_view title, size_t* chars) {
  std::vector<const HtmlBlock*> kept = KeepBodyBlocks(
      blocks, ChooseBlocks(blocks, stats, ld, title), title, chars);
  DropOtherStories(blocks, title, &kept, chars);
  CutAtEndMark(blocks, &kept, chars);
  if (kept.empty()) kept = KeepAnyText(blocks, chars);
  if (std::vector<const HtmlBlock*> gallery = GalleryCaptions(blocks, *chars);
      !gallery.empty()) {
    *chars = 0;
    for (const HtmlBlock* b : gallery) *chars += b->text.size();
    kept = std::move(gallery);
  }
  return kept;
}

// Bytes of `html` outside its tags, white space not counted: an estimate of
// a fragment's text made without parsing it.
size_t TextBytesOutsideTags(std::string_view html) {
  size_t n = 0;
  bool in_tag = false;
  for (const char c : html) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag && !std::isspace(static_cast<unsigned char>(c))) {
      ++n;
    }
  }
  return n;
}

// The blocks as paragraphs of the article.
std::vector<Paragraph> ToParagraphs(const std::vector<const HtmlBlock*>& kept) {
  std::vector<Paragraph> out;
  for (const HtmlBlock* b : kept) {
    Paragraph p;
    p.text = b->text;
    p.start = b->start;
    p.end = b->end;
    p.anchors = b->anchors;
    out.push_back(std::move(p));
  }
  return out;
}

// The article a page holds for readers without scripts (a <noscript>) or as
// markup its script renders (a <template>, a script of type text/template),
// when the visible page's article (`visible_chars` bytes) is missing or less
// than half of it: what a reader is given is then there, not in the visible
// DOM, which holds a shell the script fills. The largest such body by its
// text outside tags is parsed on its own, only when that estimate could beat
// the visible article; its paragraphs keep offsets into the page (the body
// is the page's own bytes). Empty when the visible article stands.
std::vector<Paragraph> ArticleHeldForReaders(std::string_view content,
                                             const ParsedText& parsed,
                                             std::string_view title,
                                             size_t visible_chars) {
  const size_t floor = std::max(kMinArticleBody, 2 * visible_chars + 1);
  size_t best_text = 0;
  std::pair<size_t, size_t> best{0, 0};
  for (const auto& [from, to] : parsed.held) {
    if (to - from < floor) continue;  // its text is no longer than its bytes
    const size_t text = TextBytesOutsideTags(content.substr(from, to - from));
    if (text > best_text) {
      best_text = text;
      best = {from, to};
    }
  }
  if (best_text < floor) return {};
  std::string_view fragment =
      content.substr(best.first, best.second - best.first);
  // Raw text was not counted by the page's nesting guard.
  const std::optional<std::string> limited = LimitNesting(fragment);
  if (limited) fragment = *limited;
  const ParsedText held = DropRawTextBodies(fragment);
  HtmlPage page(held.text);
  StatsMap stats;
  std::vector<HtmlBlock> blocks = SegmentPage(page, held, &stats);
  for (HtmlBlock& b : blocks) {
    b.start += best.first;
    b.end += best.first;
    for (OffsetAnchor& a : b.anchors) a.input_offset += best.first;
  }
  size_t chars = 0;
  const std::vector<const HtmlBlock*> kept =
      SelectArticle(blocks, stats, nullptr, title, &chars);
  if (chars < floor) return {};
  return ToParagraphs(kept);
}

// The steps of a JSON-LD HowTo (md.graph.howto) as paragraphs anchored at its
// script, when they hold an article the visible page (`visible_chars`) lacks
// or gives less than half of: the page renders them by script, as it would
// render an articleBody. Their HTML is parsed to read its entities and blocks.
std::vector<Paragraph> HowToSteps(const PageMetadata& md, size_t content_size,
                                  size_t visible_chars) {
  const size_t floor = std::max(kMinArticleBody, 2 * visible_chars + 1);
  if (md.graph.howto.size() < floor) return {};
  HtmlPage page(md.graph.howto);
  StatsMap stats;
  const std::vector<HtmlBlock> blocks = page.Segment(&stats);
  size_t chars = 0;
  std::vector<Paragraph> out;
  for (const HtmlBlock& b : blocks) {
    Paragraph p;
    p.text = b.text;
    p.start = md.graph.howto_offset;
    p.end = std::min(content_size, md.graph.howto_offset + 1);
    p.anchors.push_back({0, md.graph.howto_offset});
    chars += p.text.size();
    out.push_back(std::move(p));
  }
  if (chars < floor) return {};
  return out;
}

// The article where the page holds it outside its visible DOM, when the
// visible one (`visible_chars` bytes) is missing or small: in markup for
// readers without scripts or for the page's script to render, else in a
// JSON-LD HowTo's steps. Empty when the visible article stands.
std::vector<Paragraph> ArticleOutsideVisiblePage(std::string_view content,
                                                 const ParsedText& parsed,
                                                 const PageMetadata& md,
                                                 std::string_view title,
                                                 size_t visible_chars) {
  std::vector<Paragraph> out =
      ArticleHeldForReaders(content, parsed, title, visible_chars);
  if (out.empty()) out = HowToSteps(md, content.size(), visible_chars);
  return out;
}

// The metadata's authors, when a byline near the article's start names each
// of them and gives more: a blog's display name of one word ("Jane") written
// out ("A guest post by Jane Doe"), or one of the writers it names ("Par
// Julien Moreau et Sophie Lambert" where JSON-LD names the first), or a user
// name made of the name as publishing systems make them ("swurzer",
// "sabine.wurzer", "sabinewurzer" for "Sabine Wurzer"). Readers see the
// byline; metadata is often filled with the first writer's account.
void PreferFullerByline(std::vector<std::string> printed,
                        std::vector<std::string>* authors) {
  if (printed.size() < authors->size() || printed == *authors) return;
  const auto user_name_of = [](const std::string& user,
                               const std::string& name) {
    if (std::any_of(user.begin(), user.end(),
                    [](char c) { return c >= 'A' && c <= 'Z'; }))
      return false;
    const std::vector<std::string_view> words = SplitWords(name, 4);
    if (words.size() < 2 || words.size() > 3) return false;
    const std::string handle = Alnum(user), first = Alnum(words.front()),
                      last = Alnum(words.back());
    return handle.size() >= 4 && !first.empty() &&
           (handle == Alnum(name) || handle == first.substr(0, 1) + last ||
            handle == first + last.substr(0, 1));
  };
  const auto gives = [&](const std::string& meta) {
    const bool one_word = SplitWords(meta, 2).size() == 1;
    return std::any_of(
        printed.begin(), printed.end(), [&](const std::string& p) {
          return p == meta || (one_word && (p.starts_with(meta + " ") ||
                                            user_name_of(meta, p)));
        });
  };
  if (std::all_of(authors->begin(), authors->end(), gives))
    *authors = std::move(printed);
}

// Whether `text` reads as a headline printed in the text: 3 to 20 words, not
// closed as a sentence or a label is (a full stop, a colon, a comma), no date,
// byline, breadcrumb, phone number or furniture in it.
bool IsHeadlineText(std::string_view text) {
  constexpr size_t kMinWords = 3, kMaxWords = 20, kMaxBytes = 200;
  if (text.empty() || text.size() > kMaxBytes) return false;
  const std::vector<std::string_view> words = SplitWords(text, kMaxWords + 1);
  if (words.size() < kMinWords || words.size() > kMaxWords) return false;
  const char last = text.back();
  if ((last == '.' && !text.ends_with("...")) || last == ':' || last == ',' ||
      last == ';')
    return false;
  if (HoldsBreadcrumbStep(text)) return false;
  return !IsByWord(words[0]) && !FindDateInLine(text, false) &&
         !HasPhoneNumber(text) && !IsFurnitureText(text);
}

// Whether block `b`, with no link in it, is a headline (IsHeadlineText) whole
// or in its first line: a headline set with its date or subtitle under a
// single <br> ("<b>Headline</b><br>Sunday, 17 January 2010"), as old table
// layouts print them in one cell.
bool IsHeadlineShaped(const HtmlBlock& b) {
  if (b.link_chars > 0) return false;
  if (IsHeadlineText(b.text)) return true;
  return !b.line_breaks.empty() &&
         IsHeadlineText(
             std::string_view(b.text).substr(0, b.line_breaks.front()));
}

// Whether `b` is a line a headline carries below it and nothing else does
// above one: a byline or a picture's caption, at most kMaxMetaWords words. (A
// date line is no such line: blogs and lists of news set one above each
// headline, under the section's name.)
bool IsHeadlineMetaLine(const HtmlBlock& b) {
  constexpr size_t kMaxMetaWords = 12;
  const std::vector<std::string_view> words =
      SplitWords(b.text, kMaxMetaWords + 1);
  if (words.empty() || words.size() > kMaxMetaWords) return false;
  return InFigure(b) || IsByWord(words[0]);
}

// Whether table cell `td` has no other cell beside it in its row.
bool OnlyCellInRow(const GumboNode* td) {
  const GumboNode* row = td->parent;
  if (row == nullptr || row->type != GUMBO_NODE_ELEMENT) return false;
  const GumboVector& c = row->v.element.children;
  for (size_t i = 0; i < c.length; ++i) {
    const GumboNode* cell = static_cast<const GumboNode*>(c.data[i]);
    if (cell != td && cell->type == GUMBO_NODE_ELEMENT &&
        (cell->v.element.tag == GUMBO_TAG_TD ||
         cell->v.element.tag == GUMBO_TAG_TH))
      return false;
  }
  return true;
}

// Whether `title` is `line` and the site's or section's name set apart from
// it ("Herald Online - Local News: Headline", "Headline | Herald"): `title`
// ends or starts with `line` (spacing and case aside), a separator between
// them, and `line` has more words than the rest (a name shorter than the
// headline, as StripSiteSuffix has it: a section's label above the text that
// ends the <title> is no headline).
bool TitleFramesLine(std::string_view title, std::string_view line) {
  const std::string t = AsciiLower(CollapseSpaces(title)),
                    l = AsciiLower(CollapseSpaces(line));
  const auto words = [](std::string_view s) {
    size_t n = 0;
    for (std::string_view w : SplitWords(s)) n += Alnum(w).empty() ? 0 : 1;
    return n;
  };
  if (l.empty() || t.size() <= l.size() + 1 || words(l) * 2 <= words(t))
    return false;
  // The <title>'s separators (kTitleSeparators), and a colon after a
  // section's name before the headline.
  const auto separated = [](std::string_view rest, bool before_line) {
    rest = TrimSpaces(rest);
    if (before_line && rest.ends_with(':')) return true;
    return std::any_of(std::begin(kTitleSeparators), std::end(kTitleSeparators),
                       [&](std::string_view sep) {
                         sep = TrimSpaces(sep);
                         return before_line ? rest.ends_with(sep)
                                            : rest.starts_with(sep);
                       });
  };
  if (t.ends_with(l) && t[t.size() - l.size() - 1] == ' ' &&
      separated(std::string_view(t).substr(0, t.size() - l.size()), true))
    return true;
  return t.starts_with(l) && t[l.size()] == ' ' &&
         separated(std::string_view(t).substr(l.size()), false);
}

// The headline a page prints above its text when its <title> holds only the
// site's name (TitleOnlyInTitleElement): the first headline-shaped line with a
// paragraph of prose within the two blocks after it, from six blocks above the
// article's first to its third, in the article's container and outside
// navigation and sidebars; or, before it, a headline-shaped line there that
// the <title> holds with the site's name (TitleFramesLine), however far from
// the text a caption or a subtitle sets it. Null when a line there holds the
// <title>'s words (`title`, whatever their punctuation: the headline is named
// already), or when there is none.
const HtmlBlock* PrintedHeadline(const std::vector<HtmlBlock>& blocks,
                                 const std::vector<const HtmlBlock*>& kept,
                                 std::string_view title) {
  constexpr size_t kAbove = 6, kBelow = 2, kMinProseWords = 15,
                   kMaxLineWords = 20, kMetaLines = 3;
  if (kept.empty()) return nullptr;
  const size_t first = static_cast<size_t>(kept.front() - blocks.data());
  // Above the article, only blocks in its container (its first block's
  // grandparent, or the table cell holding it): a layout's other columns hold
  // the site's notices.
  const GumboNode* container = kept.front()->element;
  for (int up = 0; up < 2 && container != nullptr &&
                   container->type == GUMBO_NODE_ELEMENT &&
                   container->v.element.tag != GUMBO_TAG_TD;
       ++up)
    container = container->parent;
  // A cell alone in its row is a row of the story's own table (a headline
  // row above a text row), not a layout's column: the table holds the story.
  if (container != nullptr && container->type == GUMBO_NODE_ELEMENT &&
      container->v.element.tag == GUMBO_TAG_TD && OnlyCellInRow(container)) {
    for (const GumboNode* t = container->parent;
         t != nullptr && t->type == GUMBO_NODE_ELEMENT; t = t->parent) {
      if (t->v.element.tag == GUMBO_TAG_TABLE) {
        container = t;
        break;
      }
    }
  }
  std::vector<size_t> window;
  for (size_t i = first > kAbove ? first - kAbove : 0;
       i < blocks.size() && i <= first + kBelow; ++i) {
    if (i >= first || Holds(container, blocks[i].element)) window.push_back(i);
  }
  const std::string title_words = Alnum(title);
  for (size_t i : window) {
    const HtmlBlock& b = blocks[i];
    if (!title_words.empty() &&
        SplitWords(b.text, kMaxLineWords + 1).size() <= kMaxLineWords &&
        Alnum(b.text).find(title_words) != std::string::npos)
      return nullptr;
  }
  const auto headline_line = [&](const HtmlBlock& b) {
    return !(b.tag_boiler && b.boiler != nullptr &&
             b.boiler->v.element.tag != GUMBO_TAG_HEADER) &&
           !InLongFurnitureBox(b) && IsHeadlineShaped(b);
  };
  for (size_t i : window) {
    if (headline_line(blocks[i]) && TitleFramesLine(title, blocks[i].text))
      return &blocks[i];
  }
  const auto prose = [&](size_t i) {
    const std::string_view t = blocks[i].text;
    return SplitWords(t, kMinProseWords).size() >= kMinProseWords &&
           EndsWithSentencePunctuation(t);
  };
  for (size_t i : window) {
    const HtmlBlock& b = blocks[i];
    if (!headline_line(b)) continue;
    // The headline's byline and picture come between it and the text and
    // are no distance.
    size_t reach = i + 2;
    for (size_t j = i + 1; j < blocks.size() && j <= reach; ++j) {
      if (prose(j)) return &b;
      if (reach < i + 2 + kMetaLines && IsHeadlineMetaLine(blocks[j])) ++reach;
    }
  }
  return nullptr;
}

// The agencies the dateline opening one of the article's first three
// paragraphs credits (a lead or a date line may stand before it).
std::vector<std::string> OpeningAgencies(const Article& article) {
  constexpr size_t kOpening = 3;
  for (size_t i = 0; i < kOpening && i < article.paragraphs.size(); ++i) {
    if (std::vector<std::string> agencies =
            DatelineAgencies(article.paragraphs[i].text);
        !agencies.empty())
      return agencies;
  }
  return {};
}

// The authors as the page prints them, read once the article's blocks are
// known: the byline (or author-classed element) that gives the metadata's
// names more fully, else (no metadata author) a Chinese report's opening
// credit, an author label, a byline, a sign-off, a forum post's user name,
// the byline of an article held outside the visible page (`held_byline`);
// less the site's own name beside a writer's; else an organisation the
// JSON-LD names as author; else the agencies a wire story's dateline credits;
// else the credit the author fields declare, the site's own name included.
void FillPrintedAuthors(const std::vector<HtmlBlock>& blocks,
                        const std::vector<const HtmlBlock*>& kept,
                        const PageMetadata& md, std::string_view url,
                        std::vector<std::string> held_byline,
                        Article* article) {
  std::vector<std::string>& authors = article->authors;
  // Metadata that credits only a desk or the site ("Nachrichtendesk",
  // "Redacción X"), or the agency the text's dateline credits ("Reuters" for
  // "SINGAPORE, Sept 14 (Reuters) -"), yields to the writers a byline or an
  // author label prints.
  const std::vector<std::string> dateline_agencies = OpeningAgencies(*article);
  if (!authors.empty() &&
      std::all_of(authors.begin(), authors.end(), [&](const std::string& n) {
        return IsDeskCredit(n, md, url) ||
               std::find(dateline_agencies.begin(), dateline_agencies.end(),
                         n) != dateline_agencies.end();
      })) {
    std::vector<std::string> printed = FindLabelledAuthors(blocks, kept);
    if (printed.empty()) printed = FindBylineAuthors(blocks, kept);
    // The agency set after the last writer's name, no mark between ("By
    // Jane Doe and John Roe Reuters"), is none of it.
    for (std::string& name : printed) {
      for (const std::string& agency : dateline_agencies) {
        if (name.size() > agency.size() + 1 && name.ends_with(" " + agency))
          name.resize(name.size() - agency.size() - 1);
      }
    }
    if (!printed.empty()) authors = std::move(printed);
  }
  if (!authors.empty()) {
    PreferFullerByline(FindBylineAuthors(blocks, kept), &authors);
    // The same for an element classed as the author's that lists the
    // writers without a by-word ("<p class=article__author>Jane Doe et John
    // Roe</p>").
    for (const std::string& text : md.author_class_texts) {
      PreferFullerByline(
          AuthorNames(text, /*lenient=*/false, /*name_field=*/false), &authors);
    }
    // And for the writers a list names one element each.
    std::vector<std::string> listed;
    for (const std::string& text : md.author_list_texts) {
      std::vector<std::string> names =
          AuthorNames(text, /*lenient=*/false, /*name_field=*/false);
      if (names.size() != 1 || SplitWords(names[0], 2).size() < 2) {
        listed.clear();
        break;
      }
      AddUnique(&listed, std::move(names[0]));
    }
    PreferFullerByline(std::move(listed), &authors);
    // And for an element classed as the byline that lists them without a
    // by-word ("<span class=byline><a>Jane Doe</a>, <a>John Roe</a></span>"),
    // its further names full ones: a word alone after a writer's name there
    // is a place or a desk ("Jane Doe, Brussels").
    for (const std::string& text : md.byline_texts) {
      std::vector<std::string> names =
          AuthorNames(text, /*lenient=*/false, /*name_field=*/false);
      if (std::all_of(names.begin(), names.end(), [](const std::string& n) {
            return SplitWords(n, 2).size() == 2;
          }))
        PreferFullerByline(std::move(names), &authors);
    }
  }
  // A Chinese report's opening credit (its first or second paragraph, after
  // a photo's caption) names its reporters before the editors its closing
  // credit line names.
  for (size_t i = 0; authors.empty() && i < 2 && i < article->paragraphs.size();
       ++i)
    authors = OpeningReporterCredit(article->paragraphs[i].text);
  if (authors.empty()) authors = FindLabelledAuthors(blocks, kept);
  if (authors.empty()) authors = FindBylineAuthors(blocks, kept);
  if (authors.empty()) authors = FindSignOffAuthors(blocks, kept);
  if (authors.empty()) authors = FindPostAuthor(kept);
  if (authors.empty()) authors = std::move(held_byline);
  // The site's own name beside a writer's ("Por Rafael Souza, Portal Giro
  // Campinas") is the outlet, not another writer.
  if (authors.size() >= 2) {
    std::erase_if(authors, [&](const std::string& name) {
      return NamesTheSite(name, md, url);
    });
  }
  // No writer named anywhere: an organisation the JSON-LD names as author (a
  // news agency, a partner's desk) is the article's author, unless it is the
  // site itself.
  if (authors.empty() && md.jsonld) {
    for (const std::string& org : md.jsonld->organization_authors) {
      if (!NamesTheSite(org, md, url)) AddUnique(&authors, org);
    }
  }
  // A wire story that names no writer is its agency's ("Meschede (dpa/lnw)
  // – ...").
  if (authors.empty()) authors = dateline_agencies;
  // Nor any other: the credit the page's author fields declare, though it
  // names a desk or the site itself (a company's or an association's press
  // release on its own site is the organisation's).
  if (authors.empty()) {
    if (std::string credit = DeclaredAuthorCredit(md); !credit.empty())
      authors.push_back(std::move(credit));
  }
}

// A publication date the markup gives as a moment in UTC falls on another
// day than the site's readers saw when the site is far enough east or west of
// Greenwich ("2021-03-02T23:15:00Z" for a story printed "03.03.2021, 00:15
// Uhr"): the day the page prints with that moment's local time stands.
void PreferPrintedLocalDay(const std::vector<HtmlBlock>& blocks,
                           const std::vector<const HtmlBlock*>& kept,
                           const PageMetadata& md, Article* article) {
  if (!article->published || article->published->day == 0) return;
  const std::optional<ZonedTime> moment = PublishedUtcMoment(md);
  if (!moment) return;
  if (std::optional<PartialDate> day =
          PrintedLocalDay(blocks, kept, moment->utc_minute, MonthFirst(md))) {
    article->published = day;
    article->published_source = DateSource::kPage;
  }
}

}  // namespace

void ExtractHtml(std::string_view content, std::string_view url,
                 Article* article) {
  const std::optional<std::string> limited = LimitNesting(content);
  if (limited) {
    content = *limited;
    article->warnings.push_back(
        "HTML nested deeper than " + std::to_string(kMaxNesting) +
        " elements: the markup past that depth was dropped, its text kept");
  }
  const ParsedText parsed = DropRawTextBodies(content);
  HtmlPage page(parsed.text);
  PageMetadata md;
  CollectMetadata(page.root(), parsed.text, &md);
  if (md.jsonld)
    md.jsonld->script_offset = parsed.ToPage(md.jsonld->script_offset);
  md.graph.howto_offset = parsed.ToPage(md.graph.howto_offset);
  FillMetadata(md, url, article);

  StatsMap stats;
  const std::vector<HtmlBlock> blocks = SegmentPage(page, parsed, &stats);
  for (auto it = blocks.rbegin();
       it != blocks.rend() && !article->copyright_year; ++it) {
    if (it->text.size() < 300)
      article->copyright_year = FindCopyrightYear(it->text);
  }

  const JsonLdArticle* ld = md.jsonld ? &*md.jsonld : nullptr;
  size_t chosen_chars = 0;
  std::vector<const HtmlBlock*> kept =
      SelectArticle(blocks, stats, ld, article->title, &chosen_chars);
  AdoptLead(blocks, stats, article->title, &kept, &chosen_chars);
  // A page titled nowhere but in <title>, or whose title is the site's name
  // alone, prints its headline above the text.
  if (TitleOnlyInTitleElement(md) ||
      TitleIsTheSiteName(article->title, md, url)) {
    if (const HtmlBlock* headline =
            PrintedHeadline(blocks, kept, article->title)) {
      if (headline->line_breaks.empty()) {
        article->title = headline->text;
        if (std::erase(kept, headline) != 0)
          chosen_chars -= headline->text.size();
      } else {
        // A headline line with its subtitle under a <br> ("<b>Headline</b>
        // <br>Subtitle"): the title is the first line; the block stays.
        article->title =
            TrimSpaces(std::string_view(headline->text)
                           .substr(0, headline->line_breaks.front()));
      }
    }
  }

  std::vector<Paragraph> paragraphs = ArticleOutsideVisiblePage(
      content, parsed, md, article->title, chosen_chars);
  std::vector<std::string> held_byline;
  if (paragraphs.empty()) {
    paragraphs = ToParagraphs(kept);
  } else {
    chosen_chars = 0;
    for (const Paragraph& p : paragraphs) chosen_chars += p.text.size();
    if (article->authors.empty())
      held_byline = FindBylineInParagraphs(paragraphs);
  }
  if (IsCompleteArticleBody(ld) && chosen_chars * 2 < ld->body.size()) {
    AppendArticleBody(*ld, content.size(), article);
  } else {
    for (Paragraph& p : paragraphs) AppendParagraph(*article, std::move(p));
  }
  FillPrintedAuthors(blocks, kept, md, url, std::move(held_byline), article);
  if (!article->paragraphs.empty()) {
    if (auto place = ParseDatelinePlace(article->paragraphs.front().text)) {
      article->dateline = *place;
    }
  }
  PreferPrintedLocalDay(blocks, kept, md, article);
  if (article->published && article->published_source != DateSource::kPage) {
    if (std::optional<PartialDate> day = PublishedBesidePrintedUpdate(
            blocks, kept, *article->published, MonthFirst(md))) {
      article->published = day;
      article->published_source = DateSource::kPage;
    }
  }
  if (!article->published && article->published_text.empty()) {
    // The page's own URL first, then the canonical and og:url the page gives
    // for itself (a page fetched by another address still names its month
    // there).
    const std::string og_url = FirstMeta(md, {"og:url"});
    FindPrintedDate(blocks, kept, MonthFirst(md), {url, md.canonical, og_url},
                    article);
  } else if (!article->published) {
    // Metadata gave a date in no form extraction reads ("11/01/2023 12:43:42"):
    // the date line the article prints, when there is one, is the date as its
    // readers see it; else the metadata's text is left to the pipeline's date
    // stage (no URL month).
    FindPrintedDate(blocks, kept, MonthFirst(md), {}, article);
    if (article->published) article->published_text.clear();
  }
}

}  // namespace dateline::extract_internal
