#include "cli/logging.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <nlohmann/json.hpp>

namespace cercle::cli {
namespace {

// "2026-11-30T14:00:00.123Z".
std::string UtcTime(std::chrono::system_clock::time_point time) {
  const auto milliseconds =
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(milliseconds / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  const auto length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  return fmt::format("{}.{:03}Z", std::string_view(text, length), milliseconds % 1000);
}

class JsonFormatter : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& message, spdlog::memory_buf_t& line) override {
    const auto level = spdlog::level::to_string_view(message.level);
    const std::string text =
        JsonLine(UtcTime(message.time), {level.data(), level.size()},
                 {message.payload.data(), message.payload.size()}, log::CurrentFields());
    line.append(text.data(), text.data() + text.size());
    line.push_back('\n');
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }
};

}  // namespace

std::string JsonLine(std::string_view time, std::string_view level, std::string_view message,
                     const std::vector<log::Field>& fields) {
  nlohmann::ordered_json line;
  line["time"] = time;
  line["level"] = level;
  line["message"] = message;
  for (const auto& field : fields) {
    if (const auto* text = std::get_if<std::string>(&field.value)) {
      line[field.name] = *text;
    } else if (const auto* whole = std::get_if<long long>(&field.value)) {
      line[field.name] = *whole;
    } else {
      // Hundredths of a millisecond are all a duration needs; the rest is noise in every line.
      line[field.name] = std::round(std::get<double>(field.value) * 100) / 100;
    }
  }
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::unique_ptr<spdlog::formatter> MakeJsonFormatter() { return std::make_unique<JsonFormatter>(); }

void ConfigureLogging(const config::Config& config) {
  if (config.log.format == "json") {
    spdlog::set_formatter(MakeJsonFormatter());
    log::SetFormat(log::Format::kJson);
  } else {
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
    log::SetFormat(log::Format::kText);
  }
  spdlog::set_level(spdlog::level::from_str(config.log.level));
}

}  // namespace cercle::cli
