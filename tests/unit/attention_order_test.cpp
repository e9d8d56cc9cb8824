// The order of the staff home page's "Needs attention" items within one group: most urgent first;
// within one urgency, what has happened newest first, then what is coming soonest first; concerns
// oldest first.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/home/triage.hpp"

namespace cercle::app::home {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using Urgency = TriageUrgency;

CivilDate Day(int d) { return year(2026) / month(11) / day(static_cast<unsigned>(d)); }

// An item named `text` (as a volunteer's name: what the order is about does not matter).
TriageItem Item(Urgency urgency, CivilDate date, const std::string& text) {
  return {TriageGroup::kVolunteers, urgency, date, volunteers::VolunteerAttention{.name = text}};
}

std::vector<std::string> Texts(const std::vector<TriageItem>& items) {
  std::vector<std::string> texts;
  for (const auto& item : items) {
    if (const auto* volunteer = std::get_if<volunteers::VolunteerAttention>(&item.subject))
      texts.push_back(volunteer->name);
    if (const auto* concern = std::get_if<ConcernToAcknowledge>(&item.subject))
      texts.push_back(concern->row.code_name);
  }
  return texts;
}

TEST(AttentionOrder, NewestFlagsFirstThenSoonestDeadlinesWithinEachUrgency) {
  std::vector<TriageItem> items = {
      Item(Urgency::kSoon, Day(25), "review due on the 25th"),
      Item(Urgency::kSoon, Day(10), "minutes late since the 10th"),
      Item(Urgency::kSoon, Day(18), "no meeting since the 18th"),
      Item(Urgency::kSoon, Day(21), "renewal due on the 21st"),
      Item(Urgency::kNote, Day(19), "a note of the 19th"),
      Item(Urgency::kUrgent, Day(2), "urgent since the 2nd"),
      Item(Urgency::kAlert, Day(19), "concern waiting"),
  };
  SortTriage(items, Day(20));
  EXPECT_EQ(Texts(items), (std::vector<std::string>{
                              "concern waiting",
                              "urgent since the 2nd",
                              "no meeting since the 18th",
                              "minutes late since the 10th",
                              "renewal due on the 21st",
                              "review due on the 25th",
                              "a note of the 19th",
                          }));
}

TEST(AttentionOrder, TodayCountsAsComing) {
  std::vector<TriageItem> items = {
      Item(Urgency::kSoon, Day(22), "due in two days"),
      Item(Urgency::kSoon, Day(20), "due today"),
      Item(Urgency::kSoon, Day(19), "yesterday"),
  };
  SortTriage(items, Day(20));
  EXPECT_EQ(Texts(items), (std::vector<std::string>{"yesterday", "due today", "due in two days"}));
}

TEST(AttentionOrder, ConcernsOfOneUrgencyOldestFirst) {
  const auto concern = [](Urgency urgency, int hour, const std::string& name) {
    ConcernToAcknowledge item;
    item.row.code_name = name;
    item.row.concern.raised_at = std::chrono::sys_days(Day(20)) + std::chrono::hours(hour);
    return TriageItem{TriageGroup::kConcerns, urgency, Day(20), item};
  };
  std::vector<TriageItem> items = {concern(Urgency::kSoon, 1, "concern at 1:00"),
                                   concern(Urgency::kAlert, 9, "urgent at 9:00"),
                                   concern(Urgency::kAlert, 8, "urgent at 8:00")};
  SortTriage(items, Day(20));
  EXPECT_EQ(Texts(items),
            (std::vector<std::string>{"urgent at 8:00", "urgent at 9:00", "concern at 1:00"}));
}

}  // namespace
}  // namespace cercle::app::home
