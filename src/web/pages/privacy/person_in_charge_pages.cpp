#include "web/pages/privacy/person_in_charge_pages.hpp"

#include <string>
#include <vector>

#include "app/privacy/person_in_charge.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"

namespace cercle::web::pages::privacy {
namespace {

using app::privacy::Owner;
using app::privacy::PersonInChargeCommand;

// The person in charge's form.
const std::vector<FormField<domain::PrivacyOfficerDetails>>& PersonFields() {
  using Person = domain::PrivacyOfficerDetails;
  static const std::vector<FormField<Person>> fields = {
      Text("name", N_("Name"), &Person::name,
           {.required = true, .private_input = true, .limit = domain::kMaxOfficerName}),
      Text("title", N_("Title"), &Person::title,
           {.hint = N_("For example: Executive director, or Privacy officer."),
            .required = true,
            .limit = domain::kMaxOfficerName}),
      Text("email", N_("E-mail"), &Person::email,
           {.kind = FieldKind::kEmail, .required = true, .private_input = true, .trimmed = true}),
      Text("phone", N_("Phone"), &Person::phone,
           {.kind = FieldKind::kPhone, .private_input = true, .limit = domain::kMaxOfficerPhone}),
      Text("postal_address", N_("Postal address"), &Person::postal_address,
           {.kind = FieldKind::kTextArea,
            .hint = N_("Optional. Where people may write to the person in charge."),
            .rows = 3,
            .limit = domain::kMaxOfficerAddress}),
      IdChoice("user_id", N_("Account that acts as the person in charge"), &Person::user_id,
               N_("Choose one of the active accounts listed."),
               {.hint = N_("This account reaches the privacy registers, even without the "
                           "administrator role."),
                .blank = N_("No account")}),
      Checkbox("delegated", N_("The highest authority delegated this function in writing"),
               &Person::delegated),
      Date("delegated_on", N_("Date of the written delegation"), &Person::delegated_on, "",
           {.up_to_today = true}),
      Text("delegated_by", N_("Delegated by"), &Person::delegated_by,
           {.hint = N_("Leave empty for the organisation's highest authority."),
            .limit = domain::kMaxOfficerDelegator}),
  };
  return fields;
}

// The answer's addresses for `owner`.
std::string HubPath(Owner owner) {
  return owner == Owner::kNetwork ? "/network/privacy" : "/admin/privacy";
}

// True when the address says the person in charge was just saved.
bool JustSaved(const Context& context) {
  for (const auto& [name, value] : context.request.QueryParameters()) {
    if (name == "done" && value == "saved") return true;
  }
  return false;
}

// The hub of `owner`, with the form showing the stored person in charge, or `form` as typed and
// refused with `error`.
Response RenderHub(Context& context, Owner owner, const app::privacy::PrivacyHub& hub,
                   const Form* form, const Error* error, int status) {
  mstch::map model{{"officer", OfficerModel(context, hub.officer, owner)},
                   {"network", owner == Owner::kNetwork},
                   {"may_edit", hub.may_edit},
                   {"action", HubPath(owner)},
                   {"saved", JustSaved(context) && !error},
                   {"slug", context.signed_in().organisation_slug}};
  if (!hub.linked_account.empty()) model["linked_account"] = hub.linked_account;
  if (hub.may_edit) {
    std::vector<Choice> accounts;
    for (const auto& candidate : hub.candidates) {
      accounts.push_back({std::to_string(candidate.id), candidate.display_name});
    }
    const ChoiceLists lists{{"user_id", accounts}};
    const domain::PrivacyOfficerDetails* stored = hub.officer ? &*hub.officer : nullptr;
    AddFields(
        context, PersonFields(),
        FieldValues<domain::PrivacyOfficerDetails>{.form = form, .error = error, .record = stored},
        model, lists);
  }
  const std::string title =
      context.Translate(owner == Owner::kNetwork ? N_("The network's privacy") : N_("Privacy"));
  model["title_text"] = title;
  return RenderPage(context, "privacy_hub", title, std::move(model), status);
}

Response Show(Context& context, Owner owner) {
  const auto hub = app::privacy::LoadPrivacyHub(context.services.app, context.signed_in(), owner);
  if (!hub) return Deny(context, "privacy_officer", "");
  return RenderHub(context, owner, *hub, nullptr, nullptr, 200);
}

Response Save(Context& context, Owner owner) {
  const Form form(context.request);
  PersonInChargeCommand command;
  command.unreadable = ReadFields(PersonFields(), form, command.details);
  const auto saved =
      app::privacy::NamePersonInCharge(context.services.app, context.signed_in(), owner, command);
  if (saved) return Response::Redirect(HubPath(owner) + "?done=saved");
  return Refusal(context, saved.error(), "privacy_officer", "", [&](const Error& error) {
    const auto hub = app::privacy::LoadPrivacyHub(context.services.app, context.signed_in(), owner);
    if (!hub) return Deny(context, "privacy_officer", "");
    return RenderHub(context, owner, *hub, &form, &error, StatusFor(error.kind));
  });
}

}  // namespace

mstch::map OfficerModel(const Context& context,
                        const std::optional<domain::PrivacyOfficer>& officer, Owner owner) {
  const bool network = owner == Owner::kNetwork;
  if (!officer) {
    return mstch::map{
        {"named", false},
        {"unnamed", context.Translate(
                        network ? N_("No person in charge has been named yet: the function is held "
                                     "by the network's highest authority.")
                                : N_("No person in charge has been named yet: the function is held "
                                     "by the organisation's highest authority."))}};
  }
  mstch::map model{{"named", true},           {"name", officer->name},
                   {"title", officer->title}, {"email", officer->email},
                   {"phone", officer->phone}, {"postal_address", officer->postal_address}};
  if (officer->delegated) {
    const std::string by = !officer->delegated_by.empty() ? officer->delegated_by
                           : network
                               ? context.Translate(N_("the network's highest authority"))
                               : context.Translate(N_("the organisation's highest authority"));
    model["holder"] =
        officer->delegated_on
            ? context.Format(
                  {N_("Delegated in writing on {date} by {by}."),
                   {{"date", context.services.translator.FormatCivilDate(
                                 context.language, FormatIsoDate(*officer->delegated_on))},
                    {"by", by}}})
            : context.Format({N_("Delegated in writing by {by}."), {{"by", by}}});
  } else {
    model["holder"] = context.Translate(
        network ? N_("The function is held by the network's highest authority.")
                : N_("The function is held by the organisation's highest authority."));
  }
  return model;
}

Response ShowHub(Context& context) { return Show(context, Owner::kOrganisation); }
Response SaveHub(Context& context) { return Save(context, Owner::kOrganisation); }
Response ShowNetworkHub(Context& context) { return Show(context, Owner::kNetwork); }
Response SaveNetworkHub(Context& context) { return Save(context, Owner::kNetwork); }

}  // namespace cercle::web::pages::privacy
