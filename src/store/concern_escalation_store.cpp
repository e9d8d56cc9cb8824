#include "store/concern_escalation_store.hpp"

#include <algorithm>

#include "store/table.hpp"
#include "store/tables.hpp"

namespace cercle::store {
namespace {

constexpr const char* kOnCall = R"sql(
  SELECT user_id, level
  FROM concern_on_call
  WHERE organisation_id = :organisation
  ORDER BY level, user_id
)sql";
constexpr const char* kDeleteOnCall = R"sql(
  DELETE FROM concern_on_call WHERE organisation_id = :organisation
)sql";
constexpr const char* kInsertOnCall = R"sql(
  INSERT INTO concern_on_call (organisation_id, user_id, level, updated_by, updated_at)
  VALUES (:organisation, :user, :level, :by, :at)
)sql";
// The concern_escalations_due index serves it.
constexpr const char* kDueSteps = R"sql(
  SELECT {columns}
  FROM concern_escalations
  WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= :now
  ORDER BY due_at, id
  LIMIT :limit
)sql";
constexpr const char* kClaimStep = R"sql(
  UPDATE concern_escalations
  SET fired_at = :now
  WHERE id = :id AND fired_at IS NULL AND cancelled_at IS NULL
)sql";
constexpr const char* kCancelPending = R"sql(
  UPDATE concern_escalations
  SET cancelled_at = :now
  WHERE concern_id = :concern AND organisation_id = :organisation
    AND fired_at IS NULL AND cancelled_at IS NULL
)sql";
constexpr const char* kInsertRecipient = R"sql(
  INSERT INTO concern_alert_recipients (organisation_id, escalation_id, user_id)
  VALUES (:organisation, :escalation, :user)
)sql";
constexpr const char* kRecipientsOf = R"sql(
  SELECT r.escalation_id, r.user_id
  FROM concern_alert_recipients r
  JOIN concern_escalations e ON e.id = r.escalation_id
  WHERE e.concern_id = :concern AND r.organisation_id = :organisation
  ORDER BY r.user_id
)sql";

}  // namespace

std::vector<domain::OnCallEntry> ConcernEscalationStore::OnCall(std::int64_t organisation_id) {
  domain::OnCallEntry row;
  soci::statement statement =
      (session_.prepare << kOnCall, soci::use(organisation_id, "organisation"),
       soci::into(row.user_id), soci::into(row.level));
  statement.execute();
  std::vector<domain::OnCallEntry> entries;
  while (statement.fetch()) entries.push_back(row);
  return entries;
}

void ConcernEscalationStore::ReplaceOnCall(std::int64_t organisation_id,
                                           const std::vector<domain::OnCallEntry>& entries,
                                           std::int64_t by, Instant now) {
  session_ << kDeleteOnCall, soci::use(organisation_id, "organisation");
  const long long at = ToUnix(now);
  for (const auto& entry : entries) {
    session_ << kInsertOnCall, soci::use(organisation_id, "organisation"),
        soci::use(entry.user_id, "user"), soci::use(entry.level, "level"), soci::use(by, "by"),
        soci::use(at, "at");
  }
}

std::int64_t ConcernEscalationStore::InsertStep(std::int64_t organisation_id,
                                                std::int64_t concern_id, int step, Instant due_at,
                                                std::optional<Instant> fired_at) {
  return Insert<tables::ConcernEscalations>(
      session_, {0, organisation_id, concern_id, step, due_at, fired_at, std::nullopt, {}});
}

std::vector<EscalationStep> ConcernEscalationStore::DueSteps(Instant now, int limit) {
  return SelectAll<tables::ConcernEscalations>(session_, kDueSteps,
                                               Values("now", now, "limit", std::max(1, limit)));
}

bool ConcernEscalationStore::ClaimStep(std::int64_t id, Instant now) {
  return Change(session_, kClaimStep, Values("now", now, "id", id)) == 1;
}

int ConcernEscalationStore::CancelPending(std::int64_t concern_id, std::int64_t organisation_id,
                                          Instant now) {
  return static_cast<int>(
      Change(session_, kCancelPending,
             Values("now", now, "concern", concern_id, "organisation", organisation_id)));
}

void ConcernEscalationStore::InsertRecipients(std::int64_t organisation_id,
                                              std::int64_t escalation_id,
                                              const std::vector<std::int64_t>& users) {
  for (const auto user : users) {
    session_ << kInsertRecipient, soci::use(organisation_id, "organisation"),
        soci::use(escalation_id, "escalation"), soci::use(user, "user");
  }
}

std::map<std::int64_t, Instant> ConcernEscalationStore::NextPendingSteps(
    const std::vector<std::int64_t>& concern_ids, std::int64_t organisation_id) {
  if (concern_ids.empty()) return {};
  return ReadMap<std::map<std::int64_t, Instant>>(
      session_,
      "SELECT concern_id, MIN(due_at) FROM concern_escalations WHERE organisation_id = "
      ":organisation AND fired_at IS NULL AND cancelled_at IS NULL AND " +
          AmongIds("concern_id", concern_ids) + " GROUP BY concern_id",
      OfOrganisation(organisation_id));
}

std::vector<EscalationStep> ConcernEscalationStore::StepsOf(std::int64_t concern_id,
                                                            std::int64_t organisation_id) {
  auto steps = SelectOwned<tables::ConcernEscalations>(session_, "concern_id", concern_id,
                                                       organisation_id, "step");
  std::int64_t escalation = 0, user = 0;
  soci::statement recipients =
      (session_.prepare << kRecipientsOf, soci::use(concern_id, "concern"),
       soci::use(organisation_id, "organisation"), soci::into(escalation), soci::into(user));
  recipients.execute();
  while (recipients.fetch()) {
    for (auto& step : steps) {
      if (step.id == escalation) step.recipients.push_back(user);
    }
  }
  return steps;
}

}  // namespace cercle::store
