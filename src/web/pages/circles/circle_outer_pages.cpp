// The outer circle: partner contacts (coordinators), the information-sharing agreements attaching
// them to circles with their signed documents, and the partner's own minimal pages. The work is
// app::circles'; these handlers parse, call and show.
#include "app/circles/partner_circles.hpp"
#include "app/circles/partners.hpp"
#include "base/text.hpp"
#include "domain/circle_partners.hpp"
#include "domain/enum_names.hpp"
#include "web/documents.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pages/circles/circle_view.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

using app::circles::PartnerAccount;
using app::circles::PartnerListPage;
using app::circles::PartnerPage;

// The accounts a contact may be linked to, as choices.
mstch::array AccountChoices(const std::vector<PartnerAccount>& accounts,
                            const std::string& chosen) {
  mstch::array choices;
  for (const auto& account : accounts) {
    const std::string id = std::to_string(account.id);
    choices.push_back(mstch::map{{"value", id},
                                 {"label", account.display_name + " (" + account.email + ")"},
                                 {"selected", id == chosen}});
  }
  return choices;
}

// The contact form, read for creation and change alike; the app checks what it could read.
app::circles::PartnerDetails ReadContact(const Form& form) {
  app::circles::PartnerDetails details;
  details.kind = domain::ParseEnum<domain::PartnerKind>(form.Get("kind"));
  details.name = form.Get("name");
  details.partner_organisation = form.Get("partner_organisation");
  details.role_title = form.Get("role_title");
  details.phone = form.Get("phone");
  details.email = form.Get("email");
  const std::string account = form.Get("user");
  details.user_id = ParseId(account);
  if (!account.empty() && !details.user_id) {
    details.unreadable.push_back({"user", {N_("Choose an account from the list."), {}}});
  }
  return details;
}

// The contact form's data: what was typed when it failed, or `contact`'s details (none for a new
// one).
mstch::map ContactForm(const Context& context, const Form* form, const Error* error,
                       const domain::PartnerContact* contact,
                       const std::vector<PartnerAccount>& accounts) {
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
                           : contact ? std::string(domain::NameOf(contact->kind))
                                     : "";
  model["kinds"] =
      Choices(context, domain::EnumValues<domain::PartnerKind>(),
              domain::NameOf<domain::PartnerKind>, domain::LabelOf<domain::PartnerKind>, kind);
  const std::string user = form                          ? form->Get("user")
                           : contact && contact->user_id ? std::to_string(*contact->user_id)
                                                         : "";
  model["accounts"] = AccountChoices(accounts, user);
  return model;
}

// The notice of ?saved=1.
std::string SavedNotice(const Context& context) {
  return context.request.query == "saved=1" ? context.Translate(N_("The contact is saved.")) : "";
}

