#include "web/pages/home/home_page.hpp"

#include "store/organisation_store.hpp"
#include "web/layout.hpp"

namespace cercle::web::pages::home {

Response Show(Context& context) {
  mstch::map model;
  const auto organisations = store::ListOrganisations(context.services.database);
  // A server that hosts a single organisation names it on the welcome page.
  if (organisations.size() == 1) {
    model["organisation_name"] = context.organisation_name = organisations.front().name;
  }
  return RenderPage(context, "home", context.Translate(N_("Welcome")), std::move(model));
}

}  // namespace cercle::web::pages::home
