// Tests of the store: round trips, idempotence, replacement, crash consistency
// (an injected failure, a failing SQLite trigger and a process killed
// mid-transaction), bad paths and files, and filter values that look like SQL.
#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "store/store_testing.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

// The shared scratch directory, its making checked.
class TempDir : public store_testing::TempDir {
 public:
  TempDir() { EXPECT_TRUE(ok()); }
};

// Direct SQLite access, to look at rows the Store API does not expose.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    EXPECT_EQ(
        sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr),
        SQLITE_OK);
    sqlite3_busy_timeout(db_, 5000);
  }
  ~RawDb() { sqlite3_close(db_); }
  void Exec(const std::string& sql) {
    char* msg = nullptr;
    EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg), SQLITE_OK)
        << (msg ? msg : "");
    sqlite3_free(msg);
  }
  std::string Text(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db_);
    std::string out;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    }
    sqlite3_finalize(s);
    return out;
  }
  long Long(const std::string& sql) { return std::atol(Text(sql).c_str()); }
  // Rows of `article_id` in every table, e.g. "articles=1 paragraphs=3 ...".
  std::string RowsOf(const std::string& article_id) {
    std::string out;
    for (const char* table :
         {"articles", "paragraphs", "actors", "places", "dates", "events"}) {
      const char* col = std::string(table) == "articles" ? "id" : "article_id";
      out += std::string(table) + "=" +
             Text(std::string("SELECT count(*) FROM ") + table + " WHERE " +
                  col + " = '" + article_id + "'") +
             " ";
    }
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

Span Find(const std::string& body, const std::string& words) {
  const size_t at = body.find(words);
  EXPECT_NE(at, std::string::npos) << words;
  return Span{at, at + words.size()};
}

ActorMention Actor(const std::string& body, const std::string& text,
                   const std::string& country, std::vector<std::string> sectors,
                   const std::string& region = "",
                   const std::string& person = "") {
  ActorMention a;
  a.span = Find(body, text);
  a.text = text;
  a.actor.country = country;
  a.actor.sectors = std::move(sectors);
  a.actor.region = region;
  a.person = person;
  a.rules = {"actors/people.txt:12 " + text};
  return a;
}

// Our own short article in the manner of a Kurdistan 24 security story: a
// meeting on a resolved day, coalition support dated only by publication, and a
// clash dated to a month. Published 2021-06-05.
CodedArticle KurdistanArticle(const std::string& id = "k24-interior-coalition",
                              const std::string& edition = "") {
  CodedArticle c;
  c.document.id = id;
  c.document.url = "https://example.org/en/story/" + id;
  c.document.input = "testdata/" + id + ".txt";
  c.article.title =
      "Interior minister and coalition general discuss the fight against ISIS";
  c.article.section = "Security";
  c.article.authors = {"A. Reporter"};
  c.article.dateline = "Erbil";
  c.article.tags = {"Kurdistan", "Peshmerga", "Coalition"};
  c.article.published = PartialDate{2021, 6, 5};
  c.article.published_source = DateSource::kInput;
  c.article.language = "en";
  const std::vector<std::string> paragraphs = {
      "ERBIL \xE2\x80\x93 Kurdistan Region Interior Minister Reber Ahmed met "
      "Maj. Gen. Karl Harris "
      "of the US-led coalition on Thursday to talk about the campaign against "
      "ISIS.",
      "The coalition has supported closer coordination between Iraqi forces "
      "and the Peshmerga "
      "in the disputed areas." +
          edition,
      "In October 2017, Iraqi forces fought Peshmerga units and pushed them "
      "out of Kirkuk.",
  };
  std::string content = "Security\n\n" + c.article.title + "\n\n";
  for (const std::string& p : paragraphs) {
    Paragraph para;
    para.text = p;
    para.start = content.size();
    content += p;
    para.end = content.size();
    content += "\n\n";
    AppendParagraph(c.article, para);
  }
  c.document.content = content;
  const std::string& body = c.article.body;

  c.actors = {
      Actor(body, "Reber Ahmed", "IRQ", {"GOV"}, "Kurdistan Region",
            "Reber Ahmed"),
      Actor(body, "Karl Harris", "USA", {"MIL"}, "", "Karl Harris"),
      Actor(body, "coalition", "IMG", {"MIL"}),
      Actor(body, "Iraqi forces", "IRQ", {"MIL"}),
      Actor(body, "Peshmerga units", "IRQ", {"MIL"}, "Kurdistan Region")};
  PlaceMention erbil;
  erbil.span = Find(body, "ERBIL");
  erbil.name = "Erbil";
  erbil.country = "IQ";
  erbil.admin1 = "Erbil";
  erbil.lat = 36.19257;
  erbil.lon = 44.01062;
  erbil.precision = PlacePrecision::kPoint;
  erbil.geonameid = 95446;
  erbil.from_dateline = true;
  PlaceMention kirkuk = erbil;
  kirkuk.span = Find(body, "Kirkuk");
  kirkuk.name = "Kirkuk";
  kirkuk.admin1 = "Kirkuk";
  kirkuk.lat = 35.46806;
  kirkuk.lon = 44.39222;
  kirkuk.geonameid = 94787;
  kirkuk.from_dateline = false;
  c.places = {erbil, kirkuk};
  DateMention thursday;
  thursday.span = Find(body, "on Thursday");
  thursday.text = "on Thursday";
  thursday.value = PartialDate{2021, 6, 3};
  thursday.relative = "Thursday before publication";
  DateMention october;
  october.span = Find(body, "In October 2017");
  october.text = "October 2017";
  october.value = PartialDate{2017, 10, 0};
  october.year_hint = 2017;
  c.dates = {thursday, october};

  Event meet;
  meet.cameo = "040";
  meet.cameo_name = "Consult, not specified";
  meet.plover = Plover::kConsult;
  meet.source = c.actors[0];
  meet.target = c.actors[1];
  meet.date = thursday;
  meet.place = erbil;
  meet.modality = Modality::kAsserted;
  meet.evidence = Span{0, paragraphs[0].size()};
  meet.trigger = "met";
  meet.rules = {"events/verbs.txt:40 meet", "rule:source-before-verb"};

  Event support;
  support.cameo = "070";
  support.cameo_name = "Provide aid, not specified";
  support.plover = Plover::kAid;
  support.source = c.actors[2];
  support.target = c.actors[3];
  support.modality = Modality::kAsserted;
  support.evidence = Find(body, paragraphs[1]);
  support.sentence = 1;
  support.trigger = "has supported";
  support.rules = {"events/verbs.txt:70 support"};

  Event clash;
  clash.cameo = "190";
  clash.cameo_name = "Use conventional military force";
  clash.plover = Plover::kFight;
  clash.acled =
      AcledType{AcledEventType::kBattles, AcledSubEventType::kArmedClash};
  clash.source = c.actors[3];
  clash.target = c.actors[4];
  clash.date = october;
  clash.place = kirkuk;
  clash.fatalities = 4;
  clash.injured = 7;
  clash.negated = false;
  clash.modality = Modality::kAsserted;
  clash.evidence = Find(body, paragraphs[2]);
  clash.sentence = 2;
  clash.trigger = "fought";
  clash.rules = {"events/verbs.txt:190 fight"};
  c.events = {meet, support, clash};
  return c;
}

// A second, undated article with one event, so ordering and "no date" can be
// tested.
CodedArticle UndatedArticle() {
  CodedArticle c;
  c.document.id = "undated-protest";
  c.document.input = "undated.txt";
  c.document.content = "Protesters rallied outside the parliament in Baghdad.";
  Paragraph p;
  p.text = c.document.content;
  p.end = p.text.size();
  AppendParagraph(c.article, p);
  c.article.title = "Protest in Baghdad";
  Event e;
  e.cameo = "141";
  e.cameo_name = "Demonstrate or rally";
  e.plover = Plover::kProtest;
  e.source = Actor(c.article.body, "Protesters", "IRQ", {"CVL"});
  e.target = Actor(c.article.body, "parliament", "IRQ", {"LEG"});
  e.evidence = Span{0, c.article.body.size()};
  e.modality = Modality::kAsserted;
  e.negated = true;
  c.events = {e};
  return c;
}

std::unique_ptr<Store> OpenOrDie(const std::string& path,
                                 StoreOptions options = {}) {
  auto store = Store::Open(path, std::move(options));
  EXPECT_TRUE(store.ok()) << store.error().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

std::vector<std::string> Keys(const std::vector<StoredEvent>& events) {
  std::vector<std::string> keys;
  for (const StoredEvent& e : events)
    keys.push_back(e.article_id + "#" + std::to_string(e.index));
  return keys;
}

TEST(ContentHashTest, IsFnv1a64) {
  EXPECT_EQ(ContentHash(""), "cbf29ce484222325");
  EXPECT_EQ(ContentHash("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(ContentHash("foobar"), "85944171f73967e8");
  EXPECT_NE(ContentHash("Erbil"), ContentHash("Erbil "));
}

TEST(StoreTest, RoundTripKeepsEveryField) {
  auto store = OpenOrDie(":memory:");
  ASSERT_TRUE(store);
  const CodedArticle k = KurdistanArticle();
  auto put = store->Put(k);
  ASSERT_TRUE(put.ok()) << put.error().ToString();
  EXPECT_EQ(*put, PutOutcome::kInserted);
  EXPECT_EQ(*store->CountArticles(), 1);
  EXPECT_EQ(*store->CountEvents(), 3);

  EventQuery q;
  q.article_id = k.document.id;
  auto rows = store->QueryEvents(q);
  ASSERT_TRUE(rows.ok()) << rows.error().ToString();
  ASSERT_EQ(Keys(*rows), (std::vector<std::string>{k.document.id + "#2",
                                                   k.document.id + "#0",
                                                   k.document.id + "#1"}));
  const StoredEvent& meet = (*rows)[1];
  EXPECT_GT(meet.event_id, 0);
  EXPECT_EQ(meet.url, k.document.url);
  EXPECT_EQ(meet.title, k.article.title);
  EXPECT_EQ(meet.published, "2021-06-05");
  EXPECT_EQ(meet.cameo, "040");
  EXPECT_EQ(meet.cameo_name, "Consult, not specified");
  EXPECT_EQ(meet.plover, Plover::kConsult);
  EXPECT_EQ(meet.acled_event_type, AcledEventType::kNone);
  EXPECT_EQ(meet.source_text, "Reber Ahmed");
  EXPECT_EQ(meet.source_code, "IRQGOV");
  EXPECT_EQ(meet.source_country, "IRQ");
  EXPECT_EQ(meet.source_region, "Kurdistan Region");
  EXPECT_EQ(meet.source_person, "Reber Ahmed");
  EXPECT_EQ(meet.target_text, "Karl Harris");
  EXPECT_EQ(meet.target_code, "USAMIL");
  EXPECT_EQ(meet.target_country, "USA");
  EXPECT_EQ(meet.date, "2021-06-03");
  EXPECT_EQ(meet.date_precision, DatePrecision::kDay);
  EXPECT_EQ(meet.date_relative, "Thursday before publication");
  EXPECT_EQ(meet.place_name, "Erbil");
  EXPECT_EQ(meet.place_country, "IQ");
  EXPECT_EQ(meet.place_precision, PlacePrecision::kPoint);
  EXPECT_EQ(meet.place_admin1, "Erbil");
  EXPECT_EQ(meet.place_geonameid, 95446);
  EXPECT_EQ(meet.source_sectors, std::vector<std::string>{"GOV"});
  EXPECT_EQ(meet.target_sectors, std::vector<std::string>{"MIL"});
  EXPECT_EQ(meet.coded_at.size(), 20u);  // "YYYY-MM-DDTHH:MM:SSZ"
  ASSERT_TRUE(meet.lat && meet.lon);
  EXPECT_DOUBLE_EQ(*meet.lat, 36.19257);
  EXPECT_DOUBLE_EQ(*meet.lon, 44.01062);
  EXPECT_FALSE(meet.fatalities.has_value());
  EXPECT_FALSE(meet.negated);
  EXPECT_EQ(meet.modality, Modality::kAsserted);
  EXPECT_EQ(meet.trigger, "met");
  EXPECT_EQ(meet.rules, "events/verbs.txt:40 meet; rule:source-before-verb");
  EXPECT_EQ(meet.evidence_start, 0u);
  EXPECT_EQ(meet.evidence,
            k.article.body.substr(meet.evidence_start,
                                  meet.evidence_end - meet.evidence_start));
  EXPECT_EQ(meet.evidence.substr(0, 5), "ERBIL");

  const StoredEvent& support = (*rows)[2];
  EXPECT_EQ(support.date, "");  // no date of its own: publication date applies
  EXPECT_EQ(support.source_code, "IMGMIL");
  EXPECT_FALSE(support.lat.has_value());
  EXPECT_EQ(support.place_name, "");
  EXPECT_FALSE(support.place_precision.has_value());

  const StoredEvent& clash = (*rows)[0];
  EXPECT_EQ(clash.date, "2017-10");
  EXPECT_EQ(clash.date_precision, DatePrecision::kMonth);
  EXPECT_EQ(clash.acled_event_type, AcledEventType::kBattles);
  EXPECT_EQ(clash.acled_sub_event_type, AcledSubEventType::kArmedClash);
  EXPECT_EQ(clash.fatalities, 4);
  EXPECT_EQ(clash.injured, 7);
  EXPECT_FALSE(clash.arrested.has_value());
  EXPECT_EQ(clash.evidence,
            "In October 2017, Iraqi forces fought Peshmerga units and pushed "
            "them out of Kirkuk.");
}

struct FilterCase {
  const char* name;
  EventQuery query;
  std::vector<std::string> expected;
};

TEST(StoreTest, FiltersSelectAndOrderEvents) {
  auto store = OpenOrDie(":memory:");
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Put(KurdistanArticle("k24")).ok());
  ASSERT_TRUE(store->Put(UndatedArticle()).ok());
  // Publication 2021-06-05; k24#0 dated 2021-06-03, k24#1 undated (->
  // 2021-06-05), k24#2 dated 2017-10; undated-protest#0 has no date at all.
  const std::string u = "undated-protest#0";
  const std::vector<FilterCase> cases = {
      {"all", {}, {"k24#2", "k24#0", "k24#1", u}},
      {"country source or target IRQ",
       {.country = "IRQ"},
       {"k24#2", "k24#0", "k24#1", u}},
      {"country target USA", {.country = "USA"}, {"k24#0"}},
      {"country source IMG", {.country = "IMG"}, {"k24#1"}},
      {"country unknown", {.country = "FRA"}, {}},
      {"since year", {.since = "2021"}, {"k24#0", "k24#1"}},
      {"since inside a month-dated event",
       {.since = "2017-10-20"},
       {"k24#2", "k24#0", "k24#1"}},
      {"since after that month", {.since = "2017-11"}, {"k24#0", "k24#1"}},
      {"since falls back to publication", {.since = "2021-06-04"}, {"k24#1"}},
      {"until inside a month-dated event", {.until = "2017-10-05"}, {"k24#2"}},
      {"until before that month", {.until = "2017-09-30"}, {}},
      {"until month", {.until = "2021-06"}, {"k24#2", "k24#0", "k24#1"}},
      {"until day", {.until = "2021-06-04"}, {"k24#2", "k24#0"}},
      {"one day", {.since = "2021-06-03", .until = "2021-06-03"}, {"k24#0"}},
      {"plover exact", {.plover = "CONSULT"}, {"k24#0"}},
      {"plover is not a prefix", {.plover = "CONS"}, {}},
      {"cameo root", {.cameo = "04"}, {"k24#0"}},
      {"cameo full code", {.cameo = "190"}, {"k24#2"}},
      {"cameo first digit", {.cameo = "0"}, {"k24#0", "k24#1"}},
      {"cameo 1", {.cameo = "1"}, {"k24#2", u}},
      {"article", {.article_id = "undated-protest"}, {u}},
      {"combined",
       {.country = "IRQ", .since = "2017", .plover = "FIGHT", .cameo = "19"},
       {"k24#2"}},
      {"limit", {.limit = 2}, {"k24#2", "k24#0"}},
      {"limit zero means none", {.limit = 0}, {"k24#2", "k24#0", "k24#1", u}},
  };
  for (const FilterCase& c : cases) {
    auto rows = store->QueryEvents(c.query);
    ASSERT_TRUE(rows.ok()) << c.name << ": " << rows.error().ToString();
    EXPECT_EQ(Keys(*rows), c.expected) << c.name;
  }
  // Repeating a query reuses its cached statement and gives the same rows.
  auto again = store->QueryEvents({.country = "USA"});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Keys(*again), (std::vector<std::string>{"k24#0"}));
}

TEST(StoreTest, BadDateFilterIsAnError) {
  auto store = OpenOrDie(":memory:");
  ASSERT_TRUE(store);
  for (const char* bad :
       {"yesterday", "2021-13-01", "2021-02-30", "21-06-03"}) {
    auto rows = store->QueryEvents({.since = bad});
    ASSERT_FALSE(rows.ok()) << bad;
    EXPECT_NE(rows.error().message.find(bad), std::string::npos)
        << rows.error().ToString();
    EXPECT_FALSE(store->QueryEvents({.until = bad}).ok()) << bad;
  }
}

TEST(StoreTest, PutTwiceIsUnchanged) {
  TempDir dir;
  const std::string path = dir.File("events.db");
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store);
  const CodedArticle k = KurdistanArticle();
  ASSERT_EQ(*store->Put(k), PutOutcome::kInserted);
  auto before = store->QueryEvents({});
  RawDb raw(path);
  const std::string coded_at = raw.Text("SELECT coded_at FROM articles");
  const std::string rows = raw.RowsOf(k.document.id);
  EXPECT_EQ(rows,
            "articles=1 paragraphs=3 actors=5 places=2 dates=2 events=3 ");
  const long changes = raw.Long("PRAGMA data_version");

  auto again = store->Put(k);
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_EQ(*again, PutOutcome::kUnchanged);
  EXPECT_EQ(*store->CountArticles(), 1);
  EXPECT_EQ(*store->CountEvents(), 3);
  auto after = store->QueryEvents({});
  ASSERT_EQ(after->size(), before->size());
  for (size_t i = 0; i < after->size(); ++i)
    EXPECT_EQ((*after)[i].event_id, (*before)[i].event_id);
  EXPECT_EQ(raw.Text("SELECT coded_at FROM articles"), coded_at);
  EXPECT_EQ(raw.RowsOf(k.document.id), rows);
  // data_version changes when another connection commits a write: none
  // happened.
  EXPECT_EQ(raw.Long("PRAGMA data_version"), changes);
}

TEST(StoreTest, ChangedContentReplacesWithoutLeftovers) {
  TempDir dir;
  const std::string path = dir.File("events.db");
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store);
  ASSERT_EQ(*store->Put(KurdistanArticle("k24")), PutOutcome::kInserted);
  ASSERT_EQ(*store->Put(UndatedArticle()), PutOutcome::kInserted);
  const std::string old_hash = store->StoredContentHash("k24")->value();

  // A corrected edition: different text, fewer mentions and one event.
  CodedArticle edited = KurdistanArticle("k24", " (corrected)");
  edited.actors.resize(2);
  edited.places.resize(1);
  edited.dates.resize(1);
  edited.events.resize(1);
  auto put = store->Put(edited);
  ASSERT_TRUE(put.ok()) << put.error().ToString();
  EXPECT_EQ(*put, PutOutcome::kReplaced);
  EXPECT_NE(store->StoredContentHash("k24")->value(), old_hash);
  EXPECT_EQ(store->StoredContentHash("k24")->value(),
            ContentHash(edited.document.content));
  EXPECT_EQ(*store->CountArticles(), 2);
  EXPECT_EQ(*store->CountEvents(), 2);
  RawDb raw(path);
  EXPECT_EQ(raw.RowsOf("k24"),
            "articles=1 paragraphs=3 actors=2 places=1 dates=1 events=1 ");
  EXPECT_EQ(raw.RowsOf("undated-protest"),
            "articles=1 paragraphs=1 actors=0 places=0 dates=0 events=1 ");
  auto rows = store->QueryEvents({.article_id = "k24"});
  ASSERT_EQ(Keys(*rows), (std::vector<std::string>{"k24#0"}));
  EXPECT_NE((*rows)[0].evidence.find("Reber Ahmed"), std::string::npos);
  EXPECT_EQ(raw.Text("PRAGMA foreign_key_check"), "");
}

