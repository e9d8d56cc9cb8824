#pragma once

#include <array>
#include <optional>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/enum_names.hpp"
#include "domain/roles.hpp"

// The reminders Cercle mails, when each is due, and who may get it. Each person chooses which they
// get (every one is on until they turn it off). No I/O.
namespace cercle::domain {

enum class ReminderKind {
  kMinutesDue,         // to the writer, 24 hours after the meeting ended without minutes
  kMinutesLate,        // to the writer again at 48 hours
  kScreeningExpiring,  // to the coordinators and to the volunteer, within the notice period
  kReviewDue,          // circle reviews and yearly renewals due, to the coordinators
  kFollowUpDue,        // follow-ups of closed files due, to the coordinators
  kWeeklyDigest,       // Monday morning, to each coordinator: every group of the home page
};

// How long after a meeting ends its writer is reminded, then told the minutes are late.
inline constexpr auto kMinutesDueAfter = std::chrono::hours(24);
inline constexpr auto kMinutesLateAfter = std::chrono::hours(48);
// Meetings that ended longer ago than this are not reminded of any more (the coordinator's home
// page keeps them): a server started after a long stop does not mail about old meetings.
inline constexpr auto kMinutesRemindedFor = std::chrono::days(7);
// The weekly digest goes on Monday from this local hour.
inline constexpr int kDigestHour = 7;

// The minutes reminder due for a meeting without minutes that ended at `ends`, on `now`: none
// before 24 hours or after kMinutesRemindedFor, late from 48 hours.
std::optional<ReminderKind> MinutesReminderDue(Instant ends, Instant now);

// True when the weekly digest is due: `today` is a Monday and it is at least kDigestHour there,
// which the caller tells by `today_hours_ago`, the local date kDigestHour hours before now.
bool DigestDue(CivilDate today, CivilDate today_hours_ago);

// The reminders a person with `roles` may get: the coordinator's, and the writer's and their own
// screening's when a volunteer file is linked to the account.
std::vector<ReminderKind> RemindersFor(const Roles& roles, bool has_volunteer_file);

}  // namespace cercle::domain

namespace cercle::domain {

template <>
struct EnumTable<ReminderKind> {
  static constexpr std::array<EnumEntry<ReminderKind>, 6> kEntries{{
      {ReminderKind::kMinutesDue, "minutes_due", N_("Minutes to write, the day after the meeting")},
      {ReminderKind::kMinutesLate, "minutes_late", N_("Minutes late, two days after the meeting")},
      {ReminderKind::kScreeningExpiring, "screening_expiring",
       N_("A screening item expiring soon")},
      {ReminderKind::kReviewDue, "review_due", N_("A circle review or renewal due")},
      {ReminderKind::kFollowUpDue, "follow_up_due", N_("A follow-up due")},
      {ReminderKind::kWeeklyDigest, "weekly_digest", N_("The weekly digest, on Monday morning")},
  }};
};

}  // namespace cercle::domain
