#include "app/home/landing.hpp"

#include "auth/policies/circle_policy.hpp"
#include "auth/policies/report_policy.hpp"
#include "auth/policies/volunteer_policy.hpp"

namespace cercle::app::home {

Landing LandingOf(const auth::Actor& actor) {
  using namespace auth::policies;
  if (!actor.signed_in() || actor.roles.List().size() != 1) return Landing::kHome;
  if (actor.Has(domain::Role::kVolunteer) && actor.has_volunteer_file &&
      VolunteerPolicy::MayHavePortal(actor))
    return Landing::kPortal;
  if (actor.Has(domain::Role::kPartner) && CirclePolicy::MayHavePartnerView(actor))
    return Landing::kMyCircles;
  if (actor.Has(domain::Role::kEvaluator) && ReportPolicy::CanExtractForEvaluation(actor))
    return Landing::kEvaluation;
  return Landing::kHome;
}

}  // namespace cercle::app::home
