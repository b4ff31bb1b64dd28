#include "ingest/ingest.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/table_file.h"
#include "core/utf8.h"

namespace dateline {

namespace {

namespace fs = std::filesystem;

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  }
  return true;
}

std::string StripCompression(std::string_view name) {
  if (EndsWith(name, ".gz")) name.remove_suffix(3);
  return std::string(name);
}

// Decompresses gzip data, refusing output larger than `limit`.
Result<std::string> Gunzip(const std::string& bytes, const std::string& name, size_t limit) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return MakeError(name, "cannot start gzip decompression");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return MakeError(name, std::string("corrupt or truncated gzip data") + (zs.msg ? std::string(": ") + zs.msg : ""));
    }
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > limit) {
      inflateEnd(&zs);
      return MakeError(name, "decompressed size exceeds the limit of " + std::to_string(limit) + " bytes");
    }
    if (rc != Z_STREAM_END && zs.avail_in == 0 && zs.avail_out != 0) {
      inflateEnd(&zs);
      return MakeError(name, "truncated gzip data");
    }
  }
  inflateEnd(&zs);
  return out;
}

// A charset declared in the first bytes of an HTML page (<meta charset> or
// http-equiv content-type). Only ASCII is inspected, so any encoding can be sniffed.
std::string SniffHtmlCharset(std::string_view bytes) {
  std::string head(bytes.substr(0, 4096));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
  size_t pos = head.find("charset=");
  if (pos == std::string::npos) return "";
  pos += 8;
  while (pos < head.size() && (head[pos] == '"' || head[pos] == '\'' || head[pos] == ' ')) ++pos;
  size_t end = pos;
  while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' || head[end] == '_'))
    ++end;
  return head.substr(pos, end - pos);
}

Result<std::string> Convert(const std::string& bytes, const char* charset, const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return MakeError(name, std::string("unknown character encoding \"") + charset + "\"");
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard(conv, ucnv_close);
  // UTF-8 output is at most 3 bytes per UTF-16 unit of input; 4x bytes is safe.
  std::string out(bytes.size() * 4 + 16, '\0');
  status = U_ZERO_ERROR;
  const int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, conv, out.data(), static_cast<int32_t>(out.size()),
                                       bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return MakeError(name, std::string("cannot convert from ") + charset + ": " + u_errorName(status));
  out.resize(static_cast<size_t>(n));
  return out;
}

// ICU's guess at the encoding of non-UTF-8 text; windows-1252 when it has none.
std::string DetectCharset(const std::string& bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return "windows-1252";
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> guard(det, ucsdet_close);
  ucsdet_setText(det, bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)), &status);
  const UCharsetMatch* match = ucsdet_detect(det, &status);
  const char* detected = U_SUCCESS(status) && match ? ucsdet_getName(match, &status) : nullptr;
  std::string charset = detected && U_SUCCESS(status) ? detected : "windows-1252";
  // The text is not valid UTF-8, whatever the detector says.
  if (charset == "UTF-8") charset = "windows-1252";
  return charset;
}

bool LooksBinary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 8192);
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ++control;
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

