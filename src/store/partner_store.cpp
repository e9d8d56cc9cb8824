#include "store/partner_store.hpp"

#include "store/circle_rows.hpp"
#include "store/circle_tables.hpp"
#include "store/table.hpp"

namespace cercle::store {
namespace {

using Agreements = tables::SharingAgreements;
using Contacts = tables::PartnerContacts;

constexpr const char* kByUser = R"sql(
SELECT {columns}
  FROM partner_contacts
 WHERE organisation_id = :organisation AND user_id = :user
)sql";
constexpr const char* kLatestStartFirst = " ORDER BY starts_on DESC, id DESC";

}  // namespace

std::int64_t PartnerStore::Insert(const domain::PartnerContact& contact,
                                  std::optional<std::int64_t> by) {
  auto creator = circle_rows::Nullable(by);
  return store::Insert<Contacts>(session_, contact, [&](soci::statement& statement) {
    statement.exchange(soci::use(creator.value, creator.indicator, "created_by"));
  });
}

void PartnerStore::Update(const domain::PartnerContact& contact) {
  store::Update<Contacts>(session_, contact);
}

std::optional<domain::PartnerContact> PartnerStore::Find(std::int64_t id,
                                                         std::int64_t organisation_id) {
  return store::Find<Contacts>(session_, id, organisation_id);
}

std::optional<domain::PartnerContact> PartnerStore::FindByUser(std::int64_t user_id,
                                                               std::int64_t organisation_id) {
  return SelectOne<Contacts>(session_, kByUser,
                             Params({{"organisation", organisation_id}, {"user", user_id}}));
}

std::vector<domain::PartnerContact> PartnerStore::List(std::int64_t organisation_id) {
  return SelectWhere<Contacts>(session_, "ORDER BY name, id", OfOrganisation(organisation_id));
}

std::vector<domain::PartnerContact> PartnerStore::List(std::int64_t organisation_id,
                                                       const PageSlice& slice) {
  return SelectWhere<Contacts>(session_, "ORDER BY name, id" + LimitClause(slice),
                               OfOrganisation(organisation_id));
}

std::int64_t PartnerStore::Count(std::int64_t organisation_id) {
  return store::Count<Contacts>(session_, organisation_id);
}

bool PartnerStore::UserLinkedElsewhere(std::int64_t user_id, std::int64_t organisation_id,
                                       std::int64_t except_id) {
  return CountWhere<Contacts>(
             session_, "AND user_id = :user AND id <> :id",
             OfOrganisation(organisation_id, {{"user", user_id}, {"id", except_id}})) > 0;
}

std::int64_t PartnerStore::InsertAgreement(const domain::SharingAgreement& agreement) {
  // A new agreement was last updated when it was created.
  return store::Insert<Agreements>(session_, agreement,
                                   Params({{"updated_at", ToUnix(agreement.created_at)}}));
}

std::optional<domain::SharingAgreement> PartnerStore::FindAgreement(std::int64_t id,
                                                                    std::int64_t organisation_id) {
  return store::Find<Agreements>(session_, id, organisation_id);
}

std::vector<domain::SharingAgreement> PartnerStore::AgreementsOfCircle(
    std::int64_t circle_id, std::int64_t organisation_id) {
  return SelectWhere<Agreements>(session_, std::string("AND circle_id = :of") + kLatestStartFirst,
                                 OfOrganisation(organisation_id, {{"of", circle_id}}));
}

std::vector<domain::SharingAgreement> PartnerStore::AgreementsOfContact(
    std::int64_t contact_id, std::int64_t organisation_id) {
  return SelectWhere<Agreements>(session_,
                                 std::string("AND partner_contact_id = :of") + kLatestStartFirst,
                                 OfOrganisation(organisation_id, {{"of", contact_id}}));
}

void PartnerStore::EndAgreement(std::int64_t id, std::int64_t organisation_id, CivilDate ends_on,
                                Instant now) {
  domain::SharingAgreement ended;
  ended.id = id;
  ended.organisation_id = organisation_id;
  ended.ends_on = ends_on;
  store::Update<Agreements>(session_, ended, Params({{"updated_at", ToUnix(now)}}));
}

}  // namespace cercle::store
