#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/settings.hpp"

namespace cercle::store {

// Reads and writes an organisation's settings within the caller's transaction.
class SettingsStore {
 public:
  explicit SettingsStore(soci::session& session) : session_(session) {}

  // The organisation's settings (stored values over defaults).
  domain::Settings Load(std::int64_t organisation_id);
  // Stores one value.
  void Set(std::int64_t organisation_id, domain::SettingKey key, std::int64_t value);
  // Stores the value of the setting stored under `name` (throws on an unknown name). Kept for the
  // callers that still name settings by text.
  void Set(std::int64_t organisation_id, std::string_view name, std::int64_t value) {
    Set(organisation_id, domain::Setting(name).key, value);
  }

 private:
  soci::session& session_;
};

}  // namespace cercle::store
