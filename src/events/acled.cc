// ACLED typing by decision table. Knowledge lives in two data files:
//   data/events/acled.txt        the ACLED types and the CASE 2021 labels
//   mapped onto them data/events/acled_rules.txt  participant kinds (`who`),
//   attributes a sentence states
//                                (`means`: weapons, tactics, outcomes, incident
//                                kinds) and the ordered decision rules (`rule`)
// (formats at the top of each file).
//
// Events first, labels from events: each coded event is typed by the first rule
// whose conditions hold for it (its CAMEO code or incident kind, its
// participants' sectors, the attributes of its own sentence), so a word
// elsewhere in the report never types an event. A report's label is the label
// of its main event (LabelText, below). There are no weights and nothing
// fitted: rule order is the codebook's precedence.
#include <algorithm>
#include <cassert>
#include <iterator>
#include <map>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/string_hash.h"
#include "core/table_file.h"
#include "events/events.h"

namespace dateline {

namespace {

constexpr size_t kMaxGap = 4;  // tokens a "..." in a phrase may skip

struct Element {
  bool gap = false;
  std::vector<std::string> keys;  // alternatives
};

struct Phrase {
  std::vector<Element> elements;
  size_t means = 0;  // the attribute it states
  std::string text;  // as written in the file
  std::string where;
};

// A value of an event or with condition, read once from its text: "*",
// "incident", "incident:SUB-TYPE", a CAMEO code prefix (digits) or a PLOVER
// category. Rules are tested against every event, so the text is not compared
// at each test.
struct EventValue {
  enum Kind { kAny, kIncident, kIncidentOf, kCameoPrefix, kPlover } kind = kAny;
  std::string text;  // as written after "incident:" (kIncidentOf), the digits
                     // (kCameoPrefix) or the category (kPlover)
  Plover plover = Plover::kNone;                     // kPlover
  AcledSubEventType sub = AcledSubEventType::kNone;  // kIncidentOf

  // Nullopt for a word that is none of these (an unknown PLOVER category, or
  // sub-event type of "Other").
  static std::optional<EventValue> Parse(const std::string& value);
};

struct Condition {
  enum Kind {
    kEvent,
    kWith,
    kMeans,
    kSource,
    kTarget,
    kFatalities
  } kind = kEvent;
  bool negated = false;
  std::vector<std::string>
      values;  // as written: codes/categories, or kinds (kSource/kTarget)
  std::vector<uint32_t>
      event_ids;  // kEvent, kWith: the values read, as indices in Impl::values
  std::vector<size_t> means;  // kMeans
};

struct Rule {
  // "=" in the file: the event keeps its codebook mapping (cameo.txt), and its
  // label is that type's. Otherwise `type` is the type of the row's label.
  bool keeps_codebook_type = false;
  AcledType type;
  std::vector<Condition> conditions;
  std::string where;   // "events/acled_rules.txt:12"
  std::string source;  // the codebook section

  // The label the row gives `e` (kNone: none), as the sub-event type that
  // stands for it (CaseLabelName).
  AcledSubEventType LabelOf(const Event& e) const {
    return keeps_codebook_type ? e.acled.sub_event_type : type.sub_event_type;
  }
};

bool IsDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return c >= '0' && c <= '9';
  });
}

std::optional<EventValue> EventValue::Parse(const std::string& value) {
  if (value == "*") return EventValue{kAny, "", Plover::kNone};
  if (value == "incident") return EventValue{kIncident, "", Plover::kNone};
  if (value.rfind("incident:", 0) == 0) {
    const std::optional<AcledSubEventType> sub =
        ParseAcledSubEventType(value.substr(9));
    if (!sub || AcledEventTypeOf(*sub) != AcledEventType::kOther)
      return std::nullopt;
    return EventValue{kIncidentOf, value.substr(9), Plover::kNone, *sub};
  }
  if (IsDigits(value)) return EventValue{kCameoPrefix, value, Plover::kNone};
  const std::optional<Plover> plover = ParsePlover(value);
  if (!plover || *plover == Plover::kNone) return std::nullopt;
  return EventValue{kPlover, value, *plover};
}

// The attributes one sentence states, with the phrase that first stated each.
struct SentenceMeans {
  std::vector<const Phrase*> by_means;  // null: not stated
  bool deaths = false;  // an event of the sentence states deaths
  std::vector<const Event*>
      events;  // the sentence's asserted, non-negated events
};

