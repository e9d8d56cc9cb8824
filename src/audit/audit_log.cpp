#include "audit/audit_log.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>

namespace cercle::audit {
namespace {

// The hash chain (migrations/*/0004_create_audit_events.sql keeps the rows and the chain heads).
// A chain is keyed coalesce(organisation_id, 0): organisation ids start at 1, chain 0 is the
// network level.
constexpr const char* kInsertHead = R"sql(
    INSERT INTO audit_chain_heads (chain, last_sequence, last_hash)
    VALUES (:chain, 0, :zero_hash)
    ON CONFLICT (chain) DO NOTHING
)sql";
// On PostgreSQL the row lock (kForUpdate, added at the end) makes appends to one chain take their
// turns; on SQLite the write transaction (BEGIN IMMEDIATE) holds the database's only write lock
// already.
constexpr const char* kLockHead = R"sql(
    SELECT last_sequence, last_hash
    FROM audit_chain_heads
    WHERE chain = :chain
)sql";
constexpr const char* kForUpdate = " FOR UPDATE";
constexpr const char* kInsertEntry = R"sql(
    INSERT INTO audit_events (organisation_id, sequence, at, actor_user_id, action, object_type,
        object_id, client_address, outcome, previous_hash, hash)
    VALUES (:organisation_id, :sequence, :at, :actor_user_id, :action, :object_type, :object_id,
        :client_address, :outcome, :previous_hash, :hash)
)sql";
constexpr const char* kMoveHead = R"sql(
    UPDATE audit_chain_heads
    SET last_sequence = :sequence, last_hash = :hash
    WHERE chain = :chain
)sql";

// Every filter is always bound; a filter that is not set binds a value that matches every row, so
// that one statement serves every combination. The organisation is filtered here as well as by
// row-level security, which SQLite lacks.
constexpr const char* kListColumns = R"sql(
    SELECT id, organisation_id, sequence, at, actor_user_id, action, object_type, object_id,
        client_address, outcome, previous_hash, hash
    FROM audit_events
)sql";
constexpr const char* kListWhere = R"sql(
    WHERE organisation_id = :organisation_id
      AND (:any_actor = 1 OR actor_user_id = :actor_user_id)
      AND substr(action, 1, :action_prefix_length) = :action_prefix
      AND (:any_object_type = 1 OR object_type = :object_type)
      AND (:any_object_id = 1 OR object_id = :object_id)
      AND at >= :from
      AND at <= :until
      AND id < :before_id
)sql";
constexpr const char* kListOrder = "ORDER BY id DESC LIMIT :limit OFFSET :offset";
constexpr const char* kCount = "SELECT COUNT(*) FROM audit_events ";

// Each entry comes with its chain's head, read in the same statement and so from the same snapshot
// even on PostgreSQL, where a read-committed transaction takes one per statement.
constexpr const char* kVerifyEntries = R"sql(
    SELECT e.id, e.organisation_id, e.sequence, e.at, e.actor_user_id, e.action, e.object_type,
        e.object_id, e.client_address, e.outcome, e.previous_hash, e.hash, h.last_sequence,
        h.last_hash
    FROM audit_events e
    LEFT
    JOIN audit_chain_heads h ON h.chain = coalesce(e.organisation_id, 0)
    ORDER BY coalesce(e.organisation_id, 0), e.sequence, e.id
)sql";
// Heads are also read on their own, before the entries, to find chains whose every entry is gone:
// a chain appended to in between then has entries in the later snapshot too.
constexpr const char* kVerifyHeads = R"sql(
    SELECT chain, last_sequence
    FROM audit_chain_heads
    WHERE last_sequence > 0
    ORDER BY chain
)sql";

constexpr std::size_t kHashBytes = crypto_generichash_BYTES;  // 32
static_assert(kHashBytes == 32);
// Hex digits of a stored hash.
constexpr std::size_t kHashHexLength = kHashBytes * 2;
// The previous_hash of the first entry of every chain.
const std::string kZeroHash(kHashHexLength, '0');
// Names the serialisation below; a future format change would change it.
constexpr std::string_view kCanonicalFormTag = "cercle.audit.v1";
// The most entries one List returns, whatever the filter asks.
constexpr int kMaxListLimit = 1000;

