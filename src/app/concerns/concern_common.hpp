#pragma once

#include <cstdint>
#include <functional>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "notify/concern_alerts.hpp"
#include "store/concern_escalation_store.hpp"
#include "store/concern_store.hpp"
#include "store/page_slice.hpp"
#include "store/unit.hpp"
#include "store/user_store.hpp"

// What the concerns' commands and page queries share: the row types their pages carry, the way a
// page of a list is chosen, and the one check that the actor may handle a concern.
namespace cercle::app::concerns {

// A concern with its circle's code name and its raiser's name.
using ConcernRow = store::ConcernRow;
// An action with the name of the account that recorded it.
using ActionRow = store::ActionRow;
// A disclosure with its recorder's name and its circle's code name.
using DisclosureRow = store::DisclosureRow;
// One alert step of a concern with its recipients.
using EscalationStep = store::EscalationStep;
// An account of the organisation.
using User = store::User;

// Chooses the page of a list once its number of rows (`total`) is known: the web layer reads the
// page asked for (?page=) and keeps it within the list.
using PageChoice = std::function<store::PageSlice(std::int64_t total)>;

// The concern `concern_id` with its circle's code name, when `actor` may handle it (a coordinator
// or an organisation admin of its organisation); NotFound otherwise, as for a missing one.
Result<ConcernRow> FindManaged(const store::Unit& unit, const auth::Actor& actor,
                               std::int64_t concern_id);

// What the alert and reply mails need from the services.
notify::AlertServices AlertServicesOf(const Services& services);

// The organisation's active coordinators and administrators, in the order `users` lists them.
std::vector<User> StaffOf(const std::vector<User>& users);

}  // namespace cercle::app::concerns
