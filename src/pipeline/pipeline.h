// Pipeline: the stages wired together — extract, text, actors, when, where,
// events, dedup — turning one Document into one CodedArticle. Loading the
// dictionaries and the gazetteer happens once in Create; Code is then cheap to
// call.
//
// A Pipeline is immutable after Create: Code may be called from several
// threads.
#ifndef DATELINE_PIPELINE_PIPELINE_H_
#define DATELINE_PIPELINE_PIPELINE_H_

#include <chrono>
#include <functional>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "core/record.h"
#include "dedup/dedup.h"
#include "extract/extract.h"
#include "where/where.h"

namespace dateline {

struct PipelineOptions {
  std::string data_dir;  // empty: DefaultDataDir()
  std::string
      gazetteer_file;  // empty: DefaultGazetteerFile(); if that does not exist
                       // either, a countries-only gazetteer (with a warning)
  ExtractOptions extract;
  // The user's own dictionaries, loaded after the shipped ones: Dateline's
  // formats, or TABARI/PETRARCH's (by extension .verbs/.actors/.agents, or all
  // with tabari_format).
  std::vector<std::string> verb_files, actor_files, agent_files, discard_files;
  bool tabari_format = false;
  // Directories of TABARI/PETRARCH dictionaries, each file assigned by its name
  // (verbs, actors, agents, discards); loaded like the lists above.
  std::vector<std::string> dictionary_dirs;
  // Code with the user's dictionaries only (see
  // EventCoderOptions::dictionaries_only).
  bool dictionaries_only = false;
  // Keep only events whose source and target both carry a code, as PETRARCH
  // does by default (its require_dyad option): the record then holds dyads
  // only.
  bool require_dyad = false;
  // A document still being coded after this long is cut short: the stages not
  // yet run (or the sentences not yet coded) are left out and the record says
  // so in a warning, so that one pathological document cannot hold up a batch.
  // Zero: no budget.
  std::chrono::milliseconds document_time_budget{60'000};
  // Of a longer body, the first this many bytes (to the last sentence or line
  // end before them) are coded, with a warning: time and memory stay bounded
  // whatever the input. News reports are far shorter; the record keeps the
  // whole body.
  size_t max_coded_body_bytes = size_t{2} << 20;
};

// $DATELINE_DATA if set, else the data/ folder of the source tree the binary
// was built from, else ../share/dateline/data next to the executable.
std::string DefaultDataDir();
// $DATELINE_GAZETTEER if set, else the gazetteer built next to the binary's
// build tree.
std::string DefaultGazetteerFile();

struct PipelineInfo {
  std::string data_dir, gazetteer_file;
  size_t actor_phrases = 0, verb_patterns = 0, gazetteer_entries = 0;
  bool countries_only_gazetteer = false;
  std::vector<std::string>
      warnings;  // dictionary files and lines skipped while loading
};

// What a caller coding a stream of reports knows beyond one document: the home
// region of the document's publication, learnt from its earlier reports (a
// paper in Texas means the Texan Paris). Filled by PublicationMemory.
struct CodeContext {
  std::optional<HomeRegion> publication_home;
  bool operator==(const CodeContext&) const = default;
};

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(
      const PipelineOptions& options);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Codes one document. Fails only when extraction cannot read the document at
  // all.
  Result<CodedArticle> Code(Document document,
                            const CodeContext& context = {}) const;

  const PipelineInfo& info() const;

 private:
  struct Impl;
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Remembers, per publication (the host of a document's URL), its home region
// (PublicationHome), so that later reports of the same publication are coded
// with it. Memory is bounded: a bounded summary per publication, and at most
// kMaxPublications publications, the one seen least recently forgotten first.
// Not thread-safe: one per stream of documents.
class PublicationMemory {
 public:
  // The context for coding `document` (empty when its publication is unknown).
  CodeContext ContextFor(const Document& document) const;
  // Records the places of a coded report.
  void Remember(const CodedArticle& coded) {
    Remember(coded.document.url, coded.places);
  }
  // Records the places of a report published at `url` (e.g. one read back from
  // a store).
  void Remember(std::string_view url, const std::vector<PlaceMention>& places);

  static constexpr size_t kMaxPublications = 8192;

 private:
  struct Publication {
    PublicationHome home;
    std::list<std::string>::iterator last_seen;  // in recency_
  };
  std::unordered_map<std::string, Publication> publications_;  // by host
  std::list<std::string> recency_;  // hosts, most recent first
};

// Codes a stream of documents on several threads and hands each result back in
// input order, coded with the publication context of every report before it in
// the input (PublicationMemory): the results are those of a one-thread run,
// whatever the number of threads. A document's context is guessed when it goes
// to a thread, from the reports delivered by then, and checked when its turn
// comes; when its publication's home changed in between (rare: a home settles
// after a few reports), it is coded again. At most a few documents per thread
// are in flight, so memory does not grow with the stream. Add and Finish are
// called from one thread, which `deliver` runs on.
class StreamCoder {
 public:
  // Runs on the coding threads after a document is coded: the part of using a
  // result that can run in parallel (rendering it as JSON, say).
  using Render = std::function<std::string(const CodedArticle&)>;
  // Runs on the caller's thread, in input order, with the result and what
  // `render` made of it (empty for a failed document).
  using Deliver =
      std::function<void(Result<CodedArticle>, std::string rendered)>;

  // `jobs` <= 1 codes on the caller's thread.
  StreamCoder(const Pipeline& pipeline, PublicationMemory* memory, int jobs,
              Render render, Deliver deliver);
  ~StreamCoder();  // Finish()
  StreamCoder(const StreamCoder&) = delete;
  StreamCoder& operator=(const StreamCoder&) = delete;

  // One more document, or the error that stopped reading one (delivered in its
  // turn).
  void Add(Result<Document> document);
  // Waits for every document added and delivers the rest.
  void Finish();
  // Documents coded a second time because their guessed context was wrong.
  size_t recoded() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The number of coding threads `--jobs` means by default: the machine's cores.
int DefaultJobs();

// UrlHost, the publication a URL belongs to, is in core/document.h.

}  // namespace dateline

#endif  // DATELINE_PIPELINE_PIPELINE_H_
