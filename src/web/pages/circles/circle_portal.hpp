#pragma once

#include <mstch/mstch.hpp>

#include "domain/volunteer.hpp"
#include "web/context.hpp"

// The volunteer's circles inside their portal (web/pages/portal/): what the portal's home shows of
// them.
namespace cercle::web::pages::circles {

// The circles `volunteer` may still read, for the portal's home: code name, the name the core
// member goes by, phase, next meeting, the minutes the volunteer is asked to write (late ones
// flagged), and until when a closed circle stays visible. Costs a few queries, whatever the number
// of circles.
mstch::array PortalCircles(Context& context, const domain::Volunteer& volunteer);

}  // namespace cercle::web::pages::circles
