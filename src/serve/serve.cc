#include "serve/serve.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <map>
#include <type_traits>

// RapidJSON copies the unescaped runs of a string 16 bytes at a time with SSE2
// (part of every x86-64 CPU) when told it may; bodies and paragraphs are most
// of a record.
#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2
#endif
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/utf8.h"

namespace dateline {

namespace {

using nlohmann::json;

// Converts body byte offsets to code point offsets into the document content.
class OffsetMapper {
 public:
  explicit OffsetMapper(const CodedArticle& c)
      : article_(c.article), index_(c.document.content) {}
  size_t FromBody(size_t body_offset) const {
    return index_.ToCodepoint(article_.ToInputOffset(body_offset));
  }
  size_t FromInput(size_t input_offset) const {
    return index_.ToCodepoint(input_offset);
  }
  size_t Start(const Span& s) const { return FromBody(s.start); }
  // The end maps through its last byte so that a span never runs into a
  // separator.
  size_t End(const Span& s) const {
    return s.end > s.start ? FromBody(s.end - 1) + 1 : FromBody(s.start);
  }

 private:
  const Article& article_;
  CodepointIndex index_;
};

// Writes `s` as a quoted JSON string to `dst`, escaped byte for byte as
// rapidjson's Writer escapes UTF-8 (", \\ and control characters; \\u00XX in
// upper-case hex for the controls without a short form), so that records keep
// their bytes; returns the end. A byte that starts no valid UTF-8 sequence is
// written as U+FFFD, as RepairUtf8 would have it (ingest hands over valid
// UTF-8: this is a guard, checked in the same pass rather than a pass of its
// own). `dst` must have room for JsonStringRoom(s.size()) bytes. Eight bytes
// are tested and copied at a time: a record is mostly runs of ASCII text with
// nothing to escape, which rapidjson's Writer went through a byte at a time.
constexpr size_t JsonStringRoom(size_t size) { return 6 * size + 2; }

char* WriteJsonString(std::string_view s, char* dst) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  // The letter after the backslash for each byte below 0x20; 'u' is \\u00XX.
  static constexpr char kShort[32] = {'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
                                      'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
                                      'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
                                      'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u'};
  constexpr uint64_t kOnes = 0x0101010101010101ull,
                     kHigh = 0x8080808080808080ull;
  // True when one of the eight bytes is below 0x20, '"', '\\' or not ASCII
  // (exact: the classic "has a byte less than n" and "has a zero byte" tests).
  const auto needs_care = [](uint64_t w) {
    const uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
    return (((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) |
            ((backslash - kOnes) & ~backslash) | w) &
           kHigh;
  };
  // Writes the character at s[i]; returns the index after it.
  const auto put = [&s, &dst](size_t i) -> size_t {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t n = Utf8SequenceLength(s, i);
      if (n == 0) {
        std::memcpy(dst, "\xEF\xBF\xBD", 3);  // U+FFFD
        dst += 3;
        return i + 1;
      }
      std::memcpy(dst, s.data() + i, n);
      dst += n;
      return i + n;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      *dst++ = static_cast<char>(c);
      return i + 1;
    }
    *dst++ = '\\';
    if (c >= 0x20) {
      *dst++ = static_cast<char>(c);
      return i + 1;
    }
    *dst++ = kShort[c];
    if (kShort[c] == 'u') {
      *dst++ = '0';
      *dst++ = '0';
      *dst++ = kHex[c >> 4];
      *dst++ = kHex[c & 0xF];
    }
    return i + 1;
  };
  *dst++ = '"';
  size_t i = 0;
  while (i + 8 <= s.size()) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (!needs_care(w)) {
      std::memcpy(dst, &w, 8);
      dst += 8;
      i += 8;
    } else {
      i = put(i);
    }
  }
  while (i < s.size()) i = put(i);
  *dst++ = '"';
  return dst;
}

// Writes `s`, which has nothing to escape (a key of the record format), quoted.
char* WritePlainString(std::string_view s, char* dst) {
  *dst++ = '"';
  std::memcpy(dst, s.data(), s.size());
  dst += s.size();
  *dst++ = '"';
  return dst;
}