TEST(StoreTest, ReopenedDatabaseSeesTheData) {
  TempDir dir;
  const std::string path = dir.File("events.db");
  {
    auto store = OpenOrDie(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->Put(KurdistanArticle()).ok());
    ASSERT_TRUE(store->Put(UndatedArticle()).ok());
  }
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->CountArticles(), 2);
  EXPECT_EQ(*store->CountEvents(), 4);
  EXPECT_EQ(*store->Put(KurdistanArticle()), PutOutcome::kUnchanged);
  auto rows = store->QueryEvents({.plover = "FIGHT"});
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].place_name, "Kirkuk");
  RawDb raw(path);
  EXPECT_EQ(raw.Long("PRAGMA user_version"), Store::SchemaVersion());
  EXPECT_EQ(raw.Text("PRAGMA journal_mode"), "wal");
}

// The store keeps the record's closed vocabularies as their names: every
// PLOVER category, modality and place precision reads back as it was put.
TEST(StoreTest, VocabulariesReadBackAsTheyWerePut) {
  auto store = OpenOrDie(":memory:");
  ASSERT_TRUE(store);
  const Modality modalities[] = {Modality::kAsserted,    Modality::kPossible,
                                 Modality::kIntended,    Modality::kFuture,
                                 Modality::kConditional, Modality::kObligation};
  const PlacePrecision precisions[] = {
      PlacePrecision::kPoint, PlacePrecision::kAdmin2, PlacePrecision::kAdmin1,
      PlacePrecision::kCountry};
  for (int i = static_cast<int>(Plover::kNone);
       i <= static_cast<int>(Plover::kOther); ++i) {
    const Plover plover = static_cast<Plover>(i);
    const Modality modality = modalities[i % std::size(modalities)];
    const PlacePrecision precision = precisions[i % std::size(precisions)];
    CodedArticle k = KurdistanArticle("k24-" + std::to_string(i));
    Event& meet = k.events[0];
    ASSERT_TRUE(meet.place.has_value());
    meet.plover = plover;
    meet.modality = modality;
    meet.place->precision = precision;
    ASSERT_TRUE(store->Put(k).ok());
    auto rows = store->QueryEvents({.article_id = k.document.id});
    ASSERT_TRUE(rows.ok()) << rows.error().ToString();
    const auto read =
        std::find_if(rows->begin(), rows->end(),
                     [](const StoredEvent& e) { return e.index == 0; });
    ASSERT_NE(read, rows->end());
    EXPECT_EQ(read->plover, plover) << PloverName(plover);
    EXPECT_EQ(read->modality, modality) << ModalityName(modality);
    EXPECT_EQ(read->place_precision, precision)
        << PlacePrecisionName(precision);
  }
}

