#include "ingest/seen_ids.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <string_view>

namespace dateline {

namespace {

constexpr size_t kFirstCapacity = 1024;

uint64_t Fingerprint(std::string_view id) {
  const uint64_t h = std::hash<std::string_view>{}(id);
  return h == 0 ? 1 : h;
}

}  // namespace

std::optional<int64_t> SeenIds::Insert(std::string_view id, int64_t line) {
  // Grown before the insert, so that the table is never more than 7/8 full and
  // a probe always ends at an empty slot.
  if ((size_ + 1) * 8 > fingerprints_.size() * 7) Grow();
  const uint64_t fingerprint = Fingerprint(id);
  const size_t mask = fingerprints_.size() - 1;
  for (size_t i = fingerprint & mask;; i = (i + 1) & mask) {  // linear probing
    if (fingerprints_[i] == fingerprint) return lines_[i];
    if (fingerprints_[i] == 0) break;
  }
  constexpr int64_t kMaxLine = std::numeric_limits<uint32_t>::max();
  Place(fingerprint,
        static_cast<uint32_t>(std::clamp<int64_t>(line, 0, kMaxLine)));
  ++size_;
  return std::nullopt;
}

void SeenIds::Place(uint64_t fingerprint, uint32_t line) {
  const size_t mask = fingerprints_.size() - 1;
  size_t i = fingerprint & mask;
  while (fingerprints_[i] != 0) i = (i + 1) & mask;
  fingerprints_[i] = fingerprint;
  lines_[i] = line;
}

void SeenIds::Grow() {
  std::vector<uint64_t> old_fingerprints;
  std::vector<uint32_t> old_lines;
  old_fingerprints.swap(fingerprints_);
  old_lines.swap(lines_);
  const size_t capacity =
      old_fingerprints.empty() ? kFirstCapacity : old_fingerprints.size() * 2;
  fingerprints_.assign(capacity, 0);
  lines_.assign(capacity, 0);
  for (size_t i = 0; i < old_fingerprints.size(); ++i) {
    if (old_fingerprints[i] != 0) Place(old_fingerprints[i], old_lines[i]);
  }
}

}  // namespace dateline
