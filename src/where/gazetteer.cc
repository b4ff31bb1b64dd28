// The gazetteer reader: checks an image's sizes and checksum (format in
// gazetteer_builder.cc) once at open, then answers lookups through the key
// index stored in the image, without copying it. Files are memory-mapped
// read-only; countries-only gazetteers own their bytes.

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <set>

#include "where/gazetteer_image.h"
#include "where/name_normalizer.h"
#include "where/where.h"

namespace dateline {

PlaceMention GazetteerEntry::ToPlace() const {
  PlaceMention p;
  p.name = std::string(name);
  p.country = std::string(country);
  p.admin1 = std::string(admin1);
  p.lat = lat;
  p.lon = lon;
  p.precision = precision;
  p.geonameid = geonameid;
  return p;
}

std::vector<PlaceMention> Gazetteer::Lookup(std::string_view name) const {
  std::vector<PlaceMention> out;
  for (const GazetteerEntry& e : LookupEntries(name))
    out.push_back(e.ToPlace());
  return out;
}

namespace where_internal {

namespace {

uint32_t Load32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return static_cast<uint32_t>(u[0]) | (static_cast<uint32_t>(u[1]) << 8) |
         (static_cast<uint32_t>(u[2]) << 16) |
         (static_cast<uint32_t>(u[3]) << 24);
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
  static Result<std::unique_ptr<Gazetteer>> Create(
      std::unique_ptr<Storage> storage, const std::string& name) {
    std::unique_ptr<ImageGazetteer> g(new ImageGazetteer(std::move(storage)));
    if (Status s = g->Validate(name); !s.ok()) return s.error();
    return std::unique_ptr<Gazetteer>(std::move(g));
  }

  std::vector<GazetteerEntry> LookupEntries(
      std::string_view name) const override {
    std::vector<GazetteerEntry> out;
    // Scratch reused by every lookup of the thread: most names looked up are no
    // key, and need neither a string nor a list of their own.
    thread_local std::string key;
    thread_local std::vector<uint32_t> postings;
    postings.clear();
    NormalizePlaceName(name, &key);
    AppendPostings(key, &postings);
    const size_t from_name = postings.size();
    if (MayBeExactCaseKey(name)) AppendPostings(ExactCaseKey(name), &postings);
    if (postings.empty()) return out;
    // One key's postings are stored in the order wanted (most populous first,
    // then entry order) and list each entry once; only two keys' need merging.
    if (from_name > 0 && postings.size() > from_name) {
      // Two keys may list the same entry; keep the best-matching posting of
      // each.
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
      // Most populous first, ties in entry order. Ordering the postings rather
      // than the built entries saves moving their strings around.
      std::stable_sort(postings.begin(), postings.end(),
                       [this](uint32_t a, uint32_t b) {
                         return Population(a) > Population(b);
                       });
    }
    out.reserve(postings.size());
    for (uint32_t p : postings) out.push_back(Entry(p));
    return out;
  }

  std::optional<GazetteerEntry> Country(
      std::string_view iso_code) const override {
    return ByIsoCode(iso_code);
  }
  std::optional<GazetteerEntry> Subdivision(
      std::string_view iso_3166_2) const override {
    if (iso_3166_2.size() < 4 || iso_3166_2[2] != '-') return std::nullopt;
    return ByIsoCode(iso_3166_2);
  }

  bool IsCommonWord(std::string_view name) const override {
    thread_local std::string normalized, key;  // scratch, as in LookupEntries
    NormalizePlaceName(name, &normalized);
    key.assign(1, kCommonWordPrefix);
    key += normalized;
    return FindKey(key) != kNotFound;
  }

  size_t size() const override { return entry_count_; }
  size_t key_count() const override { return key_count_; }

 private:
  static constexpr uint32_t kNotFound = UINT32_MAX;

  explicit ImageGazetteer(std::unique_ptr<Storage> storage)
      : storage_(std::move(storage)) {}

