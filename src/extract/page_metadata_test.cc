#include "extract/page_metadata.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/html_dom.h"
#include "extract/html_extract_testing.h"

// What the page's markup says of its article (page_metadata.cc), as
// ExtractArticle reports it: title, authors, dates.

namespace dateline {
namespace {

struct AuthorCase {
  const char* meta;
  std::vector<std::string> want;
};

TEST(PageMetadataTest, AuthorMetaFields) {
  const AuthorCase cases[] = {
      {"Jane Doe", {"Jane Doe"}},
      {"By Jane Doe and John Roe", {"Jane Doe", "John Roe"}},
      {"Analysis by Chris Smith, CNN Editor-at-large", {"Chris Smith"}},
      {"Amy Lee | NJ Advance Media for NJ.com", {"Amy Lee"}},
      {"Troy Smith, Cleveland.com", {"Troy Smith"}},
      {"Jeff Foust Monday, November 18, 2019", {"Jeff Foust"}},
      {"https://www.facebook.com/someone", {}},
      // A particle inside a name field is part of the name; a leading by-word
      // is not.
      {"Beatrix von Storch", {"Beatrix von Storch"}},
      {"Von Max Muster", {"Max Muster"}},
      // A day or month name opening a name is no date unless a number follows.
      {"Domingo P\u00e9rez", {"Domingo P\u00e9rez"}},
      {"Mai Nguyen", {"Mai Nguyen"}},
      // A month's name ending a name is no date unless a number follows it.
      {"Jane May", {"Jane May"}},
      {"Jana April und Max Muster", {"Jana April", "Max Muster"}},
      {"Jane Doe May 3, 2021", {"Jane Doe"}},
      // A user name with digits or a dot is a name, not a date or a domain.
      {"Reader42 am 3. Mai 2021", {"Reader42"}},
      {"Jana.Beispiel", {"Jana.Beispiel"}},
      {"Jana Beispiel (12.03.2021)", {"Jana Beispiel"}},
      // A job title before the name is no part of it, in the set's languages
      // and inside a compound ("Von ZEITUNG-Redakteur ...").
      {"Reporter Jane Doe", {"Jane Doe"}},
      {"Von ZEITUNG-Redakteur Max Muster", {"Max Muster"}},
      {"Korrespondentin Jana Beispiel", {"Jana Beispiel"}},
      {"Jana Beispiel, Redakteurin", {"Jana Beispiel"}},
      // And so is a guest writer's profession.
      {"Rechtsanw\u00e4ltin Jana Beispiel", {"Jana Beispiel"}},
      {"Ratgeber-Experte Max Muster", {"Max Muster"}},
      {"Attorney Jane Doe", {"Jane Doe"}},
      // A name that opens with a title's letters is a name; a title's
      // endings (plural, feminine, German's gender star) keep it a title.
      {"Staffan Lindqvist", {"Staffan Lindqvist"}},
      {"Jane Stafford, Staff Writer", {"Jane Stafford"}},
      {"Cory Doctorow", {"Cory Doctorow"}},
      {"Jana Beispiel, Redakteurinnen", {"Jana Beispiel"}},
      {"Max Muster, Sprecher*innen", {"Max Muster"}},
      // A job title in lower case after the name, where the writer reports
      // from with it, ends the name.
      {"Federica Marchetti inviata a Capannori", {"Federica Marchetti"}},
      {"Ana Ruiz enviada especial", {"Ana Ruiz"}},
      // An agency's name ending in a publisher's word is whole: that word is
      // no job title after a name.
      {"The Associated Press", {"The Associated Press"}},
      // An office or a post after the name.
      {"Jane Doe, Vice President, Product", {"Jane Doe"}},
      // A writer's post after the name, a lower-case word in it.
      {"Jana Beispiel, Technikredakteurin bei Klangraum", {"Jana Beispiel"}},
      {"Jana Beispiel, Anna van Dijk", {"Jana Beispiel", "Anna van Dijk"}},
      // Nor is one that opens it.
      {"Press Trust of India", {"Press Trust of India"}},
      // Chinese names, set apart by spaces, after a full-width colon; a role
      // among them is none.
      {"\u4f5c\u8005\uff1a\u5218\u6653\u71d5 \u9648\u5fd7\u521a",
       {"\u5218\u6653\u71d5", "\u9648\u5fd7\u521a"}},
      {"\u8bb0\u8005 \u738b\u6653\u96ef", {"\u738b\u6653\u96ef"}},
      // Names end in a capitalised word; a phrase does not.
      {"Show my full profile", {}},
      {"Jos\u00e9 de la Vega", {"Jos\u00e9 de la Vega"}},
  };
  for (const AuthorCase& c : cases) {
    std::string html =
        std::string("<html><head><meta name=\"author\" content=\"") + c.meta +
        "\"></head><body><p>Officials met on Monday to discuss the plan, and "
        "they "
        "agreed to meet again next month.</p></body></html>";
    EXPECT_EQ(ExtractHtmlDoc(html).authors, c.want) << c.meta;
  }
}

TEST(PageMetadataTest, MetadataFallbacks) {
  std::string html =
      "<html lang='de-DE'><head><title>Ein Titel - Zeitung</title>"
      "<meta name='date' content='3. Juni 2021'>"
      "<meta name='keywords' content='Politik, Berlin'></head>"
      "<body><h1>Ein Titel</h1><div class='article-body'><p>Der Bundestag hat "
      "am Donnerstag "
      "ein neues Gesetz beschlossen, das die Regeln f\xC3\xBCr Parteien "
      "\xC3\xA4ndert.</p></div>"
      "</body></html>";
  Article a =
      ExtractHtmlDoc(html, "https://zeitung.example.de/2021/06/03/gesetz");
  EXPECT_EQ(a.title, "Ein Titel");
  EXPECT_EQ(a.language, "de-DE");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"Politik", "Berlin"}));
  EXPECT_FALSE(
      a.published.has_value());  // a non-ISO date goes to published_text
  EXPECT_EQ(a.published_text, "3. Juni 2021");
  EXPECT_EQ(a.canonical_url, "https://zeitung.example.de/2021/06/03/gesetz");
  ASSERT_EQ(a.paragraphs.size(), 1u);
}

TEST(PageMetadataTest, DateFromUrlWhenPageHasNone) {
  Article a = ExtractHtmlDoc(
      "<p>Short text of a page that has no date at all in it, none.</p>",
      "https://news.example.com/2020/02/29/leap");
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(*a.published, (PartialDate{2020, 2, 29}));
  EXPECT_EQ(a.published_source, DateSource::kUrl);
}

