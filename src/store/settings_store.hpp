#pragma once

#include <cstdint>
#include <soci/soci.h>
#include <string>

#include "domain/settings.hpp"

namespace cercle::store {

// Reads and writes an organisation's settings within the caller's transaction.
class SettingsStore {
 public:
  explicit SettingsStore(soci::session& session) : session_(session) {}

  // The organisation's settings (stored values over defaults).
  domain::Settings Load(std::int64_t organisation_id);
  // Stores one value.
  void Set(std::int64_t organisation_id, const std::string& key, std::int64_t value);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
