// The staff home page's triage on the application layer, on SQLite and PostgreSQL: each area's
// items in its group, the most urgent group first, each group's count for the weekly digest; the
// time left before an unacknowledged urgent concern's next alert; each area's policy respected (a
// volunteer, a partner or an evaluator gets nothing) and another organisation's items never shown.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "app/circles/circle_meetings.hpp"
#include "app/home/landing.hpp"
#include "app/home/triage.hpp"
#include "app/intake/legal.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

using app::home::TriageGroup;
using app::home::TriageUrgency;

class AppHomeTriage : public ::testing::TestWithParam<Backend> {
 protected:
  AppHomeTriage() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    circle_ = Circle(a_, "Marcel Exemple", "2026-001", &writer_);
    other_circle_ = Circle(b_, "Gérard Autre", "2026-101", &other_writer_);
    concerns_.SetOnCall(a_.id, {{a_.coordinator.id, 0}});
  }

  // A weekly circle of a new file, started 60 days ago, with one volunteer (`writer`).
  std::int64_t Circle(const TestOrganisation& organisation, const std::string& name,
                      const std::string& number, std::int64_t* writer) {
    const auto circle =
        circles_.CreateWeeklyCircle(organisation.id, name, number, 60, "Odile", "Membre");
    *writer = circle.volunteer_id;
    return circle.circle_id;
  }

  // Minutes of a meeting `days_ago` days ago, waiting for the coordinator; returns the meeting.
  std::int64_t MinutesToRead(const TestOrganisation& organisation, std::int64_t circle,
                             std::int64_t writer, int days_ago) {
    return circles_.AddMinutesToRead(organisation.id, circle, writer, days_ago);
  }

  // An order of a new file of `organisation` ending in `days` days.
  void OrderEnding(const TestOrganisation& organisation, const std::string& name,
                   const std::string& number, int days) {
    const auto member = intake_.CreateCoreMember(organisation.id, name, number);
    ASSERT_TRUE(app::intake::CreateOrder(server_.app(), ActorOf(organisation.coordinator), member,
                                         {.type = domain::OrderType::kProbation,
                                          .starts_on = AddDays(today_, -100),
                                          .ends_on = AddDays(today_, days),
                                          .officer_name = "Agent Essai"}));
  }

  std::int64_t Raise(const TestOrganisation& organisation, std::int64_t circle,
                     domain::Severity severity) {
    return concerns_.Raise({.organisation_id = organisation.id,
                            .circle_id = circle,
                            .raised_by = organisation.coordinator.id,
                            .severity = severity});
  }

  const app::home::TriageSection* Find(const std::vector<app::home::TriageSection>& sections,
                                       TriageGroup group) {
    for (const auto& section : sections) {
      if (section.group == group) return &section;
    }
    return nullptr;
  }

  int CountOf(const std::vector<app::home::TriageCount>& counts, TriageGroup group) {
    for (const auto& count : counts) {
      if (count.group == group) return count.count;
    }
    return -1;
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  ConcernFixture concerns_{server_};
  TestOrganisation a_, b_;
  CivilDate today_;
  std::int64_t circle_ = 0, other_circle_ = 0, writer_ = 0, other_writer_ = 0;
};

