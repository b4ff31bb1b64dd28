// The dateline program: code pages into events, store them, query them, score
// them. Exit codes: 0 success; 1 some input failed or a check did not pass; 2
// usage error or a failure to start (bad data files, unopenable database); 3
// ingest stopped because the store failed (disk, damaged database, lock held
// too long).
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/args.h"
#include "eval/eval.h"
#include "export/export.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "serve/http_server.h"
#include "serve/serve.h"
#include "store/store.h"

namespace dateline {
namespace {

// The exit status of an ingest stopped by a failing store (see the usage text).
constexpr int kExitStoreFailed = 3;

// The largest --max-bytes: a document is held in memory several times over
// while coded.
constexpr uint64_t kMaxDocumentBytes = uint64_t{4} << 30;

constexpr const char* kVersion = "0.1.0";

constexpr const char* kUsage =
    R"(dateline: raw news pages in, coded political and security events out.

Usage:
  dateline code PATH... [options]        code inputs, print one JSON record per article
  dateline explain PATH...               show how each event was coded, rule by rule
  dateline ingest PATH... --db FILE      code inputs and store them in SQLite
  dateline query --db FILE [filters]     print stored events
  dateline export --db FILE --format F   stored events as gdelt, acled, plover, jsonl or csv
  dateline serve --db FILE               the stored events over HTTP (JSON API, doc/api.md)
  dateline migrate --db FILE             upgrade a store made by an older dateline
  dateline eval GOLD... [options]        score Dateline against gold files
  dateline version                       print the version and the loaded data

PATH is a file, a directory (read recursively) or "-" for standard input. Inputs are
page text, HTML or JSON Lines (fields id, url, html or text, published), detected
from the name and content; .gz files are decompressed.

Common options:
  --data-dir DIR        dictionaries (default: $DATELINE_DATA or the built-in path)
  --gazetteer FILE      gazetteer (default: $DATELINE_GAZETTEER or the built one)
  --input-kind KIND     auto, page-text, html, jsonl or text (default auto)
  --max-bytes SIZE      refuse documents larger than SIZE (bytes, or with K, M, G;
                        default 32M, at most 4G); of an article body longer than 2M,
                        the first 2M are coded and a warning says so
  --verbs FILE, --actors FILE, --agents FILE
                        add your own dictionaries (repeatable), in Dateline's formats
                        (data/README.md) or TABARI/PETRARCH's (files named *.verbs,
                        *.actors, *.agents, or any with --tabari)
  --discards FILE       a TABARI/PETRARCH discard list (repeatable): sentences with a
                        listed phrase are not coded
  --dictionaries DIR    load a directory of TABARI/PETRARCH dictionaries (repeatable),
                        each file by its name: *verb* or CAMEO* verbs, *actor* actors,
                        *agent* agents, *discard* discards; others are skipped with a
                        warning
  --dictionaries-only   code with the dictionaries given above only, none of
                        Dateline's own (as TABARI and PETRARCH do)
  --require-dyad        keep only events whose source and target both carry a code
                        (PETRARCH's default)
  --jobs N              coding threads (default: the machine's cores); the output is
                        the same, in input order, whatever N is
  --time-budget SECONDS a document still being coded after this long is cut short,
                        with a warning on its record saying what was left out
                        (default 60; 0: no limit)
  --progress            report progress on standard error (default when it is a terminal)
  --quiet               no progress or summary
  -h, --help            this help

code:    --pretty       indent the JSON records
ingest:  --db FILE      the SQLite database (created if missing); articles are written
                        in batches, one transaction each; re-running resumes:
                        documents already stored unchanged are skipped
         --group-km KM  reports of one event: places at most KM apart (default 25;
                        0: no grouping); --group-days N: dates at most N days (or
                        months, years at that precision) apart (default 1);
                        --group-unknown-actors: an uncoded actor matches a coded one.
                        Default: as the store's groups were made (doc/grouping.md)
         --lock-wait SECONDS  how long a batch waits for another writer's lock
                        (default 10); a batch still locked out is tried again 3
                        times, 1, 2 and 4 s apart, before the run stops (exit 3)
query:   --country ISO3 --since DATE --until DATE --type PLOVER --cameo CODE
         --article ID --limit N --format table|json|csv|tsv (default table)
export:  the query filters (--limit default: none), --format gdelt|acled|plover|jsonl|csv,
         --all-events (also events the format cannot type), --data-dir DIR; doc/export.md
serve:   --db FILE --host ADDR (default 127.0.0.1) --port N (default 8080; 0: any
         free port, printed); read-only; SIGINT/SIGTERM stop it
eval:    GOLD is any gold set of shared/eval (its kind is detected): *.gold.json(l),
         extraction/ground-truth.json, extraction-wild/evaldata.json (trafilatura's
         snippets, title, authors, date), PLOVER or geo JSON Lines, CASE TSV, or a
         PETRARCH2/TABARI validation suite (XML; coded with the dictionaries its
         <Environment> names, found beside it or in its dictionaries/ folder, only)
         --shared DIR   folder that gold `input` paths are relative to
         --worst N      list the N worst items (default 10)
         --half all|fit|held-out   PLOVER, CASE, geo, extraction-wild and validation sets: score
                        every item, or only the half that fitting may use, or only
                        the held-out half (items split by a hash of their id;
                        doc/evaluation.md)
         --format text|json
         --require NAME=MIN   fail (exit 1) when a figure is below MIN, e.g.
                        --require event_f1=0.9 --require body_must_contain=1

Exit status: 0 success, 1 some input failed or a requirement was not met, 2 usage
or start-up error, 3 ingest stopped because the store failed (full disk, damaged
database, a lock held too long): what was committed is kept; run it again to resume.
)";

int UsageError(const std::string& message) {
  std::cerr << "dateline: " << message << "\nTry 'dateline --help'.\n";
  return 2;
}

const std::set<std::string> kCommonValues = {
    "--data-dir",     "--gazetteer", "--input-kind", "--max-bytes",
    "--verbs",        "--actors",    "--agents",     "--discards",
    "--dictionaries", "--jobs",      "--time-budget"};
const std::set<std::string> kCommonFlags = {
    "--progress",          "--quiet",       "--help", "-h", "--tabari",
    "--dictionaries-only", "--require-dyad"};

std::set<std::string> With(std::set<std::string> base,
                           std::initializer_list<std::string> more) {
  base.insert(more);
  return base;
}

// Progress on standard error: documents done, failures, rate. Throttled to 5
// Hz.
class Progress {
 public:
  explicit Progress(bool enabled)
      : enabled_(enabled), start_(Clock::now()), last_(start_) {}
  void Tick(long done, long failed) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    Print(done, failed, "\r");
  }
  void Finish(long done, long failed) {
    if (enabled_) Print(done, failed, "\n");
  }
  double Seconds() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
  }