  // The entry keyed "#" + an upper-cased ISO 3166 code.
  std::optional<GazetteerEntry> ByIsoCode(std::string_view iso_code) const {
    std::string key(1, kIsoKeyPrefix);
    for (char c : iso_code)
      key.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A')
                                           : c);
    std::vector<uint32_t> postings;
    AppendPostings(key, &postings);
    if (postings.empty()) return std::nullopt;
    return Entry(postings[0]);
  }

  // Checks what every later read relies on: the sizes add up and the bytes are
  // those the builder wrote. The records themselves are bounds-checked as they
  // are read (String, AppendPostings, FindKey), which costs a comparison per
  // read instead of a pass over half a million records at every start.
  Status Validate(const std::string& name) {
    const char* d = storage_->data();
    const size_t n = storage_->size();
    auto fail = [&](const std::string& what) {
      return MakeError(name, "not a valid gazetteer file: " + what);
    };
    if (n < kHeaderSize) {
      return fail("too short for the header (" + std::to_string(n) +
                  " bytes; truncated?)");
    }
    if (std::memcmp(d, kGazetteerMagic, sizeof(kGazetteerMagic)) != 0)
      return fail("bad magic number");
    const uint32_t version = Load32(d + 8);
    if (version != kGazetteerVersion) {
      return fail("format version " + std::to_string(version) +
                  ", this program reads version " +
                  std::to_string(kGazetteerVersion) +
                  "; rebuild it with dateline-gazetteer");
    }
    if (Load32(d + 12) != kHeaderSize) return fail("bad header size");
    entry_count_ = Load32(d + 16);
    key_count_ = Load32(d + 20);
    posting_count_ = Load32(d + 24);
    string_bytes_ = Load32(d + 28);
    index_slots_ = Load32(d + 32);
    max_exact_key_size_ = Load32(d + 36);
    const uint64_t expected =
        kHeaderSize + uint64_t{entry_count_} * kEntrySize +
        uint64_t{key_count_} * kKeySize +
        uint64_t{posting_count_} * kPostingSize +
        uint64_t{index_slots_} * kIndexSlotSize + string_bytes_;
    if (expected != n) {
      return fail("size is " + std::to_string(n) +
                  " bytes but the header describes " +
                  std::to_string(expected) +
                  (n < expected ? " (truncated)" : " (trailing bytes)"));
    }
    if (ImageChecksumOf(std::string_view(d, n)) !=
        LoadLittle64(d + kChecksumOffset)) {
      return fail("checksum mismatch (the file is corrupt)");
    }
    // A probe ends at an empty slot; with more slots than keys there is one.
    if (!std::has_single_bit(index_slots_) || index_slots_ <= key_count_)
      return fail("bad key index size");
    entries_ = d + kHeaderSize;
    keys_ = entries_ + size_t{entry_count_} * kEntrySize;
    postings_ = keys_ + size_t{key_count_} * kKeySize;
    index_ = postings_ + size_t{posting_count_} * kPostingSize;
    strings_ = index_ + size_t{index_slots_} * kIndexSlotSize;
    return Status::Ok();
  }

  // The string at `offset`; empty when it would reach outside the pool (a
  // damaged file).
  std::string_view String(uint32_t offset) const {
    if (offset >= string_bytes_) return {};
    const size_t size = static_cast<uint8_t>(strings_[offset]);
    if (uint64_t{offset} + 1 + size > string_bytes_) return {};
    return std::string_view(strings_ + offset + 1, size);
  }