// rapidjson's Writer and PrettyWriter, plus Utf8String and PlainKey: String
// through WriteJsonString or WritePlainString, with the separators and
// indentation String would write.
template <typename Base>
class FastStringWriter : public Base {
 public:
  using Base::Base;
  void Utf8String(std::string_view s) {
    Write(s, JsonStringRoom(s.size()), WriteJsonString);
  }
  void PlainKey(std::string_view k) {
    Write(k, k.size() + 2, WritePlainString);
  }

 private:
  void Write(std::string_view s, size_t room,
             char* (*write)(std::string_view, char*)) {
    StringPrefix();
    char* begin = this->os_->Push(room);
    this->os_->Pop(room - static_cast<size_t>(write(s, begin) - begin));
    this->EndValue(true);
  }
  // The separator or indentation before a string value.
  void StringPrefix() {
    if constexpr (std::is_same_v<Base,
                                 rapidjson::Writer<rapidjson::StringBuffer>>) {
      this->Prefix(rapidjson::kStringType);
    } else {
      this->PrettyPrefix(rapidjson::kStringType);
    }
  }
};

using CompactWriter =
    FastStringWriter<rapidjson::Writer<rapidjson::StringBuffer>>;
using IndentedWriter =
    FastStringWriter<rapidjson::PrettyWriter<rapidjson::StringBuffer>>;

// Writes the record of one article through a rapidjson Writer or PrettyWriter,
// without building a document: the record is printed once per article, and a
// DOM of std::map nodes cost more than coding the article's places, dates and
// actors together.
//
// Keys are written in sorted (byte) order, the order in which nlohmann::json,
// whose objects are std::maps, printed them before; serve_test checks it stays
// so. Strings that are not valid UTF-8 are written with U+FFFD for each bad
// byte (WriteJsonString; ingest hands over valid UTF-8, so this is a guard,
// not a path taken).
template <typename Writer>
class RecordWriter {
 public:
  RecordWriter(Writer& w, const CodedArticle& c)
      : w_(w), c_(c), body_(c.article.body), map_(c) {}

  void Record() {
    const Article& a = c_.article;
    w_.StartObject();
    Key("actors");
    w_.StartArray();
    for (const ActorMention& m : c_.actors) Actor(m);
    w_.EndArray();
    Key("article");
    ArticleObject();
    Key("dates");
    w_.StartArray();
    for (const DateMention& d : c_.dates) Date(d);
    w_.EndArray();
    Key("event_label");
    Str(CaseLabelName(c_.event_label));
    Key("events");
    w_.StartArray();
    for (const Event& e : c_.events) EventObject(e);
    w_.EndArray();
    Key("format");
    Str("dateline.article/1");
    Key("id");
    Str(c_.document.id);
    Key("input");
    Str(c_.document.input);
    Key("input_kind");
    Str(InputKindName(c_.document.kind));
    Key("places");
    w_.StartArray();
    for (const PlaceMention& p : c_.places) Place(p);
    w_.EndArray();
    Key("sentences");
    w_.Uint64(c_.sentence_count);
    Key("url");
    if (!c_.document.url.empty()) {
      Str(c_.document.url);
    } else if (!a.canonical_url.empty()) {
      Str(a.canonical_url);
    } else {
      w_.Null();
    }
    if (!c_.warnings.empty()) {
      Key("warnings");
      Strings(c_.warnings);
    }
    w_.EndObject();
  }

 private:
  void Key(std::string_view k) { w_.PlainKey(k); }
  void Str(std::string_view s) { w_.Utf8String(s); }
  void Strings(const std::vector<std::string>& v) {
    w_.StartArray();
    for (const std::string& s : v) Str(s);
    w_.EndArray();
  }
  void OptionalInt(const std::optional<int>& v) {
    if (v) {
      w_.Int(*v);
    } else {
      w_.Null();
    }
  }
  // Degrees to 5 decimals (about a metre). Printed by nlohmann::json's shortest
  // round-trip formatter, as records always were: rapidjson 1.1's prints some
  // of these with 17 digits ("40.849850000000007" for 40.84985). Not finite:
  // null, as before.
  void Rounded(double v) {
    const double r = std::round(v * 1e5) / 1e5;
    if (!std::isfinite(r)) {
      w_.Null();
      return;
    }
    char digits[64];
    const char* end =
        nlohmann::detail::to_chars(digits, digits + sizeof digits, r);
    w_.RawValue(digits, static_cast<size_t>(end - digits),
                rapidjson::kNumberType);
  }
  std::string_view BodyText(const Span& s) const {
    return body_.substr(s.start, s.end - s.start);
  }
  // {"end", "start", "text"} of a span of the body.
  void SpanObject(const Span& s) {
    w_.StartObject();
    Key("end");
    w_.Uint64(map_.End(s));
    Key("start");
    w_.Uint64(map_.Start(s));
    Key("text");
    Str(BodyText(s));
    w_.EndObject();
  }

