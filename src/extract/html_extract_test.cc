#include "extract/html_extract.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/extract.h"
#include "extract/html_dom.h"
#include "extract/html_extract_testing.h"

namespace dateline {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
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
      {"a carousel's slides between paragraphs are captions",
       std::string("<html><body><article><p>") + kProse1 +
           "</p><div class=\"Carousel\"><div class=\"CarouselSlide\"><p>The "
           "wooden troughs in the bakery were built by the founder in "
           "1936.</p></div></div><p>" +
           kProse2 + "</p></article></body></html>",
       {kProse1, kProse2},
       {"wooden troughs"}},
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
      {"contact lines, gallery counters, reuse notices and affiliate "
       "disclosures at the end",
       std::string("<html><body><article><p>") + kProse1 + "</p><p>" + kProse2 +
           "</p><p>Image 2 of 5</p><p>Email Jane Roe at jroe@example.com or "
           "follow her on "
           "Twitter @janeroe.</p><p>This slideshow requires "
           "JavaScript.</p><p>This document is "
           "subject to copyright.</p><p>When you buy through links on our "
           "site, we may earn an affiliate commission.</p><p>Jetzt den "
           "Newsletter abonnieren</p></article></body>"
           "</html>",
       {kProse1, kProse2},
       {"Image 2", "jroe@", "JavaScript", "copyright", "affiliate",
        "Newsletter"}},
      {"a contact card (an address to write to and a number to call) in any "
       "language; a sentence that gives both is text",
       std::string("<html><body><article><p>") + kProse1 + "</p><p>" + kProse2 +
           "</p><p>Rathaus Neustadt<br>Frau Jana Beispiel, Leitung<br>Telefon: "
           "01234 567-890<br>jana.beispiel@example.org</p><p>Questions about "
           "the budget can be sent to budget@example.org or asked by phone on "
           "555 0100 200 until Friday.</p></article></body></html>",
       {kProse1, kProse2, "Questions about the budget"},
       {"Jana Beispiel", "01234"}},
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
  // A subheading between the body's paragraphs is the article's, though the
  // articleBody holds the text only.
  const size_t second = html.find("<p>The second");
  html.insert(second, "<h2>Reactions in the capital</h2>");
  a = ExtractHtmlDoc(html);
  ASSERT_EQ(a.paragraphs.size(), 5u) << a.body;
  EXPECT_EQ(a.paragraphs[1].text, "Reactions in the capital");
}

// An articleBody cut short at a sentence's end, with no ellipsis (a teaser of
// the first paragraph), does not stand for the article when the page holds
// its blocks and three times as much text besides.
TEST(HtmlExtractTest, JsonLdTeaserCutAtASentence) {
  const std::vector<std::string> paragraphs = {
      "The council of the capital voted on Monday to close two schools in "
      "the north, after a debate that lasted until midnight and drew a crowd "
      "of parents to the town hall.",
      "Parents who had waited outside since the afternoon booed as the "
      "result was read, and several said they would take the decision to "
      "court before the summer holidays.",
      "The mayor defended the plan, saying falling numbers of pupils left "
      "the district with empty classrooms it could no longer afford to heat "
      "and staff.",
      "Opposition members argued that new housing along the river would "
      "bring families back within five years, and accused the majority of "
      "rushing the vote.",
      "A teachers' union called a meeting for Thursday to discuss strikes, "
      "while the regional education office said it would review the "
      "figures.",
      "Both schools are to close at the end of the next school year, and "
      "their pupils will be moved to a new building near the railway "
      "station.",
      "The building, which cost eleven million euros, opened last autumn "
      "and has so far been used by only half the classes it was designed "
      "for.",
      "The council will meet again in March, when it is expected to decide "
      "what to do with the two empty sites and their sports grounds."};
  const std::string teaser = paragraphs[0] + " " + paragraphs[1];
  const nlohmann::json ld = {
      {"@type", "NewsArticle"}, {"headline", "H"}, {"articleBody", teaser}};
  std::string story;
  for (const std::string& p : paragraphs) story += "<p>" + p + "</p>";
  const Article a = ExtractHtmlDoc(
      "<html><head><script type='application/ld+json'>" + ld.dump() +
      "</script></head><body><h1>H</h1><div class='story'>" + story +
      "</div></body></html>");
  EXPECT_EQ(a.paragraphs.size(), paragraphs.size()) << a.body;
  EXPECT_NE(a.body.find("meet again in March"), std::string::npos) << a.body;
}

