// HttpServer: EventApi behind cpp-httplib (Debian's libcpp-httplib-dev), and
// the web page (web_files.h) at / beside it.
//
// Only GET is served; every answer but the page's files is JSON, errors
// included. Requests are bounded: the URI by httplib
// (CPPHTTPLIB_REQUEST_URI_MAX_LENGTH), bodies refused, each connection's read
// and write time limited, the query time by EventApi.
#include "serve/http_server.h"

#include <httplib.h>

#include <atomic>

#include "serve/web_files.h"

namespace dateline {

struct HttpServer::Impl {
  std::unique_ptr<EventApi> api;
  httplib::Server server;
  int port = 0;
  int threads = 4;
};

namespace {

void SendJson(httplib::Response& res, const ApiResponse& answer) {
  res.status = answer.status;
  res.set_content(answer.body, "application/json; charset=utf-8");
}

// The page's files (web/, embedded). The policy keeps the page to this server:
// it loads nothing from elsewhere, which is also how it works with the network
// off.
bool SendWebFile(const std::string& path, httplib::Response& res) {
  const WebFile* file = FindWebFile(path);
  if (file == nullptr) return false;
  res.status = 200;
  res.set_content(std::string(file->body), std::string(file->content_type));
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data:");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-cache");
  return true;
}

}  // namespace

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpServer::~HttpServer() { Stop(); }

Result<std::unique_ptr<HttpServer>> HttpServer::Create(
    const std::string& db_path, HttpServerOptions options) {
  auto impl = std::make_unique<Impl>();
  ASSIGN_OR_RETURN(auto api, EventApi::Create(db_path, options.api));
  impl->api = std::move(api);
  impl->threads = std::max(1, options.threads);
  httplib::Server& server = impl->server;
  const int threads = impl->threads;
  server.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  server.set_payload_max_length(
      4096);  // GET only: a request has no business with a body
  // Answers are written in pieces (headers, then body): without TCP_NODELAY
  // each one on a keep-alive connection waited for the client's delayed ACK, 40
  // ms a request on Linux.
  server.set_tcp_nodelay(true);
  server.set_read_timeout(5, 0);
  server.set_write_timeout(10, 0);
  EventApi* event_api =
      impl->api.get();  // owned by impl, which outlives the server's handlers
  server.Get(R"(/.*)", [event_api](const httplib::Request& req,
                                   httplib::Response& res) {
    if (req.path.rfind("/api/", 0) != 0 && SendWebFile(req.path, res)) return;
    SendJson(res, event_api->Get(req.path, req.params));
  });
  const auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
    SendJson(
        res,
        {405,
         R"json({"error":{"status":405,"message":"only GET is served (doc/api.md)"}})json"});
  };
  server.Post(R"(/.*)", not_allowed);
  server.Put(R"(/.*)", not_allowed);
  server.Delete(R"(/.*)", not_allowed);
  server.Patch(R"(/.*)", not_allowed);
  server.set_exception_handler([](const httplib::Request&,
                                  httplib::Response& res, std::exception_ptr) {
    SendJson(res,
             {500, R"({"error":{"status":500,"message":"internal error"}})"});
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    // httplib's own refusals (bad request line, URI too long, ...): keep its
    // status.
    if (res.body.empty()) {
      SendJson(res, {res.status,
                     "{\"error\":{\"status\":" + std::to_string(res.status) +
                         ",\"message\":\"the request was refused\"}}"});
    }
  });
  if (options.port < 0 || options.port > 65535) {
    return MakeError(options.host, "port " + std::to_string(options.port) +
                                       " is not a TCP port (0-65535)");
  }
  if (options.port == 0) {
    impl->port = server.bind_to_any_port(options.host);
    if (impl->port <= 0)
      return MakeError(options.host,
                       "cannot listen on any port of this address");
  } else {
    if (!server.bind_to_port(options.host, options.port)) {
      return MakeError(options.host + ":" + std::to_string(options.port),
                       "cannot listen there (address in use, or not an address "
                       "of this machine)");
    }
    impl->port = options.port;
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

int HttpServer::port() const { return impl_->port; }

bool HttpServer::Run() { return impl_->server.listen_after_bind(); }

void HttpServer::Stop() { impl_->server.stop(); }

}  // namespace dateline
