#include "app/volunteers/training.hpp"

#include <algorithm>
#include <set>

#include "auth/policies/volunteer_policy.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::volunteers {
namespace {

using auth::policies::VolunteerPolicy;

Result<TrainingSessionPage> ReadSessionPage(const store::Unit& unit, std::int64_t session_id,
                                            const RosterFilter& filter) {
  const std::int64_t organisation = unit.organisation_id();
  store::TrainingStore training(unit.session());
  const auto session = training.FindSession(session_id, organisation);
  if (!session) return Error::NotFound();
  TrainingSessionPage page{.session = *session};
  for (const auto& module : training.ListModules(organisation)) {
    if (module.id == session->module_id) page.module_name = module.name;
  }
  for (const auto& entry : training.SessionAttendance(session->id, organisation)) {
    page.attended[entry.volunteer_id] = entry.minutes;
  }
  store::VolunteerFilter every;
  every.include_closed = true;
  store::VolunteerStore volunteers(unit.session());
  for (auto& volunteer : volunteers.List(organisation, every)) {
    if (!domain::IsClosedStage(volunteer.stage) || page.attended.contains(volunteer.id)) {
      page.candidates.push_back(std::move(volunteer));
    }
  }
  store::VolunteerFilter kept;
  kept.stage = filter.stage;
  kept.search = filter.search;
  kept.include_closed = true;
  std::set<std::int64_t> shown;
  for (const auto& volunteer : volunteers.List(organisation, kept)) shown.insert(volunteer.id);
  // The candidates are in List()'s order (by name), and so is the roster.
  for (const auto& volunteer : page.candidates) {
    if (shown.contains(volunteer.id) || page.attended.contains(volunteer.id)) {
      page.roster.push_back(volunteer);
    }
  }
  return page;
}

// True when every row of `attendance` names a candidate of `page` for a time the session held.
bool AttendanceFits(const TrainingSessionPage& page,
                    const std::vector<std::pair<std::int64_t, int>>& attendance) {
  return std::all_of(attendance.begin(), attendance.end(), [&](const auto& row) {
    const bool candidate =
        std::any_of(page.candidates.begin(), page.candidates.end(),
                    [&](const domain::Volunteer& volunteer) { return volunteer.id == row.first; });
    return candidate && row.second >= 1 && row.second <= page.session.duration_minutes;
  });
}

}  // namespace

Result<std::int64_t> CreateTrainingSession(const Services& services, const auth::Actor& actor,
                                           const CreateTrainingSessionCommand& command) {
  if (!VolunteerPolicy::CanManage(actor)) return Error::Forbidden();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    store::TrainingStore training(unit.session());
    const auto modules = training.ListModules(unit.organisation_id());
    std::vector<FieldError> errors;
    if (!command.module_id || std::none_of(modules.begin(), modules.end(), [&](const auto& module) {
          return module.id == *command.module_id && module.active;
        })) {
      errors.push_back({"module", {N_("Choose one of the answers."), {}}});
    }
    domain::TrainingSession session{.organisation_id = unit.organisation_id(),
                                    .module_id = command.module_id.value_or(0),
                                    .held_on = command.held_on,
                                    .ends_on = command.ends_on,
                                    .duration_minutes = command.duration_minutes,
                                    .title = command.title};
    if (auto checked = domain::CheckTrainingSession(session); !checked) {
      errors.insert(errors.end(), checked.error().fields.begin(), checked.error().fields.end());
    }
    if (!errors.empty()) return Error::Fields(std::move(errors));
    const auto id = training.InsertSession(session, actor.user_id, unit.now());
    Audit(services, unit, actor,
          {"training.session_create", "training_session", std::to_string(id)});
    return id;
  });
}

Result<std::int64_t> SaveAttendance(const Services& services, const auth::Actor& actor,
                                    const SaveAttendanceCommand& command) {
  if (!VolunteerPolicy::CanManage(actor)) return Error::NotFound();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto page = TRY(ReadSessionPage(unit, command.session_id, {}));
    if (!AttendanceFits(page, command.attendance)) {
      return Error::Invalid(N_("Choose volunteers from the list."));
    }
    store::TrainingStore(unit.session())
        .ReplaceAttendance(page.session.id, page.session.organisation_id, command.attendance,
                           actor.user_id, unit.now());
    Audit(services, unit, actor,
          {"training.attendance", "training_session", std::to_string(page.session.id)});
    return page.session.id;
  });
}

Result<TrainingPage> LoadTrainingPage(const Services& services, const auth::Actor& actor,
                                      const PageRequest& page) {
  if (!VolunteerPolicy::CanManage(actor)) return Error::Forbidden();
  auto modules = LoadProgramSetup(services, actor).training_modules;
  return Read(services, actor.scope(), [&](store::Unit& unit) -> Result<TrainingPage> {
    store::TrainingStore training(unit.session());
    TrainingPage loaded{.modules = std::move(modules)};
    loaded.total = training.CountSessions(unit.organisation_id());
    loaded.sessions = training.ListSessions(unit.organisation_id(), SliceOf(page, loaded.total));
    return loaded;
  });
}

Result<TrainingSessionPage> LoadTrainingSessionPage(const Services& services,
                                                    const auth::Actor& actor,
                                                    std::int64_t session_id,
                                                    const RosterFilter& filter) {
  if (!VolunteerPolicy::CanManage(actor)) return Error::NotFound();
  return Read(services, actor.scope(),
              [&](store::Unit& unit) { return ReadSessionPage(unit, session_id, filter); });
}

}  // namespace cercle::app::volunteers
