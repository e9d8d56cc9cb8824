// Retention and destruction through the app layer, on the fictional demo data, on SQLite and
// PostgreSQL: the schedule's floors and ceilings, and a batch approved years later that removes
// documents from disk, anonymises the files without changing the funder's figures for past
// quarters, skips a file on legal hold, writes its certificate, and leaves the audit chain
// verifiable.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "app/intake/documents.hpp"
#include "app/privacy/requests.hpp"
#include "app/privacy/retention.hpp"
#include "app/reports/report_data.hpp"
#include "domain/report_period.hpp"
#include "support/auth_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

using domain::RetainedKind;

class AppRetention : public ::testing::TestWithParam<Backend> {
 protected:
  AppRetention() {
    organisation_ = ReportFixture(server_).LoadDemo();
    admin_ = Actor("admin@demo.example");
    coordinator_ = Actor("coordination@demo.example");
    volunteer_ = Actor("benevole@demo.example");
    partner_ = Actor("partenaire@demo.example");
  }

  const app::Services& app() { return server_.app(); }

  auth::Actor Actor(const std::string& email) {
    const auto user = auth_.FindUserByEmail(email);
    if (!user) throw std::runtime_error("no demo user " + email);
    auto actor =
        ActorOf({user->id, user->organisation_id, user->display_name, user->email, user->roles});
    actor.reauthenticated_at = server_.clock().Now();
    return actor;
  }

  // The ids `sql` reads (binding :organisation).
  std::vector<std::int64_t> Ids(const std::string& sql) {
    return server_.test_database().database().Read(
        store::Scope::Organisation(organisation_), [&](soci::session& session) {
          std::vector<std::int64_t> ids;
          long long id = 0;
          std::int64_t organisation = organisation_;
          soci::statement statement =
              (session.prepare << sql, soci::use(organisation, "organisation"), soci::into(id));
          statement.execute();
          while (statement.fetch()) ids.push_back(id);
          return ids;
        });
  }

  // One text `sql` reads (binding :organisation and :id); "NULL" for a null.
  std::string Text(const std::string& sql, std::int64_t id) {
    return server_.test_database().database().Read(
        store::Scope::Organisation(organisation_), [&](soci::session& session) {
          std::string value;
          soci::indicator indicator = soci::i_null;
          std::int64_t organisation = organisation_;
          session << sql, soci::use(organisation, "organisation"), soci::use(id, "id"),
              soci::into(value, indicator);
          return indicator == soci::i_ok ? value : std::string("NULL");
        });
  }

  // Every funder figure (value and breakdown) for each whole fiscal quarter of the three years
  // before `today`, and for the last whole fiscal year, one line each.
  std::vector<std::string> PastFigures(CivilDate today) {
    const auto basis =
        app::reports::LoadBasis(app(), organisation_, app::reports::FixedDays(std::nullopt));
    const int start = app::reports::FiscalStartMonth(basis.settings);
    const auto settings = app::reports::FigureSettings(basis.settings);
    std::vector<domain::ReportPeriod> periods;
    const auto quarters = domain::RecentQuarters(today, start, 13);
    for (std::size_t i = 1; i < quarters.size(); ++i) periods.push_back(quarters[i].period);
    periods.push_back(domain::FiscalYearOf(AddMonths(today, -12), start));
    std::vector<std::string> lines;
    for (const auto& period : periods) {
      for (const auto& figure : app::reports::ComputeFigures(basis.records, period, settings)) {
        std::ostringstream line;
        line << FormatIsoDate(period.from) << ".." << FormatIsoDate(period.to) << " "
             << figure.definition->key << " = " << figure.result.value;
        for (const auto& part : figure.result.breakdown)
          line << " " << part.key << ":" << part.value;
        lines.push_back(line.str());
      }
    }
    return lines;
  }

