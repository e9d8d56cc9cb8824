#pragma once

#include "web/context.hpp"

namespace cercle::web::pages::home {

// GET /: the welcome page; signed in, each role's landing (app::home::LandingOf): the volunteer's
// portal, the partner's circles and the evaluator's extract are redirects, everyone else gets the
// home page, with the triage for staff.
Response Show(Context& context);
// GET /triage/{group}: every item of one group of the home page's triage, page by page (the home
// page lists a group's first ones); 404 for an unknown group, 403 for an actor without the triage.
Response ShowTriageGroup(Context& context);
// POST /home/minutes/{id}/acknowledge: acknowledges a meeting's minutes from the home page's
// triage, without a comment, and comes back to it with a notice; the home page with the reason when
// refused (acknowledged already), 404 for minutes the actor may not acknowledge.
Response AcknowledgeMinutes(Context& context);

}  // namespace cercle::web::pages::home
