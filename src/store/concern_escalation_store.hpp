#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "base/clock.hpp"
#include "domain/concern_escalation.hpp"

namespace cercle::store {

// One alert step of a concern.
struct EscalationStep {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t concern_id = 0;
  int step = 0;
  Instant due_at;
  std::optional<Instant> fired_at;
  std::optional<Instant> cancelled_at;
  std::vector<std::int64_t> recipients;  // the accounts it mailed, once fired
};

// Reads and writes the on-call rota and the alert steps of concerns, within the caller's
// transaction. Queries of one organisation name it, on top of row-level security; the scheduler's
// query of due steps runs in the system scope, across organisations.
class ConcernEscalationStore {
 public:
  explicit ConcernEscalationStore(soci::session& session) : session_(session) {}

  // The organisation's on-call rota, by level.
  std::vector<domain::OnCallEntry> OnCall(std::int64_t organisation_id);
  // Replaces the organisation's rota.
  void ReplaceOnCall(std::int64_t organisation_id, const std::vector<domain::OnCallEntry>& entries,
                     std::int64_t by, Instant now);

  // Stores step `step` of a concern, due at `due_at`, already fired at `fired_at` when given;
  // returns its id.
  std::int64_t InsertStep(std::int64_t organisation_id, std::int64_t concern_id, int step,
                          Instant due_at, std::optional<Instant> fired_at);
  // Up to `limit` steps of every organisation that are due by `now`, neither fired nor cancelled,
  // oldest first.
  std::vector<EscalationStep> DueSteps(Instant now, int limit);
  // Takes the step `id` for firing at `now`: true when this transaction took it, false when another
  // one fired it or an acknowledgement cancelled it first (on PostgreSQL the condition is checked
  // again after a competing transaction commits; SQLite runs one writer at a time).
  bool ClaimStep(std::int64_t id, Instant now);
  // Cancels the pending steps of a concern (it was acknowledged); returns how many.
  int CancelPending(std::int64_t concern_id, std::int64_t organisation_id, Instant now);
  // Records who a fired step mailed.
  void InsertRecipients(std::int64_t organisation_id, std::int64_t escalation_id,
                        const std::vector<std::int64_t>& users);
  // The steps of a concern with their recipients, in order.
  // When the next pending step (neither fired nor cancelled) of each of the concerns `concern_ids`
  // that has one is due, in one query.
  std::map<std::int64_t, Instant> NextPendingSteps(const std::vector<std::int64_t>& concern_ids,
                                                   std::int64_t organisation_id);
  std::vector<EscalationStep> StepsOf(std::int64_t concern_id, std::int64_t organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
