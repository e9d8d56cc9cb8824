#include "domain/circle_flags.hpp"

#include "domain/circle_contacts.hpp"

namespace cercle::domain {

std::vector<CircleFlag> CircleFlags(const Circle& circle, std::optional<CivilDate> last_meeting,
                                    std::optional<CivilDate> last_contact,
                                    const std::vector<CircleReview>& reviews,
                                    const FlagSettings& settings, CivilDate today) {
  std::vector<CircleFlag> flags;
  if (circle.closed() || circle.phase == CirclePhase::kForming) return flags;
  if (MeetingOverdue(circle.phase, last_meeting, circle.phase_since, today)) {
    const CivilDate since =
        last_meeting && *last_meeting > circle.phase_since ? *last_meeting : circle.phase_since;
    flags.push_back(
        {CircleFlagKind::kMeetingOverdue, circle.id, 0, since, DaysBetween(since, today), true});
  }
  if (const auto days = DaysWithoutContact(circle.phase, last_contact, last_meeting,
                                           circle.phase_since, today, settings.contact_flag_days)) {
    flags.push_back(
        {CircleFlagKind::kNoContact, circle.id, 0, AddDays(today, -*days), *days, false});
  }
  if (circle.started_on) {
    const auto schedule = ScheduleOf(*circle.started_on, reviews, settings.review_months);
    const CivilDate horizon = AddDays(today, kReviewNoticeDays);
    if (schedule.next_review <= horizon) {
      flags.push_back({CircleFlagKind::kReviewDue, circle.id, 0, schedule.next_review, 0,
                       schedule.next_review < today});
    }
    if (schedule.next_renewal && *schedule.next_renewal <= horizon) {
      flags.push_back({CircleFlagKind::kRenewalDue, circle.id, 0, *schedule.next_renewal, 0,
                       *schedule.next_renewal < today});
    }
  }
  return flags;
}

std::optional<CircleFlag> MinutesFlag(const Meeting& meeting, const Minutes* minutes,
                                      CivilDate meeting_day, Instant now) {
  switch (MinutesStateOf(meeting, minutes, now)) {
    case MinutesState::kLate:
      return CircleFlag{
          CircleFlagKind::kMinutesLate, meeting.circle_id, meeting.id, meeting_day, 0, true};
    case MinutesState::kAwaitingAcknowledgement:
      return CircleFlag{CircleFlagKind::kMinutesToAcknowledge,
                        meeting.circle_id,
                        meeting.id,
                        meeting_day,
                        0,
                        false};
    default:
      return std::nullopt;
  }
}

}  // namespace cercle::domain
