#include "app/admin/settings.hpp"

#include "auth/policies/user_policy.hpp"
#include "store/settings_store.hpp"

namespace cercle::app::admin {

using auth::policies::SettingsPolicy;

Result<SettingsPage> LoadSettingsPage(const Services& services, const auth::Actor& actor) {
  if (!SettingsPolicy::CanChange(actor)) return Error::Forbidden();
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    return SettingsPage{store::SettingsStore(unit.session()).Load(*actor.organisation_id)};
  });
}

Status SaveSettings(const Services& services, const auth::Actor& actor,
                    const SettingsChange& change) {
  if (!SettingsPolicy::CanChange(actor)) return Error::Forbidden();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    StoreChangedSettings(services, unit, actor, change);
    return {};
  });
}

void StoreChangedSettings(const Services& services, const store::Unit& unit,
                          const auth::Actor& actor, const SettingsChange& change) {
  store::SettingsStore settings(unit.session());
  const auto before = settings.Load(*actor.organisation_id);
  for (const auto& [key, value] : change.values) {
    if (before.Get(key) == value) continue;
    settings.Set(*actor.organisation_id, key, value);
    Audit(services, unit, actor,
          {"settings.change", "setting", std::string(domain::Setting(key).name)});
  }
}

}  // namespace cercle::app::admin
