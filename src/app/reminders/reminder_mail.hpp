#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/home/triage.hpp"
#include "app/reports/outcomes.hpp"
#include "app/services.hpp"
#include "app/volunteers/volunteer_attention.hpp"
#include "domain/circle_flags.hpp"
#include "domain/reminders.hpp"
#include "notify/outbox.hpp"
#include "store/reminder_store.hpp"
#include "store/user_store.hpp"

// The text of the reminders' mail: one line and one link per reminder, naming circles by their
// code name and nobody else. Only app/reminders uses it.
namespace cercle::app::reminders {

// One reminder due to a person.
struct DueReminder {
  domain::ReminderKind kind = domain::ReminderKind::kMinutesDue;
  std::string subject;  // what it is about, for reminders_sent: "meeting:12", "2026-12-07"
  Message line;         // its line in the mail, "{date}" filled in the reader's language
  std::optional<CivilDate> date;
  std::string path;  // where the link leads: "/portal/meetings/12"
};

// Each group of the home page and its count, for the digest.
using DigestCounts = std::vector<home::TriageCount>;

DueReminder MinutesReminder(domain::ReminderKind kind, const store::MinutesOwed& owed,
                            CivilDate meeting_day);
DueReminder OwnScreeningReminder(const volunteers::VolunteerAttention& entry);
DueReminder StaffScreeningReminder(const volunteers::VolunteerAttention& entry);
DueReminder ReviewReminder(const domain::CircleFlag& flag, const std::string& code_name);
DueReminder FollowUpReminder(const reports::DueFollowUp& due);
DueReminder DigestReminder(CivilDate monday);

// One mail to `user`, in their language, with each of `reminders`.
notify::Mail RemindersMail(const Services& services, const store::User& user,
                           const std::vector<DueReminder>& reminders);
// The weekly digest to `user`: each group of their home page and its count.
notify::Mail DigestMail(const Services& services, const store::User& user,
                        const DigestCounts& counts);

}  // namespace cercle::app::reminders