 private:
  using Clock = std::chrono::steady_clock;
  void Print(long done, long failed, const char* end) {
    const double secs = Seconds();
    std::fprintf(stderr,
                 "dateline: %ld documents, %ld failed, %.1f s, %.0f docs/s%s",
                 done, failed, secs,
                 secs > 0 ? static_cast<double>(done) / secs : 0.0, end);
  }
  bool enabled_;
  Clock::time_point start_, last_;
};

struct Common {
  PipelineOptions pipeline;
  IngestOptions ingest;
  bool progress = false;
  bool quiet = false;
  int jobs = 1;  // coding threads
};

bool ParseCommon(const Args& args, Common* c, std::string* error) {
  c->pipeline.data_dir = args.Get("--data-dir");
  c->pipeline.gazetteer_file = args.Get("--gazetteer");
  c->pipeline.verb_files = args.GetAll("--verbs");
  c->pipeline.actor_files = args.GetAll("--actors");
  c->pipeline.agent_files = args.GetAll("--agents");
  c->pipeline.discard_files = args.GetAll("--discards");
  c->pipeline.dictionary_dirs = args.GetAll("--dictionaries");
  c->pipeline.tabari_format = args.Has("--tabari");
  c->pipeline.require_dyad = args.Has("--require-dyad");
  c->pipeline.dictionaries_only = args.Has("--dictionaries-only");
  const std::string kind = args.Get("--input-kind", "auto");
  std::optional<InputKind> k = ParseInputKind(kind);
  if (!k) {
    *error = "unknown --input-kind \"" + kind +
             "\" (auto, page-text, html, jsonl, text)";
    return false;
  }
  c->ingest.kind = *k;
  if (args.Has("--max-bytes")) {
    const std::string v = args.Get("--max-bytes");
    const std::optional<uint64_t> bytes = ParseByteSize(v, kMaxDocumentBytes);
    if (!bytes) {
      *error =
          "--max-bytes needs a size from 1 byte to 4G (digits, optionally K, M "
          "or G), not \"" +
          v + "\"";
      return false;
    }
    c->ingest.max_document_bytes = *bytes;
    c->pipeline.extract.max_input_bytes = c->ingest.max_document_bytes;
  }
  c->jobs = DefaultJobs();
  if (!args.GetWholeNumber("--jobs", 1, 1024, "threads", &c->jobs, error))
    return false;
  uint64_t budget_seconds = std::chrono::duration_cast<std::chrono::seconds>(
                                c->pipeline.document_time_budget)
                                .count();
  if (!args.GetWholeNumber("--time-budget", 0, 86'400, "seconds",
                           &budget_seconds, error))
    return false;
  c->pipeline.document_time_budget = std::chrono::seconds(budget_seconds);
  c->quiet = args.Has("--quiet");
  c->progress = !c->quiet && (args.Has("--progress") || isatty(STDERR_FILENO));
  return true;
}