// What EventIs answers for the events of one article, asked once per event and
// value: the rules ask the same few values of every event, and of the other
// events of its sentence, and each answer compares strings. Events are indices
// into the article's event vector.
class EventTests {
 public:
  EventTests(const std::vector<Event>& events, size_t values)
      : first_(events.data()),
        count_(events.size()),
        values_(values),
        answers_(count_ * values_, kUnknown) {}
  // The remembered answer for `e`, one of the article's events, and value `id`,
  // or kUnknown.
  static constexpr uint8_t kUnknown = 0, kNo = 1, kYes = 2;
  uint8_t& Answer(const Event& e, uint32_t id) {
    const size_t i = static_cast<size_t>(&e - first_);
    assert(i < count_);
    return answers_[i * values_ + id];
  }

 private:
  const Event* first_;
  size_t count_, values_;
  std::vector<uint8_t> answers_;
};

// The events of each sentence that has any, in their order.
std::map<size_t, std::vector<const Event*>> EventsBySentence(
    const std::vector<Event>& events) {
  std::map<size_t, std::vector<const Event*>> out;
  for (const Event& e : events) out[e.sentence].push_back(&e);
  return out;
}

bool EndsWith(std::string_view word, std::string_view end) {
  return word.size() > end.size() + 1 &&
         word.substr(word.size() - end.size()) == end;
}

// The token the event's trigger starts at, when it lies in the event's
// sentence, or SIZE_MAX.
size_t TriggerToken(const AnalyzedText& a, const Event& e) {
  if (e.sentence >= a.sentences.size()) return SIZE_MAX;
  const Sentence& s = a.sentences[e.sentence];
  return e.trigger_token >= s.first_token && e.trigger_token < s.last_token
             ? e.trigger_token
             : SIZE_MAX;
}

// Whether the event's trigger opens a participial adjunct: an -ing verb right
// after a comma, or after a comma and an -ly adverb ("..., killing 56 people",
// "..., blaming government forces", "..., reportedly destroying depots"). Such
// a clause tells how the main clause's act went or what was said of it; it is
// not the report's act.
bool IsParticipialAdjunct(const AnalyzedText& a, const Event& e) {
  const size_t t = TriggerToken(a, e);
  if (t == SIZE_MAX || !EndsWith(a.tokens[t].norm, "ing")) return false;
  const Sentence& s = a.sentences[e.sentence];
  size_t before = t;
  if (before > s.first_token && EndsWith(a.tokens[before - 1].norm, "ly"))
    --before;
  return before > s.first_token && a.tokens[before - 1].norm == ",";
}

// Whether the event is named by a noun phrase governed by a preposition of
// time, cause or concession ("after earlier attacks", "despite the truce",
// "following the protests", "over the poisoning", "amid clashes"): an event the
// sentence's own act follows, answers or defies, not the act itself. The
// trigger must read as a noun (its base form, a plural or a gerund; not a past
// tense, which opens a clause of its own: "after protesters threw stones"), at
// most three words after the preposition.
bool IsPrepositionalBackground(const AnalyzedText& a, const Event& e) {
  static const std::string_view kPrepositions[] = {
      "after",  "following", "despite", "amid",
      "amidst", "since",     "before",  "over"};
  const size_t t = TriggerToken(a, e);
  if (t == SIZE_MAX) return false;
  const Token& trigger = a.tokens[t];
  if (trigger.norm != trigger.lemma && !EndsWith(trigger.norm, "s") &&
      !EndsWith(trigger.norm, "ing"))
    return false;
  const Sentence& s = a.sentences[e.sentence];
  for (size_t k = t; k-- > s.first_token && t - k <= 4;) {
    const Token& tok = a.tokens[k];
    if (tok.kind != TokenKind::kWord) return false;
    if (std::find(std::begin(kPrepositions), std::end(kPrepositions),
                  tok.norm) != std::end(kPrepositions))
      return true;
  }
  return false;
}

}  // namespace

struct AcledClassifier::Impl {
  std::vector<std::string> means_names;
  std::map<std::string, std::vector<std::string>> who;  // kind -> sectors
  std::vector<Phrase> phrases;
  std::unordered_map<std::string, std::vector<size_t>, StringHash,
                     std::equal_to<>>
      by_first_key;  // first key -> phrases
  std::vector<Rule> rules;
  // Rows for a report that codes no labelled event: conditions on the
  // attributes its sentences state only (see "fallback" in acled_rules.txt).
  std::vector<Rule> fallbacks;
  // Every distinct event value of the rules' event and with conditions
  // (Condition::event_ids).
  std::vector<EventValue> values;

