#include "store/circle_store.hpp"
#include "store/circle_tables.hpp"
#include "store/table.hpp"

// The circle store's covenants: the organisation's template, each circle's versions and their
// signatures.
namespace cercle::store {
namespace {

constexpr const char* kTemplate = R"sql(
SELECT body
  FROM covenant_templates
 WHERE organisation_id = :organisation
)sql";
// The organisation's one template, written over the one it had.
constexpr const char* kStoreTemplate = R"sql(
INSERT INTO covenant_templates (organisation_id, body, updated_by, updated_at)
VALUES (:organisation, :body, :by, :at)
ON CONFLICT (organisation_id) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at
)sql";
constexpr const char* kLastVersion = R"sql(
SELECT coalesce(max(version), 0)
  FROM covenant_versions
 WHERE organisation_id = :organisation AND circle_id = :circle
)sql";
// The signatures of the versions of one circle's covenant.
constexpr const char* kOfCircle = R"sql(
AND version_id IN (SELECT v.id
  FROM covenant_versions v
 WHERE v.organisation_id = :version_organisation AND v.circle_id = :circle)
 ORDER BY id
)sql";

}  // namespace

std::optional<std::string> CircleStore::CovenantTemplate(std::int64_t organisation_id) {
  return FetchValue<std::string>(session_, kTemplate, Params({{"organisation", organisation_id}}));
}

void CircleStore::SetCovenantTemplate(std::int64_t organisation_id, const std::string& body,
                                      std::int64_t by, Instant now) {
  const long long at = ToUnix(now);
  session_ << kStoreTemplate, soci::use(organisation_id, "organisation"), soci::use(body, "body"),
      soci::use(by, "by"), soci::use(at, "at");
}

std::int64_t CircleStore::InsertCovenantVersion(domain::CovenantVersion& version) {
  version.version =
      FetchValue<int>(
          session_, kLastVersion,
          Params({{"organisation", version.organisation_id}, {"circle", version.circle_id}}))
          .value_or(0) +
      1;
  version.id = store::Insert<tables::CovenantVersions>(session_, version);
  return version.id;
}

std::vector<domain::CovenantVersion> CircleStore::CovenantVersions(std::int64_t circle_id,
                                                                   std::int64_t organisation_id) {
  return SelectWhere<tables::CovenantVersions>(
      session_, "AND circle_id = :circle ORDER BY version",
      OfOrganisation(organisation_id, {{"circle", circle_id}}));
}

std::int64_t CircleStore::InsertSignature(const domain::CovenantSignature& signature) {
  return store::Insert<tables::CovenantSignatures>(session_, signature);
}

std::vector<domain::CovenantSignature> CircleStore::Signatures(std::int64_t circle_id,
                                                               std::int64_t organisation_id) {
  return SelectWhere<tables::CovenantSignatures>(
      session_, kOfCircle,
      OfOrganisation(organisation_id,
                     {{"version_organisation", organisation_id}, {"circle", circle_id}}));
}

}  // namespace cercle::store
