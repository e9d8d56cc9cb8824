#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cercle::domain {

// One numeric setting an organisation admin can adjust, since programs differ.
struct SettingDefinition {
  std::string key;             // "volunteer.minimum_age"
  std::string label;           // English msgid
  std::string unit;            // English msgid ("years", "days", "minutes"…), or ""
  std::int64_t default_value = 0;
  std::int64_t minimum = 0;
  std::int64_t maximum = 0;
};

// Every setting, in the order the settings page lists them. Each area adds its own here.
const std::vector<SettingDefinition>& SettingDefinitions();
// The definition of `key`; throws when no setting has that key (a programming error).
const SettingDefinition& Setting(std::string_view key);

// An organisation's values: stored values over defaults.
class Settings {
 public:
  explicit Settings(std::map<std::string, std::int64_t> stored) : stored_(std::move(stored)) {}
  // The value of `key`, or its default.
  std::int64_t Get(std::string_view key) const;

 private:
  std::map<std::string, std::int64_t> stored_;
};

}  // namespace cercle::domain
