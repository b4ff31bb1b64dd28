// Tests of the HTTP API against a real server on loopback (an ephemeral port,
// cpp-httplib's client): every route, the filters, cursor pagination, 400s for
// malformed parameters, values that try SQL or FTS injection, and that the
// database is never written.
#include "serve/http_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "core/article.h"
#include "store/store.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// One article with one event: `sentence` is the whole body; the source and
// target are its first and last words, with the codes given.
CodedArticle Report(const std::string& id, const std::string& url,
                    const std::string& sentence,
                    const std::string& source_country,
                    const std::string& target_country, const std::string& cameo,
                    const std::string& plover, PartialDate day, double lat,
                    double lon) {
  CodedArticle c;
  c.document.id = id;
  c.document.url = url;
  c.document.content = sentence;
  c.article.published = day;
  c.article.title = "Report " + id;
  Paragraph p;
  p.text = sentence;
  p.start = 0;
  p.end = sentence.size();
  AppendParagraph(c.article, p);
  Event e;
  e.cameo = cameo;
  e.plover = *ParsePlover(plover);
  e.source.text = sentence.substr(0, sentence.find(' '));
  e.source.span = {0, e.source.text.size()};
  e.source.actor.country = source_country;
  e.source.actor.sectors = {"MIL"};
  e.target.text = sentence.substr(sentence.rfind(' ') + 1);
  e.target.actor.country = target_country;
  e.modality = Modality::kAsserted;
  e.evidence = {0, sentence.size()};
  e.trigger = "attacked";
  e.rules = {"events/verbs.txt:1 attack", "rule:place-in-sentence"};
  PlaceMention place;
  place.name = "Somewhere";
  place.country = "IQ";
  place.lat = lat;
  place.lon = lon;
  place.precision = PlacePrecision::kPoint;
  e.place = place;
  c.places = {place};
  c.events = {e};
  return c;
}

// Percent-encodes everything but unreserved characters (RFC 3986).
std::string Encode(const std::string& value) {
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class HttpServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string((fs::temp_directory_path() /
                            ("dateline_http_test." + std::to_string(getpid())))
                               .string());
    fs::create_directories(*dir_);
    db_ = new std::string(*dir_ + "/events.db");
    {
      auto store = Store::Open(*db_);
      ASSERT_TRUE(store.ok()) << store.error().ToString();
      // Two sites report one attack near Kirkuk a day apart ("Mosul" is 150 km
      // away: another event); a meeting in Erbil, with an accented word for
      // offsets.
      for (const CodedArticle& c :
           {Report("a1", "https://www.site-one.example/1",
                   "Iraqi forces attacked the Kirkuk checkpoint ISIS", "IRQ",
                   "", "190", "FIGHT", {2021, 6, 3}, 35.47, 44.39),
            Report("a2", "https://site-two.example/x",
                   "Iraqi soldiers attacked the checkpoint near Kirkuk ISIS",
                   "IRQ", "", "193", "FIGHT", {2021, 6, 4}, 35.50, 44.40),
            Report("a3", "https://site-two.example/y",
                   "Iraqi troops attacked Mosul ISIS", "IRQ", "", "190",
                   "FIGHT", {2021, 6, 3}, 36.34, 43.13),
            Report("a4", "https://site-three.example/z",
                   "Kurdish Peshmerga\xC3\xA9 met in Erbil USA", "IRQ", "USA",
                   "040", "CONSULT", {2021, 7, 1}, 36.19, 44.01)}) {
        auto put = (*store)->Put(c);
        ASSERT_TRUE(put.ok()) << put.error().ToString();
      }
    }
    db_bytes_ = new std::string(FileBytes(*db_));
    HttpServerOptions options;
    options.port = 0;  // an ephemeral port
    options.api.max_page = 50;
    auto server = HttpServer::Create(*db_, options);
    ASSERT_TRUE(server.ok()) << server.error().ToString();
    server_ = server->release();
    thread_ = new std::thread([] { server_->Run(); });
  }
  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    fs::remove_all(*dir_);
    delete dir_;
    delete db_;
    delete db_bytes_;
  }

  // GET `target`: the status and the parsed body (which must be JSON).
  std::pair<int, json> Get(const std::string& target) {
    httplib::Client client("127.0.0.1", server_->port());
    auto res = client.Get(target.c_str());
    EXPECT_TRUE(res) << target;
    if (!res) return {0, json()};
    EXPECT_EQ(res->get_header_value("Content-Type"),
              "application/json; charset=utf-8")
        << target;
    json body = json::parse(res->body, nullptr, false);
    EXPECT_FALSE(body.is_discarded()) << target << ": " << res->body;
    return {res->status, body};
  }

  static std::string* dir_;
  static std::string* db_;
  static std::string* db_bytes_;
  static HttpServer* server_;
  static std::thread* thread_;
};

