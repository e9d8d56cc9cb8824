// The order of the staff home page's "Needs attention" list: most urgent first; within one urgency,
// what has happened newest first, then what is coming soonest first.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/pages/home/attention.hpp"

namespace cercle::web::pages::home {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

CivilDate Day(int d) { return year(2026) / month(11) / day(static_cast<unsigned>(d)); }

std::vector<std::string> Texts(const std::vector<AttentionItem>& items) {
  std::vector<std::string> texts;
  for (const auto& item : items) texts.push_back(item.text);
  return texts;
}

TEST(AttentionOrder, NewestFlagsFirstThenSoonestDeadlinesWithinEachUrgency) {
  std::vector<AttentionItem> items = {
      {Urgency::kSoon, Day(25), "review due on the 25th", ""},
      {Urgency::kSoon, Day(10), "minutes late since the 10th", ""},
      {Urgency::kSoon, Day(18), "no meeting since the 18th", ""},
      {Urgency::kSoon, Day(21), "renewal due on the 21st", ""},
      {Urgency::kNote, Day(19), "a note of the 19th", ""},
      {Urgency::kUrgent, Day(2), "urgent since the 2nd", ""},
      {Urgency::kAlert, Day(19), "concern waiting", ""},
  };
  SortAttention(items, Day(20));
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
  std::vector<AttentionItem> items = {
      {Urgency::kSoon, Day(22), "due in two days", ""},
      {Urgency::kSoon, Day(20), "due today", ""},
      {Urgency::kSoon, Day(19), "yesterday", ""},
  };
  SortAttention(items, Day(20));
  EXPECT_EQ(Texts(items), (std::vector<std::string>{"yesterday", "due today", "due in two days"}));
}

}  // namespace
}  // namespace cercle::web::pages::home
