#include "domain/circle_next_step.hpp"

#include "domain/circle.hpp"

namespace cercle::domain {
namespace {

NextStep FormingStep(const CircleState& state) {
  if (state.member_count < state.minimum) {
    return {NextStepKind::kProposeVolunteers, state.minimum - state.member_count, std::nullopt};
  }
  if (!state.has_covenant || state.unsigned_count > 0) {
    return {NextStepKind::kSignCovenant, state.unsigned_count, std::nullopt};
  }
  return {NextStepKind::kStart, 0, std::nullopt};
}

}  // namespace

NextStep NextStepOf(const CircleState& state, CivilDate today) {
  if (state.phase == CirclePhase::kClosed) return {NextStepKind::kClosed, 0, std::nullopt};
  if (state.phase == CirclePhase::kForming) return FormingStep(state);
  if (state.phase == CirclePhase::kSuspended) return {NextStepKind::kResume, 0, std::nullopt};
  if (state.schedule) {
    // The renewal decides the circle's year, and a renewal counts as a review: it comes first.
    if (state.schedule->next_renewal && *state.schedule->next_renewal <= today) {
      return {NextStepKind::kRecordRenewal, 0, state.schedule->next_renewal};
    }
    if (state.schedule->next_review <= today) {
      return {NextStepKind::kRecordReview, 0, state.schedule->next_review};
    }
  }
  if (IsActivePhase(state.phase) && state.planned_meetings == 0) {
    return {NextStepKind::kPlanMeetings, 0, std::nullopt};
  }
  return {NextStepKind::kNothingDue, 0, std::nullopt};
}

}  // namespace cercle::domain
