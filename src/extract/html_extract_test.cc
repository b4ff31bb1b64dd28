#include "extract/html_extract.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "extract/extract.h"

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

// Every character of every paragraph maps back to the same character in the source,
// except characters that came from an entity (there the source holds '&').
void ExpectAnchorsRoundTrip(const Article& a, const std::string& html) {
  for (const Paragraph& p : a.paragraphs) {
    ASSERT_FALSE(p.anchors.empty()) << p.text;
    EXPECT_LE(p.start, p.end);
    EXPECT_LE(p.end, html.size());
    for (size_t i = 0; i < p.text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(p.text[i]);
      if (c == ' ' || c >= 0x80) continue;  // collapsed white space, multi-byte entities
      size_t in = a.ToInputOffset(p.body_start + i);
      ASSERT_LT(in, html.size());
      EXPECT_TRUE(html[in] == p.text[i] || html[in] == '&')
          << "paragraph '" << p.text << "' offset " << i << " maps to '" << html.substr(in, 10) << "'";
    }
  }
}

TEST(HtmlGoldenTest, NewsArticlePage) {
  std::string html = ReadFile(std::string(DATELINE_TESTDATA_DIR) + "/extract/news_article.html");
  ASSERT_FALSE(html.empty());
  Article a = ExtractHtmlDoc(html);
  EXPECT_EQ(a.title, "Afghan officials and Taliban resume talks in Doha");
  EXPECT_EQ(a.section, "World");  // JSON-LD articleSection wins over article:section
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Amina Rahimi", "John Carter"}));
  EXPECT_EQ(a.tags, (std::vector<std::string>{"Afghanistan", "Taliban", "Peace talks"}));
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(*a.published, (PartialDate{2021, 6, 3}));
  EXPECT_EQ(a.published_source, "json-ld");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.canonical_url, "https://ledger.example.org/world/2021/06/03/afghan-taliban-talks-doha");
  EXPECT_EQ(a.copyright_year, 2021);
  EXPECT_EQ(a.dateline, "Kabul");
  ASSERT_EQ(a.paragraphs.size(), 5u) << a.body;
  EXPECT_EQ(a.paragraphs[0].text.substr(0, 14), "KABUL \xE2\x80\x94 Nego");
  EXPECT_NE(a.paragraphs[1].text.find("government\xE2\x80\x99s negotiating team"), std::string::npos);
  EXPECT_NE(a.paragraphs[1].text.find("a permanent ceasefire"), std::string::npos);
  EXPECT_NE(a.paragraphs[4].text.find("troops & contractors"), std::string::npos);
  for (const char* absent : {"Home", "Delegates arrive", "Share on", "Read more", "Ten years",
                             "Sign up", "third round", "Privacy", "All rights", "By Amina"}) {
    EXPECT_EQ(a.body.find(absent), std::string::npos) << absent;
  }
  ExpectAnchorsRoundTrip(a, html);
  // The first paragraph starts at the 'K' of KABUL in the source.
  EXPECT_EQ(html.substr(a.paragraphs[0].start, 5), "KABUL");
  EXPECT_EQ(html.substr(a.ToInputOffset(a.paragraphs[3].body_start), 8), "Fighting");
}

TEST(HtmlExtractTest, AnchorsThroughEntitiesAndInlineTags) {
  std::string html =
      "<html><body><article><p>Tom &amp; Jerry   met <b>the</b>\n  mayor &#8212; again, in "
      "<a href='/x'>Paris</a> on Monday, officials said on Tuesday evening.</p></article></body></html>";
  Article a = ExtractHtmlDoc(html);
  ASSERT_EQ(a.paragraphs.size(), 1u);
  EXPECT_EQ(a.paragraphs[0].text,
            "Tom & Jerry met the mayor \xE2\x80\x94 again, in Paris on Monday, officials said on "
            "Tuesday evening.");
  ExpectAnchorsRoundTrip(a, html);
  size_t mayor = a.body.find("mayor");
  EXPECT_EQ(html.substr(a.ToInputOffset(mayor), 5), "mayor");
  size_t paris = a.body.find("Paris");
  EXPECT_EQ(html.substr(a.ToInputOffset(paris), 5), "Paris");
  const Paragraph& p = a.paragraphs[0];
  EXPECT_EQ(html.substr(p.end - 8, 8), "evening.");
}

