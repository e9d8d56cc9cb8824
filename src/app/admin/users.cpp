#include "app/admin/users.hpp"

#include "app/accounts/invitations.hpp"
#include "auth/policies/user_policy.hpp"
#include "store/session_store.hpp"
#include "store/user_store.hpp"

namespace cercle::app::admin {
namespace {

using auth::policies::UserPolicy;

// How many views of a user's page the page lists.
constexpr int kViewsShown = 50;

UserRow RowOf(const store::User& user) {
  return {user.id,        user.display_name, user.email,
          user.roles,     user.active,       user.totp_enrolled_at.has_value(),
          user.created_at};
}

// The user `user_id` when the actor may manage them, within `unit`.
Result<store::User> FindManaged(const store::Unit& unit, const auth::Actor& actor,
                                std::int64_t user_id) {
  const auto user = store::UserStore(unit.session()).Find(user_id, actor.organisation_id);
  if (!user || !UserPolicy::CanView(actor, *user) || !UserPolicy::CanManage(actor, *user)) {
    return Error::NotFound();
  }
  return *user;
}

// Sets the user's active flag (and, on deactivation, ends their sessions) with entry `action`.
Result<std::int64_t> SetActive(const Services& services, const auth::Actor& actor,
                               std::int64_t user_id, bool active, const char* action) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    TRY(FindManaged(unit, actor, user_id));
    TRY(RequireStepUp(services, actor));
    if (!active && user_id == actor.user_id) {
      return Error::Invalid(N_("You cannot deactivate your own account."));
    }
    store::UserStore(unit.session()).SetActive(user_id, active, unit.now());
    if (!active) store::SessionStore(unit.session()).DeleteForUser(user_id);
    Audit(services, unit, actor, {action, "user", std::to_string(user_id)});
    return user_id;
  });
}

}  // namespace

Result<UsersPage> LoadUsersPage(const Services& services, const auth::Actor& actor) {
  if (!UserPolicy::CanList(actor)) return Error::Forbidden();
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    UsersPage page;
    for (const auto& user :
         store::UserStore(unit.session()).ListOrganisation(*actor.organisation_id)) {
      page.users.push_back(RowOf(user));
    }
    return page;
  });
}

Result<UserPage> LoadUserPage(const Services& services, const auth::Actor& actor,
                              std::int64_t user_id, RecordView record) {
  const auto user = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::UserStore(unit.session()).Find(user_id, actor.organisation_id);
  });
  if (!user || !UserPolicy::CanView(actor, *user)) return Error::NotFound();
  if (record == RecordView::kYes)
    AuditView(services, actor, {"user.view", "user", std::to_string(user->id)});
  audit::Filter filter;
  filter.action_prefix = "user.view";
  filter.object_type = "user";
  filter.object_id = std::to_string(user->id);
  filter.limit = kViewsShown;
  const auto views = services.audit.List(services.database, *actor.organisation_id, filter);
  const auto members = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::UserStore(unit.session()).ListOrganisation(*actor.organisation_id);
  });
  UserPage page{RowOf(*user), {}, user->id == actor.user_id};
  for (const auto& entry : views) {
    Viewer viewer{std::nullopt, entry.event.at};
    for (const auto& member : members) {
      if (entry.event.actor_user_id == member.id) viewer.name = member.display_name;
    }
    page.viewers.push_back(std::move(viewer));
  }
  return page;
}

Result<std::int64_t> ChangeRoles(const Services& services, const auth::Actor& actor,
                                 const RoleChange& change) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    TRY(FindManaged(unit, actor, change.user_id));
    TRY(RequireStepUp(services, actor));
    if (change.roles.Empty())
      return Error::Fields({{"roles", {N_("Choose at least one role."), {}}}});
    if (change.roles.Has(domain::Role::kNetworkAdmin)) {
      return Error::Fields({{"roles", {N_("This role does not fit this organisation."), {}}}});
    }
    if (change.user_id == actor.user_id && !change.roles.Has(domain::Role::kOrganisationAdmin)) {
      return Error::Fields({{"roles", {N_("You cannot remove your own administrator role."), {}}}});
    }
    store::UserStore(unit.session())
        .ReplaceRoles(change.user_id, actor.organisation_id, change.roles);
    Audit(services, unit, actor, {"user.roles", "user", std::to_string(change.user_id)});
    return change.user_id;
  });
}

Result<std::int64_t> Deactivate(const Services& services, const auth::Actor& actor,
                                const UserActivation& activation) {
  return SetActive(services, actor, activation.user_id, false, "user.deactivate");
}

Result<std::int64_t> Reactivate(const Services& services, const auth::Actor& actor,
                                const UserActivation& activation) {
  return SetActive(services, actor, activation.user_id, true, "user.reactivate");
}

Status InviteUser(const Services& services, const auth::Actor& actor,
                  const UserInvitation& invitation) {
  if (!UserPolicy::CanInvite(actor)) return Error::Forbidden();
  TRY(accounts::Invite(
      services, actor,
      {actor.organisation_id, invitation.display_name, invitation.email, invitation.roles}));
  return {};
}

}  // namespace cercle::app::admin
