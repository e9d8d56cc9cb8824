// The outer circle: partner contacts (coordinators), the information-sharing agreements attaching
// them to circles with their signed documents, and the partner's own minimal pages.
#include <set>

#include "auth/policies/circle_policy.hpp"
#include "domain/circle_partners.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/document_store.hpp"
#include "store/meeting_store.hpp"
#include "store/partner_store.hpp"
#include "store/user_store.hpp"
#include "web/documents.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pages/circles/circle_view.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

using auth::policies::CirclePolicy;

// The owner type of an agreement's signed document: it belongs to the circle, whose policy guards
// it.
constexpr const char* kAgreementDocumentOwner = "circle";

// The agreement named by the {id} path parameter and its circle, when the actor may manage the
// circle.
struct ManagedAgreement {
  domain::SharingAgreement agreement;
  domain::Circle circle;
};

std::optional<ManagedAgreement> FindManagedAgreement(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto& actor = context.signed_in();
  if (!id || !CirclePolicy::CanManage(actor)) return std::nullopt;
  const auto agreement = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::PartnerStore(session).FindAgreement(*id, *actor.organisation_id);
  });
  if (!agreement) return std::nullopt;
  const auto circle = FindManagedCircle(context, agreement->circle_id);
  if (!circle) return std::nullopt;
  return ManagedAgreement{*agreement, *circle};
}

// The organisation's accounts with the partner role, for linking a contact to an account.
mstch::array PartnerAccounts(Context& context, const std::string& chosen) {
  const auto& actor = context.signed_in();
  const auto users = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::UserStore(session).ListOrganisation(*actor.organisation_id);
  });
  mstch::array accounts;
  for (const auto& user : users) {
    if (!user.roles.Has(domain::Role::kPartner)) continue;
    const std::string id = std::to_string(user.id);
    accounts.push_back(mstch::map{{"value", id},
                                  {"label", user.display_name + " (" + user.email + ")"},
                                  {"selected", id == chosen}});
  }
  return accounts;
}

