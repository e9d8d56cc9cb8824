#pragma once

#include "web/context.hpp"

// The organisation administrator's pages: users, invitations, roles, deactivation, and the audit
// log.
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

}  // namespace cercle::web::pages::admin
