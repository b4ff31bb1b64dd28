// libFuzzer target for the HTTP API's request parsing: the input is a request
// target
// ("/api/events?country=IRQ&bbox=..."), split and percent-decoded as
// cpp-httplib does, answered by EventApi over a small store made on the first
// call. Every answer must be JSON with a status the API documents (doc/api.md);
// nothing may crash.
#include <unistd.h>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "core/article.h"
#include "serve/http_server.h"
#include "store/store.h"

namespace {

std::string Decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() &&
        std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(
          std::strtol(s.substr(i + 1, 2).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

dateline::EventApi* Api() {
  static std::unique_ptr<dateline::EventApi> api = [] {
    namespace fs = std::filesystem;
    const std::string dir = (fs::temp_directory_path() /
                             ("dateline_api_fuzz." + std::to_string(getpid())))
                                .string();
    fs::create_directories(dir);
    static std::string made = dir;  // removed at exit, with the store in it
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(made, ec);
    });
    const std::string db = dir + "/e.db";
    {
      auto store = dateline::Store::Open(db);
      if (!store.ok()) std::abort();
      dateline::CodedArticle c;
      c.document.id = "a1";
      c.document.url = "https://example.org/a1";
      c.document.content = "Iraqi forces attacked ISIS near Kirkuk.";
      c.article.published = dateline::PartialDate{2021, 6, 3};
      dateline::Paragraph p;
      p.text = c.document.content;
      p.end = p.text.size();
      dateline::AppendParagraph(c.article, p);
      dateline::Event e;
      e.cameo = "190";
      e.plover = dateline::Plover::kFight;
      e.source.actor.country = "IRQ";
      e.evidence = {0, p.text.size()};
      dateline::PlaceMention place;
      place.country = "IQ";
      place.lat = 35.47;
      place.lon = 44.39;
      place.precision = dateline::PlacePrecision::kPoint;
      e.place = place;
      c.events = {e};
      if (!(*store)->Put(c).ok()) std::abort();
    }
    auto created = dateline::EventApi::Create(db, dateline::ApiOptions());
    if (!created.ok()) std::abort();
    return std::move(*created);
  }();
  return api.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096)
    return 0;  // the server refuses long request lines before the API
  const std::string target(reinterpret_cast<const char*>(data), size);
  const size_t question = target.find('?');
  const std::string path = Decode(target.substr(0, question));
  std::multimap<std::string, std::string> params;
  if (question != std::string::npos) {
    const std::string query = target.substr(question + 1);
    size_t pos = 0;
    while (pos <= query.size()) {
      size_t amp = query.find('&', pos);
      if (amp == std::string::npos) amp = query.size();
      const std::string pair = query.substr(pos, amp - pos);
      const size_t eq = pair.find('=');
      if (!pair.empty())
        params.emplace(
            Decode(pair.substr(0, eq)),
            eq == std::string::npos ? "" : Decode(pair.substr(eq + 1)));
      pos = amp + 1;
    }
  }
  const dateline::ApiResponse r = Api()->Get(path, params);
  const nlohmann::json body = nlohmann::json::parse(r.body, nullptr, false);
  if (body.is_discarded()) std::abort();
  if (r.status != 200 && r.status != 400 && r.status != 404 && r.status != 503)
    std::abort();
  return 0;
}
