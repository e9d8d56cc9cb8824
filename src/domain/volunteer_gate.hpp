#pragma once

#include <string>
#include <vector>

#include "base/dates.hpp"
#include "domain/person_enums.hpp"
#include "domain/screening.hpp"
#include "domain/settings.hpp"
#include "domain/training.hpp"
#include "domain/volunteer.hpp"

// The gate before a circle: the one rule that decides whether a volunteer may be proposed for a
// circle. Every path that adds a volunteer to a circle calls CheckVolunteerGate. No I/O.
namespace cercle::domain {

// One condition that fails, with what it is about.
struct GateFailure {
  GateCondition condition = GateCondition::kApproved;
  std::string subject;  // the screening item type or training module (a name, to translate), or ""
  int have = 0;         // valid items, minutes attended, circles, age
  int need = 0;         // items needed, minutes required, the limit, the minimum age
};

// The gate's answer: every failing condition, in the order of GateCondition.
struct GateResult {
  std::vector<GateFailure> failures;
  bool passed() const { return failures.empty(); }
  // True when `condition` is among the failures.
  bool Fails(GateCondition condition) const;
};

// What the gate judges.
struct GateInput {
  const Volunteer& volunteer;
  const std::vector<ScreeningItemType>& screening_types;
  const std::vector<ScreeningItem>& screening_items;  // the volunteer's
  const std::vector<TrainingModule>& training_modules;
  const std::vector<TrainingAttendance>& training_attendance;  // the volunteer's
  int current_circle_count = 0;  // the circles the volunteer is in now
};

// Checks every condition for proposing `input.volunteer` for a circle on `today`, with the
// organisation's `settings` ("volunteer.minimum_age", "volunteer.circles_per_volunteer"), and
// returns each one that fails.
GateResult CheckVolunteerGate(const GateInput& input, const Settings& settings, CivilDate today);

// True when the volunteer is "on hold" for new circles because a required screening item has
// expired.
bool OnHoldForExpiredScreening(const std::vector<ScreeningItemType>& types,
                               const std::vector<ScreeningItem>& items, CivilDate today);

}  // namespace cercle::domain
