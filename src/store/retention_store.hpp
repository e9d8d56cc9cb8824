#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "domain/retention.hpp"

// The retention schedule's stored lengths, legal holds, the destruction queue and the destruction
// certificates of one organisation, within the caller's transaction. The records themselves are
// read and anonymised by store/retention_records_store.hpp.
namespace cercle::store {

// A legal hold on one record.
struct LegalHold {
  std::int64_t id = 0;
  domain::RetainedKind kind = domain::RetainedKind::kCoreMemberFiles;
  std::int64_t record_id = 0;
  std::string reason;
  std::string placed_by_name;
  Instant placed_at;
};

// One record of the destruction queue.
struct QueuedRecord {
  domain::RetainedKind kind = domain::RetainedKind::kCoreMemberFiles;
  std::int64_t record_id = 0;
  CivilDate ended_on{};
  CivilDate due_on{};
  Instant listed_at;
};

// One line of a certificate: a kind, its method, how many records and the days their purpose
// ended.
struct CertificateLine {
  domain::RetainedKind kind = domain::RetainedKind::kCoreMemberFiles;
  domain::DisposalMethod method = domain::DisposalMethod::kAnonymised;
  std::int64_t count = 0;
  CivilDate earliest_on{};
  CivilDate latest_on{};
  std::string technique;  // msgid
};

// A record a batch skipped, and why.
struct SkippedRecord {
  domain::RetainedKind kind = domain::RetainedKind::kCoreMemberFiles;
  std::int64_t record_id = 0;
  domain::HoldKind hold = domain::HoldKind::kLegalHold;
  std::string reason;
};

// A destruction certificate.
struct Certificate {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t approved_by = 0;
  std::string approver_name;
  Instant approved_at;
  std::string purpose;  // msgid
  std::string risk_assessment;
  std::vector<CertificateLine> lines;
  std::vector<SkippedRecord> skipped;
};

class RetentionStore {
 public:
  explicit RetentionStore(soci::session& session) : session_(session) {}

  // The lengths the organisation stored, by kind (kinds it never set are absent).
  std::map<domain::RetainedKind, int> LoadLengths(std::int64_t organisation_id);
  // Stores the length of `kind`.
  void SaveLength(std::int64_t organisation_id, domain::RetainedKind kind, int length,
                  std::int64_t user_id, Instant now);

  // The holds in force, oldest first.
  std::vector<LegalHold> CurrentHolds(std::int64_t organisation_id);
  // The hold in force on a record, if any.
  std::optional<LegalHold> HoldOn(std::int64_t organisation_id, domain::RetainedKind kind,
                                  std::int64_t record_id);
  // Puts a record on hold; returns the hold's id.
  std::int64_t PlaceHold(std::int64_t organisation_id, domain::RetainedKind kind,
                         std::int64_t record_id, const std::string& reason, std::int64_t user_id,
                         Instant now);
  // Releases hold `id`; false when no such hold is in force.
  bool ReleaseHold(std::int64_t organisation_id, std::int64_t id, std::int64_t user_id,
                   Instant now);

  // Replaces the organisation's queue with `records` and notes the day it was listed.
  void ReplaceQueue(std::int64_t organisation_id, const std::vector<QueuedRecord>& records,
                    CivilDate today, Instant now);
  // The queue, by kind and record.
  std::vector<QueuedRecord> Queue(std::int64_t organisation_id);
  // The day the queue was last listed, if ever.
  std::optional<CivilDate> ListedOn(std::int64_t organisation_id);
  // Empties the queue (after a batch).
  void ClearQueue(std::int64_t organisation_id);

  // Stores a certificate with its lines and skipped records; returns its id.
  std::int64_t InsertCertificate(const Certificate& certificate);
  // Notes that a batch anonymised or destroyed a record in place, so that it is never listed
  // again.
  void RecordDisposal(std::int64_t organisation_id, domain::RetainedKind kind,
                      std::int64_t record_id, std::int64_t certificate_id);
  // The certificates, newest first, without their lines.
  std::vector<Certificate> ListCertificates(std::int64_t organisation_id);
  // Certificate `id` with its lines and skipped records, if any.
  std::optional<Certificate> FindCertificate(std::int64_t organisation_id, std::int64_t id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
