// Store: the SQLite schema and the code that writes and queries it.
//
// Schema, version 3 (PRAGMA user_version = 3, PRAGMA application_id =
// 0x444C5354, "DLST", which marks the file as a Dateline store). Byte offsets
// ("start", "end",
// *_start, *_end) are bytes into articles.body (Article::body), as in record.h,
// except paragraphs.start/end, which are bytes into the document's content.
// Lists (authors, tags, warnings, sectors, rules) are JSON arrays of strings.
// Dates are ISO text ("2017", "2017-10", "2017-10-05"); *_first/*_last hold the
// first and last day of the period a partial date names ("2017-10" ->
// "2017-10-01", "2017-10-31"), which is what the since/until filters compare
// (see EventQuery in store.h).
//
//   articles(id TEXT PRIMARY KEY, url, input, kind, content_hash (ContentHash
//   of
//            Document::content, 16 hex digits), title, section, authors,
//            dateline, published, published_precision, published_source,
//            published_first, published_last, language, tags, warnings, body,
//            coded_at (UTC, "YYYY-MM-DDTHH:MM:SSZ"))
//   paragraphs(article_id, idx, start, end, body_start)         PK (article_id,
//   idx) actors(article_id, idx, start, end, text, code, country, sectors,
//   region,
//          organisation, person, rules)                          PK
//          (article_id, idx)
//   places(article_id, idx, start, end, name, country (alpha-2), admin1, lat,
//   lon,
//          precision, geonameid, from_dateline)                  PK
//          (article_id, idx)
//   dates(article_id, idx, start, end, text, value, precision, relative,
//   year_hint)
//                                                                PK
//                                                                (article_id,
//                                                                idx)
//   events(id INTEGER PRIMARY KEY, article_id, idx, cameo, cameo_name, plover,
//          acled_event_type, acled_sub_event_type,
//          source_{start,end,text,code,country,sectors,region,organisation,person},
//          target_{...same...},
//          date_value, date_precision, date_relative, date_text, date_start,
//          date_end, place_name, place_country, place_admin1, place_precision,
//          place_geonameid, place_from_dateline, lat, lon, fatalities, negated,
//          modality, sentence, evidence_start, evidence_end, evidence_text (=
//          body[start, end)), trigger, rules, date_first, date_last, sort_date,
//          injured, arrested, crowd_size (version 2),
//          group_id, group_kind, date_span (version 3))        UNIQUE
//          (article_id, idx)
//   event_groups(id INTEGER PRIMARY KEY, sort_date, date_first, date_last,
//   reports,
//          articles, sources)                                  (version 3)
//   settings(key TEXT PRIMARY KEY, value)                      (version 3)
//   events_fts: FTS5 over events.evidence_text (external content, rowid =
//   events.id),
//          kept by the triggers events_fts_insert/_delete      (version 3)
//   articles.host (version 3): UrlHost(url), what sources are counted by.
//
// Event groups (version 3): events.group_id is the id of the event's group, the
// smallest events.id among the group's reports (store.h; the rule in
// doc/grouping.md). group_kind is GroupKind(cameo, acled type, sub-type) and
// date_span the precision of the effective date (0 day, 1 month, 2 year; NULL
// undated): with sort_date and lat they index the candidates a new report is
// compared with. event_groups holds each group's aggregates, recomputed
// whenever its membership changes, in the same transaction;
// settings["grouping"] the GroupingOptions the groups were made with.
//
// Every child table references articles(id) ON DELETE CASCADE, so replacing an
// article is "DELETE FROM articles WHERE id = ?" plus inserts.
// events.date_first/ date_last are the event's effective date (its own date,
// else the article's publication date) as a period, NULL when there is none;
// sort_date is date_first, or
// "~" (which sorts after every digit) when there is none, so that one index on
// (sort_date, article_id, idx) serves both the ordering and the date filters.
// Indexes: events(sort_date, article_id, idx, date_last), and one per filter
// column (source_country, target_country, plover, cameo) followed by the same
// four columns, so that a filtered query reads its ids in result order from the
// index alone and stops at the limit (see QueryEvents);
// articles(published_first).
//
// Migrations: kMigrations[v] takes a database from version v to v + 1 and runs
// in its own transaction together with the user_version update, so a crash
// mid-migration leaves the previous version intact. Add a step (never edit a
// shipped one) and bump nothing else: the current version is the number of
// steps.
#include "store/store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <utility>
#include <variant>

namespace dateline {
namespace {

constexpr int kApplicationId = 0x444C5354;  // "DLST"

// kMigrations[v]: version v -> v + 1.
const char* const kMigrations[] = {
    // 0 -> 1: the initial schema.
    R"sql(
CREATE TABLE articles (
  id TEXT PRIMARY KEY NOT NULL,
  url TEXT NOT NULL,
  input TEXT NOT NULL,
  kind TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  title TEXT NOT NULL,
  section TEXT NOT NULL,
  authors TEXT NOT NULL,
  dateline TEXT NOT NULL,
  published TEXT,
  published_precision TEXT,
  published_source TEXT NOT NULL,
  published_first TEXT,
  published_last TEXT,
  language TEXT NOT NULL,
  tags TEXT NOT NULL,
  warnings TEXT NOT NULL,
  body TEXT NOT NULL,
  coded_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published_first);

CREATE TABLE paragraphs (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  body_start INTEGER NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE actors (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  code TEXT NOT NULL,
  country TEXT NOT NULL,
  sectors TEXT NOT NULL,
  region TEXT NOT NULL,
  organisation TEXT NOT NULL,
  person TEXT NOT NULL,
  rules TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE places (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  admin1 TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  precision TEXT NOT NULL,
  geonameid INTEGER NOT NULL,
  from_dateline INTEGER NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE dates (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  value TEXT,
  precision TEXT,
  relative TEXT NOT NULL,
  year_hint INTEGER,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  cameo TEXT NOT NULL,
  cameo_name TEXT NOT NULL,
  plover TEXT NOT NULL,
  acled_event_type TEXT NOT NULL,
  acled_sub_event_type TEXT NOT NULL,
  source_start INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  source_text TEXT NOT NULL,
  source_code TEXT NOT NULL,
  source_country TEXT NOT NULL,
  source_sectors TEXT NOT NULL,
  source_region TEXT NOT NULL,
  source_organisation TEXT NOT NULL,
  source_person TEXT NOT NULL,
  target_start INTEGER NOT NULL,
  target_end INTEGER NOT NULL,
  target_text TEXT NOT NULL,
  target_code TEXT NOT NULL,
  target_country TEXT NOT NULL,
  target_sectors TEXT NOT NULL,
  target_region TEXT NOT NULL,
  target_organisation TEXT NOT NULL,
  target_person TEXT NOT NULL,
  date_value TEXT,
  date_precision TEXT,
  date_relative TEXT,
  date_text TEXT,
  date_start INTEGER,
  date_end INTEGER,
  place_name TEXT,
  place_country TEXT,
  place_admin1 TEXT,
  place_precision TEXT,
  place_geonameid INTEGER,
  place_from_dateline INTEGER,
  lat REAL,
  lon REAL,
  fatalities INTEGER,
  negated INTEGER NOT NULL,
  modality TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  evidence_text TEXT NOT NULL,
  "trigger" TEXT NOT NULL,
  rules TEXT NOT NULL,
  date_first TEXT,
  date_last TEXT,
  sort_date TEXT NOT NULL,
  UNIQUE (article_id, idx)
);
CREATE INDEX events_sort ON events(sort_date, article_id, idx, date_last);
CREATE INDEX events_source_country ON events(source_country, sort_date, article_id, idx, date_last);
CREATE INDEX events_target_country ON events(target_country, sort_date, article_id, idx, date_last);
CREATE INDEX events_plover ON events(plover, sort_date, article_id, idx, date_last);
CREATE INDEX events_cameo ON events(cameo, sort_date, article_id, idx, date_last);
PRAGMA application_id = 0x444C5354;
)sql",
    // 1 -> 2: injuries, arrests and crowd sizes stated with an event.
    R"sql(
ALTER TABLE events ADD COLUMN injured INTEGER;
ALTER TABLE events ADD COLUMN arrested INTEGER;
ALTER TABLE events ADD COLUMN crowd_size INTEGER;
)sql",
    // 2 -> 3: events across reports (groups), sources by host, full-text search
    // of
    // the evidence. The groups themselves are computed after this SQL, in the
    // same
    // transaction (Impl::RegroupAll); the functions dateline_* are registered
    // by Open.
    R"sql(
ALTER TABLE articles ADD COLUMN host TEXT NOT NULL DEFAULT '';
UPDATE articles SET host = dateline_url_host(url);
ALTER TABLE events ADD COLUMN group_id INTEGER;
ALTER TABLE events ADD COLUMN group_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN date_span INTEGER;
UPDATE events SET
  group_kind = dateline_group_kind(cameo, acled_event_type, acled_sub_event_type),
  date_span = CASE WHEN date_first IS NULL THEN NULL
                   WHEN date_first = date_last THEN 0
                   WHEN substr(date_first, 6) = '01-01' AND substr(date_last, 6) = '12-31' THEN 2
                   ELSE 1 END;
CREATE INDEX events_group ON events(group_id);
CREATE INDEX events_group_kind ON events(group_kind, date_span, sort_date, lat);
CREATE TABLE event_groups (
  id INTEGER PRIMARY KEY,
  sort_date TEXT NOT NULL,
  date_first TEXT,
  date_last TEXT,
  reports INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  sources INTEGER NOT NULL
);
CREATE INDEX event_groups_sort ON event_groups(sort_date, id);
CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE events_fts USING fts5(
  evidence_text, content = 'events', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
  INSERT INTO events_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, evidence_text)
    VALUES ('delete', old.id, old.evidence_text);
END;
)sql",
};
constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

// Sorts after every ISO date, so undated events come last in sort_date order.
constexpr const char* kUndated = "~";

// ---------------------------------------------------------------- small
// helpers

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

// Resets a statement when the scope ends, so that a statement stopped early (an
// error, a LIMIT we did not reach) never keeps a read transaction open.
class StmtScope {
 public:
  explicit StmtScope(sqlite3_stmt* s) : s_(s) {}
  ~StmtScope() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  StmtScope(const StmtScope&) = delete;
  StmtScope& operator=(const StmtScope&) = delete;

