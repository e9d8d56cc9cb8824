#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/volunteer.hpp"
#include "domain/volunteer_care.hpp"

// The monthly wellbeing check in the volunteer's own portal: a point of a short scale and an
// optional note, one answer a month, which only the coordinators read (a volunteer sees only their
// own). Only the volunteer whose account is linked to an open file answers it; anyone else gets
// NotFound.
namespace cercle::app::portal {

// This month's check for the actor's own file: the month and their answer, if they gave it.
struct WellbeingCheck {
  domain::Volunteer volunteer;
  std::string month;  // "YYYY-MM", in the organisation's time zone
  CivilDate today;
  std::optional<domain::WellbeingAnswer> answer;
};

// This month's check of the actor's own open file, audited "volunteer.wellbeing_view_own";
// NotFound without a portal or with a closed file.
Result<WellbeingCheck> LoadWellbeingCheck(const Services& services, const auth::Actor& actor);

// True when the actor's own open file has not answered this month's check.
bool WellbeingDue(const Services& services, const auth::Actor& actor,
                  const domain::Volunteer& volunteer);

// Stores this month's answer on the actor's own open file, checked by domain::CheckWellbeingReply
// ("volunteer.wellbeing_answer"). One answer a month: a second one the same month is refused
// (Conflict) and the first stays, since coordinators may have read it already.
Result<std::int64_t> AnswerWellbeing(const Services& services, const auth::Actor& actor,
                                     const domain::WellbeingReply& reply);

}  // namespace cercle::app::portal
