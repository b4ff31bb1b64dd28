// Pattern compilation and the clause rules of the event coder.
//
// A pattern is a list of elements (words, the target slot "+", gaps "..."); the
// first word is the trigger. Patterns are indexed by their trigger's match
// keys, so coding a sentence costs one hash lookup per token plus the patterns
// of the words that are triggers. Matching backtracks over gaps, which are
// short (at most kMaxGap tokens).
#include "events/events.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/string_hash.h"
#include "core/table_file.h"
#include "events/function_words.h"
#include "events/tabari_discards.h"
#include "events/tabari_verbs.h"

namespace dateline {

namespace {

constexpr size_t kMaxGap = 4;
constexpr size_t kMaxTabariGap = 6;  // a blank between TABARI pattern words
constexpr size_t kMaxSlotSkip =
    3;  // determiners/adjectives before a target actor

struct Element {
  enum Kind { kWord, kTarget, kGap, kSource, kCompound, kSkip } kind = kWord;
  // kWord: the alternatives, each a sequence of match keys, longest first, and
  // the StringHash of each one's first key (set by IndexPattern).
  std::vector<std::vector<std::string>> alternatives;
  std::vector<size_t> first_key_hashes;
  // kGap: how many tokens it may skip (never a clause break), and whether a
  // comma stops it too (TABARI's blank stays inside the clause; Dateline's
  // "..." may pass an apposition).
  size_t max_gap = 0;
  bool stops_at_comma = false;
};

struct Pattern {
  uint32_t entry;
  std::string text;
  std::vector<Element> elements;
  size_t trigger = 0;  // index of the trigger element (a one-token word)
  // TABARI/PETRARCH verbs as listed ("LEFT", "MET"): a token written exactly so
  // is their verb rather than the lemma's ("left" is LEFT [032:033] before
  // LEAVE [012]).
  std::vector<std::string> literal_forms;
  // Hashes (StringHash) of the match keys every match needs in its sentence
  // (the words of elements with one alternative): a pattern whose words are not
  // all there is not tried, as a common verb of a large dictionary carries
  // hundreds of patterns. A collision only lets a pattern be tried that then
  // fails to match. (The trigger's Candidate list holds their 64-bit
  // signature.)
  std::vector<size_t> required_hashes;
};

uint64_t HashBit(size_t hash) { return uint64_t{1} << (hash % 64); }

struct VerbEntry {
  std::string id, cameo, rule;
  std::string paired_cameo;  // TABARI "A:B": the code of the reverse event
  bool codes_nothing =
      false;  // TABARI "---": a match that stops shorter ones, no event
  // A comment verb ("said", "told"; attribution.txt): it codes no event but
  // names the speaker of what its sentence reports.
  bool attribution = false;
  // incidents.txt: the sub-event type (of "Other") of an incident, which has no
  // CAMEO code.
  AcledSubEventType incident = AcledSubEventType::kNone;
  // Coded even when no dictionary actor takes part. ACLED and the CASE 2021
  // labels type events by what happened, however the report names the
  // participants: "medical interns protested", "a bomb exploded", "clashes
  // erupted", "the body was found dead" are events with unnamed or uncoded
  // actors. So: incidents, and every CAMEO code the codebook maps to an ACLED
  // type (cameo.txt). Set once all dictionaries are loaded.
  bool without_actors = false;
};

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool OneOf(std::string_view s, const WordSet& words) {
  return words.Contains(s);
}

// The count a token states: its digits' integer part, or a number word's
// value.
std::optional<int> NumberOf(const Token& t, const FunctionWords& words) {
  if (t.kind == TokenKind::kNumber) {
    long v = 0;
    bool any = false;
    for (char c : t.norm) {
      if (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
        any = true;
        if (v > 10000000) return std::nullopt;
      } else if (c == ',') {
        continue;
      } else {
        break;  // "3.5", "25th": the integer part
      }
    }
    if (!any) return std::nullopt;
    return static_cast<int>(v);
  }
  return words.NumberWord(t.norm);
}

// Coding a sentence (below).
class SentenceCoder;
struct PatternMatch;
struct SentenceKeys;

}  // namespace

struct EventCoder::Impl {
  // Asked for each event coded (its code's name, PLOVER category and ACLED
  // type): hashed, not a tree of some 300 codes.
  std::unordered_map<std::string, CameoCode, StringHash, std::equal_to<>> cameo;
  std::vector<VerbEntry> entries;
  std::vector<Pattern> patterns;
  // A pattern as its trigger lists it: its required-word bits beside its index,
  // so that most patterns are ruled out without touching the Pattern itself.
  struct Candidate {
    uint64_t required_bits;
    uint32_t pattern;
  };
  std::unordered_map<std::string, std::vector<Candidate>, StringHash,
                     std::equal_to<>>
      by_trigger;  // key -> patterns
  // TABARI/PETRARCH discard lists (tabari_discards.h).
  DiscardList discards;
  bool dictionaries_only = false;
  // The words of the clause rules (events/function_words.txt).
  FunctionWords words;
  std::vector<Error> skipped_lines;

  Status Load(const std::string& data_dir, bool dictionaries_only,
              const TextAnalyzer& analyzer);
  Status LoadIncidents(const std::string& data_dir,
                       const TextAnalyzer& analyzer);
  Status LoadAttributions(const std::string& data_dir,
                          const TextAnalyzer& analyzer);
  // Adds `entry` and the patterns of the list field `patterns` ("a; b ... +").
  Status AddEntry(const TableRecord& r, VerbEntry entry,
                  const std::string& patterns, const TextAnalyzer& analyzer);
  Status LoadVerbFile(const std::string& path, bool tabari,
                      const TextAnalyzer& analyzer);
  Status AddPattern(const TableRecord& r, uint32_t entry, std::string_view text,
                    const TextAnalyzer& analyzer);
  Status LoadTabariVerbFile(const std::string& path,
                            const TextAnalyzer& analyzer);
  Status LoadDiscards(const std::string& path);
  void IndexPattern(Pattern p);
  static std::string WordKey(const std::string& word,
                             const TextAnalyzer& analyzer);
  // The most specific pattern that matches at trigger token t, and how; null
  // when none.
  const Pattern* BestPattern(SentenceCoder& sc, size_t t, SentenceKeys* keys,
                             PatternMatch* best_match) const;
};

Status EventCoder::Impl::AddPattern(const TableRecord& r, uint32_t entry,
                                    std::string_view text,
                                    const TextAnalyzer& analyzer) {
  Pattern p;
  p.entry = entry;
  p.text = std::string(text);
  bool have_trigger = false;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(pos, end - pos);
    pos = end;
    Element e;
    if (word == "+") {
      e.kind = Element::kTarget;
    } else if (word == "...") {
      e.kind = Element::kGap;
      e.max_gap = kMaxGap;
    } else {
      size_t a = 0;
      while (a <= word.size()) {
        size_t slash = word.find('/', a);
        if (slash == std::string_view::npos) slash = word.size();
        std::string_view alt = word.substr(a, slash - a);
        a = slash + 1;
        if (alt.empty()) continue;
        const AnalyzedText words = analyzer.Tokenize(alt);
        const std::vector<Token>& toks = words.tokens;
        if (toks.empty())
          return r.MakeError("pattern \"" + p.text + "\": empty word");
        // A hyphenated or multi-token alternative ("cease-fire") is one token
        // in text when hyphenated; otherwise only its first token can be
        // matched here.
        e.alternatives.push_back({std::string(toks.front().key)});
      }
      if (e.alternatives.empty())
        return r.MakeError("pattern \"" + p.text + "\": empty alternative");
      if (!have_trigger) {
        have_trigger = true;
        p.trigger = p.elements.size();
      }
    }
    p.elements.push_back(std::move(e));
  }
  if (!have_trigger)
    return r.MakeError("pattern \"" + p.text + "\" has no word to anchor it");
  IndexPattern(std::move(p));
  return Status::Ok();
}

void EventCoder::Impl::IndexPattern(Pattern p) {
  const uint32_t index = static_cast<uint32_t>(patterns.size());
  // One bit per required hash (hash mod 64): a pattern with a bit its sentence
  // lacks is out at the cost of one AND, before the hashes are searched.
  uint64_t required_bits = 0;
  for (size_t i = 0; i < p.elements.size(); ++i) {
    const Element& e = p.elements[i];
    if (i == p.trigger || e.kind != Element::kWord ||
        e.alternatives.size() != 1)
      continue;
    for (const std::string& key : e.alternatives.front()) {
      const size_t hash = StringHash()(key);
      if (std::find(p.required_hashes.begin(), p.required_hashes.end(), hash) !=
          p.required_hashes.end())
        continue;
      p.required_hashes.push_back(hash);
      required_bits |= HashBit(hash);
    }
  }
  for (Element& e : p.elements) {
    e.first_key_hashes.clear();
    for (const std::vector<std::string>& alt : e.alternatives)
      e.first_key_hashes.push_back(StringHash()(alt.front()));
  }
  for (const std::vector<std::string>& alt :
       p.elements[p.trigger].alternatives) {
    std::vector<Candidate>& list = by_trigger[alt.front()];
    if (list.empty() || list.back().pattern != index)
      list.push_back({required_bits, index});  // "a/a" twice
  }
  patterns.push_back(std::move(p));
}

// The match key of a dictionary word as the analyser would key it in text.
std::string EventCoder::Impl::WordKey(const std::string& word,
                                      const TextAnalyzer& analyzer) {
  if (word == "n't")
    return "not";  // TreeBank's contraction, its own token in text too
  const AnalyzedText words = analyzer.Tokenize(word);
  return words.tokens.empty() ? word : std::string(words.tokens.front().key);
}

namespace {

// TABARI's blank: other words may come between, within the clause.
Element TabariGap() {
  Element e;
  e.kind = Element::kGap;
  e.max_gap = kMaxTabariGap;
  e.stops_at_comma = true;
  return e;
}

// Appends the elements of a TABARI pattern's items before or after its verb;
// `key_of` gives a word's match key.
template <typename KeyOf>
void AppendTabariItems(const std::vector<TabariItem>& items, bool after_verb,
                       const KeyOf& key_of, std::vector<Element>* out) {
  for (size_t i = 0; i < items.size(); ++i) {
    const TabariItem& item = items[i];
    Element e;
    switch (item.kind) {
      case TabariItem::Kind::kPhrase:
        for (const std::vector<std::string>& alt : item.alternatives) {
          std::vector<std::string> keys;
          for (const std::string& w : alt) keys.push_back(key_of(w));
          e.alternatives.push_back(std::move(keys));
        }
        std::stable_sort(
            e.alternatives.begin(), e.alternatives.end(),
            [](const auto& x, const auto& y) { return x.size() > y.size(); });
        break;
      case TabariItem::Kind::kTarget:
        e.kind = Element::kTarget;
        break;
      case TabariItem::Kind::kSource:
        e.kind = Element::kSource;
        break;
      case TabariItem::Kind::kCompound:
        e.kind = Element::kCompound;
        break;
      case TabariItem::Kind::kSkip:
        e.kind = Element::kSkip;
        break;
    }
    out->push_back(std::move(e));
    const bool last = i + 1 == items.size();
    // Before the verb, the last item's join says whether it touches the verb.
    if (!item.joined_to_next && !(after_verb && last))
      out->push_back(TabariGap());
  }
}

// A verb's own words: words before it, the trigger (its forms), words after,
// all adjacent; `trigger_offset` gets the trigger's index.
template <typename KeyOf>
std::vector<Element> TabariVerbElements(const TabariVerb& verb,
                                        const KeyOf& key_of,
                                        size_t* trigger_offset) {
  std::vector<Element> elements;
  for (const std::string& w : verb.words_before)
    elements.push_back(Element{Element::kWord, {{key_of(w)}}});
  Element trigger;
  for (const std::string& f : verb.forms) {
    std::vector<std::string> k = {key_of(f)};
    if (std::find(trigger.alternatives.begin(), trigger.alternatives.end(),
                  k) == trigger.alternatives.end())
      trigger.alternatives.push_back(std::move(k));
  }
  *trigger_offset = elements.size();
  elements.push_back(std::move(trigger));
  for (const std::string& w : verb.words_after)
    elements.push_back(Element{Element::kWord, {{key_of(w)}}});
  return elements;
}

}  // namespace