std::unique_ptr<Pipeline> StartPipeline(const Common& c) {
  auto pipeline = Pipeline::Create(c.pipeline);
  if (!pipeline.ok()) {
    std::cerr << "dateline: cannot start: " << pipeline.error().ToString()
              << "\n";
    return nullptr;
  }
  // Dictionary files and lines that were not loaded: shown even with --quiet,
  // as the coding differs from what the user asked for.
  for (const std::string& w : (*pipeline)->info().warnings)
    std::cerr << "dateline: warning: " << w << "\n";
  if ((*pipeline)->info().countries_only_gazetteer && !c.quiet) {
    std::cerr << "dateline: warning: no gazetteer file found; places resolve "
                 "to countries only "
                 "(build one with scripts/setup or pass --gazetteer)\n";
  }
  return std::move(pipeline).value();
}

// What every command that codes inputs shares: its arguments, the common
// options and the started pipeline.
struct CodingCommand {
  Args args;
  Common common;
  std::unique_ptr<Pipeline> pipeline;
};

// Parses a coding command's arguments and starts the pipeline. Returns the exit
// status when the command ends here (--help, a usage error, a start-up
// failure).
std::optional<int> Prepare(const char* name,
                           const std::vector<std::string>& argv,
                           std::initializer_list<std::string> values,
                           std::initializer_list<std::string> flags,
                           std::unique_ptr<CodingCommand>* out) {
  auto cmd = std::make_unique<CodingCommand>(CodingCommand{
      Args(argv, With(kCommonValues, values), With(kCommonFlags, flags)),
      {},
      nullptr});
  const Args& args = cmd->args;
  if (!args.ok()) return UsageError(args.error());
  if (args.Has("--help") || args.Has("-h")) {
    std::cout << kUsage;
    return 0;
  }
  std::string error;
  if (!ParseCommon(args, &cmd->common, &error)) return UsageError(error);
  if (args.positional().empty())
    return UsageError(std::string(name) +
                      ": no input given (a path, a directory or -)");
  cmd->pipeline = StartPipeline(cmd->common);
  if (!cmd->pipeline) return 2;
  *out = std::move(cmd);
  return std::nullopt;
}

// Reads every input and codes each document on the command's threads, unless
// `skip` says it need not be. Each result reaches `use` in input order, on this
// thread, with what `render` made of it on a coding thread. Problems are
// reported on stderr with the input's name; returns how many documents failed.
long CodeInputs(const CodingCommand& cmd, PublicationMemory* publications,
                const std::function<bool(const Document&)>& skip,
                const StreamCoder::Render& render,
                const std::function<Status(CodedArticle&,
                                           const std::string& rendered)>& use) {
  long done = 0, failed = 0;
  Progress progress(cmd.common.progress);
  const auto fail = [&](const Error& e) {
    ++failed;
    std::cerr << "dateline: " << e.ToString() << "\n";
  };
  {
    StreamCoder coder(*cmd.pipeline, publications, cmd.common.jobs, render,
                      [&](Result<CodedArticle> coded, std::string rendered) {
                        ++done;
                        progress.Tick(done, failed);
                        if (!coded.ok()) return fail(coded.error());
                        if (Status s = use(*coded, rendered); !s.ok())
                          fail(s.error());
                      });
    ReadInputs(cmd.args.positional(), cmd.common.ingest,
               [&](Result<Document> doc) {
                 if (doc.ok() && skip && skip(*doc)) {
                   ++done;
                   return;
                 }
                 coder.Add(std::move(doc));
               });
  }
  std::cout.flush();
  progress.Finish(done, failed);
  return failed;
}

