// Internal to src/actors: reads actor and agent dictionaries in the layout used by
// TABARI and PETRARCH ("*.actors", "*.agents") and converts them into Dateline actor
// entries (the meaning of data/actors/organisations.txt, people.txt and agents.txt).
//
// Accepted subset — actors:
//   # comment                   anywhere after "#"
//   NAME [CODE] [CODE ...]      an actor: NAME with "_" between words; each bracket is
//                               one code, optionally restricted in time:
//                               "[USAGOV >20090120]" (from), "[USAGOV <20170120]"
//                               (until), "[USAGOV 20090120-20170120]" (both).
//                               CODE: three-letter country (or IGO, NGO, IMG, ...)
//                               followed by three-letter sectors ("USAGOV", "IRQMILREB").
//   +NAME                       another name of the actor on the line above.
// Agents:
//   NOUN [~SECTORS]             a role noun ("POLICE_OFFICER [~COP]"); "~" may stand
//                               before or after the sectors, or be left out;
//   NOUN {PLURAL ...} [~SEC]    with irregular plurals; "+NOUN" adds a synonym.
// A code with dates is a person's role (filtered by the text's date); one without is
// an organisation-like entry. Anything else is an error naming file, line and problem.
// Thread-safe (pure functions).
#ifndef DATELINE_ACTORS_TABARI_ACTORS_H_
#define DATELINE_ACTORS_TABARI_ACTORS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace dateline {

struct ConvertedActorEntry {
  int line = 0;
  std::string id;                    // the first NAME, as written
  std::string country;               // "" for agents
  std::vector<std::string> sectors;
  std::optional<PartialDate> from, to;
  std::vector<std::string> phrases;  // words separated by spaces
};

// Parses an actor (agents == false) or agent (agents == true) dictionary.
Result<std::vector<ConvertedActorEntry>> ParseTabariActors(std::string_view text, const std::string& file,
                                                           bool agents);

}  // namespace dateline

#endif  // DATELINE_ACTORS_TABARI_ACTORS_H_