// Starts libsodium once per process (sodium_init is idempotent and thread-safe).
void EnsureSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium cannot start");
}

// The key of the chain an organisation's entries (none: the network level's) belong to.
std::int64_t ChainOf(const std::optional<std::int64_t>& organisation_id) {
  return organisation_id.value_or(0);
}

// Feeds the canonical form of an entry to a BLAKE2b state. Integers are 8 bytes big-endian and
// texts are prefixed with their length in bytes, so that no two different entries serialise alike.
class CanonicalWriter {
 public:
  explicit CanonicalWriter(crypto_generichash_state& state) : state_(state) {}

  void Integer(std::int64_t value) {
    const auto bits = static_cast<std::uint64_t>(value);
    std::array<unsigned char, 8> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i)
      bytes[i] = static_cast<unsigned char>(bits >> (8 * (bytes.size() - 1 - i)));
    crypto_generichash_update(&state_, bytes.data(), bytes.size());
  }

  void Text(std::string_view text) {
    Integer(static_cast<std::int64_t>(text.size()));
    crypto_generichash_update(&state_, reinterpret_cast<const unsigned char*>(text.data()),
                              text.size());
  }

  void OptionalInteger(const std::optional<std::int64_t>& value) {
    Integer(value ? 1 : 0);
    Integer(value.value_or(0));
  }

 private:
  crypto_generichash_state& state_;
};

// The keyed hash (hex) of an entry of chain `chain` at `sequence` after `previous_hash`.
std::string ComputeHash(const config::Key& key, const std::string& previous_hash,
                        std::int64_t chain, std::int64_t sequence, const Event& event) {
  EnsureSodium();
  crypto_generichash_state state;
  crypto_generichash_init(&state, key.data(), key.size(), kHashBytes);
  CanonicalWriter writer(state);
  writer.Text(kCanonicalFormTag);
  writer.Text(previous_hash);
  writer.Integer(chain);
  writer.Integer(sequence);
  writer.Integer(ToUnix(event.at));
  writer.OptionalInteger(event.actor_user_id);
  writer.Text(event.action);
  writer.Text(event.object_type);
  writer.Text(event.object_id);
  writer.Text(event.client_address);
  writer.Text(OutcomeName(event.outcome));
  std::array<unsigned char, kHashBytes> digest{};
  crypto_generichash_final(&state, digest.data(), digest.size());
  std::array<char, kHashHexLength + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), kHashHexLength);
}

// The outcome named `name`, or none for a text that no append writes (the table's CHECK constraint
// admits none, unless an owner dropped it).
std::optional<Outcome> ParseOutcome(const std::string& name) {
  if (name == "success") return Outcome::kSuccess;
  if (name == "failure") return Outcome::kFailure;
  if (name == "denied") return Outcome::kDenied;
  return std::nullopt;
}