int RunCode(const std::vector<std::string>& argv) {
  std::unique_ptr<CodingCommand> cmd;
  if (auto status = Prepare("code", argv, {}, {"--pretty"}, &cmd))
    return *status;
  const int indent = cmd->args.Has("--pretty") ? 2 : -1;
  PublicationMemory publications;
  const long failed = CodeInputs(
      *cmd, &publications, nullptr,
      [&](const CodedArticle& coded) {
        return ArticleRecordJsonLine(coded, indent);
      },
      [&](CodedArticle&, const std::string& rendered) {
        // (The newline written apart: appended to the record it copied the
        // record.)
        std::cout << rendered << '\n';
        return Status::Ok();
      });
  return failed ? 1 : 0;
}

int RunExplain(const std::vector<std::string>& argv) {
  std::unique_ptr<CodingCommand> cmd;
  if (auto status = Prepare("explain", argv, {}, {}, &cmd)) return *status;
  PublicationMemory publications;
  const long failed = CodeInputs(
      *cmd, &publications, nullptr,
      [&](const CodedArticle& coded) {
        std::ostringstream out;
        PrintExplanation(coded, cmd->pipeline->info().data_dir, out);
        out << "\n";
        return out.str();
      },
      [&](CodedArticle&, const std::string& rendered) {
        std::cout << rendered;
        return Status::Ok();
      });
  return failed ? 1 : 0;
}

// --group-km, --group-days, --group-unknown-actors into `out` (left nullopt
// when none is given: the store goes on as its groups were made); false on a
// bad value.
bool GroupingFromArgs(const Args& args, std::optional<GroupingOptions>* out,
                      std::string* error) {
  if (!args.Has("--group-km") && !args.Has("--group-days") &&
      !args.Has("--group-unknown-actors"))
    return true;
  GroupingOptions o;
  if (args.Has("--group-km")) {
    const std::string v = args.Get("--group-km");
    char* end = nullptr;
    o.max_km = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || !(o.max_km >= 0) || o.max_km > 20000) {
      *error = "--group-km needs a distance in km from 0 to 20000, not \"" + v +
               "\"";
      return false;
    }
  }
  if (!args.GetWholeNumber("--group-days", 0, 366, "days", &o.max_gap, error))
    return false;
  o.unknown_actor_matches = args.Has("--group-unknown-actors");
  *out = o;
  return true;
}

// A batch of stored articles is one transaction: at most this many articles,
// and an article waits at most this long for its batch to be written.
constexpr size_t kStoreBatchArticles = 256;
constexpr auto kStoreBatchTime = std::chrono::seconds(2);
// Another writer (a second ingest, a backup) may hold the database's lock for a
// while: SQLite waits this long for it at each try, and a batch still locked
// out is tried again after each pause below before the run stops as a store
// fault.
constexpr int kDefaultLockWaitSeconds = 10;
constexpr std::chrono::seconds kLockRetryPauses[] = {
    std::chrono::seconds(1), std::chrono::seconds(2), std::chrono::seconds(4)};

// Writes coded articles to the store in batches, one transaction each, bounded
// in size and in the time an article waits, so that a killed run loses at most
// a batch, which a re-run codes again. Counts what happened to each article.
// The first failure of the store itself (the disk, damaged data, a lock held
// past every retry) stops the writing: what was committed is kept, and the
// remaining documents are counted as not stored instead of failing one by one.
class IngestWriter {
 public:
  IngestWriter(Store& store, std::string db, bool quiet)
      : store_(store), db_(std::move(db)), quiet_(quiet) {}

  // Resuming: whether `doc` is already stored with the same content (then it is
  // not coded again); after a store fault every document is left for the
  // re-run.
  bool AlreadyStored(const Document& doc) {
    if (fault_) {
      ++not_stored_;
      return true;
    }
    auto stored = store_.StoredContentHash(doc.id);
    const bool same = stored.ok() && stored->has_value() &&
                      **stored == ContentHash(doc.content);
    unchanged_ += same;
    return same;
  }

  void Add(CodedArticle& coded) {
    if (fault_) {  // coded before the fault was seen: left for the re-run
      ++not_stored_;
      return;
    }
    if (batch_.empty()) batch_started_ = std::chrono::steady_clock::now();
    batch_.push_back(std::move(coded));
    if (batch_.size() >= kStoreBatchArticles ||
        std::chrono::steady_clock::now() - batch_started_ >= kStoreBatchTime) {
      Flush();
    }
  }

