#include "extract/page_metadata.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/utf8.h"
#include "extract/html_dom.h"
#include "extract/text_rules.h"
#include "extract/word_lists.h"

namespace dateline::extract_internal {
namespace {

using Json = nlohmann::json;

// JSON-LD graphs are shallow; deeper nesting is not worth following.
constexpr int kMaxJsonDepth = 12;

TimeMarking ReadTimeMarking(const GumboNode* time) {
  const std::string_view itemprop = Attribute(time, "itemprop");
  if (itemprop == "datePublished" || itemprop == "dateCreated" ||
      HasAttribute(time, "pubdate"))
    return TimeMarking::kPublished;
  if (itemprop == "dateModified") return TimeMarking::kUpdated;
  const std::string cls = AsciiLower(Attribute(time, "class"));
  if (cls.find("publish") != std::string::npos) return TimeMarking::kPublished;
  if (cls.find("updated") != std::string::npos ||
      cls.find("modified") != std::string::npos)
    return TimeMarking::kUpdated;
  return TimeMarking::kUnmarked;
}

}  // namespace

namespace {

// NodeText's walk; `line_break`: the character set before a <br>'s, a <p>'s
// or a <div>'s text (and, when it is a line break, a list item's), for
// NodeText a space.
std::string ElementText(const GumboNode* node, size_t limit, char line_break) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty() && out.size() < limit) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_WHITESPACE) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
      out += n->v.text.text;
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) continue;
    if (n != node && HasUnseenClass(n)) {
      // What it held may have been all that set two words apart.
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    const GumboVector& c = n->v.element.children;
    for (size_t i = c.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(c.data[i]));
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV ||
        (line_break == '\n' &&
         (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT)))
      out += line_break;
  }
  return out;
}

}  // namespace

// White space runs count as one byte, so that a page's indentation does not
// use up the limit; text for screen readers ("<span class=sr-only">Article:
// </span>") is left out.
std::string NodeText(const GumboNode* node, size_t limit) {
  return ElementText(node, limit, ' ');
}

namespace {

// A JSON-LD string value, white space collapsed. JSON-LD is plain text, but
// publishing systems often write it HTML-encoded ("O&#039;Doe").
std::string JsonString(const Json& v) {
  if (v.is_string())
    return CollapseSpaces(DecodeCharacterReferences(v.get<std::string>()));
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  return {};
}

bool IsOrganizationType(const Json& type) {
  auto is_org = [](const Json& t) {
    return t.is_string() && t.get_ref<const std::string&>().find(
                                "Organization") != std::string::npos;
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), is_org);
  return is_org(type);
}

// Names from a JSON-LD author value: a string, a Person, or an array. An
// Organization as author ("BBC News") goes to `orgs` (when given): it names the
// desk or the publisher, an author only when no writer is named anywhere.
void JsonNames(const Json& v, std::vector<std::string>* out,
               std::vector<std::string>* orgs = nullptr, int depth = 0) {
  if (depth > 3) return;
  if (v.is_string()) {
    std::string s = JsonString(v);
    if (!s.empty() && s.find("://") == std::string::npos) out->push_back(s);
  } else if (v.is_object()) {
    auto it = v.find("name");
    if (auto type = v.find("@type");
        type != v.end() && IsOrganizationType(*type)) {
      if (orgs != nullptr && it != v.end())
        JsonNames(*it, orgs, nullptr, depth + 1);
      return;
    }
    if (it != v.end()) JsonNames(*it, out, orgs, depth + 1);
  } else if (v.is_array()) {
    for (const Json& e : v) JsonNames(e, out, orgs, depth + 1);
  }
}

void JsonStrings(const Json& v, std::vector<std::string>* out) {
  if (v.is_string()) {
    const std::string decoded =
        DecodeCharacterReferences(v.get_ref<const std::string&>());
    const std::string_view list = decoded;
    size_t pos = 0;
    while (pos <= list.size()) {
      size_t comma = list.find(',', pos);
      if (comma == std::string_view::npos) comma = list.size();
      std::string item = CollapseSpaces(list.substr(pos, comma - pos));
      if (!item.empty()) out->push_back(std::move(item));
      pos = comma + 1;
    }
  } else if (v.is_array()) {
    for (const Json& e : v) {
      if (e.is_string()) out->push_back(JsonString(e));
    }
  }
}

int ArticleTypeRank(const Json& type) {
  auto rank_of = [](const std::string& t) {
    if (t == "NewsArticle" || t == "ReportageNewsArticle" ||
        t == "AnalysisNewsArticle" || t == "OpinionNewsArticle" ||
        t == "BackgroundNewsArticle") {
      return 4;
    }
    if (t == "Article" || t == "BlogPosting" || t == "Report" ||
        t == "ScholarlyArticle" || t == "TechArticle" ||
        t == "LiveBlogPosting" || t == "SocialMediaPosting") {
      return 3;
    }
    // A critic's review (a film's, a book's, a product test) is a text with
    // its writer and date as an article is; ranked below one, as a page's
    // top-level Review may stand beside the article that holds it.
    if (t == "Review" || t == "CriticReview") return 2;
    if (t == "WebPage" || t == "ItemPage") return 1;
    return 0;
  };
  int best = 0;
  if (type.is_string()) best = rank_of(type.get<std::string>());
  if (type.is_array()) {
    for (const Json& t : type) {
      if (t.is_string()) best = std::max(best, rank_of(t.get<std::string>()));
    }
  }
  return best;
}

// The @ids of author references without a name.
void JsonAuthorIds(const Json& v, std::vector<std::string>* out,
                   int depth = 0) {
  if (depth > 3) return;
  if (v.is_array()) {
    for (const Json& e : v) JsonAuthorIds(e, out, depth + 1);
  } else if (v.is_object() && !v.contains("name")) {
    if (auto id = v.find("@id"); id != v.end() && id->is_string())
      out->push_back(id->get<std::string>());
  }
}

bool IsPersonType(const Json& type) {
  auto is_person = [](const Json& t) {
    return t.is_string() && t.get_ref<const std::string&>() == "Person";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), is_person);
  return is_person(type);
}

bool IsHowToType(const Json& type) {
  auto is_howto = [](const Json& t) {
    return t.is_string() && t.get_ref<const std::string&>() == "HowTo";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), is_howto);
  return is_howto(type);
}

// Appends the text a schema.org HowTo gives as steps (its `step`: HowToStep,
// HowToSection, or plain text; a step's `name` and `text`, and its
// `itemListElement` of directions and tips, HowToDirection and HowToTip), as
// the HTML its strings hold, a block per name and text.
void HowToStepMarkup(const Json& v, int depth, std::string* out) {
  if (depth > kMaxJsonDepth) return;
  if (v.is_array()) {
    for (const Json& e : v) HowToStepMarkup(e, depth + 1, out);
    return;
  }
  if (v.is_string()) {
    *out += "<div>" + v.get<std::string>() + "</div>";
    return;
  }
  if (!v.is_object()) return;
  for (const char* key : {"name", "text"}) {
    if (auto it = v.find(key); it != v.end() && it->is_string())
      *out += "<div>" + it->get<std::string>() + "</div>";
  }
  if (auto it = v.find("itemListElement"); it != v.end())
    HowToStepMarkup(*it, depth + 1, out);
}

void VisitJsonLd(const Json& v, int depth, size_t offset,
                 std::optional<JsonLdArticle>* best, JsonLdGraph* graph) {
  if (depth > kMaxJsonDepth) return;
  if (v.is_array()) {
    for (const Json& e : v) VisitJsonLd(e, depth + 1, offset, best, graph);
    return;
  }
  if (!v.is_object()) return;
  auto type = v.find("@type");
  if (type != v.end() && IsPersonType(*type)) {
    auto id = v.find("@id");
    auto name = v.find("name");
    if (id != v.end() && id->is_string() && name != v.end() &&
        name->is_string())
      graph->person_names.emplace(id->get<std::string>(), JsonString(*name));
  }
  if (graph->any_date.empty()) {
    for (const char* key : {"datePublished", "uploadDate", "dateCreated"}) {
      if (auto it = v.find(key); it != v.end() && it->is_string()) {
        graph->any_date = JsonString(*it);
        break;
      }
    }
  }
  if (type != v.end() && graph->howto.empty() && IsHowToType(*type)) {
    // A HowTo (instructions, a do-it-yourself page) is its description and
    // its steps, which its page may render only by script.
    if (auto it = v.find("description"); it != v.end() && it->is_string())
      graph->howto = "<div>" + it->get<std::string>() + "</div>";
    if (auto it = v.find("step"); it != v.end())
      HowToStepMarkup(*it, depth + 1, &graph->howto);
    graph->howto_offset = offset;
  }
  int rank = type == v.end() ? 0 : ArticleTypeRank(*type);
  bool has_body = v.contains("articleBody");
  if (rank > 0 || has_body) {
    JsonLdArticle a;
    a.rank = rank + (has_body ? 2 : 0);
    a.script_offset = offset;
    if (auto it = v.find("headline"); it != v.end())
      a.headline = JsonString(*it);
    if (auto it = v.find("articleBody"); it != v.end() && it->is_string()) {
      a.body = it->get<std::string>();
    }
    if (auto it = v.find("datePublished"); it != v.end())
      a.date_published = JsonString(*it);
    if (auto it = v.find("articleSection"); it != v.end()) {
      std::vector<std::string> s;
      JsonStrings(*it, &s);
      if (!s.empty()) a.section = s.front();
    }
    if (auto it = v.find("inLanguage"); it != v.end())
      a.language = JsonString(*it);
    if (auto it = v.find("url"); it != v.end()) a.url = JsonString(*it);
    if (auto it = v.find("author"); it != v.end()) {
      JsonNames(*it, &a.authors, &a.organization_authors);
      JsonAuthorIds(*it, &a.author_ids);
    }
    if (auto it = v.find("publisher"); it != v.end() && it->is_object()) {
      if (auto name = it->find("name"); name != it->end())
        a.publisher = CollapseSpaces(JsonString(*name));
    }
    if (auto it = v.find("creator"); a.authors.empty() && it != v.end())
      JsonNames(*it, &a.authors);
    if (auto it = v.find("keywords"); it != v.end())
      JsonStrings(*it, &a.keywords);
    if (!*best || a.rank > (*best)->rank) *best = std::move(a);
  }
  for (const char* key :
       {"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"}) {
    auto it = v.find(key);
    if (it != v.end() && (it->is_array() || it->is_object()))
      VisitJsonLd(*it, depth + 1, offset, best, graph);
  }
}

