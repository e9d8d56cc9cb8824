// Training sessions: one day, or a training over several days recorded as one entry with its total
// hours (at most 12 hours a day and 200 in all), its last day after its first.
#include <gtest/gtest.h>

#include "domain/training.hpp"

namespace cercle::domain {
namespace {

using namespace std::chrono;

constexpr CivilDate kFirstDay{year{2026}, month{5}, day{1}};

TrainingSession Session(int minutes, std::optional<CivilDate> ends_on = std::nullopt) {
  return {.module_id = 1, .held_on = kFirstDay, .ends_on = ends_on, .duration_minutes = minutes};
}

std::string FirstField(const Status& status) {
  return status ? "" : status.error().fields.empty() ? "?" : status.error().fields.front().field;
}

TEST(TrainingSession, OneDayHoldsFifteenMinutesToTwelveHours) {
  auto session = Session(15);
  EXPECT_TRUE(CheckTrainingSession(session));
  session = Session(12 * 60);
  EXPECT_TRUE(CheckTrainingSession(session));
  session = Session(12 * 60 + 1);
  EXPECT_EQ(FirstField(CheckTrainingSession(session)), "duration");
  session = Session(14);
  EXPECT_EQ(FirstField(CheckTrainingSession(session)), "duration");
  EXPECT_EQ(SessionDays(Session(60)), 1);
}

TEST(TrainingSession, SeveralDaysAreOneEntryWithTheirTotalHours) {
  // A weekend and a Monday: 15 hours in all.
  auto session = Session(15 * 60, AddDays(kFirstDay, 2));
  ASSERT_TRUE(CheckTrainingSession(session));
  EXPECT_EQ(SessionDays(session), 3);
  // Up to 12 hours a day: 36 hours over three days, not 37.
  session = Session(36 * 60, AddDays(kFirstDay, 2));
  EXPECT_TRUE(CheckTrainingSession(session));
  session = Session(37 * 60, AddDays(kFirstDay, 2));
  EXPECT_EQ(FirstField(CheckTrainingSession(session)), "duration");
  // Never more than 200 hours, however many days.
  session = Session(201 * 60, AddDays(kFirstDay, 30));
  EXPECT_EQ(FirstField(CheckTrainingSession(session)), "duration");
}

TEST(TrainingSession, TheLastDayComesAfterTheFirstWithinAMonth) {
  auto backwards = Session(60, AddDays(kFirstDay, -1));
  EXPECT_EQ(FirstField(CheckTrainingSession(backwards)), "ends_on");
  auto too_long = Session(60, AddDays(kFirstDay, kLongestTrainingDays));
  EXPECT_EQ(FirstField(CheckTrainingSession(too_long)), "ends_on");
  auto longest = Session(60, AddDays(kFirstDay, kLongestTrainingDays - 1));
  EXPECT_TRUE(CheckTrainingSession(longest));
  // The same day as the first is a one-day session.
  auto same_day = Session(60, kFirstDay);
  ASSERT_TRUE(CheckTrainingSession(same_day));
  EXPECT_FALSE(same_day.ends_on.has_value());
}

}  // namespace
}  // namespace cercle::domain
