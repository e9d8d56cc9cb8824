#pragma once

#include "web/context.hpp"

// The coordinator's pages of core members' files: the list and search, the file, its identity,
// status, legal status (orders and conditions), risk assessments, consents and documents.
// Coordinators and organisation admins of the file's organisation only
// (auth::policies::CoreMemberPolicy); anyone else gets the same 404 as for a file that does not
// exist, audited as "authz.denied". Every view and change is audited.
namespace cercle::web::pages::core_members {

// GET /core-members: the files, with filters (status, region, coordinator) and the search by name
// or number.
Response ListCoreMembers(Context& context);
// GET /core-members/{id}: the file, audited "core_member.view".
Response ShowCoreMember(Context& context);
// GET, POST /core-members/{id}/edit: identity, contact, summaries, coordinator and key dates.
Response ShowEditCoreMember(Context& context);
Response EditCoreMember(Context& context);
// POST /core-members/{id}/status: a status change by hand, with its reason.
Response ChangeCoreMemberStatus(Context& context);

// GET, POST /core-members/{id}/orders/new; GET, POST /core-members/orders/{id}/edit. The order and
// condition pages are one generic page each (legal_pages.cpp), named here for the route table.
extern Response (*const ShowNewOrder)(Context& context);
extern Response (*const CreateOrder)(Context& context);
extern Response (*const ShowEditOrder)(Context& context);
extern Response (*const EditOrder)(Context& context);
// GET, POST /core-members/orders/{id}/conditions/new; GET, POST /core-members/conditions/{id}/edit.
extern Response (*const ShowNewCondition)(Context& context);
extern Response (*const CreateCondition)(Context& context);
extern Response (*const ShowEditCondition)(Context& context);
extern Response (*const EditCondition)(Context& context);
// GET, POST /core-members/{id}/risk/new: a risk assessment as received.
Response ShowNewRiskAssessment(Context& context);
Response CreateRiskAssessment(Context& context);
// GET, POST /core-members/{id}/consents/new; POST /core-members/consents/{id}/withdraw.
Response ShowNewConsent(Context& context);
Response CreateConsent(Context& context);
Response WithdrawConsent(Context& context);

// POST /core-members/{id}/documents: an upload (PDF or image). GET /core-members/documents/{id}:
// the download, audited. POST /core-members/documents/{id}/remove.
Response UploadCoreMemberDocument(Context& context);
Response DownloadCoreMemberDocument(Context& context);
Response RemoveCoreMemberDocument(Context& context);

// GET /core-members/{id}/outcomes: events, measures and follow-ups of one file.
Response ShowOutcomes(Context& context);
// POST /core-members/{id}/outcomes/events, /measures, /follow-ups.
Response CreateEvent(Context& context);
Response CreateMeasure(Context& context);
Response RecordFollowUp(Context& context);
// GET and POST /core-members/outcomes/events/{id}/edit; POST …/events/{id}/remove and
// …/measures/{id}/remove.
Response ShowEditEvent(Context& context);
Response EditEvent(Context& context);
Response RemoveEvent(Context& context);
Response RemoveMeasure(Context& context);

}  // namespace cercle::web::pages::core_members