// Parses a JSON-LD script leniently: pages wrap it in CDATA or HTML comments,
// leave trailing semicolons, or concatenate objects.
void ParseJsonLd(std::string_view text, size_t offset,
                 std::optional<JsonLdArticle>* best, JsonLdGraph* graph) {
  std::string s(TrimSpaces(text));
  for (std::string_view wrap : {"<!--", "//<![CDATA[", "<![CDATA["}) {
    if (s.rfind(wrap, 0) == 0) s.erase(0, wrap.size());
  }
  for (std::string_view wrap : {"-->", "//]]>", "]]>", ";"}) {
    std::string_view t = TrimSpaces(s);
    if (t.size() >= wrap.size() && t.substr(t.size() - wrap.size()) == wrap) {
      s = std::string(t.substr(0, t.size() - wrap.size()));
    }
  }
  Json j = Json::parse(s, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    // Control characters inside strings are the usual culprit; replace them.
    for (char& c : s) {
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    j = Json::parse(s, nullptr, false);
  }
  if (j.is_discarded()) return;
  VisitJsonLd(j, 0, offset, best, graph);
}

// Whether the element's class holds hAtom's "entry-title", the microformat
// blog templates mark a post's title with.
bool HasEntryTitleClass(const GumboNode* n) {
  // Every element's class is asked: most hold no such word at all.
  const std::string_view cls = Attribute(n, "class");
  if (cls.find("entry-title") == std::string_view::npos) return false;
  bool found = false;
  ForEachWord(cls, [&](std::string_view name) {
    found = name == "entry-title";
    return !found;
  });
  return found;
}

// Whether `n`'s rel, a list of link types set apart by white space ("nofollow
// author"), holds `type` (lower case).
bool HasRelToken(const GumboNode* n, std::string_view type) {
  bool found = false;
  ForEachWord(Attribute(n, "rel"), [&](std::string_view link_type) {
    found = EqualsNoCase(link_type, type);
    return !found;
  });
  return found;
}

// Whether a lower-cased class names the writer: "author" anywhere but in
// "authorization" (a shop's log-in link), a byline's name ("byline__name",
// "story-byline-name"), or a word of its own among the author labels of the
// set's languages ("autor", "auteur": furniture_lines.txt's author-label), as
// "autorotate" is no author.
bool NamesAuthor(std::string_view cls) {
  for (size_t at = cls.find("author"); at != std::string_view::npos;
       at = cls.find("author", at + 1)) {
    const std::string_view rest = cls.substr(at + 6);
    if (!rest.starts_with("iz") && !rest.starts_with("is")) return true;
  }
  if (const size_t byline = cls.find("byline");
      byline != std::string::npos &&
      cls.find("name", byline) != std::string::npos)
    return true;
  if (cls.find("aut") == std::string::npos) return false;
  const auto word_byte = [&](size_t i) {
    return (cls[i] >= 'a' && cls[i] <= 'z') || (cls[i] >= '0' && cls[i] <= '9');
  };
  for (const std::string& label : WordLists().author_label) {
    for (size_t at = cls.find(label); at != std::string_view::npos;
         at = cls.find(label, at + 1)) {
      const size_t end = at + label.size();
      if ((at == 0 || !word_byte(at - 1)) &&
          (end == cls.size() || !word_byte(end)))
        return true;
    }
  }
  return false;
}

// An element that names the writer by its class ("author", "vcard author",
// "entry-meta-author", "byline__author", "autor"), holding no other such
// element, outside a comment thread (where every comment names its author).
// `cls`: an element's class attribute, lower-cased.
bool HasAuthorClass(std::string_view cls) {
  return NamesAuthor(cls) && cls.find("avatar") == std::string::npos &&
         cls.find("image") == std::string::npos &&
         cls.find("photo") == std::string::npos;
}

bool HasAuthorClass(const GumboNode* n) {
  return HasAuthorClass(AsciiLower(Attribute(n, "class")));
}

}  // namespace

// Whether `n` is an article's own footer: a <footer>, or an element classed
// as one ("entry-footer"), inside an <article> and no comment or related box.
// HTML's <footer> holds what its section says of itself ("Posted on <time>
// by Jane Doe", as blog themes set it after the text), not the page's
// furniture.
bool IsArticleFooter(const GumboNode* n) {
  const std::string_view cls = Attribute(n, "class");
  if (n->v.element.tag != GUMBO_TAG_FOOTER && !ContainsNoCase(cls, "footer"))
    return false;
  if (ContainsNoCase(cls, "comment") || ContainsNoCase(cls, "related"))
    return false;
  int depth = 0;
  for (const GumboNode* p = n->parent;
       p != nullptr && p->type == GUMBO_NODE_ELEMENT && depth < 24;
       p = p->parent, ++depth) {
    if (p->v.element.tag == GUMBO_TAG_ARTICLE) return true;
    if (p->v.element.tag == GUMBO_TAG_BODY) break;
  }
  return false;
}

namespace {

// Whether an element inside `n` (a few dozen looked at) is classed as the
// author's and holds text: the inner one is the name, not a picture's frame.
bool HoldsAuthorElement(const GumboNode* n) {
  std::vector<const GumboNode*> stack;
  const GumboVector& c = n->v.element.children;
  for (size_t i = 0; i < c.length; ++i)
    stack.push_back(static_cast<const GumboNode*>(c.data[i]));
  for (size_t seen = 0; !stack.empty() && seen < 64; ++seen) {
    const GumboNode* k = stack.back();
    stack.pop_back();
    if (k->type != GUMBO_NODE_ELEMENT) continue;
    if (HasAuthorClass(k) && !CollapseSpaces(NodeText(k, 200)).empty())
      return true;
    const GumboVector& kc = k->v.element.children;
    for (size_t i = 0; i < kc.length; ++i)
      stack.push_back(static_cast<const GumboNode*>(kc.data[i]));
  }
  return false;
}

// `cls`: n's class attribute, lower-cased.
bool IsAuthorElement(const GumboNode* n, std::string_view cls) {
  // A <time> holds a date (HTML's definition), whatever its class says
  // ("author-date"). The inner one of two is the name.
  if (!HasAuthorClass(cls) || n->v.element.tag == GUMBO_TAG_TIME ||
      HoldsAuthorElement(n))
    return false;
  int depth = 0;
  for (const GumboNode* p = n;
       p != nullptr && p->type == GUMBO_NODE_ELEMENT && depth < 12;
       p = p->parent, ++depth) {
    // Readers' replies and other stories only: classes.txt's long cues as a
    // whole (sidebars, footers, teasers) also hold the article's author box.
    const std::string cls = AsciiLower(Attribute(p, "class"));
    if (cls.find("comment") != std::string::npos ||
        cls.find("related") != std::string::npos ||
        cls.find("webmention") != std::string::npos)
      return false;
    if ((p->v.element.tag == GUMBO_TAG_FOOTER && !IsArticleFooter(p)) ||
        p->v.element.tag == GUMBO_TAG_NAV)
      return false;
  }
  return true;
}

// Whether `n` sits in a comment thread, a list of related or recommended
// stories, a sidebar or an <aside> (data/extract/classes.txt's `long` cues):
// a <time> there dates a comment or another story, not the article.
bool InLongFurniture(const GumboNode* n) {
  int depth = 0;
  for (const GumboNode* p = n->parent;
       p != nullptr && p->type == GUMBO_NODE_ELEMENT && depth < 24;
       p = p->parent, ++depth) {
    // <body>'s classes describe the page ("has-sidebar"), not a part of it.
    if (p->v.element.tag == GUMBO_TAG_BODY) break;
    if (p->v.element.tag == GUMBO_TAG_ASIDE ||
        (ReadClass(p).long_furniture && !IsArticleFooter(p)))
      return true;
  }
  return false;
}

// What microdata says an item's name is: the content or text of the first
// element inside `item` (a few levels down) with itemprop "name" ("<div
// itemprop=author itemscope><a>jdoe</a><span itemprop=name>jdoe</span>
// <span>1,204</span></div>"), else all of `item`'s text.
std::string MicrodataName(const GumboNode* item) {
  std::vector<std::pair<const GumboNode*, int>> stack{{item, 0}};
  while (!stack.empty()) {
    const auto [n, depth] = stack.back();
    stack.pop_back();
    if (n != item && Attribute(n, "itemprop") == "name") {
      const std::string_view content = Attribute(n, "content");
      return content.empty() ? NodeText(n, 200) : std::string(content);
    }
    if (depth == 4) continue;
    const GumboVector& c = n->v.element.children;
    for (size_t i = c.length; i-- > 0;) {
      const auto* k = static_cast<const GumboNode*>(c.data[i]);
      if (k->type == GUMBO_NODE_ELEMENT) stack.emplace_back(k, depth + 1);
    }
  }
  return NodeText(item, 200);
}

// Whether `n` sits in the page's <footer>, not an article's own: a theme's
// credit there links its maker as rel=author ("Theme: ColorMag by
// ThemeGrill").
bool InPageFooter(const GumboNode* n) {
  bool in_footer = false;
  for (const GumboNode* p = n->parent;
       p != nullptr && p->type == GUMBO_NODE_ELEMENT; p = p->parent) {
    const GumboTag tag = p->v.element.tag;
    if (tag == GUMBO_TAG_FOOTER) in_footer = true;
    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) return false;
  }
  return in_footer;
}

// Whether `n` sits in a reply's microdata item (a forum's comment, a Q&A
// site's answer, a review): its author is the reply's, not the page's.
bool InReplyItem(const GumboNode* n) {
  for (const GumboNode* p = n->parent;
       p != nullptr && p->type == GUMBO_NODE_ELEMENT; p = p->parent) {
    // An item of type Comment, Answer or Review (schema.org's), however the
    // page nests it ("<article itemscope
    // itemtype=https://schema.org/Comment>").
    const std::string_view type = Attribute(p, "itemtype");
    for (std::string_view reply : {"/Comment", "/Answer", "/Review"}) {
      if (type.ends_with(reply)) return true;
    }
    const std::string_view prop = Attribute(p, "itemprop");
    if (prop.empty()) continue;
    for (std::string_view reply :
         {"comment", "suggestedAnswer", "acceptedAnswer", "answer", "review"}) {
      if (prop == reply) return true;
    }
  }
  return false;
}

// The texts of `n` when its class names an author (IsAuthorElement) or a
// byline, a few of each per page. Most classes name neither (HasAuthorClass
// needs "author" or an author label, which hold "aut"): no lower-cased copy is
// made of them.
// `text` without the label of a link to the writer's other posts, which says
// so before the name or names nobody ("View all posts by Jane Doe", "View
// Archive": furniture_lines.txt's author-link-label).
std::string WithoutAuthorLinkLabel(std::string text) {
  const size_t label =
      LeadPhraseLength(text, WordLists().author_link_label, true);
  if (label == 0) return text;
  return std::string(TrimSpaces(std::string_view(text).substr(label)));
}

// The texts of the elements classed `cls` as `n` is among its siblings, else
// among its parent's siblings' children (a list's items each holding a
// writer's picture and name, then perhaps a role), in document order; empty
// when `n` has no such kin.
std::vector<std::string> AuthorListTexts(const GumboNode* n,
                                         std::string_view cls) {
  constexpr size_t kMaxWriters = 4;
  for (int up = 1; up <= 2; ++up) {
    const GumboNode* container = n->parent;
    if (up == 2 && container != nullptr) container = container->parent;
    if (container == nullptr || container->type != GUMBO_NODE_ELEMENT)
      return {};
    std::vector<std::string> texts;
    std::vector<std::pair<const GumboNode*, int>> stack{{container, 0}};
    while (!stack.empty() && texts.size() <= kMaxWriters) {
      const auto [k, depth] = stack.back();
      stack.pop_back();
      if (depth == up) {
        if (Attribute(k, "class") != cls) continue;
        std::string text = CollapseSpaces(NodeText(k, 200));
        // An item opens with the name (a role may follow it): "Photographs
        // by <a class=name>...</a>" credits a photographer.
        if (up == 2 &&
            !CollapseSpaces(NodeText(k->parent, 300)).starts_with(text))
          return {};
        if (!text.empty()) texts.push_back(std::move(text));
        continue;
      }
      const GumboVector& c = k->v.element.children;
      for (size_t i = c.length; i-- > 0;) {
        const auto* child = static_cast<const GumboNode*>(c.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT)
          stack.emplace_back(child, depth + 1);
      }
    }
    if (texts.size() >= 2 && texts.size() <= kMaxWriters) return texts;
  }
  return {};
}

// The text of a byline's or an author's element, the lines its blocks and
// <br>s break it into set apart with " | " ("<strong>JANE DOE</strong><br>IN
// KYIV", "<div>Jane Doe</div><div>Desk name</div>"), as AuthorNames reads a
// bar: what follows the names is no name. A line that only leads the names
// in ("By", "Text:", a field's label "Autorin") stays with them.
std::string BylineElementText(const GumboNode* node, size_t limit) {
  const std::string lines = ElementText(node, limit, '\n');
  std::string out;
  bool lead_open = false;
  for (size_t start = 0; start <= lines.size();) {
    size_t end = lines.find('\n', start);
    if (end == std::string::npos) end = lines.size();
    const std::string line =
        CollapseSpaces(std::string_view(lines).substr(start, end - start));
    start = end + 1;
    if (line.empty()) continue;
    if (!out.empty()) out += lead_open ? " " : " | ";
    out += line;
    const std::vector<std::string_view> words = SplitWords(line, 3);
    lead_open = words.size() <= 2 &&
                (IsByWord(words.back()) || line.back() == ':' ||
                 IsLabelOnly(AsciiLower(line), WordLists().author_label));
  }
  return out;
}

