#include "domain/outcomes.hpp"

#include <algorithm>

#include "domain/enum_names.hpp"
#include "domain/intake_fields.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {
namespace {

// The earliest date an outcome may carry: nothing in the program is older.
constexpr CivilDate kEarliest{std::chrono::year{1950}, std::chrono::January, std::chrono::day{1}};

// Adds an error under `field` when `date` is in the future or implausibly old.
void CheckPastDate(std::vector<FieldError>& errors, const std::string& field, CivilDate date,
                   CivilDate today) {
  if (today < date) {
    errors.push_back({field, {N_("The date cannot be in the future."), {}}});
  } else if (date < kEarliest) {
    errors.push_back({field, {N_("Enter a date after 1950."), {}}});
  }
}

}  // namespace

const std::vector<RecidivismKind>& RecidivismKinds() {
  static const std::vector<RecidivismKind> kinds = {
      RecidivismKind::kNewCharge, RecidivismKind::kConviction, RecidivismKind::kBreachOfConditions,
      RecidivismKind::kReturnToCustody};
  return kinds;
}

std::string_view RecidivismKindName(RecidivismKind kind) {
  switch (kind) {
    case RecidivismKind::kNewCharge:
      return "new_charge";
    case RecidivismKind::kConviction:
      return "conviction";
    case RecidivismKind::kBreachOfConditions:
      return "breach_of_conditions";
    case RecidivismKind::kReturnToCustody:
      return "return_to_custody";
  }
  return "new_charge";
}

std::optional<RecidivismKind> ParseRecidivismKind(std::string_view name) {
  return FindByName(RecidivismKinds(), RecidivismKindName, name);
}

std::string_view RecidivismKindLabel(RecidivismKind kind) {
  switch (kind) {
    case RecidivismKind::kNewCharge:
      return N_("New charge");
    case RecidivismKind::kConviction:
      return N_("Conviction");
    case RecidivismKind::kBreachOfConditions:
      return N_("Breach of conditions");
    case RecidivismKind::kReturnToCustody:
      return N_("Return to custody");
  }
  return N_("New charge");
}

const std::vector<OffenceCategory>& OffenceCategories() {
  static const std::vector<OffenceCategory> categories = {
      OffenceCategory::kSexual, OffenceCategory::kViolent, OffenceCategory::kOther};
  return categories;
}

std::string_view OffenceCategoryName(OffenceCategory category) {
  switch (category) {
    case OffenceCategory::kSexual:
      return "sexual";
    case OffenceCategory::kViolent:
      return "violent";
    case OffenceCategory::kOther:
      return "other";
  }
  return "other";
}

std::optional<OffenceCategory> ParseOffenceCategory(std::string_view name) {
  return FindByName(OffenceCategories(), OffenceCategoryName, name);
}

std::string_view OffenceCategoryLabel(OffenceCategory category) {
  switch (category) {
    case OffenceCategory::kSexual:
      return N_("Sexual");
    case OffenceCategory::kViolent:
      return N_("Violent (non-sexual)");
    case OffenceCategory::kOther:
      return N_("Other");
  }
  return N_("Other");
}

const std::vector<EventSource>& EventSources() {
  static const std::vector<EventSource> sources = {
      EventSource::kCourtRecords, EventSource::kParoleOfficer, EventSource::kPolice,
      EventSource::kCoreMember,   EventSource::kMedia,         EventSource::kOther};
  return sources;
}

std::string_view EventSourceName(EventSource source) {
  switch (source) {
    case EventSource::kCourtRecords:
      return "court_records";
    case EventSource::kParoleOfficer:
      return "parole_officer";
    case EventSource::kPolice:
      return "police";
    case EventSource::kCoreMember:
      return "core_member";
    case EventSource::kMedia:
      return "media";
    case EventSource::kOther:
      return "other";
  }
  return "other";
}

std::optional<EventSource> ParseEventSource(std::string_view name) {
  return FindByName(EventSources(), EventSourceName, name);
}

std::string_view EventSourceLabel(EventSource source) {
  switch (source) {
    case EventSource::kCourtRecords:
      return N_("Court or public records");
    case EventSource::kParoleOfficer:
      return N_("Parole or probation officer");
    case EventSource::kPolice:
      return N_("Police");
    case EventSource::kCoreMember:
      return N_("The core member himself");
    case EventSource::kMedia:
      return N_("Media");
    case EventSource::kOther:
      return N_("Other");
  }
  return N_("Other");
}

const std::vector<CirclePeriod>& CirclePeriods() {
  static const std::vector<CirclePeriod> periods = {CirclePeriod::kDuring, CirclePeriod::kAfter};
  return periods;
}

