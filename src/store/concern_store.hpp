#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/concern.hpp"
#include "domain/concern_disclosure.hpp"
#include "domain/concern_figures.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// A concern with what lists show beside it: its circle's code name and the name of the account that
// raised it.
struct ConcernRow {
  domain::Concern concern;
  std::string code_name;
  std::string raised_by_name;
};

// The register's filters. Empty fields do not filter.
struct ConcernFilter {
  std::optional<std::int64_t> circle_id;
  std::optional<domain::ConcernCategory> category;
  std::optional<domain::Severity> severity;
  std::optional<domain::ConcernStatus> status;
  // Only concerns still open that were raised at or before this moment ("open for at least…").
  std::optional<Instant> open_since;
};

// A disclosure with the name of the account that recorded it and the code name of its concern's
// circle.
struct DisclosureRow {
  domain::Disclosure disclosure;
  std::string recorded_by_name;
  std::string code_name;
};

// An action with the name of the account that recorded it.
struct ActionRow {
  domain::ConcernAction action;
  std::string recorded_by_name;
};

// Reads and writes concerns, their actions and their disclosures within the caller's transaction.
// Every query names the organisation, on top of row-level security.
class ConcernStore {
 public:
  explicit ConcernStore(soci::session& session) : session_(session) {}

  // Stores a new concern (status raised); returns its id.
  std::int64_t Insert(const domain::Concern& concern);
  // The concern `id` of `organisation_id`, if any.
  std::optional<domain::Concern> Find(std::int64_t id, std::int64_t organisation_id);
  // The concern `id` with its circle's code name and its raiser's name, if any.
  std::optional<ConcernRow> FindRow(std::int64_t id, std::int64_t organisation_id);
  // One page of the organisation's concerns matching `filter`, newest first, in one query.
  std::vector<ConcernRow> Register(std::int64_t organisation_id, const ConcernFilter& filter,
                                   const PageSlice& slice);
  // How many of the organisation's concerns match `filter`.
  std::int64_t CountRegister(std::int64_t organisation_id, const ConcernFilter& filter);
  // One page of the concerns raised by the account `user_id` about circles `circle_ids`, newest
  // first.
  std::vector<ConcernRow> RaisedBy(std::int64_t user_id, std::int64_t organisation_id,
                                   const std::vector<std::int64_t>& circle_ids,
                                   const PageSlice& slice);
  // How many concerns the account `user_id` raised about circles `circle_ids`.
  std::int64_t CountRaisedBy(std::int64_t user_id, std::int64_t organisation_id,
                             const std::vector<std::int64_t>& circle_ids);
  // The organisation's concerns not yet acknowledged, oldest first.
  std::vector<ConcernRow> Unacknowledged(std::int64_t organisation_id);
  // The moments of every concern of the organisation, for the monthly figures.
  std::vector<domain::ConcernTimes> Times(std::int64_t organisation_id);
  // The circles the organisation's concerns are about, each once, by id: the register's filter
  // offers those rather than every circle the organisation ever ran.
  std::vector<std::int64_t> CircleIds(std::int64_t organisation_id);

  // Moves a raised concern to acknowledged; false, with nothing changed, when it is not raised any
  // more.
  bool Acknowledge(std::int64_t id, std::int64_t organisation_id, std::int64_t by, Instant now);
  // Moves an acknowledged concern to in progress; false, with nothing changed, when it is not
  // acknowledged.
  bool Start(std::int64_t id, std::int64_t organisation_id, Instant now);
  // Closes an acknowledged or in-progress concern with its outcome; false, with nothing changed,
  // otherwise.
  bool Close(std::int64_t id, std::int64_t organisation_id, std::int64_t by,
             domain::ConcernOutcome outcome, const std::string& note, Instant now);
  // Stores the coordinator's reply to the volunteers.
  void SetReply(std::int64_t id, std::int64_t organisation_id, std::int64_t by,
                const std::string& reply, Instant now);

  // Stores an action; returns its id.
  std::int64_t InsertAction(const domain::ConcernAction& action);
  // The actions of a concern, in the order they were taken.
  std::vector<ActionRow> Actions(std::int64_t concern_id, std::int64_t organisation_id);

  // Stores a disclosure; returns its id.
  std::int64_t InsertDisclosure(const domain::Disclosure& disclosure);
  // The disclosures of a concern, in the order they were made.
  std::vector<DisclosureRow> Disclosures(std::int64_t concern_id, std::int64_t organisation_id);
  // The disclosures made to the partner contact `contact_id`, newest first (a partner's own view).
  std::vector<DisclosureRow> DisclosuresTo(std::int64_t contact_id, std::int64_t organisation_id);

 private:
  std::vector<DisclosureRow> SelectDisclosures(const std::string& where,
                                               std::int64_t organisation_id, std::int64_t key);
  soci::session& session_;
};

}  // namespace cercle::store