// Publishing systems name their publication-date field in many ways besides
// Open Graph's (cXense, Dublin Core's created, "pub_date", ...); each is the
// page's date, ahead of a date in its URL.
TEST(PageMetadataTest, PublicationDateMetaNamesOfPublishingSystems) {
  for (const char* attribute_and_name :
       {"name='pub_date'", "name='publish_date'", "name='published_at'",
        "name='publication_date'", "name='article_date_original'",
        "name='cXenseParse:recs:publishtime'",
        "property='og:article:published_time'", "name='DC.date.created'",
        "name='originalPublicationDate'", "name='citation_online_date'",
        "name='prism.publicationDate'"}) {
    Article a = ExtractHtmlDoc(
        std::string("<html><head><meta ") + attribute_and_name +
            " content='2021-03-04T08:00:00'></head><body><p>Short text of a "
            "page whose only date is in its head.</p></body></html>",
        "https://news.example.com/2020/02/29/story");
    ASSERT_TRUE(a.published.has_value()) << attribute_and_name;
    EXPECT_EQ(a.published->ToIso(), "2021-03-04") << attribute_and_name;
    EXPECT_EQ(a.published_source, DateSource::kMeta) << attribute_and_name;
  }
}

// Bylines in the languages of European pages, behind a label or a "by" word, in
// an element classed "author" (not a comment's).
TEST(PageMetadataTest, AuthorsFromClassedBylines) {
  const std::string prose =
      "<p>Der Gemeinderat hat am Freitag lange \u00fcber das neue Budget "
      "beraten, das im Fr\u00fchjahr "
      "vorgelegt worden war, und am Ende knapp zugestimmt.</p>";
  Article a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1><div class=\"entry-meta\">"
      "<span class=\"news-list-author\">Erstellt von Andri "
      "Bryner</span></div>" +
      prose +
      "</article><div class=\"comments\"><span class=\"comment-author\">"
      "Troll</span></div></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Andri Bryner"}));
  a = ExtractHtmlDoc(
      "<html><body><article><div><span class='label'>Autor:</span> <span "
      "class='author vcard'>"
      "<a rel='author' href='/u/eseppelt'>eseppelt</a></span></div>" +
      prose + "</article></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"eseppelt"}));
  // A byline's lead in an element of its own ("Written By"), the name in the
  // next, is no name.
  a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1><div><span "
      "class='blog-author-label'>Written By </span><a class='blog-author-name' "
      "href='/a'>Jana Beispiel</a></div>" +
      prose + "</article></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  // A personal site named after its owner credits the owner; a reply's
  // author under the text (a webmention) is none.
  a = ExtractHtmlDoc(
      "<html><head><script type='application/ld+json'>{\"@type\": "
      "\"BlogPosting\", \"headline\": \"Der Rat\", \"author\": "
      "{\"@type\": \"Person\", \"name\": \"Jana Beispiel\"}}</script>"
      "</head><body><article><h1>Der Rat</h1>" +
          prose +
          "</article><ul><li><p class='webmention__author'>Max "
          "Muster</p><p>Sch\u00f6n "
          "geschrieben, danke f\u00fcr den Bericht aus dem Rat.</p></li></ul>"
          "</body></html>",
      "https://janabeispiel.net/notes/rat/");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  // A shop's log-in link ("authorization-link") names no writer; a theme's
  // credit in the page's footer, linked rel=author, neither.
  a = ExtractHtmlDoc(
      "<html><body><ul><li class='authorization-link'><a "
      "href='/login'>Anmelden</a></li></ul><article><h1>Der Rat</h1>" +
      prose +
      "</article><footer><p>Theme: Magazin by <a href='https://t.example' "
      "rel='author'>ThemeWerk</a></p></footer></body></html>");
  EXPECT_TRUE(a.authors.empty()) << a.authors.front();
  // An empty element classed "author" (a picture's frame) inside the byline
  // box does not hide the box's name.
  a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1><div class='authorbox'><span "
      "class='frame author'> </span><div><b>von</b> <span>Jana "
      "Beispiel</span></div></div>" +
      prose + "</article></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  // A <time> classed like the byline holds the date, not a name.
  a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1><time class='entry-author-date' "
      "datetime='2021-05-06'>Donnerstag, 6. Mai 2021</time>" +
      prose + "</article></body></html>");
  EXPECT_TRUE(a.authors.empty());
  // A comment's author is not the article's.
  a = ExtractHtmlDoc(
      "<html><body><article>" + prose +
      "</article><ol class='comment-list'><li>"
      "<span class='author'>Troll</span></li></ol></body></html>");
  EXPECT_TRUE(a.authors.empty());
  // Classes in the languages of the set's author labels ("autor", "auteur")
  // name the writer as "author" does; "autorotate" is no such word.
  a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1><div "
      "class='autor'><h6>Jana Beispiel | 3. Mai 2021</h6></div>" +
      prose + "</article></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1><div "
      "class='autorotate'><span>Jana Beispiel</span></div>" +
      prose + "</article></body></html>");
  EXPECT_TRUE(a.authors.empty()) << a.authors.front();
  // A hidden rel=author link (a template's link to the blog owner's profile)
  // names no writer; the printed byline does.
  a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1><p class='byline'>Posted by Jana "
      "Beispiel</p>" +
      prose +
      "<a rel='author' href='/profile/1' style='display: none'>Blog "
      "Owner</a></article></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  // "von der" is part of a name, not a byline's "by".
  a = ExtractHtmlDoc(
      "<html><head><meta name='author' content='Ursula von der "
      "Leyen'></head><body>" +
      prose + "</body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Ursula von der Leyen"}));
  // One word after a full name is the writer's desk or agency; two full
  // names are two writers.
  a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1><div "
      "class='authorline__author'>Von Jan Koch, ARD-Hauptstadtstudio</div>" +
      prose + "</article></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jan Koch"}));
  a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1><div "
      "class='authorline__author'>Von Jan Koch, Anna Meier</div>" +
      prose + "</article></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jan Koch", "Anna Meier"}));
  // A profession after the name is the writer's, not another writer.
  a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1><div "
      "class='authorline__author'>Von Ulrike Brandt, Fach\u00e4rztin f\u00fcr "
      "Allgemeinmedizin</div>" +
      prose + "</article></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Ulrike Brandt"}));
  // A byline's name element (BEM's "byline__name") names the writer without
  // a by-word; the role beside it does not.
  a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1><div class='story-byline'><span "
      "class='story-byline__name'>Hannah Kowalczyk</span> | <span "
      "class='story-byline__role'>Staff Writer</span></div>" +
      prose + "</article></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Hannah Kowalczyk"}));
  // A label of two words before a colon, counted in characters ("Автор
  // рецепта:" is 25 bytes); arrows after a link's words are none of the name,
  // and a phrase ending in a lower-case word is no name.
  a = ExtractHtmlDoc(
      "<html><body><article><h1>\u0421\u044b\u0440\u043d\u0438\u043a\u0438"
      "</h1><span class='recipe__author'>\u0410\u0432\u0442\u043e\u0440 "
      "\u0440\u0435\u0446\u0435\u043f\u0442\u0430: <a href='/u/os'>"
      "\u041e\u043b\u044c\u0433\u0430 \u0421\u043c\u0438\u0440\u043d"
      "\u043e\u0432\u0430</a></span>" +
      prose + "</article></body></html>");
  EXPECT_EQ(a.authors,
            (std::vector<std::string>{"\u041e\u043b\u044c\u0433\u0430 "
                                      "\u0421\u043c\u0438\u0440\u043d"
                                      "\u043e\u0432\u0430"}));
  a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1><span class='author vcard'><a "
      "rel='author' href='/author/jb'>Jana Beispiel</a></span>" +
      prose +
      "<p class='author-bio'>Jana schreibt \u00fcber Kommunalpolitik. <a "
      "rel='author' href='/author/jb'>Alle Beitr\u00e4ge von Jana Beispiel "
      "anzeigen <span>\u2192</span></a></p></article></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  // A link to the writer's other posts gives the name after its label, or
  // none ("View Archive").
  a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1>" + prose +
      "<div class='author-info'><a class='author-link' rel='author' "
      "href='/author/jb'>View all posts by Jana Beispiel</a></div>"
      "</article></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1>" + prose +
      "<div class='author-info'><a class='author-link' rel='author' "
      "href='/author/jb'>View Archive</a></div></article></body></html>");
  EXPECT_TRUE(a.authors.empty()) << a.authors.front();
}

