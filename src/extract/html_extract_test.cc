#include "extract/html_extract.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/extract.h"
#include "extract/html_dom.h"

namespace dateline {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Article ExtractHtmlDoc(const std::string& html, const std::string& url = "") {
  Document doc;
  doc.kind = InputKind::kHtml;
  doc.url = url;
  doc.content = html;
  Result<Article> r = ExtractArticle(doc);
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : Article();
}

// Every character of every paragraph maps back to the same character in the
// source, except characters that came from an entity (there the source holds
// '&').
void ExpectAnchorsRoundTrip(const Article& a, const std::string& html) {
  for (const Paragraph& p : a.paragraphs) {
    ASSERT_FALSE(p.anchors.empty()) << p.text;
    EXPECT_LE(p.start, p.end);
    EXPECT_LE(p.end, html.size());
    for (size_t i = 0; i < p.text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(p.text[i]);
      if (c == ' ' || c >= 0x80)
        continue;  // collapsed white space, multi-byte entities
      size_t in = a.ToInputOffset(p.body_start + i);
      ASSERT_LT(in, html.size());
      EXPECT_TRUE(html[in] == p.text[i] || html[in] == '&')
          << "paragraph '" << p.text << "' offset " << i << " maps to '"
          << html.substr(in, 10) << "'";
    }
  }
}

TEST(HtmlGoldenTest, NewsArticlePage) {
  std::string html = ReadFile(std::string(DATELINE_TESTDATA_DIR) +
                              "/extract/news_article.html");
  ASSERT_FALSE(html.empty());
  Article a = ExtractHtmlDoc(html);
  EXPECT_EQ(a.title, "Afghan officials and Taliban resume talks in Doha");
  EXPECT_EQ(a.section,
            "World");  // JSON-LD articleSection wins over article:section
  EXPECT_EQ(a.authors,
            (std::vector<std::string>{"Amina Rahimi", "John Carter"}));
  EXPECT_EQ(a.tags, (std::vector<std::string>{"Afghanistan", "Taliban",
                                              "Peace talks"}));
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(*a.published, (PartialDate{2021, 6, 3}));
  EXPECT_EQ(a.published_source, DateSource::kJsonLd);
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(
      a.canonical_url,
      "https://ledger.example.org/world/2021/06/03/afghan-taliban-talks-doha");
  EXPECT_EQ(a.copyright_year, 2021);
  EXPECT_EQ(a.dateline, "Kabul");
  ASSERT_EQ(a.paragraphs.size(), 5u) << a.body;
  EXPECT_EQ(a.paragraphs[0].text.substr(0, 14), "KABUL \xE2\x80\x94 Nego");
  EXPECT_NE(
      a.paragraphs[1].text.find("government\xE2\x80\x99s negotiating team"),
      std::string::npos);
  EXPECT_NE(a.paragraphs[1].text.find("a permanent ceasefire"),
            std::string::npos);
  EXPECT_NE(a.paragraphs[4].text.find("troops & contractors"),
            std::string::npos);
  for (const char* absent :
       {"Home", "Delegates arrive", "Share on", "Read more", "Ten years",
        "Sign up", "third round", "Privacy", "All rights", "By Amina"}) {
    EXPECT_EQ(a.body.find(absent), std::string::npos) << absent;
  }
  ExpectAnchorsRoundTrip(a, html);
  // The first paragraph starts at the 'K' of KABUL in the source.
  EXPECT_EQ(html.substr(a.paragraphs[0].start, 5), "KABUL");
  EXPECT_EQ(html.substr(a.ToInputOffset(a.paragraphs[3].body_start), 8),
            "Fighting");
}

TEST(HtmlExtractTest, AnchorsThroughEntitiesAndInlineTags) {
  std::string html =
      "<html><body><article><p>Tom &amp; Jerry   met <b>the</b>\n  mayor "
      "&#8212; again, in "
      "<a href='/x'>Paris</a> on Monday, officials said on Tuesday "
      "evening.</p></article></body></html>";
  Article a = ExtractHtmlDoc(html);
  ASSERT_EQ(a.paragraphs.size(), 1u);
  EXPECT_EQ(a.paragraphs[0].text,
            "Tom & Jerry met the mayor \xE2\x80\x94 again, in Paris on Monday, "
            "officials said on "
            "Tuesday evening.");
  ExpectAnchorsRoundTrip(a, html);
  size_t mayor = a.body.find("mayor");
  EXPECT_EQ(html.substr(a.ToInputOffset(mayor), 5), "mayor");
  size_t paris = a.body.find("Paris");
  EXPECT_EQ(html.substr(a.ToInputOffset(paris), 5), "Paris");
  const Paragraph& p = a.paragraphs[0];
  EXPECT_EQ(html.substr(p.end - 8, 8), "evening.");
}

// Script and style bodies are dropped before parsing; offsets must still point
// into the page as given, including text after and between scripts, and JSON-LD
// is still read.
TEST(HtmlExtractTest, AnchorsSurviveDroppedScripts) {
  std::string html =
      "<html><head><style>p { color: red } /* </p> */</style>"
      "<script>var s = '<p>not text</p>'; if (a < b) {}</script>"
      "<script "
      "type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
      "{\"@type\":\"Person\",\"name\":\"Jane "
      "Roe\"}}</script></head><body><article>"
      "<p>The council voted on Monday to reopen the bridge, officials said "
      "after the meeting.</p>"
      "<SCRIPT>document.write('<p>also not text</p>');</SCRIPT><scripts>odd "
      "tag</scripts>"
      "<p>Traffic will resume next week, once inspectors have signed off on "
      "the repairs.</p>"
      "<script>/* no end tag, ever"
      "</article></body></html>";
  Article a = ExtractHtmlDoc(html);
  ASSERT_EQ(a.paragraphs.size(), 2u) << a.body;
  EXPECT_EQ(a.body.find("not text"), std::string::npos);
  EXPECT_EQ(a.authors, std::vector<std::string>{"Jane Roe"});
  ExpectAnchorsRoundTrip(a, html);
  for (const Paragraph& p : a.paragraphs) {
    EXPECT_EQ(html.substr(p.start, 9), p.text.substr(0, 9));
  }
}

// Cells of a data table read as rows; a row is one block of body text.
TEST(HtmlExtractTest, TableRowsAreBlocks) {
  std::string html =
      "<html><body><article><p>The final standings after the last race of the "
      "season were "
      "published on Sunday, the series "
      "said.</p><table><tr><th>Pos.</th><th>Driver</th>"
      "<th>Points</th></tr><tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr>"
      "<tr><td>2</td><td>Martin Truex "
      "Jr.</td><td>5035</td></tr></table></article></body></html>";
  Article a = ExtractHtmlDoc(html);
  EXPECT_NE(a.body.find("1 Kyle Busch 5040"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("2 Martin Truex Jr. 5035"), std::string::npos)
      << a.body;
  ExpectAnchorsRoundTrip(a, html);
}

struct AuthorCase {
  const char* meta;
  std::vector<std::string> want;
};

TEST(HtmlExtractTest, AuthorMetaFields) {
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

// Page layouts that defeat plain text-density scoring, each with the body it
// must give.
struct LayoutCase {
  const char* what;
  std::string html;
  std::vector<std::string> must_contain;
  std::vector<std::string> must_not_contain;
};

const char kProse1[] =
    "The committee approved the budget on Tuesday after a long debate, and the "
    "mayor said "
    "the vote would let the city hire more teachers, nurses and firefighters "
    "next year.";
const char kProse2[] =
    "Opponents said the plan relied on optimistic revenue forecasts, and they "
    "warned that "
    "the city could face cuts, layoffs and higher fees if the economy slowed "
    "down.";
const char kProse3[] =
    "The budget takes effect on the first of July, and the council will review "
    "spending "
    "every quarter, according to the resolution passed by a vote of seven to "
    "two.";

std::string Menu() {
  std::string m = "<ul class=\"tree\">";
  for (int i = 0; i < 40; ++i) {
    m += "<li><a href=\"/archive/" + std::to_string(i) + "\">Archive month " +
         std::to_string(i) + "</a></li>";
  }
  return m + "</ul>";
}

TEST(HtmlExtractTest, Layouts) {
  const LayoutCase cases[] = {
      {"prose written straight into a div beside a link-heavy column",
       "<html><body><div class=\"row\"><div class=\"col-3\">" + Menu() +
           "</div><div class=\"col-9\"><p class=\"titulo\">Budget "
           "approved</p>" +
           kProse1 + "<br><br>" + kProse2 +
           "</div></div><div class=\"rodape\">City Hall, 1 Main "
           "Street, phone 555-0100, open Monday to Friday from nine to "
           "five.</div></body></html>",
       {kProse1, kProse2},
       {"Archive month", "City Hall"}},
      {"a long comment must not pull the choice into the comment thread",
       std::string(
           "<html><body><div class=\"article\"><div class=\"content\"><p>") +
           kProse1 + "</p><p>" + kProse2 +
           "</p></div></div><div class=\"comments\"><div "
           "class=\"comment_content\"><div class=\"content\">I have lived in "
           "this city for "
           "thirty years, and I can tell you that every budget, every single "
           "one, has promised "
           "more teachers, more nurses, more firefighters, and every year the "
           "schools, the "
           "hospitals and the stations have had fewer of them, while the fees "
           "went up, the "
           "roads got worse, and the council voted itself a raise, again and "
           "again, and again, "
           "and nobody, not one of them, has ever been held to account for any "
           "of it.</div>"
           "</div></div></body></html>",
       {kProse1, kProse2},
       {"thirty years"}},
      {"an off-canvas wrapper classed as a menu holds the whole page",
       std::string("<html><body><div class=\"off-canvas-menu-wrapper\"><nav><a "
                   "href=\"/\">Home</a>"
                   "</nav><div class=\"story\"><p>") +
           kProse1 + "</p><p>" + kProse2 + "</p><p>" + kProse3 +
           "</p></div></div></body></html>",
       {kProse1, kProse2, kProse3},
       {"Home"}},
      {"the story cut into chunks between ad rails",
       std::string(
           "<html><body><div class=\"grid\"><div class=\"body__chunk\"><p>") +
           kProse1 + "</p><p>" + kProse2 +
           "</p></div><div class=\"rail\">Advertisement</div></div>"
           "<div class=\"grid\"><div class=\"body__chunk\"><p>" +
           kProse3 +
           "</p></div><div "
           "class=\"rail\">Advertisement</div></div></body></html>",
       {kProse1, kProse2, kProse3},
       {}},
      {"teasers for other stories nested inside the article element",
       std::string(
           "<html><body><article class=\"post\"><h1>Budget approved</h1><p>") +
           kProse1 + "</p><p>" + kProse2 +
           "</p><h3>You may also like</h3>"
           "<article class=\"post\"><p>A different story about the harbour, "
           "the ferries and the "
           "fishermen who say the new rules will ruin them, by the look of "
           "it.</p></article>"
           "<article class=\"post\"><p>Another story about the football club, "
           "its new stadium "
           "and the neighbours who fear the traffic, the noise and the "
           "crowds.</p></article>"
           "</article></body></html>",
       {kProse1, kProse2},
       {"harbour", "football"}},
      {"an embedded post quoted by the story stays; a share bar goes",
       std::string("<html><body><article><p>") + kProse1 +
           "</p><div class=\"social-media-embed\"><blockquote "
           "class=\"twitter-tweet\"><p>The "
           "budget is a promise we intend to keep, every line of "
           "it.</p></blockquote></div>"
           "<p>" +
           kProse2 +
           "</p><div class=\"social-share\"><p>Share this story with your "
           "friends on all the networks you "
           "use.</p></div></article></body></html>",
       {kProse1, "a promise we intend to keep", kProse2},
       {"Share this story"}},
      {"a hover card behind a linked name stays out of the sentence",
       std::string(
           "<html><body><article><p>The mayor, <span "
           "class=\"rollover-people\"><a "
           "class=\"rollover-people-link\" href=\"/p/1\">Ann Lee</a><span "
           "class=\"rollover-people-block\"><img "
           "src=\"a.jpg\"><a href=\"/p/1\">Ann Lee</a> <a href=\"/s/1\">Latest "
           "stories about the city council</a></span></span>, said the vote "
           "was a "
           "relief for every family in the city.</p><p>") +
           kProse2 + "</p></article></body></html>",
       {"The mayor, Ann Lee, said the vote was a relief", kProse2},
       {"Latest stories"}},
      {"contact lines, gallery counters and reuse notices at the end",
       std::string("<html><body><article><p>") + kProse1 + "</p><p>" + kProse2 +
           "</p><p>Image 2 of 5</p><p>Email Jane Roe at jroe@example.com or "
           "follow her on "
           "Twitter @janeroe.</p><p>This slideshow requires "
           "JavaScript.</p><p>This document is "
           "subject to copyright.</p></article></body></html>",
       {kProse1, kProse2},
       {"Image 2", "jroe@", "JavaScript", "copyright"}},
  };
  for (const LayoutCase& c : cases) {
    SCOPED_TRACE(c.what);
    Article a = ExtractHtmlDoc(c.html);
    for (const std::string& s : c.must_contain) {
      EXPECT_NE(a.body.find(s), std::string::npos) << s << "\n---\n" << a.body;
    }
    for (const std::string& s : c.must_not_contain) {
      EXPECT_EQ(a.body.find(s), std::string::npos) << s << "\n---\n" << a.body;
    }
    ExpectAnchorsRoundTrip(a, c.html);
  }
}

// A paragraph repeated later in the article is the article's own (a recipe's
// "Meal 2" under each plan); the same text twice in a row is a page's mobile
// and desktop copies.
TEST(HtmlExtractTest, RepeatedBlocks) {
  std::string html =
      std::string("<html><body><article><p>") + kProse1 + "</p><p>" + kProse1 +
      "</p><h2>Plan A</h2><p>Breakfast at seven, lunch at noon.</p><p>" +
      kProse2 +
      "</p><h2>Plan B</h2><p>Breakfast at seven, lunch at noon.</p><p>" +
      kProse3 + "</p></article></body></html>";
  Article a = ExtractHtmlDoc(html);
  std::vector<std::string> texts;
  for (const Paragraph& p : a.paragraphs) texts.push_back(p.text);
  EXPECT_EQ(texts, (std::vector<std::string>{
                       kProse1, "Plan A", "Breakfast at seven, lunch at noon.",
                       kProse2, "Plan B", "Breakfast at seven, lunch at noon.",
                       kProse3}));
}

TEST(HtmlExtractTest, MetadataFallbacks) {
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

TEST(HtmlExtractTest, DateFromUrlWhenPageHasNone) {
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
TEST(HtmlExtractTest, PublicationDateMetaNamesOfPublishingSystems) {
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

TEST(HtmlExtractTest, JsonLdArticleBodyGuidesSelection) {
  std::string body =
      "The first paragraph of the story tells what happened in the capital on "
      "Monday morning. "
      "The second paragraph gives the reaction of the government and of the "
      "opposition parties. "
      "The third paragraph explains the background of the dispute over the "
      "election results. "
      "The fourth paragraph quotes a diplomat who expects talks between the "
      "parties to resume.";
  nlohmann::json ld = {
      {"@type", "NewsArticle"}, {"headline", "H"}, {"articleBody", body}};
  std::string html = "<html><head><script type='application/ld+json'>" +
                     ld.dump() +
                     "</script></head><body><div class='x'><p>Most read: a "
                     "completely different story that "
                     "has many words and commas, lots of them, here, there, "
                     "everywhere, to score well.</p></div>"
                     "<div><p>The first paragraph of the story tells what "
                     "happened in the capital on Monday "
                     "morning.</p><p>The second paragraph gives the reaction "
                     "of the government and of the "
                     "opposition parties.</p><p>The third paragraph explains "
                     "the background of the dispute "
                     "over the election results.</p><p>The fourth paragraph "
                     "quotes a diplomat who expects talks "
                     "between the parties to resume.</p></div></body></html>";
  Article a = ExtractHtmlDoc(html);
  ASSERT_EQ(a.paragraphs.size(), 4u) << a.body;
  EXPECT_EQ(a.body.find("Most read"), std::string::npos);
}

TEST(HtmlExtractTest, MalformedJsonLdIsIgnored) {
  Article a = ExtractHtmlDoc(
      "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
      "\"headline\": </script>"
      "<p>A paragraph of real text that is long enough to be kept as the body "
      "of the page.</p>");
  EXPECT_EQ(a.paragraphs.size(), 1u);
}

struct RobustCase {
  const char* name;
  std::string html;
};

std::string Nested(int depth) {
  std::string s;
  for (int i = 0; i < depth; ++i) s += "<div>";
  s += "deep text in the middle of nowhere, with enough words to matter.";
  for (int i = 0; i < depth; ++i) s += "</div>";
  return s;
}

// Nesting past 1500 elements (here by "<div/>", which HTML5 reads as an open
// div, and by stray end tags, which close nothing) keeps the page's text, at
// its offsets in the input, with a warning; ordinary nesting gives no warning.
TEST(HtmlExtractTest, DeepNestingKeepsTheTextWithAWarning) {
  const std::string sentence =
      "Troops attacked rebels near the border town on Monday, officials said.";
  std::string stray_end_tags;
  for (int i = 0; i < 3000; ++i) stray_end_tags += "<div></x>";
  const std::vector<std::string> hostile = {
      std::string(200000 / 4, ' ') + "<body>" +
          [] {
            std::string s;
            for (int i = 0; i < 200000; ++i) s += "<div/>";
            return s;
          }() +
          "<p>" + sentence + "</p>",
      "<body>" + stray_end_tags + "<p>" + sentence + "</p>"};
  for (const std::string& html : hostile) {
    Document doc;
    doc.kind = InputKind::kHtml;
    doc.content = html;
    Result<Article> r = ExtractArticle(doc);
    ASSERT_TRUE(r.ok());
    EXPECT_NE(r->body.find(sentence), std::string::npos);
    ASSERT_EQ(r->warnings.size(), 1u);
    EXPECT_NE(r->warnings[0].find("nested deeper than 1500"),
              std::string::npos);
    const size_t at = html.find(sentence);
    bool found = false;
    for (const Paragraph& p : r->paragraphs)
      found |= p.start <= at && at + sentence.size() <= p.end;
    EXPECT_TRUE(found)
        << "the paragraph's offsets point at its text in the input";
  }
  Document ordinary;
  ordinary.kind = InputKind::kHtml;
  ordinary.content = "<body>" + Nested(100) + "<p>" + sentence + "</p></body>";
  Result<Article> r = ExtractArticle(ordinary);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->warnings.empty());
}

// Which tags the nesting guard counts, whatever their case: ordinary and
// custom elements are; void elements, elements whose end tag may be left out,
// raw text and the self-closed elements of <svg> and <math> are not.
TEST(HtmlExtractTest, NestingCountsTheTagsAnHtmlParserNests) {
  const auto repeated = [](std::string_view tag, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += tag;
    return s;
  };
  const std::string text =
      "<p>Troops attacked rebels near the border town on Monday.</p>";
  const struct {
    std::string html;
    bool warned;
  } cases[] = {
      {"<body>" + repeated("<DIV>", 1600) + text, true},
      {"<body>" + repeated("<Section>", 1600) + text, true},
      {"<body>" + repeated("<optgroupx>", 1600) + text, true},  // custom
      {"<body>" + repeated("<span/>", 1600) + text, true},
      {"<body>" + repeated("<div></div>", 1600) + text, false},
      {"<body>" + repeated("<LI>", 1600) + text, false},
      {"<body>" + repeated("<P>", 1600) + text, false},
      {"<body>" + repeated("<Img>", 1600) + text, false},
      {"<body>" + repeated("<OptGroup>", 1600) + text, false},
      {"<body>" + repeated("<colgroup>", 1600) + text, false},
      {"<body><svg>" + repeated("<g/>", 1600) + "</svg>" + text, false},
      {"<body><MATH>" + repeated("<mi/>", 1600) + "</MATH>" + text, false},
      {"<body>" + repeated("<svg/>", 1600) + text, false},
      {"<body><svg>" + repeated("<g>", 1600) + "</svg>" + text, true},
      {"<body><TextArea>" + repeated("<div>", 1600) + "</textarea>" + text,
       false},
      {"<body><title>" + repeated("<div>", 1600) + "</title>" + text, false},
      {"<body><Style>" + repeated("<div>", 1600) + "</style>" + text, false},
      {"<body><script>" + repeated("<div>", 1600) + "</SCRIPT>" + text, false},
  };
  for (const auto& c : cases) {
    Document doc;
    doc.kind = InputKind::kHtml;
    doc.content = c.html;
    Result<Article> r = ExtractArticle(doc);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->warnings.size(), c.warned ? 1u : 0u) << c.html.substr(0, 30);
  }
}

// A short story and a reader's remark under it, for the tests of how markup
// is read.
const char kBudgetStory[] =
    "<p>The council approved the new budget on Friday after a long debate "
    "about schools and roads in the district.</p>";
const char kReaderRemark[] =
    "<p>I think this is a terrible idea and the mayor should resign now, "
    "wrote one reader.</p>";

// Of two attributes of one name the first counts (HTML5), in any tag and
// however many parse errors came before: gumbo, once it stops recording
// errors (64 here, after the stray end tags), would glue the name after a
// repeated attribute without a value to it ("classhidden").
TEST(HtmlExtractTest, RepeatedAttributesReadAsHtml5Says) {
  const std::string article = kBudgetStory;
  const std::string hidden =
      "<p>Secret draft text that the page hides from its readers.</p>";
  std::string errors;
  for (int i = 0; i < 100; ++i) errors += "</x>";
  for (const std::string& before : {std::string(), errors}) {
    for (const char* tag :
         {"<div class=\"x\" class hidden>", "<div class=x CLASS='y' hidden>",
          "<div hidden hidden class=x>", "<div class=\"x\" class Hidden>"}) {
      const Article a =
          ExtractHtmlDoc("<html><body><article>" + before + tag + hidden +
                         "</div>" + article + "</article></body></html>");
      EXPECT_EQ(a.body.find("Secret"), std::string::npos) << tag;
      EXPECT_NE(a.body.find("council approved"), std::string::npos) << tag;
    }
  }
  // The first value is the one read: a comment thread's class stands.
  const Article a =
      ExtractHtmlDoc("<html><body><article>" + article +
                     "<div class=\"comments\" class=\"article-body\">" +
                     kReaderRemark + "</div></article></body></html>");
  EXPECT_EQ(a.body.find("terrible"), std::string::npos);
}

// A comment, markup and all, is no text of the page, wherever it stands; "<!"
// that opens no comment (a doctype, a bogus comment) is no comment.
TEST(HtmlExtractTest, CommentsAreNoText) {
  const std::string article = kBudgetStory;
  for (const std::string& html :
       {"<!-- <p>Hidden remark of the editor</p> --><body>" + article,
        "<body>" + article + "<!--<p>Hidden remark of the editor</p>-->",
        "<body><!DOCTYPE x><!x Hidden remark>" + article +
            "<div><!---->Shown</div>"}) {
    const Article a = ExtractHtmlDoc(html);
    EXPECT_EQ(a.body.find("Hidden"), std::string::npos) << html;
    EXPECT_NE(a.body.find("council approved"), std::string::npos) << html;
  }
}

// Elements of one class share its verdict only when nothing else speaks: an
// id or an itemprop beside the same class is read, in either order.
TEST(HtmlExtractTest, AnIdBesideARepeatedClassIsRead) {
  const std::string story = kBudgetStory;
  const std::string remark = kReaderRemark;
  for (const std::string& body :
       {"<div class='box'>" + story + "</div><div class='box' id='comments'>" +
            remark + "</div>",
        "<div class='box' id='comments'>" + remark + "</div><div class='box'>" +
            story + "</div>"}) {
    const Article a = ExtractHtmlDoc("<html><body><article>" + body +
                                     "</article></body></html>");
    EXPECT_NE(a.body.find("council approved"), std::string::npos) << body;
    EXPECT_EQ(a.body.find("terrible"), std::string::npos) << body;
  }
  // And the verdict of a class met before stands for the next element of it.
  const Article a = ExtractHtmlDoc(
      "<html><body><article>" + story +
      "<div class='share-tools'><p>Share "
      "this story with your friends and family by email today.</p></div>"
      "<div class='share-tools'>" +
      remark + "</div></article></body></html>");
  EXPECT_EQ(a.body.find("terrible"), std::string::npos);
  EXPECT_NE(a.body.find("council approved"), std::string::npos);
}

TEST(HtmlExtractTest, RobustInputs) {
  std::string binary;
  for (int i = 0; i < 2000; ++i) binary += static_cast<char>((i * 37) % 128);
  std::vector<RobustCase> cases = {
      {"empty", ""},
      {"truncated", "<html><body><p>Unfinished"},
      {"binary", binary},
      {"deep", Nested(1000)},
      {"hostile depth", Nested(200000)},
      {"no body",
       "<p>Just a paragraph without html or body tags, long enough to "
       "count.</p>"},
      {"only tags", "<html><head></head><body></body></html>"},
      {"broken entity", "<p>&#xFFFFFFFF; &#0; &amp &notanentity; text &</p>"},
      {"unclosed script", "<p>text</p><script>var x = '<p>"},
      {"unclosed comment", "<p>text</p><!-- <p>never"},
  };
  for (const RobustCase& c : cases) {
    Document doc;
    doc.kind = InputKind::kHtml;
    doc.content = c.html;
    Result<Article> r = ExtractArticle(doc);
    ASSERT_TRUE(r.ok()) << c.name;
    for (const Paragraph& p : r->paragraphs) {
      EXPECT_LE(p.end, c.html.size()) << c.name;
      EXPECT_LE(p.start, p.end) << c.name;
    }
  }
  Document doc;
  doc.kind = InputKind::kHtml;
  doc.content = "<html><body><p>Unfinished";
  EXPECT_EQ(ExtractArticle(doc)->body, "Unfinished");
}

// Bylines in the languages of European pages, behind a label or a "by" word, in
// an element classed "author" (not a comment's).
TEST(HtmlExtractTest, AuthorsFromClassedBylines) {
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
}

// Yoast-style graphs name the author by @id; the Person is elsewhere in the
// graph.
TEST(HtmlExtractTest, JsonLdAuthorByReference) {
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

// JSON-LD is plain text, but publishing systems often write it HTML-encoded:
// names and keywords are read decoded.
TEST(HtmlExtractTest, JsonLdTextWrittenAsHtmlIsDecoded) {
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

// Without a machine-readable date, the short date line nearest above the
// article.
TEST(HtmlExtractTest, PrintedDateLineAboveTheArticle) {
  const std::string body =
      "<div class='text'><p>Der Gemeinderat hat am Freitag lange \u00fcber das "
      "neue Budget beraten, das im "
      "Fr\u00fchjahr vorgelegt worden war, und am Ende knapp "
      "zugestimmt.</p><p>Die Gegner k\u00fcndigten "
      "ein Referendum an, wie sie am 3. M\u00e4rz 2018 schon einmal getan "
      "hatten, und sammeln Unterschriften.</p></div>";
  Article a = ExtractHtmlDoc(
      "<html><body><div class='teaser'>01.01.2015</div><h1>Der Rat</h1>"
      "<div class='info'>20.06.2019 11:43</div>" +
          body + "</body></html>",
      "https://example.ch/2019/06/rat");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2019-06-20");
  EXPECT_EQ(a.published_source, DateSource::kPage);
  // None printed: the URL's month.
  a = ExtractHtmlDoc("<html><body><h1>Der Rat</h1>" + body + "</body></html>",
                     "https://example.ch/2019/06/rat");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2019-06");
  EXPECT_EQ(a.published_source, DateSource::kUrl);
  // Fetched by an address without a date: the month of the page's canonical
  // URL, or of its og:url.
  a = ExtractHtmlDoc(
      "<html><head><link rel='canonical' "
      "href='https://example.ch/2019/06/rat'></head><body>"
      "<h1>Der Rat</h1>" +
          body + "</body></html>",
      "https://example.ch/share?id=5");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2019-06");
  EXPECT_EQ(a.published_source, DateSource::kUrl);
  a = ExtractHtmlDoc(
      "<html><head><meta property='og:url' "
      "content='https://example.ch/2018/11/rat'></head>"
      "<body><h1>Der Rat</h1>" +
      body + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2018-11");
}

// The title is the <h1> that <title> repeats, not a blog's name in the first
// <h1>.
TEST(HtmlExtractTest, TitleIsTheHeadingTheTitleTagRepeats) {
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
}

// The site's name is what the <title> gives after its headline: an <h1> that
// is that name, or opens with it (a banner with the site's motto), is no
// headline; of two <h1>s the <title> repeats, the one it opens with is.
TEST(HtmlExtractTest, TitleIsNotTheSiteBanner) {
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

// Older blog and CMS templates put the site's name first ("Site » Post"):
// when what opens the <title> is the site's host or og:site_name, the title is
// what follows, and a banner <h1> holding that name is no headline.
TEST(HtmlExtractTest, TitleWithoutTheSiteNameOpeningIt) {
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

// A page that loads the next story as the reader scrolls holds two stories,
// each opened by its own <h1>: the article is the one the title names,
// however the page wraps them. An <h1> that sets a subheading inside the
// article's body, after text of it, opens no other story.
TEST(HtmlExtractTest, StoryAppendedByScrollingIsNotTheArticle) {
  const auto paragraphs = [](const std::string& text, int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
      out += "<p>" + text + " (" + std::to_string(i) +
             "), so the council and the residents say, in the end.</p>";
    return out;
  };
  const std::string first =
      "<h1>Harbour council debates ferry timetable</h1>" +
      paragraphs("The council met on Monday over the winter ferry timetable",
                 5);
  const std::string next = "<h1>Late frost damages apricot harvest</h1>" +
                           paragraphs(
                               "Farmers in the valley count losses "
                               "after the late frost",
                               9);
  const std::string head =
      "<html><head><title>Harbour council debates ferry timetable | Coast "
      "News</title></head><body>";
  for (const std::string& layout :
       {"<article>" + first + "</article><article>" + next + "</article>",
        "<div id='main'><article>" + first + "</article><article>" + next +
            "</article></div>",
        "<div class='story'>" + first + "</div><div class='story'>" + next +
            "</div>",
        "<main><div class='s1'>" + first + "</div><div class='s2'>" + next +
            "</div></main>"}) {
    Article a = ExtractHtmlDoc(head + layout + "</body></html>");
    EXPECT_EQ(a.paragraphs.size(), 5u) << layout;
    for (const Paragraph& p : a.paragraphs)
      EXPECT_EQ(p.text.find("Farmers"), std::string::npos) << layout;
  }
  Article a = ExtractHtmlDoc(
      head + "<article>" + first + "<h1>Background</h1>" +
      paragraphs("The timetable was last changed ten years ago", 4) +
      "</article></body></html>");
  EXPECT_EQ(a.paragraphs.size(), 9u);  // <h1>s are never body text
  a = ExtractHtmlDoc(
      head +
      "<div class='hero'><h1>Harbour council debates ferry "
      "timetable</h1></div><div class='body'>" +
      paragraphs("The council met on Monday over the winter ferry timetable",
                 3) +
      "<h1>Background</h1>" +
      paragraphs("The timetable was last changed ten years ago", 4) +
      "</div></body></html>");
  EXPECT_EQ(a.paragraphs.size(), 7u);
}

// Cards of other stories (a linked headline and a line of summary) after the
// story, in a container of their own, are a list of other stories even where
// no class says so; the same cards inside the story's container are its own
// list (a round-up's items).
TEST(HtmlExtractTest, TeaserCardsAfterTheStoryAreNotTheArticle) {
  std::string story = "<h1>Harbour council debates ferry timetable</h1>";
  for (int i = 0; i < 8; ++i)
    story += "<p>The council met on Monday over the winter timetable (" +
             std::to_string(i) +
             "), and residents, traders and the ferry operator spoke.</p>";
  std::string cards;
  for (int i = 0; i < 5; ++i)
    cards += "<div><h3><a href='/s" + std::to_string(i) +
             "'>Another story of the week</a></h3><p>A summary of another "
             "story, in a sentence with commas, as teasers give it.</p></div>";
  const std::string head =
      "<html><head><title>Harbour council debates ferry timetable | Coast "
      "News</title></head><body>";
  Article a = ExtractHtmlDoc(head + "<div>" + story + "</div><div>" + cards +
                             "</div></body></html>");
  EXPECT_EQ(a.paragraphs.size(), 8u);
  for (const Paragraph& p : a.paragraphs)
    EXPECT_EQ(p.text.find("another story"), std::string::npos) << p.text;
  a = ExtractHtmlDoc(head + "<div>" + story + cards + "</div></body></html>");
  EXPECT_EQ(a.paragraphs.size(), 18u);
}

// What is cut before parsing (unread attributes, indentation between tags,
// comments, noscript and select bodies) leaves every paragraph's anchors
// pointing into the page as given, ends included, and a custom element is not
// read as the standard one its name starts with.
TEST(HtmlExtractTest, PreParseCutsKeepOffsets) {
  const std::string html =
      "<html><body>\n    <div class=\"post\" data-x=\"1\" onclick='go()'>\n    "
      "  <p style=\"color:red\" "
      "data-long=\"aaaaaaaaaaaaaaaa\">Der Gemeinderat hat am Freitag lange "
      "\u00fcber das neue Budget beraten, "
      "<a href=\"/x\" title=\"t\">das im Fr\u00fchjahr</a> vorgelegt worden "
      "war.<!-- note --></p>\n\n      "
      "<noscript><p>Bitte JavaScript einschalten, um alles zu sehen und mehr "
      "zu lesen.</p></noscript>"
      "<select name=\"s\"><option>Option eins</option></select>\n      <p>Am "
      "Ende fiel der Entscheid knapp aus, "
      "und die Gegner k\u00fcndigten ein Referendum an.</p>\n    "
      "</div><time-ago datetime=\"2001-01-01\">"
      "vor Jahren</time-ago>\n</body></html>";
  const Article a = ExtractHtmlDoc(html);
  ASSERT_EQ(a.paragraphs.size(), 2u) << a.body;
  ExpectAnchorsRoundTrip(a, html);
  for (const Paragraph& p : a.paragraphs) {
    // The end is just past the paragraph's last character in the page.
    EXPECT_EQ(html.substr(p.end - 1, 1), p.text.substr(p.text.size() - 1))
        << p.text;
  }
  EXPECT_EQ(a.body.find("JavaScript"), std::string::npos);
  EXPECT_FALSE(a.published);
  // A custom element whose name starts with "select" or "svg" keeps its text.
  const Article custom = ExtractHtmlDoc(
      "<html><body><select-box><p>Der Gemeinderat hat am Freitag lange "
      "\u00fcber das neue Budget beraten, das im "
      "Fr\u00fchjahr vorgelegt worden "
      "war.</p></select-box><svg-icon></svg-icon></body></html>");
  EXPECT_NE(custom.body.find("Gemeinderat"), std::string::npos) << custom.body;
}

// Segmentation appends a word's ASCII run at once after a character that was
// one byte of the page: after a character reference ("&quot;Frucht"), a CR
// LF or a non-ASCII letter the next word still maps back to itself in the
// page.
// The cut drops values that tell extraction nothing (a style that hides
// nothing, a rel other than author or canonical, a <link>'s address unless it
// is the canonical one, wherever its rel stands) and keeps those it reads.
TEST(HtmlExtractTest, PreParseCutKeepsTheValuesRead) {
  const std::string story =
      "<p>Der Gemeinderat hat am Freitag lange \u00fcber das neue Budget "
      "beraten und am Ende knapp zugestimmt, wie erwartet.</p>";
  const std::string html =
      "<html><head><link href='/style.css' rel='stylesheet'>"
      "<link href='https://z.example/a/1' rel='canonical'></head><body>"
      "<article><div class='byline'><a rel='nofollow author' href='/u/1'>Jana "
      "Beispiel</a></div>" +
      story +
      "<p style='color: red; display : none'>Versteckter Text, den niemand "
      "sieht und der nicht zum Artikel geh\u00f6rt.</p>"
      "<p style='color: red'>Sichtbarer Text, der zum Artikel geh\u00f6rt "
      "und bleibt.</p></article></body></html>";
  const Article a = ExtractHtmlDoc(html);
  EXPECT_EQ(a.canonical_url, "https://z.example/a/1");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  EXPECT_EQ(a.body.find("Versteckter"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("Sichtbarer"), std::string::npos) << a.body;
  ExpectAnchorsRoundTrip(a, html);
}

TEST(HtmlExtractTest, WordsAfterReferencesKeepOffsets) {
  const std::string html =
      "<html><body><article><p>Rund 1000 Jahre sp\u00e4ter wurde die "
      "&quot;Frucht des Paradieses&quot; bei AT&amp;T und&#160;Labs "
      "bekannt,\r\ndann&nbsp;&uuml;berall in Europa: "
      "&lt;b&gt;fett&lt;/b&gt; &amp;amp; mehr Text "
      "\u00dcbersee-Handel.</p><p>Ein zweiter Absatz &copy;2021 mit "
      "genug W\u00f6rtern, damit er als Absatz der Seite "
      "z\u00e4hlt.</p></article></body></html>";
  const Article a = ExtractHtmlDoc(html);
  ASSERT_FALSE(a.paragraphs.empty());
  ExpectAnchorsRoundTrip(a, html);
  EXPECT_NE(a.body.find("\"Frucht des Paradieses\" bei AT&T und Labs"),
            std::string::npos)
      << a.body;
}

// A bold subheading in a paragraph of its own is text; an anchor without href
// is no link, so a paragraph wrapped in one is kept.
TEST(HtmlExtractTest, ShortSubheadingsAndAnchorsAreText) {
  const std::string prose =
      "<p>Der Gemeinderat hat am Freitag lange \u00fcber das neue Budget "
      "beraten, das im Fr\u00fchjahr "
      "vorgelegt worden war, und am Ende knapp zugestimmt.</p>";
  const Article a = ExtractHtmlDoc(
      "<html><body><div class='text'>" + prose + "<p><b>Im Detail</b></p>" +
      prose +
      "<p><a name='frage'>Was sagt der Rat dazu, und was sagen die Gegner, die "
      "das Referendum ergreifen wollen?</a></p><div><a href='/x'>Mehr</a></div>"
      "</div></body></html>");
  EXPECT_NE(a.body.find("Im Detail"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("Was sagt der Rat dazu"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Mehr"), std::string::npos) << a.body;
  // A short paragraph that is not all bold is a label, not a subheading.
  const Article label =
      ExtractHtmlDoc("<html><body><div class='text'>" + prose +
                     "<p>Newsletter</p>" + prose + "</div></body></html>");
  EXPECT_EQ(label.body.find("Newsletter"), std::string::npos) << label.body;
}

// Of the date lines near the article, the one labelled as the publication's
// date wins over an unlabelled one and over an update's, whatever the order;
// an update's date is taken only when no other line gives one.
TEST(HtmlExtractTest, PrintedDateLabelledAsPublication) {
  const std::string body =
      "<div class='text'><p>The council met on Friday to debate the new "
      "budget, which had been presented in the spring, and approved it by a "
      "narrow margin.</p><p>Its opponents announced a referendum and began "
      "collecting signatures in the town square the same evening.</p></div>";
  auto date_of = [&](const std::string& lines) {
    Article a = ExtractHtmlDoc("<html><body><h1>The council</h1>" + lines +
                               body + "</body></html>");
    return a.published ? a.published->ToIso() : std::string("none");
  };
  EXPECT_EQ(date_of("<div>Published: March 3, 2021</div>"
                    "<div>Updated: March 4, 2021</div>"),
            "2021-03-03");
  EXPECT_EQ(date_of("<div>Updated March 4, 2021</div>"
                    "<div>Posted March 3, 2021</div>"),
            "2021-03-03");
  EXPECT_EQ(date_of("<div>Aktualisiert am 04.03.2021</div>"
                    "<div>12.02.2021</div>"),
            "2021-02-12");
  EXPECT_EQ(date_of("<div>Aktualisiert am 04.03.2021</div>"), "2021-03-04");
  // Both labels in one line: the date after the publication's label.
  EXPECT_EQ(date_of("<div>Zuletzt ge\u00e4ndert: 04.03.2021, "
                    "ver\u00f6ffentlicht: 03.03.2021</div>"),
            "2021-03-03");
}

// Metadata whose date extraction cannot read ("11/01/2023 12:43"): the date
// line the article prints wins; without one, the metadata's text is kept for
// the date stage.
TEST(HtmlExtractTest, PrintedDateOverUnreadableMetadata) {
  const std::string head =
      "<html lang='de'><head><meta name='date' content='11/01/2023 "
      "12:43'></head><body>";
  const std::string body =
      "<h1>Wasser</h1><div class='text'><p>Die Gemeinde hat die Anlage zur "
      "Aufbereitung des Trinkwassers "
      "erneuert, nachdem im Sommer mehrere Proben beanstandet worden "
      "waren.</p><p>Die Arbeiten dauerten "
      "drei Wochen und kosteten deutlich weniger als zuerst veranschlagt.</p>";
  Article a = ExtractHtmlDoc(
      head + body + "<p>Erstellt am: 01.11.2023</p></div></body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2023-11-01");
  EXPECT_EQ(a.published_source, DateSource::kPage);
  EXPECT_TRUE(a.published_text.empty());
  a = ExtractHtmlDoc(head + body + "</div></body></html>",
                     "https://example.ch/2023/10/wasser");
  EXPECT_FALSE(a.published);  // not the URL's month: the metadata says more
  EXPECT_EQ(a.published_text, "11/01/2023 12:43");
}

// A page that names its writer only after a label ("Autor:", "Auteur :") near
// the article: the name, up to the next label; a commenter's label is not the
// writer's.
TEST(HtmlExtractTest, AuthorAfterALabel) {
  const std::string body =
      "<div class='text'><p>Der Gemeinderat hat am Freitag lange \u00fcber das "
      "neue Budget beraten, das im "
      "Fr\u00fchjahr vorgelegt worden war, und am Ende knapp "
      "zugestimmt.</p><p>Die Gegner k\u00fcndigten "
      "ein Referendum an und sammeln nun in allen Quartieren der Stadt "
      "Unterschriften daf\u00fcr.</p></div>";
  Article a = ExtractHtmlDoc(
      "<html><body><h1>Der Rat</h1><div class='info'><span>Datum:</span> "
      "20.06.2019 "
      "<span>Autor:</span> Jana Beispiel <span>Quelle:</span> "
      "Stadtanzeiger</div>" +
      body + "</body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  a = ExtractHtmlDoc(
      "<html><body><h1>Le conseil</h1><p class='auteurs'>Auteur : Paul "
      "Exemple</p>" +
      body + "</body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Paul Exemple"}));
  a = ExtractHtmlDoc("<html><body><h1>Der Rat</h1>" + body +
                     "<div class='comment-list'><div>Autor: Leser "
                     "Beispiel</div></div></body></html>");
  EXPECT_TRUE(a.authors.empty());
  // A label inside a word is no label ("Coautor:" is not "Autor:").
  a = ExtractHtmlDoc(
      "<html><body><h1>Der Rat</h1><div>Coautor: Jana Beispiel</div>" + body +
      "</body></html>");
  EXPECT_TRUE(a.authors.empty());
}

// An article body for the byline tests: two paragraphs of made-up council news.
const char kCouncilBody[] =
    "<div class='text'><p>Der Gemeinderat hat am Freitag lange \u00fcber das "
    "neue Budget beraten, das im Fr\u00fchjahr vorgelegt worden war, und am "
    "Ende knapp zugestimmt.</p><p>Die Gegner k\u00fcndigten ein Referendum an "
    "und sammeln nun in allen Quartieren der Stadt Unterschriften "
    "daf\u00fcr.</p></div>";

// Without metadata, a date that opens the article's lead paragraph (as a
// dateline does), after any date line above it; and a date line in a
// <figure> that also holds the headline.
TEST(HtmlExtractTest, PrintedDateOpeningTheLead) {
  const std::string rest =
      "<p>Die Gegner k\u00fcndigten ein Referendum an und sammeln nun in allen "
      "Quartieren der Stadt Unterschriften daf\u00fcr.</p></div>";
  const std::string lead =
      "<div class='text'><p>Mitteilung vom 29. November 2022 | Berlin \u2013 "
      "Der Gemeinderat hat am Freitag lange \u00fcber das neue Budget "
      "beraten, und am Ende knapp zugestimmt.</p>";
  Article a = ExtractHtmlDoc("<html><body><h1>Der Rat</h1>" + lead + rest +
                             "<div class='comment-date'>02.12.2022</div>"
                             "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2022-11-29");
  // A date line above the article wins over the day its lead names.
  a = ExtractHtmlDoc(
      "<html><body><h1>Der Rat</h1><p>30.11.2022</p><div class='text'><p>Bis "
      "einschlie\u00dflich 9. November 2022 hat der Gemeinderat lange "
      "\u00fcber das neue Budget beraten und am Ende knapp zugestimmt.</p>" +
      rest + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2022-11-30");
  a = ExtractHtmlDoc(
      "<html><body><figure><img src='a.jpg'><figcaption><small>31.01.2022 "
      "Sport</small><h1>Der Rat tagt</h1></figcaption></figure>" +
      lead.substr(0, lead.find("Mitteilung")) +
      "Der Gemeinderat hat am Freitag lange \u00fcber das neue Budget "
      "beraten, und am Ende knapp zugestimmt.</p>" +
      rest + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2022-01-31");
}

// A moment given in UTC and, elsewhere on the page, in the site's own zone: the
// day is the site's. A UTC moment alone keeps its day; so does one whose
// local twin names another moment.
TEST(HtmlExtractTest, LocalDayOfAUtcTimestamp) {
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
}

// A <time> in a list of related stories, a comment thread or an <aside> dates
// another text than the article; <body>'s classes ("has-sidebar") say nothing
// of where a <time> sits.
TEST(HtmlExtractTest, TimeElementsOutsideTheArticleAreNotItsDate) {
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

// After a standfirst, the article's text may open with its dateline
// ("29.11.2022 – ..."): that date beats one in the comments below.
TEST(HtmlExtractTest, PrintedDateOpeningTheTextAfterAStandfirst) {
  const std::string page =
      "<html><body><h1>Stadtrat gibt Geld f\u00fcr die alte Br\u00fccke "
      "frei</h1><div class='text'><p class='teaser'>Die Sanierung der "
      "Steinbr\u00fccke am Hafen beginnt im Sommer, die Anwohner m\u00fcssen "
      "mit Umleitungen rechnen.</p><p>14.03.2023 \u2013 Nach langer Debatte "
      "hat der Stadtrat am Abend die Mittel f\u00fcr die Sanierung der "
      "Br\u00fccke bewilligt, gegen die Stimmen der Opposition.</p><p>Die "
      "Arbeiten sollen zwei Jahre dauern; die Stadt will die Br\u00fccke "
      "w\u00e4hrend der Bauzeit f\u00fcr Fu\u00dfg\u00e4nger offen "
      "halten.</p></div><div class='comments'><div class='comment'><span "
      "class='comment-date'>20.03.2023, 09:12</span><p>Endlich!</p></div>"
      "</div></body></html>";
  const Article a = ExtractHtmlDoc(page);
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2023-03-14");
  EXPECT_EQ(a.published_source, DateSource::kPage);
}

// A <time> marked as the publication's (schema.org itemprop, a "published"
// class) is the date before unmarked ones, and one marked as an update's
// (itemprop dateModified, an "updated" class) comes last.
TEST(HtmlExtractTest, TimeElementsMarkedAsPublicationOrUpdate) {
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

// WAI-ARIA roles mark furniture the way <aside> and <nav> do (complementary,
// navigation, alert, status...) and the main content the way <main> does,
// whatever the element's class says.
TEST(HtmlExtractTest, LandmarkRolesMarkFurnitureAndContent) {
  const std::string story =
      "<p>The city council voted on Tuesday to expand the bus network across "
      "the northern districts, a plan debated for two years.</p>";
  const std::string more =
      "<p>Officials said the first new routes would start running in the "
      "spring, with more to follow once new buses arrive.</p>";
  const std::string box =
      "<p>Sign up for the morning briefing and receive the day's most "
      "important stories in your inbox before breakfast.</p>";
  const std::string notice =
      "<p>Your comment has been saved and will appear once a moderator has "
      "approved it, which usually takes a few hours.</p>";
  const Article a = ExtractHtmlDoc("<html><body><div>" + story +
                                   "<div role='complementary'>" + box +
                                   "</div>" + more + "<div role='alert'>" +
                                   notice + "</div></div></body></html>");
  EXPECT_NE(a.body.find("bus network"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("first new routes"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("morning briefing"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("moderator"), std::string::npos) << a.body;
  // An inline notice inside a paragraph ("Link copied") is no part of it.
  const Article c = ExtractHtmlDoc(
      "<html><body><div><p>The city council voted on Tuesday to expand the "
      "bus network<span role='status'>Link copied!</span> across the northern "
      "districts, a plan debated for two years.</p>" +
      more + "</div></body></html>");
  EXPECT_NE(c.body.find("bus network across"), std::string::npos) << c.body;
  EXPECT_EQ(c.body.find("copied"), std::string::npos) << c.body;
  // role=main outranks a furniture class on the same element.
  const Article b =
      ExtractHtmlDoc("<html><body><div class='sidebar' role='main'>" + story +
                     more + "</div></body></html>");
  EXPECT_NE(b.body.find("first new routes"), std::string::npos) << b.body;
}

// An organisation the JSON-LD names as author (an agency, a desk) is the
// author only when no writer is named anywhere on the page.
TEST(HtmlExtractTest, OrganizationAsAuthorWhenNoWriterIsNamed) {
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
  // The site itself as author names no one.
  a = ExtractHtmlDoc(
      "<html><head><script type='application/ld+json'>{\"@type\": "
      "\"NewsArticle\", \"author\": " +
      agency + ", \"publisher\": " + agency +
      "}</script></head><body><h1>Der Rat</h1>" + body + "</body></html>");
  EXPECT_TRUE(a.authors.empty());
  a = page(agency, "<p class='byline'>Von Jana Beispiel</p>");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Jana Beispiel"});
  a = page(
      "[" + agency + ", {\"@type\": \"Person\", \"name\": \"Jana Beispiel\"}]",
      "");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Jana Beispiel"});
}

// A byline printed as a line of its own near the article's start, in the set's
// languages; the date after a bullet is no part of the name; a sentence that
// opens with "Von" is no byline.
// Text the page sets for screen readers only (a checkbox's label, a heading
// over the post's navigation) is not what its readers see.
TEST(HtmlExtractTest, ScreenReaderTextIsNotArticleText) {
  Article a = ExtractHtmlDoc(
      "<html><body><h1>Der Rat</h1><div class='text'><p>Der Gemeinderat hat "
      "am Freitag lange \u00fcber das neue Budget beraten, das im "
      "Fr\u00fchjahr vorgelegt worden war, und am Ende knapp "
      "zugestimmt.</p><p>Die Gegner sammeln Unterschriften f\u00fcr ein "
      "Referendum, <a href='/ref'>wie schon 2018<span class='sr-only'> "
      "(Link zum Archiv)</span></a>, und rechnen mit einer "
      "Abstimmung im Herbst.</p><ul><li><span class='visually-hidden'>Punkt "
      "abhaken</span>200 Unterschriften am ersten Tag</li></ul></div>"
      "</body></html>");
  ASSERT_GE(a.paragraphs.size(), 3u);
  for (const Paragraph& p : a.paragraphs) {
    EXPECT_EQ(p.text.find("Archiv"), std::string::npos) << p.text;
    EXPECT_EQ(p.text.find("abhaken"), std::string::npos) << p.text;
  }
}

// Blog themes set the post's date and author in the article's own <footer>,
// after the text: read there, while the site's footer stays furniture.
TEST(HtmlExtractTest, DateAndAuthorInTheArticlesFooter) {
  const std::string body = kCouncilBody;
  const std::string site_footer =
      "<footer class='site-footer'>\u00a9 2021 Blog <time "
      "datetime='2020-01-01'>1 Jan</time> <span class='author'>Site "
      "Owner</span></footer>";
  Article a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1>" + body +
      "<footer class='entry-footer'><span class='posted-on'>Posted on <time "
      "class='entry-date published' datetime='2021-03-03T10:00:00+00:00'>3. "
      "M\u00e4rz 2021</time></span> <span class='author vcard'><a "
      "href='/author/jb'>Jana Beispiel</a></span></footer></article>" +
      site_footer + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2021-03-03");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  // A date line printed in the article's footer, without a <time>.
  a = ExtractHtmlDoc("<html><body><article><h1>Der Rat</h1>" + body +
                     "<footer class='entry-meta'>Ver\u00f6ffentlicht am 3. "
                     "M\u00e4rz 2021</footer></article>" +
                     site_footer + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2021-03-03");
  // Without an <article>, a footer is the page's.
  a = ExtractHtmlDoc("<html><body><h1>Der Rat</h1>" + body + site_footer +
                     "</body></html>");
  EXPECT_FALSE(a.published);
  EXPECT_TRUE(a.authors.empty());
}

TEST(HtmlExtractTest, AuthorsFromPrintedBylines) {
  struct Case {
    const char* byline;  // the markup between the <h1> and the body
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"<div class='x'>Von <a href='/a/jb'>Jana Beispiel</a>, Max Muster am 3. "
       "Mai 2021</div>",
       {"Jana Beispiel", "Max Muster"}},
      {"<div>By Jane Doe\u202215 January 2020</div>", {"Jane Doe"}},
      {"<div>Von Berlin aus gesehen</div>", {}},
      // Two writers joined by the byline language's "and".
      {"<div>Door Anna de Vries en Piet Jansen</div>",
       {"Anna de Vries", "Piet Jansen"}},
      // A separator left at the byline's end, what it separated set apart in
      // markup, is none of the name.
      {"<div class='byline'><span>By Jane Doe</span> - </div><div><span>3 "
       "May</span></div>",
       {"Jane Doe"}},
      // A publication label, or the place or category the byline goes on
      // with, ends the name.
      {"<div>Von Jana Beispiel Ver\u00f6ffentlicht am 3. Mai 2021</div>",
       {"Jana Beispiel"}},
      {"<div>By Jane Doe Updated 4 May 2021</div>", {"Jane Doe"}},
      {"<div>By Jane Doe in Kyiv</div>", {"Jane Doe"}},
      {"<div>Posted by Jane Doe in Local Politics</div>", {"Jane Doe"}},
  };
  for (const Case& c : cases) {
    const Article a =
        ExtractHtmlDoc(std::string("<html><body><h1>Der Rat</h1>") + c.byline +
                       kCouncilBody + "</body></html>");
    EXPECT_EQ(a.authors, c.want) << c.byline;
  }
}

// A blog's metadata often names the writer by a display name of one word; a
// byline at the article's start that gives it in full gives the full name.
TEST(HtmlExtractTest, OneWordAuthorGivenInFullByTheByline) {
  const std::string body = kCouncilBody;
  const auto page = [&](const std::string& byline) {
    return ExtractHtmlDoc(
        "<html><head><meta name='author' content='Jana'></head><body><h1>Der "
        "Rat</h1><div>" +
        byline + "</div>" + body + "</body></html>");
  };
  EXPECT_EQ(page("Ein Gastbeitrag von Jana Beispiel").authors,
            (std::vector<std::string>{"Jana Beispiel"}));
  // Another name is another writer's: the metadata's stands.
  EXPECT_EQ(page("Ein Gastbeitrag von Max Muster").authors,
            (std::vector<std::string>{"Jana"}));
}

// A label printed apart from the name it labels: the name is the next block.
TEST(HtmlExtractTest, AuthorUnderALabelOfItsOwn) {
  const std::string body = kCouncilBody;
  Article a = ExtractHtmlDoc("<html><body><h1>Der Rat</h1>" + body +
                             "<section><h4>Autorin</h4><p><a "
                             "href='/p/jb'>Jana Beispiel</a></p></section>"
                             "</body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  a = ExtractHtmlDoc(
      "<html><body><h1>Le conseil</h1><dl><dt>Auteur :</dt>"
      "<dt>Auteur(s) :</dt><dd>Paul Exemple</dd></dl>" +
      body + "</body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Paul Exemple"}));
  // Chinese credits, with a full-width colon and no space before the label,
  // on the line or above the name.
  const std::string zh_body =
      "<div class='text'><p>\u5e02\u653f\u5e9c\u5468\u4e94\u5ba3\u5e03"
      "\uff0c\u65b0\u6865\u5c06\u4e8e\u4e0b\u6708\u5f00\u901a\uff0c"
      "\u5c4a\u65f6\u4e24\u5cb8\u5c45\u6c11\u51fa\u884c\u65f6\u95f4"
      "\u5c06\u5927\u5927\u7f29\u77ed\u3002</p></div>";
  a = ExtractHtmlDoc("<html><body><h1>\u65b0\u6865\u5f00\u901a</h1>" + zh_body +
                     "<div>\u3010\u8d23\u4efb\u7f16\u8f91\uff1a"
                     "\u738b\u660e\u3011</div></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"\u738b\u660e"}));
  a = ExtractHtmlDoc(
      "<html><body><h1>\u65b0\u6865\u5f00\u901a</h1><div>"
      "\u8bb0\u8005\uff1a</div><div>\u674e\u534e</div>" +
      zh_body + "</body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"\u674e\u534e"}));
}

// A page that names itself or a CMS's default account as author names no
// writer: the byline it prints does.
TEST(HtmlExtractTest, SiteOrAccountIsNoAuthor) {
  const std::string body =
      "<h1>Der Rat</h1><div>Autor: Jana Beispiel</div><div "
      "class='text'><p>Der Gemeinderat hat am Freitag lange \u00fcber das neue "
      "Budget beraten, das im Fr\u00fchjahr vorgelegt worden war, und am Ende "
      "knapp zugestimmt.</p></div>";
  for (const char* meta : {"Ratsblatt", "Rats-Blatt.de", "admin"}) {
    Article a = ExtractHtmlDoc(
        std::string("<html><head><meta name='author' content='") + meta +
            "'></head><body>" + body + "</body></html>",
        "https://www.rats-blatt.de/2021/rat");
    EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"})) << meta;
  }
}

// A lead paragraph set between the headline and the body container, in a
// container of its own, opens the body; a one-line subtitle, a lead inside the
// page's <header>, a captioned picture's credit line and text above the
// headline do not.
TEST(HtmlExtractTest, LeadBetweenHeadlineAndBody) {
  const std::string body =
      "<div class='columns'><div class='col'><p>The ferry left the harbour "
      "at dawn, carrying the first load of supplies since the storm, and "
      "reached the island by noon.</p><p>Volunteers unloaded water, "
      "blankets and medicine, and the island's doctor said the clinic would "
      "reopen on Monday.</p><p>A second crossing is planned for the "
      "weekend, weather permitting, the operator said in a statement.</p>"
      "</div></div>";
  const std::string lead =
      "After four days cut off by the storm, the island received its first "
      "supplies on Tuesday. Officials expect regular crossings to resume "
      "within the week.";
  Article a = ExtractHtmlDoc(
      "<html><body><p class='top'>" + lead +
      " (not this copy)</p><div class='head'><h1>Supplies reach the "
      "island</h1><span>12 March</span></div><div class='intro'><p>" +
      lead +
      "</p></div><div class='pic'><img src='a.jpg'><p>The harbour "
      "on Tuesday morning, when the first ferry came in after the storm "
      "and the volunteers who had waited on the quay since dawn began to "
      "unload it. (J. Doe)</p></div>" +
      body + "</body></html>");
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_EQ(a.paragraphs.front().text, lead) << a.body;
  EXPECT_EQ(a.body.find("not this copy"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("(J. Doe)"), std::string::npos) << a.body;
  // The same paragraph after the picture, ending as a sentence, is a lead.
  a = ExtractHtmlDoc(
      "<html><body><h1>Supplies reach the island</h1><div class='pic'><img "
      "src='a.jpg'></div><div class='intro'><p>" +
      lead + "</p></div>" + body + "</body></html>");
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_EQ(a.paragraphs.front().text, lead) << a.body;
  // A short subtitle, and a lead inside <header>, are header matter.
  const std::string subtitle =
      "The first supplies in four days arrived on Tuesday.";
  for (const std::string& head :
       {"<h1>Supplies reach the island</h1><p class='sub'>" + subtitle + "</p>",
        "<header><h1>Supplies reach the island</h1><p class='sub'>" + lead +
            "</p></header>"}) {
    a = ExtractHtmlDoc("<html><body>" + head + body + "</body></html>");
    ASSERT_FALSE(a.paragraphs.empty());
    EXPECT_EQ(a.paragraphs.front().text.substr(0, 9), "The ferry") << a.body;
  }
  // Without a headline above the body, nothing above it is taken.
  a = ExtractHtmlDoc("<html><body><div class='intro'><p>" + lead +
                     "</p></div>" + body + "</body></html>");
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_EQ(a.paragraphs.front().text.substr(0, 9), "The ferry") << a.body;
}

// Short blocks inside the article are text where the markup says so: a list
// without links (ingredients), a link-free paragraph of two words (a
// signature), preformatted text (a command), a sentence in a script without
// spaces; one-word paragraphs, short divs and short links stay labels.
TEST(HtmlExtractTest, ShortTextTheMarkupVouchesFor) {
  const std::string prose =
      "<p>Preheat the oven, butter a round tin and whisk the eggs with the "
      "sugar until the mixture is pale, thick and doubled in volume.</p>";
  Article a = ExtractHtmlDoc(
      "<html><body><div class='recipe'>" + prose +
      "<ul><li>Flour</li><li>2 eggs</li><li>Cling film</li></ul>" + prose +
      "<p>Love, Anna</p><pre>make install</pre><p>Share</p>"
      "<div>Print recipe</div><p><a href='/more'>More recipes</a></p></div>"
      "</body></html>");
  for (const char* kept :
       {"Flour", "2 eggs", "Cling film", "Love, Anna", "make install"})
    EXPECT_NE(a.body.find(kept), std::string::npos) << kept << ": " << a.body;
  for (const char* dropped : {"Share", "Print recipe", "More recipes"})
    EXPECT_EQ(a.body.find(dropped), std::string::npos) << dropped;
  // "The city government said on Tuesday the bridge reopens next week."
  const std::string zh =
      "\u5E02\u653F\u5E9C\u5468\u4E8C\u5BA3\u5E03\u5927\u6865\u5C06\u5728\u4E0B"
      "\u5468\u91CD\u65B0\u5F00\u653E\u3002";
  a = ExtractHtmlDoc("<html><body><div class='text'>" + prose + "<div>" + zh +
                     "</div>" + prose + "</div></body></html>");
  EXPECT_NE(a.body.find(zh), std::string::npos) << a.body;
}

// A heading or a short line over nothing but links introduces a list of other
// pages and goes with it; a short sentence before links, and a heading over
// text, stay.
TEST(HtmlExtractTest, HeadingsOfLinkListsGo) {
  const std::string prose =
      "<p>The committee met on Thursday to review the plans for the new "
      "library, which the council approved in the spring after a long "
      "debate.</p>";
  const std::string links =
      "<p><a href='/a'>Council approves the budget for next year</a></p>"
      "<p><a href='/b'>New cycle lanes open in the old town</a></p>"
      "<p><a href='/c'>Museum extends its opening hours</a></p>";
  const Article a = ExtractHtmlDoc(
      "<html><body><div class='text'>" + prose + "<h2>Next steps</h2>" + prose +
      "<p>Work starts in May.</p>" + links + prose +
      "<p>Elsewhere on the site:</p>" + links +
      "<h3>More from this column</h3>" + links + "</div></body></html>");
  for (const char* kept : {"Next steps", "Work starts in May."})
    EXPECT_NE(a.body.find(kept), std::string::npos) << kept << ": " << a.body;
  for (const char* dropped : {"Elsewhere on", "More from this column"})
    EXPECT_EQ(a.body.find(dropped), std::string::npos) << dropped;
}

TEST(HtmlExtractTest, HeadingsOverLeftOutBoxesGo) {
  const std::string prose =
      "<p>The committee met on Thursday to review the plans for the new "
      "library, which the council approved in the spring after a long "
      "debate.</p>";
  // Two teaser cards the selection leaves out (several <article>s nested in
  // the content are other stories).
  const std::string cards =
      "<div><article><h3>Bridge reopens</h3><p>The old bridge is open to "
      "traffic again after two years of repairs by the city.</p></article>"
      "<article><h3>Market moves</h3><p>The weekly market moves to the "
      "square behind the town hall from the first of June.</p></article>"
      "</div>";
  const Article a = ExtractHtmlDoc(
      "<html><body><div class='text'>" + prose + "<h2>Next steps</h2>" +
      "<figure><figcaption>The site</figcaption></figure><h3>Costs</h3>" +
      prose + prose + "<h2>More on this topic</h2>" + cards +
      "<h2>Sources</h2><div class='box'><span>Council minutes</span></div>" +
      "</div><footer><p>Imprint</p></footer></body></html>");
  // A heading over a subsection heads that subsection.
  for (const char* kept : {"Next steps", "Costs"})
    EXPECT_NE(a.body.find(kept), std::string::npos) << kept << ": " << a.body;
  for (const char* dropped :
       {"More on this topic", "Bridge reopens", "Sources"})
    EXPECT_EQ(a.body.find(dropped), std::string::npos) << dropped;
}

TEST(HtmlExtractTest, ListItemsDoNotOutvoteProse) {
  std::string refs;
  for (int i = 1; i <= 16; ++i) {
    refs += "<li>" + std::to_string(i) +
            ". Smith J, Jones K, Brown L, et al. A study of rainfall, soil "
            "and harvests. J Agron. 2012;14:" +
            std::to_string(100 + i) + "-9.</li>";
  }
  std::string abstract;
  for (const char* topic : {"rainfall", "soil moisture", "harvest size"}) {
    abstract += std::string("<p>We measured ") + topic +
                " on forty farms over ten years and compared the results "
                "with the records kept by the regional office.</p>";
  }
  const Article a = ExtractHtmlDoc(
      "<html><body><div class='main'><div class='abstract'>" + abstract +
      "</div><div class='refs'><h2>References</h2><ul>" + refs +
      "</ul></div></div></body></html>");
  EXPECT_NE(a.body.find("We measured soil moisture"), std::string::npos)
      << a.body;
}

TEST(HtmlExtractTest, LeadReachSkipsLinksAndFurniture) {
  const std::string lead =
      "After four days cut off by the storm, the island received its first "
      "supplies on Tuesday. Officials expect regular crossings to resume "
      "within the week.";
  // A table of contents and a share bar between the lead and the body: more
  // than twelve blocks, none of them text a reader reads.
  std::string toc = "<div class='toc'><ul>";
  for (int i = 1; i <= 10; ++i)
    toc += "<li><a href='#s" + std::to_string(i) + "'>Section " +
           std::to_string(i) + "</a></li>";
  toc += "</ul></div><aside><p>Share</p><p>Print</p><p>Mail</p></aside>";
  const Article a = ExtractHtmlDoc(
      "<html><body><h1>Supplies reach the island</h1><div class='intro'><p>" +
      lead + "</p></div>" + toc +
      "<div class='col'><p>The ferry left the harbour at dawn, carrying the "
      "first load of supplies since the storm, and reached the island by "
      "noon.</p><p>Volunteers unloaded water, blankets and medicine, and the "
      "island's doctor said the clinic would reopen on Monday.</p></div>"
      "</body></html>");
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_EQ(a.paragraphs.front().text, lead) << a.body;
}

TEST(HtmlExtractTest, LeadUnderAHeadlineThatIsNoH1) {
  const std::string lead =
      "After four days cut off by the storm, the island received its first "
      "supplies on Tuesday. Officials expect regular crossings to resume "
      "within the week.";
  const std::string page =
      "<html><head><title>Supplies reach the island</title></head><body>"
      "<div class='news'><h3>Supplies reach the island</h3><div "
      "class='intro'><p>" +
      lead +
      "</p></div><div class='col'><p>The ferry left the harbour at dawn, "
      "carrying the first load of supplies since the storm, and reached the "
      "island by noon.</p><p>Volunteers unloaded water, blankets and "
      "medicine, and the island's doctor said the clinic would reopen on "
      "Monday.</p></div></div></body></html>";
  Article a = ExtractHtmlDoc(page);
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_EQ(a.title, "Supplies reach the island");
  EXPECT_EQ(a.paragraphs.front().text, lead) << a.body;
  // Under a heading that is not the title, what stands above the body is
  // not known to belong to it.
  std::string other = page;
  other.replace(other.find("<h3>Supplies"), 12, "<h3>Elsewhere");
  a = ExtractHtmlDoc(other);
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_NE(a.paragraphs.front().text, lead) << a.body;
}

// A blog post's three paragraphs, for the tests of articles held for readers
// without scripts.
const char kHeldPost[] =
    "<p>The council met on Monday to discuss the new budget, which had been "
    "delayed for three months by a dispute over school funding.</p><p>After a "
    "long debate, the members voted to approve the plan, although two of them "
    "said they would ask for a review in the autumn.</p><p>The mayor welcomed "
    "the vote and said that work on the new library could now begin in the "
    "spring, as promised during the campaign.</p>";

// A page whose visible DOM is a shell a script fills holds its article for
// readers without scripts in a <noscript>, or as markup in a script of type
// text/template (a blog platform's post body): the article is read there, with
// offsets into the page. A visible article keeps its place over a smaller
// noscript.
TEST(HtmlExtractTest, ArticleHeldForReadersWithoutScripts) {
  const std::string post =
      std::string("<div class='post-body'>") + kHeldPost + "</div>";
  const std::string shell =
      "<html><head><title>Council approves budget</title></head><body>"
      "<div class='header'><a href='/'>Home</a> <a href='/news'>News</a>"
      "</div><div class='post'><h2>Council approves budget</h2>"
      "<div class='post-content'>";
  for (const std::string& holder :
       {std::string("<noscript>") + post + "</noscript>",
        std::string("<script type='text/template'>") + post + "</script>",
        std::string("<script type=\"text/html\">") + post + "</script>"}) {
    const std::string html =
        shell + holder + "</div></div><p>Loading...</p></body></html>";
    const Article a = ExtractHtmlDoc(html);
    ASSERT_EQ(a.paragraphs.size(), 3u) << holder << "\n" << a.body;
    EXPECT_EQ(a.paragraphs.front().text.substr(0, 15), "The council met");
    ExpectAnchorsRoundTrip(a, html);
  }
  // Script code that happens to build markup is not a template.
  const Article code =
      ExtractHtmlDoc(shell + "<script>var x = \"" + post +
                     "\";</script></div></div></body>" + "</html>");
  EXPECT_EQ(code.body.find("The council met"), std::string::npos) << code.body;
  // A visible article larger than half the noscript's stays the article.
  const std::string visible =
      "<p>The council met on Monday and approved the new budget after a long "
      "debate over school funding, the mayor said in a statement.</p><p>Two "
      "members voted against it and said they would ask for a review of the "
      "plan in the autumn, when the figures for the year are known.</p>";
  const Article both =
      ExtractHtmlDoc(shell + visible + "<noscript>" + post +
                     "</noscript></div></div>" + "</body></html>");
  EXPECT_NE(both.body.find("Two members voted"), std::string::npos)
      << both.body;
  EXPECT_EQ(both.body.find("The mayor welcomed"), std::string::npos)
      << both.body;
}

// The byline of an article held for readers without scripts is held with it
// ("Posted by ..." above the post's first paragraph); the names end at a
// spaced dash that starts other information.
TEST(HtmlExtractTest, BylineHeldWithTheArticle) {
  const std::string post =
      std::string(
          "<span class='byline-author'>Posted by Jane Doe, John Roe and Ann "
          "Poe - Data desk</span>") +
      kHeldPost;
  const Article a = ExtractHtmlDoc(
      "<html><head><title>Council approves budget</title></head><body><div "
      "class='post'><h2>Council approves budget</h2><noscript>" +
      post + "</noscript></div><p>Loading...</p></body></html>");
  EXPECT_NE(a.body.find("The council met"), std::string::npos) << a.body;
  EXPECT_EQ(a.authors,
            (std::vector<std::string>{"Jane Doe", "John Roe", "Ann Poe"}));
}

// A JSON-LD HowTo's description and steps (HowToStep texts, HowToDirection
// lists) are the article of a page that renders them only by script; the HTML
// in their strings is read as HTML (entities, paragraphs).
TEST(HtmlExtractTest, HowToStepsWhenThePageShowsNone) {
  const nlohmann::json howto = {
      {"@context", "https://schema.org"},
      {"@type", "HowTo"},
      {"name", "How to patch a bicycle inner tube"},
      {"description",
       "<p>A punctured tube is mended at the roadside in a quarter of an "
       "hour with a patch kit and a pump.</p>"},
      {"step",
       {{{"@type", "HowToStep"},
         {"name", "Find the hole"},
         {"itemListElement",
          {{"@type", "HowToDirection"},
           {"text",
            "<p>Pump a little air into the tube and hold it near your ear "
            "or under water until you find where the air escapes.</p>"}}}},
        {{"@type", "HowToStep"},
         {"text",
          "Roughen the rubber around the hole, spread the glue, wait a "
          "minute and press the patch on&nbsp;with your thumb."}}}}};
  const std::string head =
      "<html><head><title>How to patch a bicycle inner tube</title>"
      "<script type='application/ld+json'>" +
      howto.dump() + "</script></head><body><div id='app'>";
  const Article a =
      ExtractHtmlDoc(head +
                     "<p>Please update your browser.</p></div></body>"
                     "</html>");
  EXPECT_NE(a.body.find("A punctured tube is mended"), std::string::npos)
      << a.body;
  EXPECT_NE(a.body.find("Pump a little air into the tube"), std::string::npos);
  EXPECT_NE(a.body.find("press the patch on with your thumb."),
            std::string::npos)
      << a.body;
  EXPECT_EQ(a.body.find("<p>"), std::string::npos);
  EXPECT_EQ(a.body.find("update your browser"), std::string::npos);
  // A page that shows an article of its own keeps it.
  const std::string shown =
      "<article><p>Flat tyres are the commonest breakdown on a bicycle, and "
      "most of them can be mended without a workshop, as this guide shows "
      "step by step.</p><p>Take the wheel out, lever the tyre off, find the "
      "hole and patch it: four steps, a quarter of an hour, and a tube that "
      "holds air again.</p><p>The same method works for tubeless tyres with "
      "a plug instead of a patch, as the pictures below show.</p></article>";
  const Article b = ExtractHtmlDoc(head + "</div>" + shown + "</body></html>");
  EXPECT_NE(b.body.find("Flat tyres are the commonest"), std::string::npos);
  EXPECT_EQ(b.body.find("A punctured tube is mended"), std::string::npos)
      << b.body;
}

}  // namespace
}  // namespace dateline
