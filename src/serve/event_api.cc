// EventApi: the routes of doc/api.md over a pool of read-only Stores.
//
// Every parameter is checked here before it reaches the store, which binds each
// value as an SQL parameter; a malformed one is a 400 naming the parameter.
#include <cctype>
#include <cmath>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <vector>

#include "core/date.h"
#include "core/utf8.h"
#include "serve/http_server.h"
#include "serve/serve.h"
#include "store/store.h"

namespace dateline {

using json = nlohmann::json;
using Params = std::multimap<std::string, std::string>;

namespace {

ApiResponse JsonResponse(int status, const json& body) {
  return {status, body.dump(-1, ' ', false, json::error_handler_t::replace)};
}

ApiResponse ErrorResponse(int status, const std::string& message,
                          const std::string& parameter = "") {
  json error = {{"status", status}, {"message", message}};
  if (!parameter.empty()) error["parameter"] = parameter;
  return JsonResponse(status, {{"error", error}});
}

// A 400 about one parameter, carried out of the parsing functions.
struct BadParameter {
  std::string parameter, message;
};

// The one value of `name`, or nullopt; a repeated name is a BadParameter.
std::optional<std::string> Single(const Params& params, const std::string& name,
                                  std::optional<BadParameter>* bad) {
  const auto [first, last] = params.equal_range(name);
  if (first == last) return std::nullopt;
  if (std::next(first) != last)
    *bad = BadParameter{name, "given more than once"};
  return first->second;
}

bool IsAlpha(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllOf(const std::string& s, bool (*test)(char)) {
  for (char c : s)
    if (!test(c)) return false;
  return !s.empty();
}

std::string Upper(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "minlon,minlat,maxlon,maxlat", four finite numbers within the Earth's range.
std::optional<std::array<double, 4>> ParseBbox(const std::string& text) {
  std::array<double, 4> v{};
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    const size_t comma = i < 3 ? text.find(',', pos) : text.size();
    if (comma == std::string::npos) return std::nullopt;
    const std::string part = text.substr(pos, comma - pos);
    char* end = nullptr;
    v[i] = std::strtod(part.c_str(), &end);
    if (part.empty() || *end != '\0' || !std::isfinite(v[i]))
      return std::nullopt;
    pos = comma + 1;
  }
  if (pos <= text.size() && text.find(',', pos) != std::string::npos)
    return std::nullopt;
  const bool lons = v[0] >= -180 && v[2] <= 180 && v[0] <= v[2];
  const bool lats = v[1] >= -90 && v[3] <= 90 && v[1] <= v[3];
  if (!lons || !lats) return std::nullopt;
  return v;
}

constexpr size_t kMaxTextParameter =
    200;                             // bytes; names and search words are short
constexpr size_t kMaxPlaces = 2000;  // dots on the page's map (by=place)

// The filters of /api/events and /api/stats into `q`; `allowed` gets the names
// read.
std::optional<BadParameter> ParseFilters(const Params& params, GroupQuery* q) {
  std::optional<BadParameter> bad;
  const auto get = [&](const char* name) {
    return Single(params, name, &bad).value_or("");
  };
  for (const auto& [name, value] : params) {
    if (value.size() > kMaxTextParameter)
      return BadParameter{name, "longer than 200 bytes"};
    if (FindInvalidUtf8(value) != std::string::npos)
      return BadParameter{name, "is not valid UTF-8"};
    for (char c : value) {
      if (static_cast<unsigned char>(c) < 0x20)
        return BadParameter{name, "holds a control character"};
    }
  }
  q->country = Upper(get("country"));
  if (!q->country.empty() &&
      (q->country.size() != 3 || !AllOf(q->country, IsAlpha))) {
    return BadParameter{"country",
                        "must be an ISO 3166-1 alpha-3 code such as IRQ"};
  }
  q->actor = get("actor");
  q->plover = Upper(get("type"));
  if (!q->plover.empty() &&
      q->plover.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ_") !=
          std::string::npos) {
    return BadParameter{"type", "must be a PLOVER category such as CONSULT"};
  }
  q->cameo = get("cameo");
  if (!q->cameo.empty() && (q->cameo.size() > 4 || !AllOf(q->cameo, IsDigit))) {
    return BadParameter{"cameo",
                        "must be a CAMEO code or prefix of 1 to 4 digits"};
  }
  q->acled = get("acled");
  for (const char* name : {"since", "until"}) {
    const std::string date = get(name);
    if (!date.empty() && !ParseIsoDate(date))
      return BadParameter{name, "must be a date: YYYY, YYYY-MM or YYYY-MM-DD"};
    (std::string(name) == "since" ? q->since : q->until) = date;
  }
  if (const std::string bbox = get("bbox"); !bbox.empty()) {
    q->bbox = ParseBbox(bbox);
    if (!q->bbox) {
      return BadParameter{
          "bbox", "must be minlon,minlat,maxlon,maxlat in degrees, min <= max"};
    }
  }
  q->text = get("q");
  return bad;
}

std::optional<BadParameter> CheckKnown(const Params& params,
                                       const std::set<std::string>& known) {
  for (const auto& [name, value] : params) {
    if (!known.count(name))
      return BadParameter{name, "is not a parameter of this route"};
  }
  return std::nullopt;
}

const std::set<std::string> kFilterNames = {"country", "actor", "type",
                                            "cameo",   "acled", "since",
                                            "until",   "bbox",  "q"};

std::vector<std::string> SplitRules(const std::string& rules) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < rules.size()) {
    size_t end = rules.find("; ", pos);
    if (end == std::string::npos) end = rules.size();
    out.push_back(rules.substr(pos, end - pos));
    pos = end + 2;
  }
  return out;
}

// Code points in body[0, byte_offset): the offsets the API gives (as
// doc/record.md).
long CodePoints(const std::string& body, size_t byte_offset) {
  long n = 0;
  for (size_t i = 0; i < byte_offset && i < body.size(); ++i) {
    n += (static_cast<unsigned char>(body[i]) & 0xC0) != 0x80;
  }
  return n;
}

}  // namespace