TEST(HtmlExtractTest, MetadataFallbacks) {
  std::string html =
      "<html lang='de-DE'><head><title>Ein Titel - Zeitung</title>"
      "<meta name='date' content='3. Juni 2021'>"
      "<meta name='keywords' content='Politik, Berlin'></head>"
      "<body><h1>Ein Titel</h1><div class='article-body'><p>Der Bundestag hat am Donnerstag "
      "ein neues Gesetz beschlossen, das die Regeln f\xC3\xBCr Parteien \xC3\xA4ndert.</p></div>"
      "</body></html>";
  Article a = ExtractHtmlDoc(html, "https://zeitung.example.de/2021/06/03/gesetz");
  EXPECT_EQ(a.title, "Ein Titel");
  EXPECT_EQ(a.language, "de-DE");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"Politik", "Berlin"}));
  EXPECT_FALSE(a.published.has_value());  // a non-ISO date goes to published_text
  EXPECT_EQ(a.published_text, "3. Juni 2021");
  EXPECT_EQ(a.canonical_url, "https://zeitung.example.de/2021/06/03/gesetz");
  ASSERT_EQ(a.paragraphs.size(), 1u);
}

TEST(HtmlExtractTest, DateFromUrlWhenPageHasNone) {
  Article a = ExtractHtmlDoc("<p>Short text of a page that has no date at all in it, none.</p>",
                             "https://news.example.com/2020/02/29/leap");
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(*a.published, (PartialDate{2020, 2, 29}));
  EXPECT_EQ(a.published_source, "url");
}

TEST(HtmlExtractTest, JsonLdArticleBodyGuidesSelection) {
  std::string body =
      "The first paragraph of the story tells what happened in the capital on Monday morning. "
      "The second paragraph gives the reaction of the government and of the opposition parties. "
      "The third paragraph explains the background of the dispute over the election results. "
      "The fourth paragraph quotes a diplomat who expects talks between the parties to resume.";
  nlohmann::json ld = {{"@type", "NewsArticle"}, {"headline", "H"}, {"articleBody", body}};
  std::string html =
      "<html><head><script type='application/ld+json'>" + ld.dump() +
      "</script></head><body><div class='x'><p>Most read: a completely different story that "
      "has many words and commas, lots of them, here, there, everywhere, to score well.</p></div>"
      "<div><p>The first paragraph of the story tells what happened in the capital on Monday "
      "morning.</p><p>The second paragraph gives the reaction of the government and of the "
      "opposition parties.</p><p>The third paragraph explains the background of the dispute "
      "over the election results.</p><p>The fourth paragraph quotes a diplomat who expects talks "
      "between the parties to resume.</p></div></body></html>";
  Article a = ExtractHtmlDoc(html);
  ASSERT_EQ(a.paragraphs.size(), 4u) << a.body;
  EXPECT_EQ(a.body.find("Most read"), std::string::npos);
}

TEST(HtmlExtractTest, MalformedJsonLdIsIgnored) {
  Article a = ExtractHtmlDoc(
      "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": </script>"
      "<p>A paragraph of real text that is long enough to be kept as the body of the page.</p>");
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

TEST(HtmlExtractTest, RobustInputs) {
  std::string binary;
  for (int i = 0; i < 2000; ++i) binary += static_cast<char>((i * 37) % 128);
  std::vector<RobustCase> cases = {
      {"empty", ""},
      {"truncated", "<html><body><p>Unfinished"},
      {"binary", binary},
      {"deep", Nested(1000)},
      {"hostile depth", Nested(200000)},
      {"no body", "<p>Just a paragraph without html or body tags, long enough to count.</p>"},
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

}  // namespace
}  // namespace dateline
