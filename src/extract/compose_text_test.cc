#include "extract/compose_text.h"

#include <gtest/gtest.h>

#include <string>

#include "core/document.h"
#include "extract/extract.h"

namespace dateline::extract_internal {
namespace {

// "ü" written as "u" and a combining diaeresis, as some editors save it.
constexpr char kDecomposedMunich[] = "Mu\xCC\x88nchen";
constexpr char kComposedMunich[] = "M\xC3\xBCnchen";

TEST(ComposeNfcTest, ComposesCombiningMarks) {
  EXPECT_EQ(ComposeNfc(kDecomposedMunich), kComposedMunich);
}

TEST(ComposeNfcTest, SplitsCompositionExclusions) {
  // U+09DC BENGALI LETTER RRA is excluded from composition: NFC writes it as
  // U+09A1 DDA and U+09BC NUKTA.
  EXPECT_EQ(ComposeNfc("\xE0\xA7\x9C"), "\xE0\xA6\xA1\xE0\xA6\xBC");
}

TEST(ComposeNfcTest, LeavesNfcAndBrokenTextAlone) {
  EXPECT_EQ(ComposeNfc("plain ASCII"), "plain ASCII");
  EXPECT_EQ(ComposeNfc(kComposedMunich), kComposedMunich);
  const std::string broken = "a\xCC b\xFF";
  EXPECT_EQ(ComposeNfc(broken), broken);
}

// Input offset of the first occurrence of `needle` in the article's body.
size_t InputOffsetOf(const Article& a, const std::string& needle) {
  const size_t at = a.body.find(needle);
  EXPECT_NE(at, std::string::npos) << needle << " not in " << a.body;
  return a.ToInputOffset(at);
}

TEST(ComposeParagraphTest, KeepsOffsetsOfVerbatimText) {
  // Page text: the paragraph is the input verbatim, with no anchors.
  const std::string input = std::string("Gru\xCC\x88\x65 aus ") +
                            kDecomposedMunich + " und Ko\xCC\x88ln.";
  Article a;
  Paragraph p;
  p.text = input;
  p.start = 0;
  p.end = input.size();
  AppendParagraph(a, p);
  ComposeArticleText(a, /*compose_paragraphs=*/true);
  EXPECT_EQ(a.body, std::string("Gr\xC3\xBC\x65 aus ") + kComposedMunich +
                        " und K\xC3\xB6ln.");
  EXPECT_EQ(InputOffsetOf(a, "aus"), input.find("aus"));
  EXPECT_EQ(InputOffsetOf(a, "und"), input.find("und"));
  EXPECT_EQ(InputOffsetOf(a, "K\xC3\xB6ln"), input.find("Ko"));
  EXPECT_EQ(InputOffsetOf(a, "ln."), input.find("ln."));
}

TEST(ComposeParagraphTest, KeepsOffsetsAcrossExistingAnchors) {
  // Decoded HTML: "<b>x</b>" style markup between the words, so the text
  // jumps ahead of the input at the anchors.
  Paragraph p;
  p.text = std::string(kDecomposedMunich) + " Berlin";  // 9 + 7 bytes
  p.start = 100;
  p.end = 140;
  p.anchors = {{0, 103}, {9, 120}};  // "München" at 103, " Berlin" at 120
  Article a;
  AppendParagraph(a, p);
  ComposeArticleText(a, /*compose_paragraphs=*/true);
  EXPECT_EQ(a.body, std::string(kComposedMunich) + " Berlin");
  EXPECT_EQ(InputOffsetOf(a, "M"), 103u);
  EXPECT_EQ(InputOffsetOf(a, "nchen"), 103u + 4);
  EXPECT_EQ(InputOffsetOf(a, "Berlin"), 121u);
}

TEST(ComposeParagraphTest, LeavesNfcParagraphsUntouched) {
  Paragraph p;
  p.text = kComposedMunich;
  p.start = 7;
  p.end = 7 + p.text.size();
  EXPECT_FALSE(ComposeParagraph(p));
  EXPECT_TRUE(p.anchors.empty());
}

// Page text: the title is put in NFC, the paragraphs stay verbatim slices of
// the input.
TEST(ComposeArticleTextTest, PageTextParagraphsStayVerbatim) {
  Document doc;
  doc.kind = InputKind::kPageText;
  doc.content = std::string(kDecomposedMunich) +
                " erwartet Regen\n\nDer Wetterdienst sagt f\u00fcr " +
                kDecomposedMunich +
                " am Wochenende starken Regen voraus, und die Stadt bereitet "
                "sich auf Hochwasser an der Isar vor.\n";
  const Result<Article> a = ExtractArticle(doc);
  ASSERT_TRUE(a.ok());
  ASSERT_FALSE(a->paragraphs.empty());
  for (const Paragraph& p : a->paragraphs) {
    EXPECT_EQ(doc.content.substr(p.start, p.end - p.start), p.text);
  }
  if (!a->title.empty()) {
    EXPECT_EQ(a->title.find(kDecomposedMunich), std::string::npos);
  }
}

TEST(ComposeArticleTextTest, ExtractedHtmlIsInNfc) {
  Document doc;
  doc.kind = InputKind::kHtml;
  doc.content = std::string("<html><head><title>") + kDecomposedMunich +
                " erwartet Regen</title></head><body><article><h1>" +
                kDecomposedMunich +
                " erwartet Regen</h1><p>Der Wetterdienst sagt f\xC3\xBCr " +
                kDecomposedMunich +
                " am Wochenende starken Regen voraus, und die Stadt "
                "bereitet sich auf Hochwasser an der Isar vor.</p>"
                "<p>Die Feuerwehr hat Sands\xC3\xA4\x63ke an die Anwohner am "
                "Fluss verteilt und bittet sie, Keller zu r\xC3\xA4umen."
                "</p></article></body></html>";
  const Result<Article> a = ExtractArticle(doc);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, std::string(kComposedMunich) + " erwartet Regen");
  ASSERT_NE(a->body.find(kComposedMunich), std::string::npos) << a->body;
  EXPECT_EQ(a->body.find(kDecomposedMunich), std::string::npos);
  const size_t body_at = a->body.find(kComposedMunich);
  const size_t input_at =
      doc.content.find(kDecomposedMunich, doc.content.find("sagt"));
  EXPECT_EQ(a->ToInputOffset(body_at), input_at);
  EXPECT_EQ(a->ToInputOffset(a->body.find("am Wochenende")),
            doc.content.find("am Wochenende"));
}

}  // namespace
}  // namespace dateline::extract_internal
