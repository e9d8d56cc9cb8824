#include "app/circles/partners.hpp"

#include "app/circles/circles.hpp"
#include "app/field_errors.hpp"
#include "app/record_change.hpp"
#include "auth/policies/circle_policy.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/document_store.hpp"
#include "store/partner_store.hpp"
#include "store/user_store.hpp"

namespace cercle::app::circles {
namespace {

using auth::policies::CirclePolicy;

// The owner type of an agreement's signed document: it belongs to the circle, whose policy guards
// it.
constexpr const char* kAgreementDocumentOwner = "circle";

// The refusal of the fields in `refused`, or none.
Status Refusal(std::vector<FieldError> refused) {
  if (refused.empty()) return {};
  return Error::Fields(std::move(refused));
}

// The fields a form could not read, after `required`'s error when that choice is `missing`.
std::vector<FieldError> Unreadable(const std::vector<FieldError>& unreadable, bool missing,
                                   FieldError required) {
  std::vector<FieldError> errors;
  if (missing) errors.push_back(std::move(required));
  errors.insert(errors.end(), unreadable.begin(), unreadable.end());
  return errors;
}

// True when the actor may manage the outer circle of their organisation.
bool MayManage(const auth::Actor& actor) {
  return CirclePolicy::CanManage(actor) && actor.organisation_id.has_value();
}

// The contact `contact_id` when the actor may manage it.
Result<domain::PartnerContact> FindManagedContact(const store::Unit& unit, const auth::Actor& actor,
                                                  std::int64_t contact_id) {
  if (!MayManage(actor)) return Error::NotFound();
  auto contact = store::PartnerStore(unit.session()).Find(contact_id, *actor.organisation_id);
  if (!contact || !CirclePolicy::CanView(actor, contact->organisation_id)) {
    return Error::NotFound();
  }
  return std::move(*contact);
}

// The organisation's accounts with the partner role.
std::vector<PartnerAccount> PartnerAccounts(const store::Unit& unit) {
  std::vector<PartnerAccount> accounts;
  for (const auto& user :
       store::UserStore(unit.session()).ListOrganisation(unit.organisation_id())) {
    if (user.roles.Has(domain::Role::kPartner)) {
      accounts.push_back({user.id, user.display_name, user.email});
    }
  }
  return accounts;
}

// Copies `details` onto `contact` and checks them (the one description of a contact, for creation
// and change): the kind, the fields the form could not read, the domain's rules, and the linked
// account (a partner of the organisation that no contact but this one uses).
Status ApplyDetails(const store::Unit& unit, const PartnerDetails& details,
                    domain::PartnerContact& contact) {
  contact.name = details.name;
  contact.partner_organisation = details.partner_organisation;
  contact.role_title = details.role_title;
  contact.phone = details.phone;
  contact.email = details.email;
  contact.user_id = details.user_id;
  auto errors = Unreadable(details.unreadable, !details.kind,
                           {"kind", {N_("Choose what the contact is to the program."), {}}});
  std::vector<FieldError> refused;
  if (auto checked = domain::CheckPartnerContact(contact); !checked) {
    refused = checked.error().fields;
  }
  if (contact.user_id) {
    const auto user =
        store::UserStore(unit.session()).Find(*contact.user_id, unit.organisation_id());
    if (!user || !user->roles.Has(domain::Role::kPartner)) {
      refused.push_back({"user", {N_("Choose an account from the list."), {}}});
    }
  }
  TRY(Combine(std::move(errors), Refusal(std::move(refused))));
  contact.kind = *details.kind;
  if (contact.user_id &&
      store::PartnerStore(unit.session())
          .UserLinkedElsewhere(*contact.user_id, contact.organisation_id, contact.id)) {
    return Error::Fields({{"user", {N_("Another contact already uses this account."), {}}}});
  }
  return {};
}

// The agreement `agreement_id` and its circle, when the actor may manage the circle.
struct ManagedAgreement {
  domain::SharingAgreement agreement;
  domain::Circle circle;
};

Result<ManagedAgreement> FindManagedAgreement(const store::Unit& unit, const auth::Actor& actor,
                                              std::int64_t agreement_id) {
  if (!MayManage(actor)) return Error::NotFound();
  auto agreement =
      store::PartnerStore(unit.session()).FindAgreement(agreement_id, *actor.organisation_id);
  if (!agreement) return Error::NotFound();
  auto circle = TRY(FindManagedCircle(unit, actor, agreement->circle_id));
  return ManagedAgreement{std::move(*agreement), std::move(circle)};
}

// The agreement `command` describes for `circle`, or every field's error.
Result<domain::SharingAgreement> CheckedAgreement(const store::Unit& unit,
                                                  const domain::Circle& circle,
                                                  const AttachPartnerCommand& command) {
  domain::SharingAgreement agreement;
  agreement.organisation_id = circle.organisation_id;
  agreement.circle_id = circle.id;
  agreement.ends_on = command.ends_on;
  agreement.scope = command.scope;
  auto errors = Unreadable(command.unreadable, !command.contact_id,
                           {"contact", {N_("Choose the partner contact."), {}}});
  std::vector<FieldError> refused;
  if (command.starts_on) {
    agreement.starts_on = *command.starts_on;
    if (auto checked = domain::CheckAgreement(agreement); !checked)
      refused = checked.error().fields;
  }
  if (command.contact_id &&
      !store::PartnerStore(unit.session()).Find(*command.contact_id, circle.organisation_id)) {
    refused.push_back({"contact", {N_("Choose the partner contact."), {}}});
  }
  TRY(Combine(std::move(errors), Refusal(std::move(refused))));
  agreement.partner_contact_id = *command.contact_id;
  return agreement;
}

}  // namespace

Result<std::int64_t> CreatePartner(const Services& services, const auth::Actor& actor,
                                   const PartnerDetails& details) {
  if (!MayManage(actor)) return Error::NotFound();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    domain::PartnerContact contact;
    contact.organisation_id = *actor.organisation_id;
    TRY(ApplyDetails(unit, details, contact));
    contact.created_at = contact.updated_at = unit.now();
    contact.id = store::PartnerStore(unit.session()).Insert(contact, actor.user_id);
    Audit(services, unit, actor,
          {"partner_contact.create", "partner_contact", std::to_string(contact.id)});
    return contact.id;
  });
}

