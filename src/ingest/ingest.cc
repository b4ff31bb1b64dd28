#include "ingest/ingest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <vector>

#include "core/table_file.h"
#include "core/utf8.h"
#include "ingest/gzip_whole.h"
#include "ingest/json_record.h"
#include "ingest/seen_ids.h"

namespace dateline {

namespace {

namespace fs = std::filesystem;

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(
            s[s.size() - suffix.size() + i])) != suffix[i])
      return false;
  }
  return true;
}

std::string StripCompression(std::string_view name) {
  if (EndsWith(name, ".gz")) name.remove_suffix(3);
  return std::string(name);
}

// A charset declared in the first bytes of an HTML page (<meta charset> or
// http-equiv content-type). Only ASCII is inspected, so any encoding can be
// sniffed.
std::string SniffHtmlCharset(std::string_view bytes) {
  std::string head(bytes.substr(0, 4096));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  size_t pos = head.find("charset=");
  if (pos == std::string::npos) return "";
  pos += 8;
  while (pos < head.size() &&
         (head[pos] == '"' || head[pos] == '\'' || head[pos] == ' '))
    ++pos;
  size_t end = pos;
  while (end < head.size() &&
         (std::isalnum(static_cast<unsigned char>(head[end])) ||
          head[end] == '-' || head[end] == '_'))
    ++end;
  return head.substr(pos, end - pos);
}

Result<std::string> Convert(const std::string& bytes, const char* charset,
                            const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status))
    return MakeError(
        name, std::string("unknown character encoding \"") + charset + "\"");
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard(conv, ucnv_close);
  // UTF-8 output is at most 3 bytes per UTF-16 unit of input; 4x bytes is safe.
  std::string out(bytes.size() * 4 + 16, '\0');
  status = U_ZERO_ERROR;
  const int32_t n = ucnv_toAlgorithmic(
      UCNV_UTF8, conv, out.data(), static_cast<int32_t>(out.size()),
      bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status))
    return MakeError(name, std::string("cannot convert from ") + charset +
                               ": " + u_errorName(status));
  out.resize(static_cast<size_t>(n));
  return out;
}

// ICU's guess at the encoding of non-UTF-8 text; windows-1252 when it has none.
std::string DetectCharset(const std::string& bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return "windows-1252";
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> guard(
      det, ucsdet_close);
  ucsdet_setText(det, bytes.data(),
                 static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)),
                 &status);
  const UCharsetMatch* match = ucsdet_detect(det, &status);
  const char* detected =
      U_SUCCESS(status) && match ? ucsdet_getName(match, &status) : nullptr;
  std::string charset =
      detected && U_SUCCESS(status) ? detected : "windows-1252";
  // The text is not valid UTF-8, whatever the detector says.
  if (charset == "UTF-8") charset = "windows-1252";
  return charset;
}

// Whether `head`, read as UTF-16 in the given byte order, looks like text in
// one script: every code unit decodes (surrogates paired), no control
// characters but line breaks and tabs, nearly all code points letters, marks,
// digits, punctuation or spaces, and most letters in one script. Random or
// binary data fails the last test: its code points scatter over the scripts of
// the whole Basic Multilingual Plane. Returns how many code points are ASCII
// (spaces, digits, punctuation: text read in the wrong byte order has none of
// them), or nullopt when it does not read as text.
std::optional<size_t> ReadsAsUtf16Text(std::string_view head,
                                       bool little_endian) {
  size_t units = 0, textual = 0, letters = 0, ascii = 0;
  std::array<size_t, USCRIPT_CODE_LIMIT> by_script{};
  for (size_t i = 0; i + 1 < head.size(); i += 2) {
    const auto lo =
        static_cast<unsigned char>(head[i + (little_endian ? 0 : 1)]);
    const auto hi =
        static_cast<unsigned char>(head[i + (little_endian ? 1 : 0)]);
    UChar32 c = static_cast<UChar32>(hi << 8 | lo);
    if (U16_IS_SURROGATE(c)) {
      if (!U16_IS_LEAD(c) || i + 3 >= head.size()) return std::nullopt;
      const auto lo2 =
          static_cast<unsigned char>(head[i + 2 + (little_endian ? 0 : 1)]);
      const auto hi2 =
          static_cast<unsigned char>(head[i + 2 + (little_endian ? 1 : 0)]);
      const UChar trail = static_cast<UChar>(hi2 << 8 | lo2);
      if (!U16_IS_TRAIL(trail)) return std::nullopt;
      c = U16_GET_SUPPLEMENTARY(c, trail);
      i += 2;
    }
    ++units;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return std::nullopt;
    ascii += c < 0x80;
    textual += u_isalnum(c) || u_isspace(c) || u_ispunct(c) ||
               (U_GET_GC_MASK(c) & (U_GC_M_MASK | U_GC_S_MASK)) != 0;
    if (u_isalpha(c)) {
      ++letters;
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode script = uscript_getScript(c, &status);
      if (U_SUCCESS(status) && script >= 0 && script < USCRIPT_CODE_LIMIT)
        ++by_script[static_cast<size_t>(script)];
    }
  }
  if (units < 4 || textual * 100 < units * 95 || letters * 2 < units)
    return std::nullopt;
  if (*std::max_element(by_script.begin(), by_script.end()) * 10 < letters * 7)
    return std::nullopt;
  return ascii;
}

