// The intake workflows called through the application layer, without HTTP, on SQLite and on
// PostgreSQL: referrals from reception to acceptance, a file's details, status, legal status, risk
// assessments and consents, the eligibility criteria, documents and the home page's key dates. Each
// test checks what a user would see (through a page query), the audit entries, and that another
// organisation's actor gets NotFound.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/intake/attention.hpp"
#include "app/intake/documents.hpp"
#include "app/intake/eligibility.hpp"
#include "app/intake/legal.hpp"
#include "app/intake/referrals.hpp"
#include "support/auth_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

using app::intake::Viewing;

class AppIntake : public ::testing::TestWithParam<Backend> {
 protected:
  AppIntake() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    coordinator_ = ActorOf(a_.coordinator);
    stranger_ = ActorOf(b_.coordinator);
  }

  const app::Services& app() { return server_.app(); }
  std::size_t Audited(const std::string& action) { return auth_.CountAuditEntries(a_.id, action); }
  // A referral as a coordinator types it.
  app::intake::ReferralDetails Details(const std::string& person) {
    return {.source = domain::ReferralSource::kCsc,
            .referrer_name = "Agente Lise Prototype",
            .referrer_contact = "514 555-0199",
            .received_on = fixture_.Today(),
            .person_legal_name = person,
            .summary = "Demande de suivi (essai)."};
  }

  TestServer server_{{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  CoreMemberFixture fixture_{server_};
  TestOrganisation a_;
  TestOrganisation b_;
  auth::Actor coordinator_;
  auth::Actor stranger_;
};

TEST_P(AppIntake, ReferralGoesFromReceptionToAnOpenFile) {
  const auto id = app::intake::CreateReferral(app(), coordinator_, Details("Marcel Essai"));
  ASSERT_TRUE(id) << id.error().message.id;
  EXPECT_EQ(Audited("referral.create"), 1u);

  auto page = app::intake::LoadReferralPage(app(), coordinator_, *id);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->referral.person_legal_name, "Marcel Essai");
  EXPECT_EQ(page->referral.status, domain::ReferralStatus::kReceived);
  ASSERT_FALSE(page->criteria.empty());
  EXPECT_EQ(Audited("referral.view"), 1u);

  std::vector<std::int64_t> every;
  for (const auto& criterion : page->criteria) every.push_back(criterion.id);
  ASSERT_TRUE(app::intake::SaveChecklist(app(), coordinator_, {.referral_id = *id, .met = every}));
  EXPECT_EQ(Audited("referral.checklist"), 1u);
  const auto moved = app::intake::MoveReferral(
      app(), coordinator_, {.referral_id = *id, .to = domain::ReferralStatus::kScreening});
  ASSERT_TRUE(moved);
  EXPECT_EQ(*moved, app::intake::MoveOutcome::kMoved);

  const auto form = app::intake::LoadAcceptanceForm(app(), coordinator_, *id, Viewing::kRecorded);
  ASSERT_TRUE(form);
  EXPECT_EQ(form->missing_criteria, 0u);
  const auto file = app::intake::AcceptReferral(app(), coordinator_,
                                                {.referral_id = *id,
                                                 .file_number = form->suggested_file_number,
                                                 .coordinator_user_id = a_.coordinator.id});
  ASSERT_TRUE(file) << file.error().message.id;
  EXPECT_EQ(Audited("core_member.create"), 1u);
  EXPECT_EQ(Audited("referral.status"), 2u);

  const auto opened = app::intake::LoadCoreMemberFile(app(), coordinator_, *file);
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->member.legal_name, "Marcel Essai");
  EXPECT_EQ(opened->member.status, domain::CoreMemberStatus::kCandidate);
  ASSERT_EQ(opened->referrals.size(), 1u);
  EXPECT_EQ(opened->referrals.front().status, domain::ReferralStatus::kAccepted);
  EXPECT_EQ(Audited("core_member.view"), 1u);
}

