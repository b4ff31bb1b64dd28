// The discard-list reader and matcher; the format is described in tabari_discards.h.
#include "events/tabari_discards.h"

#include <cctype>

#include "core/table_file.h"

namespace dateline {

Result<std::vector<Discard>> ParseDiscards(std::string_view text, const std::string& file) {
  std::vector<Discard> out;
  for (const ContentLine& line : ContentLines(text)) {
    std::string_view t = Trim(line.text);
    if (t.rfind("<!", 0) == 0) continue;  // XML-style header comments
    Discard d;
    if (!t.empty() && t.front() == '+') {
      d.story = true;
      t.remove_prefix(1);
    }
    t = Trim(t);
    if (!t.empty() && t.back() == '_') {
      d.whole = true;
      t.remove_suffix(1);
    }
    if (Trim(t).empty()) return MakeError(file, "an empty discard phrase", line.number);
    d.phrase.assign(1, ' ');
    for (char c : t) d.phrase.push_back(c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    out.push_back(std::move(d));
  }
  return out;
}

bool Discarded(const std::vector<Discard>& discards, std::string_view text, bool story) {
  if (discards.empty()) return false;
  std::string lower = " ";
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Discard& d : discards) {
    if (d.story != story) continue;
    for (size_t at = lower.find(d.phrase); at != std::string::npos; at = lower.find(d.phrase, at + 1)) {
      const size_t end = at + d.phrase.size();
      if (!d.whole || end == lower.size() || !std::isalnum(static_cast<unsigned char>(lower[end]))) return true;
    }
  }
  return false;
}

}  // namespace dateline