// "UTF-16LE" or "UTF-16BE" for text in UTF-16 without a byte-order mark, else
// nullptr. Latin text shows as a zero high byte in nearly every code unit on
// one side and no zero on the other; text in other scripts (Cyrillic, Arabic,
// Chinese, ...) has fewer zeros and is recognised by reading it both ways
// (ReadsAsUtf16Text): when both read as text, the order with more ASCII spaces
// and punctuation wins.
const char* UnmarkedUtf16(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 8192 & ~size_t{1});
  if (head.size() < 8 || head.size() % 2 != 0) return nullptr;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < head.size(); i += 2) {
    zero_even += head[i] == '\0';
    zero_odd += head[i + 1] == '\0';
  }
  const size_t units = head.size() / 2;
  if (zero_odd * 10 >= units * 9 && zero_even == 0) return "UTF-16LE";
  if (zero_even * 10 >= units * 9 && zero_odd == 0) return "UTF-16BE";
  // Only data with NUL bytes is asked: text in UTF-8 or a legacy encoding has
  // none.
  if (zero_even + zero_odd == 0) return nullptr;
  const std::optional<size_t> le = ReadsAsUtf16Text(head, true),
                              be = ReadsAsUtf16Text(head, false);
  if (le && (!be || *le > *be)) return "UTF-16LE";
  if (be && (!le || *be > *le)) return "UTF-16BE";
  return nullptr;
}

bool LooksBinary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 8192);
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' &&
        c != 0x1B)
      ++control;
  }
  return !head.empty() && control * 10 > head.size();
}

std::string IdFromPath(const std::string& path) {
  if (path == "-") return "stdin";
  std::string stem = fs::path(StripCompression(path)).filename().string();
  const size_t dot = stem.rfind('.');
  if (dot != std::string::npos && dot > 0) stem.resize(dot);
  return stem;
}

// The id of a file found under a directory given as input: its path relative to
// that directory, without its extension ("a/index.html" -> "a/index"), so that
// two files of one name in different folders stay two articles. The listing
// builds each file's path on `root` as given, so the relation is lexical:
// fs::relative would resolve both paths on disk, a few system calls a file.
std::string IdInDirectory(const fs::path& file, const fs::path& root) {
  const fs::path relative = file.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..")
    return IdFromPath(file.string());
  const std::string folder = relative.parent_path().generic_string();
  const std::string stem = IdFromPath(relative.filename().string());
  return folder.empty() ? stem : folder + "/" + stem;
}

// One record of a JSON Lines input: `line` (trimmed, not empty) is line
// `line_no` of `name`, starting at byte `line_offset`. The line is made valid
// UTF-8 first (JSON is UTF-8; other bytes are repaired or converted, with a
// warning on the document).
void ReadJsonLine(std::string_view raw_line, const std::string& name,
                  int64_t line_no, int64_t line_offset,
                  const IngestOptions& options, const DocumentSink& sink);

// Splits JSON Lines into records as their bytes arrive, so that memory stays
// flat however long the input: Feed takes the next bytes, Finish the end of the
// input. A line longer than any record may be is refused without being kept.
class JsonLinesSplitter {
 public:
  JsonLinesSplitter(const std::string& name, const IngestOptions& options,
                    const DocumentSink& sink)
      : name_(name), options_(options), sink_(sink) {
    // A record whose id an earlier record of this input had is an error, not a
    // silent replacement of the first one in the store.
    checked_sink_ = [this](Result<Document> doc) {
      if (doc.ok()) {
        if (const auto first = seen_ids_.Insert(doc->id, line_no_)) {
          return sink_(MakeError(
              name_,
              "duplicate id \"" + doc->id + "\" (first on line " +
                  std::to_string(*first) + "): the record is left out",
              line_no_));
        }
      }
      sink_(std::move(doc));
    };
  }

