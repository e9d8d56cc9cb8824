#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/reminders.hpp"

namespace cercle::store {

// A held meeting without minutes whose writer has an account.
struct MinutesOwed {
  std::int64_t meeting_id = 0;
  std::int64_t circle_id = 0;
  std::string code_name;  // "Cercle A": never a person
  Instant starts;
  int duration_minutes = 0;
  std::int64_t writer_user_id = 0;

  Instant ends() const { return starts + std::chrono::minutes(duration_minutes); }
};

// Reads and writes the reminders' choices and the reminders sent (tables reminder_opt_outs and
// reminders_sent), and what the reminders need across one organisation, within the caller's
// transaction. Every query names the organisation, on top of row-level security.
class ReminderStore {
 public:
  explicit ReminderStore(soci::session& session) : session_(session) {}

  // The reminders `user_id` turned off.
  std::set<domain::ReminderKind> OptOuts(std::int64_t organisation_id, std::int64_t user_id);
  // The reminders each user of the organisation turned off, by user.
  std::map<std::int64_t, std::set<domain::ReminderKind>> OptOutsOf(std::int64_t organisation_id);
  // Replaces the reminders `user_id` turned off with `off`.
  void SetOptOuts(std::int64_t organisation_id, std::int64_t user_id,
                  const std::set<domain::ReminderKind>& off);

  // Records that the reminder `kind` about `subject` went to `user_id`; false, with nothing
  // changed, when it went already (by this server or another).
  bool MarkSent(std::int64_t organisation_id, std::int64_t user_id, domain::ReminderKind kind,
                const std::string& subject, Instant now);

  // The organisation's meetings started between `from` and `to`, not cancelled, without minutes,
  // whose writer's file is linked to an account, by start.
  std::vector<MinutesOwed> MinutesOwedBetween(std::int64_t organisation_id, Instant from,
                                              Instant to);
  // The account linked to each volunteer file of the organisation that has one, by file.
  std::map<std::int64_t, std::int64_t> VolunteerAccounts(std::int64_t organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