TEST_P(AppHomeTriage, EachAreaInItsGroupTheMostUrgentGroupFirstWithItsCount) {
  const auto concern = Raise(a_, circle_, domain::Severity::kConcern);
  server_.clock().Advance(std::chrono::minutes(5));
  const auto urgent = Raise(a_, circle_, domain::Severity::kUrgent);
  const auto meeting = MinutesToRead(a_, circle_, writer_, 3);
  OrderEnding(a_, "Jean Essai", "2026-002", 3);
  // Another organisation's concern, minutes and dates never show.
  Raise(b_, other_circle_, domain::Severity::kEmergency);
  MinutesToRead(b_, other_circle_, other_writer_, 3);
  OrderEnding(b_, "Paul Ailleurs", "2026-102", 2);

  const auto coordinator = ActorOf(a_.coordinator);
  const auto sections = app::home::LoadTriage(server_.app(), coordinator);
  ASSERT_FALSE(sections.empty());
  // The concerns first: the urgent one, then the other, each with its circle.
  EXPECT_EQ(sections.front().group, TriageGroup::kConcerns);
  const auto& concerns = sections.front().items;
  ASSERT_EQ(concerns.size(), 2u);
  const auto& first = std::get<app::home::ConcernToAcknowledge>(concerns[0].subject);
  EXPECT_EQ(first.row.concern.id, urgent);
  EXPECT_EQ(concerns[0].urgency, TriageUrgency::kAlert);
  ASSERT_TRUE(first.escalates_at) << "an urgent concern's next alert";
  EXPECT_GT(*first.escalates_at, server_.clock().Now());
  const auto& second = std::get<app::home::ConcernToAcknowledge>(concerns[1].subject);
  EXPECT_EQ(second.row.concern.id, concern);
  EXPECT_FALSE(second.escalates_at) << "a concern that does not alert never escalates";

  // The minutes to read, with their meeting.
  const auto* minutes = Find(sections, TriageGroup::kMinutes);
  ASSERT_NE(minutes, nullptr);
  ASSERT_EQ(minutes->items.size(), 1u);
  const auto& flag = std::get<app::home::CircleItem>(minutes->items[0].subject).flag;
  EXPECT_EQ(flag.kind, domain::CircleFlagKind::kMinutesToAcknowledge);
  EXPECT_EQ(flag.meeting_id, meeting);
  // The order ending in three days: urgent, so its group comes before the minutes to read.
  const auto* legal = Find(sections, TriageGroup::kLegalDates);
  ASSERT_NE(legal, nullptr);
  ASSERT_EQ(legal->items.size(), 1u);
  EXPECT_EQ(legal->items[0].urgency, TriageUrgency::kUrgent);
  EXPECT_EQ(std::get<app::intake::KeyDateItem>(legal->items[0].subject).member.file_number,
            "2026-002");
  EXPECT_EQ(minutes->items[0].urgency, TriageUrgency::kSoon);
  EXPECT_LT(legal - sections.data(), minutes - sections.data());

  // Groups by their most pressing item, then in TriageGroup order; each group once.
  std::set<TriageGroup> seen;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    EXPECT_TRUE(seen.insert(sections[i].group).second);
    EXPECT_FALSE(sections[i].items.empty());
    for (const auto& item : sections[i].items) EXPECT_EQ(item.group, sections[i].group);
    if (i == 0) continue;
    const auto before = sections[i - 1].items.front().urgency;
    const auto after = sections[i].items.front().urgency;
    EXPECT_TRUE(before < after || (before == after && sections[i - 1].group < sections[i].group))
        << i;
  }

  // Each group's count, every group present, in TriageGroup order.
  const auto counts = app::home::CountTriage(server_.app(), coordinator);
  ASSERT_EQ(counts.size(), 6u);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    EXPECT_EQ(counts[i].group, domain::EnumValues<TriageGroup>()[i]);
    const auto* section = Find(sections, counts[i].group);
    EXPECT_EQ(counts[i].count, section ? static_cast<int>(section->items.size()) : 0);
  }
  EXPECT_EQ(CountOf(counts, TriageGroup::kConcerns), 2);
  EXPECT_EQ(CountOf(counts, TriageGroup::kMinutes), 1);
  EXPECT_EQ(CountOf(counts, TriageGroup::kLegalDates), 1);

  // Acknowledging the minutes takes them off.
  ASSERT_TRUE(app::circles::AcknowledgeMinutes(server_.app(), coordinator,
                                               {.meeting_id = meeting, .comment = ""}));
  EXPECT_EQ(CountOf(app::home::CountTriage(server_.app(), coordinator), TriageGroup::kMinutes), 0);

  // The other organisation's coordinator sees only theirs.
  const auto other = app::home::LoadTriage(server_.app(), ActorOf(b_.coordinator));
  ASSERT_FALSE(other.empty());
  ASSERT_EQ(other.front().group, TriageGroup::kConcerns);
  ASSERT_EQ(other.front().items.size(), 1u);
  EXPECT_EQ(std::get<app::home::ConcernToAcknowledge>(other.front().items[0].subject)
                .row.concern.organisation_id,
            b_.id);
  EXPECT_EQ(CountOf(app::home::CountTriage(server_.app(), ActorOf(b_.coordinator)),
                    TriageGroup::kLegalDates),
            1);
}