// A store holding the Kurdistan article, for tests that corrupt a row of it:
// `clash_id` is the row id of its event 2, the clash (a FIGHT with a date and a
// place).
struct StoreWithKurdistan {
  TempDir dir;
  std::string path = dir.File("events.db");
  std::unique_ptr<Store> store = OpenOrDie(path);
  CodedArticle article = KurdistanArticle();
  std::string clash_id;

  // False (with a test failure) when the article cannot be stored.
  bool Fill() {
    if (!store || !store->Put(article).ok()) {
      ADD_FAILURE() << "cannot store the Kurdistan article";
      return false;
    }
    clash_id = RawDb(path).Text("SELECT id FROM events WHERE article_id = '" +
                                article.document.id + "' AND idx = 2");
    return !clash_id.empty();
  }
};

// A stored name that is none of its vocabulary's (written by hand or by another
// program) is a corrupt store, not a value: the query fails with kCorrupt, and
// the error names the row and the name.
TEST(StoreTest, UnknownStoredVocabularyNameIsCorrupt) {
  StoreWithKurdistan fixture;
  ASSERT_TRUE(fixture.Fill());
  const std::string& path = fixture.path;
  Store* store = fixture.store.get();
  const CodedArticle& k = fixture.article;
  const std::string& id = fixture.clash_id;
  const std::string row = "events WHERE id = " + id;
  struct BadCase {
    const char* column;
    const char* value;
    const char* problem;
  };
  const BadCase cases[] = {
      {"plover", "FIGHTING", "the PLOVER category \"FIGHTING\""},
      {"plover", "fight", "the PLOVER category \"fight\""},
      {"acled_event_type", "Battle", "the ACLED event type \"Battle\""},
      // A known sub-event type under another event type is no better.
      {"acled_event_type", "Riots", "the ACLED sub-event type \"Armed clash\""},
      {"acled_sub_event_type", "ARMED_CLASH",
       "the ACLED sub-event type \"ARMED_CLASH\""},
      {"modality", "", "the modality \"\""},
      {"modality", "certain", "the modality \"certain\""},
      {"place_precision", "city", "the place precision \"city\""},
      {"place_precision", "", "the place precision \"\""},
      {"date_precision", "week", "the date precision \"week\""},
      {"date_precision", "Day", "the date precision \"Day\""},
  };
  for (const BadCase& c : cases) {
    RawDb raw(path);
    const std::string old =
        raw.Text(std::string("SELECT ") + c.column + " FROM " + row);
    raw.Exec(std::string("UPDATE events SET ") + c.column + " = '" + c.value +
             "' WHERE id = " + id);
    auto rows = store->QueryEvents({.article_id = k.document.id});
    ASSERT_FALSE(rows.ok()) << c.column << " = " << c.value;
    EXPECT_EQ(rows.error().kind, ErrorKind::kCorrupt);
    const std::string error = rows.error().ToString();
    EXPECT_NE(error.find("event " + id + " (article \"" + k.document.id +
                         "\", event 2): " + c.problem),
              std::string::npos)
        << error;
    raw.Exec(std::string("UPDATE events SET ") + c.column + " = '" + old +
             "' WHERE id = " + id);
    EXPECT_TRUE(store->QueryEvents({.article_id = k.document.id}).ok())
        << c.column;
  }
}

