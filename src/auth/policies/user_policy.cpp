#include "auth/policies/user_policy.hpp"

namespace cercle::auth::policies {

bool UserPolicy::CanList(const Actor& actor) {
  return actor.ActsAs({domain::Role::kOrganisationAdmin});
}

bool UserPolicy::CanView(const Actor& actor, const store::User& user) {
  return CanList(actor) && actor.InOrganisation(user.organisation_id);
}

bool UserPolicy::CanManage(const Actor& actor, const store::User& user) {
  return CanView(actor, user);
}

bool BackupPolicy::CanRead(const Actor& actor) {
  return AuditPolicy::CanRead(actor) || OrganisationPolicy::CanManage(actor);
}

bool AuditPolicy::CanRead(const Actor& actor) {
  return actor.ActsAs({domain::Role::kOrganisationAdmin});
}

bool SettingsPolicy::CanChange(const Actor& actor) {
  return actor.ActsAs({domain::Role::kOrganisationAdmin});
}

bool OrganisationPolicy::CanManage(const Actor& actor) {
  return actor.signed_in() && !actor.organisation_id && actor.Has(domain::Role::kNetworkAdmin);
}

}  // namespace cercle::auth::policies