  // Keys are found through the hash index stored in the image rather than by
  // binary search: recognition looks up every capitalised n-gram of a text,
  // most of which are no key, and a probe costs one hash and usually no string
  // comparison.
  uint32_t FindKey(std::string_view key) const {
    const uint64_t h = KeyHash(key);
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    const size_t mask = index_slots_ - 1;
    for (size_t i = h & mask, probes = 0; probes < index_slots_;
         i = (i + 1) & mask, ++probes) {
      const uint64_t slot = LoadLittle64(index_ + i * kIndexSlotSize);
      if (slot == 0) return kNotFound;
      if (static_cast<uint32_t>(slot >> 32) != tag) continue;
      const uint32_t k = static_cast<uint32_t>(slot) - 1;
      if (k < key_count_ && String(Load32(keys_ + size_t{k} * kKeySize)) == key)
        return k;
    }
    return kNotFound;
  }

  // False when ExactCaseKey(phrase) is longer than every exact-case key: it
  // keeps at least one byte per non-space byte of the phrase. Exact-case
  // phrases are short abbreviations ("US", "Calif."), and recognition tries
  // many longer n-grams.
  bool MayBeExactCaseKey(std::string_view phrase) const {
    size_t bytes = 1;  // the '='
    for (char c : phrase) {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' &&
          ++bytes > max_exact_key_size_)
        return false;
    }
    return true;
  }

  uint32_t Population(uint32_t posting) const {
    return Load32(entries_ + size_t{posting & kPostingIndexMask} * kEntrySize +
                  12);
  }

  void AppendPostings(std::string_view key, std::vector<uint32_t>* out) const {
    if (key.empty()) return;
    const uint32_t k = FindKey(key);
    if (k == kNotFound) return;
    const char* rec = keys_ + size_t{k} * kKeySize;
    const uint64_t first = Load32(rec + 4), count = Load32(rec + 8);
    if (first + count > posting_count_) return;  // a damaged file
    for (uint64_t i = first; i < first + count; ++i) {
      const uint32_t posting = Load32(postings_ + i * kPostingSize);
      if ((posting & kPostingIndexMask) < entry_count_) out->push_back(posting);
    }
  }

  GazetteerEntry Entry(uint32_t posting) const {
    const char* e = entries_ + size_t{posting & kPostingIndexMask} * kEntrySize;
    GazetteerEntry out;
    out.geonameid = Load32(e);
    out.lat = static_cast<int32_t>(Load32(e + 4)) / 100000.0;
    out.lon = static_cast<int32_t>(Load32(e + 8)) / 100000.0;
    out.population = static_cast<long>(Load32(e + 12));
    out.name = String(Load32(e + 16));
    out.admin1 = String(Load32(e + 20));
    out.feature_code = String(Load32(e + 24));
    if (e[28] != ' ') out.country = std::string_view(e + 28, 2);
    out.feature_class = e[30];
    switch (static_cast<uint8_t>(e[31])) {
      case kPrecisionAdmin1:
        out.precision = PlacePrecision::kAdmin1;
        break;
      case kPrecisionCountry:
        out.precision = PlacePrecision::kCountry;
        break;
      default:
        out.precision = PlacePrecision::kPoint;
        break;
    }
    out.primary_name = (posting & kPostingPrimary) != 0;
    out.demonym = (posting & kPostingDemonym) != 0;
    out.capital_alias = (posting & kPostingCapitalAlias) != 0;
    return out;
  }

  std::unique_ptr<Storage> storage_;
  uint32_t entry_count_ = 0, key_count_ = 0, posting_count_ = 0,
           string_bytes_ = 0;
  const char* entries_ = nullptr;
  const char* keys_ = nullptr;
  const char* postings_ = nullptr;
  const char* index_ = nullptr;  // index_slots_ slots; see FindKey
  const char* strings_ = nullptr;
  uint32_t index_slots_ = 0;
  size_t max_exact_key_size_ =
      0;  // the longest key starting with '='; see MayBeExactCaseKey
};

}  // namespace