// Grouping reads the stored reports a new event may share (their modality and
// place precision): a name there that is none of the record's fails the Put
// with kCorrupt naming the stored event, and the Put writes nothing.
TEST(StoreTest, UnknownVocabularyNameInAGroupingCandidateIsCorrupt) {
  for (const char* column : {"modality", "place_precision"}) {
    StoreWithKurdistan fixture;
    ASSERT_TRUE(fixture.Fill());
    const std::string& path = fixture.path;
    const std::string& id = fixture.clash_id;
    RawDb(path).Exec(std::string("UPDATE events SET ") + column +
                     " = 'sometimes' WHERE id = " + id);
    CodedArticle again = fixture.article;  // a second report of the same events
    again.document.id += "-again";
    const auto put = fixture.store->Put(again);
    ASSERT_FALSE(put.ok()) << column;
    EXPECT_EQ(put.error().kind, ErrorKind::kCorrupt) << column;
    EXPECT_NE(put.error().ToString().find("event " + id + ": the " +
                                          (std::string(column) == "modality"
                                               ? "modality"
                                               : "place precision") +
                                          " \"sometimes\" is none of the "
                                          "record's"),
              std::string::npos)
        << put.error().ToString();
    EXPECT_EQ(RawDb(path).Text("SELECT COUNT(*) FROM articles WHERE id = '" +
                               again.document.id + "'"),
              "0");
  }
}

