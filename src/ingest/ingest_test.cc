#include "ingest/ingest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/utf8.h"
#include "ingest/ingest_testing.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

std::vector<Result<Document>> ReadAll(const std::string& bytes,
                                      const std::string& name,
                                      IngestOptions options = {}) {
  std::vector<Result<Document>> out;
  ReadBytes(bytes, name, options,
            [&](Result<Document> d) { out.push_back(std::move(d)); });
  return out;
}

TEST(IngestTest, DetectsKinds) {
  EXPECT_EQ(DetectKind("a.html", "anything"), InputKind::kHtml);
  EXPECT_EQ(DetectKind("a.jsonl.gz", ""), InputKind::kJsonLines);
  EXPECT_EQ(DetectKind("page", "  <!DOCTYPE html><html>"), InputKind::kHtml);
  EXPECT_EQ(DetectKind("page", "{\"id\": 1}\n"), InputKind::kJsonLines);
  EXPECT_EQ(DetectKind("seed.txt", "Security\n\nInterior Minister meets"),
            InputKind::kPageText);
  EXPECT_EQ(DetectKind("x", "<3 love this"), InputKind::kPageText);
}

TEST(IngestTest, JsonLinesGoodRecordsSurviveBadOnes) {
  const std::string jsonl =
      "{\"id\": \"a1\", \"url\": \"https://example.org/a\", \"text\": \"Police "
      "arrested two men.\", \"published\": \"2021-06-03\"}\n"
      "{\"id\": \"a2\", \"html\": \"<p>Rebels attacked a convoy.</p>\"}\n"
      "{not json}\n"
      "\n"
      "[1, 2]\n"
      "{\"id\": \"a3\"}\n"
      "{\"id\": \"a4\", \"text\": \"x\", \"published\": \"June 3\"}\n";
  auto docs = ReadAll(jsonl, "feed.jsonl");
  ASSERT_EQ(docs.size(), 6u);
  ASSERT_TRUE(docs[0].ok());
  EXPECT_EQ(docs[0]->id, "a1");
  EXPECT_EQ(docs[0]->url, "https://example.org/a");
  EXPECT_EQ(docs[0]->kind, InputKind::kPageText);
  EXPECT_EQ(docs[0]->published, (PartialDate{2021, 6, 3}));
  EXPECT_EQ(docs[0]->input, "feed.jsonl:1");
  ASSERT_TRUE(docs[1].ok());
  EXPECT_EQ(docs[1]->kind, InputKind::kHtml);
  ASSERT_FALSE(docs[2].ok());
  EXPECT_EQ(docs[2].error().line, 3);
  EXPECT_NE(docs[2].error().ToString().find("feed.jsonl:3"), std::string::npos);
  EXPECT_NE(docs[2].error().message.find("malformed JSON"), std::string::npos);
  ASSERT_FALSE(docs[3].ok());
  EXPECT_EQ(docs[3].error().line, 5);
  ASSERT_FALSE(docs[4].ok());
  EXPECT_NE(docs[4].error().message.find("neither"), std::string::npos);
  ASSERT_TRUE(docs[5].ok());
  EXPECT_FALSE(docs[5]->published.has_value());
  ASSERT_EQ(docs[5]->warnings.size(), 1u);
}

TEST(IngestTest, RefusesBinaryData) {
  std::string junk = "PK\x03\x04";
  junk.push_back('\0');
  junk += "binary";
  auto docs = ReadAll(junk, "archive.txt");
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_FALSE(docs[0].ok());
  EXPECT_NE(docs[0].error().ToString().find("archive.txt"), std::string::npos);
  EXPECT_NE(docs[0].error().message.find("binary"), std::string::npos);
}