  void Feed(std::string_view bytes) {
    while (!bytes.empty()) {
      const size_t nl = bytes.find('\n');
      const std::string_view piece = bytes.substr(0, nl);
      if (!skipping_) {
        if (pending_.size() + piece.size() > MaxLine()) {
          skipping_ = true;
          pending_.clear();
          pending_.shrink_to_fit();
        } else {
          pending_.append(piece);
        }
      }
      if (nl == std::string_view::npos) return;
      EndLine();
      bytes.remove_prefix(nl + 1);
    }
  }

  void Finish() {
    if (skipping_ || !pending_.empty()) EndLine();
  }

 private:
  // A record holds the document and some metadata, JSON-escaped (up to 6 bytes
  // a byte).
  size_t MaxLine() const {
    return options_.max_document_bytes * 6 + (1u << 20);
  }

  void EndLine() {
    ++line_no_;
    if (skipping_) {
      sink_(MakeError(name_,
                      "line of more than " + std::to_string(MaxLine()) +
                          " bytes exceeds the limit of " +
                          std::to_string(options_.max_document_bytes) +
                          " bytes a record (see --max-bytes)",
                      line_no_));
    } else if (std::string_view line = Trim(pending_); !line.empty()) {
      ReadJsonLine(line, name_, line_no_, offset_, options_, checked_sink_);
    }
    offset_ += static_cast<int64_t>(pending_.size()) + 1;
    pending_.clear();
    skipping_ = false;
  }

  const std::string& name_;
  const IngestOptions& options_;
  const DocumentSink& sink_;
  DocumentSink checked_sink_;  // sink_ after the id check
  SeenIds seen_ids_;     // of the records read so far, with their first lines
  std::string pending_;  // the current line so far
  bool skipping_ = false;
  int64_t line_no_ = 0, offset_ = 0;
};

void ReadJsonLines(const std::string& content, const std::string& name,
                   const IngestOptions& options, const DocumentSink& sink) {
  JsonLinesSplitter splitter(name, options, sink);
  splitter.Feed(content);
  splitter.Finish();
}

}  // namespace

InputKind DetectKind(std::string_view name, std::string_view content) {
  const std::string base = StripCompression(name);
  if (EndsWith(base, ".jsonl") || EndsWith(base, ".ndjson"))
    return InputKind::kJsonLines;
  if (EndsWith(base, ".html") || EndsWith(base, ".htm") ||
      EndsWith(base, ".xhtml"))
    return InputKind::kHtml;
  std::string_view head = Trim(content.substr(0, 2048));
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  if (!head.empty() && head.front() == '<') {
    std::string lower(head.substr(0, 512));
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    for (const char* tag : {"<!doctype", "<html", "<head", "<body", "<p",
                            "<div", "<article", "<meta", "<!--"}) {
      if (lower.find(tag) != std::string::npos) return InputKind::kHtml;
    }
  }
  if (!head.empty() && head.front() == '{') return InputKind::kJsonLines;
  return InputKind::kPageText;
}

