// The gazetteer reader: validates an image (format in gazetteer_builder.cc) once at
// open and indexes its keys in a hash table, then answers lookups without copying the
// image. Files are memory-mapped read-only; countries-only gazetteers own their bytes.

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include <zlib.h>

#include "where/gazetteer_image.h"
#include "where/name_normalizer.h"
#include "where/where.h"

namespace dateline {

std::vector<PlaceMention> Gazetteer::Lookup(std::string_view name) const {
  std::vector<PlaceMention> out;
  for (GazetteerEntry& e : LookupEntries(name)) out.push_back(std::move(e.place));
  return out;
}

namespace where_internal {

namespace {

uint32_t Load32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return static_cast<uint32_t>(u[0]) | (static_cast<uint32_t>(u[1]) << 8) |
         (static_cast<uint32_t>(u[2]) << 16) | (static_cast<uint32_t>(u[3]) << 24);
}

// Owner of the bytes: an mmap'ed region or a heap buffer.
class Storage {
 public:
  virtual ~Storage() = default;
  virtual const char* data() const = 0;
  virtual size_t size() const = 0;
};

class StringStorage : public Storage {
 public:
  explicit StringStorage(std::string bytes) : bytes_(std::move(bytes)) {}
  const char* data() const override { return bytes_.data(); }
  size_t size() const override { return bytes_.size(); }

 private:
  std::string bytes_;
};

class MappedStorage : public Storage {
 public:
  MappedStorage(void* addr, size_t size) : addr_(addr), size_(size) {}
  ~MappedStorage() override { munmap(addr_, size_); }
  MappedStorage(const MappedStorage&) = delete;
  MappedStorage& operator=(const MappedStorage&) = delete;
  const char* data() const override { return static_cast<const char*>(addr_); }
  size_t size() const override { return size_; }

 private:
  void* addr_;
  size_t size_;
};

class ImageGazetteer : public Gazetteer {
 public:
  static Result<std::unique_ptr<Gazetteer>> Create(std::unique_ptr<Storage> storage,
                                                   const std::string& name) {
    std::unique_ptr<ImageGazetteer> g(new ImageGazetteer(std::move(storage)));
    if (Status s = g->Validate(name); !s.ok()) return s.error();
    g->BuildIndex();
    return std::unique_ptr<Gazetteer>(std::move(g));
  }

  std::vector<GazetteerEntry> LookupEntries(std::string_view name) const override {
    std::vector<GazetteerEntry> out;
    std::vector<uint32_t> postings;
    AppendPostings(NormalizePlaceName(name), &postings);
    if (MayBeExactCaseKey(name)) AppendPostings(ExactCaseKey(name), &postings);
    if (postings.empty()) return out;
    if (postings.size() > 1) {
      // Two keys may list the same entry; keep the best-matching posting of each.
      std::sort(postings.begin(), postings.end(), [](uint32_t a, uint32_t b) {
        if ((a & kPostingIndexMask) != (b & kPostingIndexMask)) {
          return (a & kPostingIndexMask) < (b & kPostingIndexMask);
        }
        return (a & kPostingPrimary) > (b & kPostingPrimary);
      });
      uint32_t last = UINT32_MAX;
      std::erase_if(postings, [&last](uint32_t p) {
        if ((p & kPostingIndexMask) == last) return true;
        last = p & kPostingIndexMask;
        return false;
      });
      // Most populous first, ties in entry order. Ordering the postings rather than the
      // built entries saves moving their strings around.
      std::stable_sort(postings.begin(), postings.end(),
                       [this](uint32_t a, uint32_t b) { return Population(a) > Population(b); });
    }
    out.reserve(postings.size());
    for (uint32_t p : postings) out.push_back(Entry(p));
    return out;
  }

  std::optional<GazetteerEntry> Country(std::string_view iso_code) const override { return ByIsoCode(iso_code); }
  std::optional<GazetteerEntry> Subdivision(std::string_view iso_3166_2) const override {
    if (iso_3166_2.size() < 4 || iso_3166_2[2] != '-') return std::nullopt;
    return ByIsoCode(iso_3166_2);
  }

  bool IsCommonWord(std::string_view name) const override {
    return FindKey(std::string(1, kCommonWordPrefix) + NormalizePlaceName(name)) != kNotFound;
  }