 private:
  sqlite3_stmt* s_;
};

// Binds positional parameters 1, 2, 3, ... in order; remembers the first
// failure.
class Binder {
 public:
  explicit Binder(sqlite3_stmt* s) : s_(s) {}
  Binder& Text(std::string_view v) {
    // A null data pointer would bind SQL NULL; an empty string must stay ''.
    return Check(sqlite3_bind_text64(s_, ++i_, v.data() ? v.data() : "",
                                     v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  Binder& OptText(const std::optional<std::string>& v) {
    return v ? Text(*v) : Null();
  }
  Binder& Int(int64_t v) { return Check(sqlite3_bind_int64(s_, ++i_, v)); }
  Binder& OptInt(std::optional<int64_t> v) { return v ? Int(*v) : Null(); }
  Binder& Real(double v) { return Check(sqlite3_bind_double(s_, ++i_, v)); }
  Binder& OptReal(std::optional<double> v) { return v ? Real(*v) : Null(); }
  Binder& Null() { return Check(sqlite3_bind_null(s_, ++i_)); }
  int rc() const { return rc_; }
  // All parameters bound? A mismatch is a programmer error in this file.
  bool Complete() const { return i_ == sqlite3_bind_parameter_count(s_); }

 private:
  Binder& Check(int rc) {
    if (rc != SQLITE_OK && rc_ == SQLITE_OK) rc_ = rc;
    return *this;
  }
  sqlite3_stmt* s_;
  int i_ = 0;
  int rc_ = SQLITE_OK;
};

std::string ColumnText(sqlite3_stmt* s, int col) {
  const unsigned char* t = sqlite3_column_text(s, col);
  if (t == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(t),
                     static_cast<size_t>(sqlite3_column_bytes(s, col)));
}

std::optional<double> ColumnOptReal(sqlite3_stmt* s, int col) {
  if (sqlite3_column_type(s, col) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_double(s, col);
}

std::optional<int> ColumnOptInt(sqlite3_stmt* s, int col) {
  if (sqlite3_column_type(s, col) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int(s, col);
}

std::string JsonList(const std::vector<std::string>& items) {
  // replace: invalid UTF-8 (which upstream stages should never produce) must
  // not throw.
  return nlohmann::json(items).dump(-1, ' ', false,
                                    nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> ParseJsonList(const std::string& text) {
  std::vector<std::string> out;
  nlohmann::json j =
      nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return out;
  for (const auto& item : j) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

std::string JoinRules(const std::string& json) {
  std::string out;
  for (const std::string& r : ParseJsonList(json)) {
    if (!out.empty()) out += "; ";
    out += r;
  }
  return out;
}

// body[span), clamped to the body: a bad span gives less text, never a crash.
std::string_view SpanText(const std::string& body, const Span& span) {
  if (span.start >= body.size() || span.end <= span.start) return {};
  return std::string_view(body).substr(
      span.start, std::min(span.end, body.size()) - span.start);
}

std::string IsoDay(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// First and last day of the period a partial date names.
std::pair<std::string, std::string> Period(const PartialDate& d) {
  if (d.day)
    return {IsoDay(d.year, d.month, d.day), IsoDay(d.year, d.month, d.day)};
  if (d.month)
    return {IsoDay(d.year, d.month, 1),
            IsoDay(d.year, d.month, DaysInMonth(d.year, d.month))};
  return {IsoDay(d.year, 1, 1), IsoDay(d.year, 12, 31)};
}

std::string NowUtc() {
  const std::time_t t =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The smallest string greater than every string starting with `prefix`, or
// nullopt when there is none (the prefix is empty or all 0xFF bytes). Turns a
// prefix match into a range the cameo index can serve, with no LIKE/GLOB
// escaping to get wrong.
std::optional<std::string> PrefixUpperBound(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF)
    prefix.pop_back();
  if (prefix.empty()) return std::nullopt;
  prefix.back() =
      static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
  return prefix;
}

// ---------------------------------------------------------------- grouping
// helpers

// The columns a ReportKey is read from (KeyFromRow), in order.
constexpr const char* kKeyColumns =
    "group_kind, source_code, target_code, negated, modality, date_first, "
    "date_span,"
    " place_precision, lat, lon, place_country, place_admin1";

// events.date_span of a precision: 0 day, 1 month, 2 year.
int DateSpan(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return 0;
    case DatePrecision::kMonth:
      return 1;
    case DatePrecision::kYear:
      return 2;
  }
  return 2;
}

DatePrecision SpanPrecision(int span) {
  return span == 0   ? DatePrecision::kDay
         : span == 1 ? DatePrecision::kMonth
                     : DatePrecision::kYear;
}

// The key of event `event_id`, whose kKeyColumns start at column `c` of `s`.
// A modality or place precision that is none of the record's is a corrupt
// store (`path`), as in ReadVocabulary.
Result<ReportKey> KeyFromRow(sqlite3_stmt* s, int c, int64_t event_id,
                             const std::string& path) {
  const auto corrupt = [&](const char* what, const std::string& name) {
    return MakeError(ErrorKind::kCorrupt, path,
                     "event " + std::to_string(event_id) + ": the " + what +
                         " \"" + name + "\" is none of the record's");
  };
  ReportKey k;
  k.kind = ColumnText(s, c);
  k.source_code = ColumnText(s, c + 1);
  k.target_code = ColumnText(s, c + 2);
  k.negated = sqlite3_column_int(s, c + 3) != 0;
  const std::string modality = ColumnText(s, c + 4);
  const std::optional<Modality> m = ParseModality(modality);
  if (!m) return corrupt("modality", modality);
  k.asserted = *m == Modality::kAsserted;
  if (sqlite3_column_type(s, c + 5) != SQLITE_NULL &&
      sqlite3_column_type(s, c + 6) != SQLITE_NULL) {
    // date_first is the first day of the period; the span says how much of it
    // counts.
    if (std::optional<PartialDate> d = ParseIsoDate(ColumnText(s, c + 5))) {
      const DatePrecision p = SpanPrecision(sqlite3_column_int(s, c + 6));
      if (p != DatePrecision::kDay) d->day = 0;
      if (p == DatePrecision::kYear) d->month = 0;
      k.date = d;
    }
  }
  if (sqlite3_column_type(s, c + 7) != SQLITE_NULL) {
    k.has_place = true;
    const std::string precision = ColumnText(s, c + 7);
    const std::optional<PlacePrecision> p = ParsePlacePrecision(precision);
    if (!p) return corrupt("place precision", precision);
    k.place_precision = *p;
    k.lat = sqlite3_column_double(s, c + 8);
    k.lon = sqlite3_column_double(s, c + 9);
    k.place_country = ColumnText(s, c + 10);
    k.place_admin1 = ColumnText(s, c + 11);
  }
  return k;
}

// First and last day of the unit `n` units from `d`'s unit at precision `p`
// (days, months or years).
std::pair<std::string, std::string> ShiftedUnit(const PartialDate& d,
                                                DatePrecision p, long n) {
  if (p == DatePrecision::kDay) {
    const PartialDate day =
        CivilFromDays(DaysFromCivil(d.year, d.month, d.day) + n);
    const std::string iso = IsoDay(day.year, day.month, day.day);
    return {iso, iso};
  }
  if (p == DatePrecision::kMonth) {
    const long m = d.year * 12L + (d.month - 1) + n;
    const int year = static_cast<int>(m / 12),
              month = static_cast<int>(m % 12) + 1;
    return {IsoDay(year, month, 1),
            IsoDay(year, month, DaysInMonth(year, month))};
  }
  const int year = static_cast<int>(d.year + n);
  return {IsoDay(year, 1, 1), IsoDay(year, 12, 31)};
}

// settings["grouping"]: the options the stored groups were made with.
std::string GroupingSetting(const GroupingOptions& o) {
  char buf[128];
  std::snprintf(buf, sizeof buf,
                "max_km=%g max_gap=%d unknown_actor_matches=%d", o.max_km,
                o.max_gap, o.unknown_actor_matches ? 1 : 0);
  return buf;
}

std::optional<GroupingOptions> ParseGroupingSetting(const std::string& text) {
  GroupingOptions o;
  int unknown = 0;
  char rest = 0;
  if (std::sscanf(text.c_str(),
                  "max_km=%lf max_gap=%d unknown_actor_matches=%d%c", &o.max_km,
                  &o.max_gap, &unknown, &rest) != 3) {
    return std::nullopt;
  }
  o.unknown_actor_matches = unknown != 0;
  return o;
}

// SQL functions the migration to version 3 calls, so that hosts and kinds are
// computed by the same C++ as at Put time.
void SqlUrlHost(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const unsigned char* url = sqlite3_value_text(argv[0]);
  const std::string host =
      UrlHost(url ? reinterpret_cast<const char*>(url) : "");
  sqlite3_result_text64(ctx, host.data(), host.size(), SQLITE_TRANSIENT,
                        SQLITE_UTF8);
}

void SqlGroupKind(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto text = [&](int i) {
    const unsigned char* t = sqlite3_value_text(argv[i]);
    return std::string(t ? reinterpret_cast<const char*>(t) : "");
  };
  const std::string kind = GroupKind(text(0), text(1), text(2));
  sqlite3_result_text64(ctx, kind.data(), kind.size(), SQLITE_TRANSIENT,
                        SQLITE_UTF8);
}

// "file:PATH?immutable=1", with the characters a URI gives a meaning to
// escaped.
std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20) {
      static const char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?immutable=1";
}

bool IsMemoryPath(const std::string& path) {
  return path == ":memory:" || path.empty() || path.rfind("file:", 0) == 0;
}

// Clear messages for the usual mistakes, before SQLite reduces them all to
// "unable to open database file".
std::optional<Error> CheckPath(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path p(path);
  fs::path dir = p.parent_path();
  if (dir.empty()) dir = ".";
  if (!fs::exists(dir, ec)) {
    return MakeError(path, "cannot open the database: directory " +
                               dir.string() + " does not exist");
  }
  if (!fs::is_directory(dir, ec)) {
    return MakeError(path, "cannot open the database: " + dir.string() +
                               " is not a directory");
  }
  if (fs::is_directory(p, ec)) {
    return MakeError(
        path, "cannot open the database: the path is a directory, not a file");
  }
  if (!fs::exists(p, ec)) {
    if (access(dir.c_str(), W_OK) != 0) {
      return MakeError(path, "cannot create the database: directory " +
                                 dir.string() + " is not writable");
    }
  } else if (access(p.c_str(), R_OK | W_OK) != 0) {
    return MakeError(
        path,
        "cannot open the database: the file is not readable and writable");
  }
  return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------- Impl

struct Store::Impl {
  std::string path;
  StoreOptions options;
  GroupingOptions
      grouping;  // in effect: options.grouping, else as stored (CheckGrouping)
  sqlite3* db = nullptr;

  // Prepared once, reused by every Put (the bulk of Put's cost would otherwise
  // be parsing SQL).
  Stmt begin, commit, select_hash, delete_article, insert_article,
      insert_paragraph, insert_actor, insert_place, insert_date, insert_event,
      count_articles, count_events, count_groups;
  // Grouping (GroupEvent and its callers).
  Stmt article_groups, group_members, ungroup, select_key, select_candidates,
      set_group, move_group, delete_group, refresh_group;
  // Queries stop at this time when set (the progress handler); timed_out says
  // one did.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  bool timed_out = false;
  // QueryEvents/QueryArticles statements, one per combination of filters in use
  // (the SQL text depends only on which filters are set, never on their
  // values).
  std::map<unsigned, Stmt> event_queries, article_queries;

  ~Impl() {
    event_queries.clear();
    article_queries.clear();
    for (Stmt* s : {&begin,          &commit,         &select_hash,
                    &delete_article, &insert_article, &insert_paragraph,
                    &insert_actor,   &insert_place,   &insert_date,
                    &insert_event,   &count_articles, &count_events,
                    &count_groups,   &article_groups, &group_members,
                    &ungroup,        &select_key,     &select_candidates,
                    &set_group,      &move_group,     &delete_group,
                    &refresh_group}) {
      s->reset();
    }
    sqlite3_close_v2(db);
  }

  // Interrupts a query past its deadline (StoreOptions::query_timeout_ms).
  static int ProgressHandler(void* impl) {
    auto* im = static_cast<Impl*>(impl);
    if (!im->deadline || std::chrono::steady_clock::now() < *im->deadline)
      return 0;
    im->timed_out = true;
    return 1;
  }

  // Sets the deadline of one query for its scope.
  class QueryClock {
   public:
    explicit QueryClock(Impl& im) : im_(im) {
      im_.timed_out = false;
      if (im_.options.query_timeout_ms > 0) {
        im_.deadline = std::chrono::steady_clock::now() +
                       std::chrono::milliseconds(im_.options.query_timeout_ms);
      }
    }
    ~QueryClock() { im_.deadline.reset(); }
    QueryClock(const QueryClock&) = delete;
    QueryClock& operator=(const QueryClock&) = delete;

   private:
    Impl& im_;
  };

  // SQLite's failure, with the kind its result code says: the disk, damaged
  // data or a lock are the store's faults (ErrorKind kIo, kCorrupt, kBusy), not
  // the input's.
  Error DbError(const std::string& what) const {
    ErrorKind kind = ErrorKind::kInvalidInput;
    switch (sqlite3_errcode(db) & 0xFF) {
      case SQLITE_IOERR:
      case SQLITE_FULL:
      case SQLITE_CANTOPEN:
      case SQLITE_READONLY:
      case SQLITE_PERM:
      case SQLITE_NOLFS:
      case SQLITE_NOMEM:
      case SQLITE_PROTOCOL:
        kind = ErrorKind::kIo;
        break;
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
      case SQLITE_SCHEMA:
      case SQLITE_FORMAT:
        kind = ErrorKind::kCorrupt;
        break;
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        kind = ErrorKind::kBusy;
        break;
      default:
        break;
    }
    return MakeError(kind, path, what + ": " + sqlite3_errmsg(db));
  }

  // SQLite says "unable to open database file" whatever the reason; say what to
  // check.
  Error CantOpen() const {
    return MakeError(
        path, std::string("cannot open the database: ") + sqlite3_errmsg(db) +
                  " (check that the file and its directory are writable)");
  }

  // Switching a new file to WAL needs its exclusive lock. Two processes that
  // open the same new file at once both hold a shared lock when they ask, and
  // SQLite then answers BUSY at once, without the busy handler (waiting could
  // deadlock). So the switch is retried, within the same wait, until the other
  // process has made it (then it is a no-op) or the wait runs out.
  Status SetWalMode() {
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(options.busy_timeout_ms);
    while (true) {
      Status s = Exec("PRAGMA journal_mode = WAL", "cannot open the database");
      if (s.ok() || (sqlite3_errcode(db) & 0xFF) != SQLITE_BUSY ||
          std::chrono::steady_clock::now() >= deadline)
        return s;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  Status Exec(const char* sql, const char* what) {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
      std::string m = msg ? msg : sqlite3_errmsg(db);
      sqlite3_free(msg);
      return MakeError(path, std::string(what) + ": " + m);
    }
    return Status::Ok();
  }

  Result<Stmt> Prepare(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &s,
                           nullptr) != SQLITE_OK) {
      return DbError("cannot prepare a statement");
    }
    return Stmt(s);
  }

  // Reads one integer from a statement that returns one row.
  Result<long> QueryLong(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) {
      return DbError(std::string("cannot read the database (") + sql + ")");
    }
    Stmt owned(s);
    if (sqlite3_step(s) != SQLITE_ROW)
      return DbError(std::string("cannot read the database (") + sql + ")");
    return static_cast<long>(sqlite3_column_int64(s, 0));
  }

  Result<long> CountWith(sqlite3_stmt* s) {
    StmtScope scope(s);
    if (sqlite3_step(s) != SQLITE_ROW) return DbError("cannot count rows");
    return static_cast<long>(sqlite3_column_int64(s, 0));
  }

  Status Migrate();
  Status OpenReadOnly();
  // Regroups every stored report with options.grouping and records the options
  // (inside the caller's transaction).
  Status RegroupAll();
  // The GroupingOptions in effect vs those the stored groups were made with:
  // regroup when they differ.
  Status CheckGrouping();
  Result<ReportKey> LoadKey(int64_t event_id);
  // Steps `s` (its parameter 1 bound to `value`) and appends each row's first
  // column.
  template <class V>
  Status CollectIds(sqlite3_stmt* s, const V& value, std::vector<int64_t>* out);
  // Puts event `id` (group_id NULL) into the group of the reports it matches,
  // merging those groups when it matches several; the groups changed go into
  // `touched`.
  Status GroupEvent(int64_t id, const ReportKey& key, int& writes,
                    std::set<int64_t>* touched);
  // After reports left `groups` (an article was replaced): regroups their
  // remaining reports, which may now form several groups.
  Status RegroupMembers(const std::vector<int64_t>& groups, int& writes,
                        std::set<int64_t>* touched);
  // Recomputes the event_groups rows of `groups` from their reports.
  Status RefreshGroups(const std::set<int64_t>& groups, int& writes);
  Status PrepareAll();
  // One statement of Put that writes: the fault-injection hook, then the step.
  Status Write(sqlite3_stmt* s, const Binder& b, int& writes, const char* what);
  // Write of a statement whose one parameter is the event group `g` (deleting,
  // ungrouping, refreshing it).
  Status WriteForGroup(sqlite3_stmt* s, int64_t g, int& writes,
                       const char* what) {
    Binder b(s);
    b.Int(g);
    return Write(s, b, writes, what);
  }
  Result<PutOutcome> PutInTransaction(const CodedArticle& coded,
                                      const std::string& hash);
  // PutInTransaction's parts: the stored version's content hash (none for a
  // new article), the article's row, and the rows of its paragraphs and
  // mentions.
  Result<std::optional<std::string>> StoredHash(const std::string& id);
  Status InsertArticle(const CodedArticle& coded, const std::string& hash,
                       const std::optional<PartialDate>& published,
                       const std::optional<std::pair<std::string, std::string>>&
                           published_period,
                       int& writes);
  Status InsertMentions(const CodedArticle& coded, int& writes);
  // Writes coded.events[i] and puts it into its group (PutInTransaction's
  // part).
  Status InsertEvent(const CodedArticle& coded, size_t i,
                     const std::optional<PartialDate>& published,
                     const std::optional<std::pair<std::string, std::string>>&
                         published_period,
                     int& writes, std::set<int64_t>* touched);
};

Status Store::Impl::Migrate() {
  ASSIGN_OR_RETURN(auto app, QueryLong("PRAGMA application_id"));
  ASSIGN_OR_RETURN(auto version, QueryLong("PRAGMA user_version"));
  if (app != 0 && app != kApplicationId) {
    return MakeError(
        path,
        "not a Dateline store: the SQLite file belongs to another application");
  }
  if (app == 0) {
    // A fresh file has no tables; anything else is someone else's database,
    // which we must not write our tables into.
    ASSIGN_OR_RETURN(const long tables,
                     QueryLong("SELECT count(*) FROM sqlite_schema"));
    if (tables != 0 || version != 0) {
      return MakeError(path,
                       "not a Dateline store: the SQLite database already "
                       "holds other tables");
    }
  }
  if (version > kSchemaVersion) {
    return MakeError(
        path, "the database has schema version " + std::to_string(version) +
                  ", newer than this program's (" +
                  std::to_string(kSchemaVersion) + "); use a newer dateline");
  }
  for (long v = version; v < kSchemaVersion; ++v) {
    if (Status s = Exec("BEGIN IMMEDIATE", "cannot migrate the schema");
        !s.ok())
      return s;
    // Another process may have migrated between our read and our lock.
    auto now = QueryLong("PRAGMA user_version");
    if (!now.ok()) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return now.error();
    }
    if (*now != v) {
      if (Status s = Exec("COMMIT", "cannot migrate the schema"); !s.ok())
        return s;
      v = *now - 1;
      continue;
    }
    const std::string sql = std::string(kMigrations[v]) +
                            "\nPRAGMA user_version = " + std::to_string(v + 1) +
                            ";";
    Status s = Exec(sql.c_str(), ("cannot migrate the schema to version " +
                                  std::to_string(v + 1))
                                     .c_str());
    // Version 3 groups the reports already stored, in the migration's
    // transaction (with the statements of the current schema, which version 3
    // is, so far).
    if (s.ok() && v + 1 == 3) s = PrepareAll();
    if (s.ok() && v + 1 == 3) s = RegroupAll();
    if (s.ok()) s = Exec("COMMIT", "cannot migrate the schema");
    if (!s.ok()) {
      if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return s;
    }
  }
  return Status::Ok();
}

namespace {

std::string InsertSql(const char* table,
                      std::initializer_list<const char*> columns) {
  std::string sql = std::string("INSERT INTO ") + table + " (";
  std::string values = ") VALUES (";
  bool first = true;
  for (const char* c : columns) {
    if (!first) {
      sql += ", ";
      values += ", ";
    }
    first = false;
    sql += c;
    values += "?";
  }
  return sql + values + ")";
}

}  // namespace

// Long because it is one table: every statement the store prepares, with its
// SQL, in one place where a reader can check them against the schema above.
Status Store::Impl::PrepareAll() {
  struct Item {
    Stmt* stmt;
    std::string sql;
  };
  const Item items[] = {
      {&begin, "BEGIN IMMEDIATE"},
      {&commit, "COMMIT"},
      {&select_hash, "SELECT content_hash FROM articles WHERE id = ?"},
      {&delete_article, "DELETE FROM articles WHERE id = ?"},
      {&insert_article, InsertSql("articles", {"id",
                                               "url",
                                               "input",
                                               "kind",
                                               "content_hash",
                                               "title",
                                               "section",
                                               "authors",
                                               "dateline",
                                               "published",
                                               "published_precision",
                                               "published_source",
                                               "published_first",
                                               "published_last",
                                               "language",
                                               "tags",
                                               "warnings",
                                               "body",
                                               "coded_at",
                                               "host"})},
      {&insert_paragraph, InsertSql("paragraphs", {"article_id", "idx", "start",
                                                   "\"end\"", "body_start"})},
      {&insert_actor,
       InsertSql("actors", {"article_id", "idx", "start", "\"end\"", "text",
                            "code", "country", "sectors", "region",
                            "organisation", "person", "rules"})},
      {&insert_place,
       InsertSql("places", {"article_id", "idx", "start", "\"end\"", "name",
                            "country", "admin1", "lat", "lon", "precision",
                            "geonameid", "from_dateline"})},
      {&insert_date,
       InsertSql("dates", {"article_id", "idx", "start", "\"end\"", "text",
                           "value", "precision", "relative", "year_hint"})},
      {&insert_event, InsertSql("events", {"article_id",
                                           "idx",
                                           "cameo",
                                           "cameo_name",
                                           "plover",
                                           "acled_event_type",
                                           "acled_sub_event_type",
                                           "source_start",
                                           "source_end",
                                           "source_text",
                                           "source_code",
                                           "source_country",
                                           "source_sectors",
                                           "source_region",
                                           "source_organisation",
                                           "source_person",
                                           "target_start",
                                           "target_end",
                                           "target_text",
                                           "target_code",
                                           "target_country",
                                           "target_sectors",
                                           "target_region",
                                           "target_organisation",
                                           "target_person",
                                           "date_value",
                                           "date_precision",
                                           "date_relative",
                                           "date_text",
                                           "date_start",
                                           "date_end",
                                           "place_name",
                                           "place_country",
                                           "place_admin1",
                                           "place_precision",
                                           "place_geonameid",
                                           "place_from_dateline",
                                           "lat",
                                           "lon",
                                           "fatalities",
                                           "negated",
                                           "modality",
                                           "sentence",
                                           "evidence_start",
                                           "evidence_end",
                                           "evidence_text",
                                           "\"trigger\"",
                                           "rules",
                                           "date_first",
                                           "date_last",
                                           "sort_date",
                                           "injured",
                                           "arrested",
                                           "crowd_size",
                                           "group_kind",
                                           "date_span"})},
      {&count_articles, "SELECT count(*) FROM articles"},
      {&count_events, "SELECT count(*) FROM events"},
      {&count_groups, "SELECT count(*) FROM event_groups"},
      {&article_groups,
       "SELECT DISTINCT group_id FROM events WHERE article_id = ? AND group_id "
       "IS NOT NULL"},
      {&group_members, "SELECT id FROM events WHERE group_id = ?"},
      {&ungroup, "UPDATE events SET group_id = NULL WHERE group_id = ?"},
      {&select_key,
       std::string("SELECT ") + kKeyColumns + " FROM events WHERE id = ?"},
      {&select_candidates,
       std::string("SELECT id, group_id, ") + kKeyColumns +
           " FROM events WHERE group_kind = ? AND date_span = ?"
           " AND sort_date BETWEEN ? AND ? AND lat BETWEEN ? AND ?"
           " AND group_id IS NOT NULL"},
      {&set_group, "UPDATE events SET group_id = ? WHERE id = ?"},
      {&move_group, "UPDATE events SET group_id = ? WHERE group_id = ?"},
      {&delete_group, "DELETE FROM event_groups WHERE id = ?"},
      {&refresh_group,
       "INSERT INTO event_groups (id, sort_date, date_first, date_last, "
       "reports, articles, sources)"
       " SELECT ?1, min(e.sort_date), min(e.date_first), max(e.date_last), "
       "count(*),"
       " count(DISTINCT e.article_id), count(DISTINCT a.host)"
       " FROM events e JOIN articles a ON a.id = e.article_id WHERE e.group_id "
       "= ?1"
       " HAVING count(*) > 0"},
  };
  for (const Item& item : items) {
    ASSIGN_OR_RETURN(auto s, Prepare(item.sql));
    *item.stmt = std::move(s);
  }
  return Status::Ok();
}

Status Store::Impl::Write(sqlite3_stmt* s, const Binder& b, int& writes,
                          const char* what) {
  StmtScope scope(s);
  assert(b.Complete());
  if (b.rc() != SQLITE_OK) {
    return MakeError(path, std::string("cannot store ") + what + ": " +
                               sqlite3_errstr(b.rc()));
  }
  if (options.before_write) {
    Status injected = options.before_write(writes);
    if (!injected.ok()) {
      return MakeError(path, std::string("cannot store ") + what + ": " +
                                 injected.error().message);
    }
  }
  if (sqlite3_step(s) != SQLITE_DONE)
    return DbError(std::string("cannot store ") + what);
  ++writes;
  return Status::Ok();
}

Result<std::optional<std::string>> Store::Impl::StoredHash(
    const std::string& id) {
  StmtScope scope(select_hash.get());
  Binder b(select_hash.get());
  b.Text(id);
  int rc = b.rc() == SQLITE_OK ? sqlite3_step(select_hash.get()) : b.rc();
  if (rc == SQLITE_ROW) {
    return std::optional<std::string>(ColumnText(select_hash.get(), 0));
  } else if (rc != SQLITE_DONE) {
    return DbError("cannot look up article '" + id + "'");
  }
  return std::optional<std::string>();
}

Status Store::Impl::InsertArticle(
    const CodedArticle& coded, const std::string& hash,
    const std::optional<PartialDate>& published,
    const std::optional<std::pair<std::string, std::string>>& published_period,
    int& writes) {
  const Document& doc = coded.document;
  const Article& art = coded.article;
  const std::string& id = doc.id;
  Binder b(insert_article.get());
  b.Text(id)
      .Text(doc.url)
      .Text(doc.input)
      .Text(InputKindName(doc.kind))
      .Text(hash);
  b.Text(art.title)
      .Text(art.section)
      .Text(JsonList(art.authors))
      .Text(art.dateline);
  if (published) {
    b.Text(published->ToIso()).Text(PrecisionName(published->precision()));
  } else {
    b.Null().Null();
  }
  b.Text(DateSourceName(art.published_source));
  if (published_period) {
    b.Text(published_period->first).Text(published_period->second);
  } else {
    b.Null().Null();
  }
  std::vector<std::string> warnings = doc.warnings;
  warnings.insert(warnings.end(), coded.warnings.begin(), coded.warnings.end());
  b.Text(art.language)
      .Text(JsonList(art.tags))
      .Text(JsonList(warnings))
      .Text(art.body);
  b.Text(NowUtc()).Text(UrlHost(doc.url));
  RETURN_IF_ERROR(Write(insert_article.get(), b, writes, "the article"));

  return Status::Ok();
}

Status Store::Impl::InsertMentions(const CodedArticle& coded, int& writes) {
  const Article& art = coded.article;
  const std::string& id = coded.document.id;
  for (size_t i = 0; i < art.paragraphs.size(); ++i) {
    const Paragraph& p = art.paragraphs[i];
    Binder b(insert_paragraph.get());
    b.Text(id).Int(static_cast<int64_t>(i)).Int(static_cast<int64_t>(p.start));
    b.Int(static_cast<int64_t>(p.end)).Int(static_cast<int64_t>(p.body_start));
    RETURN_IF_ERROR(Write(insert_paragraph.get(), b, writes, "a paragraph"));
  }
  for (size_t i = 0; i < coded.actors.size(); ++i) {
    const ActorMention& a = coded.actors[i];
    Binder b(insert_actor.get());
    b.Text(id)
        .Int(static_cast<int64_t>(i))
        .Int(static_cast<int64_t>(a.span.start));
    b.Int(static_cast<int64_t>(a.span.end)).Text(a.text).Text(a.actor.Code());
    b.Text(a.actor.country)
        .Text(JsonList(a.actor.sectors))
        .Text(a.actor.region);
    b.Text(a.actor.organization).Text(a.person).Text(JsonList(a.rules));
    RETURN_IF_ERROR(Write(insert_actor.get(), b, writes, "an actor"));
  }
  for (size_t i = 0; i < coded.places.size(); ++i) {
    const PlaceMention& p = coded.places[i];
    Binder b(insert_place.get());
    b.Text(id)
        .Int(static_cast<int64_t>(i))
        .Int(static_cast<int64_t>(p.span.start));
    b.Int(static_cast<int64_t>(p.span.end))
        .Text(p.name)
        .Text(p.country)
        .Text(p.admin1);
    b.Real(p.lat)
        .Real(p.lon)
        .Text(PlacePrecisionName(p.precision))
        .Int(p.geonameid)
        .Int(p.from_dateline);
    RETURN_IF_ERROR(Write(insert_place.get(), b, writes, "a place"));
  }
  for (size_t i = 0; i < coded.dates.size(); ++i) {
    const DateMention& d = coded.dates[i];
    Binder b(insert_date.get());
    b.Text(id)
        .Int(static_cast<int64_t>(i))
        .Int(static_cast<int64_t>(d.span.start));
    b.Int(static_cast<int64_t>(d.span.end)).Text(d.text);
    if (d.value) {
      b.Text(d.value->ToIso()).Text(PrecisionName(d.value->precision()));
    } else {
      b.Null().Null();
    }
    b.Text(d.relative).OptInt(d.year_hint);
    RETURN_IF_ERROR(Write(insert_date.get(), b, writes, "a date"));
  }
  return Status::Ok();
}

Result<PutOutcome> Store::Impl::PutInTransaction(const CodedArticle& coded,
                                                 const std::string& hash) {
  const Document& doc = coded.document;
  const Article& art = coded.article;
  const std::string& id = doc.id;
  int writes = 0;
  ASSIGN_OR_RETURN(const std::optional<std::string> old_hash, StoredHash(id));
  if (old_hash && *old_hash == hash) return PutOutcome::kUnchanged;
  std::set<int64_t> touched;  // groups whose reports changed
  std::vector<int64_t>
      old_groups;  // groups the replaced article's events were in
  if (old_hash) {
    Binder b(delete_article.get());
    b.Text(id);
    RETURN_IF_ERROR(CollectIds(article_groups.get(), id, &old_groups));
    RETURN_IF_ERROR(Write(delete_article.get(), b, writes,
                          "the new version (deleting the old rows)"));
    RETURN_IF_ERROR(RegroupMembers(old_groups, writes, &touched));
  }

  const std::optional<PartialDate> published =
      art.published ? art.published : doc.published;
  std::optional<std::pair<std::string, std::string>> published_period;
  if (published) published_period = Period(*published);
  RETURN_IF_ERROR(
      InsertArticle(coded, hash, published, published_period, writes));
  RETURN_IF_ERROR(InsertMentions(coded, writes));
  for (size_t i = 0; i < coded.events.size(); ++i) {
    RETURN_IF_ERROR(
        InsertEvent(coded, i, published, published_period, writes, &touched));
  }
  RETURN_IF_ERROR(RefreshGroups(touched, writes));
  return old_hash ? PutOutcome::kReplaced : PutOutcome::kInserted;
}

Status Store::Impl::InsertEvent(
    const CodedArticle& coded, size_t i,
    const std::optional<PartialDate>& published,
    const std::optional<std::pair<std::string, std::string>>& published_period,
    int& writes, std::set<int64_t>* touched) {
  const std::string& id = coded.document.id;
  const Article& art = coded.article;
  const Event& e = coded.events[i];
  Binder b(insert_event.get());
  b.Text(id)
      .Int(static_cast<int64_t>(i))
      .Text(e.cameo)
      .Text(e.cameo_name)
      .Text(PloverName(e.plover));
  b.Text(AcledEventTypeName(e.acled.event_type))
      .Text(AcledSubEventTypeName(e.acled.sub_event_type));
  for (const ActorMention* a : {&e.source, &e.target}) {
    b.Int(static_cast<int64_t>(a->span.start))
        .Int(static_cast<int64_t>(a->span.end));
    b.Text(a->text).Text(a->actor.Code()).Text(a->actor.country);
    b.Text(JsonList(a->actor.sectors))
        .Text(a->actor.region)
        .Text(a->actor.organization);
    b.Text(a->person);
  }
  std::optional<std::pair<std::string, std::string>> period = published_period;
  if (e.date) {
    const DateMention& d = *e.date;
    if (d.value) {
      b.Text(d.value->ToIso()).Text(PrecisionName(d.value->precision()));
      period = Period(*d.value);
    } else {
      b.Null().Null();
    }
    b.Text(d.relative).Text(d.text);
    b.Int(static_cast<int64_t>(d.span.start))
        .Int(static_cast<int64_t>(d.span.end));
  } else {
    b.Null().Null().Null().Null().Null().Null();
  }
  if (e.place) {
    const PlaceMention& p = *e.place;
    b.Text(p.name)
        .Text(p.country)
        .Text(p.admin1)
        .Text(PlacePrecisionName(p.precision))
        .Int(p.geonameid);
    b.Int(p.from_dateline).Real(p.lat).Real(p.lon);
  } else {
    b.Null().Null().Null().Null().Null().Null().Null().Null();
  }
  b.OptInt(e.fatalities)
      .Int(e.negated)
      .Text(ModalityName(e.modality))
      .Int(static_cast<int64_t>(e.sentence));
  b.Int(static_cast<int64_t>(e.evidence.start))
      .Int(static_cast<int64_t>(e.evidence.end));
  b.Text(SpanText(art.body, e.evidence))
      .Text(e.trigger)
      .Text(JsonList(e.rules));
  if (period) {
    b.Text(period->first).Text(period->second).Text(period->first);
  } else {
    b.Null().Null().Text(kUndated);
  }
  b.OptInt(e.injured).OptInt(e.arrested).OptInt(e.crowd_size);
  const ReportKey key = ReportKeyOf(e, published);
  b.Text(key.kind);
  if (key.date) {
    b.Int(DateSpan(key.date->precision()));
  } else {
    b.Null();
  }
  RETURN_IF_ERROR(Write(insert_event.get(), b, writes, "an event"));
  // Grouped as soon as it is written: the article's own earlier events are
  // candidates too (one event told twice in an article is one group).
  RETURN_IF_ERROR(
      GroupEvent(sqlite3_last_insert_rowid(db), key, writes, touched));
  return Status::Ok();
}

// ---------------------------------------------------------------- grouping

template <class V>
Status Store::Impl::CollectIds(sqlite3_stmt* s, const V& value,
                               std::vector<int64_t>* out) {
  StmtScope scope(s);
  Binder b(s);
  if constexpr (std::is_integral_v<V>) {
    b.Int(value);
  } else {
    b.Text(value);
  }
  int rc = b.rc() == SQLITE_OK ? SQLITE_ROW : b.rc();
  while (rc == SQLITE_ROW && (rc = sqlite3_step(s)) == SQLITE_ROW)
    out->push_back(sqlite3_column_int64(s, 0));
  if (rc != SQLITE_DONE) return DbError("cannot read event groups");
  return Status::Ok();
}

Result<ReportKey> Store::Impl::LoadKey(int64_t event_id) {
  sqlite3_stmt* s = select_key.get();
  StmtScope scope(s);
  sqlite3_bind_int64(s, 1, event_id);
  if (sqlite3_step(s) != SQLITE_ROW)
    return DbError("cannot read event " + std::to_string(event_id));
  return KeyFromRow(s, 0, event_id, path);
}

Status Store::Impl::GroupEvent(int64_t id, const ReportKey& key, int& writes,
                               std::set<int64_t>* touched) {
  std::set<int64_t> matched;  // groups holding a report of the same event
  // SameEvent needs a kind, a date and a place on both sides.
  if (!key.kind.empty() && key.date && key.has_place && grouping.max_km > 0) {
    // SameEvent compares dates of one precision only: the candidates are the
    // reports of this kind and precision whose period starts within the gap
    // (days; the same month or year for coarser dates), one index range, read
    // from the index alone up to the latitude band a town within max_km must
    // lie in.
    const DatePrecision own = key.date->precision();
    const int gap =
        own == DatePrecision::kDay ? std::max(0, grouping.max_gap) : 0;
    const bool town = key.place_precision != PlacePrecision::kAdmin1 &&
                      key.place_precision != PlacePrecision::kCountry;
    const double band = grouping.max_km / 111.0 +
                        0.01;  // degrees: 111.19 km each on DistanceKm's sphere
    sqlite3_stmt* s = select_candidates.get();
    StmtScope scope(s);
    Binder b(s);
    b.Text(key.kind)
        .Int(DateSpan(own))
        .Text(ShiftedUnit(*key.date, own, -gap).first);
    b.Text(ShiftedUnit(*key.date, own, gap).second);
    b.Real(town ? key.lat - band : -1000).Real(town ? key.lat + band : 1000);
    int rc = b.rc() == SQLITE_OK ? SQLITE_ROW : b.rc();
    while (rc == SQLITE_ROW && (rc = sqlite3_step(s)) == SQLITE_ROW) {
      if (sqlite3_column_int64(s, 0) == id) continue;
      ASSIGN_OR_RETURN(const ReportKey other,
                       KeyFromRow(s, 2, sqlite3_column_int64(s, 0), path));
      if (SameEvent(key, other, grouping))
        matched.insert(sqlite3_column_int64(s, 1));
    }
    if (rc != SQLITE_DONE)
      return DbError("cannot find the reports event " + std::to_string(id) +
                     " may share");
  }
  // The group's id is its smallest event id; the groups this report joins
  // become one.
  const int64_t target = matched.empty() ? id : std::min(*matched.begin(), id);
  {
    Binder b(set_group.get());
    b.Int(target).Int(id);
    RETURN_IF_ERROR(Write(set_group.get(), b, writes, "an event's group"));
  }
  for (int64_t g : matched) {
    if (g == target) continue;
    Binder move(move_group.get());
    move.Int(target).Int(g);
    RETURN_IF_ERROR(
        Write(move_group.get(), move, writes, "a merged event group"));
    RETURN_IF_ERROR(
        WriteForGroup(delete_group.get(), g, writes, "a merged event group"));
    touched->erase(g);
  }
  touched->insert(target);
  return Status::Ok();
}

Status Store::Impl::RegroupMembers(const std::vector<int64_t>& groups,
                                   int& writes, std::set<int64_t>* touched) {
  std::vector<int64_t> members;
  for (int64_t g : groups) {
    RETURN_IF_ERROR(CollectIds(group_members.get(), g, &members));
    RETURN_IF_ERROR(WriteForGroup(ungroup.get(), g, writes, "an event group"));
    RETURN_IF_ERROR(
        WriteForGroup(delete_group.get(), g, writes, "an event group"));
    touched->erase(g);
  }
  // In id order, as RegroupAll does: each remaining report joins what it
  // matches among those regrouped before it and the untouched groups.
  std::sort(members.begin(), members.end());
  for (int64_t id : members) {
    ASSIGN_OR_RETURN(auto key, LoadKey(id));
    RETURN_IF_ERROR(GroupEvent(id, key, writes, touched));
  }
  return Status::Ok();
}

Status Store::Impl::RefreshGroups(const std::set<int64_t>& groups,
                                  int& writes) {
  for (int64_t g : groups) {
    RETURN_IF_ERROR(
        WriteForGroup(delete_group.get(), g, writes, "an event group"));
    RETURN_IF_ERROR(
        WriteForGroup(refresh_group.get(), g, writes, "an event group"));
  }
  return Status::Ok();
}

Status Store::Impl::RegroupAll() {
  RETURN_IF_ERROR(
      Exec("UPDATE events SET group_id = NULL; DELETE FROM event_groups",
           "cannot regroup the stored events"));
  std::vector<int64_t> ids;
  {
    ASSIGN_OR_RETURN(auto all, Prepare("SELECT id FROM events ORDER BY id"));
    int rc;
    while ((rc = sqlite3_step(all.get())) == SQLITE_ROW)
      ids.push_back(sqlite3_column_int64(all.get(), 0));
    if (rc != SQLITE_DONE) return DbError("cannot regroup the stored events");
  }
  int writes = 0;
  std::set<int64_t> touched;  // refreshed below, all at once
  for (int64_t id : ids) {
    ASSIGN_OR_RETURN(auto key, LoadKey(id));
    RETURN_IF_ERROR(GroupEvent(id, key, writes, &touched));
  }
  const std::string sql =
      "INSERT INTO event_groups (id, sort_date, date_first, date_last, "
      "reports, articles, sources)"
      " SELECT e.group_id, min(e.sort_date), min(e.date_first), "
      "max(e.date_last), count(*),"
      " count(DISTINCT e.article_id), count(DISTINCT a.host)"
      " FROM events e JOIN articles a ON a.id = e.article_id GROUP BY "
      "e.group_id;"
      " INSERT OR REPLACE INTO settings (key, value) VALUES ('grouping', '" +
      GroupingSetting(grouping) + "')";  // our own digits and words, no input
  return Exec(sql.c_str(), "cannot regroup the stored events");
}

Status Store::Impl::CheckGrouping() {
  ASSIGN_OR_RETURN(
      auto stmt, Prepare("SELECT value FROM settings WHERE key = 'grouping'"));
  std::string stored;
  const int rc = sqlite3_step(stmt.get());
  if (rc == SQLITE_ROW)
    stored = ColumnText(stmt.get(), 0);
  else if (rc != SQLITE_DONE)
    return DbError("cannot read the grouping settings");
  stmt.reset();
  if (!options.grouping) {
    // Go on as the stored groups were made.
    if (std::optional<GroupingOptions> made = ParseGroupingSetting(stored)) {
      grouping = *made;
      return Status::Ok();
    }
  }
  if (stored == GroupingSetting(grouping)) return Status::Ok();
  RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE", "cannot regroup the stored events"));
  Status s = RegroupAll();
  if (s.ok()) s = Exec("COMMIT", "cannot regroup the stored events");
  if (!s.ok() && !sqlite3_get_autocommit(db))
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  return s;
}

// ---------------------------------------------------------------- Store

const char* PutOutcomeName(PutOutcome outcome) {
  switch (outcome) {
    case PutOutcome::kInserted:
      return "inserted";
    case PutOutcome::kUnchanged:
      return "unchanged";
    case PutOutcome::kReplaced:
      return "replaced";
  }
  return "inserted";
}

std::string ContentHash(std::string_view content) {
  // FNV-1a, 64-bit: simple, stable across platforms and releases, and plenty to
  // tell two versions of one document apart (it is not a defence against
  // forgery).
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : content) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

int Store::SchemaVersion() { return kSchemaVersion; }

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  return Open(path, StoreOptions());
}

Status Store::Impl::OpenReadOnly() {
  // Read-only: check, never change. An old schema needs a writable open to
  // migrate.
  ASSIGN_OR_RETURN(auto app, QueryLong("PRAGMA application_id"));
  if (app != kApplicationId) return MakeError(path, "not a Dateline store");
  ASSIGN_OR_RETURN(auto version, QueryLong("PRAGMA user_version"));
  if (version < kSchemaVersion) {
    return MakeError(
        path, "the database has schema version " + std::to_string(version) +
                  ", older than this program's (" +
                  std::to_string(kSchemaVersion) +
                  "); upgrade it once with: dateline migrate --db " + path);
  }
  if (version > kSchemaVersion) {
    return MakeError(
        path, "the database has schema version " + std::to_string(version) +
                  ", newer than this program's (" +
                  std::to_string(kSchemaVersion) + "); use a newer dateline");
  }
  return Exec("PRAGMA query_only = 1", "cannot open the database");
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                           StoreOptions options) {
  if (options.read_only) {
    if (!IsMemoryPath(path) && access(path.c_str(), R_OK) != 0) {
      return MakeError(path, "cannot open the database: no such readable file");
    }
  } else if (!IsMemoryPath(path)) {
    if (auto e = CheckPath(path)) return *e;
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path.empty() ? ":memory:" : path;
  impl->options = std::move(options);
  impl->grouping = impl->options.grouping.value_or(GroupingOptions());
  const int flags =
      (impl->options.read_only ? SQLITE_OPEN_READONLY
                               : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
      SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(impl->path.c_str(), &impl->db, flags, nullptr) !=
      SQLITE_OK) {
    if (impl->db == nullptr)
      return MakeError(path, "cannot open the database: out of memory");
    return impl->CantOpen();
  }
  sqlite3_extended_result_codes(impl->db, 1);
  sqlite3_busy_timeout(impl->db, impl->options.busy_timeout_ms);
  sqlite3_progress_handler(impl->db, 1000, Impl::ProgressHandler, impl.get());
  if (impl->options.read_only) {
    Status opened = impl->OpenReadOnly();
    const int code = sqlite3_errcode(impl->db) & 0xFF;
    if (!opened.ok() && (code == SQLITE_READONLY || code == SQLITE_CANTOPEN) &&
        !IsMemoryPath(path)) {
      // A WAL database needs its -shm file, which a reader cannot create beside
      // a file it may not write (a read-only file, folder or mount). Such a
      // file cannot be changed under us either: it is opened immutable, read as
      // it is on disk.
      sqlite3_close_v2(impl->db);
      impl->db = nullptr;
      if (sqlite3_open_v2(ImmutableUri(path).c_str(), &impl->db, flags,
                          nullptr) != SQLITE_OK)
        return impl->CantOpen();
      sqlite3_extended_result_codes(impl->db, 1);
      sqlite3_progress_handler(impl->db, 1000, Impl::ProgressHandler,
                               impl.get());
      opened = impl->OpenReadOnly();
    }
    RETURN_IF_ERROR(opened);
    RETURN_IF_ERROR(impl->PrepareAll());
    return std::unique_ptr<Store>(new Store(std::move(impl)));
  }
  sqlite3_create_function_v2(impl->db, "dateline_url_host", 1,
                             SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                             SqlUrlHost, nullptr, nullptr, nullptr);
  sqlite3_create_function_v2(impl->db, "dateline_group_kind", 3,
                             SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                             SqlGroupKind, nullptr, nullptr, nullptr);
  // The first statement that reads the file: a file that is not SQLite fails
  // here with "file is not a database".
  if (Status s = impl->SetWalMode(); !s.ok()) {
    return (sqlite3_errcode(impl->db) & 0xFF) == SQLITE_CANTOPEN
               ? impl->CantOpen()
               : s.error();
  }
  if (sqlite3_db_readonly(impl->db, "main") == 1) {
    return MakeError(path, "cannot open the database: it is read-only");
  }
  // NORMAL is durable against a crash of the process (WAL keeps committed
  // transactions); a power cut may lose the last few, never consistency.
  if (Status s =
          impl->Exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL",
                     "cannot configure the database");
      !s.ok()) {
    return s.error();
  }
  RETURN_IF_ERROR(impl->Migrate());
  RETURN_IF_ERROR(impl->PrepareAll());
  RETURN_IF_ERROR(impl->CheckGrouping());
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<PutOutcome> Store::Put(const CodedArticle& coded) {
  Impl& im = *impl_;
  if (im.options.read_only)
    return MakeError(im.path, "cannot store article '" + coded.document.id +
                                  "': the database is open read-only");
  if (coded.document.id.empty()) {
    return MakeError(im.path, "cannot store an article without an id (from " +
                                  (coded.document.input.empty()
                                       ? std::string("unknown input")
                                       : coded.document.input) +
                                  ")");
  }
  const std::string hash = ContentHash(coded.document.content);
  {
    StmtScope scope(im.begin.get());
    if (sqlite3_step(im.begin.get()) != SQLITE_DONE) {
      return im.DbError("cannot store article '" + coded.document.id +
                        "': cannot start a transaction");
    }
  }
  Result<PutOutcome> outcome = im.PutInTransaction(coded, hash);
  if (outcome.ok() && *outcome != PutOutcome::kUnchanged) {
    StmtScope scope(im.commit.get());
    if (sqlite3_step(im.commit.get()) != SQLITE_DONE) {
      outcome = im.DbError("cannot store article '" + coded.document.id +
                           "': commit failed");
    }
  }
  // kUnchanged wrote nothing: rolling back just ends the read. A failed
  // statement may already have ended the transaction (SQLite does so on some
  // errors), hence the check.
  if (!sqlite3_get_autocommit(im.db))
    sqlite3_exec(im.db, "ROLLBACK", nullptr, nullptr, nullptr);
  if (!outcome.ok() &&
      outcome.error().message.find(coded.document.id) == std::string::npos) {
    Error e = outcome.error();
    e.message = "article '" + coded.document.id + "': " + e.message;
    return e;
  }
  return outcome;
}

// Long because of its failure paths: a read-only store, BEGIN failing, one
// article failing (rolled back to its savepoint, the others kept) and COMMIT
// failing each answer every article of the batch.
std::vector<Result<PutOutcome>> Store::PutBatch(
    const std::vector<const CodedArticle*>& batch) {
  Impl& im = *impl_;
  if (im.options.read_only) {
    std::vector<Result<PutOutcome>> refused(
        batch.size(), Result<PutOutcome>(PutOutcome::kUnchanged));
    for (size_t i = 0; i < batch.size(); ++i) {
      refused[i] =
          MakeError(im.path, "cannot store article '" + batch[i]->document.id +
                                 "': the database is open read-only");
    }
    return refused;
  }
  // Every outcome is set below; kUnchanged stands in until then.
  std::vector<Result<PutOutcome>> outcomes(
      batch.size(), Result<PutOutcome>(PutOutcome::kUnchanged));
  size_t done = 0;               // outcomes[0, done) are set
  size_t first_uncommitted = 0;  // outcomes from here on wait for the commit
  bool open = false;
  // Fails the articles [first_uncommitted, end) that had succeeded with
  // `error`.
  const auto lose_uncommitted = [&](const Error& error, size_t end) {
    for (size_t i = first_uncommitted; i < end; ++i) {
      if (outcomes[i].ok() && *outcomes[i] != PutOutcome::kUnchanged) {
        Error e = error;
        e.message = "article '" + batch[i]->document.id + "': " + e.message;
        outcomes[i] = e;
      }
    }
    first_uncommitted = end;
  };
  for (; done < batch.size(); ++done) {
    const CodedArticle* coded = batch[done];
    const std::string& id = coded->document.id;
    if (id.empty()) {
      outcomes[done] =
          MakeError(im.path, "cannot store an article without an id (from " +
                                 (coded->document.input.empty()
                                      ? std::string("unknown input")
                                      : coded->document.input) +
                                 ")");
      continue;
    }
    if (!open) {
      StmtScope scope(im.begin.get());
      if (sqlite3_step(im.begin.get()) != SQLITE_DONE) {
        // Locked out (after the busy wait) or failing: every article left fails
        // alike; trying each in turn would wait the whole busy timeout again
        // per article.
        const Error error = im.DbError("cannot start a transaction");
        for (size_t i = done; i < batch.size(); ++i) {
          Error e = error;
          e.message = "cannot store article '" + batch[i]->document.id +
                      "': " + e.message;
          outcomes[i] = e;
        }
        return outcomes;
      }
      open = true;
    }
    if (sqlite3_exec(im.db, "SAVEPOINT article", nullptr, nullptr, nullptr) !=
        SQLITE_OK) {
      outcomes[done] = im.DbError("cannot store article '" + id +
                                  "': cannot start a savepoint");
      continue;
    }
    Result<PutOutcome> outcome =
        im.PutInTransaction(*coded, ContentHash(coded->document.content));
    if (sqlite3_get_autocommit(im.db)) {
      // SQLite ended the whole transaction (a full disk, an I/O error): the
      // batch so far is lost.
      open = false;
      const Error error = outcome.ok()
                              ? im.DbError("the transaction was rolled back")
                              : outcome.error();
      outcomes[done] = outcome;
      lose_uncommitted(error, done + 1);
      continue;
    }
    if (outcome.ok()) {
      sqlite3_exec(im.db, "RELEASE article", nullptr, nullptr, nullptr);
    } else {
      sqlite3_exec(im.db, "ROLLBACK TO article", nullptr, nullptr, nullptr);
      sqlite3_exec(im.db, "RELEASE article", nullptr, nullptr, nullptr);
      if (outcome.error().message.find(id) == std::string::npos) {
        Error e = outcome.error();
        e.message = "article '" + id + "': " + e.message;
        outcome = e;
      }
    }
    outcomes[done] = std::move(outcome);
  }
  if (open) {
    StmtScope scope(im.commit.get());
    if (sqlite3_step(im.commit.get()) != SQLITE_DONE) {
      const Error error = im.DbError("commit failed");
      if (!sqlite3_get_autocommit(im.db))
        sqlite3_exec(im.db, "ROLLBACK", nullptr, nullptr, nullptr);
      lose_uncommitted(error, done);
    }
  }
  return outcomes;
}

Status Store::ForEachStoredPlaces(
    const std::function<void(const std::string& url,
                             const std::vector<PlaceMention>& places)>& visit)
    const {
  Impl& im = *impl_;
  sqlite3_stmt* raw = nullptr;
  // Articles by rowid: the order they were stored in; their places by index.
  const char* sql =
      "SELECT a.url, p.name, p.country, p.admin1, p.precision, "
      "p.from_dateline, a.rowid "
      "FROM articles a LEFT JOIN places p ON p.article_id = a.id ORDER BY "
      "a.rowid, p.idx";
  if (sqlite3_prepare_v2(im.db, sql, -1, &raw, nullptr) != SQLITE_OK)
    return im.DbError("cannot read stored places");
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw,
                                                             sqlite3_finalize);
  std::string url;
  std::vector<PlaceMention> places;
  int64_t article = -1;
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    const int64_t rowid = sqlite3_column_int64(raw, 6);
    if (rowid != article) {
      if (article >= 0) visit(url, places);
      article = rowid;
      url = ColumnText(raw, 0);
      places.clear();
    }
    if (sqlite3_column_type(raw, 1) == SQLITE_NULL)
      continue;  // an article without places
    PlaceMention p;
    p.name = ColumnText(raw, 1);
    p.country = ColumnText(raw, 2);
    p.admin1 = ColumnText(raw, 3);
    const std::string precision = ColumnText(raw, 4);
    const std::optional<PlacePrecision> parsed = ParsePlacePrecision(precision);
    if (!parsed) {
      return MakeError(ErrorKind::kCorrupt, im.path,
                       "a stored place has the precision \"" + precision +
                           "\", none of point, admin2, admin1, country");
    }
    p.precision = *parsed;
    p.from_dateline = sqlite3_column_int(raw, 5) != 0;
    places.push_back(std::move(p));
  }
  if (rc != SQLITE_DONE) return im.DbError("cannot read stored places");
  if (article >= 0) visit(url, places);
  return Status::Ok();
}

namespace {

// Filter bits of the query-statement cache key.
enum : unsigned {
  kByCountry = 1,
  kBySince = 2,
  kByUntil = 4,
  kByPlover = 8,
  kByCameo = 16,
  kByCameoUpper = 32,
  kByArticle = 64,
};

struct DateFilter {
  std::string since_first;  // first day of `since`
  std::string
      since_floor;         // Jan 1 of since's year: an index-usable lower bound
  std::string until_last;  // last day of `until`
};

Result<DateFilter> ParseDateFilter(const std::string& path,
                                   const std::string& since,
                                   const std::string& until) {
  DateFilter f;
  if (!since.empty()) {
    auto d = ParseIsoDate(since);
    if (!d)
      return MakeError(path,
                       "query: since \"" + since +
                           "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    f.since_first = Period(*d).first;
    f.since_floor = IsoDay(d->year, 1, 1);
  }
  if (!until.empty()) {
    auto d = ParseIsoDate(until);
    if (!d)
      return MakeError(path,
                       "query: until \"" + until +
                           "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    f.until_last = Period(*d).second;
  }
  return f;
}

void BindNamed(sqlite3_stmt* s, const char* name, const std::string& value) {
  const int i = sqlite3_bind_parameter_index(s, name);
  assert(i > 0);
  sqlite3_bind_text64(s, i, value.data(), value.size(), SQLITE_TRANSIENT,
                      SQLITE_UTF8);
}

// The columns ReadEvent reads, from events e, articles a and event_groups g.
constexpr const char* kEventSelect =
    "SELECT e.id, e.article_id, a.url, a.title, a.published, e.cameo, "
    "e.cameo_name,"
    " e.plover, e.acled_event_type, e.acled_sub_event_type, e.source_text, "
    "e.source_code,"
    " e.source_country, e.source_region, e.target_text, e.target_code, "
    "e.target_country,"
    " e.target_region, e.date_value, e.date_precision, e.date_relative, "
    "e.place_name,"
    " e.place_country, e.place_precision, e.lat, e.lon, e.fatalities, "
    "e.negated,"
    " e.modality, e.evidence_text, e.rules, e.idx, e.evidence_start, "
    "e.evidence_end,"
    " e.\"trigger\", e.source_person, e.target_person, e.injured, e.arrested, "
    "e.crowd_size,"
    " e.place_admin1, e.place_geonameid, e.source_sectors, e.target_sectors, "
    "a.coded_at,"
    " e.group_id, g.reports, g.articles, g.sources"
    " FROM events e JOIN articles a ON a.id = e.article_id"
    " LEFT JOIN event_groups g ON g.id = e.group_id";

// The columns of an event row that hold a name of a closed vocabulary of the
// record (core/record.h), as stored: the store keeps names, StoredEvent the
// values.
struct VocabularyColumns {
  std::string plover, acled_event_type, acled_sub_event_type, modality;
  std::optional<std::string> place_precision;  // NULL: the event has no place
  std::optional<std::string> date_precision;   // NULL: no date of its own
};

// Reads `names` into `e`, whose event_id, article_id and index are read. A
// name that is none of its vocabulary's was written by hand or by another
// program: a corrupt store, with an error that names the row.
Status ReadVocabulary(const VocabularyColumns& names, const std::string& path,
                      StoredEvent* e) {
  const auto corrupt = [&](const std::string& problem) {
    return MakeError(ErrorKind::kCorrupt, path,
                     "event " + std::to_string(e->event_id) + " (article \"" +
                         e->article_id + "\", event " +
                         std::to_string(e->index) + "): " + problem);
  };
  const auto none_of = [](const char* what, const std::string& name,
                          const std::string& of) {
    return std::string("the ") + what + " \"" + name + "\" is none of " + of;
  };
  const std::optional<Plover> plover = ParsePlover(names.plover);
  if (!plover)
    return corrupt(none_of("PLOVER category", names.plover, "PLOVER's"));
  const std::optional<AcledEventType> acled =
      ParseAcledEventType(names.acled_event_type);
  if (!acled) {
    return corrupt(
        none_of("ACLED event type", names.acled_event_type, "ACLED's"));
  }
  const std::optional<AcledSubEventType> sub =
      ParseAcledSubEventType(names.acled_sub_event_type);
  if (!sub || AcledEventTypeOf(*sub) != *acled) {
    return corrupt(none_of("ACLED sub-event type", names.acled_sub_event_type,
                           "\"" + names.acled_event_type + "\""));
  }
  const std::optional<Modality> modality = ParseModality(names.modality);
  if (!modality)
    return corrupt(none_of("modality", names.modality, "the record's"));
  e->plover = *plover;
  e->acled_event_type = *acled;
  e->acled_sub_event_type = *sub;
  e->modality = *modality;
  if (names.place_precision) {
    e->place_precision = ParsePlacePrecision(*names.place_precision);
    if (!e->place_precision) {
      return corrupt(
          none_of("place precision", *names.place_precision, "the record's"));
    }
  }
  if (names.date_precision) {
    e->date_precision = ParseDatePrecision(*names.date_precision);
    if (!e->date_precision) {
      return corrupt(none_of("date precision", *names.date_precision,
                             "\"year\", \"month\" and \"day\""));
    }
  }
  return Status::Ok();
}

// One row of a kEventSelect statement; `path` names the store in errors.
Result<StoredEvent> ReadEvent(sqlite3_stmt* s, const std::string& path) {
  StoredEvent e;
  int c = 0;
  e.event_id = static_cast<long>(sqlite3_column_int64(s, c++));
  e.article_id = ColumnText(s, c++);
  e.url = ColumnText(s, c++);
  e.title = ColumnText(s, c++);
  e.published = ColumnText(s, c++);
  e.cameo = ColumnText(s, c++);
  e.cameo_name = ColumnText(s, c++);
  VocabularyColumns names;
  names.plover = ColumnText(s, c++);
  names.acled_event_type = ColumnText(s, c++);
  names.acled_sub_event_type = ColumnText(s, c++);
  e.source_text = ColumnText(s, c++);
  e.source_code = ColumnText(s, c++);
  e.source_country = ColumnText(s, c++);
  e.source_region = ColumnText(s, c++);
  e.target_text = ColumnText(s, c++);
  e.target_code = ColumnText(s, c++);
  e.target_country = ColumnText(s, c++);
  e.target_region = ColumnText(s, c++);
  e.date = ColumnText(s, c++);
  if (sqlite3_column_type(s, c) != SQLITE_NULL)
    names.date_precision = ColumnText(s, c);
  ++c;
  e.date_relative = ColumnText(s, c++);
  e.place_name = ColumnText(s, c++);
  e.place_country = ColumnText(s, c++);
  if (sqlite3_column_type(s, c) != SQLITE_NULL)
    names.place_precision = ColumnText(s, c);
  ++c;
  e.lat = ColumnOptReal(s, c++);
  e.lon = ColumnOptReal(s, c++);
  e.fatalities = ColumnOptInt(s, c++);
  e.negated = sqlite3_column_int(s, c++) != 0;
  names.modality = ColumnText(s, c++);
  e.evidence = ColumnText(s, c++);
  e.rules = JoinRules(ColumnText(s, c++));
  e.index = sqlite3_column_int(s, c++);
  e.evidence_start = static_cast<size_t>(sqlite3_column_int64(s, c++));
  e.evidence_end = static_cast<size_t>(sqlite3_column_int64(s, c++));
  e.trigger = ColumnText(s, c++);
  e.source_person = ColumnText(s, c++);
  e.target_person = ColumnText(s, c++);
  e.injured = ColumnOptInt(s, c++);
  e.arrested = ColumnOptInt(s, c++);
  e.crowd_size = ColumnOptInt(s, c++);
  e.place_admin1 = ColumnText(s, c++);
  e.place_geonameid = static_cast<long>(sqlite3_column_int64(s, c++));
  e.source_sectors = ParseJsonList(ColumnText(s, c++));
  e.target_sectors = ParseJsonList(ColumnText(s, c++));
  e.coded_at = ColumnText(s, c++);
  e.group_id = static_cast<long>(sqlite3_column_int64(s, c++));
  // A report not yet grouped (impossible after Put) counts as a group of its
  // own.
  e.group_reports =
      std::max<long>(1, static_cast<long>(sqlite3_column_int64(s, c++)));
  e.group_articles =
      std::max<long>(1, static_cast<long>(sqlite3_column_int64(s, c++)));
  e.group_sources =
      std::max<long>(1, static_cast<long>(sqlite3_column_int64(s, c++)));
  RETURN_IF_ERROR(ReadVocabulary(names, path, &e));
  return e;
}

int64_t SqlLimit(size_t limit) {
  return limit == 0 || limit > static_cast<size_t>(INT64_MAX)
             ? -1
             : static_cast<int64_t>(limit);
}

}  // namespace

Result<std::vector<StoredEvent>> Store::QueryEvents(const EventQuery& q) const {
  Impl& im = *impl_;
  Impl::QueryClock clock(im);
  ASSIGN_OR_RETURN(auto dates, ParseDateFilter(im.path, q.since, q.until));
  const std::optional<std::string> cameo_upper = PrefixUpperBound(q.cameo);
  unsigned key = 0;
  if (!q.country.empty()) key |= kByCountry;
  if (!q.since.empty()) key |= kBySince;
  if (!q.until.empty()) key |= kByUntil;
  if (!q.plover.empty()) key |= kByPlover;
  if (!q.cameo.empty()) key |= kByCameo;
  if (!q.cameo.empty() && cameo_upper) key |= kByCameoUpper;
  if (!q.article_id.empty()) key |= kByArticle;

  Stmt& stmt = im.event_queries[key];
  if (!stmt) {
    // Only fixed SQL fragments are chosen here; every value goes in as a
    // parameter.
    //
    // Two steps: an inner query picks the ids of the rows to return, in order,
    // from the covering indexes alone (no table rows are read or sorted for
    // rows beyond the limit); the outer query then reads just those rows. A
    // country filter is a union of two index-ordered scans (source, target),
    // which SQLite merges in order and stops at the limit, instead of
    // collecting every match of an OR and sorting it.
    std::string where;
    // date_last >= since is the real test; sort_date >= since_floor is implied
    // by it (a period that ends on/after `since` starts no earlier than Jan 1
    // of since's year) and bounds the index range.
    if (key & kBySince)
      where += " AND date_last >= :since AND sort_date >= :since_floor";
    // sort_date is date_first, or "~" for undated events, which this excludes.
    if (key & kByUntil) where += " AND sort_date <= :until";
    if (key & kByPlover) where += " AND plover = :plover";
    if (key & kByCameo) where += " AND cameo >= :cameo";
    if (key & kByCameoUpper) where += " AND cameo < :cameo_upper";
    if (key & kByArticle) where += " AND article_id = :article_id";
    const std::string arm =
        "SELECT id, sort_date, article_id, idx FROM events WHERE ";
    std::string ids;
    if (key & kByCountry) {
      ids = arm + "source_country = :country" + where + " UNION " + arm +
            "target_country = :country" + where;
    } else {
      ids = arm + "1" + where;
    }
    ids += " ORDER BY 2, 3, 4 LIMIT :limit";
    std::string sql = std::string(kEventSelect) +
                      " WHERE e.id IN (SELECT id FROM (" + ids +
                      "))"
                      " ORDER BY e.sort_date, e.article_id, e.idx";
    auto prepared = im.Prepare(sql);
    if (!prepared.ok()) {
      im.event_queries.erase(key);
      return prepared.error();
    }
    stmt = std::move(*prepared);
  }
  sqlite3_stmt* s = stmt.get();
  StmtScope scope(s);
  if (key & kByCountry) BindNamed(s, ":country", q.country);
  if (key & kBySince) {
    BindNamed(s, ":since", dates.since_first);
    BindNamed(s, ":since_floor", dates.since_floor);
  }
  if (key & kByUntil) BindNamed(s, ":until", dates.until_last);
  if (key & kByPlover) BindNamed(s, ":plover", q.plover);
  if (key & kByCameo) BindNamed(s, ":cameo", q.cameo);
  if (key & kByCameoUpper) BindNamed(s, ":cameo_upper", *cameo_upper);
  if (key & kByArticle) BindNamed(s, ":article_id", q.article_id);
  sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":limit"),
                     SqlLimit(q.limit));

  std::vector<StoredEvent> out;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    ASSIGN_OR_RETURN(StoredEvent e, ReadEvent(s, im.path));
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return im.DbError("cannot query events");
  return out;
}

Result<std::vector<StoredArticle>> Store::QueryArticles(
    const ArticleQuery& q) const {
  Impl& im = *impl_;
  Impl::QueryClock clock(im);
  ASSIGN_OR_RETURN(auto dates, ParseDateFilter(im.path, q.since, q.until));
  unsigned key = 0;
  if (!q.article_id.empty()) key |= kByArticle;
  if (!q.since.empty()) key |= kBySince;
  if (!q.until.empty()) key |= kByUntil;
  Stmt& stmt = im.article_queries[key];
  if (!stmt) {
    std::string sql =
        "SELECT a.id, a.url, a.input, a.content_hash, a.title, a.section, "
        "a.dateline,"
        " a.published, a.authors, a.tags, a.coded_at,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id)"
        " FROM articles a WHERE 1";
    if (key & kByArticle) sql += " AND a.id = :article_id";
    if (key & kBySince) sql += " AND a.published_last >= :since";
    if (key & kByUntil) sql += " AND a.published_first <= :until";
    sql +=
        " ORDER BY a.published_first IS NULL, a.published_first, a.id LIMIT "
        ":limit";
    auto prepared = im.Prepare(sql);
    if (!prepared.ok()) {
      im.article_queries.erase(key);
      return prepared.error();
    }
    stmt = std::move(*prepared);
  }
  sqlite3_stmt* s = stmt.get();
  StmtScope scope(s);
  if (key & kByArticle) BindNamed(s, ":article_id", q.article_id);
  if (key & kBySince) BindNamed(s, ":since", dates.since_first);
  if (key & kByUntil) BindNamed(s, ":until", dates.until_last);
  sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":limit"),
                     SqlLimit(q.limit));
  std::vector<StoredArticle> out;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    StoredArticle a;
    a.id = ColumnText(s, 0);
    a.url = ColumnText(s, 1);
    a.input = ColumnText(s, 2);
    a.content_hash = ColumnText(s, 3);
    a.title = ColumnText(s, 4);
    a.section = ColumnText(s, 5);
    a.dateline = ColumnText(s, 6);
    a.published = ColumnText(s, 7);
    a.authors = ParseJsonList(ColumnText(s, 8));
    a.tags = ParseJsonList(ColumnText(s, 9));
    a.coded_at = ColumnText(s, 10);
    a.event_count = static_cast<long>(sqlite3_column_int64(s, 11));
    out.push_back(std::move(a));
  }
  if (rc != SQLITE_DONE) return im.DbError("cannot query articles");
  return out;
}

namespace {

// The WHERE clause of a group query over `events e`, and the values its named
// parameters take. Only fixed fragments are chosen here; every value is bound.
struct GroupFilter {
  std::string where = "e.group_id IS NOT NULL";
  std::vector<std::pair<std::string, std::variant<std::string, double>>> values;
  void Add(const char* sql) { where += std::string(" AND ") + sql; }
  void Bind(const char* name, std::variant<std::string, double> v) {
    values.emplace_back(name, std::move(v));
  }
  void BindAll(sqlite3_stmt* s) const {
    for (const auto& [name, v] : values) {
      const int i = sqlite3_bind_parameter_index(s, name.c_str());
      if (i == 0)
        continue;  // a statement that does not use this filter's value
      if (const auto* text = std::get_if<std::string>(&v)) {
        sqlite3_bind_text64(s, i, text->data(), text->size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8);
      } else {
        sqlite3_bind_double(s, i, std::get<double>(v));
      }
    }
  }
};

// FTS5 query of the words of `text`, each quoted (so that no word is an FTS
// operator or a syntax error) and all required; empty when `text` has no word.
std::string FtsQuery(const std::string& text) {
  std::string out, word;
  const auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += " ";
    out += "\"" + word + "\"";
    word.clear();
  };
  for (char c : text) {
    // Control characters (a NUL would end FTS5's reading of the query) separate
    // words.
    if (std::isspace(static_cast<unsigned char>(c)) ||
        static_cast<unsigned char>(c) < 0x20) {
      flush();
    } else if (c == '"') {
      word += "\"\"";
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

std::string AsciiLower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Result<GroupFilter> MakeGroupFilter(const std::string& path,
                                    const GroupQuery& q) {
  GroupFilter f;
  ASSIGN_OR_RETURN(auto dates, ParseDateFilter(path, q.since, q.until));
  if (!q.country.empty()) {
    f.Add("(e.source_country = :country OR e.target_country = :country)");
    f.Bind(":country", q.country);
  }
  if (!q.actor.empty()) {
    f.Add(
        "(e.source_code = :actor OR e.target_code = :actor"
        " OR instr(lower(e.source_text), :actor_lower) > 0"
        " OR instr(lower(e.target_text), :actor_lower) > 0)");
    f.Bind(":actor", q.actor);
    f.Bind(":actor_lower", AsciiLower(q.actor));
  }
  if (!q.since.empty()) {
    f.Add("e.date_last >= :since");
    f.Bind(":since", dates.since_first);
  }
  if (!q.until.empty()) {
    f.Add("e.sort_date <= :until");  // "~" (undated) sorts after every date
    f.Bind(":until", dates.until_last);
  }
  if (!q.plover.empty()) {
    f.Add("e.plover = :plover");
    f.Bind(":plover", q.plover);
  }
  if (!q.cameo.empty()) {
    f.Add("e.cameo >= :cameo");
    f.Bind(":cameo", q.cameo);
    if (auto upper = PrefixUpperBound(q.cameo)) {
      f.Add("e.cameo < :cameo_upper");
      f.Bind(":cameo_upper", *upper);
    }
  }
  if (!q.acled.empty()) {
    f.Add("(e.acled_event_type = :acled OR e.acled_sub_event_type = :acled)");
    f.Bind(":acled", q.acled);
  }
  if (q.bbox) {
    f.Add(
        "e.lon >= :min_lon AND e.lat >= :min_lat AND e.lon <= :max_lon AND "
        "e.lat <= :max_lat");
    f.Bind(":min_lon", (*q.bbox)[0]);
    f.Bind(":min_lat", (*q.bbox)[1]);
    f.Bind(":max_lon", (*q.bbox)[2]);
    f.Bind(":max_lat", (*q.bbox)[3]);
  }
  if (const std::string fts = FtsQuery(q.text); !fts.empty()) {
    f.Add(
        "e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :text)");
    f.Bind(":text", fts);
  }
  return f;
}

// A page cursor: the last group's sort_date and id, "2009-03-20.1234" ("~.1234"
// for an undated group).
std::string MakeCursor(const std::string& sort_date, long id) {
  return sort_date + "." + std::to_string(id);
}

bool ParseCursor(const std::string& cursor, std::string* sort_date, long* id) {
  const size_t dot = cursor.rfind('.');
  if (dot == std::string::npos) return false;
  const std::string date = cursor.substr(0, dot),
                    digits = cursor.substr(dot + 1);
  if (digits.empty() || digits.size() > 18 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  if (date != kUndated) {
    const std::optional<PartialDate> d = ParseIsoDate(date);
    if (!d || d->precision() != DatePrecision::kDay || date.size() != 10)
      return false;
  }
  *sort_date = date;
  *id = std::stol(digits);
  return true;
}

}  // namespace

bool Store::IsValidCursor(const std::string& cursor) {
  std::string date;
  long id = 0;
  return ParseCursor(cursor, &date, &id);
}

bool Store::timed_out() const { return impl_->timed_out; }

Result<long> Store::CountEventGroups() const {
  return impl_->CountWith(impl_->count_groups.get());
}

// The reports of group `id` (all of them, in kEventSelect order).
static Result<std::vector<StoredEvent>> GroupReports(sqlite3* db,
                                                     const std::string& path,
                                                     long id) {
  sqlite3_stmt* raw = nullptr;
  const std::string sql =
      std::string(kEventSelect) +
      " WHERE e.group_id = ? ORDER BY e.sort_date, e.article_id, e.idx";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    return MakeError(
        path, std::string("cannot read an event group: ") + sqlite3_errmsg(db));
  }
  Stmt stmt(raw);
  sqlite3_bind_int64(raw, 1, id);
  std::vector<StoredEvent> out;
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    ASSIGN_OR_RETURN(StoredEvent e, ReadEvent(raw, path));
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE)
    return MakeError(
        path, std::string("cannot read an event group: ") + sqlite3_errmsg(db));
  return out;
}

Result<GroupPage> Store::QueryGroups(const GroupQuery& q) const {
  Impl& im = *impl_;
  Impl::QueryClock clock(im);
  ASSIGN_OR_RETURN(auto filter, MakeGroupFilter(im.path, q));
  std::string after_date;
  long after_id = 0;
  if (!q.after.empty() && !ParseCursor(q.after, &after_date, &after_id)) {
    return MakeError(im.path,
                     "query: \"" + q.after + "\" is not a page cursor");
  }
  const std::string matched =
      "WITH m AS (SELECT DISTINCT e.group_id AS gid FROM events e WHERE " +
      filter.where + ") ";
  GroupPage page;
  {
    ASSIGN_OR_RETURN(auto total,
                     im.Prepare(matched + "SELECT count(*) FROM m"));
    filter.BindAll(total.get());
    if (sqlite3_step(total.get()) != SQLITE_ROW)
      return im.DbError("cannot count event groups");
    page.total = static_cast<long>(sqlite3_column_int64(total.get(), 0));
  }
  std::string sql = matched +
                    "SELECT g.id, g.sort_date, g.date_first, g.date_last, "
                    "g.reports, g.articles, g.sources"
                    " FROM event_groups g JOIN m ON m.gid = g.id";
  if (!q.after.empty())
    sql += " WHERE (g.sort_date, g.id) > (:after_date, :after_id)";
  sql += " ORDER BY g.sort_date, g.id LIMIT :limit";
  ASSIGN_OR_RETURN(auto list, im.Prepare(sql));
  sqlite3_stmt* s = list.get();
  filter.BindAll(s);
  if (!q.after.empty()) {
    BindNamed(s, ":after_date", after_date);
    sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":after_id"),
                       after_id);
  }
  const size_t limit = std::max<size_t>(1, q.limit);
  sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":limit"),
                     SqlLimit(limit + 1));
  std::vector<std::string> sort_dates;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    StoredGroup g;
    g.id = static_cast<long>(sqlite3_column_int64(s, 0));
    sort_dates.push_back(ColumnText(s, 1));
    g.date_first = ColumnText(s, 2);
    g.date_last = ColumnText(s, 3);
    g.reports = static_cast<long>(sqlite3_column_int64(s, 4));
    g.articles = static_cast<long>(sqlite3_column_int64(s, 5));
    g.sources = static_cast<long>(sqlite3_column_int64(s, 6));
    page.groups.push_back(std::move(g));
  }
  if (rc != SQLITE_DONE) return im.DbError("cannot query event groups");
  if (page.groups.size() > limit) {
    page.groups.pop_back();
    page.next = MakeCursor(sort_dates[limit - 1], page.groups.back().id);
  }
  for (StoredGroup& g : page.groups) {
    ASSIGN_OR_RETURN(auto reports, GroupReports(im.db, im.path, g.id));
    g.events = std::move(reports);
  }
  return page;
}

