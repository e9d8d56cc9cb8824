#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "base/clock.hpp"
#include "cli/runtime.hpp"
#include "support/test_database.hpp"
#include "web/server.hpp"

namespace cercle::testing {

// The moment test clocks start at: Monday 2026-11-30 14:00 UTC.
constexpr Instant kTestStart{std::chrono::seconds(1796047200)};

// A real Cercle server on a loopback port, with a fresh database, its own key file and a manual
// clock.
class TestServer {
 public:
  struct Options {
    Backend backend = Backend::kSqlite;
    // Adjusts the configuration before start (limits, time-outs…).
    std::function<void(config::Config&)> configure;
    // On PostgreSQL, the server to use instead of the shared test server.
    std::optional<PostgresServer> postgres;
    // False for the app tests, which call the app layer directly: no socket is opened.
    bool listen = true;
  };

  explicit TestServer(Options options);
  TestServer() : TestServer(Options{}) {}
  ~TestServer();

  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  cli::Runtime& runtime() { return *runtime_; }
  // The application layer, for tests that call its functions without HTTP.
  const app::Services& app() { return runtime_->app(); }
  ManualClock& clock() { return *clock_; }
  TestDatabase& test_database() { return *database_; }
  // Stops the server gracefully (the destructor does it too).
  void Stop();

 private:
  std::unique_ptr<TestDatabase> database_;
  std::string folder_;
  std::shared_ptr<ManualClock> clock_;
  std::unique_ptr<cli::Runtime> runtime_;
  std::unique_ptr<web::Server> server_;
  int port_ = 0;
};

// A free TCP port on 127.0.0.1.
int FreePort();
// Waits until something listens on `port`.
void WaitForPort(int port);

// One HTTP answer as a test sees it.
struct HttpResult {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // lower-case names
  std::string body;
  // The first value of header `name` (lower case), or "".
  std::string Header(const std::string& name) const;
};

// A small HTTP client over libcurl that keeps cookies like a browser.
class HttpClient {
 public:
  explicit HttpClient(std::string base_url);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResult Get(const std::string& path, const std::map<std::string, std::string>& headers = {});
  // Loads `path` and returns the CSRF token its forms carry (the client keeps the CSRF cookie).
  std::string CsrfToken(const std::string& path = "/");
  // Posts form `fields` (URL-encoded) with the CSRF token of the page at `form_path`.
  HttpResult PostForm(const std::string& path,
                      const std::vector<std::pair<std::string, std::string>>& fields,
                      const std::string& form_path = "/");
  HttpResult Post(const std::string& path, const std::string& body,
                  const std::map<std::string, std::string>& headers = {},
                  const std::string& content_type = "application/x-www-form-urlencoded");
  // Stores cookie `name` with `value` for the server (Secure, Path=/, ending with the browser
  // session), replacing any cookie of that name, as if the server had set it.
  void SetCookie(const std::string& name, const std::string& value);
  // The value of the cookie `name` the client holds, if any.
  std::optional<std::string> Cookie(const std::string& name) const;

 private:
  HttpResult Perform(const std::string& method, const std::string& path, const std::string* body,
                     const std::map<std::string, std::string>& headers,
                     const std::string& content_type);
  std::string base_url_;
  void* curl_ = nullptr;
};

// Sends `bytes` on a new connection to `port` and returns everything the server sends back before
// it closes the connection or `wait` passes.
std::string RawExchange(int port, const std::string& bytes, std::chrono::milliseconds wait);

// The status code of the first response in raw HTTP bytes, or 0.
int RawStatus(const std::string& response);

// Runs `work` in one write transaction on organisation `organisation_id`'s scope of `server`'s
// database and returns its value: how the fixtures make records. Throws when the write fails.
template <class Work>
auto FixtureWrite(TestServer& server, std::int64_t organisation_id, Work&& work) {
  auto result = server.runtime().database().Write(store::Scope::Organisation(organisation_id),
                                                  std::forward<Work>(work));
  if (!result) throw std::runtime_error("fixture write failed: " + result.error().message.id);
  return std::move(result).value();
}

}  // namespace cercle::testing
