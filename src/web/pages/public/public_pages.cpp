#include "web/pages/public/public_pages.hpp"

#include "app/reports/public_impact.hpp"
#include "web/layout.hpp"
#include "web/pages/reports/report_views.hpp"

namespace cercle::web::pages::public_pages {
namespace {

// A total counting `what` as the public reads it: "fewer than 5" for a count of people under five.
mstch::map PublicFigure(const Context& context, std::int64_t value, domain::PublicTotal what) {
  const bool small = domain::IsSmallFigure(value, what);
  return mstch::map{{"text", small ? context.Translate(N_("Fewer than 5"))
                                   : reports::FormatCount(context, value)},
                    {"small", small}};
}

// The impact page's template data.
mstch::map ImpactView(const Context& context, const app::reports::ImpactPage& page) {
  mstch::array stories;
  for (const auto& story : page.impact.stories) {
    stories.push_back(mstch::map{{"title", story.title}, {"text", story.text}});
  }
  return mstch::map{
      {"organisation", page.organisation},
      {"circles", PublicFigure(context, page.impact.circles_run, domain::PublicTotal::kPeople)},
      {"hours", PublicFigure(context, page.impact.volunteer_hours, domain::PublicTotal::kQuantity)},
      {"years",
       PublicFigure(context, page.impact.years_of_service, domain::PublicTotal::kQuantity)},
      {"stories", stories},
      {"no_stories", stories.empty()}};
}

}  // namespace

Response ShowImpact(Context& context) {
  const auto page = app::reports::LoadImpactPage(context.services.app, context.Parameter("slug"));
  if (!page)
    return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
  context.organisation_name = page->organisation;
  return RenderPage(
      context, "public_impact",
      context.Format({N_("Our impact — {organisation}"), {{"organisation", page->organisation}}}),
      ImpactView(context, *page));
}

}  // namespace cercle::web::pages::public_pages
