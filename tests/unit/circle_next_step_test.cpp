#include "domain/circle_next_step.hpp"

#include <gtest/gtest.h>

#include "domain/circle.hpp"

namespace cercle::domain {
namespace {

CivilDate D(const char* iso) { return *ParseIsoDate(iso); }

const CivilDate kToday = D("2026-12-06");

// A started circle whose next review and renewal are months away, with one meeting planned.
CircleState Meeting(CirclePhase phase) {
  CircleState state;
  state.phase = phase;
  state.member_count = 3;
  state.has_covenant = true;
  state.planned_meetings = 1;
  state.schedule = ReviewSchedule{D("2027-02-01"), D("2027-09-01")};
  return state;
}

TEST(CircleNextStep, AFormingCircleNeedsItsVolunteersFirst) {
  CircleState state{.phase = CirclePhase::kForming, .member_count = 1, .minimum = 3};
  const auto step = NextStepOf(state, kToday);
  EXPECT_EQ(step.kind, NextStepKind::kProposeVolunteers);
  EXPECT_EQ(step.count, 2) << "two volunteers are missing";
}

TEST(CircleNextStep, AFormingCircleWithItsVolunteersNeedsEverySignature) {
  CircleState state{.phase = CirclePhase::kForming,
                    .member_count = 3,
                    .minimum = 3,
                    .has_covenant = true,
                    .unsigned_count = 4};
  auto step = NextStepOf(state, kToday);
  EXPECT_EQ(step.kind, NextStepKind::kSignCovenant);
  EXPECT_EQ(step.count, 4);
  state.unsigned_count = 0;
  state.has_covenant = false;
  EXPECT_EQ(NextStepOf(state, kToday).kind, NextStepKind::kSignCovenant)
      << "no covenant: nothing can be signed yet, and the circle cannot start";
}

TEST(CircleNextStep, AFormingCircleSignedByEveryoneStarts) {
  CircleState state{
      .phase = CirclePhase::kForming, .member_count = 4, .minimum = 3, .has_covenant = true};
  EXPECT_EQ(NextStepOf(state, kToday).kind, NextStepKind::kStart);
}

TEST(CircleNextStep, EveryMeetingPhaseWithoutAPlannedMeetingPlansOne) {
  for (const auto phase : {CirclePhase::kPreRelease, CirclePhase::kIntensive, CirclePhase::kWeekly,
                           CirclePhase::kBiweekly, CirclePhase::kMonthly, CirclePhase::kInformal}) {
    auto state = Meeting(phase);
    EXPECT_EQ(NextStepOf(state, kToday).kind, NextStepKind::kNothingDue) << NameOf(phase);
    state.planned_meetings = 0;
    EXPECT_EQ(NextStepOf(state, kToday).kind, NextStepKind::kPlanMeetings) << NameOf(phase);
  }
}

TEST(CircleNextStep, ADueReviewComesBeforePlanning) {
  auto state = Meeting(CirclePhase::kWeekly);
  state.planned_meetings = 0;
  state.schedule->next_review = kToday;
  const auto step = NextStepOf(state, kToday);
  EXPECT_EQ(step.kind, NextStepKind::kRecordReview);
  EXPECT_EQ(step.due, kToday);
  state.schedule->next_review = AddDays(kToday, 1);
  EXPECT_EQ(NextStepOf(state, kToday).kind, NextStepKind::kPlanMeetings) << "due tomorrow only";
}

TEST(CircleNextStep, ADueRenewalComesBeforeTheReview) {
  auto state = Meeting(CirclePhase::kMonthly);
  state.schedule = ReviewSchedule{D("2026-11-01"), D("2026-11-15")};
  const auto step = NextStepOf(state, kToday);
  EXPECT_EQ(step.kind, NextStepKind::kRecordRenewal);
  EXPECT_EQ(step.due, D("2026-11-15"));
  state.schedule->next_renewal.reset();  // the renewal decided that the circle closes
  EXPECT_EQ(NextStepOf(state, kToday).kind, NextStepKind::kRecordReview);
}

TEST(CircleNextStep, ASuspendedCircleDecidesWhetherItResumes) {
  auto state = Meeting(CirclePhase::kSuspended);
  state.planned_meetings = 0;
  EXPECT_EQ(NextStepOf(state, kToday).kind, NextStepKind::kResume);
}

TEST(CircleNextStep, AClosedCircleHasNoStepLeft) {
  auto state = Meeting(CirclePhase::kClosed);
  state.planned_meetings = 0;
  state.schedule->next_review = D("2026-01-01");
  EXPECT_EQ(NextStepOf(state, kToday).kind, NextStepKind::kClosed);
}

TEST(CircleNextStep, EveryPhaseHasAStepWithALabel) {
  for (const auto phase : EnumValues<CirclePhase>()) {
    const auto step = NextStepOf(Meeting(phase), kToday);
    EXPECT_FALSE(std::string_view(LabelOf(step.kind)).empty()) << NameOf(phase);
  }
}

}  // namespace
}  // namespace cercle::domain
