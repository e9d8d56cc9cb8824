#include "domain/outcomes.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "domain/enum_names.hpp"
#include "domain/field_checks.hpp"

namespace cercle::domain {

Status CheckRecidivismEvent(RecidivismEvent& event, CivilDate today) {
  std::vector<FieldError> errors;
  CheckRecordDate(errors, "occurred_on", event.occurred_on, today);
  CheckText(errors, "reference", event.reference, kMaxReferenceLength);
  return Checked(std::move(errors));
}

OutcomeScale DefaultScale(OutcomeDimension dimension) {
  switch (dimension) {
    case OutcomeDimension::kHousing:
      return {dimension,
              {N_("No stable housing (shelter, street)"),
               N_("Temporary housing (halfway house, staying with others)"),
               N_("Stable housing of his own")},
              true};
    case OutcomeDimension::kOccupation:
      return {dimension,
              {N_("No work or regular activity"), N_("Some work, training or volunteering"),
               N_("Steady work, studies or a full retirement routine")},
              true};
    case OutcomeDimension::kSocialNetwork:
      return {dimension,
              {N_("Isolated: no one to turn to outside the program"),
               N_("A few people outside the program"), N_("A support network outside the program")},
              true};
  }
  return {dimension, {}, true};
}

Result<std::vector<std::string>> ParseScaleLevels(std::string_view text,
                                                  std::size_t highest_level_in_use,
                                                  const std::string& field) {
  std::vector<std::string> labels;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    const auto line = Trimmed(
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!line.empty()) labels.push_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  std::vector<FieldError> errors;
  if (labels.size() < kMinScaleLevels || labels.size() > kMaxScaleLevels) {
    errors.push_back({field,
                      {N_("Write from {minimum} to {maximum} levels, one per line."),
                       {{"minimum", std::to_string(kMinScaleLevels)},
                        {"maximum", std::to_string(kMaxScaleLevels)}}}});
  } else if (labels.size() < highest_level_in_use) {
    errors.push_back({field,
                      {N_("Recorded measures use level {level}: keep at least {level} levels."),
                       {{"level", std::to_string(highest_level_in_use)}}}});
  }
  for (const auto& label : labels) {
    if (CharacterCount(label) > kMaxLevelLabelLength) {
      errors.push_back({field, TooLong(kMaxLevelLabelLength)});
      break;
    }
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return labels;
}

Status CheckOutcomeMeasure(const OutcomeMeasure& measure, const std::vector<OutcomeScale>& scales,
                           CivilDate today) {
  std::vector<FieldError> errors;
  CheckRecordDate(errors, "measured_on", measure.measured_on, today);
  for (const auto dimension : EnumValues<domain::OutcomeDimension>()) {
    const auto index = static_cast<std::size_t>(dimension);
    const int level = measure.levels[index];
    const std::size_t levels = index < scales.size() ? scales[index].labels.size() : 0;
    if (level < 1 || static_cast<std::size_t>(level) > levels) {
      errors.push_back({std::string(NameOf(dimension)), {N_("Choose one of the levels."), {}}});
    }
  }
  return Checked(std::move(errors));
}

std::vector<FollowUp> FollowUpSchedule(CivilDate closed_on,
                                       const std::vector<FollowUpCheck>& checks) {
  std::vector<FollowUp> schedule;
  for (const int months : kFollowUpMonths) {
    FollowUp follow_up{months, AddMonths(closed_on, months), std::nullopt};
    for (const auto& check : checks) {
      if (check.milestone_months != months) continue;
      if (!follow_up.check || follow_up.check->checked_on < check.checked_on)
        follow_up.check = check;
    }
    schedule.push_back(std::move(follow_up));
  }
  return schedule;
}

bool IsFollowUpMilestone(int milestone) {
  return std::find(kFollowUpMonths.begin(), kFollowUpMonths.end(), milestone) !=
         kFollowUpMonths.end();
}

Status CheckFollowUpCheck(const FollowUpCheck& check, CivilDate closed_on, CivilDate today) {
  std::vector<FieldError> errors;
  if (!IsFollowUpMilestone(check.milestone_months)) {
    AddError(errors, "milestone", N_("Choose one of the options."));
  }
  CheckPastDay(errors, "checked_on", check.checked_on, today,
               Earliest{closed_on, N_("A follow-up comes after the file was closed.")});
  return Checked(std::move(errors));
}

}  // namespace cercle::domain
