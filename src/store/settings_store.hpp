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

 private:
  soci::session& session_;
};

}  // namespace cercle::store
