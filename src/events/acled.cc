// ACLED typing. Knowledge lives in two data files:
//   data/events/acled.txt       the ACLED types and the CASE 2021 labels mapped onto them
//   data/events/acled_cues.txt  cue phrases (weapons, tactics, protest forms, disasters,
//                               ...), event rules over the coded events' categories and
//                               actor sectors, and the precedence order of labels
// (formats at the top of each file).
//
// Scoring. Each sentence gets a score per label: every cue line whose phrase occurs in
// the sentence (and whose conditions hold there) adds its weight once, every event rule
// matching an event of the sentence adds its weight once. A text's score for a label
// is the sum over its sentences, the first sentence (the lede, which in news states
// the main event) at full weight and later ones (background, reactions) scaled down by
// the `later_sentences` setting. The label with the highest score wins; ties go to the
// label listed first on the `order` lines (more specific before more general). Cue
// weights encode specificity: "suicide bomber" outweighs "bomb", "defused" next to a
// weapon outweighs the weapon itself.
//
// Refine gives each event that the CAMEO codebook typed as an ACLED event the winning
// label of its own sentence (so "shelling" turns a generic "attack" event into
// Shelling/artillery/missile attack); events with no ACLED type are left alone.
// LabelText uses the same sentence scores, so an event of the lede carries the text's
// label whenever the lede decides it.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/table_file.h"
#include "events/events.h"

namespace dateline {

namespace {

constexpr size_t kMaxGap = 4;  // tokens a "..." in a cue phrase may skip

struct Element {
  bool gap = false;
  std::vector<std::string> keys;  // alternatives
};

struct Phrase {
  std::vector<Element> elements;
  bool is_group = false;  // owner is a group, else a cue line
  size_t owner = 0;
};

struct Cue {
  std::string label;
  double weight = 0;
  std::vector<size_t> requires_groups, forbids_groups;
  std::string where;  // "events/acled_cues.txt:12"
};

struct EventRule {
  std::string label;  // "=": the label of the event's own ACLED type
  double weight = 0;
  std::vector<std::string> categories;  // PLOVER categories or CAMEO code prefixes; empty: any
  std::vector<std::string> source_sectors, target_sectors;  // empty: any; "-": no actor
  std::string where;
};

bool IsDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

bool SectorsMatch(const std::vector<std::string>& wanted, const ActorMention& actor) {
  if (wanted.empty()) return true;
  for (const std::string& w : wanted) {
    if (w == "-" && actor.actor.empty()) return true;
    if (std::find(actor.actor.sectors.begin(), actor.actor.sectors.end(), w) != actor.actor.sectors.end())
      return true;
  }
  return false;
}

}  // namespace

struct AcledClassifier::Impl {
  std::map<std::pair<std::string, std::string>, std::string> case_labels;  // (type, sub-type) -> label
  std::map<std::string, AcledType> label_types;                            // label -> (type, sub-type)
  std::vector<Phrase> phrases;
  std::unordered_map<std::string, std::vector<size_t>> by_first_key;  // first key -> phrases
  std::vector<size_t> gap_first;                                      // phrases starting with "..."
  std::map<std::string, size_t> group_ids;
  size_t group_count = 0;
  std::vector<Cue> cues;
  std::vector<EventRule> event_rules;
  std::map<std::string, int> precedence;  // label -> rank (lower wins ties)
  double later_sentences = 0.5;

  struct SentenceScore {
    std::map<std::string, double> score;
    std::map<std::string, std::string> best_rule;  // label -> rule that added most
  };

  bool MatchAt(const Phrase& p, size_t e, const AnalyzedText& a, size_t t, size_t end) const {
    if (e == p.elements.size()) return true;
    const Element& el = p.elements[e];
    if (el.gap) {
      for (size_t k = 0; k <= kMaxGap && t + k <= end; ++k) {
        if (MatchAt(p, e + 1, a, t + k, end)) return true;
      }
      return false;
    }
    if (t >= end) return false;
    if (std::find(el.keys.begin(), el.keys.end(), a.tokens[t].key) == el.keys.end()) return false;
    return MatchAt(p, e + 1, a, t + 1, end);
  }

