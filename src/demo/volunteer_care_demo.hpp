#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "base/result.hpp"

namespace cercle::demo {

// Adds the care of the demo organisation's volunteers: the debriefs that closing the demo's
// urgent concerns scheduled stay due but one, recorded held by the coordinator a few days after
// its concern closed; each active volunteer with an account answers the monthly wellbeing check
// of the last three months (from the month their file opened), one of them falling to "Rather
// low" last month, which flags them on the home page; each exited volunteer's exit interview is
// recorded two days after the exit. Bastien Fictif answered the last two months
// but not this one, so that his portal offers this month's check. Every step goes through
// app::volunteers and app::portal, dated as it happened. Expects LoadConcerns and
// LoadVolunteerDepartures to have run.
Status LoadVolunteerCare(const app::Services& services, std::int64_t organisation_id);

}  // namespace cercle::demo
