// When the reminders are due and who may get them (domain/reminders.hpp): the writer is reminded a
// day after the meeting and told the minutes are late at two days, never about a meeting older
// than a week; the digest goes on Monday from 7:00 local time only; coordinators get the staff's
// reminders and the digest, a volunteer's account the writer's and their own screening's.
#include "domain/reminders.hpp"

#include <gtest/gtest.h>

namespace cercle::domain {
namespace {

using namespace std::chrono_literals;

CivilDate Day(int year, unsigned month, unsigned day) {
  return CivilDate(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day));
}

TEST(MinutesReminderDue, NothingBeforeADayThenDueThenLateAtTwoDaysThenNothingAfterAWeek) {
  const Instant ends = FromUnix(1'800'000'000);
  EXPECT_EQ(MinutesReminderDue(ends, ends + 23h + 59min), std::nullopt);
  EXPECT_EQ(MinutesReminderDue(ends, ends + 24h), ReminderKind::kMinutesDue);
  EXPECT_EQ(MinutesReminderDue(ends, ends + 47h), ReminderKind::kMinutesDue);
  EXPECT_EQ(MinutesReminderDue(ends, ends + 48h), ReminderKind::kMinutesLate);
  EXPECT_EQ(MinutesReminderDue(ends, ends + std::chrono::days(7)), ReminderKind::kMinutesLate);
  EXPECT_EQ(MinutesReminderDue(ends, ends + std::chrono::days(7) + 1s), std::nullopt);
}

TEST(DigestDue, OnMondayOnceSevenHoursOfItHavePassed) {
  const auto monday = Day(2026, 12, 7);
  const auto sunday = Day(2026, 12, 6);
  EXPECT_FALSE(DigestDue(monday, sunday)) << "before 7:00, seven hours ago was Sunday";
  EXPECT_TRUE(DigestDue(monday, monday));
  EXPECT_FALSE(DigestDue(Day(2026, 12, 8), Day(2026, 12, 8))) << "Tuesday";
  EXPECT_FALSE(DigestDue(sunday, sunday));
}

TEST(RemindersFor, CoordinatorsGetTheStaffsAndVolunteersTheirOwn) {
  const std::vector<ReminderKind> staff = {ReminderKind::kScreeningExpiring,
                                           ReminderKind::kReviewDue, ReminderKind::kFollowUpDue,
                                           ReminderKind::kWeeklyDigest};
  EXPECT_EQ(RemindersFor({Role::kCoordinator}, false), staff);
  const std::vector<ReminderKind> writer = {ReminderKind::kMinutesDue, ReminderKind::kMinutesLate,
                                            ReminderKind::kScreeningExpiring};
  EXPECT_EQ(RemindersFor({Role::kVolunteer}, true), writer);
  EXPECT_EQ(RemindersFor({Role::kCoordinator, Role::kVolunteer}, true), EnumValues<ReminderKind>());
  EXPECT_TRUE(RemindersFor({Role::kVolunteer}, false).empty()) << "no file, nothing to write";
  EXPECT_TRUE(RemindersFor({Role::kPartner}, false).empty());
  EXPECT_TRUE(RemindersFor({Role::kOrganisationAdmin}, false).empty());
}

}  // namespace
}  // namespace cercle::domain
