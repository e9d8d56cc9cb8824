#include "app/circles/own_circle.hpp"

#include "app/circles/circles.hpp"
#include "auth/policies/circle_policy.hpp"
#include "store/circle_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::circles {

using auth::policies::CirclePolicy;

// The actor's own volunteer file, when they may have the circles' phone view.
std::optional<domain::Volunteer> FindOwnVolunteer(const store::Unit& unit,
                                                  const auth::Actor& actor) {
  if (!CirclePolicy::MayHaveVolunteerView(actor) || !actor.organisation_id) return std::nullopt;
  auto volunteer =
      store::VolunteerStore(unit.session()).FindByUser(actor.user_id, *actor.organisation_id);
  if (!volunteer || volunteer->user_id != actor.user_id) return std::nullopt;
  return volunteer;
}

// Circle `circle_id` when the actor's own file may read it on `services.Today()`; NotFound
// otherwise (no file, no such circle, never a member, or the access window over).
Result<OwnCircle> FindOwnCircle(const Services& services, const store::Unit& unit,
                                const auth::Actor& actor, std::int64_t circle_id) {
  auto volunteer = FindOwnVolunteer(unit, actor);
  if (!volunteer) return Error::NotFound();
  store::CircleStore circles(unit.session());
  auto circle = circles.Find(circle_id, volunteer->organisation_id);
  if (!circle) return Error::NotFound();
  OwnCircle own{
      std::move(*volunteer), std::move(*circle), {}, LoadCircleSettings(unit).access_days};
  for (auto& stay : circles.StaysOf(own.volunteer.id, own.volunteer.organisation_id)) {
    if (stay.circle_id == circle_id) own.stays.push_back(std::move(stay));
  }
  if (!CirclePolicy::CanVolunteerRead(actor, own.volunteer, own.circle, own.stays, own.access_days,
                                      services.Today())) {
    return Error::NotFound();
  }
  return own;
}

}  // namespace cercle::app::circles