std::string* HttpServerTest::dir_ = nullptr;
std::string* HttpServerTest::db_ = nullptr;
std::string* HttpServerTest::db_bytes_ = nullptr;
HttpServer* HttpServerTest::server_ = nullptr;
std::thread* HttpServerTest::thread_ = nullptr;

TEST_F(HttpServerTest, ListsEventGroupsWithTheirReports) {
  auto [status, body] = Get("/api/events");
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["total"], 3);  // the Kirkuk attack told twice, Mosul, Erbil
  EXPECT_TRUE(body["next"].is_null());
  ASSERT_EQ(body["events"].size(), 3u);
  const json& kirkuk = body["events"][0];
  EXPECT_EQ(kirkuk["counts"]["reports"], 2);
  EXPECT_EQ(kirkuk["counts"]["articles"], 2);
  EXPECT_EQ(kirkuk["counts"]["sources"], 2);
  EXPECT_EQ(kirkuk["date"]["first"], "2021-06-03");
  EXPECT_EQ(kirkuk["date"]["last"], "2021-06-04");
  ASSERT_EQ(kirkuk["reports"].size(), 2u);
  EXPECT_EQ(kirkuk["reports"][1]["article_id"], "a2");
  EXPECT_EQ(kirkuk["reports"][0]["rules"][0], "events/verbs.txt:1 attack");
  EXPECT_EQ(body["events"][1]["counts"]["reports"], 1);
}

TEST_F(HttpServerTest, PagesWithACursorInAStableOrder) {
  std::vector<long> ids;
  std::string target = "/api/events?limit=1";
  for (int page = 0; page < 5; ++page) {
    auto [status, body] = Get(target);
    ASSERT_EQ(status, 200) << body;
    EXPECT_EQ(body["total"], 3);
    ASSERT_EQ(body["events"].size(), 1u);
    ids.push_back(body["events"][0]["id"]);
    if (body["next"].is_null()) break;
    target =
        "/api/events?limit=1&cursor=" + Encode(body["next"].get<std::string>());
  }
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(std::set<long>(ids.begin(), ids.end()).size(), 3u);
  auto [status, all] = Get("/api/events?limit=3");
  for (size_t i = 0; i < ids.size(); ++i)
    EXPECT_EQ(all["events"][i]["id"], ids[i]);
}

TEST_F(HttpServerTest, Filters) {
  const auto total = [&](const std::string& query) {
    auto [status, body] = Get("/api/events?" + query);
    EXPECT_EQ(status, 200) << query << ": " << body;
    return body["total"].get<long>();
  };
  EXPECT_EQ(total("country=IRQ"), 3);
  EXPECT_EQ(total("country=usa"), 1);
  EXPECT_EQ(total("actor=USA"), 1);
  EXPECT_EQ(total("actor=KURDISH"), 1);  // words of the name, any case
  EXPECT_EQ(total("type=FIGHT"), 2);
  EXPECT_EQ(total("cameo=19"), 2);
  EXPECT_EQ(total("cameo=193"), 1);
  EXPECT_EQ(total("since=2021-07"), 1);
  EXPECT_EQ(total("until=2021-06-03"), 2);
  EXPECT_EQ(total("bbox=44,35,45,36"), 1);  // around Kirkuk
  EXPECT_EQ(total("q=checkpoint"), 1);
  EXPECT_EQ(total("q=Mosul%20troops"), 1);
  EXPECT_EQ(total("q=Mosul%20checkpoint"), 0);
  EXPECT_EQ(total("acled=Battles"), 0);
}

TEST_F(HttpServerTest, OneEventWithEveryReport) {
  auto [list_status, list] = Get("/api/events?q=checkpoint");
  const long id = list["events"][0]["id"];
  auto [status, body] = Get("/api/events/" + std::to_string(id));
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["id"], id);
  ASSERT_EQ(body["reports"].size(), 2u);
  EXPECT_EQ(body["reports"][0]["evidence"]["start"], 0);
  EXPECT_EQ(body["reports"][0]["trigger"], "attacked");
  EXPECT_EQ(Get("/api/events/999999").first, 404);
  EXPECT_EQ(Get("/api/events/abc").first, 400);
}

TEST_F(HttpServerTest, ArticleTextWithItsSpansInCodePoints) {
  auto [status, body] = Get("/api/articles/a4");
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["text"], "Kurdish Peshmerga\xC3\xA9 met in Erbil USA");
  ASSERT_EQ(body["events"].size(), 1u);
  EXPECT_EQ(body["events"][0]["start"], 0);
  EXPECT_EQ(body["events"][0]["end"],
            35);  // 36 bytes, one of them a continuation
  EXPECT_EQ(Get("/api/articles/nope").first, 404);
}

