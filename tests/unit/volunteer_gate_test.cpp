// The gate before a circle (domain::CheckVolunteerGate): each condition alone blocks a proposal and
// the refusal names it; an item that expires tomorrow lets a proposal through today and blocks it
// the day after.
#include <gtest/gtest.h>

#include <chrono>

#include "base/clock.hpp"
#include "domain/volunteer_gate.hpp"

namespace cercle::domain {
namespace {

using namespace std::chrono;

constexpr CivilDate kToday{year{2026}, month{11}, day{30}};

// A volunteer who passes every condition on kToday, and the means to break one condition at a time.
class VolunteerGate : public ::testing::Test {
 protected:
  VolunteerGate() {
    volunteer_.id = 7;
    volunteer_.organisation_id = 1;
    volunteer_.first_name = "Rosalie";
    volunteer_.last_name = "Exemple";
    volunteer_.stage = VolunteerStage::kApproved;
    volunteer_.date_of_birth = CivilDate{year{1990}, month{5}, day{31}};
    types_ = DefaultScreeningItemTypes();
    for (std::size_t i = 0; i < types_.size(); ++i) types_[i].id = static_cast<std::int64_t>(i + 1);
    // Police check 2025-01-15 (expires 2028-01-15), two references, the interview and both
    // signatures.
    AddItem(1, CivilDate{year{2025}, month{1}, day{15}});
    AddItem(2, CivilDate{year{2025}, month{1}, day{10}});
    AddItem(2, CivilDate{year{2025}, month{1}, day{11}});
    for (std::int64_t type = 3; type <= 5; ++type)
      AddItem(type, CivilDate{year{2025}, month{1}, day{12}});
    modules_ = DefaultTrainingModules();
    for (std::size_t i = 0; i < modules_.size(); ++i)
      modules_[i].id = static_cast<std::int64_t>(100 + i);
    // The basic training: five sessions of three hours.
    for (int i = 0; i < 5; ++i)
      attendance_.push_back({static_cast<std::int64_t>(i + 1), 7, 100, kToday, 180});
  }

  ScreeningItem& AddItem(std::int64_t type_id, CivilDate completed_on,
                         ScreeningResult result = ScreeningResult::kPassed) {
    ScreeningItem item;
    item.id = static_cast<std::int64_t>(items_.size() + 1);
    item.volunteer_id = 7;
    item.type_id = type_id;
    item.completed_on = completed_on;
    item.result = result;
    const auto& type = types_.at(static_cast<std::size_t>(type_id - 1));
    if (result == ScreeningResult::kPassed) item.expires_on = DefaultExpiry(type, completed_on);
    items_.push_back(item);
    return items_.back();
  }

  ScreeningItem& PoliceCheck() { return items_.front(); }

  GateResult Check(CivilDate today = kToday, int circles = 0) const {
    return CheckVolunteerGate({volunteer_, types_, items_, modules_, attendance_, circles},
                              settings_, today);
  }

  // The only failing condition, and the refusal names it.
  void ExpectOnlyFailure(const GateResult& result, GateCondition condition) const {
    ASSERT_EQ(result.failures.size(), 1u) << "failing: " << Names(result);
    EXPECT_EQ(result.failures.front().condition, condition);
    EXPECT_FALSE(result.passed());
    EXPECT_TRUE(result.Fails(condition));
  }

  static std::string Names(const GateResult& result) {
    std::string names;
    for (const auto& failure : result.failures)
      names += std::string(NameOf(failure.condition)) + " ";
    return names;
  }

