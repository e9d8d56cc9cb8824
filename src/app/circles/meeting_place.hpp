#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/circle_record.hpp"
#include "domain/venues.hpp"
#include "store/unit.hpp"

// Where a planned meeting is held and whether that clashes with the core member's conditions:
// what planning a circle's meetings (app::circles::PlanMeetings) and an emergency meeting raised
// from a concern (app::concerns::PlanEmergencyMeeting) share, in their transactions.
namespace cercle::app::circles {

// A coordinator's choice to plan despite clashes with the core member's conditions, and why.
struct ClashOverrideRequest {
  bool override_clashes = false;
  std::string reason;
};

// The venue of `plan` when it is held in person (one of the organisation's active venues, else a
// field error "venue"), with the plan's place set to its name; none by telephone or video, whose
// place is the mode's stored name (the column requires a text; pages show the mode's label).
Result<std::optional<domain::Venue>> PlaceOf(const store::Unit& unit, const domain::Circle& circle,
                                             domain::MeetingPlan& plan);

// The reason the meetings of `plan` at `venue` on `dates` are planned despite clashes with the
// core member's conditions in force those days (domain::ClashesWith): none when nothing clashes.
// Each clash is a field error naming its condition ("venue", or "mode" for a video meeting),
// unless the actor may override (auth::policies::VenuePolicy, else Forbidden) and `request`
// overrides with a reason (domain::CheckClashOverride, field "override_reason").
Result<std::optional<std::string>> ClashOverride(const store::Unit& unit, const auth::Actor& actor,
                                                 const domain::Circle& circle,
                                                 const domain::MeetingPlan& plan,
                                                 const domain::Venue* venue,
                                                 const std::vector<CivilDate>& dates,
                                                 const ClashOverrideRequest& request);

// Stores `meeting`, planned by the actor now with the override `reason` when there is one, which
// is then audited "circle.meeting_clash_override". Returns the meeting's id.
std::int64_t InsertPlannedMeeting(const Services& services, const store::Unit& unit,
                                  const auth::Actor& actor, domain::Meeting meeting,
                                  const std::optional<std::string>& reason);

}  // namespace cercle::app::circles
