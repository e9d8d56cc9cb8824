#include "base/log.hpp"

#include <spdlog/spdlog.h>

#include <atomic>

namespace cercle::log {
namespace {

std::atomic<Format> current_format = Format::kText;

// The fields of the event this thread is writing. spdlog's default logger is synchronous, so its
// formatter runs inside Event, on the same thread, while this points at the event's fields.
thread_local const std::vector<Field>* current_fields = nullptr;

// spdlog's level for each Level, in the enumeration's order.
constexpr spdlog::level::level_enum kSpdlogLevels[] = {spdlog::level::debug, spdlog::level::info,
                                                       spdlog::level::warn, spdlog::level::err};

}  // namespace

void SetFormat(Format format) { current_format = format; }

const std::vector<Field>& CurrentFields() {
  static const std::vector<Field> none;
  return current_fields ? *current_fields : none;
}

std::string TextMessage(std::string_view message, const std::vector<Field>& fields) {
  std::string text(message);
  for (const auto& field : fields) {
    text += ' ';
    text += field.name;
    text += '=';
    if (const auto* words = std::get_if<std::string>(&field.value)) {
      text += *words;
    } else if (const auto* whole = std::get_if<long long>(&field.value)) {
      text += std::to_string(*whole);
    } else {
      text += fmt::format("{:.2f}", std::get<double>(field.value));
    }
  }
  return text;
}

void Event(Level level, std::string_view message, const std::vector<Field>& fields) {
  auto* logger = spdlog::default_logger_raw();
  const auto spdlog_level = kSpdlogLevels[static_cast<int>(level)];
  if (!logger->should_log(spdlog_level)) return;
  if (current_format == Format::kText) {
    logger->log(spdlog_level, spdlog::string_view_t(TextMessage(message, fields)));
    return;
  }
  // spdlog reports its own failures to its error handler; log() does not throw.
  current_fields = &fields;
  logger->log(spdlog_level, spdlog::string_view_t(message.data(), message.size()));
  current_fields = nullptr;
}

}  // namespace cercle::log
