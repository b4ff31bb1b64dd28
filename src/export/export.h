// Export: stored events in the formats other tools load unchanged — the
// GDELT 2.0 event table, ACLED's CSV, PLOVER/POLECAT-style JSON Lines — and
// Dateline's own stored-event fields as JSON Lines or CSV. Column by column,
// each format is documented against its public codebook in doc/export.md.
//
// The facts the formats need beyond the store (Goldstein weights, QuadClass,
// FIPS and ISO numeric country codes, ACLED regions, inter codes and disorder
// types) are data files under data/export/ (format at the top of each), loaded
// once by ExportTables::Load and checked there. An ExportTables is immutable
// after loading and may be shared between threads; ExportEvents is stateless.
#ifndef DATELINE_EXPORT_EXPORT_H_
#define DATELINE_EXPORT_EXPORT_H_

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/store.h"

namespace dateline {

enum class ExportFormat { kGdelt, kAcled, kPlover, kJsonl, kCsv };

// "gdelt", "acled", "plover", "jsonl", "csv" -> the format; anything else ->
// nullopt.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);

// One country of data/export/countries.txt.
struct ExportCountry {
  std::string iso3, iso2, numeric, fips, acled_region, name;
};

class ExportTables {
 public:
  // Reads
  // DATA_DIR/export/{countries,goldstein,quadclass,acled_inter,acled_disorder}.txt.
  // A malformed line, a duplicate key or a missing CAMEO root is an Error
  // naming file:line (or the file) and the problem.
  static Result<std::unique_ptr<ExportTables>> Load(
      const std::string& data_dir);
  ~ExportTables();
  ExportTables(const ExportTables&) = delete;
  ExportTables& operator=(const ExportTables&) = delete;

  // Goldstein weight of a CAMEO code: its own, else its nearest listed
  // ancestor's (three digits, then the root). nullopt for an empty or unknown
  // code.
  std::optional<double> Goldstein(std::string_view cameo) const;
  // GDELT QuadClass (1..4) of a CAMEO code, from its root; 0 when unknown.
  int QuadClass(std::string_view cameo) const;
  // The country with ISO alpha-2 (or alpha-3) code `code`, or nullptr.
  const ExportCountry* CountryByIso2(std::string_view code) const;
  const ExportCountry* CountryByIso3(std::string_view code) const;
  // ACLED inter code (1..8) of an actor with this country and these sectors, by
  // the first rule of acled_inter.txt that holds; 0 when no rule holds.
  int AcledInter(std::string_view country,
                 const std::vector<std::string>& sectors) const;
  // ACLED disorder type of an event type and sub-event type, or "" when not
  // listed.
  std::string AcledDisorder(AcledEventType event_type,
                            AcledSubEventType sub_event_type) const;

  const std::vector<ExportCountry>& countries() const;

  struct Impl;  // the loaded tables; defined and used in export.cc only

 private:
  explicit ExportTables(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct ExportOptions {
  // By default each external format leaves out the events it cannot represent:
  // gdelt events without a CAMEO code and negated events; acled events without
  // an ACLED type (or with Dateline's pseudo-type "Other"), negated ones and
  // those not asserted (future, possible, ...); plover events without a PLOVER
  // category. With all_events every event is written, with those columns empty.
  bool all_events = false;
};

// Writes `events` (as Store::QueryEvents returns them) to `out` in `format`;
// returns the number of rows written. gdelt writes one row per event group (the
// reports of one event across articles, StoredEvent::group_id) with its counts
// of reports, sources and articles; the other formats one row per report.
// gdelt: tab-separated, no header, 61 columns; acled and csv: RFC 4180 CSV with
// a header row; plover and jsonl: one JSON object a line.
size_t ExportEvents(const std::vector<StoredEvent>& events, ExportFormat format,
                    const ExportTables& tables, const ExportOptions& options,
                    std::ostream& out);

// Column names of the GDELT 2.0 event table (61) and of ACLED's export (31), in
// order.
const std::vector<std::string>& GdeltColumns();
const std::vector<std::string>& AcledColumns();

}  // namespace dateline

#endif  // DATELINE_EXPORT_EXPORT_H_