// Yoast-style graphs name the author by @id; the Person is elsewhere in the
// graph.
// A printed user card marked up as a schema.org Person: microdata's name for
// it, not the card's text run together with its copy and score. An author
// given only in <meta> inside the item is no byline a reader sees.
TEST(PageMetadataTest, MicrodataAuthorIsTheItemsName) {
  const auto page = [](const std::string& card) {
    return ExtractHtmlDoc("<html><body><h1>Der Rat</h1>" + card + kCouncilBody +
                          "</body></html>");
  };
  EXPECT_EQ(page("<div itemprop='author' itemscope><a href='/u/7'>kanal_jana"
                 "</a><span class='d-none' itemprop='name'>kanal_jana</span>"
                 "<span class='score'>1,204</span></div>")
                .authors,
            std::vector<std::string>{"kanal_jana"});
  EXPECT_TRUE(page("<span itemprop='author' itemscope><meta itemprop='name' "
                   "content='Jana Beispiel'></span>")
                  .authors.empty());
  // A reply's author (a forum comment's, a Q&A answer's) is not the page's.
  EXPECT_EQ(page("<div itemprop='author'>kanal_jana</div><div "
                 "itemprop='comment' itemscope><span "
                 "itemprop='author'>dbgrumpy</span></div><div "
                 "itemprop='acceptedAnswer' itemscope><div><span "
                 "itemprop='author'>Crumb and Crust</span></div></div>")
                .authors,
            std::vector<std::string>{"kanal_jana"});
  // A reply given its own item type (a blog's comment) neither names the
  // page's author nor dates it.
  const Article a = page(
      "<div itemprop='author'>kanal_jana</div><article itemscope "
      "itemtype='https://schema.org/Comment'><div itemprop='author'>"
      "Birgit</div><time itemprop='datePublished' "
      "datetime='2021-03-05T09:14:22+01:00'>5. M\u00e4rz</time>"
      "</article>");
  EXPECT_EQ(a.authors, std::vector<std::string>{"kanal_jana"});
  EXPECT_FALSE(a.published);
}

TEST(PageMetadataTest, JsonLdAuthorByReference) {
  const std::string ld = R"({"@context":"https://schema.org","@graph":[
    {"@type":"Article","headline":"Titel","author":{"@id":"https://x.de/#/person/1"},"datePublished":"2021-03-04T10:00:00+01:00"},
    {"@type":["Person"],"@id":"https://x.de/#/person/1","name":"Luis Holuch"}]})";
  Article a =
      ExtractHtmlDoc("<html><head><script type=\"application/ld+json\">" + ld +
                     "</script></head><body><p>Ein Satz, der lang genug ist, "
                     "um als Absatz zu z\u00e4hlen, "
                     "mit Kommas, und noch mehr Text.</p></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Luis Holuch"}));
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2021-03-04");
}

// A critic's review in JSON-LD (@type Review) gives its writer and date as an
// article does; beside an article, the article's stand.
TEST(PageMetadataTest, JsonLdReviewGivesWriterAndDate) {
  const auto page = [](const std::string& ld) {
    return ExtractHtmlDoc(
        "<html><head><script type=\"application/ld+json\">" + ld +
        "</script></head><body><p>Ein Satz, der lang genug ist, um als Absatz "
        "zu z\u00e4hlen, mit Kommas, und noch mehr Text.</p></body></html>");
  };
  const std::string review =
      R"({"@type":"Review","itemReviewed":{"@type":"Movie","name":"Das Haus",)"
      R"("dateCreated":"2024-11-14"},"author":{"@type":"Person","name":)"
      R"("Felix Baumann"},"datePublished":"2024-11-12T14:00:00+01:00"})";
  Article a = page(review);
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Felix Baumann"}));
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2024-11-12");
  a = page("[" + review +
           R"(,{"@type":"NewsArticle","author":{"@type":"Person","name":)"
           R"("Jana Beispiel"},"datePublished":"2024-11-13T09:00:00+01:00"}])");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
}

// JSON-LD is plain text, but publishing systems often write it HTML-encoded:
// names and keywords are read decoded.
TEST(PageMetadataTest, JsonLdTextWrittenAsHtmlIsDecoded) {
  const std::string ld =
      R"({"@context":"https://schema.org","@type":"NewsArticle",
    "headline":"Talks resume","author":[{"@type":"Person","name":"Jane O&#039;Doe"},
    {"@type":"Person","name":"Jos&eacute; Ruiz"}],"keywords":"Trade &amp; tariffs, Caf&#xE9;s"})";
  Article a =
      ExtractHtmlDoc("<html><head><script type=\"application/ld+json\">" + ld +
                     "</script></head><body><p>Ein Satz, der lang genug ist, "
                     "um als Absatz zu z\u00e4hlen, "
                     "mit Kommas, und noch mehr Text.</p></body></html>");
  EXPECT_EQ(a.authors,
            (std::vector<std::string>{"Jane O'Doe", "Jos\u00e9 Ruiz"}));
  EXPECT_EQ(a.tags,
            (std::vector<std::string>{"Trade & tariffs", "Caf\u00e9s"}));
  EXPECT_EQ(extract_internal::DecodeCharacterReferences(
                "AT&T, Q&A &amp;c &lt;b&gt; &#8364;"),
            "AT&T, Q&A &c <b> \u20ac");
  EXPECT_EQ(extract_internal::DecodeCharacterReferences("a < b"), "a < b");
}

