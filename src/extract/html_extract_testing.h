// Helpers shared by the HTML extraction tests (html_extract_test.cc,
// page_metadata_test.cc, printed_metadata_test.cc, markup_prepass_test.cc):
// a page run through the public extraction entry point, and a check that
// paragraph offsets lead back to the page's bytes. Test code only.
#ifndef DATELINE_EXTRACT_HTML_EXTRACT_TESTING_H_
#define DATELINE_EXTRACT_HTML_EXTRACT_TESTING_H_

#include <gtest/gtest.h>

#include <string>

#include "core/article.h"
#include "core/document.h"
#include "extract/extract.h"

namespace dateline {

// The article ExtractArticle gives for `html` read as an HTML page at `url`.
inline Article ExtractHtmlDoc(const std::string& html,
                              const std::string& url = "") {
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
inline void ExpectAnchorsRoundTrip(const Article& a, const std::string& html) {
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

// An article body for the metadata tests: two paragraphs of made-up council
// news.
inline constexpr char kCouncilBody[] =
    "<div class='text'><p>Der Gemeinderat hat am Freitag lange \u00fcber das "
    "neue Budget beraten, das im Fr\u00fchjahr vorgelegt worden war, und am "
    "Ende knapp zugestimmt.</p><p>Die Gegner k\u00fcndigten ein Referendum an "
    "und sammeln nun in allen Quartieren der Stadt Unterschriften "
    "daf\u00fcr.</p></div>";

// The council story under an <h1>, in a container that holds `after` too (a
// box, a line or a table set after the text), extracted.
inline Article ExtractCouncilStoryWith(const std::string& after) {
  return ExtractHtmlDoc(
      std::string("<html><body><h1>Der Rat</h1><div class='main'>") +
      kCouncilBody + after + "</div></body></html>");
}

// A short story and a reader's remark under it, for the tests of how markup
// is read.
inline constexpr char kBudgetStory[] =
    "<p>The council approved the new budget on Friday after a long debate "
    "about schools and roads in the district.</p>";
// A second paragraph of that story.
inline constexpr char kBudgetVote[] =
    "<p>The vote was close, seven to six, and the mayor said the schools "
    "would see the money first.</p>";
inline constexpr char kReaderRemark[] =
    "<p>I think this is a terrible idea and the mayor should resign now, "
    "wrote one reader.</p>";

}  // namespace dateline

#endif  // DATELINE_EXTRACT_HTML_EXTRACT_TESTING_H_
