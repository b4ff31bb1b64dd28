#include "ingest/json_record.h"

#include <algorithm>
#include <iterator>

// SSE2 lets RapidJSON scan strings and whitespace 16 bytes at a time; reads
// stay within 16-byte aligned blocks that hold a byte of the input or its
// terminator.
#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2
#endif
#include <rapidjson/reader.h>

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace dateline::ingest_internal {

namespace {

// Collects the top-level members of RecordFields during a SAX scan. A handler
// method returning false stops the scan; ReadRecord then asks
// ReadRecordWithDom, so every case where the two parsers might differ is
// declined here rather than imitated.
class FieldCollector {
 public:
  FieldCollector(RecordFields* out, bool check_strings)
      : out_(out), check_strings_(check_strings) {}

  bool StartObject() {
    if (depth_ == 0 && started_) return false;  // cannot happen: one root value
    started_ = true;
    Value();
    ++depth_;
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    --depth_;
    return true;
  }
  bool StartArray() {
    if (depth_ == 0) return false;  // a root that is not an object
    Value();
    ++depth_;
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    --depth_;
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (!StringOk(s, n)) return false;
    if (depth_ == 1) field_ = FieldFor(std::string_view(s, n));
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (depth_ == 0 || !StringOk(s, n)) return false;
    if (depth_ == 1 && field_ != nullptr) {
      field_->assign(s, n);
      if (field_ == &out_->id) out_->numeric_id.clear();
      wrong_type_[Index(field_)] = false;
      field_ = nullptr;
    }
    return true;
  }
  // The members whose last value was of another type, in kRecordFieldNames
  // order.
  std::vector<std::string> WrongTypes() const {
    std::vector<std::string> out;
    for (size_t i = 0; i < std::size(kRecordFieldNames); ++i) {
      if (wrong_type_[i]) out.emplace_back(kRecordFieldNames[i]);
    }
    return out;
  }
  // Numbers come as their literal text (kParseNumbersAsStringsFlag). One with
  // an exponent may overflow to infinity, which nlohmann::json refuses; the
  // other forms are read alike by both parsers.
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    if (depth_ == 0) return false;
    const std::string_view literal(s, n);
    if (literal.find_first_of("eE") != std::string_view::npos) return false;
    if (depth_ == 1 && field_ == &out_->id) {
      out_->id.clear();
      out_->numeric_id = nlohmann::json::parse(literal).dump();
      wrong_type_[0] = false;
      field_ = nullptr;
      return true;
    }
    Value();
    return true;
  }
  bool Null() { return depth_ > 0 && Value(/*wrong_type=*/false); }
  bool Bool(bool) { return depth_ > 0 && Value(); }
  // Unused with kParseNumbersAsStringsFlag, but part of the handler concept.
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(int64_t) { return false; }
  bool Uint64(uint64_t) { return false; }
  bool Double(double) { return false; }

 private:
  // A top-level value that is no string empties the member it is the value of;
  // unless it is null, the member is of the wrong type.
  bool Value(bool wrong_type = true) {
    if (depth_ == 1 && field_ != nullptr) {
      field_->clear();
      if (field_ == &out_->id) out_->numeric_id.clear();
      wrong_type_[Index(field_)] = wrong_type;
      field_ = nullptr;
    }
    return true;
  }
  size_t Index(const std::string* field) const {
    const std::string* fields[] = {&out_->id,   &out_->url,  &out_->html,
                                   &out_->text, &out_->kind, &out_->published};
    return static_cast<size_t>(
        std::find(std::begin(fields), std::end(fields), field) -
        std::begin(fields));
  }

  std::string* FieldFor(std::string_view key) const {
    if (key == "id") return &out_->id;
    if (key == "url") return &out_->url;
    if (key == "html") return &out_->html;
    if (key == "text") return &out_->text;
    if (key == "kind") return &out_->kind;
    if (key == "published") return &out_->published;
    return nullptr;
  }

  // A \u escape of a lone low surrogate decodes to bytes that are not UTF-8,
  // which nlohmann::json refuses; only lines with such an escape are checked.
  bool StringOk(const char* s, rapidjson::SizeType n) const {
    return !check_strings_ ||
           FindInvalidUtf8(std::string_view(s, n)) == std::string_view::npos;
  }

  RecordFields* out_;
  const bool check_strings_;
  bool started_ = false;
  int depth_ = 0;
  std::string* field_ =
      nullptr;  // the member whose value comes next, if collected
  bool wrong_type_[std::size(kRecordFieldNames)] = {};
};

// True when `line` holds "\u" followed by "d" or "D": an escaped surrogate, or
// an escaped backslash before "ud", which only costs a check.
bool MayEscapeSurrogate(std::string_view line) {
  for (size_t i = line.find('\\'); i != std::string_view::npos;
       i = line.find('\\', i + 1)) {
    if (i + 2 < line.size() && line[i + 1] == 'u' &&
        (line[i + 2] == 'd' || line[i + 2] == 'D'))
      return true;
  }
  return false;
}

// True when `line` holds a control character (below U+0020). JSON allows tabs,
// line breaks and carriage returns only between tokens and nothing of the kind
// inside strings, but RapidJSON's 16-byte string scan lets them through inside
// long strings where nlohmann::json refuses them, so such lines go to the
// reference parser.
bool HasControlCharacter(std::string_view line) {
  return std::any_of(line.begin(), line.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20;
  });
}

}  // namespace

RecordStatus ReadRecord(std::string_view line, RecordFields* out) {
  if (HasControlCharacter(line)) return ReadRecordWithDom(line, out);
  RecordFields fields;
  FieldCollector collector(&fields, MayEscapeSurrogate(line));
  // RapidJSON's fast string scan needs a terminated buffer; the slack past the
  // terminator covers its aligned 16-byte reads for the sanitizers.
  std::string terminated;
  terminated.reserve(line.size() + 16);
  terminated.assign(line);
  rapidjson::StringStream stream(terminated.c_str());
  rapidjson::Reader reader;
  constexpr unsigned kFlags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
  if (reader.Parse<kFlags>(stream, collector).IsError())
    return ReadRecordWithDom(line, out);
  fields.wrong_type = collector.WrongTypes();
  *out = std::move(fields);
  return RecordStatus::kOk;
}

RecordStatus ReadRecordWithDom(std::string_view line, RecordFields* out) {
  const nlohmann::json record =
      nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) return RecordStatus::kMalformed;
  if (!record.is_object()) return RecordStatus::kNotAnObject;
  const auto get_string = [&](const char* key) -> std::string {
    auto it = record.find(key);
    return it != record.end() && it->is_string() ? it->get<std::string>()
                                                 : std::string();
  };
  RecordFields fields;
  fields.id = get_string("id");
  if (auto it = record.find("id"); it != record.end() && it->is_number())
    fields.numeric_id = it->dump();
  fields.url = get_string("url");
  fields.html = get_string("html");
  fields.text = get_string("text");
  fields.kind = get_string("kind");
  fields.published = get_string("published");
  for (const char* key : kRecordFieldNames) {
    auto it = record.find(key);
    if (it == record.end() || it->is_string() || it->is_null()) continue;
    if (std::string_view(key) == "id" && it->is_number()) continue;
    fields.wrong_type.emplace_back(key);
  }
  *out = std::move(fields);
  return RecordStatus::kOk;
}

}  // namespace dateline::ingest_internal