TEST(IngestTest, ConvertsDeclaredAndUndeclaredEncodings) {
  // windows-1252: "Caf\xE9 \x93quoted\x94" with the charset declared in a meta
  // tag.
  const std::string html =
      "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xE9 "
      "\x93quoted\x94</p></body></html>";
  auto docs = ReadAll(html, "page.html");
  ASSERT_TRUE(docs[0].ok());
  EXPECT_NE(docs[0]->content.find("Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"),
            std::string::npos);
  ASSERT_FALSE(docs[0]->warnings.empty());

  // A few bad bytes in otherwise UTF-8 text are repaired and reported.
  std::string mostly_utf8 =
      "Erbil \xE2\x80\x93 the Kurdistan Region\xE2\x80\x99s minister \xFF met "
      "envoys.";
  auto repaired = ReadAll(mostly_utf8, "page.txt");
  ASSERT_TRUE(repaired[0].ok());
  EXPECT_NE(repaired[0]->content.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(repaired[0]->warnings.at(0).find("repaired"), std::string::npos);

  // UTF-16 with a byte-order mark.
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("Hello")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  auto converted = ReadAll(utf16, "u16.txt");
  ASSERT_TRUE(converted[0].ok()) << converted[0].error().ToString();
  EXPECT_EQ(converted[0]->content, "Hello");
}

TEST(IngestTest, EnforcesTheSizeLimit) {
  IngestOptions options;
  options.max_document_bytes = 10;
  auto docs =
      ReadAll("This page is longer than ten bytes.", "big.txt", options);
  ASSERT_FALSE(docs[0].ok());
  EXPECT_NE(docs[0].error().message.find("exceeds the limit"),
            std::string::npos);
}

using ingest_testing::GzipMember;

TEST(IngestTest, ReadsGzipAndReportsTruncation) {
  const std::string gz =
      GzipMember("<html><body><p>Troops withdrew.</p></body></html>");
  auto docs = ReadAll(gz, "page.html.gz");
  ASSERT_TRUE(docs[0].ok()) << docs[0].error().ToString();
  EXPECT_EQ(docs[0]->kind, InputKind::kHtml);
  EXPECT_EQ(docs[0]->id, "page");
  // Two members in memory, as from `cat a.gz b.gz`: both are read.
  auto two = ReadAll(GzipMember("{\"id\": \"a\", \"text\": \"x\"}\n") +
                         GzipMember("{\"id\": \"b\", \"text\": \"y\"}\n"),
                     "feed.jsonl.gz");
  ASSERT_EQ(two.size(), 2u);
  ASSERT_TRUE(two[1].ok()) << two[1].error().ToString();
  EXPECT_EQ(two[1]->id, "b");
  auto truncated = ReadAll(gz.substr(0, gz.size() / 2), "page.html.gz");
  ASSERT_FALSE(truncated[0].ok());
  EXPECT_NE(truncated[0].error().message.find("truncated"), std::string::npos);
}

// Files are read as streams: JSON Lines record by record, gzip member after
// member.
TEST(IngestTest, StreamsJsonLinesFilesWhateverTheirLength) {
  const fs::path dir = fs::temp_directory_path() /
                       ("dateline_stream_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string first, second;
  for (int i = 0; i < 3000; ++i) {
    (i < 1500 ? first : second) +=
        "{\"id\": \"r" + std::to_string(i) +
        "\", \"text\": \"Police arrested two men.\"}\n";
  }
  // Two gzip members, as `cat a.gz b.gz` makes them; gzip reads both.
  std::ofstream(dir / "feed.jsonl.gz", std::ios::binary)
      << GzipMember(first) << GzipMember(second);
  // A record longer than any may be, between good ones: refused without being
  // kept.
  IngestOptions options;
  options.max_document_bytes = 1000;
  std::string huge =
      "{\"id\": \"ok1\", \"text\": \"a\"}\n{\"id\": \"big\", \"text\": \"" +
      std::string(8 << 20, 'x') + "\"}\n{\"id\": \"ok2\", \"text\": \"b\"}";
  std::ofstream(dir / "huge.jsonl", std::ios::binary) << huge;
  // A truncated compressed feed: the records before the cut, then the error.
  std::ofstream(dir / "cut.jsonl.gz", std::ios::binary)
      << GzipMember(first).substr(0, 200);

  std::vector<std::string> ids, errors;
  const auto sink = [&](Result<Document> d) {
    if (d.ok())
      ids.push_back(d->id);
    else
      errors.push_back(d.error().ToString());
  };
  ReadInputs({(dir / "feed.jsonl.gz").string()}, {}, sink);
  ASSERT_EQ(ids.size(), 3000u);
  EXPECT_EQ(ids.front(), "r0");
  EXPECT_EQ(ids.back(), "r2999");
  EXPECT_TRUE(errors.empty());

  ids.clear();
  ReadInputs({(dir / "huge.jsonl").string()}, options, sink);
  EXPECT_EQ(ids, (std::vector<std::string>{"ok1", "ok2"}));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("huge.jsonl:2"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("exceeds the limit"), std::string::npos)
      << errors[0];

  ids.clear();
  errors.clear();
  ReadInputs({(dir / "cut.jsonl.gz").string()}, {}, sink);
  EXPECT_FALSE(ids.empty());
  EXPECT_LT(ids.size(), 1500u);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors.back().find("truncated"), std::string::npos)
      << errors.back();
  fs::remove_all(dir);
}

// What follows the last gzip member is read as gzip reads it: zero padding is
// nothing, anything else is an error after the data before it has been passed
// on.
TEST(IngestTest, TrailingGarbageAfterGzipIsAnError) {
  const fs::path dir = fs::temp_directory_path() /
                       ("dateline_trailing_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string records =
      "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\"}\n";
  const std::string page =
      "<html><body><p>Troops withdrew from the town on "
      "Monday.</p></body></html>";
  std::ofstream(dir / "feed.jsonl.gz", std::ios::binary)
      << GzipMember(records) << "junk appended";
  std::ofstream(dir / "page.html.gz", std::ios::binary)
      << GzipMember(page) << "\x01\x02";
  std::ofstream(dir / "padded.html.gz", std::ios::binary)
      << GzipMember(page) << std::string(1000, '\0');
  std::ofstream(dir / "plain.txt", std::ios::binary)
      << "Troops withdrew from the town on Monday.\n";

  for (const char* name :
       {"feed.jsonl.gz", "page.html.gz", "padded.html.gz", "plain.txt"}) {
    std::vector<std::string> ids;
    std::vector<Error> errors;
    ReadInputs({(dir / name).string()}, {}, [&](Result<Document> d) {
      if (d.ok())
        ids.push_back(d->id);
      else
        errors.push_back(d.error());
    });
    const std::string file = name;
    EXPECT_EQ(ids.size(), file == "feed.jsonl.gz" ? 2u : 1u) << name;
    if (file == "feed.jsonl.gz" || file == "page.html.gz") {
      ASSERT_EQ(errors.size(), 1u) << name;
      EXPECT_NE(errors[0].message.find("trailing garbage"), std::string::npos)
          << errors[0].ToString();
      EXPECT_EQ(errors[0].offset,
                static_cast<int64_t>(fs::file_size(dir / name) -
                                     (file == "page.html.gz" ? 2 : 13)));
    } else {
      EXPECT_TRUE(errors.empty()) << name << ": " << errors[0].ToString();
    }
  }
  // A name ending in .gz over data that is not gzip is refused, as gzip refuses
  // it.
  std::ofstream(dir / "plain.txt.gz", std::ios::binary)
      << "Troops withdrew from the town on Monday.\n";
  std::vector<Result<Document>> not_gzip;
  ReadInputs({(dir / "plain.txt.gz").string()}, {},
             [&](Result<Document> d) { not_gzip.push_back(std::move(d)); });
  ASSERT_EQ(not_gzip.size(), 1u);
  ASSERT_FALSE(not_gzip[0].ok());
  EXPECT_NE(not_gzip[0].error().message.find("not in gzip format"),
            std::string::npos);
  // The same in memory.
  auto in_memory = ReadAll(GzipMember(records) + "junk", "feed.jsonl.gz");
  ASSERT_EQ(in_memory.size(), 3u);
  EXPECT_TRUE(in_memory[1].ok());
  ASSERT_FALSE(in_memory[2].ok());
  EXPECT_NE(in_memory[2].error().message.find("trailing garbage"),
            std::string::npos);
  EXPECT_EQ(ReadAll(GzipMember(records) + std::string(8, '\0'), "feed.jsonl.gz")
                .size(),
            2u);
  fs::remove_all(dir);
}

// A page larger than the limit is refused after reading just past the limit.
TEST(IngestTest, RefusesAnOversizedFileWithoutReadingItAll) {
  const fs::path path = fs::temp_directory_path() /
                        ("dateline_big_" + std::to_string(::getpid()) + ".txt");
  std::ofstream(path) << std::string(5000, 'a');
  IngestOptions options;
  options.max_document_bytes = 100;
  std::vector<std::string> errors;
  ReadInputs({path.string()}, options, [&](Result<Document> d) {
    if (!d.ok()) errors.push_back(d.error().ToString());
  });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("exceeds the limit of 100"), std::string::npos)
      << errors[0];
  fs::remove(path);
}

// A gzip page file is decompressed whole (gzip_whole.h) when it can be; read
// either way, its document and its errors are the same.
TEST(IngestTest, GzipFilesReadWholeOrStreamedAlike) {
  const fs::path dir = fs::temp_directory_path() /
                       ("dateline_whole_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string page = "<html><body>";
  for (int i = 0; i < 4000; ++i)
    page += "<p>Troops withdrew from town " + std::to_string(i) + ".</p>";
  page += "</body></html>";
  std::ofstream(dir / "plain.html", std::ios::binary) << page;
  std::ofstream(dir / "one.html.gz", std::ios::binary) << GzipMember(page);
  std::ofstream(dir / "two.html.gz", std::ios::binary)
      << GzipMember(page.substr(0, 1000)) << GzipMember(page.substr(1000));
  std::ofstream(dir / "cut.html.gz", std::ios::binary)
      << GzipMember(page).substr(0, 300);
  const auto read = [&](const char* name, IngestOptions options = {}) {
    std::vector<Result<Document>> docs;
    ReadInputs({(dir / name).string()}, options,
               [&](Result<Document> d) { docs.push_back(std::move(d)); });
    return docs;
  };
  for (const char* name : {"plain.html", "one.html.gz", "two.html.gz"}) {
    const auto docs = read(name);
    ASSERT_EQ(docs.size(), 1u) << name;
    ASSERT_TRUE(docs[0].ok()) << docs[0].error().ToString();
    EXPECT_EQ(docs[0]->content, page) << name;
    EXPECT_EQ(docs[0]->kind, InputKind::kHtml) << name;
  }
  const auto cut = read("cut.html.gz");
  ASSERT_EQ(cut.size(), 1u);
  ASSERT_FALSE(cut[0].ok());
  EXPECT_NE(cut[0].error().message.find("truncated gzip data"),
            std::string::npos);
  // Over the limit: the fast path declines and the stream refuses it, as
  // before.
  IngestOptions small;
  small.max_document_bytes = 5000;
  for (const char* name : {"plain.html", "one.html.gz"}) {
    const auto docs = read(name, small);
    ASSERT_EQ(docs.size(), 1u);
    ASSERT_FALSE(docs[0].ok());
    EXPECT_NE(docs[0].error().message.find(
                  "document of more than 5000 bytes exceeds the limit"),
              std::string::npos)
        << docs[0].error().message;
  }
  fs::remove_all(dir);
}

TEST(IngestTest, WalksDirectoriesInOrderAndReportsMissingPaths) {
  const fs::path dir = fs::temp_directory_path() /
                       ("dateline_ingest_" + std::to_string(::getpid()));
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "b.txt") << "Second page.";
  std::ofstream(dir / "a.txt") << "First page.";
  std::ofstream(dir / "sub" / "c.html") << "<p>Third</p>";
  std::ofstream(dir / ".hidden") << "skip me";
  std::vector<std::string> ids;
  std::vector<std::string> errors;
  ReadInputs({dir.string(), (dir / "missing.txt").string()}, {},
             [&](Result<Document> d) {
               if (d.ok())
                 ids.push_back(d->id);
               else
                 errors.push_back(d.error().ToString());
             });
  // Ids are paths relative to the directory given, without the extension.
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "sub/c"}));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("missing.txt: no such file"), std::string::npos);
  fs::remove_all(dir);
}