  TestServer server_{TestServer::Options{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  std::int64_t organisation_ = 0;
  auth::Actor admin_;
  auth::Actor coordinator_;
  auth::Actor volunteer_;
  auth::Actor partner_;
};

constexpr const char* kClosedFiles = R"sql(
  SELECT id FROM core_members WHERE organisation_id = :organisation AND status = 'closed' ORDER BY id
)sql";
constexpr const char* kLegalName = R"sql(
  SELECT legal_name FROM core_members WHERE organisation_id = :organisation AND id = :id
)sql";
constexpr const char* kBirthDate = R"sql(
  SELECT birth_date FROM core_members WHERE organisation_id = :organisation AND id = :id
)sql";
constexpr const char* kExitInterviewsWithNotes = R"sql(
  SELECT id FROM volunteer_exit_interviews WHERE organisation_id = :organisation AND note <> ''
  ORDER BY id
)sql";
constexpr const char* kDocumentTitle = R"sql(
  SELECT title FROM documents WHERE organisation_id = :organisation AND id = :id
)sql";

TEST_P(AppRetention, TheScheduleRefusesPeriodsOutsideTheirBoundsAndChangesNothing) {
  const auto floor = domain::RuleOf(RetainedKind::kCoreMemberFiles).floor;
  const auto refused =
      app::privacy::SaveSchedule(app(), admin_,
                                 {{{RetainedKind::kCoreMemberFiles, std::to_string(floor - 1)},
                                   {RetainedKind::kVolunteersWhoLeft, "24"}}});
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "core_member_files");
  const auto ceiling = domain::RuleOf(RetainedKind::kMail).ceiling;
  EXPECT_FALSE(app::privacy::SaveSchedule(app(), admin_,
                                          {{{RetainedKind::kMail, std::to_string(ceiling + 1)}}}));
  EXPECT_FALSE(app::privacy::SaveSchedule(app(), admin_, {{{RetainedKind::kSessions, "sept"}}}));
  EXPECT_FALSE(app::privacy::SaveSchedule(app(), admin_, {{{RetainedKind::kAuditEntries, "12"}}}));
  const auto unchanged = app::privacy::LoadSchedule(app(), organisation_);
  for (const auto& period : unchanged) EXPECT_TRUE(period.is_default) << NameOf(period.kind);

  EXPECT_EQ(
      app::privacy::SaveSchedule(app(), coordinator_, {{{RetainedKind::kCoreMemberFiles, "24"}}})
          .error()
          .kind,
      ErrorKind::kNotFound);
  ASSERT_TRUE(
      app::privacy::SaveSchedule(app(), admin_, {{{RetainedKind::kCoreMemberFiles, "24"}}}));
  const auto saved = app::privacy::LoadSchedule(app(), organisation_);
  EXPECT_EQ(domain::PeriodOf(saved, RetainedKind::kCoreMemberFiles).length, 24);
  EXPECT_EQ(auth_.CountAuditEntries(organisation_, "retention.schedule_update"), 1u);
}

TEST_P(AppRetention, OnlyThePersonInChargeAndAdministratorsReachTheQueue) {
  for (const auto* actor : {&coordinator_, &volunteer_, &partner_}) {
    EXPECT_EQ(app::privacy::LoadRetentionPage(app(), *actor).error().kind, ErrorKind::kNotFound);
    EXPECT_EQ(app::privacy::ListNow(app(), *actor).error().kind, ErrorKind::kNotFound);
    EXPECT_EQ(
        app::privacy::ApproveBatch(app(), *actor, {"Aucun risque (essai).", true}).error().kind,
        ErrorKind::kNotFound);
    EXPECT_EQ(app::privacy::LoadCertificate(app(), *actor, 1).error().kind, ErrorKind::kNotFound);
  }
  auto person_in_charge = coordinator_;
  person_in_charge.privacy_officer = true;
  EXPECT_TRUE(app::privacy::LoadRetentionPage(app(), person_in_charge));
  EXPECT_TRUE(app::privacy::LoadRetentionPage(app(), admin_));
}

