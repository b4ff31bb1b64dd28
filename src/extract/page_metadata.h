// Page metadata (internal to src/extract/): what a page says of its article
// in markup, read in one walk of the parsed tree: <meta> (Open Graph, Dublin
// Core, news and citation tags), schema.org JSON-LD (the most article-like
// object, its authors by @id among the graph's Persons, a HowTo's steps),
// microdata (itemprop author and datePublished), <time>, <link
// rel=canonical>, <html lang>/xml:lang, <title>, <h1> and <h2>, and elements
// classed as the author's or a byline. FillMetadata turns that into the
// Article's title (the <h1> the <title> or og:title repeats, without the
// site's name), authors (cleaned of "By"/"von"/"par", labels, job titles,
// run-on dates, the site's own name and CMS accounts), publication date (the
// first source that gives one, with the source recorded), section, tags,
// language and canonical URL.
//
// What the page prints near its article (date lines, bylines) is read from its
// blocks by printed_metadata.h, once the article is chosen.
//
// Stateless; thread-safe.
#ifndef DATELINE_EXTRACT_PAGE_METADATA_H_
#define DATELINE_EXTRACT_PAGE_METADATA_H_

#include <gumbo.h>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "extract/text_rules.h"

namespace dateline::extract_internal {

// A JSON-LD articleBody shorter than this is a teaser, not the article.
constexpr size_t kMinArticleBody = 300;

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

struct PageMetadata {
  std::map<std::string, std::vector<std::string>>
      meta;  // lower-cased name -> contents
  std::string html_lang, canonical, title_tag, h1;
  std::vector<std::string> h1s;  // every non-empty <h1>, in order (at most 16)
  // h1s[i] is one link and nothing else ("<h1><a href='/'>Site</a></h1>", a
  // logo's link home in many templates).
  std::vector<bool> h1_is_link;
  std::vector<std::string> h2s;  // the same of <h2>
  // The texts of the children of each <h1> (a kicker in a <span> before the
  // headline), and how many the first <h1> has.
  std::vector<std::string> h1_parts;
  size_t first_h1_parts = 0;
  struct TimeElement {
    std::string datetime;
    TimeMarking marking = TimeMarking::kUnmarked;
  };
  std::vector<TimeElement> time_datetimes;  // in document order
  std::vector<std::string> itemprop_authors;
  // The visible texts marked as a headline by microdata (itemprop=headline)
  // or hAtom (class entry-title), not a link's (a teaser's); at most 4.
  std::vector<std::string> marked_headlines;
  std::vector<std::string> byline_texts;
  std::optional<JsonLdArticle> jsonld;
  JsonLdGraph graph;
  std::vector<std::string>
      author_class_texts;  // elements classed "author" (not in comments)
  // The texts of the first author element's kin classed as it is, when it
  // has any: a list of writers, one element each ("<div class=author-name>
  // Jane Doe</div><div class=author-name>John Roe</div>").
  std::vector<std::string> author_list_texts;
  std::vector<std::string> date_texts;  // itemprop=datePublished element text
};

// What sets a site's name apart from the headline in a <title> ("Post | Site",
// "Site // » Post"): bars (also U+2502 and U+FF5C), dashes, double colons and
// slashes, middle dots, bullets and guillemets, spaced. Bylines set a name
// apart from its date with the same ("Jana Beispiel · 21.06.2023").
inline constexpr std::string_view kTitleSeparators[] = {
    " | ",        " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
    " :: ",       " // ",       " \xC2\xB7 ",     " \xE2\x80\xA2 ",
    " \xC2\xAB ", " \xC2\xBB ", " \xE2\x94\x82 ", " \xEF\xBD\x9C "};

// Walks the tree under `root` once and records every kind of metadata each
// element may hold. `content` is the text gumbo parsed (JSON-LD offsets point
// into it).
void CollectMetadata(const GumboNode* root, std::string_view content,
                     PageMetadata* md);

// Fills the fields of `a` that are still empty (title, authors, publication
// date, section, tags, language, canonical URL) from `md`. `url` is the page's
// URL when known.
void FillMetadata(const PageMetadata& md, std::string_view url, Article* a);

// The moment the page's markup dates its publication at, when that date is a
// time in UTC ("2021-03-02T23:15:00Z") that no other source gives in the
// site's own zone; nullopt otherwise (a date without a time, a local time).
std::optional<ZonedTime> PublishedUtcMoment(const PageMetadata& md);

// The first value of the first of `keys` (lower-cased <meta> names or
// properties) the page gives, or "".
std::string FirstMeta(const PageMetadata& md,
                      std::initializer_list<std::string_view> keys);

// Whether numeric dates with slashes put the month first (US English pages).
bool MonthFirst(const PageMetadata& md);

// Whether the page names its headline nowhere but in <title>: no og:title or
// twitter:title, no JSON-LD headline, no <h1>. Old and hand-made pages then
// often title every page with the site's name, the headline printed only in
// the text.
bool TitleOnlyInTitleElement(const PageMetadata& md);

// The text of `node` up to about `limit` bytes, as the page shows it: text set
// for screen readers only is none of it; white space runs count as one byte.
std::string NodeText(const GumboNode* node, size_t limit = 2000);

// Whether `name` names the site that publishes the page (its JSON-LD
// publisher, og:site_name, or a name holding the host's own label).
bool NamesTheSite(std::string_view name, const PageMetadata& md,
                  std::string_view url);

// Whether `title` is no headline but the site's name alone: at most five
// words that NamesTheSite. Sites that title every page with their name set
// the headline in the text only.
bool TitleIsTheSiteName(std::string_view title, const PageMetadata& md,
                        std::string_view url);

// The organisation or desk the page's author fields credit when they name no
// person ("HLNF Staff Report", the site's own name on its press page), or "".
std::string DeclaredAuthorCredit(const PageMetadata& md);

// Whether `name` credits a newsroom, not a writer: the site itself
// (NamesTheSite) or a desk ("Online-Redaktion", "Redazione X", "Staff").
bool IsDeskCredit(std::string_view name, const PageMetadata& md,
                  std::string_view url);

// Appends `s` to `v` unless `v` holds it already.
void AddUnique(std::vector<std::string>* v, std::string s);

// Whether `w` introduces a writer's name in a byline, in the languages of
// European news ("by", "von", "par", "por", "door", "av"/"af").
bool IsByWord(std::string_view w);
// Whether `w` is a newspaper's possessive that opens a writer's title after
// the by-word ("Von unserem Redakteur Max Muster", "By our correspondent").
bool IsOurWord(std::string_view w);

// Author names from a field or a printed line ("By Jane Doe and John Roe",
// "Analysis by Chris Cillizza, CNN Editor-at-large"); empty when it reads like
// no name. `lenient`: the page's structure marks the text as the author's, so
// a lower-case user name counts too. `name_field`: a field meant to hold names
// (a by-word inside it is a nobiliary particle: "Ursula von der Leyen").
std::vector<std::string> AuthorNames(std::string_view raw, bool lenient,
                                     bool name_field);

// Whether `n` is an article's own footer: a <footer>, or an element classed
// as one, inside an <article> and no comment or related box.
bool IsArticleFooter(const GumboNode* n);

// Removes a trailing site name from a page title ("Headline | Site", "Headline
// - Site", and without spaces between ideographic characters in Chinese and
// Japanese titles: "标题-网站").
std::string StripSiteSuffix(std::string_view title);

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_PAGE_METADATA_H_