// Reads the contact form into `contact`, and checks it.
Status ReadContact(Context& context, const Form& form, domain::PartnerContact& contact) {
  const auto kind = domain::ParsePartnerKind(form.Get("kind"));
  contact.name = form.Get("name");
  contact.partner_organisation = form.Get("partner_organisation");
  contact.role_title = form.Get("role_title");
  contact.phone = form.Get("phone");
  contact.email = form.Get("email");
  const std::string account = form.Get("user");
  contact.user_id = ParseId(account);
  std::vector<FieldError> errors;
  if (!kind) errors.push_back({"kind", {N_("Choose what the contact is to the program."), {}}});
  if (!account.empty() && !contact.user_id)
    errors.push_back({"user", {N_("Choose an account from the list."), {}}});
  if (auto checked = domain::CheckPartnerContact(contact); !checked) {
    for (const auto& field : checked.error().fields) errors.push_back(field);
  }
  if (contact.user_id) {
    const auto& actor = context.signed_in();
    const auto user = context.services.database.Read(actor.scope(), [&](soci::session& session) {
      return store::UserStore(session).Find(*contact.user_id, actor.organisation_id);
    });
    if (!user || !user->roles.Has(domain::Role::kPartner)) {
      errors.push_back({"user", {N_("Choose an account from the list."), {}}});
    }
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  contact.kind = *kind;
  return {};
}

mstch::map ContactForm(Context& context, const Form* form, const Error* error,
                       const domain::PartnerContact* contact) {
  std::map<std::string, std::string> values;
  if (contact) {
    values = {{"name", contact->name},
              {"partner_organisation", contact->partner_organisation},
              {"role_title", contact->role_title},
              {"phone", contact->phone},
              {"email", contact->email}};
  }
  mstch::map model = SectionModel(
      context, form != nullptr, form, error,
      {"kind", "name", "partner_organisation", "role_title", "phone", "email", "user"}, values);
  const std::string kind = form      ? form->Get("kind")
                           : contact ? std::string(domain::PartnerKindName(contact->kind))
                                     : "";
  model["kinds"] = Choices(context, domain::PartnerKinds(), domain::PartnerKindName,
                           domain::PartnerKindLabel, kind);
  const std::string user = form                          ? form->Get("user")
                           : contact && contact->user_id ? std::to_string(*contact->user_id)
                                                         : "";
  model["accounts"] = PartnerAccounts(context, user);
  return model;
}

Response RenderPartners(Context& context, const Form* form, const Error* error,
                        const std::string& notice) {
  const auto& actor = context.signed_in();
  struct Loaded {
    Pagination pagination;
    std::vector<domain::PartnerContact> contacts;
  };
  const auto loaded = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    store::PartnerStore partners(session);
    Loaded page{Paginate(context.request, partners.Count(*actor.organisation_id)), {}};
    page.contacts = partners.List(*actor.organisation_id, page.pagination.Slice());
    return page;
  });
  mstch::array rows;
  for (const auto& contact : loaded.contacts) {
    rows.push_back(mstch::map{{"href", "/partners/" + std::to_string(contact.id)},
                              {"name", contact.name},
                              {"kind", context.Translate(domain::PartnerKindLabel(contact.kind))},
                              {"organisation", contact.partner_organisation},
                              {"role", contact.role_title},
                              {"has_account", contact.user_id.has_value()}});
  }
  mstch::map model{{"contacts", rows},
                   {"empty", rows.empty()},
                   {"form", ContactForm(context, form, error, nullptr)}};
  AddPagination(context, loaded.pagination, model);
  if (!notice.empty()) model["notice"] = notice;
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "circle_partners", context.Translate(N_("Outer circle")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

std::optional<domain::PartnerContact> FindManagedContact(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto& actor = context.signed_in();
  if (!id || !CirclePolicy::CanManage(actor)) return std::nullopt;
  auto contact = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::PartnerStore(session).Find(*id, *actor.organisation_id);
  });
  if (!contact || !CirclePolicy::CanView(actor, contact->organisation_id)) return std::nullopt;
  return contact;
}

