// The concerns' commands and page queries called without HTTP, on SQLite and PostgreSQL: raising
// (with its alert mail), acknowledgement, the handling steps, the reply, closure, the on-call rota,
// the register and what volunteers and partners see. Each command is checked for what a user would
// observe (the stored state through a page query, the mail, the audit entries) and for its
// refusals: a rule of the concern's status, a field, and another organisation's actor, who gets
// NotFound exactly like a missing concern.
#include <gtest/gtest.h>

#include "app/concerns/concern_follow_up.hpp"
#include "app/concerns/concern_handling.hpp"
#include "app/concerns/concern_page.hpp"
#include "app/concerns/concern_raise.hpp"
#include "app/concerns/concern_register.hpp"
#include "app/concerns/on_call.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using namespace app::concerns;
using domain::CirclePhase;
using domain::ConcernStatus;
using domain::VolunteerStage;

constexpr std::int64_t kMissingId = 987654321;

class AppConcerns : public ::testing::TestWithParam<Backend> {
 protected:
  AppConcerns() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    const auto today = circles_.Today();
    volunteer_ = volunteers_.CreateVolunteer(a_.id, "Bastien", "Bénévole", VolunteerStage::kActive,
                                             a_.volunteer.id);
    const auto file = intake_.SeedFullFile(a_.id, "Marcel Exemple", "2026-001");
    circle_ = circles_.CreateCircle(a_.id, file.core_member_id, CirclePhase::kWeekly,
                                    AddDays(today, -60), AddDays(today, -60));
    circles_.AddMember(a_.id, circle_, volunteer_, AddDays(today, -60), true);
    officer_ = circles_.AddPartnerContact(a_.id, "Agathe Agente", a_.partner.id);
    agreement_ = circles_.AddAgreement(a_.id, officer_, circle_, AddDays(today, -30));
    concerns_.SetOnCall(a_.id, {{a_.coordinator.id, 0}});
    coordinator_ = ActorOf(a_.coordinator);
    volunteer_actor_ = ActorOf(a_.volunteer);
    outsider_ = ActorOf(b_.coordinator);
  }

  const app::Services& services() { return server_.app(); }

  // A concern typed now about the test circle.
  RaiseCommand Typed(Raiser raiser, domain::Severity severity) {
    return {.raiser = raiser,
            .circle_id = circle_,
            .draft = {.category = domain::ConcernCategory::kHostility,
                      .severity = severity,
                      .observed = "  Propos inquiétants entendus à la rencontre (essai).  ",
                      .observed_at = server_.clock().Now() - std::chrono::hours(1),
                      .already_done = ""}};
  }

  // A concern raised by the volunteer, urgent unless told; returns its id.
  std::int64_t RaiseAsVolunteer(domain::Severity severity = domain::Severity::kUrgent) {
    const auto raised = Raise(services(), volunteer_actor_, Typed(Raiser::kVolunteer, severity));
    EXPECT_TRUE(raised) << raised.error().message.id;
    return raised ? raised->concern_id : 0;
  }

  // A concern raised by the volunteer and acknowledged by the coordinator.
  std::int64_t Acknowledged() {
    const auto concern = RaiseAsVolunteer();
    EXPECT_TRUE(Acknowledge(services(), coordinator_, {.concern_id = concern}));
    return concern;
  }

  ConcernPage Page(std::int64_t concern) {
    auto page = LoadConcernPage(services(), coordinator_, concern, RecordView::kNo);
    EXPECT_TRUE(page);
    return std::move(page).value();
  }

  std::size_t Audited(const std::string& action) { return auth_.CountAuditEntries(a_.id, action); }

  TestServer server_{TestServer::Options{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  ConcernFixture concerns_{server_};
  TestOrganisation a_, b_;
  std::int64_t volunteer_ = 0, circle_ = 0, officer_ = 0, agreement_ = 0;
  auth::Actor coordinator_, volunteer_actor_, outsider_;
};

template <class T>
ErrorKind KindOf(const Result<T>& result) {
  EXPECT_FALSE(result);
  return result ? ErrorKind::kInvalid : result.error().kind;
}

TEST_P(AppConcerns, AVolunteerRaisesAConcernThatAlertsTheOnCallCoordinator) {
  const auto concern = RaiseAsVolunteer();
  const auto page = Page(concern);
  EXPECT_EQ(page.row.concern.raised_by, a_.volunteer.id);
  EXPECT_EQ(page.row.concern.raised_by_volunteer, volunteer_);
  EXPECT_EQ(page.row.concern.observed, "Propos inquiétants entendus à la rencontre (essai).");
  EXPECT_EQ(page.row.concern.status, ConcernStatus::kRaised);
  ASSERT_EQ(page.steps.size(), 2u);
  EXPECT_TRUE(page.steps[0].fired_at);
  EXPECT_EQ(concerns_.QueuedRecipients(), std::vector<std::string>{a_.coordinator.email});
  EXPECT_EQ(Audited("concern.raise"), 1u);
  EXPECT_EQ(Audited("concern.alert"), 1u);
}

TEST_P(AppConcerns, RaisingIsRefusedForMistakesAndForACircleTheActorMayNotRaiseAbout) {
  auto typed = Typed(Raiser::kStaff, domain::Severity::kConcern);
  typed.draft.severity.reset();
  const auto mistaken = Raise(services(), coordinator_, typed);
  ASSERT_EQ(KindOf(mistaken), ErrorKind::kInvalid);
  ASSERT_EQ(mistaken.error().fields.size(), 1u);
  EXPECT_EQ(mistaken.error().fields.front().field, "severity");
  EXPECT_EQ(KindOf(Raise(services(), outsider_, Typed(Raiser::kStaff, domain::Severity::kConcern))),
            ErrorKind::kNotFound);
  EXPECT_EQ(KindOf(LoadRaisePage(services(), outsider_, Raiser::kStaff, circle_, std::nullopt)),
            ErrorKind::kNotFound);
  // A coordinator is no volunteer of the circle.
  EXPECT_EQ(KindOf(Raise(services(), coordinator_,
                         Typed(Raiser::kVolunteer, domain::Severity::kConcern))),
            ErrorKind::kNotFound);
  EXPECT_EQ(auth_.CountRows("concerns"), 0);
  EXPECT_EQ(Audited("concern.raise"), 0u);
}

TEST_P(AppConcerns, AcknowledgementStopsTheEscalationOnceAndOnlyInTheOrganisation) {
  const auto concern = RaiseAsVolunteer();
  EXPECT_EQ(KindOf(Acknowledge(services(), outsider_, {.concern_id = concern})),
            ErrorKind::kNotFound);
  EXPECT_EQ(KindOf(Acknowledge(services(), coordinator_, {.concern_id = kMissingId})),
            ErrorKind::kNotFound);
  ASSERT_TRUE(Acknowledge(services(), coordinator_, {.concern_id = concern}));
  const auto page = Page(concern);
  EXPECT_EQ(page.row.concern.status, ConcernStatus::kAcknowledged);
  EXPECT_EQ(page.row.concern.acknowledged_by, a_.coordinator.id);
  EXPECT_TRUE(page.steps.back().cancelled_at);
  EXPECT_EQ(KindOf(Acknowledge(services(), coordinator_, {.concern_id = concern})),
            ErrorKind::kConflict);
  EXPECT_EQ(Audited("concern.acknowledge"), 1u);
}

TEST_P(AppConcerns, AlertStepsFireOnlyOnceTheirDeadlinePassedAndNotAfterAcknowledgement) {
  const auto concern = RaiseAsVolunteer();
  EXPECT_EQ(EscalateDueAlerts(services()), 0);
  server_.clock().Advance(std::chrono::hours(48));
  EXPECT_GT(EscalateDueAlerts(services()), 0);
  auto page = Page(concern);
  ASSERT_EQ(page.steps.size(), 3u);
  EXPECT_TRUE(page.steps[1].fired_at);
  EXPECT_FALSE(page.steps[2].fired_at);
  EXPECT_EQ(Audited("concern.alert"), 2u);
  ASSERT_TRUE(Acknowledge(services(), coordinator_, {.concern_id = concern}));
  server_.clock().Advance(std::chrono::hours(48));
  EXPECT_EQ(EscalateDueAlerts(services()), 0);
  EXPECT_EQ(Audited("concern.alert"), 2u);
}

TEST_P(AppConcerns, StartingNeedsAnAcknowledgedConcern) {
  const auto concern = RaiseAsVolunteer();
  EXPECT_EQ(KindOf(Start(services(), coordinator_, {.concern_id = concern})), ErrorKind::kConflict);
  ASSERT_TRUE(Acknowledge(services(), coordinator_, {.concern_id = concern}));
  EXPECT_EQ(KindOf(Start(services(), outsider_, {.concern_id = concern})), ErrorKind::kNotFound);
  ASSERT_TRUE(Start(services(), coordinator_, {.concern_id = concern}));
  EXPECT_EQ(Page(concern).row.concern.status, ConcernStatus::kInProgress);
  EXPECT_EQ(Audited("concern.start"), 1u);
}

TEST_P(AppConcerns, AnActionIsRecordedOnAnAcknowledgedConcernAndMovesItOn) {
  const auto concern = RaiseAsVolunteer();
  const RecordActionCommand action{.concern_id = concern,
                                   .kind = domain::ActionKind::kSafetyPlan,
                                   .note = "Plan de sécurité revu (essai).",
                                   .taken_at = server_.clock().Now()};
  EXPECT_EQ(KindOf(RecordAction(services(), coordinator_, action)), ErrorKind::kConflict);
  ASSERT_TRUE(Acknowledge(services(), coordinator_, {.concern_id = concern}));
  EXPECT_EQ(KindOf(RecordAction(services(), outsider_, action)), ErrorKind::kNotFound);
  auto unnoted = action;
  unnoted.note = " ";
  EXPECT_EQ(KindOf(RecordAction(services(), coordinator_, unnoted)), ErrorKind::kInvalid);
  ASSERT_TRUE(RecordAction(services(), coordinator_, action));
  const auto page = Page(concern);
  ASSERT_EQ(page.actions.size(), 1u);
  EXPECT_EQ(page.actions.front().action.note, "Plan de sécurité revu (essai).");
  EXPECT_EQ(page.actions.front().recorded_by_name, a_.coordinator.display_name);
  EXPECT_EQ(page.row.concern.status, ConcernStatus::kInProgress);
  EXPECT_EQ(Audited("concern.action"), 1u);
  EXPECT_EQ(Audited("concern.start"), 1u);
}

TEST_P(AppConcerns, AnEmergencyMeetingIsPlannedAndRecordedAsAnAction) {
  const auto concern = Acknowledged();
  const auto tomorrow = AddDays(circles_.Today(), 1);
  PlanEmergencyMeetingCommand command{.concern_id = concern,
                                      .plan = {.date = tomorrow,
                                               .start_minute = 19 * 60,
                                               .duration_minutes = 90,
                                               .mode = domain::MeetingMode::kTelephone},
                                      .starts = CircleFixture::At(tomorrow, 19 * 60),
                                      .note = "Rencontre d'urgence demain soir (essai)."};
  EXPECT_EQ(KindOf(PlanEmergencyMeeting(services(), outsider_, command)), ErrorKind::kNotFound);
  ASSERT_TRUE(PlanEmergencyMeeting(services(), coordinator_, command));
  const auto page = Page(concern);
  ASSERT_EQ(page.actions.size(), 1u);
  EXPECT_EQ(page.actions.front().action.kind, domain::ActionKind::kEmergencyMeeting);
  EXPECT_TRUE(page.actions.front().action.meeting_id);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.meeting_plan"), 1u);
  circles_.CloseCircle(a_.id, circle_, circles_.Today());
  EXPECT_EQ(KindOf(PlanEmergencyMeeting(services(), coordinator_, command)), ErrorKind::kConflict);
}

TEST_P(AppConcerns, ADisclosureIsCheckedAgainstTheRecordBeforeItIsStored) {
  const auto concern = Acknowledged();
  // An agreement covers only a partner contact: not the police.
  const RecordDisclosureCommand to_police{
      .concern_id = concern,
      .draft = {.recipient_kind = domain::RecipientKind::kPolice,
                .recipient_name = "Agent de service (essai)",
                .disclosed_at = server_.clock().Now(),
                .means = domain::DisclosureMeans::kPhone,
                .shared = "Rencontre du cercle prévue ce soir (essai).",
                .basis = domain::LegalBasis::kAgreement}};
  const auto refused = RecordDisclosure(services(), coordinator_, to_police);
  ASSERT_EQ(KindOf(refused), ErrorKind::kInvalid);
  ASSERT_FALSE(refused.error().fields.empty());
  EXPECT_EQ(refused.error().fields.front().field, "basis");
  EXPECT_TRUE(Page(concern).disclosures.empty());
  const RecordDisclosureCommand command{
      .concern_id = concern,
      .draft = {.recipient_kind = domain::RecipientKind::kPartnerContact,
                .partner_contact_id = officer_,
                .disclosed_at = server_.clock().Now(),
                .means = domain::DisclosureMeans::kPhone,
                .shared = "Rencontre du cercle prévue ce soir (essai).",
                .basis = domain::LegalBasis::kAgreement}};
  EXPECT_EQ(KindOf(RecordDisclosure(services(), outsider_, command)), ErrorKind::kNotFound);
  ASSERT_TRUE(RecordDisclosure(services(), coordinator_, command));
  const auto page = Page(concern);
  ASSERT_EQ(page.disclosures.size(), 1u);
  EXPECT_EQ(page.disclosures.front().disclosure.agreement_id, agreement_);
  EXPECT_EQ(page.row.concern.status, ConcernStatus::kInProgress);
  EXPECT_EQ(Audited("concern.disclose"), 1u);
}

TEST_P(AppConcerns, TheReplyIsStoredAndMailedToTheVolunteerWhoRaisedIt) {
  const auto concern = RaiseAsVolunteer(domain::Severity::kConcern);
  EXPECT_EQ(KindOf(Reply(services(), coordinator_, {.concern_id = concern, .reply = "  "})),
            ErrorKind::kInvalid);
  EXPECT_EQ(KindOf(Reply(services(), outsider_, {.concern_id = concern, .reply = "Merci."})),
            ErrorKind::kNotFound);
  ASSERT_TRUE(Reply(services(), coordinator_, {.concern_id = concern, .reply = " Merci. "}));
  EXPECT_EQ(Page(concern).row.concern.reply, "Merci.");
  EXPECT_EQ(concerns_.QueuedRecipients(), std::vector<std::string>{a_.volunteer.email});
  EXPECT_EQ(Audited("concern.reply"), 1u);
  const auto seen = LoadOwnConcern(services(), volunteer_actor_, concern);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->concern.reply, "Merci.");
}

