#include "store/retention_store.hpp"

#include "store/table.hpp"

namespace cercle::store {
namespace {

constexpr const char* kLengths = R"sql(
  SELECT record_kind, period_length FROM retention_periods WHERE organisation_id = :organisation
)sql";
constexpr const char* kSaveLength = R"sql(
  INSERT INTO retention_periods (organisation_id, record_kind, period_length, updated_by, updated_at)
  VALUES (:organisation, :kind, :length, :user, :now)
  ON CONFLICT (organisation_id, record_kind) DO UPDATE
  SET period_length = excluded.period_length, updated_by = excluded.updated_by,
      updated_at = excluded.updated_at
)sql";

constexpr const char* kCurrentHolds = R"sql(
  SELECT h.id, h.record_kind, h.record_id, h.reason, coalesce(u.display_name, ''), h.placed_at
  FROM legal_holds h LEFT JOIN users u ON u.id = h.placed_by
  WHERE h.organisation_id = :organisation AND h.released_at IS NULL
  ORDER BY h.placed_at, h.id
)sql";
constexpr const char* kPlaceHold = R"sql(
  INSERT INTO legal_holds (organisation_id, record_kind, record_id, reason, placed_by, placed_at)
  VALUES (:organisation, :kind, :record, :reason, :user, :now)
  RETURNING id
)sql";
constexpr const char* kReleaseHold = R"sql(
  UPDATE legal_holds SET released_by = :user, released_at = :now
  WHERE organisation_id = :organisation AND id = :id AND released_at IS NULL
)sql";

constexpr const char* kClearQueue = R"sql(
  DELETE FROM retention_queue WHERE organisation_id = :organisation
)sql";
constexpr const char* kQueueRecord = R"sql(
  INSERT INTO retention_queue (organisation_id, record_kind, record_id, ended_on, due_on, listed_at)
  VALUES (:organisation, :kind, :record, :ended, :due, :now)
)sql";
constexpr const char* kNoteListing = R"sql(
  INSERT INTO retention_listings (organisation_id, listed_on, listed_at) VALUES (:organisation, :today, :now)
  ON CONFLICT (organisation_id) DO UPDATE SET listed_on = excluded.listed_on, listed_at = excluded.listed_at
)sql";
constexpr const char* kQueue = R"sql(
  SELECT record_kind, record_id, ended_on, due_on, listed_at
  FROM retention_queue
  WHERE organisation_id = :organisation
  ORDER BY record_kind, ended_on, record_id
)sql";
constexpr const char* kListedOn = R"sql(
  SELECT listed_on FROM retention_listings WHERE organisation_id = :organisation
)sql";

constexpr const char* kInsertCertificate = R"sql(
  INSERT INTO destruction_certificates (organisation_id, approved_by, approver_name, approved_at, purpose,
                                        risk_assessment)
  VALUES (:organisation, :user, :name, :now, :purpose, :risk)
  RETURNING id
)sql";
constexpr const char* kInsertLine = R"sql(
  INSERT INTO destruction_certificate_lines (organisation_id, certificate_id, record_kind, method, record_count,
                                             earliest_on, latest_on, technique)
  VALUES (:organisation, :certificate, :kind, :method, :count, :earliest, :latest, :technique)
)sql";
constexpr const char* kInsertSkip = R"sql(
  INSERT INTO destruction_skips (organisation_id, certificate_id, record_kind, record_id, hold, reason)
  VALUES (:organisation, :certificate, :kind, :record, :hold, :reason)
)sql";
constexpr const char* kRecordDisposal = R"sql(
  INSERT INTO retention_disposals (organisation_id, record_kind, record_id, certificate_id)
  VALUES (:organisation, :kind, :record, :certificate)
  ON CONFLICT (organisation_id, record_kind, record_id) DO NOTHING
)sql";
constexpr const char* kCertificates = R"sql(
  SELECT id, organisation_id, approved_by, approver_name, approved_at, purpose, risk_assessment
  FROM destruction_certificates
  WHERE organisation_id = :organisation
  ORDER BY approved_at DESC, id DESC
)sql";
constexpr const char* kCertificate = R"sql(
  SELECT id, organisation_id, approved_by, approver_name, approved_at, purpose, risk_assessment
  FROM destruction_certificates
  WHERE organisation_id = :organisation AND id = :id
)sql";
constexpr const char* kLines = R"sql(
  SELECT record_kind, method, record_count, earliest_on, latest_on, technique
  FROM destruction_certificate_lines
  WHERE organisation_id = :organisation AND certificate_id = :id
  ORDER BY id
)sql";
constexpr const char* kSkips = R"sql(
  SELECT record_kind, record_id, hold, reason
  FROM destruction_skips
  WHERE organisation_id = :organisation AND certificate_id = :id
  ORDER BY id
)sql";

