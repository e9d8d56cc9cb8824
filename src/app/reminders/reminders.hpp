#pragma once

#include <string>
#include <vector>

#include "app/services.hpp"
#include "domain/reminders.hpp"

// Reminders and the weekly digest by mail: minutes due (24 hours after the meeting) and late (48
// hours) to their writer; screening items expiring to the coordinators and to the volunteer;
// reviews, renewals and follow-ups due to the coordinators; and each Monday morning a digest of the
// home page's groups and their counts to each coordinator. Each person chooses which they get on
// /account/reminders. Each reminder goes once (table reminders_sent), and every mail carries code
// names and links only.
namespace cercle::app::reminders {

// One reminder the actor may get, and whether it is on.
struct ReminderChoice {
  domain::ReminderKind kind = domain::ReminderKind::kWeeklyDigest;
  bool on = true;
};

// The actor's reminders, in domain::ReminderKind order; empty for people who get none (partners,
// evaluators, administrators).
struct RemindersPage {
  std::vector<ReminderChoice> choices;
};

RemindersPage LoadRemindersPage(const Services& services, const auth::Actor& actor);

// What the reminders form sends: the stored names of the reminders to keep on.
struct ReminderChoices {
  std::vector<std::string> on;
};

// Keeps on the reminders named in `choices.on` and turns off every other the actor may get.
// Invalid, with nothing changed, when a name is not one of the actor's reminders. Audited
// ("account.reminders").
Status SaveReminderChoices(const Services& services, const auth::Actor& actor,
                           const ReminderChoices& choices);

// Queues every reminder due now in every organisation, each to whoever has not turned it off and
// once only: one mail per person with their new reminders, and the digest on its own. Returns how
// many mails were queued. Run by the server's scheduler.
int SendDueReminders(const Services& services);

}  // namespace cercle::app::reminders