// A version 1 database (before injuries, arrests and crowd sizes) is migrated
// in place on open and keeps its rows. Takes a database back to the version 2
// layout (grouping_test.cc checks the migration from there in detail).
constexpr const char* kBackToVersion2 =
    "DROP TRIGGER events_fts_insert; DROP TRIGGER events_fts_delete; DROP "
    "TABLE events_fts;"
    " DROP TABLE event_groups; DROP TABLE settings; DROP INDEX events_group; "
    "DROP INDEX events_group_kind;"
    " ALTER TABLE events DROP COLUMN group_id; ALTER TABLE events DROP COLUMN "
    "group_kind;"
    " ALTER TABLE events DROP COLUMN date_span; ALTER TABLE articles DROP "
    "COLUMN host;"
    " PRAGMA user_version = 2;";

TEST(StoreTest, Version1DatabaseIsMigrated) {
  TempDir dir;
  const std::string path = dir.File("v1.db");
  {
    auto store = OpenOrDie(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->Put(KurdistanArticle()).ok());
  }
  {
    RawDb raw(path);  // take it back to the version 1 layout
    raw.Exec(kBackToVersion2);
    raw.Exec(
        "ALTER TABLE events DROP COLUMN injured; ALTER TABLE events DROP "
        "COLUMN arrested;"
        " ALTER TABLE events DROP COLUMN crowd_size; PRAGMA user_version = 1;");
  }
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(RawDb(path).Long("PRAGMA user_version"), Store::SchemaVersion());
  EXPECT_EQ(*store->CountEvents(), 3);
  ASSERT_EQ(*store->Put(UndatedArticle()), PutOutcome::kInserted);
  auto rows = store->QueryEvents({.plover = "FIGHT"});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_FALSE(
      (*rows)[0].injured.has_value());  // rows from before the migration
}