// The title is the <h1> that <title> repeats, not a blog's name in the first
// <h1>.
TEST(PageMetadataTest, TitleIsTheHeadingTheTitleTagRepeats) {
  Article a = ExtractHtmlDoc(
      "<html><head><title>Was wurde aus Six Sigma? | "
      "sladisworld</title></head><body><h1>sladisworld</h1>"
      "<h1>Was wurde aus Six Sigma?</h1><p>Ein Satz, der lang genug ist, um "
      "als Absatz zu z\u00e4hlen, mit "
      "Kommas, und noch mehr Text.</p></body></html>");
  EXPECT_EQ(a.title, "Was wurde aus Six Sigma?");
  // A kicker inside the <h1>: the part the <title> repeats.
  a = ExtractHtmlDoc(
      "<html><head><title>Eigentumsvorbehalt: Das sollten K\u00e4ufer wissen - "
      "Zeitung</title></head><body>"
      "<h1><span class='kicker'>Forderungsausf\u00e4lle vermeiden</span> "
      "Eigentumsvorbehalt: Das sollten "
      "K\u00e4ufer wissen</h1><p>Ein Satz, der lang genug ist, um als Absatz "
      "zu z\u00e4hlen, mit Kommas, und "
      "noch mehr Text.</p></body></html>");
  EXPECT_EQ(a.title, "Eigentumsvorbehalt: Das sollten K\u00e4ufer wissen");
  // A lone <h1> that is the site's name, which the <title> repeats as its
  // suffix, is no title: the <title> without the suffix is.
  a = ExtractHtmlDoc(
      "<html><head><title>Der Rat tagt am Freitag | Gnaur</title><meta "
      "property='og:site_name' content='Gnaur'>"
      "</head><body><h1>Gnaur</h1><p>Ein Satz, der lang genug ist, um als "
      "Absatz zu z\u00e4hlen, mit Kommas, und "
      "noch mehr Text.</p></body></html>");
  EXPECT_EQ(a.title, "Der Rat tagt am Freitag");
  // No <h1> the <title> repeats (the only one greets the reader): the <h2>
  // it repeats is the headline.
  a = ExtractHtmlDoc(
      "<html><head><title>Der Rat tagt am Freitag \u2013 Gemeinde "
      "Gnaur</title></head><body><h1>Willkommen in Gnaur</h1><h2>Aus dem "
      "Rathaus</h2><h2>Der Rat tagt am Freitag</h2><p>Ein Satz, der lang "
      "genug ist, um als Absatz zu z\u00e4hlen, mit Kommas, und noch mehr "
      "Text.</p></body></html>");
  EXPECT_EQ(a.title, "Der Rat tagt am Freitag");
  // A <title> cut short with an ellipsis repeats the <h1> it opens, over a
  // shorter og:title.
  a = ExtractHtmlDoc(
      "<html><head><title>Der Rat tagt am Freitag \u00fcber\u2026 - Gnaur"
      "</title><meta property='og:title' content='Der Rat tagt'></head><body>"
      "<h1>Gemeinde Gnaur</h1><h1>Der Rat tagt am Freitag \u00fcber das "
      "Budget</h1><p>Ein Satz, der lang genug ist, um als Absatz zu "
      "z\u00e4hlen, mit Kommas, und noch mehr Text.</p></body></html>");
  EXPECT_EQ(a.title, "Der Rat tagt am Freitag \u00fcber das Budget");
  // No heading the <title> repeats whole: the <h2> holding most of its words,
  // over an <h1> holding none (a section's name).
  a = ExtractHtmlDoc(
      "<html><head><title>Meldung 12/2021 \u2013 Kreisstra\u00dfe K 12 ab "
      "Montag gesperrt | Kreis Gnaur</title></head><body><h1>Pressemitteilungen"
      "</h1><h2>Kreisstra\u00dfe K 12 zwischen Au und Dorf ab Montag "
      "gesperrt</h2><p>Ein Satz, der lang genug ist, um als Absatz zu "
      "z\u00e4hlen, mit Kommas, und noch mehr Text.</p></body></html>");
  EXPECT_EQ(a.title,
            "Kreisstra\u00dfe K 12 zwischen Au und Dorf ab Montag gesperrt");
}

// The one headline a page marks as such (microdata's itemprop=headline,
// hAtom's entry-title) is the title, over a section's name in <h1> and a
// sharing title worded otherwise; a hidden one, a link's and one of several
// (teasers) are not, and a kicker it holds stays out.
TEST(PageMetadataTest, TitleIsTheMarkedHeadline) {
  const std::string text =
      "<div class='text'><p>Ein Satz, der lang genug ist, um als Absatz zu "
      "z\u00e4hlen, mit Kommas, und noch mehr Text.</p></div>";
  const auto title_of = [&](const std::string& head, const std::string& body) {
    return ExtractHtmlDoc("<html><head>" + head + "</head><body>" + body +
                          text + "</body></html>")
        .title;
  };
  const std::string og =
      "<title>Schule wird saniert :: Aktuelles :: Gnaur</title><meta "
      "property='og:title' content='Schule wird saniert'>";
  EXPECT_EQ(title_of(og,
                     "<h1>Aktuelles</h1><h2 itemprop='headline'>Schule in "
                     "Gnaur wird im Sommer saniert</h2>"),
            "Schule in Gnaur wird im Sommer saniert");
  EXPECT_EQ(title_of("<title>Gnaur-Blog: Der Rat tagt</title><meta "
                     "property='og:title' content='Der Rat tagt \u2013 und "
                     "streitet'>",
                     "<h1>Gnaur-Blog</h1><h3 class='post-title "
                     "entry-title'>Der Rat tagt</h3>"),
            "Der Rat tagt");
  EXPECT_NE(title_of(og,
                     "<h1>Aktuelles</h1><h2 itemprop='headline' "
                     "hidden>Schule in Gnaur wird im Sommer saniert</h2>"),
            "Schule in Gnaur wird im Sommer saniert");
  EXPECT_NE(title_of(og,
                     "<h1>Aktuelles</h1><h2 itemprop='headline'><a "
                     "href='/a'>Schule in Gnaur wird saniert</a></h2>"),
            "Schule in Gnaur wird saniert");
  EXPECT_NE(title_of(og,
                     "<h1>Aktuelles</h1><h2 itemprop='headline'>Schule "
                     "in Gnaur wird saniert</h2><h2 "
                     "itemprop='headline'>Der Rat tagt</h2>"),
            "Schule in Gnaur wird saniert");
  EXPECT_EQ(title_of(og,
                     "<h1 itemprop='headline'><span>Bildung</span> "
                     "Schule wird saniert</h1>"),
            "Schule wird saniert");
}

