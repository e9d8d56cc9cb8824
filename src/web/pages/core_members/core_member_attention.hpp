#pragma once

#include <vector>

#include "web/context.hpp"
#include "web/pages/home/attention.hpp"

namespace cercle::web::pages::core_members {

// The staff home page's items of the intake area: the key dates of open files within the next 30
// days (statutory release, warrant expiry, the end of an order or of a condition), urgent within 7
// days. Nothing for an actor the core member policy does not let list files.
std::vector<home::AttentionItem> KeyDateAttention(Context& context);

}  // namespace cercle::web::pages::core_members
