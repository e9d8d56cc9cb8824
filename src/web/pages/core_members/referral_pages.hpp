#pragma once

#include "web/context.hpp"

// The coordinator's pages of referrals: from their reception to the decision, with the eligibility
// checklist and the documents that came with them; and the administrator's page of the eligibility
// criteria. Coordinators and organisation admins of the referral's organisation only
// (auth::policies::ReferralPolicy); anyone else gets the same 404 as for a referral that does not
// exist, audited as "authz.denied".
namespace cercle::web::pages::core_members {

// GET /referrals: the referrals, with a status filter.
Response ListReferrals(Context& context);
// GET, POST /referrals/new.
Response ShowNewReferral(Context& context);
Response CreateReferral(Context& context);
// GET /referrals/{id}: the referral, its checklist, its moves, its documents and its history;
// audited.
Response ShowReferral(Context& context);
// GET, POST /referrals/{id}/edit: the source, referrer and person details, while the referral is
// open.
Response ShowEditReferral(Context& context);
Response EditReferral(Context& context);
// POST /referrals/{id}/checklist: the criteria met.
Response SaveChecklist(Context& context);
// POST /referrals/{id}/move: screening, waitlisting, declining or withdrawing, with a reason.
Response MoveReferral(Context& context);
// GET, POST /referrals/{id}/accept: the acceptance, which opens or reopens the core member's file.
Response ShowAcceptReferral(Context& context);
Response AcceptReferral(Context& context);
// POST /referrals/{id}/documents; GET /referrals/documents/{id}; POST
// /referrals/documents/{id}/remove.
Response UploadReferralDocument(Context& context);
Response DownloadReferralDocument(Context& context);
Response RemoveReferralDocument(Context& context);

}  // namespace cercle::web::pages::core_members