TEST(StoreTest, QueryArticlesAndStoredHash) {
  auto store = OpenOrDie(":memory:");
  ASSERT_TRUE(store);
  const CodedArticle k = KurdistanArticle("k24");
  ASSERT_TRUE(store->Put(k).ok());
  ASSERT_TRUE(store->Put(UndatedArticle()).ok());
  auto all = store->QueryArticles({});
  ASSERT_TRUE(all.ok()) << all.error().ToString();
  ASSERT_EQ(all->size(), 2u);
  const StoredArticle& a = (*all)[0];  // dated first
  EXPECT_EQ(a.id, "k24");
  EXPECT_EQ(a.published, "2021-06-05");
  EXPECT_EQ(a.authors, k.article.authors);
  EXPECT_EQ(a.tags, k.article.tags);
  EXPECT_EQ(a.dateline, "Erbil");
  EXPECT_EQ(a.content_hash, ContentHash(k.document.content));
  EXPECT_EQ(a.event_count, 3);
  EXPECT_EQ(a.coded_at.size(), 20u);  // "YYYY-MM-DDTHH:MM:SSZ"
  EXPECT_EQ((*all)[1].id, "undated-protest");
  EXPECT_EQ((*all)[1].published, "");
  auto since = store->QueryArticles({.since = "2021-06"});
  ASSERT_EQ(since->size(), 1u);
  EXPECT_EQ((*since)[0].id, "k24");
  EXPECT_TRUE(store->QueryArticles({.until = "2021-06-04"})->empty());
  EXPECT_EQ(store->QueryArticles({.article_id = "undated-protest"})->size(),
            1u);

  EXPECT_EQ(store->StoredContentHash("k24")->value(),
            ContentHash(k.document.content));
  EXPECT_FALSE(store->StoredContentHash("nope")->has_value());
}

TEST(StoreTest, BadSpansGiveEmptyEvidence) {
  auto store = OpenOrDie(":memory:");
  ASSERT_TRUE(store);
  CodedArticle c = UndatedArticle();
  c.events[0].evidence = Span{5000, 6000};
  c.events.push_back(c.events[0]);
  c.events[1].evidence = Span{10, 3};
  ASSERT_TRUE(store->Put(c).ok());
  auto rows = store->QueryEvents({});
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].evidence, "");
  EXPECT_EQ((*rows)[1].evidence, "");
}

TEST(StoreTest, ArticleWithoutIdIsAnError) {
  auto store = OpenOrDie(":memory:");
  ASSERT_TRUE(store);
  CodedArticle c = UndatedArticle();
  c.document.id.clear();
  auto put = store->Put(c);
  ASSERT_FALSE(put.ok());
  EXPECT_NE(put.error().message.find("without an id"), std::string::npos)
      << put.error().ToString();
  EXPECT_NE(put.error().message.find("undated.txt"), std::string::npos);
  EXPECT_EQ(*store->CountArticles(), 0);
}

TEST(StoreTest, SqlLookingFilterValuesAreHarmless) {
  TempDir dir;
  const std::string path = dir.File("events.db");
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Put(KurdistanArticle("k24")).ok());
  // An id full of quotes is stored and found as written.
  CodedArticle odd = UndatedArticle();
  odd.document.id = "it's \"odd\"; DROP TABLE events; --";
  ASSERT_EQ(*store->Put(odd), PutOutcome::kInserted);
  const std::vector<EventQuery> hostile = {
      {.country = "IRQ' OR '1'='1"},
      {.country = "x\"); DROP TABLE events; --"},
      {.plover = "%"},
      {.plover = "CONSULT' --"},
      {.cameo = "%"},
      {.cameo = "_4"},
      {.cameo = "*"},
      {.cameo = std::string("\xFF\xFF")},
      {.article_id = "k24' OR 1=1 --"},
      {.article_id = "'; DELETE FROM articles; --"},
  };
  for (const EventQuery& q : hostile) {
    auto rows = store->QueryEvents(q);
    ASSERT_TRUE(rows.ok()) << rows.error().ToString();
    EXPECT_TRUE(rows->empty())
        << q.country << q.plover << q.cameo << q.article_id;
  }
  EXPECT_FALSE(store->QueryEvents({.since = "2021' OR '1'='1"}).ok());
  auto found = store->QueryEvents({.article_id = odd.document.id});
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].article_id, odd.document.id);
  EXPECT_EQ(*store->CountArticles(), 2);
  EXPECT_EQ(*store->CountEvents(), 4);
  EXPECT_EQ(RawDb(path).Text("PRAGMA integrity_check"), "ok");
}

// ------------------------------------------------------------ crash
// consistency

// The number of writing statements Put issues for the Kurdistan article: 1
// article, 3 paragraphs, 5 actors, 2 places, 2 dates, 3 events each with its
// group (3 + 3), and the three groups' rows (3 x 2: delete, insert).
constexpr int kKurdistanWrites = 25;

TEST(StoreCrashTest, InjectedFailureAtEveryWriteLeavesNothingAndRetrySucceeds) {
  TempDir dir;
  const std::string path = dir.File("events.db");
  int fail_at = -1;
  int writes_seen = 0;
  StoreOptions options;
  options.before_write = [&](int writes_done) -> Status {
    writes_seen = std::max(writes_seen, writes_done + 1);
    if (writes_done == fail_at) return MakeError("", "injected fault");
    return Status::Ok();
  };
  auto store = OpenOrDie(path, options);
  ASSERT_TRUE(store);
  ASSERT_TRUE(
      store->Put(UndatedArticle()).ok());  // a neighbour that must survive
  writes_seen = 0;
  const CodedArticle k = KurdistanArticle("k24");
  RawDb raw(path);
  for (fail_at = 0; fail_at < kKurdistanWrites; ++fail_at) {
    auto put = store->Put(k);
    ASSERT_FALSE(put.ok()) << "fail_at=" << fail_at;
    EXPECT_NE(put.error().ToString().find(path), std::string::npos)
        << put.error().ToString();
    EXPECT_NE(put.error().message.find("injected fault"), std::string::npos);
    EXPECT_NE(put.error().message.find("k24"), std::string::npos);
    EXPECT_EQ(raw.RowsOf("k24"),
              "articles=0 paragraphs=0 actors=0 places=0 dates=0 events=0 ")
        << "fail_at=" << fail_at;
    EXPECT_EQ(*store->CountArticles(), 1);
    EXPECT_EQ(*store->CountEvents(), 1);
  }
  EXPECT_EQ(writes_seen, kKurdistanWrites);
  fail_at = -1;
  ASSERT_EQ(*store->Put(k), PutOutcome::kInserted);
  EXPECT_EQ(raw.RowsOf("k24"),
            "articles=1 paragraphs=3 actors=5 places=2 dates=2 events=3 ");

  // A failed replacement keeps the old version whole.
  CodedArticle edited = KurdistanArticle("k24", " (corrected)");
  edited.events.resize(1);
  fail_at = 3;
  ASSERT_FALSE(store->Put(edited).ok());
  EXPECT_EQ(raw.RowsOf("k24"),
            "articles=1 paragraphs=3 actors=5 places=2 dates=2 events=3 ");
  EXPECT_EQ(store->StoredContentHash("k24")->value(),
            ContentHash(k.document.content));
  fail_at = -1;
  EXPECT_EQ(*store->Put(edited), PutOutcome::kReplaced);
  EXPECT_EQ(*store->CountEvents(), 2);
}

