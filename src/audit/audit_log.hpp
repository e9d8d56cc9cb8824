#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "config/secrets.hpp"
#include "store/database.hpp"
#include "store/unit.hpp"

namespace cercle::audit {

// How an audited action ended.
enum class Outcome { kSuccess, kFailure, kDenied };

// "success", "failure" or "denied", as stored.
std::string_view OutcomeName(Outcome outcome);

// One thing to record. It never holds the content of a note or any other personal text: only who,
// when, what (an action name and an object type and id), from where, and how it ended.
struct Event {
  // The organisation whose chain receives the entry; none for network-level events (a failed
  // sign-in for an unknown address, organisation management by a network admin).
  std::optional<std::int64_t> organisation_id;
  std::optional<std::int64_t> actor_user_id;
  // A dotted name: "auth.login", "auth.login_failed", "auth.logout", "user.view", "user.create",
  // "user.update", "user.deactivate", "user.roles", "audit.read", "authz.denied", "export"…
  std::string action;
  std::string object_type;  // "user", "core_member", "session"…, or ""
  std::string object_id;    // the object's id as text, or ""
  std::string client_address;
  Outcome outcome = Outcome::kSuccess;
  Instant at;
};

// A stored entry: the event, its place in its organisation's chain, and the chain hashes (hex).
struct Entry {
  std::int64_t id = 0;
  std::optional<std::int64_t> organisation_id;
  std::int64_t sequence = 0;  // 1, 2, 3… within the organisation's chain
  Event event;
  std::string previous_hash;
  std::string hash;
};

// Filters of the audit page. Empty fields do not filter.
struct Filter {
  std::optional<std::int64_t> actor_user_id;
  std::string action_prefix;  // "auth." matches every sign-in event
  std::string object_type;
  std::string object_id;
  std::optional<Instant> from;
  std::optional<Instant> until;
  int limit = 200;
  std::int64_t offset = 0;     // for a page: entries to skip, newest first
  std::int64_t before_id = 0;  // for paging: only entries with a smaller id (0: no bound)
};

// What `cercle audit verify` found.
struct VerifyReport {
  std::int64_t entries_checked = 0;
  // The first entry whose hash does not match its content and predecessor, or whose sequence
  // breaks.
  std::optional<std::int64_t> first_broken_id;
  std::optional<std::int64_t> first_broken_organisation_id;
  std::string reason;
  bool ok() const { return !first_broken_id; }
};

// The append-only, hash-chained audit log. Each organisation (and the network level) has its own
// chain: each entry's hash is a keyed BLAKE2b (libsodium crypto_generichash, keyed with the audit
// key) over the previous entry's hash and the entry's canonical form. The database itself refuses
// updates and deletes (triggers on SQLite; grants and a trigger on PostgreSQL).
class AuditLog {
 public:
  explicit AuditLog(const config::Key& audit_key) : key_(audit_key) {}

  // Appends `event` inside the caller's write transaction, so that the change and its audit entry
  // commit or roll back together. The transaction's scope must cover the event's organisation (or
  // be System).
  void Append(soci::session& session, store::Dialect dialect, const Event& event) const;
  // Appends `event` inside `unit`'s transaction.
  void Append(const store::Unit& unit, const Event& event) const {
    Append(unit.session(), unit.dialect(), event);
  }

  // Appends `event` in a write transaction of its own.
  void Record(store::Database& database, const Event& event) const;

  // Entries of one organisation matching `filter`, newest first.
  std::vector<Entry> List(store::Database& database, std::int64_t organisation_id,
                          const Filter& filter) const;
  // How many entries of one organisation match `filter` (its limit and offset aside).
  std::int64_t Count(store::Database& database, std::int64_t organisation_id,
                     const Filter& filter) const;

  // Recomputes every chain and reports the first broken entry. Runs in the system scope.
  VerifyReport Verify(store::Database& database) const;

 private:
  config::Key key_;
};

}  // namespace cercle::audit
