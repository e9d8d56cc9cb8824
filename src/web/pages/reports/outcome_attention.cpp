#include "web/pages/reports/outcome_attention.hpp"

#include <map>

#include "auth/policies/core_member_policy.hpp"
#include "auth/policies/report_policy.hpp"
#include "store/outcome_store.hpp"

namespace cercle::web::pages::reports {

std::vector<home::AttentionItem> FollowUpAttention(Context& context) {
  if (!context.actor || !auth::policies::CoreMemberPolicy::CanList(*context.actor)) return {};
  const auto& actor = *context.actor;
  const std::int64_t organisation = *actor.organisation_id;
  if (!auth::policies::OutcomePolicy::CanView(actor, organisation)) return {};
  struct Loaded {
    std::vector<store::ClosedFile> files;
    std::vector<domain::FollowUpCheck> checks;
  };
  // Two queries for the whole organisation, whatever the number of files.
  const auto loaded = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    store::OutcomeStore store(session);
    return Loaded{store.ClosedFiles(organisation), store.ListAllChecks(organisation)};
  });
  std::map<std::int64_t, std::vector<domain::FollowUpCheck>> checks;
  for (const auto& check : loaded.checks) checks[check.core_member_id].push_back(check);
  const auto& translator = context.services.translator;
  const auto today = translator.LocalDate(context.services.clock.Now());
  std::vector<home::AttentionItem> items;
  for (const auto& file : loaded.files) {
    const auto closed_on = translator.LocalDate(file.closed_at);
    for (const auto& follow_up : domain::FollowUpSchedule(closed_on, checks[file.core_member_id])) {
      if (!follow_up.Pending(today)) continue;
      const bool overdue = follow_up.due_on < today;
      items.push_back(
          {overdue ? home::Urgency::kSoon : home::Urgency::kNote, follow_up.due_on,
           context.Format({N_("Check public records for file {number}: follow-up {months} months "
                              "after closure"),
                           {{"number", file.file_number},
                            {"months", std::to_string(follow_up.milestone_months)}}}),
           "/core-members/" + std::to_string(file.core_member_id) + "/outcomes#follow-ups"});
    }
  }
  return items;
}

}  // namespace cercle::web::pages::reports
