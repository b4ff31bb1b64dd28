#include "extract/html_extract.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

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
// A JSON-LD articleBody shorter than this is a teaser, not the article.
constexpr size_t kMinArticleBody = 300;
// Non-link text an element needs before its class name counts in full.
constexpr double kClassTrustChars = 500;

// ---------------------------------------------------------------------------
// Metadata

struct JsonLdArticle {
  std::string headline, body, date_published, section, language, url;
  std::vector<std::string> authors, keywords;
  std::vector<std::string> author_ids;  // authors given only as {"@id": ...}
  // Authors of @type Organization, and the publisher's name.
  std::vector<std::string> organization_authors;
  std::string publisher;
  size_t script_offset = 0;  // where the script's text starts in the content
  int rank = 0;              // how article-like its @type is
};

// What a page's JSON-LD says besides its article: people named by @id
// (Yoast-style graphs give the article's author as {"@id": ...} and the Person
// elsewhere), and the first date of publication or upload of any object (a
// VideoObject, a HowTo).
struct JsonLdGraph {
  std::map<std::string, std::string> person_names;  // @id -> name
  std::vector<std::string>
      author_ids;  // @ids the best article's author refers to
  std::string any_date;
  // A HowTo's description and steps, as the HTML its strings hold
  // (HowToMarkup), and where its script's text starts.
  std::string howto;
  size_t howto_offset = 0;
};

// What a <time> element says its moment is: the publication's (schema.org's
// itemprop datePublished or dateCreated, HTML's old pubdate attribute, a class
// such as hAtom's and WordPress's "published"), an update's (itemprop
// dateModified, a class "updated" or "modified" without "published"), or
// neither.
enum class TimeMarking { kPublished, kUnmarked, kUpdated };

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

struct PageMetadata {
  std::map<std::string, std::vector<std::string>>
      meta;  // lower-cased name -> contents
  std::string html_lang, canonical, title_tag, h1;
  std::vector<std::string> h1s;  // every non-empty <h1>, in order (at most 16)
  std::vector<std::string> h2s;  // the same of <h2>
  // The texts of the children of each <h1> (a kicker in a <span> before the
  // headline).
  std::vector<std::string> h1_parts;
  struct TimeElement {
    std::string datetime;
    TimeMarking marking = TimeMarking::kUnmarked;
  };
  std::vector<TimeElement> time_datetimes;  // in document order
  std::vector<std::string> itemprop_authors;
  std::vector<std::string> byline_texts;
  std::optional<JsonLdArticle> jsonld;
  JsonLdGraph graph;
  std::vector<std::string>
      author_class_texts;  // elements classed "author" (not in comments)
  std::vector<std::string> date_texts;  // itemprop=datePublished element text
};

// The text of `node` up to about `limit` bytes. White space runs count as one
// byte, so that a page's indentation does not use up the limit.
std::string NodeText(const GumboNode* node, size_t limit = 2000) {
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
    const GumboVector& c = n->v.element.children;
    for (size_t i = c.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(c.data[i]));
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV)
      out += ' ';
  }
  return out;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  for (std::string_view w : SplitWords(s)) {
    if (!out.empty()) out += ' ';
    out.append(w);
  }
  return out;
}

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

