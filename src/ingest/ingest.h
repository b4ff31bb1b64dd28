// Ingest: reads inputs — files, directories (recursively, in sorted order), or
// "-" for standard input — and turns them into Documents of valid UTF-8: plain
// page text, HTML, or the records of a JSON Lines file (fields `id`, `url`,
// `html` or `text`, optional `published` ISO 8601 and `kind`). gzip-compressed
// inputs (.gz) are decompressed. Text in another encoding is converted to UTF-8
// with ICU (declared in an HTML meta tag, marked by a byte-order mark, or
// detected); binary data is refused.
//
// Every problem becomes an Error naming the input (path, "path:line" for a JSON
// Lines record) and what was wrong; reading goes on with the next document.
//
// Document ids: a file's name without its extension; for a file found under a
// directory given as input, its path relative to that directory ("a/index.html"
// -> "a/index"); for a JSON Lines record its `id`, else "name:line". A record
// repeating an id of an earlier record of the same input is an Error (the first
// one is kept). Functions here are thread-compatible (no shared state).
#ifndef DATELINE_INGEST_INGEST_H_
#define DATELINE_INGEST_INGEST_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"

namespace dateline {

struct IngestOptions {
  InputKind kind =
      InputKind::kAuto;  // kAuto: detect from the name and the content
  size_t max_document_bytes =
      32u << 20;  // larger documents are refused with an Error
};

// Receives each document read, or the error that stopped one document.
using DocumentSink = std::function<void(Result<Document>)>;

// Reads every input in `paths`, in order, calling `sink` once per document or
// error.
void ReadInputs(const std::vector<std::string>& paths,
                const IngestOptions& options, const DocumentSink& sink);

// Turns the bytes of one input (already read) into documents. `name` is the
// input's path or "-"; it is used for the document id and in errors.
void ReadBytes(std::string bytes, const std::string& name,
               const IngestOptions& options, const DocumentSink& sink);

// Detects what `content` is (page text, HTML or JSON Lines) from its name and
// bytes.
InputKind DetectKind(std::string_view name, std::string_view content);

// Converts `bytes` to valid UTF-8 (see the file comment). `declared` is a
// charset name from metadata, or empty. Returns an Error for binary data.
Result<std::string> ToUtf8(std::string bytes, std::string_view declared,
                           const std::string& name,
                           std::vector<std::string>* warnings);

}  // namespace dateline

#endif  // DATELINE_INGEST_INGEST_H_
