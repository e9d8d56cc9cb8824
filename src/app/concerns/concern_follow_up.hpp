#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/concerns/concern_common.hpp"
#include "domain/circle_plan.hpp"

// What people outside the staff see of concerns. A volunteer sees the concerns they raised, with
// their status and the coordinator's reply (never the actions, the alerts or the disclosures),
// while they may still read the circle. A partner sees only the disclosures made to the partner
// contact linked to their account, and only what each one shared. Anything else answers NotFound.
namespace cercle::app::concerns {

// One page of the concerns the volunteer raised.
struct OwnConcernsPage {
  std::int64_t total = 0;
  std::vector<ConcernRow> rows;
};

// The concerns the actor raised as a volunteer, about circles they may still read, newest first;
// NotFound for an actor without a volunteer file linked to their account.
Result<OwnConcernsPage> LoadOwnConcerns(const Services& services, const auth::Actor& actor,
                                        const PageChoice& page);

// A concern a volunteer raised, with the warning signs of the circle plan it cites (what the plan
// says to do and who is called).
struct OwnConcern : ConcernRow {
  std::vector<domain::WarningSign> signs;
};

// One concern the actor raised as a volunteer (audited "concern.volunteer_view").
Result<OwnConcern> LoadOwnConcern(const Services& services, const auth::Actor& actor,
                                  std::int64_t concern_id);

// The concerns disclosed to the partner contact linked to the actor's account: one row per
// concern, its latest disclosure to them, newest first. A disclosure that rested on the core
// member's consent (made on it, or under an agreement) shows only while a consent covering the
// partner is in force (domain::PartnerMayStillRead). Empty when no contact is linked; NotFound
// for an actor without the partner's view.
Result<std::vector<DisclosureRow>> LoadDisclosedConcerns(const Services& services,
                                                         const auth::Actor& actor);

// What was disclosed to the actor's partner contact about one concern.
struct DisclosedConcernPage {
  std::string code_name;
  std::vector<DisclosureRow> disclosures;  // only those made to this partner, oldest first
};

// The partner's view of concern `concern_id` (audited "concern.partner_view"), with the same
// disclosures left out; NotFound when none is left.
Result<DisclosedConcernPage> LoadDisclosedConcern(const Services& services,
                                                  const auth::Actor& actor,
                                                  std::int64_t concern_id);

}  // namespace cercle::app::concerns
