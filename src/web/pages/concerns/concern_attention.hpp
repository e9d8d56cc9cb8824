#pragma once

#include <vector>

#include "web/context.hpp"
#include "web/pages/home/attention.hpp"

namespace cercle::web::pages::concerns {

// The staff home page's items of the concerns (attention.cpp lists this source): every concern
// nobody has acknowledged yet, urgent and emergency ones at the very top. One query, whatever the
// number of concerns.
std::vector<home::AttentionItem> Attention(Context& context);

}  // namespace cercle::web::pages::concerns
