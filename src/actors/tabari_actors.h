// Internal to src/actors: reads actor and agent dictionaries in the layout used
// by TABARI and PETRARCH ("*.actors", "*.agents", PETRARCH's
// "PETR.Validate.actors.txt", "Phoenix.*.actors.txt", "Phoenix.agents.txt"),
// exactly as they are shipped; the format is PETRARCH2's dictionaries.rst
// ("Actor Dictionary", "Agent Dictionary") and chapter 5 of the TABARI manual.
// Thread-safe (pure functions).
//
// Both kinds of file:
//   # comment                  from "#" to the end of any line; ";" likewise
//   after a
//                              name or code ("NAME  [CODE]; CountryInfo.txt")
//   <!-- comment -->           a line starting "<!" (also "<! --"); when it
//   does not
//                              contain "-->" the comment runs to the line that
//                              does
//   blank or white lines       ignored
// Actors (a record is a name line, its "+" synonyms and its code lines):
//   NAME [CODE ...]            NAME: words joined by "_" or spaces; a trailing
//   "_"
//                              (TABARI: "no stems or plurals") is dropped: the
//                              words are matched as written either way (no
//                              stems, no plurals: files list them, "ROHAN" and
//                              "+ROHANS"). Any characters but
//                              "[", "{", "}" may stand in a name
//                              ("PEOPLE'S_ARMY_(PA)_"). Codes may follow on the
//                              same line, several brackets; words after the
//                              last are ignored (Phoenix has some)
//   NAME                       no code on the line: the codes follow on code
//   lines +NAME                      another name of the record <tab or
//   spaces>[CODE ...]  a code line (indented) of the record above [CODE] a
//   default code, used when no restriction holds [CODE <DATE] applies on or
//   before DATE [CODE >DATE]               applies on or after DATE [CODE
//   DATE-DATE]           applies between the dates, both included; spaces may
//                              stand around "<", ">" and "-"
//   [CODE DATE]                read as [CODE >DATE] (Phoenix: "[USAGOV
//   19820101]") DATE                       YYYYMMDD, or YYMMDD where YY 00-30
//   is 2000-2030 and
//                              31-99 is 1931-1999 (the KEDS/TABARI rule
//                              PETRARCH keeps: "450703" is 1945, "070723" 2007,
//                              "120106" 2012); as in PETRARCH, a 7th digit, or
//                              digits after the 8th, are ignored
//   CODE                       letters, digits and "-" ("ISR", "PSEREBHMS",
//   "IGOCOPITP",
//                              "G77", "YEMNO"); lower case is upper-cased.
//                              "---" is the null code (the words name an actor
//                              that codes nothing in that period), "+++"
//                              (TABARI "complex") is read as null too. "A/B/C":
//                              the words stand for several actors at once. A
//                              code with no letter, or with a date run into it
//                              ("[950601-990815]", "[AAA950601-990815]"), is an
//                              error.
//   A record with no code at all is null-coded.
// Agents (role nouns; one record per line, "+" lines add synonyms):
//   !SET! = A, B, C            a substitution set; "!SET!" inside a later NOUN
//   is
//                              replaced by each item ("CONGRESS!PERSON!",
//                              "!MINST!_OF_SILLY_WALKS"); such nouns get no
//                              plurals
//   NOUN [~CODE]               the code's sectors go after the actor's ("~GOV")
//   NOUN [CODE~]               ... before it ("NGO~": "MSF Arnor" is NGOARN)
//   NOUN {PLURAL ...} [~CODE]  irregular plurals; "{}" means no plural at all
//   otherwise                  the regular plural of the last word is added:
//   +IES for a
//                              consonant + Y, +ES after S, SH, CH, X or Z, else
//                              +S; none when NOUN ends in "_"
//   NOUN                       with no code: read and skipped (it codes
//   nothing) Whitespace may stand inside brackets ("[ ~COP]"); "[~LEG}" is read
//   as "[~LEG]".
// In NAME and NOUN "_" joins consecutive words; where a space is written
// PETRARCH lets other words of the noun phrase stand ("ITHILEN TELEVISION"
// codes "Ithilen state-run television"); Dateline's matcher, without a parse,
// lets up to three words stand there. A code (CODE without "~") becomes an
// ActorCode by ParseActorCode below. Anything else is an error naming file,
// line and problem.
#ifndef DATELINE_ACTORS_TABARI_ACTORS_H_
#define DATELINE_ACTORS_TABARI_ACTORS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/record.h"

namespace dateline {

// One bracket of an actor record.
struct TabariCode {
  std::vector<std::string> codes;  // upper case, as written; empty: the null
                                   // code; several: "[A/B/C]"
  std::optional<PartialDate> from, to;  // none of them: a default code
  bool is_default() const { return !from && !to; }
};

struct ConvertedActorEntry {
  int line = 0;
  std::string id;  // the first NAME, as written
  std::vector<std::string>
      phrases;  // words separated by spaces, or by a tab where
                // the dictionary allows other words between
  // Actors: the brackets in file order (same line first, then code lines).
  std::vector<TabariCode> codes;
  // Agents: sectors added after ("~GOV") and before ("NGO~") the actor's code.
  // The phrases list every form (singular, plurals, substitutions) to match
  // word for word.
  std::vector<std::string> sectors, prefix_sectors;
};

// Parses an actor (agents == false) or agent (agents == true) dictionary.
Result<std::vector<ConvertedActorEntry>> ParseTabariActors(
    std::string_view text, const std::string& file, bool agents);

// A TABARI/PETRARCH code as an ActorCode: the first three characters are the
// country (or IGO, NGO, IMG, ...), the rest is cut into three-character
// sectors, a remainder shorter than three being a last sector ("YEMNO": YEM +
// NO, "ITHTV": ITH + TV), so that Code() gives the string back. Expects a valid
// upper-case code.
ActorCode ParseActorCode(std::string_view code);

// Sectors of an agent code without its "~" ("GOVFRM": GOV, FRM), cut the same
// way.
std::vector<std::string> SplitCodeSectors(std::string_view code);

// The bracket that applies on `date`, as PETRARCH chooses it: the first dated
// restriction that holds, else the first default, else none (nullptr). Without
// a date: the first default, else the last restriction (files list them in time
// order).
const TabariCode* ChooseTabariCode(const std::vector<TabariCode>& codes,
                                   const std::optional<PartialDate>& date);

}  // namespace dateline

#endif  // DATELINE_ACTORS_TABARI_ACTORS_H_
