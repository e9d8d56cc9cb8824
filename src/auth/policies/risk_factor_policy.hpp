#pragma once

#include "auth/actor.hpp"
#include "auth/policies/managed_area.hpp"

namespace cercle::auth::policies {

// Who may see and record the ratings of risk and protective factors at circles' reviews, and
// change the organisation's list of factors. Ratings are part of the core member's risk record:
// coordinators and organisation admins only, every view audited. Volunteers, partners and
// evaluators see none of them (the evaluation extract carries them coarsened, de-identified).
struct RiskFactorPolicy : ManagedArea<RiskFactorPolicy> {
  // The ratings of a review and the factors' history on a file; recording them.
  static bool CanManage(const Actor& actor);
  // Renaming, moving, adding and deactivating factors of the list: the organisation's admins.
  static bool CanAdjustList(const Actor& actor);
};

}  // namespace cercle::auth::policies
