#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "base/result.hpp"

namespace cercle::demo {

// Adds the fictional volunteers of one demo organisation: about twenty people at every step of the
// pipeline, with training attendance, screening items (some expiring soon, one expired), logged
// hours (approved and awaiting approval) and supervision sessions. The demo account "Bastien
// Fictif" (role volunteer) is linked to his active file, so that signing in as him opens his
// portal. Every step goes through app::volunteers, as the organisation's coordinator (Bastien logs
// his own hours), dated relative to the services' today. Expects the organisation's demo accounts
// to exist.
// The files of volunteers who went on leave or left stay active until
// LoadVolunteerDepartures moves them, once they served in the demo circles.
Status LoadVolunteers(const app::Services& services, std::int64_t organisation_id);

// Moves the demo volunteers who went on leave or left ("Léon Maquette", "Héloïse Hypothèse") to
// that stage on the day they did, through app::volunteers::MoveStage. Expects LoadVolunteers and
// LoadCircles (whose volunteers join through the volunteer gate, which refuses both stages) to
// have run.
Status LoadVolunteerDepartures(const app::Services& services, std::int64_t organisation_id);

}  // namespace cercle::demo
