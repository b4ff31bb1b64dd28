// Test helpers of the ingest stage (not part of the library): gzip data made
// by zlib's deflate, a different implementation from the readers under test.
// Header-only; include from *_test.cc only.
#ifndef DATELINE_INGEST_INGEST_TESTING_H_
#define DATELINE_INGEST_INGEST_TESTING_H_

#include <zlib.h>

#include <string>

namespace dateline::ingest_testing {

// One gzip member holding `data`.
inline std::string GzipMember(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
               Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

}  // namespace dateline::ingest_testing

#endif  // DATELINE_INGEST_INGEST_TESTING_H_