// The site's name is what the <title> gives after its headline: an <h1> that
// is that name, or opens with it (a banner with the site's motto), is no
// headline; of two <h1>s the <title> repeats, the one it opens with is.
TEST(PageMetadataTest, TitleIsNotTheSiteBanner) {
  struct Case {
    const char* title_tag;
    const char* headings;
    const char* want;
  };
  const Case cases[] = {
      {"Ferien im Moor bei Leer \u00bb Heimatverein Moordorf",
       "<h1>Heimatverein Moordorf und Umgebung</h1><h2>Ferien im Moor bei "
       "Leer</h2>",
       "Ferien im Moor bei Leer"},
      {"Tango Schritte - Tanzen - Salon am Fluss",
       "<h1>Tanzen - Salon am Fluss</h1>", "Tango Schritte"},
      {"Neue Halle er\u00f6ffnet | Das Branchenbuch f\u00fcr kleine und "
       "mittlere Firmen",
       "<h1>Das Branchenbuch f\u00fcr kleine und mittlere Firmen</h1><h1>Neue "
       "Halle er\u00f6ffnet</h1>",
       "Neue Halle er\u00f6ffnet"},
      // A headline that happens to start like the site's name is still one.
      {"Moordorf feiert | Moordorf", "<h1>Moordorf feiert</h1>",
       "Moordorf feiert"},
      // An <h1> that is one link (a logo's link home) beside an <h2> the
      // <title> repeats too is the site's name; a linked <h1> alone is the
      // headline.
      {"Terroirs &amp; Saveurs » Le comté d'été est-il "
       "meilleur ?",
       "<h1 class='nom-site'><a href='/'>Terroirs &amp; Saveurs</a></h1><h2>Le "
       "comté d'été est-il meilleur ?</h2>",
       "Le comté d'été est-il meilleur ?"},
      {"Der Rat tagt am Freitag | Blog",
       "<h1><a href='/2021/rat'>Der Rat tagt am Freitag</a></h1>",
       "Der Rat tagt am Freitag"},
      // So is an <h1> of one word beside such an <h2>: the section's name
      // ("Site - News » Post"). A one-word <h1> alone is the headline.
      {"Schachverein Gnaur - Neuigkeiten \u00bb Das Turnier im Mai ist "
       "entschieden",
       "<h1>Neuigkeiten</h1><h2>Das Turnier im Mai ist entschieden</h2>",
       "Das Turnier im Mai ist entschieden"},
      {"Hochwasserschutz | Gemeinde Gnaur",
       "<h1>Hochwasserschutz</h1><h2>Was tun bei Starkregen</h2>",
       "Hochwasserschutz"},
      // A lone <h1> that is a logo's link home, which the <title> does not
      // repeat, is no headline either.
      {"Der Rat tagt am Freitag",
       "<h1 class='logo'><a href='/'><span>Gemeinde Gnaur</span></a></h1>",
       "Der Rat tagt am Freitag"},
  };
  for (const Case& c : cases) {
    Article a = ExtractHtmlDoc(
        std::string("<html><head><title>") + c.title_tag +
        "</title></head><body>" + c.headings +
        "<p>Ein Satz, der lang genug ist, um als Absatz zu z\u00e4hlen, mit "
        "Kommas, und noch mehr Text.</p></body></html>");
    EXPECT_EQ(a.title, c.want) << c.title_tag;
  }
}

// An <h1> that sets a kicker beside its headline in elements of their own:
// the child classed as the headline, else the text less the child classed as
// the kicker, is the title; an <h1> of unclassed parts is read whole.
TEST(PageMetadataTest, TitleWithoutTheKickerBesideIt) {
  const auto title = [](const std::string& h1) {
    return ExtractHtmlDoc(
               "<html><head><title>Nach dem Sturm: Aufr\u00e4umen dauert - "
               "RuhrBlick</title></head><body><h1>" +
               h1 +
               "</h1><p>Ein Satz, der lang genug ist, um als Absatz zu "
               "z\u00e4hlen, mit Kommas, und noch mehr Text.</p></body></html>")
        .title;
  };
  EXPECT_EQ(title("<span class='fake-h5'>Nach dem Sturm</span><span>: "
                  "</span><span class='headline'>Aufr\u00e4umen "
                  "dauert</span>"),
            "Aufr\u00e4umen dauert");
  EXPECT_EQ(title("<span class='article-dachzeile'>Nach dem Sturm:</span> "
                  "Aufr\u00e4umen dauert"),
            "Aufr\u00e4umen dauert");
  // Nor is a badge set in the headline.
  EXPECT_EQ(title("<span class='live-badge'>LIVE</span>Aufr\u00e4umen "
                  "dauert"),
            "Aufr\u00e4umen dauert");
  EXPECT_EQ(title("<span class='label label--exclusive'>Exklusiv</span>"
                  "Aufr\u00e4umen dauert"),
            "Aufr\u00e4umen dauert");
  // A headline all in a child so classed is still the headline.
  EXPECT_EQ(title("<span class='title-label'>Aufr\u00e4umen dauert</span>"),
            "Aufr\u00e4umen dauert");
  // A separator set for screen readers only is none of the headline.
  EXPECT_EQ(title("<span class='kicker'>Nach dem Sturm</span><span "
                  "class='visually-hidden'>: </span><span>Aufr\u00e4umen "
                  "dauert</span>"),
            "Aufr\u00e4umen dauert");
  EXPECT_EQ(title("<span>Nach dem Sturm:</span> <span>Aufr\u00e4umen "
                  "dauert</span>"),
            "Nach dem Sturm: Aufr\u00e4umen dauert");
  // Unclassed parts without the sign between them: og:title gives it.
  EXPECT_EQ(ExtractHtmlDoc(
                "<html><head><meta property='og:title' content='Nach dem "
                "Sturm: Aufr\u00e4umen dauert'></head><body><h1><span>Nach "
                "dem Sturm</span> "
                "<span>Aufr\u00e4umen dauert</span></h1><p>Ein Satz, der "
                "lang genug ist, um als Absatz zu z\u00e4hlen, mit Kommas, "
                "und noch mehr Text.</p></body></html>")
                .title,
            "Nach dem Sturm: Aufr\u00e4umen dauert");
}

