#include "eval/snippet_score.h"

#include "core/utf8.h"

namespace dateline {
namespace {

bool IsPythonSpace(char32_t c) {
  if (c < 0x80)
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  return c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

double Ratio(long a, long b) {
  return b > 0 ? static_cast<double>(a) / static_cast<double>(b) : 0.0;
}

}  // namespace

std::string NormalizeSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    const char32_t c = byte < 0x80 ? (++pos, static_cast<char32_t>(byte))
                                   : DecodeUtf8(text, &pos);
    if (IsPythonSpace(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out.append(text.substr(start, pos - start));
  }
  return out;
}

double SnippetCounts::Precision() const { return Ratio(tp, tp + fp); }
double SnippetCounts::Recall() const { return Ratio(tp, tp + fn); }
double SnippetCounts::Accuracy() const {
  return Ratio(tp + tn, tp + tn + fp + fn);
}
double SnippetCounts::F1() const {
  const double p = Precision(), r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

SnippetCounts ScoreSnippets(std::string_view body,
                            const std::vector<std::string>& with,
                            const std::vector<std::string>& without,
                            SnippetErrors* errors) {
  const std::string text = NormalizeSpaces(body);
  SnippetCounts c;
  for (const std::string& s : with) {
    const std::string n = NormalizeSpaces(s);
    if (n.empty()) continue;
    const bool found = text.find(n) != std::string::npos;
    (found ? c.tp : c.fn) += 1;
    if (!found && errors) errors->missing.push_back(s);
  }
  for (const std::string& s : without) {
    const std::string n = NormalizeSpaces(s);
    if (n.empty()) continue;
    const bool found = text.find(n) != std::string::npos;
    (found ? c.fp : c.tn) += 1;
    if (found && errors) errors->leaked.push_back(s);
  }
  return c;
}

std::set<std::string> AuthorSet(const std::vector<std::string>& fields) {
  std::set<std::string> out;
  for (const std::string& field : fields) {
    size_t pos = 0;
    while (pos <= field.size()) {
      size_t end = field.find_first_of(";,", pos);
      if (end == std::string::npos) end = field.size();
      std::string part =
          NormalizeSpaces(std::string_view(field).substr(pos, end - pos));
      if (!part.empty()) out.insert(std::move(part));
      pos = end + 1;
    }
  }
  return out;
}

}  // namespace dateline
