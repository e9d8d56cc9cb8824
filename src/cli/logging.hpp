#pragma once

#include <spdlog/formatter.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/log.hpp"
#include "config/config.hpp"

namespace cercle::cli {

// Sets the level and the line format of spdlog's default logger from config.log: text for people
// ("2026-11-30T09:00:00.000-0500 info message"), or one JSON object per line (JsonLine).
void ConfigureLogging(const config::Config& config);

// One log line as a JSON object, without the newline: "time" (UTC, ISO 8601 with milliseconds),
// "level", "message", then each field as a member (numbers stay numbers). Control characters are
// escaped and invalid UTF-8 is replaced, so that the line is always valid JSON on one line.
std::string JsonLine(std::string_view time, std::string_view level, std::string_view message,
                     const std::vector<log::Field>& fields);

// A spdlog formatter that writes each message as a JsonLine, with the fields of a log::Event.
std::unique_ptr<spdlog::formatter> MakeJsonFormatter();

}  // namespace cercle::cli
