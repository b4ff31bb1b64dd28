// GzipWhole: gzip data held whole in memory, decompressed in one call per
// member by libdeflate. Internal to ingest.
//
// zlib's inflate, which reads gzip as a stream, took about 8% of the whole
// process's instructions on HTML pages (the 471 gzip pages of extraction-wild);
// libdeflate decodes a whole buffer two to three times as fast. It cannot read
// a stream, so ingest uses it for what it holds whole anyway (a gzip file of no
// more than the document limit, gzip bytes given to ReadBytes) and keeps zlib's
// streaming reader for the rest (standard input, JSON Lines feeds) and as the
// fallback here.
//
// This is a fast path, not a second gzip reader with its own verdicts: it takes
// only data it reads exactly as zlib's reader does, one or more complete
// members, each checked against its CRC-32 and length, followed by nothing or
// by zero bytes (gzip's padding). Anything else (damage, truncation, trailing
// garbage, a header CRC, which libdeflate skips without checking and zlib
// checks, more output than `limit`) gives nullopt, and the caller reads the
// data with zlib as before, which reports what is wrong in its own words.
//
// Thread-safe: each thread keeps its own decompressor.
#ifndef DATELINE_INGEST_GZIP_WHOLE_H_
#define DATELINE_INGEST_GZIP_WHOLE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::ingest_internal {

// The decompressed bytes of `gz` (see above), at most `limit` of them; nullopt
// when `gz` is not data this path takes. The output buffer is sized from the
// last member's length field (ISIZE, the size mod 2^32) and grown by doubling
// when that is short (several members, sizes over 4 GiB, a field that lies),
// never past `limit`: the guard against a few compressed bytes that expand
// without end.
std::optional<std::string> InflateWholeGzip(std::string_view gz, size_t limit);

}  // namespace dateline::ingest_internal

#endif  // DATELINE_INGEST_GZIP_WHOLE_H_
