#include "auth/policies/volunteer_policy.hpp"

namespace cercle::auth::policies {

bool VolunteerPolicy::CanManage(const Actor& actor) { return actor.IsStaff(); }

bool VolunteerPolicy::CanView(const Actor& actor, const domain::Volunteer& volunteer) {
  return CanManage(actor) && actor.InOrganisation(volunteer.organisation_id);
}

bool VolunteerPolicy::CanConfigure(const Actor& actor) {
  return actor.ActsAs({domain::Role::kOrganisationAdmin});
}

bool VolunteerPolicy::MayHavePortal(const Actor& actor) {
  return actor.ActsAs({domain::Role::kVolunteer});
}

bool VolunteerPolicy::CanSeePortal(const Actor& actor, const domain::Volunteer& volunteer) {
  return MayHavePortal(actor) && actor.InOrganisation(volunteer.organisation_id) &&
         volunteer.user_id == actor.user_id;
}

bool VolunteerPolicy::CanLogOwnHours(const Actor& actor, const domain::Volunteer& volunteer) {
  // A closed file logs no more hours.
  return CanSeePortal(actor, volunteer) && !domain::IsClosedStage(volunteer.stage);
}

}  // namespace cercle::auth::policies
