#include "extract/compose_text.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace dateline::extract_internal {
namespace {

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* const nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfc;
}

// Every code point NFC can change is U+0300 or above, whose UTF-8 lead byte is
// 0xCC or above, so Latin-script text without combining marks never reaches
// ICU.
bool MayChangeUnderNfc(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0xCC;
  });
}

// `text` in NFC, with ICU's record of what changed; false when it is already
// in NFC or cannot be normalised (invalid UTF-8, no ICU data).
bool Normalize(const std::string& text, std::string* out, icu::Edits* edits) {
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr || !MayChangeUnderNfc(text)) return false;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  UErrorCode status = U_ZERO_ERROR;
  if (nfc->isNormalizedUTF8(piece, status) || U_FAILURE(status)) return false;
  icu::StringByteSink<std::string> sink(out);
  nfc->normalizeUTF8(0, piece, sink, edits, status);
  return U_SUCCESS(status);
}

}  // namespace

std::string ComposeNfc(const std::string& text) {
  std::string out;
  icu::Edits edits;
  return Normalize(text, &out, &edits) ? out : text;
}

bool ComposeParagraph(Paragraph& p) {
  std::string composed;
  icu::Edits edits;
  if (!Normalize(p.text, &composed, &edits)) return false;
  // The new anchors sit at the old ones and at both ends of every change, each
  // carrying the input offset its old text offset had; between them, text and
  // input advance together as before.
  std::vector<size_t> old_points{0};
  for (const OffsetAnchor& a : p.anchors) old_points.push_back(a.text_offset);
  UErrorCode status = U_ZERO_ERROR;
  for (icu::Edits::Iterator it = edits.getFineChangesIterator();
       it.next(status);) {
    old_points.push_back(static_cast<size_t>(it.sourceIndex()));
    old_points.push_back(
        static_cast<size_t>(it.sourceIndex() + it.oldLength()));
  }
  if (U_FAILURE(status)) return false;
  std::sort(old_points.begin(), old_points.end());
  old_points.erase(std::unique(old_points.begin(), old_points.end()),
                   old_points.end());
  std::vector<OffsetAnchor> anchors;
  icu::Edits::Iterator map = edits.getFineIterator();
  for (size_t old_offset : old_points) {
    if (old_offset > p.text.size()) break;
    const int32_t new_offset = map.destinationIndexFromSourceIndex(
        static_cast<int32_t>(old_offset), status);
    if (U_FAILURE(status)) return false;
    // An old anchor inside a change maps to the change's start, which is
    // already anchored.
    if (!anchors.empty() &&
        anchors.back().text_offset == static_cast<size_t>(new_offset)) {
      continue;
    }
    anchors.push_back(
        {static_cast<size_t>(new_offset), ParagraphInputOffset(p, old_offset)});
  }
  p.text = std::move(composed);
  p.anchors = std::move(anchors);
  return true;
}

void ComposeArticleText(Article& article, bool compose_paragraphs) {
  for (std::string* field : {&article.title, &article.section,
                             &article.dateline, &article.published_text}) {
    *field = ComposeNfc(*field);
  }
  for (std::string& author : article.authors) author = ComposeNfc(author);
  for (std::string& tag : article.tags) tag = ComposeNfc(tag);
  if (!compose_paragraphs) return;
  bool changed = false;
  for (Paragraph& p : article.paragraphs) changed |= ComposeParagraph(p);
  if (!changed) return;
  std::vector<Paragraph> paragraphs = std::move(article.paragraphs);
  article.paragraphs.clear();
  article.body.clear();
  for (Paragraph& p : paragraphs) AppendParagraph(article, std::move(p));
}

}  // namespace dateline::extract_internal
