// Internal to src/eval: the pure parts of the PETRARCH2 / TABARI
// validation-suite scorer — reading a suite file, printing an actor code as
// PETRARCH does, and judging one record by the multiset rule — so that they are
// tested without the pipeline.
//
// Suite file format (PETRARCH2's PETR.UnitTest.records.xml; TABARI's validation
// files have the same records but may lack a single root element):
//   <Validation>                                  optional root, any name
//     <Environment>
//       <Verbfile>F</Verbfile> <Actorfile>F</Actorfile>
//       <Agentfile>F</Agentfile> <Discardfile>F</Discardfile>   (each may
//       repeat)
//       ... other settings, ignored
//     </Environment>
//     <Sentences>                                 optional wrapper
//       <Sentence date="YYYYMMDD" id="..." category="...">
//         <EventCoding sourcecode="S" targetcode="T" eventcode="C"/>   one per
//         event <EventCoding noevents="True"/>          or: the sentence codes
//         nothing <EventCoding error="E"/>                or: an expected
//         failure (below);
//                                                 no <EventCoding> at all: no
//                                                 events
//         <Text> the sentence </Text>
//         <Parse> a Treebank parse (not used) </Parse>
//       </Sentence> ...
// Comments and elements not named here are ignored. Elements are matched by
// name wherever they are nested.
//
// The rule (issue 9): a record is EXACT when the multiset of (source, target,
// code) triples Dateline produces equals the expected multiset; a record
// expecting no events
// ("noevents", no <EventCoding> at all, or
// error="storydiscard"/"sentencediscard") is exact when nothing is produced.
// Records with any other error are not scored. Recall and precision are
// multiset intersections over the expected and produced counts, at three
// levels: the whole triple, the event code alone, and its root (first two
// characters). Every coded event is a produced triple (an actor without a code
// is ""): the suite's pipeline is run with PipelineOptions::require_dyad,
// PETRARCH's default, so the coder, not the scorer, leaves out events that are
// no dyad. Plain functions and values; thread-safe.
#ifndef DATELINE_EVAL_VALIDATION_SCORE_H_
#define DATELINE_EVAL_VALIDATION_SCORE_H_

#include <compare>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/record.h"
#include "eval/eval.h"

namespace dateline {

struct ValidationTriple {
  std::string source, target, code;
  auto operator<=>(const ValidationTriple&) const = default;
};

struct ValidationRecord {
  std::string id, category, date;  // date as written: "YYYYMMDD"
  std::string text;  // <Text>, whitespace runs collapsed to one space
  std::vector<ValidationTriple> expected;
  bool noevents = false;  // <EventCoding noevents="True">
  std::string error;      // <EventCoding error="...">, "" if none
  int line = 0;           // line of <Sentence> in the file

  // Whether the record is scored: no error, or a discard (which expects no
  // events).
  bool Scored() const;
};

struct ValidationSuite {
  // Files named by <Environment>, as written (relative to the suite file).
  std::vector<std::string> verb_files, actor_files, agent_files, discard_files;
  std::vector<ValidationRecord> records;
};

// Parses a suite from `xml`; `name` is the file name errors are reported
// against. A content without a single root element is read as if wrapped in
// one. Content that is not valid UTF-8 and declares no encoding is read as
// ISO-8859-1 (TABARI's files are 8-bit). A malformed document is an Error
// naming `name`, line and column.
Result<ValidationSuite> ParseValidationSuite(std::string_view xml,
                                             const std::string& name);

// An actor's code as PETRARCH prints it: ActorCode::Code(), except that an
// actor with sectors but no country prints "---" where the country goes
// ("---GOV"). Empty when the actor has no code.
std::string PetrarchActorCode(const ActorCode& actor);

// The triples of a coded article by the rule above, in event order.
std::vector<ValidationTriple> ProducedTriples(const std::vector<Event>& events);

struct ValidationRecordScore {
  bool exact = false;
  long expected = 0, produced = 0;  // triples on each side
  // Multiset intersections of expected and produced: whole triples, event
  // codes, roots.
  long triple_hits = 0, code_hits = 0, root_hits = 0;
};

// Judges one scored record: `expected` is empty for a no-event record.
ValidationRecordScore ScoreValidationRecord(
    const std::vector<ValidationTriple>& expected,
    const std::vector<ValidationTriple>& produced);

// The suite's figures, added up record by record.
struct ValidationTotals {
  Tally exact;
  long expected = 0, produced = 0, triple_hits = 0, code_hits = 0,
       root_hits = 0;
  std::map<std::string, Tally> exact_by_category;
  void Add(const std::string& category, const ValidationRecordScore& s);
  // validation_exact, validation_{triple,code,root}_{recall,precision}.
  std::map<std::string, double> Figures() const;
};

}  // namespace dateline

#endif  // DATELINE_EVAL_VALIDATION_SCORE_H_
