#include "auth/policies/concern_policy.hpp"

#include <algorithm>

#include "auth/policies/circle_policy.hpp"

namespace cercle::auth::policies {

bool ConcernPolicy::CanManage(const Actor& actor) { return actor.IsStaff(); }

bool ConcernPolicy::MayHaveVolunteerView(const Actor& actor) {
  return actor.ActsAs({domain::Role::kVolunteer});
}

bool ConcernPolicy::CanVolunteerRaise(const Actor& actor, const domain::Volunteer& volunteer,
                                      const domain::Circle& circle,
                                      const std::vector<domain::CircleMember>& stays) {
  return MayHaveVolunteerView(actor) && circle.organisation_id == volunteer.organisation_id &&
         CirclePolicy::CanVolunteerAct(actor, volunteer, circle, stays);
}

bool ConcernPolicy::CanVolunteerRead(const Actor& actor, const domain::Concern& concern,
                                     bool may_read_circle) {
  return MayHaveVolunteerView(actor) && actor.InOrganisation(concern.organisation_id) &&
         concern.raised_by == actor.user_id && concern.raised_by_volunteer.has_value() &&
         may_read_circle;
}

bool ConcernPolicy::MayHavePartnerView(const Actor& actor) {
  return actor.ActsAs({domain::Role::kPartner});
}

bool ConcernPolicy::CanPartnerRead(const Actor& actor, const domain::PartnerContact& contact,
                                   const std::vector<domain::Disclosure>& disclosures) {
  if (!MayHavePartnerView(actor) || !actor.InOrganisation(contact.organisation_id) ||
      contact.user_id != actor.user_id) {
    return false;
  }
  return std::any_of(disclosures.begin(), disclosures.end(),
                     [&](const domain::Disclosure& disclosure) {
                       return disclosure.organisation_id == contact.organisation_id &&
                              disclosure.partner_contact_id == contact.id;
                     });
}

}  // namespace cercle::auth::policies