  void Flush() {
    if (batch_.empty()) return;
    const std::vector<Result<PutOutcome>> outcomes = PutWithRetries();
    for (size_t i = 0; i < outcomes.size(); ++i) Count(outcomes[i], batch_[i]);
    batch_.clear();
  }

  // The summary line, and the exit status: kExitStoreFailed after a store
  // fault, else 1 when a document failed, else 0.
  int Finish(long coding_failed) {
    Flush();
    const long failed = coding_failed + store_failed_;
    if (!quiet_) {
      std::cerr << "dateline: " << inserted_ << " inserted, " << replaced_
                << " replaced, " << unchanged_ << " unchanged, " << failed
                << " failed; " << events_ << " events written to " << db_
                << "\n";
    }
    if (fault_) {
      std::cerr << "dateline: stopped: the store failed ("
                << ErrorKindName(fault_->kind) << "): " << fault_->ToString()
                << "; " << not_stored_
                << " documents were not stored; what was committed before is "
                   "kept, and running the same "
                   "ingest again resumes from there\n";
      return kExitStoreFailed;
    }
    return failed ? 1 : 0;
  }

 private:
  // The batch's outcomes; articles locked out by another writer are tried
  // again, as one batch, after each pause of kLockRetryPauses.
  std::vector<Result<PutOutcome>> PutWithRetries() {
    std::vector<const CodedArticle*> pointers;
    for (const CodedArticle& c : batch_) pointers.push_back(&c);
    std::vector<Result<PutOutcome>> outcomes = store_.PutBatch(pointers);
    for (const std::chrono::seconds pause : kLockRetryPauses) {
      std::vector<size_t> locked_out;
      for (size_t i = 0; i < outcomes.size(); ++i) {
        if (!outcomes[i].ok() && outcomes[i].error().kind == ErrorKind::kBusy)
          locked_out.push_back(i);
      }
      if (locked_out.empty()) break;
      if (!quiet_) {
        std::cerr << "dateline: " << db_
                  << " is locked by another writer; trying "
                  << locked_out.size() << " article(s) again in "
                  << pause.count() << " s\n";
      }
      std::this_thread::sleep_for(pause);
      std::vector<const CodedArticle*> again;
      for (size_t i : locked_out) again.push_back(pointers[i]);
      std::vector<Result<PutOutcome>> retried = store_.PutBatch(again);
      for (size_t k = 0; k < locked_out.size(); ++k)
        outcomes[locked_out[k]] = std::move(retried[k]);
    }
    return outcomes;
  }

  void Count(const Result<PutOutcome>& outcome, const CodedArticle& coded) {
    if (!outcome.ok()) {
      const Error& e = outcome.error();
      if (e.kind == ErrorKind::kIo || e.kind == ErrorKind::kCorrupt ||
          e.kind == ErrorKind::kBusy) {
        if (!fault_) fault_ = e;
        ++not_stored_;
        return;
      }
      ++store_failed_;
      std::cerr << "dateline: " << e.ToString() << "\n";
      return;
    }
    switch (*outcome) {
      case PutOutcome::kInserted:
        ++inserted_;
        break;
      case PutOutcome::kUnchanged:
        ++unchanged_;
        return;
      case PutOutcome::kReplaced:
        ++replaced_;
        break;
    }
    events_ += static_cast<long>(coded.events.size());
  }

  Store& store_;
  const std::string db_;
  const bool quiet_;
  std::vector<CodedArticle> batch_;
  std::chrono::steady_clock::time_point batch_started_;
  std::optional<Error> fault_;
  long inserted_ = 0, unchanged_ = 0, replaced_ = 0, events_ = 0,
       store_failed_ = 0, not_stored_ = 0;
};

// --lock-wait into `options` (the default when absent); false when it is not a
// number of seconds.
bool LockWaitFromArgs(const Args& args, StoreOptions* options,
                      std::string* error) {
  int seconds = kDefaultLockWaitSeconds;
  if (!args.GetWholeNumber("--lock-wait", 0, 3600, "seconds", &seconds, error))
    return false;
  options->busy_timeout_ms = seconds * 1000;
  return true;
}