// UTF-16 without a byte-order mark is text, not "binary data": read in
// whichever byte order has the zero high bytes.
TEST(IngestTest, Utf16WithoutAMarkIsText) {
  const std::string text = "Troops attacked rebels near Goma.";
  std::string le, be;
  for (char c : text) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  for (const auto& [bytes, order] :
       {std::pair{le, "UTF-16LE"}, std::pair{be, "UTF-16BE"}}) {
    std::vector<Document> docs;
    ReadBytes(bytes, "page.txt", {}, [&](Result<Document> d) {
      ASSERT_TRUE(d.ok()) << d.error().ToString();
      docs.push_back(std::move(d).value());
    });
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].content, text);
    ASSERT_EQ(docs[0].warnings.size(), 1u);
    EXPECT_EQ(docs[0].warnings[0],
              std::string("converted from ") + order + " (no byte-order mark)");
  }
}

// Text in other scripts has few zero bytes; it is read in the byte order in
// which it reads as text in one script, and random bytes still are binary data.
// (Some zero byte is needed, here the final line break's: Chinese with no ASCII
// character at all is not told from a legacy encoding.)
TEST(IngestTest, Utf16WithoutAMarkInOtherScriptsIsText) {
  // UTF-8 to UTF-16 (these texts are all in the Basic Multilingual Plane).
  const auto utf16 = [](const std::string& utf8, bool little_endian) {
    std::string out;
    for (size_t i = 0; i < utf8.size();) {
      const char32_t c = DecodeUtf8(utf8, &i);
      const char lo = static_cast<char>(c & 0xFF),
                 hi = static_cast<char>(c >> 8);
      out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
    }
    return out;
  };
  const std::string texts[] = {
      "\xD0\x9F\xD0\xBE\xD0\xBB\xD0\xB8\xD1\x86\xD0\xB8\xD1\x8F "
      "\xD0\xB0\xD1\x80\xD0\xB5\xD1\x81\xD1"
      "\x82\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBB\xD0\xB0 "
      "\xD0\xB4\xD0\xB2\xD1\x83\xD1\x85 \xD0\xBC\xD1\x83"
      "\xD0\xB6\xD1\x87\xD0\xB8\xD0\xBD.",  // Russian
      "\xD8\xA7\xD8\xB9\xD8\xAA\xD9\x82\xD9\x84\xD8\xAA "
      "\xD8\xA7\xD9\x84\xD8\xB4\xD8\xB1\xD8\xB7\xD8"
      "\xA9 \xD8\xB1\xD8\xAC\xD9\x84\xD9\x8A\xD9\x86.",  // Arabic
      "\xE8\xAD\xA6\xE6\x96\xB9\xE9\x80\xAE\xE6\x8D\x95\xE4\xBA\x86\xE4\xB8\xA4"
      "\xE5\x90\x8D\xE7\x94"
      "\xB7\xE5\xAD\x90\xE3\x80\x82\n",  // Chinese
  };
  for (const std::string& text : texts) {
    for (const bool little_endian : {true, false}) {
      std::vector<Result<Document>> docs;
      ReadBytes(utf16(text, little_endian), "page.txt", {},
                [&](Result<Document> d) { docs.push_back(std::move(d)); });
      ASSERT_EQ(docs.size(), 1u);
      ASSERT_TRUE(docs[0].ok()) << docs[0].error().ToString();
      EXPECT_EQ(docs[0]->content, text);
      EXPECT_EQ(docs[0]->warnings.at(0),
                std::string("converted from ") +
                    (little_endian ? "UTF-16LE" : "UTF-16BE") +
                    " (no byte-order mark)");
    }
  }
  // Bytes from a fixed pseudo-random sequence, with NULs: binary data, as
  // before.
  std::string noise;
  uint32_t state = 12345;
  for (int i = 0; i < 4096; ++i) {
    state = state * 1103515245 + 12345;
    noise += static_cast<char>(state >> 24);
  }
  noise[10] = '\0';
  std::vector<Result<Document>> docs;
  ReadBytes(noise, "noise.txt", {},
            [&](Result<Document> d) { docs.push_back(std::move(d)); });
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_FALSE(docs[0].ok());
  EXPECT_NE(docs[0].error().message.find("binary data"), std::string::npos);
}

