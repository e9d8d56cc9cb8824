#include "auth/policies/core_member_policy.hpp"

namespace cercle::auth::policies {
bool CoreMemberPolicy::CanList(const Actor& actor) { return actor.IsStaff(); }

bool CoreMemberPolicy::CanView(const Actor& actor, std::int64_t organisation_id) {
  return actor.IsStaff() && actor.InOrganisation(organisation_id);
}

bool CoreMemberPolicy::CanChange(const Actor& actor, std::int64_t organisation_id) {
  return CanView(actor, organisation_id);
}

bool CoreMemberPolicy::CanReadVictimDetails(const Actor& actor, std::int64_t organisation_id) {
  return CanView(actor, organisation_id);
}

bool CoreMemberPolicy::CanReadRisk(const Actor& actor, std::int64_t organisation_id) {
  return CanView(actor, organisation_id);
}

bool ReferralPolicy::CanList(const Actor& actor) { return actor.IsStaff(); }

bool ReferralPolicy::CanView(const Actor& actor, std::int64_t organisation_id) {
  return actor.IsStaff() && actor.InOrganisation(organisation_id);
}

bool ReferralPolicy::CanChange(const Actor& actor, std::int64_t organisation_id) {
  return CanView(actor, organisation_id);
}

bool EligibilityCriteriaPolicy::CanAdjust(const Actor& actor) {
  return actor.ActsAs({domain::Role::kOrganisationAdmin});
}

}  // namespace cercle::auth::policies
