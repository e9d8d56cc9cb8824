#include "domain/circle_meetings.hpp"

#include <array>

#include "domain/field_checks.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {
namespace {

constexpr int kOldestPlannedDays = 366;
constexpr int kFurthestPlannedDays = 731;

// Trims `text` and adds a field error when it is longer than the minutes allow.
void CheckPart(std::string& text, const char* field, bool required,
               std::vector<FieldError>& errors) {
  CheckText(errors, field, text, kMaxMinutesPartLength,
            required ? N_("This part of the minutes is required.") : nullptr);
}

}  // namespace

std::optional<std::string_view> ModeShownInsteadOfPlace(const Meeting& meeting) {
  if (meeting.mode == MeetingMode::kInPerson) return std::nullopt;
  return LabelOf(meeting.mode);
}

Instant MinutesDueAt(const Meeting& meeting) {
  return meeting.ends() + std::chrono::hours(kMinutesDueHours);
}

MinutesState MinutesStateOf(const Meeting& meeting, const Minutes* minutes, Instant now) {
  if (minutes)
    return minutes->acknowledged() ? MinutesState::kAcknowledged
                                   : MinutesState::kAwaitingAcknowledgement;
  if (meeting.cancelled()) return MinutesState::kCancelled;
  if (meeting.starts > now) return MinutesState::kPlanned;
  return now > MinutesDueAt(meeting) ? MinutesState::kLate : MinutesState::kDue;
}

bool HasMeetingRhythm(CirclePhase phase) {
  switch (phase) {
    case CirclePhase::kPreRelease:
    case CirclePhase::kIntensive:
    case CirclePhase::kWeekly:
    case CirclePhase::kBiweekly:
    case CirclePhase::kMonthly:
      return true;
    default:
      return false;
  }
}

std::vector<CivilDate> MeetingSeries(CirclePhase phase, CivilDate first, int count) {
  std::vector<CivilDate> dates = {first};
  if (!HasMeetingRhythm(phase)) return dates;
  for (int i = 1; i < count; ++i) {
    switch (phase) {
      case CirclePhase::kIntensive:
      case CirclePhase::kWeekly:
        dates.push_back(AddDays(first, 7 * i));
        break;
      case CirclePhase::kPreRelease:
      case CirclePhase::kBiweekly:
        dates.push_back(AddDays(first, 14 * i));
        break;
      default:
        dates.push_back(AddMonths(first, i));
        break;
    }
  }
  return dates;
}

Status CheckMeetingPlan(const MeetingPlan& plan, CirclePhase phase, CivilDate today) {
  std::vector<FieldError> errors;
  if (!plan.kind) AddError(errors, "kind", N_("Choose the kind of meeting."));
  if (!plan.date) {
    AddError(errors, "date", N_("Enter a real date, such as 1980-05-31."));
  } else if (DaysBetween(*plan.date, today) > kOldestPlannedDays) {
    AddError(errors, "date", N_("Record meetings within a year of their date."));
  } else if (DaysBetween(today, *plan.date) > kFurthestPlannedDays) {
    AddError(errors, "date", N_("Plan meetings at most two years ahead."));
  }
  if (!plan.start_minute) AddError(errors, "time", N_("Enter a time, such as 19:00."));
  if (!plan.duration_minutes || *plan.duration_minutes < 15 || *plan.duration_minutes > 600) {
    AddError(errors, "duration", N_("Enter a length from 15 minutes to 10 hours, such as 1:30."));
  }
  RequireText(errors, "place", plan.place, 200,
              N_("Say where the circle meets, without naming anyone."));
  if (plan.count < 1 || plan.count > kMaxMeetingSeries) {
    AddError(errors, "count", N_("Plan from 1 to 12 meetings at once."));
  } else if (plan.count > 1 && !HasMeetingRhythm(phase)) {
    AddError(errors, "count",
             N_("This phase has no regular rhythm: plan its meetings one at a time."));
  }
  return Checked(std::move(errors));
}

Status CheckMinutes(Minutes& minutes, const Meeting& meeting, Instant now) {
  if (meeting.cancelled())
    return Error::Conflict(N_("This meeting was cancelled: it has no minutes."));
  if (meeting.starts > now)
    return Error::Invalid(N_("Minutes are written once the meeting has taken place."));
  std::vector<FieldError> errors;
  if (minutes.present_volunteers.empty() && !minutes.core_member_present) {
    AddError(errors, "present", N_("Tick who was present."));
  }
  CheckDuration(errors, "duration", minutes.duration_minutes);
  CheckPart(minutes.check_in, "check_in", true, errors);
  CheckPart(minutes.accountability, "accountability", true, errors);
  CheckPart(minutes.support, "support", false, errors);
  CheckPart(minutes.decisions, "decisions", false, errors);
  CheckPart(minutes.next_steps, "next_steps", false, errors);
  return Checked(std::move(errors));
}

Status CheckAcknowledgement(const Minutes& minutes, std::string_view comment) {
  if (minutes.acknowledged()) return Error::Conflict(N_("These minutes are already acknowledged."));
  if (CharacterCount(Trimmed(comment)) > 2000) {
    return Error::Fields(
        {{"comment", {N_("Use at most {count} characters."), {{"count", "2000"}}}}});
  }
  return {};
}

}  // namespace cercle::domain
