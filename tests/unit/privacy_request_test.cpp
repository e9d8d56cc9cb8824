// The rules of the register of requests from the people concerned (Law 25, s. 27–35): the 30-day
// deadline and its flag on any day, the answer's checks, and the names an export hides.
#include <gtest/gtest.h>

#include <set>

#include "domain/privacy_request.hpp"

namespace cercle::domain {
namespace {

constexpr CivilDate Day(int year, unsigned month, unsigned day) {
  return CivilDate{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

PrivacyRequest ReceivedOn(CivilDate day) {
  PrivacyRequest request;
  request.received_on = day;
  return request;
}

TEST(PrivacyRequestDeadline, IsThirtyDaysAfterReceipt) {
  EXPECT_EQ(AnswerDeadline(Day(2026, 1, 15)), Day(2026, 2, 14));
  EXPECT_EQ(AnswerDeadline(Day(2026, 12, 10)), Day(2027, 1, 9));
}

TEST(PrivacyRequestDeadline, FlagsNothingWithMoreThanSevenDaysLeft) {
  const auto request = ReceivedOn(Day(2026, 3, 1));  // due 2026-03-31
  const auto state = DeadlineOn(request, Day(2026, 3, 23));
  EXPECT_EQ(state.days_left, 8);
  EXPECT_EQ(state.flag, DeadlineFlag::kNone);
}

TEST(PrivacyRequestDeadline, FlagsSevenDaysOrFewerLeftAsNear) {
  const auto request = ReceivedOn(Day(2026, 3, 1));
  EXPECT_EQ(DeadlineOn(request, Day(2026, 3, 24)).flag, DeadlineFlag::kNear);
  const auto last_day = DeadlineOn(request, Day(2026, 3, 31));
  EXPECT_EQ(last_day.days_left, 0);
  EXPECT_EQ(last_day.flag, DeadlineFlag::kNear);
}

TEST(PrivacyRequestDeadline, FlagsAPassedDeadline) {
  const auto request = ReceivedOn(Day(2026, 3, 1));
  const auto state = DeadlineOn(request, Day(2026, 4, 2));
  EXPECT_EQ(state.days_left, -2);
  EXPECT_EQ(state.flag, DeadlineFlag::kPassed);
}

TEST(PrivacyRequestDeadline, NeverFlagsAnAnsweredRequest) {
  auto request = ReceivedOn(Day(2026, 3, 1));
  request.answer = PrivacyAnswer::kGranted;
  request.answered_on = Day(2026, 3, 20);
  EXPECT_EQ(DeadlineOn(request, Day(2026, 5, 1)).flag, DeadlineFlag::kNone);
}

TEST(PrivacyRequestCheck, RefusesAFutureReceiptAndAMissingSubject) {
  PrivacyRequest request = ReceivedOn(Day(2026, 3, 2));
  request.subject_kind = PrivacySubjectKind::kOther;
  request.person_name = "   ";
  const auto checked = CheckPrivacyRequest(request, Day(2026, 3, 1));
  ASSERT_FALSE(checked);
  std::set<std::string> fields;
  for (const auto& field : checked.error().fields) fields.insert(field.field);
  EXPECT_EQ(fields, (std::set<std::string>{"person_name", "received_on"}));
}

TEST(PrivacyRequestCheck, RefusalNeedsTheSectionInvoked) {
  auto request = ReceivedOn(Day(2026, 3, 1));
  request.answer = PrivacyAnswer::kPartlyGranted;
  request.answered_on = Day(2026, 3, 10);
  const auto refused = CheckPrivacyAnswer(request, Day(2026, 3, 12));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "refusal_section");
  request.refusal_section = "40";
  EXPECT_TRUE(CheckPrivacyAnswer(request, Day(2026, 3, 12)));
}

TEST(PrivacyRequestCheck, AnAnswerCannotPrecedeTheRequest) {
  auto request = ReceivedOn(Day(2026, 3, 10));
  request.answer = PrivacyAnswer::kGranted;
  request.answered_on = Day(2026, 3, 9);
  EXPECT_FALSE(CheckPrivacyAnswer(request, Day(2026, 3, 12)));
}

TEST(RedactNames, ReplacesWholeNamesWithoutCaseOrAccents) {
  const auto redacted =
      RedactNames("Réunion avec HELENE  Côté et Marc; Hélène Côté a parlé.", {"Hélène Côté"});
  ASSERT_TRUE(redacted);
  EXPECT_EQ(*redacted, "Réunion avec […] et Marc; […] a parlé.");
}

TEST(RedactNames, LeavesPartsOfOtherWordsAndShortNames) {
  EXPECT_FALSE(RedactNames("Lucienne est venue.", {"Luc"}));
  EXPECT_FALSE(RedactNames("Al est venu.", {"Al"}));
  EXPECT_FALSE(RedactNames("", {"Luc Tremblay"}));
}

}  // namespace
}  // namespace cercle::domain