Response RenderPartner(Context& context, const domain::PartnerContact& contact, const Form* form,
                       const Error* error, const std::string& notice) {
  const auto& actor = context.signed_in();
  const auto today = Today(context);
  struct Data {
    std::vector<domain::SharingAgreement> agreements;
    std::vector<domain::Circle> circles;
  };
  const auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    Data data;
    data.agreements =
        store::PartnerStore(session).AgreementsOfContact(contact.id, contact.organisation_id);
    std::vector<std::int64_t> ids;
    for (const auto& agreement : data.agreements) ids.push_back(agreement.circle_id);
    data.circles = store::CircleStore(session).FindMany(ids, contact.organisation_id);
    return data;
  });
  std::map<std::int64_t, std::string> code_names;
  for (const auto& circle : data.circles) code_names[circle.id] = circle.code_name;
  mstch::array agreements;
  for (const auto& agreement : data.agreements) {
    mstch::map row{{"circle", code_names[agreement.circle_id]},
                   {"circle_href", CircleHref(agreement.circle_id) + "#outer"},
                   {"starts", FormatDay(context, agreement.starts_on)},
                   {"scope", agreement.scope},
                   {"in_force", agreement.InForceOn(today)}};
    if (agreement.ends_on) row["ends"] = FormatDay(context, *agreement.ends_on);
    agreements.push_back(std::move(row));
  }
  mstch::map model{{"id", std::to_string(contact.id)},
                   {"name", contact.name},
                   {"agreements", agreements},
                   {"form", ContactForm(context, form, error, &contact)}};
  if (!notice.empty()) model["notice"] = notice;
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "circle_partner", contact.name, std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response AttachPartner(Context& context) {
  const auto circle = FindManagedCircle(context);
  if (!circle) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  const auto refuse = [&](const Error& error) {
    return RenderCircle(context, *circle, {"agreement", 0, &form, &error, ""});
  };
  if (circle->closed())
    return refuse(Error::Conflict(N_("This circle is closed: it can no longer change.")));
  const auto& actor = context.signed_in();
  domain::SharingAgreement agreement;
  agreement.organisation_id = circle->organisation_id;
  agreement.circle_id = circle->id;
  const auto contact_id = ParseId(form.Get("contact"));
  const auto starts_on =
      ParseIsoDate(domain::volunteer_text::Trimmed(form.Get("starts_on")));
  const std::string ends_text = domain::volunteer_text::Trimmed(form.Get("ends_on"));
  agreement.ends_on = ParseIsoDate(ends_text);
  agreement.scope = form.Get("scope");
  std::vector<FieldError> errors;
  if (!contact_id) errors.push_back({"contact", {N_("Choose the partner contact."), {}}});
  if (!starts_on)
    errors.push_back({"starts_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
  if (!ends_text.empty() && !agreement.ends_on) {
    errors.push_back({"ends_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
  }
  if (starts_on) {
    agreement.starts_on = *starts_on;
    if (auto checked = domain::CheckAgreement(agreement); !checked) {
      for (const auto& field : checked.error().fields) errors.push_back(field);
    }
  }
  if (contact_id) {
    const auto contact = context.services.database.Read(actor.scope(), [&](soci::session& session) {
      return store::PartnerStore(session).Find(*contact_id, circle->organisation_id);
    });
    if (!contact) errors.push_back({"contact", {N_("Choose the partner contact."), {}}});
  }
  if (!errors.empty()) return refuse(Error::Fields(std::move(errors)));
  agreement.partner_contact_id = *contact_id;
  // The signed agreement, when one was sent: checked and stored first, so that a refused file
  // leaves no agreement behind.
  const auto files = context.request.Files();
  const bool has_file = std::any_of(files.begin(), files.end(), [](const auto& file) {
    return file.field == "file" && !file.bytes.empty();
  });
  if (has_file) {
    const auto stored = StoreUploadedDocument(context, "file", form.Get("title"),
                                              kAgreementDocumentOwner, circle->id);
    if (!stored) return refuse(stored.error());
    agreement.document_id = stored->id;
  }
  agreement.created_by = actor.user_id;
  agreement.created_at = context.services.clock.Now();
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::PartnerStore(session).InsertAgreement(agreement);
    Audit(context, session, "circle.agreement_add", "circle", circle->id);
    return {};
  });
  return Response::Redirect(CircleHref(circle->id) + "?saved=agreement#outer");
}

Response EndAgreement(Context& context) {
  const auto managed = FindManagedAgreement(context);
  if (!managed) return Deny(context, "sharing_agreement", context.Parameter("id"));
  const auto& actor = context.signed_in();
  const auto today = Today(context);
  if (!managed->agreement.InForceOn(today)) {
    const Error error = Error::Conflict(N_("This agreement is not in force."));
    return RenderCircle(context, managed->circle, {"", 0, nullptr, &error, ""});
  }
  // Ended today: it is no longer in force from today on, and the partner's access stops at once.
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::PartnerStore(session).EndAgreement(
        managed->agreement.id, managed->circle.organisation_id, AddDays(today, -1),
        context.services.clock.Now());
    Audit(context, session, "circle.agreement_end", "circle", managed->circle.id);
    return {};
  });
  return Response::Redirect(CircleHref(managed->circle.id) + "?saved=agreement#outer");
}

Response DownloadAgreementDocument(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto& actor = context.signed_in();
  if (!id || !CirclePolicy::CanManage(actor))
    return Deny(context, "document", context.Parameter("id"));
  const auto document = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::DocumentStore(session).Find(*id, *actor.organisation_id);
  });
  if (!document || document->owner_type != kAgreementDocumentOwner ||
      !FindManagedCircle(context, document->owner_id)) {
    return Deny(context, "document", context.Parameter("id"));
  }
  return DownloadDocument(context, *document);
}