// A batch is one transaction, but an article that fails is rolled back alone:
// the others of its batch are stored, and the failed one can be stored by a
// later batch.
TEST(StoreCrashTest, BatchKeepsTheGoodArticlesWhenOneFails) {
  TempDir dir;
  const std::string path = dir.File("events.db");
  CodedArticle a = KurdistanArticle("a"), b = KurdistanArticle("b"),
               c = KurdistanArticle("c");
  CodedArticle no_id = UndatedArticle();
  no_id.document.id.clear();
  std::vector<const CodedArticle*> batch = {&a, &b, &no_id, &c};
  // The hook learns which article writes by counting first writes (an article
  // without an id never writes); b fails at its fourth write.
  size_t next = 0;
  const CodedArticle* writing = nullptr;
  bool fail_b = true;
  StoreOptions options;
  options.before_write = [&](int writes_done) -> Status {
    if (writes_done == 0) {
      while (batch[next]->document.id.empty()) ++next;
      writing = batch[next++];
    }
    if (fail_b && writing->document.id == "b" && writes_done == 3)
      return MakeError("", "injected fault");
    return Status::Ok();
  };
  auto store = OpenOrDie(path, options);
  ASSERT_TRUE(store);
  const std::vector<Result<PutOutcome>> outcomes = store->PutBatch(batch);
  ASSERT_EQ(outcomes.size(), 4u);
  EXPECT_EQ(*outcomes[0], PutOutcome::kInserted);
  ASSERT_FALSE(outcomes[1].ok());
  EXPECT_NE(outcomes[1].error().message.find("'b'"), std::string::npos)
      << outcomes[1].error().ToString();
  ASSERT_FALSE(outcomes[2].ok());
  EXPECT_NE(outcomes[2].error().message.find("without an id"),
            std::string::npos);
  EXPECT_EQ(*outcomes[3], PutOutcome::kInserted);
  RawDb raw(path);
  EXPECT_EQ(raw.RowsOf("a"),
            "articles=1 paragraphs=3 actors=5 places=2 dates=2 events=3 ");
  EXPECT_EQ(raw.RowsOf("b"),
            "articles=0 paragraphs=0 actors=0 places=0 dates=0 events=0 ");
  EXPECT_EQ(raw.RowsOf("c"),
            "articles=1 paragraphs=3 actors=5 places=2 dates=2 events=3 ");
  // Stored again in a later batch: b is inserted, a and c are unchanged.
  fail_b = false;
  next = 0;
  batch = {&a, &b, &c};
  const std::vector<Result<PutOutcome>> again = store->PutBatch(batch);
  EXPECT_EQ(*again[0], PutOutcome::kUnchanged);
  EXPECT_EQ(*again[1], PutOutcome::kInserted);
  EXPECT_EQ(*again[2], PutOutcome::kUnchanged);
}

// A batch locked out by another writer fails whole with kBusy after one wait
// (not one wait per article), and goes in once the lock is released.
TEST(StoreTest, BatchLockedOutByAnotherWriterFailsWholeAsBusy) {
  TempDir dir;
  const std::string path = dir.File("events.db");
  StoreOptions options;
  options.busy_timeout_ms = 50;
  auto store = OpenOrDie(path, options);
  ASSERT_TRUE(store);
  CodedArticle a = KurdistanArticle("a"), b = KurdistanArticle("b");
  const std::vector<const CodedArticle*> batch = {&a, &b};
  RawDb other(path);
  other.Exec("BEGIN IMMEDIATE");
  const std::vector<Result<PutOutcome>> locked = store->PutBatch(batch);
  ASSERT_EQ(locked.size(), 2u);
  for (const Result<PutOutcome>& outcome : locked) {
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().kind, ErrorKind::kBusy)
        << outcome.error().ToString();
  }
  EXPECT_NE(locked[1].error().message.find("'b'"), std::string::npos)
      << locked[1].error().ToString();
  other.Exec("COMMIT");
  const std::vector<Result<PutOutcome>> again = store->PutBatch(batch);
  EXPECT_EQ(*again[0], PutOutcome::kInserted);
  EXPECT_EQ(*again[1], PutOutcome::kInserted);
}

// What a resumed stream reads back: each stored article's URL and places, in
// the order the articles were stored.
TEST(StoreTest, StoredPlacesComeBackInStoringOrder) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  CodedArticle second = KurdistanArticle("z-second");
  second.document.url = "https://second.example/1";
  CodedArticle first = UndatedArticle();
  first.document.url = "https://first.example/1";
  ASSERT_TRUE((*store)->Put(first).ok());
  ASSERT_TRUE((*store)->Put(second).ok());
  std::vector<std::string> seen;
  ASSERT_TRUE(
      (*store)
          ->ForEachStoredPlaces([&](const std::string& url,
                                    const std::vector<PlaceMention>& places) {
            std::string line = url;
            for (const PlaceMention& p : places)
              line += " " + p.name + "/" + p.country + "/" +
                      PlacePrecisionName(p.precision) +
                      (p.from_dateline ? "/dateline" : "");
            seen.push_back(line);
          })
          .ok());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].rfind("https://first.example/1", 0), 0u) << seen[0];
  std::string want = "https://second.example/1";
  for (const PlaceMention& p : second.places)
    want += " " + p.name + "/" + p.country + "/" +
            PlacePrecisionName(p.precision) +
            (p.from_dateline ? "/dateline" : "");
  EXPECT_EQ(seen[1], want);
}

