// Store: coded articles in an embedded SQLite database (schema in store.cc),
// and the event queries the CLI and the HTTP API run on it.
//
// Writes are transactional: an article and all its events, actors and evidence
// land together or not at all. Storing is idempotent: a document already stored
// with the same id and content is skipped; the same id with new content
// replaces the old rows. A process killed in the middle of Put leaves no trace
// of that article; running Put again for it stores it once (no duplicates, no
// losses). A Store is not thread-safe; use one per thread. Several Stores
// (threads or processes) may open the same file: SQLite's WAL mode lets readers
// run beside one writer, and a writer waits up to a few seconds for another
// writer's lock before failing.
//
// Events across reports: each stored event (one report of an event, from one
// article) belongs to an event group, the reports that tell of the same event
// (SameEvent in dedup/dedup.h; the rule in doc/grouping.md). Groups are the
// connected components of the SameEvent relation over all stored reports, kept
// up to date at Put time: a new report joins (and may merge) the groups it
// matches, and replacing an article recomputes the groups it belonged to, in
// the same transaction. So the groups never depend on the order or the batches
// in which articles were stored. A group's id is the smallest event id among
// its reports.
#ifndef DATELINE_STORE_STORE_H_
#define DATELINE_STORE_STORE_H_

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/record.h"
#include "dedup/dedup.h"