  std::string LabelOf(const AcledType& t) const {
    auto it = case_labels.find({t.event_type, t.sub_event_type});
    return it == case_labels.end() ? "" : it->second;
  }

  SentenceScore ScoreSentence(const AnalyzedText& a, size_t s, const std::vector<const Event*>& events) const {
    SentenceScore out;
    std::map<std::string, double> heaviest;  // label -> largest single contribution
    const auto add = [&](const std::string& label, double w, const std::string& where) {
      out.score[label] += w;
      auto h = heaviest.find(label);
      if (h == heaviest.end() || w > h->second) {
        heaviest[label] = w;
        out.best_rule[label] = where;  // the rule to cite is the one that added most
      }
    };
    std::vector<bool> group_hit(group_count, false), cue_hit(cues.size(), false);
    if (s < a.sentences.size()) {
      const Sentence& sent = a.sentences[s];
      for (size_t t = sent.first_token; t < sent.last_token; ++t) {
        auto it = by_first_key.find(a.tokens[t].key);
        if (it == by_first_key.end()) continue;
        for (size_t pi : it->second) {
          const Phrase& p = phrases[pi];
          if ((p.is_group ? group_hit[p.owner] : cue_hit[p.owner]) != 0) continue;
          if (MatchAt(p, 0, a, t, sent.last_token)) (p.is_group ? group_hit : cue_hit)[p.owner] = true;
        }
      }
    }
    for (size_t c = 0; c < cues.size(); ++c) {
      if (!cue_hit[c]) continue;
      const Cue& cue = cues[c];
      bool ok = true;
      for (size_t g : cue.requires_groups) ok = ok && group_hit[g];
      for (size_t g : cue.forbids_groups) ok = ok && !group_hit[g];
      if (ok) add(cue.label, cue.weight, cue.where);
    }
    for (const EventRule& rule : event_rules) {
      for (const Event* e : events) {
        if (e->negated) continue;
        bool category = rule.categories.empty();
        for (const std::string& c : rule.categories) {
          if (IsDigits(c) ? e->cameo.compare(0, c.size(), c) == 0 : e->plover == c) category = true;
        }
        if (!category || !SectorsMatch(rule.source_sectors, e->source) ||
            !SectorsMatch(rule.target_sectors, e->target))
          continue;
        const std::string label = rule.label == "=" ? LabelOf(e->acled) : rule.label;
        if (label.empty()) continue;
        add(label, rule.weight, rule.where);
        break;  // once per rule and sentence
      }
    }
    return out;
  }

  std::string Best(const std::map<std::string, double>& score) const {
    std::string best;
    double best_score = 0;
    int best_rank = 0;
    for (const auto& [label, v] : score) {
      auto r = precedence.find(label);
      const int rank = r == precedence.end() ? 1 << 20 : r->second;
      if (v > best_score + 1e-9 || (v > best_score - 1e-9 && !best.empty() && rank < best_rank)) {
        best = label;
        best_score = v;
        best_rank = rank;
      }
    }
    return best_score > 0 ? best : "";
  }