TEST_P(AppHomeTriage, VolunteersPartnersAndEvaluatorsGetNothing) {
  Raise(a_, circle_, domain::Severity::kUrgent);
  MinutesToRead(a_, circle_, writer_, 3);
  OrderEnding(a_, "Jean Essai", "2026-002", 3);
  ASSERT_FALSE(app::home::LoadTriage(server_.app(), ActorOf(a_.coordinator)).empty());
  ASSERT_FALSE(app::home::LoadTriage(server_.app(), ActorOf(a_.admin)).empty());
  for (const auto* user : {&a_.volunteer, &a_.partner, &a_.evaluator}) {
    const auto actor = ActorOf(*user);
    EXPECT_TRUE(app::home::LoadTriage(server_.app(), actor).empty()) << user->email;
    const auto counts = app::home::CountTriage(server_.app(), actor);
    ASSERT_EQ(counts.size(), 6u);
    for (const auto& count : counts) EXPECT_EQ(count.count, 0) << user->email;
  }
}

TEST_P(AppHomeTriage, TheNextAlertFollowsTheEscalationSteps) {
  const auto urgent = Raise(a_, circle_, domain::Severity::kUrgent);
  const auto steps = concerns_.Steps(a_.id, urgent);
  Instant pending{};
  for (const auto& step : steps) {
    if (!step.fired_at && !step.cancelled_at) pending = step.due_at;
  }
  ASSERT_NE(pending, Instant{}) << "raising an urgent concern plans its next step";
  const auto sections = app::home::LoadTriage(server_.app(), ActorOf(a_.coordinator));
  ASSERT_FALSE(sections.empty());
  const auto& item = std::get<app::home::ConcernToAcknowledge>(sections.front().items[0].subject);
  ASSERT_TRUE(item.escalates_at);
  EXPECT_EQ(*item.escalates_at, pending);
  // Once acknowledged, it leaves the triage.
  concerns_.Acknowledge(a_.id, urgent, a_.coordinator.id);
  const auto after = app::home::LoadTriage(server_.app(), ActorOf(a_.coordinator));
  for (const auto& section : after) EXPECT_NE(section.group, TriageGroup::kConcerns);
}

TEST_P(AppHomeTriage, EachRoleLandsOnItsWork) {
  using app::home::Landing;
  using app::home::LandingOf;
  EXPECT_EQ(LandingOf(ActorOf(a_.coordinator)), Landing::kHome);
  EXPECT_EQ(LandingOf(ActorOf(a_.admin)), Landing::kHome);
  EXPECT_EQ(LandingOf(ActorOf(a_.partner)), Landing::kMyCircles);
  EXPECT_EQ(LandingOf(ActorOf(a_.evaluator)), Landing::kEvaluation);
  auto volunteer = ActorOf(a_.volunteer);
  volunteer.has_volunteer_file = false;
  EXPECT_EQ(LandingOf(volunteer), Landing::kHome) << "no portal without a file";
  volunteer.has_volunteer_file = true;
  EXPECT_EQ(LandingOf(volunteer), Landing::kPortal);
  // Several roles: the home page.
  volunteer.roles.Add(domain::Role::kCoordinator);
  EXPECT_EQ(LandingOf(volunteer), Landing::kHome);
  auto partner = ActorOf(a_.partner);
  partner.roles.Add(domain::Role::kEvaluator);
  EXPECT_EQ(LandingOf(partner), Landing::kHome);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppHomeTriage, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppHomeTriage, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
