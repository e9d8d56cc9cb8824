// The volunteer pipeline: inquiry → orientation → training → screening → approved → active ⇄ on
// leave → exited | not retained, and one step back up to approval. Allowed moves pass; every other
// move is refused, with the field that is wrong. A step forward needs no reason; a step back, going
// on leave and closing a file do.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/volunteer.hpp"

namespace cercle::domain {
namespace {

using namespace std::chrono;
using enum VolunteerStage;

constexpr CivilDate kToday{year{2026}, month{11}, day{30}};

StageMove Move(VolunteerStage from, VolunteerStage to, std::string reason = "A suivi la séance.") {
  return {from, to, std::move(reason), CivilDate{year{1980}, month{1}, day{1}}, kToday, 21};
}

std::string FirstField(const Status& status) {
  return status ? "" : status.error().fields.empty() ? "?" : status.error().fields.front().field;
}

TEST(VolunteerPipeline, AllowsTheForwardStepsOneAtATime) {
  const std::vector<std::pair<VolunteerStage, VolunteerStage>> allowed = {
      {kInquiry, kOrientation}, {kOrientation, kTraining}, {kTraining, kScreening},
      {kScreening, kApproved},  {kApproved, kActive},      {kActive, kOnLeave},
      {kOnLeave, kActive}};
  for (const auto& [from, to] : allowed) {
    EXPECT_TRUE(CheckStageMove(Move(from, to))) << NameOf(from) << " → " << NameOf(to);
  }
}

TEST(VolunteerPipeline, AnApplicantMayBeNotRetainedAndAnyOpenFileMayExit) {
  for (const auto from : {kInquiry, kOrientation, kTraining, kScreening}) {
    EXPECT_TRUE(CheckStageMove(Move(from, kNotRetained, "Références insuffisantes.")));
  }
  for (const auto from :
       {kInquiry, kOrientation, kTraining, kScreening, kApproved, kActive, kOnLeave}) {
    EXPECT_TRUE(CheckStageMove(Move(from, kExited, "Déménagement.")));
  }
  for (const auto from : {kApproved, kActive, kOnLeave}) {
    EXPECT_EQ(FirstField(CheckStageMove(Move(from, kNotRetained))), "to") << NameOf(from);
  }
}

TEST(VolunteerPipeline, RefusesEveryOtherMove) {
  int refused = 0;
  for (const auto from : VolunteerStages()) {
    const auto allowed = AllowedMoves(from);
    for (const auto to : VolunteerStages()) {
      if (std::find(allowed.begin(), allowed.end(), to) != allowed.end()) continue;
      EXPECT_EQ(FirstField(CheckStageMove(Move(from, to))), "to")
          << NameOf(from) << " → " << NameOf(to);
      ++refused;
    }
  }
  // Skipping steps, going back more than one step or after approval, staying put, leaving a closed
  // file: 81 pairs, 22 of them allowed (the 18 forward, on leave and closing moves, and 4 steps
  // back).
  EXPECT_EQ(refused, 81 - 22);
}

TEST(VolunteerPipeline, ClosedFilesMoveNoMore) {
  EXPECT_TRUE(AllowedMoves(kExited).empty());
  EXPECT_TRUE(AllowedMoves(kNotRetained).empty());
  EXPECT_TRUE(IsClosedStage(kExited));
  EXPECT_FALSE(IsClosedStage(kOnLeave));
}

TEST(VolunteerPipeline, EveryMoveButAStepForwardSaysWhy) {
  EXPECT_EQ(FirstField(CheckStageMove(Move(kInquiry, kExited, ""))), "reason");
  EXPECT_EQ(FirstField(CheckStageMove(Move(kInquiry, kNotRetained, "  \n "))), "reason");
  EXPECT_EQ(FirstField(CheckStageMove(Move(kInquiry, kOrientation, std::string(2001, 'a')))),
            "reason");
  EXPECT_TRUE(CheckStageMove(Move(kInquiry, kOrientation, std::string(2000, 'a'))));
}

TEST(VolunteerPipeline, AStepForwardNeedsNoReason) {
  const std::vector<std::pair<VolunteerStage, VolunteerStage>> forward = {
      {kInquiry, kOrientation}, {kOrientation, kTraining}, {kTraining, kScreening},
      {kScreening, kApproved},  {kApproved, kActive},      {kOnLeave, kActive}};
  for (const auto& [from, to] : forward) {
    EXPECT_TRUE(IsForwardMove(from, to)) << NameOf(from) << " → " << NameOf(to);
    EXPECT_TRUE(CheckStageMove(Move(from, to, ""))) << NameOf(from) << " → " << NameOf(to);
    EXPECT_TRUE(CheckStageMove(Move(from, to, " \n "))) << NameOf(from) << " → " << NameOf(to);
    // The step forward comes first among the moves the file offers.
    EXPECT_EQ(AllowedMoves(from).front(), to) << NameOf(from);
  }
}

TEST(VolunteerPipeline, AStepBackGoingOnLeaveOrClosingNeedsAReason) {
  const std::vector<std::pair<VolunteerStage, VolunteerStage>> with_reason = {
      {kOrientation, kInquiry}, {kTraining, kOrientation}, {kScreening, kTraining},
      {kApproved, kScreening},  {kActive, kOnLeave},       {kScreening, kNotRetained},
      {kActive, kExited},       {kOnLeave, kExited}};
  for (const auto& [from, to] : with_reason) {
    EXPECT_FALSE(IsForwardMove(from, to)) << NameOf(from) << " → " << NameOf(to);
    EXPECT_EQ(FirstField(CheckStageMove(Move(from, to, "  "))), "reason")
        << NameOf(from) << " → " << NameOf(to);
    EXPECT_TRUE(CheckStageMove(Move(from, to, "Formation à reprendre.")))
        << NameOf(from) << " → " << NameOf(to);
  }
  // Back more than one step, or back from an active volunteer, is no move at all.
  EXPECT_EQ(FirstField(CheckStageMove(Move(kScreening, kInquiry, "Erreur."))), "to");
  EXPECT_EQ(FirstField(CheckStageMove(Move(kActive, kApproved, "Erreur."))), "to");
  EXPECT_FALSE(IsForwardMove(kInquiry, kTraining));
  EXPECT_FALSE(IsForwardMove(kActive, kOnLeave));
  EXPECT_FALSE(IsForwardMove(kExited, kNotRetained));
}

TEST(VolunteerPipeline, ApprovalNeedsTheMinimumAge) {
  auto move = Move(kScreening, kApproved);
  move.date_of_birth.reset();
  EXPECT_EQ(FirstField(CheckStageMove(move)), "to");
  move.date_of_birth = CivilDate{year{2005}, month{12}, day{1}};  // 20 today
  EXPECT_EQ(FirstField(CheckStageMove(move)), "to");
  move.date_of_birth = CivilDate{year{2005}, month{11}, day{30}};  // 21 today
  EXPECT_TRUE(CheckStageMove(move));
  move.minimum_age = 25;
  EXPECT_FALSE(CheckStageMove(move));
}

TEST(VolunteerPipeline, StageNamesRoundTrip) {
  for (const auto stage : VolunteerStages()) {
    EXPECT_EQ(ParseEnum<domain::VolunteerStage>(NameOf(stage)), stage);
    EXPECT_FALSE(LabelOf(stage).empty());
  }
  EXPECT_EQ(ParseEnum<domain::VolunteerStage>("approuvé"), std::nullopt);
  EXPECT_EQ(NameOf(kOnLeave), "on_leave");
}

TEST(VolunteerDetails, TrimsAndChecksWhatWasTyped) {
  Volunteer volunteer;
  volunteer.first_name = "  Rosalie ";
  volunteer.last_name = "Exemple";
  volunteer.email = "rosalie@courriel.example";
  ASSERT_TRUE(CheckVolunteerDetails(volunteer, "1988-04-02", kToday));
  EXPECT_EQ(volunteer.first_name, "Rosalie");
  EXPECT_EQ(volunteer.date_of_birth, (CivilDate{year{1988}, month{4}, day{2}}));

  Volunteer wrong;
  wrong.first_name = " ";
  wrong.last_name = std::string(81, 'x');
  wrong.email = "pas une adresse";
  const auto refused = CheckVolunteerDetails(wrong, "1988-02-30", kToday);
  ASSERT_FALSE(refused);
  std::vector<std::string> fields;
  for (const auto& field : refused.error().fields) fields.push_back(field.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"first_name", "last_name", "email", "date_of_birth"}));

