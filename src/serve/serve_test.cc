#include "serve/serve.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <sstream>

#include "core/utf8.h"

namespace dateline {
namespace {

// An article whose input has multi-byte characters before the body, so byte and
// code point offsets differ.
CodedArticle MakeArticle() {
  CodedArticle c;
  c.document.id = "k24-1";
  c.document.input = "page.txt";
  c.document.kind = InputKind::kPageText;
  c.document.content =
      "Caf\xC3\xA9 menu \xE2\x80\x94 nav\nIraqi forces attacked ISIS.\nFooter";
  const size_t start = c.document.content.find("Iraqi");
  AppendParagraph(c.article,
                  Paragraph{"Iraqi forces attacked ISIS.", start, start + 27});
  Event e;
  e.cameo = "190";
  e.plover = Plover::kFight;
  e.source.span = {0, 12};
  e.source.actor.country = "IRQ";
  e.source.actor.sectors = {"MIL"};
  e.evidence = {0, 27};
  e.modality = Modality::kAsserted;
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

// Every optional field set, so that every key of the record is printed.
CodedArticle MakeFullArticle() {
  CodedArticle c = MakeArticle();
  c.document.url = "https://example.org/a";
  c.article.title = "Clashes \"near\" Kirkuk\ttoday";
  c.article.authors = {"A. Writer"};
  c.article.tags = {"Iraq", "ISIS"};
  c.article.published = PartialDate{2021, 6, 3};
  c.article.published_source = DateSource::kInput;
  c.article.copyright_year = 2021;
  c.article.language = "en";
  PlaceMention p;
  p.span = {0, 5};
  p.name = "The Bronx";
  p.country = "US";
  p.admin1 = "New York";
  p.lat =
      40.849853;  // rounds to 40.84985, which a naive printer gives 17 digits
  p.lon = -73.866412;
  p.precision = PlacePrecision::kPoint;
  p.geonameid = 5110266;
  c.places.push_back(p);
  PlaceMention d = p;
  d.from_dateline = true;
  d.span = {};
  d.lat = 36;  // an integral double prints as "36.0"
  c.places.push_back(d);
  DateMention date;
  date.span = {6, 12};
  date.value = PartialDate{2021, 6};
  date.relative = "month of publication";
  date.year_hint = 2021;
  c.dates.push_back(date);
  ActorMention m;
  m.span = {0, 5};
  m.actor.country = "IRQ";
  m.actor.organization = "KRG";
  m.actor.region = "Kurdistan Region";
  m.person = "Reber Ahmed";
  m.rules = {"actors/people.txt:3 ahmed", "rule:appositive"};
  c.actors.push_back(m);
  Event& e = c.events.front();
  e.target = m;
  e.date = date;
  e.place = p;
  e.fatalities = 3;
  e.injured = 0;
  e.crowd_size = 2000;
  e.acled = {AcledEventType::kBattles, AcledSubEventType::kArmedClash};
  e.rules = {"events/verbs.txt:366 attack"};
  c.warnings = {"repaired 1 invalid UTF-8 sequence"};
  c.sentence_count = 1;
  c.event_label = AcledSubEventType::kArmedClash;
  return c;
}

// The keys of every object in `j` come in sorted order.
void ExpectSortedKeys(const nlohmann::ordered_json& j) {
  if (j.is_object()) {
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end())) << j.dump();
  }
  if (j.is_structured()) {
    for (const auto& child : j) ExpectSortedKeys(child);
  }
}

TEST(ServeTest, RecordIsWhatNlohmannJsonPrints) {
  // Records were printed from a nlohmann::json document (sorted keys, shortest
  // round-trip numbers); the streaming writer prints the same bytes.
  for (const CodedArticle& c : {MakeArticle(), MakeFullArticle()}) {
    const std::string line = ArticleRecordJsonLine(c, -1);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(line).dump(), line);
    const std::string pretty = ArticleRecordJsonLine(c, 2);
    EXPECT_EQ(nlohmann::json::parse(pretty).dump(2), pretty);
    EXPECT_EQ(nlohmann::json::parse(pretty), nlohmann::json::parse(line));
    ExpectSortedKeys(nlohmann::ordered_json::parse(line));
  }
  const nlohmann::json rec = ArticleRecord(MakeFullArticle());
  EXPECT_EQ(rec["places"][0]["lat"].dump(), "40.84985");
  EXPECT_EQ(rec["places"][1]["lat"].dump(), "36.0");
  EXPECT_EQ(rec["places"][1]["from_dateline"], true);
  EXPECT_FALSE(rec["places"][1].contains("text"));
  EXPECT_EQ(rec["actors"][0]["person"], "Reber Ahmed");
  EXPECT_EQ(rec["events"][0]["injured"], 0);
  EXPECT_TRUE(rec["events"][0]["arrested"].is_null());
  EXPECT_EQ(rec["dates"][0]["precision"], "month");
  EXPECT_EQ(rec["url"], "https://example.org/a");
  EXPECT_EQ(rec["article"]["title"], "Clashes \"near\" Kirkuk\ttoday");
}

