// The register of confidentiality incidents (app/privacy/incidents.hpp), called as the pages call
// it and over HTTP, on SQLite and on PostgreSQL: every field stored and read back, a refused form
// changes nothing, the overdue-notice flag on the test clock's day, the people concerned filled in
// from a real document's audit entries, the exports for the Commission, the audit entries, and
// who reaches the register (the person in charge and the admins; everyone else gets 404).
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>

#include "app/intake/documents.hpp"
#include "app/privacy/incidents.hpp"
#include "support/auth_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"
#include "web/cookies.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;
using app::privacy::IncidentForm;
using domain::ConcernedKind;
using domain::ConcernedPerson;
using domain::IncidentRecord;
using domain::IncidentRecordKind;
using domain::PrivacyIncident;
using domain::RiskConclusion;
using domain::RiskLevel;

class AppPrivacyIncidents : public ::testing::TestWithParam<Backend> {
 protected:
  AppPrivacyIncidents() {
    a_ = fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    b_ = fixture_.CreateOrganisationWithEveryRole("Cercles Québec (essai)", "quebec");
    officer_ = fixture_.CreateUser(a_.id, "Paule Responsable", "responsable@montreal.example",
                                   {domain::Role::kCoordinator});
    file_ = CoreMemberFixture(server_).SeedFullFile(a_.id, "Marcel Exemple", "2026-001");
  }

  const app::Services& app() { return server_.app(); }
  CivilDate Today() { return app().Today(); }

  // The person in charge of organisation A, as the session will carry the flag, just stepped up.
  auth::Actor Officer() {
    auto actor = ActorOf(officer_);
    actor.privacy_officer = true;
    actor.reauthenticated_at = server_.clock().Now();
    return actor;
  }

  // A complete entry as its form would read: every field set, a serious risk, no notice yet.
  IncidentForm SeriousForm() {
    IncidentForm form;
    auto& incident = form.details;
    incident.information = "Nom, adresse et conditions de remise en liberté.";
    incident.information_unknown = "";
    incident.circumstances = "Un courriel avec le plan de sécurité envoyé au mauvais partenaire.";
    incident.occurred_from = AddDays(Today(), -3);
    incident.occurred_until = AddDays(Today(), -2);
    incident.occurred_unknown = "Aucune";
    incident.learned_on = AddDays(Today(), -1);
    incident.people_count = 2;
    incident.people_count_estimated = true;
    incident.sensitivity_level = RiskLevel::kHigh;
    incident.sensitivity_note = "Casier judiciaire et adresse.";
    incident.misuse_level = RiskLevel::kModerate;
    incident.misuse_note = "Le destinataire est un organisme public.";
    incident.consequences_level = RiskLevel::kHigh;
    incident.consequences_note = "Risque de représailles.";
    incident.likelihood_level = RiskLevel::kLow;
    incident.likelihood_note = "Le courriel a été supprimé.";
    incident.conclusion = RiskConclusion::kSerious;
    incident.public_notice_on = std::nullopt;
    incident.measures = "Rappel du courriel; confirmation écrite de la suppression.";
    form.records = {{IncidentRecordKind::kDocument, file_.document_id}};
    form.people = {{ConcernedKind::kCoreMember, file_.core_member_id, {}}};
    return form;
  }

  std::int64_t Create(const IncidentForm& form) {
    auto created = app::privacy::CreateIncident(app(), Officer(), form);
    if (!created) throw std::runtime_error("refused: " + created.error().message.id);
    return *created;
  }

  app::privacy::IncidentPage Load(std::int64_t id) {
    auto page = app::privacy::LoadIncident(app(), Officer(), id, app::privacy::RecordReading::kNo);
    if (!page) throw std::runtime_error("not loaded: " + page.error().message.id);
    return *page;
  }

  std::int64_t Overdue() { return app::privacy::CountOverdueIncidents(app(), Officer()); }

  TestServer server_{{.backend = GetParam(), .listen = false}};
  AuthFixture fixture_{server_};
  TestOrganisation a_;
  TestOrganisation b_;
  TestUser officer_;
  SeededFile file_;
};