  size_t size() const override { return entry_count_; }
  size_t key_count() const override { return key_count_; }

 private:
  static constexpr uint32_t kNotFound = UINT32_MAX;

  explicit ImageGazetteer(std::unique_ptr<Storage> storage) : storage_(std::move(storage)) {}

  // The entry keyed "#" + an upper-cased ISO 3166 code.
  std::optional<GazetteerEntry> ByIsoCode(std::string_view iso_code) const {
    std::string key(1, kIsoKeyPrefix);
    for (char c : iso_code) key.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
    std::vector<uint32_t> postings;
    AppendPostings(key, &postings);
    if (postings.empty()) return std::nullopt;
    return Entry(postings[0]);
  }

  Status Validate(const std::string& name) {
    const char* d = storage_->data();
    const size_t n = storage_->size();
    auto fail = [&](const std::string& what) { return MakeError(name, "not a valid gazetteer file: " + what); };
    if (n < kHeaderSize) {
      return fail("too short for the header (" + std::to_string(n) + " bytes; truncated?)");
    }
    if (std::memcmp(d, kGazetteerMagic, sizeof(kGazetteerMagic)) != 0) return fail("bad magic number");
    const uint32_t version = Load32(d + 8);
    if (version != kGazetteerVersion) {
      return fail("format version " + std::to_string(version) + ", this program reads version " +
                  std::to_string(kGazetteerVersion) + "; rebuild it with dateline-gazetteer");
    }
    if (Load32(d + 12) != kHeaderSize) return fail("bad header size");
    entry_count_ = Load32(d + 16);
    key_count_ = Load32(d + 20);
    posting_count_ = Load32(d + 24);
    string_bytes_ = Load32(d + 28);
    const uint32_t crc = Load32(d + 32);
    const uint64_t expected = kHeaderSize + uint64_t{entry_count_} * kEntrySize +
                              uint64_t{key_count_} * kKeySize +
                              uint64_t{posting_count_} * kPostingSize + string_bytes_;
    if (expected != n) {
      return fail("size is " + std::to_string(n) + " bytes but the header describes " +
                  std::to_string(expected) + (n < expected ? " (truncated)" : " (trailing bytes)"));
    }
    const uint32_t actual_crc = static_cast<uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef*>(d + kHeaderSize), static_cast<uInt>(n - kHeaderSize)));
    if (actual_crc != crc) return fail("checksum mismatch (the file is corrupt)");
    entries_ = d + kHeaderSize;
    keys_ = entries_ + size_t{entry_count_} * kEntrySize;
    postings_ = keys_ + size_t{key_count_} * kKeySize;
    strings_ = postings_ + size_t{posting_count_} * kPostingSize;
    if (string_bytes_ == 0 || strings_[0] != '\0') return fail("string pool does not start with the empty string");
    // Everything a lookup dereferences is checked here, so lookups need no checks.
    for (uint32_t i = 0; i < entry_count_; ++i) {
      const char* e = entries_ + size_t{i} * kEntrySize;
      for (size_t field : {16, 20, 24}) {
        if (!StringOk(Load32(e + field))) return fail("entry " + std::to_string(i) + " has a bad string offset");
      }
      if (static_cast<uint8_t>(e[31]) > kPrecisionCountry) return fail("entry " + std::to_string(i) + " has a bad precision");
    }
    std::string_view previous;
    for (uint32_t i = 0; i < key_count_; ++i) {
      const char* k = keys_ + size_t{i} * kKeySize;
      if (!StringOk(Load32(k))) return fail("key " + std::to_string(i) + " has a bad string offset");
      const uint64_t first = Load32(k + 4), count = Load32(k + 8);
      if (first + count > posting_count_) return fail("key " + std::to_string(i) + " points past the postings");
      const std::string_view text = String(Load32(k));
      if (i > 0 && !(previous < text)) return fail("keys are not sorted at key " + std::to_string(i));
      previous = text;
    }
    for (uint32_t i = 0; i < posting_count_; ++i) {
      if ((Load32(postings_ + size_t{i} * kPostingSize) & kPostingIndexMask) >= entry_count_) {
        return fail("posting " + std::to_string(i) + " names a missing entry");
      }
    }
    return Status::Ok();
  }

