#pragma once

#include "web/context.hpp"

// The coordinators' volunteer pages: the list and pipeline, each volunteer's file (details, moves,
// screening, training, hours, supervision, who viewed it), training sessions and attendance, hours
// approval and funders' totals, and the organisation's screening and training set-up. Every page
// asks VolunteerPolicy; every view and change of a file is audited.
namespace cercle::web::pages::volunteers {

// GET /volunteers: the volunteers by stage, with search.
Response List(Context& context);
// GET /volunteers/new, POST /volunteers/new: a new file at "inquiry".
Response ShowNew(Context& context);
Response Create(Context& context);
// GET /volunteers/{id}: the file.
Response Show(Context& context);
// GET /volunteers/{id}/edit, POST /volunteers/{id}/edit: the details and the linked account.
Response ShowEdit(Context& context);
Response Update(Context& context);
// POST /volunteers/{id}/stage: a move through the pipeline, with its reason.
Response MoveStage(Context& context);
// POST /volunteers/{id}/supervision: a supervision or debriefing session.
Response AddSupervision(Context& context);
// POST /volunteers/{id}/hours: hours a coordinator logs for the volunteer (approved as logged).
Response LogHours(Context& context);
// GET /volunteers/{id}/screening, POST /volunteers/{id}/screening: record a screening item, with an
// optional document.
Response ShowScreeningForm(Context& context);
Response RecordScreening(Context& context);
// POST /volunteers/{id}/screening-items: the rows of the file's screening table, every filled row
// saved as an item, or none when one row is wrong.
Response RecordScreeningRows(Context& context);
// POST /volunteers/screening/{id}/withdraw: withdraw an item recorded by mistake, with a reason.
Response WithdrawScreening(Context& context);
// GET /volunteers/documents/{id}: a screening document.
Response Download(Context& context);
// POST /volunteers/hours/{id}/review: approve or reject logged hours.
Response ReviewHours(Context& context);

// GET /volunteers/hours: hours awaiting approval, and the approved totals for funders.
Response ShowHours(Context& context);

// GET /volunteers/training, POST /volunteers/training: the sessions, and a new one.
Response ShowTraining(Context& context);
Response CreateTrainingSession(Context& context);
// GET /volunteers/training/{id}, POST /volunteers/training/{id}: a session and its attendance.
Response ShowTrainingSession(Context& context);
Response SaveAttendance(Context& context);

// GET /volunteers/setup: the screening item types and training modules (administrators).
Response ShowSetup(Context& context);
// POST /volunteers/setup/screening, /volunteers/setup/screening/{id}: add or change a type.
Response AddScreeningType(Context& context);
Response UpdateScreeningType(Context& context);
// POST /volunteers/setup/training, /volunteers/setup/training/{id}: add or change a module.
Response AddTrainingModule(Context& context);
Response UpdateTrainingModule(Context& context);

}  // namespace cercle::web::pages::volunteers
