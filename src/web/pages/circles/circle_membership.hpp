#pragma once

#include "domain/volunteer_gate.hpp"
#include "web/context.hpp"

// How the circles' pages describe the volunteer gate (app::circles joins volunteers through it).
namespace cercle::web::pages::circles {

// One failing gate condition in the reader's language.
std::string DescribeGateFailure(const Context& context, const domain::GateFailure& failure);

}  // namespace cercle::web::pages::circles
