#pragma once

#include "auth/actor.hpp"
#include "domain/expenses.hpp"
#include "domain/volunteer.hpp"

namespace cercle::auth::policies {

// Who may see and handle volunteers' expense claims. Coordinators and organisation admins review
// every claim of their organisation, view receipts (audited), export the approved claims for the
// bookkeeper, mark them paid and set the rate per kilometre. A volunteer files claims and sees
// only their own, with their own receipts. Partners and evaluators see none of it.
struct ExpensePolicy {
  // The queue, reviews, receipts, the export, payment and the mileage rates.
  static bool CanManage(const Actor& actor);
  // Filing a claim on `volunteer`'s own file: only the volunteer linked to it, while it is open.
  static bool CanClaim(const Actor& actor, const domain::Volunteer& volunteer);
  // One claim and its receipt in the portal: only the volunteer who filed it.
  static bool CanSeeOwn(const Actor& actor, const domain::Volunteer& volunteer,
                        const domain::ExpenseClaim& claim);
};

}  // namespace cercle::auth::policies