// Whether a lower-cased class names the writer: "author" anywhere, or a word
// of its own among the author labels of the set's languages ("autor",
// "auteur": furniture_lines.txt's author-label), as "autorotate" is no author.
bool NamesAuthor(std::string_view cls) {
  if (cls.find("author") != std::string::npos) return true;
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

// `cls`: n's class attribute, lower-cased.
bool IsAuthorElement(const GumboNode* n, std::string_view cls) {
  // A <time> holds a date (HTML's definition), whatever its class says
  // ("author-date").
  if (!HasAuthorClass(cls) || n->v.element.tag == GUMBO_TAG_TIME) return false;
  std::vector<const GumboNode*> stack;
  const GumboVector& c = n->v.element.children;
  for (size_t i = 0; i < c.length; ++i)
    stack.push_back(static_cast<const GumboNode*>(c.data[i]));
  for (size_t seen = 0; !stack.empty() && seen < 64; ++seen) {
    const GumboNode* k = stack.back();
    stack.pop_back();
    if (k->type != GUMBO_NODE_ELEMENT) continue;
    // The inner one is the name, unless it holds no text (a picture's frame).
    if (HasAuthorClass(k) && !CollapseSpaces(NodeText(k, 200)).empty())
      return false;
    const GumboVector& kc = k->v.element.children;
    for (size_t i = 0; i < kc.length; ++i)
      stack.push_back(static_cast<const GumboNode*>(kc.data[i]));
  }
  int depth = 0;
  for (const GumboNode* p = n;
       p != nullptr && p->type == GUMBO_NODE_ELEMENT && depth < 12;
       p = p->parent, ++depth) {
    const std::string cls = AsciiLower(Attribute(p, "class"));
    if (cls.find("comment") != std::string::npos ||
        cls.find("related") != std::string::npos)
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

// The texts of `n` when its class names an author (IsAuthorElement) or a
// byline, a few of each per page. Most classes name neither (HasAuthorClass
// needs "author" or an author label, which hold "aut"): no lower-cased copy is
// made of them.
void CollectClassedAuthors(const GumboNode* n, PageMetadata* md) {
  const std::string_view raw_cls = Attribute(n, "class");
  if (!ContainsNoCase(raw_cls, "aut") && !ContainsNoCase(raw_cls, "byline"))
    return;
  const std::string cls = AsciiLower(raw_cls);
  if (md->author_class_texts.size() < 4 && IsAuthorElement(n, cls)) {
    std::string text = CollapseSpaces(NodeText(n, 200));
    if (!text.empty() && text.size() <= 100)
      md->author_class_texts.push_back(std::move(text));
  }
  if (cls.find("byline") != std::string::npos && md->byline_texts.size() < 4)
    md->byline_texts.push_back(CollapseSpaces(NodeText(n, 300)));
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
  std::string h = CollapseSpaces(NodeText(n));
  if (md->h1.empty()) md->h1 = h;
  if (h.empty() || md->h1s.size() >= 16) return;
  md->h1s.push_back(std::move(h));
  const GumboVector& c = n->v.element.children;
  for (size_t i = 0; i < c.length && md->h1_parts.size() < 32; ++i) {
    const GumboNode* k = static_cast<const GumboNode*>(c.data[i]);
    std::string part = CollapseSpaces(
        k->type == GUMBO_NODE_TEXT ? std::string(k->v.text.text) : NodeText(k));
    if (!part.empty()) md->h1_parts.push_back(std::move(part));
  }
}

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
        if (!dt.empty() && !InLongFurniture(n))
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
    if (itemprop == "author" || (HasRelToken(n, "author") && !IsHidden(n))) {
      std::string text = CollapseSpaces(NodeText(n, 200));
      if (!text.empty() && text.size() < 80)
        md->itemprop_authors.push_back(text);
    }
    if (itemprop == "datePublished" || itemprop == "dateCreated") {
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

const std::vector<std::string>* MetaValues(const PageMetadata& md,
                                           std::string_view key) {
  auto it = md.meta.find(std::string(key));
  return it == md.meta.end() || it->second.empty() ? nullptr : &it->second;
}

std::string FirstMeta(const PageMetadata& md,
                      std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    if (const auto* v = MetaValues(md, k)) return v->front();
  }
  return {};
}

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

void AddUnique(std::vector<std::string>* v, std::string s) {
  if (s.empty()) return;
  if (std::find(v->begin(), v->end(), s) == v->end())
    v->push_back(std::move(s));
}

// Words that make a comma-separated part of an author field a job title, not a
// name
// ("Chris Cillizza, CNN Editor-at-large").
bool IsRoleWord(std::string_view w) {
  // English, and the same roles (editor, correspondent, journalist) in the
  // set's other languages ("Redakteurin", "rédacteur", "corresponsal"); and
  // the guest writers' professions that columns and legal and advice pages
  // print before the name ("Rechtsanwalt Jan Muster", "FOCUS-Online-Experte
  // Jan Muster", "Attorney Jane Doe").
  static constexpr std::array<std::string_view, 31> kRoles = {
      "editor",      "correspondent", "reporter",     "writer",
      "staff",       "columnist",     "contributor",  "producer",
      "analyst",     "journalist",    "bureau",       "desk",
      "chief",       "senior",        "redakteur",    "redact",
      "r\u00e9dact", "korrespondent", "corresponsal", "correspondant",
      "periodista",  "expert",        "rechtsanw",    "fachanw",
      "anwalt",      "anw\u00e4lt",   "attorney",     "lawyer",
      "avocat",      "abogad",        "avvocat"};
  static constexpr std::array<std::string_view, 8> kPublisherWords = {
      "press",  "news", "media",  "international",
      "agency", "wire", "online", "magazine"};
  std::string lower = AsciiLower(w);
  for (std::string_view r : kRoles) {
    if (lower.find(r) == 0) return true;
  }
  for (std::string_view r : kPublisherWords) {
    if (lower == r) return true;
  }
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

// The word that introduces a writer's name in a byline, in the languages of
// European news ("by", German "von", French "par", Spanish and Portuguese
// "por", Dutch "door", Scandinavian "av"/"af").
bool IsByWord(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kBy = {
      "by", "von", "par", "por", "door", "av", "af"};
  const std::string lower = AsciiLower(w);
  return std::find(kBy.begin(), kBy.end(), lower) != kBy.end();
}

// A byline without its lead-in: a label ending in a colon ("Autor: X",
// "Auteur : X"), then the words up to a by-word followed by a capitalised
// word ("By X", "Erstellt von X", "Posted on May 3, 2020 by X"). "Ursula von
// der Leyen" keeps its "von". `name_field`: the line is a field meant to hold
// names (JSON-LD, <meta>), where a by-word inside is a nobiliary particle
// ("Beatrix von Storch", "Ebba af Geijerstam") unless it is the English "by"
// ("Analysis by Chris Cillizza"): only a leading by-word or "by" is a lead-in
// there.
std::string_view StripBylineLead(std::string_view line, bool name_field) {
  line = TrimSpaces(line);
  if (size_t colon = line.find(':');
      colon != std::string_view::npos && colon < 24 &&
      SplitWords(line.substr(0, colon)).size() <= 2) {
    line = TrimSpaces(line.substr(colon + 1));
  }
  std::vector<std::string_view> words = SplitWords(line, 12);
  for (size_t i = 0; i + 1 < words.size() && i < 10; ++i) {
    const bool lead_in = !name_field || i == 0 || AsciiLower(words[i]) == "by";
    if (lead_in && IsByWord(words[i]) && StartsUpper(words[i + 1])) {
      return TrimSpaces(
          line.substr(static_cast<size_t>(words[i + 1].data() - line.data())));
    }
  }
  return line;
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
  std::string_view line = TrimSpaces(raw);
  // A bar, a bullet or a spaced dash separates the names from what follows
  // ("Jane Doe | Site", "By Jane Doe•15 January 2020", "By Jane Doe - Data
  // desk"; a double name's hyphen has no spaces); a closing CJK bracket ends a
  // credit ("【责任编辑：王明】").
  for (std::string_view sep :
       {"|", "\xE2\x80\xA2", "\xC2\xB7", "\xE3\x80\x91", "\xE3\x80\x8D",
        "\xEF\xBC\x89", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
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
  line = StripBylineLead(line, name_field);
  std::vector<std::string> names;
  bool first = true;
  bool date_seen = false;
  for (std::string_view part : SplitNameList(line)) {
    if (date_seen)
      break;  // the date ends the byline: nothing after it is a name
    std::vector<std::string_view> words = SplitWords(part);
    // A date starts at a word with digits, or at a day or month name after the
    // first word or before a number: "Domingo Pérez" and "Mai Nguyen" are
    // names.
    const auto date_at = [&](size_t i) {
      if (!IsDateWord(words[i])) return false;
      if (!IsCalendarWord(words[i]) || i > 0) return true;
      return std::any_of(words.begin() + 1,
                         words.begin() + static_cast<std::ptrdiff_t>(
                                             std::min<size_t>(3, words.size())),
                         [](std::string_view w) {
                           return std::any_of(w.begin(), w.end(), [](char c) {
                             return c >= '0' && c <= '9';
                           });
                         });
    };
    for (size_t i = 0; i < words.size(); ++i) {
      // A date, a label that starts other information ("Jane Doe Foto: X",
      // "Jane Doe Published 3 May", "Jane Doe Veröffentlicht am ...") or the
      // place or category a byline goes on with ("By Jane Doe in Kyiv",
      // "Posted by Jane in Recipes").
      if (date_at(i) ||
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
        part = words.empty()
                   ? std::string_view()
                   : std::string_view(part.data(),
                                      static_cast<size_t>(words.back().data() +
                                                          words.back().size() -
                                                          part.data()));
        date_seen = true;
        break;
      }
    }
    bool first_part = first;
    first = false;
    // A social handle after the name ("Jane Doe @janedoe Nov 3") ends it.
    if (auto handle =
            std::find_if(words.begin(), words.end(),
                         [](std::string_view w) { return w.front() == '@'; });
        handle != words.end()) {
      words.erase(handle, words.end());
      part = words.empty()
                 ? std::string_view()
                 : std::string_view(
                       part.data(),
                       static_cast<size_t>(words.back().data() +
                                           words.back().size() - part.data()));
    }
    // A job title before the name ("Reporter Jane Doe", "ZEITUNG-Redakteur
    // Max Muster") is no part of it.
    while (words.size() > 2 && IsRoleWord(LastHyphenPart(words.front())) &&
           StartsUpper(words[1])) {
      words.erase(words.begin());
      part = std::string_view(words.front().data(),
                              static_cast<size_t>(part.data() + part.size() -
                                                  words.front().data()));
    }
    if (words.empty() || words.size() > 5 ||
        (!lenient && !StartsUpper(words.front())))
      continue;
    // Names end in a capitalised word: particles ("Ursula von der Leyen",
    // "Jose de la Cruz") stand inside; a phrase ends in a lower-case word
    // ("View my complete profile").
    if (words.size() > 1 && StartsLower(words.back())) continue;
    if (!std::any_of(part.begin(), part.end(), [](char c) {
          return std::isalpha(static_cast<unsigned char>(c)) ||
                 static_cast<unsigned char>(c) >= 0x80;
        }))
      continue;
    if (lenient && words.size() == 1 && IsByWord(words[0])) continue;
    bool role = false;
    for (std::string_view w : words) {
      if (IsRoleWord(w) || (!first_part && w.size() >= 2 && IsUpperWord(w)))
        role = true;
    }
    if (role) continue;
    names.emplace_back(part);
  }
  return names;
}

// A keyword worth keeping as a tag: not a CMS flag ("_no-apple-news", "@river")
// and not a sentence (some pages repeat the headline among their keywords).
bool IsTag(std::string_view t) {
  if (t.empty() || t.front() == '_' || t.front() == '@' || t.front() == '#')
    return false;
  return SplitWords(t).size() <= 6;
}

// Whether numeric dates with slashes put the month first: US English pages do
// ("11/01/2023" is November 1st); others put the day first.
bool MonthFirst(const PageMetadata& md) {
  const std::string lang = AsciiLower(md.html_lang);
  return lang == "en-us" || lang == "en_us" || lang == "en";
}

// Letters and digits of `s`, ASCII lower-cased ("Inter-Scenar.io" gives
// "interscenario").
std::string Alnum(std::string_view s) {
  std::string out;
  for (char c : AsciiLower(s)) {
    if (std::isalnum(static_cast<unsigned char>(c)) ||
        static_cast<unsigned char>(c) >= 0x80)
      out += c;
  }
  return out;
}

// What sets a site's name apart from the headline in a <title> ("Post | Site",
// "Site // » Post"): bars (also U+2502 and U+FF5C), dashes, double colons and
// slashes, middle dots, bullets and guillemets, spaced.
constexpr std::string_view kTitleSeparators[] = {
    " | ",        " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
    " :: ",       " // ",       " \xC2\xB7 ",     " \xE2\x80\xA2 ",
    " \xC2\xAB ", " \xC2\xBB ", " \xE2\x94\x82 ", " \xEF\xBD\x9C "};

// What StripSiteSuffix cut off `title` (lower-cased, spaces collapsed) to
// leave its first `kept` bytes, without the separator: the site's name.
std::string_view SiteSuffixOf(std::string_view title, size_t kept) {
  if (kept >= title.size()) return {};
  std::string_view rest = title.substr(kept);
  // The separator: spaces and punctuation up to the first letter or digit.
  size_t pos = 0;
  while (pos < rest.size()) {
    size_t next = pos;
    const char32_t c = DecodeUtf8(rest, &next);
    if (c < 0x80 ? std::isalnum(static_cast<int>(c)) != 0
                 : !(c == 0xAB || c == 0xB7 || c == 0xBB ||
                     (c >= 0x2010 && c <= 0x2027)))
      break;
    pos = next;
  }
  return rest.substr(pos);
}

// The length of the site's name and the separators after it that open
// `title` ("example.org // » Post", "Example | Post"), or 0: a name that is
// the host's (with or without its top-level domain) or og:site_name, followed
// by a separator, and words after it. `name_length`: the name's.
size_t SitePrefixLength(std::string_view title, std::string_view host,
                        std::string_view og_site, size_t* name_length) {
  size_t head = std::string_view::npos;
  for (std::string_view sep : kTitleSeparators)
    head = std::min(head, title.find(sep));
  if (head == std::string_view::npos || head == 0) return 0;
  const std::string name = Alnum(title.substr(0, head));
  const bool names_site =
      (!og_site.empty() && name == Alnum(og_site)) ||
      (!host.empty() &&
       (name == Alnum(host) || name == Alnum(host.substr(0, host.rfind('.')))));
  if (!names_site) return 0;
  // Past the separator and any that follow it ("// »").
  const size_t end = SiteSuffixOf(title, head).data() - title.data();
  if (end >= title.size()) return 0;
  *name_length = head;
  return end;
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

  SiteNames(const PageMetadata& md, std::string_view host)
      : og_site(AsciiLower(FirstMeta(md, {"og:site_name"}))) {
    const std::string title = CollapseSpaces(md.title_tag);
    size_t name_length = 0;
    const size_t prefix_length =
        SitePrefixLength(title, host, og_site, &name_length);
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
    if (lower == og_site) return true;
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
const std::string* ChooseHeading(const PageMetadata& md,
                                 const SiteNames& names) {
  const std::string og = AsciiLower(FirstMeta(md, {"og:title"}));
  // The title's words without the site's name: an <h1> found only in the
  // <title>'s site suffix, or equal to og:site_name, is the site's name
  // ("Post | Blog" with <h1>Blog</h1>), not the headline.
  const auto repeated_by_title = [&](const std::string& h) {
    const std::string lower = AsciiLower(h);
    if (names.IsSiteName(lower)) return false;
    return names.tag.find(lower) != std::string::npos ||
           (!og.empty() && og.find(lower) != std::string::npos);
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
  // An <h1> that holds a kicker before its headline ("<span>Kicker</span>
  // Headline"): the part the title repeats.
  if (chosen == nullptr) chosen = best_repeated(md.h1_parts, 3);
  // No <h1> the title repeats: an <h2> it repeats, as templates that give
  // <h1> to the site's logo set the headline in.
  if (chosen == nullptr) chosen = best_repeated(md.h2s, 3);
  if (chosen == nullptr && md.h1s.size() == 1 &&
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
  const SiteNames names(md, UrlHost(url.empty() ? md.canonical : url));
  std::string title = FirstMeta(md, {"og:title", "twitter:title"});
  if (title.empty() && ld) title = ld->headline;
  if (title.empty() && !names.IsSiteName(AsciiLower(md.h1))) title = md.h1;
  if (title.empty()) {
    const std::string tag = CollapseSpaces(md.title_tag);
    title = tag.substr(tag.size() - names.full_tag.size());
  }
  title = StripSiteSuffix(title);
  // A headline in <h1> that the meta title extends wins ("Headline" vs
  // "Headline - Site").
  if (!md.h1.empty() && title != md.h1 && title.find(md.h1) == 0 &&
      md.h1.size() * 2 > title.size()) {
    title = md.h1;
  }
  if (const std::string* heading = ChooseHeading(md, names)) title = *heading;
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
// ("admin", WordPress's and most CMSs' first user): no writer.
bool IsSiteOrAccount(std::string_view name, std::string_view host) {
  const std::string n = Alnum(name);
  if (n == "admin" || n == "administrator" || n == "webmaster") return true;
  if (host.empty() || n.empty()) return false;
  return n == Alnum(host) || n == Alnum(host.substr(0, host.rfind('.')));
}

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
  const std::string full_host = UrlHost(url.empty() ? md.canonical : url);
  std::string_view host = full_host;
  if (const size_t dot = host.rfind('.'); dot != std::string_view::npos)
    host = host.substr(0, dot);
  if (const size_t dot = host.rfind('.'); dot != std::string_view::npos)
    host = host.substr(dot + 1);
  const std::string label = Alnum(host);
  return label.size() >= 3 && n.find(label) != std::string::npos;
}

// Authors from the first source that names any: JSON-LD (with authors given by
// @id), author meta tags, itemprop=author, byline lines, elements classed
// "author".
std::vector<std::string> ChooseAuthors(const PageMetadata& md,
                                       std::string_view url) {
  const JsonLdArticle* ld = md.jsonld ? &*md.jsonld : nullptr;
  std::vector<std::string> authors;
  const std::string site_name =
      FirstMeta(md, {"og:site_name", "application-name"});
  const std::string host = UrlHost(url.empty() ? md.canonical : url);
  // Names from one field; `lenient` and `name_field` as AuthorNames takes them.
  auto add_names = [&](const std::string& field, bool lenient,
                       bool name_field) {
    if (field.find("://") != std::string::npos || field == site_name) return;
    for (std::string& n : AuthorNames(field, lenient, name_field)) {
      if (n != site_name && !IsSiteOrAccount(n, host))
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

using DateCandidates = std::vector<std::pair<std::string, DateSource>>;

// A moment written in UTC ("...Z", "+00:00") is often a CMS's conversion of the
// time the site printed in its own zone. When the page also gives the same
// moment in a zone other than UTC (another <meta>, a <time datetime>), the day
// is that zone's: the day the site printed and its readers saw. Nullopt when
// `raw` is no UTC timestamp or no other source gives its moment.
std::optional<std::pair<PartialDate, DateSource>> LocalDayOfUtcStamp(
    std::string_view raw, const PageMetadata& md,
    const DateCandidates& candidates) {
  const auto utc = ParseZonedTime(raw);
  if (!utc || utc->offset_minutes != 0) return std::nullopt;
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

// Publication date: the first source that gives one, ISO preferred.
void FillPublished(const PageMetadata& md, std::string_view url, Article* a) {
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

void FillMetadata(const PageMetadata& md, std::string_view url, Article* a) {
  if (a->title.empty()) a->title = ChooseTitle(md, url);
  FillSectionAndTags(md, a);
  if (a->authors.empty()) a->authors = ChooseAuthors(md, url);
  if (!a->published) FillPublished(md, url, a);
  FillLanguageAndUrl(md, url, a);
}

// ---------------------------------------------------------------------------
// Content selection

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

// Mostly link text: a menu entry or a teaser. A linked lead-in followed by a
// sentence of its own ("<a>Google has bought CloudSimple</a>. The startup
// was...") is a paragraph.
bool IsLinkBlock(const HtmlBlock& b) {
  const double density = LinkDensity(b.link_chars, b.text.size());
  if (density <= 0.5) return false;
  return density > 0.8 || b.text.size() - b.link_chars < 80;
}

// Lines that close an article on the web rather than in print: how to reach the
// writer
// ("Email Jane at jane@example.com or follow her @jane"), newsletter pitches,
// gallery counters ("Image 2 of 5") and reuse notices.
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
  if (email && (lower.find("follow") != std::string::npos ||
                lower.find("reach") != std::string::npos ||
                lower.find("contact") != std::string::npos ||
                lower.find("email") != std::string::npos ||
                lower.find("e-mail") != std::string::npos ||
                lower.find("tip") != std::string::npos)) {
    return true;
  }
  if (words.size() <= 16 && lower.find("subscribe") != std::string::npos &&
      lower.find("newsletter") != std::string::npos) {
    return true;
  }
  if (lower.find("subject to copyright") != std::string::npos) return true;
  // Notices for readers without script, and unexpanded WordPress shortcodes.
  if (words.size() <= 12 && lower.find("javascript") != std::string::npos &&
      (lower.find("requires") != std::string::npos ||
       lower.find("enable") != std::string::npos)) {
    return true;
  }
  if (text.starts_with("[") && text.find("[/") != std::string_view::npos)
    return true;
  if (words.size() == 4) {
    static constexpr std::array<std::string_view, 5> kMedia = {
        "image", "photo", "slide", "picture", "video"};
    bool media = std::find(kMedia.begin(), kMedia.end(),
                           AsciiLower(words[0])) != kMedia.end();
    auto number = [](std::string_view w) {
      return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
        return c >= '0' && c <= '9';
      });
    };
    if (media && number(words[1]) && AsciiLower(words[2]) == "of" &&
        number(words[3]))
      return true;
  }
  return false;
}

bool IsFurnitureBlock(const HtmlBlock& b) {
  if (IsWebFurniture(b.text)) return true;
  FurnitureKind k = ClassifyFurnitureLine(b.text);
  switch (k) {
    case FurnitureKind::kNone:
    case FurnitureKind::kPlaceList:
      return false;
    case FurnitureKind::kCaption:
      // Long paragraphs may mention a photo; only short lines are captions.
      return b.text.size() < 300;
    default:
      return true;
  }
}

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

// The elements whose blocks make the article, with their depths: the top
// candidate, its siblings that score well or read like paragraphs, and its
// same-class cousins.
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
  // Pages that cut the story into chunks between ad rails repeat the body
  // container's tag and class for each chunk; the chunks are cousins of the top
  // one, not siblings.
  std::string_view top_class = Attribute(top, "class");
  if (!top_class.empty()) {
    for (const auto& [n, s] : score) {
      if (n == top || s < top_score * 0.2 ||
          n->v.element.tag != top->v.element.tag ||
          Attribute(n, "class") != top_class) {
        continue;
      }
      if (!Holds(top, n) && !Holds(n, top)) roots[n] = DepthOf(stats, n);
    }
  }
  return roots;
}

// The blocks inside `roots` and outside furniture within them. Several
// <article> elements inside the chosen content are teasers for other stories (a
// "you may also like" list the page nested into its article); one is the story.
// When all the text is inside them, the one whose <h1> is `title` is.
std::vector<const HtmlBlock*> BlocksUnder(
    const std::vector<HtmlBlock>& blocks,
    const std::unordered_map<const GumboNode*, int>& roots,
    std::string_view title) {
  std::vector<std::pair<const HtmlBlock*, const GumboNode*>> inside;
  std::unordered_set<const GumboNode*> inner_articles;
  for (const HtmlBlock& b : blocks) {
    int root_depth = 0;
    const GumboNode* inner = nullptr;
    if (!InsideAny(b.element, roots, &root_depth, &inner)) continue;
    if (b.boiler_depth > root_depth) continue;
    inside.push_back({&b, inner});
    if (inner) inner_articles.insert(inner);
  }
  std::vector<const HtmlBlock*> out;
  for (const auto& [b, inner] : inside) {
    if (inner != nullptr && inner_articles.size() >= 2) continue;
    out.push_back(b);
  }
  if (!out.empty() || inner_articles.size() < 2 || title.empty()) return out;
  // No text outside them: the <article>s are stories side by side (one the
  // page is for, the next appended as the reader scrolls), not teasers inside
  // one. The story is the one whose <h1> is the title.
  const GumboNode* story = nullptr;
  for (const HtmlBlock& b : blocks) {
    if (b.heading != 1 || b.text != title) continue;
    for (const GumboNode* p = b.element; p != nullptr && story == nullptr;
         p = p->parent) {
      if (inner_articles.count(p) != 0) story = p;
    }
    if (story != nullptr) break;
  }
  for (const auto& [b, inner] : inside) {
    if (inner == story) out.push_back(b);
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

// Blocks whose words lie in the JSON-LD articleBody; empty when they cover too
// little of it for the guide to be trusted.
std::vector<const HtmlBlock*> SelectByArticleBody(
    const std::vector<HtmlBlock>& blocks, std::string_view body) {
  std::vector<std::string> body_tokens = WordTokens(body);
  std::unordered_set<std::string> vocab(body_tokens.begin(), body_tokens.end());
  std::vector<const HtmlBlock*> out;
  size_t covered = 0;
  std::unordered_set<std::string_view> seen;
  for (const HtmlBlock& b : blocks) {
    if (b.heading == 1) continue;
    std::vector<std::string> t = WordTokens(b.text);
    if (t.size() < 4) continue;
    size_t hit = 0;
    for (const std::string& w : t) hit += vocab.count(w) ? 1 : 0;
    if (hit * 10 < t.size() * 9) continue;
    if (!seen.insert(b.text).second) continue;
    out.push_back(&b);
    covered += t.size();
  }
  if (covered * 10 < body_tokens.size() * 6) out.clear();
  return out;
}

// A line that carries a date and little else: "19.10.2019 07:49 Uhr", "Posted
// on September 21, 2020 by Jane Doe", "Aktualisiert: 30.12.2016", not a
// sentence that mentions a day.
constexpr size_t kMaxDateLineBytes = 100;
// Whether blocks[i] sits in a <figure> that also holds the page's <h1>, one of
// the next two blocks.
bool HoldsHeadline(const std::vector<HtmlBlock>& blocks, size_t i) {
  const GumboNode* figure = blocks[i].boiler;
  if (figure == nullptr || (figure->v.element.tag != GUMBO_TAG_FIGURE &&
                            figure->v.element.tag != GUMBO_TAG_FIGCAPTION))
    return false;
  for (size_t j = i + 1; j < blocks.size() && j <= i + 2; ++j) {
    if (blocks[j].heading == 1 && blocks[j].boiler == figure) return true;
  }
  return false;
}

// The publication date as the page prints it near its article: the nearest
// short line carrying a day above the first body paragraph (below the headline,
// where bylines sit), else a short line inside or just after the body
// ("Erstellt am: ..." closes some articles). In each of the two places a line
// labelled as the publication's date comes first, and one labelled as an
// update's last (ReadDateLabel). Failing that, a month (or day) in the first of
// `urls` that has one.
void FindPrintedDate(const std::vector<HtmlBlock>& blocks,
                     const std::vector<const HtmlBlock*>& kept,
                     bool month_first,
                     std::initializer_list<std::string_view> urls,
                     Article* article) {
  // Whether blocks[i] may carry the page's date: a <header> holds an article's
  // date line as often as a site's banner, an article's own footer holds it
  // after the text, and so does a <figure> whose caption holds the headline (a
  // picture with the article's kicker, date and <h1> set on it); other
  // structural furniture does not.
  auto may_carry_date = [&](size_t i) {
    const HtmlBlock& b = blocks[i];
    return !b.tag_boiler || b.boiler == nullptr ||
           b.boiler->v.element.tag == GUMBO_TAG_HEADER ||
           IsArticleFooter(b.boiler) || HoldsHeadline(blocks, i);
  };
  // Of the short date lines at `indices`, nearest first: the first labelled as
  // the publication's date, else the first unlabelled, else the first labelled
  // as an update's.
  auto best_date_line =
      [&](const std::vector<size_t>& indices) -> std::optional<PartialDate> {
    std::optional<PartialDate> unlabelled, updated;
    for (size_t i : indices) {
      const std::string_view text = blocks[i].text;
      if (text.size() > kMaxDateLineBytes || !may_carry_date(i)) continue;
      const DateLabelRead read = ReadDateLabel(text);
      if (read.label == DateLabel::kPublished) {
        if (auto d = FindDateInLine(text.substr(read.date_from), month_first))
          return d;
      }
      std::optional<PartialDate>& slot =
          read.label == DateLabel::kUpdated ? updated : unlabelled;
      if (!slot) slot = FindDateInLine(text, month_first);
    }
    return unlabelled ? unlabelled : updated;
  };
  // The opening of a paragraph at the top of the article (the first body
  // paragraph or above it), which may open with the date ("29.11.2022 – Die
  // Regierung ...", "Pressemitteilung vom 25. Januar 2022 | Berlin – ..."), as
  // agency copy opens with its dateline.
  auto lead_date = [&](size_t i) -> std::optional<PartialDate> {
    std::string_view text = blocks[i].text;
    if (text.size() <= kMaxDateLineBytes || !may_carry_date(i)) return {};
    text = text.substr(0, text.rfind(' ', kDatelineOpeningBytes));
    return FindDateInLine(text, month_first);
  };
  std::optional<PartialDate> found;
  if (!kept.empty() && !blocks.empty()) {
    const size_t first = static_cast<size_t>(kept.front() - blocks.data());
    const size_t last = static_cast<size_t>(kept.back() - blocks.data());
    std::vector<size_t> above;  // nearest first
    for (size_t i = first + 1; i-- > 0 && first - i <= 40;) above.push_back(i);
    // Date lines first: the opening of a paragraph may name an earlier day
    // ("Bis einschließlich 9. November 2021 ...").
    found = best_date_line(above);
    for (size_t k = 0; !found && k < above.size(); ++k)
      found = lead_date(above[k]);
    // The text may open with its dateline after a standfirst: the next two
    // paragraphs, when a dash or bar sets a date off at their start.
    for (size_t k = 1; !found && k < kept.size() && k <= 2; ++k)
      found = DatelineDate(kept[k]->text, month_first);
    if (!found) {
      std::vector<size_t> below;
      for (size_t i = first + 1; i < blocks.size() && i <= last + 15; ++i)
        below.push_back(i);
      found = best_date_line(below);
    }
  }
  if (found) {
    article->published = found;
    article->published_source = DateSource::kPage;
    return;
  }
  for (std::string_view u : urls) {
    if (auto d = DateFromUrl(u)) {
      article->published = d;
      article->published_source = DateSource::kUrl;
      return;
    }
  }
}

// Whether every word of `name` is capitalised, but for short lower-case
// particles inside it ("von der", "de la", "van"): a name as a byline prints
// it, not the start of a sentence ("Von Berlin aus").
bool IsNameShaped(std::string_view name) {
  const std::vector<std::string_view> words = SplitWords(name, 6);
  for (size_t i = 0; i < words.size(); ++i) {
    if (StartsUpper(words[i])) continue;
    if (i == 0 || i + 1 == words.size() || words[i].size() > 3) return false;
  }
  return !words.empty();
}

// Blocks of at most this many bytes are read for a byline.
constexpr size_t kMaxBylineBytes = 120;

// U+FF1A FULLWIDTH COLON, which Chinese and Japanese text sets after a label.
constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";

// Whether an author label is written in CJK ideographs (U+3400-U+9FFF).
bool IsCjkLabel(std::string_view label) {
  size_t pos = 0;
  const char32_t c = label.empty() ? 0 : DecodeUtf8(label, &pos);
  return c >= 0x3400 && c <= 0x9FFF;
}

// Whether `lower` (a lower-cased block) is an author label and nothing else
// ("Autor", "Auteur :", "Auteur(s) :").
bool IsLabelOnly(std::string_view lower,
                 const std::vector<std::string>& labels) {
  lower = TrimSpaces(lower);
  while (!lower.empty()) {
    if (lower.back() == ':' || lower.back() == ' ') {
      lower.remove_suffix(1);
    } else if (lower.ends_with(kFullWidthColon)) {
      lower.remove_suffix(kFullWidthColon.size());
    } else {
      break;
    }
  }
  if (lower.ends_with("(s)")) lower.remove_suffix(3);
  return std::find(labels.begin(), labels.end(), lower) != labels.end();
}

// Blocks of at most this many bytes are read for an author label.
constexpr size_t kMaxLabelLineBytes = 200;

// The names after an author label ("Autor: Jane Doe", "Datum: 3.5.2021 Autor:
// Jane Doe Quelle: X") in a short block near the article: from 40 blocks above
// the first body paragraph to 15 after the last (where FindPrintedDate looks),
// outside structural furniture other than a <header> and outside comments,
// related stories and sidebars (a commenter's "Autor:" is not the article's).
std::vector<std::string> FindLabelledAuthors(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& kept) {
  if (kept.empty() || blocks.empty()) return {};
  const size_t first = static_cast<size_t>(kept.front() - blocks.data());
  const size_t last = static_cast<size_t>(kept.back() - blocks.data());
  const std::vector<std::string>& labels = WordLists().author_label;
  for (size_t i = first > 40 ? first - 40 : 0;
       i < blocks.size() && i <= last + 15; ++i) {
    const HtmlBlock& b = blocks[i];
    if (b.text.size() > kMaxLabelLineBytes) continue;
    if (b.tag_boiler && b.boiler != nullptr &&
        b.boiler->v.element.tag != GUMBO_TAG_HEADER)
      continue;
    if (b.boiler != nullptr && ReadClass(b.boiler).long_furniture) continue;
    const std::string lower = AsciiLower(b.text);
    // A label printed apart from its value ("<dt>Autor</dt><dd>Jane
    // Doe</dd>", a heading over the name): the name is the next block that is
    // not a label too.
    if (IsLabelOnly(lower, labels)) {
      for (size_t j = i + 1; j < blocks.size() && j <= i + 2; ++j) {
        const std::string& next = blocks[j].text;
        if (IsLabelOnly(AsciiLower(next), labels)) continue;
        if (next.size() > kMaxBylineBytes) break;
        std::vector<std::string> names =
            AuthorNames(next, /*lenient=*/true, /*name_field=*/false);
        if (!names.empty() &&
            std::all_of(names.begin(), names.end(), IsNameShaped))
          return names;
        break;
      }
      continue;
    }
    for (std::string_view label : labels) {
      for (size_t at = lower.find(label); at != std::string::npos;
           at = lower.find(label, at + 1)) {
        // A word of its own, but in Chinese, which sets no spaces.
        if (at > 0 && lower[at - 1] != ' ' && !IsCjkLabel(label)) continue;
        size_t colon = at + label.size();
        while (colon < lower.size() && lower[colon] == ' ') ++colon;
        size_t colon_bytes = 0;
        if (colon < lower.size() && lower[colon] == ':') {
          colon_bytes = 1;
        } else if (std::string_view(lower).substr(colon).starts_with(
                       kFullWidthColon)) {
          colon_bytes = kFullWidthColon.size();
        } else {
          continue;
        }
        std::vector<std::string> names =
            AuthorNames(std::string_view(b.text).substr(colon + colon_bytes),
                        /*lenient=*/true, /*name_field=*/false);
        if (!names.empty()) return names;
      }
    }
  }
  return {};
}

// The names of a byline printed as a line of its own: a short line with a
// by-word of the set's languages within its first words and capitalised names
// after it ("By Jane Doe and John Roe", "Von Jana Beispiel am 3. Mai 2021",
// "Posted by Jane Doe"); empty for any other line.
std::vector<std::string> BylineNames(std::string_view line) {
  if (line.size() > kMaxBylineBytes) return {};
  const std::vector<std::string_view> words = SplitWords(line, 4);
  const auto by = std::find_if(words.begin(), words.end(), IsByWord);
  if (by == words.end() || by + 1 == words.end() || !StartsUpper(*(by + 1)))
    return {};
  std::vector<std::string> names =
      AuthorNames(line, /*lenient=*/false, /*name_field=*/false);
  if (names.empty() || !std::all_of(names.begin(), names.end(), IsNameShaped))
    return {};
  return names;
}

// The names of a byline block (BylineNames) above the article or at its start:
// from 15 blocks above the first body paragraph to the third, outside comments
// and sidebars.
std::vector<std::string> FindBylineAuthors(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& kept) {
  if (kept.empty() || blocks.empty()) return {};
  const size_t first = static_cast<size_t>(kept.front() - blocks.data());
  for (size_t i = first > 15 ? first - 15 : 0;
       i < blocks.size() && i <= first + 2; ++i) {
    const HtmlBlock& b = blocks[i];
    if (b.heading == 1) continue;
    if (b.boiler != nullptr && ReadClass(b.boiler).long_furniture) continue;
    if (std::vector<std::string> names = BylineNames(b.text); !names.empty())
      return names;
  }
  return {};
}

// The byline of an article read from outside the visible page (a
// <noscript>, a template), where it is one of the first three paragraphs.
std::vector<std::string> FindBylineInParagraphs(
    const std::vector<Paragraph>& paragraphs) {
  for (size_t i = 0; i < paragraphs.size() && i < 3; ++i) {
    if (std::vector<std::string> names = BylineNames(paragraphs[i].text);
        !names.empty())
      return names;
  }
  return {};
}

// Gumbo checks element scopes by walking the stack of open elements, so parse
// time grows with the square of the nesting depth; hostile input nests hundreds
// of thousands of elements. Real pages nest well under a hundred. LimitNesting
// scans the tags as an HTML5 parser would count them and, where the nesting
// passes kMaxNesting, keeps the page up to there as it is and the rest as text
// without markup: gumbo parses a document of bounded depth, and no word of the
// page is lost.
constexpr size_t kMaxNesting = 1500;
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
// (whose type=hidden HTML5's table rules read). With <link>s' addresses, a
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

}  // namespace

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
  for (int round = 0; round < 2; ++round) {
    size_t best = std::string::npos, sep_len = 0;
    for (std::string_view sep : kTitleSeparators) {
      size_t p = t.rfind(sep);
      if (p != std::string::npos && (best == std::string::npos || p > best)) {
        best = p;
        sep_len = sep.size();
      }
    }
    if (best == std::string::npos) break;
    std::string_view head = std::string_view(t).substr(0, best);
    std::string_view tail = std::string_view(t).substr(best + sep_len);
    if (SplitWords(tail).size() > 4 || SplitWords(head).size() < 2 ||
        head.size() <= tail.size())
      break;
    t = std::string(head);
  }
  return t;
}

namespace {

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
  if (IsCompleteArticleBody(ld) && !guided.empty()) return guided;
  std::vector<const HtmlBlock*> chosen = SelectByScore(blocks, stats, title);
  if (!guided.empty()) {
    chosen.insert(chosen.end(), guided.begin(), guided.end());
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  }
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
    if (b->heading && heads_nothing &&
        LinkDensity(b->link_chars, b->text.size()) > 0.9)
      continue;
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
// under the headline, "dek", is header matter, as is anything inside a
// <header>), almost no link text, outside structural and class-named furniture,
// not a list item, and not the caption of a picture.
constexpr size_t kLeadReach = 12;
constexpr size_t kLeadMinBytes = 150;

bool HasImage(const GumboNode* n, int depth = 0) {
  if (n->type != GUMBO_NODE_ELEMENT || depth > 6) return false;
  if (n->v.element.tag == GUMBO_TAG_IMG) return true;
  const GumboVector& c = n->v.element.children;
  for (size_t i = 0; i < c.length; ++i) {
    if (HasImage(static_cast<const GumboNode*>(c.data[i]), depth + 1))
      return true;
  }
  return false;
}

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
      if (HasImage(sib)) return true;
      auto st = stats.find(sib);
      if (st != stats.end() && st->second.text_chars > 0) return false;
    }
  }
  return false;
}

bool IsLeadBlock(const HtmlBlock& b, const StatsMap& stats) {
  if (b.text.size() < kLeadMinBytes || b.in_list || b.boiler != nullptr ||
      b.element == nullptr || LinkDensity(b.link_chars, b.text.size()) > 0.1)
    return false;
  // Text right under a picture that does not end as a sentence ends is its
  // caption with a credit ("... in Bremen. © CAE", "(Photo: Getty)"); a lead
  // set under the article's opening picture ends as prose does.
  if (!EndsWithSentencePunctuation(b.text) && FollowsImage(b.element, stats))
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
    if (IsLeadBlock(blocks[i], stats)) lead.push_back(&blocks[i]);
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
    if (outside && b.heading != 0 &&
        LinkDensity(b.link_chars, b.text.size()) > 0.9) {
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

// Other stories set beside the page's own without a class saying so: those
// appended as the reader scrolls and lists of teaser cards, past the story
// the title heads (TitledStory). They leave *kept, less their size.
void DropOtherStories(const std::vector<HtmlBlock>& blocks,
                      std::string_view title,
                      std::vector<const HtmlBlock*>* kept, size_t* chars) {
  size_t title_at = 0;
  const GumboNode* story = TitledStory(blocks, title, *kept, &title_at);
  if (story == nullptr) return;
  std::vector<bool> drop(blocks.size(), false);
  MarkAppendedStories(blocks, story, title_at, *kept, &drop);
  MarkTeaserCards(blocks, story, *kept, &drop);
  std::erase_if(*kept, [&](const HtmlBlock* b) {
    if (!drop[static_cast<size_t>(b - blocks.data())]) return false;
    *chars -= b->text.size();
    return true;
  });
}

// The article's blocks: the chosen ones less furniture, labels and the title,
// else what text a short page has; their size is added to *chars.
std::vector<const HtmlBlock*> SelectArticle(
    const std::vector<HtmlBlock>& blocks, const StatsMap& stats,
    const JsonLdArticle* ld, std::string_view title, size_t* chars) {
  std::vector<const HtmlBlock*> kept = KeepBodyBlocks(
      blocks, ChooseBlocks(blocks, stats, ld, title), title, chars);
  DropOtherStories(blocks, title, &kept, chars);
  if (kept.empty()) kept = KeepAnyText(blocks, chars);
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
  // A metadata author of one word (a blog's display name: "Jane") that a
  // byline near the article's start gives in full ("A guest post by Jane
  // Doe"): the full name.
  if (article->authors.size() == 1 &&
      SplitWords(article->authors[0], 2).size() == 1) {
    const std::string first = article->authors[0] + " ";
    for (std::string& name : FindBylineAuthors(blocks, kept)) {
      if (name.starts_with(first)) {
        article->authors[0] = std::move(name);
        break;
      }
    }
  }
  if (article->authors.empty())
    article->authors = FindLabelledAuthors(blocks, kept);
  if (article->authors.empty())
    article->authors = FindBylineAuthors(blocks, kept);
  if (article->authors.empty()) article->authors = std::move(held_byline);
  // No writer named anywhere: an organisation the JSON-LD names as author (a
  // news agency, a partner's desk) is the article's author, unless it is the
  // site itself.
  if (article->authors.empty() && md.jsonld) {
    for (const std::string& org : md.jsonld->organization_authors) {
      if (!NamesTheSite(org, md, url)) AddUnique(&article->authors, org);
    }
  }
  if (!article->paragraphs.empty()) {
    if (auto place = ParseDatelinePlace(article->paragraphs.front().text)) {
      article->dateline = *place;
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
