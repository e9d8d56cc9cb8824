#pragma once

#include "web/context.hpp"

// The organisation administrator's pages (/admin/…): users, invitations, roles, deactivation, the
// audit log, the settings, the eligibility criteria and the covenant template.
namespace cercle::web::pages::admin {

// GET /admin/users.
Response ListUsers(Context& context);
// GET /admin/users/invite, POST /admin/users/invite.
Response ShowInvite(Context& context);
Response Invite(Context& context);
// GET /admin/users/{id}: the user, their roles, and who viewed their record.
Response ShowUser(Context& context);
// POST /admin/users/{id}/roles, /deactivate, /reactivate (each needs a recent password or code).
Response ChangeRoles(Context& context);
Response Deactivate(Context& context);
Response Reactivate(Context& context);
// GET /admin/settings, POST /admin/settings: the organisation's numeric settings.
Response ShowSettings(Context& context);
Response SaveSettings(Context& context);
// GET /admin/audit: the audit log with filters. Reading it is audited too.
Response ShowAudit(Context& context);
// The installation's scheduled backups, for administrators.
Response ShowBackups(Context& context);

// GET /admin/eligibility: the organisation's criteria. POST /admin/eligibility: add one.
// POST /admin/eligibility/{id}: rename one. POST /admin/eligibility/{id}/retire, /restore.
Response ShowCriteria(Context& context);
Response AddCriterion(Context& context);
Response RenameCriterion(Context& context);
Response RetireCriterion(Context& context);
Response RestoreCriterion(Context& context);

// GET /admin/covenant, POST /admin/covenant: the organisation's covenant template.
Response ShowCovenantTemplate(Context& context);
Response SaveCovenantTemplate(Context& context);

}  // namespace cercle::web::pages::admin