TEST_P(AppConcerns, ClosureNeedsAnAcknowledgedConcernAndAnOutcome) {
  const auto concern = RaiseAsVolunteer();
  const CloseCommand close{.concern_id = concern,
                           .outcome = domain::ConcernOutcome::kResolved,
                           .note = "Réglé au sein du cercle (essai)."};
  EXPECT_EQ(KindOf(Close(services(), coordinator_, close)), ErrorKind::kConflict);
  ASSERT_TRUE(Acknowledge(services(), coordinator_, {.concern_id = concern}));
  EXPECT_EQ(KindOf(Close(services(), coordinator_, {.concern_id = concern})), ErrorKind::kInvalid);
  EXPECT_EQ(KindOf(Close(services(), outsider_, close)), ErrorKind::kNotFound);
  ASSERT_TRUE(Close(services(), coordinator_, close));
  const auto page = Page(concern);
  EXPECT_EQ(page.row.concern.status, ConcernStatus::kClosed);
  EXPECT_EQ(page.row.concern.outcome, domain::ConcernOutcome::kResolved);
  EXPECT_EQ(Audited("concern.close"), 1u);
}

TEST_P(AppConcerns, TheOnCallRotaNamesOnlyStaffOfTheOrganisation) {
  const SaveOnCallCommand forged{.choices = {{a_.admin.id, 0}, {a_.volunteer.id, 1}}};
  const auto refused = SaveOnCall(services(), coordinator_, forged);
  ASSERT_EQ(KindOf(refused), ErrorKind::kInvalid);
  EXPECT_EQ(refused.error().fields.front().field, "on_call");
  EXPECT_EQ(KindOf(SaveOnCall(services(), volunteer_actor_, {})), ErrorKind::kNotFound);
  ASSERT_TRUE(SaveOnCall(services(), coordinator_,
                         {.choices = {{a_.admin.id, 0}, {a_.coordinator.id, 1}}}));
  const auto page = LoadOnCallPage(services(), coordinator_);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->on_call.size(), 2u);
  EXPECT_EQ(page->on_call.front().user_id, a_.admin.id);
  EXPECT_EQ(page->on_call.front().level, 0);
  EXPECT_EQ(Audited("concern.on_call"), 1u);
  EXPECT_TRUE(LoadOnCallPage(services(), outsider_)->on_call.empty());
}

