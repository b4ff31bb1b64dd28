// Events: who did what to whom, sentence by sentence. Verb and event-noun
// patterns (data/events/verbs.txt) are compiled into a trigger index over match
// keys; each match takes its source (the subject; "by X" in the passive) and
// target (the pattern's
// "+" slot or the first actor after the trigger) from the actor mentions,
// records negation and modality, and is typed in three vocabularies at once
// through the CAMEO codebook (data/events/cameo.txt: CAMEO code -> PLOVER
// category, ACLED type).
//
// An EventCoder is immutable after Create and safe to share between threads.
#ifndef DATELINE_EVENTS_EVENTS_H_
#define DATELINE_EVENTS_EVENTS_H_

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/error.h"
#include "core/record.h"
#include "text/text.h"

namespace dateline {

struct CameoCode {
  std::string code, name;
  Plover plover = Plover::kNone;
  AcledType acled;
};

// What the coder knows of the article around a sentence.
struct EventContext {
  std::optional<PartialDate> published;  // the publication date, when known
  std::optional<int> year_hint;          // e.g. the footer's copyright year
  std::optional<PlaceMention> dateline_place;
  // Sentences are not coded past this time (the pipeline's per-document time
  // budget).
  std::chrono::steady_clock::time_point deadline =
      std::chrono::steady_clock::time_point::max();
};

// Extra verb dictionaries for EventCoder::Create, loaded after
// data/events/verbs.txt. A file whose name ends in ".verbs", or any file when
// `tabari_format` is set, is read as a TABARI/PETRARCH CAMEO verb dictionary
// (accepted subset: events/tabari_verbs.h); any other file is in the format of
// data/events/verbs.txt.
struct EventCoderOptions {
  std::vector<std::string> verb_files;
  // TABARI/PETRARCH discard lists: a sentence containing a listed phrase is not
  // coded; a phrase marked "+" drops every event of the text.
  std::vector<std::string> discard_files;
  bool tabari_format = false;
  // Code with verb_files only: none of data_dir's verb patterns or incidents
  // (cameo.txt is still read), and none of Dateline's own event rules (stated
  // intent, reported obligation, country from sentence, participants without
  // codes), as TABARI and PETRARCH code with their dictionaries.
  bool dictionaries_only = false;
};

class EventCoder {
 public:
  // Loads data_dir/events/function_words.txt (the words of the clause rules),
  // data_dir/events/cameo.txt and data_dir/events/verbs.txt, and when present
  // data_dir/events/incidents.txt (its labels must be sub-event types of
  // "Other"; cameo.txt's ACLED types must be ACLED's), tokenising patterns
  // with `analyzer` (used only during Create). A missing file is an Error
  // naming it; a bad line is an Error naming file, line and problem.
  static Result<std::unique_ptr<EventCoder>> Create(
      const std::string& data_dir, const TextAnalyzer& analyzer);
  static Result<std::unique_ptr<EventCoder>> Create(
      const std::string& data_dir, const TextAnalyzer& analyzer,
      const EventCoderOptions& options);
  ~EventCoder();
  EventCoder(const EventCoder&) = delete;
  EventCoder& operator=(const EventCoder&) = delete;

  // Events of every sentence, in text order. `actors`, `dates` and `places` are
  // the other stages' findings on the same text (spans in analyzed.text),
  // sorted by start. Besides the verb matches: a future/intended/conditional
  // act is preceded by its statement of intent (AGREE, THREATEN or REJECT, rule
  // "rule:stated-intent"); "X said Y must ..." adds a DEMAND by X on Y
  // ("rule:reported-obligation"); a role-noun actor without a country takes the
  // nearest country of its sentence
  // ("rule:country-from-sentence"); injuries, arrests and crowd sizes are
  // recorded as rules "quantity:injured N", "quantity:arrested N",
  // "quantity:crowd N". Events of the codes ACLED types and incidents
  // (incidents.txt) are coded even when no dictionary actor takes part: the
  // subject's words become an uncoded source
  // ("rule:participant-without-code"), and an event noun with no actor stands
  // for its sentence's event when it opens its clause or names what did harm,
  // and the sentence codes nothing else ("rule:event-noun-without-actor"). When
  // `cut_short` is given, it says whether the context's deadline left sentences
  // uncoded.
  std::vector<Event> Code(const AnalyzedText& analyzed,
                          const std::vector<ActorMention>& actors,
                          const std::vector<DateMention>& dates,
                          const std::vector<PlaceMention>& places,
                          const EventContext& context,
                          bool* cut_short = nullptr) const;

  const CameoCode* Cameo(std::string_view code) const;
  size_t pattern_count() const;
  // Dictionary lines skipped while loading (unusable but harmless), for the
  // user.
  const std::vector<Error>& skipped_lines() const;

 private:
  struct Impl;
  explicit EventCoder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// ACLED typing (acled.cc): a decision table (data/events/acled_rules.txt) types
// each event with an ACLED event and sub-event type from what it is (CAMEO code
// or incident kind), who takes part (sectors of its source and target) and what
// its own sentence states about how and with what outcome it happened (weapons,
// tactics, territory, arrests, accidents). A report's label (CASE 2021 label
// set) is the label of its main event. No weights: the first matching rule
// wins, in the codebook's precedence. Immutable after Create; thread-safe.
class AcledClassifier {
 public:
  // Loads data_dir/events/acled.txt (types and CASE labels, which must be
  // those of core/record.h) and
  // data_dir/events/acled_rules.txt (participant kinds, attributes, rules),
  // tokenising phrases with `analyzer` (used only during Create). A bad line is
  // an Error naming file, line and problem.
  static Result<std::unique_ptr<AcledClassifier>> Create(
      const std::string& data_dir, const TextAnalyzer& analyzer);
  ~AcledClassifier();
  AcledClassifier(const AcledClassifier&) = delete;
  AcledClassifier& operator=(const AcledClassifier&) = delete;

  // Gives each event the ACLED type of the first rule that holds for it, and
  // cites in its `rules` the row ("events/acled_rules.txt:N LABEL (codebook
  // section)") and the phrases that stated the attributes the row relied on.
  // Events no rule types, and events whose row keeps an empty codebook mapping,
  // are left alone. Returns the report's label (as LabelText), decided in the
  // same pass.
  AcledSubEventType Refine(const AnalyzedText& analyzed,
                           std::vector<Event>* events) const;
  // The CASE 2021 label of the text from its events, as the sub-event type it
  // stands for (CaseLabelName: "ARMED_CLASH", "PEACE_PROTEST", ...): among
  // asserted, non-negated events that are not background (dated more than six
  // months before the report's latest event date), the label of the
  // earliest-ranked event of the first sentence that has a CAMEO-coded event
  // with a label; then announced (non-asserted) measures; incident events
  // (incidents.txt) only when there is none. kNone when no event has a label.
  AcledSubEventType LabelText(const AnalyzedText& analyzed,
                              const std::vector<Event>& events) const;

 private:
  struct Impl;
  explicit AcledClassifier(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dateline

#endif  // DATELINE_EVENTS_EVENTS_H_
