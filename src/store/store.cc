// Store: the SQLite schema and the code that writes and queries it.
//
// Schema, version 2 (PRAGMA user_version = 2, PRAGMA application_id = 0x444C5354,
// "DLST", which marks the file as a Dateline store). Byte offsets ("start", "end",
// *_start, *_end) are bytes into articles.body (Article::body), as in record.h,
// except paragraphs.start/end, which are bytes into the document's content. Lists
// (authors, tags, warnings, sectors, rules) are JSON arrays of strings. Dates are ISO
// text ("2017", "2017-10", "2017-10-05"); *_first/*_last hold the first and last day
// of the period a partial date names ("2017-10" -> "2017-10-01", "2017-10-31"), which
// is what the since/until filters compare (see EventQuery in store.h).
//
//   articles(id TEXT PRIMARY KEY, url, input, kind, content_hash (ContentHash of
//            Document::content, 16 hex digits), title, section, authors, dateline,
//            published, published_precision, published_source, published_first,
//            published_last, language, tags, warnings, body, coded_at (UTC,
//            "YYYY-MM-DDTHH:MM:SSZ"))
//   paragraphs(article_id, idx, start, end, body_start)         PK (article_id, idx)
//   actors(article_id, idx, start, end, text, code, country, sectors, region,
//          organisation, person, rules)                          PK (article_id, idx)
//   places(article_id, idx, start, end, name, country (alpha-2), admin1, lat, lon,
//          precision, geonameid, from_dateline)                  PK (article_id, idx)
//   dates(article_id, idx, start, end, text, value, precision, relative, year_hint)
//                                                                PK (article_id, idx)
//   events(id INTEGER PRIMARY KEY, article_id, idx, cameo, cameo_name, plover,
//          acled_event_type, acled_sub_event_type,
//          source_{start,end,text,code,country,sectors,region,organisation,person},
//          target_{...same...},
//          date_value, date_precision, date_relative, date_text, date_start, date_end,
//          place_name, place_country, place_admin1, place_precision, place_geonameid,
//          place_from_dateline, lat, lon, fatalities, negated, modality, sentence,
//          evidence_start, evidence_end, evidence_text (= body[start, end)), trigger,
//          rules, date_first, date_last, sort_date,
//          injured, arrested, crowd_size (version 2))          UNIQUE (article_id, idx)
//
// Every child table references articles(id) ON DELETE CASCADE, so replacing an
// article is "DELETE FROM articles WHERE id = ?" plus inserts. events.date_first/
// date_last are the event's effective date (its own date, else the article's
// publication date) as a period, NULL when there is none; sort_date is date_first, or
// "~" (which sorts after every digit) when there is none, so that one index on
// (sort_date, article_id, idx) serves both the ordering and the date filters.
// Indexes: events(sort_date, article_id, idx, date_last), and one per filter column
// (source_country, target_country, plover, cameo) followed by the same four columns,
// so that a filtered query reads its ids in result order from the index alone and
// stops at the limit (see QueryEvents); articles(published_first).
//
// Migrations: kMigrations[v] takes a database from version v to v + 1 and runs in its
// own transaction together with the user_version update, so a crash mid-migration
// leaves the previous version intact. Add a step (never edit a shipped one) and bump
// nothing else: the current version is the number of steps.
#include "store/store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cassert>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

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
};
constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

// Sorts after every ISO date, so undated events come last in sort_date order.
constexpr const char* kUndated = "~";

// ---------------------------------------------------------------- small helpers

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

// Resets a statement when the scope ends, so that a statement stopped early (an error,
// a LIMIT we did not reach) never keeps a read transaction open.
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