void CollectClassedAuthors(const GumboNode* n, PageMetadata* md) {
  const std::string_view raw_cls = Attribute(n, "class");
  if (!ContainsNoCase(raw_cls, "aut") && !ContainsNoCase(raw_cls, "byline"))
    return;
  const std::string cls = AsciiLower(raw_cls);
  if (md->author_class_texts.size() < 4 && IsAuthorElement(n, cls)) {
    std::string text = WithoutAuthorLinkLabel(BylineElementText(n, 200));
    if (!text.empty() && text.size() <= 100) {
      if (md->author_class_texts.empty())
        md->author_list_texts = AuthorListTexts(n, raw_cls);
      md->author_class_texts.push_back(std::move(text));
    }
  }
  // A byline that holds an element classed as the writer's name ("<div
  // class=byline><span class=byline__name>By X</span><span>AFP</span>
  // <time>...</time></div>") leaves the name to it.
  if (cls.find("byline") != std::string::npos && md->byline_texts.size() < 4 &&
      !HoldsAuthorElement(n))
    md->byline_texts.push_back(BylineElementText(n, 300));
}

// Whether the children of `n` are one <a> and nothing else but white space
// and pictures.
bool IsOneLink(const GumboNode* n) {
  int links = 0;
  const GumboVector& c = n->v.element.children;
  for (size_t i = 0; i < c.length; ++i) {
    const GumboNode* k = static_cast<const GumboNode*>(c.data[i]);
    if (k->type == GUMBO_NODE_WHITESPACE || k->type == GUMBO_NODE_COMMENT)
      continue;
    if (k->type != GUMBO_NODE_ELEMENT) return false;
    if (k->v.element.tag == GUMBO_TAG_A) {
      ++links;
    } else if (k->v.element.tag != GUMBO_TAG_IMG) {
      return false;
    }
  }
  return links == 1;
}

// The headline of an <h1> that sets a kicker (an overline, German news'
// "Dachzeile") beside it in elements of their own: the child classed as the
// headline, else the text without the child classed as the kicker ("<span
// class='dachzeile'>Nach dem Sturm:</span> <span
// class='headline'>Aufräumen</span>"). Empty when no child is so classed
// (classes.txt's "kicker" cues, read inside the class as written).
std::string HeadlineBesideKicker(const GumboNode* h1) {
  const std::vector<std::string>& kicker_stems = WordLists().kicker_stems;
  const GumboVector& c = h1->v.element.children;
  std::string headline, rest;
  bool kicker = false;
  for (size_t i = 0; i < c.length; ++i) {
    const GumboNode* k = static_cast<const GumboNode*>(c.data[i]);
    if (k->type == GUMBO_NODE_ELEMENT) {
      // Text for screen readers only ("<span class=visually-hidden>: </span>"
      // between kicker and headline) is none of the headline.
      if (HasUnseenClass(k)) continue;
      const std::string_view cls = Attribute(k, "class");
      if (ContainsNoCase(cls, "headline")) {
        headline += NodeText(k);
        continue;
      }
      if (std::any_of(
              kicker_stems.begin(), kicker_stems.end(),
              [&](const std::string& w) { return ContainsNoCase(cls, w); })) {
        kicker = true;
        continue;
      }
    }
    rest +=
        k->type == GUMBO_NODE_TEXT ? std::string(k->v.text.text) : NodeText(k);
    rest += ' ';
  }
  if (!CollapseSpaces(headline).empty()) return CollapseSpaces(headline);
  return kicker ? CollapseSpaces(rest) : std::string();
}

// The texts of an <h1> (and of its children, a kicker in a <span> before the
// headline) or an <h2>, a few of each per page.
void CollectHeading(const GumboNode* n, PageMetadata* md) {
  if (n->v.element.tag == GUMBO_TAG_H2) {
    if (md->h2s.size() < 16) {
      std::string h = CollapseSpaces(NodeText(n, 400));
      if (!h.empty()) md->h2s.push_back(std::move(h));
    }
    return;
  }
  std::string h = HeadlineBesideKicker(n);
  if (h.empty()) h = CollapseSpaces(NodeText(n));
  if (md->h1.empty()) md->h1 = h;
  if (h.empty() || md->h1s.size() >= 16) return;
  md->h1s.push_back(std::move(h));
  md->h1_is_link.push_back(IsOneLink(n));
  const GumboVector& c = n->v.element.children;
  const size_t parts_before = md->h1_parts.size();
  for (size_t i = 0; i < c.length && md->h1_parts.size() < 32; ++i) {
    const GumboNode* k = static_cast<const GumboNode*>(c.data[i]);
    std::string part = CollapseSpaces(
        k->type == GUMBO_NODE_TEXT ? std::string(k->v.text.text) : NodeText(k));
    if (!part.empty()) md->h1_parts.push_back(std::move(part));
  }
  if (md->h1s.size() == 1)
    md->first_h1_parts = md->h1_parts.size() - parts_before;
}

}  // namespace

// Kept as one walk of the tree: each element is looked at once for every kind
// of metadata it may hold (<html lang>, <meta>, <link>, <time>, JSON-LD,
// microdata), so that a page costs one pass whatever it carries.
void CollectMetadata(const GumboNode* root, std::string_view content,
                     PageMetadata* md) {
  if (root && root->type == GUMBO_NODE_ELEMENT) {
    md->html_lang = std::string(Attribute(root, "lang"));
    if (md->html_lang.empty())
      md->html_lang = std::string(Attribute(root, "xml:lang"));
  }
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n == nullptr || n->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag tag = n->v.element.tag;
    switch (tag) {
      case GUMBO_TAG_META: {
        std::string_view c = Attribute(n, "content");
        for (const char* key : {"name", "property", "itemprop", "http-equiv"}) {
          std::string_view k = Attribute(n, key);
          if (!k.empty() && !c.empty())
            md->meta[AsciiLower(k)].push_back(CollapseSpaces(c));
        }
        break;
      }
      case GUMBO_TAG_LINK:
        if (HasRelToken(n, "canonical") && md->canonical.empty()) {
          md->canonical = std::string(TrimSpaces(Attribute(n, "href")));
        }
        break;
      case GUMBO_TAG_TITLE:
        if (md->title_tag.empty()) md->title_tag = CollapseSpaces(NodeText(n));
        break;
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
        CollectHeading(n, md);
        break;
      case GUMBO_TAG_TIME: {
        std::string_view dt = Attribute(n, "datetime");
        if (!dt.empty() && !InLongFurniture(n) && !InReplyItem(n))
          md->time_datetimes.push_back(
              {std::string(TrimSpaces(dt)), ReadTimeMarking(n)});
        break;
      }
      case GUMBO_TAG_SCRIPT: {
        if (AsciiLower(TrimSpaces(Attribute(n, "type"))) ==
            "application/ld+json") {
          const GumboVector& c = n->v.element.children;
          for (size_t i = 0; i < c.length; ++i) {
            const GumboNode* t = static_cast<const GumboNode*>(c.data[i]);
            if (t->type == GUMBO_NODE_TEXT ||
                t->type == GUMBO_NODE_WHITESPACE ||
                t->type == GUMBO_NODE_CDATA) {
              ParseJsonLd(
                  t->v.text.text,
                  std::min<size_t>(t->v.text.start_pos.offset, content.size()),
                  &md->jsonld, &md->graph);
            }
          }
        }
        continue;  // nothing else inside a script
      }
      default:
        break;
    }
    std::string_view itemprop = Attribute(n, "itemprop");
    // A hidden rel=author link is a template's leftover (Blogger's link to a
    // profile, named after the blog's owner), not the byline a reader sees.
    if ((itemprop == "author" && !InReplyItem(n)) ||
        (HasRelToken(n, "author") && !IsHidden(n) && !InPageFooter(n))) {
      // Of an author the page prints, microdata's name for it (a user card
      // prints the name, a hidden copy as itemprop=name and a score). An
      // author given only in <meta> inside the item is not shown to readers.
      std::string text = CollapseSpaces(NodeText(n, 200));
      if (itemprop == "author" && !text.empty())
        text = CollapseSpaces(MicrodataName(n));
      text = WithoutAuthorLinkLabel(std::move(text));
      if (!text.empty() && text.size() < 80)
        md->itemprop_authors.push_back(text);
    }
    if (md->marked_headlines.size() < 4 && n->v.element.tag != GUMBO_TAG_META &&
        (itemprop == "headline" || HasEntryTitleClass(n)) && !IsHidden(n) &&
        !HasUnseenClass(n) && !HoldsTag(n, GUMBO_TAG_A, 3)) {
      if (std::string text = CollapseSpaces(NodeText(n, 400)); !text.empty())
        md->marked_headlines.push_back(std::move(text));
    }
    if ((itemprop == "datePublished" || itemprop == "dateCreated") &&
        !InReplyItem(n)) {
      std::string_view dt = Attribute(n, "datetime");
      if (dt.empty()) dt = Attribute(n, "content");
      if (!dt.empty()) {
        md->meta["datepublished"].emplace_back(TrimSpaces(dt));
      } else if (md->date_texts.size() < 2) {
        md->date_texts.push_back(CollapseSpaces(NodeText(n, 200)));
      }
    }
    CollectClassedAuthors(n, md);
    const GumboVector& c = n->v.element.children;
    for (size_t i = c.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(c.data[i]));
  }
}

namespace {

const std::vector<std::string>* MetaValues(const PageMetadata& md,
                                           std::string_view key) {
  auto it = md.meta.find(std::string(key));
  return it == md.meta.end() || it->second.empty() ? nullptr : &it->second;
}

}  // namespace

std::string FirstMeta(const PageMetadata& md,
                      std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    if (const auto* v = MetaValues(md, k)) return v->front();
  }
  return {};
}

namespace {

// ISO dates with a space or slashes instead of 'T' and '-' are common in meta
// tags.
std::optional<PartialDate> ParseLooseIso(std::string_view raw) {
  std::string_view t = TrimSpaces(raw);
  if (auto d = ParseIsoDate(t)) return d;
  if (t.size() >= 10) {
    std::string head(t.substr(0, 10));
    if ((head[4] == '/' && head[7] == '/') ||
        (head[4] == '-' && head[7] == '-')) {
      head[4] = head[7] = '-';
      bool rest_ok = t.size() == 10 || t[10] == ' ' || t[10] == 'T';
      if (rest_ok) return ParseIsoDate(head);
    }
  }
  return std::nullopt;
}

std::string NormalizeLanguage(std::string_view raw) {
  std::string s(TrimSpaces(raw));
  std::replace(s.begin(), s.end(), '_', '-');
  if (s.size() < 2 || s.size() > 35) return {};
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return {};
  }
  return s;
}

}  // namespace

void AddUnique(std::vector<std::string>* v, std::string s) {
  if (s.empty()) return;
  if (std::find(v->begin(), v->end(), s) == v->end())
    v->push_back(std::move(s));
}

namespace {

// A job title alone (furniture_lines.txt's role-word: whole, with a
// role-ending, or a stem ending in "-" at the word's start): "Journalist" after
// a name is the writer's role, while "Press" ends an agency's name ("The
// Associated Press") and "Staffan" is a name.
bool IsJobTitleWord(std::string_view w) {
  const std::string lower = AsciiLower(w);
  const std::vector<std::string>& endings = WordLists().role_ending;
  return std::any_of(
      WordLists().role_word.begin(), WordLists().role_word.end(),
      [&](const std::string& r) {
        if (r.ends_with('-'))
          return lower.starts_with(std::string_view(r).substr(0, r.size() - 1));
        if (!lower.starts_with(r)) return false;
        const std::string_view rest = std::string_view(lower).substr(r.size());
        return rest.empty() ||
               std::find(endings.begin(), endings.end(), rest) != endings.end();
      });
}

// Words that make a comma-separated part of an author field a job title, not a
// name
// ("Chris Cillizza, CNN Editor-at-large").
bool IsRoleWord(std::string_view w) {
  // A job title (furniture_lines.txt's role-word, at the word's start) or a
  // publisher's word alone (publisher-word).
  if (IsJobTitleWord(w)) return true;
  const std::vector<std::string>& publisher = WordLists().publisher_word;
  if (std::find(publisher.begin(), publisher.end(), AsciiLower(w)) !=
      publisher.end())
    return true;
  // A domain ("Cleveland.com") names the site. Domain names end in a
  // lower-case top-level domain; a user name such as "Jane.DoeSmith" does not.
  size_t dot = w.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 >= w.size())
    return false;
  return std::all_of(w.begin() + static_cast<std::ptrdiff_t>(dot) + 1, w.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; });
}

// The last part of a hyphenated compound ("ZEITUNG-Online-Redakteur" gives
// "Redakteur"), or the word itself.
std::string_view LastHyphenPart(std::string_view w) {
  const size_t dash = w.rfind('-');
  return dash == std::string_view::npos || dash + 1 == w.size()
             ? w
             : w.substr(dash + 1);
}

