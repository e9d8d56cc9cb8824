#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "app/volunteers/volunteer_hours.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/hours.hpp"
#include "domain/volunteer.hpp"

// The volunteer's own portal: their file, and the hours they log themselves (travel, phone
// contact, events), which wait for the coordinator's approval.
namespace cercle::app::portal {

// The actor's own volunteer file, when they may see their portal (a volunteer whose account is
// linked to the file); NotFound otherwise.
Result<domain::Volunteer> FindOwnFile(const Services& services, const auth::Actor& actor);

// Hours as the volunteer typed them.
struct LogHoursCommand {
  volunteers::LogHoursCommand hours;  // the day, kind, minutes and description
  // What the form's reading found wrong; reported after a closed file's refusal, which comes first.
  Status read;
};

// Stores the hours as pending on the actor's own file through app::volunteers::LogOwnHours
// ("volunteer.hours_log"); NotFound without a portal, and a refusal when the file is closed, before
// what the form's reading found wrong.
Result<std::int64_t> LogHours(const Services& services, const auth::Actor& actor,
                              const LogHoursCommand& command);

}  // namespace cercle::app::portal