struct Holds {
  using Record = LegalHold;
  static auto Fields(Record& r) {
    return std::tie(r.id, r.kind, r.record_id, r.reason, r.placed_by_name, r.placed_at);
  }
};
struct Queued {
  using Record = QueuedRecord;
  static auto Fields(Record& r) {
    return std::tie(r.kind, r.record_id, r.ended_on, r.due_on, r.listed_at);
  }
};
struct Certificates {
  using Record = Certificate;
  static auto Fields(Record& r) {
    return std::tie(r.id, r.organisation_id, r.approved_by, r.approver_name, r.approved_at,
                    r.purpose, r.risk_assessment);
  }
};
struct Lines {
  using Record = CertificateLine;
  static auto Fields(Record& r) {
    return std::tie(r.kind, r.method, r.count, r.earliest_on, r.latest_on, r.technique);
  }
};
struct Skips {
  using Record = SkippedRecord;
  static auto Fields(Record& r) { return std::tie(r.kind, r.record_id, r.hold, r.reason); }
};

// Reads the rows of `Rows` that `query` returns with `values`.
template <class Rows, class Bind>
std::vector<typename Rows::Record> Fetch(soci::session& session, const char* query, Bind&& values) {
  return FetchAll<TableRow<Rows>>(session, query, std::forward<Bind>(values));
}

// Runs an INSERT … RETURNING id with `values`.
template <class Bind>
std::int64_t InsertReturningId(soci::session& session, const char* query, Bind&& values) {
  std::int64_t id = 0;
  soci::statement statement(session);
  values(statement);
  statement.exchange(soci::into(id));
  ExecuteOnce(statement, query);
  return id;
}

}  // namespace

std::map<domain::RetainedKind, int> RetentionStore::LoadLengths(std::int64_t organisation_id) {
  std::map<domain::RetainedKind, int> lengths;
  std::string kind;
  int length = 0;
  soci::statement statement =
      (session_.prepare << kLengths, soci::use(organisation_id, "organisation"), soci::into(kind),
       soci::into(length));
  statement.execute();
  while (statement.fetch()) {
    if (const auto parsed = domain::ParseEnum<domain::RetainedKind>(kind))
      lengths[*parsed] = length;
  }
  return lengths;
}

void RetentionStore::SaveLength(std::int64_t organisation_id, domain::RetainedKind kind, int length,
                                std::int64_t user_id, Instant now) {
  Change(session_, kSaveLength,
         Values("organisation", organisation_id, "kind", kind, "length", length, "user", user_id,
                "now", now));
}

std::vector<LegalHold> RetentionStore::CurrentHolds(std::int64_t organisation_id) {
  return Fetch<Holds>(session_, kCurrentHolds, Params({{"organisation", organisation_id}}));
}

std::optional<LegalHold> RetentionStore::HoldOn(std::int64_t organisation_id,
                                                domain::RetainedKind kind, std::int64_t record_id) {
  for (auto& hold : CurrentHolds(organisation_id)) {
    if (hold.kind == kind && hold.record_id == record_id) return hold;
  }
  return std::nullopt;
}