// The number of characters (code points) of UTF-8 `text`, which is how both engines' substr count.
std::int64_t CharacterCount(std::string_view text) {
  std::int64_t count = 0;
  for (const char byte : text) {
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// One row of audit_events, bound column by column.
struct EntryRow {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  soci::indicator organisation_indicator = soci::i_ok;
  std::int64_t sequence = 0;
  std::int64_t at = 0;
  std::int64_t actor_user_id = 0;
  soci::indicator actor_indicator = soci::i_ok;
  std::string action;
  std::string object_type;
  std::string object_id;
  std::string client_address;
  std::string outcome;
  std::string previous_hash;
  std::string hash;

  // Binds every column, in the order kList and kVerifyEntries select them, to `statement`.
  void BindInto(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(organisation_id, organisation_indicator));
    statement.exchange(soci::into(sequence));
    statement.exchange(soci::into(at));
    statement.exchange(soci::into(actor_user_id, actor_indicator));
    statement.exchange(soci::into(action));
    statement.exchange(soci::into(object_type));
    statement.exchange(soci::into(object_id));
    statement.exchange(soci::into(client_address));
    statement.exchange(soci::into(outcome));
    statement.exchange(soci::into(previous_hash));
    statement.exchange(soci::into(hash));
  }

  // The entry the row holds. Throws on an outcome that no append writes.
  Entry ToEntry() const {
    Entry entry;
    entry.id = id;
    if (organisation_indicator == soci::i_ok) entry.organisation_id = organisation_id;
    entry.sequence = sequence;
    entry.event.organisation_id = entry.organisation_id;
    if (actor_indicator == soci::i_ok) entry.event.actor_user_id = actor_user_id;
    entry.event.action = action;
    entry.event.object_type = object_type;
    entry.event.object_id = object_id;
    entry.event.client_address = client_address;
    const auto parsed_outcome = ParseOutcome(outcome);
    if (!parsed_outcome) throw std::runtime_error("audit_events holds an unknown outcome");
    entry.event.outcome = *parsed_outcome;
    entry.event.at = FromUnix(at);
    entry.previous_hash = previous_hash;
    entry.hash = hash;
    return entry;
  }
};

// The newest entry of a chain as audit_chain_heads records it.
struct ChainHead {
  std::int64_t last_sequence = 0;
  std::string last_hash;
};

// What Verify knows of the chain it is walking.
struct ChainWalk {
  std::int64_t chain = 0;
  std::optional<std::int64_t> organisation_id;
  std::optional<ChainHead> head;
  std::int64_t last_sequence = 0;
  std::int64_t last_id = 0;
  std::string last_hash;
};

// Keeps the broken entry with the smallest id.
class Findings {
 public:
  void Add(std::int64_t id, std::optional<std::int64_t> organisation_id, std::string reason) {
    if (report_.first_broken_id && *report_.first_broken_id <= id) return;
    report_.first_broken_id = id;
    report_.first_broken_organisation_id = organisation_id;
    report_.reason = std::move(reason);
  }
  VerifyReport& report() { return report_; }

 private:
  VerifyReport report_;
};

// Checks the end of a walked chain against its head: entries removed from the end of a chain leave
// no gap, only a head that points past them.
void CheckChainEnd(const ChainWalk& walk, Findings& findings) {
  if (!walk.head) {
    findings.Add(walk.last_id, walk.organisation_id, "the chain has entries but no chain head");
    return;
  }
  if (walk.head->last_sequence > walk.last_sequence) {
    findings.Add(walk.last_id, walk.organisation_id,
                 "entries after sequence " + std::to_string(walk.last_sequence) +
                     " are missing (the chain head records sequence " +
                     std::to_string(walk.head->last_sequence) + ")");
  }
}

// Why the entry in `row`, of chain `chain`, breaks the chain walked so far, or "" when it holds.
// Each entry is judged on its own: its place, its link to the stored hash of the entry before it,
// and its own content. An edited entry therefore breaks alone, and the entry after a removed one
// breaks on its sequence.
std::string Judge(const config::Key& key, const EntryRow& row, std::int64_t chain,
                  const ChainWalk& walk) {
  if (row.sequence != walk.last_sequence + 1) {
    if (walk.last_sequence == 0) {
      return "the chain starts at sequence " + std::to_string(row.sequence) +
             ": earlier entries are missing";
    }
    return "sequence " + std::to_string(row.sequence) + " follows sequence " +
           std::to_string(walk.last_sequence) + ": entries are missing";
  }
  if (row.previous_hash != walk.last_hash)
    return "its previous hash does not match the entry before it";
  if (!ParseOutcome(row.outcome)) return "its outcome is none of success, failure, denied";
  if (row.hash != ComputeHash(key, row.previous_hash, chain, row.sequence, row.ToEntry().event))
    return "its hash does not match its content (altered, or another key)";
  return "";
}

}  // namespace

std::string_view OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kSuccess:
      return "success";
    case Outcome::kFailure:
      return "failure";
    case Outcome::kDenied:
      return "denied";
  }
  throw std::logic_error("unknown audit outcome");
}