  std::vector<std::vector<const Event*>> EventsBySentence(const AnalyzedText& a,
                                                          const std::vector<Event>& events) const {
    std::vector<std::vector<const Event*>> by(a.sentences.size());
    for (const Event& e : events) {
      if (e.sentence < by.size()) by[e.sentence].push_back(&e);
    }
    return by;
  }
};

AcledClassifier::AcledClassifier(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AcledClassifier::~AcledClassifier() = default;

Result<std::unique_ptr<AcledClassifier>> AcledClassifier::Create(const std::string& data_dir,
                                                                 const TextAnalyzer& analyzer) {
  auto impl = std::make_unique<Impl>();
  auto records = ReadTableFile(data_dir + "/events/acled.txt", 2, 4);
  if (!records.ok()) return records.error();
  for (const TableRecord& r : *records) {
    if (r.fields[0] != "case") continue;
    if (r.fields[1].empty() || r.fields[2].empty() || r.fields[3].empty())
      return r.MakeError("a case line needs a label, an event type and a sub-event type");
    impl->case_labels[{r.fields[2], r.fields[3]}] = r.fields[1];
    impl->label_types[r.fields[1]] = AcledType{r.fields[2], r.fields[3]};
  }

  auto cue_records = ReadTableFile(data_dir + "/events/acled_cues.txt", 2, 6);
  if (!cue_records.ok()) return cue_records.error();
  const auto known_label = [&](const std::string& l) { return impl->label_types.count(l) > 0; };
  const auto parse_weight = [](const std::string& s, double* w) {
    char* end = nullptr;
    *w = std::strtod(s.c_str(), &end);
    return !s.empty() && end == s.c_str() + s.size();
  };
  // Phrases: words separated by spaces, matched on the analyzer's match keys;
  // "a/b" offers alternatives for one word, "..." skips up to kMaxGap tokens.
  const auto add_phrases = [&](const TableRecord& r, const std::string& field, bool is_group,
                               size_t owner) -> Status {
    const std::vector<std::string> list = SplitList(field);
    if (list.empty()) return r.MakeError("no phrases");
    for (const std::string& text : list) {
      Phrase p;
      p.is_group = is_group;
      p.owner = owner;
      size_t pos = 0;
      while (pos < text.size()) {
        size_t end = text.find(' ', pos);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty()) continue;
        if (word == "...") {
          if (p.elements.empty() || p.elements.back().gap)
            return r.MakeError("phrase \"" + text + "\": \"...\" must follow a word");
          p.elements.push_back(Element{true, {}});
          continue;
        }
        if (word.find('/') == std::string::npos) {
          // A word the tokenizer splits ("al-Shabab" stays whole; "U.N." may not) becomes
          // the same token sequence as in article text.
          for (const Token& t : analyzer.Tokenize(word)) p.elements.push_back(Element{false, {t.key}});
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
          std::vector<Token> toks = analyzer.Tokenize(alt);
          if (toks.size() != 1)
            return r.MakeError("phrase \"" + text + "\": alternative \"" + alt + "\" is not one word");
          el.keys.push_back(toks.front().key);
        }
        if (el.keys.empty()) return r.MakeError("phrase \"" + text + "\": empty alternative");
        p.elements.push_back(std::move(el));
      }
      if (p.elements.empty()) return r.MakeError("phrase \"" + text + "\" has no word");
      if (p.elements.back().gap) return r.MakeError("phrase \"" + text + "\" ends with \"...\"");
      const size_t id = impl->phrases.size();
      for (const std::string& k : p.elements.front().keys) {
        std::vector<size_t>& list_for_key = impl->by_first_key[k];
        if (list_for_key.empty() || list_for_key.back() != id) list_for_key.push_back(id);
      }
      impl->phrases.push_back(std::move(p));
    }
    return Status::Ok();
  };

  // Groups first, so that cue conditions may name groups defined anywhere in the file.
  for (const TableRecord& r : *cue_records) {
    if (r.fields[0] != "group") continue;
    if (r.fields[1].empty()) return r.MakeError("a group line needs a name");
    if (impl->group_ids.count(r.fields[1])) return r.MakeError("group " + r.fields[1] + " is defined twice");
    const size_t id = impl->group_count++;
    impl->group_ids[r.fields[1]] = id;
    if (Status st = add_phrases(r, r.fields[2], true, id); !st.ok()) return st.error();
  }
  int rank = 0;
  for (const TableRecord& r : *cue_records) {
    const std::string& kind = r.fields[0];
    if (kind == "group") continue;
    if (kind == "setting") {
      double v = 0;
      if (r.fields[1] != "later_sentences" || !parse_weight(r.fields[2], &v) || v < 0 || v > 1)
        return r.MakeError("the only setting is \"later_sentences | <weight between 0 and 1>\"");
      impl->later_sentences = v;
    } else if (kind == "order") {
      for (size_t i = 1; i < r.fields.size(); ++i) {
        for (const std::string& label : SplitList(r.fields[i])) {
          if (!known_label(label)) return r.MakeError("unknown label \"" + label + "\" (see acled.txt case lines)");
          if (!impl->precedence.count(label)) impl->precedence[label] = rank++;
        }
      }
    } else if (kind == "cue") {
      Cue cue;
      cue.label = r.fields[1];
      cue.where = r.Where();
      if (!known_label(cue.label)) return r.MakeError("unknown label \"" + cue.label + "\" (see acled.txt case lines)");
      if (!parse_weight(r.fields[2], &cue.weight)) return r.MakeError("weight \"" + r.fields[2] + "\" is not a number");
      for (const std::string& cond : SplitList(r.fields[4])) {
        const bool negative = cond[0] == '!';
        const std::string name = negative ? cond.substr(1) : cond;
        auto g = impl->group_ids.find(name);
        if (g == impl->group_ids.end()) return r.MakeError("unknown group \"" + name + "\"");
        (negative ? cue.forbids_groups : cue.requires_groups).push_back(g->second);
      }
      if (Status st = add_phrases(r, r.fields[3], false, impl->cues.size()); !st.ok()) return st.error();
      impl->cues.push_back(std::move(cue));
    } else if (kind == "event") {
      EventRule rule;
      rule.label = r.fields[1];
      rule.where = r.Where();
      if (rule.label != "=" && !known_label(rule.label))
        return r.MakeError("unknown label \"" + rule.label + "\" (see acled.txt case lines, or \"=\")");
      if (!parse_weight(r.fields[2], &rule.weight)) return r.MakeError("weight \"" + r.fields[2] + "\" is not a number");
      const auto list = [](const std::string& f) {
        return f == "*" ? std::vector<std::string>{} : SplitList(f);
      };
      rule.categories = list(r.fields[3]);
      rule.source_sectors = list(r.fields[4]);
      rule.target_sectors = list(r.fields[5]);
      if (r.fields[3].empty() || r.fields[4].empty() || r.fields[5].empty())
        return r.MakeError("an event line needs categories, source sectors and target sectors (\"*\" for any)");
      impl->event_rules.push_back(std::move(rule));
    } else {
      return r.MakeError("unknown record kind \"" + kind + "\" (group, cue, event, order or setting)");
    }
  }
  return std::unique_ptr<AcledClassifier>(new AcledClassifier(std::move(impl)));
}

void AcledClassifier::Refine(const AnalyzedText& analysed, std::vector<Event>* events) const {
  const auto by_sentence = impl_->EventsBySentence(analysed, *events);
  std::vector<std::optional<Impl::SentenceScore>> scores(analysed.sentences.size());
  for (Event& e : *events) {
    if (e.acled.event_type.empty() || e.sentence >= scores.size()) continue;
    if (!scores[e.sentence]) scores[e.sentence] = impl_->ScoreSentence(analysed, e.sentence, by_sentence[e.sentence]);
    const std::string label = impl_->Best(scores[e.sentence]->score);
    auto type = impl_->label_types.find(label);
    if (type == impl_->label_types.end()) continue;
    if (type->second.event_type != e.acled.event_type || type->second.sub_event_type != e.acled.sub_event_type) {
      e.acled = type->second;
      e.rules.push_back("acled:" + scores[e.sentence]->best_rule[label] + " " + label);
    }
  }
}

std::string AcledClassifier::LabelText(const AnalyzedText& analysed, const std::vector<Event>& events) const {
  const auto by_sentence = impl_->EventsBySentence(analysed, events);
  std::map<std::string, double> total;
  for (size_t s = 0; s < analysed.sentences.size(); ++s) {
    const double factor = s == 0 ? 1.0 : impl_->later_sentences;
    for (const auto& [label, v] : impl_->ScoreSentence(analysed, s, by_sentence[s]).score) total[label] += factor * v;
  }
  return impl_->Best(total);
}

}  // namespace dateline
