#include "web/pages/network/network_pages.hpp"

#include "app/accounts/invitations.hpp"
#include "auth/policies/user_policy.hpp"
#include "store/organisation_store.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"

namespace cercle::web::pages::network {
namespace {

using auth::policies::OrganisationPolicy;

Response Render(Context& context, mstch::map model, int status = 200) {
  mstch::array rows;
  for (const auto& organisation : store::ListOrganisations(context.services.database)) {
    rows.push_back(mstch::map{
        {"id", std::to_string(organisation.id)},
        {"name", organisation.name},
        {"slug", organisation.slug},
        {"created", context.services.translator.FormatDate(context.language, organisation.created_at)}});
  }
  model["organisations"] = rows;
  model["empty"] = rows.empty();
  return RenderPage(context, "network_organisations", context.Translate(N_("Organisations")), std::move(model),
                    status);
}

}  // namespace

Response ListOrganisations(Context& context) {
  if (!OrganisationPolicy::CanManage(context.signed_in())) return Deny(context, "organisation", "", 403);
  mstch::map model = EmptyForm({"name", "slug"});
  if (context.request.query == "created=1") model["notice"] = context.Translate(N_("The organisation is created."));
  if (context.request.query == "invited=1") model["notice"] = context.Translate(N_("The invitation is on its way."));
  return Render(context, std::move(model));
}

Response CreateOrganisation(Context& context) {
  const auto& actor = context.signed_in();
  if (!OrganisationPolicy::CanManage(actor)) return Deny(context, "organisation", "", 403);
  const Form form(context.request);
  store::OrganisationStore organisations(context.services.database);
  const auto created = organisations.Create(form.Get("name"), form.Get("slug"), context.services.clock.Now());
  if (!created) return Render(context, form.Model(context, {"name", "slug"}, &created.error()), 422);
  context.services.audit.Record(context.services.database,
                                {std::nullopt, actor.user_id, "organisation.create", "organisation",
                                 std::to_string(created->id), context.request.client_address,
                                 audit::Outcome::kSuccess, context.services.clock.Now()});
  return Response::Redirect("/network/organisations?created=1");
}

Response InviteAdmin(Context& context) {
  const auto& actor = context.signed_in();
  if (!OrganisationPolicy::CanManage(actor)) return Deny(context, "organisation", context.Parameter("id"), 403);
  const auto& id_text = context.Parameter("id");
  std::int64_t id = 0;
  if (id_text.empty() || id_text.size() > 18 || id_text.find_first_not_of("0123456789") != std::string::npos) {
    return Deny(context, "organisation", id_text);
  }
  id = std::stoll(id_text);
  const auto organisations = store::ListOrganisations(context.services.database);
  if (std::none_of(organisations.begin(), organisations.end(), [&](const auto& o) { return o.id == id; })) {
    return Deny(context, "organisation", id_text);
  }
  const Form form(context.request);
  const auto invited = app::accounts::Invite(
      context.services.app, actor,
      {id, form.Get("display_name"), form.Get("email"), {domain::Role::kOrganisationAdmin}});
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