  void ArticleObject() {
    const Article& a = c_.article;
    w_.StartObject();
    Key("authors");
    Strings(a.authors);
    Key("body");
    Str(a.body);
    if (a.copyright_year) {
      Key("copyright_year");
      w_.Int(*a.copyright_year);
    }
    Key("dateline");
    Str(a.dateline);
    Key("language");
    Str(a.language);
    Key("paragraphs");
    w_.StartArray();
    for (const Paragraph& p : a.paragraphs) {
      w_.StartObject();
      Key("end");
      w_.Uint64(map_.FromInput(p.end));
      Key("start");
      w_.Uint64(map_.FromInput(p.start));
      Key("text");
      Str(p.text);
      w_.EndObject();
    }
    w_.EndArray();
    Key("published");
    if (a.published) {
      Str(a.published->ToIso());
    } else {
      w_.Null();
    }
    if (a.published_source != DateSource::kNone) {
      Key("published_source");
      Str(DateSourceName(a.published_source));
    }
    Key("section");
    Str(a.section);
    Key("tags");
    Strings(a.tags);
    Key("title");
    Str(a.title);
    w_.EndObject();
  }

  void Place(const PlaceMention& p) {
    w_.StartObject();
    if (!p.admin1.empty()) {
      Key("admin1");
      Str(p.admin1);
    }
    Key("country");
    Str(p.country);
    if (p.from_dateline) {
      Key("from_dateline");
      w_.Bool(true);
    } else {
      Key("end");
      w_.Uint64(map_.End(p.span));
    }
    if (p.geonameid) {
      Key("geonameid");
      w_.Int64(p.geonameid);
    }
    Key("lat");
    Rounded(p.lat);
    Key("lon");
    Rounded(p.lon);
    Key("name");
    Str(p.name);
    Key("precision");
    Str(PlacePrecisionName(p.precision));
    if (!p.from_dateline) {
      Key("start");
      w_.Uint64(map_.Start(p.span));
      Key("text");
      Str(BodyText(p.span));
    }
    w_.EndObject();
  }

  void Actor(const ActorMention& m) {
    if (m.span.end == 0 && m.actor.empty()) {
      w_.Null();
      return;
    }
    w_.StartObject();
    Key("code");
    Str(m.actor.Code());
    Key("country");
    Str(m.actor.country);
    Key("end");
    w_.Uint64(map_.End(m.span));
    if (!m.actor.organization.empty()) {
      Key("organisation");
      Str(m.actor.organization);
    }
    if (!m.person.empty()) {
      Key("person");
      Str(m.person);
    }
    Key("region");
    Str(m.actor.region);
    Key("rules");
    Strings(m.rules);
    Key("sectors");
    Strings(m.actor.sectors);
    Key("start");
    w_.Uint64(map_.Start(m.span));
    Key("text");
    Str(BodyText(m.span));
    w_.EndObject();
  }

  void Date(const DateMention& d) {
    const bool has_span = d.span.end > d.span.start;
    w_.StartObject();
    if (has_span) {
      Key("end");
      w_.Uint64(map_.End(d.span));
    }
    if (d.value) {
      Key("precision");
      Str(PrecisionName(d.value->precision()));
    }
    if (!d.relative.empty()) {
      Key("relative");
      Str(d.relative);
    }
    if (has_span) {
      Key("start");
      w_.Uint64(map_.Start(d.span));
      Key("text");
      Str(BodyText(d.span));
    }
    if (d.value) {
      Key("value");
      Str(d.value->ToIso());
    }
    if (d.year_hint) {
      Key("year");
      w_.Int(*d.year_hint);
    }
    w_.EndObject();
  }