struct EventApi::Impl {
  std::string db_path;
  ApiOptions options;
  std::mutex mu;
  std::vector<std::unique_ptr<Store>> idle;  // guarded by mu

  Result<std::unique_ptr<Store>> Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!idle.empty()) {
        std::unique_ptr<Store> s = std::move(idle.back());
        idle.pop_back();
        return s;
      }
    }
    StoreOptions o;
    o.read_only = true;
    o.query_timeout_ms = options.query_timeout_ms;
    return Store::Open(db_path, o);
  }
  void Release(std::unique_ptr<Store> s) {
    std::lock_guard<std::mutex> lock(mu);
    idle.push_back(std::move(s));
  }

  ApiResponse StoreFailure(const Store& store, const Error& error) const {
    if (store.timed_out()) {
      return ErrorResponse(503, "the query took longer than " +
                                    std::to_string(options.query_timeout_ms) +
                                    " ms; narrow the filters");
    }
    return ErrorResponse(500, error.ToString());
  }

  // Article bodies, read once per request, for code point offsets.
  const std::string& Body(Store& store, const std::string& article_id,
                          std::map<std::string, std::string>* cache) {
    auto it = cache->find(article_id);
    if (it != cache->end()) return it->second;
    std::string body;
    if (auto a = store.GetArticle(article_id); a.ok() && a->has_value())
      body = std::move((*a)->body);
    return cache->emplace(article_id, std::move(body)).first->second;
  }

  json ReportJson(Store& store, const StoredEvent& e,
                  std::map<std::string, std::string>* bodies) {
    json j = StoredEventJson(e);
    j.erase("group");
    j["id"] = e.event_id;
    j["index"] = e.index;
    j["trigger"] = e.trigger;
    j["rules"] = SplitRules(e.rules);
    const std::string& body = Body(store, e.article_id, bodies);
    j["evidence"] = {{"text", e.evidence},
                     {"start", CodePoints(body, e.evidence_start)},
                     {"end", CodePoints(body, e.evidence_end)}};
    return j;
  }

  // One group: what its first report says, its counts and every report.
  json GroupJson(Store& store, const StoredGroup& g,
                 std::map<std::string, std::string>* bodies) {
    json j = {
        {"id", g.id},
        {"date",
         {{"first", g.date_first.empty() ? json(nullptr) : json(g.date_first)},
          {"last", g.date_last.empty() ? json(nullptr) : json(g.date_last)}}},
        {"counts",
         {{"reports", g.reports},
          {"articles", g.articles},
          {"sources", g.sources}}}};
    if (!g.events.empty()) {
      const json first = StoredEventJson(g.events.front());
      for (const char* key : {"cameo", "cameo_name", "plover", "acled",
                              "source", "target", "place"}) {
        j[key] = first[key];
      }
    }
    json reports = json::array();
    for (const StoredEvent& e : g.events)
      reports.push_back(ReportJson(store, e, bodies));
    j["reports"] = std::move(reports);
    return j;
  }

  ApiResponse Events(Store& store, const Params& params);
  ApiResponse Event(Store& store, const std::string& id);
  ApiResponse Stats(Store& store, const Params& params);
  ApiResponse PlaceStats(Store& store, const GroupQuery& q);
  ApiResponse Article(Store& store, const std::string& id);
};

