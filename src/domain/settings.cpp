#include "domain/settings.hpp"

#include <stdexcept>

#include "base/result.hpp"

namespace cercle::domain {

const std::vector<SettingDefinition>& SettingDefinitions() {
  static const std::vector<SettingDefinition> definitions = {
  };
  return definitions;
}

const SettingDefinition& Setting(std::string_view key) {
  for (const auto& definition : SettingDefinitions()) {
    if (definition.key == key) return definition;
  }
  throw std::logic_error("no setting " + std::string(key));
}

std::int64_t Settings::Get(std::string_view key) const {
  const auto& definition = Setting(key);
  const auto found = stored_.find(std::string(key));
  return found == stored_.end() ? definition.default_value : found->second;
}

}  // namespace cercle::domain