Result<std::int64_t> UpdatePartner(const Services& services, const auth::Actor& actor,
                                   const UpdatePartnerCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    auto contact = TRY(FindManagedContact(unit, actor, command.contact_id));
    TRY(ApplyDetails(unit, command.details, contact));
    contact.updated_at = unit.now();
    store::PartnerStore(unit.session()).Update(contact);
    Audit(services, unit, actor,
          {"partner_contact.update", "partner_contact", std::to_string(contact.id)});
    return contact.id;
  });
}

Result<PartnerListPage> LoadPartnerList(const Services& services, const auth::Actor& actor,
                                        const PageRequest& page) {
  if (!MayManage(actor)) return Error::NotFound();
  return Read(services, actor.scope(), [&](store::Unit& unit) -> Result<PartnerListPage> {
    store::PartnerStore partners(unit.session());
    PartnerListPage list;
    list.total = partners.Count(unit.organisation_id());
    list.contacts = partners.List(unit.organisation_id(), SliceOf(page, list.total));
    list.accounts = PartnerAccounts(unit);
    return list;
  });
}

Result<PartnerPage> LoadPartnerPage(const Services& services, const auth::Actor& actor,
                                    std::int64_t contact_id, ViewAudit audit) {
  const CivilDate today = services.Today();
  auto page = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<PartnerPage> {
    PartnerPage page;
    page.contact = TRY(FindManagedContact(unit, actor, contact_id));
    page.today = today;
    const std::int64_t organisation = page.contact.organisation_id;
    page.agreements =
        store::PartnerStore(unit.session()).AgreementsOfContact(page.contact.id, organisation);
    std::vector<std::int64_t> ids;
    for (const auto& agreement : page.agreements) ids.push_back(agreement.circle_id);
    store::CoreMemberStore core_members(unit.session());
    for (const auto& circle : store::CircleStore(unit.session()).FindMany(ids, organisation)) {
      page.circle_code_names[circle.id] = circle.code_name;
      const auto consents = core_members.Consents(circle.core_member_id, organisation);
      for (const auto& agreement : page.agreements) {
        if (agreement.circle_id == circle.id) {
          page.effects[agreement.id] =
              domain::EffectOn(agreement, page.contact, consents, page.today);
        }
      }
    }
    page.accounts = PartnerAccounts(unit);
    return page;
  }));
  if (audit == ViewAudit::kRecord) {
    AuditView(services, actor,
              {"partner_contact.view", "partner_contact", std::to_string(page.contact.id)});
  }
  return page;
}

