#include "ingest/gzip_whole.h"

#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace dateline::ingest_internal {

namespace {

struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* d) const {
    libdeflate_free_decompressor(d);
  }
};

// One decompressor a thread: it is some 10 KB of tables, not worth allocating
// per file, and not safe to share between threads.
libdeflate_decompressor* ThreadDecompressor() {
  thread_local std::unique_ptr<libdeflate_decompressor, DecompressorDeleter>
      decompressor(libdeflate_alloc_decompressor());
  return decompressor.get();
}

constexpr unsigned char kMagic0 = 0x1F, kMagic1 = 0x8B;
constexpr unsigned char kHeaderCrcFlag = 0x02;  // FHCRC in the FLG byte

// Whether a member starts at `pos` whose header this path reads as zlib does:
// gzip's magic bytes, and no header CRC (libdeflate skips it unchecked).
bool TakesMemberAt(std::string_view gz, size_t pos) {
  if (gz.size() - pos < 4) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(gz.data() + pos);
  return p[0] == kMagic0 && p[1] == kMagic1 && (p[3] & kHeaderCrcFlag) == 0;
}

// The first guess at the output's size: the last member's ISIZE when it fits
// (for one member, the size itself but for multiples of 4 GiB).
size_t FirstCapacity(std::string_view gz, size_t limit) {
  const auto* tail =
      reinterpret_cast<const unsigned char*>(gz.data() + gz.size() - 4);
  const size_t isize =
      static_cast<size_t>(tail[0]) | static_cast<size_t>(tail[1]) << 8 |
      static_cast<size_t>(tail[2]) << 16 | static_cast<size_t>(tail[3]) << 24;
  // DEFLATE expands at most 1032 times (a 258-byte match for two bits), so a
  // larger ISIZE is no member's length (a truncated or damaged file): it is
  // not trusted with an allocation.
  constexpr size_t kMaxRatio = 1032;
  if (isize > 0) return std::min({isize, limit, gz.size() * kMaxRatio});
  // Zero padding or an empty last member: guess from the compressed size.
  return std::min(limit, std::max<size_t>(size_t{64} << 10, gz.size() * 4));
}

}  // namespace

std::optional<std::string> InflateWholeGzip(std::string_view gz, size_t limit) {
  if (gz.empty() || !TakesMemberAt(gz, 0)) return std::nullopt;
  libdeflate_decompressor* decompressor = ThreadDecompressor();
  if (decompressor == nullptr) return std::nullopt;
  std::string out(FirstCapacity(gz, limit), '\0');
  size_t in_pos = 0, out_size = 0;
  while (in_pos < gz.size() && TakesMemberAt(gz, in_pos)) {
    size_t in_used = 0, out_made = 0;
    const libdeflate_result result = libdeflate_gzip_decompress_ex(
        decompressor, gz.data() + in_pos, gz.size() - in_pos,
        out.data() + out_size, out.size() - out_size, &in_used, &out_made);
    if (result == LIBDEFLATE_INSUFFICIENT_SPACE) {
      // The member is decoded again into a larger buffer: at most about
      // twice the work, and only when ISIZE did not give the size.
      if (out.size() >= limit) return std::nullopt;
      out.resize(std::min(limit, std::max(out.size() * 2, out_size + 4096)));
      continue;
    }
    if (result != LIBDEFLATE_SUCCESS) return std::nullopt;
    in_pos += in_used;
    out_size += out_made;
  }
  // What follows the last member must be gzip's zero padding, as for zlib's
  // reader; any other byte is trailing garbage, reported there.
  if (std::any_of(gz.begin() + static_cast<std::ptrdiff_t>(in_pos), gz.end(),
                  [](char c) { return c != '\0'; }))
    return std::nullopt;
  out.resize(out_size);
  return out;
}

}  // namespace dateline::ingest_internal
