#include "auth/policies/expense_policy.hpp"

#include "auth/policies/volunteer_policy.hpp"

namespace cercle::auth::policies {

bool ExpensePolicy::CanManage(const Actor& actor) { return VolunteerPolicy::CanManage(actor); }

bool ExpensePolicy::CanClaim(const Actor& actor, const domain::Volunteer& volunteer) {
  // A closed file claims no more, as it logs no more hours.
  return VolunteerPolicy::CanLogOwnHours(actor, volunteer);
}

bool ExpensePolicy::CanSeeOwn(const Actor& actor, const domain::Volunteer& volunteer,
                              const domain::ExpenseClaim& claim) {
  return VolunteerPolicy::CanSeePortal(actor, volunteer) &&
         claim.organisation_id == volunteer.organisation_id && claim.volunteer_id == volunteer.id;
}

}  // namespace cercle::auth::policies