ApiResponse EventApi::Impl::Events(Store& store, const Params& params) {
  std::set<std::string> known = kFilterNames;
  known.insert({"limit", "cursor"});
  if (auto bad = CheckKnown(params, known))
    return ErrorResponse(400, bad->message, bad->parameter);
  GroupQuery q;
  if (auto bad = ParseFilters(params, &q))
    return ErrorResponse(400, bad->parameter + " " + bad->message,
                         bad->parameter);
  std::optional<BadParameter> bad;
  q.limit = options.default_page;
  if (auto limit = Single(params, "limit", &bad)) {
    char* end = nullptr;
    const long n = std::strtol(limit->c_str(), &end, 10);
    if (limit->empty() || *end != '\0' || n < 1 ||
        static_cast<size_t>(n) > options.max_page) {
      return ErrorResponse(400,
                           "limit must be a whole number from 1 to " +
                               std::to_string(options.max_page),
                           "limit");
    }
    q.limit = static_cast<size_t>(n);
  }
  if (auto cursor = Single(params, "cursor", &bad)) {
    if (!Store::IsValidCursor(*cursor))
      return ErrorResponse(400, "cursor is not a cursor this API returned",
                           "cursor");
    q.after = *cursor;
  }
  if (bad)
    return ErrorResponse(400, bad->parameter + " " + bad->message,
                         bad->parameter);
  auto page = store.QueryGroups(q);
  if (!page.ok()) return StoreFailure(store, page.error());
  std::map<std::string, std::string> bodies;
  json events = json::array();
  for (const StoredGroup& g : page->groups)
    events.push_back(GroupJson(store, g, &bodies));
  return JsonResponse(
      200, {{"events", std::move(events)},
            {"total", page->total},
            {"next", page->next.empty() ? json(nullptr) : json(page->next)}});
}

ApiResponse EventApi::Impl::Event(Store& store, const std::string& id) {
  if (id.empty() || id.size() > 18 || !AllOf(id, IsDigit)) {
    return ErrorResponse(400, "an event id is a whole number", "id");
  }
  auto group = store.GetGroup(std::stol(id));
  if (!group.ok()) return StoreFailure(store, group.error());
  if (!group->has_value()) return ErrorResponse(404, "no event " + id);
  std::map<std::string, std::string> bodies;
  return JsonResponse(200, GroupJson(store, **group, &bodies));
}

ApiResponse EventApi::Impl::Stats(Store& store, const Params& params) {
  std::set<std::string> known = kFilterNames;
  known.insert("by");
  if (auto bad = CheckKnown(params, known))
    return ErrorResponse(400, bad->message, bad->parameter);
  GroupQuery q;
  if (auto bad = ParseFilters(params, &q))
    return ErrorResponse(400, bad->parameter + " " + bad->message,
                         bad->parameter);
  std::optional<BadParameter> bad;
  const std::string by_name = Single(params, "by", &bad).value_or("day");
  if (bad)
    return ErrorResponse(400, bad->parameter + " " + bad->message,
                         bad->parameter);
  if (by_name == "place") return PlaceStats(store, q);
  GroupStatsBy by;
  if (by_name == "day") {
    by = GroupStatsBy::kDay;
  } else if (by_name == "country") {
    by = GroupStatsBy::kCountry;
  } else if (by_name == "type") {
    by = GroupStatsBy::kType;
  } else {
    return ErrorResponse(400, "by must be day, country, type or place", "by");
  }
  auto counts = store.CountGroups(q, by);
  if (!counts.ok()) return StoreFailure(store, counts.error());
  json rows = json::array();
  long total = 0;
  for (const auto& [key, n] : *counts) {
    rows.push_back({{"key", key}, {"count", n}});
    total += n;
  }
  return JsonResponse(
      200, {{"by", by_name}, {"counts", std::move(rows)}, {"total", total}});
}

