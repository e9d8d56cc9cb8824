#pragma once

#include <concepts>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cercle::log {

// How log lines are written: for people ("time level message name=value…"), or one JSON object per
// line for log shippers (config log.format).
enum class Format { kText, kJson };

// The severity of an event, as spdlog names it.
enum class Level { kDebug, kInfo, kWarn, kError };

// One named value of a structured event: text or a number. Never anything personal: route
// patterns, statuses, durations, incident numbers, causes.
struct Field {
  Field(std::string field_name, std::string text)
      : name(std::move(field_name)), value(std::move(text)) {}
  Field(std::string field_name, std::string_view text)
      : name(std::move(field_name)), value(std::string(text)) {}
  Field(std::string field_name, const char* text) : name(std::move(field_name)), value(text) {}
  template <std::integral Integer>
  Field(std::string field_name, Integer number)
      : name(std::move(field_name)), value(static_cast<long long>(number)) {}
  Field(std::string field_name, double number) : name(std::move(field_name)), value(number) {}

  std::string name;
  std::variant<std::string, long long, double> value;
};

// Selects the format Event writes in (text until called). cli::ConfigureLogging sets it together
// with the matching line formatter.
void SetFormat(Format format);

// Writes one event through spdlog's default logger. In text, the line's message is
// "message name=value name=value…"; in JSON, the message stays `message` and the formatter adds
// each field as a member of its own (see CurrentFields), so both formats carry the same fields.
void Event(Level level, std::string_view message, const std::vector<Field>& fields);

// The fields of the event being written by this thread, for a line formatter called from Event;
// empty for any other line.
const std::vector<Field>& CurrentFields();

// The text form of an event: "message name=value name=value…" (durations with two decimals).
std::string TextMessage(std::string_view message, const std::vector<Field>& fields);

}  // namespace cercle::log
