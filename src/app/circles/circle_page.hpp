#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/circles/circle_meetings.hpp"
#include "app/circles/circles.hpp"
#include "app/paging.hpp"
#include "app/services.hpp"
#include "audit/audit_log.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/circle_contacts.hpp"
#include "domain/circle_covenant.hpp"
#include "domain/circle_next_step.hpp"
#include "domain/circle_partners.hpp"
#include "domain/circle_record.hpp"
#include "domain/circle_reviews.hpp"
#include "domain/core_member.hpp"
#include "domain/volunteer.hpp"
#include "store/meeting_store.hpp"

// The coordinators' circle page as typed data: the circle with its members, phases, covenant,
// meetings, contacts, reviews and outer circle, read in one transaction in a fixed number of
// queries whatever the size of the circle, and who viewed it.
namespace cercle::app::circles {

// A meeting with its minutes, when they are written.
using MeetingRecord = store::MeetingRecord;

// How many held meetings the page lists unless asked for every one.
inline constexpr std::size_t kRecentMeetings = 12;
// How many contacts a page of them holds.
inline constexpr std::int64_t kContactsPageSize = 24;

// Whether the page lists every held meeting (a page at a time) or only the recent ones.
enum class AllMeetings { kNo, kYes };

// What the circle page asks for besides the circle.
struct CirclePageOptions {
  AllMeetings all_meetings = AllMeetings::kNo;
  // The page of held meetings (with AllMeetings::kYes) and the page of contacts.
  PageRequest meetings_page;
  PageRequest contacts_page{1, kContactsPageSize};
  // The page itself records "circle.view"; the page shown again with a refused form does not.
  ViewAudit audit = ViewAudit::kRecord;
};

// Everything the circle page shows.
struct CirclePage {
  domain::Circle circle;
  CircleSettings settings;
  Instant now;
  CivilDate today;
  std::optional<domain::CoreMember> core_member;
  std::vector<domain::CircleMember> members;  // every stay, current and past
  // The names of every volunteer of the organisation ("First Last"), closed files included.
  std::map<std::int64_t, std::string> volunteer_names;
  // Who could join or replace a member: approved and active volunteers not in the circle now
  // (the volunteer gate decides when they are chosen).
  std::vector<domain::Volunteer> candidates;
  std::vector<domain::PhaseChange> phases;        // oldest first
  std::vector<domain::CovenantVersion> versions;  // oldest first; the last is current
  std::vector<domain::CovenantSignature> signatures;
  // The meetings still planned, and one page of the others (held, cancelled, with minutes), latest
  // first: kRecentMeetings + 1 of them (one more tells that there are more), or the page asked for
  // among `past_total` with AllMeetings::kYes.
  std::vector<MeetingRecord> planned;
  std::vector<MeetingRecord> past;
  // The organisation's active venues, which the planning form offers, by name.
  std::vector<domain::Venue> venues;
  AllMeetings all_meetings = AllMeetings::kNo;
  std::int64_t past_total = 0;
  // The meetings held in the last 90 days or so (those that could have decided a phase change),
  // latest first; those whose minutes are missing or not acknowledged; the latest held one.
  std::vector<MeetingRecord> recent_held;
  std::vector<MeetingRecord> unsettled;
  std::optional<Instant> last_held;
  // One page of the contacts, newest first, among `contact_total`, and the day of the latest.
  std::vector<domain::CircleContact> contacts;
  std::int64_t contact_total = 0;
  std::optional<CivilDate> last_contact;
  std::vector<domain::CircleReview> reviews;
  std::vector<domain::SharingAgreement> agreements;
  // Each agreement's effect today (by agreement id): in effect, suspended for want of a consent of
  // the core member in force (with the reason), or not in force.
  std::map<std::int64_t, domain::AgreementEffect> effects;
  std::vector<domain::PartnerContact> partners;    // the organisation's contacts, by name
  std::map<std::int64_t, std::string> user_names;  // the organisation's users, by id
  std::vector<audit::Entry> viewers;               // the latest views of the circle, newest first
  // What the circle needs next (domain::NextStepOf on what the page read), which the page leads
  // with.
  domain::NextStep next_step;
};

// The state of the circle on `page` that its next step is computed from: its current members, the
// signatures still missing on its current covenant, its planned meetings and its reviews.
domain::CircleState CircleStateOf(const CirclePage& page);

// The page of circle `circle_id`, audited "circle.view" (with ViewAudit::kRecord); NotFound when
// the actor may not manage it (missing, another organisation's, or refused by the policy).
Result<CirclePage> LoadCirclePage(const Services& services, const auth::Actor& actor,
                                  std::int64_t circle_id, const CirclePageOptions& options = {});

}  // namespace cercle::app::circles
