#include "auth/policies/privacy_policy.hpp"

#include "auth/policies/user_policy.hpp"

namespace cercle::auth::policies {

bool PrivacyPolicy::CanManage(const Actor& actor) {
  if (!actor.signed_in() || !actor.organisation_id) return false;
  return actor.privacy_officer || actor.Has(domain::Role::kOrganisationAdmin);
}

bool PrivacyPolicy::CanNamePersonInCharge(const Actor& actor) {
  return actor.ActsAs({domain::Role::kOrganisationAdmin}) || OrganisationPolicy::CanManage(actor);
}

}  // namespace cercle::auth::policies