  void EventObject(const Event& e) {
    w_.StartObject();
    Key("acled");
    w_.StartObject();
    Key("event_type");
    Str(AcledEventTypeName(e.acled.event_type));
    Key("sub_event_type");
    Str(AcledSubEventTypeName(e.acled.sub_event_type));
    w_.EndObject();
    Key("arrested");
    OptionalInt(e.arrested);
    Key("cameo");
    Str(e.cameo);
    Key("cameo_name");
    Str(e.cameo_name);
    Key("crowd_size");
    OptionalInt(e.crowd_size);
    Key("date");
    if (e.date) {
      Date(*e.date);
    } else {
      w_.Null();
    }
    Key("evidence");
    SpanObject(e.evidence);
    Key("fatalities");
    OptionalInt(e.fatalities);
    Key("injured");
    OptionalInt(e.injured);
    Key("modality");
    Str(ModalityName(e.modality));
    Key("negated");
    w_.Bool(e.negated);
    Key("place");
    if (e.place) {
      Place(*e.place);
    } else {
      w_.Null();
    }
    Key("plover");
    Str(PloverName(e.plover));
    Key("rules");
    Strings(e.rules);
    Key("source");
    Actor(e.source);
    Key("target");
    Actor(e.target);
    Key("trigger");
    Str(e.trigger);
    w_.EndObject();
  }

  Writer& w_;
  const CodedArticle& c_;
  std::string_view body_;
  OffsetMapper map_;
};

}  // namespace

std::string ArticleRecordJsonLine(const CodedArticle& c, int indent) {
  // One buffer per thread, cleared (its capacity kept) for each record: grown
  // anew for every record it was reallocated and copied ten times over. It
  // holds as much as the thread's largest record, which the body limit bounds.
  thread_local rapidjson::StringBuffer buffer;
  buffer.Clear();
  if (indent >= 0) {
    IndentedWriter w(buffer);
    w.SetIndent(' ', static_cast<unsigned>(indent));
    RecordWriter(w, c).Record();
  } else {
    CompactWriter w(buffer);
    RecordWriter(w, c).Record();
  }
  return std::string(buffer.GetString(), buffer.GetSize());
}

json ArticleRecord(const CodedArticle& c) {
  return json::parse(ArticleRecordJsonLine(c, -1));
}

json StoredEventJson(const StoredEvent& e) {
  const auto opt_str = [](const std::string& s) {
    return s.empty() ? json(nullptr) : json(s);
  };
  json j;
  j["article_id"] = e.article_id;
  j["url"] = opt_str(e.url);
  j["title"] = e.title;
  j["published"] = opt_str(e.published);
  j["cameo"] = e.cameo;
  j["cameo_name"] = e.cameo_name;
  j["plover"] = PloverName(e.plover);
  j["acled"] = {
      {"event_type", AcledEventTypeName(e.acled_event_type)},
      {"sub_event_type", AcledSubEventTypeName(e.acled_sub_event_type)}};
  j["source"] = {{"text", e.source_text},
                 {"code", e.source_code},
                 {"country", e.source_country},
                 {"region", e.source_region}};
  j["target"] = {{"text", e.target_text},
                 {"code", e.target_code},
                 {"country", e.target_country},
                 {"region", e.target_region}};
  j["date"] = {
      {"value", opt_str(e.date)},
      {"precision", e.date_precision ? json(PrecisionName(*e.date_precision))
                                     : json(nullptr)},
      {"relative", opt_str(e.date_relative)}};
  j["place"] = {{"name", opt_str(e.place_name)},
                {"country", opt_str(e.place_country)},
                {"precision", e.place_precision
                                  ? json(PlacePrecisionName(*e.place_precision))
                                  : json(nullptr)},
                {"lat", e.lat ? json(*e.lat) : json(nullptr)},
                {"lon", e.lon ? json(*e.lon) : json(nullptr)}};
  j["fatalities"] = e.fatalities ? json(*e.fatalities) : json(nullptr);
  j["injured"] = e.injured ? json(*e.injured) : json(nullptr);
  j["arrested"] = e.arrested ? json(*e.arrested) : json(nullptr);
  j["crowd_size"] = e.crowd_size ? json(*e.crowd_size) : json(nullptr);
  j["negated"] = e.negated;
  j["modality"] = ModalityName(e.modality);
  j["evidence"] = e.evidence;
  j["rules"] = e.rules;
  // The event this report is one of (reports of one event across articles).
  j["group"] = {{"id", e.group_id},
                {"reports", e.group_reports},
                {"articles", e.group_articles},
                {"sources", e.group_sources}};
  return j;
}

