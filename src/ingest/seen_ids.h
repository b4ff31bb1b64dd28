// SeenIds: the ids of the records read so far from one input, so that a record
// repeating an earlier one's id is refused rather than silently replacing it in
// the store. Internal to ingest.
//
// Memory: an id is kept as a 64-bit fingerprint and the line it was first on
// (32 bits; lines past 2^32 - 1 are remembered as that), 12 bytes a slot in an
// open-addressing table at most 7/8 full: 14 to 27 bytes an id whatever its
// length (a std::unordered_map of the ids took about 80, and long ids more).
// Exact duplicate detection over an unbounded stream needs memory that grows
// with it; this keeps the growth to 14-27 MB a million records. The table is
// probed once a record, so the long probe runs of a full table cost nothing
// beside coding the record.
//
// Fingerprints are libstdc++'s 64-bit string hash (MurmurHash64A). Two distinct
// ids share one with probability about n^2 / 2^65 over n ids (3 in a million
// for ten million ids); the later record would then be refused as a duplicate,
// with its error naming both lines, so that a user can see the mistake.
//
// Not thread-safe: one per input, used by its reader's thread.
#ifndef DATELINE_INGEST_SEEN_IDS_H_
#define DATELINE_INGEST_SEEN_IDS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace dateline {

class SeenIds {
 public:
  // Remembers `id` as first seen on `line`, or, when an earlier record had it,
  // returns that record's line and remembers nothing.
  std::optional<int64_t> Insert(std::string_view id, int64_t line);

  size_t size() const { return size_; }
  // Bytes held by the table, for tests of its growth.
  size_t bytes() const {
    return fingerprints_.capacity() * sizeof(uint64_t) +
           lines_.capacity() * sizeof(uint32_t);
  }

 private:
  void Grow();
  void Place(uint64_t fingerprint, uint32_t line);

  // Slot i holds fingerprints_[i] (0: empty; a fingerprint of 0 is stored as 1)
  // and lines_[i]; the size is a power of two, or 0.
  std::vector<uint64_t> fingerprints_;
  std::vector<uint32_t> lines_;
  size_t size_ = 0;
};

}  // namespace dateline

#endif  // DATELINE_INGEST_SEEN_IDS_H_
