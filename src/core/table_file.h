// Reader for Dateline's plain-text data files (data/**/*.txt): one record per
// line, fields separated by " | ", list items inside a field by "; ", `#`
// starting a comment line, blank lines ignored; a "|" never occurs inside a
// field. Every record remembers its file and line so that errors and the
// `rules` of coded events can cite them.
//
// Stateless functions; thread-safe.
#ifndef DATELINE_CORE_TABLE_FILE_H_
#define DATELINE_CORE_TABLE_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace dateline {

struct TableRecord {
  std::string file;                 // path as given to ReadTableFile
  int line = 0;                     // 1-based
  std::vector<std::string> fields;  // trimmed

  // "file:line" with the file's last two path components
  // ("actors/agents.txt:12").
  std::string Where() const;
  Error MakeError(std::string message) const;
};

// Reads `path`. Each record must have between min_fields and max_fields fields
// (missing trailing fields are filled with ""), else an Error names file and
// line.
Result<std::vector<TableRecord>> ReadTableFile(const std::string& path,
                                               size_t min_fields,
                                               size_t max_fields);
// The same over text already in memory; `name` is used in errors.
Result<std::vector<TableRecord>> ParseTable(std::string_view text,
                                            const std::string& name,
                                            size_t min_fields,
                                            size_t max_fields);

// The lines of a line-oriented file, trimmed, without comments and blank lines,
// each with its 1-based line number. In the tables above a comment is a whole
// line starting with `#` (a field may contain one); in TABARI/PETRARCH
// dictionaries a `#` starts a comment anywhere. The views borrow `text`.
enum class CommentStyle { kWholeLine, kToEndOfLine };
struct ContentLine {
  int number;
  std::string_view text;
};
std::vector<ContentLine> ContentLines(
    std::string_view text, CommentStyle comments = CommentStyle::kToEndOfLine);

// Splits a list field on ";" and trims the items; empty items are dropped.
std::vector<std::string> SplitList(std::string_view field);

std::string_view Trim(std::string_view s);

// Reads a whole file; the Error names the path and the system's reason.
Result<std::string> ReadFile(const std::string& path);

}  // namespace dateline

#endif  // DATELINE_CORE_TABLE_FILE_H_
