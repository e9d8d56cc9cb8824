#pragma once

#include "web/context.hpp"

// Concerns and accountability: raising a concern (from the volunteer's phone view of their circle,
// from the minutes they write, from the coordinator's circle page), the staff's register with its
// monthly figures, the concern page (acknowledgement, actions, an emergency meeting, disclosures
// with their legal basis, the reply to volunteers, closure), the on-call rota, the volunteer's view
// of the concerns they raised, and the partner's view of what was disclosed to them. Every handler
// asks auth::policies::ConcernPolicy; records of another organisation answer 404 like missing ones;
// every view and change is audited, never its contents.
namespace cercle::web::pages::concerns {

// GET /concerns: the register, with its filters and the monthly figures (staff).
Response Register(Context& context);
// GET /concerns/on-call, POST: the on-call rota (staff).
Response ShowOnCall(Context& context);
Response SaveOnCall(Context& context);
// GET /concerns/{id}: the concern page (audited "concern.view").
Response Show(Context& context);
// POST /concerns/{id}/acknowledge, /start: moves the concern on (stops its escalation on
// acknowledgement).
Response Acknowledge(Context& context);
Response Start(Context& context);
// POST /concerns/{id}/actions: an action taken. POST /concerns/{id}/emergency-meeting: plans an
// emergency circle meeting and records it as an action.
Response RecordAction(Context& context);
Response PlanEmergencyMeeting(Context& context);
// POST /concerns/{id}/disclosures: a disclosure, checked against the record before it is stored.
Response RecordDisclosure(Context& context);
// POST /concerns/{id}/reply: the coordinator's reply to the volunteer who raised it (mailed a
// link).
Response Reply(Context& context);
// POST /concerns/{id}/close: closure with an outcome.
Response Close(Context& context);
// GET /circles/{id}/concerns/new, POST: a coordinator raises a concern about a circle.
Response ShowStaffRaise(Context& context);
Response StaffRaise(Context& context);

// GET /portal/circles/{id}/concerns/new, POST: a volunteer raises a concern about their circle
// (from the phone view, or from the minutes with ?meeting=ID).
Response ShowVolunteerRaise(Context& context);
Response VolunteerRaise(Context& context);
// GET /portal/concerns: the concerns the volunteer raised. GET /portal/concerns/{id}: one of them,
// with its status and the coordinator's reply (audited "concern.volunteer_view").
Response ListOwn(Context& context);
Response ShowOwn(Context& context);

// GET /my-concerns: the concerns disclosed to the partner. GET /my-concerns/{id}: what was
// disclosed to them about one concern (audited "concern.partner_view").
Response ListDisclosed(Context& context);
Response ShowDisclosed(Context& context);

}  // namespace cercle::web::pages::concerns