std::string_view CirclePeriodName(CirclePeriod period) {
  return period == CirclePeriod::kDuring ? "during" : "after";
}

std::optional<CirclePeriod> ParseCirclePeriod(std::string_view name) {
  return FindByName(CirclePeriods(), CirclePeriodName, name);
}

std::string_view CirclePeriodLabel(CirclePeriod period) {
  return period == CirclePeriod::kDuring ? N_("During the circle") : N_("After the circle");
}

Status CheckRecidivismEvent(RecidivismEvent& event, CivilDate today) {
  std::vector<FieldError> errors;
  event.reference = intake::Trimmed(event.reference);
  CheckPastDate(errors, "occurred_on", event.occurred_on, today);
  if (volunteer_text::CharacterCount(event.reference) > kMaxReferenceLength) {
    errors.push_back({"reference", intake::TooLong(kMaxReferenceLength)});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

const std::vector<OutcomeDimension>& OutcomeDimensions() {
  static const std::vector<OutcomeDimension> dimensions = {
      OutcomeDimension::kHousing, OutcomeDimension::kOccupation, OutcomeDimension::kSocialNetwork};
  return dimensions;
}

std::string_view OutcomeDimensionName(OutcomeDimension dimension) {
  switch (dimension) {
    case OutcomeDimension::kHousing:
      return "housing";
    case OutcomeDimension::kOccupation:
      return "occupation";
    case OutcomeDimension::kSocialNetwork:
      return "social_network";
  }
  return "housing";
}

std::optional<OutcomeDimension> ParseOutcomeDimension(std::string_view name) {
  return FindByName(OutcomeDimensions(), OutcomeDimensionName, name);
}

std::string_view OutcomeDimensionLabel(OutcomeDimension dimension) {
  switch (dimension) {
    case OutcomeDimension::kHousing:
      return N_("Housing stability");
    case OutcomeDimension::kOccupation:
      return N_("Employment or occupation");
    case OutcomeDimension::kSocialNetwork:
      return N_("Social network and isolation");
  }
  return N_("Housing stability");
}

const std::vector<MeasureOccasion>& MeasureOccasions() {
  static const std::vector<MeasureOccasion> occasions = {
      MeasureOccasion::kStart, MeasureOccasion::kReview, MeasureOccasion::kClosure};
  return occasions;
}

std::string_view MeasureOccasionName(MeasureOccasion occasion) {
  switch (occasion) {
    case MeasureOccasion::kStart:
      return "start";
    case MeasureOccasion::kReview:
      return "review";
    case MeasureOccasion::kClosure:
      return "closure";
  }
  return "start";
}

std::optional<MeasureOccasion> ParseMeasureOccasion(std::string_view name) {
  return FindByName(MeasureOccasions(), MeasureOccasionName, name);
}

std::string_view MeasureOccasionLabel(MeasureOccasion occasion) {
  switch (occasion) {
    case MeasureOccasion::kStart:
      return N_("At the start");
    case MeasureOccasion::kReview:
      return N_("At a review");
    case MeasureOccasion::kClosure:
      return N_("At closure");
  }
  return N_("At the start");
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
    const auto line = intake::Trimmed(
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
    if (volunteer_text::CharacterCount(label) > kMaxLevelLabelLength) {
      errors.push_back({field, intake::TooLong(kMaxLevelLabelLength)});
      break;
    }
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return labels;
}

Status CheckOutcomeMeasure(const OutcomeMeasure& measure, const std::vector<OutcomeScale>& scales,
                           CivilDate today) {
  std::vector<FieldError> errors;
  CheckPastDate(errors, "measured_on", measure.measured_on, today);
  for (const auto dimension : OutcomeDimensions()) {
    const auto index = static_cast<std::size_t>(dimension);
    const int level = measure.levels[index];
    const std::size_t levels = index < scales.size() ? scales[index].labels.size() : 0;
    if (level < 1 || static_cast<std::size_t>(level) > levels) {
      errors.push_back(
          {std::string(OutcomeDimensionName(dimension)), {N_("Choose one of the levels."), {}}});
    }
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
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
    errors.push_back({"milestone", {N_("Choose one of the options."), {}}});
  }
  if (today < check.checked_on) {
    errors.push_back({"checked_on", {N_("The date cannot be in the future."), {}}});
  } else if (check.checked_on < closed_on) {
    errors.push_back({"checked_on", {N_("A follow-up comes after the file was closed."), {}}});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

}  // namespace cercle::domain
