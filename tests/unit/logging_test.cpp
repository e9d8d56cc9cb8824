// The log line formats: JSON lines for log shippers carry the same fields as the text lines for
// people, one valid JSON object per line whatever the message holds.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "base/log.hpp"
#include "cli/logging.hpp"

namespace cercle::cli {
namespace {

const std::vector<log::Field> kRequestFields = {
    {"method", "GET"}, {"route", "/circles/{id}"}, {"status", 200}, {"duration_ms", 3.14159}};

TEST(JsonLine, IsOneObjectWithTimeLevelMessageThenTheFieldsAsTypedMembers) {
  const std::string line = JsonLine("2026-11-30T14:00:00.123Z", "info", "http", kRequestFields);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(line,
            R"({"time":"2026-11-30T14:00:00.123Z","level":"info","message":"http","method":"GET",)"
            R"("route":"/circles/{id}","status":200,"duration_ms":3.14})");
}

TEST(JsonLine, EscapesQuotesBackslashesAndControlCharactersAndReplacesInvalidUtf8) {
  const std::string message = "a \"quoted\" \\ back\nslash\ttab\x01 \xff end é";
  const std::string line = JsonLine("t", "error", message, {{"failure", "line1\nline2\r"}});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(line.find('\r'), std::string::npos);
  EXPECT_NE(line.find(R"(a \"quoted\" \\ back\nslash\ttab\u0001 )"), std::string::npos) << line;
  const auto parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["message"], "a \"quoted\" \\ back\nslash\ttab\x01 \xEF\xBF\xBD end é");
  EXPECT_EQ(parsed["failure"], "line1\nline2\r");
}

TEST(TextMessage, NamesEachFieldAfterTheMessage) {
  EXPECT_EQ(log::TextMessage("http", kRequestFields),
            "http method=GET route=/circles/{id} status=200 duration_ms=3.14");
  EXPECT_EQ(log::TextMessage("stopped", {}), "stopped");
}

// spdlog's default logger writing into a string, configured as `cercle` would be; restores the
// previous logger and the text format afterwards.
class CapturedLog {
 public:
  explicit CapturedLog(const std::string& format) {
    previous_ = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>(
        "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(stream_)));
    config::Config config;
    config.log.format = format;
    ConfigureLogging(config);
  }
  ~CapturedLog() {
    config::Config config;
    config.log.level = "warn";
    ConfigureLogging(config);
    spdlog::set_default_logger(previous_);
    // The registry would otherwise keep the logger, and its sink would outlive the stream.
    spdlog::drop("capture");
  }
  std::vector<std::string> Lines() const {
    std::vector<std::string> lines;
    std::istringstream text(stream_.str());
    for (std::string line; std::getline(text, line);) lines.push_back(line);
    return lines;
  }

 private:
  std::ostringstream stream_;
  std::shared_ptr<spdlog::logger> previous_;
};

TEST(JsonLogging, EveryLineIsAJsonObjectAndEventsCarryTheirFields) {
  CapturedLog log("json");
  log::Event(log::Level::kInfo, "http", kRequestFields);
  spdlog::warn("plain line with a \"quote\"\nand a second line");
  log::Event(log::Level::kDebug, "below the level", {{"x", 1}});
  const auto lines = log.Lines();
  ASSERT_EQ(lines.size(), 2u);
  const auto request = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(request["level"], "info");
  EXPECT_EQ(request["message"], "http");
  EXPECT_EQ(request["route"], "/circles/{id}");
  EXPECT_EQ(request["status"], 200);
  EXPECT_DOUBLE_EQ(request["duration_ms"].get<double>(), 3.14);
  EXPECT_TRUE(request["time"].get<std::string>().ends_with("Z"));
  const auto plain = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(plain["level"], "warning");
  EXPECT_EQ(plain["message"], "plain line with a \"quote\"\nand a second line");
  EXPECT_FALSE(plain.contains("route")) << "fields belong to their event only";
}

TEST(TextLogging, EventsKeepTheirFieldsInTheHumanLine) {
  CapturedLog log("text");
  log::Event(log::Level::kInfo, "http", kRequestFields);
  const auto lines = log.Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(
      lines[0].ends_with(" info http method=GET route=/circles/{id} status=200 "
                         "duration_ms=3.14"))
      << lines[0];
}

}  // namespace
}  // namespace cercle::cli
