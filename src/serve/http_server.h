// The HTTP API (`dateline serve`): stored events as JSON over HTTP, read-only.
// The routes, parameters and responses are documented in doc/api.md.
//
// EventApi answers a request (a path and its decoded query parameters) with a
// status and a JSON body, with no network involved, so the handlers can be
// tested alone; HttpServer puts it behind cpp-httplib on a socket, with the web
// page (web/, embedded at build time) at / and its files beside it. Both open
// the database read-only (SQLITE_OPEN_READONLY): they never create, migrate or
// alter it.
//
// Thread-safety: EventApi::Get may be called from several threads at once (each
// call borrows a read-only Store from a pool). HttpServer::Stop may be called
// from any thread; Run blocks the calling thread until then.
#ifndef DATELINE_SERVE_HTTP_SERVER_H_
#define DATELINE_SERVE_HTTP_SERVER_H_

#include <map>
#include <memory>
#include <string>

#include "core/error.h"

namespace dateline {

struct ApiOptions {
  size_t default_page = 20;     // groups per page when `limit` is not given
  size_t max_page = 100;        // the largest `limit` accepted
  int query_timeout_ms = 2000;  // a query running longer fails with 503
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON: the answer, or {"error": {"status", "message",
                     // "parameter"?}}
};

class EventApi {
 public:
  // Opens `db_path` read-only once to check it (exists, is a Dateline store of
  // this program's schema version); the Error names the path and the problem.
  static Result<std::unique_ptr<EventApi>> Create(const std::string& db_path,
                                                  ApiOptions options);
  ~EventApi();
  EventApi(const EventApi&) = delete;
  EventApi& operator=(const EventApi&) = delete;

  // Answers GET `path` ("/api/events", "/api/events/12", ...) with the query
  // parameters `params` (URL-decoded; a name may appear more than once, which
  // is an error). Unknown paths give 404, malformed parameters 400, a query
  // over the time bound 503, a database failure 500.
  ApiResponse Get(const std::string& path,
                  const std::multimap<std::string, std::string>& params);

 private:
  struct Impl;
  explicit EventApi(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct HttpServerOptions {
  std::string host = "127.0.0.1";  // loopback unless asked otherwise
  int port = 8080;                 // 0: any free port (see HttpServer::port)
  int threads = 4;                 // requests served at once
  ApiOptions api;
};

class HttpServer {
 public:
  // Opens the API on `db_path` and binds the socket; the Error says which
  // failed (the database, or the address and port).
  static Result<std::unique_ptr<HttpServer>> Create(const std::string& db_path,
                                                    HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const;  // the bound port
  // Serves requests until Stop; returns false when the server failed.
  bool Run();
  // Stops Run (from any thread; not from a signal handler).
  void Stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dateline

#endif  // DATELINE_SERVE_HTTP_SERVER_H_
