// A circle's suggestions and what volunteers declare about serving, called straight on the
// application layer, without a socket, on SQLite and PostgreSQL: the ranking lists the volunteers
// who may serve, excludes those the gate refuses and those who declared a conflict with the core
// member, each with its reasons; declared conflicts and declined profiles are saved after their
// checks and removed, each change audited; volunteers and another organisation get NotFound.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/circles/suggestions.hpp"
#include "domain/enum_names.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using app::circles::ViewAudit;
using domain::CirclePhase;
using domain::VolunteerStage;

bool Lists(const std::vector<domain::Suggestion>& suggestions, std::int64_t volunteer_id) {
  return std::any_of(suggestions.begin(), suggestions.end(), [&](const auto& suggestion) {
    return suggestion.volunteer_id == volunteer_id;
  });
}

class AppCircleSuggestions : public ::testing::TestWithParam<Backend> {
 protected:
  AppCircleSuggestions() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    coordinator_ = ActorOf(a_.coordinator);
    core_member_ = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001",
                                            domain::CoreMemberStatus::kWaitingForCircle);
    member_ = Eligible("Odile", "Membre");
    paul_ = Eligible("Paul", "Libre");
    unscreened_ = volunteers_.CreateVolunteer(a_.id, "Zoé", "Sansfiche", VolunteerStage::kActive);
    applicant_ = volunteers_.CreateVolunteer(a_.id, "Yvan", "Candidat", VolunteerStage::kScreening);
    circle_ = circles_.CreateCircle(a_.id, core_member_, CirclePhase::kForming, today_);
    circles_.AddMember(a_.id, circle_, member_, today_);
  }

  // An active volunteer who passes the gate: full screening and the basic training.
  std::int64_t Eligible(const std::string& first, const std::string& last) {
    const auto id = volunteers_.CreateVolunteer(a_.id, first, last, VolunteerStage::kActive);
    volunteers_.AddFullScreening(a_.id, id, AddDays(today_, -100));
    volunteers_.AddTrainingSession(a_.id, 0, AddDays(today_, -90), 15 * 60, {id});
    return id;
  }

  app::circles::PreferencesCommand Conflict() const {
    return {.volunteer_id = paul_,
            .declined = {domain::EnumValues<domain::OffenceProfile>().front()},
            .core_member_id = core_member_,
            .note = "Ancien voisin (essai)."};
  }

  std::size_t Audited(const std::string& action) {
    return auth_.CountAuditEntries(a_.id, action, a_.coordinator.id);
  }

  TestServer server_{{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  TestOrganisation a_, b_;
  CivilDate today_;
  auth::Actor coordinator_;
  std::int64_t core_member_ = 0, circle_ = 0;
  std::int64_t member_ = 0, paul_ = 0, unscreened_ = 0, applicant_ = 0;
};

TEST_P(AppCircleSuggestions, TheRankingListsWhoMayServeAndExcludesTheGateAndDeclaredConflicts) {
  const auto describe = [](const domain::GateFailure&) { return std::string("Barrière (essai)"); };
  auto page = app::circles::LoadSuggestions(server_.app(), coordinator_, circle_, describe);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->member_count, 1);
  EXPECT_FALSE(page->full);
  ASSERT_TRUE(page->core_member);
  EXPECT_TRUE(Lists(page->ranked, paul_));
  ASSERT_TRUE(Lists(page->excluded, unscreened_)) << "the gate refuses an unscreened volunteer";
  const auto refused = std::find_if(page->excluded.begin(), page->excluded.end(),
                                    [&](const auto& s) { return s.volunteer_id == unscreened_; });
  EXPECT_TRUE(std::any_of(refused->exclusions.begin(), refused->exclusions.end(),
                          [](const Message& reason) { return reason.id == "Barrière (essai)"; }))
      << "each gate condition is described in the reader's words";
  for (const auto id : {member_, applicant_}) {
    EXPECT_FALSE(Lists(page->ranked, id) || Lists(page->excluded, id))
        << "neither a member nor an applicant is a candidate";
  }
  EXPECT_EQ(Audited("circle.suggestions_view"), 1u);

  ASSERT_TRUE(app::circles::SavePreferences(server_.app(), coordinator_, Conflict()));
  page = app::circles::LoadSuggestions(server_.app(), coordinator_, circle_, {}, ViewAudit::kSkip);
  ASSERT_TRUE(page);
  EXPECT_TRUE(Lists(page->excluded, paul_)) << "a declared conflict excludes";
  EXPECT_FALSE(Lists(page->ranked, paul_));
  EXPECT_EQ(Audited("circle.suggestions_view"), 1u);
}