TEST_P(AppRetention, NothingIsDueOnTheDemoDataToday) {
  ASSERT_TRUE(app::privacy::ListNow(app(), admin_));
  const auto page = app::privacy::LoadRetentionPage(app(), admin_);
  ASSERT_TRUE(page);
  for (const auto& count : page->counts) {
    EXPECT_NE(count.kind, RetainedKind::kCoreMemberFiles);
    EXPECT_NE(count.kind, RetainedKind::kVolunteersWhoLeft);
  }
}

TEST_P(AppRetention, TheSchedulerListsTheQueueOnceADay) {
  server_.clock().Advance(std::chrono::hours(24 * 365 * 12));
  EXPECT_GE(app::privacy::ListDueRecordsDaily(app()), 1);
  EXPECT_EQ(app::privacy::ListDueRecordsDaily(app()), 0);
  const auto page = app::privacy::LoadRetentionPage(app(), admin_);
  ASSERT_TRUE(page);
  ASSERT_TRUE(page->listed_on);
  EXPECT_EQ(*page->listed_on, app().Today());
  bool files = false;
  for (const auto& count : page->counts) {
    if (count.kind == RetainedKind::kCoreMemberFiles) files = count.waiting > 0;
  }
  EXPECT_TRUE(files);
  // Listing destroys nothing: the files keep their names until a batch is approved.
  for (const auto id : Ids(kClosedFiles)) EXPECT_NE(Text(kLegalName, id), "-");
  server_.clock().Advance(std::chrono::hours(24));
  EXPECT_GE(app::privacy::ListDueRecordsDaily(app()), 1);
}

