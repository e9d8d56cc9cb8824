#pragma once

#include <mstch/mstch.hpp>
#include <vector>

#include "app/circles/portal_circle.hpp"
#include "web/context.hpp"

// The volunteer's circles inside their portal (web/pages/portal/): what the portal's home shows of
// them.
namespace cercle::web::pages::circles {

// The rows of the portal's list of circles (app::circles::ReadPortalCircles): code name, the name
// the core member goes by, phase, next meeting, the minutes the volunteer is asked to write (late
// ones flagged), and until when a closed circle stays visible.
mstch::array PortalCircleRows(const Context& context,
                              const std::vector<app::circles::PortalCircleRow>& circles);

}  // namespace cercle::web::pages::circles
