#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "base/result.hpp"
#include "demo/circles_demo.hpp"

namespace cercle::demo {

// Adds the circle plan of every open demo circle (app::circles::SavePlan), written by the demo's
// coordinator two days after the circle opened: goals in housing, work, relationships and leisure
// with the steps agreed and who helps, and warning signs in the core member's own words, each
// touching the release conditions of his file that it concerns. Gaston's plan was revisited at his
// first review: a second version, with a goal reworded and one added. At each review of a planned
// circle the coordinator records how each goal stands (app::circles::RecordGoalProgress), some met
// by the latest. French and clearly fictional. Expects LoadCircles to have run, and runs before
// LoadConcerns (one demo concern cites a warning sign of Marcel's plan).
Status LoadCirclePlans(const app::Services& services, std::int64_t organisation_id,
                       const CircleIds& circles);

}  // namespace cercle::demo
