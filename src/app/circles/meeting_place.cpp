#include "app/circles/meeting_place.hpp"

#include <algorithm>

#include "auth/policies/venue_policy.hpp"
#include "domain/legal.hpp"
#include "store/legal_store.hpp"
#include "store/meeting_store.hpp"
#include "store/venue_store.hpp"

namespace cercle::app::circles {

Result<std::optional<domain::Venue>> PlaceOf(const store::Unit& unit, const domain::Circle& circle,
                                             domain::MeetingPlan& plan) {
  if (plan.mode != domain::MeetingMode::kInPerson) {
    plan.venue_id.reset();
    plan.place = std::string(domain::NameOf(plan.mode));
    return std::optional<domain::Venue>();
  }
  if (!plan.venue_id) return Error::Fields({{"venue", {N_("Choose a venue."), {}}}});
  auto venue = store::VenueStore(unit.session()).Find(*plan.venue_id, circle.organisation_id);
  if (!venue || venue->archived()) {
    return Error::Fields({{"venue", {N_("Choose one of the options."), {}}}});
  }
  plan.place = venue->name;
  return venue;
}

Result<std::optional<std::string>> ClashOverride(const store::Unit& unit, const auth::Actor& actor,
                                                 const domain::Circle& circle,
                                                 const domain::MeetingPlan& plan,
                                                 const domain::Venue* venue,
                                                 const std::vector<CivilDate>& dates,
                                                 const ClashOverrideRequest& request) {
  const auto conditions =
      store::LegalStore(unit.session()).Conditions(circle.core_member_id, circle.organisation_id);
  const char* field = plan.mode == domain::MeetingMode::kVideo ? "mode" : "venue";
  std::vector<FieldError> clashes;
  std::vector<std::int64_t> named;
  for (const auto date : dates) {
    for (auto& clash : domain::ClashesWith(venue, plan.mode, conditions, date)) {
      if (std::find(named.begin(), named.end(), clash.condition_id) != named.end()) continue;
      named.push_back(clash.condition_id);
      clashes.push_back({field, std::move(clash.message)});
    }
  }
  if (clashes.empty()) return std::optional<std::string>();
  if (!request.override_clashes) return Error::Fields(std::move(clashes));
  if (!auth::policies::VenuePolicy::CanOverrideClash(actor)) return Error::Forbidden();
  std::string reason = request.reason;
  TRY(domain::CheckClashOverride(reason));
  return std::optional<std::string>(std::move(reason));
}

std::int64_t InsertPlannedMeeting(const Services& services, const store::Unit& unit,
                                  const auth::Actor& actor, domain::Meeting meeting,
                                  const std::optional<std::string>& reason) {
  meeting.created_by = actor.user_id;
  meeting.created_at = unit.now();
  if (reason) {
    meeting.clash_override_reason = *reason;
    meeting.clash_overridden_by = actor.user_id;
  }
  const auto id = store::MeetingStore(unit.session()).Insert(meeting);
  if (reason) {
    Audit(services, unit, actor, {"circle.meeting_clash_override", "meeting", std::to_string(id)});
  }
  return id;
}

}  // namespace cercle::app::circles
