#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "app/services.hpp"
#include "domain/settings.hpp"

namespace cercle::app::admin {

// The organisation's settings: each definition's value (stored, or its default).
struct SettingsPage {
  domain::Settings values;
};

// The settings page; Forbidden unless the actor administers the organisation.
Result<SettingsPage> LoadSettingsPage(const Services& services, const auth::Actor& actor);

// New values for settings, each within its definition's bounds (checked by the form).
struct SettingsChange {
  std::vector<std::pair<domain::SettingKey, std::int64_t>> values;
};

// Stores the values that differ from the current ones, one entry "settings.change" each; Forbidden
// unless the actor administers the organisation.
Status SaveSettings(const Services& services, const auth::Actor& actor,
                    const SettingsChange& change);

// The same inside `unit`'s transaction, once the caller's own policy allowed the change (the
// report settings page changes a few settings too).
void StoreChangedSettings(const Services& services, const store::Unit& unit,
                          const auth::Actor& actor, const SettingsChange& change);

}  // namespace cercle::app::admin
