#include "web/pages/reports/outcome_attention.hpp"

#include "app/reports/outcomes.hpp"

namespace cercle::web::pages::reports {

std::vector<home::AttentionItem> FollowUpAttention(Context& context) {
  if (!context.actor) return {};
  std::vector<home::AttentionItem> items;
  for (const auto& due : app::reports::DueFollowUps(context.services.app, *context.actor)) {
    items.push_back(
        {due.overdue ? home::Urgency::kSoon : home::Urgency::kNote, due.follow_up.due_on,
         context.Format({N_("Check public records for file {number}: follow-up {months} months "
                            "after closure"),
                         {{"number", due.file_number},
                          {"months", std::to_string(due.follow_up.milestone_months)}}}),
         "/core-members/" + std::to_string(due.core_member_id) + "/outcomes#follow-ups"});
  }
  return items;
}

}  // namespace cercle::web::pages::reports