// A TABARI/PETRARCH verb file: each block's verbs, alone and inside each
// pattern, become patterns whose trigger is the verb word. Items joined by "_"
// are adjacent; a blank between them becomes a gap within the clause.
Status EventCoder::Impl::LoadTabariVerbFile(const std::string& path,
                                            const TextAnalyzer& analyzer) {
  ASSIGN_OR_RETURN(auto text, ReadFile(path));
  ASSIGN_OR_RETURN(const auto blocks,
                   ParseTabariVerbs(text, path, &skipped_lines));
  const auto key_of = [&](const std::string& w) {
    return WordKey(w, analyzer);
  };
  const auto add_entry = [&](const std::string& id, const TabariEventCode& code,
                             int line) {
    VerbEntry e;
    e.id = id;
    e.cameo = code.code;
    e.paired_cameo = code.paired;
    e.codes_nothing =
        code.codes_nothing || (code.code.empty() && code.paired.empty());
    e.rule = path + ":" + std::to_string(line) + " " + id;
    entries.push_back(std::move(e));
    return static_cast<uint32_t>(entries.size() - 1);
  };
  for (const TabariVerbBlock& block : blocks) {
    std::string id = block.name;
    std::transform(id.begin(), id.end(), id.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    const uint32_t block_entry = add_entry(id, block.code, block.line);
    std::vector<uint32_t> pattern_entries;
    for (const TabariPattern& tp : block.patterns)
      pattern_entries.push_back(add_entry(id, tp.code, tp.line));
    for (const TabariVerb& verb : block.verbs) {
      size_t trigger_offset = 0;
      const std::vector<Element> verb_elements =
          TabariVerbElements(verb, key_of, &trigger_offset);
      const uint32_t bare_entry =
          verb.has_code ? add_entry(id, verb.code, verb.line) : block_entry;
      IndexPattern(Pattern{bare_entry, block.name, verb_elements,
                           trigger_offset, verb.forms});
      for (size_t i = 0; i < block.patterns.size(); ++i) {
        const TabariPattern& tp = block.patterns[i];
        Pattern p;
        p.entry = pattern_entries[i];
        p.text = tp.text;
        p.literal_forms = verb.forms;
        AppendTabariItems(tp.before, false, key_of, &p.elements);
        p.trigger = p.elements.size() + trigger_offset;
        p.elements.insert(p.elements.end(), verb_elements.begin(),
                          verb_elements.end());
        if (!tp.after.empty() && !tp.verb_joined_to_next)
          p.elements.push_back(TabariGap());
        AppendTabariItems(tp.after, true, key_of, &p.elements);
        IndexPattern(std::move(p));
      }
    }
  }
  return Status::Ok();
}

Status EventCoder::Impl::Load(const std::string& data_dir, bool only_cameo,
                              const TextAnalyzer& analyzer) {
  ASSIGN_OR_RETURN(words, LoadFunctionWords(data_dir));
  ASSIGN_OR_RETURN(auto codes,
                   ReadTableFile(data_dir + "/events/cameo.txt", 3, 5));
  for (const TableRecord& r : codes) {
    const std::string& code = r.fields[0];
    if (code.size() < 2 || code.size() > 4 ||
        !std::all_of(code.begin(), code.end(),
                     [](char c) { return c >= '0' && c <= '9'; }))
      return r.MakeError("CAMEO code must be 2 to 4 digits, not \"" + code +
                         "\"");
    const std::optional<Plover> plover = ParsePlover(r.fields[2]);
    if (!plover || *plover == Plover::kNone)
      return r.MakeError("\"" + r.fields[2] +
                         "\" is no PLOVER category (events/plover.txt)");
    std::string problem;
    const std::optional<AcledType> acled =
        ParseAcledType(r.fields[3], r.fields[4], &problem);
    if (!acled) return r.MakeError(problem);
    cameo[code] = CameoCode{code, r.fields[1], *plover, *acled};
  }
  if (only_cameo) return Status::Ok();
  if (Status s = LoadVerbFile(data_dir + "/events/verbs.txt", false, analyzer);
      !s)
    return s;
  if (Status s = LoadAttributions(data_dir, analyzer); !s) return s;
  return LoadIncidents(data_dir, analyzer);
}

// attribution.txt (optional): "id | patterns" of comment verbs.
Status EventCoder::Impl::LoadAttributions(const std::string& data_dir,
                                          const TextAnalyzer& analyzer) {
  const std::string path = data_dir + "/events/attribution.txt";
  if (!std::filesystem::exists(path)) return Status::Ok();
  ASSIGN_OR_RETURN(auto table, ReadTableFile(path, 2, 2));
  for (const TableRecord& r : table) {
    VerbEntry entry;
    entry.id = r.fields[0];
    entry.rule = r.Where() + " " + r.fields[0];
    entry.attribution = true;
    if (Status st = AddEntry(r, std::move(entry), r.fields[1], analyzer); !st)
      return st;
  }
  return Status::Ok();
}

Status EventCoder::Impl::LoadDiscards(const std::string& path) {
  ASSIGN_OR_RETURN(auto text, ReadFile(path));
  ASSIGN_OR_RETURN(auto list, ParseDiscards(text, path));
  discards.Add(list);
  return Status::Ok();
}

// incidents.txt (optional): "id | LABEL | patterns", LABEL a sub-event type of
// the pseudo-type "Other" (natural and man-made disasters, crime; the
// AcledSubEventType values of AcledEventType::kOther, which acled.txt lists).
Status EventCoder::Impl::LoadIncidents(const std::string& data_dir,
                                       const TextAnalyzer& analyzer) {
  // Optional: a dictionary set may code political events only.
  if (!std::filesystem::exists(data_dir + "/events/incidents.txt"))
    return Status::Ok();
  ASSIGN_OR_RETURN(auto incidents,
                   ReadTableFile(data_dir + "/events/incidents.txt", 3, 3));
  for (const TableRecord& r : incidents) {
    const std::optional<AcledSubEventType> label =
        ParseAcledSubEventType(r.fields[1]);
    if (!label || AcledEventTypeOf(*label) != AcledEventType::kOther)
      return r.MakeError(
          "\"" + r.fields[1] +
          "\" is not a sub-event type of \"Other\" in events/acled.txt");
    VerbEntry entry;
    entry.id = r.fields[0];
    entry.rule = r.Where() + " " + r.fields[0];
    entry.incident = *label;
    if (Status s = AddEntry(r, std::move(entry), r.fields[2], analyzer); !s)
      return s;
  }
  return Status::Ok();
}

// One line of verbs.txt or incidents.txt: its entry and the patterns of its
// last field.
Status EventCoder::Impl::AddEntry(const TableRecord& r, VerbEntry entry,
                                  const std::string& patterns,
                                  const TextAnalyzer& analyzer) {
  entries.push_back(std::move(entry));
  const uint32_t index = static_cast<uint32_t>(entries.size() - 1);
  std::vector<std::string> list = SplitList(patterns);
  if (list.empty()) return r.MakeError("an entry needs at least one pattern");
  for (const std::string& p : list) {
    if (Status s = AddPattern(r, index, p, analyzer); !s) return s;
  }
  return Status::Ok();
}

Status EventCoder::Impl::LoadVerbFile(const std::string& path, bool tabari,
                                      const TextAnalyzer& analyzer) {
  if (tabari) return LoadTabariVerbFile(path, analyzer);
  ASSIGN_OR_RETURN(auto verbs, ReadTableFile(path, 3, 3));
  for (const TableRecord& r : verbs) {
    if (!cameo.count(r.fields[1]))
      return r.MakeError("CAMEO code \"" + r.fields[1] +
                         "\" is not in events/cameo.txt");
    VerbEntry entry;
    entry.id = r.fields[0];
    entry.cameo = r.fields[1];
    entry.rule = r.Where() + " " + r.fields[0];
    if (Status s = AddEntry(r, std::move(entry), r.fields[2], analyzer); !s)
      return s;
  }
  return Status::Ok();
}

EventCoder::EventCoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventCoder::~EventCoder() = default;
size_t EventCoder::pattern_count() const { return impl_->patterns.size(); }
const std::vector<Error>& EventCoder::skipped_lines() const {
  return impl_->skipped_lines;
}

const CameoCode* EventCoder::Cameo(std::string_view code) const {
  auto it = impl_->cameo.find(code);
  return it == impl_->cameo.end() ? nullptr : &it->second;
}

Result<std::unique_ptr<EventCoder>> EventCoder::Create(
    const std::string& data_dir, const TextAnalyzer& analyzer) {
  return Create(data_dir, analyzer, EventCoderOptions{});
}

Result<std::unique_ptr<EventCoder>> EventCoder::Create(
    const std::string& data_dir, const TextAnalyzer& analyzer,
    const EventCoderOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->dictionaries_only = options.dictionaries_only;
  if (Status s = impl->Load(data_dir, options.dictionaries_only, analyzer); !s)
    return s.error();
  for (const std::string& file : options.verb_files) {
    const bool tabari =
        options.tabari_format ||
        (file.size() > 6 && file.compare(file.size() - 6, 6, ".verbs") == 0);
    if (Status s = impl->LoadVerbFile(file, tabari, analyzer); !s)
      return s.error();
  }
  for (const std::string& file : options.discard_files) {
    if (Status s = impl->LoadDiscards(file); !s) return s.error();
  }
  for (VerbEntry& entry : impl->entries) {
    auto code = impl->cameo.find(entry.cameo);
    entry.without_actors =
        !impl->dictionaries_only &&
        (entry.incident != AcledSubEventType::kNone ||
         (code != impl->cameo.end() &&
          code->second.acled.event_type != AcledEventType::kNone));
  }
  return std::unique_ptr<EventCoder>(new EventCoder(std::move(impl)));
}

namespace {

// How a pattern matched around its trigger.
struct PatternMatch {
  size_t start = 0;  // first token of the match (before the trigger)
  size_t end = 0;    // token after the last matched element
  const ActorMention* target = nullptr;
  const ActorMention* source = nullptr;  // a "$" slot
  bool target_before = false;    // the target slot stands before the trigger
  bool compound_source = false;  // a "%" slot before the trigger
  int weight = 0;                // tokens matched by words, plus slots
};

// Everything one sentence's coding needs, with helpers over its tokens and
// mentions.
class SentenceCoder {
 public:
  // `coded_places`: a place with a code of its own ("Michel Delving" SHRGOV in
  // TABARI dictionaries, which code places as actors) may be the act's target.
  // `actors` and `dates` are the sentence's own (SentenceItems), in document
  // order.
  // `words` outlives the SentenceCoder (the EventCoder's own).
  SentenceCoder(const AnalyzedText& a, size_t sentence_index,
                const std::vector<const ActorMention*>& actors,
                const std::vector<const DateMention*>& dates,
                const FunctionWords& words, bool coded_places = false)
      : a_(a),
        s_(a.sentences[sentence_index]),
        words_(words),
        coded_places_(coded_places),
        mentions_(actors) {
    for (const DateMention* d : dates) {
      if (d->span.end > d->span.start) dates_.push_back(d->span);
    }
  }

  // Whether token t is a word of a date the date stage found ("9 May 2020", "in
  // March").
  bool InsideDate(size_t t) const {
    return std::any_of(dates_.begin(), dates_.end(), [&](const Span& d) {
      return T(t).start >= d.start && T(t).end <= d.end;
    });
  }

  const Sentence& sentence() const { return s_; }
  const FunctionWords& words() const { return words_; }
  std::optional<int> NumberValue(const Token& t) const {
    return NumberOf(t, words_);
  }
  std::string_view text() const { return a_.text; }
  const std::vector<const ActorMention*>& mentions() const { return mentions_; }

  // The StringHash of the match key of each token of the sentence, in order;
  // computed at the first call (a sentence's first trigger), then used by the
  // matchers too.
  const std::vector<size_t>& HashKeys() {
    if (key_hashes_.empty()) {
      key_hashes_.reserve(s_.last_token - s_.first_token);
      for (size_t k = s_.first_token; k < s_.last_token; ++k)
        key_hashes_.push_back(StringHash()(T(k).key));
    }
    return key_hashes_;
  }
  const Token& T(size_t i) const { return a_.tokens[i]; }

  // False when no alternative of word element `el` can start at token t (its
  // first key's hash differs, or t is past the sentence); needs key_hashes_.
  bool MayStartWord(const Element& el, size_t t) const {
    if (t >= s_.last_token) return false;
    const size_t h = key_hashes_[t - s_.first_token];
    return std::find(el.first_key_hashes.begin(), el.first_key_hashes.end(),
                     h) != el.first_key_hashes.end();
  }

  // Matches elements [e, n) of `p` from token `t`.
  bool MatchFrom(const Pattern& p, size_t e, size_t t, PatternMatch* m) const {
    if (e == p.elements.size()) {
      m->end = t;
      return true;
    }
    const Element& el = p.elements[e];
    switch (el.kind) {
      case Element::kWord:
        for (size_t i = 0; i < el.alternatives.size(); ++i) {
          const std::vector<std::string>& alt = el.alternatives[i];
          if (!WordsAt(alt, el.first_key_hashes[i], t)) continue;
          m->weight += static_cast<int>(alt.size());
          if (MatchFrom(p, e + 1, t + alt.size(), m)) return true;
          m->weight -= static_cast<int>(alt.size());
        }
        return false;
      case Element::kGap: {
        // A gap before a word (the common "trigger ... word") is tried only
        // where one of the word's alternatives starts: what WordsAt would test
        // first, read here without the call.
        const Element* word =
            e + 1 < p.elements.size() &&
                    p.elements[e + 1].kind == Element::kWord &&
                    !key_hashes_.empty()
                ? &p.elements[e + 1]
                : nullptr;
        for (size_t skip = 0; skip <= el.max_gap && t + skip <= s_.last_token;
             ++skip) {
          if (skip > 0 && (IsClauseBreak(t + skip - 1) ||
                           (el.stops_at_comma && T(t + skip - 1).norm == ",")))
            break;
          if (word && !MayStartWord(*word, t + skip)) continue;
          if (MatchFrom(p, e + 1, t + skip, m)) return true;
        }
        return false;
      }
      case Element::kSkip: {
        // TABARI's "^" passes over a noun phrase: the longest run of phrase
        // words.
        size_t longest = 0;
        while (longest < kMaxSlotSkip && t + longest < s_.last_token &&
               InNounPhrase(t + longest))
          ++longest;
        for (size_t skip = longest; skip >= 1; --skip) {
          if (MatchFrom(p, e + 1, t + skip, m)) return true;
        }
        return false;
      }
      case Element::kTarget:
      case Element::kSource:
      case Element::kCompound: {
        const ActorMention* am = SlotAfter(t);
        if (!am) return false;
        const std::vector<const ActorMention*> conjuncts = Conjuncts(am);
        if (el.kind == Element::kCompound && conjuncts.size() < 2) return false;
        const PatternMatch saved = *m;
        if (el.kind == Element::kSource)
          m->source = am;
        else
          m->target = am;
        m->weight += 1;
        if (MatchFrom(p, e + 1, conjuncts.back()->last_token, m)) return true;
        *m = saved;
        return false;
      }
    }
    return false;
  }

  // Matches elements e, e-1, ..., 0 of `p` so that element e ends just before
  // token t (the elements before the trigger, read leftwards from it).
  bool MatchBack(const Pattern& p, size_t e, size_t t, PatternMatch* m) const {
    const Element& el = p.elements[e];
    const auto next = [&](size_t at) {
      if (e == 0) {
        m->start = at;
        return true;
      }
      return MatchBack(p, e - 1, at, m);
    };
    switch (el.kind) {
      case Element::kWord:
        for (size_t i = 0; i < el.alternatives.size(); ++i) {
          const std::vector<std::string>& alt = el.alternatives[i];
          if (t < s_.first_token + alt.size() ||
              !WordsAt(alt, el.first_key_hashes[i], t - alt.size()))
            continue;
          m->weight += static_cast<int>(alt.size());
          if (next(t - alt.size())) return true;
          m->weight -= static_cast<int>(alt.size());
        }
        return false;
      case Element::kGap:
        for (size_t skip = 0; skip <= el.max_gap && t >= s_.first_token + skip;
             ++skip) {
          if (skip > 0 && (IsClauseBreak(t - skip) ||
                           (el.stops_at_comma && T(t - skip).norm == ",")))
            break;
          if (next(t - skip)) return true;
        }
        return false;
      case Element::kSkip:
        for (size_t skip = 1;
             skip <= kMaxSlotSkip && t >= s_.first_token + skip; ++skip) {
          if (!InNounPhrase(t - skip)) break;
          if (next(t - skip)) return true;
        }
        return false;
      case Element::kTarget:
      case Element::kSource:
      case Element::kCompound: {
        const ActorMention* am = nullptr;
        for (const ActorMention* c : mentions_) {
          if (c->last_token == t) am = c;
        }
        if (!am) return false;
        const PatternMatch saved = *m;
        if (el.kind == Element::kTarget) {
          m->target = am;
          m->target_before = true;
        } else {
          m->source = am;
          m->compound_source = el.kind == Element::kCompound;
        }
        m->weight += 1;
        if (next(am->first_token)) return true;
        *m = saved;
        return false;
      }
    }
    return false;
  }

  // Whether the keys of `words` (the first of which hashes to `first_hash`)
  // stand at tokens t, t+1, ... The hashes of the sentence's keys, once
  // HashKeys has run, turn most alternatives away without a string comparison.
  bool WordsAt(const std::vector<std::string>& words, size_t first_hash,
               size_t t) const {
    if (t + words.size() > s_.last_token) return false;
    if (!key_hashes_.empty() && key_hashes_[t - s_.first_token] != first_hash)
      return false;
    for (size_t i = 0; i < words.size(); ++i) {
      if (T(t + i).key != words[i]) return false;
    }
    return true;
  }

  // Whether TABARI's "^" may pass over token k as a word of a noun phrase: not
  // a clause break, a comma, a preposition or a subordinator.
  bool InNounPhrase(size_t k) const {
    if (IsClauseBreak(k)) return false;
    return !OneOf(T(k).norm, words_.phrase_ends) &&
           !(OneOf(T(k).norm, words_.prepositions) && T(k).norm != "to");
  }

  // The actor a slot at token t stands for: one that starts there, after at
  // most a few determiners, adjectives or counts ("30 separatist rebels"), in
  // the same clause.
  const ActorMention* SlotAfter(size_t t) const {
    for (const ActorMention* am : mentions_) {
      if (am->first_token < t) continue;
      if (am->first_token > t + kMaxSlotSkip) return nullptr;
      for (size_t k = t; k < am->first_token; ++k) {
        if (IsClauseBreak(k) || OneOf(T(k).norm, words_.slot_stops) ||
            (T(k).kind != TokenKind::kWord && T(k).kind != TokenKind::kNumber))
          return nullptr;
      }
      return am;
    }
    return nullptr;
  }

  // The actors coordinated with `first` after it: "Gondor and Arnor", "Mordor,
  // Rohan, Fornost and Bree", "the Philippines and the European Union". Each
  // conjunct is a participant of its own. A list needs its "and"/"or"/"nor":
  // "Gondor, Arnor said" is no list.
  std::vector<const ActorMention*> Conjuncts(const ActorMention* first) const {
    std::vector<const ActorMention*> out = {first}, pending;
    const ActorMention* last = first;
    for (const ActorMention* m : mentions_) {
      if (m->first_token <= last->first_token) continue;
      const Link link = Coordinated(last->last_token, m->first_token);
      if (link == Link::kNone) break;
      pending.push_back(m);
      last = m;
      if (link == Link::kConjunction) {
        out.insert(out.end(), pending.begin(), pending.end());
        pending.clear();
      }
    }
    return out;
  }

  // The actors coordinated with `last` before it, in text order, `last`
  // included
  // ("Neither Galadriel nor Gollum", "Mordor, Rohan, Fornost and Bree
  // welcomed").
  std::vector<const ActorMention*> ConjunctsBefore(
      const ActorMention* last) const {
    std::vector<const ActorMention*> out = {last}, pending;
    const ActorMention* first = last;
    bool conjunction_seen = false;
    for (size_t i = mentions_.size(); i-- > 0;) {
      const ActorMention* m = mentions_[i];
      if (m->last_token > first->first_token) continue;
      const Link link = Coordinated(m->last_token, first->first_token);
      if (link == Link::kNone || AfterPreposition(m)) break;
      conjunction_seen |= link == Link::kConjunction;
      pending.insert(pending.begin(), m);
      first = m;
      if (conjunction_seen) {
        out.insert(out.begin(), pending.begin(), pending.end());
        pending.clear();
      }
    }
    return out;
  }

  // How the tokens [from, to) join two actors: a comma, or a coordinator
  // ("and", "or", "nor"; ", and"), then at most three modifiers ("the evil
  // awful").
  enum class Link { kNone, kComma, kConjunction };
  Link Coordinated(size_t from, size_t to) const {
    if (to <= from || to - from > 5) return Link::kNone;
    size_t k = from;
    Link link = Link::kNone;
    while (k < to &&
           (T(k).norm == "," || OneOf(T(k).norm, words_.coordinators))) {
      link = T(k).norm == "," && link != Link::kConjunction
                 ? Link::kComma
                 : Link::kConjunction;
      ++k;
    }
    if (link == Link::kNone) return link;
    size_t modifiers = 0;
    for (; k < to; ++k) {
      // Modifiers, not a verb ("attacked ISIS and arrested Syrian soldiers").
      const std::string_view n = T(k).norm;
      const bool verb_form = n != T(k).lemma && n.size() > 4 &&
                             (n.compare(n.size() - 2, 2, "ed") == 0 ||
                              n.compare(n.size() - 3, 3, "ing") == 0);
      if (T(k).kind != TokenKind::kWord || OneOf(n, words_.prepositions) ||
          verb_form || ++modifiers > 3)
        return Link::kNone;
    }
    return link;
  }

  // Whether the verb phrase starting at `start` is coordinated with the verb at
  // `previous` ("condemned an attack ... and promised aid"): "and", "but" or
  // "then"
  // (", and") opens it, past adverbs and auxiliaries, with no actor in between.
  bool CoordinatedWithPreviousVerb(size_t start, size_t previous) const {
    if (previous >= start) return false;
    const size_t k = BackOverAuxiliaries(start, previous + 1);
    if (k <= previous + 1 || !OneOf(T(k - 1).norm, words_.verb_joins))
      return false;
    return std::none_of(
        mentions_.begin(), mentions_.end(), [&](const ActorMention* m) {
          return m->first_token >= k - 1 && m->first_token < start;
        });
  }

  // The inverted subject of a comment verb (", said a spokesman"): an actor
  // right after it, past a determiner and two modifiers.
  std::vector<const ActorMention*> SubjectAfter(size_t t) const {
    for (const ActorMention* m : mentions_) {
      if (m->first_token <= t) continue;
      if (m->first_token > t + 4) break;
      for (size_t k = t + 1; k < m->first_token; ++k) {
        if (T(k).kind != TokenKind::kWord ||
            OneOf(T(k).norm, words_.prepositions))
          return {};
      }
      return {m};
    }
    return {};
  }

  // Whether a personal pronoun is the subject of the verb phrase starting at
  // `start`
  // ("he said", "it would not attack"), past auxiliaries, negations and
  // adverbs.
  bool PronounSubject(size_t start) const {
    const size_t k = BackOverAuxiliaries(start, s_.first_token);
    return k > s_.first_token && OneOf(T(k - 1).norm, words_.pronouns);
  }

  // The first token of the run of auxiliaries, negations and adverbs that ends
  // just before `t` ("would not", "has also", "reportedly"), going no further
  // left than `floor`: where the verb phrase starts.
  size_t BackOverAuxiliaries(size_t t, size_t floor) const {
    while (t > floor) {
      const Token& tok = T(t - 1);
      const bool adverb = tok.norm.size() > 3 &&
                          tok.norm.compare(tok.norm.size() - 2, 2, "ly") == 0;
      if (tok.kind != TokenKind::kWord ||
          !(OneOf(tok.lemma, words_.auxiliaries) ||
            OneOf(tok.norm, words_.auxiliaries) || adverb))
        break;
      --t;
    }
    return t;
  }

  bool IsClauseBreak(size_t t) const {
    const std::string_view n = T(t).norm;
    return n.size() == 1 && (n[0] == '.' || n[0] == ';' || n[0] == ':' ||
                             n[0] == '!' || n[0] == '?');
  }

  // Whether the mention is the object of a preposition (then it is not a
  // subject). "A group of Moroccan diplomats", "thousands of students": after a
  // partitive or collective noun, "of" introduces the subject itself.
  bool AfterPreposition(const ActorMention* m) const {
    if (m->first_token == s_.first_token) return false;
    size_t t = m->first_token - 1;
    bool counted = false;
    while (t > s_.first_token &&
           (OneOf(T(t).norm, words_.determiners) || NumberValue(T(t)))) {
      counted |= NumberValue(T(t)).has_value();
      --t;
    }
    // "up to 100 Hungarians", "more than 20 people", "about 200 supporters":
    // the preposition belongs to the number, not to the actor.
    if (counted &&
        (OneOf(T(t).norm, words_.quantity_words) ||
         (T(t).norm == "to" && t > s_.first_token && T(t - 1).norm == "up")))
      return false;
    if (T(t).norm == "of" && t > s_.first_token &&
        (OneOf(T(t - 1).lemma, words_.partitives) ||
         OneOf(T(t - 1).norm, words_.partitives)))
      return false;
    return OneOf(T(t).norm, words_.prepositions);
  }
  bool AfterLocative(const ActorMention* m) const {
    if (m->first_token == s_.first_token) return false;
    size_t t = m->first_token - 1;
    while (t > s_.first_token && OneOf(T(t).norm, words_.determiners)) --t;
    return OneOf(T(t).norm, words_.locatives);
  }

  // The subject: the nearest actor before the trigger that is not a
  // prepositional object, with the other members of a compound subject ("X and
  // Y met").
  std::vector<const ActorMention*> Subjects(size_t trigger) const {
    std::vector<const ActorMention*> out;
    for (size_t i = mentions_.size(); i-- > 0;) {
      const ActorMention* m = mentions_[i];
      if (m->last_token > trigger) continue;
      // "Officials did not say whether the checkpoint had been attacked": an
      // actor outside the trigger's clause is not its subject.
      bool other_clause = false;
      for (size_t k = m->last_token; k < trigger; ++k)
        other_clause |= OneOf(T(k).norm, words_.subject_clause_openers);
      if (other_clause) break;
      if (AfterPreposition(m)) continue;
      out.push_back(m);
      // A compound subject, whether the actor stage split it ("Hungarian and
      // Romanian officials") or the text lists it ("Gondor and Osgiliath").
      if (std::vector<const ActorMention*> list = ConjunctsBefore(m);
          list.size() > 1)
        return list;
      break;
    }
    return out;
  }

  // The first actor after token t in the same clause. A sentence that opens
  // with a subordinate clause ("If ISIS attacks, Iraqi forces would respond")
  // ends that clause at its first comma. Role nouns before `pattern_end` are
  // words of the matched pattern ("launch a military offensive"), not
  // participants.
  const ActorMention* FirstActorAfter(size_t t, const ActorMention* not_this,
                                      size_t pattern_end = 0,
                                      bool* is_place = nullptr) const {
    size_t clause_end = s_.last_token;
    // A comma followed by a subordinator or a reporting verb also ends the
    // clause:
    // ", as authorities in Croatia cracked down", ", said a spokesman for ...".
    for (size_t k = t; k < s_.last_token; ++k) {
      if (IsClauseBreak(k) ||
          (T(k).norm == "," &&
           OneOf(T(s_.first_token).norm, words_.opening_subordinators)) ||
          (T(k).norm == "," && k + 1 < s_.last_token &&
           OneOf(T(k + 1).norm, words_.clause_after_comma))) {
        clause_end = k;
        break;
      }
    }
    const ActorMention* place = nullptr;
    for (const ActorMention* m : mentions_) {
      if (m->first_token < t || m == not_this) continue;
      if (m->first_token >= clause_end) break;
      if (m->first_token < pattern_end && m->last_token == m->first_token + 1 &&
          m->actor.country.empty() && m->actor.organization.empty() &&
          m->person.empty())
        continue;
      if (AfterLocative(m)) {
        // "lifted the curfew in Sudan": with no other participant, the country
        // where the act takes place is what it is done to (the CAMEO/PLOVER
        // convention).
        const bool capital = std::any_of(
            m->rules.begin(), m->rules.end(), [](const std::string& r) {
              return r.size() > 8 &&
                     r.compare(r.size() - 8, 8, " capital") == 0;
            });
        if (!place && (m->actor.sectors.empty() || capital || coded_places_) &&
            m->actor.country.size() == 3 && m->actor.country != "IGO" &&
            m->actor.country != "NGO")
          place = m;
        continue;
      }
      // After a place, only a participant still beats it: a direct object or
      // the object of "with", "against", "on", "to" — not an adjunct
      // ("following the deaths of two Israelis").
      if (place && AfterPreposition(m) && !AfterParticipantPreposition(m))
        break;
      // With TABARI dictionaries, whose roles take no country from the
      // sentence, a bare role ("on his first official visit") does not beat a
      // named place.
      if (coded_places_ && place && m->actor.country.empty() &&
          m->actor.organization.empty() && m->actor.prefix_sectors.empty())
        continue;
      return m;
    }
    if (place && is_place) *is_place = true;
    return place;
  }

  // The subject of a trigger that has no dictionary actor as subject ("medical
  // interns protested", "suicide bombings in the city killed", "the body was
  // found"): the words from the start of the trigger's clause to its first
  // preposition, past auxiliaries and adverbs before the trigger, at most six.
  // Empty when the clause starts with a preposition or the stretch is longer.
  ActorMention UncodedSubject(size_t trigger) const {
    ActorMention m;
    const size_t end = BackOverAuxiliaries(trigger, s_.first_token);
    size_t start = end;
    while (start > s_.first_token && T(start - 1).norm != "," &&
           !IsClauseBreak(start - 1) &&
           !OneOf(T(start - 1).norm, words_.uncoded_subject_stops))
      --start;
    size_t stop = start;
    while (stop < end && !OneOf(T(stop).norm, words_.prepositions) &&
           T(stop).kind != TokenKind::kPunct)
      ++stop;
    while (start < stop && OneOf(T(start).norm, words_.determiners)) ++start;
    if (start == stop || stop - start > 6 ||
        T(stop - 1).kind != TokenKind::kWord)
      return m;
    m.first_token = start;
    m.last_token = stop;
    m.span = Span{T(start).start, T(stop - 1).end};
    m.text =
        std::string(a_.text.substr(m.span.start, m.span.end - m.span.start));
    m.rules.push_back("rule:participant-without-code");
    return m;
  }

  // "killed in a grenade attack", "dead after an explosion", "injured during
  // the clashes", "wounded when a grenade was thrown", "targeted with a grenade
  // attack": the noun after a preposition or "when" that follows a word of harm
  // names the event that did the harm.
  bool AfterHarm(size_t t) const {
    size_t k = t;
    for (size_t words = 0; k > s_.first_token && words < 4; ++words) {
      --k;
      if (OneOf(T(k).norm, words_.harm_links)) {
        for (size_t h = k; h > s_.first_token && k - h < 4;) {
          --h;
          if (OneOf(T(h).lemma, words_.harm) || OneOf(T(h).norm, words_.harm))
            return true;
        }
        return false;
      }
      if (T(k).kind != TokenKind::kWord) return false;
    }
    return false;
  }

  // Whether the noun at `t` heads the subject of its clause: only modifiers (at
  // most five words, no preposition, verb form or conjunction) stand between it
  // and the sentence start or a comma. "On Tuesday, an airstrike hit" opens its
  // clause; "to discuss the ongoing fight" and "developments in the fight" do
  // not.
  bool OpensClause(size_t t) const {
    size_t words = 0;
    for (size_t k = t; k-- > s_.first_token;) {
      const Token& tok = T(k);
      if (tok.norm == "," || IsClauseBreak(k)) return true;
      if (OneOf(tok.norm, words_.prepositions) ||
          OneOf(tok.norm, words_.not_modifiers) || tok.lemma == "be" ||
          tok.lemma == "have" || tok.lemma != tok.norm || ++words > 5)
        return false;
    }
    return true;
  }

  bool InsideMention(size_t t) const {
    return std::any_of(mentions_.begin(), mentions_.end(),
                       [t](const ActorMention* m) {
                         return m->first_token <= t && t < m->last_token;
                       });
  }

  bool AfterParticipantPreposition(const ActorMention* m) const {
    if (m->first_token == s_.first_token) return false;
    size_t t = m->first_token - 1;
    while (t > s_.first_token && OneOf(T(t).norm, words_.determiners)) --t;
    return OneOf(T(t).norm, words_.participant_prepositions);
  }

  // The last actor that ends before token t in its clause, prepositional or
  // not.
  const ActorMention* NearestBefore(size_t t) const {
    const ActorMention* best = nullptr;
    for (const ActorMention* m : mentions_) {
      if (m->last_token > t) break;
      best = m;
    }
    if (!best) return nullptr;
    for (size_t k = best->last_token; k < t; ++k) {
      if (IsClauseBreak(k) || T(k).norm == ",") return nullptr;
    }
    return best;
  }

  const ActorMention* AgentAfterBy(size_t t) const {
    for (size_t k = t; k < s_.last_token && k < t + 4; ++k) {
      if (T(k).norm != "by") continue;
      for (const ActorMention* m : mentions_) {
        if (m->first_token > k && m->first_token <= k + 3) return m;
      }
    }
    return nullptr;
  }

  // Passive: a form of "be"/"get" just before an inflected trigger ("was
  // killed").
  bool IsPassive(size_t trigger) const {
    const std::string_view n = T(trigger).norm;
    if (n == T(trigger).lemma) return false;
    // A participle: "killed", "shot", "taken"; not "has been supporting" or
    // "says".
    if (n.size() > 3 &&
        (n.compare(n.size() - 3, 3, "ing") == 0 || n.back() == 's'))
      return false;
    if (IsCountedParticiple(trigger)) return true;
    for (size_t k = trigger; k-- > s_.first_token && trigger - k <= 3;) {
      const Token& tok = T(k);
      if (tok.lemma == "be" || tok.lemma == "get") return true;
      if (tok.kind != TokenKind::kWord) return false;
      if (!(tok.norm.size() > 2 &&
            tok.norm.compare(tok.norm.size() - 2, 2, "ly") == 0) &&
          tok.norm != "also" && tok.norm != "not" && tok.norm != "n't" &&
          tok.norm != "reportedly")
        return false;
    }
    return false;
  }

  // Headline and summary style, without an auxiliary: "7 civilians killed",
  // "two soldiers wounded in the blast". The participle of a verb of harm or
  // capture right after a noun phrase that opens with a count, with no object
  // after it, is a passive: the counted people are what the act was done to.
  // (Other verbs read as active there: "thousands of Albanians demonstrated in
  // Pristina".)
  bool IsCountedParticiple(size_t trigger) const {
    if (!OneOf(T(trigger).lemma, words_.done_to_people)) return false;
    if (trigger + 1 < s_.last_token) {
      const Token& next = T(trigger + 1);
      if (next.kind != TokenKind::kPunct &&
          !OneOf(next.norm, words_.after_passive))
        return false;
    }
    for (size_t k = trigger; k-- > s_.first_token && trigger - k <= 4;) {
      const Token& tok = T(k);
      if (NumberValue(tok))
        return k + 1 < trigger;  // a count, then the noun phrase
      if (tok.kind != TokenKind::kWord) return false;
    }
    return false;
  }

  // "met with X to discuss Y": an infinitive that states the purpose of another
  // act is not an event of its own (after "plan to", "threaten to" it is, with
  // a modality).
  bool IsPurposeInfinitive(size_t trigger) const {
    if (trigger < s_.first_token + 1 || T(trigger - 1).norm != "to")
      return false;
    if (trigger < s_.first_token + 2) return true;
    const Token& governor = T(trigger - 2);
    // "was seen to break", "is expected to sign": after a passive verb of
    // perception or report the infinitive is the act reported ("to be allowed
    // to leave" is not).
    if (trigger >= s_.first_token + 3 &&
        OneOf(governor.norm, words_.report_participles) &&
        T(trigger - 3).lemma == "be")
      return false;
    return !OneOf(governor.lemma, words_.intent_verbs) &&
           governor.norm != "going" && governor.norm != "able" &&
           governor.norm != "about";
  }

  // Derived nouns ("cooperation", "agreement", "assistance") are rarely verbs.
  bool HasNounSuffix(size_t t) const {
    const std::string_view n = T(t).norm;
    for (const std::string& suffix : words_.noun_suffixes.words()) {
      const size_t len = suffix.size();
      if (n.size() > len + 2 && n.compare(n.size() - len, len, suffix) == 0)
        return true;
    }
    return false;
  }

  bool IsNominal(size_t trigger) const {
    if (HasNounSuffix(trigger)) return true;
    const std::string_view n = T(trigger).norm;
    // An inflected form other than a plural or an -ing form is a verb ("the
    // rebels attacked", "the army took control"); otherwise a determiner up to
    // four words before makes a noun ("a nerve agent attack", "its April 4
    // chemical attack").
    const bool ends_s = !n.empty() && n.back() == 's';
    const bool ends_ing =
        n.size() > 4 && n.compare(n.size() - 3, 3, "ing") == 0;
    if (n != T(trigger).lemma && !ends_s && !ends_ing) return false;
    if (trigger > s_.first_token) {
      const Token& before = T(trigger - 1);
      // "in protest", "after talks": right after a preposition it is a noun.
      if (before.norm != "to" && OneOf(before.norm, words_.prepositions))
        return true;
      // "the two countries cut ties", "the rebels attack": after a plural noun,
      // a verb.
      if (before.kind == TokenKind::kWord && before.norm != before.lemma &&
          before.norm.size() > 3 && before.norm.back() == 's' &&
          before.norm.compare(before.norm.size() - 2, 2, "ss") != 0)
        return false;
    }
    for (size_t k = trigger; k-- > s_.first_token && trigger - k <= 4;) {
      if (OneOf(T(k).norm, words_.determiners)) return true;
      // A count makes a noun phrase: "fired two artillery shells", "three
      // rockets".
      if (NumberValue(T(k)) && !IsDateNumber(k)) return true;
      if (T(k).norm == "-") continue;  // "anti- Gondor"
      if (T(k).kind != TokenKind::kWord && T(k).kind != TokenKind::kNumber)
        return false;
      if (T(k).lemma == "be" || T(k).lemma == "have" ||
          OneOf(T(k).norm, words_.prepositions) ||
          OneOf(T(k).norm, words_.nominal_scan_stops) ||
          (T(k).norm.size() > 4 &&
           T(k).norm.compare(T(k).norm.size() - 2, 2, "ed") == 0))
        return false;
    }
    return false;
  }

  bool Negated(size_t from, size_t trigger) const {
    for (size_t k = std::max(from, trigger >= 4 ? trigger - 4 : 0); k < trigger;
         ++k) {
      if (OneOf(T(k).norm, words_.negations) || T(k).lemma == "not")
        return true;
    }
    return false;
  }

  Modality ModalityOf(size_t from, size_t trigger) const {
    for (size_t k = s_.first_token; k < trigger; ++k) {
      if (k == s_.first_token && OneOf(T(k).norm, words_.conditional_openers))
        return Modality::kConditional;
    }
    const size_t start = std::max(from, trigger >= 5 ? trigger - 5 : 0);
    for (size_t k = trigger; k-- > start;) {
      const std::string_view n = T(k).norm;
      // "9 May 2024", "Will Smith": a modal inside a date, or capitalised
      // inside a sentence, is a month or a name.
      if (InsideDate(k) || (T(k).capitalized && k > s_.first_token)) continue;
      if (OneOf(n, words_.future_modals)) return Modality::kFuture;
      if (OneOf(n, words_.possible_modals)) return Modality::kPossible;
      if (OneOf(n, words_.conditional_modals)) return Modality::kConditional;
      if (OneOf(n, words_.obligation_modals)) return Modality::kObligation;
      // "to" is the infinitive's own marker, and "going to", "about to" two
      // fixed phrases, not word classes: they stay here.
      if (n == "to" && k > s_.first_token &&
          OneOf(T(k - 1).lemma, words_.intent_verbs))
        return Modality::kIntended;
      if (n == "to" && k > s_.first_token + 1 &&
          (T(k - 1).norm == "going" || T(k - 1).norm == "about"))
        return Modality::kFuture;  // "is going to", "is about to"
    }
    return Modality::kAsserted;
  }

  // The lemma of the verb that governs an infinitive trigger ("refused to
  // allow" -> "refuse"), or "" when the trigger is not such an infinitive.
  std::string IntentGovernor(size_t from, size_t trigger) const {
    const size_t start = std::max(from, trigger >= 5 ? trigger - 5 : 0);
    for (size_t k = trigger; k-- > start;) {
      if (T(k).norm == "to" && k > s_.first_token &&
          OneOf(T(k - 1).lemma, words_.intent_verbs))
        return std::string(T(k - 1).lemma);
    }
    return "";
  }

  // Counts stated in the sentence, each the nearest number within six tokens of
  // a cue word, before or after ("killing 6 civilians", "more than 20 people
  // were killed", "arresting 12"), that is not a year. Vague amounts count at a
  // typical value ("dozens" 24, "hundreds" 200, "thousands" 2000). Each is a
  // property of the sentence, computed on first use (every event of the
  // sentence asks).
  std::optional<int> Fatalities() const {
    if (!fatalities_) fatalities_ = CountNear(words_.death_words);
    return *fatalities_;
  }
  std::optional<int> Injuries() const {
    if (!injuries_) injuries_ = CountNear(words_.injury_words);
    return *injuries_;
  }
  std::optional<int> Arrests() const {
    if (!arrests_) arrests_ = CountNear(words_.arrest_words);
    return *arrests_;
  }
  // The size of the acting crowd: a number in the source's phrase or just
  // before it
  // ("Up to 100 ethnic Albanians demonstrated", "thousands of students
  // marched").
  std::optional<int> CrowdSize(const ActorMention& source) const {
    if (source.text.empty()) return std::nullopt;
    const size_t lo = source.first_token >= s_.first_token + 4
                          ? source.first_token - 4
                          : s_.first_token;
    for (size_t k = lo; k < source.last_token && k < s_.last_token; ++k) {
      std::optional<int> v = NumberValue(T(k));
      if (v && !IsDateNumber(k)) return v;
    }
    return std::nullopt;
  }

  // A number of a date ("9 May 2020") or a year: not a count.
  bool IsDateNumber(size_t k) const {
    if (T(k).kind != TokenKind::kNumber) return false;
    if (InsideDate(k)) return true;
    std::optional<int> v = NumberValue(T(k));
    return v && *v >= 1900 && *v <= 2100;
  }

  std::optional<int> CountNear(const WordSet& cues) const {
    for (size_t t = s_.first_token; t < s_.last_token; ++t) {
      if (!OneOf(T(t).lemma, cues) && !OneOf(T(t).norm, cues)) continue;
      std::optional<int> best;
      size_t best_distance = 7;
      const size_t lo =
          t >= 6 ? std::max(t - 6, s_.first_token) : s_.first_token;
      for (size_t k = lo; k < s_.last_token && k <= t + 6; ++k) {
        std::optional<int> v = NumberValue(T(k));
        if (!v || IsDateNumber(k)) continue;
        const size_t d = k > t ? k - t : t - k;
        if (d < best_distance) {
          best = v;
          best_distance = d;
        }
      }
      if (best) return best;
    }
    return std::nullopt;
  }

 private:
  const AnalyzedText& a_;
  const Sentence& s_;
  const FunctionWords& words_;
  bool coded_places_ = false;
  mutable std::optional<std::optional<int>> fatalities_, injuries_,
      arrests_;  // not yet computed: nullopt
  std::vector<const ActorMention*> mentions_;
  std::vector<Span> dates_;  // spans of the dates in the sentence
  std::vector<size_t>
      key_hashes_;  // StringHash of each token's key; see HashKeys
};

// The items of a document (actors, dates, places) that lie in each sentence, in
// document order: per sentence, the items `in(sentence, item)` accepts among
// those whose start falls in it (or, for an empty item at a boundary, in the
// sentence before). Found by a binary search per item, so that coding stays
// linear in the document however many sentences and mentions it has.
template <typename T, typename In>
std::vector<std::vector<const T*>> SentenceItems(const AnalyzedText& a,
                                                 const std::vector<T>& items,
                                                 In in) {
  std::vector<std::vector<const T*>> out(a.sentences.size());
  for (const T& item : items) {
    const size_t start = item.span.start;
    auto it = std::upper_bound(
        a.sentences.begin(), a.sentences.end(), start,
        [](size_t pos, const Sentence& s) { return pos < s.start; });
    size_t k = static_cast<size_t>(it - a.sentences.begin());
    for (size_t candidate = k; candidate-- > 0 && candidate + 2 >= k;) {
      if (in(a.sentences[candidate], item)) {
        out[candidate].push_back(&item);
        break;
      }
    }
  }
  return out;
}

// Words that stand for several actors at once (TABARI "THE_SHIRE
// [FRO/BIL/SAM]", ActorMention::also) give one event per actor: each event from
// `first` on is replaced by one per combination of its source's and its
// target's codes.
void ExpandAlsoCodes(size_t first, std::vector<Event>* events) {
  // Nearly every sentence has none: leave its events alone.
  if (std::none_of(events->begin() + static_cast<long>(first), events->end(),
                   [](const Event& e) {
                     return !e.source.also.empty() || !e.target.also.empty();
                   }))
    return;
  std::vector<Event> expanded;
  for (size_t i = first; i < events->size(); ++i) {
    Event& e = (*events)[i];
    std::vector<ActorCode> sources = {e.source.actor},
                           targets = {e.target.actor};
    sources.insert(sources.end(), e.source.also.begin(), e.source.also.end());
    targets.insert(targets.end(), e.target.also.begin(), e.target.also.end());
    for (const ActorCode& source : sources) {
      for (const ActorCode& target : targets) {
        Event copy = e;
        copy.source.actor = source;
        copy.source.also.clear();
        copy.target.actor = target;
        copy.target.also.clear();
        expanded.push_back(std::move(copy));
      }
    }
  }
  events->resize(first);
  for (Event& e : expanded) events->push_back(std::move(e));
}

// A comment verb's speaker ("a spokesman said"): whom the sentence's report is
// attributed to.
struct Attribution {
  const ActorMention* speaker;
  size_t trigger;
  std::string rule;  // the attribution.txt entry
};

// When and where an event of sentence `s` happened: a date in the sentence,
// else the publication date; a place named in the sentence outside its actors,
// else the dateline's. The rules record which. `dates` and `places` are the
// sentence's own (SentenceItems), in document order.
void AssignWhenWhere(const std::vector<const DateMention*>& dates,
                     const std::vector<const PlaceMention*>& places,
                     const EventContext& context, const ActorMention* source,
                     const ActorMention* target, Event* e) {
  if (!dates.empty()) {
    e->date = *dates.front();
    e->rules.push_back("rule:date-in-sentence");
  }
  if (!e->date) {
    DateMention d;
    if (context.published) {
      d.value = context.published;
      d.year_hint = context.published->year;
      d.relative = "publication date";
    } else {
      d.relative = "publication date (unknown)";
      d.year_hint = context.year_hint;
    }
    e->date = d;
    e->rules.push_back("rule:date-from-publication");
  }
  const auto overlaps = [](const PlaceMention& p, const ActorMention* m) {
    return m && p.span.start < m->span.end && p.span.end > m->span.start;
  };
  for (const PlaceMention* place : places) {
    const PlaceMention& p = *place;
    if (p.from_dateline) continue;
    if (overlaps(p, source) || overlaps(p, target)) continue;
    e->place = p;
    e->rules.push_back("rule:place-in-sentence");
    break;
  }
  if (!e->place && context.dateline_place) {
    e->place = context.dateline_place;
    e->rules.push_back("rule:place-from-dateline");
  }
}

// The statement of intent behind a future, intended or conditional act. PLOVER
// (like CAMEO's 03x, 12x and 13x codes) codes "X will support Y", "X said it
// would blockade Y" as the statement of intent: a co-operative act gives AGREE,
// a hostile one THREATEN, a negated co-operative one ("will not accept")
// REJECT. The act itself is kept as its own event with its modality flag; the
// intent event comes first, as what the sentence asserts. None when the
// governing verb codes the intent itself
// ("threatened to", "agreed to", "refused to").
std::optional<Event> IntentEvent(const Event& act, const std::string& governor,
                                 const EventCoder& coder,
                                 const FunctionWords& words) {
  static constexpr Plover kCooperative[] = {
      Plover::kSupport, Plover::kCooperate, Plover::kAid,
      Plover::kConsult, Plover::kRetreat,   Plover::kConcede};
  static constexpr Plover kHostile[] = {Plover::kCoerce,  Plover::kSanction,
                                        Plover::kAssault, Plover::kFight,
                                        Plover::kProtest, Plover::kMobilize};
  const bool intent = act.modality == Modality::kFuture ||
                      act.modality == Modality::kIntended ||
                      act.modality == Modality::kConditional ||
                      act.modality == Modality::kPossible;
  if (!intent || OneOf(governor, words.self_coding_intents))
    return std::nullopt;
  const bool cooperative =
      std::find(std::begin(kCooperative), std::end(kCooperative), act.plover) !=
      std::end(kCooperative);
  const bool hostile = std::find(std::begin(kHostile), std::end(kHostile),
                                 act.plover) != std::end(kHostile);
  std::string code;
  if (cooperative && act.negated) {
    code = "120";
  } else if (hostile && !act.negated) {
    if (act.plover == Plover::kProtest)
      code = "133";
    else if (act.plover == Plover::kSanction)
      code = "131";
    else if (act.plover == Plover::kCoerce)
      code = "137";
    else
      code = "138";
  } else if (cooperative) {
    if (act.plover == Plover::kAid)
      code = "033";
    else if (act.plover == Plover::kConsult)
      code = "036";
    else if (act.plover == Plover::kRetreat || act.plover == Plover::kConcede)
      code = "035";
    else if (act.plover == Plover::kSupport)
      code = "032";
    else
      code = "031";
  }
  const CameoCode* c = code.empty() ? nullptr : coder.Cameo(code);
  if (!c) return std::nullopt;
  Event e = act;
  e.rules.push_back("rule:stated-intent " + act.cameo + " -> " + c->code);
  e.cameo = c->code;
  e.cameo_name = c->name;
  e.plover = c->plover;
  e.acled = c->acled;
  e.negated = false;
  e.modality = Modality::kAsserted;
  e.fatalities.reset();
  return e;
}

// "X said Y must (should) do Z": the statement is a demand by X on Y (CAMEO
// 100, PLOVER DEMAND). Added beside the statement (a statement event, or a
// comment verb's speaker), dated and placed like the sentence's events.
void AddObligationDemands(const SentenceCoder& sc, size_t si,
                          const EventCoder& coder,
                          const std::vector<Attribution>& attributions,
                          const std::vector<const DateMention*>& dates,
                          const std::vector<const PlaceMention*>& places,
                          const EventContext& context,
                          std::vector<Event>* events) {
  const Sentence& s = sc.sentence();
  const CameoCode* demand = coder.Cameo("100");
  if (!demand) return;
  for (size_t k = s.first_token + 1; k < s.last_token; ++k) {
    const std::string_view n = sc.T(k).norm;
    if (n != "must" && n != "should") continue;
    const ActorMention* addressee = nullptr;
    for (const ActorMention* m : sc.mentions()) {
      if (m->last_token == k || (m->last_token + 1 == k &&
                                 sc.T(m->last_token).kind == TokenKind::kWord &&
                                 (sc.T(m->last_token).norm == "also" ||
                                  sc.T(m->last_token).norm == "now")))
        addressee = m;
    }
    if (!addressee) continue;
    const Event* statement = nullptr;
    for (const Event& e : *events) {
      if (e.sentence != si || e.plover != Plover::kOther ||
          e.source.text.empty())
        continue;
      if (e.source.span.start == addressee->span.start) continue;
      statement = &e;
      break;
    }
    Event d;
    if (statement) {
      d = *statement;
    } else {
      const Attribution* said = nullptr;
      for (const Attribution& at : attributions) {
        if (at.trigger < k && at.speaker->span.start != addressee->span.start)
          said = &at;
      }
      if (!said) continue;
      d.source = *said->speaker;
      d.evidence = Span{s.start, s.end};
      d.sentence = si;
      d.rules.push_back(said->rule);
      AssignWhenWhere(dates, places, context, said->speaker, addressee, &d);
    }
    d.cameo = demand->code;
    d.cameo_name = demand->name;
    d.plover = demand->plover;
    d.acled = demand->acled;
    d.target = *addressee;
    d.modality = Modality::kAsserted;
    d.negated = false;
    d.trigger = std::string(sc.T(k).norm);
    d.trigger_token = k;
    d.rules.push_back("rule:reported-obligation");
    events->push_back(std::move(d));
    break;
  }
}

// An actor named only by its role ("the prime minister", "police", "rebels")
// takes the country of the nearest country-coded actor in its sentence
// ("Haiti's", "in Sudan"): in news a role noun without a country almost always
// belongs to the country the sentence is about. International codes (IGO, NGO,
// IMG, MNC) are not countries. The events of sentence `si` are those from
// `first` on.
void FillCountriesFromSentence(const SentenceCoder& sc, size_t si, size_t first,
                               std::vector<Event>* events) {
  const auto is_country = [](const std::string& c) {
    return c.size() == 3 && c != "IGO" && c != "NGO" && c != "IMG" &&
           c != "MNC";
  };
  // The other participant's own words are the last resort: "Palestinian bombers
  // killed 23 people in Tel Aviv" should not make the victims Palestinian when
  // the sentence names another country, but "Nigerian authorities jailed 52
  // members of MASSOB" has no other. breaks_before[k]: commas and clause breaks
  // among the sentence's tokens before k, so that "is there one between two
  // mentions" costs O(1).
  const Sentence& s = sc.sentence();
  std::vector<uint32_t> breaks_before(s.last_token - s.first_token + 1, 0);
  for (size_t k = s.first_token; k < s.last_token; ++k) {
    breaks_before[k - s.first_token + 1] =
        breaks_before[k - s.first_token] +
        (sc.T(k).norm == "," || sc.IsClauseBreak(k) ? 1 : 0);
  }
  const auto break_between = [&](size_t lo, size_t hi) {
    return hi > lo && breaks_before[hi - s.first_token] !=
                          breaks_before[lo - s.first_token];
  };
  const auto fill = [&](ActorMention& m, const ActorMention& partner) {
    if (m.text.empty() || !m.actor.country.empty()) return;
    const ActorMention* best = nullptr;
    // Pass 0: another actor of the same comma-free stretch; 1: the partner; 2:
    // any.
    for (const int pass : {0, 1, 2}) {
      size_t best_distance = SIZE_MAX;
      for (const ActorMention* other : sc.mentions()) {
        if (!is_country(other->actor.country)) continue;
        const bool is_partner = !partner.text.empty() &&
                                other->span.start == partner.span.start &&
                                other->span.end == partner.span.end;
        if (pass == 0) {
          if (is_partner) continue;
          const size_t lo = std::min(other->last_token, m.last_token),
                       hi = std::max(other->first_token, m.first_token);
          if (break_between(lo, hi)) continue;
        } else if (pass == 1 && !is_partner) {
          continue;
        }
        const size_t d = other->first_token >= m.last_token
                             ? other->first_token - m.last_token
                         : m.first_token >= other->last_token
                             ? m.first_token - other->last_token
                             : 0;
        if (d < best_distance) {
          best = other;
          best_distance = d;
        }
      }
      if (best) break;
    }
    if (!best) return;
    m.actor.country = best->actor.country;
    m.rules.push_back("rule:country-from-sentence");
  };
  for (size_t i = first; i < events->size(); ++i) {
    Event& e = (*events)[i];
    if (e.sentence != si) continue;
    const ActorMention source =
        e.source;  // as found, before its own country is filled
    fill(e.source, e.target);
    fill(e.target, source);
  }
}

// Who did it and to whom, as the clause around a trigger says.
struct Participants {
  std::vector<const ActorMention*> sources;
  const ActorMention* target = nullptr;
  bool target_is_place = false;
  // Words the sentence gives as the doer or the one done to when no actor is
  // named there (entries coded without actors: "an explosion hit the market").
  std::optional<ActorMention> uncoded_source, uncoded_target;
  std::vector<std::string> rules;  // clause rules that decided them
};

// Source-target pairs of one trigger's events: the coded ones first, then the
// reverse events of a paired or reciprocal code.
struct Dyads {
  std::vector<std::pair<const ActorMention*, const ActorMention*>> pairs;
  size_t coded = 0;          // pairs [0, coded) have the entry's own code
  std::string reverse_code;  // the code of pairs [coded, end), or empty
};

// The match keys of a sentence, hashed at its first trigger: a pattern whose
// required words are not all there is ruled out without being matched.
struct SentenceKeys {
  std::vector<size_t> hashes;  // sorted; empty until the first trigger
  uint64_t bits = 0;           // HashBit of each
};

// Codes the triggers of one sentence, one at a time, then the sentence as a
// whole. Holds what the sentence's earlier triggers leave for its later ones.
class SentenceEvents {
 public:
  SentenceEvents(const EventCoder& coder, bool dictionaries_only,
                 const SentenceCoder& sc, size_t si,
                 const std::vector<const DateMention*>& dates,
                 const std::vector<const PlaceMention*>& places,
                 const EventContext& context, std::vector<Event>* events)
      : coder_(coder),
        dictionaries_only_(dictionaries_only),
        sc_(sc),
        si_(si),
        dates_(dates),
        places_(places),
        context_(context),
        events_(*events),
        first_event_(events->size()) {}

  // The events of the word at token t, whose most specific verb pattern,
  // `pattern` of `entry`, matched as `m`.
  void CodeTrigger(size_t t, const Pattern& pattern, const VerbEntry& entry,
                   const PatternMatch& m) {
    // TABARI's null code: the longest pattern says this is no event.
    if (entry.codes_nothing) return;
    if (entry.attribution) {
      Attribute(t, entry);
      return;
    }
    if (ReportsNoAct(t, m, entry.without_actors)) return;
    const bool passive = sc_.IsPassive(t);
    Participants p;
    p.target = m.target;
    if (passive) {
      FindPassiveParticipants(t, entry.without_actors, &p);
    } else if (!FindActiveParticipants(t, m, entry, &p)) {
      return;
    }
    if (passive && m.source && p.sources.empty()) p.sources = {m.source};
    if (!entry.without_actors) {
      if (p.sources.empty() && !p.target) return;
      if (p.sources.empty() && !passive)
        return;  // an active verb with no subject
    }
    const Dyads dyads = PairParticipants(t, m, entry, passive, &p);
    if (!p.sources.empty() && !passive) {
      last_sources_ = p.sources;
      last_trigger_ = t;
    }
    Emit(t, pattern, entry, m, p, dyads);
  }

  // After the sentence's last trigger: event nouns without actors dropped where
  // the sentence codes something else, multi-actor words expanded, attributions
  // recorded, demands and countries the sentence implies added.
  void Finish() {
    // An event noun with no actor stands for the sentence's event only when the
    // sentence codes no other. Incidents stay: "an oil spill" is what "damaged"
    // the delta, and the ACLED table reads the two together.
    const auto noun_only = [](const Event& e) {
      return !e.cameo.empty() &&
             Contains(e.rules, "rule:event-noun-without-actor");
    };
    const auto first = events_.begin() + static_cast<long>(first_event_);
    if (std::any_of(first, events_.end(),
                    [&](const Event& e) { return !noun_only(e); })) {
      events_.erase(std::remove_if(first, events_.end(), noun_only),
                    events_.end());
    }
    ExpandAlsoCodes(first_event_, &events_);
    for (size_t i = first_event_; i < events_.size(); ++i) {
      for (const Attribution& at : attributions_) {
        if (events_[i].source.span.start == at.speaker->span.start &&
            events_[i].source.span.end == at.speaker->span.end)
          continue;
        events_[i].rules.push_back("rule:attributed-to \"" + at.speaker->text +
                                   "\" (" + at.rule + ")");
        break;
      }
    }
    if (!dictionaries_only_) {
      AddObligationDemands(sc_, si_, coder_, attributions_, dates_, places_,
                           context_, &events_);
      FillCountriesFromSentence(sc_, si_, first_event_, &events_);
    }
  }

 private:
  // "..., a spokesman said": the speaker of the sentence's report, no event.
  void Attribute(size_t t, const VerbEntry& entry) {
    std::vector<const ActorMention*> speakers = sc_.Subjects(t);
    if (speakers.empty()) speakers = sc_.SubjectAfter(t);
    if (speakers.empty()) return;
    attributions_.push_back(Attribution{speakers.back(), t, entry.rule});
    last_sources_ = speakers;
    last_trigger_ = t;
  }

  // Whether the word at t, matched as `m`, reports no act of its own here.
  bool ReportsNoAct(size_t t, const PatternMatch& m,
                    bool without_actors) const {
    const Sentence& s = sc_.sentence();
    const std::string_view norm = sc_.T(t).norm;
    // "the captured village", "a damaged car": a participle right after a
    // determiner describes a noun, it does not report an act.
    if (t > s.first_token &&
        OneOf(sc_.T(t - 1).norm, sc_.words().determiners) && norm.size() > 4 &&
        norm.compare(norm.size() - 2, 2, "ed") == 0)
      return true;
    // A word of an actor's name ("Iraqi forces", "riot police") is not a verb.
    if (sc_.InsideMention(t)) return true;
    if (sc_.mentions().empty() && !without_actors)
      return true;  // no actor, no event
    // "very close to the border": after a degree adverb a base form is an
    // adjective.
    if (t > s.first_token &&
        OneOf(sc_.T(t - 1).norm, sc_.words().degree_adverbs) &&
        norm == sc_.T(t).lemma)
      return true;
    // "should have acted": a modal before a verb is an auxiliary, no act of its
    // own unless the pattern matched words around it.
    if (OneOf(norm, sc_.words().modals) && m.weight <= 1 &&
        t + 1 < s.last_token && sc_.T(t + 1).kind == TokenKind::kWord)
      return true;
    // Words the pattern matched before the verb say how to read it ("begun to
    // question", "inching nearer to accord"): no purpose infinitive then.
    const bool words_before = m.start < t;
    return !words_before && sc_.IsPurposeInfinitive(t);
  }

  void FindPassiveParticipants(size_t t, bool without_actors,
                               Participants* p) const {
    std::vector<const ActorMention*> subjects = sc_.Subjects(t);
    // "was attacked by X armed with machetes": the agent follows the
    // participle, whatever the pattern matched beyond it.
    const ActorMention* agent = sc_.AgentAfterBy(t + 1);
    if (agent) p->sources.push_back(agent);
    if (!p->target && !subjects.empty()) p->target = subjects.back();
    // "A camp for Congolese refugees was attacked": the passive subject's head
    // may be no actor, its modifier is what was hit.
    if (!p->target) p->target = sc_.NearestBefore(t);
    if (!p->target && !agent && without_actors) {
      p->uncoded_target = sc_.UncodedSubject(t);
      if (p->uncoded_target->text.empty()) p->uncoded_target.reset();
    }
    p->rules.push_back("rule:passive");
  }

  // False when the word is a noun that codes no event here.
  bool FindActiveParticipants(size_t t, const PatternMatch& m,
                              const VerbEntry& entry, Participants* p) const {
    const Sentence& s = sc_.sentence();
    const std::string_view norm = sc_.T(t).norm;
    const bool words_before = m.start < t;
    // TABARI and PETRARCH verb dictionaries list verbs: a noun is no event of
    // theirs, unless the pattern reads the word as a verb: its words before a
    // derived noun ("begun to question"), or its source slot just before the
    // word
    // ("the Central African Republic agree", pattern "% *").
    const bool pattern_says_verb =
        dictionaries_only_ && ((words_before && sc_.HasNounSuffix(t)) ||
                               (m.source && m.source->last_token == t));
    if (!pattern_says_verb && sc_.IsNominal(t)) {
      if (dictionaries_only_) return false;
      // "the attack on X", "the ongoing fight against ISIS": a noun names an
      // event whose doer the sentence gives only with "by".
      const ActorMention* agent = sc_.AgentAfterBy(m.end);
      if (agent) {
        p->sources.push_back(agent);
        p->rules.push_back("rule:nominal-by");
      } else if (entry.without_actors &&
                 (entry.incident != AcledSubEventType::kNone ||
                  sc_.OpensClause(t) || sc_.AfterHarm(t))) {
        // Incidents are taken wherever they are named: they label a report only
        // when it codes no political event (acled.cc), so a pandemic in the
        // background of a protest is harmless.
        // "An airstrike hit the market": the noun is the event. Kept only when
        // the sentence codes nothing else (see Finish), so that a background
        // mention
        // ("amid the fight against ISIS") does not become an event of its own.
        p->rules.push_back("rule:event-noun-without-actor");
      } else {
        return false;
      }
    } else if (t > s.first_token && sc_.T(t - 1).norm == "," &&
               norm.size() > 4 &&
               norm.compare(norm.size() - 3, 3, "ing") == 0 &&
               !events_.empty() && events_.back().sentence == si_) {
      // ", killing four police officers": a participle clause shares the
      // subject of the clause it follows. When that subject is no actor ("a
      // fire swept through the factory, killing 100 workers"), neither is the
      // participle's: the nearest actor before it is some other clause's object
      // or a place.
      const ActorMention& previous = events_.back().source;
      if (!previous.text.empty()) {
        p->sources = sc_.Subjects(t);
        for (const ActorMention* mention : sc_.mentions()) {
          if (mention->span.start == previous.span.start &&
              mention->span.end == previous.span.end)
            p->sources = {mention};
        }
      }
      p->rules.push_back("rule:participle-clause-subject");
    } else {
      p->sources = ClauseSubjects(t, m, entry.without_actors, p);
    }
    if (!p->target) {
      p->target = sc_.FirstActorAfter(
          t + 1, p->sources.empty() ? nullptr : p->sources.back(), m.end,
          &p->target_is_place);
      if (p->target && p->target->first_token < t) p->target = nullptr;
    }
    return true;
  }

  // The subject of an active verb's clause.
  std::vector<const ActorMention*> ClauseSubjects(size_t t,
                                                  const PatternMatch& m,
                                                  bool without_actors,
                                                  Participants* p) const {
    const bool words_before = m.start < t;
    // The subject stands before the words the pattern matched before the verb
    // ("Ethiopia indicated it would act": "indicated ... would" is the
    // pattern's).
    std::vector<const ActorMention*> sources = sc_.Subjects(m.start);
    // "Neither Galadriel nor Gollum boycotted" (pattern "NEITHER *"): the
    // subject may stand among the pattern's words.
    if (sources.empty() && words_before && !m.target_before)
      sources = sc_.Subjects(t);
    // "X condemned the attack and promised aid": a verb coordinated with the
    // one before it shares its subject.
    if (!last_sources_.empty() &&
        sc_.CoordinatedWithPreviousVerb(m.start, last_trigger_))
      sources = last_sources_;
    // "Iraq said it would attack": a pronoun subject stands for the subject of
    // the verb before it in the sentence; with none ("..., he said") it names
    // no actor.
    if (sc_.PronounSubject(m.start)) sources = last_sources_;
    // A "$" or "%" slot names the source; a compound one with all its members.
    if (m.source) {
      sources = m.source->last_token <= t
                    ? sc_.ConjunctsBefore(m.source)
                    : std::vector<const ActorMention*>{m.source};
    }
    if (sources.empty() && without_actors) {
      p->uncoded_source = sc_.UncodedSubject(t);
      if (p->uncoded_source->text.empty()) p->uncoded_source.reset();
    }
    return sources;
  }

  Dyads PairParticipants(size_t t, const PatternMatch& m,
                         const VerbEntry& entry, bool passive,
                         Participants* p) const {
    // Each coordinated actor is a participant of its own ("ties with Gondor and
    // Arnor"); a passive's compound subject is a compound target.
    std::vector<const ActorMention*> targets;
    if (p->target && !p->target_is_place)
      targets = sc_.Conjuncts(p->target);
    else if (p->target)
      targets = {p->target};
    if (passive && !m.target) {
      std::vector<const ActorMention*> subjects = sc_.Subjects(t);
      if (subjects.size() > 1 && p->target == subjects.back())
        targets = subjects;
    }
    // "X and Y agree": TABARI's "%" codes the members of a compound subject
    // with each other, both ways. So does a reciprocal verb whose pattern took
    // no object ("Houthi fighters and government forces clashed"), whatever
    // actor follows it.
    const std::vector<const ActorMention*>& sources = p->sources;
    const bool reciprocal =
        m.compound_source ||
        (!passive && !m.target && sources.size() > 1 &&
         OneOf(sc_.T(t).lemma, sc_.words().reciprocal_verbs));
    Dyads dyads;
    if (reciprocal && sources.size() > 1) {
      for (size_t i = 0; i < sources.size(); ++i) {
        for (size_t j = i + 1; j < sources.size(); ++j)
          dyads.pairs.emplace_back(sources[i], sources[j]);
      }
      p->rules.push_back("rule:compound-dyads");
    } else {
      for (const ActorMention* src :
           sources.empty() ? std::vector<const ActorMention*>{nullptr}
                           : sources) {
        for (const ActorMention* tgt :
             targets.empty() ? std::vector<const ActorMention*>{nullptr}
                             : targets)
          dyads.pairs.emplace_back(src, tgt);
      }
    }
    // A paired code ("032:033": X visits Y, Y hosts X) adds the reverse event;
    // "%" pairs are reversed with the same code when no pair is given.
    dyads.reverse_code = !entry.paired_cameo.empty() ? entry.paired_cameo
                         : reciprocal                ? entry.cameo
                                                     : "";
    dyads.coded = dyads.pairs.size();
    for (size_t d = 0; d < dyads.coded && !dyads.reverse_code.empty(); ++d) {
      if (dyads.pairs[d].first && dyads.pairs[d].second)
        dyads.pairs.emplace_back(dyads.pairs[d].second, dyads.pairs[d].first);
    }
    return dyads;
  }

  // One event per pair.
  void Emit(size_t t, const Pattern& pattern, const VerbEntry& entry,
            const PatternMatch& m, const Participants& p, const Dyads& dyads) {
    const Sentence& s = sc_.sentence();
    const size_t clause_start =
        p.sources.empty() ? s.first_token : p.sources.back()->last_token;
    // "[:173]" codes only the reverse event.
    const bool reverse_only =
        entry.cameo.empty() && !entry.paired_cameo.empty();
    for (size_t d = reverse_only ? dyads.coded : 0; d < dyads.pairs.size();
         ++d) {
      const auto [source, target] = dyads.pairs[d];
      const std::string& event_code =
          d < dyads.coded ? entry.cameo : dyads.reverse_code;
      const CameoCode* code =
          event_code.empty() ? nullptr : coder_.Cameo(event_code);
      Event e;
      e.cameo = event_code;
      if (code) {
        e.cameo_name = code->name;
        e.plover = code->plover;
        e.acled = code->acled;
      }
      if (entry.incident != AcledSubEventType::kNone)
        e.acled = AcledType{AcledEventType::kOther, entry.incident};
      if (source) e.source = *source;
      if (!source && p.uncoded_source) e.source = *p.uncoded_source;
      if (!target && p.uncoded_target) e.target = *p.uncoded_target;
      if (target && target != source) {
        e.target = *target;
        if (p.target_is_place && !dictionaries_only_) {
          // The place stands for its country, not its government ("in Baku").
          e.target.actor.sectors.clear();
          e.target.rules.push_back("rule:place-as-target");
        }
      }
      e.negated = sc_.Negated(clause_start, t);
      e.modality = sc_.ModalityOf(clause_start, t);
      const std::string governor = sc_.IntentGovernor(clause_start, t);
      e.evidence = Span{s.start, s.end};
      e.sentence = si_;
      const Token& last = sc_.T(m.end > t ? m.end - 1 : t);
      e.trigger = std::string(
          sc_.text().substr(sc_.T(t).start, last.end - sc_.T(t).start));
      e.trigger_token = t;
      e.rules.push_back(entry.rule + " \"" + pattern.text + "\"");
      e.rules.insert(e.rules.end(), p.rules.begin(), p.rules.end());
      AddQuantities(entry, &e);
      AssignWhenWhere(dates_, places_, context_, source, target, &e);
      if (!dictionaries_only_) {
        if (std::optional<Event> intent =
                IntentEvent(e, governor, coder_, sc_.words()))
          events_.push_back(std::move(*intent));
      }
      events_.push_back(std::move(e));
    }
  }

  // Deaths, injuries, arrests and crowd sizes the sentence states, for the
  // events that have them; the rule records which count was read.
  void AddQuantities(const VerbEntry& entry, Event* e) const {
    const bool violent =
        e->plover == Plover::kAssault || e->plover == Plover::kFight;
    if (violent || e->cameo.rfind("18", 0) == 0 ||
        e->cameo.rfind("19", 0) == 0 || e->cameo.rfind("20", 0) == 0 ||
        entry.incident != AcledSubEventType::kNone)
      e->fatalities = sc_.Fatalities();
    if (e->fatalities || violent) {
      e->injured = sc_.Injuries();
      if (e->injured)
        e->rules.push_back("quantity:injured " + std::to_string(*e->injured));
    }
    if (e->plover == Plover::kCoerce || e->cameo.rfind("17", 0) == 0) {
      e->arrested = sc_.Arrests();
      if (e->arrested)
        e->rules.push_back("quantity:arrested " + std::to_string(*e->arrested));
    }
    if (e->plover == Plover::kProtest && !e->source.text.empty()) {
      e->crowd_size = sc_.CrowdSize(e->source);
      if (e->crowd_size)
        e->rules.push_back("quantity:crowd " + std::to_string(*e->crowd_size));
    }
  }

  const EventCoder& coder_;
  const bool dictionaries_only_;
  const SentenceCoder& sc_;
  const size_t si_;
  const std::vector<const DateMention*>& dates_;
  const std::vector<const PlaceMention*>& places_;
  const EventContext& context_;
  std::vector<Event>& events_;
  const size_t first_event_;  // the sentence's first event in events_
  std::vector<const ActorMention*>
      last_sources_;  // of the last verb coded in the sentence
  size_t last_trigger_ = 0;
  std::vector<Attribution> attributions_;
};

}  // namespace

const Pattern* EventCoder::Impl::BestPattern(SentenceCoder& sc, size_t t,
                                             SentenceKeys* keys,
                                             PatternMatch* best_match) const {
  auto it = by_trigger.find(sc.T(t).key);
  if (it == by_trigger.end()) return nullptr;
  // "in March", "on 9 May": a word of a date is no verb.
  if (sc.InsideDate(t)) return nullptr;
  if (keys->hashes.empty()) {
    keys->hashes = sc.HashKeys();
    for (size_t h : keys->hashes) keys->bits |= HashBit(h);
    std::sort(keys->hashes.begin(), keys->hashes.end());
  }
  const Pattern* best = nullptr;
  for (const Candidate& candidate : it->second) {
    if ((candidate.required_bits & ~keys->bits) != 0) continue;
    const Pattern& p = patterns[candidate.pattern];
    if (!std::all_of(p.required_hashes.begin(), p.required_hashes.end(),
                     [&](size_t h) {
                       return std::binary_search(keys->hashes.begin(),
                                                 keys->hashes.end(), h);
                     }))
      continue;
    PatternMatch m;
    m.start = t;
    if (p.trigger > 0 && !sc.MatchBack(p, p.trigger - 1, t, &m)) continue;
    if (!sc.MatchFrom(p, p.trigger + 1, t + 1, &m)) continue;
    if (Contains(p.literal_forms, sc.T(t).norm)) ++m.weight;
    if (!best || m.weight > best_match->weight) {
      best = &p;
      *best_match = m;
    }
  }
  return best;
}

std::vector<Event> EventCoder::Code(const AnalyzedText& a,
                                    const std::vector<ActorMention>& actors,
                                    const std::vector<DateMention>& dates,
                                    const std::vector<PlaceMention>& places,
                                    const EventContext& context,
                                    bool* cut_short) const {
  std::vector<Event> events;
  if (cut_short) *cut_short = false;
  if (impl_->discards.Discarded(a.text, /*story=*/true)) return events;
  // Each sentence's own actors, dates and places, found once for the whole
  // document.
  const auto sentence_actors =
      SentenceItems(a, actors, [](const Sentence& s, const ActorMention& m) {
        return m.first_token >= s.first_token && m.last_token <= s.last_token;
      });
  const auto within = [](const Sentence& s, const Span& span) {
    return span.start >= s.start && span.end <= s.end;
  };
  const auto sentence_dates =
      SentenceItems(a, dates, [&](const Sentence& s, const DateMention& d) {
        return within(s, d.span);
      });
  const auto sentence_places =
      SentenceItems(a, places, [&](const Sentence& s, const PlaceMention& p) {
        return within(s, p.span);
      });
  const bool bounded =
      context.deadline != std::chrono::steady_clock::time_point::max();
  for (size_t si = 0; si < a.sentences.size(); ++si) {
    if (bounded && std::chrono::steady_clock::now() > context.deadline) {
      if (cut_short) *cut_short = true;
      break;
    }
    SentenceCoder sc(a, si, sentence_actors[si], sentence_dates[si],
                     impl_->words, impl_->dictionaries_only);
    const Sentence& s = sc.sentence();
    if (impl_->discards.Discarded(a.text.substr(s.start, s.end - s.start),
                                  /*story=*/false))
      continue;
    SentenceEvents sentence(*this, impl_->dictionaries_only, sc, si,
                            sentence_dates[si], sentence_places[si], context,
                            &events);
    SentenceKeys keys;
    for (size_t t = s.first_token; t < s.last_token; ++t) {
      PatternMatch match;
      const Pattern* best = impl_->BestPattern(sc, t, &keys, &match);
      if (best)
        sentence.CodeTrigger(t, *best, impl_->entries[best->entry], match);
    }
    sentence.Finish();
  }
  return events;
}

}  // namespace dateline