TEST(StoreCrashTest, FailingSqliteStatementRollsBack) {
  TempDir dir;
  const std::string path = dir.File("events.db");
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store);
  RawDb raw(path);
  // A real SQLite failure on the third event, after everything else was
  // inserted.
  raw.Exec(
      "CREATE TRIGGER fail_third_event BEFORE INSERT ON events WHEN NEW.idx = "
      "2 "
      "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
  const CodedArticle k = KurdistanArticle("k24");
  auto put = store->Put(k);
  ASSERT_FALSE(put.ok());
  EXPECT_NE(put.error().ToString().find(path), std::string::npos)
      << put.error().ToString();
  EXPECT_NE(put.error().message.find("disk on fire"), std::string::npos)
      << put.error().ToString();
  EXPECT_EQ(raw.RowsOf("k24"),
            "articles=0 paragraphs=0 actors=0 places=0 dates=0 events=0 ");
  EXPECT_EQ(*store->CountEvents(), 0);
  raw.Exec("DROP TRIGGER fail_third_event");
  auto retry = store->Put(k);
  ASSERT_TRUE(retry.ok()) << retry.error().ToString();
  EXPECT_EQ(*retry, PutOutcome::kInserted);
  EXPECT_EQ(*store->CountEvents(), 3);
}

// The "killed run resumes" property: a process dies in the middle of Put (no
// rollback, no close, WAL and shared memory left behind); the next run sees
// none of that article, stores it once, and skips what was already stored.
TEST(StoreCrashTest, ProcessKilledMidPutResumesWithoutDuplicatesOrLosses) {
  TempDir dir;
  const std::string path = dir.File("events.db");
  {
    auto store = OpenOrDie(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->Put(UndatedArticle()).ok());
  }
  for (int crash_at : {0, 7, kKurdistanWrites - 1}) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      StoreOptions options;
      options.before_write = [crash_at](int writes_done) -> Status {
        if (writes_done == crash_at) _exit(42);
        return Status::Ok();
      };
      auto store = Store::Open(path, options);
      if (!store.ok()) _exit(1);
      (void)(*store)->Put(UndatedArticle());  // unchanged: no writes, no crash
      (void)(*store)->Put(KurdistanArticle("k24"));
      _exit(2);  // not reached when the crash fires
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 42) << "crash_at=" << crash_at;
    RawDb raw(path);
    EXPECT_EQ(raw.RowsOf("k24"),
              "articles=0 paragraphs=0 actors=0 places=0 dates=0 events=0 ")
        << "crash_at=" << crash_at;
    EXPECT_EQ(raw.Text("PRAGMA integrity_check"), "ok");
  }
  // The resumed run.
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->Put(UndatedArticle()), PutOutcome::kUnchanged);
  EXPECT_EQ(*store->Put(KurdistanArticle("k24")), PutOutcome::kInserted);
  EXPECT_EQ(*store->CountArticles(), 2);
  EXPECT_EQ(*store->CountEvents(), 4);
  EXPECT_EQ(RawDb(path).RowsOf("k24"),
            "articles=1 paragraphs=3 actors=5 places=2 dates=2 events=3 ");
}

TEST(StoreTest, TwoConnectionsShareTheFile) {
  TempDir dir;
  const std::string path = dir.File("events.db");
  auto writer = OpenOrDie(path);
  auto reader = OpenOrDie(path);
  ASSERT_TRUE(writer && reader);
  EXPECT_EQ(*reader->CountEvents(), 0);
  ASSERT_TRUE(writer->Put(KurdistanArticle()).ok());
  EXPECT_EQ(*reader->CountEvents(), 3);
  EXPECT_EQ(*reader->Put(KurdistanArticle()), PutOutcome::kUnchanged);
}

// ------------------------------------------------------------ bad paths and
// files

TEST(StoreOpenTest, MissingDirectoryIsAnError) {
  TempDir dir;
  const std::string path = dir.File("no/such/dir/events.db");
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().input, path);
  EXPECT_NE(store.error().message.find("does not exist"), std::string::npos)
      << store.error().ToString();
}

TEST(StoreOpenTest, GarbageFileIsAnError) {
  TempDir dir;
  const std::string path = dir.File("garbage.db");
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 200; ++i)
      out << "this is not a SQLite database, just some text\n";
  }
  const auto size = fs::file_size(path);
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().input, path);
  EXPECT_NE(store.error().message.find("not a database"), std::string::npos)
      << store.error().ToString();
  EXPECT_EQ(fs::file_size(path), size);  // left as it was
}

TEST(StoreOpenTest, DirectoryInsteadOfFileIsAnError) {
  TempDir dir;
  auto store = Store::Open(dir.path());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().ToString().find(dir.path()), std::string::npos);
}

TEST(StoreOpenTest, ReadOnlyLocationIsAnError) {
  TempDir dir;
  std::string path;
  if (geteuid() == 0) {
    // root writes through file permissions; /proc refuses new files even to
    // root.
    path = "/proc/dateline_store_test.db";
  } else {
    const std::string ro = dir.File("ro");
    fs::create_directory(ro);
    fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
    path = ro + "/events.db";
  }
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().ToString().find(path), std::string::npos)
      << store.error().ToString();
}

TEST(StoreOpenTest, ForeignSqliteDatabaseIsRefused) {
  TempDir dir;
  const std::string path = dir.File("other.db");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE customers (name TEXT)", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("not a Dateline store"),
            std::string::npos)
      << store.error().ToString();
  EXPECT_EQ(RawDb(path).Long("SELECT count(*) FROM sqlite_schema"),
            1);  // untouched
}

TEST(StoreOpenTest, NewerSchemaIsRefused) {
  TempDir dir;
  const std::string path = dir.File("events.db");
  ASSERT_TRUE(OpenOrDie(path));
  RawDb(path).Exec("PRAGMA user_version = 99");
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("schema version 99"), std::string::npos)
      << store.error().ToString();
}

TEST(StoreOpenTest, EmptyFileIsMigrated) {
  TempDir dir;
  const std::string path = dir.File("empty.db");
  { std::ofstream out(path); }
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->CountArticles(), 0);
  EXPECT_EQ(RawDb(path).Long("PRAGMA user_version"), Store::SchemaVersion());
  EXPECT_EQ(RawDb(path).Long("PRAGMA application_id"), 0x444C5354);
}

}  // namespace
}  // namespace dateline
