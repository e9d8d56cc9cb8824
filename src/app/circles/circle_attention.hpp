#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/circles/circles.hpp"
#include "app/services.hpp"
#include "auth/actor.hpp"
#include "domain/circle_flags.hpp"
#include "domain/circle_reviews.hpp"
#include "store/meeting_store.hpp"
#include "store/unit.hpp"

// What the circles' flags need (circles without a meeting for longer than their phase allows,
// minutes past 48 hours or waiting to be acknowledged, reviews and renewals due within 30 days,
// circles without contact for N days), for the coordinator's home page and the circle list.
namespace cercle::app::circles {

// What the flags of an organisation's open circles need, read in a few queries whatever the number
// of circles.
struct OrganisationActivity {
  std::vector<domain::Circle> circles;        // the open ones
  std::map<std::int64_t, std::string> names;  // each circle's "Cercle A (Marcel)"
  std::map<std::int64_t, Instant> last_meetings;
  std::map<std::int64_t, CivilDate> last_contacts;
  std::map<std::int64_t, std::vector<domain::CircleReview>> reviews;
  // Held meetings whose minutes are missing or unacknowledged.
  std::vector<store::MeetingRecord> awaiting;
  CircleSettings settings;
};

// The activity of the actor's organisation (nothing for an actor who may not manage circles).
OrganisationActivity LoadActivity(const Services& services, const auth::Actor& actor);

// The activity of `circles` only (a page of the circle list), read in `unit`: their flags, without
// the names (the list names each circle itself).
OrganisationActivity LoadActivityOf(const store::Unit& unit,
                                    const std::vector<domain::Circle>& circles);

// Every flag of the organisation's circles on today, by circle.
std::map<std::int64_t, std::vector<domain::CircleFlag>> FlagsByCircle(
    const Services& services, const OrganisationActivity& activity);

}  // namespace cercle::app::circles