// Older blog and CMS templates put the site's name first ("Site » Post"):
// when what opens the <title> is the site's host or og:site_name, the title is
// what follows, and a banner <h1> holding that name is no headline.
TEST(PageMetadataTest, TitleWithoutTheSiteNameOpeningIt) {
  struct Case {
    const char* head;
    const char* headings;
    const char* url;
    const char* want;
  };
  const Case cases[] = {
      {"<title>kanalblick.de // \u00bb Neue Schleuse</title>",
       "<h1>kanalblick.de //</h1>", "https://www.kanalblick.de/schleuse.html",
       "Neue Schleuse"},
      {"<title>Kanalblick | Neue Schleuse am Ostufer</title>", "",
       "https://kanalblick.de/2020/schleuse", "Neue Schleuse am Ostufer"},
      {"<meta property='og:site_name' content='Hafenkurier'>"
       "<title>Hafenkurier - Neue Schleuse am Ostufer</title>",
       "", "https://example.org/schleuse", "Neue Schleuse am Ostufer"},
      // A name that is not the site's opens a headline, as do words after
      // the site's name without a separator.
      {"<title>Hamburg - Neue Schleuse am Ostufer er\u00f6ffnet</title>", "",
       "https://kanalblick.de/schleuse",
       "Hamburg - Neue Schleuse am Ostufer "
       "er\u00f6ffnet"},
      {"<title>Kanalblick feiert sein Jubil\u00e4um</title>", "",
       "https://kanalblick.de/jubilaeum",
       "Kanalblick feiert sein "
       "Jubil\u00e4um"},
      // What the <title> adds to og:title ("Blog: Post", as blog platforms
      // write it) is the site's name, and an <h1> of that name its banner.
      {"<meta property='og:title' content='Drei Tage am Kanal'>"
       "<title>Notizen vom Ufer: Drei Tage am Kanal</title>",
       "<h1>Notizen vom Ufer</h1>", "https://notizen.example.org/drei-tage",
       "Drei Tage am Kanal"},
      // An <h1> that is one link of at most four words opening the <title>
      // before a colon or a separator is the blog's name (Blogger's "Blog:
      // Post"), og:title repeating the <title> or not; a linked headline
      // opening "Post | Site" is the headline.
      {"<title>Notizen vom Ufer: Drei Tage am Kanal</title>",
       "<h1><a href='/'>Notizen vom Ufer</a></h1>",
       "https://notizen.example.org/drei-tage", "Drei Tage am Kanal"},
      {"<meta property='og:title' content='Notizen vom Ufer: Drei Tage am "
       "Kanal'><title>Notizen vom Ufer: Drei Tage am Kanal</title>",
       "<h1><a href='/'>Notizen vom Ufer</a></h1>",
       "https://notizen.example.org/drei-tage", "Drei Tage am Kanal"},
      {"<title>Neue Schleuse am Ostufer er\u00f6ffnet | KBV</title>",
       "<h1><a href='/schleuse'>Neue Schleuse am Ostufer "
       "er\u00f6ffnet</a></h1>",
       "https://example.org/schleuse",
       "Neue Schleuse am Ostufer er\u00f6ffnet"},
      // A short name holding the host's label opens a longer rest: a forum's
      // name, its banner <h1> no headline, the topic in <h2>. A headline
      // opening with the label is the longer part and stands.
      {"<title>Kanalblick Schleusenforum \u2022 Thema anzeigen - Neue "
       "Schleuse am Ostufer er\u00f6ffnet</title>",
       "<h1>Kanalblick Schleusenforum</h1><h2>Neue Schleuse am Ostufer "
       "er\u00f6ffnet</h2>",
       "https://forum.kanalblick.co.uk/viewtopic.php?t=12",
       "Neue Schleuse am Ostufer er\u00f6ffnet"},
      {"<title>Kanalblick er\u00f6ffnet Schleuse - Kanalblick News</title>", "",
       "https://www.kanalblick.co.uk/schleuse",
       "Kanalblick er\u00f6ffnet Schleuse"},
      // og:title shorter than what the <title> adds says nothing of the site.
      {"<meta property='og:title' content='Ufer'>"
       "<title>Ufer: Die neue Schleuse am Ostufer</title>",
       "<h1>Die neue Schleuse am Ostufer</h1>", "https://example.org/schleuse",
       "Die neue Schleuse am Ostufer"},
  };
  for (const Case& c : cases) {
    Article a = ExtractHtmlDoc(
        std::string("<html><head>") + c.head + "</head><body>" + c.headings +
            "<p>Ein Satz, der lang genug ist, um als Absatz zu z\u00e4hlen, "
            "mit Kommas, und noch mehr Text.</p></body></html>",
        c.url);
    EXPECT_EQ(a.title, c.want) << c.head;
  }
}