// A member of the wrong type and NUL characters in the text are warnings on the
// record, never dropped or passed on without a word.
TEST(IngestTest, JsonLinesRepairsAreWarnings) {
  std::vector<Document> docs;
  ReadBytes(
      R"({"id": "a", "url": ["x"], "published": 2020, "text": "Troops \u0000 attacked."})"
      "\n",
      "feed.jsonl", {}, [&](Result<Document> d) {
        ASSERT_TRUE(d.ok());
        docs.push_back(std::move(d).value());
      });
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].content.find('\0'), std::string::npos);
  EXPECT_EQ(docs[0].content, "Troops   attacked.");
  const std::vector<std::string> want = {
      "\"url\" is not a string: left out",
      "\"published\" is not a string: left out",
      "1 NUL character(s) in the text replaced by spaces"};
  EXPECT_EQ(docs[0].warnings, want);
}

// Two pages of one name in different folders are two articles; two JSON Lines
// records with one id are one article and an error naming both lines, never a
// silent replacement.
TEST(IngestTest, IdsDoNotCollideSilently) {
  const fs::path dir = fs::temp_directory_path() /
                       ("dateline_ingest_ids_" + std::to_string(::getpid()));
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  std::ofstream(dir / "a" / "index.html") << "<p>First</p>";
  std::ofstream(dir / "b" / "index.html") << "<p>Second</p>";
  std::ofstream(dir / "feed.jsonl") << R"({"id": "x1", "text": "First."})"
                                       "\n"
                                       R"({"id": "x2", "text": "Second."})"
                                       "\n"
                                       R"({"id": "x1", "text": "Third."})"
                                       "\n";
  std::vector<std::string> ids;
  std::vector<std::string> errors;
  ReadInputs({(dir / "a").parent_path().string()}, {}, [&](Result<Document> d) {
    if (d.ok())
      ids.push_back(d->id);
    else
      errors.push_back(d.error().ToString());
  });
  EXPECT_EQ(ids, (std::vector<std::string>{"a/index", "b/index", "x1", "x2"}));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("feed.jsonl:3"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("duplicate id \"x1\" (first on line 1)"),
            std::string::npos)
      << errors[0];
  fs::remove_all(dir);
}

