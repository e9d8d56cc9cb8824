#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "domain/screening.hpp"
#include "domain/settings.hpp"
#include "domain/training.hpp"

// The organisation's screening item types and training modules, which its administrators adjust,
// and the settings the volunteer pages read. A type or module is retired rather than deleted, so
// that what was recorded under it keeps its meaning.
namespace cercle::app::volunteers {

// The organisation's screening item types, training modules and settings.
struct ProgramSetup {
  std::vector<domain::ScreeningItemType> screening_types;
  std::vector<domain::TrainingModule> training_modules;
  domain::Settings settings{{}};
};

// Whether loading the set-up may add the organisation's defaults.
enum class AddDefaults { kYes, kNo };

// Reads the set-up of the unit's organisation in its transaction.
ProgramSetup ReadProgramSetup(const store::Unit& unit);

// Loads the set-up of the actor's organisation, adding the default types and modules the first
// time it has none, when `add` allows it. Pages that only read (the home page's attention list)
// pass AddDefaults::kNo: an organisation without types has no screening items either.
ProgramSetup LoadProgramSetup(const Services& services, const auth::Actor& actor,
                              AddDefaults add = AddDefaults::kYes);

// The set-up page (administrators only: Forbidden for anyone else).
Result<ProgramSetup> LoadSetupPage(const Services& services, const auth::Actor& actor);

// A screening item type as an administrator adds or changes it. Numbers a form could not read are
// -1, which the rules refuse with a field error.
struct ScreeningTypeCommand {
  std::int64_t id = 0;  // the type changed; 0 when one is added
  std::string name;
  bool required = false;
  int required_count = 1;
  int validity_months = 0;
  bool active = true;
};

// Adds a type after the others ("volunteer_setup.screening_type"); returns its id. Forbidden for
// anyone but the organisation's administrators.
Result<std::int64_t> AddScreeningType(const Services& services, const auth::Actor& actor,
                                      const ScreeningTypeCommand& command);
// Changes type `command.id`; NotFound when it is not the organisation's or the actor may not
// configure.
Result<std::int64_t> UpdateScreeningType(const Services& services, const auth::Actor& actor,
                                         const ScreeningTypeCommand& command);

// A training module as an administrator adds or changes it (-1 minutes: unreadable).
struct TrainingModuleCommand {
  std::int64_t id = 0;  // the module changed; 0 when one is added
  std::string name;
  int required_minutes = 0;
  bool required_for_circles = false;
  bool active = true;
};

// Adds a module after the others ("volunteer_setup.training_module"); returns its id.
Result<std::int64_t> AddTrainingModule(const Services& services, const auth::Actor& actor,
                                       const TrainingModuleCommand& command);
// Changes module `command.id`; NotFound when it is not the organisation's or the actor may not
// configure.
Result<std::int64_t> UpdateTrainingModule(const Services& services, const auth::Actor& actor,
                                          const TrainingModuleCommand& command);

}  // namespace cercle::app::volunteers