  Volunteer volunteer_;
  std::vector<ScreeningItemType> types_;
  std::vector<ScreeningItem> items_;
  std::vector<TrainingModule> modules_;
  std::vector<TrainingAttendance> attendance_;
  Settings settings_{{}};
};

TEST_F(VolunteerGate, LetsThroughAVolunteerWhoMeetsEveryCondition) {
  const auto result = Check();
  EXPECT_TRUE(result.passed()) << Names(result);
}

TEST_F(VolunteerGate, ActiveVolunteersMayBeProposedToo) {
  volunteer_.stage = VolunteerStage::kActive;
  EXPECT_TRUE(Check().passed());
}

TEST_F(VolunteerGate, RefusesAnApplicantNotYetApproved) {
  for (const auto stage :
       {VolunteerStage::kInquiry, VolunteerStage::kOrientation, VolunteerStage::kTraining,
        VolunteerStage::kScreening, VolunteerStage::kExited, VolunteerStage::kNotRetained}) {
    volunteer_.stage = stage;
    ExpectOnlyFailure(Check(), GateCondition::kApproved);
  }
  EXPECT_EQ(NameOf(GateCondition::kApproved), "approved");
}

TEST_F(VolunteerGate, RefusesAVolunteerUnderTheMinimumAge) {
  volunteer_.date_of_birth =
      CivilDate{year{2005}, month{12}, day{1}};  // 20 on kToday, 21 the next day
  const auto result = Check();
  ExpectOnlyFailure(result, GateCondition::kMinimumAge);
  EXPECT_EQ(result.failures.front().have, 20);
  EXPECT_EQ(result.failures.front().need, 21);
  EXPECT_TRUE(Check(AddDays(kToday, 1)).passed()) << "21 on their birthday";
}

TEST_F(VolunteerGate, RefusesAVolunteerWithoutADateOfBirth) {
  volunteer_.date_of_birth.reset();
  ExpectOnlyFailure(Check(), GateCondition::kMinimumAge);
}

TEST_F(VolunteerGate, TheMinimumAgeIsTheOrganisationsSetting) {
  volunteer_.date_of_birth = CivilDate{year{2006}, month{1}, day{1}};  // 20
  settings_ = Settings({{"volunteer.minimum_age", 18}});
  EXPECT_TRUE(Check().passed());
}

TEST_F(VolunteerGate, RefusesAMissingPoliceCheckAndNamesIt) {
  items_.erase(items_.begin());
  const auto result = Check();
  ExpectOnlyFailure(result, GateCondition::kScreeningValid);
  EXPECT_EQ(result.failures.front().subject, "Police record check with vulnerable-sector check");
  EXPECT_EQ(result.failures.front().have, 0);
  EXPECT_EQ(result.failures.front().need, 1);
}

TEST_F(VolunteerGate, NeedsTwoValidReferences) {
  items_.erase(items_.begin() + 1);
  const auto result = Check();
  ExpectOnlyFailure(result, GateCondition::kScreeningValid);
  EXPECT_EQ(result.failures.front().subject, "Reference");
  EXPECT_EQ(result.failures.front().have, 1);
  EXPECT_EQ(result.failures.front().need, 2);
}

TEST_F(VolunteerGate, AnItemBeingCheckedOrRefusedDoesNotCount) {
  PoliceCheck().result = ScreeningResult::kPending;
  ExpectOnlyFailure(Check(), GateCondition::kScreeningValid);
  PoliceCheck().result = ScreeningResult::kFailed;
  ExpectOnlyFailure(Check(), GateCondition::kScreeningValid);
}

TEST_F(VolunteerGate, AWithdrawnItemDoesNotCount) {
  PoliceCheck().withdrawn_at = FromUnix(1);
  ExpectOnlyFailure(Check(), GateCondition::kScreeningValid);
}

TEST_F(VolunteerGate, AnItemThatExpiresTomorrowPassesTodayAndBlocksTheDayAfter) {
  // Today and "the day after" come from a clock that the test moves, as the pages' clock does.
  ManualClock clock(sys_days(kToday) + hours(14));
  const auto today = [&] { return CivilDate(floor<days>(clock.Now())); };
  PoliceCheck().expires_on = AddDays(today(), 1);
  EXPECT_TRUE(Check(today()).passed()) << "the day before its expiry date";
  clock.Advance(hours(24));
  ExpectOnlyFailure(Check(today()), GateCondition::kScreeningValid);
  clock.Advance(hours(24));
  ExpectOnlyFailure(Check(today()), GateCondition::kScreeningValid);
}

TEST_F(VolunteerGate, TheDefaultPoliceCheckExpiresAfterThreeYears) {
  const auto completed = PoliceCheck().completed_on;
  ASSERT_EQ(PoliceCheck().expires_on, AddMonths(completed, 36));
  EXPECT_TRUE(Check(AddDays(AddMonths(completed, 36), -1)).passed());
  ExpectOnlyFailure(Check(AddMonths(completed, 36)), GateCondition::kScreeningValid);
}

TEST_F(VolunteerGate, ARenewedCheckReplacesAnExpiredOne) {
  PoliceCheck().expires_on = AddDays(kToday, -5);
  ExpectOnlyFailure(Check(), GateCondition::kScreeningValid);
  AddItem(1, AddDays(kToday, -2));
  EXPECT_TRUE(Check().passed());
}

TEST_F(VolunteerGate, OptionalAndRetiredItemsDoNotBlock) {
  types_[3].required = false;  // the code of conduct
  types_[4].active = false;    // the confidentiality agreement, retired
  items_.erase(std::remove_if(items_.begin(), items_.end(),
                              [](const ScreeningItem& item) { return item.type_id >= 4; }),
               items_.end());
  EXPECT_TRUE(Check().passed());
}

TEST_F(VolunteerGate, RefusesAnIncompleteBasicTrainingAndNamesTheModule) {
  attendance_.back().minutes = 120;  // 14 hours of 15
  const auto result = Check();
  ExpectOnlyFailure(result, GateCondition::kBasicTrainingComplete);
  EXPECT_EQ(result.failures.front().subject, "Basic training");
  EXPECT_EQ(result.failures.front().have, 14 * 60);
  EXPECT_EQ(result.failures.front().need, 15 * 60);
}

TEST_F(VolunteerGate, ContinuingTrainingIsNotRequired) {
  ASSERT_FALSE(modules_[1].required_for_circles);
  EXPECT_TRUE(Check().passed());
}

TEST_F(VolunteerGate, RefusesAVolunteerOnLeave) {
  volunteer_.stage = VolunteerStage::kOnLeave;
  ExpectOnlyFailure(Check(), GateCondition::kNotOnLeave);
}

TEST_F(VolunteerGate, RefusesAVolunteerAtTheCircleLimit) {
  const auto result = Check(kToday, 1);
  ExpectOnlyFailure(result, GateCondition::kBelowCircleLimit);
  EXPECT_EQ(result.failures.front().need, 1);
  settings_ = Settings({{"volunteer.circles_per_volunteer", 2}});
  EXPECT_TRUE(Check(kToday, 1).passed());
  ExpectOnlyFailure(Check(kToday, 2), GateCondition::kBelowCircleLimit);
}

TEST_F(VolunteerGate, ListsEveryFailingConditionInOrder) {
  volunteer_.stage = VolunteerStage::kOnLeave;
  volunteer_.date_of_birth.reset();
  items_.clear();
  attendance_.clear();
  const auto result = Check(kToday, 1);
  std::vector<GateCondition> conditions;
  for (const auto& failure : result.failures) conditions.push_back(failure.condition);
  // One screening failure per required type: the police check, references, interview and two
  // signatures.
  const std::vector<GateCondition> expected = {GateCondition::kMinimumAge,
                                               GateCondition::kScreeningValid,
                                               GateCondition::kScreeningValid,
                                               GateCondition::kScreeningValid,
                                               GateCondition::kScreeningValid,
                                               GateCondition::kScreeningValid,
                                               GateCondition::kBasicTrainingComplete,
                                               GateCondition::kNotOnLeave,
                                               GateCondition::kBelowCircleLimit};
  EXPECT_EQ(conditions, expected) << Names(result);
}

TEST_F(VolunteerGate, AnExpiredRequiredItemPutsTheVolunteerOnHold) {
  EXPECT_FALSE(OnHoldForExpiredScreening(types_, items_, kToday));
  PoliceCheck().expires_on = kToday;
  EXPECT_TRUE(OnHoldForExpiredScreening(types_, items_, kToday));
  types_[0].required = false;
  EXPECT_FALSE(OnHoldForExpiredScreening(types_, items_, kToday));
}

TEST(ScreeningSummary, SaysWhereEachTypeStands) {
  auto types = DefaultScreeningItemTypes();
  for (std::size_t i = 0; i < types.size(); ++i) types[i].id = static_cast<std::int64_t>(i + 1);
  std::vector<ScreeningItem> items;
  const auto add = [&](std::int64_t type, CivilDate on, ScreeningResult result,
                       std::optional<CivilDate> expires) {
    ScreeningItem item;
    item.id = static_cast<std::int64_t>(items.size() + 1);
    item.type_id = type;
    item.completed_on = on;
    item.result = result;
    item.expires_on = expires;
    items.push_back(item);
  };
  add(1, CivilDate{year{2023}, month{12}, day{20}}, ScreeningResult::kPassed,
      AddDays(kToday, 60));  // soon
  add(2, CivilDate{year{2026}, month{1}, day{5}}, ScreeningResult::kPassed, std::nullopt);
  add(2, CivilDate{year{2026}, month{1}, day{9}}, ScreeningResult::kPending, std::nullopt);
  add(3, CivilDate{year{2026}, month{2}, day{1}}, ScreeningResult::kFailed, std::nullopt);
  add(4, CivilDate{year{2023}, month{1}, day{1}}, ScreeningResult::kPassed,
      AddDays(kToday, -1));  // expired
  const auto statuses = SummariseScreening(types, items, kToday, 60);
  ASSERT_EQ(statuses.size(), 5u);
  EXPECT_EQ(statuses[0].status, ScreeningStatus::kExpiringSoon);
  EXPECT_EQ(statuses[0].expires_on, AddDays(kToday, 60));
  EXPECT_EQ(statuses[1].status, ScreeningStatus::kPending);
  EXPECT_EQ(statuses[1].valid_count, 1);
  EXPECT_EQ(statuses[2].status, ScreeningStatus::kNotAccepted);
  EXPECT_EQ(statuses[3].status, ScreeningStatus::kExpired);
  EXPECT_EQ(statuses[4].status, ScreeningStatus::kMissing);
  // Sixty-one days ahead is outside the notice period.
  items[0].expires_on = AddDays(kToday, 61);
  EXPECT_EQ(SummariseScreening(types, items, kToday, 60)[0].status, ScreeningStatus::kValid);
}

TEST(ScreeningItemCheck, GivesASatisfactoryItemItsTypesValidityAndRefusesImpossibleDates) {
  auto type = DefaultScreeningItemTypes().front();
  ScreeningItem item;
  item.completed_on = CivilDate{year{2026}, month{2}, day{28}};
  item.result = ScreeningResult::kPassed;
  ASSERT_TRUE(CheckScreeningItem(item, type, kToday));
  EXPECT_EQ(item.expires_on, (CivilDate{year{2029}, month{2}, day{28}}));

  ScreeningItem future;
  future.completed_on = AddDays(kToday, 1);
  const auto refused = CheckScreeningItem(future, type, kToday);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "completed_on");

  ScreeningItem backwards;
  backwards.completed_on = kToday;
  backwards.expires_on = AddDays(kToday, -1);
  ASSERT_FALSE(CheckScreeningItem(backwards, type, kToday));
}

}  // namespace
}  // namespace cercle::domain