int RunIngest(const std::vector<std::string>& argv) {
  std::unique_ptr<CodingCommand> cmd;
  if (auto status = Prepare(
          "ingest", argv, {"--db", "--group-km", "--group-days", "--lock-wait"},
          {"--group-unknown-actors"}, &cmd))
    return *status;
  const std::string db = cmd->args.Get("--db");
  if (db.empty()) return UsageError("ingest: --db FILE is required");
  StoreOptions store_options;
  if (std::string error;
      !GroupingFromArgs(cmd->args, &store_options.grouping, &error) ||
      !LockWaitFromArgs(cmd->args, &store_options, &error)) {
    return UsageError(error);
  }
  auto store = Store::Open(db, store_options);
  if (!store.ok()) {
    std::cerr << "dateline: " << store.error().ToString() << "\n";
    return 2;
  }
  // A resumed stream goes on with what the stored reports taught about their
  // sites.
  PublicationMemory publications;
  if (Status s = (*store)->ForEachStoredPlaces(
          [&](const std::string& url, const std::vector<PlaceMention>& places) {
            publications.Remember(url, places);
          });
      !s.ok()) {
    std::cerr << "dateline: " << s.error().ToString() << "\n";
    return 2;
  }
  IngestWriter writer(**store, db, cmd->common.quiet);
  const long coding_failed = CodeInputs(
      *cmd, &publications,
      [&](const Document& doc) { return writer.AlreadyStored(doc); }, nullptr,
      [&](CodedArticle& coded, const std::string&) {
        writer.Add(coded);
        return Status::Ok();
      });
  return writer.Finish(coding_failed);
}

// The event filters of query and export (--country ... --limit) into `q`; false
// when
// --limit is not a number (`error` then says so).
bool EventQueryFromArgs(const Args& args, EventQuery* q, std::string* error) {
  q->country = args.Get("--country");
  q->since = args.Get("--since");
  q->until = args.Get("--until");
  q->plover = args.Get("--type");
  for (char& ch : q->plover)
    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  for (char& ch : q->country)
    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  q->cameo = args.Get("--cameo");
  q->article_id = args.Get("--article");
  return args.GetWholeNumber("--limit", 0, 100'000'000, "rows (0: no limit)",
                             &q->limit, error);
}

// Runs `q` on the existing database `db`; on failure prints why and returns
// nullopt.
std::optional<std::vector<StoredEvent>> QueryStoredEvents(const std::string& db,
                                                          const EventQuery& q) {
  if (access(db.c_str(), F_OK) != 0) {
    std::cerr << "dateline: " << db << ": no such database\n";
    return std::nullopt;
  }
  StoreOptions options;
  options.read_only =
      true;  // a query never creates, migrates or writes a database
  auto store = Store::Open(db, options);
  if (!store.ok()) {
    std::cerr << "dateline: " << store.error().ToString() << "\n";
    return std::nullopt;
  }
  auto events = (*store)->QueryEvents(q);
  if (!events.ok()) {
    std::cerr << "dateline: " << events.error().ToString() << "\n";
    return std::nullopt;
  }
  return std::move(*events);
}

int RunQuery(const std::vector<std::string>& argv) {
  Args args(argv,
            {"--db", "--country", "--since", "--until", "--type", "--cameo",
             "--article", "--limit", "--format"},
            {"--help", "-h"});
  if (!args.ok()) return UsageError(args.error());
  if (args.Has("--help") || args.Has("-h")) {
    std::cout << kUsage;
    return 0;
  }
  if (!args.Has("--db")) return UsageError("query: --db FILE is required");
  if (!args.positional().empty())
    return UsageError("query: unexpected argument " +
                      args.positional().front());
  const std::string format = args.Get("--format", "table");
  if (format != "table" && format != "json" && format != "csv" &&
      format != "tsv")
    return UsageError("query: --format must be table, json, csv or tsv");
  EventQuery q;
  if (std::string error; !EventQueryFromArgs(args, &q, &error))
    return UsageError(error);
  auto events = QueryStoredEvents(args.Get("--db"), q);
  if (!events) return 2;
  if (format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const StoredEvent& e : *events) out.push_back(StoredEventJson(e));
    std::cout << out.dump(2, ' ', false,
                          nlohmann::json::error_handler_t::replace)
              << "\n";
  } else if (format == "csv" || format == "tsv") {
    PrintEventDelimited(*events, format == "csv" ? ',' : '\t', std::cout);
  } else {
    PrintEventTable(*events, std::cout);
  }
  return 0;
}