// by=place: what the page's map draws, a dot per place however many events
// match, so the page stays light on a large store (doc/api.md).
ApiResponse EventApi::Impl::PlaceStats(Store& store, const GroupQuery& q) {
  auto places = store.CountGroupsByPlace(q, kMaxPlaces);
  if (!places.ok()) return StoreFailure(store, places.error());
  json rows = json::array();
  long total = 0;
  for (const PlaceCount& p : *places) {
    rows.push_back({{"key", p.name},
                    {"name", p.name},
                    {"country", p.country},
                    {"lat", p.lat},
                    {"lon", p.lon},
                    {"count", p.count}});
    total += p.count;
  }
  return JsonResponse(
      200, {{"by", "place"}, {"counts", std::move(rows)}, {"total", total}});
}

ApiResponse EventApi::Impl::Article(Store& store, const std::string& id) {
  auto article = store.GetArticle(id);
  if (!article.ok()) return StoreFailure(store, article.error());
  if (!article->has_value())
    return ErrorResponse(404, "no article \"" + id + "\"");
  const StoredArticle& a = **article;
  EventQuery q;
  q.article_id = id;
  q.limit = 0;
  auto events = store.QueryEvents(q);
  if (!events.ok()) return StoreFailure(store, events.error());
  json spans = json::array();
  for (const StoredEvent& e : *events) {
    spans.push_back({{"id", e.event_id},
                     {"index", e.index},
                     {"event", e.group_id},
                     {"cameo", e.cameo},
                     {"plover", PloverName(e.plover)},
                     {"start", CodePoints(a.body, e.evidence_start)},
                     {"end", CodePoints(a.body, e.evidence_end)},
                     {"trigger", e.trigger}});
  }
  const auto opt = [](const std::string& s) {
    return s.empty() ? json(nullptr) : json(s);
  };
  return JsonResponse(200, {{"id", a.id},
                            {"url", opt(a.url)},
                            {"title", a.title},
                            {"section", a.section},
                            {"dateline", a.dateline},
                            {"published", opt(a.published)},
                            {"authors", a.authors},
                            {"tags", a.tags},
                            {"coded_at", a.coded_at},
                            {"text", a.body},
                            {"events", std::move(spans)}});
}

EventApi::EventApi(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventApi::~EventApi() = default;

Result<std::unique_ptr<EventApi>> EventApi::Create(const std::string& db_path,
                                                   ApiOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->db_path = db_path;
  impl->options = options;
  // Fails now, with the reason, rather than on each request.
  ASSIGN_OR_RETURN(auto store, impl->Acquire());
  impl->Release(std::move(store));
  return std::unique_ptr<EventApi>(new EventApi(std::move(impl)));
}

ApiResponse EventApi::Get(const std::string& path, const Params& params) {
  constexpr std::string_view kEvents = "/api/events",
                             kArticles = "/api/articles/";
  const std::string_view p = path;
  enum class Route { kEvents, kEvent, kStats, kArticle } route;
  std::string id;
  if (p == kEvents || p == "/api/events/") {
    route = Route::kEvents;
  } else if (p.substr(0, kEvents.size() + 1) == "/api/events/" &&
             p.find('/', kEvents.size() + 1) == std::string_view::npos) {
    route = Route::kEvent;
    id = std::string(p.substr(kEvents.size() + 1));
  } else if (p == "/api/stats") {
    route = Route::kStats;
  } else if (p.substr(0, kArticles.size()) == kArticles &&
             p.size() > kArticles.size()) {
    route = Route::kArticle;
    id = std::string(p.substr(kArticles.size()));
  } else {
    return ErrorResponse(404, "no such route: " + path + " (see doc/api.md)");
  }
  if ((route == Route::kEvent || route == Route::kArticle) && !params.empty()) {
    return ErrorResponse(400, "is not a parameter of this route",
                         params.begin()->first);
  }
  auto store = impl_->Acquire();
  if (!store.ok()) return ErrorResponse(500, store.error().ToString());
  ApiResponse r;
  switch (route) {
    case Route::kEvents:
      r = impl_->Events(**store, params);
      break;
    case Route::kEvent:
      r = impl_->Event(**store, id);
      break;
    case Route::kStats:
      r = impl_->Stats(**store, params);
      break;
    case Route::kArticle:
      r = impl_->Article(**store, id);
      break;
  }
  impl_->Release(std::move(*store));
  return r;
}

}  // namespace dateline
