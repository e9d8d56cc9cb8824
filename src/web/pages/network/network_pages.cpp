#include "web/pages/network/network_pages.hpp"

#include "app/accounts/invitations.hpp"
#include "app/network/organisations.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::network {
namespace {

// The organisations page: the list, and the forms in `model`.
Response Render(Context& context, mstch::map model, int status = 200) {
  const auto organisations =
      app::network::ListOrganisations(context.services.app, context.signed_in());
  if (!organisations) return Deny(context, "organisation", "", 403);
  mstch::array rows;
  for (const auto& organisation : *organisations) {
    rows.push_back(mstch::map{{"id", std::to_string(organisation.id)},
                              {"name", organisation.name},
                              {"slug", organisation.slug},
                              {"created", context.services.translator.FormatDate(
                                              context.language, organisation.created_at)}});
  }
  model["organisations"] = rows;
  model["empty"] = rows.empty();
  return RenderPage(context, "network_organisations", context.Translate(N_("Organisations")),
                    std::move(model), status);
}

}  // namespace

Response ListOrganisations(Context& context) {
  mstch::map model = EmptyForm({"name", "slug"});
  if (context.request.query == "created=1")
    model["notice"] = context.Translate(N_("The organisation is created."));
  if (context.request.query == "invited=1")
    model["notice"] = context.Translate(N_("The invitation is on its way."));
  return Render(context, std::move(model));
}

Response CreateOrganisation(Context& context) {
  const Form form(context.request);
  const auto created = app::network::CreateOrganisation(context.services.app, context.signed_in(),
                                                        {form.Get("name"), form.Get("slug")});
  if (!created) {
    return Refusal(context, created.error(), "organisation", "", [&](const Error& error) {
      return Render(context, form.Model(context, {"name", "slug"}, &error), 422);
    });
  }
  return Response::Redirect("/network/organisations?created=1");
}

Response InviteAdmin(Context& context) {
  const auto& actor = context.signed_in();
  const auto& id_text = context.Parameter("id");
  const auto id = ParseId(id_text);
  const auto organisation =
      app::network::FindForInvitation(context.services.app, actor, id.value_or(0));
  if (!organisation) {
    if (organisation.error().kind == ErrorKind::kForbidden)
      return Deny(context, "organisation", id_text, 403);
    return Deny(context, "organisation", id_text);
  }
  const Form form(context.request);
  const auto invited = app::accounts::Invite(context.services.app, actor,
                                             {organisation->id,
                                              form.Get("display_name"),
                                              form.Get("email"),
                                              {domain::Role::kOrganisationAdmin}});
  if (!invited) {
    mstch::map model = EmptyForm({"name", "slug"});
    model["invite_error"] = context.Format(invited.error().message);
    for (const auto& field : invited.error().fields) {
      model["invite_error"] = context.Format(field.message);
    }
    return Render(context, std::move(model), StatusFor(invited.error().kind));
  }
  return Response::Redirect("/network/organisations?invited=1");
}

}  // namespace cercle::web::pages::network
