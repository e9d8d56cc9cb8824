#pragma once

#include <cstdint>
#include <vector>

#include "auth/actor.hpp"
#include "auth/policies/managed_area.hpp"
#include "base/dates.hpp"
#include "domain/circle_partners.hpp"
#include "domain/circle_record.hpp"
#include "domain/volunteer.hpp"

namespace cercle::auth::policies {

// Who may see and change circles. Coordinators and organisation admins of the circle's organisation
// manage everything in it (each view audited). A volunteer sees, on their phone view, only the
// circles they are or were a member of, and only until the organisation's number of days after the
// circle closed or they left; of the core member they see domain::ProjectForVolunteers only. A
// partner sees the minimal page of the circles an information-sharing agreement in force attaches
// them to, while a sharing consent of the core member covering them is in force. Evaluators see
// nothing of circles.
struct CirclePolicy : ManagedArea<CirclePolicy> {
  // The circle list, new circles, suggestions, partner contacts, and every change to a circle.
  static bool CanManage(const Actor& actor);
  // The organisation's covenant template: its administrators.
  static bool CanEditCovenantTemplate(const Actor& actor);

  // True when the actor may have a circles phone view at all (a volunteer of an organisation).
  static bool MayHaveVolunteerView(const Actor& actor);
  // The phone view of `circle` for the volunteer whose file is `volunteer`, with `stays` their
  // stays in the circle: only the volunteer linked to the file, a member now or before, within the
  // access window on `today`.
  static bool CanVolunteerRead(const Actor& actor, const domain::Volunteer& volunteer,
                               const domain::Circle& circle,
                               const std::vector<domain::CircleMember>& stays, int access_days,
                               CivilDate today);
  // Logging a contact: a current member of a circle that is not closed.
  static bool CanVolunteerAct(const Actor& actor, const domain::Volunteer& volunteer,
                              const domain::Circle& circle,
                              const std::vector<domain::CircleMember>& stays);

  // Writing the minutes of a meeting held on `meeting_day`: the volunteer may read the circle, was
  // a member that day, and their file is open.
  static bool CanVolunteerWriteMinutes(const Actor& actor, const domain::Volunteer& volunteer,
                                       const domain::Circle& circle,
                                       const std::vector<domain::CircleMember>& stays,
                                       int access_days, CivilDate meeting_day, CivilDate today);

  // True when the actor may have the partners' "My circles" pages (a partner of an organisation).
  static bool MayHavePartnerView(const Actor& actor);
  // The minimal page of `circle` for a partner whose contact record (linked to their account) is
  // `contact`: one of `agreements` attaches that contact to that circle and is in force on `today`,
  // and one of `consents` (the circle's core member's) covering that contact is in force on `today`
  // (domain::EffectOn: a withdrawn or expired consent suspends the agreement).
  static bool CanPartnerRead(const Actor& actor, const domain::PartnerContact& contact,
                             const domain::Circle& circle,
                             const std::vector<domain::SharingAgreement>& agreements,
                             const std::vector<domain::Consent>& consents, CivilDate today);
};

}  // namespace cercle::auth::policies
