// Drafts of the minutes, contact and concern forms called straight on the application layer,
// without a socket, on SQLite and PostgreSQL: a draft is saved and found by its author only (never
// another volunteer, another organisation, or for a form the author may not fill), replaced by the
// next save, deleted when its form is sent or discarded, refused past its size with the earlier one
// kept, and no longer found 30 days after its last save, when the next save deletes it.
#include <gtest/gtest.h>

#include "app/circles/portal_circle.hpp"
#include "app/concerns/concern_raise.hpp"
#include "app/drafts/drafts.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/draft_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using app::drafts::DiscardDraft;
using app::drafts::FindDraft;
using app::drafts::SaveDraft;
using domain::DraftForm;
using domain::VolunteerStage;

template <class T>
ErrorKind KindOf(const Result<T>& result) {
  EXPECT_FALSE(result);
  return result ? ErrorKind::kInvalid : result.error().kind;
}

constexpr const char* kTyped = R"([["check_in","Tour de table (essai)."],["present","2"]])";

class AppDrafts : public ::testing::TestWithParam<Backend> {
 protected:
  AppDrafts() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    const auto made = CreateDraftCircle(server_, auth_, a_);
    own_ = made.own;
    odile_user_ = made.odile_user;
    odile_ = made.odile;
    circle_ = made.circle;
    due_ = made.due;
    other_circle_ = made.other_circle;
    volunteers_.CreateVolunteer(b_.id, "Olivier", "Ailleurs", VolunteerStage::kActive,
                                b_.volunteer.id);
    volunteer_ = ActorOf(a_.volunteer);
  }

  Result<Instant> Save(const auth::Actor& actor, DraftForm form, std::int64_t target,
                       const std::string& fields = kTyped) {
    return SaveDraft(server_.app(), actor, {.form = form, .target_id = target, .fields = fields});
  }

  std::size_t Audited(const std::string& action) {
    return auth_.CountAuditEntries(a_.id, action, a_.volunteer.id);
  }

  TestServer server_{{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CircleFixture circles_{server_};
  TestOrganisation a_, b_;
  TestUser odile_user_;
  auth::Actor volunteer_;
  std::int64_t own_ = 0, odile_ = 0, circle_ = 0, other_circle_ = 0, due_ = 0;
};

TEST_P(AppDrafts, TheAuthorFindsTheirDraftAsSavedAndTheNextSaveReplacesIt) {
  const auto saved = Save(volunteer_, DraftForm::kMinutes, due_);
  ASSERT_TRUE(saved) << saved.error().message.id;
  EXPECT_EQ(*saved, server_.clock().Now());
  auto draft = FindDraft(server_.app(), volunteer_, DraftForm::kMinutes, due_);
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->fields, kTyped);
  EXPECT_EQ(draft->saved_at, *saved);

  server_.clock().Advance(std::chrono::minutes(3));
  ASSERT_TRUE(Save(volunteer_, DraftForm::kMinutes, due_, R"([["check_in","Plus long."]])"));
  draft = FindDraft(server_.app(), volunteer_, DraftForm::kMinutes, due_);
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->fields, R"([["check_in","Plus long."]])");
  EXPECT_EQ(draft->saved_at, server_.clock().Now());
  EXPECT_EQ(auth_.CountRows("form_drafts"), 1);
  EXPECT_EQ(Audited("draft.save"), 1u) << "the first save is audited, not each one";
  EXPECT_FALSE(FindDraft(server_.app(), volunteer_, DraftForm::kContact, circle_))
      << "one draft per form";
}

TEST_P(AppDrafts, NoOneElseSeesADraftAndNoDraftIsKeptForAFormTheActorMayNotFill) {
  ASSERT_TRUE(Save(volunteer_, DraftForm::kMinutes, due_));
  ASSERT_TRUE(Save(volunteer_, DraftForm::kContact, circle_));
  const auto odile = ActorOf(odile_user_);
  EXPECT_FALSE(FindDraft(server_.app(), odile, DraftForm::kMinutes, due_));
  EXPECT_FALSE(FindDraft(server_.app(), odile, DraftForm::kContact, circle_));
  EXPECT_FALSE(FindDraft(server_.app(), ActorOf(b_.volunteer), DraftForm::kMinutes, due_));
  EXPECT_FALSE(FindDraft(server_.app(), ActorOf(a_.coordinator), DraftForm::kContact, circle_));
  EXPECT_EQ(KindOf(DiscardDraft(server_.app(), odile, DraftForm::kMinutes, due_)),
            ErrorKind::kNotFound);
  EXPECT_EQ(
      KindOf(DiscardDraft(server_.app(), ActorOf(b_.volunteer), DraftForm::kContact, circle_)),
      ErrorKind::kNotFound);

  // A circle the volunteer is not on, another organisation's volunteer, the staff's form for a
  // volunteer and a meeting that does not exist keep no draft.
  EXPECT_EQ(KindOf(Save(volunteer_, DraftForm::kContact, other_circle_)), ErrorKind::kNotFound);
  EXPECT_EQ(KindOf(Save(volunteer_, DraftForm::kConcern, other_circle_)), ErrorKind::kNotFound);
  EXPECT_EQ(KindOf(Save(ActorOf(b_.volunteer), DraftForm::kMinutes, due_)), ErrorKind::kNotFound);
  EXPECT_EQ(KindOf(Save(volunteer_, DraftForm::kStaffConcern, circle_)), ErrorKind::kNotFound);
  EXPECT_EQ(KindOf(Save(volunteer_, DraftForm::kMinutes, 999999)), ErrorKind::kNotFound);
  EXPECT_TRUE(Save(ActorOf(a_.coordinator), DraftForm::kStaffConcern, circle_));
  EXPECT_EQ(auth_.CountRows("form_drafts"), 3);
  EXPECT_EQ(FindDraft(server_.app(), volunteer_, DraftForm::kMinutes, due_)->fields, kTyped);
}

