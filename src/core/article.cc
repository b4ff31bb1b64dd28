#include "core/article.h"

#include <algorithm>

namespace dateline {

size_t ParagraphInputOffset(const Paragraph& p, size_t text_offset) {
  if (text_offset >= p.text.size()) return p.end;
  if (p.anchors.empty()) return p.start + text_offset;
  auto a = std::upper_bound(
      p.anchors.begin(), p.anchors.end(), text_offset,
      [](size_t off, const OffsetAnchor& x) { return off < x.text_offset; });
  if (a == p.anchors.begin()) return p.start;
  --a;
  return std::min(a->input_offset + (text_offset - a->text_offset), p.end);
}

size_t Article::ToInputOffset(size_t body_offset) const {
  if (paragraphs.empty()) return body_offset;
  // Last paragraph starting at or before the offset.
  auto it = std::upper_bound(
      paragraphs.begin(), paragraphs.end(), body_offset,
      [](size_t off, const Paragraph& p) { return off < p.body_start; });
  if (it == paragraphs.begin()) return paragraphs.front().start;
  const Paragraph& p = *(it - 1);
  return ParagraphInputOffset(p, body_offset - p.body_start);
}

void AppendParagraph(Article& a, Paragraph p) {
  if (!a.body.empty()) a.body += "\n\n";
  p.body_start = a.body.size();
  a.body += p.text;
  a.paragraphs.push_back(std::move(p));
}

}  // namespace dateline
