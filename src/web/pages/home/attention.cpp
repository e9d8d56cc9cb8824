#include "web/pages/home/attention.hpp"

#include <algorithm>
#include <functional>

#include "web/pages/circles/circle_attention.hpp"
#include "web/pages/concerns/concern_attention.hpp"
#include "web/pages/core_members/core_member_attention.hpp"
#include "web/pages/privacy/request_pages.hpp"
#include "web/pages/reports/outcome_attention.hpp"
#include "web/pages/volunteers/volunteer_attention.hpp"

namespace cercle::web::pages::home {

void SortAttention(std::vector<AttentionItem>& items, CivilDate today) {
  std::stable_sort(items.begin(), items.end(),
                   [today](const AttentionItem& a, const AttentionItem& b) {
                     if (a.urgency != b.urgency) return a.urgency < b.urgency;
                     const bool a_past = a.date < today;
                     const bool b_past = b.date < today;
                     if (a_past != b_past) return a_past;
                     return a_past ? b.date < a.date : a.date < b.date;
                   });
}

std::vector<AttentionItem> CollectAttention(Context& context) {
  // Each area's contribution. Add an area's function here when it has something to flag.
  const std::vector<std::function<std::vector<AttentionItem>(Context&)>> sources = {
      volunteers::Attention, core_members::KeyDateAttention, circles::Attention,
      concerns::Attention,   reports::FollowUpAttention,     privacy::Attention,
  };
  std::vector<AttentionItem> items;
  for (const auto& source : sources) {
    auto found = source(context);
    items.insert(items.end(), std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
  }
  SortAttention(items, context.services.translator.LocalDate(context.services.clock.Now()));
  return items;
}

}  // namespace cercle::web::pages::home
