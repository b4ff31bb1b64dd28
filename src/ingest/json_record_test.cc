#include "ingest/json_record.h"

#include <gtest/gtest.h>

#include <string>

namespace dateline::ingest_internal {
namespace {

// The scan and the document parser agree on every line, including those where
// the scan declines and asks the parser.
TEST(JsonRecordTest, ScanAgreesWithTheDocumentParser) {
  const std::string lines[] = {
      R"({"id": "a1", "url": "http://x.test/1", "text": "Body", "published": "2021-03-04"})",
      R"({"id": 17, "text": "t"})",
      R"({"id": -0, "text": "t"})",
      R"({"id": 1.50, "text": "t"})",
      R"({"id": 12345678901234567890123, "text": "t"})",
      R"({"id": 1e5, "text": "t"})",
      R"({"id": 1e400, "text": "t"})",
      R"({"id": 0e400, "text": "t"})",
      R"({"id": "x", "id": 3, "text": "t"})",
      R"({"id": 3, "id": "x", "text": "t"})",
      R"({"text": "first", "text": null})",
      R"({"text": "first", "text": {"text": "nested"}})",
      R"({"meta": {"text": "nested", "id": 4}, "text": "top", "list": [1, "a", {"id": 2}]})",
      R"({"html": "<p>x</p>", "text": "y", "kind": "text"})",
      R"({"text": "caf\u00e9 \ud83d\ude00 \\ud"})",
      R"({"text": "lone \udc00 low"})",
      R"({"text": "lone \ud800 high"})",
      R"({"text": "nul \u0000 inside"})",
      R"({"te\u0078t": "escaped key"})",
      std::string("{\"text\": \"a\"}\0trailing", 23),
      std::string("{\"text\": \"a\0b\"}", 15),
      R"({"text": "a"} {"text": "b"})",
      R"({"text": "a",})",
      R"({"text": "unterminated)",
      R"(["text", "array"])",
      R"("just a string")",
      R"(42)",
      R"(null)",
      R"({"text": 'single'})",
      R"({"text": "tab	raw"})",
      R"({"text": "bad \x escape"})",
      R"({"text": "x", "n": 01})",
      R"({"text": "x", "n": -})",
      R"({"text": "x", "n": NaN})",
      R"({"text": "x"} // comment)",
      R"({})",
      R"({"text": ""})",
      R"({"url": ["x"], "published": 2020, "kind": true, "id": {"a": 1}, "text": "t"})",
      R"({"url": 3, "url": "fixed", "published": "p", "published": false})",
  };
  for (const std::string& line : lines) {
    RecordFields scanned, parsed;
    const RecordStatus a = ReadRecord(line, &scanned);
    const RecordStatus b = ReadRecordWithDom(line, &parsed);
    EXPECT_EQ(a, b) << line;
    if (a == RecordStatus::kOk && b == RecordStatus::kOk) {
      EXPECT_EQ(scanned, parsed) << line;
    }
  }
}

// A long record (a whole report in one line) reads the same both ways.
TEST(JsonRecordTest, LongRecordsAgree) {
  std::string text;
  while (text.size() < 900000) text += "Police arrested two men. ";
  const std::string line = "{\"id\": \"a\", \"text\": \"" + text + "\"}\n";
  RecordFields scanned, parsed;
  ASSERT_EQ(ReadRecord(line, &scanned), RecordStatus::kOk);
  ASSERT_EQ(ReadRecordWithDom(line, &parsed), RecordStatus::kOk);
  EXPECT_EQ(scanned.text.size(), parsed.text.size());
  EXPECT_EQ(scanned.id, parsed.id);
  EXPECT_TRUE(scanned == parsed);
  // A raw control character inside a long string is refused both ways
  // (RapidJSON's 16-byte scan alone lets it through).
  const std::string with_control =
      "{\"id\": \"a\", \"text\": \"" + text.substr(0, 700) + "\x1c\"}";
  EXPECT_EQ(ReadRecord(with_control, &scanned), RecordStatus::kMalformed);
  EXPECT_EQ(ReadRecordWithDom(with_control, &parsed), RecordStatus::kMalformed);
}

TEST(JsonRecordTest, ReadsTheFields) {
  RecordFields f;
  ASSERT_EQ(
      ReadRecord(
          R"({"id": 17, "url": "u", "html": "h", "kind": "html", "published": "p", "x": [1]})",
          &f),
      RecordStatus::kOk);
  EXPECT_EQ(f.id, "");
  EXPECT_EQ(f.numeric_id, "17");
  EXPECT_EQ(f.url, "u");
  EXPECT_EQ(f.html, "h");
  EXPECT_EQ(f.kind, "html");
  EXPECT_EQ(f.published, "p");
  EXPECT_EQ(ReadRecord(R"({"id": 1.50})", &f), RecordStatus::kOk);
  EXPECT_EQ(f.numeric_id, "1.5");
  // Members of another type are named (null is as good as absent; a numeric id
  // is fine).
  ASSERT_EQ(
      ReadRecord(
          R"({"id": 3, "url": ["x"], "published": 2020, "html": null, "text": "t"})",
          &f),
      RecordStatus::kOk);
  EXPECT_EQ(f.wrong_type, (std::vector<std::string>{"url", "published"}));
  EXPECT_EQ(ReadRecord(R"({"text": "x",})", &f), RecordStatus::kMalformed);
  EXPECT_EQ(ReadRecord(R"(["x"])", &f), RecordStatus::kNotAnObject);
}

}  // namespace
}  // namespace dateline::ingest_internal
