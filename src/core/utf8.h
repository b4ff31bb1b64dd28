// UTF-8 helpers shared by every stage: validation and repair of outside input,
// decoding one code point at a time, and byte <-> code point offset conversion
// for output. Stateless functions; thread-safe.
#ifndef DATELINE_CORE_UTF8_H_
#define DATELINE_CORE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// Decodes the code point at s[*pos] and advances *pos past it. An invalid or
// truncated sequence yields U+FFFD and advances by one byte.
char32_t DecodeUtf8(std::string_view s, size_t* pos);
void AppendUtf8(char32_t cp, std::string* out);

// Length in bytes (1 to 4) of the valid sequence that starts at s[pos], or 0
// when the bytes there are not valid UTF-8 (as FindInvalidUtf8 judges them).
// `pos` must be below s.size().
size_t Utf8SequenceLength(std::string_view s, size_t pos);

// Byte offset of the first invalid sequence, or npos when `s` is valid UTF-8
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
size_t FindInvalidUtf8(std::string_view s);

// Replaces each invalid sequence by U+FFFD; returns how many were replaced.
size_t RepairUtf8(std::string* s);

// Maps byte offsets of one text to code point offsets, in O(log n) per lookup
// after an O(n) build. Borrows the text, which must outlive the index.
class CodepointIndex {
 public:
  explicit CodepointIndex(std::string_view text);
  // Code point offset of byte offset `byte` (offsets inside a sequence round
  // down).
  size_t ToCodepoint(size_t byte) const;

 private:
  std::vector<uint32_t> checkpoints_;  // code point count at every 64th byte
  std::string_view text_;  // borrowed: the text must outlive the index
};

}  // namespace dateline

#endif  // DATELINE_CORE_UTF8_H_
