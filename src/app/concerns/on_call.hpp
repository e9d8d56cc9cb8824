#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "app/concerns/concern_common.hpp"
#include "domain/concern_escalation.hpp"

// The on-call rota that urgent and emergency concerns alert: who is on call (level 0) and the
// backups in order, among the organisation's active coordinators and administrators.
namespace cercle::app::concerns {

// What the rota page shows.
struct OnCallPage {
  // Every account of the organisation (to name the rota's people), and those who may be on call.
  std::vector<User> users;
  std::vector<User> staff;
  std::vector<domain::OnCallEntry> on_call;
  // The acknowledgement deadlines the organisation's settings give, in minutes.
  std::int64_t emergency_minutes = 0;
  std::int64_t urgent_minutes = 0;
};

// The rota page; NotFound for an actor who may not set the rota.
Result<OnCallPage> LoadOnCallPage(const Services& services, const auth::Actor& actor);

// One level chosen in the form.
struct OnCallChoice {
  // The account the choice names; none when the form's field names no account.
  std::optional<std::int64_t> user_id;
  // The level chosen; -1 when it is not a whole number.
  int level = -1;
};

// The rota as submitted: one choice per person given a level, in the form's order.
struct SaveOnCallCommand {
  std::vector<OnCallChoice> choices;
};

// Replaces the rota after domain::CheckOnCall (field "on_call"), audited "concern.on_call" on the
// organisation. A choice naming someone who is not staff (a forged form) is refused like a bad
// level. Returns the organisation's id; NotFound for an actor who may not set the rota.
Result<std::int64_t> SaveOnCall(const Services& services, const auth::Actor& actor,
                                const SaveOnCallCommand& command);

// Fires the alert steps of every organisation due at the services' clock, as the server's
// scheduler does on each pass (notify::ConcernEscalator), for a caller without a scheduler: the
// demo loader, which replays a concern's alerts on the day they fell due. Returns how many mails
// were queued.
int EscalateDueAlerts(const Services& services);

}  // namespace cercle::app::concerns