TEST_P(AppIntake, ReferralCommandsRefuseWhatTheRulesRefuse) {
  auto details = Details("");
  details.received_on.reset();
  details.field_errors.push_back(
      {"received_on", {"Enter the date the referral was received.", {}}});
  const auto refused = app::intake::CreateReferral(app(), coordinator_, details);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
  const auto fields = refused.error().fields;
  const auto has = [&](const std::string& name) {
    return std::any_of(fields.begin(), fields.end(),
                       [&](const FieldError& field) { return field.field == name; });
  };
  EXPECT_TRUE(has("received_on"));
  EXPECT_TRUE(has("person_legal_name"));
  EXPECT_EQ(Audited("referral.create"), 0u);

  const auto declined = fixture_.CreateReferral(
      a_.id, "Paul Ombre", {domain::ReferralStatus::kScreening, domain::ReferralStatus::kDeclined});
  const auto edit = app::intake::EditReferral(app(), coordinator_, declined, Details("Paul"));
  ASSERT_FALSE(edit);
  EXPECT_EQ(edit.error().kind, ErrorKind::kConflict);
  const auto open = fixture_.CreateReferral(a_.id, "Jean Attente");
  const auto accept = app::intake::MoveReferral(
      app(), coordinator_, {.referral_id = open, .to = domain::ReferralStatus::kAccepted});
  ASSERT_TRUE(accept);
  EXPECT_EQ(*accept, app::intake::MoveOutcome::kNeedsAcceptance);
  const auto unknown = app::intake::MoveReferral(app(), coordinator_, {.referral_id = open});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::kInvalid);
  const auto page = app::intake::LoadReferralPage(app(), coordinator_, open);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->referral.status, domain::ReferralStatus::kReceived);
}

TEST_P(AppIntake, AnotherOrganisationGetsNotFoundForEveryReferralCommand) {
  const auto id = fixture_.CreateReferral(a_.id, "Marcel Essai");
  EXPECT_EQ(app::intake::LoadReferralPage(app(), stranger_, id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(app::intake::EditReferral(app(), stranger_, id, Details("X")).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app::intake::SaveChecklist(app(), stranger_, {.referral_id = id}).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app::intake::MoveReferral(app(), stranger_,
                                      {.referral_id = id, .to = domain::ReferralStatus::kScreening})
                .error()
                .kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app::intake::AcceptReferral(app(), stranger_, {.referral_id = id}).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app::intake::LoadReferralList(app(), ActorOf(a_.volunteer), {}).error().kind,
            ErrorKind::kNotFound);
  const auto list = app::intake::LoadReferralList(app(), stranger_, {});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->total, 0);
  const auto page = app::intake::LoadReferralPage(app(), coordinator_, id);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->referral.status, domain::ReferralStatus::kReceived);
}

