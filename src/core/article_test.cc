#include "core/article.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(ArticleTest, MapsBodyOffsetsBackToVerbatimParagraphs) {
  const std::string content = "Menu\nFirst para.\nAd\nSecond para.";
  Article a;
  AppendParagraph(a, Paragraph{"First para.", 5, 16});
  AppendParagraph(a, Paragraph{"Second para.", 20, 32});
  EXPECT_EQ(a.body, "First para.\n\nSecond para.");
  EXPECT_EQ(a.paragraphs[1].body_start, 13u);
  for (const Paragraph& p : a.paragraphs) {
    for (size_t i = 0; i < p.text.size(); ++i) {
      EXPECT_EQ(content[a.ToInputOffset(p.body_start + i)], p.text[i]);
    }
  }
  EXPECT_EQ(a.ToInputOffset(11),
            16u);  // the separator maps to the paragraph's end
}

TEST(ArticleTest, MapsDecodedParagraphsThroughAnchors) {
  // "<p>A&amp;B <b>C</b></p>": text "A&B C", input offsets of A=3, &=4
  // (entity), B=9, C=14.
  Article a;
  Paragraph p{"A&B C", 3, 19};
  p.anchors = {{0, 3}, {1, 4}, {2, 9}, {4, 14}};
  AppendParagraph(a, p);
  EXPECT_EQ(a.ToInputOffset(0), 3u);
  EXPECT_EQ(a.ToInputOffset(1), 4u);
  EXPECT_EQ(a.ToInputOffset(2), 9u);
  EXPECT_EQ(a.ToInputOffset(3), 10u);
  EXPECT_EQ(a.ToInputOffset(4), 14u);
}

}  // namespace
}  // namespace dateline