void AuditLog::Append(soci::session& session, store::Dialect dialect, const Event& event) const {
  if (event.action.empty()) throw std::invalid_argument("an audit event needs an action");
  const std::int64_t chain = ChainOf(event.organisation_id);
  std::int64_t last_sequence = 0;
  std::string previous_hash;
  const auto lock_head = [&] {
    session << std::string(kLockHead) + (dialect == store::Dialect::kPostgres ? kForUpdate : ""),
        soci::use(chain, "chain"), soci::into(last_sequence), soci::into(previous_hash);
    return session.got_data();
  };
  // The head exists but for a chain's very first append, so try it first and save a round trip.
  // Two first appends may race to insert it: DO NOTHING lets the second wait for the first, then
  // lock the head the first one left.
  if (!lock_head()) {
    session << kInsertHead, soci::use(chain, "chain"), soci::use(kZeroHash, "zero_hash");
    // Not seeing the head just inserted means the scope does not cover the event's organisation.
    if (!lock_head()) throw std::logic_error("the audit chain head is not visible");
  }

  const std::int64_t sequence = last_sequence + 1;
  const std::string hash = ComputeHash(key_, previous_hash, chain, sequence, event);
  const std::string outcome(OutcomeName(event.outcome));
  const std::int64_t at = ToUnix(event.at);
  std::int64_t organisation_id = event.organisation_id.value_or(0);
  soci::indicator organisation_indicator = event.organisation_id ? soci::i_ok : soci::i_null;
  std::int64_t actor_user_id = event.actor_user_id.value_or(0);
  soci::indicator actor_indicator = event.actor_user_id ? soci::i_ok : soci::i_null;
  session << kInsertEntry, soci::use(organisation_id, organisation_indicator, "organisation_id"),
      soci::use(sequence, "sequence"), soci::use(at, "at"),
      soci::use(actor_user_id, actor_indicator, "actor_user_id"), soci::use(event.action, "action"),
      soci::use(event.object_type, "object_type"), soci::use(event.object_id, "object_id"),
      soci::use(event.client_address, "client_address"), soci::use(outcome, "outcome"),
      soci::use(previous_hash, "previous_hash"), soci::use(hash, "hash");
  session << kMoveHead, soci::use(sequence, "sequence"), soci::use(hash, "hash"),
      soci::use(chain, "chain");
}

void AuditLog::Record(store::Database& database, const Event& event) const {
  const auto scope = event.organisation_id ? store::Scope::Organisation(*event.organisation_id)
                                           : store::Scope::System();
  const Status recorded = database.Write(scope, [&](soci::session& session) -> Status {
    Append(session, database.dialect(), event);
    return {};
  });
  if (!recorded) throw std::logic_error("an audit append reported a failure");
}

namespace {

// A filter's values as the list and its count bind them (by name), kept alive until they run.
struct ListParameters {
  explicit ListParameters(const Filter& filter)
      : any_actor(filter.actor_user_id ? 0 : 1),
        actor_user_id(filter.actor_user_id.value_or(0)),
        action_prefix_length(CharacterCount(filter.action_prefix)),
        any_object_type(filter.object_type.empty() ? 1 : 0),
        any_object_id(filter.object_id.empty() ? 1 : 0),
        from(filter.from ? ToUnix(*filter.from) : std::numeric_limits<std::int64_t>::min()),
        until(filter.until ? ToUnix(*filter.until) : std::numeric_limits<std::int64_t>::max()),
        before_id(filter.before_id > 0 ? filter.before_id
                                       : std::numeric_limits<std::int64_t>::max()),
        filter_(filter) {}

  void Bind(soci::statement& statement, const std::int64_t& organisation_id) const {
    statement.exchange(soci::use(organisation_id, "organisation_id"));
    statement.exchange(soci::use(any_actor, "any_actor"));
    statement.exchange(soci::use(actor_user_id, "actor_user_id"));
    statement.exchange(soci::use(action_prefix_length, "action_prefix_length"));
    statement.exchange(soci::use(filter_.action_prefix, "action_prefix"));
    statement.exchange(soci::use(any_object_type, "any_object_type"));
    statement.exchange(soci::use(filter_.object_type, "object_type"));
    statement.exchange(soci::use(any_object_id, "any_object_id"));
    statement.exchange(soci::use(filter_.object_id, "object_id"));
    statement.exchange(soci::use(from, "from"));
    statement.exchange(soci::use(until, "until"));
    statement.exchange(soci::use(before_id, "before_id"));
  }

  const int any_actor;
  const std::int64_t actor_user_id;
  const std::int64_t action_prefix_length;
  const int any_object_type;
  const int any_object_id;
  const std::int64_t from;
  const std::int64_t until;
  const std::int64_t before_id;

 private:
  const Filter& filter_;
};

}  // namespace