// A moment given in UTC and, elsewhere on the page, in the site's own zone: the
// day is the site's. A UTC moment alone keeps its day; so does one whose
// local twin names another moment.
TEST(PageMetadataTest, LocalDayOfAUtcTimestamp) {
  const std::string body = kCouncilBody;
  const auto page = [&](const std::string& time_element) {
    return ExtractHtmlDoc(
        "<html><head><meta property='article:published_time' "
        "content='2022-05-04T03:37:37+00:00'></head><body><h1>Der Rat</h1>" +
        time_element + body + "</body></html>");
  };
  Article a = page("<time datetime='2022-05-03T23:37:37-04:00'>May 3</time>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2022-05-03");
  EXPECT_EQ(a.published_source, DateSource::kTime);
  a = page("");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2022-05-04");
  EXPECT_EQ(a.published_source, DateSource::kMeta);
  a = page("<time datetime='2022-05-03T20:00:00-04:00'>May 3</time>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2022-05-04");
  // RFC 2822 in a <meta name=date>, as some CMSs write it.
  a = ExtractHtmlDoc(
      "<html><head><meta name='date' content='Sat, 19 Oct 2019 00:04:00 "
      "+0200'><script type='application/ld+json'>{\"@type\": "
      "\"NewsArticle\", \"datePublished\": \"2019-10-18T22:04:00Z\"}"
      "</script></head><body><h1>Der Rat</h1>" +
      body + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2019-10-19");
  // A day alone beside the moment: the next day, when a zone east of UTC can
  // make it the moment's (03:37 UTC is 23:37 the day before in New York, and
  // 13:37 the same day in Sydney, never the next one).
  a = page("<time datetime='2022-05-03'>3. Mai 2022</time>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2022-05-03");
  EXPECT_EQ(a.published_source, DateSource::kTime);
  a = page("<time datetime='2022-05-05'>5. Mai 2022</time>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2022-05-04");
  a = ExtractHtmlDoc(
      "<html><head><meta property='article:published_time' "
      "content='2023-08-23T22:00:00Z'></head><body><h1>Der Rat</h1><time "
      "datetime='2023-08-24'>24.08.2023</time>" +
      body + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2023-08-24");
}

// A <time> in a list of related stories, a comment thread or an <aside> dates
// another text than the article; <body>'s classes ("has-sidebar") say nothing
// of where a <time> sits.
TEST(PageMetadataTest, TimeElementsOutsideTheArticleAreNotItsDate) {
  const std::string body = kCouncilBody;
  const std::string related =
      "<ul class='related-posts'><li><a href='/a'>Alte Nachricht</a> <time "
      "datetime='2020-12-03T07:32:49+01:00'>3. Dezember 2020</time></li></ul>";
  const std::string comment =
      "<div class='comment-metadata'><time "
      "datetime='2023-11-06T03:36:11+01:00'>"
      "6. November 2023</time></div>";
  const std::string aside =
      "<aside><time datetime='2021-01-02T10:00:00+01:00'>2.1.2021</time>"
      "</aside>";
  Article a = ExtractHtmlDoc(
      "<html><body class='single has-sidebar'>" + related + aside +
      "<article><h1>Der Rat</h1><p><time datetime='2023-10-31T09:00:00+01:00'>"
      "31.10.2023</time></p>" +
      body + "</article>" + comment + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2023-10-31");
  EXPECT_EQ(a.published_source, DateSource::kTime);
  // With no <time> of its own, the article takes none of theirs.
  a = ExtractHtmlDoc("<html><body>" + related + "<article><h1>Der Rat</h1>" +
                     body + "</article>" + comment + "</body></html>");
  EXPECT_NE(a.published_source, DateSource::kTime);
}

// A <time> marked as the publication's (schema.org itemprop, a "published"
// class) is the date before unmarked ones, and one marked as an update's
// (itemprop dateModified, an "updated" class) comes last.
TEST(PageMetadataTest, TimeElementsMarkedAsPublicationOrUpdate) {
  const std::string body = kCouncilBody;
  const auto date_of = [&](const std::string& times) {
    Article a = ExtractHtmlDoc("<html><body><article><h1>Der Rat</h1>" + times +
                               body + "</article></body></html>");
    return a.published ? a.published->ToIso() : std::string("none");
  };
  EXPECT_EQ(date_of("<time class='updated' datetime='2023-11-02'>2.11.</time>"
                    "<time class='entry-date published' "
                    "datetime='2023-10-31'>31.10.</time>"),
            "2023-10-31");
  EXPECT_EQ(date_of("<time itemprop='dateModified' datetime='2023-11-02'>"
                    "</time><time datetime='2023-10-30'>30.10.</time>"),
            "2023-10-30");
  EXPECT_EQ(date_of("<time datetime='2023-10-29'>29.10.</time><time "
                    "itemprop='datePublished' datetime='2023-10-31'></time>"),
            "2023-10-31");
  EXPECT_EQ(date_of("<time class='updated' datetime='2023-11-02'></time>"),
            "2023-11-02");
  // HTML5 drafts' value-less pubdate, which the pre-parse cut must keep.
  EXPECT_EQ(date_of("<time datetime='2023-10-29'>29.10.</time>"
                    "<time pubdate datetime='2023-10-31'>31.10.</time>"),
            "2023-10-31");
}

// An organisation the JSON-LD names as author (an agency, a desk) is the
// author only when no writer is named anywhere on the page.
TEST(PageMetadataTest, OrganizationAsAuthorWhenNoWriterIsNamed) {
  const std::string body = kCouncilBody;
  const auto page = [&](const std::string& author_json,
                        const std::string& byline) {
    return ExtractHtmlDoc(
        "<html><head><script type='application/ld+json'>{\"@type\": "
        "\"NewsArticle\", \"headline\": \"Der Rat\", \"author\": " +
        author_json + "}</script></head><body><h1>Der Rat</h1>" + byline +
        body + "</body></html>");
  };
  const std::string agency =
      "{\"@type\": \"Organization\", \"name\": \"Presseagentur Nord\"}";
  Article a = page(agency, "");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Presseagentur Nord"});
  // The site itself as author, with no writer named anywhere, is the author
  // the page declares (a press release on the organisation's own site)...
  const std::string own_site =
      "<html><head><script type='application/ld+json'>{\"@type\": "
      "\"NewsArticle\", \"author\": " +
      agency + ", \"publisher\": " + agency +
      "}</script></head><body><h1>Der Rat</h1>";
  a = ExtractHtmlDoc(own_site + body + "</body></html>");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Presseagentur Nord"});
  // ...but a writer's byline beside it names the author.
  a = ExtractHtmlDoc(own_site + "<p class='byline'>Von Jana Beispiel</p>" +
                     body + "</body></html>");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Jana Beispiel"});
  a = page(agency, "<p class='byline'>Von Jana Beispiel</p>");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Jana Beispiel"});
  a = page(
      "[" + agency + ", {\"@type\": \"Person\", \"name\": \"Jana Beispiel\"}]",
      "");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Jana Beispiel"});
}

// An author field that credits a desk, not a person, is the author when the
// page names no writer, and so is a rights field's holder; a role alone, an
// account or an address is none.
TEST(PageMetadataTest, DeskCreditAsAuthorWhenNoWriterIsNamed) {
  const std::string body = kCouncilBody;
  const auto authors_of = [&](const std::string& meta,
                              const std::string& byline) {
    return ExtractHtmlDoc("<html><head><meta name='author' content='" + meta +
                          "'></head><body><h1>Der Rat</h1>" + byline + body +
                          "</body></html>")
        .authors;
  };
  EXPECT_EQ(authors_of("Ratsblatt Staff Report", ""),
            std::vector<std::string>{"Ratsblatt Staff Report"});
  EXPECT_EQ(authors_of("Ratsblatt Staff Report",
                       "<p class='byline'>Von Jana Beispiel</p>"),
            std::vector<std::string>{"Jana Beispiel"});
  for (const char* none :
       {"Staff", "Redakteur", "admin", "redaktion@ratsblatt.de",
        "https://ratsblatt.de/autor/1"}) {
    EXPECT_TRUE(authors_of(none, "").empty()) << none;
  }
  // A desk's name that reads like a person's yields to the printed byline
  // too, as does an organisation the JSON-LD names.
  EXPECT_EQ(authors_of("Ratsblatt Online-Redaktion",
                       "<p class='byline'>Von Jana Beispiel</p>"),
            std::vector<std::string>{"Jana Beispiel"});
  EXPECT_EQ(authors_of("Ratsblatt Online-Redaktion", ""),
            std::vector<std::string>{"Ratsblatt Online-Redaktion"});
  // So do a news desk and an agency's initials.
  for (const char* desk : {"NP Nyheter", "ZAM"}) {
    EXPECT_EQ(authors_of(desk, "<p class='byline'>Von Jana Beispiel</p>"),
              std::vector<std::string>{"Jana Beispiel"})
        << desk;
  }
  // The holder a rights field declares, when nothing else credits anyone.
  const auto with_copyright = [&](const std::string& notice,
                                  const std::string& byline) {
    return ExtractHtmlDoc("<html><head><meta name='copyright' content='" +
                          notice + "'></head><body><h1>Der Rat</h1>" + byline +
                          body + "</body></html>")
        .authors;
  };
  EXPECT_EQ(with_copyright("\u00a9 Stadtwerke Beispiel GmbH 2022. Alle Rechte "
                           "vorbehalten.",
                           ""),
            std::vector<std::string>{"Stadtwerke Beispiel GmbH"});
  EXPECT_EQ(with_copyright("Copyright 2010-2022 Stadtwerke Beispiel GmbH", ""),
            std::vector<std::string>{"Stadtwerke Beispiel GmbH"});
  EXPECT_EQ(with_copyright("\u00a9 Stadtwerke Beispiel GmbH 2022",
                           "<p class='byline'>Von Jana Beispiel</p>"),
            std::vector<std::string>{"Jana Beispiel"});
  EXPECT_TRUE(with_copyright("\u00a9 2022 all rights reserved", "").empty());
  // The site's name, in letters its host spells in ASCII.
  const auto on_host = [&](const std::string& meta, const std::string& url) {
    return ExtractHtmlDoc("<html><head><meta name='author' content='" + meta +
                              "'></head><body><h1>Der Rat</h1><p "
                              "class='byline'>Von Jana Beispiel</p>" +
                              body + "</body></html>",
                          url)
        .authors;
  };
  EXPECT_EQ(on_host("G\u00fcndem Postas\u0131",
                    "https://www.gundempostasi.com.tr/ekonomi/1"),
            std::vector<std::string>{"Jana Beispiel"});
  EXPECT_EQ(on_host("M\u00fcnsterl\u00e4nder Bote",
                    "https://www.muensterlaender-bote.de/lokales/1"),
            std::vector<std::string>{"Jana Beispiel"});
  EXPECT_EQ(
      on_host("M\u00fcnsterl\u00e4nder Bote", "https://www.ratsblatt.de/1"),
      std::vector<std::string>{"M\u00fcnsterl\u00e4nder Bote"});
  const Article a = ExtractHtmlDoc(
      "<html><head><meta name='author' content='Rundfunk Nord'><script "
      "type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
      "{\"@type\": \"Organization\", \"name\": \"Rundfunk "
      "Nord\"}}</script></head><body><h1>Der Rat</h1>" +
      body +
      "<p class='article__author'>Autorin: Jana Beispiel</p></body></html>");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Jana Beispiel"});
}

// An agency credited by its full name in the author field is the author, its
// last word ("Press") no job title, before the initials its dateline gives.
TEST(PageMetadataTest, AgencyNamedInFullInTheAuthorField) {
  const Article a = ExtractHtmlDoc(
      "<html><head><meta name='author' content='The Associated "
      "Press'></head><body><h1>Senate passes grants</h1><div "
      "class='text'><p>DES MOINES, Iowa (AP) \u2014 The Iowa Senate passed a "
      "rural broadband grant program early Thursday after a late-night deal "
      "between the chamber's leaders.</p><p>The bill now goes to the House, "
      "where its sponsors expect a vote next week.</p></div></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"The Associated Press"}));
}

// A page that names itself or a CMS's default account as author names no
// writer: the byline it prints does.
TEST(PageMetadataTest, SiteOrAccountIsNoAuthor) {
  const std::string body =
      "<h1>Der Rat</h1><div>Autor: Jana Beispiel</div><div "
      "class='text'><p>Der Gemeinderat hat am Freitag lange \u00fcber das neue "
      "Budget beraten, das im Fr\u00fchjahr vorgelegt worden war, und am Ende "
      "knapp zugestimmt.</p></div>";
  // Joomla's first account is "Super User", and a site's administrator may
  // be "Blog Admin"; a company's name with its "&" is one credit, not
  // two writers.
  for (const char* meta : {"Ratsblatt", "Rats-Blatt.de", "admin", "Super User",
                           "Blog Admin", "Rats &amp; Blatt Verlag"}) {
    Article a = ExtractHtmlDoc(
        std::string("<html><head><meta name='author' content='") + meta +
            "'></head><body>" + body + "</body></html>",
        "https://www.rats-blatt.de/2021/rat");
    EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"})) << meta;
  }
  // The site's name beside a writer's is the outlet, on a host under a
  // country's second level too.
  const Article a = ExtractHtmlDoc(
      "<html><body><h1>Campinas abre tendas</h1><p class='byline'>Por "
      "<strong>Rafael Souza</strong>, Portal Giro Campinas</p><div "
      "class='text'><p>A prefeitura abriu tendas de hidrata\u00e7\u00e3o "
      "para atender pacientes com dengue nos fins de semana, em quatro "
      "bairros da cidade.</p></div></body></html>",
      "https://giro.com.br/sp/noticia/2024/03/12/tendas.ghtml");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Rafael Souza"}));
}

TEST(PageMetadataTest, StripSiteSuffix) {
  EXPECT_EQ(extract_internal::StripSiteSuffix(
                "Talks resume in Doha | The Daily Ledger"),
            "Talks resume in Doha");
  EXPECT_EQ(extract_internal::StripSiteSuffix(
                "Talks resume in Doha - World - Ledger"),
            "Talks resume in Doha");
  EXPECT_EQ(extract_internal::StripSiteSuffix(
                "Iran - the long road to a nuclear deal explained"),
            "Iran - the long road to a nuclear deal explained");
  // The second cut only at the first's separator: a dash of another kind
  // before the site's name is the headline's.
  EXPECT_EQ(extract_internal::StripSiteSuffix(
                "Das Freibad bleibt \u2013 vorerst - Ratsnotizen"),
            "Das Freibad bleibt \u2013 vorerst");
  // Chinese titles join the site's name without spaces; a hyphen inside
  // Latin words or a long tail is not that.
  EXPECT_EQ(extract_internal::StripSiteSuffix(
                "\u5e02\u653f\u5e9c\u53ec\u5f00\u4f1a\u8bae-"
                "\u6c5f\u5317\u65e5\u62a5"),
            "\u5e02\u653f\u5e9c\u53ec\u5f00\u4f1a\u8bae");
  EXPECT_EQ(extract_internal::StripSiteSuffix(
                "\u5e02\u653f\u5e9c_\u6c5f\u5317\u65e5\u62a5"
                "\u7f51\u7ad9"),
            "\u5e02\u653f\u5e9c_\u6c5f\u5317\u65e5\u62a5\u7f51\u7ad9");
  EXPECT_EQ(extract_internal::StripSiteSuffix(
                "\u5e02\u653f\u5e9c\u53ec\u5f00\u4f1a\u8bae"
                "\uff5c\u6c5f\u5317\u65e5\u62a5"),
            "\u5e02\u653f\u5e9c\u53ec\u5f00\u4f1a\u8bae");
  // Vertical bars drawn with other characters than '|'.
  EXPECT_EQ(extract_internal::StripSiteSuffix(
                "Talks resume in Doha \u2502 The Daily Ledger"),
            "Talks resume in Doha");
  EXPECT_EQ(
      extract_internal::StripSiteSuffix("Talks resume in Doha \uff5c Ledger"),
      "Talks resume in Doha");
  // A question ends the headline, not a section's name.
  EXPECT_EQ(extract_internal::StripSiteSuffix(
                "Filter gereinigt \u2013 was nun? - Aquarienforum"),
            "Filter gereinigt \u2013 was nun?");
  EXPECT_EQ(extract_internal::StripSiteSuffix("Covid-19 rules change"),
            "Covid-19 rules change");
}

}  // namespace
}  // namespace dateline