TEST_F(HttpServerTest, Stats) {
  auto [status, body] = Get("/api/stats?by=type");
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["counts"][0], json({{"key", "FIGHT"}, {"count", 2}}));
  EXPECT_EQ(body["counts"][1], json({{"key", "CONSULT"}, {"count", 1}}));
  auto [day_status, days] = Get("/api/stats?by=day&type=FIGHT");
  ASSERT_EQ(day_status, 200) << days;
  EXPECT_EQ(days["counts"], json::parse(R"([{"key":"2021-06-03","count":2}])"));
  auto [country_status, countries] = Get("/api/stats?by=country");
  EXPECT_EQ(countries["counts"][0], json({{"key", "IRQ"}, {"count", 3}}));
  EXPECT_EQ(countries["counts"][1], json({{"key", "USA"}, {"count", 1}}));
}

TEST_F(HttpServerTest, StatsByPlaceGiveADotPerPlace) {
  auto [status, body] = Get("/api/stats?by=place");
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["by"], "place");
  // The Kirkuk event's two reports are two places (35.47,44.39 and 35.5,44.4):
  // it counts under each, so the total is 4 dots' worth for 3 events.
  ASSERT_EQ(body["counts"].size(), 4u) << body;
  EXPECT_EQ(body["total"], 4);
  for (const json& row : body["counts"]) {
    EXPECT_EQ(row["name"], "Somewhere");
    EXPECT_EQ(row["country"], "IQ");
    EXPECT_EQ(row["count"], 1);
    EXPECT_TRUE(row["lat"].is_number() && row["lon"].is_number()) << row;
  }
  auto [erbil_status, erbil] = Get("/api/stats?by=place&type=CONSULT");
  ASSERT_EQ(erbil_status, 200) << erbil;
  ASSERT_EQ(erbil["counts"].size(), 1u) << erbil;
  EXPECT_DOUBLE_EQ(erbil["counts"][0]["lat"].get<double>(), 36.19);
  EXPECT_DOUBLE_EQ(erbil["counts"][0]["lon"].get<double>(), 44.01);
  auto [empty_status, empty] = Get("/api/stats?by=place&bbox=0,0,1,1");
  ASSERT_EQ(empty_status, 200) << empty;
  EXPECT_TRUE(empty["counts"].empty()) << empty;
}

TEST_F(HttpServerTest, ServesTheEmbeddedWebPage) {
  httplib::Client client("127.0.0.1", server_->port());
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<title>Dateline</title>"), std::string::npos);
  // Nothing from elsewhere: the policy confines the page to this server.
  EXPECT_EQ(page->get_header_value("Content-Security-Policy")
                .rfind("default-src 'self'", 0),
            0u);
  for (const char* path :
       {"/js/app.js", "/vendor/d3.min.js", "/vendor/topojson-client.min.js"}) {
    auto res = client.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path;
    EXPECT_EQ(res->get_header_value("Content-Type"),
              "text/javascript; charset=utf-8")
        << path;
    EXPECT_GT(res->body.size(), 100u) << path;
  }
  auto basemap = client.Get("/vendor/countries-50m.json");
  ASSERT_TRUE(basemap);
  EXPECT_EQ(basemap->status, 200);
  EXPECT_FALSE(json::parse(basemap->body, nullptr, false).is_discarded());
  EXPECT_EQ(Get("/no-such-file.js").first, 404);
}