namespace {

std::string Clip(std::string s, size_t width) {
  // Cut on a code point boundary and mark the cut.
  size_t cps = 0, pos = 0, cut = std::string::npos;
  while (pos < s.size()) {
    if (cps == width - 1 && cut == std::string::npos) cut = pos;
    DecodeUtf8(s, &pos);
    ++cps;
  }
  if (cps <= width) return s + std::string(width - cps, ' ');
  s.resize(cut);
  return s + "\xE2\x80\xA6";
}

std::string DateCell(const StoredEvent& e) {
  if (!e.date.empty()) return e.date;
  if (!e.published.empty()) return e.published + "*";
  return "?";
}

std::vector<std::string> Row(const StoredEvent& e) {
  return {DateCell(e),
          PloverName(e.plover),
          e.cameo,
          std::to_string(e.group_reports),
          e.source_code.empty() ? "-" : e.source_code,
          e.target_code.empty() ? "-" : e.target_code,
          e.place_name.empty() ? "-" : e.place_name,
          e.article_id,
          e.evidence};
}

}  // namespace

void PrintEventTable(const std::vector<StoredEvent>& events,
                     std::ostream& out) {
  // REPORTS: how many reports (across articles) tell of the event this row
  // reports.
  const std::vector<std::string> header = {"DATE",    "PLOVER",  "CAMEO",
                                           "REPORTS", "SOURCE",  "TARGET",
                                           "PLACE",   "ARTICLE", "EVIDENCE"};
  const std::vector<size_t> width = {11, 11, 5, 7, 12, 12, 14, 16, 60};
  const auto print = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      out << (i + 1 < cells.size() ? Clip(cells[i], width[i]) + "  "
                                   : cells[i].substr(0, 4 * width[i]));
    }
    out << '\n';
  };
  print(header);
  for (const StoredEvent& e : events) print(Row(e));
  out << events.size() << " event(s)\n";
}

namespace {

// Quotes line N of a data file for a rule such as "actors/agents.txt:30
// minister". Files are read once per explanation.
class RuleQuoter {
 public:
  explicit RuleQuoter(std::string data_dir) : data_dir_(std::move(data_dir)) {}
  std::string Quote(const std::string& rule) {
    if (rule.rfind("rule:", 0) == 0) return "";
    const size_t colon = rule.find(':');
    const size_t space = rule.find(' ', colon == std::string::npos ? 0 : colon);
    if (colon == std::string::npos) return "";
    const std::string file = rule.substr(0, colon);
    int line = 0;
    try {
      line = std::stoi(rule.substr(colon + 1, space - colon - 1));
    } catch (...) {
      return "";
    }
    auto it = files_.find(file);
    if (it == files_.end()) {
      std::vector<std::string> lines;
      std::ifstream in(data_dir_ + "/" + file);
      for (std::string l; std::getline(in, l);) lines.push_back(l);
      it = files_.emplace(file, std::move(lines)).first;
    }
    if (line < 1 || static_cast<size_t>(line) > it->second.size()) return "";
    std::string text = it->second[static_cast<size_t>(line) - 1];
    if (text.size() > 160) text = text.substr(0, 157) + "...";
    return text;
  }

 private:
  std::string data_dir_;
  std::map<std::string, std::vector<std::string>> files_;
};

void ExplainRules(const std::vector<std::string>& rules, RuleQuoter& quoter,
                  std::ostream& out) {
  for (const std::string& r : rules) {
    out << "      " << r << "\n";
    const std::string quoted = quoter.Quote(r);
    if (!quoted.empty()) out << "        > " << quoted << "\n";
  }
}

void ExplainActor(const char* role, const ActorMention& m, RuleQuoter& quoter,
                  std::ostream& out) {
  if (m.actor.empty() && m.text.empty()) {
    out << "    " << role << ": none\n";
    return;
  }
  out << "    " << role << ": \"" << m.text << "\" -> " << m.actor.Code();
  if (!m.actor.region.empty()) out << " (" << m.actor.region << ")";
  if (!m.person.empty()) out << ", person " << m.person;
  out << "\n";
  ExplainRules(m.rules, quoter, out);
}

}  // namespace

