#pragma once

#include <array>
#include <optional>

#include "base/dates.hpp"
#include "domain/circle_enums.hpp"
#include "domain/circle_reviews.hpp"
#include "domain/enum_names.hpp"

// The one thing a circle needs next, which its page leads with: while it forms, its volunteers,
// then every signature of the covenant, then its start; once it meets, a review or renewal that is
// due, then meetings to plan when none is planned. No I/O.
namespace cercle::domain {

// What a circle needs next.
enum class NextStepKind {
  kProposeVolunteers,  // forming, fewer volunteers than the program's minimum
  kSignCovenant,       // forming, someone has not signed the current covenant (or there is none)
  kStart,              // forming, ready for its first active phase
  kRecordRenewal,      // meeting, the yearly renewal decision is due
  kRecordReview,       // meeting, the review is due
  kPlanMeetings,       // meeting, no meeting planned
  kResume,             // suspended: decide whether it meets again
  kNothingDue,         // meeting, with a meeting planned and nothing due
  kClosed,             // closed: nothing more to do
};

template <>
struct EnumTable<NextStepKind> {
  static constexpr std::array<EnumEntry<NextStepKind>, 9> kEntries{{
      {NextStepKind::kProposeVolunteers, "propose_volunteers", N_("Propose volunteers")},
      {NextStepKind::kSignCovenant, "sign_covenant", N_("Record the covenant signatures")},
      {NextStepKind::kStart, "start", N_("Start the circle")},
      {NextStepKind::kRecordRenewal, "record_renewal", N_("Record the renewal decision")},
      {NextStepKind::kRecordReview, "record_review", N_("Record the review")},
      {NextStepKind::kPlanMeetings, "plan_meetings", N_("Plan meetings")},
      {NextStepKind::kResume, "resume", N_("Decide whether the circle resumes")},
      {NextStepKind::kNothingDue, "nothing_due", N_("Nothing due")},
      {NextStepKind::kClosed, "closed", N_("The circle is closed")},
  }};
};

// What the next step is computed from: the circle's state as its page reads it.
struct CircleState {
  CirclePhase phase = CirclePhase::kForming;
  int member_count = 0;  // current members
  int minimum = 3;       // the program's minimum of volunteers ("circle.minimum_volunteers")
  bool has_covenant = false;
  int unsigned_count = 0;  // the core member and current members who have not signed it
  int planned_meetings = 0;
  // The reviews' schedule, for a circle that has started.
  std::optional<ReviewSchedule> schedule;
};

// The next step with what it concerns.
struct NextStep {
  NextStepKind kind = NextStepKind::kNothingDue;
  // How many: the volunteers still missing to reach the minimum, or the signatures still missing.
  int count = 0;
  // When the review or the renewal was due.
  std::optional<CivilDate> due;
};

// The next step of a circle in `state` on `today`, in the order of the steps above: a forming
// circle needs its volunteers, then the signatures, then its start; a meeting circle its due
// renewal, then its due review (due on or before `today`), then meetings when none is planned.
NextStep NextStepOf(const CircleState& state, CivilDate today);

}  // namespace cercle::domain
