// Tests of events across reports in the store: reports of one event grouped at
// Put time, groups kept consistent when an article is replaced, groups
// independent of the order of storing, the migration of a version 2 database
// (groups, hosts and the full-text index built), a change of grouping options,
// and read-only opening.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/article.h"
#include "store/store.h"
#include "store/store_testing.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

// The shared scratch directory, its making checked.
class TempDir : public store_testing::TempDir {
 public:
  TempDir() { EXPECT_TRUE(ok()); }
};

void Exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* msg = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg), SQLITE_OK)
      << (msg ? msg : "");
  sqlite3_free(msg);
  sqlite3_close(db);
}

// One article from `host` with one attack by Iraqi forces on ISIS near (lat,
// lon) on `day`; `words` make the sentence (and the content) its own.
CodedArticle Attack(const std::string& id, const std::string& host,
                    PartialDate day, double lat, double lon,
                    const std::string& words = "") {
  CodedArticle c;
  c.document.id = id;
  c.document.url = "https://" + host + "/" + id;
  const std::string sentence =
      "Iraqi forces attacked ISIS " + words + "near the town.";
  c.document.content = sentence;
  c.article.published = day;
  Paragraph p;
  p.text = sentence;
  p.end = sentence.size();
  AppendParagraph(c.article, p);
  Event e;
  e.cameo = "190";
  e.plover = Plover::kFight;
  e.source.text = "Iraqi forces";
  e.source.actor.country = "IRQ";
  e.source.actor.sectors = {"MIL"};
  e.target.text = "ISIS";
  e.target.actor.country = "IMG";
  e.target.actor.sectors = {"INS"};
  e.modality = Modality::kAsserted;
  e.evidence = {0, sentence.size()};
  PlaceMention place;
  place.name = "Town";
  place.country = "IQ";
  place.lat = lat;
  place.lon = lon;
  place.precision = PlacePrecision::kPoint;
  e.place = place;
  c.events = {e};
  return c;
}

std::unique_ptr<Store> OpenOrDie(const std::string& path,
                                 StoreOptions options = {}) {
  auto store = Store::Open(path, std::move(options));
  EXPECT_TRUE(store.ok()) << store.error().ToString();
  return store.ok() ? std::move(*store) : nullptr;
}

// The groups as sets of article ids, and checks of what every group must
// satisfy: its id is its smallest event id, its counts are its reports'.
std::set<std::set<std::string>> Partition(Store& store) {
  EventQuery all;
  all.limit = 0;
  auto events = store.QueryEvents(all);
  EXPECT_TRUE(events.ok());
  std::map<long, std::set<std::string>> groups;
  std::map<long, long> smallest;
  for (const StoredEvent& e : *events) {
    groups[e.group_id].insert(e.article_id);
    smallest[e.group_id] = smallest.count(e.group_id)
                               ? std::min(smallest[e.group_id], e.event_id)
                               : e.event_id;
    EXPECT_EQ(e.group_articles,
              static_cast<long>(std::count_if(events->begin(), events->end(),
                                              [&](const StoredEvent& o) {
                                                return o.group_id == e.group_id;
                                              })));
  }
  for (const auto& [id, min] : smallest) EXPECT_EQ(id, min);
  EXPECT_EQ(*store.CountEventGroups(), static_cast<long>(groups.size()));
  std::set<std::set<std::string>> out;
  for (auto& [id, members] : groups) out.insert(members);
  return out;
}

using Groups = std::set<std::set<std::string>>;