uint64_t ImageChecksum(std::string_view bytes, uint64_t seed) {
  constexpr uint64_t kP1 = 0x9e3779b185ebca87ull, kP2 = 0xc2b2ae3d27d4eb4full;
  constexpr uint64_t kP3 = 0x165667b19e3779f9ull, kP4 = 0x85ebca77c2b2ae63ull;
  auto round = [](uint64_t acc, uint64_t word) {
    return std::rotl(acc + word * kP2, 31) * kP1;
  };
  // The bulk of the image goes through a lighter step than xxHash64's round: an
  // xor and a multiply by an odd constant, a bijection of the lane's state, so
  // that one changed word always changes that state, for two instructions a
  // word.
  auto step = [](uint64_t acc, uint64_t word) { return (acc ^ word) * kP1; };
  const char* p = bytes.data();
  const char* const end = p + bytes.size();
  uint64_t h;
  if (bytes.size() >= 32) {
    uint64_t v1 = seed + kP1 + kP2, v2 = seed + kP2, v3 = seed, v4 = seed - kP1;
    for (; end - p >= 32; p += 32) {
      v1 = step(v1, LoadLittle64(p));
      v2 = step(v2, LoadLittle64(p + 8));
      v3 = step(v3, LoadLittle64(p + 16));
      v4 = step(v4, LoadLittle64(p + 24));
    }
    h = std::rotl(v1, 1) + std::rotl(v2, 7) + std::rotl(v3, 12) +
        std::rotl(v4, 18);
    for (uint64_t v : {v1, v2, v3, v4}) h = (h ^ round(0, v)) * kP1 + kP4;
  } else {
    h = seed + kP3;
  }
  h += bytes.size();
  for (; end - p >= 8; p += 8)
    h = std::rotl(h ^ round(0, LoadLittle64(p)), 27) * kP1 + kP4;
  for (; p < end; ++p)
    h = std::rotl(h ^ (static_cast<uint8_t>(*p) * kP3), 11) * kP1;
  h ^= h >> 33;
  h *= kP2;
  h ^= h >> 29;
  h *= kP3;
  h ^= h >> 32;
  return h;
}

uint64_t ImageChecksumOf(std::string_view image) {
  return ImageChecksum(image.substr(kHeaderSize),
                       ImageChecksum(image.substr(0, kChecksumOffset), 0));
}

void SealImage(std::string* image) {
  const uint64_t sum = ImageChecksumOf(*image);
  for (size_t i = 0; i < 8; ++i)
    (*image)[kChecksumOffset + i] = static_cast<char>(sum >> (8 * i));
}

Result<std::unique_ptr<Gazetteer>> OpenImage(std::string bytes,
                                             const std::string& name) {
  return ImageGazetteer::Create(
      std::make_unique<StringStorage>(std::move(bytes)), name);
}

}  // namespace where_internal

Result<std::unique_ptr<Gazetteer>> Gazetteer::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return MakeError(path, std::string("cannot open gazetteer file: ") +
                               std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return MakeError(
        path, std::string("cannot stat gazetteer file: ") + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return MakeError(path, "gazetteer path is not a regular file");
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size < where_internal::kHeaderSize) {
    ::close(fd);
    return MakeError(path,
                     "not a valid gazetteer file: too short for the header (" +
                         std::to_string(size) + " bytes; truncated?)");
  }
  void* addr = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  const int err = errno;
  ::close(fd);  // the mapping keeps the file open
  if (addr == MAP_FAILED)
    return MakeError(
        path, std::string("cannot map gazetteer file: ") + std::strerror(err));
  return where_internal::ImageGazetteer::Create(
      std::make_unique<where_internal::MappedStorage>(addr, size), path);
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::CountriesOnly(
    const std::string& countries_file) {
  using namespace where_internal;
  ASSIGN_OR_RETURN(std::vector<CountryRecord> countries,
                   ReadCountriesFile(countries_file));
  ImageInputs in;
  in.countries = std::move(countries);
  in.capitals_as_country_aliases = true;
  ASSIGN_OR_RETURN(std::string image, BuildImage(in, nullptr));
  return OpenImage(std::move(image), countries_file);
}

}  // namespace dateline
