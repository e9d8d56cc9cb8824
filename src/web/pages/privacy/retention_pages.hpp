#pragma once

#include <string>

#include "domain/retention.hpp"
#include "web/context.hpp"

// The retention schedule and the destruction queue (/admin/privacy/retention…), for the person in
// charge of the protection of personal information and administrators; everyone else gets 404.
namespace cercle::web::pages::privacy {

// GET /admin/privacy/retention: the schedule, the queue, the holds and the certificates.
Response ShowRetention(Context& context);

// A schedule line's period in words: "60 months", "7 days", "Never destroyed" (also on the public
// privacy page).
std::string RetentionPeriodText(const Context& context, const domain::ScheduledPeriod& period);

// POST /admin/privacy/retention/schedule: the periods.
Response SaveRetentionSchedule(Context& context);
// POST /admin/privacy/retention/list: lists the queue now.
Response ListRetentionQueue(Context& context);
// POST /admin/privacy/retention/holds: puts a record on legal hold.
Response PlaceRetentionHold(Context& context);
// POST /admin/privacy/retention/holds/{id}/release: releases a hold.
Response ReleaseRetentionHold(Context& context);
// POST /admin/privacy/retention/approve: approves the batch (step-up, confirmation).
Response ApproveRetentionBatch(Context& context);
// GET /admin/privacy/retention/certificates/{id}: a destruction certificate, printable.
Response ShowDestructionCertificate(Context& context);

}  // namespace cercle::web::pages::privacy