// Binds positional parameters 1, 2, 3, ... in order; remembers the first failure.
class Binder {
 public:
  explicit Binder(sqlite3_stmt* s) : s_(s) {}
  Binder& Text(std::string_view v) {
    // A null data pointer would bind SQL NULL; an empty string must stay ''.
    return Check(sqlite3_bind_text64(s_, ++i_, v.data() ? v.data() : "", v.size(),
                                     SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  Binder& OptText(const std::optional<std::string>& v) { return v ? Text(*v) : Null(); }
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
  // replace: invalid UTF-8 (which upstream stages should never produce) must not throw.
  return nlohmann::json(items).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> ParseJsonList(const std::string& text) {
  std::vector<std::string> out;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
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
  return std::string_view(body).substr(span.start, std::min(span.end, body.size()) - span.start);
}

std::string IsoDay(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// First and last day of the period a partial date names.
std::pair<std::string, std::string> Period(const PartialDate& d) {
  if (d.day) return {IsoDay(d.year, d.month, d.day), IsoDay(d.year, d.month, d.day)};
  if (d.month) return {IsoDay(d.year, d.month, 1), IsoDay(d.year, d.month, DaysInMonth(d.year, d.month))};
  return {IsoDay(d.year, 1, 1), IsoDay(d.year, 12, 31)};
}

std::string NowUtc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The smallest string greater than every string starting with `prefix`, or nullopt
// when there is none (the prefix is empty or all 0xFF bytes). Turns a prefix match
// into a range the cameo index can serve, with no LIKE/GLOB escaping to get wrong.
std::optional<std::string> PrefixUpperBound(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
  if (prefix.empty()) return std::nullopt;
  prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
  return prefix;
}

bool IsMemoryPath(const std::string& path) {
  return path == ":memory:" || path.empty() || path.rfind("file:", 0) == 0;
}

// Clear messages for the usual mistakes, before SQLite reduces them all to "unable to
// open database file".
std::optional<Error> CheckPath(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path p(path);
  fs::path dir = p.parent_path();
  if (dir.empty()) dir = ".";
  if (!fs::exists(dir, ec)) {
    return MakeError(path, "cannot open the database: directory " + dir.string() + " does not exist");
  }
  if (!fs::is_directory(dir, ec)) {
    return MakeError(path, "cannot open the database: " + dir.string() + " is not a directory");
  }
  if (fs::is_directory(p, ec)) {
    return MakeError(path, "cannot open the database: the path is a directory, not a file");
  }
  if (!fs::exists(p, ec)) {
    if (access(dir.c_str(), W_OK) != 0) {
      return MakeError(path, "cannot create the database: directory " + dir.string() +
                                 " is not writable");
    }
  } else if (access(p.c_str(), R_OK | W_OK) != 0) {
    return MakeError(path, "cannot open the database: the file is not readable and writable");
  }
  return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------- Impl

struct Store::Impl {
  std::string path;
  StoreOptions options;
  sqlite3* db = nullptr;

  // Prepared once, reused by every Put (the bulk of Put's cost would otherwise be
  // parsing SQL).
  Stmt begin, commit, select_hash, delete_article, insert_article, insert_paragraph,
      insert_actor, insert_place, insert_date, insert_event, count_articles, count_events;
  // QueryEvents/QueryArticles statements, one per combination of filters in use
  // (the SQL text depends only on which filters are set, never on their values).
  std::map<unsigned, Stmt> event_queries, article_queries;

  ~Impl() {
    event_queries.clear();
    article_queries.clear();
    for (Stmt* s : {&begin, &commit, &select_hash, &delete_article, &insert_article,
                    &insert_paragraph, &insert_actor, &insert_place, &insert_date,
                    &insert_event, &count_articles, &count_events}) {
      s->reset();
    }
    sqlite3_close_v2(db);
  }

  Error DbError(const std::string& what) const {
    return MakeError(path, what + ": " + sqlite3_errmsg(db));
  }

  // SQLite says "unable to open database file" whatever the reason; say what to check.
  Error CantOpen() const {
    return MakeError(path, std::string("cannot open the database: ") + sqlite3_errmsg(db) +
                               " (check that the file and its directory are writable)");
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
                           SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
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
    if (sqlite3_step(s) != SQLITE_ROW) return DbError(std::string("cannot read the database (") + sql + ")");
    return static_cast<long>(sqlite3_column_int64(s, 0));
  }

  Result<long> CountWith(sqlite3_stmt* s) {
    StmtScope scope(s);
    if (sqlite3_step(s) != SQLITE_ROW) return DbError("cannot count rows");
    return static_cast<long>(sqlite3_column_int64(s, 0));
  }

  Status Migrate();
  Status PrepareAll();
  // One statement of Put that writes: the fault-injection hook, then the step.
  Status Write(sqlite3_stmt* s, const Binder& b, int& writes, const char* what);
  Result<PutOutcome> PutInTransaction(const CodedArticle& coded, const std::string& hash);
};

Status Store::Impl::Migrate() {
  auto app = QueryLong("PRAGMA application_id");
  if (!app.ok()) return app.error();
  auto version = QueryLong("PRAGMA user_version");
  if (!version.ok()) return version.error();
  if (*app != 0 && *app != kApplicationId) {
    return MakeError(path, "not a Dateline store: the SQLite file belongs to another application");
  }
  if (*app == 0) {
    // A fresh file has no tables; anything else is someone else's database, which we
    // must not write our tables into.
    auto tables = QueryLong("SELECT count(*) FROM sqlite_schema");
    if (!tables.ok()) return tables.error();
    if (*tables != 0 || *version != 0) {
      return MakeError(path, "not a Dateline store: the SQLite database already holds other tables");
    }
  }
  if (*version > kSchemaVersion) {
    return MakeError(path, "the database has schema version " + std::to_string(*version) +
                               ", newer than this program's (" +
                               std::to_string(kSchemaVersion) + "); use a newer dateline");
  }
  for (long v = *version; v < kSchemaVersion; ++v) {
    if (Status s = Exec("BEGIN IMMEDIATE", "cannot migrate the schema"); !s.ok()) return s;
    // Another process may have migrated between our read and our lock.
    auto now = QueryLong("PRAGMA user_version");
    if (!now.ok()) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return now.error();
    }
    if (*now != v) {
      if (Status s = Exec("COMMIT", "cannot migrate the schema"); !s.ok()) return s;
      v = *now - 1;
      continue;
    }
    const std::string sql = std::string(kMigrations[v]) +
                            "\nPRAGMA user_version = " + std::to_string(v + 1) + ";";
    Status s = Exec(sql.c_str(), ("cannot migrate the schema to version " + std::to_string(v + 1)).c_str());
    if (s.ok()) s = Exec("COMMIT", "cannot migrate the schema");
    if (!s.ok()) {
      if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return s;
    }
  }
  return Status::Ok();
}

namespace {

std::string InsertSql(const char* table, std::initializer_list<const char*> columns) {
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
      {&insert_article,
       InsertSql("articles", {"id", "url", "input", "kind", "content_hash", "title", "section",
                              "authors", "dateline", "published", "published_precision",
                              "published_source", "published_first", "published_last",
                              "language", "tags", "warnings", "body", "coded_at"})},
      {&insert_paragraph,
       InsertSql("paragraphs", {"article_id", "idx", "start", "\"end\"", "body_start"})},
      {&insert_actor,
       InsertSql("actors", {"article_id", "idx", "start", "\"end\"", "text", "code", "country",
                            "sectors", "region", "organisation", "person", "rules"})},
      {&insert_place,
       InsertSql("places", {"article_id", "idx", "start", "\"end\"", "name", "country", "admin1",
                            "lat", "lon", "precision", "geonameid", "from_dateline"})},
      {&insert_date,
       InsertSql("dates", {"article_id", "idx", "start", "\"end\"", "text", "value", "precision",
                           "relative", "year_hint"})},
      {&insert_event,
       InsertSql("events",
                 {"article_id", "idx", "cameo", "cameo_name", "plover", "acled_event_type",
                  "acled_sub_event_type", "source_start", "source_end", "source_text",
                  "source_code", "source_country", "source_sectors", "source_region",
                  "source_organisation", "source_person", "target_start", "target_end",
                  "target_text", "target_code", "target_country", "target_sectors",
                  "target_region", "target_organisation", "target_person", "date_value",
                  "date_precision", "date_relative", "date_text", "date_start", "date_end",
                  "place_name", "place_country", "place_admin1", "place_precision",
                  "place_geonameid", "place_from_dateline", "lat", "lon", "fatalities",
                  "negated", "modality", "sentence", "evidence_start", "evidence_end",
                  "evidence_text", "\"trigger\"", "rules", "date_first", "date_last",
                  "sort_date", "injured", "arrested", "crowd_size"})},
      {&count_articles, "SELECT count(*) FROM articles"},
      {&count_events, "SELECT count(*) FROM events"},
  };
  for (const Item& item : items) {
    auto s = Prepare(item.sql);
    if (!s.ok()) return s.error();
    *item.stmt = std::move(*s);
  }
  return Status::Ok();
}

Status Store::Impl::Write(sqlite3_stmt* s, const Binder& b, int& writes, const char* what) {
  StmtScope scope(s);
  assert(b.Complete());
  if (b.rc() != SQLITE_OK) {
    return MakeError(path, std::string("cannot store ") + what + ": " + sqlite3_errstr(b.rc()));
  }
  if (options.before_write) {
    Status injected = options.before_write(writes);
    if (!injected.ok()) {
      return MakeError(path, std::string("cannot store ") + what + ": " + injected.error().message);
    }
  }
  if (sqlite3_step(s) != SQLITE_DONE) return DbError(std::string("cannot store ") + what);
  ++writes;
  return Status::Ok();
}

Result<PutOutcome> Store::Impl::PutInTransaction(const CodedArticle& coded, const std::string& hash) {
  const Document& doc = coded.document;
  const Article& art = coded.article;
  const std::string& id = doc.id;
  int writes = 0;

  std::optional<std::string> old_hash;
  {
    StmtScope scope(select_hash.get());
    Binder b(select_hash.get());
    b.Text(id);
    int rc = b.rc() == SQLITE_OK ? sqlite3_step(select_hash.get()) : b.rc();
    if (rc == SQLITE_ROW) {
      old_hash = ColumnText(select_hash.get(), 0);
    } else if (rc != SQLITE_DONE) {
      return DbError("cannot look up article '" + id + "'");
    }
  }
  if (old_hash && *old_hash == hash) return PutOutcome::kUnchanged;
  if (old_hash) {
    Binder b(delete_article.get());
    b.Text(id);
    if (Status s = Write(delete_article.get(), b, writes, "the new version (deleting the old rows)"); !s.ok()) return s.error();
  }

  const std::optional<PartialDate> published = art.published ? art.published : doc.published;
  std::optional<std::pair<std::string, std::string>> published_period;
  if (published) published_period = Period(*published);
  {
    Binder b(insert_article.get());
    b.Text(id).Text(doc.url).Text(doc.input).Text(InputKindName(doc.kind)).Text(hash);
    b.Text(art.title).Text(art.section).Text(JsonList(art.authors)).Text(art.dateline);
    if (published) {
      b.Text(published->ToIso()).Text(PrecisionName(published->precision()));
    } else {
      b.Null().Null();
    }
    b.Text(art.published_source);
    if (published_period) {
      b.Text(published_period->first).Text(published_period->second);
    } else {
      b.Null().Null();
    }
    std::vector<std::string> warnings = doc.warnings;
    warnings.insert(warnings.end(), coded.warnings.begin(), coded.warnings.end());
    b.Text(art.language).Text(JsonList(art.tags)).Text(JsonList(warnings)).Text(art.body);
    b.Text(NowUtc());
    if (Status s = Write(insert_article.get(), b, writes, "the article"); !s.ok()) return s.error();
  }
  for (size_t i = 0; i < art.paragraphs.size(); ++i) {
    const Paragraph& p = art.paragraphs[i];
    Binder b(insert_paragraph.get());
    b.Text(id).Int(static_cast<int64_t>(i)).Int(static_cast<int64_t>(p.start));
    b.Int(static_cast<int64_t>(p.end)).Int(static_cast<int64_t>(p.body_start));
    if (Status s = Write(insert_paragraph.get(), b, writes, "a paragraph"); !s.ok()) return s.error();
  }
  for (size_t i = 0; i < coded.actors.size(); ++i) {
    const ActorMention& a = coded.actors[i];
    Binder b(insert_actor.get());
    b.Text(id).Int(static_cast<int64_t>(i)).Int(static_cast<int64_t>(a.span.start));
    b.Int(static_cast<int64_t>(a.span.end)).Text(a.text).Text(a.actor.Code());
    b.Text(a.actor.country).Text(JsonList(a.actor.sectors)).Text(a.actor.region);
    b.Text(a.actor.organisation).Text(a.person).Text(JsonList(a.rules));
    if (Status s = Write(insert_actor.get(), b, writes, "an actor"); !s.ok()) return s.error();
  }
  for (size_t i = 0; i < coded.places.size(); ++i) {
    const PlaceMention& p = coded.places[i];
    Binder b(insert_place.get());
    b.Text(id).Int(static_cast<int64_t>(i)).Int(static_cast<int64_t>(p.span.start));
    b.Int(static_cast<int64_t>(p.span.end)).Text(p.name).Text(p.country).Text(p.admin1);
    b.Real(p.lat).Real(p.lon).Text(p.precision).Int(p.geonameid).Int(p.from_dateline);
    if (Status s = Write(insert_place.get(), b, writes, "a place"); !s.ok()) return s.error();
  }
  for (size_t i = 0; i < coded.dates.size(); ++i) {
    const DateMention& d = coded.dates[i];
    Binder b(insert_date.get());
    b.Text(id).Int(static_cast<int64_t>(i)).Int(static_cast<int64_t>(d.span.start));
    b.Int(static_cast<int64_t>(d.span.end)).Text(d.text);
    if (d.value) {
      b.Text(d.value->ToIso()).Text(PrecisionName(d.value->precision()));
    } else {
      b.Null().Null();
    }
    b.Text(d.relative).OptInt(d.year_hint);
    if (Status s = Write(insert_date.get(), b, writes, "a date"); !s.ok()) return s.error();
  }
  for (size_t i = 0; i < coded.events.size(); ++i) {
    const Event& e = coded.events[i];
    Binder b(insert_event.get());
    b.Text(id).Int(static_cast<int64_t>(i)).Text(e.cameo).Text(e.cameo_name).Text(e.plover);
    b.Text(e.acled.event_type).Text(e.acled.sub_event_type);
    for (const ActorMention* a : {&e.source, &e.target}) {
      b.Int(static_cast<int64_t>(a->span.start)).Int(static_cast<int64_t>(a->span.end));
      b.Text(a->text).Text(a->actor.Code()).Text(a->actor.country);
      b.Text(JsonList(a->actor.sectors)).Text(a->actor.region).Text(a->actor.organisation);
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
      b.Int(static_cast<int64_t>(d.span.start)).Int(static_cast<int64_t>(d.span.end));
    } else {
      b.Null().Null().Null().Null().Null().Null();
    }
    if (e.place) {
      const PlaceMention& p = *e.place;
      b.Text(p.name).Text(p.country).Text(p.admin1).Text(p.precision).Int(p.geonameid);
      b.Int(p.from_dateline).Real(p.lat).Real(p.lon);
    } else {
      b.Null().Null().Null().Null().Null().Null().Null().Null();
    }
    b.OptInt(e.fatalities).Int(e.negated).Text(e.modality).Int(static_cast<int64_t>(e.sentence));
    b.Int(static_cast<int64_t>(e.evidence.start)).Int(static_cast<int64_t>(e.evidence.end));
    b.Text(SpanText(art.body, e.evidence)).Text(e.trigger).Text(JsonList(e.rules));
    if (period) {
      b.Text(period->first).Text(period->second).Text(period->first);
    } else {
      b.Null().Null().Text(kUndated);
    }
    b.OptInt(e.injured).OptInt(e.arrested).OptInt(e.crowd_size);
    if (Status s = Write(insert_event.get(), b, writes, "an event"); !s.ok()) return s.error();
  }
  return old_hash ? PutOutcome::kReplaced : PutOutcome::kInserted;
}

// ---------------------------------------------------------------- Store

const char* PutOutcomeName(PutOutcome outcome) {
  switch (outcome) {
    case PutOutcome::kInserted: return "inserted";
    case PutOutcome::kUnchanged: return "unchanged";
    case PutOutcome::kReplaced: return "replaced";
  }
  return "inserted";
}

std::string ContentHash(std::string_view content) {
  // FNV-1a, 64-bit: simple, stable across platforms and releases, and plenty to tell
  // two versions of one document apart (it is not a defence against forgery).
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

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, StoreOptions options) {
  if (!IsMemoryPath(path)) {
    if (auto e = CheckPath(path)) return *e;
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path.empty() ? ":memory:" : path;
  impl->options = std::move(options);
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(impl->path.c_str(), &impl->db, flags, nullptr) != SQLITE_OK) {
    if (impl->db == nullptr) return MakeError(path, "cannot open the database: out of memory");
    return impl->CantOpen();
  }
  sqlite3_extended_result_codes(impl->db, 1);
  sqlite3_busy_timeout(impl->db, impl->options.busy_timeout_ms);
  // The first statement that reads the file: a file that is not SQLite fails here with
  // "file is not a database".
  if (Status s = impl->Exec("PRAGMA journal_mode = WAL", "cannot open the database"); !s.ok()) {
    return (sqlite3_errcode(impl->db) & 0xFF) == SQLITE_CANTOPEN ? impl->CantOpen() : s.error();
  }
  if (sqlite3_db_readonly(impl->db, "main") == 1) {
    return MakeError(path, "cannot open the database: it is read-only");
  }
  // NORMAL is durable against a crash of the process (WAL keeps committed
  // transactions); a power cut may lose the last few, never consistency.
  if (Status s = impl->Exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL",
                            "cannot configure the database");
      !s.ok()) {
    return s.error();
  }
  if (Status s = impl->Migrate(); !s.ok()) return s.error();
  if (Status s = impl->PrepareAll(); !s.ok()) return s.error();
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<PutOutcome> Store::Put(const CodedArticle& coded) {
  Impl& im = *impl_;
  if (coded.document.id.empty()) {
    return MakeError(im.path, "cannot store an article without an id (from " +
                                  (coded.document.input.empty() ? std::string("unknown input")
                                                                : coded.document.input) + ")");
  }
  const std::string hash = ContentHash(coded.document.content);
  {
    StmtScope scope(im.begin.get());
    if (sqlite3_step(im.begin.get()) != SQLITE_DONE) {
      return im.DbError("cannot store article '" + coded.document.id + "': cannot start a transaction");
    }
  }
  Result<PutOutcome> outcome = im.PutInTransaction(coded, hash);
  if (outcome.ok() && *outcome != PutOutcome::kUnchanged) {
    StmtScope scope(im.commit.get());
    if (sqlite3_step(im.commit.get()) != SQLITE_DONE) {
      outcome = im.DbError("cannot store article '" + coded.document.id + "': commit failed");
    }
  }
  // kUnchanged wrote nothing: rolling back just ends the read. A failed statement may
  // already have ended the transaction (SQLite does so on some errors), hence the check.
  if (!sqlite3_get_autocommit(im.db)) sqlite3_exec(im.db, "ROLLBACK", nullptr, nullptr, nullptr);
  if (!outcome.ok() && outcome.error().message.find(coded.document.id) == std::string::npos) {
    Error e = outcome.error();
    e.message = "article '" + coded.document.id + "': " + e.message;
    return e;
  }
  return outcome;
}

std::vector<Result<PutOutcome>> Store::PutBatch(const std::vector<const CodedArticle*>& batch) {
  Impl& im = *impl_;
  // Every outcome is set below; kUnchanged stands in until then.
  std::vector<Result<PutOutcome>> outcomes(batch.size(), Result<PutOutcome>(PutOutcome::kUnchanged));
  size_t done = 0;               // outcomes[0, done) are set
  size_t first_uncommitted = 0;  // outcomes from here on wait for the commit
  bool open = false;
  // Fails the articles [first_uncommitted, end) that had succeeded with `error`.
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
      outcomes[done] = MakeError(im.path, "cannot store an article without an id (from " +
                                              (coded->document.input.empty() ? std::string("unknown input")
                                                                             : coded->document.input) + ")");
      continue;
    }
    if (!open) {
      StmtScope scope(im.begin.get());
      if (sqlite3_step(im.begin.get()) != SQLITE_DONE) {
        outcomes[done] = im.DbError("cannot store article '" + id + "': cannot start a transaction");
        continue;
      }
      open = true;
    }
    if (sqlite3_exec(im.db, "SAVEPOINT article", nullptr, nullptr, nullptr) != SQLITE_OK) {
      outcomes[done] = im.DbError("cannot store article '" + id + "': cannot start a savepoint");
      continue;
    }
    Result<PutOutcome> outcome = im.PutInTransaction(*coded, ContentHash(coded->document.content));
    if (sqlite3_get_autocommit(im.db)) {
      // SQLite ended the whole transaction (a full disk, an I/O error): the batch so far is lost.
      open = false;
      const Error error = outcome.ok() ? im.DbError("the transaction was rolled back") : outcome.error();
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
      if (!sqlite3_get_autocommit(im.db)) sqlite3_exec(im.db, "ROLLBACK", nullptr, nullptr, nullptr);
      lose_uncommitted(error, done);
    }
  }
  return outcomes;
}

Status Store::ForEachStoredPlaces(
    const std::function<void(const std::string& url, const std::vector<PlaceMention>& places)>& visit) const {
  Impl& im = *impl_;
  sqlite3_stmt* raw = nullptr;
  // Articles by rowid: the order they were stored in; their places by index.
  const char* sql =
      "SELECT a.url, p.name, p.country, p.admin1, p.precision, p.from_dateline, a.rowid "
      "FROM articles a LEFT JOIN places p ON p.article_id = a.id ORDER BY a.rowid, p.idx";
  if (sqlite3_prepare_v2(im.db, sql, -1, &raw, nullptr) != SQLITE_OK) return im.DbError("cannot read stored places");
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
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
    if (sqlite3_column_type(raw, 1) == SQLITE_NULL) continue;  // an article without places
    PlaceMention p;
    p.name = ColumnText(raw, 1);
    p.country = ColumnText(raw, 2);
    p.admin1 = ColumnText(raw, 3);
    p.precision = ColumnText(raw, 4);
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
  kByCountry = 1, kBySince = 2, kByUntil = 4, kByPlover = 8, kByCameo = 16,
  kByCameoUpper = 32, kByArticle = 64,
};

struct DateFilter {
  std::string since_first;   // first day of `since`
  std::string since_floor;   // Jan 1 of since's year: an index-usable lower bound
  std::string until_last;    // last day of `until`
};

Result<DateFilter> ParseDateFilter(const std::string& path, const std::string& since,
                                   const std::string& until) {
  DateFilter f;
  if (!since.empty()) {
    auto d = ParseIsoDate(since);
    if (!d) return MakeError(path, "query: since \"" + since + "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    f.since_first = Period(*d).first;
    f.since_floor = IsoDay(d->year, 1, 1);
  }
  if (!until.empty()) {
    auto d = ParseIsoDate(until);
    if (!d) return MakeError(path, "query: until \"" + until + "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    f.until_last = Period(*d).second;
  }
  return f;
}

void BindNamed(sqlite3_stmt* s, const char* name, const std::string& value) {
  const int i = sqlite3_bind_parameter_index(s, name);
  assert(i > 0);
  sqlite3_bind_text64(s, i, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

int64_t SqlLimit(size_t limit) {
  return limit == 0 || limit > static_cast<size_t>(INT64_MAX) ? -1 : static_cast<int64_t>(limit);
}

}  // namespace

Result<std::vector<StoredEvent>> Store::QueryEvents(const EventQuery& q) const {
  Impl& im = *impl_;
  auto dates = ParseDateFilter(im.path, q.since, q.until);
  if (!dates.ok()) return dates.error();
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
    // Only fixed SQL fragments are chosen here; every value goes in as a parameter.
    //
    // Two steps: an inner query picks the ids of the rows to return, in order, from
    // the covering indexes alone (no table rows are read or sorted for rows beyond the
    // limit); the outer query then reads just those rows. A country filter is a union
    // of two index-ordered scans (source, target), which SQLite merges in order and
    // stops at the limit, instead of collecting every match of an OR and sorting it.
    std::string where;
    // date_last >= since is the real test; sort_date >= since_floor is implied by it
    // (a period that ends on/after `since` starts no earlier than Jan 1 of since's
    // year) and bounds the index range.
    if (key & kBySince) where += " AND date_last >= :since AND sort_date >= :since_floor";
    // sort_date is date_first, or "~" for undated events, which this excludes.
    if (key & kByUntil) where += " AND sort_date <= :until";
    if (key & kByPlover) where += " AND plover = :plover";
    if (key & kByCameo) where += " AND cameo >= :cameo";
    if (key & kByCameoUpper) where += " AND cameo < :cameo_upper";
    if (key & kByArticle) where += " AND article_id = :article_id";
    const std::string arm = "SELECT id, sort_date, article_id, idx FROM events WHERE ";
    std::string ids;
    if (key & kByCountry) {
      ids = arm + "source_country = :country" + where + " UNION " + arm +
            "target_country = :country" + where;
    } else {
      ids = arm + "1" + where;
    }
    ids += " ORDER BY 2, 3, 4 LIMIT :limit";
    std::string sql =
        "SELECT e.id, e.article_id, a.url, a.title, a.published, e.cameo, e.cameo_name,"
        " e.plover, e.acled_event_type, e.acled_sub_event_type, e.source_text, e.source_code,"
        " e.source_country, e.source_region, e.target_text, e.target_code, e.target_country,"
        " e.target_region, e.date_value, e.date_precision, e.date_relative, e.place_name,"
        " e.place_country, e.place_precision, e.lat, e.lon, e.fatalities, e.negated,"
        " e.modality, e.evidence_text, e.rules, e.idx, e.evidence_start, e.evidence_end,"
        " e.\"trigger\", e.source_person, e.target_person, e.injured, e.arrested, e.crowd_size,"
        " e.place_admin1, e.place_geonameid, e.source_sectors, e.target_sectors, a.coded_at"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.id IN (SELECT id FROM (" + ids + "))"
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
    BindNamed(s, ":since", dates->since_first);
    BindNamed(s, ":since_floor", dates->since_floor);
  }
  if (key & kByUntil) BindNamed(s, ":until", dates->until_last);
  if (key & kByPlover) BindNamed(s, ":plover", q.plover);
  if (key & kByCameo) BindNamed(s, ":cameo", q.cameo);
  if (key & kByCameoUpper) BindNamed(s, ":cameo_upper", *cameo_upper);
  if (key & kByArticle) BindNamed(s, ":article_id", q.article_id);
  sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":limit"), SqlLimit(q.limit));

  std::vector<StoredEvent> out;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    StoredEvent e;
    int c = 0;
    e.event_id = static_cast<long>(sqlite3_column_int64(s, c++));
    e.article_id = ColumnText(s, c++);
    e.url = ColumnText(s, c++);
    e.title = ColumnText(s, c++);
    e.published = ColumnText(s, c++);
    e.cameo = ColumnText(s, c++);
    e.cameo_name = ColumnText(s, c++);
    e.plover = ColumnText(s, c++);
    e.acled_event_type = ColumnText(s, c++);
    e.acled_sub_event_type = ColumnText(s, c++);
    e.source_text = ColumnText(s, c++);
    e.source_code = ColumnText(s, c++);
    e.source_country = ColumnText(s, c++);
    e.source_region = ColumnText(s, c++);
    e.target_text = ColumnText(s, c++);
    e.target_code = ColumnText(s, c++);
    e.target_country = ColumnText(s, c++);
    e.target_region = ColumnText(s, c++);
    e.date = ColumnText(s, c++);
    e.date_precision = ColumnText(s, c++);
    e.date_relative = ColumnText(s, c++);
    e.place_name = ColumnText(s, c++);
    e.place_country = ColumnText(s, c++);
    e.place_precision = ColumnText(s, c++);
    e.lat = ColumnOptReal(s, c++);
    e.lon = ColumnOptReal(s, c++);
    e.fatalities = ColumnOptInt(s, c++);
    e.negated = sqlite3_column_int(s, c++) != 0;
    e.modality = ColumnText(s, c++);
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
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return im.DbError("cannot query events");
  return out;
}

Result<std::vector<StoredArticle>> Store::QueryArticles(const ArticleQuery& q) const {
  Impl& im = *impl_;
  auto dates = ParseDateFilter(im.path, q.since, q.until);
  if (!dates.ok()) return dates.error();
  unsigned key = 0;
  if (!q.article_id.empty()) key |= kByArticle;
  if (!q.since.empty()) key |= kBySince;
  if (!q.until.empty()) key |= kByUntil;
  Stmt& stmt = im.article_queries[key];
  if (!stmt) {
    std::string sql =
        "SELECT a.id, a.url, a.input, a.content_hash, a.title, a.section, a.dateline,"
        " a.published, a.authors, a.tags, a.coded_at,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id)"
        " FROM articles a WHERE 1";
    if (key & kByArticle) sql += " AND a.id = :article_id";
    if (key & kBySince) sql += " AND a.published_last >= :since";
    if (key & kByUntil) sql += " AND a.published_first <= :until";
    sql += " ORDER BY a.published_first IS NULL, a.published_first, a.id LIMIT :limit";
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
  if (key & kBySince) BindNamed(s, ":since", dates->since_first);
  if (key & kByUntil) BindNamed(s, ":until", dates->until_last);
  sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":limit"), SqlLimit(q.limit));
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

Result<std::optional<std::string>> Store::StoredContentHash(const std::string& article_id) const {
  Impl& im = *impl_;
  sqlite3_stmt* s = im.select_hash.get();
  StmtScope scope(s);
  sqlite3_bind_text64(s, 1, article_id.data(), article_id.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  const int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) return std::optional<std::string>(ColumnText(s, 0));
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  return im.DbError("cannot look up article '" + article_id + "'");
}

Result<long> Store::CountArticles() const { return impl_->CountWith(impl_->count_articles.get()); }

Result<long> Store::CountEvents() const { return impl_->CountWith(impl_->count_events.get()); }

}  // namespace dateline
