#include "app/concerns/on_call.hpp"

#include <algorithm>

#include "auth/policies/concern_policy.hpp"
#include "store/settings_store.hpp"

namespace cercle::app::concerns {
namespace {

using auth::policies::ConcernPolicy;

// The rota `command` asks for: each staff member's first choice, in the staff's order, then every
// choice naming someone else (refused by domain::CheckOnCall).
std::vector<domain::OnCallEntry> EntriesOf(const SaveOnCallCommand& command,
                                           const std::vector<std::int64_t>& staff) {
  std::vector<domain::OnCallEntry> entries;
  for (const auto user : staff) {
    const auto chosen =
        std::find_if(command.choices.begin(), command.choices.end(),
                     [&](const OnCallChoice& choice) { return choice.user_id == user; });
    if (chosen != command.choices.end()) entries.push_back({user, chosen->level});
  }
  for (const auto& choice : command.choices) {
    if (!choice.user_id || std::find(staff.begin(), staff.end(), *choice.user_id) == staff.end()) {
      entries.push_back({choice.user_id.value_or(0), 0});
    }
  }
  return entries;
}

}  // namespace

Result<OnCallPage> LoadOnCallPage(const Services& services, const auth::Actor& actor) {
  if (!ConcernPolicy::CanSetOnCall(actor)) return Error::NotFound();
  const std::int64_t organisation = actor.organisation_id.value_or(0);
  return Read(services, actor.scope(), [&](store::Unit& unit) -> Result<OnCallPage> {
    OnCallPage page;
    page.users = store::UserStore(unit.session()).ListOrganisation(organisation);
    page.staff = StaffOf(page.users);
    page.on_call = store::ConcernEscalationStore(unit.session()).OnCall(organisation);
    const auto settings = store::SettingsStore(unit.session()).Load(organisation);
    page.emergency_minutes = settings.Get(domain::SettingKey::kConcernAckMinutesEmergency);
    page.urgent_minutes = settings.Get(domain::SettingKey::kConcernAckMinutesUrgent);
    return page;
  });
}

Result<std::int64_t> SaveOnCall(const Services& services, const auth::Actor& actor,
                                const SaveOnCallCommand& command) {
  if (!ConcernPolicy::CanSetOnCall(actor)) return Error::NotFound();
  const std::int64_t organisation = actor.organisation_id.value_or(0);
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    std::vector<std::int64_t> staff;
    for (const auto& user :
         StaffOf(store::UserStore(unit.session()).ListOrganisation(organisation)))
      staff.push_back(user.id);
    const auto entries = EntriesOf(command, staff);
    TRY(domain::CheckOnCall(entries, staff));
    store::ConcernEscalationStore(unit.session())
        .ReplaceOnCall(organisation, entries, actor.user_id, unit.now());
    Audit(services, unit, actor, {"concern.on_call", "organisation", std::to_string(organisation)});
    return organisation;
  });
}

int EscalateDueAlerts(const Services& services) {
  const int queued =
      notify::ConcernEscalator(services.database, services.clock, AlertServicesOf(services))
          .EscalateDue();
  if (queued > 0) services.NoteMailQueued();
  return queued;
}

}  // namespace cercle::app::concerns