TEST_P(AppPrivacyIncidents, StoresEveryFieldAndReadsItBack) {
  auto form = SeriousForm();
  form.details.commission_notified_on = Today();
  form.details.people_notified_on = AddDays(Today(), -1);
  form.details.public_notice_on = Today();
  const auto id = Create(form);

  const auto page = Load(id);
  const auto& stored = page.row.incident;
  const auto& typed = form.details;
  EXPECT_EQ(stored.organisation_id, a_.id);
  EXPECT_EQ(stored.information, typed.information);
  EXPECT_EQ(stored.circumstances, typed.circumstances);
  EXPECT_EQ(stored.occurred_from, typed.occurred_from);
  EXPECT_EQ(stored.occurred_until, typed.occurred_until);
  EXPECT_EQ(stored.occurred_unknown, "Aucune");
  EXPECT_EQ(stored.learned_on, typed.learned_on);
  EXPECT_EQ(stored.people_count, 2);
  EXPECT_TRUE(stored.people_count_estimated);
  EXPECT_EQ(stored.sensitivity_level, RiskLevel::kHigh);
  EXPECT_EQ(stored.sensitivity_note, typed.sensitivity_note);
  EXPECT_EQ(stored.misuse_level, RiskLevel::kModerate);
  EXPECT_EQ(stored.misuse_note, typed.misuse_note);
  EXPECT_EQ(stored.consequences_level, RiskLevel::kHigh);
  EXPECT_EQ(stored.consequences_note, typed.consequences_note);
  EXPECT_EQ(stored.likelihood_level, RiskLevel::kLow);
  EXPECT_EQ(stored.likelihood_note, typed.likelihood_note);
  EXPECT_EQ(stored.conclusion, RiskConclusion::kSerious);
  EXPECT_EQ(stored.commission_notified_on, Today());
  EXPECT_EQ(stored.people_notified_on, AddDays(Today(), -1));
  EXPECT_EQ(stored.public_notice_on, Today());
  EXPECT_EQ(stored.measures, typed.measures);
  EXPECT_EQ(stored.keep_until, AddMonths(typed.learned_on, 60));
  EXPECT_EQ(stored.recorded_by, officer_.id);
  EXPECT_EQ(stored.recorded_at, server_.clock().Now());
  EXPECT_EQ(stored.updated_by, officer_.id);
  ASSERT_EQ(page.records.size(), 1u);
  EXPECT_EQ(page.records[0], (IncidentRecord{IncidentRecordKind::kDocument, file_.document_id}));
  ASSERT_EQ(page.people.size(), 1u);
  EXPECT_EQ(page.people[0].kind, ConcernedKind::kCoreMember);
  EXPECT_EQ(page.people[0].id, file_.core_member_id);
  EXPECT_EQ(page.people[0].name, "Marcel Exemple (2026-001)");
  EXPECT_EQ(page.users.at(officer_.id), "Paule Responsable");
  EXPECT_EQ(page.row.notice.state, domain::NoticeState::kGiven);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "incident.create", officer_.id), 1u);

  // An edit changes what it says, keeps who recorded it, and is audited.
  server_.clock().Advance(2h);
  form.details.conclusion = RiskConclusion::kNotSerious;
  form.details.circumstances = "Courriel envoyé au mauvais partenaire (précisé).";
  form.people.clear();
  form.records.clear();
  auto admin = ActorOf(a_.admin);
  ASSERT_TRUE(app::privacy::EditIncident(app(), admin, id, form));
  const auto edited = Load(id);
  EXPECT_EQ(edited.row.incident.circumstances, form.details.circumstances);
  EXPECT_EQ(edited.row.incident.conclusion, RiskConclusion::kNotSerious);
  EXPECT_EQ(edited.row.incident.recorded_by, officer_.id);
  EXPECT_EQ(edited.row.incident.updated_by, a_.admin.id);
  EXPECT_EQ(edited.row.incident.updated_at, server_.clock().Now());
  EXPECT_TRUE(edited.people.empty());
  EXPECT_TRUE(edited.records.empty());
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "incident.update", a_.admin.id), 1u);
}

