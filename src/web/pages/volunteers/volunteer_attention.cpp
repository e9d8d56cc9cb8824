#include "web/pages/volunteers/volunteer_attention.hpp"

#include "app/volunteers/volunteer_attention.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"

namespace cercle::web::pages::volunteers {
namespace {

using app::volunteers::AttentionReason;

home::AttentionItem ItemOf(const Context& context,
                           const app::volunteers::VolunteerAttention& entry) {
  const std::string href = "/volunteers/" + std::to_string(entry.volunteer_id);
  if (entry.reason == AttentionReason::kSupervisionOverdue) {
    return {home::Urgency::kSoon, entry.date,
            context.Format({N_("{name}: no supervision for {days} days."),
                            {{"name", entry.name}, {"days", std::to_string(entry.days)}}}),
            href + "#supervision"};
  }
  const std::vector<MessageArgument> arguments = {{"name", entry.name},
                                                  {"item", DataName(context, entry.item)},
                                                  {"date", FormatDate(context, entry.date)}};
  if (entry.reason == AttentionReason::kScreeningExpired) {
    return {home::Urgency::kUrgent, entry.date,
            context.Format({entry.required
                                ? N_("{name}: {item} expired on {date}; on hold for new circles.")
                                : N_("{name}: {item} expired on {date}."),
                            arguments}),
            href + "#screening"};
  }
  return {home::Urgency::kSoon, entry.date,
          context.Format({N_("{name}: {item} expires on {date}."), arguments}),
          href + "#screening"};
}

}  // namespace

std::vector<home::AttentionItem> Attention(Context& context) {
  std::vector<home::AttentionItem> attention;
  for (const auto& entry :
       app::volunteers::LoadVolunteerAttention(context.services.app, context.signed_in())) {
    attention.push_back(ItemOf(context, entry));
  }
  return attention;
}

}  // namespace cercle::web::pages::volunteers