// Whether `w` is a Chinese name: two to four CJK ideographs.
bool IsIdeographName(std::string_view w) {
  size_t pos = 0, count = 0;
  while (pos < w.size()) {
    const char32_t c = DecodeUtf8(w, &pos);
    if (!((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)))
      return false;
    ++count;
  }
  return count >= 2 && count <= 4;
}

// Bylines run on into the date ("Jeff Foust Monday, November 18, 2019", "Jane
// Doe am 3. Mai 2021"): a day or month name or a word that starts with a digit
// ("3.", "2021", "(18."). A user name with digits inside ("Jane2k") is no date.
bool IsDateWord(std::string_view w) {
  if (IsCalendarWord(w)) return true;
  while (!w.empty() && (w.front() == '(' || w.front() == '[' ||
                        w.front() == '|' || w.front() == ','))
    w.remove_prefix(1);
  return !w.empty() && w.front() >= '0' && w.front() <= '9';
}

}  // namespace

bool IsOurWord(std::string_view w) {
  const std::vector<std::string>& ours = WordLists().byline_possessive;
  return std::find(ours.begin(), ours.end(), AsciiLower(w)) != ours.end();
}

// The word that introduces a writer's name in a byline, in the languages of
// European news ("by", German "von", French "par", Spanish and Portuguese
// "por", Dutch "door", Scandinavian "av"/"af").
bool IsByWord(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kBy = {
      "by", "von", "par", "por", "door", "av", "af"};
  const std::string lower = AsciiLower(w);
  return std::find(kBy.begin(), kBy.end(), lower) != kBy.end();
}

namespace {

// A byline without its lead-in: a label ending in a colon ("Autor: X",
// "Auteur : X"), then the words up to a by-word followed by a capitalised
// word ("By X", "Erstellt von X", "Posted on May 3, 2020 by X"). "Ursula von
// der Leyen" keeps its "von". `name_field`: the line is a field meant to hold
// names (JSON-LD, <meta>), where a by-word inside is a nobiliary particle
// ("Beatrix von Storch", "Ebba af Geijerstam") unless it is the English "by"
// ("Analysis by Chris Cillizza"): only a leading by-word or "by" is a lead-in
// there.
std::string_view StripBylineLead(std::string_view line, bool name_field) {
  constexpr size_t kMaxLabelChars = 24;
  line = TrimSpaces(line);
  // Characters, not bytes: "Автор рецепта:" is a label as "Recipe by:" is.
  const auto chars = [](std::string_view s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
  };
  // A label of one or two words, or a credit's longer one ("Text und Foto:"),
  // its colon ASCII or full-width ("作者：").
  size_t colon = line.find(':');
  size_t colon_bytes = 1;
  if (const size_t wide = line.find(kFullWidthColon); wide < colon) {
    colon = wide;
    colon_bytes = kFullWidthColon.size();
  }
  if (colon != std::string_view::npos &&
      chars(line.substr(0, colon)) < kMaxLabelChars &&
      (SplitWords(line.substr(0, colon)).size() <= 2 ||
       StartsWithAnyNoCase(line.substr(0, colon), WordLists().credit_label,
                           /*whole_word=*/true))) {
    line = TrimSpaces(line.substr(colon + colon_bytes));
  }
  std::vector<std::string_view> words = SplitWords(line, 12);
  // Italian bylines open with a lower-case "di" ("di Giulia Esempio"); a
  // capitalised "Di" is a name's.
  if (words.size() >= 2 && words[0] == "di" && StartsUpper(words[1]))
    return TrimSpaces(
        line.substr(static_cast<size_t>(words[1].data() - line.data())));
  for (size_t i = 0; i + 1 < words.size() && i < 10; ++i) {
    const bool lead_in = !name_field || i == 0 || AsciiLower(words[i]) == "by";
    if (lead_in && IsByWord(words[i]) &&
        (StartsUpper(words[i + 1]) || IsOurWord(words[i + 1]))) {
      return TrimSpaces(
          line.substr(static_cast<size_t>(words[i + 1].data() - line.data())));
    }
  }
  return line;
}

// Whether `w` is punctuation, an arrow or another mark, no letter or digit in
// it: ASCII punctuation, guillemets, and the general punctuation, arrow,
// symbol and dingbat blocks (U+2000 to U+2BFF).
bool IsMarkWord(std::string_view w) {
  size_t pos = 0;
  while (pos < w.size()) {
    const char32_t c = DecodeUtf8(w, &pos);
    const bool ascii_mark = c < 0x80 && std::ispunct(static_cast<int>(c));
    if (!ascii_mark && c != 0xAB && c != 0xBB && (c < 0x2000 || c > 0x2BFF))
      return false;
  }
  return !w.empty();
}

// `part` up to the end of the last of `words` (views into it, the words after
// them cut off), or empty when no word is left.
std::string_view ThroughLastWord(std::string_view part,
                                 const std::vector<std::string_view>& words) {
  if (words.empty()) return {};
  return part.substr(0, static_cast<size_t>(words.back().data() +
                                            words.back().size() - part.data()));
}

}  // namespace

// Cuts a date run into a name's last letter, where markup set the two side by
// side with no space ("<span>Von Jane Doe</span><span>2. Juni 2019</span>"
// reads "Von Jane Doe2. Juni 2019"): the name ends at the digits when a day's
// number with its full stop, or a number before a month's name, follows it
// there. A user name's digits ("Tiefseetaucher7") stay. Whether it cut.
bool CutDateRunIntoName(std::vector<std::string_view>* words,
                        std::string_view* part) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 1; i < words->size(); ++i) {
    const std::string_view w = (*words)[i];
    const size_t d = static_cast<size_t>(
        std::find_if(w.begin(), w.end(), digit) - w.begin());
    if (d == 0 || d == w.size() || !StartsUpper(w)) continue;
    size_t e = d;
    while (e < w.size() && digit(w[e])) ++e;
    const bool day_number = e + 1 == w.size() && w[e] == '.';
    const bool before_month = e == w.size() && i + 1 < words->size() &&
                              IsCalendarWord((*words)[i + 1]);
    if (!day_number && !before_month) continue;
    (*words)[i] = w.substr(0, d);
    words->resize(i + 1);
    *part = ThroughLastWord(*part, *words);
    return true;
  }
  return false;
}

// Cuts from a part of an author field (`words`, `part` the text they span)
// what a credit adds after the name: an agency joined to the writers ("Jana
// Beispiel mit Material von Reuters", "Inês Carvalhal, com Lusa", "Jean
// Dupont avec AFP") or set after a slash ("Elin Bergstrand/TT", "Jana
// Beispiel / dpa"), and a social handle ("Jane Doe @janedoe Nov 3").
void CutCreditsAfterName(std::vector<std::string_view>* words,
                         std::string_view* part) {
  if (auto joiner = std::find_if(words->begin(), words->end(), IsAgencyJoiner);
      joiner != words->end()) {
    words->erase(joiner, words->end());
    *part = ThroughLastWord(*part, *words);
  }
  // A slash set apart ("Jana Beispiel / dpa").
  if (auto slash = std::find(words->begin(), words->end(), "/");
      slash != words->end() && slash - words->begin() >= 2) {
    words->erase(slash, words->end());
    *part = ThroughLastWord(*part, *words);
  }
  if (!words->empty()) {
    std::string_view& last = words->back();
    if (const size_t slash = last.find('/');
        slash != std::string_view::npos && slash > 0 &&
        slash + 1 < last.size() && StartsUpper(last.substr(slash + 1))) {
      last = last.substr(0, slash);
      *part = ThroughLastWord(*part, *words);
    }
  }
  if (auto handle =
          std::find_if(words->begin(), words->end(),
                       [](std::string_view w) { return w.front() == '@'; });
      handle != words->end()) {
    words->erase(handle, words->end());
    *part = ThroughLastWord(*part, *words);
  }
}

// Cuts a writer's job title from around the name: before it ("Reporter Jane
// Doe", "ZEITUNG-Redakteur Max Muster"), arrows and marks after it ("Alle
// Beiträge von Jane Doe anzeigen →"), and a title in lower case after it that
// runs on with where the writer reports from ("Federica Marchetti inviata a
// Capannori", "Ana Ruiz enviada especial"). A newspaper's possessive before
// the title goes with it ("Von unserem Redakteur Max Muster", "By our
// correspondent Jane Doe").
void CutJobTitlesAroundName(std::vector<std::string_view>* words,
                            std::string_view* part) {
  const auto drop_first = [&] {
    words->erase(words->begin());
    *part = std::string_view(words->front().data(),
                             static_cast<size_t>(part->data() + part->size() -
                                                 words->front().data()));
  };
  if (words->size() > 3 && IsOurWord(words->front()) &&
      IsRoleWord(LastHyphenPart((*words)[1])))
    drop_first();
  // A job title, not a publisher's word: "Press Trust of India" is an
  // agency's name. An author's label without its colon leads in as one does
  // ("Autorin Jana Beispiel", a field's label set before its value).
  while (words->size() > 2 &&
         (IsJobTitleWord(LastHyphenPart(words->front())) ||
          IsLabelOnly(AsciiLower(words->front()), WordLists().author_label)) &&
         StartsUpper((*words)[1]))
    drop_first();
  if (!words->empty() && IsMarkWord(words->back())) {
    while (!words->empty() && IsMarkWord(words->back())) words->pop_back();
    *part = ThroughLastWord(*part, *words);
  }
  for (size_t i = 2; i < words->size(); ++i) {
    if (StartsLower((*words)[i]) && IsRoleWord((*words)[i])) {
      words->resize(i);
      *part = ThroughLastWord(*part, *words);
      break;
    }
  }
}

// The end of AuthorNames' reading of one part of a list (`words`, `part` the
// text they span): cuts a job title after a first part's name ("Ingrid
// Solheim Journalist", as a byline box sets the writer's role under the
// name); true when the part is a role, not a name ("Jane Doe, Personal
// Finance Editor": a part after the first that holds a role is the writer's
// title, as is one with an organisation's office or post: "Jane Doe, Vice
// President"). A publisher's word closing a first part of three words or more
// ends an agency's or an outlet's name ("The Associated Press"), which is the
// credit; alone after a writer's name it is the outlet ("Jane Doe, Press").
bool CutJobTitleOrIsRole(bool first_part, std::vector<std::string_view>* words,
                         std::string_view* part) {
  if (first_part && words->size() >= 3 && words->size() <= 4 &&
      IsJobTitleWord(LastHyphenPart(words->back()))) {
    words->pop_back();
    *part = ThroughLastWord(*part, *words);
  }
  const bool outlet_name = first_part && words->size() >= 3 &&
                           !IsJobTitleWord(words->back()) &&
                           IsRoleWord(words->back());
  for (size_t i = 0; i < words->size(); ++i) {
    const std::string_view w = (*words)[i];
    if ((IsRoleWord(w) && !(outlet_name && i + 1 == words->size())) ||
        (!first_part &&
         ((w.size() >= 2 && IsUpperWord(w)) || IsAffiliationWord(w))))
      return true;
  }
  return false;
}

// Whether one part of an author list (`words`, `part` the text they span)
// has a name's shape: one to five words, the first capitalised (unless
// `lenient`: a user name), the last too, a letter among them, and not a
// byline's lead alone ("Written By", its name set apart in markup).
bool ShapedAsNamePart(const std::vector<std::string_view>& words,
                      std::string_view part, bool first_part, bool lenient) {
  if (words.empty() || words.size() > 5 ||
      (!lenient && !StartsUpper(words.front())))
    return false;
  // Names end in a capitalised word: particles ("Ursula von der Leyen",
  // "Jose de la Cruz") stand inside; a phrase ends in a lower-case word
  // ("View my complete profile").
  if (words.size() > 1 && StartsLower(words.back())) return false;
  // Nor does a further part hold one but a name's particle ("Jane Doe,
  // Technikredakteurin bei Klangraum" sets the writer's post after her name).
  if (!first_part && !IsNameShaped(part)) return false;
  if (!std::any_of(part.begin(), part.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) ||
               static_cast<unsigned char>(c) >= 0x80;
      }))
    return false;
  return !IsByWord(words.back());
}

