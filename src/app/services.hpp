#pragma once

#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "audit/audit_log.hpp"
#include "auth/actor.hpp"
#include "auth/authenticator.hpp"
#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "config/config.hpp"
#include "config/secrets.hpp"
#include "i18n/translator.hpp"
#include "store/database.hpp"
#include "store/document_vault.hpp"
#include "store/unit.hpp"

// The application layer: one function per command and per page query, grouped by area under
// src/app/<area>/. A command checks the policy, applies the domain rules, calls the stores, writes
// the audit entry and queues mail, in one transaction; a page query returns a typed struct. The web
// handlers, the demo loader and the CLI all call these functions, so each workflow is written once.
namespace cercle::app {

// What the application layer works with, built once at start-up and shared by every caller.
struct Services {
  store::Database& database;
  const Clock& clock;
  const audit::AuditLog& audit;
  const store::DocumentVault& vault;
  const config::Config& config;
  const config::Secrets& secrets;
  // Mail text and the organisation's local date.
  const i18n::Translator& translator;
  // Wakes the mail sender after a command queued mail (may be empty).
  std::function<void()> mail_queued;
  // Wakes the scheduler after a password reset was asked for (may be empty).
  std::function<void()> reset_requested = {};

  // Today's date in the organisation's time zone.
  CivilDate Today() const { return translator.LocalDate(clock.Now()); }
  // Tells the mail sender that mail waits.
  void NoteMailQueued() const {
    if (mail_queued) mail_queued();
  }
};

// Runs `work(unit)` in one write transaction of `scope`. `work` returns a Result: the transaction
// commits when it holds a value and rolls back when it holds an Error.
template <class Work>
auto Write(const Services& services, const store::Scope& scope, Work&& work)
    -> std::invoke_result_t<Work, store::Unit&> {
  return services.database.Write(scope, [&](soci::session& session) {
    store::Unit unit(session, services.database.dialect(), scope, services.clock);
    return work(unit);
  });
}

// Runs `work(unit)` in one read transaction of `scope` and returns what it returns.
template <class Work>
auto Read(const Services& services, const store::Scope& scope, Work&& work)
    -> std::invoke_result_t<Work, store::Unit&> {
  return services.database.Read(scope, [&](soci::session& session) {
    store::Unit unit(session, services.database.dialect(), scope, services.clock);
    return work(unit);
  });
}

// What an audit entry says about the change: its action and the object it touched.
struct Audited {
  std::string action;       // "circle.update"…
  std::string object_type;  // "circle"…
  std::string object_id;
  audit::Outcome outcome = audit::Outcome::kSuccess;
};

// Appends the entry for `actor`'s change inside `unit`'s transaction.
void Audit(const Services& services, const store::Unit& unit, const auth::Actor& actor,
           const Audited& audited);

// Refuses a sensitive change (roles, deactivation, a new second factor, an export) unless `actor`
// entered a password or code within auth::kStepUpSeconds: Unauthenticated, which the web layer
// answers with the confirmation page.
Status RequireStepUp(const Services& services, const auth::Actor& actor);

// Records, in a transaction of its own, that `actor` viewed an object: every view of a person's
// record lands in the audit log.
void AuditView(const Services& services, const auth::Actor& actor, const Audited& audited);

// Records `event` in a transaction of its own: a refusal the pipeline answered before any command
// ran (a denied page, a refused request), whoever asked, signed in or not.
void RecordEvent(const Services& services, const audit::Event& event);

// Whether the database takes changes now (the readiness probe).
bool Writable(const Services& services);

}  // namespace cercle::app