// A CMS sets each element of the page in a box of one kind: the story goes on
// in the boxes beside the one its longest part stands in, not in a sidebar
// column beside it.
TEST(HtmlExtractTest, StoryInBoxesOfOneKind) {
  const std::string p1 =
      "Der Rat hat am Montag, nach langer Debatte, den Bau "
      "vergeben, sagte der Sprecher, und alle stimmten zu.";
  const std::string p2 =
      "Der Neubau bietet, wie geplant, vier Stellpl\u00e4tze, "
      "eine Waschhalle, einen Schulungsraum und ein Lager.";
  const Article a = ExtractHtmlDoc(
      "<html><body><h1>Feuerwehrhaus</h1><div class='main'><div class='frame "
      "frame-type-text'><div class='ce-textpic'><div class='ce-bodytext'><p>" +
      p1 + "</p><p>" + p1 + "</p><p>" + p1 + "</p><p>" + p1 + "</p><p>" + p1 +
      "</p></div></div></div><div class='frame frame-type-text'><p>" + p2 +
      "</p><p>" + p2 + "</p></div></div><div class='col sidebar-col'><p>" + p2 +
      " Spenden Sie jetzt.</p></div></body></html>");
  EXPECT_NE(a.body.find(p2), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Spenden Sie jetzt"), std::string::npos) << a.body;
}

// A box of that kind whose text is split into items of one class (an
// accordion's panels, each short) is the story's too.
TEST(HtmlExtractTest, StoryGoesOnInAnAccordionBox) {
  const std::string p1 =
      "Der Rat hat am Montag, nach langer Debatte, die Sanierung der "
      "Br\u00fccke "
      "vergeben, sagte der Sprecher, und alle stimmten zu.";
  std::string accordion = "<div class='component accordion'>";
  for (const char* panel :
       {"Die Sperrung gilt ab Montag, 6. Mai, sechs Uhr.",
        "Der Verkehr wird \u00fcber die Nordbr\u00fccke umgeleitet.",
        "Die Haltestelle am Platz entf\u00e4llt bis zum Ende der Arbeiten."}) {
    accordion +=
        "<div class='accordion-item'><button>Frage?</button><div "
        "class='accordion-panel'><p>" +
        std::string(panel) + "</p></div></div>";
  }
  accordion += "</div>";
  const Article a = ExtractHtmlDoc(
      "<html><body><h1>Br\u00fccke gesperrt</h1><div class='main'><div "
      "class='component rich-text'><p>" +
      p1 + "</p><p>" + p1 + "</p><p>" + p1 + "</p></div>" + accordion +
      "</div></body></html>");
  EXPECT_NE(a.body.find("Nordbr\u00fccke umgeleitet"), std::string::npos)
      << a.body;
  EXPECT_NE(a.body.find("Haltestelle"), std::string::npos) << a.body;
}

// A subheading a CMS set in a box of another kind between two boxes of the
// text ("<div class=title><h2>" between "<div class=text>" boxes) is the
// story's.
TEST(HtmlExtractTest, SubheadingInABoxOfItsOwnBetweenTextBoxes) {
  const std::string p1 =
      "Der Rat hat am Montag, nach langer Debatte, den Bau vergeben, sagte "
      "der Sprecher, und alle stimmten zu.";
  const Article a = ExtractHtmlDoc(
      "<html><body><h1>Feuerwehrhaus</h1><div class='main'><div "
      "class='text'><div class='cmp-text'><p>" +
      p1 + "</p><p>" + p1 + "</p><p>" + p1 +
      "</p></div></div><div class='title'><div class='cmp-title'><h2>Neue "
      "Halle f\u00fcr die Drehleiter</h2></div></div><div "
      "class='text'><div class='cmp-text'><p>" +
      p1 + "</p><p>" + p1 + "</p></div></div></div></body></html>");
  EXPECT_NE(a.body.find("Neue Halle"), std::string::npos) << a.body;
}

// A video's box set in the text holds the player's title, not the story's.
// A quotation in a box of its own between text boxes is the article's, and so
// is a subheading over a text box with a related-stories box above it.
TEST(HtmlExtractTest, QuoteBoxAndSubheadingAfterARelatedBox) {
  const std::string p1 =
      "Der Rat hat am Montag, nach langer Debatte, den Bau vergeben, sagte "
      "der Sprecher, und alle stimmten zu.";
  const Article a = ExtractHtmlDoc(
      "<html><body><h1>Feuerwehrhaus</h1><div class='main'><div "
      "class='text'><div class='rich-text'><p>" +
      p1 + "</p><p>" + p1 + "</p><p>" + p1 +
      "</p></div></div><div class='related'><a href='/a'>Neues "
      "Tanklöschfahrzeug</a></div><div class='heading'><h2>Neue Halle "
      "f\u00fcr die Drehleiter</h2></div><div class='text'><div "
      "class='rich-text'><p>" +
      p1 +
      "</p></div></div><div class='quote'><blockquote><p>Wir haben "
      "lange auf diesen Tag gewartet.</p></blockquote></div><div "
      "class='text'><div class='rich-text'><p>" +
      p1 + "</p><p>" + p1 + "</p></div></div></div></body></html>");
  EXPECT_NE(a.body.find("Neue Halle"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("lange auf diesen Tag"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Tanklöschfahrzeug"), std::string::npos) << a.body;
}

TEST(HtmlExtractTest, VideoBoxInTheText) {
  const Article a = ExtractCouncilStoryWith(
      "<div class='videobox'><div class='player'></div><p "
      "class='videotitle'>Der Rat in der Debatte \u00fcber das "
      "Budget</p><p>19.02.2022 | 2 Min</p></div><p>Die Abstimmung folgt im "
      "Herbst, wenn die Gemeinde die Unterschriften gepr\u00fcft hat.</p>");
  EXPECT_EQ(a.body.find("in der Debatte"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("Die Abstimmung folgt"), std::string::npos) << a.body;
}

// An invitation to follow the writer at a handle and a newsletter's pitch by
// what it brings close the story on the web; they are not its text.
TEST(HtmlExtractTest, InvitationsAfterTheStory) {
  const Article a = ExtractCouncilStoryWith(
      "<p><em>Follow Jana Beispiel on Twitter @jana_beispiel.</em></p>"
      "<p>Enjoying this? Get the Morning Brief in your inbox every weekday. "
      "It\u2019s free.</p>");
  EXPECT_NE(a.body.find("Unterschriften"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("@jana"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("inbox"), std::string::npos) << a.body;
}

// A shop's offer set in the text is no part of it; a price in a sentence is.
TEST(HtmlExtractTest, ShopOfferInTheText) {
  const Article a = ExtractCouncilStoryWith(
      "<div><p>Orion Vista 10x50 Binoculars $119.99 View at Walmart</p>"
      "<p>$249 $189 Save $60</p></div>"
      "<p>Die Karten kosten 25 \u20ac und sind ab Montag zu haben.</p>");
  EXPECT_EQ(a.body.find("Walmart"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Save $60"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("Die Karten kosten 25"), std::string::npos) << a.body;
}

// A press release ends at its end mark: the issuer's standing text and its
// contacts after it are not the release.
TEST(HtmlExtractTest, PressReleaseEndsAtItsEndMark) {
  const Article a = ExtractCouncilStoryWith(
      "<p align='center'>###</p><p>About the Town: Founded in 1820, the town "
      "of Lakeside has 4,000 residents and is known for its annual regatta "
      "on the lake.</p>");
  EXPECT_NE(a.body.find("Unterschriften"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("About the Town"), std::string::npos) << a.body;
  // "ENDS", as British and Irish press offices close a release, is one too;
  // the word inside a sentence is not.
  const Article ends = ExtractCouncilStoryWith(
      "<p>The consultation ENDS on Friday, the council said.</p>"
      "<p><strong>ENDS</strong></p><p>Notes for editors: the town of Lakeside "
      "has 4,000 residents and is known for its annual regatta.</p>");
  EXPECT_NE(ends.body.find("consultation ENDS"), std::string::npos)
      << ends.body;
  EXPECT_EQ(ends.body.find("Notes for editors"), std::string::npos)
      << ends.body;
  // An Iranian agency's "end of message" closes its story the same way.
  const Article persian = ExtractCouncilStoryWith(
      "<p>\u0627\u0646\u062a\u0647\u0627\u06cc \u067e\u06cc\u0627\u0645"
      "</p><p>Reporter: Jana Beispiel; editor: Max Muster, for the agency's "
      "desk in the capital.</p>");
  EXPECT_EQ(persian.body.find("Reporter"), std::string::npos) << persian.body;
}

// A box asking readers for money, headed so, is furniture however it is
// classed; a heading of the story that speaks of support is the story's.
TEST(HtmlExtractTest, AppealBoxesAreFurniture) {
  const Article a = ExtractCouncilStoryWith(
      "<div class='box-x1'><h3>\u2026 we have a small favour to ask.</h3>"
      "<p>Tens of thousands of readers have placed their trust in our "
      "journalism. If you can, please consider supporting us from 1 "
      "\u20ac.</p><a href='/support'>Support us</a></div>"
      "<h3>Support for the referendum</h3>"
      "<p>Die Abstimmung folgt im Herbst, wenn die Gemeinde die "
      "Unterschriften gepr\u00fcft hat.</p>");
  EXPECT_EQ(a.body.find("favour to ask"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("placed their trust"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("Support for the referendum"), std::string::npos)
      << a.body;
  EXPECT_NE(a.body.find("Die Abstimmung folgt"), std::string::npos) << a.body;
}

// A box whose button leads to a donation page asks readers for money,
// whatever its heading: it is furniture. A paragraph of the story with a link
// to one is text, as is a box whose paragraph is a story's.
TEST(HtmlExtractTest, DonationBoxesAreFurniture) {
  const Article a = ExtractCouncilStoryWith(
      "<section class='mt-8 p-6'><p class='font-bold'>Independent news for "
      "the valley</p><p>The Gazette is a nonprofit newsroom. Readers like you "
      "fund our reporting on the council and the schools.</p><a "
      "class='btn' href='https://www.gazette.example/donate/'>Give "
      "now</a></section>"
      "<p>Der Verein sammelt bis Ende Mai Spenden f\u00fcr das neue "
      "Vereinsheim, <a href='/spenden'>online</a> oder bei den "
      "Heimspielen.</p>");
  EXPECT_EQ(a.body.find("Independent news"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("nonprofit newsroom"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("Der Verein sammelt"), std::string::npos) << a.body;
  const Article story = ExtractCouncilStoryWith(
      "<div><p>Die Tafel bittet um Spenden: Seit dem Winter kommen "
      "doppelt so viele Familien, und die Regale sind an manchen Tagen "
      "schon mittags leer. Wer helfen will, kann Lebensmittel am "
      "Gemeindehaus abgeben oder Geld \u00fcberweisen; die Tafel stellt "
      "auf Wunsch eine Quittung aus.</p><a href='/spenden'>Jetzt "
      "spenden</a></div>");
  EXPECT_NE(story.body.find("Die Tafel bittet"), std::string::npos)
      << story.body;
}

// An Instagram post the story quotes: its caption, which the embed code sets
// as a link to the post, is the story's text; the lines around it are not.
TEST(HtmlExtractTest, InstagramCaptionIsQuoted) {
  const Article a = ExtractHtmlDoc(
      std::string("<html><body><h1>Tenants</h1><div class='text'>") +
      kBudgetStory +
      "<blockquote class='instagram-media' data-instgrm-captioned><div><a "
      "href='https://www.instagram.com/p/X1/'><div>View this post on "
      "Instagram</div></a><p><a href='https://www.instagram.com/p/X1/'>Day 19 "
      "without heating in building C. We are asking for 20 degrees, nothing "
      "more. Meeting on Thursday.</a></p><p>A post shared by Tenants Union "
      "(@tenants)</p></div></blockquote>" +
      kBudgetVote + "</div></body></html>");
  EXPECT_NE(a.body.find("Day 19 without heating"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("View this post"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("A post shared by"), std::string::npos) << a.body;
}

// A gallery's counter in the text is furniture in any language ("Bild 2 von
// 5", "1 / 4"); a rating is not, nor a score.
TEST(HtmlExtractTest, GalleryCountersInTheText) {
  const Article a = ExtractCouncilStoryWith(
      "<div class='slide'><p>Bild 2 von 5</p></div><div>1 / 4</div>"
      "<p>Wertung: 8 von 10</p><p>Bayern 3 - 1</p>"
      "<p>Die Abstimmung folgt im Herbst, wenn die Gemeinde die "
      "Unterschriften gepr\u00fcft hat.</p>");
  EXPECT_EQ(a.body.find("Bild 2 von 5"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("1 / 4"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("Wertung: 8 von 10"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("Bayern 3 - 1"), std::string::npos) << a.body;
}

// A <header> inside the article heads a section of it (TYPO3 and other CMSs
// set each subheading in one): the subheading is the article's text.
TEST(HtmlExtractTest, SubheadingInAHeaderElement) {
  const Article a = ExtractHtmlDoc(
      "<html><body><header><a href='/'>Uni Beispielstadt</a></header><h1>Der "
      "Rat</h1><div itemprop='articleBody'><div class='frame'><p>Der "
      "Gemeinderat hat am Freitag lange \u00fcber das neue Budget beraten, "
      "das im Fr\u00fchjahr vorgelegt worden war.</p></div><div "
      "class='frame'><header><h2>Ein knappes Ergebnis</h2></header></div><div "
      "class='frame'><p>Am Ende stimmte er knapp zu; die Gegner k\u00fcndigten "
      "ein Referendum an und sammeln nun Unterschriften.</p></div></div>"
      "</body></html>");
  ASSERT_EQ(a.paragraphs.size(), 3u) << a.body;
  EXPECT_EQ(a.paragraphs[1].text, "Ein knappes Ergebnis");
}

TEST(HtmlExtractTest, MalformedJsonLdIsIgnored) {
  Article a = ExtractHtmlDoc(
      "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
      "\"headline\": </script>"
      "<p>A paragraph of real text that is long enough to be kept as the body "
      "of the page.</p>");
  EXPECT_EQ(a.paragraphs.size(), 1u);
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

// A sign-up box set between the paragraphs, its pitch beside the form
// rather than in it, is furniture by its e-mail field, whatever its classes
// and language; an article whose container also holds a comment form stays.
TEST(HtmlExtractTest, SignUpBoxInTheTextIsFurniture) {
  const std::string story = kBudgetStory;
  const std::string box =
      "<div class='css-x5'><p>The Council Daily</p><p>Everything the council "
      "decides, every weekday morning in your inbox, free.</p><form><input "
      "type='email'><button>Sign up</button></form></div>";
  const Article a =
      ExtractHtmlDoc("<html><body><article><h1>Budget passed</h1>" + story +
                     box + kBudgetVote + "</article></body></html>");
  EXPECT_NE(a.body.find("council approved"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("seven to six"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("inbox"), std::string::npos) << a.body;
  const Article with_form = ExtractHtmlDoc(
      "<html><body><article><h1>Budget passed</h1>" + story + kBudgetVote +
      "<form><input type='email'></form></article></body></html>");
  EXPECT_NE(with_form.body.find("seven to six"), std::string::npos)
      << with_form.body;
}

// A log-in or registration form (a form with a password field) is never the
// page's text, even on a page whose only other text is a short item: its
// field rules and error messages stay out. A form wrapping the whole page
// (ASP.NET's) with a log-in box in its sidebar is no such form.
TEST(HtmlExtractTest, LogInFormIsNeverTheText) {
  const std::string form =
      "<div class='modal'><form><p>Your password must be at least eight "
      "characters long and contain a capital letter and a digit.</p><p>This "
      "e-mail address is already registered. Please log in with your "
      "existing account instead of creating a new one.</p><input "
      "type='email'><input type='password'><button>Create account</button>"
      "</form></div>";
  const Article a = ExtractHtmlDoc(
      "<html><body><div class='video'><h1>Budget passed</h1><p>The council "
      "passed the budget after a long night.</p></div>" +
      form + "</body></html>");
  EXPECT_NE(a.body.find("long night"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("password"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("registered"), std::string::npos) << a.body;
  const Article whole_page = ExtractHtmlDoc(
      "<html><body><form id='aspnetForm'><div class='sidebar'><input "
      "type='text'><input type='password'></div><article><h1>Budget "
      "passed</h1>" +
      std::string(kBudgetStory) + kBudgetVote +
      "</article></form></body></html>");
  EXPECT_NE(whole_page.body.find("council approved"), std::string::npos)
      << whole_page.body;
}

// An advertiser's disclosure set over the text is furniture by its class.
TEST(HtmlExtractTest, DisclosureOverTheTextIsFurniture) {
  const std::string story = kBudgetStory;
  const Article a = ExtractHtmlDoc(
      "<html><body><div><section class='editorial-disclosure'><p>This post "
      "contains references to products from our advertisers; we may receive "
      "compensation when you click on links to them.</p></section>" +
      story + kBudgetVote + "</div></body></html>");
  EXPECT_NE(a.body.find("council approved"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("advertisers"), std::string::npos) << a.body;
}

// Boxes set between the paragraphs that are furniture by their class: an
// appeal for donations; a consent manager's stand-in for an embedded post,
// though its class also says "content"; a call to action.
TEST(HtmlExtractTest, BoxesInTheTextThatTheirClassMakesFurniture) {
  const struct {
    const char* box;
    const char* furniture_words;
  } cases[] = {
      {"<div class='wp-block-group box box--donation'><h3>Independent thanks "
       "to you</h3><p>Our reporting is free for everyone to read. To keep it "
       "that way, we need your support.</p></div>",
       "your support"},
      {"<div class='borlabs-cookie-content-blocker instagram'><p>You are "
       "currently viewing placeholder content from Instagram. To access the "
       "actual content, click the button below.</p></div>",
       "placeholder"},
      {"<div class='inline-cta'><p>See where your council spends its "
       "time</p><p>Budget Insights breaks down every line item. Free for "
       "clubs and schools.</p><a href='/try'>Try it</a></div>",
       "Budget Insights"},
  };
  for (const auto& c : cases) {
    const Article a =
        ExtractHtmlDoc("<html><body><article><h1>Budget passed</h1>" +
                       std::string(kBudgetStory) + c.box + kBudgetVote +
                       "</article></body></html>");
    EXPECT_NE(a.body.find("seven to six"), std::string::npos) << a.body;
    EXPECT_EQ(a.body.find(c.furniture_words), std::string::npos) << a.body;
  }
}

// Readers' comments in the class names of other languages ("komentarze",
// "kommentare", "comentarios") are furniture; an opinion piece that German
// classes "kommentar" beside its article cue stays the article.
TEST(HtmlExtractTest, CommentsClassedInOtherLanguagesAreFurniture) {
  const std::string story = kBudgetStory;
  const std::string remark = kReaderRemark;
  for (const char* cls : {"komentarze", "leserkommentare", "comentarios"}) {
    const Article a = ExtractHtmlDoc(
        "<html><body><div>" + story + "<section class='" + cls + "'><div>" +
        remark + "</div></section></div></body></html>");
    EXPECT_NE(a.body.find("council approved"), std::string::npos) << cls;
    EXPECT_EQ(a.body.find("terrible"), std::string::npos) << cls;
  }
  const Article opinion =
      ExtractHtmlDoc("<html><body><div class='article kommentar'>" + story +
                     "</div></body></html>");
  EXPECT_NE(opinion.body.find("council approved"), std::string::npos);
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

// A label pointing to other stories ("À lire aussi", "Vorheriger Beitrag")
// says what the cards after it are, inside the story's container too and one
// card being enough: their summaries go, however long. A linked headline set
// among the article's paragraphs after such a label takes none of them.
TEST(HtmlExtractTest, CardsUnderARelatedLabelAreNotTheArticle) {
  std::string story = "<h1>Le conseil adopte le budget du port</h1>";
  for (int i = 0; i < 4; ++i)
    story += "<p>Le conseil s'est r\u00e9uni lundi pour le budget du port (" +
             std::to_string(i) +
             "), et les habitants, les commer\u00e7ants et l'exploitant du "
             "bac ont pris la parole.</p>";
  const std::string summary =
      "<p>Un autre sujet de la semaine, r\u00e9sum\u00e9 en trois phrases. "
      "La boulangerie du bourg a rouvert ses portes lundi matin, avec le "
      "soutien d'une trentaine d'habitants qui ont investi chacun quelques "
      "centaines d'euros. Le boulanger s'est install\u00e9 avec sa famille "
      "au-dessus du fournil, dans l'appartement que la commune lui loue.</p>";
  const std::string cards =
      "<h3>\u00c0 lire aussi</h3><div><h4><a href='/a'>La boulangerie "
      "rouvre</a></h4>" +
      summary +
      "</div><div><h4><a href='/b'>Le march\u00e9 change de "
      "place</a></h4>" +
      summary + "</div>";
  Article a = ExtractHtmlDoc("<html><body><div>" + story + cards +
                             "</div></body></html>");
  EXPECT_EQ(a.paragraphs.size(), 4u) << a.body;
  a = ExtractHtmlDoc(
      "<html><body><div>" + story +
      "<div class='pn'><div>Vorheriger Beitrag</div><h2><a href='/c'>Ein "
      "anderer Beitrag</a></h2><div>" +
      summary + "</div></div></div></body></html>");
  EXPECT_EQ(a.paragraphs.size(), 4u) << a.body;
  // Among the article's paragraphs: the paragraph after the linked headline
  // is the article's.
  a = ExtractHtmlDoc("<html><body><div>" + story +
                     "<p>Leggi anche</p><h3><a href='/d'>Un altro "
                     "articolo</a></h3><p>Le conseil reviendra sur le sujet "
                     "en juin, apr\u00e8s l'avis de la r\u00e9gion, a "
                     "pr\u00e9cis\u00e9 le maire.</p></div></body></html>");
  EXPECT_NE(a.body.find("reviendra sur le sujet"), std::string::npos) << a.body;
}

// A box about the writer ("\u00dcber die Autorin", "About the author") under
// the article is furniture, however its label is wrapped; the same label
// among the article's paragraphs, in no box of its own, is kept with them.
TEST(HtmlExtractTest, AuthorBioBoxIsNotTheArticle) {
  const std::string bio =
      "<p>Jana Beispiel ist seit 2017 Redakteurin im Lokalressort und "
      "berichtet vor allem \u00fcber Verkehr und Kommunalpolitik.</p><a "
      "href='/autoren/jb'>Alle Artikel der Autorin</a>";
  const auto page = ExtractCouncilStoryWith;
  for (const std::string label :
       {"<h3>\u00dcber die Autorin</h3>",
        "<div class='head'><span>About the author:</span></div>"}) {
    const Article a = page("<div class='person'><img src='/jb.jpg'>" + label +
                           bio + "</div>");
    EXPECT_EQ(a.body.find("Lokalressort"), std::string::npos) << a.body;
    EXPECT_EQ(a.body.find("Autorin"), std::string::npos) << a.body;
    EXPECT_NE(a.body.find("Referendum"), std::string::npos) << a.body;
  }
  const Article a = page("<p>\u00dcber den Autor</p>" + bio);
  EXPECT_NE(a.body.find("Lokalressort"), std::string::npos) << a.body;
}

// A gallery tells its story in the captions of its figures: they are the
// article, less their credits and counters. An article's photos with short
// captions leave them out.
TEST(HtmlExtractTest, GalleryCaptionsAreTheArticle) {
  std::string figures;
  for (int i = 1; i <= 4; ++i)
    figures += "<li><figure><img src='/p" + std::to_string(i) +
               ".jpg'><figcaption><div>" + std::to_string(i) +
               " of 4</div><p>The working boat number " + std::to_string(i) +
               " leaves the wharf at dawn, loaded with coal for the "
               "villages along the canal.</p><p>Photograph: Rachel "
               "Obi</p></figcaption></figure></li>";
  Article a = ExtractHtmlDoc(
      "<html><body><div class='banner'><p>We use cookies to improve your "
      "experience.</p></div><main><h1>The last working boats</h1><ul>" +
      figures + "</ul></main></body></html>");
  EXPECT_EQ(a.paragraphs.size(), 4u) << a.body;
  EXPECT_NE(a.body.find("boat number 4 leaves"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("cookies"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Photograph"), std::string::npos) << a.body;
  // So when counter, story and credit stand in one line of a caption.
  figures.clear();
  for (int i = 1; i <= 4; ++i)
    figures += "<li><figure><img src='/p" + std::to_string(i) +
               ".jpg'><figcaption><span>Bild " + std::to_string(i) +
               " von 4</span> <span>Der Wagen Nummer " + std::to_string(i) +
               " zog am Nachmittag durch die Altstadt, die Garde warf "
               "Kamelle in die Menge.</span> <span>Foto: Sabine "
               "Roth</span></figcaption></figure></li>";
  a = ExtractHtmlDoc("<html><body><main><h1>Der Rosenmontagszug</h1><ul>" +
                     figures + "</ul></main></body></html>");
  EXPECT_NE(a.body.find("Wagen Nummer 4 zog"), std::string::npos) << a.body;
  a = ExtractHtmlDoc(std::string("<html><body><h1>Der Rat</h1>") +
                     "<figure><img src='/r.jpg'><figcaption>Das Rathaus am "
                     "Abend, kurz vor der Sitzung des Rates.</figcaption>"
                     "</figure>" +
                     kCouncilBody + "</body></html>");
  EXPECT_EQ(a.body.find("Rathaus"), std::string::npos) << a.body;
}

// Forum software sets each post in a box of its own with no class, named by
// an id that numbers it: every post is the thread's text, not only the
// longest. Boxes whose ids differ in more than the number are other things.
TEST(HtmlExtractTest, PostsNumberedByIdAreOneThread) {
  const auto post = [](int n, const std::string& text) {
    return "<table id='post" + std::to_string(n) + "'><tr><td>member" +
           std::to_string(n) + "</td><td><div id='post_message_" +
           std::to_string(n) + "'>" + text + "</div></td></tr></table>";
  };
  const std::string opening =
      "Hi all, my new tank went cloudy after five days. I set it up last "
      "Saturday with sand, driftwood and plants, and dosed a bottle of "
      "bacteria starter. Is this the bacterial bloom everyone talks about, "
      "or did I do something wrong with the sand? I rinsed it, but maybe not "
      "enough.";
  const std::string reply =
      "That is a textbook bacterial bloom. Bacteria are feeding on the "
      "ammonia before the good ones have settled in your filter. Leave it "
      "alone, feed lightly and it will clear in a week or so.";
  const Article a = ExtractHtmlDoc(
      "<html><body><h1>New tank cloudy after five days</h1><div "
      "id='posts'>" +
      post(481102, opening) + post(481110, reply) +
      "</div><div id='footer_links'>Contact Us - Archive - Top of the page "
      "and the forum rules, which every member accepts on joining.</div>"
      "</body></html>");
  EXPECT_NE(a.body.find("five days. I set it up"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("textbook bacterial bloom"), std::string::npos)
      << a.body;
  EXPECT_EQ(a.body.find("forum rules"), std::string::npos) << a.body;
}

// A line that only dates the article, under its text, is metadata; a
// sentence that names an update and a date is text.
TEST(HtmlExtractTest, DateLabelLinesAreNotText) {
  const Article a = ExtractCouncilStoryWith(
      "<p>Zuletzt aktualisiert: 05.02.2024</p><p>Der Plan wurde am "
      "5.2.2024 aktualisiert und liegt im Rathaus aus, wo ihn alle "
      "B\u00fcrger einsehen k\u00f6nnen.</p>");
  EXPECT_EQ(a.body.find("Zuletzt"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("liegt im Rathaus aus"), std::string::npos) << a.body;
  // A label set against a <time> with no space between them is a date line
  // all the same.
  const Article glued = ExtractCouncilStoryWith(
      "<p><span>Published</span><time datetime='2022-11-10'>10 November "
      "2022</time></p>");
  EXPECT_EQ(glued.body.find("Published"), std::string::npos) << glued.body;
}

// A page that names its headline nowhere but in a <title> holding the site's
// name prints it above its text: that line is the title, and no paragraph of
// the body. A line holding the <title>'s words keeps them. Another column's
// notice is no headline.
TEST(HtmlExtractTest, HeadlinePrintedAboveTheTextOfAnUntitledPage) {
  const std::string prose =
      "Mit 94 Mitgliedern war die Versammlung am Freitag im Sportheim so gut "
      "besucht wie lange nicht mehr, und der Vorsitzende blickte auf ein "
      "gutes Jahr zur\u00fcck.<br><br>Die Mitgliederzahl ist erstmals seit "
      "2005 wieder gestiegen und liegt nun bei 612, vor allem dank der neuen "
      "Turngruppe.";
  const auto page = [&](const std::string& title, const std::string& head) {
    return ExtractHtmlDoc(
        "<html><head><title>" + title +
        "</title></head><body><table><tr><td>Training: dienstags 18 bis 20 "
        "Uhr in der Halle</td><td><font size='3'><b>" +
        head + "</b></font><br><br>" + prose +
        "</td></tr></table></body></html>");
  };
  Article a = page("TSV Kirchdorf e.V. - Aktuelles",
                   "Jahreshauptversammlung 2012: Vorstand bestätigt");
  EXPECT_EQ(a.title, "Jahreshauptversammlung 2012: Vorstand bestätigt");
  EXPECT_EQ(a.body.find("Vorstand"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("Sportheim"), std::string::npos) << a.body;
  EXPECT_EQ(page("Vorstand im Amt bestätigt",
                 "[&gt; Vorstand im Amt "
                 "bestätigt")
                .title,
            "Vorstand im Amt bestätigt");
  EXPECT_EQ(
      page("Vorstand im Amt", "Vorstand im Amt bestätigt: Kloss bleibt").title,
      "Vorstand im Amt");
  // No headline printed in the article's cell: the <title> stands.
  a = page("TSV Kirchdorf e.V. - Aktuelles", "");
  EXPECT_EQ(a.title, "TSV Kirchdorf e.V.");
}

// Two paragraphs of a club's report, for the tests of a headline printed
// above the text.
constexpr char kClubMeetingProse[] =
    "<p>Mit 94 Mitgliedern war die Versammlung am Freitag im Sportheim so gut "
    "besucht wie lange nicht mehr, und der Vorsitzende blickte auf ein gutes "
    "Jahr zur\u00fcck.</p><p>Die Mitgliederzahl ist erstmals seit 2005 wieder "
    "gestiegen und liegt nun bei 612, vor allem dank der neuen Turngruppe.</p>";

// A page whose og:title and <title> hold the site's name alone, on the
// site's host or on its copy in the Wayback Machine, has the headline printed
// above its text as its title too; a title that names more than the site
// stands.
TEST(HtmlExtractTest, HeadlinePrintedUnderATitleThatIsTheSiteName) {
  const std::string prose = kClubMeetingProse;
  const auto page = [&](const std::string& title, const std::string& url) {
    return ExtractHtmlDoc("<html><head><title>" + title +
                              "</title><meta property='og:title' "
                              "content='" +
                              title +
                              "'></head><body><div><h2>Vorstand im Amt "
                              "best\u00e4tigt</h2>" +
                              prose + "</div></body></html>",
                          url);
  };
  EXPECT_EQ(page("TSV Kirchdorf", "https://www.tsv-kirchdorf.de/news/12").title,
            "Vorstand im Amt best\u00e4tigt");
  EXPECT_EQ(page("TSV Kirchdorf",
                 "https://web.archive.org/web/20120301000000/"
                 "http://www.tsv-kirchdorf.de/news/12")
                .title,
            "Vorstand im Amt best\u00e4tigt");
  EXPECT_EQ(page("Kirchdorf feiert den neuen Vorstand des Vereins",
                 "https://www.tsv-kirchdorf.de/news/12")
                .title,
            "Kirchdorf feiert den neuen Vorstand des Vereins");
}

// Between such a headline and its text a byline and a picture's caption are
// no distance; a date line under a section's name, above the headline, leaves
// the name no headline.
TEST(HtmlExtractTest, HeadlinePrintedAboveBylineAndPicture) {
  const std::string prose = kClubMeetingProse;
  const auto page = [&](const std::string& between_headline_and_text) {
    return ExtractHtmlDoc(
        "<html><head><title>TSV Kirchdorf</title></head><body><div "
        "class='col'><div class='story-head'>Vorstand im Amt "
        "best\u00e4tigt</div>" +
            between_headline_and_text + prose + "</div></body></html>",
        "https://www.tsv-kirchdorf.de/news/12");
  };
  EXPECT_EQ(page("<div>Von Rainer Kloss<br>Mittwoch, 21. M\u00e4rz "
                 "2012</div><div class='photo'><img src='a.jpg'><div "
                 "class='caption'>Der neue Vorstand vor dem Sportheim nach der "
                 "Wahl am Freitagabend</div></div>")
                .title,
            "Vorstand im Amt best\u00e4tigt");
  const Article dated = ExtractHtmlDoc(
      "<html><head><title>TSV Kirchdorf</title></head><body><div "
      "class='col'><div>Aktuelles aus dem Verein</div><div>Mittwoch, 21. "
      "M\u00e4rz 2012</div><div>Vorstand im Amt best\u00e4tigt</div>" +
          prose + "</div></body></html>",
      "https://www.tsv-kirchdorf.de/news/12");
  EXPECT_EQ(dated.title, "Vorstand im Amt best\u00e4tigt");
  // Nor is a breadcrumb's path above the headline one.
  const Article crumbs = ExtractHtmlDoc(
      "<html><head><title>TSV Kirchdorf</title></head><body><div "
      "class='col'><div>Sie sind hier: Start > Verein</div><div>Vorstand im "
      "Amt best\u00e4tigt</div>" +
          prose + "</div></body></html>",
      "https://www.tsv-kirchdorf.de/news/12");
  EXPECT_EQ(crumbs.title, "Vorstand im Amt best\u00e4tigt");
  const Article chevrons = ExtractHtmlDoc(
      "<html><head><title>TSV Kirchdorf</title></head><body><div "
      "class='col'><div>VEREIN &gt;&gt; AKTUELLES</div><div>Vorstand im "
      "Amt best\u00e4tigt</div>" +
          prose + "</div></body></html>",
      "https://www.tsv-kirchdorf.de/news/12");
  EXPECT_EQ(chevrons.title, "Vorstand im Amt best\u00e4tigt");
}

// A headline printed with its subtitle or its date under a single <br>, as
// old table layouts set them in one cell: the title is the first line.
TEST(HtmlExtractTest, HeadlinePrintedWithASubtitleUnderABreak) {
  const auto page = [](const std::string& under_the_break) {
    return ExtractHtmlDoc(
        "<html><head><title>TSV Kirchdorf</title></head><body><table><tr><td>"
        "<font size='4'><b>Vorstand im Amt best\u00e4tigt</b></font><br>" +
            under_the_break + "<br><br>" + std::string(kClubMeetingProse) +
            "</td></tr></table></body></html>",
        "https://www.tsv-kirchdorf.de/news/12");
  };
  EXPECT_EQ(page("Gut besuchte Versammlung im Sportheim").title,
            "Vorstand im Amt best\u00e4tigt");
  EXPECT_EQ(page("<i>Mittwoch, 21. M\u00e4rz 2012</i>").title,
            "Vorstand im Amt best\u00e4tigt");
}

// A <title> that frames the headline with the site's and the section's names
// ("Anzeiger Online - Lokales: Headline") names the line printed above the
// text, however far a subtitle and a picture's caption set it from the prose:
// that line is the title, and no paragraph of the body.
TEST(HtmlExtractTest, HeadlineThatTheTitleFramesWithTheSiteName) {
  const auto page = [](const std::string& title, const std::string& head) {
    return ExtractHtmlDoc(
        "<html><head><title>" + title +
        "</title></head><body><table><tr><td>Lokales<br>Sport</td><td>"
        "<p><font size='5'><b>" +
        head +
        "</b></font></p><p><font size='3'><i>Gut besuchte Versammlung im "
        "Sportheim, neue Turngruppe</i></font></p><table><tr><td><font "
        "size='1'>Der neue Vorstand vor dem Sportheim. Foto: Rainer "
        "Kloss</font></td></tr></table>" +
        std::string(kClubMeetingProse) + "</td></tr></table></body></html>");
  };
  Article a = page(
      "Kirchdorfer Anzeiger Online - Lokales: Vorstand des TSV im Amt "
      "best\u00e4tigt",
      "Vorstand des TSV im Amt best\u00e4tigt");
  EXPECT_EQ(a.title, "Vorstand des TSV im Amt best\u00e4tigt");
  EXPECT_EQ(a.body.find("Vorstand des TSV"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("Sportheim so gut"), std::string::npos) << a.body;
  a = page("Vorstand des TSV im Amt best\u00e4tigt | Kirchdorfer Anzeiger",
           "Vorstand des TSV im Amt best\u00e4tigt");
  EXPECT_EQ(a.title, "Vorstand des TSV im Amt best\u00e4tigt");
}

// A story set in a table of its own, the headline's row above the text's, has
// its headline in the table; a layout's other column holds none.
TEST(HtmlExtractTest, HeadlinePrintedInARowAboveTheText) {
  const std::string prose = kClubMeetingProse;
  const Article rows = ExtractHtmlDoc(
      "<html><head><title>TSV Kirchdorf - Aktuelles</title></head><body>"
      "<table><tr><td colspan='2'><span>Vorstand im Amt "
      "best\u00e4tigt</span></td></tr><tr><td colspan='2'>" +
      prose + "</td></tr></table></body></html>");
  EXPECT_EQ(rows.title, "Vorstand im Amt best\u00e4tigt");
  const Article columns = ExtractHtmlDoc(
      "<html><head><title>TSV Kirchdorf - Aktuelles</title></head><body>"
      "<table><tr><td><span>Training ab sofort dienstags</span></td><td>" +
      prose + "</td></tr></table></body></html>");
  EXPECT_EQ(columns.title, "TSV Kirchdorf");
}

// Paragraphs classed as the article's paragraphs are the article's in
// whatever box holds them (a "paywall" container around the rest of the
// text); the box's own pitch, classed otherwise, is not.
TEST(HtmlExtractTest, ArticleParagraphsInAFurnitureBox) {
  std::string story = "<h1>Le train de nuit peine</h1>";
  for (int i = 0; i < 3; ++i)
    story +=
        "<p class='article__paragraph'>Le quai de la gare, un mardi "
        "soir de mai (" +
        std::to_string(i) +
        "), a quelque chose d'un lieu hors du temps, avec ses voyageurs "
        "et leurs sacs de randonn\u00e9e.</p>";
  const Article a = ExtractHtmlDoc(
      "<html><body><section class='article__content'>" + story +
      "<div class='paywall'><p class='article__paragraph'>A Austerlitz, le "
      "train de 21 h 08 s'\u00e9branle avec quatre minutes de retard, et le "
      "contr\u00f4leur soupire.</p><p class='paywall__pitch'>Abonnez-vous "
      "pour lire la suite de cet article, \u00e0 partir de 1 euro le "
      "premier mois, sans engagement.</p></div></section></body></html>");
  EXPECT_NE(a.body.find("quatre minutes de retard"), std::string::npos)
      << a.body;
  EXPECT_EQ(a.body.find("Abonnez-vous"), std::string::npos) << a.body;
}

// A story whose free opening and rest stand in boxes named for subscribers
// (a news platform's "subscriber-preview" and "subscriber-only") is whole in
// the body; the box that asks a reader to subscribe is not.
TEST(HtmlExtractTest, StoryInBoxesNamedForSubscribers) {
  const auto para = [](const std::string& s) {
    return "<p>" + s +
           " The sheriff's office gave the details in a statement on Monday "
           "morning, a day after the arrest on the county road.</p>";
  };
  const Article a = ExtractHtmlDoc(
      "<html><body><h1>Man charged after two-county chase</h1><div "
      "class='asset-body'><div class='subscriber-preview'><div "
      "class='asset-content' itemprop='articleBody'>" +
      para("A Ridgeport man faces felony charges after a chase.") +
      para("He was booked into the county jail.") +
      "</div></div><div class='subscriber-only'><div class='asset-content'>" +
      para("Deputies followed the truck across the county line.") +
      para("The chase ended in a field on Hollister Road.") +
      "</div></div></div><div class='subscription-required'><h3>Only $1 for "
      "your first 3 months</h3><p>Stay informed about what is happening in "
      "the county with unlimited digital access.</p></div></body></html>");
  EXPECT_NE(a.body.find("a chase."), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("across the county line"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("Hollister Road"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Stay informed"), std::string::npos) << a.body;
}

// A page of several <article>s, the section's name above them: the one whose
// <h1> is the title is the story, the others with linked headings teasers (a
// regional portal's police report over the section's other reports; from
// written set ac).
TEST(HtmlExtractTest, StoryAmongArticlesOfOneList) {
  const Article a = ExtractHtmlDoc(R"html(<html><body><main class="oe-main">
  <div class="oe-ressortkopf"><span class="oe-ressortname">Polizeibericht</span> <span class="oe-ressortinfo">Meldungen der Polizeiinspektionen im Landkreis</span></div>
  <article class="pol-item pol-item--detail">
    <div class="pol-meta"><span class="pol-ort">Kirchwalden</span> · <time datetime="2024-03-05">05.03.2024</time></div>
    <h1>Einbruch in Vereinsheim – Tresor aufgeflext</h1>
    <p>In der Nacht von Montag auf Dienstag sind bislang unbekannte Täter in das Vereinsheim des Schützenvereins am Sportplatzweg in Kirchwalden eingebrochen. Nach ersten Erkenntnissen der Polizei hebelten sie zwischen 22 Uhr und 6.30 Uhr ein rückwärtiges Fenster auf und gelangten so in den Schankraum.</p>
    <p>Dort brachen die Täter mehrere Schränke auf und öffneten einen im Büro verschraubten Tresor mit einem Trennschleifer. Daraus entwendeten sie die Kasse des Vereins mit rund 1.800 Euro Bargeld sowie mehrere Pokale. Die Sportwaffen des Vereins lagern in einem gesonderten Waffenraum, der nach Angaben der Polizei unberührt blieb.</p>
    <p>Den Sachschaden schätzt die Polizei auf etwa 4.000 Euro. Ein Vereinsmitglied entdeckte den Einbruch am Dienstagmorgen und verständigte die Beamten.</p>
    <p>Die Polizeiinspektion Kirchwalden bittet Zeugen, die in der Nacht verdächtige Personen oder Fahrzeuge im Bereich des Sportplatzes bemerkt oder Schleifgeräusche gehört haben, sich unter der Telefonnummer 08021 9876-0 zu melden.</p>
    <p class="pol-quelle">Quelle: Polizeiinspektion Kirchwalden</p>
    
  </article>
  
  <section class="pol-list">
    <h2>Weitere Meldungen aus dem Polizeibericht</h2>
    <article class="pol-item">
      <div class="pol-meta"><span class="pol-ort">Moosried</span> · <time datetime="2024-03-05">05.03.2024</time></div>
      <h3><a href="/polizei/moosried-radfahrerin-leicht-verletzt-12784.html">Radfahrerin bei Abbiegeunfall leicht verletzt</a></h3>
      <p>Beim Abbiegen in die Rosenheimer Straße hat ein 58-jähriger Autofahrer am Montagnachmittag eine Radfahrerin übersehen. Die 34-Jährige stürzte und wurde mit leichten Verletzungen ins Krankenhaus gebracht.</p>
    </article>
    <article class="pol-item">
      <div class="pol-meta"><span class="pol-ort">Kirchwalden</span> · <time datetime="2024-03-04">04.03.2024</time></div>
      <h3><a href="/polizei/kirchwalden-falsche-polizeibeamte-12779.html">Falsche Polizeibeamte am Telefon: Seniorin reagiert richtig</a></h3>
      <p>Eine 81-jährige Frau hat sich am Sonntag nicht von einem Anrufer täuschen lassen, der sich als Kriminalbeamter ausgab und nach Wertsachen im Haus fragte. Sie legte auf und rief die echte Polizei an.</p>
    </article>
    <article class="pol-item">
      <div class="pol-meta"><span class="pol-ort">Holzhausen</span> · <time datetime="2024-03-04">04.03.2024</time></div>
      <h3><a href="/polizei/holzhausen-traktor-12775.html">Traktor verliert Ladung auf der Staatsstraße</a></h3>
      <p>Mehrere Strohballen sind am Montagmorgen von einem Anhänger auf die Fahrbahn gefallen. Die Straße war für rund eine Stunde gesperrt, verletzt wurde niemand.</p>
    </article>
    <article class="pol-item">
      <div class="pol-meta"><span class="pol-ort">Hausstetten</span> · <time datetime="2024-03-03">03.03.2024</time></div>
      <h3><a href="/polizei/hausstetten-graffiti-12770.html">Graffiti an Schulturnhalle gesprüht</a></h3>
      <p>Unbekannte haben am Wochenende die Fassade der Turnhalle an der Schulstraße mit Schriftzügen besprüht. Die Polizei ermittelt wegen Sachbeschädigung.</p>
    </article>
    <a class="pol-more" href="/polizei/">Alle Polizeimeldungen anzeigen</a>
  </section>
</main></body></html>)html");
  EXPECT_NE(a.body.find("Tresor mit einem Trennschleifer"), std::string::npos)
      << a.body;
  EXPECT_NE(a.body.find("Den Sachschaden"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Beim Abbiegen"), std::string::npos) << a.body;
}

// An <article> set in the text with no line of its own, only another story's
// linked headline and its writer's name, is a teaser card; one with text of
// its own is the article's.
TEST(HtmlExtractTest, TeaserCardArticleInTheText) {
  const std::string story = kBudgetStory;
  const std::string vote = kBudgetVote;
  const auto body = [&](const std::string& inner) {
    return ExtractHtmlDoc(
               "<html><body><article><h1>Budget passed</h1><div "
               "class='text'>" +
               story + inner + vote + "</div></article></body></html>")
        .body;
  };
  std::string b = body(
      "<div><p>More information</p><article class='c'><a "
      "href='/2024/roads.html'><h2>Roads plan delayed again by the "
      "county</h2></a><p>Ann Example</p></article></div>");
  EXPECT_NE(b.find("seven to six"), std::string::npos) << b;
  EXPECT_EQ(b.find("Roads plan delayed"), std::string::npos) << b;
  b = body(
      "<article class='box'><h2>What the budget holds</h2><p>Four new "
      "classrooms, two resurfaced roads and a bus line to the northern "
      "district.</p></article>");
  EXPECT_NE(b.find("Four new classrooms"), std::string::npos) << b;
}

// A <figure> that holds a table (WordPress's table block) is a figure of the
// text: its rows are the article's; a picture's caption is not.
TEST(HtmlExtractTest, TableInAFigureIsText) {
  const Article a = ExtractCouncilStoryWith(
      "<figure class='wp-block-table'><table><tr><th>Sorte</th><th>Wuchs"
      "</th></tr><tr><td>Balkonstar</td><td>Busch, 50 bis 60 cm</td></tr>"
      "</table><figcaption>Bew\u00e4hrte Sorten</figcaption></figure>"
      "<figure><img src='/r.jpg'><figcaption>Das Rathaus am Abend, kurz vor "
      "der Sitzung.</figcaption></figure>");
  EXPECT_NE(a.body.find("Busch, 50 bis 60 cm"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Rathaus am Abend"), std::string::npos) << a.body;
}

// So is one that holds a quotation: WordPress's pull-quote block, and an
// embedded social post the story quotes (news templates set tweets in
// figures), with its links to its author and address; a picture's caption is
// not.
TEST(HtmlExtractTest, QuotationInAFigureIsText) {
  const Article a = ExtractCouncilStoryWith(
      "<figure class='wp-block-pullquote'><blockquote><p>F\u00fcr viele "
      "Familien ist das der Unterschied zwischen Flur und eigenem "
      "Bett.</p><cite>Dr. Tomasz Wieczorek</cite></blockquote></figure>"
      "<figure class='embed'><blockquote><p>Seit sieben Stunden sitzen wir "
      "im Sitzungssaal fest.</p><a href='https://x.com/a/status/1'>3. Feb "
      "2023</a></blockquote></figure>"
      "<figure><img src='/r.jpg'><figcaption>Das Rathaus am Abend, kurz vor "
      "der Sitzung.</figcaption></figure>");
  EXPECT_NE(a.body.find("eigenem Bett"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("Sitzungssaal fest"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Rathaus am Abend"), std::string::npos) << a.body;
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
  // Nor is it the headline's; what it held still sets words apart.
  const Article titled = ExtractHtmlDoc(
      "<html><body><h1><span class='screen-reader-text'>Artikel:</span>Der "
      "Rat<span class='sr-only'>:</span>stimmt dem Budget zu</h1><div "
      "class='text'><p>Der Gemeinderat hat am Freitag lange \u00fcber das "
      "neue Budget beraten und am Ende knapp zugestimmt.</p></div>"
      "</body></html>");
  EXPECT_EQ(titled.title, "Der Rat stimmt dem Budget zu");
}

// A lead paragraph set between the headline and the body container, in a
// container of its own, opens the body, as does a lead inside the page's
// <header>; a short subtitle, a captioned picture's credit line and text above
// the headline do not.
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
  // The first paragraph of the page `above` the body makes, or "".
  const auto opening = [&](const std::string& above) {
    const Article p =
        ExtractHtmlDoc("<html><body>" + above + body + "</body></html>");
    return p.paragraphs.empty() ? std::string() : p.paragraphs.front().text;
  };
  const std::string ferry = "The ferry left the harbour at dawn";
  // The same paragraph after the picture, ending as a sentence, is a lead.
  EXPECT_EQ(opening("<h1>Supplies reach the island</h1><div class='pic'><img "
                    "src='a.jpg'></div><div class='intro'><p>" +
                    lead + "</p></div>"),
            lead);
  // A short subtitle is header matter.
  EXPECT_TRUE(opening("<h1>Supplies reach the island</h1><p class='sub'>The "
                      "first supplies in four days arrived on Tuesday.</p>")
                  .starts_with(ferry));
  // A one-line standfirst (100 bytes or more) is a lead, with or without a
  // full stop; the same line right under a picture is its caption.
  const std::string dek =
      "After four days cut off by the storm, the island received its first "
      "supplies on Tuesday morning by ferry from the mainland";
  EXPECT_EQ(opening("<h1>Supplies reach the island</h1><p class='sub'>" + dek +
                    "</p>"),
            dek);
  EXPECT_TRUE(opening("<h1>Supplies reach the island</h1><div "
                      "class='pic'><img src='a.jpg'></div><p>" +
                      dek + ".</p>")
                  .starts_with(ferry));
  // A lead in the article's own <header>, beside its headline, is its lead;
  // a lead-length paragraph in the site's banner above the headline is not.
  EXPECT_EQ(opening("<header><h1>Supplies reach the island</h1><p "
                    "class='sub'>" +
                    lead + "</p></header>"),
            lead);
  // There a standfirst of two short sentences is one too.
  const std::string short_lead =
      "The island received its first supplies on Tuesday. Regular crossings "
      "resume this week.";
  EXPECT_EQ(opening("<header><h1>Supplies reach the island</h1><p>" +
                    short_lead + "</p></header>"),
            short_lead);
  EXPECT_TRUE(opening("<header><p>" + lead +
                      "</p><a href='/'>Home</a></header><h1>Supplies reach "
                      "the island</h1>")
                  .starts_with(ferry));
  // Without a headline above the body, nothing above it is taken.
  EXPECT_TRUE(opening("<div class='intro'><p>" + lead + "</p></div>")
                  .starts_with(ferry));
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
