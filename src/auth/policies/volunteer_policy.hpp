#pragma once

#include "auth/actor.hpp"
#include "domain/volunteer.hpp"

namespace cercle::auth::policies {

// Who may see and change volunteers' files. Coordinators and organisation admins see and change
// every volunteer of their organisation (each view audited). A volunteer sees only their own
// portal: their profile, training, hours and the status of their screening items, never refusal
// reasons, coordinators' notes or supervision notes. Partners and evaluators see nothing of
// volunteers.
struct VolunteerPolicy {
  // The volunteer list, new files, training sessions, hours approval and funders' totals.
  static bool CanManage(const Actor& actor);
  // One volunteer's file, with notes, supervision and screening results, and every change to it.
  static bool CanView(const Actor& actor, const domain::Volunteer& volunteer);
  static bool CanChange(const Actor& actor, const domain::Volunteer& volunteer) {
    return CanView(actor, volunteer);
  }
  // The organisation's screening item types and training modules: its administrators.
  static bool CanConfigure(const Actor& actor);
  // True when the actor may have a portal at all (a volunteer of an organisation); the portal needs
  // a file linked to their account as well.
  static bool MayHavePortal(const Actor& actor);
  // The volunteer's own portal, and the hours they log there: only the volunteer linked to
  // `volunteer`.
  static bool CanSeePortal(const Actor& actor, const domain::Volunteer& volunteer);
  static bool CanLogOwnHours(const Actor& actor, const domain::Volunteer& volunteer);
};

}  // namespace cercle::auth::policies