Result<std::optional<StoredGroup>> Store::GetGroup(long id) const {
  Impl& im = *impl_;
  Impl::QueryClock clock(im);
  ASSIGN_OR_RETURN(
      auto stmt, im.Prepare("SELECT date_first, date_last, reports, articles, "
                            "sources FROM event_groups WHERE id = ?"));
  sqlite3_stmt* s = stmt.get();
  sqlite3_bind_int64(s, 1, id);
  const int rc = sqlite3_step(s);
  if (rc == SQLITE_DONE) return std::optional<StoredGroup>();
  if (rc != SQLITE_ROW)
    return im.DbError("cannot read event group " + std::to_string(id));
  StoredGroup g;
  g.id = id;
  g.date_first = ColumnText(s, 0);
  g.date_last = ColumnText(s, 1);
  g.reports = static_cast<long>(sqlite3_column_int64(s, 2));
  g.articles = static_cast<long>(sqlite3_column_int64(s, 3));
  g.sources = static_cast<long>(sqlite3_column_int64(s, 4));
  ASSIGN_OR_RETURN(auto reports, GroupReports(im.db, im.path, id));
  g.events = std::move(reports);
  return std::optional<StoredGroup>(std::move(g));
}

Result<std::vector<std::pair<std::string, long>>> Store::CountGroups(
    const GroupQuery& q, GroupStatsBy by) const {
  Impl& im = *impl_;
  Impl::QueryClock clock(im);
  ASSIGN_OR_RETURN(auto filter, MakeGroupFilter(im.path, q));
  std::string sql =
      "WITH m AS (SELECT DISTINCT e.group_id AS gid FROM events e WHERE " +
      filter.where + ") ";
  switch (by) {
    case GroupStatsBy::kDay:
      sql +=
          "SELECT CASE WHEN g.sort_date = '~' THEN 'undated' ELSE g.sort_date "
          "END, count(*)"
          " FROM event_groups g JOIN m ON m.gid = g.id GROUP BY 1 ORDER BY "
          "g.sort_date";
      break;
    case GroupStatsBy::kCountry:
      sql +=
          "SELECT c, count(DISTINCT gid) FROM ("
          " SELECT e.group_id AS gid, e.source_country AS c FROM events e JOIN "
          "m ON m.gid = e.group_id"
          " UNION ALL SELECT e.group_id, e.target_country FROM events e JOIN m "
          "ON m.gid = e.group_id)"
          " WHERE c IS NOT NULL AND c <> '' GROUP BY c ORDER BY 2 DESC, 1";
      break;
    case GroupStatsBy::kType:
      sql +=
          "SELECT CASE WHEN e.plover = '' THEN 'incident' ELSE e.plover END, "
          "count(DISTINCT e.group_id)"
          " FROM events e JOIN m ON m.gid = e.group_id GROUP BY 1 ORDER BY 2 "
          "DESC, 1";
      break;
  }
  ASSIGN_OR_RETURN(auto stmt, im.Prepare(sql));
  filter.BindAll(stmt.get());
  std::vector<std::pair<std::string, long>> out;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    out.emplace_back(ColumnText(stmt.get(), 0),
                     static_cast<long>(sqlite3_column_int64(stmt.get(), 1)));
  }
  if (rc != SQLITE_DONE) return im.DbError("cannot count event groups");
  return out;
}

