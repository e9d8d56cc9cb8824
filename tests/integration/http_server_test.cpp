// The HTTP server over a real socket: pages, limits, errors, headers, metrics, logs and graceful
// shutdown.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <future>
#include <regex>
#include <sstream>
#include <thread>

#include "support/test_server.hpp"
#include "web/context.hpp"
#include "web/layout.hpp"
#include "web/routes.hpp"

namespace cercle::testing {
namespace {

// Captures what the server logs, to check the access log and incident ids.
class LogCapture {
 public:
  LogCapture() : sink_(std::make_shared<spdlog::sinks::ostream_sink_mt>(stream_)) {
    previous_ = spdlog::default_logger();
    auto logger = std::make_shared<spdlog::logger>("capture", sink_);
    logger->set_level(spdlog::level::info);
    spdlog::set_default_logger(logger);
  }
  ~LogCapture() { spdlog::set_default_logger(previous_); }
  std::string text() const { return stream_.str(); }

 private:
  std::ostringstream stream_;
  std::shared_ptr<spdlog::sinks::ostream_sink_mt> sink_;
  std::shared_ptr<spdlog::logger> previous_;
};

void ExpectSecurityHeaders(const HttpResult& result) {
  const std::string policy = result.Header("content-security-policy");
  EXPECT_NE(policy.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(result.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(result.Header("referrer-policy"), "no-referrer");
}

TEST(HttpServer, ServesTheFrenchShellByDefault) {
  TestServer server;
  HttpClient client(server.base_url());
  const auto home = client.Get("/");
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(home.body.find("Aller au contenu principal"), std::string::npos) << "skip link";
  EXPECT_NE(home.body.find("Bienvenue dans Cercle"), std::string::npos);
  EXPECT_EQ(home.Header("cache-control"), "no-store");
  ExpectSecurityHeaders(home);
}

TEST(HttpServer, NoInlineScriptAndScriptsCarryTheResponseNonce) {
  TestServer server;
  HttpClient client(server.base_url());
  const auto home = client.Get("/");
  const std::string policy = home.Header("content-security-policy");
  std::smatch nonce;
  ASSERT_TRUE(std::regex_search(policy, nonce, std::regex("'nonce-([0-9a-f]+)'")));
  const std::regex script_tag("<script([^>]*)>([^<]*)</script>");
  int scripts = 0;
  for (std::sregex_iterator it(home.body.begin(), home.body.end(), script_tag), end; it != end;
       ++it) {
    ++scripts;
    EXPECT_NE((*it)[1].str().find("src=\"/static/"), std::string::npos)
        << "inline script: " << it->str();
    EXPECT_NE((*it)[1].str().find("nonce=\"" + nonce[1].str() + "\""), std::string::npos);
    EXPECT_TRUE((*it)[2].str().empty());
  }
  EXPECT_EQ(scripts, 3);  // htmx, cercle.js and drafts.js
  EXPECT_NE(client.Get("/").Header("content-security-policy"),
            home.Header("content-security-policy"))
      << "a fresh nonce per response";
}

TEST(HttpServer, TheLanguageSwitchIsRemembered) {
  TestServer server;
  HttpClient client(server.base_url());
  const auto switched = client.PostForm("/language", {{"lang", "en"}, {"next", "/"}});
  EXPECT_EQ(switched.status, 303);
  EXPECT_EQ(switched.Header("location"), "/");
  const auto english = client.Get("/");
  EXPECT_NE(english.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(english.body.find("Welcome to Cercle"), std::string::npos);
  EXPECT_NE(english.body.find("Skip to main content"), std::string::npos);
  EXPECT_EQ(
      client.PostForm("/language", {{"lang", "fr"}, {"next", "//evil.example"}}).Header("location"),
      "/")
      << "never redirects off the site";
  EXPECT_NE(client.Get("/").body.find("Bienvenue dans Cercle"), std::string::npos);
  EXPECT_EQ(client.PostForm("/language", {{"lang", "de"}}).status, 400);
}

TEST(HttpServer, NotFoundPagesExistInBothLanguages) {
  TestServer server;
  HttpClient client(server.base_url());
  const auto french = client.Get("/nulle-part");
  EXPECT_EQ(french.status, 404);
  EXPECT_NE(french.body.find("Page introuvable"), std::string::npos);
  ExpectSecurityHeaders(french);
  const auto english = client.Get("/nowhere", {{"Cookie", "lang=en"}});
  EXPECT_EQ(english.status, 404);
  EXPECT_NE(english.body.find("Page not found"), std::string::npos);
  EXPECT_EQ(client.Post("/healthz", "").status, 405);
}

TEST(HttpServer, AnUnexpectedFailureShowsAnIncidentIdThatTheLogCarries) {
  LogCapture log;
  TestServer server;
  std::vector<web::Route> routes = web::AllRoutes();
  routes.push_back({web::Method::kGet, "/boom", [](web::Context&) -> web::Response {
                      throw std::runtime_error("broken invariant");
                    }});
  web::Application application(server.runtime().services(), web::Router(routes));
  for (const std::string language : {"fr", "en"}) {
    web::Request request;
    request.path = request.target = "/boom";
    request.headers = {{"cookie", "lang=" + language}};
    const auto response = application.Handle(request);
    EXPECT_EQ(response.status, 500);
    std::smatch incident;
    ASSERT_TRUE(
        std::regex_search(response.body, incident, std::regex("<code>([0-9a-f]{12})</code>")));
    EXPECT_NE(log.text().find("incident=" + incident[1].str()), std::string::npos);
    EXPECT_NE(
        response.body.find(language == "fr" ? "Un problème est survenu" : "Something went wrong"),
        std::string::npos);
  }
}

TEST(HttpServer, HealthReadinessAndMetrics) {
  const int metrics_port = FreePort();
  TestServer server({.configure = [&](config::Config& config) {
    config.server.metrics_listen = "127.0.0.1:" + std::to_string(metrics_port);
  }});
  HttpClient client(server.base_url());
  EXPECT_EQ(client.Get("/healthz").status, 200);
  EXPECT_EQ(client.Get("/readyz").status, 200);
  client.Get("/");
  client.Get("/nowhere?name=Jean");
  WaitForPort(metrics_port);
  const auto metrics =
      HttpClient("http://127.0.0.1:" + std::to_string(metrics_port)).Get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(
      metrics.body.find("cercle_http_requests_total{route=\"/\",method=\"GET\",status=\"200\"} 1"),
      std::string::npos);
  EXPECT_NE(metrics.body.find("cercle_http_request_duration_seconds_bucket{route=\"/healthz\""),
            std::string::npos);
  EXPECT_NE(metrics.body.find("route=\"unmatched\",method=\"GET\",status=\"404\""),
            std::string::npos);
  EXPECT_EQ(metrics.body.find("nowhere"), std::string::npos) << "raw paths never become labels";
}

TEST(HttpServer, TheAccessLogHasOneLinePerRequestWithoutQueryStrings) {
  LogCapture log;
  TestServer server;
  HttpClient client(server.base_url());
  client.Get("/?nom=Tremblay");
  client.Get("/healthz");
  const std::string text = log.text();
  EXPECT_NE(text.find("http method=GET route=/ status=200"), std::string::npos);
  EXPECT_NE(text.find("http method=GET route=/healthz status=200"), std::string::npos);
  EXPECT_EQ(text.find("Tremblay"), std::string::npos);
  EXPECT_EQ(text.find("nom="), std::string::npos);
}

TEST(HttpServer, StaticFilesAreCachedForAYear) {
  TestServer server;
  HttpClient client(server.base_url());
  const auto home = client.Get("/");
  std::smatch css;
  ASSERT_TRUE(std::regex_search(home.body, css,
                                std::regex("href=\"(/static/css/cercle\\.[0-9a-f]+\\.css)\"")));
  const auto file = client.Get(css[1].str());
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.Header("content-type"), "text/css; charset=utf-8");
  EXPECT_NE(file.Header("cache-control").find("max-age=31536000"), std::string::npos);
  EXPECT_NE(file.body.find("@media"), std::string::npos) << "responsive rules";
  EXPECT_EQ(client.Get("/static/css/cercle.css").status, 404);
}

TEST(HttpServer, AnOversizedBodyGetsA413PageAndTheServerKeepsServing) {
  TestServer server(
      {.configure = [](config::Config& config) { config.limits.max_body_bytes = 64 * 1024; }});
  HttpClient client(server.base_url());
  const auto over = client.Post("/language", std::string(100 * 1024, 'a'));
  EXPECT_EQ(over.status, 413);
  EXPECT_NE(over.body.find("la limite est de 1 Mo"), std::string::npos);
  // Far above the application's limit, the connection is refused early with a plain 413.
  const std::string huge =
      "POST /language HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n";
  EXPECT_EQ(RawStatus(RawExchange(server.port(), huge, std::chrono::seconds(5))), 413);
  EXPECT_EQ(client.Get("/healthz").status, 200);
}

TEST(HttpServer, OversizedHeadersGet431AndTheServerKeepsServing) {
  TestServer server;
  HttpClient client(server.base_url());
  EXPECT_EQ(client.Get("/", {{"X-Padding", std::string(20 * 1024, 'a')}}).status, 431);
  const std::string huge =
      "GET / HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(200 * 1024, 'a') + "\r\n\r\n";
  EXPECT_EQ(RawStatus(RawExchange(server.port(), huge, std::chrono::seconds(5))), 431);
  EXPECT_EQ(client.Get("/healthz").status, 200);
}

TEST(HttpServer, AMalformedRequestLineGets400AndTheServerKeepsServing) {
  TestServer server;
  EXPECT_EQ(
      RawStatus(RawExchange(server.port(), "THIS IS NOT HTTP\r\n\r\n", std::chrono::seconds(5))),
      400);
  EXPECT_EQ(RawStatus(RawExchange(server.port(), "GET / HTTP/1.1\r\nHost x\r\n\r\n",
                                  std::chrono::seconds(5))),
            400);
  HttpClient client(server.base_url());
  EXPECT_EQ(client.Get("/healthz").status, 200);
}

TEST(HttpServer, ASlowClientGets408AndTheServerKeepsServing) {
  TestServer server(
      {.configure = [](config::Config& config) { config.limits.read_timeout_seconds = 1; }});
  const auto started = std::chrono::steady_clock::now();
  const auto response =
      RawExchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\n", std::chrono::seconds(10));
  EXPECT_EQ(RawStatus(response), 408);
  EXPECT_NE(response.find("The request took too long."), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(9))
      << "answered, not hung";
  HttpClient client(server.base_url());
  EXPECT_EQ(client.Get("/healthz").status, 200);
}

TEST(HttpServer, GracefulShutdownFinishesTheRequestInFlight) {
  TestServer server;
  std::promise<void> entered;
  auto entered_future = entered.get_future();
  std::vector<web::Route> routes = {{web::Method::kGet, "/slow", [&](web::Context&) {
                                       entered.set_value();
                                       std::this_thread::sleep_for(std::chrono::milliseconds(700));
                                       return web::Response::Text(200,
                                                                  std::string(256 * 1024, 'x'));
                                     }}};
  web::Application application(server.runtime().services(), web::Router(routes));
  config::Config config = server.runtime().config();
  config.server.port = FreePort();
  web::Server slow_server(application, config);
  slow_server.Start();
  WaitForPort(config.server.port);
  auto response = std::async(std::launch::async, [&] {
    HttpClient client("http://127.0.0.1:" + std::to_string(config.server.port));
    return client.Get("/slow");
  });
  entered_future.wait();
  slow_server.Stop();  // while the handler still sleeps
  const auto result = response.get();
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.body.size(), 256u * 1024u) << "the response was written whole";
  EXPECT_THROW(HttpClient("http://127.0.0.1:" + std::to_string(config.server.port)).Get("/slow"),
               std::runtime_error)
      << "no new connections after shutdown";
}

TEST(HttpServer, ReadinessOnPostgres) {
  TestServer server({.backend = Backend::kPostgres});
  HttpClient client(server.base_url());
  EXPECT_EQ(client.Get("/readyz").status, 200);
  EXPECT_NE(client.Get("/").body.find("Bienvenue dans Cercle"), std::string::npos);
}

}  // namespace
}  // namespace cercle::testing
