#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "base/dates.hpp"
#include "domain/volunteer_care.hpp"

namespace cercle::app::volunteers {

// Why a volunteer needs staff.
enum class AttentionReason {
  kScreeningExpired,    // a screening item expired (on hold for new circles when it is required)
  kScreeningExpiring,   // one expires within the organisation's notice period
  kSupervisionOverdue,  // no supervision for longer than the organisation's period
  kDebriefDue,          // a debrief owed after an urgent or emergency concern closed, not held
  kWellbeingFlag,       // the wellbeing answers fell, or went unanswered (domain::WellbeingFlagOf)
};

// One thing a volunteer needs from staff.
struct VolunteerAttention {
  AttentionReason reason = AttentionReason::kScreeningExpiring;
  std::int64_t volunteer_id = 0;
  std::string name;  // the volunteer's full name
  // The expiry, the last supervision (or approval), the debrief's due day, or the first day of
  // the wellbeing flag's month.
  CivilDate date;
  std::string item;             // the screening item type's name (data, or a default's msgid)
  bool required = false;        // the item is required for circles
  int days = 0;                 // the days without supervision
  std::int64_t debrief_id = 0;  // the debrief due
  std::optional<domain::WellbeingFlag> wellbeing;  // the wellbeing flag
};

// What the volunteers of the actor's organisation need from staff, volunteer by volunteer, for the
// home page; nothing for actors who may not manage volunteers.
std::vector<VolunteerAttention> LoadVolunteerAttention(const Services& services,
                                                       const auth::Actor& actor);

}  // namespace cercle::app::volunteers