Result<std::string> ToUtf8(std::string bytes, std::string_view declared,
                           const std::string& name,
                           std::vector<std::string>* warnings) {
  // Byte-order marks say it all.
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    const bool le = bytes[0] == '\xFF';
    auto converted =
        Convert(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE", name);
    if (converted.ok())
      warnings->push_back(std::string("converted from ") +
                          (le ? "UTF-16LE" : "UTF-16BE"));
    return converted;
  }
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0)
    bytes.erase(0, 3);
  if (const char* utf16 = UnmarkedUtf16(bytes)) {
    auto converted = Convert(bytes, utf16, name);
    if (converted.ok())
      warnings->push_back(std::string("converted from ") + utf16 +
                          " (no byte-order mark)");
    return converted;
  }
  if (LooksBinary(bytes))
    return MakeError(
        name, "binary data, not text (NUL or control bytes near the start)");
  const size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) return bytes;

  std::string charset(declared);
  std::transform(charset.begin(), charset.end(), charset.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (charset.empty() || charset == "utf-8" || charset == "utf8") {
    // Undeclared or wrongly declared: ask ICU's detector, but trust it only
    // when the bytes are mostly not UTF-8 (a few bad bytes in UTF-8 text are
    // repaired instead).
    size_t invalid = 0;
    for (size_t p = 0; p < bytes.size();) {
      if (static_cast<unsigned char>(bytes[p]) < 0x80) {  // never invalid
        ++p;
        continue;
      }
      size_t q = p;
      if (DecodeUtf8(bytes, &q) == 0xFFFD && q == p + 1) ++invalid;
      p = q;
    }
    size_t high = 0;
    for (unsigned char c : bytes) high += c >= 0x80;
    if (invalid * 4 < high) {
      std::string repaired = std::move(bytes);
      const size_t n = RepairUtf8(&repaired);
      warnings->push_back("invalid UTF-8 repaired at " + std::to_string(n) +
                          " place(s), first at byte " + std::to_string(bad));
      return repaired;
    }
    charset = DetectCharset(bytes);
  }
  // Latin-1 labels are windows-1252 on the web (HTML5 encoding standard).
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" ||
      charset == "ISO-8859-1")
    charset = "windows-1252";
  auto converted = Convert(bytes, charset.c_str(), name);
  if (!converted.ok() && !declared.empty()) {
    // A label ICU does not know ("x-mac-something", a typo): the page is still
    // text; read it as the detector guesses and say so.
    const std::string detected = DetectCharset(bytes);
    converted = Convert(bytes, detected.c_str(), name);
    if (converted.ok()) {
      warnings->push_back("converted from " + detected +
                          " (the declared encoding \"" + std::string(declared) +
                          "\" is unknown)");
    }
    return converted;
  }
  if (converted.ok()) warnings->push_back("converted from " + charset);
  return converted;
}