namespace dateline {

// Filters of an event query; empty fields do not filter. Every value is passed
// to SQLite as a bound parameter, never spliced into SQL.
//
// Dates. An event's date is its own resolved date (Event::date->value) when it
// has one, else its article's publication date; an event with neither has no
// date and is left out whenever `since` or `until` is set. A date of month or
// year precision stands for the whole period it names ("2017-10" is 2017-10-01
// .. 2017-10-31), and `since`/`until` may themselves be "YYYY", "YYYY-MM" or
// "YYYY-MM-DD" with the same meaning (since "2017-10" = on/after 2017-10-01;
// until "2017-10" = on/before 2017-10-31). An event matches when its period
// overlaps the asked window, i.e. when it may have happened inside it: event
// "2017-10" matches since "2017-10-20" and until "2017-10-05", but not since
// "2017-11" nor until "2017-09-30".
struct EventQuery {
  std::string country;  // ISO alpha-3: matches the source or the target country
  std::string since;   // ISO date: events dated (or else published) on/after it
  std::string until;   // ISO date: ... on/before it
  std::string plover;  // PLOVER category, e.g. "CONSULT" (exact match)
  std::string cameo;   // CAMEO code prefix, e.g. "04" or "042"
  std::string article_id;  // exact match
  size_t limit = 1000;     // at most this many rows; 0 = no limit
};

// One event row as queries return it. Rows come ordered by date (events without
// a date last), then article id, then the event's index in its article. The
// store keeps the names of the record's closed vocabularies (PLOVER category,
// ACLED types, place precision, modality) as text; a row holding a name that is
// none of its vocabulary's fails the query with an Error of kind kCorrupt that
// names the row.
struct StoredEvent {
  long event_id = 0;  // row id; changes when the article is replaced
  std::string article_id, url, title;
  std::string published;  // ISO date or empty
  std::string cameo, cameo_name;
  Plover plover = Plover::kNone;
  AcledEventType acled_event_type = AcledEventType::kNone;
  AcledSubEventType acled_sub_event_type = AcledSubEventType::kNone;
  std::string source_text, source_code, source_country, source_region;
  std::string target_text, target_code, target_country, target_region;
  std::string date, date_relative;  // the event's own date, or empty
  std::optional<DatePrecision> date_precision;  // nullopt: no date of its own
  std::string place_name, place_country;
  std::optional<PlacePrecision> place_precision;  // nullopt: no place
  std::optional<double> lat, lon;
  std::optional<int> fatalities, injured, arrested, crowd_size;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  std::string evidence;  // Article::body[evidence.start, evidence.end)
  std::string rules;     // the rules that fired, "; "-separated
  // Additions beyond the first contract:
  int index = 0;  // the event's index in CodedArticle::events
  size_t evidence_start = 0, evidence_end = 0;  // bytes into Article::body
  std::string trigger;
  std::string source_person, target_person;
  std::string place_admin1;  // the place's first-level region, or empty
  long place_geonameid = 0;  // GeoNames id of the place, 0 when none
  std::vector<std::string> source_sectors, target_sectors;  // "GOV", "MIL", ...
  std::string
      coded_at;  // when the article was coded, UTC "YYYY-MM-DDTHH:MM:SSZ"
  // The event group this report belongs to (see above): its id, how many
  // reports (events), distinct articles and distinct sources (URL hosts) it
  // has.
  long group_id = 0;
  long group_reports = 1, group_articles = 1, group_sources = 1;
};

// Filters of a group query (the HTTP API's /api/events); empty fields do not
// filter. A group matches when at least one of its reports matches every
// filter. Values are bound as parameters, never spliced into SQL.
struct GroupQuery {
  std::string country;  // ISO alpha-3 of a report's source or target
  std::string
      actor;  // a source/target code (exact), or words in its name (any case)
  std::string since, until;  // as in EventQuery
  std::string plover;        // PLOVER category, exact
  std::string cameo;         // CAMEO code prefix
  std::string acled;         // ACLED event type or sub-event type, exact
  std::optional<std::array<double, 4>>
      bbox;          // min lon, min lat, max lon, max lat
  std::string text;  // words that must all appear in a report's evidence (FTS5)
  std::string
      after;  // a page's `next` cursor: groups after it; empty = from the start
  size_t limit = 50;  // groups per page, 1 or more
};

// One event group with its reports.
struct StoredGroup {
  long id = 0;
  std::string date_first,
      date_last;  // the span of its reports' effective dates, or empty
  long reports = 0, articles = 0, sources = 0;
  std::vector<StoredEvent> events;  // its reports, by date, article, index
};

// One page of groups, ordered by their first date (undated last), then id.
struct GroupPage {
  std::vector<StoredGroup> groups;
  long total = 0;    // groups matching the filters, on every page
  std::string next;  // cursor of the next page, empty on the last
};

enum class GroupStatsBy { kDay, kCountry, kType };

// Matching groups counted at one place (CountGroupsByPlace): what a map draws.
struct PlaceCount {
  std::string name, country;  // the reports' place name and ISO alpha-2 country
  double lat = 0, lon = 0;    // rounded to 3 decimals (about 100 m)
  long count = 0;             // groups with a report there
};

// One article row (metadata only) as QueryArticles returns it.
struct StoredArticle {
  std::string id, url, input, content_hash;
  std::string title, section, dateline,
      published;  // published: ISO date or empty
  std::vector<std::string> authors, tags;
  std::string coded_at;  // UTC, "YYYY-MM-DDTHH:MM:SSZ"
  long event_count = 0;
  std::string body;  // Article::body; filled by GetArticle only
};

// Filters of an article query; empty fields do not filter. `since`/`until`
// compare the publication date with the period semantics of EventQuery;
// articles without one are left out when either is set. Rows come ordered by
// publication date (undated last), then id.
struct ArticleQuery {
  std::string article_id;
  std::string since, until;
  size_t limit = 1000;  // 0 = no limit
};

enum class PutOutcome { kInserted, kUnchanged, kReplaced };

const char* PutOutcomeName(
    PutOutcome outcome);  // "inserted", "unchanged", "replaced"

// Options of Store::Open. The defaults are what the program uses.
struct StoreOptions {
  // Fault-injection seam for tests (leveldb-style). When set, Put calls it
  // inside its transaction before each statement that writes, with the number
  // of writes done so far in this Put (0, 1, 2, ...). A non-ok Status makes Put
  // roll back and return that error, exactly as a failing SQLite statement
  // would. A test may also end the process from inside the hook to simulate a
  // crash mid-transaction.
  std::function<Status(int writes_done)> before_write;
  // How long a writer waits for another connection's lock before giving up.
  int busy_timeout_ms = 5000;
  // Open the file read-only (SQLITE_OPEN_READONLY): nothing is created,
  // migrated or written; Put fails. The file must exist and have the current
  // schema version.
  bool read_only = false;
  // A query running longer than this is interrupted and fails (0 = no bound);
  // Store::timed_out() then says so.
  int query_timeout_ms = 0;
  // How reports are grouped into events; nullopt: as the stored groups were
  // made (the defaults for a new store). A writable Open with options that
  // differ from those the groups were made with regroups every stored report
  // (one transaction) and records the new options.
  std::optional<GroupingOptions> grouping;
};

// Stable 64-bit FNV-1a hash of `content`, as 16 lowercase hex digits. This is
// what the store keeps in articles.content_hash to decide whether a document
// changed.
std::string ContentHash(std::string_view content);

class Store {
 public:
  // Opens (creating if needed) the database at `path` and migrates its schema
  // to the current version. ":memory:" gives a private in-memory database.
  // Fails with an Error naming `path` when the directory is missing or not
  // writable, the file is not a SQLite database or belongs to another
  // application, or its schema is newer than this program knows.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             StoreOptions options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Writes one coded article in one transaction, keyed by Document::id:
  //   no row with that id                  -> inserts it, kInserted;
  //   a row with the same content hash     -> writes nothing, kUnchanged;
  //   a row with a different content hash  -> deletes it and all its rows,
  //   inserts,
  //                                           kReplaced.
  // On any failure the transaction is rolled back (the database is as before)
  // and the Error names the database path and SQLite's message. An empty
  // Document::id is an Error (nothing is written). Spans past the end of
  // Article::body give an empty evidence text; they are not an error.
  Result<PutOutcome> Put(const CodedArticle& coded);

