#include "eval/shingle_score.h"

#include <unicode/uchar.h>

#include <map>

#include "core/utf8.h"

namespace dateline {

std::vector<std::string> ShingleTokens(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t c = DecodeUtf8(text, &pos);
    if (c == '_' || u_isalnum(static_cast<UChar32>(c))) {
      cur.append(text.substr(start, pos - start));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

namespace {

std::map<std::string, int> Shingles(std::string_view text) {
  std::vector<std::string> t = ShingleTokens(text);
  std::map<std::string, int> out;
  if (t.empty()) return out;
  if (t.size() < 4) {
    std::string all;
    for (const std::string& w : t) all += w + '\x1f';
    ++out[all];
    return out;
  }
  for (size_t i = 0; i + 4 <= t.size(); ++i) {
    ++out[t[i] + '\x1f' + t[i + 1] + '\x1f' + t[i + 2] + '\x1f' + t[i + 3]];
  }
  return out;
}

}  // namespace

double ShingleCounts::Precision() const {
  if (tp + fp == 0) return fn == 0 ? 1.0 : 0.0;
  return tp / (tp + fp);
}

double ShingleCounts::Recall() const {
  if (tp + fn == 0) return 1.0;
  return tp / (tp + fn);
}

ShingleCounts ScoreShingles(std::string_view predicted, std::string_view gold) {
  std::map<std::string, int> p = Shingles(predicted), g = Shingles(gold);
  ShingleCounts c;
  for (const auto& [s, n] : p) {
    auto it = g.find(s);
    int m = it == g.end() ? 0 : it->second;
    c.tp += std::min(n, m);
    c.fp += std::max(0, n - m);
  }
  for (const auto& [s, n] : g) {
    auto it = p.find(s);
    int m = it == p.end() ? 0 : it->second;
    c.fn += std::max(0, n - m);
  }
  return c;
}

}  // namespace dateline