  bool MatchAt(const Phrase& p, size_t e, const AnalyzedText& a, size_t t,
               size_t end) const {
    if (e == p.elements.size()) return true;
    const Element& el = p.elements[e];
    if (el.gap) {
      for (size_t k = 0; k <= kMaxGap && t + k <= end; ++k) {
        if (MatchAt(p, e + 1, a, t + k, end)) return true;
      }
      return false;
    }
    if (t >= end) return false;
    if (std::find(el.keys.begin(), el.keys.end(), a.tokens[t].key) ==
        el.keys.end())
      return false;
    return MatchAt(p, e + 1, a, t + 1, end);
  }

  // `events` are the events of sentence `s` (EventsBySentence).
  SentenceMeans Means(const AnalyzedText& a, size_t s,
                      const std::vector<const Event*>& events) const {
    SentenceMeans out;
    std::vector<Span>
        dates;  // "On 3 March 2021": words of a date state no attribute
    for (const Event* event : events) {
      const Event& e = *event;
      if (e.date && e.date->span.end > e.date->span.start)
        dates.push_back(e.date->span);
      if (e.negated) continue;
      out.deaths |= e.fatalities.value_or(0) > 0;
      if (e.modality == Modality::kAsserted) out.events.push_back(&e);
    }
    out.by_means.assign(means_names.size(), nullptr);
    if (s >= a.sentences.size()) return out;
    const Sentence& sent = a.sentences[s];
    for (size_t t = sent.first_token; t < sent.last_token; ++t) {
      const Token& tok = a.tokens[t];
      if (std::any_of(dates.begin(), dates.end(), [&](const Span& d) {
            return tok.start >= d.start && tok.end <= d.end;
          }))
        continue;
      auto it = by_first_key.find(tok.key);
      if (it == by_first_key.end()) continue;
      for (size_t pi : it->second) {
        const Phrase& p = phrases[pi];
        if (out.by_means[p.means] == nullptr &&
            MatchAt(p, 0, a, t, sent.last_token))
          out.by_means[p.means] = &p;
      }
    }
    return out;
  }

  bool IsKind(const std::string& kind, const ActorMention& m) const {
    if (kind == "none") return m.text.empty();
    if (kind == "uncoded") return !m.text.empty() && m.actor.empty();
    auto it = who.find(kind);
    if (it == who.end()) return false;
    for (const std::string& sector : m.actor.sectors) {
      if (std::find(it->second.begin(), it->second.end(), sector) !=
          it->second.end())
        return true;
    }
    return false;
  }

  // Out of line: Holds asks through Is, whose answers are remembered per
  // event, so this runs rarely; inlined into Holds' (unrolled) loop over values
  // it made every rule test dearer.
  [[gnu::noinline]] static bool EventIs(const EventValue& value,
                                        const Event& e) {
    const auto incident = [&e] {
      return e.cameo.empty() && e.acled.event_type == AcledEventType::kOther;
    };
    switch (value.kind) {
      case EventValue::kAny:
        return true;
      case EventValue::kIncident:
        return incident();
      case EventValue::kIncidentOf:
        return incident() && e.acled.sub_event_type == value.sub;
      case EventValue::kCameoPrefix:
        return !e.cameo.empty() &&
               e.cameo.compare(0, value.text.size(), value.text) == 0;
      case EventValue::kPlover:
        return e.plover == value.plover;
    }
    return false;
  }

  // EventIs(values[id], e), remembered in `tests` when given.
  bool Is(uint32_t id, const Event& e, EventTests* tests) const {
    if (!tests) return EventIs(values[id], e);
    uint8_t& answer = tests->Answer(e, id);
    if (answer == EventTests::kUnknown)
      answer = EventIs(values[id], e) ? EventTests::kYes : EventTests::kNo;
    return answer == EventTests::kYes;
  }

  bool Holds(const Condition& c, const Event& e, const SentenceMeans& means,
             EventTests* tests = nullptr) const {
    bool any = false;
    switch (c.kind) {
      case Condition::kEvent:
        any = std::any_of(c.event_ids.begin(), c.event_ids.end(),
                          [&](uint32_t id) { return Is(id, e, tests); });
        break;
      case Condition::kWith:
        for (const Event* other : means.events) {
          if (other == &e) continue;
          for (uint32_t id : c.event_ids) any = any || Is(id, *other, tests);
        }
        break;
      case Condition::kMeans:
        for (size_t m : c.means) any = any || means.by_means[m] != nullptr;
        break;
      case Condition::kSource:
        for (const std::string& v : c.values) any = any || IsKind(v, e.source);
        break;
      case Condition::kTarget:
        for (const std::string& v : c.values) any = any || IsKind(v, e.target);
        break;
      case Condition::kFatalities:
        any = means.deaths || (e.fatalities.has_value() && *e.fatalities > 0);
        break;
    }
    return any != c.negated;
  }