void PrintExplanation(const CodedArticle& c, const std::string& data_dir,
                      std::ostream& out) {
  RuleQuoter quoter(data_dir);
  out << c.document.id << ": \"" << c.article.title << "\", " << c.events.size()
      << " event(s)";
  if (c.event_label != AcledSubEventType::kNone)
    out << ", mainly " << CaseLabelName(c.event_label);
  out << "\n";
  for (size_t i = 0; i < c.events.size(); ++i) {
    const Event& e = c.events[i];
    out << "\n[" << i + 1 << "] " << e.cameo << " " << e.cameo_name
        << " / PLOVER " << PloverName(e.plover);
    if (e.acled.event_type != AcledEventType::kNone)
      out << " / ACLED " << AcledEventTypeName(e.acled.event_type) << ": "
          << AcledSubEventTypeName(e.acled.sub_event_type);
    out << "\n    sentence: "
        << c.article.body.substr(e.evidence.start,
                                 e.evidence.end - e.evidence.start)
        << "\n";
    out << "    trigger: \"" << e.trigger << "\"";
    if (e.negated) out << ", negated";
    if (e.modality != Modality::kAsserted)
      out << ", " << ModalityName(e.modality);
    if (e.fatalities) out << ", " << *e.fatalities << " killed";
    if (e.injured) out << ", " << *e.injured << " injured";
    if (e.arrested) out << ", " << *e.arrested << " arrested";
    if (e.crowd_size) out << ", crowd of " << *e.crowd_size;
    out << "\n";
    ExplainRules(e.rules, quoter, out);
    ExplainActor("source", e.source, quoter, out);
    ExplainActor("target", e.target, quoter, out);
    if (e.date) {
      out << "    when: "
          << (e.date->value ? e.date->value->ToIso() : e.date->relative);
      if (!e.date->text.empty()) out << " (\"" << e.date->text << "\")";
      out << "\n";
    }
    if (e.place)
      out << "    where: " << e.place->name << ", " << e.place->country << " ("
          << PlacePrecisionName(e.place->precision) << ")\n";
  }
}

std::string DelimitedField(std::string_view value, char separator) {
  std::string s(value);
  if (separator == '\t') {
    for (char& c : s)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return s;
  }
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void PrintEventDelimited(const std::vector<StoredEvent>& events, char sep,
                         std::ostream& out) {
  const auto cell = [&](const std::string& v) {
    return DelimitedField(v, sep);
  };
  const std::vector<std::string> header = {"article_id",
                                           "url",
                                           "published",
                                           "date",
                                           "date_precision",
                                           "cameo",
                                           "plover",
                                           "acled_event_type",
                                           "acled_sub_event_type",
                                           "source_text",
                                           "source_code",
                                           "source_country",
                                           "target_text",
                                           "target_code",
                                           "target_country",
                                           "place_name",
                                           "place_country",
                                           "lat",
                                           "lon",
                                           "fatalities",
                                           "injured",
                                           "arrested",
                                           "crowd_size",
                                           "negated",
                                           "modality",
                                           "evidence",
                                           "group_id",
                                           "group_reports",
                                           "group_articles",
                                           "group_sources"};
  for (size_t i = 0; i < header.size(); ++i)
    out << (i ? std::string(1, sep) : "") << header[i];
  out << '\n';
  for (const StoredEvent& e : events) {
    const auto count = [](const std::optional<int>& v) {
      return v ? std::to_string(*v) : std::string();
    };
    const auto num = [](const std::optional<double>& v) {
      if (!v) return std::string();
      std::ostringstream s;
      s << std::setprecision(7) << *v;
      return s.str();
    };
    const std::vector<std::string> cells = {
        e.article_id,
        e.url,
        e.published,
        e.date,
        e.date_precision ? PrecisionName(*e.date_precision) : "",
        e.cameo,
        PloverName(e.plover),
        AcledEventTypeName(e.acled_event_type),
        AcledSubEventTypeName(e.acled_sub_event_type),
        e.source_text,
        e.source_code,
        e.source_country,
        e.target_text,
        e.target_code,
        e.target_country,
        e.place_name,
        e.place_country,
        num(e.lat),
        num(e.lon),
        count(e.fatalities),
        count(e.injured),
        count(e.arrested),
        count(e.crowd_size),
        e.negated ? "true" : "false",
        ModalityName(e.modality),
        e.evidence,
        std::to_string(e.group_id),
        std::to_string(e.group_reports),
        std::to_string(e.group_articles),
        std::to_string(e.group_sources)};
    for (size_t i = 0; i < cells.size(); ++i)
      out << (i ? std::string(1, sep) : "") << cell(cells[i]);
    out << '\n';
  }
}

}  // namespace dateline
