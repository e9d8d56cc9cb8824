#include "store/concern_escalation_store.hpp"

#include <algorithm>

#include "store/circle_rows.hpp"

namespace cercle::store {
namespace {

using circle_rows::Time;

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
constexpr const char* kInsertStep = R"sql(
  INSERT INTO concern_escalations (organisation_id, concern_id, step, due_at, fired_at)
  VALUES (:organisation, :concern, :step, :due_at, :fired_at)
  RETURNING id
)sql";
// The concern_escalations_due index serves it.
constexpr const char* kDueSteps = R"sql(
  SELECT id, organisation_id, concern_id, step, due_at
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
constexpr const char* kStepsOf = R"sql(
  SELECT id, organisation_id, concern_id, step, due_at, fired_at, cancelled_at
  FROM concern_escalations
  WHERE concern_id = :concern AND organisation_id = :organisation
  ORDER BY step
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
  std::int64_t id = 0;
  const long long due = ToUnix(due_at);
  auto fired = circle_rows::Nullable(fired_at);
  session_ << kInsertStep, soci::use(organisation_id, "organisation"),
      soci::use(concern_id, "concern"), soci::use(step, "step"), soci::use(due, "due_at"),
      soci::use(fired.value, fired.indicator, "fired_at"), soci::into(id);
  return id;
}

std::vector<EscalationStep> ConcernEscalationStore::DueSteps(Instant now, int limit) {
  EscalationStep row;
  long long due = 0;
  const long long at = ToUnix(now);
  const int bounded = std::max(1, limit);
  soci::statement statement =
      (session_.prepare << kDueSteps, soci::use(at, "now"), soci::use(bounded, "limit"),
       soci::into(row.id), soci::into(row.organisation_id), soci::into(row.concern_id),
       soci::into(row.step), soci::into(due));
  statement.execute();
  std::vector<EscalationStep> steps;
  while (statement.fetch()) {
    EscalationStep step = row;
    step.due_at = FromUnix(due);
    steps.push_back(step);
  }
  return steps;
}

bool ConcernEscalationStore::ClaimStep(std::int64_t id, Instant now) {
  const long long at = ToUnix(now);
  soci::statement statement =
      (session_.prepare << kClaimStep, soci::use(at, "now"), soci::use(id, "id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

int ConcernEscalationStore::CancelPending(std::int64_t concern_id, std::int64_t organisation_id,
                                          Instant now) {
  const long long at = ToUnix(now);
  soci::statement statement =
      (session_.prepare << kCancelPending, soci::use(at, "now"), soci::use(concern_id, "concern"),
       soci::use(organisation_id, "organisation"));
  statement.execute(true);
  return static_cast<int>(statement.get_affected_rows());
}

void ConcernEscalationStore::InsertRecipients(std::int64_t organisation_id,
                                              std::int64_t escalation_id,
                                              const std::vector<std::int64_t>& users) {
  for (const auto user : users) {
    session_ << kInsertRecipient, soci::use(organisation_id, "organisation"),
        soci::use(escalation_id, "escalation"), soci::use(user, "user");
  }
}

std::vector<EscalationStep> ConcernEscalationStore::StepsOf(std::int64_t concern_id,
                                                            std::int64_t organisation_id) {
  EscalationStep row;
  long long due = 0, fired = 0, cancelled = 0;
  soci::indicator fired_indicator, cancelled_indicator;
  std::vector<EscalationStep> steps;
  {
    soci::statement statement =
        (session_.prepare << kStepsOf, soci::use(concern_id, "concern"),
         soci::use(organisation_id, "organisation"), soci::into(row.id),
         soci::into(row.organisation_id), soci::into(row.concern_id), soci::into(row.step),
         soci::into(due), soci::into(fired, fired_indicator),
         soci::into(cancelled, cancelled_indicator));
    statement.execute();
    while (statement.fetch()) {
      EscalationStep step = row;
      step.due_at = FromUnix(due);
      step.fired_at = Time(fired, fired_indicator);
      step.cancelled_at = Time(cancelled, cancelled_indicator);
      steps.push_back(step);
    }
  }
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