  // The index of the first rule that holds for `e`, or rules.size() when none
  // does.
  size_t Decide(const Event& e, const SentenceMeans& means,
                EventTests* tests) const {
    for (size_t r = 0; r < rules.size(); ++r) {
      const Rule& rule = rules[r];
      if (std::all_of(
              rule.conditions.begin(), rule.conditions.end(),
              [&](const Condition& c) { return Holds(c, e, means, tests); }))
        return r;
    }
    return rules.size();
  }

  // Every event's rule (rules.size() when none holds), and the attributes of
  // the sentences that have events. Decided once for both Refine and the
  // report's label.
  struct Decisions {
    std::vector<size_t> rule;
    std::vector<bool>
        subordinate;  // per event: a participial adjunct or background
    std::map<size_t, SentenceMeans> means;  // by sentence
  };
  Decisions DecideAll(const AnalyzedText& a,
                      const std::vector<Event>& events) const {
    Decisions d;
    const std::map<size_t, std::vector<const Event*>> by_sentence =
        EventsBySentence(events);
    EventTests tests(events, values.size());
    for (const Event& e : events) {
      auto m = d.means.find(e.sentence);
      if (m == d.means.end())
        m = d.means
                .emplace(e.sentence,
                         Means(a, e.sentence, by_sentence.at(e.sentence)))
                .first;
      d.rule.push_back(Decide(e, m->second, &tests));
      d.subordinate.push_back(IsParticipialAdjunct(a, e) ||
                              IsPrepositionalBackground(a, e));
    }
    return d;
  }
  AcledSubEventType Label(const AnalyzedText& a,
                          const std::vector<Event>& events,
                          const Decisions& decisions) const;
  // For a report that codes no labelled event: the label of the first fallback
  // row (in file order) that a sentence satisfies, taking sentences in text
  // order; kNone when none does.
  AcledSubEventType FallbackLabel(const AnalyzedText& a,
                                  const std::vector<Event>& events) const;

  Status Load(const std::string& data_dir, const TextAnalyzer& analyzer);
  Status LoadOntology(const std::string& path);
  Status AddPhrases(const TableRecord& r, size_t means,
                    const TextAnalyzer& analyzer);
  Status AddRule(const TableRecord& r, std::vector<Rule>* to);
};

Status AcledClassifier::Impl::AddPhrases(const TableRecord& r, size_t means,
                                         const TextAnalyzer& analyzer) {
  const std::vector<std::string> list = SplitList(r.fields[2]);
  if (list.empty()) return r.MakeError("no phrases");
  for (const std::string& text : list) {
    Phrase p;
    p.means = means;
    p.text = text;
    p.where = r.Where();
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find(' ', pos);
      if (end == std::string::npos) end = text.size();
      const std::string word = text.substr(pos, end - pos);
      pos = end + 1;
      if (word.empty()) continue;
      if (word == "...") {
        if (p.elements.empty() || p.elements.back().gap)
          return r.MakeError("phrase \"" + text +
                             "\": \"...\" must follow a word");
        p.elements.push_back(Element{true, {}});
        continue;
      }
      if (word.find('/') == std::string::npos) {
        // A word the tokenizer splits becomes the same token sequence as in
        // text.
        const AnalyzedText words = analyzer.Tokenize(word);
        for (const Token& t : words.tokens)
          p.elements.push_back(Element{false, {std::string(t.key)}});
        continue;
      }
      Element el;
      size_t a = 0;
      while (a <= word.size()) {
        size_t slash = word.find('/', a);
        if (slash == std::string::npos) slash = word.size();
        const std::string alt = word.substr(a, slash - a);
        a = slash + 1;
        if (alt.empty()) continue;
        const AnalyzedText words = analyzer.Tokenize(alt);
        if (words.tokens.size() != 1)
          return r.MakeError("phrase \"" + text + "\": alternative \"" + alt +
                             "\" is not one word");
        el.keys.emplace_back(words.tokens.front().key);
      }
      if (el.keys.empty())
        return r.MakeError("phrase \"" + text + "\": empty alternative");
      p.elements.push_back(std::move(el));
    }
    if (p.elements.empty())
      return r.MakeError("phrase \"" + text + "\" has no word");
    if (p.elements.back().gap)
      return r.MakeError("phrase \"" + text + "\" ends with \"...\"");
    const size_t id = phrases.size();
    for (const std::string& k : p.elements.front().keys) {
      std::vector<size_t>& for_key = by_first_key[k];
      if (for_key.empty() || for_key.back() != id) for_key.push_back(id);
    }
    phrases.push_back(std::move(p));
  }
  return Status::Ok();
}