Response ListPartners(Context& context) {
  if (!CirclePolicy::CanManage(context.signed_in())) return Deny(context, "partner_contact", "");
  const std::string notice =
      context.request.query == "saved=1" ? context.Translate(N_("The contact is saved.")) : "";
  return RenderPartners(context, nullptr, nullptr, notice);
}

Response CreatePartner(Context& context) {
  const auto& actor = context.signed_in();
  if (!CirclePolicy::CanManage(actor)) return Deny(context, "partner_contact", "");
  const Form form(context.request);
  domain::PartnerContact contact;
  contact.organisation_id = *actor.organisation_id;
  if (auto read = ReadContact(context, form, contact); !read)
    return RenderPartners(context, &form, &read.error(), "");
  contact.created_at = contact.updated_at = context.services.clock.Now();
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        store::PartnerStore partners(session);
        if (contact.user_id &&
            partners.UserLinkedElsewhere(*contact.user_id, contact.organisation_id, 0)) {
          return Error::Fields({{"user", {N_("Another contact already uses this account."), {}}}});
        }
        const auto id = partners.Insert(contact, actor.user_id);
        Audit(context, session, "partner_contact.create", "partner_contact", id);
        return {};
      });
  if (!done) return RenderPartners(context, &form, &done.error(), "");
  return Response::Redirect("/partners?saved=1");
}

Response ShowPartner(Context& context) {
  const auto contact = FindManagedContact(context);
  if (!contact) return Deny(context, "partner_contact", context.Parameter("id"));
  RecordView(context, "partner_contact.view", "partner_contact", contact->id);
  const std::string notice =
      context.request.query == "saved=1" ? context.Translate(N_("The contact is saved.")) : "";
  return RenderPartner(context, *contact, nullptr, nullptr, notice);
}

Response UpdatePartner(Context& context) {
  auto contact = FindManagedContact(context);
  if (!contact) return Deny(context, "partner_contact", context.Parameter("id"));
  const Form form(context.request);
  domain::PartnerContact changed = *contact;
  if (auto read = ReadContact(context, form, changed); !read) {
    return RenderPartner(context, *contact, &form, &read.error(), "");
  }
  changed.updated_at = context.services.clock.Now();
  const auto& actor = context.signed_in();
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        store::PartnerStore partners(session);
        if (changed.user_id &&
            partners.UserLinkedElsewhere(*changed.user_id, changed.organisation_id, changed.id)) {
          return Error::Fields({{"user", {N_("Another contact already uses this account."), {}}}});
        }
        partners.Update(changed);
        Audit(context, session, "partner_contact.update", "partner_contact", changed.id);
        return {};
      });
  if (!done) return RenderPartner(context, *contact, &form, &done.error(), "");
  return Response::Redirect("/partners/" + std::to_string(contact->id) + "?saved=1");
}

namespace {

// The partner's contact record, linked to their account, when they may have partner pages.
std::optional<domain::PartnerContact> OwnContact(Context& context) {
  const auto& actor = context.signed_in();
  if (!CirclePolicy::MayHavePartnerView(actor)) return std::nullopt;
  return context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::PartnerStore(session).FindByUser(actor.user_id, *actor.organisation_id);
  });
}

// What a partner reads of a circle: active or not, phase, last meeting.
mstch::map MinimalCircle(Context& context, const domain::Circle& circle,
                         const std::map<std::int64_t, Instant>& last_meetings) {
  mstch::map row{{"href", "/my-circles/" + std::to_string(circle.id)},
                 {"code_name", circle.code_name},
                 {"active", domain::IsActivePhase(circle.phase)},
                 {"phase", context.Translate(domain::PhaseLabel(circle.phase))}};
  if (const auto last = last_meetings.find(circle.id); last != last_meetings.end()) {
    row["last_meeting"] = FormatDay(context, LocalDay(context, last->second));
  }
  return row;
}

}  // namespace