// Strings are escaped as rapidjson's Writer escapes them: the short forms,
// \u00XX in upper-case hex for the other controls, nothing else (not "/", DEL
// or non-ASCII).
TEST(ServeTest, RecordEscapesStringsAsRapidjsonDoes) {
  CodedArticle c = MakeFullArticle();
  std::string title, expected = "\"title\":\"";
  for (int b = 0; b < 0x80; ++b) {
    title.push_back(static_cast<char>(b));
    static constexpr char kHex[] = "0123456789ABCDEF";
    switch (b) {
      case '\b':
        expected += "\\b";
        break;
      case '\t':
        expected += "\\t";
        break;
      case '\n':
        expected += "\\n";
        break;
      case '\f':
        expected += "\\f";
        break;
      case '\r':
        expected += "\\r";
        break;
      case '"':
        expected += "\\\"";
        break;
      case '\\':
        expected += "\\\\";
        break;
      default:
        if (b < 0x20) {
          expected += std::string("\\u00") + kHex[b >> 4] + kHex[b & 0xF];
        } else {
          expected.push_back(static_cast<char>(b));
        }
    }
  }
  title += "caf\xC3\xA9 \xE2\x80\x94 \"quoted\" at the end of a long run\\";
  expected +=
      "caf\xC3\xA9 \xE2\x80\x94 \\\"quoted\\\" at the end of a long run\\\\\"";
  c.article.title = title;
  const std::string line = ArticleRecordJsonLine(c, -1);
  EXPECT_NE(line.find(expected), std::string::npos) << line;
  EXPECT_EQ(nlohmann::json::parse(line)["article"]["title"], title);
}

TEST(ServeTest, RecordRepairsInvalidUtf8AndPrintsNonFiniteAsNull) {
  CodedArticle c = MakeFullArticle();
  c.article.title = "bad \xC3 byte";
  c.places[0].lat = std::numeric_limits<double>::quiet_NaN();
  const std::string line = ArticleRecordJsonLine(c, -1);
  const nlohmann::json rec =
      nlohmann::json::parse(line);  // throws on invalid UTF-8
  EXPECT_EQ(rec["article"]["title"], "bad \xEF\xBF\xBD byte");
  EXPECT_TRUE(rec["places"][0]["lat"].is_null());
}

// The record writer checks UTF-8 in its escaping pass, eight bytes at a time:
// bad bytes at every position of a word, sequences across two words and cut
// off at the end are written as RepairUtf8 repairs them.
TEST(ServeTest, RecordRepairsInvalidUtf8AnywhereAsRepairUtf8Does) {
  const std::vector<std::string> bad = {
      "\xC3",              // lead byte without its continuation
      "\x80",              // lone continuation byte
      "\xED\xA0\x80",      // a surrogate
      "\xE0\x80\xAF",      // an overlong form
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xF0\x9F\x98",      // a four-byte sequence cut short
  };
  for (const std::string& b : bad) {
    for (size_t at = 0; at < 12; ++at) {
      for (const std::string& tail : {std::string(""), std::string(" ok")}) {
        std::string title = std::string(at, 'a') + b + "\xE2\x80\x94" + tail;
        std::string want = title;
        RepairUtf8(&want);
        CodedArticle c = MakeFullArticle();
        c.article.title = title;
        const nlohmann::json rec =
            nlohmann::json::parse(ArticleRecordJsonLine(c, -1));
        EXPECT_EQ(rec["article"]["title"], want) << "at " << at;
      }
    }
  }
}

TEST(ServeTest, DelimitedOutputQuotesFields) {
  StoredEvent e;
  e.article_id = "a";
  e.evidence = "He said \"no\", then left.";
  e.cameo = "010";
  std::ostringstream csv, tsv;
  PrintEventDelimited({e}, ',', csv);
  EXPECT_NE(csv.str().find("\"He said \"\"no\"\", then left.\""),
            std::string::npos);
  PrintEventDelimited({e}, '\t', tsv);
  EXPECT_NE(tsv.str().find("\tHe said \"no\", then left.\t"),
            std::string::npos);  // group columns follow
}

TEST(ServeTest, TableHasHeaderRowsAndCount) {
  StoredEvent e;
  e.article_id = "a";
  e.published = "2021-06-03";
  e.plover = Plover::kConsult;
  e.source_code = "IRQGOV";
  std::ostringstream out;
  PrintEventTable({e, e}, out);
  EXPECT_EQ(out.str().rfind("DATE", 0), 0u);
  EXPECT_NE(out.str().find("2021-06-03*"),
            std::string::npos);  // date from publication
  EXPECT_NE(out.str().find("2 event(s)"), std::string::npos);
}

}  // namespace
}  // namespace dateline
