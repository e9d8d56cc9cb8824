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

// One of the lists an administrator sets up (screening types, training modules): its rule, the
// store's functions that keep it, and the audit entry of a change.
template <class Store, class Row>
struct SetupList {
  Status (*check)(Row&);
  std::vector<Row> (Store::*list)(std::int64_t organisation_id);
  std::optional<Row> (Store::*find)(std::int64_t id, std::int64_t organisation_id);
  std::int64_t (Store::*insert)(const Row&, Instant now);
  void (Store::*update)(const Row&);
  const char* action;
  const char* object_type;
};

constexpr SetupList<store::ScreeningStore, domain::ScreeningItemType> kScreeningTypes{
    &domain::CheckScreeningItemType,
    &store::ScreeningStore::ListTypes,
    &store::ScreeningStore::FindType,
    &store::ScreeningStore::InsertType,
    &store::ScreeningStore::UpdateType,
    "volunteer_setup.screening_type",
    "screening_type"};

constexpr SetupList<store::TrainingStore, domain::TrainingModule> kTrainingModules{
    &domain::CheckTrainingModule,
    &store::TrainingStore::ListModules,
    &store::TrainingStore::FindModule,
    &store::TrainingStore::InsertModule,
    &store::TrainingStore::UpdateModule,
    "volunteer_setup.training_module",
    "training_module"};

// Adds `command`'s row, active, after the others of `setup`'s list (with the organisation's
// defaults first when it has none); Forbidden for an actor who may not configure. Returns its id.
template <class Store, class Row, class Command>
Result<std::int64_t> AddToList(const Services& services, const auth::Actor& actor,
                               const SetupList<Store, Row>& setup, const Command& command) {
  if (!VolunteerPolicy::CanConfigure(actor)) return Error::Forbidden();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    Row row;
    row.organisation_id = unit.organisation_id();
    ApplyTo(command, row);
    row.active = true;
    TRY(setup.check(row));
    AddDefaultSetup(unit);
    Store store(unit.session());
    row.position = NextPosition((store.*setup.list)(unit.organisation_id()));
    const auto id = (store.*setup.insert)(row, unit.now());
    Audit(services, unit, actor, {setup.action, setup.object_type, std::to_string(id)});
    return id;
  });
}

// Changes row `command.id` of `setup`'s list; NotFound when it is not the organisation's or the
// actor may not configure. Returns its id.
template <class Store, class Row, class Command>
Result<std::int64_t> ChangeInList(const Services& services, const auth::Actor& actor,
                                  const SetupList<Store, Row>& setup, const Command& command) {
  if (!VolunteerPolicy::CanConfigure(actor)) return Error::NotFound();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    Store store(unit.session());
    auto row = (store.*setup.find)(command.id, unit.organisation_id());
    if (!row) return Error::NotFound();
    ApplyTo(command, *row);
    TRY(setup.check(*row));
    (store.*setup.update)(*row);
    Audit(services, unit, actor, {setup.action, setup.object_type, std::to_string(row->id)});
    return row->id;
  });
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
  return AddToList(services, actor, kScreeningTypes, command);
}

Result<std::int64_t> UpdateScreeningType(const Services& services, const auth::Actor& actor,
                                         const ScreeningTypeCommand& command) {
  return ChangeInList(services, actor, kScreeningTypes, command);
}

Result<std::int64_t> AddTrainingModule(const Services& services, const auth::Actor& actor,
                                       const TrainingModuleCommand& command) {
  return AddToList(services, actor, kTrainingModules, command);
}

Result<std::int64_t> UpdateTrainingModule(const Services& services, const auth::Actor& actor,
                                          const TrainingModuleCommand& command) {
  return ChangeInList(services, actor, kTrainingModules, command);
}

}  // namespace cercle::app::volunteers
