#include "core/article.h"

#include <algorithm>

namespace dateline {

size_t Article::ToInputOffset(size_t body_offset) const {
  if (paragraphs.empty()) return body_offset;
  // Last paragraph starting at or before the offset.
  auto it = std::upper_bound(
      paragraphs.begin(), paragraphs.end(), body_offset,
      [](size_t off, const Paragraph& p) { return off < p.body_start; });
  if (it == paragraphs.begin()) return paragraphs.front().start;
  const Paragraph& p = *(it - 1);
  size_t in_text = body_offset - p.body_start;
  if (in_text >= p.text.size()) return p.end;
  if (p.anchors.empty()) return p.start + in_text;
  auto a = std::upper_bound(
      p.anchors.begin(), p.anchors.end(), in_text,
      [](size_t off, const OffsetAnchor& x) { return off < x.text_offset; });
  if (a == p.anchors.begin()) return p.start;
  --a;
  return std::min(a->input_offset + (in_text - a->text_offset), p.end);
}

void AppendParagraph(Article& a, Paragraph p) {
  if (!a.body.empty()) a.body += "\n\n";
  p.body_start = a.body.size();
  a.body += p.text;
  a.paragraphs.push_back(std::move(p));
}

}  // namespace dateline