Status AcledClassifier::Impl::AddRule(const TableRecord& r,
                                      std::vector<Rule>* to) {
  if (r.fields.size() < 4 || r.fields[3].empty())
    return r.MakeError("a " + r.fields[0] + " line is \"" + r.fields[0] +
                       " | LABEL | conditions | source\"");
  Rule rule;
  rule.keeps_codebook_type = r.fields[1] == "=";
  rule.where = r.Where();
  rule.source = r.fields[3];
  if (!rule.keeps_codebook_type) {
    const std::optional<AcledSubEventType> label = ParseCaseLabel(r.fields[1]);
    if (!label || *label == AcledSubEventType::kNone)
      return r.MakeError("unknown label \"" + r.fields[1] +
                         "\" (see acled.txt case lines, or \"=\")");
    rule.type = AcledType{AcledEventTypeOf(*label), *label};
  }
  for (const std::string& text : SplitList(r.fields[2])) {
    Condition c;
    std::string cond = text;
    if (!cond.empty() && cond[0] == '!') {
      c.negated = true;
      cond = cond.substr(1);
    }
    if (cond == "fatalities") {
      c.kind = Condition::kFatalities;
      rule.conditions.push_back(std::move(c));
      continue;
    }
    const size_t eq = cond.find('=');
    if (eq == std::string::npos || eq + 1 == cond.size())
      return r.MakeError("condition \"" + text +
                         "\" is not NAME=VALUE,... or \"fatalities\"");
    const std::string name = cond.substr(0, eq);
    std::vector<std::string> values;
    for (size_t pos = eq + 1; pos <= cond.size();) {
      size_t comma = cond.find(',', pos);
      if (comma == std::string::npos) comma = cond.size();
      if (comma > pos) values.push_back(cond.substr(pos, comma - pos));
      pos = comma + 1;
    }
    if (name == "event" || name == "with") {
      c.kind = name == "event" ? Condition::kEvent : Condition::kWith;
      for (const std::string& v : values) {
        const std::optional<EventValue> value = EventValue::Parse(v);
        if (!value) {
          return r.MakeError(
              "\"" + v +
              "\" is no event value: \"*\", \"incident\", "
              "\"incident:SUB-TYPE\" (of \"Other\"), CAMEO digits or a PLOVER "
              "category");
        }
        const EventValue& parsed = *value;
        auto known = std::find_if(
            this->values.begin(), this->values.end(), [&](const EventValue& k) {
              return k.kind == parsed.kind && k.text == parsed.text;
            });
        if (known == this->values.end())
          known = this->values.insert(known, parsed);
        c.event_ids.push_back(
            static_cast<uint32_t>(known - this->values.begin()));
      }
    } else if (name == "means") {
      c.kind = Condition::kMeans;
      for (const std::string& v : values) {
        auto it = std::find(means_names.begin(), means_names.end(), v);
        if (it == means_names.end())
          return r.MakeError("unknown means \"" + v +
                             "\" (define it on a means line)");
        c.means.push_back(static_cast<size_t>(it - means_names.begin()));
      }
    } else if (name == "source" || name == "target") {
      c.kind = name == "source" ? Condition::kSource : Condition::kTarget;
      for (const std::string& v : values) {
        if (v != "none" && v != "uncoded" && !who.count(v))
          return r.MakeError("unknown participant kind \"" + v +
                             "\" (a who line, \"none\" or \"uncoded\")");
      }
    } else {
      return r.MakeError(
          "unknown condition \"" + name +
          "\" (event, with, means, source, target or fatalities)");
    }
    c.values = std::move(values);
    rule.conditions.push_back(std::move(c));
  }
  if (rule.conditions.empty())
    return r.MakeError(
        "a rule needs at least one condition (\"event=*\" for any)");
  if (to == &fallbacks) {
    if (rule.keeps_codebook_type)
      return r.MakeError("a fallback line needs a label");
    for (const Condition& c : rule.conditions) {
      if (c.kind != Condition::kMeans)
        return r.MakeError("a fallback line has means conditions only");
    }
  }
  to->push_back(std::move(rule));
  return Status::Ok();
}