void ReadJsonLines(const std::string& content, const std::string& name, const IngestOptions& options,
                   const DocumentSink& sink) {
  size_t pos = 0;
  int64_t line_no = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string::npos) nl = content.size();
    std::string_view line = Trim(std::string_view(content).substr(pos, nl - pos));
    const size_t line_offset = pos;
    pos = nl + 1;
    ++line_no;
    if (line.empty()) continue;
    const std::string where = name + ":" + std::to_string(line_no);
    nlohmann::json record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded()) {
      sink(MakeError(name, "malformed JSON (not a valid JSON object on this line)", line_no,
                     static_cast<int64_t>(line_offset)));
      continue;
    }
    if (!record.is_object()) {
      sink(MakeError(name, "a JSON Lines record must be an object", line_no));
      continue;
    }
    const auto get_string = [&](const char* key) -> std::string {
      auto it = record.find(key);
      return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    Document doc;
    doc.input = where;
    doc.id = get_string("id");
    if (doc.id.empty() && record.contains("id") && record["id"].is_number()) doc.id = record["id"].dump();
    if (doc.id.empty()) doc.id = IdFromPath(name) + ":" + std::to_string(line_no);
    doc.url = get_string("url");
    std::string html = get_string("html");
    std::string text = get_string("text");
    if (!html.empty()) {
      doc.kind = InputKind::kHtml;
      doc.content = std::move(html);
    } else if (!text.empty()) {
      doc.kind = InputKind::kPageText;
      doc.content = std::move(text);
    } else {
      sink(MakeError(name, "record has neither an \"html\" nor a \"text\" field with content", line_no));
      continue;
    }
    if (std::string kind = get_string("kind"); !kind.empty()) {
      std::optional<InputKind> k = ParseInputKind(kind);
      if (!k || *k == InputKind::kAuto || *k == InputKind::kJsonLines) {
        sink(MakeError(name, "unknown \"kind\" \"" + kind + "\" (page-text, html or text)", line_no));
        continue;
      }
      doc.kind = *k;
    }
    if (doc.content.size() > options.max_document_bytes) {
      sink(MakeError(name, "record of " + std::to_string(doc.content.size()) + " bytes exceeds the limit of " +
                               std::to_string(options.max_document_bytes),
                     line_no));
      continue;
    }
    if (std::string published = get_string("published"); !published.empty()) {
      doc.published = ParseIsoDate(published);
      if (!doc.published) doc.warnings.push_back("\"published\" is not an ISO 8601 date: " + published);
    }
    // nlohmann::json validates UTF-8 while parsing, so content is valid already.
    sink(std::move(doc));
  }
}

}  // namespace

InputKind DetectKind(std::string_view name, std::string_view content) {
  const std::string base = StripCompression(name);
  if (EndsWith(base, ".jsonl") || EndsWith(base, ".ndjson")) return InputKind::kJsonLines;
  if (EndsWith(base, ".html") || EndsWith(base, ".htm") || EndsWith(base, ".xhtml")) return InputKind::kHtml;
  std::string_view head = Trim(content.substr(0, 2048));
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  if (!head.empty() && head.front() == '<') {
    std::string lower(head.substr(0, 512));
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* tag : {"<!doctype", "<html", "<head", "<body", "<p", "<div", "<article", "<meta", "<!--"}) {
      if (lower.find(tag) != std::string::npos) return InputKind::kHtml;
    }
  }
  if (!head.empty() && head.front() == '{') return InputKind::kJsonLines;
  return InputKind::kPageText;
}

