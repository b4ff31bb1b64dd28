// Actors: finds who is named in analysed text and gives each a CAMEO-style code
// — countries (names, demonyms, capitals), organisations, role nouns
// ("minister", "forces"), and named office-holders — composing them the way
// news writes them: "Iraqi forces", "the Kurdistan Region's Minister of
// Interior, Reber Ahmed", "the Deputy Commanding General of the US-led
// coalition", "Hungarian and Romanian officials", and in-document references
// back to a named person ("Ahmed").
//
// The dictionaries (data/countries.txt, data/actors/*.txt; formats at the top
// of each file and in data/README.md) are compiled at start-up into a token
// trie over match keys. An ActorMatcher is immutable after Create and safe to
// share between threads.
#ifndef DATELINE_ACTORS_ACTORS_H_
#define DATELINE_ACTORS_ACTORS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/date.h"
#include "core/error.h"
#include "core/record.h"
#include "text/text.h"

namespace dateline {

struct CountryInfo {
  std::string iso3, iso2, name;
  std::vector<std::string> capitals;
  double lat = 0, lon = 0;
};

struct ActorContext {
  std::optional<PartialDate>
      date;  // when the text was written; filters office-holders
};

// Extra dictionaries for ActorMatcher::Create, loaded after those of data_dir
// (whose entries win where a phrase is in both). TABARI/PETRARCH-format files
// (accepted subset: actors/tabari_actors.h) are recognised by the extensions
// ".actors" and
// ".agents"; `tabari_format` reads every file of the lists in that format.
struct ActorMatcherOptions {
  std::vector<std::string> actor_files;  // "NAME [CODE]" entries
  std::vector<std::string> agent_files;  // "NOUN [~SECTOR]" entries
  bool tabari_format = false;
  // Load only the files above, none of data_dir's dictionaries (countries.txt
  // is still read for country names and points), as TABARI and PETRARCH code
  // with theirs.
  bool dictionaries_only = false;
};

class ActorMatcher {
 public:
  // Loads the dictionaries under data_dir, tokenising phrases with `analyzer`
  // so they match article text exactly as it is cut and normalised. The
  // analyzer is used only during Create.
  static Result<std::unique_ptr<ActorMatcher>> Create(
      const std::string& data_dir, const TextAnalyzer& analyzer);
  static Result<std::unique_ptr<ActorMatcher>> Create(
      const std::string& data_dir, const TextAnalyzer& analyzer,
      const ActorMatcherOptions& options);
  ~ActorMatcher();
  ActorMatcher(const ActorMatcher&) = delete;
  ActorMatcher& operator=(const ActorMatcher&) = delete;

  // Actor mentions in text order, non-overlapping. Spans are byte offsets in
  // analyzed.text; `rules` cite dictionary file and line.
  std::vector<ActorMention> FindActors(const AnalyzedText& analyzed,
                                       const ActorContext& context) const;

  const CountryInfo* Country(std::string_view iso3) const;
  const CountryInfo* CountryByIso2(std::string_view iso2) const;
  size_t entry_count() const;
  size_t phrase_count() const;

 private:
  struct Impl;
  explicit ActorMatcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dateline

#endif  // DATELINE_ACTORS_ACTORS_H_
