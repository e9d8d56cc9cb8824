#include "app/reports/report_settings.hpp"

#include <utility>

#include "app/admin/settings.hpp"
#include "auth/policies/report_policy.hpp"
#include "store/organisation_store.hpp"
#include "store/outcome_store.hpp"
#include "store/settings_store.hpp"

namespace cercle::app::reports {
namespace {

using auth::policies::ReportPolicy;

constexpr std::int64_t kFirstFoundingYear = 1950;

// The levels of `scale` as the form showed them in `language`.
std::vector<std::string> ShownLevels(const Services& services, i18n::Language language,
                                     const domain::OutcomeScale& scale) {
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < scale.labels.size(); ++i) {
    shown.push_back(LevelLabel(services.translator, language, scale, i));
  }
  return shown;
}

}  // namespace

std::string LevelLabel(const i18n::Translator& translator, i18n::Language language,
                       const domain::OutcomeScale& scale, std::size_t index) {
  return scale.is_default ? translator.Translate(language, scale.labels[index])
                          : scale.labels[index];
}

Result<SettingsPage> LoadSettingsPage(const Services& services, const auth::Actor& actor) {
  if (!ReportPolicy::CanConfigure(actor)) return Error::Forbidden();
  const std::int64_t organisation = *actor.organisation_id;
  SettingsPage page = Read(services, actor.scope(), [&](store::Unit& unit) {
    return SettingsPage{store::OutcomeStore(unit.session()).Scales(organisation),
                        store::SettingsStore(unit.session()).Load(organisation), std::nullopt};
  });
  if (const auto found = store::OrganisationStore(services.database).Find(organisation)) {
    page.public_slug = found->slug;
  }
  return page;
}

Status SaveScales(const Services& services, const auth::Actor& actor, const ScalesChange& change) {
  if (!ReportPolicy::CanConfigure(actor)) return Error::Forbidden();
  const std::int64_t organisation = *actor.organisation_id;
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    store::OutcomeStore store(unit.session());
    const auto current = store.Scales(organisation);
    std::vector<FieldError> errors;
    std::vector<std::pair<domain::OutcomeDimension, std::vector<std::string>>> changed;
    for (const auto dimension : domain::EnumValues<domain::OutcomeDimension>()) {
      const auto index = static_cast<std::size_t>(dimension);
      const std::string name(domain::NameOf(dimension));
      const auto highest =
          static_cast<std::size_t>(store.HighestLevelInUse(organisation, dimension));
      const std::string typed = index < change.levels.size() ? change.levels[index] : "";
      auto levels = domain::ParseScaleLevels(typed, highest, name);
      if (!levels) {
        for (const auto& field : levels.error().fields) errors.push_back(field);
        continue;
      }
      // A default scale shown in the reader's language and sent back unchanged stays the default.
      if (*levels != ShownLevels(services, change.language, current[index])) {
        changed.emplace_back(dimension, std::move(*levels));
      }
    }
    if (!errors.empty()) return Error::Fields(std::move(errors));
    for (const auto& [dimension, levels] : changed) {
      store.SetScale(organisation, dimension, levels, actor.user_id, unit.now());
      Audit(services, unit, actor,
            {"outcome_scale.update", "outcome_scale", std::string(domain::NameOf(dimension))});
    }
    return {};
  });
}

Status SavePublication(const Services& services, const auth::Actor& actor,
                       const PublicationChange& change) {
  if (!ReportPolicy::CanConfigure(actor)) return Error::Forbidden();
  const std::int64_t this_year =
      static_cast<std::int64_t>(static_cast<int>(services.Today().year()));
  const auto year = change.founding_year;
  if (!year || (*year != 0 && (*year < kFirstFoundingYear || *year > this_year))) {
    return Error::Fields(
        {{"founding_year",
          {N_("Enter a year from 1950 to {year}, or 0."), {{"year", std::to_string(this_year)}}}}});
  }
  const admin::SettingsChange values{
      {{domain::SettingKey::kPublicImpactPage, change.published ? 1 : 0},
       {domain::SettingKey::kNetworkShareFigures, change.shared ? 1 : 0},
       {domain::SettingKey::kPublicFoundingYear, *year}}};
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    admin::StoreChangedSettings(services, unit, actor, values);
    return {};
  });
}

}  // namespace cercle::app::reports
