// Volunteer care's rules: which closed concerns owe each volunteer of the circle a debrief and by
// when, when a volunteer's monthly wellbeing answers raise a flag for the coordinators, and the
// exit interview's check and its count of reasons over a period.
#include "domain/volunteer_care.hpp"

#include <gtest/gtest.h>

namespace cercle::domain {
namespace {

CivilDate Day(int year, unsigned month, unsigned day) {
  return CivilDate(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day));
}

WellbeingAnswer Answer(const char* month, int score) {
  WellbeingAnswer answer;
  answer.month = month;
  answer.score = score;
  return answer;
}

TEST(VolunteerDebriefRule, OnlyUrgentAndEmergencyConcernsOweADebrief) {
  EXPECT_FALSE(NeedsDebrief(Severity::kInformation));
  EXPECT_FALSE(NeedsDebrief(Severity::kConcern));
  EXPECT_TRUE(NeedsDebrief(Severity::kUrgent));
  EXPECT_TRUE(NeedsDebrief(Severity::kEmergency));
}

TEST(VolunteerDebriefRule, IsDueWithinAWeekOfTheClosure) {
  EXPECT_EQ(DebriefDueOn(Day(2026, 12, 7)), Day(2026, 12, 14));
  EXPECT_EQ(DebriefDueOn(Day(2026, 12, 28)), Day(2027, 1, 4));
}

TEST(VolunteerDebriefRule, HeldNeedsAPastDayNotBeforeTheClosureAndAShortNote) {
  const auto owed = Day(2026, 12, 1), today = Day(2026, 12, 7);
  DebriefHeld held{Day(2026, 12, 3), "  Échange au téléphone.  "};
  EXPECT_TRUE(CheckDebriefHeld(held, owed, today));
  EXPECT_EQ(held.note, "Échange au téléphone.");
  DebriefHeld missing{std::nullopt, ""};
  EXPECT_FALSE(CheckDebriefHeld(missing, owed, today));
  DebriefHeld future{Day(2026, 12, 8), ""};
  EXPECT_FALSE(CheckDebriefHeld(future, owed, today));
  DebriefHeld before{Day(2026, 11, 30), ""};
  EXPECT_FALSE(CheckDebriefHeld(before, owed, today));
  DebriefHeld long_note{today, std::string(kDebriefNoteLimit + 1, 'a')};
  EXPECT_FALSE(CheckDebriefHeld(long_note, owed, today));
}

TEST(WellbeingReplyRule, NeedsAPointOfTheScale) {
  WellbeingReply none{std::nullopt, ""};
  EXPECT_FALSE(CheckWellbeingReply(none));
  WellbeingReply zero{0, ""};
  EXPECT_FALSE(CheckWellbeingReply(zero));
  WellbeingReply six{6, ""};
  EXPECT_FALSE(CheckWellbeingReply(six));
  WellbeingReply fine{4, " Bien. "};
  EXPECT_TRUE(CheckWellbeingReply(fine));
  EXPECT_EQ(fine.note, "Bien.");
  EXPECT_STREQ(WellbeingLabel(1), "Struggling");
  EXPECT_STREQ(WellbeingLabel(6), "");
}

TEST(WellbeingFlagRule, FlagsAFallOfTwoPointsOrMore) {
  const auto today = Day(2026, 12, 7);
  const auto flag = WellbeingFlagOf(
      {Answer("2026-10", 4), Answer("2026-12", 2), Answer("2026-11", 5)}, today, std::nullopt);
  ASSERT_TRUE(flag);
  EXPECT_EQ(flag->reason, WellbeingFlagReason::kFell);
  EXPECT_EQ(flag->score, 2);
  EXPECT_EQ(flag->previous, 5);
  EXPECT_EQ(flag->month, "2026-12");
  EXPECT_FALSE(WellbeingFlagOf({Answer("2026-11", 5), Answer("2026-12", 4)}, today, std::nullopt));
  EXPECT_FALSE(WellbeingFlagOf({Answer("2026-11", 2), Answer("2026-12", 4)}, today, std::nullopt));
}

TEST(WellbeingFlagRule, FlagsTheBottomOfTheScaleEvenAlone) {
  const auto flag = WellbeingFlagOf({Answer("2026-11", 1)}, Day(2026, 12, 7), std::nullopt);
  ASSERT_TRUE(flag);
  EXPECT_EQ(flag->reason, WellbeingFlagReason::kLowest);
}

TEST(WellbeingFlagRule, AnOldAnswerIsNoNews) {
  EXPECT_FALSE(WellbeingFlagOf({Answer("2026-09", 5), Answer("2026-10", 1)}, Day(2026, 12, 7),
                               std::nullopt));
}

TEST(WellbeingFlagRule, FlagsTwoMonthsUnansweredWhileInACircle) {
  const auto today = Day(2026, 12, 7);
  const auto since = Day(2026, 6, 1);
  const auto flag = WellbeingFlagOf({Answer("2026-09", 4)}, today, since);
  ASSERT_TRUE(flag);
  EXPECT_EQ(flag->reason, WellbeingFlagReason::kUnanswered);
  EXPECT_EQ(flag->month, "2026-10");
  // One month missed only, an answer this month, no circle, or a circle joined since: no flag.
  EXPECT_FALSE(WellbeingFlagOf({Answer("2026-10", 4)}, today, since));
  EXPECT_FALSE(WellbeingFlagOf({Answer("2026-12", 4)}, today, since));
  EXPECT_FALSE(WellbeingFlagOf({}, today, std::nullopt));
  EXPECT_FALSE(WellbeingFlagOf({}, today, Day(2026, 10, 2)));
  EXPECT_TRUE(WellbeingFlagOf({}, today, Day(2026, 10, 1)));
}

TEST(WellbeingFlagRule, MonthsAreWrittenYearFirst) {
  EXPECT_EQ(MonthOf(Day(2027, 1, 31)), "2027-01");
}

TEST(ExitInterviewRule, NeedsAReasonFromTheListAndANoteForAnotherReason) {
  const auto exited = Day(2026, 11, 20), today = Day(2026, 12, 7);
  ExitInterviewDraft draft{
      Day(2026, 11, 25), {ExitReason::kMoved, ExitReason::kTime, ExitReason::kMoved}, false, ""};
  EXPECT_TRUE(CheckExitInterview(draft, exited, today));
  EXPECT_EQ(draft.reasons, (std::vector<ExitReason>{ExitReason::kTime, ExitReason::kMoved}));
  ExitInterviewDraft none{today, {}, false, ""};
  EXPECT_FALSE(CheckExitInterview(none, exited, today));
  ExitInterviewDraft unknown{today, {ExitReason::kTime}, true, ""};
  EXPECT_FALSE(CheckExitInterview(unknown, exited, today));
  ExitInterviewDraft other{today, {ExitReason::kOther}, false, "  "};
  EXPECT_FALSE(CheckExitInterview(other, exited, today));
  other.note = "Retour aux études (démo).";
  EXPECT_TRUE(CheckExitInterview(other, exited, today));
  ExitInterviewDraft before{Day(2026, 11, 19), {ExitReason::kHealth}, false, ""};
  EXPECT_FALSE(CheckExitInterview(before, exited, today));
}

TEST(ExitInterviewRule, CountsEachReasonOfTheInterviewsHeldInThePeriod) {
  const auto interview = [](CivilDate held_on, std::vector<ExitReason> reasons) {
    ExitInterview made;
    made.held_on = held_on;
    made.reasons = std::move(reasons);
    return made;
  };
  const std::vector<ExitInterview> interviews = {
      interview(Day(2026, 1, 10), {ExitReason::kTime, ExitReason::kMoved}),
      interview(Day(2026, 6, 30), {ExitReason::kTime}),
      interview(Day(2026, 7, 1), {ExitReason::kHealth}),
      interview(Day(2025, 12, 31), {ExitReason::kTime})};
  const auto counts = CountExitReasons(interviews, {Day(2026, 1, 1), Day(2026, 6, 30)});
  ASSERT_EQ(counts.size(), EnumValues<ExitReason>().size());
  EXPECT_EQ(counts[0], (std::pair{ExitReason::kTime, 2}));
  EXPECT_EQ(counts[1], (std::pair{ExitReason::kMoved, 1}));
  EXPECT_EQ(counts[3], (std::pair{ExitReason::kHealth, 0}));
}

}  // namespace
}  // namespace cercle::domain