TEST_P(AppPrivacyIncidents, ABadFormChangesNothingAndNamesEveryField) {
  auto form = SeriousForm();
  form.details.circumstances = "";
  form.details.learned_on = AddDays(Today(), 1);
  form.details.likelihood_level.reset();
  form.unreadable = {{"people_count", {"Enter a whole number from {minimum} to {maximum}.", {}}}};
  const auto refused = app::privacy::CreateIncident(app(), Officer(), form);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
  std::set<std::string> fields;
  for (const auto& field : refused.error().fields) fields.insert(field.field);
  EXPECT_EQ(fields, (std::set<std::string>{"circumstances", "learned_on", "likelihood_level",
                                           "people_count"}));
  CoreMemberFixture intake(server_);
  EXPECT_EQ(intake.CountRows("privacy_incidents", a_.id), 0);
  EXPECT_EQ(intake.CountRows("privacy_incident_people", a_.id), 0);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "incident.create"), 0u);

  // An edit refused for a person of another organisation leaves the entry as it was.
  const auto id = Create(SeriousForm());
  const auto other = CoreMemberFixture(server_).CreateCoreMember(b_.id, "Autre Personne", "B-1");
  auto changed = SeriousForm();
  changed.details.circumstances = "Changé";
  changed.people.push_back({ConcernedKind::kCoreMember, other, {}});
  const auto edit = app::privacy::EditIncident(app(), Officer(), id, changed);
  ASSERT_FALSE(edit);
  EXPECT_EQ(edit.error().fields.front().field, "people");
  EXPECT_EQ(Load(id).row.incident.circumstances, SeriousForm().details.circumstances);
  EXPECT_EQ(Load(id).people.size(), 1u);
  // So is a record it does not hold.
  changed.people.pop_back();
  changed.records.push_back({IncidentRecordKind::kConcern, 987654321});
  EXPECT_FALSE(app::privacy::EditIncident(app(), Officer(), id, changed));
  EXPECT_EQ(Load(id).row.incident.circumstances, SeriousForm().details.circumstances);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "incident.update"), 0u);
}

TEST_P(AppPrivacyIncidents, FlagsASeriousIncidentWithoutNoticeAfterTheDelayOnly) {
  auto form = SeriousForm();
  form.details.learned_on = Today();
  const auto id = Create(form);
  // Without a risk of serious injury: never flagged.
  auto mild = SeriousForm();
  mild.details.learned_on = Today();
  mild.details.conclusion = RiskConclusion::kNotSerious;
  Create(mild);

  // The delay is 3 days by default, counted from the day the organisation learned of it.
  server_.clock().Advance(std::chrono::days(3));
  EXPECT_EQ(Overdue(), 0);
  EXPECT_EQ(Load(id).row.notice.state, domain::NoticeState::kDue);
  server_.clock().Advance(std::chrono::days(1));
  EXPECT_EQ(Overdue(), 1);
  EXPECT_EQ(Load(id).row.notice.state, domain::NoticeState::kOverdue);
  const auto page = app::privacy::LoadIncidentRegister(
      app(), Officer(), [](std::int64_t) { return store::PageSlice{}; });
  ASSERT_TRUE(page);
  EXPECT_EQ(page->overdue, 1);
  EXPECT_EQ(page->notice_days, 3);
  ASSERT_EQ(page->incidents.size(), 2u);
  // Another organisation and anyone who may not manage privacy see nothing flagged.
  EXPECT_EQ(app::privacy::CountOverdueIncidents(app(), ActorOf(a_.coordinator)), 0);
  auto other = ActorOf(b_.admin);
  EXPECT_EQ(app::privacy::CountOverdueIncidents(app(), other), 0);
  EXPECT_EQ(app::privacy::CountOverdueIncidents(app(), ActorOf(a_.admin)), 1);

  // A longer delay in the settings takes the flag away.
  ReportFixture(server_).SetSetting(a_.id, domain::SettingKey::kPrivacyIncidentNoticeDays, 10);
  EXPECT_EQ(Overdue(), 0);
  ReportFixture(server_).SetSetting(a_.id, domain::SettingKey::kPrivacyIncidentNoticeDays, 3);
  EXPECT_EQ(Overdue(), 1);

  // Notifying the Commission alone is not enough; notifying the people too ends the flag.
  form.details.commission_notified_on = Today();
  ASSERT_TRUE(app::privacy::EditIncident(app(), Officer(), id, form));
  EXPECT_EQ(Overdue(), 1);
  form.details.people_notified_on = Today();
  ASSERT_TRUE(app::privacy::EditIncident(app(), Officer(), id, form));
  EXPECT_EQ(Overdue(), 0);
  EXPECT_EQ(Load(id).row.notice.state, domain::NoticeState::kGiven);
}

