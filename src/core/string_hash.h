// StringHash: the hash of the unordered containers that every stage probes once
// per word of a text (lemmas, match keys, date words, trigger words). Words are
// short, and libstdc++'s std::hash (a byte-wise MurmurHash2 behind a call) took
// about 50 instructions a word; this reads a word in at most two overlapping
// loads and mixes once. Transparent: a container keyed by std::string is probed
// with a string_view. Stateless; thread-safe. The values may change between
// builds: never store them.
#ifndef DATELINE_CORE_STRING_HASH_H_
#define DATELINE_CORE_STRING_HASH_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace dateline {

struct StringHash {
  using is_transparent = void;

  size_t operator()(std::string_view s) const noexcept {
    constexpr uint64_t kMul = 0x9e3779b97f4a7c15ull;
    const char* p = s.data();
    const size_t n = s.size();
    uint64_t h = 0xcbf29ce484222325ull ^ (n * kMul);
    if (n >= 8) {
      size_t i = 0;
      for (; i + 8 < n; i += 8) h = Mix(h ^ Load64(p + i));
      h ^= Load64(p + n -
                  8);  // the last eight bytes, overlapping the word before
    } else if (n >= 4) {
      h ^= (uint64_t{Load32(p)} << 32) | Load32(p + n - 4);
    } else if (n > 0) {
      h ^= (uint64_t{static_cast<unsigned char>(p[0])} << 16) |
           (uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
           static_cast<unsigned char>(p[n - 1]);
    }
    return static_cast<size_t>(Mix(h));
  }

 private:
  static uint64_t Load64(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  static uint32_t Load32(const char* p) {
    uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
  }
  // A multiply and xor-shifts (the finaliser of MurmurHash3), so that the low
  // bits, which pick the bucket, depend on every input bit.
  static uint64_t Mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
  }
};

// A 4096-bit filter of a set of words, asked before a hash map that most words
// of a text are not in (irregular forms, date words): MayContain is true for
// every word added and false for most others, at the cost of one StringHash and
// one bit test instead of a bucket search. Not thread-safe to Add to; const use
// is thread-safe.
class WordFilter {
 public:
  void Add(std::string_view word) {
    const size_t bit = Bit(word);
    bits_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  bool MayContain(std::string_view word) const {
    const size_t bit = Bit(word);
    return (bits_[bit / 64] >> (bit % 64)) & 1;
  }

 private:
  // The hash's top bits: the low ones pick the buckets of the map asked next.
  static size_t Bit(std::string_view word) {
    return StringHash()(word) >> (8 * sizeof(size_t) - 12);
  }
  std::array<uint64_t, 64> bits_{};
};

}  // namespace dateline

#endif  // DATELINE_CORE_STRING_HASH_H_
