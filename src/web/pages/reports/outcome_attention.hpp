#pragma once

#include <vector>

#include "web/context.hpp"
#include "web/pages/home/attention.hpp"

namespace cercle::web::pages::reports {

// The follow-ups of closed files due within domain::kFollowUpNoticeDays or overdue, for the staff
// home page: check public records for new events 6, 12, 24 and 36 months after closure. Overdue
// ones come first. Only for actors who may see outcomes.
std::vector<home::AttentionItem> FollowUpAttention(Context& context);

}  // namespace cercle::web::pages::reports
