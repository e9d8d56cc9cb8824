#include "web/pages/concerns/concern_attention.hpp"

#include "app/concerns/concern_register.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/concerns/concern_common.hpp"

namespace cercle::web::pages::concerns {

std::vector<home::AttentionItem> Attention(Context& context) {
  std::vector<home::AttentionItem> items;
  if (!context.actor) return items;
  for (const auto& row : app::concerns::LoadUnacknowledged(context.services.app, *context.actor)) {
    const auto& concern = row.concern;
    const bool alert = domain::Alerts(concern.severity);
    const char* text =
        concern.severity == domain::Severity::kEmergency
            ? N_("{circle}: emergency concern to acknowledge now ({category}), raised {moment}")
        : alert ? N_("{circle}: urgent concern to acknowledge ({category}), raised {moment}")
                : N_("{circle}: concern to acknowledge ({category}), raised {moment}");
    items.push_back(
        {alert ? home::Urgency::kAlert : home::Urgency::kSoon,
         circles::LocalDay(context, concern.raised_at),
         context.Format({text,
                         {{"circle", row.code_name},
                          {"category", context.Translate(domain::LabelOf(concern.category))},
                          {"moment", FormatMoment(context, concern.raised_at)}}}),
         ConcernHref(concern.id)});
  }
  return items;
}

}  // namespace cercle::web::pages::concerns
