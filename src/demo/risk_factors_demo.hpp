#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "base/result.hpp"

namespace cercle::demo {

// Adds the risk and protective factors rated at the demo circles' reviews: at the last three
// reviews of each circle that has any (fewer when it has fewer), the coordinator rates the same
// seven factors of the default list, on the review's day, with a few fictional French comments;
// the ratings move from one review to the next (impulsivity and loneliness ease, work and the
// social network grow, one circle's negative emotionality rises again), so that the file's chart
// and the dashboard's first-to-last change show them. Every rating goes through
// app::circles::RateFactors. Expects LoadCircles to have run.
Status LoadFactorRatings(const app::Services& services, std::int64_t organisation_id);

}  // namespace cercle::demo
