#pragma once

#include <array>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/circles/circle_attention.hpp"
#include "app/concerns/concern_common.hpp"
#include "app/intake/attention.hpp"
#include "app/privacy/requests.hpp"
#include "app/reports/outcomes.hpp"
#include "app/services.hpp"
#include "app/volunteers/volunteer_attention.hpp"
#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle_flags.hpp"
#include "domain/enum_names.hpp"

// The staff home page's triage: what needs doing, in groups, the most urgent group first. The home
// page shows every group; the weekly digest mails each group's count.
namespace cercle::app::home {

// The groups of the home page, in the order it shows them.
enum class TriageGroup {
  kConcerns,    // concerns to acknowledge, with the time left before escalation
  kMinutes,     // minutes to read, or late
  kLegalDates,  // key dates of the files: release, the end of an order or of a condition
  kVolunteers,  // screening items expiring, supervision due
  kReviews,     // circle reviews and yearly renewals
  kFollowUps,   // follow-ups of concerns and of outcomes, privacy requests' deadlines
};

// How many items one group holds for the actor.
struct TriageCount {
  TriageGroup group = TriageGroup::kConcerns;
  int count = 0;
};

// Each group's count for `actor`, in TriageGroup order, every group present (zero when empty);
// each area asks its own policy what the actor may see.
std::vector<TriageCount> CountTriage(const Services& services, const auth::Actor& actor);

// How pressing an item is, the most pressing first. kAlert: an urgent or emergency concern nobody
// has acknowledged.
enum class TriageUrgency { kAlert, kUrgent, kSoon, kNote };

// A concern nobody has acknowledged, and when its next escalation step is due (none for the
// severities that do not alert, or once every step has fired).
struct ConcernToAcknowledge {
  concerns::ConcernRow row;
  std::optional<Instant> escalates_at;
};

// A flag of a circle (minutes, meetings, contact, reviews and renewal) and the circle's name.
struct CircleItem {
  domain::CircleFlag flag;
  std::string circle_name;
};

// What an item is about, each area's own record of it.
using TriageSubject =
    std::variant<ConcernToAcknowledge, CircleItem, intake::KeyDateItem,
                 volunteers::VolunteerAttention, reports::DueFollowUp, privacy::RegisterEntry>;

// One thing staff should deal with.
struct TriageItem {
  TriageGroup group = TriageGroup::kConcerns;
  TriageUrgency urgency = TriageUrgency::kNote;
  CivilDate date;  // the day it concerns
  TriageSubject subject;
};

// One group of the home page and its items, in the order to deal with them.
struct TriageSection {
  TriageGroup group = TriageGroup::kConcerns;
  std::vector<TriageItem> items;
};

// Every group that holds something for `actor`, the most urgent first (by its most pressing item,
// then in TriageGroup order). Within a group: the most pressing first; concerns oldest first;
// otherwise what has happened before today newest first, then what is coming soonest first. Each
// area asks its own policy what the actor may see: nothing for volunteers and partners.
std::vector<TriageSection> LoadTriage(const Services& services, const auth::Actor& actor);

// Whether `actor` has the triage: coordinators, organisation administrators and the person in
// charge of personal information (volunteers and partners have their own pages).
bool HasTriage(const auth::Actor& actor);

// One group of LoadTriage, all its items, for the page that lists them beyond the home page's
// first ones; audited as a view of the list. Forbidden for an actor without the triage; the group
// with no items when nothing is to be done.
Result<TriageSection> LoadTriageGroup(const Services& services, const auth::Actor& actor,
                                      TriageGroup group);

// Orders the items of one group as LoadTriage does, on `today`.
void SortTriage(std::vector<TriageItem>& items, CivilDate today);

}  // namespace cercle::app::home

namespace cercle::domain {

template <>
struct EnumTable<app::home::TriageGroup> {
  static constexpr std::array<EnumEntry<app::home::TriageGroup>, 6> kEntries{{
      {app::home::TriageGroup::kConcerns, "concerns", N_("Concerns to acknowledge")},
      {app::home::TriageGroup::kMinutes, "minutes", N_("Minutes to read or late")},
      {app::home::TriageGroup::kLegalDates, "legal_dates", N_("Legal dates")},
      {app::home::TriageGroup::kVolunteers, "volunteers", N_("Volunteers")},
      {app::home::TriageGroup::kReviews, "reviews", N_("Reviews and renewals")},
      {app::home::TriageGroup::kFollowUps, "follow_ups", N_("Follow-ups")},
  }};
};

}  // namespace cercle::domain