std::vector<Entry> AuditLog::List(store::Database& database, std::int64_t organisation_id,
                                  const Filter& filter) const {
  if (filter.limit <= 0) return {};
  const int limit = std::min(filter.limit, kMaxListLimit);
  const std::int64_t offset = std::max<std::int64_t>(0, filter.offset);
  const ListParameters parameters(filter);
  return database.Read(store::Scope::Organisation(organisation_id), [&](soci::session& session) {
    std::vector<Entry> entries;
    EntryRow row;
    soci::statement statement(session);
    row.BindInto(statement);
    parameters.Bind(statement, organisation_id);
    statement.exchange(soci::use(limit, "limit"));
    statement.exchange(soci::use(offset, "offset"));
    statement.alloc();
    statement.prepare(std::string(kListColumns) + kListWhere + kListOrder);
    statement.define_and_bind();
    statement.execute();
    while (statement.fetch()) entries.push_back(row.ToEntry());
    return entries;
  });
}

std::int64_t AuditLog::Count(store::Database& database, std::int64_t organisation_id,
                             const Filter& filter) const {
  const ListParameters parameters(filter);
  return database.Read(store::Scope::Organisation(organisation_id), [&](soci::session& session) {
    long long count = 0;
    soci::statement statement(session);
    statement.exchange(soci::into(count));
    parameters.Bind(statement, organisation_id);
    statement.alloc();
    statement.prepare(std::string(kCount) + kListWhere);
    statement.define_and_bind();
    statement.execute(true);
    return static_cast<std::int64_t>(count);
  });
}

VerifyReport AuditLog::Verify(store::Database& database) const {
  return database.Read(store::Scope::System(), [&](soci::session& session) {
    std::map<std::int64_t, std::int64_t> head_sequences;
    {
      std::int64_t chain = 0;
      std::int64_t last_sequence = 0;
      soci::statement statement =
          (session.prepare << kVerifyHeads, soci::into(chain), soci::into(last_sequence));
      statement.execute();
      while (statement.fetch()) head_sequences[chain] = last_sequence;
    }

    Findings findings;
    std::set<std::int64_t> walked_chains;
    std::optional<ChainWalk> walk;
    EntryRow row;
    ChainHead head;
    soci::indicator head_sequence_indicator = soci::i_ok;
    soci::indicator head_hash_indicator = soci::i_ok;
    soci::statement statement(session);
    row.BindInto(statement);
    statement.exchange(soci::into(head.last_sequence, head_sequence_indicator));
    statement.exchange(soci::into(head.last_hash, head_hash_indicator));
    statement.alloc();
    statement.prepare(kVerifyEntries);
    statement.define_and_bind();
    statement.execute();
    std::int64_t checked = 0;
    while (statement.fetch()) {
      ++checked;
      const std::optional<std::int64_t> organisation_id = row.organisation_indicator == soci::i_ok
                                                              ? std::optional(row.organisation_id)
                                                              : std::nullopt;
      const std::int64_t chain = ChainOf(organisation_id);
      if (!walk || walk->chain != chain) {
        if (walk) CheckChainEnd(*walk, findings);
        walk = ChainWalk{chain, organisation_id, std::nullopt, 0, 0, kZeroHash};
        if (head_sequence_indicator == soci::i_ok) walk->head = head;
        walked_chains.insert(chain);
      }
      const std::string reason = Judge(key_, row, chain, *walk);
      if (!reason.empty()) findings.Add(row.id, organisation_id, reason);
      if (walk->head && walk->head->last_sequence == row.sequence &&
          walk->head->last_hash != row.hash) {
        findings.Add(row.id, organisation_id, "its hash does not match its chain head");
      }
      walk->last_sequence = row.sequence;
      walk->last_id = row.id;
      walk->last_hash = row.hash;
    }
    if (walk) CheckChainEnd(*walk, findings);
    // A chain emptied entirely leaves only its head. No entry is left to name: report id 0.
    for (const auto& [chain, last_sequence] : head_sequences) {
      if (walked_chains.contains(chain)) continue;
      findings.Add(0, chain == 0 ? std::nullopt : std::optional<std::int64_t>(chain),
                   "every entry of the chain is missing (its head records sequence " +
                       std::to_string(last_sequence) + ")");
    }
    VerifyReport report = std::move(findings.report());
    report.entries_checked = checked;
    return report;
  });
}

}  // namespace cercle::audit
