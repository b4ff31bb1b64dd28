// Internals of ingest: the fields of one JSON Lines record. Two readers give
// the same answer for every line: ReadRecord, the one ingest uses, scans the
// line with RapidJSON's SAX reader without building a document;
// ReadRecordWithDom parses it into an nlohmann::json tree and is the reference
// that ReadRecord falls back to whenever its scan cannot decide alone (a syntax
// error, a number with an exponent, a string that decodes to invalid UTF-8, a
// root that is not an object). Stateless and thread-safe. Internal to
// src/ingest/.
#ifndef DATELINE_INGEST_JSON_RECORD_H_
#define DATELINE_INGEST_JSON_RECORD_H_

#include <string>
#include <string_view>
#include <vector>

namespace dateline::ingest_internal {

// The top-level members a Document is made of. A member that is absent or not a
// string reads as empty; of a repeated key the last value counts.
struct RecordFields {
  std::string id, url, html, text, kind, published;
  std::string
      numeric_id;  // "id" as JSON prints it when it is a number ("17", "1.5")
  // The members above whose (last) value is neither a string nor null (nor, for
  // "id", a number), in the order of kRecordFieldNames: read as empty, reported
  // as a warning.
  std::vector<std::string> wrong_type;

  bool operator==(const RecordFields&) const = default;
};

inline constexpr const char* kRecordFieldNames[] = {
    "id", "url", "html", "text", "kind", "published"};

enum class RecordStatus { kOk, kMalformed, kNotAnObject };

// `line` must be valid UTF-8. Fills `out` when the result is kOk.
RecordStatus ReadRecord(std::string_view line, RecordFields* out);
RecordStatus ReadRecordWithDom(std::string_view line, RecordFields* out);

}  // namespace dateline::ingest_internal

#endif  // DATELINE_INGEST_JSON_RECORD_H_