TEST(GroupingTest, ReportsOfOneEventAreOneGroupWithCounts) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("e.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(
      store->Put(Attack("a", "www.one.example", {2021, 6, 3}, 35.47, 44.39))
          .ok());
  ASSERT_TRUE(store->Put(Attack("b", "two.example", {2021, 6, 4}, 35.50, 44.40))
                  .ok());  // next day, 3 km
  ASSERT_TRUE(store->Put(Attack("c", "one.example", {2021, 6, 3}, 35.48, 44.38))
                  .ok());  // same host as a
  ASSERT_TRUE(
      store->Put(Attack("far", "two.example", {2021, 6, 3}, 36.34, 43.13))
          .ok());  // Mosul, 150 km
  ASSERT_TRUE(
      store->Put(Attack("late", "two.example", {2021, 6, 6}, 35.47, 44.39))
          .ok());  // 2 days after b
  EXPECT_EQ(Partition(*store), (Groups{{"a", "b", "c"}, {"far"}, {"late"}}));
  auto rows = store->QueryEvents({.article_id = "b"});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].group_reports, 3);
  EXPECT_EQ((*rows)[0].group_articles, 3);
  EXPECT_EQ((*rows)[0].group_sources, 2);  // www.one.example is one.example
}

TEST(GroupingTest, GroupsDoNotDependOnTheOrderOfStoring) {
  // b bridges a and c (a and c are two days apart): one group however they
  // come.
  const std::vector<CodedArticle> reports = {
      Attack("a", "x.example", {2021, 6, 2}, 35.47, 44.39),
      Attack("b", "y.example", {2021, 6, 3}, 35.47, 44.39),
      Attack("c", "z.example", {2021, 6, 4}, 35.47, 44.39),
      Attack("d", "z.example", {2021, 6, 9}, 35.47, 44.39)};
  std::vector<size_t> order = {0, 1, 2, 3};
  int run = 0;
  do {
    TempDir dir;
    auto store = OpenOrDie(dir.File("e.db"));
    ASSERT_TRUE(store);
    // In two batches, as ingest writes them.
    ASSERT_TRUE(store->Put(reports[order[0]]).ok());
    std::vector<const CodedArticle*> rest = {
        &reports[order[1]], &reports[order[2]], &reports[order[3]]};
    for (const auto& outcome : store->PutBatch(rest)) ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(Partition(*store), (Groups{{"a", "b", "c"}, {"d"}}))
        << "run " << run;
    ++run;
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST(GroupingTest, ReplacingAnArticleRegroupsWhatItHeldTogether) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("e.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(
      store->Put(Attack("a", "x.example", {2021, 6, 2}, 35.47, 44.39)).ok());
  ASSERT_TRUE(
      store->Put(Attack("b", "y.example", {2021, 6, 3}, 35.47, 44.39)).ok());
  ASSERT_TRUE(
      store->Put(Attack("c", "z.example", {2021, 6, 4}, 35.47, 44.39)).ok());
  EXPECT_EQ(Partition(*store), (Groups{{"a", "b", "c"}}));
  // b is corrected: it was a week later. a and c no longer belong together.
  ASSERT_EQ(*store->Put(Attack("b", "y.example", {2021, 6, 10}, 35.47, 44.39,
                               "again ")),
            PutOutcome::kReplaced);
  EXPECT_EQ(Partition(*store), (Groups{{"a"}, {"b"}, {"c"}}));
  // and back: one group again.
  ASSERT_EQ(*store->Put(Attack("b", "y.example", {2021, 6, 3}, 35.47, 44.39)),
            PutOutcome::kReplaced);
  EXPECT_EQ(Partition(*store), (Groups{{"a", "b", "c"}}));
  // The full-text index follows the replacements.
  GroupQuery q;
  q.text = "again";
  EXPECT_EQ(store->QueryGroups(q)->total, 0);
  q.text = "attacked";
  EXPECT_EQ(store->QueryGroups(q)->total, 1);
  // Search words are words, whatever bytes they hold: no FTS5 syntax error.
  for (const std::string& text :
       {std::string("attacked\0ISIS", 13), std::string("\"ISIS"),
        std::string("NEAR(x")}) {
    q.text = text;
    EXPECT_TRUE(store->QueryGroups(q).ok()) << text;
  }
}

TEST(GroupingTest, OptionsAreKeptAndAChangeRegroups) {
  TempDir dir;
  const std::string path = dir.File("e.db");
  StoreOptions apart;
  apart.grouping = GroupingOptions{.max_km = 1};
  {
    auto store = OpenOrDie(path, apart);
    ASSERT_TRUE(store);
    ASSERT_TRUE(
        store->Put(Attack("a", "x.example", {2021, 6, 2}, 35.47, 44.39)).ok());
    ASSERT_TRUE(store->Put(Attack("b", "y.example", {2021, 6, 2}, 35.50, 44.40))
                    .ok());  // 3.5 km
    EXPECT_EQ(Partition(*store), (Groups{{"a"}, {"b"}}));
  }
  {
    auto store = OpenOrDie(path);  // no options: as the groups were made
    ASSERT_TRUE(store);
    ASSERT_TRUE(
        store->Put(Attack("c", "z.example", {2021, 6, 2}, 35.505, 44.405))
            .ok());  // 0.7 km from b
    EXPECT_EQ(Partition(*store), (Groups{{"a"}, {"b", "c"}}));
  }
  StoreOptions wide;
  wide.grouping = GroupingOptions{.max_km = 10};
  auto store = OpenOrDie(path, wide);
  ASSERT_TRUE(store);
  EXPECT_EQ(Partition(*store), (Groups{{"a", "b", "c"}}));
}

TEST(GroupingTest, Version2DatabaseIsMigratedWithGroupsHostsAndSearch) {
  TempDir dir;
  const std::string path = dir.File("v2.db");
  {
    auto store = OpenOrDie(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(
        store->Put(Attack("a", "www.x.example", {2021, 6, 2}, 35.47, 44.39))
            .ok());
    ASSERT_TRUE(store
                    ->Put(Attack("b", "y.example", {2021, 6, 3}, 35.47, 44.39,
                                 "checkpoint "))
                    .ok());
  }
  // Back to the version 2 layout.
  Exec(path,
       "DROP TRIGGER events_fts_insert; DROP TRIGGER events_fts_delete; DROP "
       "TABLE events_fts;"
       " DROP TABLE event_groups; DROP TABLE settings; DROP INDEX "
       "events_group; DROP INDEX events_group_kind;"
       " ALTER TABLE events DROP COLUMN group_id; ALTER TABLE events DROP "
       "COLUMN group_kind;"
       " ALTER TABLE events DROP COLUMN date_span; ALTER TABLE articles DROP "
       "COLUMN host;"
       " PRAGMA user_version = 2;");
  StoreOptions read_only;
  read_only.read_only = true;
  auto refused = Store::Open(path, read_only);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("dateline migrate"), std::string::npos)
      << refused.error().message;

  auto store = OpenOrDie(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(Partition(*store), (Groups{{"a", "b"}}));
  auto rows = store->QueryEvents({.article_id = "a"});
  EXPECT_EQ((*rows)[0].group_sources, 2);
  GroupQuery q;
  q.text = "checkpoint";
  EXPECT_EQ(store->QueryGroups(q)->total, 1);
  // New reports join the migrated groups.
  ASSERT_TRUE(
      store->Put(Attack("c", "z.example", {2021, 6, 3}, 35.47, 44.39)).ok());
  EXPECT_EQ(Partition(*store), (Groups{{"a", "b", "c"}}));
}

TEST(GroupingTest, ReadOnlyNeverCreatesNorWrites) {
  TempDir dir;
  StoreOptions read_only;
  read_only.read_only = true;
  EXPECT_FALSE(Store::Open(dir.File("missing.db"), read_only).ok());
  EXPECT_FALSE(fs::exists(dir.File("missing.db")));
  const std::string path = dir.File("e.db");
  { ASSERT_TRUE(OpenOrDie(path)); }
  auto store = OpenOrDie(path, read_only);
  ASSERT_TRUE(store);
  auto put = store->Put(Attack("a", "x.example", {2021, 6, 2}, 35.47, 44.39));
  ASSERT_FALSE(put.ok());
  EXPECT_NE(put.error().message.find("read-only"), std::string::npos);
  EXPECT_EQ(*store->CountEvents(), 0);
}

TEST(GroupingTest, PagesOfGroupsFollowTheirCursor) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("e.db"));
  ASSERT_TRUE(store);
  for (int d = 1; d <= 9; d += 2) {  // five separate events, two days apart
    ASSERT_TRUE(store
                    ->Put(Attack("a" + std::to_string(d), "x.example",
                                 {2021, 6, d}, 35.47, 44.39))
                    .ok());
  }
  ASSERT_TRUE(
      store->Put(Attack("b", "y.example", {2021, 6, 5}, 35.47, 44.39)).ok());
  GroupQuery q;
  q.limit = 2;
  std::vector<std::string> seen;
  for (int page = 0; page < 4; ++page) {
    auto result = store->QueryGroups(q);
    ASSERT_TRUE(result.ok()) << result.error().ToString();
    EXPECT_EQ(result->total, 5);
    for (const StoredGroup& g : result->groups)
      seen.push_back(g.date_first + "/" + std::to_string(g.reports));
    if (result->next.empty()) break;
    EXPECT_TRUE(Store::IsValidCursor(result->next));
    q.after = result->next;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"2021-06-01/1", "2021-06-03/1",
                                            "2021-06-05/2", "2021-06-07/1",
                                            "2021-06-09/1"}));
  EXPECT_FALSE(Store::IsValidCursor("2021-06-01"));
  EXPECT_FALSE(Store::IsValidCursor("x.1"));
  EXPECT_TRUE(Store::IsValidCursor("~.12"));
}

