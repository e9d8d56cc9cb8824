#pragma once

#include <string>

#include "domain/volunteer_care.hpp"
#include "web/context.hpp"

// Volunteer care: the debrief a coordinator records after an urgent or emergency concern closed,
// a volunteer's wellbeing answers as coordinators see them, the exit interview, and the monthly
// wellbeing check in the volunteer's own portal. Staff pages answer 404 to anyone who may not
// manage volunteers; the portal's check only to the volunteer whose open file is linked to their
// account.
namespace cercle::web::pages::volunteers {

// GET /volunteers/debriefs/{id}: the debrief and, until it is held, the form that records it.
Response ShowDebrief(Context& context);
// POST /volunteers/debriefs/{id}: records the debrief held (day, optional note).
Response RecordDebrief(Context& context);
// GET /volunteers/{id}/wellbeing: the volunteer's wellbeing answers and their flag, if any.
Response ShowWellbeing(Context& context);
// GET /volunteers/{id}/exit-interview: the exit interview, or its form once the file is exited.
Response ShowExitInterview(Context& context);
// POST /volunteers/{id}/exit-interview: records the exit interview (day, reasons, note).
Response RecordExitInterview(Context& context);

// The sentence of a wellbeing flag about the volunteer `name`, for the home page.
Message WellbeingFlagMessage(const Context& context, const std::string& name,
                             const domain::WellbeingFlag& flag);

}  // namespace cercle::web::pages::volunteers

namespace cercle::web::pages::portal {

// GET /portal/wellbeing: this month's wellbeing check, or the answer given.
Response ShowWellbeingCheck(Context& context);
// POST /portal/wellbeing: the volunteer's answer for this month.
Response AnswerWellbeing(Context& context);

}  // namespace cercle::web::pages::portal