  bool StringOk(uint32_t offset) const {
    if (offset >= string_bytes_) return false;
    return uint64_t{offset} + 1 + static_cast<uint8_t>(strings_[offset]) <= string_bytes_;
  }

  std::string_view String(uint32_t offset) const {
    return std::string_view(strings_ + offset + 1, static_cast<uint8_t>(strings_[offset]));
  }

  // Keys are found through a hash index built at open (BuildIndex) rather than by
  // binary search: recognition looks up every capitalised n-gram of a text, most of
  // which are no key, and a probe costs one hash and usually no string comparison.
  uint32_t FindKey(std::string_view key) const {
    const uint64_t h = HashKey(key);
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & index_mask_;; i = (i + 1) & index_mask_) {
      const uint64_t slot = index_[i];
      if (slot == 0) return kNotFound;
      if (static_cast<uint32_t>(slot >> 32) != tag) continue;
      const uint32_t k = static_cast<uint32_t>(slot) - 1;
      if (String(Load32(keys_ + size_t{k} * kKeySize)) == key) return k;
    }
  }

  // Eight bytes at a time, each word multiplied in, then a final mix so that the low
  // bits (the slot) depend on every byte. The table lives only in memory, so the
  // byte order of the words does not matter.
  static uint64_t HashKey(std::string_view key) {
    constexpr uint64_t kMul = 0x9e3779b97f4a7c15ull;
    uint64_t h = 0xcbf29ce484222325ull ^ key.size();
    size_t i = 0;
    for (; i + 8 <= key.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, key.data() + i, 8);
      h = (h ^ w) * kMul;
      h ^= h >> 29;
    }
    if (i < key.size()) {
      uint64_t w = 0;
      std::memcpy(&w, key.data() + i, key.size() - i);
      h = (h ^ w) * kMul;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
  }

  // An open-addressing table over the (unique) keys, at most half full: slot = hash tag
  // in the high 32 bits, key index + 1 in the low 32 (0: empty). Built at open; the
  // table (8 MiB for half a million keys) is far larger than the caches, so the slot of
  // the key kAhead places on is prefetched while a key is inserted, which makes the
  // build several times faster than waiting for each miss.
  void BuildIndex() {
    size_t slots = 16;
    while (slots < size_t{key_count_} * 2) slots *= 2;
    index_.assign(slots, 0);
    index_mask_ = slots - 1;
    constexpr uint32_t kAhead = 16;
    uint64_t hashes[kAhead];
    auto hash_of = [this](uint32_t k) { return HashKey(String(Load32(keys_ + size_t{k} * kKeySize))); };
    for (uint32_t k = 0; k < std::min(kAhead, key_count_); ++k) {
      hashes[k] = hash_of(k);
      __builtin_prefetch(&index_[hashes[k] & index_mask_], 1);
    }
    for (uint32_t k = 0; k < key_count_; ++k) {
      const uint64_t h = hashes[k % kAhead];
      if (k + kAhead < key_count_) {
        const uint64_t next = hash_of(k + kAhead);
        hashes[k % kAhead] = next;
        __builtin_prefetch(&index_[next & index_mask_], 1);
      }
      size_t i = h & index_mask_;
      while (index_[i] != 0) i = (i + 1) & index_mask_;
      index_[i] = (h >> 32 << 32) | (uint64_t{k} + 1);
    }
    // Exact-case keys are contiguous in key order: those starting with '='.
    uint32_t lo = 0, hi = key_count_;
    while (lo < hi) {
      const uint32_t mid = lo + (hi - lo) / 2;
      if (String(Load32(keys_ + size_t{mid} * kKeySize)) < "=") {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (uint32_t k = lo; k < key_count_; ++k) {
      const std::string_view text = String(Load32(keys_ + size_t{k} * kKeySize));
      if (text.empty() || text[0] != '=') break;
      max_exact_key_size_ = std::max(max_exact_key_size_, text.size());
    }
  }

  // False when ExactCaseKey(phrase) is longer than every exact-case key: it keeps at
  // least one byte per non-space byte of the phrase. Exact-case phrases are short
  // abbreviations ("US", "Calif."), and recognition tries many longer n-grams.
  bool MayBeExactCaseKey(std::string_view phrase) const {
    size_t bytes = 1;  // the '='
    for (char c : phrase) {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && ++bytes > max_exact_key_size_) return false;
    }
    return true;
  }

  uint32_t Population(uint32_t posting) const {
    return Load32(entries_ + size_t{posting & kPostingIndexMask} * kEntrySize + 12);
  }

  void AppendPostings(std::string_view key, std::vector<uint32_t>* out) const {
    if (key.empty()) return;
    const uint32_t k = FindKey(key);
    if (k == kNotFound) return;
    const char* rec = keys_ + size_t{k} * kKeySize;
    const uint32_t first = Load32(rec + 4), count = Load32(rec + 8);
    for (uint32_t i = 0; i < count; ++i) out->push_back(Load32(postings_ + (size_t{first} + i) * kPostingSize));
  }

  GazetteerEntry Entry(uint32_t posting) const {
    const char* e = entries_ + size_t{posting & kPostingIndexMask} * kEntrySize;
    GazetteerEntry out;
    out.place.geonameid = Load32(e);
    out.place.lat = static_cast<int32_t>(Load32(e + 4)) / 100000.0;
    out.place.lon = static_cast<int32_t>(Load32(e + 8)) / 100000.0;
    out.population = static_cast<long>(Load32(e + 12));
    out.place.name = std::string(String(Load32(e + 16)));
    out.place.admin1 = std::string(String(Load32(e + 20)));
    out.feature_code = std::string(String(Load32(e + 24)));
    if (e[28] != ' ') out.place.country = std::string(e + 28, 2);
    out.feature_class = e[30];
    switch (static_cast<uint8_t>(e[31])) {
      case kPrecisionAdmin1: out.place.precision = "admin1"; break;
      case kPrecisionCountry: out.place.precision = "country"; break;
      default: out.place.precision = "point"; break;
    }
    out.primary_name = (posting & kPostingPrimary) != 0;
    out.demonym = (posting & kPostingDemonym) != 0;
    out.capital_alias = (posting & kPostingCapitalAlias) != 0;
    return out;
  }

  std::unique_ptr<Storage> storage_;
  uint32_t entry_count_ = 0, key_count_ = 0, posting_count_ = 0, string_bytes_ = 0;
  const char* entries_ = nullptr;
  const char* keys_ = nullptr;
  const char* postings_ = nullptr;
  const char* strings_ = nullptr;
  std::vector<uint64_t> index_;  // see BuildIndex
  size_t index_mask_ = 0;
  size_t max_exact_key_size_ = 0;  // the longest key starting with '='; see MayBeExactCaseKey
};

}  // namespace

