#include "web/pages/circles/minutes_view.hpp"

#include <string>
#include <utility>

namespace cercle::web::pages::circles {

mstch::array MinutesParts(const Context& context, const domain::Minutes& minutes,
                          BlankParts blank) {
  const std::pair<const char*, const std::string*> parts[] = {
      {N_("Check-in"), &minutes.check_in},
      {N_("Accountability: relationships, risk factors, situations"), &minutes.accountability},
      {N_("Support given"), &minutes.support},
      {N_("Decisions"), &minutes.decisions},
      {N_("Next steps"), &minutes.next_steps}};
  mstch::array rows;
  for (const auto& [label, text] : parts) {
    if (blank == BlankParts::kLeaveOut && text->empty()) continue;
    rows.push_back(
        mstch::map{{"label", context.Translate(label)}, {"text", *text}, {"empty", text->empty()}});
  }
  return rows;
}

}  // namespace cercle::web::pages::circles
