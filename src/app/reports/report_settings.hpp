#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/outcomes.hpp"
#include "domain/settings.hpp"
#include "i18n/translator.hpp"

// The report settings of an organisation (organisation admins): its outcome scales, its public
// impact page and whether it shares its figures with the network.
namespace cercle::app::reports {

struct SettingsPage {
  std::vector<domain::OutcomeScale>
      scales;  // in the order of domain::EnumValues<domain::OutcomeDimension>()
  domain::Settings settings{{}};
  std::optional<std::string> public_slug;  // the organisation's address on the public pages
};

// The settings page. Forbidden for actors who may not configure reports.
Result<SettingsPage> LoadSettingsPage(const Services& services, const auth::Actor& actor);

// A level's label as it reads in `language`: a default's msgid translated, an organisation's own
// as written.
std::string LevelLabel(const i18n::Translator& translator, i18n::Language language,
                       const domain::OutcomeScale& scale, std::size_t index);

// The scales as typed: one line per level, per dimension (in the order of
// domain::EnumValues<domain::OutcomeDimension>()), and the language the form showed the default
// levels in.
struct ScalesChange {
  std::vector<std::string> levels;
  i18n::Language language = i18n::Language::kFrench;
};

// Replaces the levels of every scale that changed ("outcome_scale.update" each). A default scale
// sent back as shown stays the default. Refuses, with a field error per dimension, levels that do
// not parse or that drop a level a measure uses.
Status SaveScales(const Services& services, const auth::Actor& actor, const ScalesChange& change);

// The publication choices as typed.
struct PublicationChange {
  bool published = false;  // the public impact page is on
  bool shared = false;     // the figures are shared with the network
  // The founding year, 0 for none; none when what was typed is not a year.
  std::optional<std::int64_t> founding_year;
};

// Stores the publication choices ("settings.change" for each that changed). Refuses a founding
// year before 1950 or after this year.
Status SavePublication(const Services& services, const auth::Actor& actor,
                       const PublicationChange& change);

}  // namespace cercle::app::reports