TEST_F(HttpServerTest, MalformedParametersAre400WithAJsonError) {
  for (const char* target :
       {"/api/events?limit=0", "/api/events?limit=51", "/api/events?limit=ten",
        "/api/events?since=2021-13-01", "/api/events?until=yesterday",
        "/api/events?bbox=1,2,3", "/api/events?bbox=10,0,5,1",
        "/api/events?bbox=a,b,c,d", "/api/events?country=IRAQ",
        "/api/events?cameo=abc", "/api/events?cursor=garbage",
        "/api/events?colour=red", "/api/events?type=F1GHT",
        "/api/events?limit=1&limit=2", "/api/stats?by=week",
        "/api/events/1?limit=2", "/api/events?q=attacked%00ISIS",
        "/api/events?actor=%FE%FF", "/api/events?q=a%0Ab"}) {
    auto [status, body] = Get(target);
    EXPECT_EQ(status, 400) << target;
    EXPECT_EQ(body["error"]["status"], 400) << target;
    EXPECT_TRUE(body["error"]["message"].is_string()) << target;
  }
  EXPECT_EQ(Get("/api/nothing").first, 404);
  httplib::Client client("127.0.0.1", server_->port());
  auto res = client.Post("/api/events", "{}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
}

TEST_F(HttpServerTest, InjectionAttemptsAreOnlyValues) {
  const auto total = [&](const std::string& query) {
    auto [status, body] = Get("/api/events?" + query);
    EXPECT_EQ(status, 200) << query << ": " << body;
    return body["total"].is_number() ? body["total"].get<long>() : -1;
  };
  const std::string sql = Encode("x' OR '1'='1'; DROP TABLE events; --");
  EXPECT_EQ(total("actor=" + sql), 0);
  EXPECT_EQ(total("acled=" + sql), 0);
  EXPECT_EQ(total("q=" + sql), 0);
  // FTS5 operators and syntax are words to match, not a query language.
  EXPECT_EQ(total("q=" + Encode("checkpoint OR Mosul")), 0);
  EXPECT_EQ(total("q=" + Encode("\"unbalanced NEAR(")), 0);
  EXPECT_EQ(total("q=" + Encode("check*")), 0);
  EXPECT_EQ(Get("/api/articles/" + Encode("a1' OR '1'='1")).first, 404);
  EXPECT_EQ(total(""), 3);  // all still there
}

TEST_F(HttpServerTest, TheDatabaseIsNeverWritten) {
  Get("/api/events?q=checkpoint");
  Get("/api/stats?by=day");
  EXPECT_EQ(FileBytes(*db_), *db_bytes_);
  EXPECT_FALSE(fs::exists(*db_ + "-journal"));
}

TEST(EventApiTest, AMissingDatabaseIsNotCreated) {
  const std::string path =
      (fs::temp_directory_path() /
       ("dateline_http_missing." + std::to_string(getpid())))
          .string();
  auto api = EventApi::Create(path, ApiOptions());
  ASSERT_FALSE(api.ok());
  EXPECT_NE(api.error().ToString().find(path), std::string::npos);
  EXPECT_FALSE(fs::exists(path));
}

TEST(EventApiTest, AQueryOverItsTimeBoundIs503) {
  const std::string dir = (fs::temp_directory_path() /
                           ("dateline_api_slow." + std::to_string(getpid())))
                              .string();
  fs::create_directories(dir);
  const std::string db = dir + "/e.db";
  {
    auto store = Store::Open(db);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)
                    ->Put(Report("b1", "", "Iraqi forces attacked ISIS", "IRQ",
                                 "", "190", "FIGHT", {2020, 1, 2}, 33.3, 44.4))
                    .ok());
  }
  // 50,000 copies of the report, each an event of its own, written directly: a
  // filter that reads every row takes far longer than a millisecond.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  const char* copies =
      "DROP TRIGGER events_fts_insert;"
      " CREATE TEMP TABLE n AS WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL "
      "SELECT i + 1 FROM c WHERE i < 50000)"
      " SELECT i FROM c;"
      " CREATE TEMP TABLE copy AS SELECT * FROM events, n;"
      " UPDATE copy SET idx = i, group_id = NULL;"
      " ALTER TABLE copy DROP COLUMN id; ALTER TABLE copy DROP COLUMN i;"
      " INSERT INTO events SELECT NULL, copy.* FROM copy;"
      " UPDATE events SET group_id = id WHERE group_id IS NULL;";
  char* message = nullptr;
  EXPECT_EQ(sqlite3_exec(raw, copies, nullptr, nullptr, &message), SQLITE_OK)
      << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(raw);
  ApiOptions options;
  options.query_timeout_ms = 1;
  auto api = EventApi::Create(db, options);
  ASSERT_TRUE(api.ok()) << api.error().ToString();
  const ApiResponse r =
      (*api)->Get("/api/stats", {{"by", "country"}, {"actor", "nobody"}});
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_NE(r.body.find("took longer than 1 ms"), std::string::npos) << r.body;
  fs::remove_all(dir);
}

TEST(EventApiTest, HandlersAnswerWithoutANetwork) {
  const std::string dir = (fs::temp_directory_path() /
                           ("dateline_api_test." + std::to_string(getpid())))
                              .string();
  fs::create_directories(dir);
  {
    auto store = Store::Open(dir + "/e.db");
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)
                    ->Put(Report("b1", "", "Iraqi forces attacked ISIS", "IRQ",
                                 "", "190", "FIGHT", {2020, 1, 2}, 33.3, 44.4))
                    .ok());
  }
  auto api = EventApi::Create(dir + "/e.db", ApiOptions());
  ASSERT_TRUE(api.ok()) << api.error().ToString();
  const ApiResponse r = (*api)->Get("/api/events", {{"type", "fight"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body)["total"], 1);
  EXPECT_EQ((*api)->Get("/api/events", {{"limit", "-1"}}).status, 400);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dateline
