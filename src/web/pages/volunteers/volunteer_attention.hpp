#pragma once

#include <vector>

#include "web/context.hpp"
#include "web/pages/home/attention.hpp"

namespace cercle::web::pages::volunteers {

// What the volunteers of the actor's organisation need from staff, for the home page: screening
// items expiring within the organisation's notice period ("soon") or expired ("urgent", the
// volunteer is on hold for new circles), and approved or active volunteers without supervision for
// longer than the organisation's period. Nothing for actors who may not manage volunteers.
std::vector<home::AttentionItem> Attention(Context& context);

}  // namespace cercle::web::pages::volunteers
