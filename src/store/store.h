// Store: coded articles in an embedded SQLite database (schema in store.cc), and the
// event queries the CLI and the HTTP API run on it.
//
// Writes are transactional: an article and all its events, actors and evidence land
// together or not at all. Storing is idempotent: a document already stored with the
// same id and content is skipped; the same id with new content replaces the old rows.
// A Store is not thread-safe; use one per thread.
#ifndef DATELINE_STORE_STORE_H_
#define DATELINE_STORE_STORE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/record.h"

namespace dateline {

// Filters of an event query; empty fields do not filter.
struct EventQuery {
  std::string country;      // ISO alpha-3: matches the source or the target country
  std::string since;        // ISO date: events dated (or else published) on/after it
  std::string until;        // ISO date: ... on/before it
  std::string plover;       // PLOVER category, e.g. "CONSULT"
  std::string cameo;        // CAMEO code prefix, e.g. "04" or "042"
  std::string article_id;
  size_t limit = 1000;
};

// One event row as queries return it.
struct StoredEvent {
  long event_id = 0;
  std::string article_id, url, title;
  std::string published;      // ISO date or empty
  std::string cameo, cameo_name, plover, acled_event_type, acled_sub_event_type;
  std::string source_text, source_code, source_country, source_region;
  std::string target_text, target_code, target_country, target_region;
  std::string date, date_precision, date_relative;
  std::string place_name, place_country, place_precision;
  std::optional<double> lat, lon;
  std::optional<int> fatalities;
  bool negated = false;
  std::string modality;
  std::string evidence;
  std::string rules;          // the rules that fired, "; "-separated
};

enum class PutOutcome { kInserted, kUnchanged, kReplaced };

class Store {
 public:
  // Opens (creating if needed) the database at `path` and migrates its schema.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Writes one coded article in one transaction.
  Result<PutOutcome> Put(const CodedArticle& coded);
  Result<std::vector<StoredEvent>> QueryEvents(const EventQuery& query) const;
  Result<long> CountArticles() const;
  Result<long> CountEvents() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dateline

#endif  // DATELINE_STORE_STORE_H_