TEST_P(AppDrafts, SendingTheFormDeletesItsDraftAndOnlyItsAuthors) {
  ASSERT_TRUE(Save(volunteer_, DraftForm::kMinutes, due_));
  ASSERT_TRUE(Save(volunteer_, DraftForm::kContact, circle_));
  ASSERT_TRUE(Save(volunteer_, DraftForm::kConcern, circle_));
  ASSERT_TRUE(Save(ActorOf(odile_user_), DraftForm::kContact, circle_));

  const auto minutes = app::circles::SubmitMinutes(server_.app(), volunteer_,
                                                   {.meeting_id = due_,
                                                    .core_member_present = true,
                                                    .present = {own_, odile_},
                                                    .duration_minutes = 90,
                                                    .check_in = "Tour de table (essai).",
                                                    .accountability = "Rien de préoccupant."});
  ASSERT_TRUE(minutes) << minutes.error().message.id;
  EXPECT_FALSE(FindDraft(server_.app(), volunteer_, DraftForm::kMinutes, due_));
  EXPECT_EQ(KindOf(Save(volunteer_, DraftForm::kMinutes, due_)), ErrorKind::kNotFound)
      << "written minutes keep no draft";

  const auto contact = app::circles::LogContact(server_.app(), volunteer_,
                                                {.circle_id = circle_,
                                                 .contacted_on = circles_.Today(),
                                                 .kind = domain::ContactKind::kCall,
                                                 .duration_minutes = 30,
                                                 .note = "Appel (essai)."});
  ASSERT_TRUE(contact) << contact.error().message.id;
  EXPECT_FALSE(FindDraft(server_.app(), volunteer_, DraftForm::kContact, circle_));
  EXPECT_TRUE(FindDraft(server_.app(), ActorOf(odile_user_), DraftForm::kContact, circle_))
      << "another author's draft of the same form stays";

  const auto concern = app::concerns::Raise(
      server_.app(), volunteer_,
      {.raiser = app::concerns::Raiser::kVolunteer,
       .circle_id = circle_,
       .draft = {.category = domain::ConcernCategory::kHostility,
                 .severity = domain::Severity::kConcern,
                 .observed = "Propos inquiétants (essai).",
                 .observed_at = server_.clock().Now() - std::chrono::hours(1)}});
  ASSERT_TRUE(concern) << concern.error().message.id;
  EXPECT_FALSE(FindDraft(server_.app(), volunteer_, DraftForm::kConcern, circle_));
  EXPECT_EQ(auth_.CountRows("form_drafts"), 1);
}

TEST_P(AppDrafts, ARefusedSaveKeepsTheEarlierDraft) {
  ASSERT_TRUE(Save(volunteer_, DraftForm::kMinutes, due_));
  const std::string too_long =
      R"([["check_in",")" + std::string(domain::kDraftMaximumCharacters, 'e') + R"("]])";
  EXPECT_EQ(KindOf(Save(volunteer_, DraftForm::kMinutes, due_, too_long)), ErrorKind::kInvalid);
  EXPECT_EQ(FindDraft(server_.app(), volunteer_, DraftForm::kMinutes, due_)->fields, kTyped);
}

TEST_P(AppDrafts, TheAuthorDiscardsTheirDraftOnce) {
  ASSERT_TRUE(Save(volunteer_, DraftForm::kConcern, circle_));
  EXPECT_TRUE(DiscardDraft(server_.app(), volunteer_, DraftForm::kConcern, circle_));
  EXPECT_FALSE(FindDraft(server_.app(), volunteer_, DraftForm::kConcern, circle_));
  EXPECT_EQ(KindOf(DiscardDraft(server_.app(), volunteer_, DraftForm::kConcern, circle_)),
            ErrorKind::kNotFound);
  EXPECT_EQ(Audited("draft.discard"), 1u);
}

TEST_P(AppDrafts, ADraftIsKeptThirtyDaysAfterItsLastSave) {
  ASSERT_TRUE(Save(volunteer_, DraftForm::kContact, circle_));
  server_.clock().Advance(std::chrono::days(30) - std::chrono::seconds(1));
  EXPECT_TRUE(FindDraft(server_.app(), volunteer_, DraftForm::kContact, circle_));
  server_.clock().Advance(std::chrono::seconds(1));
  EXPECT_FALSE(FindDraft(server_.app(), volunteer_, DraftForm::kContact, circle_));
  EXPECT_EQ(auth_.CountRows("form_drafts"), 1);
  // The next save in the organisation deletes it.
  ASSERT_TRUE(Save(ActorOf(odile_user_), DraftForm::kContact, circle_));
  EXPECT_EQ(auth_.CountRows("form_drafts"), 1);
  EXPECT_FALSE(FindDraft(server_.app(), volunteer_, DraftForm::kContact, circle_));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppDrafts, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppDrafts, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