TEST_P(AppPrivacyIncidents, TheRegisterListsNewestFirstInPagesAndRecordsItsViewing) {
  for (int day = 5; day >= 1; --day) {
    auto form = SeriousForm();
    form.details.occurred_from = AddDays(Today(), -10);
    form.details.occurred_until.reset();
    form.details.learned_on = AddDays(Today(), -day);
    Create(form);
  }
  std::int64_t seen_total = 0;
  const auto page = app::privacy::LoadIncidentRegister(app(), Officer(), [&](std::int64_t total) {
    seen_total = total;
    return store::PageSlice{2, 2};
  });
  ASSERT_TRUE(page);
  EXPECT_EQ(seen_total, 5);
  EXPECT_EQ(page->total, 5);
  ASSERT_EQ(page->incidents.size(), 2u);
  EXPECT_EQ(page->incidents[0].incident.learned_on, AddDays(Today(), -3));
  EXPECT_EQ(page->incidents[1].incident.learned_on, AddDays(Today(), -4));
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "incident.view", officer_.id), 1u);
  // Each entry's page is a view of its own.
  ASSERT_TRUE(app::privacy::LoadIncident(app(), Officer(), page->incidents[0].incident.id,
                                         app::privacy::RecordReading::kYes));
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "incident.view", officer_.id), 2u);
}

TEST_P(AppPrivacyIncidents, FillsInThePersonADocumentIsAboutFromItsAuditEntries) {
  // A coordinator downloads the file's document, as when it was e-mailed to the wrong partner.
  const auto download = app::intake::DownloadIntakeDocument(
      app(), ActorOf(a_.coordinator), app::intake::IntakeOwner::kCoreMember, file_.document_id);
  ASSERT_TRUE(download);
  ASSERT_TRUE(download->bytes);

  const auto entries = app::privacy::RecentEntries(app(), Officer(), IncidentRecordKind::kDocument);
  ASSERT_TRUE(entries);
  ASSERT_FALSE(entries->empty());
  const auto& entry = entries->front();
  EXPECT_EQ(entry.action, "document.download");
  EXPECT_EQ(entry.record, (IncidentRecord{IncidentRecordKind::kDocument, file_.document_id}));
  EXPECT_EQ(entry.actor_name, a_.coordinator.display_name);

  const auto other_file = CoreMemberFixture(server_).CreateCoreMember(b_.id, "Autre Nom", "B-7");
  const auto prefill =
      app::privacy::PrefillPeople(app(), Officer(),
                                  {entry.record,
                                   {IncidentRecordKind::kCoreMember, other_file},
                                   {IncidentRecordKind::kReferral, file_.referral_id}});
  ASSERT_TRUE(prefill);
  ASSERT_EQ(prefill->people.size(), 1u) << "the document and the referral name the same man";
  EXPECT_EQ(prefill->people[0].kind, ConcernedKind::kCoreMember);
  EXPECT_EQ(prefill->people[0].id, file_.core_member_id);
  EXPECT_EQ(prefill->people[0].name, "Marcel Exemple (2026-001)");
  EXPECT_EQ(prefill->found.size(), 2u);
  ASSERT_EQ(prefill->missing.size(), 1u) << "another organisation's file is not found";
  EXPECT_EQ(prefill->missing[0].id, other_file);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "incident.prefill", officer_.id), 1u);

  // A volunteer's document names the volunteer.
  VolunteerFixture volunteers(server_);
  const auto volunteer =
      volunteers.CreateVolunteer(a_.id, "Rosalie", "Témoin", domain::VolunteerStage::kActive);
  const auto document = volunteers.AddDocument(a_.id, volunteer);
  const auto named =
      app::privacy::PrefillPeople(app(), Officer(), {{IncidentRecordKind::kDocument, document}});
  ASSERT_TRUE(named);
  ASSERT_EQ(named->people.size(), 1u);
  EXPECT_EQ(named->people[0], (ConcernedPerson{ConcernedKind::kVolunteer, volunteer, {}}));
  EXPECT_EQ(named->people[0].name, "Rosalie Témoin");
}

