#pragma once

#include "web/context.hpp"

// The dynamic risk and protective factors of a circle's review, rated by the coordinator: one line
// per factor of the organisation's list (a rating from 0 to 2 or none, and a comment). Anyone who
// may not see them (volunteers, partners, evaluators, another organisation) gets the audited 404.
namespace cercle::web::pages::circles {

// GET /circles/reviews/{id}/factors: the review's factors, their ratings, and the form.
Response ShowReviewFactors(Context& context);
// POST /circles/reviews/{id}/factors: records the review's ratings in place of those it had.
Response RateReviewFactors(Context& context);

}  // namespace cercle::web::pages::circles
