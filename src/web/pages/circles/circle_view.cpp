#include "web/pages/circles/circle_view.hpp"

#include "domain/enum_names.hpp"
#include "web/pages/circles/circle_common.hpp"

namespace cercle::web::pages::circles {

mstch::map CircleDetailsView(const Context& context, const domain::Circle& circle) {
  mstch::map details{{"code_name", circle.code_name},
                     {"phase", context.Translate(domain::LabelOf(circle.phase))},
                     {"phase_badge", PhaseBadge(circle.phase)},
                     {"phase_since", FormatDay(context, circle.phase_since)},
                     {"closed", circle.closed()}};
  if (circle.started_on) details["started_on"] = FormatDay(context, *circle.started_on);
  if (circle.offence_profile) {
    details["profile"] = context.Translate(domain::LabelOf(*circle.offence_profile));
  }
  if (circle.closed()) {
    if (circle.closed_on) details["closed_on"] = FormatDay(context, *circle.closed_on);
    if (circle.closure_reason) {
      details["closure_reason"] = context.Translate(domain::LabelOf(*circle.closure_reason));
    }
    details["closing_note"] = circle.closing_note;
  }
  return details;
}

}  // namespace cercle::web::pages::circles