TEST_P(AppPrivacyIncidents, TheExportIsAStepUpActionAndAudited) {
  Create(SeriousForm());
  auto stale = Officer();
  stale.reauthenticated_at = server_.clock().Now() - 1h;
  const auto refused = app::privacy::ExportRegister(app(), stale, app::privacy::ExportFormat::kCsv);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kUnauthenticated);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "incident.export"), 0u);

  const auto exported =
      app::privacy::ExportRegister(app(), Officer(), app::privacy::ExportFormat::kXlsx);
  ASSERT_TRUE(exported);
  ASSERT_EQ(exported->incidents.size(), 1u);
  EXPECT_EQ(exported->incidents[0].people.size(), 1u);
  EXPECT_EQ(exported->organisation_name, "Cercles Montréal (essai)");
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "incident.export", officer_.id), 1u);
}

TEST_P(AppPrivacyIncidents, OnlyThePersonInChargeAndTheAdminsReachTheRegister) {
  const auto id = Create(SeriousForm());
  const auto slice = [](std::int64_t) { return store::PageSlice{}; };
  // The admins, and the person in charge, whatever their role.
  EXPECT_TRUE(app::privacy::LoadIncidentRegister(app(), ActorOf(a_.admin), slice));
  EXPECT_TRUE(
      app::privacy::LoadIncident(app(), ActorOf(a_.admin), id, app::privacy::RecordReading::kNo));
  auto volunteer_in_charge = ActorOf(a_.volunteer);
  volunteer_in_charge.privacy_officer = true;
  EXPECT_TRUE(app::privacy::LoadIncidentRegister(app(), volunteer_in_charge, slice));
  // Everyone else, and another organisation's person in charge, are told it does not exist.
  auto other_officer = ActorOf(b_.coordinator);
  other_officer.privacy_officer = true;
  for (const auto& actor : {ActorOf(a_.coordinator), ActorOf(a_.volunteer), ActorOf(a_.partner),
                            ActorOf(a_.evaluator), other_officer}) {
    const auto load =
        app::privacy::LoadIncident(app(), actor, id, app::privacy::RecordReading::kYes);
    ASSERT_FALSE(load);
    EXPECT_EQ(load.error().kind, ErrorKind::kNotFound);
    const auto edit = app::privacy::EditIncident(app(), actor, id, SeriousForm());
    ASSERT_FALSE(edit);
    EXPECT_EQ(edit.error().kind, ErrorKind::kNotFound);
  }
  for (const auto& actor : {ActorOf(a_.coordinator), ActorOf(a_.volunteer), ActorOf(a_.partner)}) {
    EXPECT_EQ(app::privacy::LoadIncidentRegister(app(), actor, slice).error().kind,
              ErrorKind::kNotFound);
    EXPECT_EQ(app::privacy::CreateIncident(app(), actor, SeriousForm()).error().kind,
              ErrorKind::kNotFound);
    EXPECT_EQ(app::privacy::RecentEntries(app(), actor, IncidentRecordKind::kDocument).error().kind,
              ErrorKind::kNotFound);
    EXPECT_EQ(app::privacy::PrefillPeople(app(), actor, {}).error().kind, ErrorKind::kNotFound);
    EXPECT_EQ(
        app::privacy::ExportRegister(app(), actor, app::privacy::ExportFormat::kCsv).error().kind,
        ErrorKind::kNotFound);
  }
  EXPECT_EQ(Load(id).row.incident.circumstances, SeriousForm().details.circumstances);
}

// The register over a real socket: the pages, the form, the exports and the home page.
class PrivacyIncidentPages : public ::testing::TestWithParam<Backend> {
 protected:
  PrivacyIncidentPages() {
    a_ = fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    file_ = CoreMemberFixture(server_).SeedFullFile(a_.id, "Marcel Exemple", "2026-001");
    admin_ = fixture_.SignedInClient(a_.admin);
  }

  const app::Services& app() { return server_.app(); }

  // A serious entry with no notice, learned of `days_ago` days ago, recorded by the admin.
  std::int64_t Record(int days_ago) {
    IncidentForm form;
    auto& incident = form.details;
    incident.information = "Le plan de sécurité de Marcel.";
    incident.circumstances = "Courriel au mauvais partenaire, le 3 du mois.";
    incident.occurred_from = AddDays(app().Today(), -days_ago);
    incident.learned_on = AddDays(app().Today(), -days_ago);
    incident.people_count = 1;
    incident.sensitivity_level = RiskLevel::kHigh;
    incident.sensitivity_note = "Adresse et conditions.";
    incident.misuse_level = RiskLevel::kModerate;
    incident.consequences_level = RiskLevel::kHigh;
    incident.likelihood_level = RiskLevel::kModerate;
    incident.conclusion = RiskConclusion::kSerious;
    incident.measures = "Demande de suppression écrite.";
    form.people = {{ConcernedKind::kCoreMember, file_.core_member_id, {}}};
    form.records = {{IncidentRecordKind::kDocument, file_.document_id}};
    auto actor = ActorOf(a_.admin);
    const auto id = app::privacy::CreateIncident(app(), actor, form);
    if (!id) throw std::runtime_error("refused");
    return *id;
  }

