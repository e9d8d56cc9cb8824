#include "store/partner_store.hpp"

#include "store/circle_rows.hpp"

namespace cercle::store {
namespace {

constexpr const char* kCountContacts = R"sql(
SELECT COUNT(*)
  FROM partner_contacts
 WHERE organisation_id = :organisation
)sql";

using namespace circle_rows;

constexpr const char* kColumns = R"sql(
SELECT id, organisation_id, kind, name, partner_organisation, role_title, phone, email,
       user_id, created_at, updated_at
  FROM partner_contacts
 WHERE organisation_id = :organisation
 )sql";
constexpr const char* kInsert = R"sql(
INSERT INTO partner_contacts (organisation_id, kind, name, partner_organisation, role_title,
       phone, email, user_id, created_by, created_at, updated_at)
VALUES (:organisation, :kind, :name, :partner_organisation, :role_title, :phone, :email,
       :user, :by, :created, :updated)
RETURNING id
)sql";
constexpr const char* kUpdate = R"sql(
UPDATE partner_contacts
   SET kind = :kind, name = :name, partner_organisation = :partner_organisation,
          role_title = :role_title, phone = :phone, email = :email, user_id = :user,
          updated_at = :updated
 WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kLinkedElsewhere = R"sql(
SELECT count(*)
  FROM partner_contacts
 WHERE organisation_id = :organisation AND user_id = :user AND id <> :id
)sql";
constexpr const char* kAgreementColumns = R"sql(
SELECT id, organisation_id, partner_contact_id, circle_id, starts_on, ends_on, scope,
       document_id, created_by, created_at
  FROM sharing_agreements
 WHERE organisation_id = :organisation
 )sql";
constexpr const char* kInsertAgreement = R"sql(
INSERT INTO sharing_agreements (organisation_id, partner_contact_id, circle_id, starts_on,
       ends_on, scope, document_id, created_by, created_at, updated_at)
VALUES (:organisation, :contact, :circle, :starts_on, :ends_on, :scope, :document, :by,
       :created, :updated)
RETURNING id
)sql";
constexpr const char* kEndAgreement = R"sql(
UPDATE sharing_agreements
   SET ends_on = :ends_on, updated_at = :now
 WHERE id = :id AND organisation_id = :organisation
)sql";

}  // namespace

std::vector<domain::PartnerContact> PartnerStore::Select(const std::string& where,
                                                         std::int64_t organisation_id,
                                                         std::int64_t key) {
  domain::PartnerContact row;
  std::string kind;
  std::int64_t user = 0;
  long long created = 0, updated = 0;
  soci::indicator user_indicator;
  soci::statement statement =
      (session_.prepare << std::string(kColumns) + where, soci::into(row.id),
       soci::into(row.organisation_id), soci::into(kind), soci::into(row.name),
       soci::into(row.partner_organisation), soci::into(row.role_title), soci::into(row.phone),
       soci::into(row.email), soci::into(user, user_indicator), soci::into(created),
       soci::into(updated));
  statement.exchange(soci::use(organisation_id, "organisation"));
  if (where.find(":key") != std::string::npos) statement.exchange(soci::use(key, "key"));
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::PartnerContact> contacts;
  while (statement.fetch()) {
    domain::PartnerContact contact = row;
    contact.kind =
        domain::ParseEnum<domain::PartnerKind>(kind).value_or(domain::PartnerKind::kOther);
    contact.user_id = Id(user, user_indicator);
    contact.created_at = FromUnix(created);
    contact.updated_at = FromUnix(updated);
    contacts.push_back(std::move(contact));
  }
  return contacts;
}

std::int64_t PartnerStore::Insert(const domain::PartnerContact& contact,
                                  std::optional<std::int64_t> by) {
  std::int64_t id = 0;
  const std::string kind(domain::NameOf(contact.kind));
  auto user = Nullable(contact.user_id);
  auto creator = Nullable(by);
  const long long created = ToUnix(contact.created_at), updated = ToUnix(contact.updated_at);
  session_ << kInsert, soci::use(contact.organisation_id, "organisation"), soci::use(kind, "kind"),
      soci::use(contact.name, "name"),
      soci::use(contact.partner_organisation, "partner_organisation"),
      soci::use(contact.role_title, "role_title"), soci::use(contact.phone, "phone"),
      soci::use(contact.email, "email"), soci::use(user.value, user.indicator, "user"),
      soci::use(creator.value, creator.indicator, "by"), soci::use(created, "created"),
      soci::use(updated, "updated"), soci::into(id);
  return id;
}

void PartnerStore::Update(const domain::PartnerContact& contact) {
  const std::string kind(domain::NameOf(contact.kind));
  auto user = Nullable(contact.user_id);
  const long long updated = ToUnix(contact.updated_at);
  session_ << kUpdate, soci::use(kind, "kind"), soci::use(contact.name, "name"),
      soci::use(contact.partner_organisation, "partner_organisation"),
      soci::use(contact.role_title, "role_title"), soci::use(contact.phone, "phone"),
      soci::use(contact.email, "email"), soci::use(user.value, user.indicator, "user"),
      soci::use(updated, "updated"), soci::use(contact.id, "id"),
      soci::use(contact.organisation_id, "organisation");
}