TEST(GroupingTest, ALongQueryIsInterruptedAtItsTimeBound) {
  TempDir dir;
  const std::string path = dir.File("e.db");
  {
    auto store = OpenOrDie(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(
        store->Put(Attack("a", "x.example", {2021, 6, 2}, 35.47, 44.39)).ok());
  }
  // 50,000 copies of its report (each a group of its own), written directly; a
  // filter that reads every row then takes far longer than a millisecond.
  Exec(path,
       "DROP TRIGGER events_fts_insert;"
       " INSERT INTO events (article_id, idx, cameo, cameo_name, plover, "
       "acled_event_type,"
       "   acled_sub_event_type, source_start, source_end, source_text, "
       "source_code, source_country,"
       "   source_sectors, source_region, source_organisation, source_person, "
       "target_start, target_end,"
       "   target_text, target_code, target_country, target_sectors, "
       "target_region, target_organisation,"
       "   target_person, negated, modality, sentence, evidence_start, "
       "evidence_end, evidence_text,"
       "   \"trigger\", rules, sort_date)"
       " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
       "i < 50000)"
       " SELECT article_id, idx + i, cameo, cameo_name, plover, "
       "acled_event_type, acled_sub_event_type,"
       "   source_start, source_end, source_text, source_code, source_country, "
       "source_sectors, source_region,"
       "   source_organisation, source_person, target_start, target_end, "
       "target_text, target_code,"
       "   target_country, target_sectors, target_region, target_organisation, "
       "target_person, negated,"
       "   modality, sentence, evidence_start, evidence_end, evidence_text, "
       "\"trigger\", rules, sort_date"
       " FROM events, n;"
       " UPDATE events SET group_id = id WHERE group_id IS NULL;");
  StoreOptions bounded;
  bounded.read_only = true;
  bounded.query_timeout_ms = 1;
  auto store = OpenOrDie(path, bounded);
  ASSERT_TRUE(store);
  GroupQuery q;
  q.actor = "nobody at all";
  auto page = store->QueryGroups(q);
  ASSERT_FALSE(page.ok());
  EXPECT_TRUE(store->timed_out());
  // The bound is per query: a quick one after it succeeds.
  EXPECT_TRUE(store->GetGroup(1).ok());
  EXPECT_FALSE(store->timed_out());
}

}  // namespace
}  // namespace dateline
