#include "extract/extract.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(ExtractArticleTest, RejectsUnresolvedKinds) {
  for (InputKind kind : {InputKind::kAuto, InputKind::kJsonLines}) {
    Document doc;
    doc.kind = kind;
    doc.input = "feed.jsonl:3";
    doc.content = "text";
    Result<Article> r = ExtractArticle(doc);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().input, "feed.jsonl:3");
    EXPECT_NE(r.error().message.find(InputKindName(kind)), std::string::npos);
  }
}

TEST(ExtractArticleTest, InputDateWins) {
  Document doc;
  doc.kind = InputKind::kHtml;
  doc.published = PartialDate{2020, 1, 2};
  doc.content =
      "<meta property='article:published_time' content='2021-06-03'><p>Text "
      "here.</p>";
  Result<Article> r = ExtractArticle(doc);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r->published, (PartialDate{2020, 1, 2}));
  EXPECT_EQ(r->published_source, DateSource::kInput);
}

TEST(ExtractArticleTest, PlainTextKeepsEveryParagraph) {
  Document doc;
  doc.kind = InputKind::kText;
  doc.url = "https://example.org/a";
  doc.content = "Read More: this stays.\n\nAll Rights Reserved\n";
  Result<Article> r = ExtractArticle(doc);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->paragraphs.size(), 2u);
  EXPECT_EQ(r->body, "Read More: this stays.\n\nAll Rights Reserved");
  EXPECT_EQ(r->canonical_url, "https://example.org/a");
}

TEST(ExtractArticleTest, CutsHugeInputAtCodePointBoundary) {
  Document doc;
  doc.kind = InputKind::kText;
  doc.content = "\xC3\xA9\xC3\xA9\xC3\xA9";  // three two-byte letters
  ExtractOptions options;
  options.max_input_bytes = 3;  // inside the second letter
  Result<Article> r = ExtractArticle(doc, options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->body, "\xC3\xA9");
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].rfind("input cut at 2 bytes", 0), 0u)
      << r->warnings[0];

  // Within the limit: no warning.
  options.max_input_bytes = 6;
  r = ExtractArticle(doc, options);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->warnings.empty());
}

TEST(ExtractArticleTest, EmptyAndJunkDocumentsGiveEmptyArticles) {
  for (InputKind kind :
       {InputKind::kPageText, InputKind::kHtml, InputKind::kText}) {
    for (std::string content : {std::string(), std::string("\n\n \xC2\xA0\n"),
                                std::string("\x01\x02\x03\x7f", 4)}) {
      Document doc;
      doc.kind = kind;
      doc.content = content;
      Result<Article> r = ExtractArticle(doc);
      ASSERT_TRUE(r.ok());
      for (const Paragraph& p : r->paragraphs) EXPECT_LE(p.end, content.size());
    }
  }
}

TEST(ExtractArticleTest, PageTextWithoutProseFallsBack) {
  Document doc;
  doc.kind = InputKind::kPageText;
  doc.content =
      "Menu\nHome\nthe only real line of this page has some words but no "
      "period at all\n";
  Result<Article> r = ExtractArticle(doc);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->paragraphs.size(), 1u);
  EXPECT_EQ(r->paragraphs[0].text.substr(0, 8), "the only");
}

}  // namespace
}  // namespace dateline
