#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/clock.hpp"
#include "base/result.hpp"
#include "domain/circle_partners.hpp"
#include "domain/circle_record.hpp"

// The partner's own pages ("My circles"): the circles an information-sharing agreement in force
// attaches their contact record to, while a sharing consent of the core member covering them is in
// force (CirclePolicy::CanPartnerRead), and the minimal page of one. Each view is audited; NotFound
// for an actor who may not have these pages and for any other circle, including one whose
// consent was withdrawn or expired.
namespace cercle::app::circles {

// What a partner reads of a circle: the circle (its code name, phase, whether active) and the day
// of its latest held meeting.
struct PartnerCircle {
  domain::Circle circle;
  std::optional<Instant> last_meeting;
};

// The circles an agreement in effect (in force, its consent too) attaches the partner to, audited
// "circle.partner_list" (on the partner's contact) when there is any; none for a partner without a
// contact record.
Result<std::vector<PartnerCircle>> LoadPartnerCircleList(const Services& services,
                                                         const auth::Actor& actor);

// The minimal page of one circle: the circle, and what its core member consented to share
// (domain::SharingConsents on today).
struct PartnerCirclePage {
  PartnerCircle circle;
  std::vector<domain::ConsentLine> consents;
};
// The page of circle `circle_id`, audited "circle.partner_view".
Result<PartnerCirclePage> LoadPartnerCirclePage(const Services& services, const auth::Actor& actor,
                                                std::int64_t circle_id);

}  // namespace cercle::app::circles