  // A complete form as a browser sends it.
  std::vector<std::pair<std::string, std::string>> Fields() {
    const std::string day = FormatIsoDate(app().Today());
    return {{"information", "Nom et adresse du membre principal."},
            {"circumstances", "Une lettre postée à la mauvaise adresse."},
            {"occurred_from", day},
            {"learned_on", day},
            {"people_count", "1"},
            {"sensitivity_level", "high"},
            {"misuse_level", "low"},
            {"consequences_level", "moderate"},
            {"likelihood_level", "low"},
            {"conclusion", "not_serious"},
            {"measures", "La lettre a été récupérée, non ouverte."},
            {"person", "core_member:" + std::to_string(file_.core_member_id)}};
  }

  TestServer server_{{.backend = GetParam()}};
  AuthFixture fixture_{server_};
  TestOrganisation a_;
  SeededFile file_;
  std::unique_ptr<HttpClient> admin_;
};

TEST_P(PrivacyIncidentPages, OnlyAdminsReachThePagesAndEveryoneElseGets404) {
  const auto id = std::to_string(Record(1));
  const std::vector<std::string> paths = {"/admin/privacy/incidents",
                                          "/admin/privacy/incidents/new",
                                          "/admin/privacy/incidents/" + id,
                                          "/admin/privacy/incidents/" + id + "/edit",
                                          "/admin/privacy/incidents/export.csv",
                                          "/admin/privacy/incidents/export.xlsx"};
  for (const auto& path : paths) EXPECT_EQ(admin_->Get(path).status, 200) << path;
  for (const TestUser* user : {&a_.coordinator, &a_.volunteer, &a_.partner}) {
    auto client = fixture_.SignedInClient(*user);
    for (const auto& path : paths) {
      EXPECT_EQ(client->Get(path).status, 404) << path << " as " << user->email;
    }
    EXPECT_EQ(client->PostForm("/admin/privacy/incidents", Fields()).status, 404);
    EXPECT_EQ(client->PostForm("/admin/privacy/incidents/" + id + "/edit", Fields()).status, 404);
  }
  EXPECT_EQ(CoreMemberFixture(server_).CountRows("privacy_incidents", a_.id), 1);
}

TEST_P(PrivacyIncidentPages, ARefusedFormComesBackAsTypedInFrenchAndStoresNothing) {
  auto fields = Fields();
  fields[1] = {"circumstances", ""};
  fields[4] = {"people_count", "beaucoup"};
  const auto refused = admin_->PostForm("/admin/privacy/incidents", fields);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Décrivez les circonstances"), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("Inscrivez un nombre entier"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"beaucoup\""), std::string::npos) << "kept as typed";
  EXPECT_NE(refused.body.find("Nom et adresse du membre principal."), std::string::npos);
  EXPECT_NE(refused.body.find("Marcel Exemple (2026-001)"), std::string::npos)
      << "the person ticked stays ticked, by name";
  EXPECT_EQ(CoreMemberFixture(server_).CountRows("privacy_incidents", a_.id), 0);

  const auto saved = admin_->PostForm("/admin/privacy/incidents", Fields());
  ASSERT_EQ(saved.status, 303) << saved.body;
  const auto page = admin_->Get(saved.Header("location"));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Une lettre postée à la mauvaise adresse."), std::string::npos);
  EXPECT_NE(page.body.find("Marcel Exemple (2026-001)"), std::string::npos);
}

