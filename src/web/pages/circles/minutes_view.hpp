#pragma once

#include <mstch/mstch.hpp>

#include "domain/circle_meetings.hpp"
#include "web/context.hpp"

// What the coordinators' meeting page and the volunteers' phone view both show of minutes.
namespace cercle::web::pages::circles {

// Whether a part of the minutes left blank is listed.
enum class BlankParts { kList, kLeaveOut };

// The parts of `minutes`, in the order they are written: each with its translated label, its text
// and whether it is empty; `blank` kLeaveOut lists only the parts written.
mstch::array MinutesParts(const Context& context, const domain::Minutes& minutes,
                          BlankParts blank = BlankParts::kList);

}  // namespace cercle::web::pages::circles
