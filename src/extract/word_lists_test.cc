#include "extract/word_lists.h"

#include <gtest/gtest.h>
#include <gumbo.h>

#include <string>

#include "extract/html_dom.h"
#include "extract/text_rules.h"

namespace dateline::extract_internal {
namespace {

constexpr std::string_view kTwelve =
    "month | en | january; february; march; april; may; june; july; august; "
    "september; october; "
    "november; december\n";

TEST(WordListsTest, BuiltInListsParse) {
  const WordListSet& lists = WordLists();
  ASSERT_GE(lists.months.size(), 12u);
  EXPECT_EQ(lists.months.size() % 12, 0u);
  EXPECT_EQ(lists.days.size() % 7, 0u);
  EXPECT_EQ(lists.months[0], "january");  // URL paths name months in English
  EXPECT_EQ(lists.months[11], "december");
  EXPECT_FALSE(lists.class_cues.empty());
  EXPECT_FALSE(lists.related_start.empty());
  // Poster cues have their own list, not the class verdicts' tokens.
  EXPECT_FALSE(lists.poster_tokens.empty());
  EXPECT_EQ(lists.class_tokens.count("username"), 0u);
  EXPECT_FALSE(lists.kicker_stems.empty());
  EXPECT_FALSE(lists.role_word.empty());
  EXPECT_FALSE(lists.desk_word.empty());
}

TEST(WordListsTest, QuotesKeepSpacesAtTheEnds) {
  WordListSet set;
  std::string error;
  ASSERT_TRUE(ParseWordLists(
      kTwelve, "", "satellite | \"sat \"; orbit ;  \"  \"\n", &set, &error))
      << error;
  ASSERT_EQ(set.satellite.size(), 3u);
  EXPECT_EQ(set.satellite[0], "sat ");
  EXPECT_EQ(set.satellite[1], "orbit");
  EXPECT_EQ(set.satellite[2], "  ");
}

TEST(WordListsTest, ListsSpanLinesInFileOrder) {
  WordListSet set;
  std::string error;
  ASSERT_TRUE(ParseWordLists(kTwelve, "",
                             "# a comment\nsite-map | a; b\n\nsite-map | c\n",
                             &set, &error))
      << error;
  EXPECT_EQ(set.site_map, (std::vector<std::string>{"a", "b", "c"}));
}

// The pair indexes ReadClass passes over token positions and tokens with: set
// for the first two bytes of each verdict stem (and every pair after a
// one-byte stem), or of each whole-token cue, for nothing else; hover-only
// stems are in neither.
TEST(WordListsTest, PairsMarkTheFirstTwoBytesOfEachCue) {
  WordListSet set;
  std::string error;
  ASSERT_TRUE(ParseWordLists(kTwelve,
                             "cue | share | stem | furniture\n"
                             "cue | sidebar | stem | furniture; long\n"
                             "cue | x | stem | content\n"
                             "cue | tooltip | stem | hover\n"
                             "cue | ad | token | furniture\n",
                             "", &set, &error))
      << error;
  size_t marked = 0;
  for (const auto& row : set.class_stem_pairs) marked += row.count();
  EXPECT_EQ(marked, 2u + 128u);
  EXPECT_TRUE(set.class_stem_pairs['s']['h']);
  EXPECT_TRUE(set.class_stem_pairs['s']['i']);
  EXPECT_FALSE(set.class_stem_pairs['s']['o']);
  EXPECT_FALSE(set.class_stem_pairs['s'][0]);  // no stem is "s" alone
  EXPECT_TRUE(set.class_stem_pairs['x'][0]);   // "x" ends a token
  EXPECT_TRUE(set.class_stem_pairs['x']['q']);
  EXPECT_FALSE(set.class_stem_pairs['t']['o']);
  EXPECT_FALSE(set.class_stem_pairs['a']['d']);
  // Whole-token cues have their own index.
  size_t token_pairs = 0;
  for (const auto& row : set.class_token_pairs) token_pairs += row.count();
  EXPECT_EQ(token_pairs, 1u);
  EXPECT_TRUE(set.class_token_pairs['a']['d']);
  // The built-in stems and tokens are all found through them.
  const WordListSet& lists = WordLists();
  for (const auto& [name, cue] : lists.class_tokens) {
    EXPECT_TRUE(lists.class_token_pairs[static_cast<unsigned char>(name[0])]
                                       [name.size() > 1 ? name[1] : 0])
        << name;
  }
  for (const auto& stems : lists.class_stems_by_first) {
    for (const ClassCue& cue : stems) {
      ASSERT_GE(cue.name.size(), 2u);
      EXPECT_TRUE(lists.class_stem_pairs[static_cast<unsigned char>(
          cue.name[0])][static_cast<unsigned char>(cue.name[1])])
          << cue.name;
    }
  }
}

TEST(WordListsTest, MalformedLinesAreReportedWithFileAndLine) {
  struct Case {
    std::string_view calendar, classes, lines, want;
  };
  const Case cases[] = {
      {"month | en | jan; feb\n", "", "", "calendar.txt:1"},
      {"week | en | a; b; c; d; e; f; g\n", "", "", "calendar.txt:1"},
      {"", "", "", "no month names"},
      {kTwelve, "cue | Share | stem | furniture\n", "", "classes.txt:1"},
      {kTwelve, "cue | share | prefix | furniture\n", "", "classes.txt:1"},
      {kTwelve, "\ncue | share | stem | furniture; shiny\n", "",
       "classes.txt:2"},
      {kTwelve, "", "weather | sunny\n", "furniture_lines.txt:1"},
      // A class cue is a whole class name of kind "unseen" only.
      {kTwelve, "cue | sr-only | class | furniture\n", "", "classes.txt:1"},
      {kTwelve, "cue | sr only | class | unseen\n", "", "classes.txt:1"},
      {kTwelve, "cue | sr-only | stem | unseen\n", "", "classes.txt:1"},
      // A poster cue is a whole token of that kind alone.
      {kTwelve, "cue | username | stem | poster\n", "", "classes.txt:1"},
      {kTwelve, "cue | username | token | poster; furniture\n", "",
       "classes.txt:1"},
      // A kicker cue is a stem of that kind alone.
      {kTwelve, "cue | kicker | token | kicker\n", "", "classes.txt:1"},
      {kTwelve, "cue | kicker | stem | kicker; long\n", "", "classes.txt:1"},
  };
  for (const Case& c : cases) {
    WordListSet set;
    std::string error;
    EXPECT_FALSE(ParseWordLists(c.calendar, c.classes, c.lines, &set, &error))
        << c.want;
    EXPECT_NE(error.find(c.want), std::string::npos) << error;
  }
}

TEST(WordListsTest, UnseenClassNamesAreReadWhole) {
  WordListSet set;
  std::string error;
  ASSERT_TRUE(ParseWordLists(kTwelve,
                             "cue | sr-only | class | unseen\n"
                             "cue | screen-reader-text | class | unseen\n",
                             "", &set, &error))
      << error;
  EXPECT_EQ(set.unseen_classes,
            (std::vector<std::string>{"sr-only", "screen-reader-text"}));
  EXPECT_TRUE(set.unseen_lengths[7]);
  EXPECT_FALSE(set.unseen_lengths[8]);
  GumboOutput* out = gumbo_parse(
      "<span class='label sr-only'>a</span><span class='sr-only-focusable'>b"
      "</span><span class='SR-ONLY'>c</span><span class=x>d</span>");
  const GumboNode* body =
      static_cast<const GumboNode*>(out->root->v.element.children.data[1]);
  const auto span = [&](unsigned int i) {
    return static_cast<const GumboNode*>(body->v.element.children.data[i]);
  };
  EXPECT_TRUE(HasUnseenClass(span(0)));   // the built-in classes.txt's
  EXPECT_FALSE(HasUnseenClass(span(1)));  // another class, a longer name
  EXPECT_FALSE(HasUnseenClass(span(2)));  // class names keep their case
  EXPECT_FALSE(HasUnseenClass(span(3)));
  gumbo_destroy_output(&kGumboDefaultOptions, out);
}

// Class verdicts of one element, read from markup written for the test.
ClassVerdict VerdictOf(const char* html) {
  GumboOutput* out = gumbo_parse(html);
  const GumboNode* body =
      static_cast<const GumboNode*>(out->root->v.element.children.data[1]);
  const GumboNode* div =
      static_cast<const GumboNode*>(body->v.element.children.data[0]);
  const ClassVerdict v = ReadClass(div);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return v;
}

// Attribute's lookup by a lower-case name finds the first attribute of that
// name whatever case the tree has it in (gumbo lower-cases HTML attributes
// but gives SVG's their camel case: "viewBox").
TEST(WordListsTest, AttributeFindsTheFirstOfANameIgnoringCase) {
  GumboOutput* out = gumbo_parse(
      "<div CLASS='a' Id='b' class='c' item='x' ids='y' itemprop='d'></div>"
      "<svg ROLE='img'></svg>");
  const GumboNode* body =
      static_cast<const GumboNode*>(out->root->v.element.children.data[1]);
  const GumboNode* div =
      static_cast<const GumboNode*>(body->v.element.children.data[0]);
  const GumboNode* svg =
      static_cast<const GumboNode*>(body->v.element.children.data[1]);
  EXPECT_EQ(Attribute(div, "class"), "a");
  EXPECT_EQ(Attribute(div, "id"), "b");
  EXPECT_EQ(Attribute(div, "itemprop"), "d");
  EXPECT_EQ(Attribute(div, "style"), "");
  EXPECT_TRUE(HasAttribute(div, "class"));
  EXPECT_FALSE(HasAttribute(div, "style"));
  EXPECT_EQ(Attribute(svg, "role"), "img");
  EXPECT_EQ(Attribute(nullptr, "class"), "");
  gumbo_destroy_output(&kGumboDefaultOptions, out);
}

// Extraction cuts the attributes no reader asks for before parsing: asking
// for one not listed would always find nothing on a real page.
TEST(WordListsTest, ReadersAskOnlyForAttributesTheCutKeeps) {
  EXPECT_TRUE(IsReadAttribute("class"));
  EXPECT_TRUE(IsReadAttribute("PubDate"));
  EXPECT_TRUE(IsReadAttribute("xml:lang"));
  EXPECT_FALSE(IsReadAttribute("data-x"));
  EXPECT_FALSE(IsReadAttribute("href"));  // the cut keeps it on its own terms
  EXPECT_FALSE(IsReadAttribute("itemprops"));
  GumboOutput* out = gumbo_parse("<div data-x='d'></div>");
  const GumboNode* body =
      static_cast<const GumboNode*>(out->root->v.element.children.data[1]);
  const GumboNode* div =
      static_cast<const GumboNode*>(body->v.element.children.data[0]);
  EXPECT_DEBUG_DEATH(Attribute(div, "data-x"), "IsReadAttribute");
  gumbo_destroy_output(&kGumboDefaultOptions, out);
}

TEST(WordListsTest, ClassVerdictsOfCommonThemeClasses) {
  EXPECT_TRUE(VerdictOf("<div class='entry-content'>x</div>").content);
  EXPECT_FALSE(VerdictOf("<div class='entry-content'>x</div>").boilerplate);
  // A weak furniture cue yields to a content cue; a strong one does not.
  EXPECT_FALSE(
      VerdictOf("<div class='sidebar article-body'>x</div>").boilerplate);
  EXPECT_TRUE(VerdictOf("<div class='article-comments'>x</div>").boilerplate);
  EXPECT_TRUE(VerdictOf("<div id='site-nav' class='x'>x</div>").boilerplate);
  // "ad" is a whole-token cue ("header" holds no ad); "share" a stem
  // ("sharebar").
  EXPECT_FALSE(VerdictOf("<div class='header'>x</div>").boilerplate);
  EXPECT_TRUE(VerdictOf("<div class='ad'>x</div>").boilerplate);
  EXPECT_TRUE(VerdictOf("<div class='socialsharebar'>x</div>").boilerplate);
  // A stem at a token's end, after bytes that start other stems.
  EXPECT_TRUE(VerdictOf("<div class='x-ssssshare'>x</div>").boilerplate);
  EXPECT_TRUE(VerdictOf("<div class='BIGSHARE'>x</div>").boilerplate);
  EXPECT_FALSE(VerdictOf("<div class='shar'>x</div>").boilerplate);
  // A caption inside a token ("wp-figcaption", an embedded picture's
  // "imageEmbedCaption"); an embedded post is no furniture.
  EXPECT_TRUE(VerdictOf("<div class='InlineImage-imageEmbedCaption'>x</div>")
                  .boilerplate);
  EXPECT_TRUE(VerdictOf("<div class='wp-figcaption'>x</div>").boilerplate);
  EXPECT_FALSE(
      VerdictOf("<div class='social-embed share-bar'>x</div>").boilerplate);
  // Tokens end at any byte but an ASCII letter or digit, whatever their case
  // and length (64 bytes fit the stack buffer; longer ones are copied).
  EXPECT_TRUE(VerdictOf("<div id='x' class='top_NAV'>x</div>").boilerplate);
  EXPECT_TRUE(VerdictOf("<div id='AD'>x</div>").boilerplate);
  // Bytes of other letters separate tokens too ("ad" and "é").
  EXPECT_TRUE(VerdictOf("<div id='ad\xC3\xA9'>x</div>").boilerplate);
  const std::string pad(59, 'x');
  EXPECT_TRUE(VerdictOf(("<div class='" + pad + "SHARE'>x</div>").c_str())
                  .boilerplate);  // 64 bytes
  EXPECT_TRUE(VerdictOf(("<div class='" + pad + "xSHARE'>x</div>").c_str())
                  .boilerplate);  // 65 bytes
  EXPECT_TRUE(VerdictOf(("<div class='" + pad + pad + "-ad'>x</div>").c_str())
                  .boilerplate);
  EXPECT_FALSE(VerdictOf(("<div class='" + pad + pad + "ad'>x</div>").c_str())
                   .boilerplate);
  // An embedded post is a quotation, not a share bar.
  EXPECT_FALSE(VerdictOf("<div class='social-embed'>x</div>").boilerplate);
  // Share buttons are small; comments can be long.
  EXPECT_FALSE(VerdictOf("<div class='share-tools'>x</div>").long_furniture);
  EXPECT_TRUE(VerdictOf("<div class='comment-list'>x</div>").long_furniture);
  EXPECT_TRUE(VerdictOf("<div class='story-teaser'>x</div>").long_furniture);
}

}  // namespace
}  // namespace dateline::extract_internal
