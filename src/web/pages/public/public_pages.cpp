#include "web/pages/public/public_pages.hpp"

#include "domain/public_impact.hpp"
#include "store/organisation_store.hpp"
#include "web/layout.hpp"
#include "web/pages/reports/report_views.hpp"

namespace cercle::web::pages::public_pages {
namespace {

// A total as the public reads it: "fewer than 5" under five.
mstch::map PublicFigure(const Context& context, std::int64_t value) {
  const bool small = domain::IsSmallFigure(value);
  return mstch::map{{"text", small ? context.Translate(N_("Fewer than 5"))
                                   : reports::FormatCount(context, value)},
                    {"small", small}};
}

}  // namespace

Response ShowImpact(Context& context) {
  const std::string& slug = context.Parameter("slug");
  std::optional<store::Organisation> organisation;
  for (auto& candidate : store::ListOrganisations(context.services.database)) {
    if (candidate.slug == slug) organisation = std::move(candidate);
  }
  if (!organisation) {
    return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
  }
  const auto settings = reports::LoadSettings(context, organisation->id);
  if (settings.Get("public.impact_page") != 1) {
    return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
  }
  const auto records = reports::LoadRecords(context, organisation->id);
  const auto impact =
      domain::ComputeImpact(records, reports::Today(context), settings.Get("public.founding_year"));
  mstch::array stories;
  for (const auto& story : impact.stories) {
    stories.push_back(mstch::map{{"title", story.title}, {"text", story.text}});
  }
  mstch::map model{{"organisation", organisation->name},
                   {"circles", PublicFigure(context, impact.circles_run)},
                   {"hours", PublicFigure(context, impact.volunteer_hours)},
                   {"years", PublicFigure(context, impact.years_of_service)},
                   {"stories", stories},
                   {"no_stories", stories.empty()}};
  context.organisation_name = organisation->name;
  return RenderPage(
      context, "public_impact",
      context.Format({N_("Our impact — {organisation}"), {{"organisation", organisation->name}}}),
      std::move(model));
}

}  // namespace cercle::web::pages::public_pages