// An author field cut at what separates the names from what follows.
std::string_view CutAfterNames(std::string_view line) {
  line = TrimSpaces(line);
  // A bar, a bullet, a spaced dash or guillemet separates the names from what
  // follows ("Jane Doe | Site", "By Jane Doe•15 January 2020", "By Jane Doe -
  // Data desk", "by jdoe » Tue Mar 7, 2023" as forum software prints a post's
  // author; a double name's hyphen has no spaces, a quoted nickname's
  // guillemet no space after it); a closing CJK bracket ends a credit
  // ("【责任编辑：王明】").
  for (std::string_view sep :
       {"|", "\xE2\x80\xA2", "\xC2\xB7", "\xE3\x80\x91", "\xE3\x80\x8D",
        "\xEF\xBC\x89", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
        " \xC2\xBB "}) {
    if (size_t at = line.find(sep); at != std::string_view::npos)
      line = TrimSpaces(line.substr(0, at));
  }
  // A separator left at the end, what it separated cut off or set apart in
  // markup ("Staff Reports - </div>").
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view sep :
         {" -", " \xE2\x80\x93", " \xE2\x80\x94", " |"}) {
      if (line.ends_with(sep)) {
        line = TrimSpaces(line.substr(0, line.size() - sep.size()));
        cut = true;
      }
    }
  }
  return line;
}

// Cuts one part of an author list (`words`, `part` the text they span) at
// the date or other information its byline goes on with. Returns whether
// it was cut: nothing after that is a name.
bool CutAtDateOrLabel(std::vector<std::string_view>* words_out,
                      std::string_view* part_out) {
  std::vector<std::string_view>& words = *words_out;
  std::string_view& part = *part_out;
  const auto has_digit = [](std::string_view w) {
    return std::any_of(w.begin(), w.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  // A date starts at a word with digits, at a day's name after the first
  // word, or at a day's or month's name before a number ("May 3, 2021",
  // "Monday 3 May"). Else such a name is a person's: "Theresa May", "Anna
  // April", "Domingo Pérez", "Mai Nguyen".
  const auto date_at = [&](size_t i) {
    if (!IsDateWord(words[i])) return false;
    if (!IsCalendarWord(words[i])) return true;
    if (i > 0 && IsDayName(words[i])) return true;
    return std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i + 1),
                       words.begin() + static_cast<std::ptrdiff_t>(
                                           std::min(i + 3, words.size())),
                       has_digit);
  };
  // A day's name cut short ("am Mi., 14.09.2022", "» Di 7. Mär 2023") is
  // a date closed by its full stop or before the day's number; else it may
  // be a name's ("Lorenzo Di Stefano").
  // So is one after the preposition a byline sets before its date, when
  // the list's comma has cut the date's number off ("Submitted by Jane Doe
  // on Tue, 03/15/2011").
  const auto day_at = [&](size_t i) {
    return i > 0 && IsDayAbbreviation(words[i]) &&
           (words[i].back() == '.' ||
            (i + 1 < words.size() && words[i + 1].front() >= '0' &&
             words[i + 1].front() <= '9') ||
            (i + 1 == words.size() && i >= 2 &&
             (words[i - 1] == "on" || words[i - 1] == "am")));
  };
  for (size_t i = 0; i < words.size(); ++i) {
    // A date, a label that starts other information ("Jane Doe Foto: X",
    // "Jane Doe Published 3 May", "Jane Doe Veröffentlicht am ...") or the
    // place or category a byline goes on with ("By Jane Doe in Kyiv",
    // "Posted by Jane in Recipes").
    if (date_at(i) || day_at(i) ||
        (i > 0 && words[i].size() > 1 && words[i].back() == ':') ||
        (i > 0 && ReadDateLabel(words[i]).label != DateLabel::kNone) ||
        (i > 0 && words[i] == "in" && i + 1 < words.size() &&
         StartsUpper(words[i + 1]))) {
      words.resize(i);
      // The preposition before the date ("am", "le", "on") is no part of the
      // name.
      if (words.size() > 1 && words.back().size() <= 3 &&
          StartsLower(words.back()))
        words.pop_back();
      part = ThroughLastWord(part, words);
      return true;
    }
  }
  return false;
}

// Author names from a metadata field as pages fill it: "Jane Doe", "By Jane Doe
// and John Roe", "Analysis by Chris Cillizza, CNN Editor-at-large", "Amy
// Kuperinsky | NJ Advance Media". Returns the names, or nothing when the field
// reads like no name. `lenient`: the field is marked as the author's by the
// page's structure (rel=author, an "author" class), so a lower-case user name
// ("eseppelt") counts too. `name_field`: a field meant to hold names, not page
// text (StripBylineLead).
std::vector<std::string> AuthorNames(std::string_view raw, bool lenient,
                                     bool name_field) {
  std::string_view line = CutAfterNames(raw);
  line = StripBylineLead(line, name_field);
  // What a bracket opens after the names is the agency's or a note ("Jana
  // Beispiel (mit APA)", "Jane Doe (AP)").
  if (const size_t bracket = line.find(" ("); bracket != std::string_view::npos)
    line = TrimSpaces(line.substr(0, bracket));
  std::vector<std::string> names;
  bool first = true;
  bool date_seen = false;
  for (std::string_view part : SplitNameList(line)) {
    if (date_seen)
      break;  // the date ends the byline: nothing after it is a name
    std::vector<std::string_view> words = SplitWords(part);
    if (CutDateRunIntoName(&words, &part)) date_seen = true;
    if (CutAtDateOrLabel(&words, &part)) date_seen = true;
    bool first_part = first;
    first = false;
    CutCreditsAfterName(&words, &part);
    // A further credit ("Text: X, Fotos: Y") names the photographer.
    if (!first_part && !words.empty() && words.front().size() > 1 &&
        words.front().back() == ':')
      continue;
    // Chinese names are written without spaces: a space between words of
    // ideographs separates writers ("刘晓燕 陈志刚"); a role among them
    // ("记者 王晓雯", the reporter) is none.
    if (words.size() >= 2 && words.size() <= 4 &&
        std::all_of(words.begin(), words.end(), IsIdeographName)) {
      for (std::string_view w : words) {
        if (!IsRoleWord(w)) names.emplace_back(w);
      }
      continue;
    }
    CutJobTitlesAroundName(&words, &part);
    // The full stop a byline closes with ("Jane DOE.") is none of the name;
    // an initial's or an abbreviation's is ("John Q.", "Jr.", "W.Va.").
    if (!words.empty() && words.back().size() > 3 &&
        words.back().back() == '.' &&
        words.back().find('.') == words.back().size() - 1) {
      words.back().remove_suffix(1);
      part = ThroughLastWord(part, words);
    }
    if (!ShapedAsNamePart(words, part, first_part, lenient)) continue;
    // One word after a full name in the list is the writer's agency, desk
    // or place ("Jan Koch, ARD-Hauptstadtstudio", "Jane Doe, Reuters"), as
    // ParseAuthorLine reads it.
    if (words.size() == 1 && !names.empty() &&
        SplitWords(names.back(), 2).size() == 2)
      continue;
    if (CutJobTitleOrIsRole(first_part, &words, &part)) continue;
    names.emplace_back(part);
  }
  return names;
}

namespace {

// A keyword worth keeping as a tag: not a CMS flag ("_no-apple-news", "@river")
// and not a sentence (some pages repeat the headline among their keywords).
bool IsTag(std::string_view t) {
  if (t.empty() || t.front() == '_' || t.front() == '@' || t.front() == '#')
    return false;
  return SplitWords(t).size() <= 6;
}

}  // namespace

bool TitleOnlyInTitleElement(const PageMetadata& md) {
  return md.h1s.empty() && md.marked_headlines.size() != 1 &&
         (!md.jsonld || md.jsonld->headline.empty()) &&
         FirstMeta(md, {"og:title", "twitter:title"}).empty();
}

// Whether numeric dates with slashes put the month first: US English pages do
// ("11/01/2023" is November 1st); others put the day first.
bool MonthFirst(const PageMetadata& md) {
  const std::string lang = AsciiLower(md.html_lang);
  return lang == "en-us" || lang == "en_us" || lang == "en";
}

namespace {

// Whether `c` sets a site's name apart in a <title>: ASCII punctuation and
// spaces, guillemets, a middle dot, the dashes, bullets and quotes of
// U+2010-U+2027, and the bars U+2502 and U+FF5C (kTitleSeparators' characters
// and what pages set beside them).
bool IsTitlePunctuation(char32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) == 0;
  return c == 0xAB || c == 0xB7 || c == 0xBB || (c >= 0x2010 && c <= 0x2027) ||
         c == 0x2502 || c == 0xFF5C;
}

// `s` without the separators and spaces that open it.
std::string_view SkipTitlePunctuation(std::string_view s) {
  while (!s.empty()) {
    size_t next = 0;
    if (!IsTitlePunctuation(DecodeUtf8(s, &next))) break;
    s.remove_prefix(next);
  }
  return s;
}

// `s` without the separators and spaces around it (": ", " | ", " - ").
std::string_view TrimTitlePunctuation(std::string_view s) {
  s = SkipTitlePunctuation(s);
  while (!s.empty()) {
    size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
      --start;
    size_t pos = start;
    if (!IsTitlePunctuation(DecodeUtf8(s, &pos))) break;
    s.remove_suffix(s.size() - start);
  }
  return s;
}

// What StripSiteSuffix cut off `title` (lower-cased, spaces collapsed) to
// leave its first `kept` bytes, without the separator: the site's name.
std::string_view SiteSuffixOf(std::string_view title, size_t kept) {
  if (kept >= title.size()) return {};
  // The separator: spaces and punctuation up to the first letter or digit.
  return SkipTitlePunctuation(title.substr(kept));
}

// The label that names a site in its host, as Alnum gives it: "bbc" of
// "www.bbc.co.uk", "tinkerersbench" of "forum.tinkerersbench.org.uk".
std::string HostLabel(std::string_view host) {
  if (const size_t dot = host.rfind('.'); dot != std::string_view::npos)
    host = host.substr(0, dot);
  // A country's second level ("giro.com.br", "example.co.uk") is no name.
  for (std::string_view second :
       {".com", ".co", ".org", ".net", ".gov", ".ac", ".edu"}) {
    if (host.ends_with(second) && host.size() > second.size()) {
      host.remove_suffix(second.size());
      break;
    }
  }
  if (const size_t dot = host.rfind('.'); dot != std::string_view::npos)
    host = host.substr(dot + 1);
  return Alnum(host);
}

// The length of the site's name and the separators after it that open
// `title` ("example.org // » Post", "Example | Post"), or 0: a name that is
// the host's (with or without its top-level domain) or og:site_name, or a
// short name holding the host's label before a longer rest, followed by a
// separator, and words after it. `name_length`: the name's.
size_t SitePrefixLength(std::string_view title, std::string_view host,
                        std::string_view og_site, const PageMetadata& md,
                        size_t* name_length) {
  // An <h1> that is one link (a blog's name linking home) opening the title
  // before a separator or a colon ("Blog: Post", as Blogger titles a post)
  // is the site's name: a name of at most four words, the rest longer. (A
  // post's own headline linked to its address opens "Post | Site" too, the
  // site's name then the shorter part.)
  for (size_t i = 0; i < md.h1s.size(); ++i) {
    const std::string& logo = md.h1s[i];
    if (!md.h1_is_link[i] || logo.empty() || !title.starts_with(logo) ||
        SplitWords(logo, 5).size() > 4 || logo.size() * 2 > title.size())
      continue;
    const std::string_view after = title.substr(logo.size());
    if (!after.starts_with(": ") &&
        std::none_of(
            std::begin(kTitleSeparators), std::end(kTitleSeparators),
            [&](std::string_view sep) { return after.starts_with(sep); }))
      continue;
    const size_t end = SiteSuffixOf(title, logo.size()).data() - title.data();
    if (end >= title.size()) continue;
    *name_length = logo.size();
    return end;
  }
  size_t head = std::string_view::npos;
  for (std::string_view sep : kTitleSeparators)
    head = std::min(head, title.find(sep));
  if (head == std::string_view::npos || head == 0) return 0;
  const std::string name = Alnum(title.substr(0, head));
  // Past the separator and any that follow it ("// »").
  const size_t end = SiteSuffixOf(title, head).data() - title.data();
  if (end >= title.size()) return 0;
  // The host's name, or a short name holding the host's label before a
  // longer rest ("Tinkerers' Bench Cycle Forum • View topic - Seized bottom
  // bracket" on forum.tinkerersbench.org.uk; a headline opening with the
  // site's label, "BBC reporter attacked - BBC News", is the longer part).
  const std::string label = HostLabel(host);
  const bool names_site =
      (!og_site.empty() && name == Alnum(og_site)) ||
      (!host.empty() && (name == Alnum(host) ||
                         name == Alnum(host.substr(0, host.rfind('.'))))) ||
      (label.size() >= 3 && name.find(label) != std::string::npos &&
       SplitWords(title.substr(0, head), 6).size() <= 5 &&
       title.size() - end > head);
  if (!names_site) return 0;
  *name_length = head;
  return end;
}