Result<std::string> ToUtf8(std::string bytes, std::string_view declared, const std::string& name,
                           std::vector<std::string>* warnings) {
  // Byte-order marks say it all.
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    const bool le = bytes[0] == '\xFF';
    auto converted = Convert(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE", name);
    if (converted.ok()) warnings->push_back(std::string("converted from ") + (le ? "UTF-16LE" : "UTF-16BE"));
    return converted;
  }
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  if (LooksBinary(bytes)) return MakeError(name, "binary data, not text (NUL or control bytes near the start)");
  const size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) return bytes;

  std::string charset(declared);
  std::transform(charset.begin(), charset.end(), charset.begin(), [](unsigned char c) { return std::tolower(c); });
  if (charset.empty() || charset == "utf-8" || charset == "utf8") {
    // Undeclared or wrongly declared: ask ICU's detector, but trust it only when the
    // bytes are mostly not UTF-8 (a few bad bytes in UTF-8 text are repaired instead).
    size_t invalid = 0;
    for (size_t p = 0; p < bytes.size();) {
      size_t q = p;
      if (DecodeUtf8(bytes, &q) == 0xFFFD && q == p + 1) ++invalid;
      p = q;
    }
    size_t high = 0;
    for (unsigned char c : bytes) high += c >= 0x80;
    if (invalid * 4 < high) {
      std::string repaired = std::move(bytes);
      const size_t n = RepairUtf8(&repaired);
      warnings->push_back("invalid UTF-8 repaired at " + std::to_string(n) + " place(s), first at byte " +
                          std::to_string(bad));
      return repaired;
    }
    charset = DetectCharset(bytes);
  }
  // Latin-1 labels are windows-1252 on the web (HTML5 encoding standard).
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" || charset == "ISO-8859-1")
    charset = "windows-1252";
  auto converted = Convert(bytes, charset.c_str(), name);
  if (!converted.ok() && !declared.empty()) {
    // A label ICU does not know ("x-mac-something", a typo): the page is still text;
    // read it as the detector guesses and say so.
    const std::string detected = DetectCharset(bytes);
    converted = Convert(bytes, detected.c_str(), name);
    if (converted.ok()) {
      warnings->push_back("converted from " + detected + " (the declared encoding \"" + std::string(declared) +
                          "\" is unknown)");
    }
    return converted;
  }
  if (converted.ok()) warnings->push_back("converted from " + charset);
  return converted;
}

void ReadBytes(std::string bytes, const std::string& name, const IngestOptions& options,
               const DocumentSink& sink) {
  if (EndsWith(name, ".gz") || (bytes.size() >= 2 && bytes[0] == '\x1F' && bytes[1] == '\x8B')) {
    auto unzipped = Gunzip(bytes, name, options.max_document_bytes * 8);
    if (!unzipped.ok()) return sink(unzipped.error());
    bytes = std::move(unzipped).value();
  }
  InputKind kind = options.kind;
  if (kind == InputKind::kAuto) kind = DetectKind(name, bytes);
  if (kind == InputKind::kJsonLines) {
    std::vector<std::string> warnings;
    auto text = ToUtf8(std::move(bytes), "utf-8", name, &warnings);
    if (!text.ok()) return sink(text.error());
    return ReadJsonLines(*text, name, options, sink);
  }
  if (bytes.size() > options.max_document_bytes) {
    return sink(MakeError(name, "document of " + std::to_string(bytes.size()) + " bytes exceeds the limit of " +
                                    std::to_string(options.max_document_bytes) + " (see --max-bytes)"));
  }
  Document doc;
  doc.id = IdFromPath(name);
  doc.input = name;
  doc.kind = kind;
  const std::string declared = kind == InputKind::kHtml ? SniffHtmlCharset(bytes) : "";
  auto text = ToUtf8(std::move(bytes), declared, name, &doc.warnings);
  if (!text.ok()) return sink(text.error());
  doc.content = std::move(text).value();
  sink(std::move(doc));
}

void ReadInputs(const std::vector<std::string>& paths, const IngestOptions& options,
                const DocumentSink& sink) {
  for (const std::string& path : paths) {
    if (path == "-") {
      std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      ReadBytes(std::move(bytes), "-", options, sink);
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      sink(MakeError(path, "no such file or directory"));
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().filename().string().front() != '.')
          files.push_back(it->path().string());
      }
      if (ec) sink(MakeError(path, "cannot list directory: " + ec.message()));
      std::sort(files.begin(), files.end());
      ReadInputs(files, options, sink);
      continue;
    }
    const uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > options.max_document_bytes * 64 && !EndsWith(path, ".jsonl") && !EndsWith(path, ".jsonl.gz")) {
      sink(MakeError(path, "file of " + std::to_string(size) + " bytes is too large to be one document"));
      continue;
    }
    auto bytes = ReadFile(path);
    if (!bytes.ok()) {
      sink(bytes.error());
      continue;
    }
    ReadBytes(std::move(bytes).value(), path, options, sink);
  }
}

}  // namespace dateline
