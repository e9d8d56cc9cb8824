#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "base/result.hpp"
#include "demo/circles_demo.hpp"

namespace cercle::demo {

// Adds two fictional entries to the register of confidentiality incidents of one demo
// organisation, in French, recorded by its administrator through app::privacy on the day each was
// recorded: the minutes of a circle's meeting e-mailed to the wrong partner (the people concerned
// filled in from the circle, a risk assessed as not serious), and a laptop stolen with a copy of a
// core member's file (a risk of serious injury, the Commission and the man notified within the
// delay). Dates are relative to today. Expects LoadCircles to have run on `circles`.
Status LoadPrivacyIncidents(const app::Services& services, std::int64_t organisation_id,
                            const CircleIds& circles);

}  // namespace cercle::demo
