#pragma once

#include "web/context.hpp"

// The organisation's list of risk and protective factors to rate at reviews: coordinators read it;
// its admins rename, reorder, add and take factors off it. Anyone else gets the audited 403.
namespace cercle::web::pages::circles {

// GET /circles/risk-factors: the list, with the admins' forms.
Response ShowRiskFactors(Context& context);
// POST /circles/risk-factors: adds a factor (name, kind).
Response AddRiskFactor(Context& context);
// POST /circles/risk-factors/change: renames the factor `key` and puts it on or off the list.
Response ChangeRiskFactor(Context& context);
// POST /circles/risk-factors/move: moves the factor `key` up or down among its kind.
Response MoveRiskFactor(Context& context);

}  // namespace cercle::web::pages::circles
