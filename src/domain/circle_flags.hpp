#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/circle_record.hpp"
#include "domain/circle_reviews.hpp"

// What a circle needs someone to look at: no meeting for longer than its phase allows, minutes past
// 48 hours or waiting for the coordinator, a review or renewal due within 30 days, no contact for N
// days. The coordinator's home page lists them; the volunteer's phone view shows the minutes they
// are late with. No I/O.
namespace cercle::domain {

enum class CircleFlagKind {
  kMeetingOverdue,        // no meeting held for longer than the phase allows
  kMinutesLate,           // a held meeting without minutes 48 hours after it ended
  kMinutesToAcknowledge,  // minutes submitted, not yet acknowledged
  kReviewDue,             // the next review falls within kReviewNoticeDays (or has passed)
  kRenewalDue,            // the yearly renewal decision likewise
  kNoContact,             // no contact and no meeting for more than the organisation's days
};

// One flag of one circle.
struct CircleFlag {
  CircleFlagKind kind = CircleFlagKind::kMeetingOverdue;
  std::int64_t circle_id = 0;
  std::int64_t meeting_id = 0;  // for the minutes flags
  CivilDate date{};     // the day it concerns: the last meeting, the due date, the meeting's day
  int days = 0;         // days without meetings or contact, where it applies
  bool urgent = false;  // overdue rather than coming
};

// The organisation's settings the flags use.
struct FlagSettings {
  int review_months = 3;       // "circle.review_months"
  int contact_flag_days = 14;  // "circle.contact_flag_days"
};

// The flags of an open `circle` on `today`: the meeting rhythm (from its last held meeting, or from
// the start of its phase), the reviews and renewal (from `reviews` and its start, for started
// circles), and contact (from the last contact and the last meeting). Nothing for a closed circle.
std::vector<CircleFlag> CircleFlags(const Circle& circle, std::optional<CivilDate> last_meeting,
                                    std::optional<CivilDate> last_contact,
                                    const std::vector<CircleReview>& reviews,
                                    const FlagSettings& settings, CivilDate today);

// The minutes flag of `meeting` on `now`, if any: late, or waiting for acknowledgement.
// `meeting_day` is the meeting's day in the organisation's time zone.
std::optional<CircleFlag> MinutesFlag(const Meeting& meeting, const Minutes* minutes,
                                      CivilDate meeting_day, Instant now);

}  // namespace cercle::domain