TEST_P(AppCircleSuggestions, PreferencesAreSavedAfterTheirChecksAndAConflictIsRemoved) {
  auto unlisted = Conflict();
  unlisted.unlisted_profile = true;
  auto refused = app::circles::SavePreferences(server_.app(), coordinator_, unlisted);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "profiles");
  auto mistaken = Conflict();
  mistaken.core_member_id.reset();
  mistaken.unreadable_core_member = true;
  mistaken.note = std::string(app::circles::kConflictNoteLength + 1, 'x');
  refused = app::circles::SavePreferences(server_.app(), coordinator_, mistaken);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.size(), 2u) << "the core member and the note";
  auto unknown = Conflict();
  unknown.core_member_id = 987654321;
  ASSERT_FALSE(app::circles::SavePreferences(server_.app(), coordinator_, unknown));
  EXPECT_EQ(auth_.CountRows("volunteer_conflicts"), 0);
  EXPECT_EQ(auth_.CountRows("volunteer_declined_profiles"), 0);

  const auto saved = app::circles::SavePreferences(server_.app(), coordinator_, Conflict());
  ASSERT_TRUE(saved);
  EXPECT_EQ(*saved, paul_);
  const auto twice = app::circles::SavePreferences(server_.app(), coordinator_, Conflict());
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().fields.front().message.id, "This conflict is already recorded.");
  EXPECT_EQ(Audited("circle.preferences_update"), 1u);

  auto page = app::circles::LoadPreferences(server_.app(), coordinator_, paul_);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->conflicts.size(), 1u);
  EXPECT_EQ(page->conflicts.front().core_member, "Marcel Exemple");
  EXPECT_EQ(page->conflicts.front().note, "Ancien voisin (essai).");
  EXPECT_EQ(page->declined, Conflict().declined);
  EXPECT_EQ(Audited("circle.preferences_view"), 1u);

  const auto removed =
      app::circles::RemoveConflict(server_.app(), coordinator_, page->conflicts.front().id);
  ASSERT_TRUE(removed);
  EXPECT_EQ(*removed, paul_);
  EXPECT_EQ(auth_.CountRows("volunteer_conflicts"), 0);
  EXPECT_EQ(Audited("circle.preferences_update"), 2u);
  page = app::circles::LoadPreferences(server_.app(), coordinator_, paul_, ViewAudit::kSkip);
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->conflicts.empty());
  EXPECT_EQ(Audited("circle.preferences_view"), 1u);
  const auto gone = app::circles::RemoveConflict(server_.app(), coordinator_, 987654321);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().kind, ErrorKind::kNotFound);
}

TEST_P(AppCircleSuggestions, VolunteersAndAnotherOrganisationGetNotFound) {
  ASSERT_TRUE(app::circles::SavePreferences(server_.app(), coordinator_, Conflict()));
  const auto conflict =
      app::circles::LoadPreferences(server_.app(), coordinator_, paul_)->conflicts.front().id;
  const auto expect_not_found = [](const auto& result) {
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, ErrorKind::kNotFound);
  };
  for (const auto* user : {&a_.volunteer, &a_.evaluator, &b_.coordinator, &b_.admin}) {
    const auto actor = ActorOf(*user);
    expect_not_found(app::circles::LoadSuggestions(server_.app(), actor, circle_));
    expect_not_found(app::circles::LoadPreferences(server_.app(), actor, paul_));
    expect_not_found(app::circles::SavePreferences(server_.app(), actor, Conflict()));
    expect_not_found(app::circles::RemoveConflict(server_.app(), actor, conflict));
  }
  EXPECT_EQ(auth_.CountRows("volunteer_conflicts"), 1);
  EXPECT_EQ(Audited("circle.preferences_update"), 1u);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppCircleSuggestions, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppCircleSuggestions, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
