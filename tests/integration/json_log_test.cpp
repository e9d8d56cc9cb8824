// With log.format = "json", every line a running server writes is one JSON object, and a request's
// line carries its route pattern, status, duration and incident number, never its path or query.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli/logging.hpp"
#include "support/test_server.hpp"
#include "web/routes.hpp"

namespace cercle::testing {
namespace {

// spdlog's default logger writing into a string, in the JSON format; restores the text format,
// the tests' level and the previous logger afterwards.
class JsonLogCapture {
 public:
  JsonLogCapture() {
    previous_ = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>(
        "json-capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(stream_)));
    config::Config config;
    config.log.format = "json";
    config.log.level = "info";
    cli::ConfigureLogging(config);
  }
  ~JsonLogCapture() {
    config::Config config;
    config.log.level = "warn";
    cli::ConfigureLogging(config);
    spdlog::set_default_logger(previous_);
    spdlog::drop("json-capture");
  }
  std::string text() const { return stream_.str(); }
  // Every line, parsed; a line that is not JSON fails the test.
  std::vector<nlohmann::json> Lines() const {
    std::vector<nlohmann::json> lines;
    std::istringstream text(stream_.str());
    for (std::string line; std::getline(text, line);) {
      EXPECT_TRUE(nlohmann::json::accept(line)) << line;
      if (nlohmann::json::accept(line)) lines.push_back(nlohmann::json::parse(line));
    }
    return lines;
  }

 private:
  std::ostringstream stream_;
  std::shared_ptr<spdlog::logger> previous_;
};

// The request lines of `lines` whose route is `route`.
std::vector<nlohmann::json> RequestsTo(const std::vector<nlohmann::json>& lines,
                                       const std::string& route) {
  std::vector<nlohmann::json> found;
  for (const auto& line : lines) {
    if (line.value("message", "") == "http" && line.value("route", "") == route)
      found.push_back(line);
  }
  return found;
}

TEST(JsonLog, ARequestLineCarriesRouteStatusAndDurationButNeitherPathNorQuery) {
  JsonLogCapture log;
  TestServer server;
  HttpClient client(server.base_url());
  EXPECT_EQ(client.Get("/?nom=Tremblay").status, 200);
  client.Get("/circles/987654?courriel=marie@example.org");
  const auto lines = log.Lines();
  const auto home = RequestsTo(lines, "/");
  ASSERT_EQ(home.size(), 1u) << log.text();
  EXPECT_EQ(home[0]["level"], "info");
  EXPECT_EQ(home[0]["method"], "GET");
  EXPECT_EQ(home[0]["status"], 200);
  EXPECT_TRUE(home[0]["duration_ms"].is_number());
  EXPECT_GE(home[0]["duration_ms"].get<double>(), 0.0);
  EXPECT_TRUE(home[0]["time"].is_string());
  EXPECT_FALSE(home[0].contains("incident"));
  const auto circle = RequestsTo(lines, "/circles/{id}");
  ASSERT_EQ(circle.size(), 1u) << log.text();
  EXPECT_EQ(circle[0]["status"], 303) << "signed out: sent to sign in";
  const std::string text = log.text();
  for (const std::string personal : {"Tremblay", "nom=", "987654", "courriel", "example.org"})
    EXPECT_EQ(text.find(personal), std::string::npos) << personal << " in " << text;
}

TEST(JsonLog, AFailedRequestLineCarriesTheIncidentNumberThePageShows) {
  JsonLogCapture log;
  TestServer server;
  std::vector<web::Route> routes = web::AllRoutes();
  routes.push_back({web::Method::kGet, "/boom", [](web::Context&) -> web::Response {
                      throw std::runtime_error("broken invariant");
                    }});
  web::Application application(server.runtime().services(), web::Router(routes));
  web::Request request;
  request.path = request.target = "/boom";
  const auto response = application.Handle(request);
  ASSERT_EQ(response.status, 500);
  std::smatch incident;
  ASSERT_TRUE(
      std::regex_search(response.body, incident, std::regex("<code>([0-9a-f]{12})</code>")));
  const auto lines = log.Lines();
  const auto requests = RequestsTo(lines, "/boom");
  ASSERT_EQ(requests.size(), 1u) << log.text();
  EXPECT_EQ(requests[0]["status"], 500);
  EXPECT_EQ(requests[0]["incident"], incident[1].str());
  int failures = 0;
  for (const auto& line : lines) {
    if (line.value("message", "") != "request failed") continue;
    ++failures;
    EXPECT_EQ(line["level"], "error");
    EXPECT_EQ(line["incident"], incident[1].str());
    EXPECT_EQ(line["route"], "/boom");
  }
  EXPECT_EQ(failures, 1) << log.text();
}

}  // namespace
}  // namespace cercle::testing
