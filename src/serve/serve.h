// Serve: how Dateline's results leave the program — the JSON record of a coded
// article (doc/record.md), event rows from the store as JSON or as a text
// table, and CSV/TSV.
//
// In JSON records, `start`/`end` are Unicode code point offsets into the
// document's input text (what Python's and most tools' string indexing use),
// converted from the byte offsets the stages carry.
//
// Stateless functions; thread-safe.
#ifndef DATELINE_SERVE_SERVE_H_
#define DATELINE_SERVE_SERVE_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.h"
#include "store/store.h"

namespace dateline {

// The JSON record of one coded article (format version 1, doc/record.md),
// printed: on one line when indent < 0, else over several lines indented by
// `indent` spaces per level; without a final newline. Keys of each object are
// in sorted order. This is what `dateline code` prints; it writes the text
// directly, without building a document.
std::string ArticleRecordJsonLine(const CodedArticle& coded, int indent);

// The same record as a document (parsed from ArticleRecordJsonLine), for
// callers that inspect or edit it.
nlohmann::json ArticleRecord(const CodedArticle& coded);

// One stored event as a JSON object.
nlohmann::json StoredEventJson(const StoredEvent& event);

// Events as an aligned text table for a terminal, one line each.
void PrintEventTable(const std::vector<StoredEvent>& events, std::ostream& out);

// A reader's account of how each event of an article was coded: the sentence,
// the trigger, and for the type, the source and the target every dictionary
// line (quoted from the files under `data_dir`) and rule that produced them.
void PrintExplanation(const CodedArticle& coded, const std::string& data_dir,
                      std::ostream& out);

// One cell of a CSV (RFC 4180: quoted when it holds a comma, quote or line
// break) or, for separator '\t', TSV row (tabs and line breaks become spaces).
std::string DelimitedField(std::string_view value, char separator);

// Events as CSV (RFC 4180) or TSV with a header row.
void PrintEventDelimited(const std::vector<StoredEvent>& events, char separator,
                         std::ostream& out);

}  // namespace dateline

#endif  // DATELINE_SERVE_SERVE_H_