Result<std::unique_ptr<Gazetteer>> OpenImage(std::string bytes, const std::string& name) {
  return ImageGazetteer::Create(std::make_unique<StringStorage>(std::move(bytes)), name);
}

}  // namespace where_internal

Result<std::unique_ptr<Gazetteer>> Gazetteer::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return MakeError(path, std::string("cannot open gazetteer file: ") + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return MakeError(path, std::string("cannot stat gazetteer file: ") + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return MakeError(path, "gazetteer path is not a regular file");
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size < where_internal::kHeaderSize) {
    ::close(fd);
    return MakeError(path, "not a valid gazetteer file: too short for the header (" +
                               std::to_string(size) + " bytes; truncated?)");
  }
  void* addr = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  const int err = errno;
  ::close(fd);  // the mapping keeps the file open
  if (addr == MAP_FAILED) return MakeError(path, std::string("cannot map gazetteer file: ") + std::strerror(err));
  return where_internal::ImageGazetteer::Create(
      std::make_unique<where_internal::MappedStorage>(addr, size), path);
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::CountriesOnly(const std::string& countries_file) {
  using namespace where_internal;
  Result<std::vector<CountryRecord>> countries = ReadCountriesFile(countries_file);
  if (!countries.ok()) return countries.error();
  ImageInputs in;
  in.countries = std::move(countries.value());
  in.capitals_as_country_aliases = true;
  Result<std::string> image = BuildImage(in, nullptr);
  if (!image.ok()) return image.error();
  return OpenImage(std::move(image.value()), countries_file);
}

}  // namespace dateline
