// The retention schedule's rules: defaults, floors and ceilings, due dates, and the coarsening of
// dates that keeps every date in the month (so in the quarter and fiscal year) it was in.
#include <gtest/gtest.h>

#include "domain/report_period.hpp"
#include "domain/retention.hpp"

namespace cercle::domain {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

CivilDate On(int y, unsigned m, unsigned d) { return year{y} / month{m} / day{d}; }

TEST(RetentionSchedule, EveryKindHasARuleWithinItsBoundsAndALegalNote) {
  const auto schedule = ScheduleFrom({});
  ASSERT_EQ(schedule.size(), EnumValues<RetainedKind>().size());
  for (const auto& period : schedule) {
    const auto& rule = RuleOf(period.kind);
    EXPECT_FALSE(period.legal_note.empty()) << NameOf(period.kind);
    EXPECT_FALSE(period.label.empty()) << NameOf(period.kind);
    EXPECT_TRUE(period.is_default);
    if (rule.unit == PeriodUnit::kForever) continue;
    EXPECT_LE(rule.floor, rule.default_length) << NameOf(period.kind);
    EXPECT_LE(rule.default_length, rule.ceiling) << NameOf(period.kind);
    EXPECT_EQ(period.length, rule.default_length);
  }
}

TEST(RetentionSchedule, AuditEntriesAreNeverDestroyedAndSessionsAndMailGoFirst) {
  const auto schedule = ScheduleFrom({});
  EXPECT_EQ(PeriodOf(schedule, RetainedKind::kAuditEntries).unit, PeriodUnit::kForever);
  EXPECT_FALSE(DueOn(PeriodOf(schedule, RetainedKind::kAuditEntries), On(2000, 1, 1)));
  EXPECT_EQ(PeriodOf(schedule, RetainedKind::kSessions).unit, PeriodUnit::kDays);
  EXPECT_EQ(PeriodOf(schedule, RetainedKind::kMail).unit, PeriodUnit::kDays);
  EXPECT_LE(PeriodOf(schedule, RetainedKind::kSessions).length, 7);
  EXPECT_LE(PeriodOf(schedule, RetainedKind::kMail).length, 31);
  // Incidents: at least five years after the organisation learned of them.
  EXPECT_GE(RuleOf(RetainedKind::kIncidents).floor, 60);
}

TEST(RetentionSchedule, StoredLengthsApplyOnlyWithinTheirBounds) {
  const auto schedule = ScheduleFrom({{RetainedKind::kCoreMemberFiles, 24},
                                      {RetainedKind::kVolunteersWhoLeft, 1},
                                      {RetainedKind::kAuditEntries, 12}});
  EXPECT_EQ(PeriodOf(schedule, RetainedKind::kCoreMemberFiles).length, 24);
  EXPECT_FALSE(PeriodOf(schedule, RetainedKind::kCoreMemberFiles).is_default);
  EXPECT_EQ(PeriodOf(schedule, RetainedKind::kVolunteersWhoLeft).length,
            RuleOf(RetainedKind::kVolunteersWhoLeft).default_length);
  EXPECT_EQ(PeriodOf(schedule, RetainedKind::kAuditEntries).unit, PeriodUnit::kForever);
}

TEST(RetentionSchedule, CheckPeriodRefusesBelowTheFloorAboveTheCeilingAndTheAuditLog) {
  const auto& rule = RuleOf(RetainedKind::kCoreMemberFiles);
  EXPECT_TRUE(CheckPeriod(RetainedKind::kCoreMemberFiles, rule.floor, "f"));
  EXPECT_TRUE(CheckPeriod(RetainedKind::kCoreMemberFiles, rule.ceiling, "f"));
  const auto low = CheckPeriod(RetainedKind::kCoreMemberFiles, rule.floor - 1, "f");
  ASSERT_FALSE(low);
  ASSERT_EQ(low.error().fields.size(), 1u);
  EXPECT_EQ(low.error().fields[0].field, "f");
  EXPECT_FALSE(CheckPeriod(RetainedKind::kCoreMemberFiles, rule.ceiling + 1, "f"));
  EXPECT_FALSE(CheckPeriod(RetainedKind::kIncidents, 59, "f"));
  EXPECT_FALSE(CheckPeriod(RetainedKind::kAuditEntries, 12, "f"));
}

TEST(RetentionSchedule, ARecordIsDueOnTheDayItsPeriodEnds) {
  auto period = PeriodOf(ScheduleFrom({{RetainedKind::kCoreMemberFiles, 12}}),
                         RetainedKind::kCoreMemberFiles);
  EXPECT_EQ(*DueOn(period, On(2020, 3, 15)), On(2021, 3, 15));
  EXPECT_FALSE(IsDue(period, On(2020, 3, 15), On(2021, 3, 14)));
  EXPECT_TRUE(IsDue(period, On(2020, 3, 15), On(2021, 3, 15)));
  const auto sessions = PeriodOf(ScheduleFrom({}), RetainedKind::kSessions);
  EXPECT_EQ(*DueOn(sessions, On(2020, 12, 30)), AddDays(On(2020, 12, 30), sessions.length));
}

TEST(DateCoarsening, KeepsTheMonthQuarterAndFiscalYear) {
  for (const auto date : {On(2024, 2, 29), On(2025, 3, 31), On(2025, 4, 1), On(2025, 12, 31),
                          On(2026, 1, 1), On(2026, 6, 17)}) {
    const auto coarse = CoarsenDate(date);
    EXPECT_EQ(coarse.day(), day{1});
    EXPECT_EQ(coarse.month(), date.month());
    EXPECT_EQ(coarse.year(), date.year());
    EXPECT_EQ(QuarterOf(coarse, 4).period, QuarterOf(date, 4).period);
    EXPECT_EQ(FiscalYearOf(coarse, 4), FiscalYearOf(date, 4));
    EXPECT_EQ(CoarsenDate(coarse), coarse);
  }
}

TEST(RetentionHolds, OnlyRecordsKeptWholeMayBeHeld) {
  EXPECT_TRUE(MayBeHeld(RetainedKind::kCoreMemberFiles));
  EXPECT_TRUE(MayBeHeld(RetainedKind::kDeclinedReferrals));
  EXPECT_FALSE(MayBeHeld(RetainedKind::kSessions));
  EXPECT_FALSE(MayBeHeld(RetainedKind::kAuditEntries));
}

}  // namespace
}  // namespace cercle::domain
