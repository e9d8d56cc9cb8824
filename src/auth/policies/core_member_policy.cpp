#include "auth/policies/core_member_policy.hpp"

namespace cercle::auth::policies {
namespace {

// Staff of an organisation: its coordinators and its administrators.
bool IsStaff(const Actor& actor) {
  return actor.signed_in() && actor.organisation_id &&
         (actor.Has(domain::Role::kCoordinator) || actor.Has(domain::Role::kOrganisationAdmin));
}

}  // namespace

bool CoreMemberPolicy::CanList(const Actor& actor) { return IsStaff(actor); }

bool CoreMemberPolicy::CanView(const Actor& actor, std::int64_t organisation_id) {
  return IsStaff(actor) && actor.InOrganisation(organisation_id);
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

bool ReferralPolicy::CanList(const Actor& actor) { return IsStaff(actor); }

bool ReferralPolicy::CanView(const Actor& actor, std::int64_t organisation_id) {
  return IsStaff(actor) && actor.InOrganisation(organisation_id);
}

bool ReferralPolicy::CanChange(const Actor& actor, std::int64_t organisation_id) {
  return CanView(actor, organisation_id);
}

bool EligibilityCriteriaPolicy::CanAdjust(const Actor& actor) {
  return actor.signed_in() && actor.organisation_id && actor.Has(domain::Role::kOrganisationAdmin);
}

}  // namespace cercle::auth::policies
