// The organisation's covenant template: its administrators write the text every new circle's
// covenant starts from (the promise and the limits of confidentiality).
#include "app/circles/covenant_template.hpp"
#include "domain/circle_covenant.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/admin/admin_pages.hpp"

namespace cercle::web::pages::admin {
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
  const auto body = app::circles::LoadCovenantTemplate(context.services.app, context.signed_in());
  if (!body) return Deny(context, "covenant_template", "", 403);
  return RenderTemplate(context,
                        body->value_or(context.Translate(domain::kDefaultCovenantTemplate)),
                        nullptr, context.request.query == "saved=1");
}

Response SaveCovenantTemplate(Context& context) {
  const Form form(context.request);
  const std::string body = form.Get("body");
  const auto saved =
      app::circles::SaveCovenantTemplate(context.services.app, context.signed_in(), body);
  if (!saved) {
    return Refusal(context, saved.error(), "covenant_template", "", [&](const Error& error) {
      return RenderTemplate(context, body, &error, false);
    });
  }
  return Response::Redirect("/admin/covenant?saved=1");
}

}  // namespace cercle::web::pages::admin
