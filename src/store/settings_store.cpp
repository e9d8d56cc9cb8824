#include "store/settings_store.hpp"

#include "store/table.hpp"

namespace cercle::store {
namespace {

constexpr const char* kLoad = R"sql(
  SELECT setting_key, setting_value
  FROM organisation_settings
  WHERE organisation_id = :organisation
)sql";

constexpr const char* kUpsert = R"sql(
  INSERT INTO organisation_settings (organisation_id, setting_key, setting_value)
  VALUES (:organisation, :key, :value)
  ON CONFLICT (organisation_id, setting_key) DO UPDATE SET setting_value = excluded.setting_value
)sql";

}  // namespace

domain::Settings SettingsStore::Load(std::int64_t organisation_id) {
  return domain::Settings(ReadMap<std::map<std::string, std::int64_t, std::less<>>>(
      session_, kLoad, Values("organisation", organisation_id)));
}

void SettingsStore::Set(std::int64_t organisation_id, domain::SettingKey key, std::int64_t value) {
  const std::string name(domain::Setting(key).name);
  session_ << kUpsert, soci::use(organisation_id, "organisation"), soci::use(name, "key"),
      soci::use(value, "value");
}

}  // namespace cercle::store
