// The discard-list reader and matcher; the format is described in
// tabari_discards.h.
#include "events/tabari_discards.h"

#include <algorithm>
#include <cctype>

#include "core/table_file.h"

namespace dateline {

Result<std::vector<Discard>> ParseDiscards(std::string_view text,
                                           const std::string& file) {
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
    if (Trim(t).empty())
      return MakeError(file, "an empty discard phrase", line.number);
    d.phrase.assign(1, ' ');
    for (char c : t)
      d.phrase.push_back(c == '_' ? ' '
                                  : static_cast<char>(std::tolower(
                                        static_cast<unsigned char>(c))));
    out.push_back(std::move(d));
  }
  return out;
}

void DiscardList::Add(const std::vector<Discard>& discards) {
  for (const Discard& d : discards) {
    discards_.push_back(d);
    const size_t n = std::min(kPrefix, d.phrase.size() - 1);
    by_prefix_[d.phrase.substr(1, n)].push_back(
        static_cast<uint32_t>(discards_.size() - 1));
  }
}

bool DiscardList::Discarded(std::string_view text, bool story) const {
  if (discards_.empty()) return false;
  std::string lower = " ";
  lower.reserve(text.size() + 1);
  for (char c : text)
    lower.push_back(
        static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  // Every phrase starts with a blank: try the phrases whose first characters
  // follow each blank of the text.
  std::string key;
  for (size_t at = 0; at < lower.size(); ++at) {
    if (lower[at] != ' ') continue;
    for (size_t n = 1; n <= kPrefix && at + n < lower.size(); ++n) {
      key.assign(lower, at + 1, n);
      auto it = by_prefix_.find(key);
      if (it == by_prefix_.end()) continue;
      for (uint32_t i : it->second) {
        const Discard& d = discards_[i];
        if (d.story != story) continue;
        if (lower.compare(at, d.phrase.size(), d.phrase) != 0) continue;
        const size_t end = at + d.phrase.size();
        if (!d.whole || end == lower.size() ||
            !std::isalnum(static_cast<unsigned char>(lower[end])))
          return true;
      }
    }
  }
  return false;
}

}  // namespace dateline