// The host of the site that published the page (`url`, else its canonical
// address), without "www.": for a copy in the Internet Archive's Wayback
// Machine ("web.archive.org/web/20090214083512/http://example.com/a"), the
// archived page's own.
std::string PublisherHost(std::string_view url, const PageMetadata& md) {
  if (url.empty()) url = md.canonical;
  std::string host = UrlHost(url);
  if (host != "web.archive.org") return host;
  constexpr std::string_view kWeb = "/web/";
  const size_t web = url.find(kWeb);
  if (web == std::string_view::npos) return host;
  const size_t archived = url.find('/', web + kWeb.size());
  if (archived == std::string_view::npos || archived + 1 >= url.size())
    return host;
  std::string original = UrlHost(url.substr(archived + 1));
  return original.empty() ? host : original;
}

// The names a page gives itself, lower-cased: og:site_name, the part of its
// <title> that StripSiteSuffix cuts off ("Post - Section - Site" gives
// "section - site") and the site's name that opens it ("Site | Post"). A
// site's banner <h1> is that name, or that name and its motto ("<title>Post »
// Verein e.V.</title>" with "<h1>Verein e.V. Für Kinder</h1>"): not a
// headline.
struct SiteNames {
  std::string og_site;
  std::string prefix;         // the name opening the <title>, as Alnum gives it
  std::string full_tag, tag;  // the <title> less that name; less the suffix
  std::string_view tag_site;  // the suffix, in full_tag
  // What the <title> adds to og:title before or after it ("Blog: Post" with
  // og:title "Post"), when shorter than og:title: the site's name.
  std::string og_rest;

  SiteNames(const PageMetadata& md, std::string_view host)
      : og_site(AsciiLower(FirstMeta(md, {"og:site_name"}))) {
    const std::string title = CollapseSpaces(md.title_tag);
    const std::string og =
        AsciiLower(CollapseSpaces(FirstMeta(md, {"og:title"})));
    const std::string lower_title = AsciiLower(title);
    if (!og.empty() && og.size() < lower_title.size()) {
      std::string_view rest;
      if (lower_title.starts_with(og))
        rest = std::string_view(lower_title).substr(og.size());
      else if (lower_title.ends_with(og))
        rest = std::string_view(lower_title)
                   .substr(0, lower_title.size() - og.size());
      rest = TrimTitlePunctuation(rest);
      if (!rest.empty() && rest.size() < og.size()) og_rest = std::string(rest);
    }
    size_t name_length = 0;
    const size_t prefix_length =
        SitePrefixLength(title, host, og_site, md, &name_length);
    prefix = Alnum(std::string_view(title).substr(0, name_length));
    full_tag = AsciiLower(std::string_view(title).substr(prefix_length));
    tag = AsciiLower(StripSiteSuffix(full_tag));
    tag_site = SiteSuffixOf(full_tag, tag.size());
  }
  SiteNames(const SiteNames&) = delete;
  SiteNames& operator=(const SiteNames&) = delete;

  // `lower`: a heading, lower-cased. A headline that opens with the site's
  // name ("<title>Moordorf feiert | Moordorf</title>") is one the <title>
  // repeats before its suffix.
  bool IsSiteName(std::string_view lower) const {
    if (lower == og_site || (!og_rest.empty() && lower == og_rest)) return true;
    if (!prefix.empty() && Alnum(lower) == prefix) return true;
    if (tag_site.empty() || !lower.starts_with(tag_site) ||
        tag.find(lower) != std::string::npos)
      return false;
    return lower.size() == tag_site.size() || lower[tag_site.size()] == ' ';
  }
};

// The page's own heading is the title as the reader sees it: an <h1> that the
// <title> or og:title repeats (a blog's first <h1> is often its name, the
// post's comes later), or the only <h1> there is; nullptr if none. og:title is
// often a shorter or longer variant written for sharing.
// The words of a lower-cased text, as Alnum spells them, of two letters or
// more.
std::set<std::string> WordsOf(std::string_view lower) {
  std::set<std::string> out;
  for (std::string_view w : SplitWords(lower)) {
    if (std::string a = Alnum(w); a.size() >= 2) out.insert(std::move(a));
  }
  return out;
}

const std::string* ChooseHeading(const PageMetadata& md,
                                 const SiteNames& names) {
  const std::string og = AsciiLower(FirstMeta(md, {"og:title"}));
  // The title's words without the site's name: an <h1> found only in the
  // <title>'s site suffix, or equal to og:site_name, is the site's name
  // ("Post | Blog" with <h1>Blog</h1>), not the headline.
  // A <title> cut short with an ellipsis ("Zwölf Jugendliche feiern am… -
  // Site") repeats the heading it opens, when three words or more are left.
  std::string_view cut_tag = names.tag;
  for (std::string_view ellipsis : {"\xE2\x80\xA6", "..."}) {
    if (cut_tag.ends_with(ellipsis)) {
      cut_tag = TrimSpaces(cut_tag.substr(0, cut_tag.size() - ellipsis.size()));
      break;
    }
  }
  if (cut_tag.size() == names.tag.size() || SplitWords(cut_tag, 3).size() < 3)
    cut_tag = {};
  const auto repeated_by_title = [&](const std::string& h) {
    const std::string lower = AsciiLower(h);
    if (names.IsSiteName(lower)) return false;
    return names.tag.find(lower) != std::string::npos ||
           (!og.empty() && og.find(lower) != std::string::npos) ||
           (!cut_tag.empty() && std::string_view(lower).starts_with(cut_tag));
  };
  // Of several the title repeats (a blog's name and its post's), the one the
  // <title> opens with ("Post | Blog", the order of most sites' titles), else
  // the longest.
  const auto best_repeated = [&](const std::vector<std::string>& candidates,
                                 size_t min_words) {
    const std::string* best = nullptr;
    bool best_opens = false;
    for (const std::string& h : candidates) {
      if (SplitWords(h, min_words).size() < min_words &&
          (min_words > 2 || h.size() < 8))
        continue;
      if (!repeated_by_title(h)) continue;
      const bool opens = names.full_tag.starts_with(AsciiLower(h));
      if (best == nullptr || (opens && !best_opens) ||
          (opens == best_opens && h.size() > best->size())) {
        best = &h;
        best_opens = opens;
      }
    }
    return best;
  };
  const std::string* chosen = best_repeated(md.h1s, 2);
  // An <h1> that is one link (a logo's link home) is the site's name when the
  // title repeats an <h2> too ("Site » Post" with <h1><a>Site</a></h1> and
  // <h2>Post</h2>).
  // So is one word the title repeats a section's name ("Site - News » Post"
  // with <h1>News</h1> over <h2>Post</h2>).
  if (chosen != nullptr &&
      (md.h1_is_link[static_cast<size_t>(chosen - md.h1s.data())] ||
       SplitWords(*chosen, 2).size() == 1)) {
    if (const std::string* h2 = best_repeated(md.h2s, 3)) chosen = h2;
  }
  // An <h1> that holds a kicker before its headline ("<span>Kicker</span>
  // Headline"): the part the title repeats.
  if (chosen == nullptr) chosen = best_repeated(md.h1_parts, 3);
  // No <h1> the title repeats: an <h2> it repeats, as templates that give
  // <h1> to the site's logo set the headline in.
  if (chosen == nullptr) chosen = best_repeated(md.h2s, 3);
  // No heading the title repeats whole: an <h2> that holds most of the
  // <title>'s words (a headline the <title> words more briefly) over <h1>s
  // that hold none of them (a section's name, "Pressemitteilungen").
  if (chosen == nullptr) {
    const std::set<std::string> title_words = WordsOf(names.tag);
    const auto shared = [&](const std::string& h) {
      size_t n = 0;
      for (const std::string& w : WordsOf(AsciiLower(h)))
        n += title_words.count(w);
      return n;
    };
    if (title_words.size() >= 4 &&
        std::none_of(md.h1s.begin(), md.h1s.end(),
                     [&](const std::string& h) { return shared(h) > 0; })) {
      for (const std::string& h : md.h2s) {
        if (shared(h) * 5 >= title_words.size() * 3) {
          chosen = &h;
          break;
        }
      }
    }
  }
  // A lone <h1> the title does not repeat is the headline, unless it is one
  // link and nothing else (a logo's link home, as old templates set the
  // site's name).
  if (chosen == nullptr && md.h1s.size() == 1 && !md.h1_is_link[0] &&
      SplitWords(md.h1s[0], 41).size() <= 40 &&
      !names.IsSiteName(AsciiLower(md.h1s[0]))) {
    chosen = &md.h1s[0];
  }
  return chosen;
}

// The title: og:title, JSON-LD headline, <h1> or <title> without the site's
// name, and then the page's own <h1> where the title repeats it.
std::string ChooseTitle(const PageMetadata& md, std::string_view url) {
  const JsonLdArticle* ld = md.jsonld ? &*md.jsonld : nullptr;
  const SiteNames names(md, PublisherHost(url, md));
  std::string title = FirstMeta(md, {"og:title", "twitter:title"});
  if (title.empty() && ld) title = ld->headline;
  // An <h1> that is one link and nothing else is mostly a logo's link home:
  // the <title> comes before it (ChooseHeading still takes the <h1> when the
  // <title> repeats it).
  const bool h1_is_logo_link = !md.h1_is_link.empty() && md.h1_is_link[0] &&
                               md.h1 == md.h1s[0] && !md.title_tag.empty();
  if (title.empty() && !h1_is_logo_link && !names.IsSiteName(AsciiLower(md.h1)))
    title = md.h1;
  // The <title> less the site's name opening it, also when og:title repeats
  // the <title> whole ("Blog: Post").
  if (const std::string tag = CollapseSpaces(md.title_tag);
      title.empty() || (title == tag && names.full_tag.size() < tag.size()))
    title = tag.substr(tag.size() - names.full_tag.size());
  title = StripSiteSuffix(title);
  // A headline in <h1> that the meta title extends wins ("Headline" vs
  // "Headline - Site").
  if (!md.h1.empty() && title != md.h1 && title.find(md.h1) == 0 &&
      md.h1.size() * 2 > title.size()) {
    title = md.h1;
  }
  // og:title giving an <h1> of unclassed parts (a kicker and a headline in
  // <span>s) whole, with the punctuation that sets the parts apart ("Kicker:
  // Headline"): the headline as the page writes it in one line.
  if (md.first_h1_parts >= 2 && title != md.h1 && Alnum(title) == Alnum(md.h1))
    return title;
  if (const std::string* heading = ChooseHeading(md, names)) title = *heading;
  // The one headline the page marks as such (itemprop=headline, hAtom's
  // entry-title) is the headline as readers see it, over a section's name in
  // <h1> and a sharing title worded otherwise; a kicker it holds before the
  // title found is not (the title is its end).
  if (md.marked_headlines.size() == 1) {
    const std::string& marked = md.marked_headlines.front();
    const std::string m = Alnum(marked), t = Alnum(title);
    if (!m.empty() && m != t && !(t.size() > 0 && m.ends_with(t)) &&
        SplitWords(marked, 41).size() <= 40)
      title = marked;
  }
  return title;
}

void FillSectionAndTags(const PageMetadata& md, Article* a) {
  const JsonLdArticle* ld = md.jsonld ? &*md.jsonld : nullptr;
  if (a->section.empty()) {
    a->section = ld && !ld->section.empty()
                     ? ld->section
                     : FirstMeta(md, {"article:section", "parsely-section",
                                      "section", "og:section"});
  }
  if (const auto* tags = MetaValues(md, "article:tag")) {
    for (const std::string& t : *tags) {
      std::vector<std::string> parts;
      JsonStrings(Json(t), &parts);
      for (std::string& p : parts) {
        if (IsTag(p)) AddUnique(&a->tags, std::move(p));
      }
    }
  }
  if (a->tags.empty() && ld) {
    for (const std::string& k : ld->keywords) {
      if (IsTag(k)) AddUnique(&a->tags, k);
    }
  }
  if (a->tags.empty()) {
    std::string kw =
        FirstMeta(md, {"news_keywords", "keywords", "parsely-tags"});
    std::vector<std::string> parts;
    JsonStrings(Json(kw), &parts);
    for (std::string& p : parts) {
      if (IsTag(p)) AddUnique(&a->tags, std::move(p));
    }
  }
  if (a->tags.size() > 40) a->tags.resize(40);
}