std::optional<domain::PartnerContact> PartnerStore::Find(std::int64_t id,
                                                         std::int64_t organisation_id) {
  auto contacts = Select("AND id = :key", organisation_id, id);
  if (contacts.empty()) return std::nullopt;
  return contacts.front();
}

std::optional<domain::PartnerContact> PartnerStore::FindByUser(std::int64_t user_id,
                                                               std::int64_t organisation_id) {
  auto contacts = Select("AND user_id = :key", organisation_id, user_id);
  if (contacts.empty()) return std::nullopt;
  return contacts.front();
}

std::vector<domain::PartnerContact> PartnerStore::List(std::int64_t organisation_id) {
  return Select("ORDER BY name, id", organisation_id, 0);
}

std::vector<domain::PartnerContact> PartnerStore::List(std::int64_t organisation_id,
                                                       const PageSlice& slice) {
  return Select("ORDER BY name, id" + LimitClause(slice), organisation_id, 0);
}

std::int64_t PartnerStore::Count(std::int64_t organisation_id) {
  long long count = 0;
  session_ << kCountContacts, soci::use(organisation_id, "organisation"), soci::into(count);
  return count;
}

bool PartnerStore::UserLinkedElsewhere(std::int64_t user_id, std::int64_t organisation_id,
                                       std::int64_t except_id) {
  long long count = 0;
  session_ << kLinkedElsewhere, soci::use(organisation_id, "organisation"),
      soci::use(user_id, "user"), soci::use(except_id, "id"), soci::into(count);
  return count > 0;
}

std::vector<domain::SharingAgreement> PartnerStore::SelectAgreements(const std::string& where,
                                                                     std::int64_t organisation_id,
                                                                     std::int64_t key) {
  domain::SharingAgreement row;
  std::string starts, ends;
  std::int64_t document = 0, by = 0;
  long long created = 0;
  soci::indicator ends_indicator, document_indicator, by_indicator;
  soci::statement statement =
      (session_.prepare << std::string(kAgreementColumns) + where, soci::into(row.id),
       soci::into(row.organisation_id), soci::into(row.partner_contact_id),
       soci::into(row.circle_id), soci::into(starts), soci::into(ends, ends_indicator),
       soci::into(row.scope), soci::into(document, document_indicator),
       soci::into(by, by_indicator), soci::into(created));
  statement.exchange(soci::use(organisation_id, "organisation"));
  statement.exchange(soci::use(key, "key"));
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::SharingAgreement> agreements;
  while (statement.fetch()) {
    domain::SharingAgreement agreement = row;
    agreement.starts_on = RequiredDate(starts);
    agreement.ends_on = Date(ends, ends_indicator);
    agreement.document_id = Id(document, document_indicator);
    agreement.created_by = Id(by, by_indicator);
    agreement.created_at = FromUnix(created);
    agreements.push_back(std::move(agreement));
  }
  return agreements;
}

std::int64_t PartnerStore::InsertAgreement(const domain::SharingAgreement& agreement) {
  std::int64_t id = 0;
  const std::string starts = FormatIsoDate(agreement.starts_on);
  auto ends = Text(agreement.ends_on);
  auto document = Nullable(agreement.document_id);
  auto by = Nullable(agreement.created_by);
  const long long at = ToUnix(agreement.created_at);
  session_ << kInsertAgreement, soci::use(agreement.organisation_id, "organisation"),
      soci::use(agreement.partner_contact_id, "contact"), soci::use(agreement.circle_id, "circle"),
      soci::use(starts, "starts_on"), soci::use(ends.value, ends.indicator, "ends_on"),
      soci::use(agreement.scope, "scope"),
      soci::use(document.value, document.indicator, "document"),
      soci::use(by.value, by.indicator, "by"), soci::use(at, "created"), soci::use(at, "updated"),
      soci::into(id);
  return id;
}

std::optional<domain::SharingAgreement> PartnerStore::FindAgreement(std::int64_t id,
                                                                    std::int64_t organisation_id) {
  auto agreements = SelectAgreements("AND id = :key", organisation_id, id);
  if (agreements.empty()) return std::nullopt;
  return agreements.front();
}

std::vector<domain::SharingAgreement> PartnerStore::AgreementsOfCircle(
    std::int64_t circle_id, std::int64_t organisation_id) {
  return SelectAgreements("AND circle_id = :key ORDER BY starts_on DESC, id DESC", organisation_id,
                          circle_id);
}

std::vector<domain::SharingAgreement> PartnerStore::AgreementsOfContact(
    std::int64_t contact_id, std::int64_t organisation_id) {
  return SelectAgreements("AND partner_contact_id = :key ORDER BY starts_on DESC, id DESC",
                          organisation_id, contact_id);
}

void PartnerStore::EndAgreement(std::int64_t id, std::int64_t organisation_id, CivilDate ends_on,
                                Instant now) {
  const std::string ends = FormatIsoDate(ends_on);
  const long long at = ToUnix(now);
  session_ << kEndAgreement, soci::use(ends, "ends_on"), soci::use(at, "now"), soci::use(id, "id"),
      soci::use(organisation_id, "organisation");
}

}  // namespace cercle::store
