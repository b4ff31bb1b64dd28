// Pipeline: the stages wired together — extract, text, actors, when, where, events,
// dedup — turning one Document into one CodedArticle. Loading the dictionaries and the
// gazetteer happens once in Create; Code is then cheap to call.
//
// A Pipeline is immutable after Create: Code may be called from several threads.
#ifndef DATELINE_PIPELINE_PIPELINE_H_
#define DATELINE_PIPELINE_PIPELINE_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "core/record.h"
#include "extract/extract.h"

namespace dateline {

struct PipelineOptions {
  std::string data_dir;        // empty: DefaultDataDir()
  std::string gazetteer_file;  // empty: DefaultGazetteerFile(); if that does not exist
                               // either, a countries-only gazetteer (with a warning)
  ExtractOptions extract;
  // The user's own dictionaries, loaded after the shipped ones: Dateline's formats, or
  // TABARI/PETRARCH's (by extension .verbs/.actors/.agents, or all with tabari_format).
  std::vector<std::string> verb_files, actor_files, agent_files, discard_files;
  bool tabari_format = false;
  // Directories of TABARI/PETRARCH dictionaries, each file assigned by its name
  // (verbs, actors, agents, discards); loaded like the lists above.
  std::vector<std::string> dictionary_dirs;
  // Code with the user's dictionaries only (see EventCoderOptions::dictionaries_only).
  bool dictionaries_only = false;
  // Keep only events whose source and target both carry a code, as PETRARCH does by
  // default (its require_dyad option): the record then holds dyads only.
  bool require_dyad = false;
};

// $DATELINE_DATA if set, else the data/ folder of the source tree the binary was built
// from, else ../share/dateline/data next to the executable.
std::string DefaultDataDir();
// $DATELINE_GAZETTEER if set, else the gazetteer built next to the binary's build tree.
std::string DefaultGazetteerFile();

struct PipelineInfo {
  std::string data_dir, gazetteer_file;
  size_t actor_phrases = 0, verb_patterns = 0, gazetteer_entries = 0;
  bool countries_only_gazetteer = false;
  std::vector<std::string> warnings;  // dictionary files and lines skipped while loading
};

// What a caller coding a stream of reports knows beyond one document: the place names
// that earlier reports of the same publication gave, its "local lexicon" (a paper in
// Texas means the Texan Paris). Filled by PublicationMemory.
struct CodeContext {
  std::vector<std::string> publication_places;
};

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Codes one document. Fails only when extraction cannot read the document at all.
  Result<CodedArticle> Code(Document document, const CodeContext& context = {}) const;

  const PipelineInfo& info() const;

 private:
  struct Impl;
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Remembers, per publication (the host of a document's URL), the place names its coded
// reports named, so that later reports of the same publication are coded with them.
// Not thread-safe: one per stream of documents.
class PublicationMemory {
 public:
  // The context for coding `document` (empty when its publication is unknown).
  CodeContext ContextFor(const Document& document) const;
  // Records the places of a coded report.
  void Remember(const CodedArticle& coded);

 private:
  static constexpr size_t kMaxNamesPerPublication = 2000;
  std::map<std::string, std::vector<std::string>> names_;  // host -> place names, oldest first
};

// The host of a URL ("https://www.example.com/a" -> "example.com"), or "".
std::string UrlHost(std::string_view url);

}  // namespace dateline

#endif  // DATELINE_PIPELINE_PIPELINE_H_