// `dateline export`: the query's filters, then the events in an outside format.
int RunExport(const std::vector<std::string>& argv) {
  Args args(argv,
            {"--db", "--country", "--since", "--until", "--type", "--cameo",
             "--article", "--limit", "--format", "--data-dir"},
            {"--all-events", "--help", "-h"});
  if (!args.ok()) return UsageError(args.error());
  if (args.Has("--help") || args.Has("-h")) {
    std::cout << kUsage;
    return 0;
  }
  if (!args.Has("--db")) return UsageError("export: --db FILE is required");
  if (!args.positional().empty())
    return UsageError("export: unexpected argument " +
                      args.positional().front());
  const std::optional<ExportFormat> format =
      ParseExportFormat(args.Get("--format"));
  if (!format)
    return UsageError(
        "export: --format must be gdelt, acled, plover, jsonl or csv");
  EventQuery q;
  q.limit =
      0;  // an export is everything that matches unless --limit says otherwise
  if (std::string error; !EventQueryFromArgs(args, &q, &error))
    return UsageError(error);
  auto tables = ExportTables::Load(args.Get("--data-dir", DefaultDataDir()));
  if (!tables.ok()) {
    std::cerr << "dateline: " << tables.error().ToString() << "\n";
    return 2;
  }
  auto events = QueryStoredEvents(args.Get("--db"), q);
  if (!events) return 2;
  ExportOptions options;
  options.all_events = args.Has("--all-events");
  ExportEvents(*events, *format, **tables, options, std::cout);
  std::cout.flush();
  return std::cout ? 0 : 1;
}

// `dateline serve`: the JSON API of doc/api.md until SIGINT or SIGTERM.
int RunServe(const std::vector<std::string>& argv) {
  Args args(argv, {"--db", "--host", "--port"}, {"--help", "-h", "--quiet"});
  if (!args.ok()) return UsageError(args.error());
  if (args.Has("--help") || args.Has("-h")) {
    std::cout << kUsage;
    return 0;
  }
  if (!args.positional().empty())
    return UsageError("serve: unexpected argument " +
                      args.positional().front());
  const std::string db = args.Get("--db");
  if (db.empty()) return UsageError("serve: --db FILE is required");
  HttpServerOptions options;
  options.host = args.Get("--host", "127.0.0.1");
  const std::string port = args.Get("--port", "8080");
  const std::optional<uint64_t> n = ParseWholeNumber(port, 0, 65535);
  if (!n)
    return UsageError("serve: --port needs a TCP port from 0 to 65535, not \"" +
                      port + "\"");
  options.port = static_cast<int>(*n);
  // The signals are taken by sigwait below, never by a handler: blocked here,
  // before any thread starts, so that every thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  auto server = HttpServer::Create(db, options);
  if (!server.ok()) {
    std::cerr << "dateline: " << server.error().ToString() << "\n";
    return 2;
  }
  if (!args.Has("--quiet")) {
    std::cerr << "dateline: serving " << db << " (read-only) on http://"
              << options.host << ":" << (*server)->port()
              << "/api/events; Ctrl-C stops\n";
  }
  bool ok = true;
  std::thread serving([&] {
    ok = (*server)->Run();
    if (!ok) kill(getpid(), SIGTERM);  // wakes the sigwait below
  });
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  (*server)->Stop();
  serving.join();
  if (!args.Has("--quiet"))
    std::cerr << "dateline: stopped (signal " << signal_number << ")\n";
  return ok ? 0 : 1;
}

// `dateline migrate`: opens the store for writing, which upgrades its schema.
int RunMigrate(const std::vector<std::string>& argv) {
  Args args(argv, {"--db"}, {"--help", "-h"});
  if (!args.ok()) return UsageError(args.error());
  if (args.Has("--help") || args.Has("-h")) {
    std::cout << kUsage;
    return 0;
  }
  const std::string db = args.Get("--db");
  if (db.empty()) return UsageError("migrate: --db FILE is required");
  if (access(db.c_str(), F_OK) != 0) {
    std::cerr << "dateline: " << db << ": no such database\n";
    return 2;
  }
  auto store = Store::Open(db);
  if (!store.ok()) {
    std::cerr << "dateline: " << store.error().ToString() << "\n";
    return 2;
  }
  std::cerr << "dateline: " << db << " is at schema version "
            << Store::SchemaVersion() << "\n";
  return 0;
}

