#include "core/table_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/utf8.h"

namespace dateline {

std::string_view Trim(std::string_view s) {
  const char* kSpace = " \t\r\n\f\v";
  const size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(kSpace);
  return s.substr(b, e - b + 1);
}

std::string TableRecord::Where() const {
  size_t cut = file.rfind('/');
  if (cut != std::string::npos && cut > 0) {
    const size_t prev = file.rfind('/', cut - 1);
    cut = prev == std::string::npos ? 0 : prev + 1;
  } else {
    cut = 0;
  }
  return file.substr(cut) + ":" + std::to_string(line);
}

Error TableRecord::MakeError(std::string message) const {
  return dateline::MakeError(file, std::move(message), line);
}

std::vector<std::string> SplitList(std::string_view field) {
  std::vector<std::string> items;
  size_t pos = 0;
  while (pos <= field.size()) {
    size_t semi = field.find(';', pos);
    if (semi == std::string_view::npos) semi = field.size();
    std::string_view item = Trim(field.substr(pos, semi - pos));
    if (!item.empty()) items.emplace_back(item);
    pos = semi + 1;
  }
  return items;
}

std::vector<ContentLine> ContentLines(std::string_view text,
                                      CommentStyle comments) {
  std::vector<ContentLine> lines;
  int number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (comments == CommentStyle::kToEndOfLine) {
      if (const size_t hash = line.find('#'); hash != std::string_view::npos)
        line = line.substr(0, hash);
    }
    line = Trim(line);
    if (line.empty() ||
        (comments == CommentStyle::kWholeLine && line.front() == '#'))
      continue;
    lines.push_back({number, line});
  }
  return lines;
}

Result<std::vector<TableRecord>> ParseTable(std::string_view text,
                                            const std::string& name,
                                            size_t min_fields,
                                            size_t max_fields) {
  if (const size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    return MakeError(name, "not valid UTF-8", -1, static_cast<int64_t>(bad));
  }
  std::vector<TableRecord> records;
  for (const ContentLine& line : ContentLines(text, CommentStyle::kWholeLine)) {
    const std::string_view trimmed = line.text;
    TableRecord rec;
    rec.file = name;
    rec.line = line.number;
    // Fields are separated by "|"; surrounding spaces are not part of a field,
    // so a line may end in "|" or "| " when its last fields are empty.
    size_t start = 0;
    while (true) {
      const size_t bar = trimmed.find('|', start);
      rec.fields.emplace_back(Trim(trimmed.substr(
          start, bar == std::string_view::npos ? bar : bar - start)));
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
    if (rec.fields.size() < min_fields || rec.fields.size() > max_fields) {
      std::ostringstream msg;
      msg << "expected " << min_fields;
      if (max_fields != min_fields) msg << " to " << max_fields;
      msg << " fields separated by \" | \", found " << rec.fields.size();
      return rec.MakeError(msg.str());
    }
    rec.fields.resize(max_fields);
    records.push_back(std::move(rec));
  }
  return records;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return MakeError(path, std::string("cannot open: ") + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad())
    return MakeError(path, std::string("read failed: ") + std::strerror(errno));
  return buf.str();
}

Result<std::vector<TableRecord>> ReadTableFile(const std::string& path,
                                               size_t min_fields,
                                               size_t max_fields) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseTable(text, path, min_fields, max_fields);
}

}  // namespace dateline
