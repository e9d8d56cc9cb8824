#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/circle_record.hpp"
#include "domain/volunteer.hpp"
#include "store/unit.hpp"

// The circle a volunteer reads on their portal: the phone view of the circle, its meetings and its
// plan all find it here, so that one rule (auth::policies::CirclePolicy::CanVolunteerRead) decides.
namespace cercle::app::circles {

// The actor's own volunteer file, when they may have the circles' phone view.
std::optional<domain::Volunteer> FindOwnVolunteer(const store::Unit& unit,
                                                  const auth::Actor& actor);

// A circle the volunteer may read, with their stays in it and the access delay.
struct OwnCircle {
  domain::Volunteer volunteer;
  domain::Circle circle;
  std::vector<domain::CircleMember> stays;
  int access_days = 0;
};

// Circle `circle_id` when the actor's own file may read it on `services.Today()`; NotFound
// otherwise (no file, no such circle, never a member, or the access window over).
Result<OwnCircle> FindOwnCircle(const Services& services, const store::Unit& unit,
                                const auth::Actor& actor, std::int64_t circle_id);

}  // namespace cercle::app::circles
