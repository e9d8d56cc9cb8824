#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "domain/roles.hpp"

namespace cercle::app::admin {

// A user of the organisation as the admin pages show them.
struct UserRow {
  std::int64_t id = 0;
  std::string display_name;
  std::string email;
  domain::Roles roles;
  bool active = true;
  bool totp_enrolled = false;
  Instant created_at;
};

// The organisation's users, by name.
struct UsersPage {
  std::vector<UserRow> users;
};

// The users page; Forbidden unless the actor administers the organisation.
Result<UsersPage> LoadUsersPage(const Services& services, const auth::Actor& actor);

// Someone who looked at a user's page: their name (none when they are not of the organisation
// any more) and when.
struct Viewer {
  std::optional<std::string> name;
  Instant at;
};

// One user's page: the account and the last 50 views of it.
struct UserPage {
  UserRow user;
  std::vector<Viewer> viewers;
  bool self = false;  // the actor's own account
};

// Whether loading a page records the view in the audit log: yes when the page is asked for, no
// when it is shown again with the error of a refused change.
enum class RecordView { kYes, kNo };

// User `user_id`'s page (entry "user.view" when `record` says so); NotFound when the actor may not
// see them.
Result<UserPage> LoadUserPage(const Services& services, const auth::Actor& actor,
                              std::int64_t user_id, RecordView record);

// Replacing a user's roles.
struct RoleChange {
  std::int64_t user_id = 0;
  domain::Roles roles;  // organisation roles only
};

// Replaces the roles (entry "user.roles"): NotFound when the actor may not manage the user,
// Unauthenticated until they confirmed it is them (step-up), field errors for no role or for
// removing their own admin role. Returns the user's id.
Result<std::int64_t> ChangeRoles(const Services& services, const auth::Actor& actor,
                                 const RoleChange& change);

// Deactivating or reactivating a user.
struct UserActivation {
  std::int64_t user_id = 0;
};

// Deactivates the user (entry "user.deactivate") and ends their sessions at once; NotFound and
// Unauthenticated as ChangeRoles, Invalid for the actor's own account.
Result<std::int64_t> Deactivate(const Services& services, const auth::Actor& actor,
                                const UserActivation& activation);
// Reactivates the user (entry "user.reactivate"); NotFound and Unauthenticated as ChangeRoles.
Result<std::int64_t> Reactivate(const Services& services, const auth::Actor& actor,
                                const UserActivation& activation);

// Inviting someone into the actor's organisation.
struct UserInvitation {
  std::string display_name;
  std::string email;
  domain::Roles roles;
};

// Invites them (see app::accounts::Invite); Forbidden unless the actor administers the
// organisation.
Status InviteUser(const Services& services, const auth::Actor& actor,
                  const UserInvitation& invitation);

}  // namespace cercle::app::admin