TEST_P(AppIntake, FileDetailsAndStatusChange) {
  const auto id = fixture_.CreateCoreMember(a_.id, "Gaston Essai", "2026-001");
  fixture_.CreateCoreMember(a_.id, "Bernard Essai", "2026-002");
  const auto form = app::intake::LoadCoreMemberForm(app(), coordinator_, id, Viewing::kNotRecorded);
  ASSERT_TRUE(form);
  app::intake::CoreMemberEdit edit{.core_member_id = id,
                                   .legal_name = "Gaston Essai",
                                   .preferred_name = "Gaston",
                                   .file_number = "2026-001",
                                   .region = "Laval",
                                   .coordinator_user_id = a_.coordinator.id};
  ASSERT_TRUE(app::intake::EditCoreMember(app(), coordinator_, edit));
  EXPECT_EQ(Audited("core_member.update"), 1u);
  edit.file_number = "2026-002";
  const auto taken = app::intake::EditCoreMember(app(), coordinator_, edit);
  ASSERT_FALSE(taken);
  ASSERT_EQ(taken.error().fields.size(), 1u);
  EXPECT_EQ(taken.error().fields.front().field, "file_number");
  EXPECT_EQ(app::intake::EditCoreMember(app(), stranger_, edit).error().kind, ErrorKind::kNotFound);

  ASSERT_TRUE(app::intake::MoveCoreMember(
      app(), coordinator_,
      {.core_member_id = id, .to = domain::CoreMemberStatus::kClosed, .reason = "Déménagé."}));
  EXPECT_EQ(Audited("core_member.status"), 1u);
  EXPECT_EQ(app::intake::MoveCoreMember(app(), coordinator_, {.core_member_id = id}).error().kind,
            ErrorKind::kInvalid);
  EXPECT_EQ(app::intake::MoveCoreMember(
                app(), stranger_, {.core_member_id = id, .to = domain::CoreMemberStatus::kInCircle})
                .error()
                .kind,
            ErrorKind::kNotFound);

  const auto file = app::intake::LoadCoreMemberFile(app(), coordinator_, id);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->member.region, "Laval");
  EXPECT_EQ(file->member.preferred_name, "Gaston");
  EXPECT_EQ(file->member.file_number, "2026-001");
  EXPECT_EQ(file->member.status, domain::CoreMemberStatus::kClosed);
  EXPECT_EQ(file->history.back().reason, "Déménagé.");
  EXPECT_EQ(app::intake::LoadCoreMemberFile(app(), stranger_, id).error().kind,
            ErrorKind::kNotFound);

  const auto list = app::intake::LoadCoreMemberList(app(), coordinator_, {.query = "gaston"});
  ASSERT_TRUE(list);
  ASSERT_EQ(list->total, 1);
  EXPECT_EQ(list->members.front().id, id);
  EXPECT_EQ(Audited("core_member.search"), 1u);
}

TEST_P(AppIntake, OrdersAndConditionsOfAFile) {
  const auto id = fixture_.CreateCoreMember(a_.id, "Lucien Essai", "2026-003");
  const auto today = fixture_.Today();
  const auto order = app::intake::CreateOrder(app(), coordinator_, id,
                                              {.type = domain::OrderType::kProbation,
                                               .starts_on = AddDays(today, -30),
                                               .ends_on = AddDays(today, 10),
                                               .officer_name = "Agent Rémi Gabarit"});
  ASSERT_TRUE(order) << order.error().message.id;
  EXPECT_EQ(Audited("core_member.order_create"), 1u);
  const auto backwards = app::intake::EditOrder(
      app(), coordinator_, *order, {.starts_on = today, .ends_on = AddDays(today, -1)});
  ASSERT_FALSE(backwards);
  EXPECT_EQ(backwards.error().kind, ErrorKind::kInvalid);
  const auto officer = app::intake::EditOrder(app(), coordinator_, *order,
                                              {.type = domain::OrderType::kProbation,
                                               .starts_on = today,
                                               .officer_user_id = a_.partner.id});
  ASSERT_TRUE(officer);
  EXPECT_EQ(*officer, id);
  const auto condition =
      app::intake::CreateCondition(app(), coordinator_, *order,
                                   {.kind = domain::ConditionKind::kNoContactPerson,
                                    .text = "Aucun contact avec la victime.",
                                    .victim_identity = "Mme Josée Inventée"});
  ASSERT_TRUE(condition) << condition.error().message.id;
  EXPECT_EQ(app::intake::CreateCondition(app(), stranger_, *order,
                                         {.kind = domain::ConditionKind::kCurfew, .text = "22 h"})
                .error()
                .kind,
            ErrorKind::kNotFound);

  const auto file = app::intake::LoadCoreMemberFile(app(), coordinator_, id);
  ASSERT_TRUE(file);
  ASSERT_EQ(file->orders.size(), 1u);
  EXPECT_EQ(file->orders.front().officer_user_id, a_.partner.id);
  EXPECT_TRUE(file->orders.front().officer_name.empty());
  ASSERT_EQ(file->conditions.size(), 1u);
  // A no-contact condition always protects a victim.
  EXPECT_TRUE(file->conditions.front().protects_victim);
  EXPECT_TRUE(file->victim_details);

  const auto edited = app::intake::EditCondition(app(), coordinator_, file->conditions.front().id,
                                                 {.kind = domain::ConditionKind::kCurfew,
                                                  .text = "Chez lui de 22 h à 6 h.",
                                                  .victim_identity = "Mme Josée Inventée"});
  ASSERT_TRUE(edited);
  EXPECT_EQ(Audited("core_member.condition_update"), 1u);
  const auto after = app::intake::LoadConditionForm(
      app(), coordinator_, file->conditions.front().id, Viewing::kNotRecorded);
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->condition->protects_victim);
  EXPECT_TRUE(after->condition->victim_identity.empty());
}

