#include "serve/serve.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dateline {
namespace {

// An article whose input has multi-byte characters before the body, so byte and code
// point offsets differ.
CodedArticle MakeArticle() {
  CodedArticle c;
  c.document.id = "k24-1";
  c.document.input = "page.txt";
  c.document.kind = InputKind::kPageText;
  c.document.content = "Caf\xC3\xA9 menu \xE2\x80\x94 nav\nIraqi forces attacked ISIS.\nFooter";
  const size_t start = c.document.content.find("Iraqi");
  AppendParagraph(c.article, Paragraph{"Iraqi forces attacked ISIS.", start, start + 27});
  Event e;
  e.cameo = "190";
  e.plover = "FIGHT";
  e.source.span = {0, 12};
  e.source.actor.country = "IRQ";
  e.source.actor.sectors = {"MIL"};
  e.evidence = {0, 27};
  e.modality = "asserted";
  c.events.push_back(e);
  return c;
}

TEST(ServeTest, RecordOffsetsAreCodePointsIntoTheInput) {
  CodedArticle c = MakeArticle();
  nlohmann::json rec = ArticleRecord(c);
  EXPECT_EQ(rec["id"], "k24-1");
  EXPECT_EQ(rec["format"], "dateline.article/1");
  const auto& ev = rec["events"][0];
  EXPECT_EQ(ev["evidence"]["text"], "Iraqi forces attacked ISIS.");
  // "Café menu — nav\n" is 16 code points (20 bytes).
  EXPECT_EQ(ev["evidence"]["start"], 16);
  EXPECT_EQ(ev["evidence"]["end"], 43);
  EXPECT_EQ(ev["source"]["code"], "IRQMIL");
  EXPECT_EQ(ev["source"]["start"], 16);
  EXPECT_EQ(ev["source"]["end"], 28);
  EXPECT_TRUE(ev["target"].is_null());
  EXPECT_EQ(rec["article"]["paragraphs"][0]["start"], 16);
}

TEST(ServeTest, DelimitedOutputQuotesFields) {
  StoredEvent e;
  e.article_id = "a";
  e.evidence = "He said \"no\", then left.";
  e.cameo = "010";
  std::ostringstream csv, tsv;
  PrintEventDelimited({e}, ',', csv);
  EXPECT_NE(csv.str().find("\"He said \"\"no\"\", then left.\""), std::string::npos);
  PrintEventDelimited({e}, '\t', tsv);
  EXPECT_NE(tsv.str().find("\tHe said \"no\", then left.\n"), std::string::npos);
}

TEST(ServeTest, TableHasHeaderRowsAndCount) {
  StoredEvent e;
  e.article_id = "a";
  e.published = "2021-06-03";
  e.plover = "CONSULT";
  e.source_code = "IRQGOV";
  std::ostringstream out;
  PrintEventTable({e, e}, out);
  EXPECT_EQ(out.str().rfind("DATE", 0), 0u);
  EXPECT_NE(out.str().find("2021-06-03*"), std::string::npos);  // date from publication
  EXPECT_NE(out.str().find("2 event(s)"), std::string::npos);
}

}  // namespace
}  // namespace dateline