  Volunteer unborn;
  unborn.first_name = "Octave";
  unborn.last_name = "Essai";
  EXPECT_FALSE(CheckVolunteerDetails(unborn, "2027-01-01", kToday));
  // Accented names count in characters, as the database does: 80 "é" fit.
  unborn.first_name = "";
  for (int i = 0; i < 80; ++i) unborn.first_name += "é";
  EXPECT_TRUE(CheckVolunteerDetails(unborn, "", kToday));
}

TEST(VolunteerAvailability, RoundTripsThroughItsStoredForm) {
  const auto availability = Availability::Parse("tue-evening,mon-morning,nonsense,sun-afternoon");
  EXPECT_TRUE(availability.Has(0, DayPeriod::kMorning));
  EXPECT_TRUE(availability.Has(1, DayPeriod::kEvening));
  EXPECT_FALSE(availability.Has(1, DayPeriod::kMorning));
  EXPECT_EQ(availability.Format(), "mon-morning,tue-evening,sun-afternoon");
  EXPECT_TRUE(Availability::Parse("").Empty());
}

TEST(VolunteerSupervision, FlagsAVolunteerWithoutSupervisionForLongerThanThePeriod) {
  const CivilDate last = AddDays(kToday, -90);
  EXPECT_EQ(SupervisionOverdueDays(last, std::nullopt, kToday, 90), std::nullopt);
  EXPECT_EQ(SupervisionOverdueDays(AddDays(last, -1), std::nullopt, kToday, 90), 91);
  // Never supervised: counted from the approval.
  EXPECT_EQ(SupervisionOverdueDays(std::nullopt, AddDays(kToday, -100), kToday, 90), 100);
  EXPECT_EQ(SupervisionOverdueDays(std::nullopt, AddDays(kToday, -10), kToday, 90), std::nullopt);
  EXPECT_EQ(SupervisionOverdueDays(std::nullopt, std::nullopt, kToday, 90), std::nullopt);
  EXPECT_TRUE(IsSupervisedStage(kActive));
  EXPECT_FALSE(IsSupervisedStage(kOnLeave));
}

}  // namespace
}  // namespace cercle::domain
