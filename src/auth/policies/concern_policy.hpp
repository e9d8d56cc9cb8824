#pragma once

#include <cstdint>
#include <vector>

#include "auth/actor.hpp"
#include "auth/policies/managed_area.hpp"
#include "base/dates.hpp"
#include "domain/circle_partners.hpp"
#include "domain/circle_record.hpp"
#include "domain/concern.hpp"
#include "domain/concern_disclosure.hpp"
#include "domain/volunteer.hpp"

namespace cercle::auth::policies {

// Who may raise, see and handle concerns. Coordinators and organisation admins of the concern's
// organisation see and handle everything (register, concern pages with actions and disclosures, the
// on-call rota), each view audited. A volunteer raises concerns only for a circle they are a
// current member of, and sees only the concerns they raised (status and the coordinator's reply,
// never actions or disclosures) while they may still read that circle. A partner sees a concern
// only through the disclosures made to the partner contact linked to their account, and only what
// those disclosures shared. Evaluators and everyone else see nothing of concerns.
struct ConcernPolicy : ManagedArea<ConcernPolicy> {
  // The register, raising from the circle page, and every handling step of a concern.
  static bool CanManage(const Actor& actor);
  // The on-call rota: coordinators and organisation admins.
  static bool CanSetOnCall(const Actor& actor) { return CanManage(actor); }

  // True when the actor may raise or follow concerns as a volunteer at all.
  static bool MayHaveVolunteerView(const Actor& actor);
  // Raising a concern about `circle` as the volunteer whose file is `volunteer`, with `stays` their
  // stays in the circle: a current member of a circle that is not closed, with an open file.
  static bool CanVolunteerRaise(const Actor& actor, const domain::Volunteer& volunteer,
                                const domain::Circle& circle,
                                const std::vector<domain::CircleMember>& stays);
  // The volunteer's view of `concern`: they raised it, and may still read its circle
  // (`may_read_circle`, from CirclePolicy::CanVolunteerRead).
  static bool CanVolunteerRead(const Actor& actor, const domain::Concern& concern,
                               bool may_read_circle);

  // True when the actor may have the partner's view of concerns (a partner of an organisation).
  static bool MayHavePartnerView(const Actor& actor);
  // The partner's view of a concern through `disclosures` (those of the concern): the partner
  // contact `contact` is linked to the actor's account, and at least one disclosure was made to it.
  static bool CanPartnerRead(const Actor& actor, const domain::PartnerContact& contact,
                             const std::vector<domain::Disclosure>& disclosures);
};

}  // namespace cercle::auth::policies
