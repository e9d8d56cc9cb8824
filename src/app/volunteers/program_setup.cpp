#include "app/volunteers/program_setup.hpp"

#include <algorithm>

#include "auth/policies/volunteer_policy.hpp"
#include "store/screening_store.hpp"
#include "store/settings_store.hpp"
#include "store/training_store.hpp"

namespace cercle::app::volunteers {
namespace {

using auth::policies::VolunteerPolicy;

// The next display position after `rows`.
template <class Row>
int NextPosition(const std::vector<Row>& rows) {
  int position = 0;
  for (const auto& row : rows) position = std::max(position, row.position);
  return position + 1;
}

// Adds the organisation's default types and modules when it has none (each store adds nothing
// when rows exist, retired ones included).
void AddDefaultSetup(const store::Unit& unit) {
  store::ScreeningStore(unit.session()).AddDefaultTypes(unit.organisation_id(), unit.now());
  store::TrainingStore(unit.session()).AddDefaultModules(unit.organisation_id(), unit.now());
}

void ApplyTo(const ScreeningTypeCommand& command, domain::ScreeningItemType& type) {
  type.name = command.name;
  type.required = command.required;
  type.required_count = command.required_count;
  type.validity_months = command.validity_months;
  type.active = command.active;
}

void ApplyTo(const TrainingModuleCommand& command, domain::TrainingModule& module) {
  module.name = command.name;
  module.required_minutes = command.required_minutes;
  module.required_for_circles = command.required_for_circles;
  module.active = command.active;
}

}  // namespace

ProgramSetup ReadProgramSetup(const store::Unit& unit) {
  const std::int64_t organisation = unit.organisation_id();
  return {store::ScreeningStore(unit.session()).ListTypes(organisation),
          store::TrainingStore(unit.session()).ListModules(organisation),
          store::SettingsStore(unit.session()).Load(organisation)};
}

ProgramSetup LoadProgramSetup(const Services& services, const auth::Actor& actor, AddDefaults add) {
  const auto read = [&] {
    return Read(services, actor.scope(), [](store::Unit& unit) { return ReadProgramSetup(unit); });
  };
  auto setup = read();
  if (add == AddDefaults::kNo) return setup;
  if (!setup.screening_types.empty() && !setup.training_modules.empty()) return setup;
  // The first use by this organisation: its defaults, in one transaction (a concurrent first use
  // finds the rows of the other and adds nothing).
  (void)Write(services, actor.scope(), [](store::Unit& unit) -> Status {
    AddDefaultSetup(unit);
    return {};
  });
  return read();
}

Result<ProgramSetup> LoadSetupPage(const Services& services, const auth::Actor& actor) {
  if (!VolunteerPolicy::CanConfigure(actor)) return Error::Forbidden();
  return LoadProgramSetup(services, actor);
}

Result<std::int64_t> AddScreeningType(const Services& services, const auth::Actor& actor,
                                      const ScreeningTypeCommand& command) {
  if (!VolunteerPolicy::CanConfigure(actor)) return Error::Forbidden();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    domain::ScreeningItemType type;
    type.organisation_id = unit.organisation_id();
    ApplyTo(command, type);
    type.active = true;
    TRY(domain::CheckScreeningItemType(type));
    AddDefaultSetup(unit);
    store::ScreeningStore screening(unit.session());
    type.position = NextPosition(screening.ListTypes(unit.organisation_id()));
    const auto id = screening.InsertType(type, unit.now());
    Audit(services, unit, actor,
          {"volunteer_setup.screening_type", "screening_type", std::to_string(id)});
    return id;
  });
}

Result<std::int64_t> UpdateScreeningType(const Services& services, const auth::Actor& actor,
                                         const ScreeningTypeCommand& command) {
  if (!VolunteerPolicy::CanConfigure(actor)) return Error::NotFound();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    store::ScreeningStore screening(unit.session());
    auto type = screening.FindType(command.id, unit.organisation_id());
    if (!type) return Error::NotFound();
    ApplyTo(command, *type);
    TRY(domain::CheckScreeningItemType(*type));
    screening.UpdateType(*type);
    Audit(services, unit, actor,
          {"volunteer_setup.screening_type", "screening_type", std::to_string(type->id)});
    return type->id;
  });
}

Result<std::int64_t> AddTrainingModule(const Services& services, const auth::Actor& actor,
                                       const TrainingModuleCommand& command) {
  if (!VolunteerPolicy::CanConfigure(actor)) return Error::Forbidden();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    domain::TrainingModule module;
    module.organisation_id = unit.organisation_id();
    ApplyTo(command, module);
    module.active = true;
    TRY(domain::CheckTrainingModule(module));
    AddDefaultSetup(unit);
    store::TrainingStore training(unit.session());
    module.position = NextPosition(training.ListModules(unit.organisation_id()));
    const auto id = training.InsertModule(module, unit.now());
    Audit(services, unit, actor,
          {"volunteer_setup.training_module", "training_module", std::to_string(id)});
    return id;
  });
}

Result<std::int64_t> UpdateTrainingModule(const Services& services, const auth::Actor& actor,
                                          const TrainingModuleCommand& command) {
  if (!VolunteerPolicy::CanConfigure(actor)) return Error::NotFound();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    store::TrainingStore training(unit.session());
    auto module = training.FindModule(command.id, unit.organisation_id());
    if (!module) return Error::NotFound();
    ApplyTo(command, *module);
    TRY(domain::CheckTrainingModule(*module));
    training.UpdateModule(*module);
    Audit(services, unit, actor,
          {"volunteer_setup.training_module", "training_module", std::to_string(module->id)});
    return module->id;
  });
}

}  // namespace cercle::app::volunteers