TEST_P(PrivacyIncidentPages, TheFormFillsInThePeopleFromTheRecordsNamed) {
  auto fields = Fields();
  fields.pop_back();  // no person ticked
  fields[4] = {"people_count", "0"};
  fields.push_back({"record_kind", "document"});
  fields.push_back({"record_ids", std::to_string(file_.document_id)});
  fields.push_back({"step", "prefill"});
  const auto filled = admin_->PostForm("/admin/privacy/incidents", fields);
  EXPECT_EQ(filled.status, 200);
  EXPECT_NE(filled.body.find("value=\"core_member:" + std::to_string(file_.core_member_id) +
                             "\" checked"),
            std::string::npos)
      << filled.body;
  EXPECT_NE(filled.body.find("Marcel Exemple (2026-001)"), std::string::npos);
  EXPECT_NE(filled.body.find("name=\"people_count\" type=\"text\" inputmode=\"numeric\" "
                             "value=\"1\""),
            std::string::npos)
      << "the number counts him";
  EXPECT_EQ(CoreMemberFixture(server_).CountRows("privacy_incidents", a_.id), 0);
}

TEST_P(PrivacyIncidentPages, TheExportsHoldEveryFieldInTheLanguageAsked) {
  Record(5);
  const auto csv = admin_->Get("/admin/privacy/incidents/export.csv?lang=fr");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  const auto rows = ParseCsv(csv.body);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0].size(), rows[1].size());
  const std::map<std::string, std::string> french = [&] {
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < rows[0].size(); ++i) row[rows[0][i]] = rows[1][i];
    return row;
  }();
  EXPECT_EQ(french.at("Renseignements personnels visés"), "Le plan de sécurité de Marcel.");
  EXPECT_EQ(french.at("Circonstances"), "Courriel au mauvais partenaire, le 3 du mois.");
  EXPECT_EQ(french.at("Nombre de personnes concernées"), "1");
  EXPECT_EQ(french.at("Sensibilité des renseignements"), "Élevé");
  EXPECT_EQ(french.at("Sensibilité : explication"), "Adresse et conditions.");
  EXPECT_EQ(french.at("Risque de préjudice sérieux"), "Oui");
  EXPECT_EQ(french.at("Avis en retard"), "Oui");
  EXPECT_EQ(french.at("Mesures prises"), "Demande de suppression écrite.");
  EXPECT_EQ(french.at("Conservé au moins jusqu'au"),
            FormatIsoDate(AddMonths(AddDays(app().Today(), -5), 60)));
  EXPECT_EQ(french.at("Personnes inscrites"),
            "Membre principal " + std::to_string(file_.core_member_id));
  EXPECT_EQ(french.at("Dossiers liés à l'incident"),
            "Document " + std::to_string(file_.document_id));

  const auto xlsx = admin_->Get("/admin/privacy/incidents/export.xlsx?lang=en");
  ASSERT_EQ(xlsx.status, 200);
  const auto workbook = ReadWorkbook(xlsx.body);
  ASSERT_TRUE(workbook.contains("Confidentiality incidents"));
  const auto& sheet = workbook["Confidentiality incidents"];
  ASSERT_EQ(sheet.size(), 2u);
  std::map<std::string, nlohmann::json> english;
  for (std::size_t i = 0; i < sheet[0].size(); ++i) {
    english[sheet[0][i]["value"].get<std::string>()] = sheet[1][i]["value"];
  }
  EXPECT_EQ(english.at("Personal information concerned"), "Le plan de sécurité de Marcel.");
  EXPECT_EQ(english.at("Number of people concerned"), 1);
  EXPECT_EQ(english.at("Likely misuse"), "Moderate");
  EXPECT_EQ(english.at("Risk of serious injury"), "Yes");
  EXPECT_EQ(english.at("Learned of on"), FormatIsoDate(AddDays(app().Today(), -5)));
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "incident.export", a_.admin.id), 2u);
}

TEST_P(PrivacyIncidentPages, TheHomePageFlagsOverdueNoticesForTheAdmins) {
  Record(1);
  const std::string flag = "Incidents de confidentialité dont les avis sont en retard";
  EXPECT_EQ(admin_->Get("/").body.find(flag), std::string::npos);
  Record(4);
  EXPECT_NE(admin_->Get("/").body.find(flag), std::string::npos);
  EXPECT_EQ(fixture_.SignedInClient(a_.coordinator)->Get("/").body.find(flag), std::string::npos);
  const auto list = admin_->Get("/admin/privacy/incidents");
  EXPECT_NE(list.body.find("Avis en retard"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, PrivacyIncidentPages, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, PrivacyIncidentPages, ::testing::Values(Backend::kPostgres));

INSTANTIATE_TEST_SUITE_P(Sqlite, AppPrivacyIncidents, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppPrivacyIncidents, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