int RunEvalCommand(const std::vector<std::string>& argv) {
  Args args(argv,
            With(kCommonValues,
                 {"--shared", "--format", "--require", "--worst", "--half"}),
            kCommonFlags);
  if (!args.ok()) return UsageError(args.error());
  if (args.Has("--help") || args.Has("-h")) {
    std::cout << kUsage;
    return 0;
  }
  Common c;
  std::string error;
  if (!ParseCommon(args, &c, &error)) return UsageError(error);
  if (args.positional().empty()) return UsageError("eval: no gold file given");
  const std::string format = args.Get("--format", "text");
  if (format != "text" && format != "json")
    return UsageError("eval: --format must be text or json");
  std::vector<std::pair<std::string, double>> requirements;
  for (const std::string& r : args.GetAll("--require")) {
    const size_t eq = r.find('=');
    try {
      if (eq == std::string::npos) throw std::invalid_argument(r);
      requirements.emplace_back(r.substr(0, eq), std::stod(r.substr(eq + 1)));
    } catch (...) {
      return UsageError("--require takes NAME=MIN, e.g. event_f1=0.9");
    }
  }
  c.quiet = true;
  std::unique_ptr<Pipeline> pipeline = StartPipeline(c);
  if (!pipeline) return 2;
  EvalOptions options;
  options.shared_dir = args.Get("--shared");
  if (std::string error; !args.GetWholeNumber("--worst", 0, 100000, "items",
                                              &options.worst, &error)) {
    return UsageError(error);
  }
  const std::string half = args.Get("--half", "all");
  if (half == "fit") {
    options.half = EvalHalf::kFit;
  } else if (half == "held-out") {
    options.half = EvalHalf::kHeldOut;
  } else if (half != "all") {
    return UsageError("eval: --half must be all, fit or held-out");
  }
  std::map<std::string, double> figures;
  nlohmann::json reports = nlohmann::json::array();
  for (const std::string& path : args.positional()) {
    auto kind = DetectGoldKind(path);
    if (!kind.ok()) {
      std::cerr << "dateline: " << kind.error().ToString() << "\n";
      return 2;
    }
    auto report = EvaluateGoldFile(path, *kind, *pipeline, options);
    if (!report.ok()) {
      std::cerr << "dateline: " << report.error().ToString() << "\n";
      return 2;
    }
    for (const auto& [name, value] : report->figures) figures[name] = value;
    if (format == "json") {
      reports.push_back({{"set", report->set},
                         {"source", report->source},
                         {"figures", report->figures},
                         {"detail", report->detail}});
    } else {
      std::cout << "== " << report->set << ": " << report->source << "\n"
                << report->text << "\n";
    }
  }
  if (format == "json") std::cout << reports.dump(2) << "\n";
  int status = 0;
  for (const auto& [name, min] : requirements) {
    auto it = figures.find(name);
    if (it == figures.end()) {
      std::cerr << "dateline: eval: no figure named \"" << name
                << "\" was measured\n";
      status = 1;
    } else if (it->second + 1e-9 < min) {
      std::cerr << "dateline: eval: " << name << " = " << it->second
                << " is below the required " << min << "\n";
      status = 1;
    }
  }
  return status;
}

int RunVersion(const std::vector<std::string>& argv) {
  Args args(argv, {"--data-dir", "--gazetteer"}, {"--help", "-h"});
  if (!args.ok()) return UsageError(args.error());
  std::cout << "dateline " << kVersion << "\n";
  PipelineOptions options;
  options.data_dir = args.Get("--data-dir");
  options.gazetteer_file = args.Get("--gazetteer");
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cout << "data: not loaded: " << pipeline.error().ToString() << "\n";
    return 2;
  }
  const PipelineInfo& info = (*pipeline)->info();
  std::cout << "data: " << info.data_dir << " (" << info.actor_phrases
            << " actor phrases, " << info.verb_patterns << " verb patterns)\n";
  std::cout << "gazetteer: "
            << (info.countries_only_gazetteer
                    ? std::string("countries only (no gazetteer file)")
                    : info.gazetteer_file)
            << " (" << info.gazetteer_entries << " places)\n";
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) {
  using namespace dateline;
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string command = argv[1];
  const std::vector<std::string> rest(argv + 2, argv + argc);
  if (command == "-h" || command == "--help" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "--version" || command == "version") return RunVersion(rest);
  if (command == "code") return RunCode(rest);
  if (command == "ingest") return RunIngest(rest);
  if (command == "explain") return RunExplain(rest);
  if (command == "query") return RunQuery(rest);
  if (command == "export") return RunExport(rest);
  if (command == "migrate") return RunMigrate(rest);
  if (command == "serve") return RunServe(rest);
  if (command == "eval") return RunEvalCommand(rest);
  return UsageError("unknown command \"" + command + "\"");
}
