#include "ingest/seen_ids.h"

#include <functional>
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
  // Grown before the insert, so that the table is never more than 3/4 full and
  // a probe always ends at an empty slot.
  if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
  const uint64_t fingerprint = Fingerprint(id);
  const size_t mask = slots_.size() - 1;
  for (size_t i = fingerprint & mask;; i = (i + 1) & mask) {  // linear probing
    Slot& slot = slots_[i];
    if (slot.fingerprint == fingerprint) return slot.line;
    if (slot.fingerprint == 0) {
      slot = Slot{fingerprint, line};
      ++size_;
      return std::nullopt;
    }
  }
}

void SeenIds::Grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? kFirstCapacity : old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.fingerprint == 0) continue;
    size_t i = s.fingerprint & mask;
    while (slots_[i].fingerprint != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace dateline