namespace {

void ReadJsonLine(std::string_view raw_line, const std::string& name,
                  int64_t line_no, int64_t line_offset,
                  const IngestOptions& options, const DocumentSink& sink) {
  std::vector<std::string> utf8_warnings;
  std::string converted;
  std::string_view line = raw_line;
  if (FindInvalidUtf8(line) != std::string_view::npos) {
    auto text = ToUtf8(std::string(line), "utf-8", name, &utf8_warnings);
    if (!text.ok())
      return sink(MakeError(name, text.error().message, line_no, line_offset));
    converted = std::move(text).value();
    line = converted;
  }
  ingest_internal::RecordFields record;
  switch (ingest_internal::ReadRecord(line, &record)) {
    case ingest_internal::RecordStatus::kOk:
      break;
    case ingest_internal::RecordStatus::kMalformed:
      return sink(MakeError(
          name, "malformed JSON (not a valid JSON object on this line)",
          line_no, line_offset));
    case ingest_internal::RecordStatus::kNotAnObject:
      return sink(
          MakeError(name, "a JSON Lines record must be an object", line_no));
  }
  Document doc;
  doc.input = name + ":" + std::to_string(line_no);
  doc.warnings = std::move(utf8_warnings);
  doc.id = std::move(record.id);
  if (doc.id.empty()) doc.id = std::move(record.numeric_id);
  if (doc.id.empty()) doc.id = IdFromPath(name) + ":" + std::to_string(line_no);
  doc.url = std::move(record.url);
  if (!record.html.empty()) {
    doc.kind = InputKind::kHtml;
    doc.content = std::move(record.html);
  } else if (!record.text.empty()) {
    doc.kind = InputKind::kPageText;
    doc.content = std::move(record.text);
  } else {
    return sink(MakeError(
        name,
        "record has neither an \"html\" nor a \"text\" field with content",
        line_no));
  }
  if (const std::string& kind = record.kind; !kind.empty()) {
    std::optional<InputKind> k = ParseInputKind(kind);
    if (!k || *k == InputKind::kAuto || *k == InputKind::kJsonLines) {
      return sink(MakeError(
          name, "unknown \"kind\" \"" + kind + "\" (page-text, html or text)",
          line_no));
    }
    doc.kind = *k;
  }
  if (doc.content.size() > options.max_document_bytes) {
    return sink(MakeError(name,
                          "record of " + std::to_string(doc.content.size()) +
                              " bytes exceeds the limit of " +
                              std::to_string(options.max_document_bytes),
                          line_no));
  }
  for (const std::string& field : record.wrong_type)
    doc.warnings.push_back("\"" + field + "\" is not a string: left out");
  // A NUL is no character of text (and ends strings in C tools downstream).
  if (const size_t nuls = static_cast<size_t>(
          std::count(doc.content.begin(), doc.content.end(), '\0'))) {
    std::replace(doc.content.begin(), doc.content.end(), '\0', ' ');
    doc.warnings.push_back(std::to_string(nuls) +
                           " NUL character(s) in the text replaced by spaces");
  }
  if (const std::string& published = record.published; !published.empty()) {
    doc.published = ParseIsoDate(published);
    if (!doc.published)
      doc.warnings.push_back("\"published\" is not an ISO 8601 date: " +
                             published);
  }
  // The line was valid UTF-8 and both JSON readers refuse escapes that decode
  // to anything else, so content is valid already.
  sink(std::move(doc));
}

// One document (page text or HTML) from its bytes, already decompressed.
void ReadDocument(std::string bytes, const std::string& name,
                  const std::string& id, InputKind kind,
                  const IngestOptions& options, const DocumentSink& sink) {
  if (bytes.size() > options.max_document_bytes) {
    return sink(MakeError(name, "document of " + std::to_string(bytes.size()) +
                                    " bytes exceeds the limit of " +
                                    std::to_string(options.max_document_bytes) +
                                    " (see --max-bytes)"));
  }
  Document doc;
  doc.id = id;
  doc.input = name;
  doc.kind = kind;
  const std::string declared =
      kind == InputKind::kHtml ? SniffHtmlCharset(bytes) : "";
  auto text = ToUtf8(std::move(bytes), declared, name, &doc.warnings);
  if (!text.ok()) return sink(text.error());
  doc.content = std::move(text).value();
  sink(std::move(doc));
}

bool HasUtf16Bom(std::string_view bytes) {
  return bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                               (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
}

// A file, standard input or bytes in memory read as a stream of bytes,
// decompressed when it starts with gzip's magic bytes. Every member of a
// multi-member file is read
// (`cat a.gz b.gz`, as zcat does). Unlike zlib's gzread, which ignores whatever
// follows the last member, bytes after it that start no member are reported
// (zero padding excepted, as gzip does), so a damaged or appended-to file is
// not read as complete.
class ByteStream {
 public:
  ~ByteStream() {
    if (inflating_) inflateEnd(&zs_);
    if (fd_ > STDERR_FILENO) ::close(fd_);
  }

  static Result<std::unique_ptr<ByteStream>> Open(const std::string& path) {
    const int fd =
        path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      return MakeError(errno == ENOENT ? ErrorKind::kNotFound : ErrorKind::kIo,
                       path,
                       std::string("cannot open: ") + std::strerror(errno));
    }
    std::unique_ptr<ByteStream> stream(new ByteStream(fd, path));
    RETURN_IF_ERROR(stream->Start());
    return stream;
  }

  // The same over `bytes` (named `name`), already in memory.
  static Result<std::unique_ptr<ByteStream>> OverBytes(
      std::string_view bytes, const std::string& name) {
    std::unique_ptr<ByteStream> stream(new ByteStream(-1, name));
    stream->raw_.assign(bytes.begin(), bytes.end());
    stream->end_ = bytes.size();
    stream->eof_ = true;
    RETURN_IF_ERROR(stream->Start());
    return stream;
  }

  // Before the first Read: the whole input decompressed at once
  // (gzip_whole.h), when it is gzip data held in memory or in a regular file of
  // at most `limit` bytes and the fast path takes it; Read then has nothing
  // more to give. Nullopt otherwise, and Read goes on with zlib as if this had
  // not been called. An error is a failed read of the file.
  Result<std::optional<std::string>> InflateWhole(size_t limit) {
    if (!inflating_ || consumed_ != 0 || pos_ != 0)
      return std::optional<std::string>();
    if (!eof_) {
      struct stat st;
      if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
          static_cast<uint64_t>(st.st_size) > limit)
        return std::optional<std::string>();
      const size_t size = static_cast<size_t>(st.st_size);
      // One byte of room past the size, so that the end is seen.
      if (raw_.size() < size + 1) raw_.resize(size + 1);
      RETURN_IF_ERROR(Fill(size + 1));
      if (!eof_) return std::optional<std::string>();  // it grew meanwhile
    }
    std::optional<std::string> whole = ingest_internal::InflateWholeGzip(
        std::string_view(reinterpret_cast<const char*>(raw_.data()) + pos_,
                         end_ - pos_),
        limit);
    if (whole) {
      pos_ = end_;
      inflateEnd(&zs_);
      inflating_ = false;
    }
    return whole;
  }