Response RenderPartners(Context& context, const PartnerListPage& page, const Form* form,
                        const Error* error) {
  mstch::array rows;
  for (const auto& contact : page.contacts) {
    rows.push_back(mstch::map{{"href", "/partners/" + std::to_string(contact.id)},
                              {"name", contact.name},
                              {"kind", context.Translate(domain::LabelOf(contact.kind))},
                              {"organisation", contact.partner_organisation},
                              {"role", contact.role_title},
                              {"has_account", contact.user_id.has_value()}});
  }
  mstch::map model{{"contacts", rows},
                   {"empty", rows.empty()},
                   {"form", ContactForm(context, form, error, nullptr, page.accounts)}};
  AddPagination(context, Paginate(context.request, page.total), model);
  if (const auto notice = SavedNotice(context); !notice.empty() && !error) model["notice"] = notice;
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "circle_partners", context.Translate(N_("Outer circle")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

// The list of contacts, with the refused creation form when there is one; the audited 404 for an
// actor who may not manage the outer circle.
Response ShowPartners(Context& context, const Form* form, const Error* error) {
  const auto page =
      app::circles::LoadPartnerList(context.services.app, context.signed_in(),
                                    {Paginate(context.request, kUnknownTotal).page, kPageSize});
  if (!page) return Deny(context, "partner_contact", "");
  return RenderPartners(context, *page, form, error);
}

Response RenderPartner(Context& context, const PartnerPage& page, const Form* form,
                       const Error* error, const std::string& notice) {
  mstch::array agreements;
  for (const auto& agreement : page.agreements) {
    const auto code_name = page.circle_code_names.find(agreement.circle_id);
    mstch::map row{
        {"circle", code_name == page.circle_code_names.end() ? std::string() : code_name->second},
        {"circle_href", CircleHref(agreement.circle_id) + "#outer"},
        {"starts", FormatDay(context, agreement.starts_on)},
        {"scope", agreement.scope},
        {"in_force", agreement.InForceOn(page.today)}};
    if (agreement.ends_on) row["ends"] = FormatDay(context, *agreement.ends_on);
    AddAgreementEffect(context, page.effects, agreement.id, row);
    agreements.push_back(std::move(row));
  }
  const auto& contact = page.contact;
  mstch::map model{{"id", std::to_string(contact.id)},
                   {"name", contact.name},
                   {"agreements", agreements},
                   {"form", ContactForm(context, form, error, &contact, page.accounts)}};
  if (!notice.empty() && !error) model["notice"] = notice;
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "circle_partner", contact.name, std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

// A partner contact's page.
constexpr RecordPage<PartnerPage> kPartnerPage{"partner_contact", app::circles::LoadPartnerPage,
                                               RenderPartner};

// The circle page of the agreement's circle again with `error`; the audited 404 when the actor may
// not manage it.
Response RefusedOnAgreement(Context& context, std::int64_t agreement_id, const Error& error) {
  return Refusal(context, error, "sharing_agreement", context.Parameter("id"),
                 [&](const Error& refused) {
                   const auto circle = app::circles::LoadAgreementCircle(
                       context.services.app, context.signed_in(), agreement_id);
                   if (!circle) return Deny(context, "sharing_agreement", context.Parameter("id"));
                   return RenderCircle(context, *circle, {"", 0, nullptr, &refused, ""});
                 });
}

// The agreement form posted about circle `circle_id`, recorded.
Result<std::int64_t> Attach(Context& context, std::int64_t circle_id, const Form& form) {
  app::circles::AttachPartnerCommand command{
      .circle_id = circle_id,
      .contact_id = ParseId(form.Get("contact")),
      .scope = form.Get("scope"),
      .document = UploadOf(context, "file", form.Get("title"))};
  command.starts_on = ParseIsoDate(Trimmed(form.Get("starts_on")));
  if (!command.starts_on) {
    command.unreadable.push_back({"starts_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
  }
  const std::string ends_on = Trimmed(form.Get("ends_on"));
  command.ends_on = ParseIsoDate(ends_on);
  if (!ends_on.empty() && !command.ends_on) {
    command.unreadable.push_back({"ends_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
  }
  return app::circles::AttachPartner(context.services.app, context.signed_in(), command);
}

}  // namespace

Response AttachPartner(Context& context) {
  return PostCircleForm(context, "agreement", "?saved=agreement#outer", Attach);
}

Response EndAgreement(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "sharing_agreement", context.Parameter("id"));
  const auto circle = app::circles::EndAgreement(context.services.app, context.signed_in(), *id);
  if (!circle) return RefusedOnAgreement(context, *id, circle.error());
  return Response::Redirect(CircleHref(*circle) + "?saved=agreement#outer");
}

Response DownloadAgreementDocument(Context& context) {
  const auto download = CallWithPathId(context, app::circles::DownloadAgreementDocument);
  if (!download) return Deny(context, "document", context.Parameter("id"));
  return DocumentResponse(context, download->document, download->bytes);
}

Response ListPartners(Context& context) { return ShowPartners(context, nullptr, nullptr); }

Response CreatePartner(Context& context) {
  const Form form(context.request);
  const auto created =
      app::circles::CreatePartner(context.services.app, context.signed_in(), ReadContact(form));
  if (!created) {
    return Refusal(context, created.error(), "partner_contact", "",
                   [&](const Error& refused) { return ShowPartners(context, &form, &refused); });
  }
  return Response::Redirect("/partners?saved=1");
}

Response ShowPartner(Context& context) {
  return ShowRecord(context, kPartnerPage, SavedNotice(context));
}

Response UpdatePartner(Context& context) {
  return PostForm(
      context, kPartnerPage.object_type,
      [&](std::int64_t id, const Form& form) {
        return app::circles::UpdatePartner(context.services.app, context.signed_in(),
                                           {.contact_id = id, .details = ReadContact(form)});
      },
      ShowAgain(context, kPartnerPage),
      [](std::int64_t id, std::int64_t) { return "/partners/" + std::to_string(id) + "?saved=1"; });
}

namespace {

// What a partner reads of a circle: active or not, phase, last meeting.
mstch::map MinimalCircle(const Context& context, const app::circles::PartnerCircle& read) {
  const auto& circle = read.circle;
  mstch::map row{{"href", "/my-circles/" + std::to_string(circle.id)},
                 {"code_name", circle.code_name},
                 {"active", domain::IsActivePhase(circle.phase)},
                 {"phase", context.Translate(domain::LabelOf(circle.phase))}};
  if (read.last_meeting)
    row["last_meeting"] = FormatDay(context, LocalDay(context, *read.last_meeting));
  return row;
}

// What the core member consented to share, as the partner reads it.
mstch::array ConsentRows(const Context& context, const std::vector<domain::ConsentLine>& lines) {
  mstch::array consents;
  for (const auto& line : lines) {
    mstch::map row{{"scope", context.Translate(domain::LabelOf(line.consent.scope))},
                   {"partner", line.consent.partner_organisation},
                   {"given", FormatDay(context, line.consent.given_on)},
                   {"state", context.Translate(domain::LabelOf(line.state))},
                   {"in_force", line.in_force}};
    if (line.consent.expires_on) row["expires"] = FormatDay(context, *line.consent.expires_on);
    if (line.consent.withdrawn_on)
      row["withdrawn"] = FormatDay(context, *line.consent.withdrawn_on);
    consents.push_back(std::move(row));
  }
  return consents;
}

}  // namespace

Response ListPartnerCircles(Context& context) {
  const auto circles =
      app::circles::LoadPartnerCircleList(context.services.app, context.signed_in());
  if (!circles) return Deny(context, "circle", "");
  mstch::array rows;
  for (const auto& circle : *circles) rows.push_back(MinimalCircle(context, circle));
  mstch::map model{{"circles", rows}, {"empty", rows.empty()}};
  return RenderPage(context, "circle_partner_list", context.Translate(N_("My circles")),
                    std::move(model));
}

Response ShowPartnerCircle(Context& context) {
  const auto page = CallWithPathId(context, app::circles::LoadPartnerCirclePage);
  if (!page) return Deny(context, "circle", context.Parameter("id"));
  mstch::map model = MinimalCircle(context, page->circle);
  const mstch::array consents = ConsentRows(context, page->consents);
  model["consents"] = consents;
  model["no_consent"] = consents.empty();
  return RenderPage(context, "circle_partner_view", page->circle.circle.code_name,
                    std::move(model));
}

}  // namespace cercle::web::pages::circles
