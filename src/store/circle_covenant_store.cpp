#include "store/circle_store.hpp"

#include "store/circle_rows.hpp"

// The circle store's covenants: the organisation's template, each circle's versions and their
// signatures.
namespace cercle::store {
namespace {

using namespace circle_rows;

constexpr const char* kTemplate = R"sql(
SELECT body
  FROM covenant_templates
 WHERE organisation_id = :organisation
)sql";
constexpr const char* kDeleteTemplate = R"sql(
DELETE
  FROM covenant_templates
 WHERE organisation_id = :organisation
)sql";
constexpr const char* kInsertTemplate = R"sql(
INSERT INTO covenant_templates (organisation_id, body, updated_by, updated_at)
VALUES (:organisation, :body, :by, :at)
)sql";
constexpr const char* kLastVersion = R"sql(
SELECT coalesce(max(version), 0)
  FROM covenant_versions
 WHERE organisation_id = :organisation AND circle_id = :circle
)sql";
constexpr const char* kInsertVersion = R"sql(
INSERT INTO covenant_versions (organisation_id, circle_id, version, body, note,
       phase_change_id, created_by, created_at)
VALUES (:organisation, :circle, :version, :body, :note, :phase_change, :by, :at)
RETURNING id
)sql";
constexpr const char* kVersions = R"sql(
SELECT id, organisation_id, circle_id, version, body, note, phase_change_id, created_by,
       created_at
  FROM covenant_versions
 WHERE organisation_id = :organisation AND circle_id = :circle
 ORDER BY version
)sql";
constexpr const char* kInsertSignature = R"sql(
INSERT INTO covenant_signatures (organisation_id, version_id, signatory, volunteer_id,
       signed_on, recorded_by, recorded_at)
VALUES (:organisation, :version, :signatory, :volunteer, :signed_on, :by, :at)
RETURNING id
)sql";
constexpr const char* kSignatures = R"sql(
SELECT s.id, s.organisation_id, s.version_id, s.signatory, s.volunteer_id, s.signed_on,
       s.recorded_by, s.recorded_at
  FROM covenant_signatures s JOIN covenant_versions v ON v.id = s.version_id
 WHERE s.organisation_id = :organisation AND v.organisation_id = :version_organisation AND v.circle_id = :circle
 ORDER BY s.id
)sql";

}  // namespace

std::optional<std::string> CircleStore::CovenantTemplate(std::int64_t organisation_id) {
  std::string body;
  soci::indicator indicator = soci::i_null;
  session_ << kTemplate, soci::use(organisation_id, "organisation"), soci::into(body, indicator);
  if (!session_.got_data() || indicator != soci::i_ok) return std::nullopt;
  return body;
}

void CircleStore::SetCovenantTemplate(std::int64_t organisation_id, const std::string& body,
                                      std::int64_t by, Instant now) {
  const long long at = ToUnix(now);
  session_ << kDeleteTemplate, soci::use(organisation_id, "organisation");
  session_ << kInsertTemplate, soci::use(organisation_id, "organisation"), soci::use(body, "body"),
      soci::use(by, "by"), soci::use(at, "at");
}

std::int64_t CircleStore::InsertCovenantVersion(domain::CovenantVersion& version) {
  long long last = 0;
  session_ << kLastVersion, soci::use(version.organisation_id, "organisation"),
      soci::use(version.circle_id, "circle"), soci::into(last);
  version.version = static_cast<int>(last) + 1;
  std::int64_t id = 0;
  auto phase_change = Nullable(version.phase_change_id);
  auto by = Nullable(version.created_by);
  const long long at = ToUnix(version.created_at);
  session_ << kInsertVersion, soci::use(version.organisation_id, "organisation"),
      soci::use(version.circle_id, "circle"), soci::use(version.version, "version"),
      soci::use(version.body, "body"), soci::use(version.note, "note"),
      soci::use(phase_change.value, phase_change.indicator, "phase_change"),
      soci::use(by.value, by.indicator, "by"), soci::use(at, "at"), soci::into(id);
  version.id = id;
  return id;
}

std::vector<domain::CovenantVersion> CircleStore::CovenantVersions(std::int64_t circle_id,
                                                                   std::int64_t organisation_id) {
  domain::CovenantVersion row;
  std::int64_t phase_change = 0, by = 0;
  long long at = 0;
  soci::indicator phase_indicator, by_indicator;
  soci::statement statement =
      (session_.prepare << kVersions, soci::use(organisation_id, "organisation"),
       soci::use(circle_id, "circle"), soci::into(row.id), soci::into(row.organisation_id),
       soci::into(row.circle_id), soci::into(row.version), soci::into(row.body),
       soci::into(row.note), soci::into(phase_change, phase_indicator),
       soci::into(by, by_indicator), soci::into(at));
  statement.execute();
  std::vector<domain::CovenantVersion> versions;
  while (statement.fetch()) {
    domain::CovenantVersion version = row;
    version.phase_change_id = Id(phase_change, phase_indicator);
    version.created_by = Id(by, by_indicator);
    version.created_at = FromUnix(at);
    versions.push_back(std::move(version));
  }
  return versions;
}

std::int64_t CircleStore::InsertSignature(const domain::CovenantSignature& signature) {
  std::int64_t id = 0;
  const std::string signatory(domain::NameOf(signature.signatory));
  auto volunteer = Nullable(signature.volunteer_id);
  const std::string signed_on = FormatIsoDate(signature.signed_on);
  auto by = Nullable(signature.recorded_by);
  const long long at = ToUnix(signature.recorded_at);
  session_ << kInsertSignature, soci::use(signature.organisation_id, "organisation"),
      soci::use(signature.version_id, "version"), soci::use(signatory, "signatory"),
      soci::use(volunteer.value, volunteer.indicator, "volunteer"),
      soci::use(signed_on, "signed_on"), soci::use(by.value, by.indicator, "by"),
      soci::use(at, "at"), soci::into(id);
  return id;
}

std::vector<domain::CovenantSignature> CircleStore::Signatures(std::int64_t circle_id,
                                                               std::int64_t organisation_id) {
  domain::CovenantSignature row;
  std::string signatory, signed_on;
  std::int64_t volunteer = 0, by = 0;
  long long at = 0;
  soci::indicator volunteer_indicator, by_indicator;
  soci::statement statement =
      (session_.prepare << kSignatures, soci::use(organisation_id, "organisation"),
       soci::use(organisation_id, "version_organisation"), soci::use(circle_id, "circle"),
       soci::into(row.id), soci::into(row.organisation_id), soci::into(row.version_id),
       soci::into(signatory), soci::into(volunteer, volunteer_indicator), soci::into(signed_on),
       soci::into(by, by_indicator), soci::into(at));
  statement.execute();
  std::vector<domain::CovenantSignature> signatures;
  while (statement.fetch()) {
    domain::CovenantSignature signature = row;
    signature.signatory =
        domain::ParseEnum<domain::Signatory>(signatory).value_or(domain::Signatory::kCoreMember);
    signature.volunteer_id = Id(volunteer, volunteer_indicator);
    signature.signed_on = RequiredDate(signed_on);
    signature.recorded_by = Id(by, by_indicator);
    signature.recorded_at = FromUnix(at);
    signatures.push_back(std::move(signature));
  }
  return signatures;
}

}  // namespace cercle::store