  // Bytes after the gzip data that start no member, once the end was read: an
  // error to report after the data before them has been passed on.
  const std::optional<Error>& trailing_garbage() const {
    return trailing_garbage_;
  }

  // Up to `n` bytes into `out`: how many, 0 at the end of the input.
  Result<size_t> Read(char* out, size_t n) {
    if (n == 0) return size_t{0};
    if (!inflating_) {
      if (pos_ == end_) {
        RETURN_IF_ERROR(Fill(1));
        if (pos_ == end_) return size_t{0};
      }
      const size_t take = std::min(n, end_ - pos_);
      std::memcpy(out, raw_.data() + pos_, take);
      pos_ += take;
      return take;
    }
    for (;;) {
      if (member_ended_) {
        ASSIGN_OR_RETURN(auto next, StartNextMember());
        if (!next) return size_t{0};
      }
      if (pos_ == end_) {
        RETURN_IF_ERROR(Fill(1));
        if (pos_ == end_)
          return MakeError(
              path_,
              "truncated gzip data (unexpected end of the compressed stream)");
      }
      zs_.next_in = raw_.data() + pos_;
      zs_.avail_in = static_cast<uInt>(end_ - pos_);
      zs_.next_out = reinterpret_cast<Bytef*>(out);
      zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
      const uInt avail_out = zs_.avail_out;
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      pos_ = end_ - zs_.avail_in;
      if (rc == Z_STREAM_END) {
        member_ended_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return MakeError(path_, std::string("corrupt gzip data: ") +
                                    (zs_.msg ? zs_.msg : "inflate failed"));
      }
      const size_t produced = avail_out - zs_.avail_out;
      if (produced > 0) return produced;
    }
  }

 private:
  ByteStream(int fd, std::string path)
      : fd_(fd), path_(std::move(path)), raw_(fd < 0 ? 0 : 1 << 17) {}

  // Decompression starts when the data begins with gzip's magic bytes.
  Status Start() {
    RETURN_IF_ERROR(Fill(2));
    if (end_ - pos_ >= 2 && raw_[pos_] == 0x1F && raw_[pos_ + 1] == 0x8B) {
      if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
        return MakeError(ErrorKind::kIo, path_,
                         "cannot start gzip decompression");
      }
      inflating_ = true;
    } else if (EndsWith(path_, ".gz") && end_ > pos_) {
      // As gzip says: the name promises compressed data that is not there.
      return MakeError(path_,
                       "not in gzip format (the name ends in .gz but the data "
                       "has no gzip header)");
    }
    return Status::Ok();
  }

  // Reads until at least `want` bytes are buffered or the input ends.
  Status Fill(size_t want) {
    if (end_ - pos_ >= want || eof_) return Status::Ok();
    if (pos_ > 0) {
      std::memmove(raw_.data(), raw_.data() + pos_, end_ - pos_);
      consumed_ += pos_;
      end_ -= pos_;
      pos_ = 0;
    }
    while (end_ < want && !eof_) {
      const ssize_t got = ::read(fd_, raw_.data() + end_, raw_.size() - end_);
      if (got < 0) {
        if (errno == EINTR) continue;
        return MakeError(ErrorKind::kIo, path_,
                         std::string("cannot read: ") + std::strerror(errno));
      }
      if (got == 0) eof_ = true;
      end_ += static_cast<size_t>(got);
    }
    return Status::Ok();
  }

  // After a member's end: whether another member follows (then it is started).
  // The end of the input or zero padding ends the data; so does anything else,
  // recorded as trailing garbage.
  Result<bool> StartNextMember() {
    for (;;) {
      RETURN_IF_ERROR(Fill(2));
      if (pos_ == end_) return false;
      if (end_ - pos_ >= 2 && raw_[pos_] == 0x1F && raw_[pos_ + 1] == 0x8B) {
        inflateReset(&zs_);
        member_ended_ = false;
        return true;
      }
      const auto nonzero =
          std::find_if(raw_.begin() + static_cast<std::ptrdiff_t>(pos_),
                       raw_.begin() + static_cast<std::ptrdiff_t>(end_),
                       [](unsigned char c) { return c != 0; });
      if (nonzero != raw_.begin() + static_cast<std::ptrdiff_t>(end_)) {
        trailing_garbage_ = MakeError(
            path_,
            "trailing garbage after the gzip data (not another gzip member); "
            "the data before it was read");
        trailing_garbage_->offset = static_cast<int64_t>(
            consumed_ + static_cast<size_t>(nonzero - raw_.begin()));
        return false;
      }
      pos_ = end_;  // zero padding
      if (eof_) return false;
    }
  }

  int fd_;
  std::string path_;
  std::vector<unsigned char> raw_;
  size_t pos_ = 0, end_ = 0;  // the unread raw bytes are raw_[pos_, end_)
  size_t consumed_ = 0;       // raw bytes dropped from the front of raw_ so far
  bool eof_ = false;
  bool inflating_ = false;
  bool member_ended_ = false;
  z_stream zs_{};
  std::optional<Error> trailing_garbage_;
};

