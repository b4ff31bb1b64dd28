#include "serve/serve.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <map>

#include "core/utf8.h"

namespace dateline {

namespace {

using nlohmann::json;

// Converts body byte offsets to code point offsets into the document content.
class OffsetMapper {
 public:
  explicit OffsetMapper(const CodedArticle& c) : article_(c.article), index_(c.document.content) {}
  size_t FromBody(size_t body_offset) const { return index_.ToCodepoint(article_.ToInputOffset(body_offset)); }
  size_t FromInput(size_t input_offset) const { return index_.ToCodepoint(input_offset); }
  json BodySpan(const Span& s, std::string_view body) const {
    json j;
    j["text"] = std::string(body.substr(s.start, s.end - s.start));
    j["start"] = FromBody(s.start);
    // The end maps through its last byte so that a span never runs into a separator.
    j["end"] = s.end > s.start ? FromBody(s.end - 1) + 1 : FromBody(s.start);
    return j;
  }

 private:
  const Article& article_;
  CodepointIndex index_;
};

json OptionalDate(const std::optional<PartialDate>& d) { return d ? json(d->ToIso()) : json(nullptr); }

json Rounded(double v) { return std::round(v * 1e5) / 1e5; }

json PlaceJson(const PlaceMention& p, const OffsetMapper& map, std::string_view body) {
  json j;
  j["name"] = p.name;
  j["country"] = p.country;
  if (!p.admin1.empty()) j["admin1"] = p.admin1;
  j["lat"] = Rounded(p.lat);
  j["lon"] = Rounded(p.lon);
  j["precision"] = p.precision;
  if (p.geonameid) j["geonameid"] = p.geonameid;
  if (p.from_dateline) {
    j["from_dateline"] = true;
  } else {
    json span = map.BodySpan(p.span, body);
    j["text"] = span["text"];
    j["start"] = span["start"];
    j["end"] = span["end"];
  }
  return j;
}

json ActorJson(const ActorMention& m, const OffsetMapper& map, std::string_view body) {
  if (m.span.end == 0 && m.actor.empty()) return nullptr;
  json j = map.BodySpan(m.span, body);
  j["code"] = m.actor.Code();
  j["country"] = m.actor.country;
  j["sectors"] = m.actor.sectors;
  j["region"] = m.actor.region;
  if (!m.actor.organisation.empty()) j["organisation"] = m.actor.organisation;
  if (!m.person.empty()) j["person"] = m.person;
  j["rules"] = m.rules;
  return j;
}

json DateJson(const DateMention& d, const OffsetMapper& map, std::string_view body) {
  json j;
  if (d.value) {
    j["value"] = d.value->ToIso();
    j["precision"] = PrecisionName(d.value->precision());
  }
  if (!d.relative.empty()) j["relative"] = d.relative;
  if (d.year_hint) j["year"] = *d.year_hint;
  if (d.span.end > d.span.start) {
    json span = map.BodySpan(d.span, body);
    j["text"] = span["text"];
    j["start"] = span["start"];
    j["end"] = span["end"];
  }
  return j;
}

}  // namespace

json ArticleRecord(const CodedArticle& c) {
  const Article& a = c.article;
  const OffsetMapper map(c);
  json rec;
  rec["format"] = "dateline.article/1";
  rec["id"] = c.document.id;
  rec["url"] = c.document.url.empty() ? (a.canonical_url.empty() ? json(nullptr) : json(a.canonical_url))
                                      : json(c.document.url);
  rec["input"] = c.document.input;
  rec["input_kind"] = InputKindName(c.document.kind);
  json art;
  art["title"] = a.title;
  art["section"] = a.section;
  art["authors"] = a.authors;
  art["dateline"] = a.dateline;
  art["published"] = OptionalDate(a.published);
  if (!a.published_source.empty()) art["published_source"] = a.published_source;
  if (a.copyright_year) art["copyright_year"] = *a.copyright_year;
  art["language"] = a.language;
  art["tags"] = a.tags;
  art["body"] = a.body;
  json paragraphs = json::array();
  for (const Paragraph& p : a.paragraphs) {
    paragraphs.push_back({{"text", p.text}, {"start", map.FromInput(p.start)}, {"end", map.FromInput(p.end)}});
  }
  art["paragraphs"] = std::move(paragraphs);
  rec["article"] = std::move(art);

  json places = json::array();
  for (const PlaceMention& p : c.places) places.push_back(PlaceJson(p, map, a.body));
  rec["places"] = std::move(places);
  json dates = json::array();
  for (const DateMention& d : c.dates) dates.push_back(DateJson(d, map, a.body));
  rec["dates"] = std::move(dates);
  json actors = json::array();
  for (const ActorMention& m : c.actors) actors.push_back(ActorJson(m, map, a.body));
  rec["actors"] = std::move(actors);

  json events = json::array();
  for (const Event& e : c.events) {
    json j;
    j["cameo"] = e.cameo;
    j["cameo_name"] = e.cameo_name;
    j["plover"] = e.plover;
    j["acled"] = {{"event_type", e.acled.event_type}, {"sub_event_type", e.acled.sub_event_type}};
    j["source"] = ActorJson(e.source, map, a.body);
    j["target"] = ActorJson(e.target, map, a.body);
    j["date"] = e.date ? DateJson(*e.date, map, a.body) : json(nullptr);
    j["place"] = e.place ? PlaceJson(*e.place, map, a.body) : json(nullptr);
    j["fatalities"] = e.fatalities ? json(*e.fatalities) : json(nullptr);
    j["injured"] = e.injured ? json(*e.injured) : json(nullptr);
    j["arrested"] = e.arrested ? json(*e.arrested) : json(nullptr);
    j["crowd_size"] = e.crowd_size ? json(*e.crowd_size) : json(nullptr);
    j["negated"] = e.negated;
    j["modality"] = e.modality;
    j["trigger"] = e.trigger;
    j["evidence"] = map.BodySpan(e.evidence, a.body);
    j["rules"] = e.rules;
    events.push_back(std::move(j));
  }
  rec["events"] = std::move(events);
  rec["sentences"] = c.sentence_count;
  rec["event_label"] = c.event_label;
  if (!c.warnings.empty()) rec["warnings"] = c.warnings;
  return rec;
}

json StoredEventJson(const StoredEvent& e) {
  const auto opt_str = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  json j;
  j["article_id"] = e.article_id;
  j["url"] = opt_str(e.url);
  j["title"] = e.title;
  j["published"] = opt_str(e.published);
  j["cameo"] = e.cameo;
  j["cameo_name"] = e.cameo_name;
  j["plover"] = e.plover;
  j["acled"] = {{"event_type", e.acled_event_type}, {"sub_event_type", e.acled_sub_event_type}};
  j["source"] = {{"text", e.source_text}, {"code", e.source_code}, {"country", e.source_country}, {"region", e.source_region}};
  j["target"] = {{"text", e.target_text}, {"code", e.target_code}, {"country", e.target_country}, {"region", e.target_region}};
  j["date"] = {{"value", opt_str(e.date)}, {"precision", opt_str(e.date_precision)}, {"relative", opt_str(e.date_relative)}};
  j["place"] = {{"name", opt_str(e.place_name)}, {"country", opt_str(e.place_country)},
                {"precision", opt_str(e.place_precision)},
                {"lat", e.lat ? json(*e.lat) : json(nullptr)}, {"lon", e.lon ? json(*e.lon) : json(nullptr)}};
  j["fatalities"] = e.fatalities ? json(*e.fatalities) : json(nullptr);
  j["injured"] = e.injured ? json(*e.injured) : json(nullptr);
  j["arrested"] = e.arrested ? json(*e.arrested) : json(nullptr);
  j["crowd_size"] = e.crowd_size ? json(*e.crowd_size) : json(nullptr);
  j["negated"] = e.negated;
  j["modality"] = e.modality;
  j["evidence"] = e.evidence;
  j["rules"] = e.rules;
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
          e.plover,
          e.cameo,
          e.source_code.empty() ? "-" : e.source_code,
          e.target_code.empty() ? "-" : e.target_code,
          e.place_name.empty() ? "-" : e.place_name,
          e.article_id,
          e.evidence};
}

}  // namespace