TEST_P(AppRetention, ABatchYearsLaterDestroysDocumentsKeepsPastFiguresAndCertifiesIt) {
  const auto closed = Ids(kClosedFiles);
  ASSERT_GE(closed.size(), 2u) << "the demo needs two closed files";
  // The demo puts one closed file on legal hold; releasing it lets the batch reach it.
  const auto demo_page = app::privacy::LoadRetentionPage(app(), admin_);
  ASSERT_TRUE(demo_page);
  ASSERT_EQ(demo_page->holds.size(), 1u);
  EXPECT_EQ(
      app::privacy::ReleaseLegalHold(app(), coordinator_, demo_page->holds[0].id).error().kind,
      ErrorKind::kNotFound);
  ASSERT_TRUE(app::privacy::ReleaseLegalHold(app(), admin_, demo_page->holds[0].id));
  EXPECT_FALSE(app::privacy::ReleaseLegalHold(app(), admin_, demo_page->holds[0].id));
  const std::int64_t destroyed = closed[0];
  const std::int64_t held = closed[1];
  const std::string held_name = Text(kLegalName, held);

  const auto document = app::intake::StoreDocument(
      app(), admin_, {"core_member", destroyed},
      {"Rapport (essai)", "rapport.pdf", "%PDF-1.4\nrapport fictif, a detruire\n%%EOF\n"});
  ASSERT_TRUE(document);
  const auto path = app().vault.PathOf(document->storage_name);
  ASSERT_TRUE(std::filesystem::exists(path));

  // The demo's volunteers who left each have an exit interview with a note.
  ASSERT_FALSE(Ids(kExitInterviewsWithNotes).empty());

  const CivilDate today = app().Today();
  const auto before = PastFigures(today);
  ASSERT_FALSE(before.empty());

  // Twelve years later, every period of the schedule has ended for what the demo closed.
  server_.clock().Advance(std::chrono::hours(24 * 365 * 12));
  const auto listed = app::privacy::ListNow(app(), admin_);
  ASSERT_TRUE(listed);
  EXPECT_GE(*listed, static_cast<int>(closed.size()));

  const auto bad_hold =
      app::privacy::PlaceLegalHold(app(), admin_, {"core_member_files", "987654", "Motif"});
  ASSERT_FALSE(bad_hold);
  EXPECT_EQ(bad_hold.error().fields.at(0).field, "record_id");
  ASSERT_TRUE(app::privacy::PlaceLegalHold(
      app(), admin_,
      {"core_member_files", std::to_string(held), "Citation à comparaître (fictive, essai)"}));

  // The approval needs a recent password, then the assessment and the confirmation; each refusal
  // changes nothing.
  auto stale = admin_;
  stale.reauthenticated_at = server_.clock().Now() - std::chrono::hours(2);
  EXPECT_EQ(app::privacy::ApproveBatch(app(), stale, {"Évaluation (essai).", true}).error().kind,
            ErrorKind::kUnauthenticated);
  admin_.reauthenticated_at = server_.clock().Now();
  const auto unconfirmed = app::privacy::ApproveBatch(app(), admin_, {"", false});
  ASSERT_FALSE(unconfirmed);
  EXPECT_EQ(unconfirmed.error().fields.size(), 2u);
  EXPECT_NE(Text(kLegalName, destroyed), "-");
  EXPECT_TRUE(std::filesystem::exists(path));

  const auto certificate_id = app::privacy::ApproveBatch(
      app(), admin_,
      {"Noms, dates de naissance et adresses retirés; dates au mois; aucun croisement possible "
       "(essai).",
       true});
  ASSERT_TRUE(certificate_id) << certificate_id.error().message.id;

  // The document: its file and bytes are gone, its record cleared.
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(app().vault.Get(document->storage_name));
  EXPECT_EQ(Text(kDocumentTitle, document->id), "");
  // The file: anonymised in place; the held one untouched.
  EXPECT_EQ(Text(kLegalName, destroyed), "-");
  EXPECT_EQ(Text(kBirthDate, destroyed), "NULL");
  EXPECT_EQ(Text(kLegalName, held), held_name);
  // The volunteers who left: their exit interviews' notes are gone with their names.
  EXPECT_TRUE(Ids(kExitInterviewsWithNotes).empty());

  // The funder's figures for past quarters and the past fiscal year did not change.
  EXPECT_EQ(PastFigures(today), before);

  const auto certificate = app::privacy::LoadCertificate(app(), admin_, *certificate_id);
  ASSERT_TRUE(certificate);
  EXPECT_EQ(certificate->approved_by, admin_.user_id);
  EXPECT_FALSE(certificate->risk_assessment.empty());
  EXPECT_EQ(certificate->purpose, std::string(domain::kAnonymisationPurpose));
  const store::CertificateLine* files = nullptr;
  for (const auto& line : certificate->lines) {
    if (line.kind == RetainedKind::kCoreMemberFiles) files = &line;
  }
  ASSERT_NE(files, nullptr);
  EXPECT_EQ(files->count, static_cast<std::int64_t>(closed.size() - 1));
  EXPECT_EQ(files->method, domain::DisposalMethod::kAnonymised);
  EXPECT_LE(files->earliest_on, files->latest_on);
  ASSERT_EQ(certificate->skipped.size(), 1u);
  EXPECT_EQ(certificate->skipped[0].kind, RetainedKind::kCoreMemberFiles);
  EXPECT_EQ(certificate->skipped[0].record_id, held);
  EXPECT_EQ(certificate->skipped[0].hold, domain::HoldKind::kLegalHold);
  EXPECT_EQ(certificate->skipped[0].reason, "Citation à comparaître (fictive, essai)");

  // Audited by kind and record, and the chain still verifies.
  EXPECT_EQ(auth_.CountAuditEntries(organisation_, "retention.approve"), 1u);
  EXPECT_EQ(auth_.CountAuditEntries(organisation_, "retention.anonymised"), [&] {
    std::size_t count = 0;
    for (const auto& line : certificate->lines) {
      if (line.method == domain::DisposalMethod::kAnonymised) count += line.count;
    }
    return count;
  }());
  const auto verified = app().audit.Verify(server_.runtime().database());
  EXPECT_TRUE(verified.ok()) << verified.reason;

  // The queue is empty: a second approval has nothing to do; the next listing lists the held file
  // again, never the anonymised one.
  EXPECT_EQ(app::privacy::ApproveBatch(app(), admin_, {"Encore (essai).", true}).error().kind,
            ErrorKind::kConflict);
  ASSERT_TRUE(app::privacy::ListNow(app(), admin_));
  const auto page = app::privacy::LoadRetentionPage(app(), admin_);
  ASSERT_TRUE(page);
  bool held_listed = false;
  for (const auto& entry : page->entries) {
    if (entry.kind != RetainedKind::kCoreMemberFiles) continue;
    EXPECT_NE(entry.record_id, destroyed);
    if (entry.record_id == held) {
      held_listed = true;
      EXPECT_EQ(entry.hold, domain::HoldKind::kLegalHold);
    }
  }
  EXPECT_TRUE(held_listed);
}

