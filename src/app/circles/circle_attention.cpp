#include "app/circles/circle_attention.hpp"

#include <set>

#include "auth/policies/circle_policy.hpp"
#include "store/circle_contact_store.hpp"
#include "store/circle_review_store.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"

namespace cercle::app::circles {
namespace {

// Each circle's "Cercle A (Marcel)": its code name and its core member's name.
std::map<std::int64_t, std::string> CircleNames(const store::Unit& unit,
                                                const std::vector<domain::Circle>& circles) {
  // The core members of the circles only, not every file.
  std::vector<std::int64_t> core_member_ids;
  for (const auto& circle : circles) core_member_ids.push_back(circle.core_member_id);
  std::map<std::int64_t, std::string> core_members;
  for (const auto& core_member :
       store::CoreMemberStore(unit.session()).FindMany(core_member_ids, unit.organisation_id())) {
    core_members[core_member.id] = core_member.name_used();
  }
  std::map<std::int64_t, std::string> names;
  for (const auto& circle : circles) {
    const auto name = core_members.find(circle.core_member_id);
    names[circle.id] =
        circle.code_name + (name == core_members.end() ? "" : " (" + name->second + ")");
  }
  return names;
}

}  // namespace

OrganisationActivity LoadActivity(const Services& services, const auth::Actor& actor) {
  if (!auth::policies::CirclePolicy::CanManage(actor) || !actor.organisation_id) return {};
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    const std::int64_t organisation = unit.organisation_id();
    store::CircleStore circles(unit.session());
    // The open circles for the flags, and the closed ones whose written minutes still wait for
    // acknowledgement: never the closed circles of past years, which grow with history.
    auto listed = circles.List(organisation, store::IncludeClosed::kNo);
    std::set<std::int64_t> open;
    for (const auto& circle : listed) open.insert(circle.id);
    std::vector<std::int64_t> closed;
    for (const auto id :
         store::MeetingStore(unit.session()).CirclesWithUnacknowledgedMinutes(organisation)) {
      if (!open.contains(id)) closed.push_back(id);
    }
    for (auto& circle : circles.FindMany(closed, organisation)) listed.push_back(std::move(circle));
    auto activity = LoadActivityOf(unit, listed);
    activity.names = CircleNames(unit, listed);
    return activity;
  });
}

OrganisationActivity LoadActivityOf(const store::Unit& unit,
                                    const std::vector<domain::Circle>& circles) {
  const std::int64_t organisation = unit.organisation_id();
  OrganisationActivity activity;
  activity.settings = LoadCircleSettings(unit);
  std::vector<std::int64_t> ids;
  for (const auto& circle : circles) {
    if (circle.closed()) continue;
    activity.circles.push_back(circle);
    ids.push_back(circle.id);
  }
  // Closed circles' written minutes still wait for acknowledgement.
  std::vector<std::int64_t> every_id;
  for (const auto& circle : circles) every_id.push_back(circle.id);
  store::MeetingStore meetings(unit.session());
  activity.last_meetings = meetings.LastHeldMeetings(ids, organisation, unit.now());
  activity.awaiting = meetings.AwaitingMinutesOrAcknowledgement(every_id, organisation, unit.now());
  activity.last_contacts =
      store::CircleContactStore(unit.session()).LastContacts(ids, organisation);
  activity.reviews = store::CircleReviewStore(unit.session()).ByCircle(ids, organisation);
  return activity;
}

std::map<std::int64_t, std::vector<domain::CircleFlag>> FlagsByCircle(
    const Services& services, const OrganisationActivity& activity) {
  std::map<std::int64_t, std::vector<domain::CircleFlag>> flags;
  const auto today = services.Today();
  const Instant now = services.clock.Now();
  const domain::FlagSettings settings{activity.settings.review_months,
                                      activity.settings.contact_days};
  static const std::vector<domain::CircleReview> kNoReviews;
  for (const auto& circle : activity.circles) {
    std::optional<CivilDate> last_meeting, last_contact;
    if (const auto found = activity.last_meetings.find(circle.id);
        found != activity.last_meetings.end()) {
      last_meeting = services.translator.LocalDate(found->second);
    }
    if (const auto found = activity.last_contacts.find(circle.id);
        found != activity.last_contacts.end()) {
      last_contact = found->second;
    }
    const auto reviews = activity.reviews.find(circle.id);
    for (auto& flag : domain::CircleFlags(
             circle, last_meeting, last_contact,
             reviews == activity.reviews.end() ? kNoReviews : reviews->second, settings, today)) {
      flags[circle.id].push_back(flag);
    }
  }
  for (const auto& record : activity.awaiting) {
    const domain::Minutes* minutes = record.minutes ? &*record.minutes : nullptr;
    if (auto flag = domain::MinutesFlag(
            record.meeting, minutes, services.translator.LocalDate(record.meeting.starts), now)) {
      flags[record.meeting.circle_id].push_back(*flag);
    }
  }
  return flags;
}

}  // namespace cercle::app::circles
