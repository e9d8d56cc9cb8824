#pragma once

#include <mstch/mstch.hpp>
#include <vector>

#include "domain/risk_factors.hpp"
#include "web/context.hpp"

namespace cercle::web::pages::core_members {

// The risk and protective factors of a core member's outcomes page, from `ratings` (the earliest
// review first): one small line per factor over the reviews that rated any factor, and the same
// ratings in a table. Each factor stands alone; nothing is added across factors. Sets
// "no_factor_ratings" when there are none.
mstch::map FactorHistoryView(const Context& context,
                             const std::vector<domain::FactorRatingRecord>& ratings);

}  // namespace cercle::web::pages::core_members
