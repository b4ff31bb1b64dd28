#include "core/utf8.h"

#include <algorithm>
#include <cstring>

namespace dateline {

size_t Utf8SequenceLength(std::string_view s, size_t pos) {
  const auto b = [&](size_t i) {
    return static_cast<unsigned char>(s[pos + i]);
  };
  const size_t left = s.size() - pos;
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;  // continuation byte or overlong 2-byte lead
  if (c < 0xE0) return left >= 2 && (b(1) & 0xC0) == 0x80 ? 2 : 0;
  if (c < 0xF0) {
    if (left < 3 || (b(1) & 0xC0) != 0x80 || (b(2) & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c < 0xF5) {
    if (left < 4 || (b(1) & 0xC0) != 0x80 || (b(2) & 0xC0) != 0x80 ||
        (b(3) & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && b(1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  const size_t n = Utf8SequenceLength(s, *pos);
  const auto b = [&](size_t i) {
    return static_cast<char32_t>(static_cast<unsigned char>(s[*pos + i]));
  };
  char32_t cp;
  switch (n) {
    case 1:
      cp = b(0);
      break;
    case 2:
      cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
      break;
    case 3:
      cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
      break;
    case 4:
      cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) |
           ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
      break;
    default:
      *pos += 1;
      return 0xFFFD;
  }
  *pos += n;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t FindInvalidUtf8(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    // Fast path over ASCII, eight bytes at a time.
    if (pos + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + pos, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        pos += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const size_t n = Utf8SequenceLength(s, pos);
    if (n == 0) return pos;
    pos += n;
  }
  return std::string_view::npos;
}

size_t RepairUtf8(std::string* s) {
  size_t first = FindInvalidUtf8(*s);
  if (first == std::string_view::npos) return 0;
  std::string out(s->data(), first);
  size_t repaired = 0;
  size_t pos = first;
  while (pos < s->size()) {
    const size_t n = Utf8SequenceLength(*s, pos);
    if (n == 0) {
      AppendUtf8(0xFFFD, &out);
      ++repaired;
      ++pos;
    } else {
      out.append(*s, pos, n);
      pos += n;
    }
  }
  *s = std::move(out);
  return repaired;
}

namespace {

// How many bytes of s[from, to) start a code point (are not 10xxxxxx), eight at
// a time: offsets are converted for every mention of every record.
uint32_t CountLeadBytes(std::string_view s, size_t from, size_t to) {
  uint32_t count = 0;
  size_t i = from;
  for (; i + 8 <= to; i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // Bit 7 of each continuation byte: bit 7 set, bit 6 clear.
    const uint64_t continuation = w & ~(w << 1) & 0x8080808080808080ull;
    // The multiplication adds the eight 0-or-1 bytes into the top byte.
    count += 8 - static_cast<uint32_t>(
                     ((continuation >> 7) * 0x0101010101010101ull) >> 56);
  }
  for (; i < to; ++i)
    count += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

}  // namespace

CodepointIndex::CodepointIndex(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / 64 + 2);
  uint32_t count = 0;
  for (size_t block = 0; block < text.size(); block += 64) {
    checkpoints_.push_back(count);
    count += CountLeadBytes(text, block, std::min(block + 64, text.size()));
  }
  checkpoints_.push_back(count);
}

size_t CodepointIndex::ToCodepoint(size_t byte) const {
  if (byte >= text_.size()) return checkpoints_.back();
  size_t count =
      checkpoints_[byte / 64] + CountLeadBytes(text_, byte / 64 * 64, byte);
  // A byte inside a multi-byte sequence rounds down to that sequence's code
  // point.
  if ((static_cast<unsigned char>(text_[byte]) & 0xC0) == 0x80 && count > 0)
    --count;
  return count;
}

}  // namespace dateline
