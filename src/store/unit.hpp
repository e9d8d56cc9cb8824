#pragma once

#include <soci/soci.h>
#include <cstdint>

#include "base/clock.hpp"
#include "store/database.hpp"

namespace cercle::store {

// One transaction's work: its session, the engine behind it, the organisation it is scoped to and
// the time it started. The app layer opens one per command or page query (app::Write, app::Read)
// and passes it to the stores, the audit log, the outbox and the alerts, so that a change and
// everything it records commit or roll back together.
class Unit {
 public:
  Unit(soci::session& session, Dialect dialect, const Scope& scope, const Clock& clock)
      : session_(session), dialect_(dialect), scope_(scope), clock_(clock), now_(clock.Now()) {}
  Unit(const Unit&) = delete;
  Unit& operator=(const Unit&) = delete;

  soci::session& session() const { return session_; }
  Dialect dialect() const { return dialect_; }
  const Scope& scope() const { return scope_; }
  // The organisation the unit works on (0 in the system scope).
  std::int64_t organisation_id() const { return scope_.organisation_id(); }
  // The time the unit started: every row it writes carries the same instant.
  Instant now() const { return now_; }
  const Clock& clock() const { return clock_; }

 private:
  soci::session& session_;
  Dialect dialect_;
  Scope scope_;
  const Clock& clock_;
  Instant now_;
};

}  // namespace cercle::store
