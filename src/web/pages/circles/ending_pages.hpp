#pragma once

#include <mstch/mstch.hpp>

#include "app/circles/endings.hpp"
#include "web/context.hpp"

// The end-of-circle questionnaires' pages: the coordinator's page of a closed circle's
// questionnaires (the core member's paper answers typed in, a new link for the officer), the
// volunteer's own questionnaire in the portal, and the officer's page behind a single-use link,
// which needs no account.
namespace cercle::web::pages::circles {

// One questionnaire as the staff pages show it: whose it is, whether and when it was answered,
// and, for the core member's and the officer's, the answers and the comment.
mstch::map EndingSummaryView(const Context& context, const app::circles::EndingSummary& summary);

// GET /circles/{id}/endings.
Response ShowEndings(Context& context);
// POST /circles/{id}/endings/core-member: the core member's paper answers.
Response RecordCoreMemberEnding(Context& context);
// POST /circles/{id}/endings/officer-link: a new link for the officer, shown once.
Response IssueOfficerLink(Context& context);

// GET /portal/endings/{id}.
Response ShowOwnEnding(Context& context);
// POST /portal/endings/{id}: the volunteer's answer, once.
Response AnswerOwnEnding(Context& context);

// GET /q/{token}: the officer's questionnaire, public.
Response ShowOfficerEnding(Context& context);
// POST /q/{token}: the officer's answer; the link dies with it.
Response AnswerOfficerEnding(Context& context);

}  // namespace cercle::web::pages::circles
