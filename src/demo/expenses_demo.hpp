#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "base/result.hpp"

namespace cercle::demo {

// Volunteers' expenses of one demo organisation, French and fictional: a rate per kilometre of
// 0,50 $ changed to 0,55 $ two months ago, and the claims Bastien filed in his portal in every
// state (paid, approved, refused with its reason, two awaiting review, one of them attached to a
// meeting of his circle), each through the app's workflow on its day.
Status LoadExpenses(const app::Services& services, std::int64_t organisation_id);

}  // namespace cercle::demo
