// The organisation's covenant template: its administrators write the text every new circle's
// covenant starts from (the promise and the limits of confidentiality).
#include "auth/policies/circle_policy.hpp"
#include "domain/circle_covenant.hpp"
#include "store/circle_store.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_pages.hpp"

namespace cercle::web::pages::circles {
namespace {

Response RenderTemplate(Context& context, const std::string& body, const Error* error, bool saved) {
  mstch::map model{{"body", mstch::map{{"value", body}}}};
  if (error) AddErrors(context, *error, model);
  if (saved)
    model["notice"] = context.Translate(N_("The template is saved. New circles start from it."));
  return RenderPage(context, "circle_covenant_template", context.Translate(N_("Covenant template")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response ShowCovenantTemplate(Context& context) {
  const auto& actor = context.signed_in();
  if (!auth::policies::CirclePolicy::CanEditCovenantTemplate(actor))
    return Deny(context, "covenant_template", "", 403);
  const auto body = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::CircleStore(session).CovenantTemplate(*actor.organisation_id);
  });
  return RenderTemplate(context, body.value_or(context.Translate(domain::kDefaultCovenantTemplate)),
                        nullptr, context.request.query == "saved=1");
}

Response SaveCovenantTemplate(Context& context) {
  const auto& actor = context.signed_in();
  if (!auth::policies::CirclePolicy::CanEditCovenantTemplate(actor))
    return Deny(context, "covenant_template", "", 403);
  const Form form(context.request);
  const std::string body = form.Get("body");
  if (auto checked = domain::CheckCovenantText(body, ""); !checked) {
    return RenderTemplate(context, body, &checked.error(), false);
  }
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::CircleStore(session).SetCovenantTemplate(*actor.organisation_id,
                                                    domain::volunteer_text::Trimmed(body),
                                                    actor.user_id, context.services.clock.Now());
    context.services.audit.Append(
        session, context.services.database.dialect(),
        {actor.organisation_id, actor.user_id, "settings.covenant_template", "covenant_template",
         "", context.request.client_address, audit::Outcome::kSuccess,
         context.services.clock.Now()});
    return {};
  });
  return Response::Redirect("/admin/covenant?saved=1");
}

}  // namespace cercle::web::pages::circles
