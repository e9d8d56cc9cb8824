#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/retention.hpp"

// The records the retention schedule covers, as the destruction queue reads them (when each one's
// purpose ended), and their disposal: anonymised in place (identity removed, free text destroyed,
// dates coarsened to their month) or destroyed (rows deleted). Within the caller's transaction;
// every statement names the organisation, on top of row-level security.
namespace cercle::store {

// A record whose purpose has ended: its id, a short reference for the person in charge (a file
// number, a name, a circle's code name; "" for sessions and mail) and when it ended.
struct EndedRecord {
  std::int64_t id = 0;
  std::string reference;
  Instant ended_at;
};

// Moves an instant to the one that stands for its coarsened day (the first of its month in the
// organisation's time zone), so that the day the reports read stays in the same month.
using CoarsenInstant = std::function<Instant(Instant)>;

class RetentionRecordsStore {
 public:
  explicit RetentionRecordsStore(soci::session& session) : session_(session) {}

  // The records of `kind` whose purpose has ended and that no batch disposed of yet, whatever
  // their period: closed files, volunteers who left, declined or withdrawn referrals, closed
  // concerns, minutes, removed documents, sessions, sent or abandoned mail. None for the kinds
  // Cercle never destroys (the audit log) or holds elsewhere (the incident register).
  std::vector<EndedRecord> ListEnded(std::int64_t organisation_id, domain::RetainedKind kind);

  // Anonymises or destroys record `id` of `kind` as the kind's rule says, with what belongs to
  // it (a file's referrals, orders, conditions and documents…). Returns the storage names of the
  // documents whose bytes the caller must now delete from the vault (after the commit).
  std::vector<std::string> Dispose(std::int64_t organisation_id, domain::RetainedKind kind,
                                   std::int64_t id, Instant now, const CoarsenInstant& coarsen);

 private:
  std::vector<std::string> DisposeCoreMember(std::int64_t organisation_id, std::int64_t id,
                                             Instant now, const CoarsenInstant& coarsen);
  std::vector<std::string> DisposeVolunteer(std::int64_t organisation_id, std::int64_t id,
                                            Instant now, const CoarsenInstant& coarsen);
  std::vector<std::string> DisposeReferral(std::int64_t organisation_id, std::int64_t id,
                                           Instant now, const CoarsenInstant& coarsen);
  // Destroys the documents of the owners `owners_query` selects (by :organisation and :id):
  // their records cleared and marked removed; returns their storage names.
  std::vector<std::string> DestroyDocuments(const char* owners_query, std::int64_t organisation_id,
                                            std::int64_t id, Instant now);
  // Coarsens the instants `select` reads (id, instant) and `update` writes (:at, :row).
  void CoarsenInstants(const char* select, const char* update, std::int64_t organisation_id,
                       std::int64_t id, const CoarsenInstant& coarsen);
  // Runs each of `statements` with :organisation and :id.
  void RunAll(const std::vector<const char*>& statements, std::int64_t organisation_id,
              std::int64_t id);

  soci::session& session_;
};

}  // namespace cercle::store
