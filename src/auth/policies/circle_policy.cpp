#include "auth/policies/circle_policy.hpp"

#include <algorithm>

namespace cercle::auth::policies {

bool CirclePolicy::CanManage(const Actor& actor) { return actor.IsStaff(); }

bool CirclePolicy::CanEditCovenantTemplate(const Actor& actor) {
  return actor.ActsAs({domain::Role::kOrganisationAdmin});
}

bool CirclePolicy::MayHaveVolunteerView(const Actor& actor) {
  return actor.ActsAs({domain::Role::kVolunteer});
}

bool CirclePolicy::CanVolunteerRead(const Actor& actor, const domain::Volunteer& volunteer,
                                    const domain::Circle& circle,
                                    const std::vector<domain::CircleMember>& stays, int access_days,
                                    CivilDate today) {
  if (!MayHaveVolunteerView(actor) || !actor.InOrganisation(volunteer.organisation_id) ||
      volunteer.user_id != actor.user_id || circle.organisation_id != volunteer.organisation_id) {
    return false;
  }
  return std::any_of(stays.begin(), stays.end(), [&](const domain::CircleMember& stay) {
    return stay.volunteer_id == volunteer.id && stay.circle_id == circle.id &&
           domain::VolunteerMayRead(circle, stay, access_days, today);
  });
}

bool CirclePolicy::CanVolunteerAct(const Actor& actor, const domain::Volunteer& volunteer,
                                   const domain::Circle& circle,
                                   const std::vector<domain::CircleMember>& stays) {
  if (!MayHaveVolunteerView(actor) || !actor.InOrganisation(volunteer.organisation_id) ||
      volunteer.user_id != actor.user_id || domain::IsClosedStage(volunteer.stage)) {
    return false;
  }
  return std::any_of(stays.begin(), stays.end(), [&](const domain::CircleMember& stay) {
    return stay.volunteer_id == volunteer.id && stay.circle_id == circle.id &&
           domain::VolunteerMayAct(circle, stay);
  });
}

bool CirclePolicy::CanVolunteerWriteMinutes(const Actor& actor, const domain::Volunteer& volunteer,
                                            const domain::Circle& circle,
                                            const std::vector<domain::CircleMember>& stays,
                                            int access_days, CivilDate meeting_day,
                                            CivilDate today) {
  if (!CanVolunteerRead(actor, volunteer, circle, stays, access_days, today) ||
      domain::IsClosedStage(volunteer.stage)) {
    return false;
  }
  return std::any_of(stays.begin(), stays.end(), [&](const domain::CircleMember& stay) {
    return stay.volunteer_id == volunteer.id && stay.circle_id == circle.id &&
           stay.joined_on <= meeting_day && (!stay.left_on || meeting_day <= *stay.left_on);
  });
}

bool CirclePolicy::MayHavePartnerView(const Actor& actor) {
  return actor.ActsAs({domain::Role::kPartner});
}

bool CirclePolicy::CanPartnerRead(const Actor& actor, const domain::PartnerContact& contact,
                                  const domain::Circle& circle,
                                  const std::vector<domain::SharingAgreement>& agreements,
                                  const std::vector<domain::Consent>& consents, CivilDate today) {
  if (!MayHavePartnerView(actor) || !actor.InOrganisation(contact.organisation_id) ||
      contact.user_id != actor.user_id || circle.organisation_id != contact.organisation_id) {
    return false;
  }
  // Only the consents of the circle's own core member speak for him.
  std::vector<domain::Consent> own;
  for (const auto& consent : consents) {
    if (consent.core_member_id == circle.core_member_id &&
        consent.organisation_id == circle.organisation_id) {
      own.push_back(consent);
    }
  }
  return std::any_of(
      agreements.begin(), agreements.end(), [&](const domain::SharingAgreement& agreement) {
        return agreement.partner_contact_id == contact.id && agreement.circle_id == circle.id &&
               domain::EffectOn(agreement, contact, own, today).standing ==
                   domain::AgreementStanding::kInEffect;
      });
}

}  // namespace cercle::auth::policies