Result<std::int64_t> AttachPartner(const Services& services, const auth::Actor& actor,
                                   const AttachPartnerCommand& command) {
  // Checked first, so that a refused form stores no file.
  auto agreement =
      TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<domain::SharingAgreement> {
        const auto circle = TRY(FindOpenCircle(unit, actor, command.circle_id));
        return CheckedAgreement(unit, circle, command);
      }));
  // The signed agreement, when one was sent: stored before the agreement, so that a refused file
  // leaves no agreement behind.
  if (!command.document.bytes.empty()) {
    const auto stored = TRY(intake::StoreDocument(
        services, actor, {kAgreementDocumentOwner, command.circle_id}, command.document));
    agreement.document_id = stored.id;
  }
  return ChangeRecord(services, actor, {"circle.agreement_add", "circle"}, FindOpenCircle,
                      command.circle_id,
                      [&](store::Unit& unit, const domain::Circle&) -> Result<std::int64_t> {
                        agreement.created_by = actor.user_id;
                        agreement.created_at = unit.now();
                        return store::PartnerStore(unit.session()).InsertAgreement(agreement);
                      });
}

Result<std::int64_t> EndAgreement(const Services& services, const auth::Actor& actor,
                                  std::int64_t agreement_id) {
  const CivilDate today = services.Today();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto managed = TRY(FindManagedAgreement(unit, actor, agreement_id));
    if (!managed.agreement.InForceOn(today)) {
      return Error::Conflict(N_("This agreement is not in force."));
    }
    // Ended yesterday: it is no longer in force from today on.
    store::PartnerStore(unit.session())
        .EndAgreement(managed.agreement.id, managed.circle.organisation_id, AddDays(today, -1),
                      unit.now());
    Audit(services, unit, actor,
          {"circle.agreement_end", "circle", std::to_string(managed.circle.id)});
    return managed.circle.id;
  });
}

Result<domain::Circle> LoadAgreementCircle(const Services& services, const auth::Actor& actor,
                                           std::int64_t agreement_id) {
  return Read(services, actor.scope(), [&](store::Unit& unit) -> Result<domain::Circle> {
    return TRY(FindManagedAgreement(unit, actor, agreement_id)).circle;
  });
}

Result<intake::DocumentDownload> DownloadAgreementDocument(const Services& services,
                                                           const auth::Actor& actor,
                                                           std::int64_t document_id) {
  auto document =
      TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<intake::Document> {
        if (!MayManage(actor)) return Error::NotFound();
        auto document =
            store::DocumentStore(unit.session()).Find(document_id, *actor.organisation_id);
        if (!document || document->owner_type != kAgreementDocumentOwner) return Error::NotFound();
        TRY(FindManagedCircle(unit, actor, document->owner_id));
        return std::move(*document);
      }));
  auto bytes = intake::ReadDocument(services, actor, document);
  return intake::DocumentDownload{std::move(document), std::move(bytes)};
}

}  // namespace cercle::app::circles
