#include "auth/policies/risk_factor_policy.hpp"

namespace cercle::auth::policies {

bool RiskFactorPolicy::CanManage(const Actor& actor) { return actor.IsStaff(); }

bool RiskFactorPolicy::CanAdjustList(const Actor& actor) {
  return actor.ActsAs({domain::Role::kOrganisationAdmin});
}

}  // namespace cercle::auth::policies
