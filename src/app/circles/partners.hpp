#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/circles/circle_meetings.hpp"
#include "app/intake/documents.hpp"
#include "app/paging.hpp"
#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle_partners.hpp"
#include "domain/circle_record.hpp"

// The outer circle for coordinators: partner contacts, and the information-sharing agreements
// attaching them to circles with their signed documents. Each change is audited in its
// transaction; NotFound for an actor who may not manage circles, and for another organisation's
// contact, agreement, circle or document (the same answer as for a missing one).
namespace cercle::app::circles {

// An account with the partner role, which a contact may be linked to.
struct PartnerAccount {
  std::int64_t id = 0;
  std::string display_name;
  std::string email;
};

// A partner contact as a coordinator typed it, with the fields its form could not read.
struct PartnerDetails {
  std::optional<domain::PartnerKind> kind;  // none when missing or not a kind
  std::string name;
  std::string partner_organisation;
  std::string role_title;
  std::string phone;
  std::string email;
  // The linked account: a partner of the organisation that no other contact uses.
  std::optional<std::int64_t> user_id;
  std::vector<FieldError> unreadable;
};

// Stores a new contact after domain::CheckPartnerContact ("partner_contact.create"); returns its
// id. Refuses, with every field's error, a missing kind, an unreadable field, details the rules
// refuse, or an account that is not a partner's or is linked to another contact.
Result<std::int64_t> CreatePartner(const Services& services, const auth::Actor& actor,
                                   const PartnerDetails& details);

struct UpdatePartnerCommand {
  std::int64_t contact_id = 0;
  PartnerDetails details;
};
// Stores a contact's new details, checked as for CreatePartner ("partner_contact.update");
// returns its id.
Result<std::int64_t> UpdatePartner(const Services& services, const auth::Actor& actor,
                                   const UpdatePartnerCommand& command);

// The coordinators' list of the outer circle: one page of the contacts by name, and the accounts a
// new contact may be linked to.
struct PartnerListPage {
  std::vector<domain::PartnerContact> contacts;
  std::int64_t total = 0;
  std::vector<PartnerAccount> accounts;
};
Result<PartnerListPage> LoadPartnerList(const Services& services, const auth::Actor& actor,
                                        const PageRequest& page);

// A contact's page: the contact, the agreements attaching them to circles (latest start first)
// with the circles' code names, and the accounts they may be linked to.
struct PartnerPage {
  domain::PartnerContact contact;
  CivilDate today;
  std::vector<domain::SharingAgreement> agreements;
  // Each agreement's effect today (by agreement id), from its circle's core member's consents.
  std::map<std::int64_t, domain::AgreementEffect> effects;
  std::map<std::int64_t, std::string> circle_code_names;
  std::vector<PartnerAccount> accounts;
};
// The page of contact `contact_id`, audited "partner_contact.view" with ViewAudit::kRecord.
Result<PartnerPage> LoadPartnerPage(const Services& services, const auth::Actor& actor,
                                    std::int64_t contact_id, ViewAudit audit = ViewAudit::kRecord);

// A contact attached to a circle under an agreement, as a coordinator typed it.
struct AttachPartnerCommand {
  std::int64_t circle_id = 0;
  std::optional<std::int64_t> contact_id;  // none when none was chosen
  std::optional<CivilDate> starts_on;      // none when the form could not read it
  std::optional<CivilDate> ends_on;        // the last day in force, if any
  std::string scope;                       // what may be shared
  // The signed agreement; empty bytes when none was sent.
  intake::Upload document;
  std::vector<FieldError> unreadable;
};

// Records the agreement after domain::CheckAgreement, with its document stored first (through
// intake::StoreDocument, owned by the circle) so that a refused file leaves no agreement behind;
// audited "circle.agreement_add". Conflict for a closed circle. Returns the agreement's id.
Result<std::int64_t> AttachPartner(const Services& services, const auth::Actor& actor,
                                   const AttachPartnerCommand& command);

// Ends agreement `agreement_id` yesterday, so that the partner's access stops at once; audited
// "circle.agreement_end". Conflict when it is not in force. Returns the circle's id.
Result<std::int64_t> EndAgreement(const Services& services, const auth::Actor& actor,
                                  std::int64_t agreement_id);

// The circle of agreement `agreement_id`, when the actor may manage it (to show a refusal on it).
Result<domain::Circle> LoadAgreementCircle(const Services& services, const auth::Actor& actor,
                                           std::int64_t agreement_id);

// The signed document `document_id` of an agreement of a circle the actor may manage, with its
// bytes (audited "document.download" when read).
Result<intake::DocumentDownload> DownloadAgreementDocument(const Services& services,
                                                           const auth::Actor& actor,
                                                           std::int64_t document_id);

}  // namespace cercle::app::circles
