#include "core/analysis.h"

#include <algorithm>
#include <cstring>

namespace dateline {

namespace {
// A block holds a typical article's changed words; longer copies get their own.
constexpr size_t kBlockSize = 4096;
}  // namespace

TokenStrings& TokenStrings::operator=(TokenStrings&& other) noexcept {
  blocks_ = std::move(other.blocks_);
  next_ = other.next_;
  left_ = other.left_;
  // The moved-from arena must not write into blocks it no longer owns.
  other.blocks_.clear();
  other.next_ = nullptr;
  other.left_ = 0;
  return *this;
}

void TokenStrings::Reserve(size_t bytes) {
  if (bytes <= left_) return;
  blocks_.push_back(std::make_unique_for_overwrite<char[]>(bytes));
  next_ = blocks_.back().get();
  left_ = bytes;
}

char* TokenStrings::Allocate(size_t bytes) {
  if (bytes > left_) Reserve(std::max(bytes, kBlockSize));
  char* p = next_;
  next_ += bytes;
  left_ -= bytes;
  return p;
}

std::string_view TokenStrings::Copy(std::string_view s) {
  if (s.empty()) return {};
  char* p = Allocate(s.size());
  std::memcpy(p, s.data(), s.size());
  return {p, s.size()};
}

std::string_view TokenStrings::CopyWith(std::string_view s, char c) {
  char* p = Allocate(s.size() + 1);
  if (!s.empty()) std::memcpy(p, s.data(), s.size());
  p[s.size()] = c;
  return {p, s.size() + 1};
}

}  // namespace dateline
