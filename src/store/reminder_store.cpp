#include "store/reminder_store.hpp"

#include "store/fetch.hpp"
#include "store/table.hpp"

namespace cercle::store {
namespace {

constexpr const char* kOptOuts = R"sql(
SELECT user_id, kind
  FROM reminder_opt_outs
 WHERE organisation_id = :organisation
)sql";

constexpr const char* kOptOutsOfUser = R"sql(
SELECT user_id, kind
  FROM reminder_opt_outs
 WHERE organisation_id = :organisation AND user_id = :user
)sql";

constexpr const char* kDeleteOptOuts = R"sql(
DELETE
  FROM reminder_opt_outs
 WHERE organisation_id = :organisation AND user_id = :user
)sql";

constexpr const char* kInsertOptOut = R"sql(
INSERT INTO reminder_opt_outs (organisation_id, user_id, kind)
VALUES (:organisation, :user, :kind)
)sql";

constexpr const char* kMarkSent = R"sql(
INSERT INTO reminders_sent (organisation_id, user_id, kind, subject, sent_at)
VALUES (:organisation, :user, :kind, :subject, :now)
ON CONFLICT (user_id, kind, subject) DO NOTHING
)sql";

constexpr const char* kMinutesOwed = R"sql(
SELECT m.id, m.circle_id, c.code_name, m.starts_at, m.duration_minutes, v.user_id
  FROM circle_meetings m
  JOIN circles c ON c.id = m.circle_id AND c.organisation_id = m.organisation_id
  JOIN volunteers v ON v.id = m.writer_volunteer_id AND v.organisation_id = m.organisation_id
 WHERE m.organisation_id = :organisation AND m.cancelled_at IS NULL
   AND m.starts_at >= :since AND m.starts_at <= :until AND v.user_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM circle_minutes n WHERE n.meeting_id = m.id)
 ORDER BY m.starts_at, m.id
)sql";

constexpr const char* kVolunteerAccounts = R"sql(
SELECT id, user_id
  FROM volunteers
 WHERE organisation_id = :organisation AND user_id IS NOT NULL
)sql";

// A user and a reminder they turned off.
struct OptOutRow {
  long long user_id = 0;
  std::string kind;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(user_id));
    statement.exchange(soci::into(kind));
  }
  std::pair<std::int64_t, std::string> Take() const { return {user_id, kind}; }
};

// A volunteer file and its account.
struct AccountRow {
  long long volunteer_id = 0;
  long long user_id = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(volunteer_id));
    statement.exchange(soci::into(user_id));
  }
  std::pair<std::int64_t, std::int64_t> Take() const { return {volunteer_id, user_id}; }
};

struct MinutesOwedRow {
  long long meeting_id = 0, circle_id = 0, starts = 0, user_id = 0;
  int duration = 0;
  std::string code_name;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(meeting_id));
    statement.exchange(soci::into(circle_id));
    statement.exchange(soci::into(code_name));
    statement.exchange(soci::into(starts));
    statement.exchange(soci::into(duration));
    statement.exchange(soci::into(user_id));
  }
  MinutesOwed Take() const {
    return {meeting_id, circle_id, code_name, FromUnix(starts), duration, user_id};
  }
};

// The opt-outs of `rows`, by user; a kind a later version no longer has is ignored.
std::map<std::int64_t, std::set<domain::ReminderKind>> ByUser(
    const std::vector<std::pair<std::int64_t, std::string>>& rows) {
  std::map<std::int64_t, std::set<domain::ReminderKind>> off;
  for (const auto& [user, name] : rows) {
    if (const auto kind = domain::ParseEnum<domain::ReminderKind>(name)) off[user].insert(*kind);
  }
  return off;
}

}  // namespace

std::map<std::int64_t, std::set<domain::ReminderKind>> ReminderStore::OptOutsOf(
    std::int64_t organisation_id) {
  return ByUser(FetchAll<OptOutRow>(session_, kOptOuts, Values("organisation", organisation_id)));
}

std::set<domain::ReminderKind> ReminderStore::OptOuts(std::int64_t organisation_id,
                                                      std::int64_t user_id) {
  auto off = ByUser(FetchAll<OptOutRow>(session_, kOptOutsOfUser,
                                        Values("organisation", organisation_id, "user", user_id)));
  return off[user_id];
}

void ReminderStore::SetOptOuts(std::int64_t organisation_id, std::int64_t user_id,
                               const std::set<domain::ReminderKind>& off) {
  Change(session_, kDeleteOptOuts, Values("organisation", organisation_id, "user", user_id));
  for (const auto kind : off) {
    const std::string name(domain::NameOf(kind));
    Change(session_, kInsertOptOut,
           Values("organisation", organisation_id, "user", user_id, "kind", name));
  }
}

bool ReminderStore::MarkSent(std::int64_t organisation_id, std::int64_t user_id,
                             domain::ReminderKind kind, const std::string& subject, Instant now) {
  const std::string name(domain::NameOf(kind));
  return Change(session_, kMarkSent,
                Values("organisation", organisation_id, "user", user_id, "kind", name, "subject",
                       subject, "now", now)) > 0;
}

std::vector<MinutesOwed> ReminderStore::MinutesOwedBetween(std::int64_t organisation_id,
                                                           Instant from, Instant to) {
  return FetchAll<MinutesOwedRow>(
      session_, kMinutesOwed, Values("organisation", organisation_id, "since", from, "until", to));
}

std::map<std::int64_t, std::int64_t> ReminderStore::VolunteerAccounts(
    std::int64_t organisation_id) {
  const auto rows =
      FetchAll<AccountRow>(session_, kVolunteerAccounts, Values("organisation", organisation_id));
  return {rows.begin(), rows.end()};
}

}  // namespace cercle::store