// gzip data in memory decompressed, every member, refusing output larger than
// `limit`; bytes after the last member that start no member set
// `trailing_garbage`.
Result<std::string> ReadWhole(std::string_view bytes, const std::string& name,
                              size_t limit,
                              std::optional<Error>* trailing_garbage) {
  // The fast path first (gzip_whole.h); what it declines is read with zlib,
  // which says what is wrong with it.
  if (auto whole = ingest_internal::InflateWholeGzip(bytes, limit))
    return std::move(*whole);
  ASSIGN_OR_RETURN(auto stream, ByteStream::OverBytes(bytes, name));
  std::string out;
  char buf[1 << 16];
  for (;;) {
    ASSIGN_OR_RETURN(const size_t got, stream->Read(buf, sizeof buf));
    if (got == 0) break;
    out.append(buf, got);
    if (out.size() > limit) {
      return MakeError(name, "decompressed size exceeds the limit of " +
                                 std::to_string(limit) + " bytes");
    }
  }
  *trailing_garbage = stream->trailing_garbage();
  return out;
}

// A gzip file that can be one document (not JSON Lines by its name or the
// options: feeds stay streams) decompressed whole when it can be
// (ByteStream::InflateWhole), at two to three times zlib's speed; nullopt
// when not, an error when the file cannot be read.
Result<std::optional<std::string>> InflateOneDocument(
    ByteStream& in, const std::string& path, const IngestOptions& options) {
  if (options.kind == InputKind::kJsonLines ||
      DetectKind(path, {}) == InputKind::kJsonLines)
    return std::optional<std::string>();
  return in.InflateWhole(options.max_document_bytes);
}

// Reads one file, or standard input for "-", as a stream: gzip-compressed or
// not (ByteStream reads both). JSON Lines go record by record; any other input
// is one document, read no further than the size limit. `id` is the document's
// id when the input is one document.
void ReadStream(const std::string& path, const std::string& id,
                const IngestOptions& options, const DocumentSink& sink) {
  auto opened = ByteStream::Open(path);
  if (!opened.ok()) return sink(opened.error());
  ByteStream& in = **opened;
  constexpr size_t kChunk = 1 << 20;
  std::string chunk;
  // A read error after some bytes: those bytes are passed on first (the records
  // of a truncated feed before the cut), the error at the next read.
  std::optional<Error> pending_error;
  // Reads up to `n` more bytes onto `chunk`: how many (0 at the end), or
  // nothing (the error sent).
  const auto read_more = [&](size_t n) -> std::optional<size_t> {
    if (pending_error) {
      sink(*pending_error);
      return std::nullopt;
    }
    const size_t old = chunk.size();
    chunk.resize(old + n);
    size_t total = 0;
    while (total < n) {
      auto got = in.Read(chunk.data() + old + total, n - total);
      if (!got.ok()) {
        if (total > 0) {
          pending_error = got.error();
          break;
        }
        chunk.resize(old);
        sink(got.error());
        return std::nullopt;
      }
      if (*got == 0) break;
      total += *got;
    }
    chunk.resize(old + total);
    return total;
  };

  auto inflated = InflateOneDocument(in, path, options);
  if (!inflated.ok()) return sink(inflated.error());
  const bool whole = inflated->has_value();
  if (whole) chunk = std::move(**inflated);
  constexpr size_t kFirstRead = 64 << 10;
  if (!whole && !read_more(kFirstRead)) return;
  InputKind kind = options.kind;
  if (kind == InputKind::kAuto) kind = DetectKind(path, chunk);
  if (kind == InputKind::kJsonLines && !HasUtf16Bom(chunk)) {
    JsonLinesSplitter splitter(path, options, sink);
    for (;;) {
      splitter.Feed(chunk);
      chunk.clear();
      const std::optional<size_t> got = read_more(kChunk);
      if (!got) return;
      if (*got == 0) break;
    }
    splitter.Finish();
    if (in.trailing_garbage()) sink(*in.trailing_garbage());
    return;
  }
  // One document: reading one byte past the limit tells whether it is over.
  const size_t limit = kind == InputKind::kJsonLines
                           ? options.max_document_bytes * 64
                           : options.max_document_bytes;
  // A document longer than its first read gets its whole room at once: grown by
  // doubling, the buffer would hold up to twice the limit (and the allocator
  // the old copies) by the time an endless input is refused. Untouched room
  // costs no memory.
  if (kind != InputKind::kJsonLines && chunk.size() == kFirstRead && !whole)
    chunk.reserve(limit + 1);
  while (!whole) {
    if (chunk.size() > limit) {
      return sink(
          MakeError(path, "document of more than " + std::to_string(limit) +
                              " bytes exceeds the limit of " +
                              std::to_string(limit) + " (see --max-bytes)"));
    }
    // Each read asks for about as much as there is already (read_more
    // zero-fills the room it asks for): a page of 150 KB no longer clears two
    // megabytes.
    const std::optional<size_t> got =
        read_more(std::min({kChunk, std::max(kFirstRead, chunk.size()),
                            limit + 1 - chunk.size()}));
    if (!got) return;
    if (*got == 0) break;
  }
  if (kind == InputKind::kJsonLines) {  // UTF-16 JSON Lines: converted whole
    std::vector<std::string> warnings;
    auto text = ToUtf8(std::move(chunk), "utf-8", path, &warnings);
    if (!text.ok()) return sink(text.error());
    ReadJsonLines(*text, path, options, sink);
  } else {
    ReadDocument(std::move(chunk), path, id, kind, options, sink);
  }
  if (in.trailing_garbage()) sink(*in.trailing_garbage());
}