Result<std::vector<PlaceCount>> Store::CountGroupsByPlace(const GroupQuery& q,
                                                          size_t limit) const {
  Impl& im = *impl_;
  Impl::QueryClock clock(im);
  ASSIGN_OR_RETURN(auto filter, MakeGroupFilter(im.path, q));
  // Rounded so that one town's reports, geocoded to slightly different points,
  // are one dot. IN rather than the other counts' join with a CTE (40% faster
  // on 100k events), and no IN at all without filters (every filter binds a
  // value): the page's first map asks that, and it is the costliest.
  const std::string matched =
      filter.values.empty()
          ? "p.group_id IS NOT NULL"
          : "p.group_id IN (SELECT e.group_id FROM events e WHERE " +
                filter.where + ")";
  ASSIGN_OR_RETURN(
      auto stmt,
      im.Prepare(
          "SELECT coalesce(p.place_name, ''), coalesce(p.place_country, ''), "
          "round(p.lat, 3), round(p.lon, 3),"
          " count(DISTINCT p.group_id) FROM events p WHERE " +
          matched +
          " AND p.lat IS NOT NULL AND p.lon IS NOT NULL GROUP BY 1, 2, 3, 4 "
          "ORDER "
          "BY 5 DESC, 1, 3, 4 LIMIT :limit"));
  sqlite3_stmt* s = stmt.get();
  filter.BindAll(s);
  sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":limit"),
                     SqlLimit(limit));
  std::vector<PlaceCount> out;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    out.push_back({ColumnText(s, 0), ColumnText(s, 1),
                   sqlite3_column_double(s, 2), sqlite3_column_double(s, 3),
                   static_cast<long>(sqlite3_column_int64(s, 4))});
  }
  if (rc != SQLITE_DONE)
    return im.DbError("cannot count event groups by place");
  return out;
}