// The first value after kNone, up to `last`, that `listed` lacks.
template <typename Enum>
std::optional<Enum> FirstMissing(const std::vector<Enum>& listed, Enum last) {
  for (int i = 1; i <= static_cast<int>(last); ++i) {
    const Enum value = static_cast<Enum>(i);
    if (std::find(listed.begin(), listed.end(), value) == listed.end())
      return value;
  }
  return std::nullopt;
}

// acled.txt's type and subtype lines must name exactly the event and sub-event
// types of core/record.h (AcledEventType, AcledSubEventType), each once and
// each sub-event type under its own event type: the code branches on them, so
// a type the file adds, renames, moves or leaves out is an error, not a type
// that never matches.
Status AcledClassifier::Impl::LoadOntology(const std::string& path) {
  ASSIGN_OR_RETURN(auto records, ReadTableFile(path, 2, 4));
  const auto type_of = [&](const TableRecord& r,
                           const std::string& name) -> Result<AcledEventType> {
    const std::optional<AcledEventType> type = ParseAcledEventType(name);
    if (!type || *type == AcledEventType::kNone)
      return r.MakeError("\"" + name + "\" is no ACLED event type");
    return *type;
  };
  const auto sub_of =
      [&](const TableRecord& r, AcledEventType type,
          const std::string& name) -> Result<AcledSubEventType> {
    const std::optional<AcledSubEventType> sub = ParseAcledSubEventType(name);
    if (!sub || *sub == AcledSubEventType::kNone ||
        AcledEventTypeOf(*sub) != type)
      return r.MakeError("\"" + name + "\" is no sub-event type of \"" +
                         AcledEventTypeName(type) + "\"");
    return *sub;
  };
  std::vector<AcledEventType> types;
  std::vector<AcledSubEventType> subs, labelled;
  for (const TableRecord& r : records) {
    if (r.fields[0] == "type") {
      ASSIGN_OR_RETURN(const AcledEventType type, type_of(r, r.fields[1]));
      if (std::find(types.begin(), types.end(), type) != types.end())
        return r.MakeError("event type \"" + r.fields[1] + "\" defined twice");
      types.push_back(type);
    } else if (r.fields[0] == "subtype") {
      ASSIGN_OR_RETURN(const AcledEventType type, type_of(r, r.fields[1]));
      ASSIGN_OR_RETURN(const AcledSubEventType sub,
                       sub_of(r, type, r.fields[2]));
      if (std::find(subs.begin(), subs.end(), sub) != subs.end())
        return r.MakeError("sub-event type \"" + r.fields[2] +
                           "\" defined twice");
      subs.push_back(sub);
    } else if (r.fields[0] == "case") {
      if (r.fields[1].empty() || r.fields[2].empty() || r.fields[3].empty())
        return r.MakeError(
            "a case line needs a label, an event type and a sub-event type");
      ASSIGN_OR_RETURN(const AcledEventType type, type_of(r, r.fields[2]));
      ASSIGN_OR_RETURN(const AcledSubEventType sub,
                       sub_of(r, type, r.fields[3]));
      if (r.fields[1] != CaseLabelName(sub))
        return r.MakeError("the CASE label of \"" + r.fields[3] + "\" is \"" +
                           CaseLabelName(sub) + "\", not \"" + r.fields[1] +
                           "\"");
      if (std::find(labelled.begin(), labelled.end(), sub) != labelled.end())
        return r.MakeError("a second case line for \"" + r.fields[3] + "\"");
      labelled.push_back(sub);
    }
  }
  if (auto type = FirstMissing(types, AcledEventType::kOther))
    return MakeError(path, "no type line for the event type \"" +
                               std::string(AcledEventTypeName(*type)) + "\"");
  if (auto sub = FirstMissing(subs, AcledSubEventType::kOrganizedCrime))
    return MakeError(path, "no subtype line for the sub-event type \"" +
                               std::string(AcledSubEventTypeName(*sub)) + "\"");
  if (auto sub = FirstMissing(labelled, AcledSubEventType::kOrganizedCrime))
    return MakeError(path, "no case line for the sub-event type \"" +
                               std::string(AcledSubEventTypeName(*sub)) + "\"");
  return Status::Ok();
}