// An author field naming the site itself (its host, with or without the
// top-level domain: "Example" on example.org) or a CMS's default account
// ("admin", WordPress's and most CMSs' first user; Joomla's "Super User"): no
// writer.
bool IsSiteOrAccount(std::string_view name, std::string_view host) {
  const std::string n = Alnum(name);
  if (n == "admin" || n == "administrator" || n == "webmaster" ||
      n == "superuser")  // Joomla's first account
    return true;
  // An administrator's account named for the site ("Policy Blog Admin").
  const std::vector<std::string_view> words = SplitWords(name, 6);
  if (words.size() >= 2 && Alnum(words.back()) == "admin") return true;
  if (host.empty() || n.empty()) return false;
  return n == Alnum(host) || n == Alnum(host.substr(0, host.rfind('.')));
}

}  // namespace

namespace {

// `name` lower-cased with the letters of Latin alphabets folded to ASCII as
// host names spell them, in the two ways hosts do: marks dropped ("Gündem
// Postası" gives "gundem postasi"; `*plain`), and the German umlauts written
// out ("Süddeutsche" gives "sueddeutsche"; `*umlaut_e`). One decomposition for
// both.
void FoldToHostLetters(std::string_view name, std::string* plain,
                       std::string* umlaut_e) {
  plain->clear();
  umlaut_e->clear();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return;
  const icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                         name.data(), static_cast<int32_t>(name.size()))),
                     status);
  if (U_FAILURE(status)) return;
  const auto append = [&](std::string_view letters) {
    *plain += letters;
    *umlaut_e += letters;
  };
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0x308) *umlaut_e += 'e';
    if (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK)
      continue;
    switch (u_tolower(c)) {
      case 0x131:  // dotless i
        append("i");
        break;
      case 0xDF:  // sharp s
        append("ss");
        break;
      case 0xF8:  // o with stroke
        append("o");
        break;
      case 0x142:  // l with stroke
        append("l");
        break;
      case 0x111:  // d with stroke
        append("d");
        break;
      case 0xE6:
        append("ae");
        break;
      case 0x153:
        append("oe");
        break;
      default: {
        std::string letter;
        AppendUtf8(static_cast<char32_t>(u_tolower(c)), &letter);
        append(letter);
      }
    }
  }
}

}  // namespace