std::int64_t RetentionStore::PlaceHold(std::int64_t organisation_id, domain::RetainedKind kind,
                                       std::int64_t record_id, const std::string& reason,
                                       std::int64_t user_id, Instant now) {
  return InsertReturningId(session_, kPlaceHold,
                           Values("organisation", organisation_id, "kind", kind, "record",
                                  record_id, "reason", reason, "user", user_id, "now", now));
}

bool RetentionStore::ReleaseHold(std::int64_t organisation_id, std::int64_t id,
                                 std::int64_t user_id, Instant now) {
  return Change(session_, kReleaseHold,
                Values("user", user_id, "now", now, "organisation", organisation_id, "id", id)) ==
         1;
}

void RetentionStore::ReplaceQueue(std::int64_t organisation_id,
                                  const std::vector<QueuedRecord>& records, CivilDate today,
                                  Instant now) {
  ClearQueue(organisation_id);
  for (const auto& record : records) {
    Change(session_, kQueueRecord,
           Values("organisation", organisation_id, "kind", record.kind, "record", record.record_id,
                  "ended", record.ended_on, "due", record.due_on, "now", now));
  }
  Change(session_, kNoteListing,
         Values("organisation", organisation_id, "today", today, "now", now));
}

std::vector<QueuedRecord> RetentionStore::Queue(std::int64_t organisation_id) {
  return Fetch<Queued>(session_, kQueue, Params({{"organisation", organisation_id}}));
}

std::optional<CivilDate> RetentionStore::ListedOn(std::int64_t organisation_id) {
  std::string listed_on;
  soci::indicator indicator = soci::i_null;
  session_ << kListedOn, soci::use(organisation_id, "organisation"),
      soci::into(listed_on, indicator);
  if (indicator != soci::i_ok) return std::nullopt;
  return ParseIsoDate(listed_on);
}

void RetentionStore::ClearQueue(std::int64_t organisation_id) {
  Change(session_, kClearQueue, Values("organisation", organisation_id));
}

std::int64_t RetentionStore::InsertCertificate(const Certificate& certificate) {
  const std::int64_t id = InsertReturningId(
      session_, kInsertCertificate,
      Values("organisation", certificate.organisation_id, "user", certificate.approved_by, "name",
             certificate.approver_name, "now", certificate.approved_at, "purpose",
             certificate.purpose, "risk", certificate.risk_assessment));
  for (const auto& line : certificate.lines) {
    Change(session_, kInsertLine,
           Values("organisation", certificate.organisation_id, "certificate", id, "kind", line.kind,
                  "method", line.method, "count", line.count, "earliest", line.earliest_on,
                  "latest", line.latest_on, "technique", line.technique));
  }
  for (const auto& skipped : certificate.skipped) {
    Change(
        session_, kInsertSkip,
        Values("organisation", certificate.organisation_id, "certificate", id, "kind", skipped.kind,
               "record", skipped.record_id, "hold", skipped.hold, "reason", skipped.reason));
  }
  return id;
}

void RetentionStore::RecordDisposal(std::int64_t organisation_id, domain::RetainedKind kind,
                                    std::int64_t record_id, std::int64_t certificate_id) {
  Change(session_, kRecordDisposal,
         Values("organisation", organisation_id, "kind", kind, "record", record_id, "certificate",
                certificate_id));
}

std::vector<Certificate> RetentionStore::ListCertificates(std::int64_t organisation_id) {
  return Fetch<Certificates>(session_, kCertificates, Params({{"organisation", organisation_id}}));
}

std::optional<Certificate> RetentionStore::FindCertificate(std::int64_t organisation_id,
                                                           std::int64_t id) {
  auto found = Fetch<Certificates>(session_, kCertificate,
                                   Params({{"organisation", organisation_id}, {"id", id}}));
  if (found.empty()) return std::nullopt;
  Certificate certificate = std::move(found.front());
  certificate.lines =
      Fetch<Lines>(session_, kLines, Params({{"organisation", organisation_id}, {"id", id}}));
  certificate.skipped =
      Fetch<Skips>(session_, kSkips, Params({{"organisation", organisation_id}, {"id", id}}));
  return certificate;
}

}  // namespace cercle::store