// The regular files under `dir`, recursively, hidden ones left out. A folder
// that cannot be listed is an error naming it; the others are still read.
void ListFiles(const fs::path& dir, std::vector<fs::path>* files,
               const DocumentSink& sink) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec)
    return sink(
        MakeError(dir.string(), "cannot list directory: " + ec.message()));
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& entry = it->path();
    if (entry.filename().string().front() == '.') continue;
    std::error_code type_ec;
    if (it->is_directory(type_ec)) {
      ListFiles(entry, files, sink);
    } else if (it->is_regular_file(type_ec)) {
      files->push_back(entry);
    }
  }
  if (ec)
    sink(MakeError(dir.string(), "cannot list directory: " + ec.message()));
}

}  // namespace

void ReadBytes(std::string bytes, const std::string& name,
               const IngestOptions& options, const DocumentSink& sink) {
  std::optional<Error> trailing_garbage;
  if (EndsWith(name, ".gz") ||
      (bytes.size() >= 2 && bytes[0] == '\x1F' && bytes[1] == '\x8B')) {
    auto unzipped = ReadWhole(bytes, name, options.max_document_bytes * 8,
                              &trailing_garbage);
    if (!unzipped.ok()) return sink(unzipped.error());
    bytes = std::move(unzipped).value();
  }
  InputKind kind = options.kind;
  if (kind == InputKind::kAuto) kind = DetectKind(name, bytes);
  if (kind == InputKind::kJsonLines) {
    std::vector<std::string> warnings;
    auto text = ToUtf8(std::move(bytes), "utf-8", name, &warnings);
    if (!text.ok()) return sink(text.error());
    ReadJsonLines(*text, name, options, sink);
  } else {
    ReadDocument(std::move(bytes), name, IdFromPath(name), kind, options, sink);
  }
  if (trailing_garbage) sink(*trailing_garbage);
}

void ReadInputs(const std::vector<std::string>& paths,
                const IngestOptions& options, const DocumentSink& sink) {
  for (const std::string& path : paths) {
    if (path == "-") {
      ReadStream(path, IdFromPath(path), options, sink);
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      sink(MakeError(path, "no such file or directory"));
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<fs::path> files;
      ListFiles(path, &files, sink);
      std::sort(files.begin(), files.end(),
                [](const fs::path& a, const fs::path& b) {
                  return a.string() < b.string();
                });
      for (const fs::path& file : files)
        ReadStream(file.string(), IdInDirectory(file, path), options, sink);
      continue;
    }
    ReadStream(path, IdFromPath(path), options, sink);
  }
}

}  // namespace dateline