Result<std::optional<StoredArticle>> Store::GetArticle(
    const std::string& id) const {
  ArticleQuery q;
  q.article_id = id;
  q.limit = 1;
  ASSIGN_OR_RETURN(auto found, QueryArticles(q));
  if (found.empty()) return std::optional<StoredArticle>();
  Impl& im = *impl_;
  Impl::QueryClock clock(im);
  ASSIGN_OR_RETURN(auto stmt,
                   im.Prepare("SELECT body FROM articles WHERE id = ?"));
  sqlite3_bind_text64(stmt.get(), 1, id.data(), id.size(), SQLITE_TRANSIENT,
                      SQLITE_UTF8);
  if (sqlite3_step(stmt.get()) != SQLITE_ROW)
    return im.DbError("cannot read article '" + id + "'");
  StoredArticle a = std::move(found.front());
  a.body = ColumnText(stmt.get(), 0);
  return std::optional<StoredArticle>(std::move(a));
}

Result<std::optional<std::string>> Store::StoredContentHash(
    const std::string& article_id) const {
  Impl& im = *impl_;
  sqlite3_stmt* s = im.select_hash.get();
  StmtScope scope(s);
  sqlite3_bind_text64(s, 1, article_id.data(), article_id.size(),
                      SQLITE_TRANSIENT, SQLITE_UTF8);
  const int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) return std::optional<std::string>(ColumnText(s, 0));
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  return im.DbError("cannot look up article '" + article_id + "'");
}

Result<long> Store::CountArticles() const {
  return impl_->CountWith(impl_->count_articles.get());
}

Result<long> Store::CountEvents() const {
  return impl_->CountWith(impl_->count_events.get());
}

}  // namespace dateline