TEST_P(AppIntake, RiskAssessmentsAndConsents) {
  const auto id = fixture_.CreateCoreMember(a_.id, "Rémi Essai", "2026-004");
  const auto today = fixture_.Today();
  const auto risk = app::intake::CreateRiskAssessment(app(), coordinator_,
                                                      {.core_member_id = id,
                                                       .tool = domain::RiskTool::kStatic99R,
                                                       .score = "6",
                                                       .level = "IVa",
                                                       .assessed_on = AddDays(today, -3),
                                                       .assessor = "Dre Gabarit"});
  ASSERT_TRUE(risk) << risk.error().message.id;
  EXPECT_EQ(Audited("core_member.risk_create"), 1u);
  EXPECT_EQ(app::intake::CreateRiskAssessment(app(), coordinator_,
                                              {.core_member_id = id,
                                               .tool = domain::RiskTool::kStatic99R,
                                               .score = "6",
                                               .level = "IVa",
                                               .assessor = "Dre Gabarit",
                                               .source_document_id = 987654})
                .error()
                .fields.front()
                .field,
            "source_document");

  const auto consent = app::intake::CreateConsent(
      app(), coordinator_,
      {.core_member_id = id, .scope = domain::ConsentScope::kResearch, .given_on = today});
  ASSERT_TRUE(consent) << consent.error().message.id;
  EXPECT_EQ(app::intake::WithdrawConsent(app(), stranger_,
                                         {.consent_id = *consent, .withdrawn_on = today})
                .error()
                .kind,
            ErrorKind::kNotFound);
  const auto withdrawn = app::intake::WithdrawConsent(
      app(), coordinator_, {.consent_id = *consent, .withdrawn_on = today});
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(*withdrawn, id);
  EXPECT_EQ(Audited("core_member.consent_withdraw"), 1u);
  const auto twice = app::intake::WithdrawConsent(app(), coordinator_,
                                                  {.consent_id = *consent, .withdrawn_on = today});
  EXPECT_FALSE(twice);

  const auto file = app::intake::LoadCoreMemberFile(app(), coordinator_, id);
  ASSERT_TRUE(file);
  ASSERT_EQ(file->risks.size(), 1u);
  EXPECT_EQ(file->risks.front().score, "6");
  ASSERT_EQ(file->consents.size(), 1u);
  EXPECT_EQ(file->consents.front().withdrawn_on, today);
}

TEST_P(AppIntake, AdministratorsAdjustTheEligibilityCriteria) {
  const auto admin = ActorOf(a_.admin);
  EXPECT_EQ(app::intake::LoadCriteria(app(), coordinator_).error().kind, ErrorKind::kForbidden);
  const auto defaults = app::intake::LoadCriteria(app(), admin);
  ASSERT_TRUE(defaults);
  ASSERT_FALSE(defaults->empty());
  const auto added = app::intake::AddCriterion(app(), admin, "Habite la région (essai)");
  ASSERT_TRUE(added);
  EXPECT_FALSE(app::intake::AddCriterion(app(), admin, ""));
  ASSERT_TRUE(app::intake::RenameCriterion(
      app(), admin, {.criterion_id = *added, .label = "Habite Montréal (essai)"}));
  ASSERT_TRUE(
      app::intake::SetCriterionRetirement(app(), admin, *added, app::intake::Retirement::kRetire));
  EXPECT_EQ(app::intake::SetCriterionRetirement(app(), ActorOf(b_.admin), *added,
                                                app::intake::Retirement::kRestore)
                .error()
                .kind,
            ErrorKind::kNotFound);
  const auto criteria = app::intake::LoadCriteria(app(), admin);
  ASSERT_TRUE(criteria);
  const auto found = std::find_if(criteria->begin(), criteria->end(),
                                  [&](const auto& criterion) { return criterion.id == *added; });
  ASSERT_NE(found, criteria->end());
  EXPECT_EQ(found->label, "Habite Montréal (essai)");
  EXPECT_FALSE(found->active());
  EXPECT_EQ(Audited("eligibility.create"), 1u);
  EXPECT_EQ(Audited("eligibility.update"), 1u);
  EXPECT_EQ(Audited("eligibility.retire"), 1u);
}

