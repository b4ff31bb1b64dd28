// StandInParse against gumbo's own parse of the same text (a differential
// test): the tree, every text node's text and source span and every
// attribute's value must be the same, on pages written to reach the scan's
// edges and on the shared evaluation pages when the shared folder is present.
#include "extract/stand_in_parse.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/tree_diff.h"
#include "ingest/ingest.h"

namespace dateline::extract_internal {
namespace {

GumboOptions Options() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 64;
  return options;
}

// The first difference between the stand-in parse of `html` and gumbo's, or
// "" when there is none; *stood_in says whether the shorter text was kept.
std::string Compare(std::string_view html, bool* stood_in = nullptr) {
  const GumboOptions options = Options();
  StandInParse parse(html, options.max_errors);
  GumboOutput* plain =
      gumbo_parse_with_options(&options, html.data(), html.size());
  std::string diff = TreeDiff(parse.output()->document, plain->document);
  gumbo_destroy_output(&options, plain);
  if (stood_in) *stood_in = parse.stood_in();
  return diff;
}

// A literal's bytes, NUL bytes included.
template <size_t N>
std::string Bytes(const char (&s)[N]) {
  return std::string(s, N - 1);
}

struct Case {
  const char* name;
  std::string html;
  bool stood_in;  // whether the shorter text's parse is expected to be kept
};

std::vector<Case> Cases() {
  return {
      {"paragraphs and attributes",
       "<html lang=\"de\"><head><title>T</title><meta name=\"description\" "
       "content=\"Ein Satz.\"></head><body><div class=\"story body\" "
       "id='main'><p>Erster Absatz mit Text.</p><p>Zweiter \xC3\xA4 "
       "Absatz.</p></div></body></html>",
       true},
      {"character references between runs",
       "<p>Tom &amp; Jerry &#8217;s &nbsp; house &notit; AT&T rocks &amp "
       "on</p>",
       true},
      {"a script holding </div> and a string with </script",
       "<body><script>var s = '</div>'; var t = '<\\/script>';</script>"
       "<p>After the script text.</p></body>",
       true},
      {"unterminated script",
       "<body><p>Before it.</p><script>var x = 1; <p>not a paragraph</p>",
       true},
      {"comments, CDATA and a bogus comment",
       "<body><!-- a > comment --><p>Text one.</p><!--> early end <p>Two "
       "words</p><math><![CDATA[ a > b ]]> c d</math><?php echo 1 ?> e "
       "f</body>",
       true},
      {"uppercase tags and attribute names",
       "<HTML><BODY><DIV CLASS=\"Article Body\"><P>Upper case "
       "text.</P></DIV><SCRIPT TYPE=\"text/javascript\">if (a<b) {}</SCRIPT>"
       "<p>More text here.</p></BODY></HTML>",
       true},
      {"JSON-LD kept in its script",
       "<head><script type=\"application/ld+json\">{\"@type\": "
       "\"NewsArticle\", \"headline\": \"A <b> headline\"}</script></head>"
       "<body><p>Body text.</p></body>",
       true},
      {"text in a table is moved before it",
       "<table>stray text<tr><td>cell text</td></tr></table><p>after it</p>",
       true},
      {"an input's type in a table is read by the tree builder",
       "<table><input type=\"hidden\" name=\"token value\"><tr><td>x "
       "y</td></tr></table>",
       true},
      {"duplicate attributes",
       "<div class=\"first one\" class=\"second one\" ID=\"a b\" id=\"c "
       "d\">text here</div>",
       false},
      {"a literal < in text", "<p>a < b and 3<5 and <\xC3\xA4 too</p>", true},
      {"leading newline in <pre> and <textarea>",
       "<pre>\nline one\nline two</pre><textarea>\nfield text</textarea>",
       true},
      {"text before <head> and after </html>",
       "  leading words <html><head></head>  <body>body words</body></html> "
       "trailing words",
       true},
      // The values of <html> and <body> tags are not stood in for: a second
      // tag's go to the first element or nowhere.
      {"a second <body> tag merges its attributes",
       "<body class=\"one two\"><p>text one</p><body class=\"three four\" "
       "id=\"x y\"><p>text two</p>",
       true},
      {"a second <html> tag inside the body, between spaces",
       "<html lang=\"en\"><body><p>text one</p> <html lang=\"de-DE\" "
       "class=\"no-js\"> <p>text two</p>",
       true},
      {"frameset drops text", "<frameset>some text<frame src=\"a\"></frameset>",
       false},
      {"the stand-in byte in the page", "<p>a \x01 b and more text</p>", false},
      {"carriage returns, NUL and invalid UTF-8 stay in the text",
       Bytes("<p>line one\r\nline two</p><p>nul \0 here</p><p>bad \xC3 "
             "byte here</p><p>c1 \xC2\x85 here</p><p>tab\tand\fform "
             "feed</p>"),
       true},
      {"characters gumbo changes in the middle of long runs",
       "<p>abcdefghijklmnop\x7Fqrstuvwxyz</p><p>abcdefghij\x0Bklmnopqrst</p>"
       "<p class=\"abcdefghijk&amp;lmnopqrstu\">abcdefghijklmn\xC2\x9Fopq</p>"
       "<p>abcdefghijklmnopqrstuvwxyz \xEF\xB7\x90 abc</p>"
       "<p>plain words stand in</p>",
       true},
      {"unterminated tag and quote",
       "<p>text before</p><div class=\"open>never closed text", true},
      {"plaintext runs to the end",
       "<p>text before</p><plaintext><p>not a tag</p>", true},
      {"templates and svg",
       "<template><p>template text</p></template><svg><title>svg "
       "title</title><text>svg text</text></svg><p>after</p>",
       true},
      {"select and formatting elements",
       "<p><b>bold <i>both</b> italic</i> plain</p><select><option>one "
       "option</option></select>",
       true},
      // Gumbo ignores "</>" but leaves it at the head of the next tag's
      // original text, from which an unknown element's name is read.
      {"an empty end tag before an unknown element",
       "<div></><news-votes class=\"vote count\">12 up</news-votes></div>",
       true},
      // Gumbo makes a NUL and an invalid byte in attribute names both U+FFFD:
      // one name twice, read as the parse errors before it have counted.
      {"attribute names that gumbo rewrites to one",
       Bytes("<>\x22<e>\xCE\xFF\x08\x00\x00\x08\x00\x00\x00\x00\x00"
             "\x00\x00\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00"
             "\x00\x00\x00\x00\x00\x00\x00<z\x00\x0D\xDF\x0D\x0F\x0Dl>"),
       false},
      {"noscript in head",
       "<head><noscript><p>no script text</p></noscript></head><body>body "
       "text</body>",
       true},
  };
}

TEST(StandInParseTest, SameTreeAsGumbo) {
  for (const Case& c : Cases()) {
    bool stood_in = false;
    EXPECT_EQ(Compare(c.html, &stood_in), "") << c.name;
    EXPECT_EQ(stood_in, c.stood_in) << c.name;
  }
}

TEST(StandInParseTest, EmptyAndTiny) {
  for (std::string_view html : {"", "<", "a", "ab", "<p>", "</", "<!--", "&"})
    EXPECT_EQ(Compare(html), "") << html;
}

// Every prefix of a page with most of the scan's cases: a page cut anywhere
// (in a tag, a quote, a comment, a reference) parses the same.
TEST(StandInParseTest, EveryPrefix) {
  const std::string page =
      "<!DOCTYPE html><html><head><title>A &amp; B</title><meta "
      "property=\"og:title\" content=\"The title\"><script>if (a<b) "
      "x='</p>';</script><style>p { color: red }</style></head><body "
      "class=\"page home\"><!-- note --><div id=\"main col\"><h1>Head "
      "line</h1><p>First &nbsp; para&shy;graph, with <a href=\"\">a "
      "link</a>.</p><table><tr><td>one cell</td><td>two "
      "cells</td></tr></table><p>3 < 4 and 5 > 4</p></div></body></html>";
  for (size_t n = 0; n <= page.size(); ++n)
    EXPECT_EQ(Compare(std::string_view(page).substr(0, n)), "") << n;
}

std::string SharedDir() {
  if (const char* env = std::getenv("DATELINE_SHARED")) return env;
  return DATELINE_SHARED_DIR;
}

// The HTML pages of shared/eval (both extraction sets), as ingest reads them
// (every attribute still there: extraction cuts those it does not read before
// parsing). Skipped when the shared folder is absent.
TEST(StandInParseTest, SharedPages) {
  std::vector<std::string> paths;
  for (const char* set : {"extraction", "extraction-wild"}) {
    const std::filesystem::path dir =
        std::filesystem::path(SharedDir()) / "eval" / set / "html";
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      paths.push_back(e.path().string());
  }
  if (paths.empty()) GTEST_SKIP() << "no shared pages";
  size_t pages = 0, stood_in = 0, parsed = 0, total = 0;
  IngestOptions options;
  options.kind = InputKind::kHtml;
  ReadInputs(paths, options, [&](Result<Document> d) {
    ASSERT_TRUE(d.ok());
    const GumboOptions gumbo_options = Options();
    StandInParse parse(d->content, gumbo_options.max_errors);
    GumboOutput* plain = gumbo_parse_with_options(
        &gumbo_options, d->content.data(), d->content.size());
    EXPECT_EQ(TreeDiff(parse.output()->document, plain->document), "") << d->id;
    gumbo_destroy_output(&gumbo_options, plain);
    ++pages;
    stood_in += parse.stood_in();
    parsed += parse.parsed_bytes();
    total += d->content.size();
  });
  // Two in five of these pages repeat an attribute in some tag (an <img> with
  // two alts), and are parsed as they are; of the pages as extraction hands
  // them to gumbo, with unread attributes cut, 540 of the 597 keep the
  // shorter parse.
  EXPECT_GE(stood_in * 100, pages * 55) << stood_in << " of " << pages;
  std::printf("%zu pages, %zu stood in; gumbo lexed %zu of %zu bytes\n", pages,
              stood_in, parsed, total);
}

}  // namespace
}  // namespace dateline::extract_internal

namespace dateline::extract_internal {
namespace {

// Past its limit the arena hands out malloc's memory, and frees only that.
TEST(GumboArenaTest, BlocksThenHeap) {
  GumboArena arena(1024);
  void* a = GumboArena::Allocate(&arena, 100);
  void* b = GumboArena::Allocate(&arena, 2000);  // a second, larger block
  EXPECT_NE(a, b);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(b) % 16, 0u);
  EXPECT_TRUE(arena.all_in_blocks());
  GumboArena::Deallocate(&arena, a);  // a no-op
  void* big = GumboArena::Allocate(&arena, GumboArena::kLimit);
  EXPECT_FALSE(arena.all_in_blocks());
  std::memset(big, 0, GumboArena::kLimit);
  GumboArena::Deallocate(&arena, big);  // freed
  GumboArena::Deallocate(&arena, b);    // still a no-op: b is in a block
}

}  // namespace
}  // namespace dateline::extract_internal
