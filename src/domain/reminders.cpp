#include "domain/reminders.hpp"

namespace cercle::domain {

std::optional<ReminderKind> MinutesReminderDue(Instant ends, Instant now) {
  const auto since = now - ends;
  if (since < kMinutesDueAfter || since > kMinutesRemindedFor) return std::nullopt;
  return since < kMinutesLateAfter ? ReminderKind::kMinutesDue : ReminderKind::kMinutesLate;
}

bool DigestDue(CivilDate today, CivilDate today_hours_ago) {
  const std::chrono::weekday weekday{std::chrono::sys_days{today}};
  return weekday == std::chrono::Monday && today_hours_ago == today;
}

std::vector<ReminderKind> RemindersFor(const Roles& roles, bool has_volunteer_file) {
  std::vector<ReminderKind> kinds;
  const bool coordinator = roles.Has(Role::kCoordinator);
  for (const auto kind : EnumValues<ReminderKind>()) {
    const bool minutes = kind == ReminderKind::kMinutesDue || kind == ReminderKind::kMinutesLate;
    const bool staff = coordinator && !minutes;
    const bool own = has_volunteer_file && (minutes || kind == ReminderKind::kScreeningExpiring);
    if (staff || own) kinds.push_back(kind);
  }
  return kinds;
}

}  // namespace cercle::domain