// Whether `name` names the site that publishes the page: its JSON-LD
// publisher, its og:site_name, or a name holding the host's own label ("BBC
// News" on www.bbc.com, "OÖ Volksblatt" on volksblatt.at).
bool NamesTheSite(std::string_view name, const PageMetadata& md,
                  std::string_view url) {
  const std::string n = Alnum(name);
  if (n.empty()) return false;
  if ((md.jsonld && n == Alnum(md.jsonld->publisher)) ||
      n == Alnum(FirstMeta(md, {"og:site_name"})))
    return true;
  const std::string label = HostLabel(PublisherHost(url, md));
  if (label.size() < 3) return false;
  if (n.find(label) != std::string::npos) return true;
  // A name in letters a host spells in ASCII ("Gündem Postası" on
  // gundempostasi.com.tr, "Süddeutsche Zeitung" on sueddeutsche.de).
  if (std::all_of(n.begin(), n.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return false;
  std::string plain, umlaut_e;
  FoldToHostLetters(name, &plain, &umlaut_e);
  return Alnum(plain).find(label) != std::string::npos ||
         Alnum(umlaut_e).find(label) != std::string::npos;
}

bool TitleIsTheSiteName(std::string_view title, const PageMetadata& md,
                        std::string_view url) {
  return !title.empty() && SplitWords(title, 6).size() <= 5 &&
         NamesTheSite(title, md, url);
}

namespace {

// The name a byline box holds with no by-word: a first and a last name, each
// capitalised Latin, Greek or Cyrillic letters (no CJK label such as 記者, no
// words run together as "SolheimJournalist" from markup that set a role
// beside the name), then nothing or a comma and an address ("Jana Beispiel,
// news.example.at"); else "".
std::string BareBylineName(std::string_view text) {
  text = TrimSpaces(text);
  std::string_view name = text, rest;
  if (const size_t comma = text.find(", "); comma != std::string_view::npos) {
    name = text.substr(0, comma);
    rest = text.substr(comma + 2);
    if (rest.find(' ') != std::string_view::npos ||
        rest.find('.') == std::string_view::npos)
      return {};
  }
  const std::vector<std::string_view> words = SplitWords(name, 3);
  if (words.size() != 2) return {};
  for (std::string_view w : words) {
    size_t pos = 0;
    const char32_t first = DecodeUtf8(w, &pos);
    if (first >= 0x3000 || !StartsUpper(w)) return {};
    size_t lower_run = 0;
    while (pos < w.size()) {
      const char32_t c = DecodeUtf8(w, &pos);
      if (c >= 'A' && c <= 'Z' && lower_run >= 4) return {};
      lower_run = (c >= 'a' && c <= 'z') || c >= 0x80 ? lower_run + 1 : 0;
    }
  }
  const std::vector<std::string> names =
      AuthorNames(name, /*lenient=*/false, /*name_field=*/false);
  return names.size() == 1 && names[0] == name ? names[0] : std::string();
}

}  // namespace

bool IsDeskCredit(std::string_view name, const PageMetadata& md,
                  std::string_view url) {
  if (NamesTheSite(name, md, url)) return true;
  // An agency's initials alone ("ZAM", "AFP").
  if (name.size() >= 2 && name.size() <= 5 &&
      std::all_of(name.begin(), name.end(),
                  [](char c) { return c >= 'A' && c <= 'Z'; }))
    return true;
  // The newsroom's words (furniture_lines.txt's desk-word), whole or ending
  // a compound ("Online-Redaktion", "Nachrichtendesk"), and the news ("NP
  // Nyheter").
  for (std::string_view w : SplitWords(name, 8)) {
    const std::string lower = AsciiLower(w);
    for (const std::string& d : WordLists().desk_word) {
      if (std::string_view(lower).ends_with(d)) return true;
    }
  }
  return false;
}

namespace {

// Authors from the first source that names any: JSON-LD (with authors given by
// @id), author meta tags, itemprop=author, byline lines, elements classed
// "author".
std::vector<std::string> ChooseAuthors(const PageMetadata& md,
                                       std::string_view url) {
  const JsonLdArticle* ld = md.jsonld ? &*md.jsonld : nullptr;
  std::vector<std::string> authors;
  const std::string site_name =
      FirstMeta(md, {"og:site_name", "application-name"});
  const std::string host = PublisherHost(url, md);
  // Names from one field; `lenient` and `name_field` as AuthorNames takes them.
  // An organisation's name (the JSON-LD's author of @type Organization, its
  // publisher) in a field of names is a credit, not a writer: a byline that
  // names one comes first (DeclaredAuthorCredit keeps the credit otherwise).
  const auto names_an_organisation = [&](const std::string& n) {
    if (!ld) return false;
    const std::string a = Alnum(n);
    return a == Alnum(ld->publisher) ||
           std::any_of(ld->organization_authors.begin(),
                       ld->organization_authors.end(),
                       [&](const std::string& o) { return a == Alnum(o); });
  };
  auto add_names = [&](const std::string& field, bool lenient,
                       bool name_field) {
    if (field.find("://") != std::string::npos || field == site_name) return;
    std::vector<std::string> names = AuthorNames(field, lenient, name_field);
    // A field that names the site, read as a list, is a company's name with
    // its "&" ("Muster & Partner Consulting" on muster-partner.de): one
    // credit, not writers.
    if (names.size() >= 2 && NamesTheSite(field, md, url)) return;
    for (std::string& n : names) {
      if (n != site_name && !IsSiteOrAccount(n, host) &&
          !names_an_organisation(n))
        AddUnique(&authors, std::move(n));
    }
  };
  if (ld) {
    for (const std::string& n : ld->authors)
      add_names(n, /*lenient=*/false, /*name_field=*/true);
    for (const std::string& id : ld->author_ids) {
      if (auto it = md.graph.person_names.find(id);
          it != md.graph.person_names.end()) {
        add_names(it->second, /*lenient=*/true, /*name_field=*/true);
      }
    }
  }
  if (authors.empty()) {
    for (std::string_view key :
         {"author", "article:author", "parsely-author", "sailthru.author",
          "citation_author", "dc.creator", "dc:creator", "byl"}) {
      if (const auto* v = MetaValues(md, key)) {
        for (const std::string& s : *v)
          add_names(s, /*lenient=*/false, /*name_field=*/true);
      }
      if (!authors.empty()) break;
    }
  }
  if (authors.empty()) {
    for (const std::string& s : md.itemprop_authors)
      add_names(s, /*lenient=*/true, /*name_field=*/false);
  }
  if (authors.empty()) {
    for (const std::string& s : md.byline_texts) {
      for (std::string& n : ParseAuthorLine(s)) {
        for (std::string& m :
             AuthorNames(n, /*lenient=*/false, /*name_field=*/false))
          AddUnique(&authors, std::move(m));
      }
      // A byline box that holds a writer's name alone, no by-word, perhaps
      // with the site's address ("Jana Beispiel, news.example.at").
      if (authors.empty()) {
        if (std::string name = BareBylineName(s); !name.empty())
          authors.push_back(std::move(name));
      }
      if (!authors.empty()) break;
    }
  }
  if (authors.empty()) {
    for (const std::string& s : md.author_class_texts) {
      add_names(s, /*lenient=*/true, /*name_field=*/false);
      if (!authors.empty()) break;
    }
  }
  return authors;
}

}  // namespace

namespace {

// Whether `credit` reads as a name, a person's or an organisation's: one to
// six words, the first and last capitalised ("Les Membres du Choeur de Radio
// France"), no address; not a phrase ("Show my profile").
bool ReadsAsCredit(std::string_view credit) {
  const std::vector<std::string_view> words = SplitWords(credit, 7);
  return !words.empty() && words.size() <= 6 && StartsUpper(words.front()) &&
         StartsUpper(words.back()) &&
         credit.find("://") == std::string_view::npos &&
         credit.find('@') == std::string_view::npos;
}

// The holder a copyright notice names: what follows the sign or the word
// ("©", "(c)", "Copyright"), less the years, up to the sentence's end or a
// separator ("© 2022 Stadtwerke Beispiel GmbH. Alle Rechte vorbehalten."
// gives "Stadtwerke Beispiel GmbH").
std::string CopyrightHolder(std::string_view notice) {
  std::string_view rest = TrimSpaces(notice);
  for (bool cut = true; cut && !rest.empty();) {
    cut = false;
    for (std::string_view lead :
         {"\xC2\xA9", "(c)", "(C)", "Copyright", "copyright"}) {
      if (rest.starts_with(lead)) {
        rest = TrimSpaces(rest.substr(lead.size()));
        cut = true;
      }
    }
    // A year or a span of years ("2010-2022") before the name.
    size_t digits = 0;
    while (digits < rest.size() &&
           ((rest[digits] >= '0' && rest[digits] <= '9') ||
            (digits > 0 && rest[digits] == '-')))
      ++digits;
    if (digits >= 4) {
      rest = TrimSpaces(rest.substr(digits));
      cut = true;
    }
  }
  if (const size_t end = rest.find_first_of("|,;"); end != std::string::npos)
    rest = rest.substr(0, end);
  if (const size_t stop = rest.find(". "); stop != std::string::npos)
    rest = rest.substr(0, stop);
  rest = TrimSpaces(rest);
  while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
  // A year after the name ("Stadtwerke Beispiel GmbH 2022").
  std::vector<std::string_view> words = SplitWords(rest, 8);
  while (!words.empty() && words.back().size() >= 4 &&
         std::all_of(words.back().begin(), words.back().end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == '-'; }))
    words.pop_back();
  if (words.empty()) return {};
  return std::string(ThroughLastWord(rest, words));
}

}  // namespace

// The credit the page's author fields hold when they name no person: an
// organisation or desk ("HLNF Staff Report", a company's or association's own
// name on its press page). ChooseAuthors passes over such credits because a
// byline often names the writer; when no source names one, the declared
// credit is the article's author as the page states it.
std::string DeclaredAuthorCredit(const PageMetadata& md) {
  std::vector<std::string> fields;
  if (md.jsonld) {
    fields = md.jsonld->authors;
    fields.insert(fields.end(), md.jsonld->organization_authors.begin(),
                  md.jsonld->organization_authors.end());
  }
  for (std::string_view key : {"author", "article:author", "dc.creator"}) {
    if (const auto* v = MetaValues(md, key))
      fields.insert(fields.end(), v->begin(), v->end());
  }
  for (const std::string& field : fields) {
    const std::string_view credit = StripBylineLead(field, /*name_field=*/true);
    if (!ReadsAsCredit(credit) || IsSiteOrAccount(credit, "")) continue;
    const std::vector<std::string_view> words = SplitWords(credit, 7);
    // A role alone ("Staff", "Redaktion") credits nobody.
    if (std::all_of(words.begin(), words.end(), [](std::string_view w) {
          return IsRoleWord(w) || IsByWord(w);
        }))
      continue;
    return std::string(credit);
  }
  // Nor a rights field: the copyright holder it declares ("© Stadtwerke
  // Beispiel GmbH 2022. Alle Rechte vorbehalten.") publishes the page as its
  // own, the organisation's page or a person's own site.
  for (std::string_view key : {"copyright", "dcterms.rightsholder"}) {
    const auto* v = MetaValues(md, key);
    if (v == nullptr || v->empty()) continue;
    std::string holder = CopyrightHolder(v->front());
    if (ReadsAsCredit(holder) && SplitWords(holder, 2).size() == 2)
      return holder;
  }
  return {};
}

namespace {

using DateCandidates = std::vector<std::pair<std::string, DateSource>>;

// A moment written in UTC ("...Z", "+00:00") is often a CMS's conversion of the
// time the site printed in its own zone. When the page also gives the same
// moment in a zone other than UTC (another <meta>, a <time datetime>), the day
// is that zone's: the day the site printed and its readers saw. So it is when
// the first source that gives a day alone ("<time datetime=2023-08-24>") gives
// the next or the previous one, and a zone (UTC-12 to UTC+14) can make that day
// of the moment. Nullopt when `raw` is no UTC timestamp or no other source
// gives its moment.
std::optional<std::pair<PartialDate, DateSource>> LocalDayOfUtcStamp(
    std::string_view raw, const PageMetadata& md,
    const DateCandidates& candidates) {
  const auto utc = ParseZonedTime(raw);
  if (!utc || utc->offset_minutes != 0) return std::nullopt;
  // A day alone beside the moment (not before 1970: no page's date).
  for (const auto& [other, source] : candidates) {
    if (utc->utc_minute < 0) break;
    if (ParseZonedTime(other)) continue;
    const auto day = ParseLooseIso(other);
    if (!day || day->day == 0) continue;
    constexpr long kMinutesPerDay = 24 * 60, kMaxEast = 14 * 60,
                   kMaxWest = 12 * 60;
    const long utc_day = utc->utc_minute / kMinutesPerDay;
    const long minute_of_day = utc->utc_minute % kMinutesPerDay;
    const long days_apart =
        DaysFromCivil(day->year, day->month, day->day) - utc_day;
    if ((days_apart == 1 && kMinutesPerDay - minute_of_day <= kMaxEast) ||
        (days_apart == -1 && minute_of_day < kMaxWest))
      return {{*day, source}};
    break;
  }
  const auto same_moment_elsewhere =
      [&](std::string_view other) -> std::optional<PartialDate> {
    const auto t = ParseZonedTime(other);
    if (t && t->offset_minutes != 0 &&
        std::abs(t->utc_minute - utc->utc_minute) <= 1)
      return t->local_day;
    return std::nullopt;
  };
  for (const auto& [other, source] : candidates) {
    if (auto day = same_moment_elsewhere(other)) return {{*day, source}};
  }
  // Every value of a <meta> name, not only the first one candidates hold.
  for (const auto& [name, values] : md.meta) {
    for (const std::string& v : values) {
      if (auto day = same_moment_elsewhere(v))
        return {{*day, DateSource::kMeta}};
    }
  }
  return std::nullopt;
}

// The publication dates the page's markup gives, in the order they are
// trusted: JSON-LD, <meta>, the JSON-LD graph's, <time> elements.
DateCandidates PublishedCandidates(const PageMetadata& md) {
  const JsonLdArticle* ld = md.jsonld ? &*md.jsonld : nullptr;
  DateCandidates candidates;  // raw, source
  if (ld && !ld->date_published.empty())
    candidates.push_back({ld->date_published, DateSource::kJsonLd});
  for (std::string_view key : {"article:published_time",
                               "og:published_time",
                               "datepublished",
                               "publishdate",
                               "pubdate",
                               "publish-date",
                               "date",
                               "dc.date",
                               "dc.date.issued",
                               "dcterms.created",
                               "citation_publication_date",
                               "citation_date",
                               "sailthru.date",
                               "parsely-pub-date",
                               "article.published",
                               "dcterms.date",
                               "dc:date",
                               "dcterms.issued",
                               "bepress_citation_date",
                               "uploaddate",
                               "og:article:published_time",
                               "article:published",
                               "published_time",
                               "pub_date",
                               "publish_date",
                               "published_at",
                               "publication_date",
                               "date_published",
                               "article_date_original",
                               "originalpublicationdate",
                               "firstpublishedtime",
                               "cxenseparse:recs:publishtime",
                               "cxenseparse:publishtime",
                               "rnews:datepublished",
                               "dc.date.created",
                               "dc.created",
                               "dcterms:created",
                               "prism.publicationdate",
                               "citation_online_date"}) {
    if (const auto* v = MetaValues(md, key))
      candidates.push_back({v->front(), DateSource::kMeta});
  }
  if (!md.graph.any_date.empty())
    candidates.push_back({md.graph.any_date, DateSource::kJsonLd});
  // <time> elements marked as the publication's first, then unmarked ones,
  // then those marked as an update's, each kind in document order.
  for (TimeMarking marking : {TimeMarking::kPublished, TimeMarking::kUnmarked,
                              TimeMarking::kUpdated}) {
    for (const PageMetadata::TimeElement& t : md.time_datetimes) {
      if (t.marking == marking)
        candidates.push_back({t.datetime, DateSource::kTime});
    }
  }
  return candidates;
}

// Publication date: the first source that gives one, ISO preferred.
void FillPublished(const PageMetadata& md, std::string_view url, Article* a) {
  const DateCandidates candidates = PublishedCandidates(md);
  for (const auto& [raw, source] : candidates) {
    if (auto d = ParseLooseIso(raw)) {
      a->published = d;
      a->published_source = source;
      a->published_text.clear();
      if (auto local = LocalDayOfUtcStamp(raw, md, candidates)) {
        a->published = local->first;
        a->published_source = local->second;
      }
      break;
    }
    if (a->published_text.empty()) a->published_text = raw;
  }
  // A date the page prints where it marks the publication date (itemprop).
  for (const std::string& t : md.date_texts) {
    if (a->published) break;
    if (auto d = FindDateInLine(t, MonthFirst(md))) {
      a->published = d;
      a->published_source = DateSource::kPage;
      a->published_text.clear();
    }
  }
  // A day in the URL; a month there only when nothing else gives a day
  // (ExtractHtml looks for a printed date line first).
  if (!a->published && a->published_text.empty()) {
    const std::string og_url = FirstMeta(md, {"og:url"});
    for (std::string_view u :
         {url, std::string_view(md.canonical), std::string_view(og_url)}) {
      if (auto d = DateFromUrl(u); d && d->day != 0) {
        a->published = d;
        a->published_source = DateSource::kUrl;
        break;
      }
    }
  }
}

void FillLanguageAndUrl(const PageMetadata& md, std::string_view url,
                        Article* a) {
  const JsonLdArticle* ld = md.jsonld ? &*md.jsonld : nullptr;
  if (a->language.empty()) {
    a->language = NormalizeLanguage(md.html_lang);
    if (a->language.empty())
      a->language = NormalizeLanguage(
          FirstMeta(md, {"content-language", "language", "dc.language"}));
    if (a->language.empty() && ld)
      a->language = NormalizeLanguage(ld->language);
    if (a->language.empty())
      a->language = NormalizeLanguage(FirstMeta(md, {"og:locale"}));
  }
  if (a->canonical_url.empty()) {
    a->canonical_url = md.canonical;
    if (a->canonical_url.empty()) a->canonical_url = FirstMeta(md, {"og:url"});
    if (a->canonical_url.empty()) a->canonical_url = std::string(url);
  }
}

}  // namespace

std::optional<ZonedTime> PublishedUtcMoment(const PageMetadata& md) {
  const DateCandidates candidates = PublishedCandidates(md);
  for (const auto& [raw, source] : candidates) {
    if (!ParseLooseIso(raw)) continue;
    const auto moment = ParseZonedTime(raw);
    if (!moment || moment->offset_minutes != 0 ||
        LocalDayOfUtcStamp(raw, md, candidates))
      return std::nullopt;
    return moment;
  }
  return std::nullopt;
}

void FillMetadata(const PageMetadata& md, std::string_view url, Article* a) {
  if (a->title.empty()) a->title = ChooseTitle(md, url);
  FillSectionAndTags(md, a);
  if (a->authors.empty()) a->authors = ChooseAuthors(md, url);
  if (!a->published) FillPublished(md, url, a);
  FillLanguageAndUrl(md, url, a);
}

std::string StripSiteSuffix(std::string_view title) {
  std::string t = CollapseSpaces(title);
  // Chinese and Japanese titles join the site's name without spaces
  // ("标题-新华网", "标题_网站", "标题|网站", "标题｜网站"), the script writing
  // no spaces between words: a separator between two ideographic characters,
  // with a short name after it and a longer title before.
  constexpr std::string_view kFullWidthBar = "\xEF\xBD\x9C";  // U+FF5C
  size_t p = t.find_last_of("-_|"), sep_size = 1;
  if (const size_t bar = t.rfind(kFullWidthBar);
      bar != std::string::npos && (p == std::string::npos || bar > p)) {
    p = bar;
    sep_size = kFullWidthBar.size();
  }
  if (p != std::string::npos && p > 0) {
    const std::string_view head = std::string_view(t).substr(0, p),
                           tail = std::string_view(t).substr(p + sep_size);
    const auto ideographic = [](std::string_view s, bool last) {
      if (s.empty()) return false;
      size_t pos = 0;
      if (last) {
        pos = s.size() - 1;
        while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80)
          --pos;
      }
      const char32_t c = DecodeUtf8(s, &pos);
      return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFFEF);
    };
    if (ideographic(head, true) && ideographic(tail, false) &&
        tail.size() <= 8 * 3 && head.size() > tail.size())
      return std::string(head);
  }
  // Two rounds: "Headline - Section - Site". A template sets its parts apart
  // with one separator, so the second round cuts only at the first's: a dash
  // of another kind before the site's name is the headline's ("Das Freibad
  // bleibt – vorerst - Ratsnotizen").
  std::string_view first_sep;
  for (int round = 0; round < 2; ++round) {
    size_t best = std::string::npos, sep_len = 0;
    std::string_view best_sep;
    for (std::string_view sep : kTitleSeparators) {
      size_t p = t.rfind(sep);
      if (p != std::string::npos && (best == std::string::npos || p > best)) {
        best = p;
        sep_len = sep.size();
        best_sep = sep;
      }
    }
    if (best == std::string::npos) break;
    if (round == 0) {
      first_sep = best_sep;
    } else if (TrimSpaces(best_sep) != TrimSpaces(first_sep)) {
      break;
    }
    std::string_view head = std::string_view(t).substr(0, best);
    std::string_view tail = std::string_view(t).substr(best + sep_len);
    // A site's or section's name asks nothing: a tail ending in a question
    // mark is the headline's ("Filter cleaned – what now? - Forum").
    if (SplitWords(tail).size() > 4 || SplitWords(head).size() < 2 ||
        head.size() <= tail.size() || tail.ends_with('?'))
      break;
    t = std::string(head);
  }
  return t;
}

}  // namespace dateline::extract_internal
