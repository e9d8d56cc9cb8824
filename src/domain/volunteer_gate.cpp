#include "domain/volunteer_gate.hpp"

#include <algorithm>

namespace cercle::domain {

bool GateResult::Fails(GateCondition condition) const {
  return std::any_of(failures.begin(), failures.end(),
                     [&](const GateFailure& failure) { return failure.condition == condition; });
}

GateResult CheckVolunteerGate(const GateInput& input, const Settings& settings, CivilDate today) {
  GateResult result;
  const auto& volunteer = input.volunteer;
  const auto stage = volunteer.stage;

  // Approved, or past approval: active, or on leave (which its own condition refuses).
  const bool approved = stage == VolunteerStage::kApproved || stage == VolunteerStage::kActive ||
                        stage == VolunteerStage::kOnLeave;
  if (!approved) result.failures.push_back({GateCondition::kApproved, "", 0, 0});

  const int minimum_age = static_cast<int>(settings.Get(domain::SettingKey::kVolunteerMinimumAge));
  const int age = volunteer.date_of_birth ? AgeOn(*volunteer.date_of_birth, today) : 0;
  if (!volunteer.date_of_birth || age < minimum_age) {
    result.failures.push_back({GateCondition::kMinimumAge, "", age, minimum_age});
  }

  // The notice period does not matter here: an item expiring soon is still valid today.
  for (const auto& status :
       SummariseScreening(input.screening_types, input.screening_items, today, 0)) {
    if (!status.type.required) continue;
    const int needed = std::max(1, status.type.required_count);
    if (status.valid_count < needed) {
      result.failures.push_back(
          {GateCondition::kScreeningValid, status.type.name, status.valid_count, needed});
    }
  }

  for (const auto& progress :
       SummariseTraining(input.training_modules, input.training_attendance)) {
    if (!progress.module.active || !progress.module.required_for_circles || progress.complete()) {
      continue;
    }
    result.failures.push_back({GateCondition::kBasicTrainingComplete, progress.module.name,
                               progress.attended_minutes, progress.module.required_minutes});
  }

  if (stage == VolunteerStage::kOnLeave) {
    result.failures.push_back({GateCondition::kNotOnLeave, "", 0, 0});
  }

  const int limit =
      static_cast<int>(settings.Get(domain::SettingKey::kVolunteerCirclesPerVolunteer));
  if (input.current_circle_count >= limit) {
    result.failures.push_back(
        {GateCondition::kBelowCircleLimit, "", input.current_circle_count, limit});
  }
  return result;
}

bool OnHoldForExpiredScreening(const std::vector<ScreeningItemType>& types,
                               const std::vector<ScreeningItem>& items, CivilDate today) {
  for (const auto& status : SummariseScreening(types, items, today, 0)) {
    if (status.type.required && status.status == ScreeningStatus::kExpired) return true;
  }
  return false;
}

}  // namespace cercle::domain