  // Writes several coded articles in one transaction (much faster than one
  // each): every article as Put would, with one outcome per article, in order.
  // An article that fails is rolled back alone and the others still commit
  // together. When the commit fails, or SQLite abandons the transaction, every
  // article of the batch not yet committed gets the error and nothing of them
  // is written.
  std::vector<Result<PutOutcome>> PutBatch(
      const std::vector<const CodedArticle*>& batch);

  // The URL and places of every stored article, in the order they were stored
  // (a replaced article counts as stored when it was replaced): what a resumed
  // stream needs to know of the reports it coded before (PublicationMemory).
  Status ForEachStoredPlaces(
      const std::function<void(const std::string& url,
                               const std::vector<PlaceMention>& places)>& visit)
      const;

  // Events matching `query` (see EventQuery). An unparsable since/until is an
  // Error.
  Result<std::vector<StoredEvent>> QueryEvents(const EventQuery& query) const;

  // Articles matching `query` (see ArticleQuery), with their event counts.
  Result<std::vector<StoredArticle>> QueryArticles(
      const ArticleQuery& query) const;

  // The content hash stored for `article_id`, or nullopt when it is not stored.
  // Lets a caller skip coding a document that is already stored unchanged.
  Result<std::optional<std::string>> StoredContentHash(
      const std::string& article_id) const;

  // One page of event groups matching `query`. An unparsable date or cursor is
  // an Error.
  Result<GroupPage> QueryGroups(const GroupQuery& query) const;
  // The group with this id and all its reports, or nullopt.
  Result<std::optional<StoredGroup>> GetGroup(long id) const;
  // How many groups match `query` (its cursor and limit ignored), by the first
  // day of the group ("YYYY-MM-DD", or "undated"), by a report's source or
  // target country (a group counts once under each country it involves), or by
  // PLOVER category
  // ("incident" for incidents, which have no PLOVER category). Keys in order:
  // days ascending; others by count, then key.
  Result<std::vector<std::pair<std::string, long>>> CountGroups(
      const GroupQuery& query, GroupStatsBy by) const;
  // How many groups match `query` (cursor and limit ignored) at each place
  // their reports name with coordinates: a group counts once under each place.
  // The `limit` places with most groups, by count, then name.
  Result<std::vector<PlaceCount>> CountGroupsByPlace(const GroupQuery& query,
                                                     size_t limit) const;
  // The article with its body (StoredArticle::body), or nullopt.
  Result<std::optional<StoredArticle>> GetArticle(const std::string& id) const;
  // Whether `cursor` is a cursor QueryGroups could have returned.
  static bool IsValidCursor(const std::string& cursor);
  // Whether the last failed query was interrupted by
  // StoreOptions::query_timeout_ms.
  bool timed_out() const;

  Result<long> CountArticles() const;
  Result<long> CountEventGroups()
      const;  // event groups (events across reports)
  Result<long> CountEvents() const;

  // The schema version this program writes (PRAGMA user_version).
  static int SchemaVersion();

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dateline

#endif  // DATELINE_STORE_STORE_H_