TEST_P(AppIntake, DocumentsOfAFileAreStoredReadAndRemoved) {
  const auto id = fixture_.CreateCoreMember(a_.id, "Norbert Essai", "2026-005");
  const std::string pdf = "%PDF-1.4\nrapport confidentiel (essai)\n%%EOF\n";
  using app::intake::IntakeOwner;
  const auto refused = app::intake::UploadIntakeDocument(
      app(), coordinator_, IntakeOwner::kCoreMember, id, {"Rapport", "rapport.txt", "texte"});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "file");
  EXPECT_EQ(app::intake::UploadIntakeDocument(app(), stranger_, IntakeOwner::kCoreMember, id,
                                              {"Rapport", "rapport.pdf", pdf})
                .error()
                .kind,
            ErrorKind::kNotFound);
  const auto stored = app::intake::UploadIntakeDocument(
      app(), coordinator_, IntakeOwner::kCoreMember, id, {"Rapport", "rapport.pdf", pdf});
  ASSERT_TRUE(stored) << stored.error().message.id;
  EXPECT_EQ(Audited("document.upload"), 1u);

  const auto download = app::intake::DownloadIntakeDocument(app(), coordinator_,
                                                            IntakeOwner::kCoreMember, stored->id);
  ASSERT_TRUE(download);
  EXPECT_EQ(download->bytes, pdf);
  EXPECT_EQ(download->document.content_type, "application/pdf");
  EXPECT_EQ(Audited("document.download"), 1u);
  EXPECT_EQ(
      app::intake::DownloadIntakeDocument(app(), coordinator_, IntakeOwner::kReferral, stored->id)
          .error()
          .kind,
      ErrorKind::kNotFound);
  EXPECT_EQ(
      app::intake::DownloadIntakeDocument(app(), stranger_, IntakeOwner::kCoreMember, stored->id)
          .error()
          .kind,
      ErrorKind::kNotFound);

  const auto removed =
      app::intake::RemoveIntakeDocument(app(), coordinator_, IntakeOwner::kCoreMember, stored->id);
  ASSERT_TRUE(removed);
  EXPECT_EQ(*removed, id);
  const auto file = app::intake::LoadCoreMemberFile(app(), coordinator_, id);
  ASSERT_TRUE(file);
  EXPECT_TRUE(file->documents.empty());
  EXPECT_EQ(Audited("document.remove"), 1u);
}

TEST_P(AppIntake, KeyDatesOfOpenFilesComeUpForTheStaffOnly) {
  const auto id = fixture_.CreateCoreMember(a_.id, "Marcel Essai", "2026-006");
  const auto today = fixture_.Today();
  ASSERT_TRUE(app::intake::CreateOrder(app(), coordinator_, id,
                                       {.type = domain::OrderType::kProbation,
                                        .starts_on = AddDays(today, -100),
                                        .ends_on = AddDays(today, 3),
                                        .officer_name = "Agent Essai"}));
  const auto items = app::intake::LoadKeyDates(app(), coordinator_);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items.front().member.id, id);
  EXPECT_EQ(items.front().key.kind, domain::KeyDateKind::kOrderEnds);
  EXPECT_TRUE(items.front().urgent);
  EXPECT_TRUE(app::intake::LoadKeyDates(app(), ActorOf(a_.volunteer)).empty());
  EXPECT_TRUE(app::intake::LoadKeyDates(app(), stranger_).empty());
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppIntake, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppIntake, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
