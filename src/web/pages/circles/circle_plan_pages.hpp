#pragma once

#include "web/context.hpp"
#include "web/http.hpp"

// The circle plan's pages (app/circles/circle_plan): the coordinators' plan page with its versions
// and the form of a new version, the progress of the goals at a review, and the volunteers' phone
// view of the plan in force.
namespace cercle::web::pages::circles {

// GET /circles/{id}/plan (?version=N shows an earlier version, read-only).
Response ShowPlan(Context& context);
// POST /circles/{id}/plan: a new version of the whole plan.
Response SavePlan(Context& context);
// GET /circles/reviews/{id}/goals (the review's id).
Response ShowGoalProgress(Context& context);
// POST /circles/reviews/{id}/goals.
Response RecordGoalProgress(Context& context);
// GET /portal/circles/{id}/plan.
Response ShowPortalPlan(Context& context);

}  // namespace cercle::web::pages::circles
