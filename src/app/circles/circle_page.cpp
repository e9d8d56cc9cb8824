#include "app/circles/circle_page.hpp"

#include <chrono>
#include <set>

#include "app/record_views.hpp"
#include "domain/circle_formation.hpp"
#include "store/circle_contact_store.hpp"
#include "store/circle_review_store.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/partner_store.hpp"
#include "store/user_store.hpp"
#include "store/venue_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::circles {
namespace {

// How far back the meetings that could have decided a phase change are read: the 90 days the form
// offers, and two more so that no time zone cuts one off (the page checks the days itself).
constexpr auto kPhaseMeetingWindow = std::chrono::days(92);
// The views of the circle the page lists.
constexpr int kViewersShown = 30;

// The circle's members, covenant and phases, and the volunteers who could join it.
void ReadCircleRecord(const store::Unit& unit, CirclePage& page) {
  const std::int64_t organisation = unit.organisation_id();
  const std::int64_t id = page.circle.id;
  page.settings = LoadCircleSettings(unit);
  page.core_member =
      store::CoreMemberStore(unit.session()).Find(page.circle.core_member_id, organisation);
  store::CircleStore circles(unit.session());
  page.members = circles.Members(id, organisation);
  page.phases = circles.PhaseChanges(id, organisation);
  page.versions = circles.CovenantVersions(id, organisation);
  page.signatures = circles.Signatures(id, organisation);
  std::set<std::int64_t> current;
  for (const auto& member : page.members) {
    if (member.current()) current.insert(member.volunteer_id);
  }
  store::VolunteerFilter every;
  every.include_closed = true;
  for (auto& volunteer : store::VolunteerStore(unit.session()).List(organisation, every)) {
    page.volunteer_names[volunteer.id] = volunteer.FullName();
    const bool available = volunteer.stage == domain::VolunteerStage::kApproved ||
                           volunteer.stage == domain::VolunteerStage::kActive;
    if (available && !current.contains(volunteer.id)) {
      page.candidates.push_back(std::move(volunteer));
    }
  }
}

// The circle's meetings: planned, one page of the others, the recent held ones, the unsettled ones.
void ReadMeetings(const store::Unit& unit, const CirclePageOptions& options, CirclePage& page) {
  const std::int64_t organisation = unit.organisation_id();
  const std::int64_t id = page.circle.id;
  const Instant now = page.now;
  store::MeetingStore meetings(unit.session());
  page.planned = meetings.PlannedOfCircle(id, organisation, now);
  page.venues = store::VenueStore(unit.session()).List(organisation, store::IncludeArchived::kNo);
  page.all_meetings = options.all_meetings;
  if (options.all_meetings == AllMeetings::kYes) {
    page.past_total = meetings.CountPastOfCircle(id, organisation, now);
    page.past = meetings.PastOfCircle(id, organisation, now,
                                      SliceOf(options.meetings_page, page.past_total));
  } else {
    // One row more than shown tells whether there are more.
    page.past = meetings.PastOfCircle(id, organisation, now,
                                      {static_cast<std::int64_t>(kRecentMeetings) + 1, 0});
  }
  page.recent_held = meetings.HeldOfCircleSince(id, organisation, now - kPhaseMeetingWindow, now);
  page.unsettled = meetings.UnsettledOfCircle(id, organisation, now);
  page.last_held = meetings.LastHeldOfCircle(id, organisation, now);
}

// The circle's contacts, reviews and outer circle, and the organisation's users.
void ReadSurroundings(const store::Unit& unit, const CirclePageOptions& options, CirclePage& page) {
  const std::int64_t organisation = unit.organisation_id();
  const std::int64_t id = page.circle.id;
  store::CircleContactStore contacts(unit.session());
  page.contact_total = contacts.CountOfCircle(id, organisation);
  page.contacts =
      contacts.OfCircle(id, organisation, SliceOf(options.contacts_page, page.contact_total));
  page.last_contact = contacts.LastContactOfCircle(id, organisation);
  page.reviews = store::CircleReviewStore(unit.session()).OfCircle(id, organisation);
  store::PartnerStore partners(unit.session());
  page.agreements = partners.AgreementsOfCircle(id, organisation);
  page.partners = partners.List(organisation);
  // Each agreement's effect today: the core member's consent decides whether it gives access.
  const auto consents =
      store::CoreMemberStore(unit.session()).Consents(page.circle.core_member_id, organisation);
  for (const auto& agreement : page.agreements) {
    for (const auto& contact : page.partners) {
      if (contact.id == agreement.partner_contact_id) {
        page.effects[agreement.id] = domain::EffectOn(agreement, contact, consents, page.today);
      }
    }
  }
  for (const auto& user : store::UserStore(unit.session()).ListOrganisation(organisation)) {
    page.user_names[user.id] = user.display_name;
  }
}

// Who viewed circle `circle_id` lately, newest first.
std::vector<audit::Entry> Viewers(const Services& services, const auth::Actor& actor,
                                  std::int64_t circle_id) {
  std::vector<audit::Entry> viewers;
  for (auto& entry : LatestEntriesAbout(services, actor.organisation_id.value_or(0), "circle.",
                                        "circle", circle_id, kViewersShown)) {
    if (entry.event.action == "circle.view") viewers.push_back(std::move(entry));
  }
  return viewers;
}

}  // namespace

domain::CircleState CircleStateOf(const CirclePage& page) {
  domain::CircleState state;
  state.phase = page.circle.phase;
  state.member_count = domain::CurrentMemberCount(page.members);
  state.minimum = page.settings.minimum;
  state.has_covenant = !page.versions.empty();
  if (state.has_covenant) {
    const auto missing = domain::SignaturesOf(page.versions.back().id, page.signatures,
                                              page.members, page.volunteer_names);
    state.unsigned_count =
        static_cast<int>(missing.unsigned_volunteers.size()) + (missing.core_member_signed ? 0 : 1);
  }
  state.planned_meetings = static_cast<int>(page.planned.size());
  if (page.circle.started_on) {
    state.schedule =
        domain::ScheduleOf(*page.circle.started_on, page.reviews, page.settings.review_months);
  }
  return state;
}

Result<CirclePage> LoadCirclePage(const Services& services, const auth::Actor& actor,
                                  std::int64_t circle_id, const CirclePageOptions& options) {
  const auto circle = TRY(LoadManagedCircle(services, actor, circle_id));
  if (options.audit == ViewAudit::kRecord) {
    AuditView(services, actor, {"circle.view", "circle", std::to_string(circle.id)});
  }
  const CivilDate today = services.Today();
  // A read may be retried: each attempt fills a page of its own.
  auto page = Read(services, actor.scope(), [&](store::Unit& unit) {
    CirclePage loaded;
    loaded.circle = circle;
    loaded.today = today;
    loaded.now = unit.now();
    ReadCircleRecord(unit, loaded);
    ReadMeetings(unit, options, loaded);
    ReadSurroundings(unit, options, loaded);
    return loaded;
  });
  page.viewers = Viewers(services, actor, page.circle.id);
  page.next_step = domain::NextStepOf(CircleStateOf(page), page.today);
  return page;
}

}  // namespace cercle::app::circles