// Pages in legacy encodings, as they come from the web: the charset declared in
// a meta tag (windows-1251, Shift_JIS) or not declared at all (Latin-1 prose).
struct EncodingCase {
  const char* what;
  std::string bytes;
  std::string name;
  std::string want;  // UTF-8 text the document must contain
};

TEST(IngestTest, LegacyEncodings) {
  const EncodingCase cases[] = {
      {"windows-1251 declared",
       "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
       "charset=windows-1251\">"
       "</head><body><p>\xcc\xee\xf1\xea\xe2\xe0 \xe8 "
       "\xca\xe8\xe5\xe2</p></body></html>",
       "ru.html",
       "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xD0\xB8 "
       "\xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2"},
      {"Shift_JIS declared",
       "<html><head><meta "
       "charset=\"Shift_JIS\"></"
       "head><body><p>\x83j\x83\x85\x81[\x83X\x93\x8c\x8b\x9e</p></body></"
       "html>",
       "jp.html",
       "\xE3\x83\x8B\xE3\x83\xA5\xE3\x83\xBC\xE3\x82\xB9\xE6\x9D\xB1\xE4\xBA"
       "\xAC"},
      {"Latin-1 undeclared",
       "Caf\xe9 \xe0 Z\xfcrich, o\xf9 les ministres se sont r\xe9unis apr\xe8s "
       "la r\xe9union du "
       "conseil. Le pr\xe9sident a d\xe9"
       "clar\xe9 que les n\xe9gociations continueraient.",
       "fr.txt", "Caf\xC3\xA9 \xC3\xA0 Z\xC3\xBCrich, o\xC3\xB9"},
      {"unknown charset label falls back to detection",
       "<html><head><meta "
       "charset=\"x-no-such-charset\"></head><body><p>Caf\xe9 cr\xe8me, "
       "d\xe9j\xe0 vu, na\xefve fa\xe7"
       "ade et r\xe9sum\xe9 de la s\xe9"
       "ance.</p></body></html>",
       "unknown.html", "Caf\xC3\xA9 cr\xC3\xA8me"},
  };
  for (const EncodingCase& c : cases) {
    SCOPED_TRACE(c.what);
    auto docs = ReadAll(c.bytes, c.name);
    ASSERT_EQ(docs.size(), 1u);
    ASSERT_TRUE(docs[0].ok()) << docs[0].error().ToString();
    EXPECT_NE(docs[0]->content.find(c.want), std::string::npos)
        << docs[0]->content;
    ASSERT_FALSE(docs[0]->warnings.empty());
    EXPECT_NE(docs[0]->warnings.front().find("converted from"),
              std::string::npos)
        << docs[0]->warnings.front();
  }
}

}  // namespace
}  // namespace dateline