void PrintEventTable(const std::vector<StoredEvent>& events, std::ostream& out) {
  const std::vector<std::string> header = {"DATE", "PLOVER", "CAMEO", "SOURCE", "TARGET", "PLACE", "ARTICLE", "EVIDENCE"};
  const std::vector<size_t> width = {11, 11, 5, 12, 12, 14, 16, 60};
  const auto print = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      out << (i + 1 < cells.size() ? Clip(cells[i], width[i]) + "  " : cells[i].substr(0, 4 * width[i]));
    }
    out << '\n';
  };
  print(header);
  for (const StoredEvent& e : events) print(Row(e));
  out << events.size() << " event(s)\n";
}

namespace {

// Quotes line N of a data file for a rule such as "actors/agents.txt:30 minister".
// Files are read once per explanation.
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

void ExplainRules(const std::vector<std::string>& rules, RuleQuoter& quoter, std::ostream& out) {
  for (const std::string& r : rules) {
    out << "      " << r << "\n";
    const std::string quoted = quoter.Quote(r);
    if (!quoted.empty()) out << "        > " << quoted << "\n";
  }
}

void ExplainActor(const char* role, const ActorMention& m, RuleQuoter& quoter, std::ostream& out) {
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

void PrintExplanation(const CodedArticle& c, const std::string& data_dir, std::ostream& out) {
  RuleQuoter quoter(data_dir);
  out << c.document.id << ": \"" << c.article.title << "\", " << c.events.size() << " event(s)";
  if (!c.event_label.empty()) out << ", mainly " << c.event_label;
  out << "\n";
  for (size_t i = 0; i < c.events.size(); ++i) {
    const Event& e = c.events[i];
    out << "\n[" << i + 1 << "] " << e.cameo << " " << e.cameo_name << " / PLOVER " << e.plover;
    if (!e.acled.event_type.empty()) out << " / ACLED " << e.acled.event_type << ": " << e.acled.sub_event_type;
    out << "\n    sentence: " << c.article.body.substr(e.evidence.start, e.evidence.end - e.evidence.start) << "\n";
    out << "    trigger: \"" << e.trigger << "\"";
    if (e.negated) out << ", negated";
    if (e.modality != "asserted") out << ", " << e.modality;
    if (e.fatalities) out << ", " << *e.fatalities << " killed";
    if (e.injured) out << ", " << *e.injured << " injured";
    if (e.arrested) out << ", " << *e.arrested << " arrested";
    if (e.crowd_size) out << ", crowd of " << *e.crowd_size;
    out << "\n";
    ExplainRules(e.rules, quoter, out);
    ExplainActor("source", e.source, quoter, out);
    ExplainActor("target", e.target, quoter, out);
    if (e.date) {
      out << "    when: " << (e.date->value ? e.date->value->ToIso() : e.date->relative);
      if (!e.date->text.empty()) out << " (\"" << e.date->text << "\")";
      out << "\n";
    }
    if (e.place) out << "    where: " << e.place->name << ", " << e.place->country << " (" << e.place->precision << ")\n";
  }
}

void PrintEventDelimited(const std::vector<StoredEvent>& events, char sep, std::ostream& out) {
  const auto cell = [&](const std::string& v) {
    if (sep == '\t') {
      std::string s = v;
      std::replace(s.begin(), s.end(), '\t', ' ');
      std::replace(s.begin(), s.end(), '\n', ' ');
      return s;
    }
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string s = "\"";
    for (char c : v) {
      if (c == '"') s += '"';
      s += c;
    }
    return s + "\"";
  };
  const std::vector<std::string> header = {
      "article_id", "url", "published", "date", "date_precision", "cameo", "plover", "acled_event_type",
      "acled_sub_event_type", "source_text", "source_code", "source_country", "target_text", "target_code",
      "target_country", "place_name", "place_country", "lat", "lon", "fatalities", "injured", "arrested", "crowd_size", "negated", "modality",
      "evidence"};
  for (size_t i = 0; i < header.size(); ++i) out << (i ? std::string(1, sep) : "") << header[i];
  out << '\n';
  for (const StoredEvent& e : events) {
    const auto count = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); };
    const auto num = [](const std::optional<double>& v) {
      if (!v) return std::string();
      std::ostringstream s;
      s << std::setprecision(7) << *v;
      return s.str();
    };
    const std::vector<std::string> cells = {
        e.article_id, e.url, e.published, e.date, e.date_precision, e.cameo, e.plover, e.acled_event_type,
        e.acled_sub_event_type, e.source_text, e.source_code, e.source_country, e.target_text, e.target_code,
        e.target_country, e.place_name, e.place_country, num(e.lat), num(e.lon),
        count(e.fatalities), count(e.injured), count(e.arrested), count(e.crowd_size), e.negated ? "true" : "false",
        e.modality, e.evidence};
    for (size_t i = 0; i < cells.size(); ++i) out << (i ? std::string(1, sep) : "") << cell(cells[i]);
    out << '\n';
  }
}

}  // namespace dateline