TEST_P(AppConcerns, TheRegisterListsTheOrganisationsConcernsForStaffOnly) {
  const auto first = RaiseAsVolunteer();
  RaiseAsVolunteer(domain::Severity::kInformation);
  ASSERT_TRUE(Acknowledge(services(), coordinator_, {.concern_id = first}));
  const PageChoice every = [](std::int64_t) { return store::PageSlice{50, 0}; };
  const auto all = LoadRegister(services(), coordinator_, {.page = every});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->total, 2);
  EXPECT_TRUE(all->any_concern);
  ASSERT_EQ(all->figures.size(), 1u);
  EXPECT_EQ(all->figures.front().raised, 2);
  const auto raised =
      LoadRegister(services(), coordinator_, {.status = ConcernStatus::kRaised, .page = every});
  ASSERT_EQ(raised->rows.size(), 1u);
  EXPECT_EQ(LoadUnacknowledged(services(), coordinator_).size(), 1u);
  EXPECT_TRUE(LoadUnacknowledged(services(), volunteer_actor_).empty());
  EXPECT_EQ(KindOf(LoadRegister(services(), volunteer_actor_, {.page = every})),
            ErrorKind::kNotFound);
  EXPECT_EQ(LoadRegister(services(), outsider_, {.page = every})->total, 0);
  EXPECT_EQ(Audited("concern.list"), 2u);
}

