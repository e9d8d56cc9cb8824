#pragma once

#include <array>
#include <vector>

#include "app/services.hpp"
#include "base/result.hpp"
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
