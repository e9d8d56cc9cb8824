#pragma once

#include "auth/actor.hpp"
#include "store/user_store.hpp"

namespace cercle::auth::policies {

// Who may see and manage user accounts: the administrators of the users' own organisation. Everyone
// manages their own account (password, language, sessions, two-factor) through the account pages.
struct UserPolicy {
  // The list of the organisation's users, and invitations.
  static bool CanList(const Actor& actor);
  static bool CanInvite(const Actor& actor) { return CanList(actor); }
  // One user's page.
  static bool CanView(const Actor& actor, const store::User& user);
  // Roles, deactivation and reactivation.
  static bool CanManage(const Actor& actor, const store::User& user);
};

// Who may read the audit log: the organisation's administrators (its privacy officer).
struct AuditPolicy {
  static bool CanRead(const Actor& actor);
};

// Who sees how the installation's backups go (times, sizes, restore drills; nothing of a record):
// organisation and network administrators, whom a missing backup concerns alike.
struct BackupPolicy {
  static bool CanRead(const Actor& actor);
};

// Who may change the organisation's settings: its administrators.
struct SettingsPolicy {
  static bool CanChange(const Actor& actor);
};

// Who may create organisations and invite their first administrators: network administrators. They
// never see an organisation's records.
struct OrganisationPolicy {
  static bool CanManage(const Actor& actor);
};

}  // namespace cercle::auth::policies