Status AcledClassifier::Impl::Load(const std::string& data_dir,
                                   const TextAnalyzer& analyzer) {
  RETURN_IF_ERROR(LoadOntology(data_dir + "/events/acled.txt"));
  ASSIGN_OR_RETURN(const auto table,
                   ReadTableFile(data_dir + "/events/acled_rules.txt", 3, 4));
  // Who and means first, so that rules may name kinds and attributes defined
  // anywhere.
  for (const TableRecord& r : table) {
    if (r.fields[0] == "who") {
      if (r.fields[1].empty() || r.fields[1] == "none" ||
          r.fields[1] == "uncoded")
        return r.MakeError(
            "a who line needs a name other than \"none\" and \"uncoded\"");
      std::vector<std::string> sectors = SplitList(r.fields[2]);
      if (sectors.empty())
        return r.MakeError("a who line needs at least one sector");
      std::vector<std::string>& all = who[r.fields[1]];
      all.insert(all.end(), sectors.begin(), sectors.end());
    } else if (r.fields[0] == "means") {
      if (r.fields[1].empty()) return r.MakeError("a means line needs a name");
      auto it = std::find(means_names.begin(), means_names.end(), r.fields[1]);
      const size_t id = static_cast<size_t>(it - means_names.begin());
      if (it == means_names.end()) means_names.push_back(r.fields[1]);
      if (Status st = AddPhrases(r, id, analyzer); !st.ok()) return st;
    } else if (r.fields[0] != "rule" && r.fields[0] != "fallback") {
      return r.MakeError("unknown record kind \"" + r.fields[0] +
                         "\" (who, means, rule or fallback)");
    }
  }
  for (const TableRecord& r : table) {
    if (r.fields[0] != "rule" && r.fields[0] != "fallback") continue;
    if (Status st = AddRule(r, r.fields[0] == "rule" ? &rules : &fallbacks);
        !st.ok())
      return st;
  }
  if (rules.empty())
    return MakeError(data_dir + "/events/acled_rules.txt", "no rule lines");
  return Status::Ok();
}

