#include "extract/markup_prepass.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/html_extract_testing.h"

// The page made ready for gumbo (markup_prepass.cc): nesting bounded, bodies
// and attributes cut, offsets kept; seen through ExtractArticle.

namespace dateline {
namespace {

// Script and style bodies are dropped before parsing; offsets must still point
// into the page as given, including text after and between scripts, and JSON-LD
// is still read.
TEST(MarkupPrepassTest, AnchorsSurviveDroppedScripts) {
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
TEST(MarkupPrepassTest, DeepNestingKeepsTheTextWithAWarning) {
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
TEST(MarkupPrepassTest, NestingCountsTheTagsAnHtmlParserNests) {
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

// Of two attributes of one name the first counts (HTML5), in any tag and
// however many parse errors came before: gumbo, once it stops recording
// errors (64 here, after the stray end tags), would glue the name after a
// repeated attribute without a value to it ("classhidden").
TEST(MarkupPrepassTest, RepeatedAttributesReadAsHtml5Says) {
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
TEST(MarkupPrepassTest, CommentsAreNoText) {
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

TEST(MarkupPrepassTest, RobustInputs) {
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

// What is cut before parsing (unread attributes, indentation between tags,
// comments, noscript and select bodies) leaves every paragraph's anchors
// pointing into the page as given, ends included, and a custom element is not
// read as the standard one its name starts with.
TEST(MarkupPrepassTest, PreParseCutsKeepOffsets) {
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
TEST(MarkupPrepassTest, PreParseCutKeepsTheValuesRead) {
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

}  // namespace
}  // namespace dateline
