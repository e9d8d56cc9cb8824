// What a volunteer sees of the concerns they raised, in their portal: the status and the
// coordinator's reply, never the actions, the alerts or the disclosures. A concern raised by
// someone else, or about a circle the volunteer may no longer read, answers 404. And what a partner
// sees: only the disclosures made to the partner contact linked to their account, and only what
// each one shared. The rules are app::concerns' (concern_follow_up.hpp).
#include "app/concerns/concern_follow_up.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/concerns/concern_common.hpp"
#include "web/pages/concerns/concern_pages.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::concerns {
namespace {

using app::concerns::ConcernRow;
using app::concerns::DisclosureRow;

mstch::map DisclosureModel(const Context& context, const DisclosureRow& row) {
  const auto& disclosure = row.disclosure;
  return mstch::map{{"disclosed_at", FormatMoment(context, disclosure.disclosed_at)},
                    {"means", context.Translate(domain::LabelOf(disclosure.means))},
                    {"shared", disclosure.shared},
                    {"basis", context.Translate(domain::LabelOf(disclosure.basis))},
                    {"by", row.recorded_by_name}};
}

mstch::map OwnConcernView(const Context& context, const ConcernRow& row) {
  const auto& concern = row.concern;
  mstch::map model = ConcernSummary(context, row);
  model["observed"] = concern.observed;
  model["observed_at"] = FormatMoment(context, concern.observed_at);
  model["already_done"] = concern.already_done;
  model["reply"] = concern.reply;
  if (concern.replied_at) model["replied_at"] = FormatMoment(context, *concern.replied_at);
  model["circle_href"] = circles::PortalCircleHref(concern.circle_id);
  if (concern.acknowledged_at)
    model["acknowledged_at"] = FormatMoment(context, *concern.acknowledged_at);
  model["just_raised"] = context.request.query == "raised=1";
  model["alerted"] = domain::Alerts(concern.severity);
  return model;
}

}  // namespace

Response ListOwn(Context& context) {
  Pagination pagination;
  const auto page = app::concerns::LoadOwnConcerns(context.services.app, context.signed_in(),
                                                   ChoosePage(context, pagination));
  if (!page) return Deny(context, "concern", "");
  mstch::array concerns;
  for (const auto& row : page->rows) {
    mstch::map model = ConcernSummary(context, row);
    model["href"] = PortalConcernHref(row.concern.id);
    model["replied"] = !row.concern.reply.empty();
    concerns.push_back(std::move(model));
  }
  mstch::map model{{"concerns", concerns}, {"empty", concerns.empty()}};
  AddPagination(context, pagination, model);
  return RenderPage(context, "concern_portal_list", context.Translate(N_("My concerns")),
                    std::move(model));
}

Response ShowOwn(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "concern", context.Parameter("id"));
  const auto row = app::concerns::LoadOwnConcern(context.services.app, context.signed_in(), *id);
  if (!row) return Deny(context, "concern", context.Parameter("id"));
  auto model = OwnConcernView(context, *row);
  AddCitedSigns(row->signs, model);
  return RenderPage(context, "concern_portal", row->code_name, std::move(model));
}

Response ListDisclosed(Context& context) {
  const auto disclosures =
      app::concerns::LoadDisclosedConcerns(context.services.app, context.signed_in());
  if (!disclosures) return Deny(context, "concern", "");
  // One line per concern, with its latest disclosure to this partner.
  mstch::array concerns;
  for (const auto& row : *disclosures) {
    concerns.push_back(
        mstch::map{{"href", "/my-concerns/" + std::to_string(row.disclosure.concern_id)},
                   {"code_name", row.code_name},
                   {"disclosed_at", FormatMoment(context, row.disclosure.disclosed_at)}});
  }
  mstch::map model{{"concerns", concerns}, {"empty", concerns.empty()}};
  return RenderPage(context, "concern_partner_list",
                    context.Translate(N_("Concerns shared with me")), std::move(model));
}

Response ShowDisclosed(Context& context) {
  const auto page = CallWithPathId(context, app::concerns::LoadDisclosedConcern);
  if (!page) return Deny(context, "concern", context.Parameter("id"));
  mstch::array shared;
  for (const auto& row : page->disclosures) shared.push_back(DisclosureModel(context, row));
  mstch::map model{{"code_name", page->code_name}, {"disclosures", shared}};
  return RenderPage(context, "concern_partner", page->code_name, std::move(model));
}

}  // namespace cercle::web::pages::concerns