AcledClassifier::AcledClassifier(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
AcledClassifier::~AcledClassifier() = default;

Result<std::unique_ptr<AcledClassifier>> AcledClassifier::Create(
    const std::string& data_dir, const TextAnalyzer& analyzer) {
  auto impl = std::make_unique<Impl>();
  RETURN_IF_ERROR(impl->Load(data_dir, analyzer));
  return std::unique_ptr<AcledClassifier>(new AcledClassifier(std::move(impl)));
}

AcledSubEventType AcledClassifier::Refine(const AnalyzedText& analyzed,
                                          std::vector<Event>* events) const {
  const Impl::Decisions decisions = impl_->DecideAll(analyzed, *events);
  for (size_t i = 0; i < events->size(); ++i) {
    Event& e = (*events)[i];
    const size_t r = decisions.rule[i];
    if (r == impl_->rules.size()) continue;
    const Rule& rule = impl_->rules[r];
    if (!rule.keeps_codebook_type) e.acled = rule.type;
    if (e.acled.event_type == AcledEventType::kNone) continue;
    // Cite the row, then the attributes it relied on with the phrase that
    // stated them.
    e.rules.push_back(rule.where + " " + CaseLabelName(rule.LabelOf(e)) + " (" +
                      rule.source + ")");
    const SentenceMeans& means = decisions.means.at(e.sentence);
    for (const Condition& c : rule.conditions) {
      if (c.kind != Condition::kMeans || c.negated) continue;
      for (size_t id : c.means) {
        if (const Phrase* p = means.by_means[id]) {
          e.rules.push_back(p->where + " means " + impl_->means_names[id] +
                            " \"" + p->text + "\"");
          break;
        }
      }
    }
  }
  return impl_->Label(analyzed, *events, decisions);
}

AcledSubEventType AcledClassifier::LabelText(
    const AnalyzedText& analyzed, const std::vector<Event>& events) const {
  return impl_->Label(analyzed, events, impl_->DecideAll(analyzed, events));
}

AcledSubEventType AcledClassifier::Impl::FallbackLabel(
    const AnalyzedText& a, const std::vector<Event>& events) const {
  if (fallbacks.empty()) return AcledSubEventType::kNone;
  const std::map<size_t, std::vector<const Event*>> by_sentence =
      EventsBySentence(events);
  const std::vector<const Event*> none_of_them;
  for (size_t s = 0; s < a.sentences.size(); ++s) {
    auto it = by_sentence.find(s);
    const SentenceMeans means =
        Means(a, s, it == by_sentence.end() ? none_of_them : it->second);
    if (std::none_of(means.by_means.begin(), means.by_means.end(),
                     [](const Phrase* p) { return p != nullptr; }))
      continue;
    for (const Rule& row : fallbacks) {
      const Event none;
      if (std::all_of(
              row.conditions.begin(), row.conditions.end(),
              [&](const Condition& c) { return Holds(c, none, means); }))
        return row.type.sub_event_type;
    }
  }
  return AcledSubEventType::kNone;
}

AcledSubEventType AcledClassifier::Impl::Label(
    const AnalyzedText& a, const std::vector<Event>& events,
    const Decisions& decisions) const {
  const std::vector<size_t>& rule_of = decisions.rule;
  // Per sentence, the label of the event with the earliest rule; CAMEO-coded
  // events before incidents (see acled_rules.txt). An event told in a
  // participial adjunct
  // ("..., blaming government forces", "..., destroying ammunition depots")
  // elaborates the sentence's main event, and one named after "after",
  // "despite", "amid", ... is its background: such events rank after every
  // other event of their sentence (their rule index is offset by the number of
  // rules), so they label the sentence only when it has no other labelled
  // event.
  struct Best {
    size_t rule = SIZE_MAX;
    AcledSubEventType label = AcledSubEventType::kNone;
    bool by_someone = false;  // the event names who did it
  };
  std::map<size_t, Best> coded, incidents, unasserted;  // by sentence
  // The report's own time: the latest date its events carry (a date in the
  // sentence or the publication date). An event dated well before it (more than
  // six months, or two years when only years are known: "In October 2017, Iraqi
  // forces pushed ..." in a 2021 report) is background, and does not say what
  // the report is about.
  int now_year = 0, now_month = 0;
  for (const Event& e : events) {
    if (!e.date) continue;
    const int year =
        e.date->value ? e.date->value->year : e.date->year_hint.value_or(0);
    const int month = e.date->value ? e.date->value->month : 0;
    if (year > now_year || (year == now_year && month > now_month)) {
      now_year = year;
      now_month = month;
    }
  }
  const auto is_background = [&](const Event& e) {
    if (!e.date || !e.date->value || now_year == 0) return false;
    const PartialDate& d = *e.date->value;
    if (d.month && now_month)
      return (now_year - d.year) * 12 + (now_month - d.month) > 6;
    return now_year - d.year >= 2;
  };
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    const size_t r = rule_of[i];
    if (e.negated || r == rules.size()) continue;
    const Rule& rule = rules[r];
    const AcledSubEventType label = rule.LabelOf(e);
    if (label == AcledSubEventType::kNone) continue;
    // Announced or planned measures (sanctions, deployments, deals) label a
    // report that reports nothing that happened; threatened violence and
    // protests do not, as ACLED codes only events that took place.
    const AcledEventType type =
        rule.keeps_codebook_type ? e.acled.event_type : rule.type.event_type;
    if (e.modality != Modality::kAsserted && type != AcledEventType::kOther &&
        type != AcledEventType::kStrategicDevelopments)
      continue;
    if (is_background(e)) continue;
    Best& best = (e.modality != Modality::kAsserted ? unasserted
                  : e.cameo.empty()                 ? incidents
                                                    : coded)[e.sentence];
    const size_t rank = decisions.subordinate[i] ? r + rules.size() : r;
    if (rank < best.rule) best = Best{rank, label, !e.source.text.empty()};
  }
  // A report that opens with a disaster, an accident or a crime (an incident
  // sentence before any sentence with a coded event) and whose first coded
  // event names no one who did it ("Storm Daniel caused flooding ... Thousands
  // of people were killed") reports the incident: the deaths are its toll.
  if (!coded.empty() && !incidents.empty() &&
      incidents.begin()->first < coded.begin()->first &&
      !coded.begin()->second.by_someone)
    return incidents.begin()->second.label;
  if (!coded.empty()) {
    const AcledSubEventType main = coded.begin()->second.label;
    // One protest, its most severe form: a later sentence that tells how the
    // protest went (dispersed, turned violent) types it.
    const auto protest_family = [](AcledSubEventType label) {
      const AcledEventType type = AcledEventTypeOf(label);
      return type == AcledEventType::kProtests ||
             type == AcledEventType::kRiots;
    };
    if (!protest_family(main)) return main;
    Best most_severe = coded.begin()->second;
    for (const auto& [sentence, best] : coded) {
      if (protest_family(best.label) && best.rule < most_severe.rule)
        most_severe = best;
    }
    return most_severe.label;
  }
  if (!unasserted.empty()) return unasserted.begin()->second.label;
  if (!incidents.empty()) return incidents.begin()->second.label;
  return FallbackLabel(a, events);
}

}  // namespace dateline