Response ListPartnerCircles(Context& context) {
  const auto& actor = context.signed_in();
  if (!CirclePolicy::MayHavePartnerView(actor)) return Deny(context, "circle", "");
  const auto contact = OwnContact(context);
  const auto today = Today(context);
  const Instant now = context.services.clock.Now();
  mstch::array rows;
  if (contact) {
    struct Data {
      std::vector<domain::SharingAgreement> agreements;
      std::vector<domain::Circle> circles;
      std::map<std::int64_t, Instant> last_meetings;
    };
    const auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
      Data data;
      data.agreements =
          store::PartnerStore(session).AgreementsOfContact(contact->id, contact->organisation_id);
      std::vector<std::int64_t> ids;
      for (const auto& agreement : data.agreements) {
        if (agreement.InForceOn(today)) ids.push_back(agreement.circle_id);
      }
      data.circles = store::CircleStore(session).FindMany(ids, contact->organisation_id);
      if (!data.circles.empty()) {
        data.last_meetings =
            store::MeetingStore(session).LastHeldMeetings(contact->organisation_id, now);
      }
      return data;
    });
    for (const auto& circle : data.circles) {
      if (CirclePolicy::CanPartnerRead(actor, *contact, circle, data.agreements, today)) {
        rows.push_back(MinimalCircle(context, circle, data.last_meetings));
      }
    }
    if (!rows.empty()) RecordView(context, "circle.partner_list", "partner_contact", contact->id);
  }
  mstch::map model{{"circles", rows}, {"empty", rows.empty()}};
  return RenderPage(context, "circle_partner_list", context.Translate(N_("My circles")),
                    std::move(model));
}

Response ShowPartnerCircle(Context& context) {
  const auto& actor = context.signed_in();
  const auto id = ParseId(context.Parameter("id"));
  const auto contact = OwnContact(context);
  if (!id || !contact) return Deny(context, "circle", context.Parameter("id"));
  const auto today = Today(context);
  const Instant now = context.services.clock.Now();
  struct Data {
    std::optional<domain::Circle> circle;
    std::vector<domain::SharingAgreement> agreements;
    std::map<std::int64_t, Instant> last_meetings;
    std::vector<domain::Consent> consents;
  };
  const auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    Data data;
    data.circle = store::CircleStore(session).Find(*id, contact->organisation_id);
    if (!data.circle) return data;
    for (auto& agreement :
         store::PartnerStore(session).AgreementsOfContact(contact->id, contact->organisation_id)) {
      if (agreement.circle_id == data.circle->id) data.agreements.push_back(std::move(agreement));
    }
    if (!CirclePolicy::CanPartnerRead(actor, *contact, *data.circle, data.agreements, today))
      return data;
    data.last_meetings =
        store::MeetingStore(session).LastHeldMeetings(contact->organisation_id, now);
    data.consents = store::CoreMemberStore(session).Consents(data.circle->core_member_id,
                                                             contact->organisation_id);
    return data;
  });
  if (!data.circle ||
      !CirclePolicy::CanPartnerRead(actor, *contact, *data.circle, data.agreements, today)) {
    return Deny(context, "circle", context.Parameter("id"));
  }
  RecordView(context, "circle.partner_view", "circle", data.circle->id);
  mstch::map model = MinimalCircle(context, *data.circle, data.last_meetings);
  mstch::array consents;
  for (const auto& line : domain::SharingConsents(data.consents, today)) {
    mstch::map row{{"scope", context.Translate(domain::ConsentScopeLabel(line.consent.scope))},
                   {"partner", line.consent.partner_organisation},
                   {"given", FormatDay(context, line.consent.given_on)},
                   {"state", context.Translate(domain::ConsentStateLabel(line.state))},
                   {"in_force", line.in_force}};
    if (line.consent.expires_on) row["expires"] = FormatDay(context, *line.consent.expires_on);
    if (line.consent.withdrawn_on)
      row["withdrawn"] = FormatDay(context, *line.consent.withdrawn_on);
    consents.push_back(std::move(row));
  }
  model["consents"] = consents;
  model["no_consent"] = consents.empty();
  return RenderPage(context, "circle_partner_view", data.circle->code_name, std::move(model));
}

}  // namespace cercle::web::pages::circles