TEST_P(AppConcerns, AVolunteerFollowsOnlyWhatTheyRaisedAndAPartnerOnlyWhatTheyWereTold) {
  const auto own = RaiseAsVolunteer();
  const auto staff =
      Raise(services(), coordinator_, Typed(Raiser::kStaff, domain::Severity::kConcern));
  ASSERT_TRUE(staff);
  const PageChoice every = [](std::int64_t) { return store::PageSlice{50, 0}; };
  const auto listed = LoadOwnConcerns(services(), volunteer_actor_, every);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->rows.size(), 1u);
  EXPECT_EQ(listed->rows.front().concern.id, own);
  EXPECT_EQ(KindOf(LoadOwnConcern(services(), volunteer_actor_, staff->concern_id)),
            ErrorKind::kNotFound);
  EXPECT_EQ(KindOf(LoadOwnConcerns(services(), coordinator_, every)), ErrorKind::kNotFound);
  ASSERT_TRUE(LoadOwnConcern(services(), volunteer_actor_, own));
  EXPECT_EQ(Audited("concern.volunteer_view"), 1u);

  const auto partner = ActorOf(a_.partner);
  EXPECT_TRUE(LoadDisclosedConcerns(services(), partner)->empty());
  EXPECT_EQ(KindOf(LoadDisclosedConcern(services(), partner, own)), ErrorKind::kNotFound);
  concerns_.Acknowledge(a_.id, own, a_.coordinator.id);
  concerns_.DiscloseToPartner(a_.id, own, officer_, agreement_, a_.coordinator.id,
                              "Partagé avec l'agente (essai).");
  ASSERT_EQ(LoadDisclosedConcerns(services(), partner)->size(), 1u);
  const auto disclosed = LoadDisclosedConcern(services(), partner, own);
  ASSERT_TRUE(disclosed);
  ASSERT_EQ(disclosed->disclosures.size(), 1u);
  EXPECT_EQ(disclosed->disclosures.front().disclosure.shared, "Partagé avec l'agente (essai).");
  EXPECT_EQ(Audited("concern.partner_view"), 1u);
  EXPECT_EQ(KindOf(LoadDisclosedConcerns(services(), coordinator_)), ErrorKind::kNotFound);
}

TEST_P(AppConcerns, TheConcernPageRecordsItsViewAndListsWhoViewedTheRecord) {
  const auto concern = RaiseAsVolunteer();
  EXPECT_EQ(KindOf(LoadConcernPage(services(), outsider_, concern, RecordView::kYes)),
            ErrorKind::kNotFound);
  const auto page = LoadConcernPage(services(), coordinator_, concern, RecordView::kYes);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->viewers.size(), 1u);
  EXPECT_EQ(page->viewers.front().user_id, a_.coordinator.id);
  EXPECT_EQ(Audited("concern.view"), 1u);
  ASSERT_TRUE(LoadConcernPage(services(), coordinator_, concern, RecordView::kNo));
  EXPECT_EQ(Audited("concern.view"), 1u);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppConcerns, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppConcerns, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
