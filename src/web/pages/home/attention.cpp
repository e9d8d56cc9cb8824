#include "web/pages/home/attention.hpp"

#include <algorithm>
#include <functional>

#include "web/pages/core_members/core_member_attention.hpp"
#include "web/pages/volunteers/volunteer_attention.hpp"

namespace cercle::web::pages::home {

std::vector<AttentionItem> CollectAttention(Context& context) {
  // Each area's contribution. Add an area's function here when it has something to flag.
  const std::vector<std::function<std::vector<AttentionItem>(Context&)>> sources = {
      volunteers::Attention,
      core_members::KeyDateAttention,
  };
  std::vector<AttentionItem> items;
  for (const auto& source : sources) {
    auto found = source(context);
    items.insert(items.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  std::stable_sort(items.begin(), items.end(), [](const AttentionItem& a, const AttentionItem& b) {
    if (a.urgency != b.urgency) return a.urgency < b.urgency;
    return a.date < b.date;
  });
  return items;
}

}  // namespace cercle::web::pages::home