constexpr const char* kIncidents = R"sql(
  SELECT id FROM privacy_incidents WHERE organisation_id = :organisation ORDER BY id
)sql";
constexpr const char* kIncidentPeopleCount = R"sql(
  SELECT CAST(count(*) AS TEXT) FROM privacy_incident_people
  WHERE organisation_id = :organisation AND incident_id = :id
)sql";
constexpr const char* kIncidentCircumstances = R"sql(
  SELECT circumstances FROM privacy_incidents WHERE organisation_id = :organisation AND id = :id
)sql";

TEST_P(AppRetention, AnIncidentIsKeptFiveYearsThenAnonymisedAndAnOpenRequestHoldsHisFile) {
  const auto incidents = Ids(kIncidents);
  ASSERT_FALSE(incidents.empty()) << "the demo records incidents";
  const auto closed = Ids(kClosedFiles);
  ASSERT_FALSE(closed.empty());
  const std::int64_t asking = closed.front();
  // The man of a closed file asks for his file; his request is still open when the batch runs.
  app::privacy::RequestForm access;
  access.kind = domain::PrivacyRequestKind::kAccess;
  access.subject_kind = domain::PrivacySubjectKind::kCoreMember;
  access.subject_id = asking;
  access.received_on = app().Today();
  ASSERT_TRUE(app::privacy::CreateRequest(app(), admin_, access));

  // Four years later no incident is due: the register keeps them at least five years.
  server_.clock().Advance(std::chrono::hours(24 * 365 * 4));
  ASSERT_TRUE(app::privacy::ListNow(app(), admin_));
  auto page = app::privacy::LoadRetentionPage(app(), admin_);
  ASSERT_TRUE(page);
  for (const auto& count : page->counts) EXPECT_NE(count.kind, RetainedKind::kIncidents);

  // Twelve years later they are, and the open request holds his file.
  server_.clock().Advance(std::chrono::hours(24 * 365 * 8));
  ASSERT_TRUE(app::privacy::ListNow(app(), admin_));
  admin_.reauthenticated_at = server_.clock().Now();
  const auto certificate_id =
      app::privacy::ApproveBatch(app(), admin_, {"Références retirées (essai).", true});
  ASSERT_TRUE(certificate_id) << certificate_id.error().message.id;
  for (const auto id : incidents) {
    EXPECT_EQ(Text(kIncidentPeopleCount, id), "0");
    EXPECT_EQ(Text(kIncidentCircumstances, id), "—");
  }
  const auto certificate = app::privacy::LoadCertificate(app(), admin_, *certificate_id);
  ASSERT_TRUE(certificate);
  bool incidents_line = false;
  for (const auto& line : certificate->lines) {
    if (line.kind == RetainedKind::kIncidents) {
      incidents_line = true;
      EXPECT_EQ(line.count, static_cast<std::int64_t>(incidents.size()));
    }
  }
  EXPECT_TRUE(incidents_line);
  bool held_by_request = false;
  for (const auto& skipped : certificate->skipped) {
    if (skipped.kind == RetainedKind::kCoreMemberFiles && skipped.record_id == asking) {
      held_by_request = skipped.hold == domain::HoldKind::kOpenRequest;
    }
  }
  EXPECT_TRUE(held_by_request);
  EXPECT_NE(Text(kLegalName, asking), "-");
  const auto verified = app().audit.Verify(server_.runtime().database());
  EXPECT_TRUE(verified.ok()) << verified.reason;
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppRetention, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppRetention, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
