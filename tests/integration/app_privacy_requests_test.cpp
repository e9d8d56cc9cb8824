// The register of requests from the people concerned and the export of one person's file (Law 25,
// s. 27-35), called through the app layer on SQLite and PostgreSQL: the 30-day flag on a manual
// clock, an export holding every row about the person (counted in the database, table by table)
// and none of the third-party markers planted around him, the step-up, the audit entries, and a
// correction applied to the file and told to the person.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "app/privacy/person_export.hpp"
#include "app/privacy/requests.hpp"
#include "backup/database_facts.hpp"
#include "store/privacy_request_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using domain::PrivacyRequestKind;
using domain::PrivacySubjectKind;

// Third persons planted around the man whose file is exported: none may appear in the export.
constexpr const char* kOtherVolunteerFirst = "Solange";
constexpr const char* kOtherVolunteerLast = "Témoin";
constexpr const char* kOtherVolunteer = "Solange Témoin";
constexpr const char* kOtherCoreMember = "Gontran Autrui";
constexpr const char* kPartnerName = "Philippe Partenaire";

class AppPrivacyRequests : public ::testing::TestWithParam<Backend> {
 protected:
  AppPrivacyRequests() {
    organisation_ = auth_.CreateOrganisationWithEveryRole("Cercle Essai", "cercle-essai");
    officer_ = ActorOf(organisation_.coordinator);
    officer_.privacy_officer = true;
    officer_.organisation_name = organisation_.name;
    officer_.reauthenticated_at = server_.clock().Now();
    coordinator_ = ActorOf(organisation_.coordinator);
  }

  const app::Services& app() { return server_.app(); }
  CivilDate Today() { return app().Today(); }
  std::size_t Entries(const std::string& action) {
    return auth_.CountAuditEntries(organisation_.id, action);
  }

  // Runs `sql` in the organisation's scope.
  void Execute(const std::string& sql) {
    FixtureWrite(server_, organisation_.id, [&](soci::session& session) -> Status {
      session << sql;
      return {};
    });
  }
  long long Count(const std::string& sql) {
    return server_.runtime().database().Read(store::Scope::System(), [&](soci::session& session) {
      long long count = 0;
      session << sql, soci::into(count);
      return count;
    });
  }

  std::int64_t NewRequest(PrivacyRequestKind kind, PrivacySubjectKind subject,
                          std::optional<std::int64_t> id, CivilDate received,
                          const std::string& name = "") {
    app::privacy::RequestForm form;
    form.kind = kind;
    form.subject_kind = subject;
    form.subject_id = id;
    form.person_name = name;
    form.received_on = received;
    auto created = app::privacy::CreateRequest(app(), officer_, form);
    EXPECT_TRUE(created) << (created ? "" : created.error().message.id);
    return created ? *created : 0;
  }

  // A core member's file with a row in every table about him, and the third persons around him.
  struct Seeded {
    SeededFile file;
    std::int64_t circle_id = 0;
    std::int64_t meeting_id = 0;
  };
  Seeded SeedEverything() {
    Seeded seeded;
    CoreMemberFixture intake(server_);
    seeded.file = intake.SeedFullFile(organisation_.id, "Marcel Exemple", "2026-001");
    const auto him = seeded.file.core_member_id;
    const auto org = std::to_string(organisation_.id);
    const auto cm = std::to_string(him);
    Execute("UPDATE core_members SET email = 'marcel@courriel.example' WHERE id = " + cm);
    intake.CreateCoreMember(organisation_.id, kOtherCoreMember, "2026-099");
    VolunteerFixture volunteers(server_);
    const auto other =
        volunteers.CreateVolunteer(organisation_.id, kOtherVolunteerFirst, kOtherVolunteerLast,
                                   domain::VolunteerStage::kActive);
    CircleFixture circles(server_);
    const auto today = Today();
    seeded.circle_id = circles.CreateCircle(organisation_.id, him, domain::CirclePhase::kWeekly,
                                            AddDays(today, -60), AddDays(today, -60));
    circles.AddMember(organisation_.id, seeded.circle_id, other, AddDays(today, -60));
    seeded.meeting_id = circles.AddMeeting(organisation_.id, seeded.circle_id,
                                           CircleFixture::At(AddDays(today, -3), 1380), other);
    circles.AddMinutes(organisation_.id, seeded.meeting_id, other, {},
                       server_.clock().Now() - std::chrono::hours(48));
    Execute("UPDATE circle_minutes SET check_in = 'Ouverture par " + std::string(kOtherVolunteer) +
            ".', accountability = 'Il a croisé " + kOtherCoreMember +
            " au centre; il en a parlé.' WHERE meeting_id = " + std::to_string(seeded.meeting_id));
    const auto contact = circles.AddContact(organisation_.id, seeded.circle_id, other, today);
    Execute("UPDATE circle_contacts SET note = 'Parlé de " + std::string(kPartnerName) +
            ".' WHERE id = " + std::to_string(contact));
    const auto partner = circles.AddPartnerContact(organisation_.id, kPartnerName);
    const auto agreement =
        circles.AddAgreement(organisation_.id, partner, seeded.circle_id, AddDays(today, -30));
    circles.AddConflict(organisation_.id, other, him);
    ConcernFixture concerns(server_);
    const auto concern = concerns.Raise(
        {organisation_.id, seeded.circle_id, organisation_.coordinator.id, std::nullopt,
         domain::ConcernCategory::kHostility, domain::Severity::kUrgent});
    Execute("UPDATE concerns SET observed = 'Vu par " + organisation_.coordinator.display_name +
            ".' WHERE id = " + std::to_string(concern));
    concerns.DiscloseToPartner(organisation_.id, concern, partner, agreement,
                               organisation_.coordinator.id, "Partagé (essai).");
    // His end-of-circle questionnaire, answered, and the officer's, which is not his.
    const auto circle = std::to_string(seeded.circle_id);
    for (const char* respondent : {"core_member", "officer"}) {
      Execute(
          "INSERT INTO ending_questionnaires (organisation_id, circle_id, respondent, opened_at, "
          "answered_on, comment) VALUES (" +
          org + ", " + circle + ", '" + respondent + "', 0, '" + FormatIsoDate(today) +
          "', 'Réponse (essai).')");
      Execute(
          "INSERT INTO ending_answers (organisation_id, questionnaire_id, question, score) "
          "SELECT organisation_id, id, 'recommend', 4 FROM ending_questionnaires WHERE circle_id "
          "= " +
          circle + " AND respondent = '" + respondent + "'");
    }
    ReportFixture reports(server_);
    reports.AddEvent(organisation_.id, him, AddDays(today, -5), domain::RecidivismKind::kNewCharge,
                     domain::OffenceCategory::kOther, domain::CirclePeriod::kDuring);
    reports.AddMeasure(organisation_.id, him, AddDays(today, -5), domain::MeasureOccasion::kStart,
                       3, 3, 3);
    // What no fixture makes, straight in SQL.
    if (Count("SELECT count(*) FROM referral_checklist WHERE referral_id = " +
              std::to_string(seeded.file.referral_id)) == 0) {
      Execute(
          "INSERT INTO referral_checklist (organisation_id, referral_id, criterion_id, "
          "checked_at) VALUES (" +
          org + ", " + std::to_string(seeded.file.referral_id) + ", " +
          std::to_string(intake.CriterionIds(organisation_.id).front()) + ", 0)");
    }
    Execute(
        "INSERT INTO follow_up_checks (organisation_id, core_member_id, milestone_months, "
        "checked_on, found_events, recorded_at) VALUES (" +
        org + ", " + cm + ", 6, '2026-01-05', 0, 0)");
    Execute(
        "INSERT INTO covenant_signatures (organisation_id, version_id, signatory, signed_on, "
        "recorded_at) SELECT " +
        org +
        ", max(id), 'core_member', '2026-01-05', 0 FROM "
        "covenant_versions WHERE circle_id = " +
        std::to_string(seeded.circle_id));
    Execute(
        "INSERT INTO circle_reviews (organisation_id, circle_id, kind, held_on, participants, "
        "recorded_at) VALUES (" +
        org + ", " + std::to_string(seeded.circle_id) + ", 'review', '2026-01-05', '" +
        kOtherVolunteer + "', 0)");
    // A factor rated at that review, its comment a coordinator's note.
    Execute(
        "INSERT INTO risk_factors (organisation_id, factor_key, name, kind, sort_order, active) "
        "VALUES (" +
        org + ", 'work', 'Work', 'protective', 1, 1)");
    Execute(
        "INSERT INTO review_factor_ratings (organisation_id, review_id, factor_id, rating, "
        "comment, recorded_at) SELECT " +
        org + ", max(r.id), max(f.id), 1, 'Vu par " + organisation_.coordinator.display_name +
        "', 0 FROM circle_reviews r, risk_factors f WHERE r.circle_id = " +
        std::to_string(seeded.circle_id) + " AND f.organisation_id = " + org);
    // The assessment received from corrections that review relied on.
    Execute(
        "INSERT INTO review_assessments (organisation_id, review_id, assessment_id, recorded_at) "
        "SELECT " +
        org +
        ", max(r.id), max(a.id), 0 FROM circle_reviews r, risk_assessments a WHERE "
        "r.circle_id = " +
        std::to_string(seeded.circle_id) + " AND a.core_member_id = " + cm);
    // His circle plan: a version, a goal another volunteer helps with, a warning sign touching
    // his protected condition, its progress at the review, and the concern citing the sign.
    Execute(
        "INSERT INTO circle_plan_versions (organisation_id, circle_id, version, note, created_at) "
        "VALUES (" +
        org + ", " + circle + ", 1, 'Formation', 0)");
    Execute(
        "INSERT INTO circle_plan_goals (organisation_id, version_id, goal_key, position, area, "
        "goal, helpers) SELECT " +
        org + ", max(id), 1, 1, 'housing', 'Un logement', '" + kOtherVolunteer +
        "' FROM circle_plan_versions WHERE circle_id = " + circle);
    Execute(
        "INSERT INTO circle_plan_warning_signs (organisation_id, version_id, position, sign, "
        "response) SELECT " +
        org +
        ", max(id), 1, 'Seul le soir', 'Appeler' FROM circle_plan_versions WHERE "
        "circle_id = " +
        circle);
    Execute(
        "INSERT INTO circle_plan_sign_conditions (organisation_id, sign_id, condition_id) SELECT " +
        org + ", max(id), " + std::to_string(seeded.file.protected_condition_id) +
        " FROM circle_plan_warning_signs WHERE organisation_id = " + org);
    Execute(
        "INSERT INTO circle_review_goal_progress (organisation_id, review_id, goal_key, progress, "
        "recorded_at) SELECT " +
        org + ", max(id), 1, 'met', 0 FROM circle_reviews WHERE circle_id = " + circle);
    Execute("INSERT INTO concern_warning_signs (organisation_id, concern_id, sign_id) SELECT " +
            org + ", " + std::to_string(concern) +
            ", max(id) FROM circle_plan_warning_signs WHERE "
            "organisation_id = " +
            org);
    Execute(
        "INSERT INTO concern_actions (organisation_id, concern_id, kind, note, taken_at, "
        "recorded_by, recorded_at) VALUES (" +
        org + ", " + std::to_string(concern) + ", 'talk', 'Appel à " + kOtherCoreMember + "', 0, " +
        std::to_string(organisation_.coordinator.id) + ", 0)");
    if (Count("SELECT count(*) FROM concern_escalations WHERE concern_id = " +
              std::to_string(concern)) == 0) {
      Execute(
          "INSERT INTO concern_escalations (organisation_id, concern_id, step, due_at) "
          "VALUES (" +
          org + ", " + std::to_string(concern) + ", 0, 0)");
    }
    if (Count("SELECT count(*) FROM circle_phase_changes WHERE circle_id = " +
              std::to_string(seeded.circle_id)) == 0) {
      Execute(
          "INSERT INTO circle_phase_changes (organisation_id, circle_id, to_phase, decided_on, "
          "recorded_at) VALUES (" +
          org + ", " + std::to_string(seeded.circle_id) + ", 'forming', '2026-01-05', 0)");
    }
    return seeded;
  }

  TestServer server_{TestServer::Options{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  TestOrganisation organisation_;
  auth::Actor officer_;
  auth::Actor coordinator_;
};

TEST_P(AppPrivacyRequests, FlagsARequestWhoseDeadlineIsNearOrPassed) {
  const auto today = Today();
  const auto near = NewRequest(PrivacyRequestKind::kAccess, PrivacySubjectKind::kOther, {},
                               AddDays(today, -25), "Personne Sans Dossier");
  NewRequest(PrivacyRequestKind::kPortability, PrivacySubjectKind::kOther, {}, AddDays(today, -2),
             "Autre Personne");
  auto flags = app::privacy::LoadDeadlineFlags(app(), officer_, today);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags.front().request.id, near);
  EXPECT_EQ(flags.front().deadline.days_left, 5);
  EXPECT_EQ(flags.front().deadline.flag, domain::DeadlineFlag::kNear);
  // Ten days later, the first is late and the second not yet near.
  server_.clock().Advance(std::chrono::hours(24 * 10));
  flags = app::privacy::LoadDeadlineFlags(app(), officer_, Today());
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags.front().deadline.flag, domain::DeadlineFlag::kPassed);
  EXPECT_EQ(flags.front().deadline.days_left, -5);
  // Answered, it is flagged no more, and the register counts nothing.
  app::privacy::AnswerForm answer;
  answer.answer = domain::PrivacyAnswer::kRefused;
  answer.answered_on = Today();
  answer.section = "40";
  ASSERT_TRUE(app::privacy::AnswerRequest(app(), officer_, near, answer));
  EXPECT_TRUE(app::privacy::LoadDeadlineFlags(app(), officer_, Today()).empty());
  const auto first = [](std::int64_t) { return store::PageSlice{50, 0}; };
  const auto shown = app::privacy::LoadRequestRegister(app(), officer_, first);
  ASSERT_TRUE(shown);
  EXPECT_EQ(shown->flagged, 0);
  ASSERT_EQ(shown->entries.size(), 2u);
  EXPECT_FALSE(shown->entries.front().request.answered());  // the open ones first
  // Nobody else sees the flags or the register.
  EXPECT_TRUE(app::privacy::LoadDeadlineFlags(app(), coordinator_, Today()).empty());
  EXPECT_EQ(app::privacy::LoadRequestRegister(app(), coordinator_, first).error().kind,
            ErrorKind::kNotFound);
}

TEST_P(AppPrivacyRequests, ARefusalNamesTheSectionAndEveryChangeIsAudited) {
  const auto id = NewRequest(PrivacyRequestKind::kAccess, PrivacySubjectKind::kOther, {}, Today(),
                             "Personne Sans Dossier");
  app::privacy::AnswerForm answer;
  answer.answer = domain::PrivacyAnswer::kRefused;
  answer.answered_on = Today();
  const auto refused = app::privacy::AnswerRequest(app(), officer_, id, answer);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "refusal_section");
  answer.section = "other";
  answer.section_other = "art. 41";
  ASSERT_TRUE(app::privacy::AnswerRequest(app(), officer_, id, answer));
  const auto page =
      app::privacy::LoadRequest(app(), officer_, id, app::privacy::Viewing::kRecorded);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->entry.request.refusal_section, "art. 41");
  EXPECT_EQ(Entries("privacy_request.create"), 1u);
  EXPECT_EQ(Entries("privacy_request.answer"), 1u);
  EXPECT_EQ(Entries("privacy_request.view"), 1u);
  // A request about someone without a file exports nothing.
  EXPECT_EQ(app::privacy::PrepareExport(app(), officer_, id).error().kind, ErrorKind::kConflict);
}

TEST_P(AppPrivacyRequests, AnExportHoldsEveryRowAboutThePersonAndNoThirdPerson) {
  const auto seeded = SeedEverything();
  const auto him = seeded.file.core_member_id;
  // A correction request first, so that the privacy tables and the outbox hold rows about him.
  const auto correction = NewRequest(PrivacyRequestKind::kCorrection,
                                     PrivacySubjectKind::kCoreMember, him, AddDays(Today(), -3));
  ASSERT_TRUE(app::privacy::RecordCorrection(app(), officer_, correction,
                                             {"phone", "", "", "514-555-0101", "Numéro changé"}));
  const auto access =
      NewRequest(PrivacyRequestKind::kAccess, PrivacySubjectKind::kCoreMember, him, Today());

  // Without a recent password: refused, nothing counted or audited.
  auto stale = officer_;
  stale.reauthenticated_at = server_.clock().Now() - std::chrono::hours(1);
  EXPECT_EQ(app::privacy::PrepareExport(app(), stale, access).error().kind,
            ErrorKind::kUnauthenticated);
  EXPECT_EQ(Entries("privacy_request.export"), 0u);
  // Nor by anyone but the person in charge and administrators.
  auto coordinator = coordinator_;
  coordinator.reauthenticated_at = server_.clock().Now();
  EXPECT_EQ(app::privacy::PrepareExport(app(), coordinator, access).error().kind,
            ErrorKind::kNotFound);

  const auto made = app::privacy::PrepareExport(app(), officer_, access);
  ASSERT_TRUE(made) << made.error().message.id;
  EXPECT_EQ(Entries("privacy_request.export"), 1u);
  const auto page =
      app::privacy::LoadRequest(app(), officer_, access, app::privacy::Viewing::kNotRecorded);
  EXPECT_EQ(page->entry.request.export_count, 1);
  // Not downloadable before release.
  EXPECT_EQ(app::privacy::DownloadExport(app(), officer_, *made).error().kind,
            ErrorKind::kConflict);
  const auto review = app::privacy::LoadExportReview(app(), officer_, *made);
  ASSERT_TRUE(review);
  EXPECT_FALSE(review->changed);
  ASSERT_TRUE(app::privacy::ReleaseExport(app(), officer_, *made));
  EXPECT_EQ(app::privacy::DownloadExport(app(), stale, *made).error().kind,
            ErrorKind::kUnauthenticated);
  const auto exported = app::privacy::DownloadExport(app(), officer_, *made);
  ASSERT_TRUE(exported) << exported.error().message.id;
  const std::string json = app::privacy::ExportJson(*exported);
  const auto parsed = nlohmann::json::parse(json);

  // Every table's rows about him, counted in the database.
  const auto org = std::to_string(organisation_.id);
  const auto cm = std::to_string(him);
  const std::string circles = "(SELECT id FROM circles WHERE core_member_id = " + cm + ")";
  const std::string meetings =
      "(SELECT id FROM circle_meetings WHERE circle_id IN " + circles + ")";
  const std::string concerns = "(SELECT id FROM concerns WHERE circle_id IN " + circles + ")";
  const std::string referrals = "(SELECT id FROM referrals WHERE core_member_id = " + cm + ")";
  const std::string requests =
      "(SELECT id FROM privacy_requests WHERE core_member_id = " + cm + ")";
  const std::map<std::string, std::string> expected = {
      {"core_members", "id = " + cm},
      {"core_member_status_changes", "core_member_id = " + cm},
      {"referrals", "core_member_id = " + cm},
      {"referral_status_changes", "referral_id IN " + referrals},
      {"referral_checklist", "referral_id IN " + referrals},
      {"supervision_orders", "core_member_id = " + cm},
      {"release_conditions", "core_member_id = " + cm},
      {"risk_assessments", "core_member_id = " + cm},
      {"consents", "core_member_id = " + cm},
      {"recidivism_events", "core_member_id = " + cm},
      {"outcome_measures", "core_member_id = " + cm},
      {"follow_up_checks", "core_member_id = " + cm},
      {"volunteer_conflicts", "core_member_id = " + cm},
      {"circles", "core_member_id = " + cm},
      {"circle_phase_changes", "circle_id IN " + circles},
      {"circle_members", "circle_id IN " + circles},
      {"circle_meetings", "circle_id IN " + circles},
      {"circle_minutes", "meeting_id IN " + meetings},
      {"circle_attendance", "meeting_id IN " + meetings},
      {"covenant_versions", "circle_id IN " + circles},
      {"covenant_signatures",
       "version_id IN (SELECT id FROM covenant_versions WHERE circle_id IN " + circles + ")"},
      {"circle_contacts", "circle_id IN " + circles},
      {"circle_reviews", "circle_id IN " + circles},
      {"review_factor_ratings",
       "review_id IN (SELECT id FROM circle_reviews WHERE circle_id IN " + circles + ")"},
      {"review_assessments",
       "review_id IN (SELECT id FROM circle_reviews WHERE circle_id IN " + circles + ")"},
      {"circle_plan_versions", "circle_id IN " + circles},
      {"circle_plan_goals",
       "version_id IN (SELECT id FROM circle_plan_versions WHERE circle_id IN " + circles + ")"},
      {"circle_plan_warning_signs",
       "version_id IN (SELECT id FROM circle_plan_versions WHERE circle_id IN " + circles + ")"},
      {"circle_plan_sign_conditions",
       "sign_id IN (SELECT s.id FROM circle_plan_warning_signs s JOIN circle_plan_versions v ON "
       "v.id = s.version_id WHERE v.circle_id IN " +
           circles + ")"},
      {"circle_review_goal_progress",
       "review_id IN (SELECT id FROM circle_reviews WHERE circle_id IN " + circles + ")"},
      {"sharing_agreements", "circle_id IN " + circles},
      {"ending_questionnaires", "respondent = 'core_member' AND circle_id IN " + circles},
      {"ending_answers",
       "questionnaire_id IN (SELECT id FROM ending_questionnaires WHERE respondent = "
       "'core_member' AND circle_id IN " +
           circles + ")"},
      {"concerns", "circle_id IN " + circles},
      {"concern_actions", "concern_id IN " + concerns},
      {"concern_disclosures", "concern_id IN " + concerns},
      {"concern_escalations", "concern_id IN " + concerns},
      {"concern_warning_signs", "concern_id IN " + concerns},
      {"documents", "(owner_type = 'core_member' AND owner_id = " + cm +
                        ") OR (owner_type = 'referral' AND owner_id IN " + referrals +
                        ") OR (owner_type = 'circle' AND owner_id IN " + circles + ")"},
      {"outbox", "recipient = 'marcel@courriel.example'"},
      {"privacy_requests", "core_member_id = " + cm},
      {"privacy_request_corrections", "request_id IN " + requests},
      {"privacy_request_exports", "request_id IN " + requests},
      {"privacy_export_withheld",
       "export_id IN (SELECT id FROM privacy_request_exports WHERE request_id IN " + requests +
           ")"},
  };
  std::set<std::string> listed;
  for (const auto& table : store::PersonTables()) {
    if (table.person == PrivacySubjectKind::kCoreMember) listed.insert(std::string(table.table));
  }
  std::set<std::string> checked;
  for (const auto& [table, condition] : expected) checked.insert(table);
  EXPECT_EQ(listed, checked);
  for (const auto& [table, condition] : expected) {
    const auto rows = Count("SELECT count(*) FROM " + table + " WHERE organisation_id = " + org +
                            " AND (" + condition + ")");
    EXPECT_GT(rows, 0) << table << " holds no row about him: the test does not check it";
    ASSERT_TRUE(parsed["tables"].contains(table)) << table;
    EXPECT_EQ(static_cast<long long>(parsed["tables"][table].size()), rows) << table;
  }

  // No victim detail, no other person's name, no coordinator's note.
  for (const std::string& marker :
       {std::string(kVictimSecret), std::string(kPlaceSecret), std::string(kOffenceSecret),
        std::string(kOtherVolunteer), std::string(kOtherCoreMember), std::string(kPartnerName),
        organisation_.coordinator.display_name}) {
    EXPECT_EQ(json.find(marker), std::string::npos) << marker;
  }
  // His own things are there: his name, his own document's bytes.
  EXPECT_NE(json.find("Marcel Exemple"), std::string::npos);
  EXPECT_NE(json.find("514-555-0101"), std::string::npos);
  bool own_document = false, referral_document = false;
  for (const auto& document : parsed["documents"]) {
    if (document["owner_type"] == "core_member")
      own_document = !document["content_base64"].is_null();
    if (document["owner_type"] == "referral")
      referral_document = !document["content_base64"].is_null();
  }
  EXPECT_TRUE(own_document);
  EXPECT_FALSE(referral_document);

  // The withheld list names each, with its reason.
  std::set<std::string> withheld;
  for (const auto& item : parsed["withheld"]) {
    withheld.insert(item["table"].get<std::string>() + "." + item["column"].get<std::string>() +
                    ":" + item["reason"].get<std::string>());
  }
  for (const char* entry :
       {"release_conditions.victim_identity:victim", "release_conditions.victim_places:victim",
        "core_members.offence_summary:staff_note", "circle_minutes.check_in:names_another",
        "circle_minutes.accountability:names_another", "circle_contacts.note:names_another",
        "concerns.observed:names_another", "concern_disclosures.recipient_name:other_person",
        "circle_reviews.participants:other_person", "concern_actions.note:staff_note",
        "review_factor_ratings.comment:staff_note", "circle_plan_goals.helpers:other_person",
        "documents.content:third_party_document"}) {
    EXPECT_TRUE(withheld.count(entry)) << entry;
  }
  EXPECT_EQ(Entries("privacy_request.export_download"), 1u);
  EXPECT_EQ(Entries("privacy_request.export_release"), 1u);
}

TEST_P(AppPrivacyRequests, AVolunteersExportLeavesOutWhatHeWroteAboutOthersAndHisSecrets) {
  VolunteerFixture volunteers(server_);
  const auto him = volunteers.CreateVolunteer(organisation_.id, "Bastien", "Bénévole",
                                              domain::VolunteerStage::kActive,
                                              organisation_.volunteer.id, "Note confidentielle");
  auth_.StartSession(organisation_.volunteer);
  const auto access =
      NewRequest(PrivacyRequestKind::kPortability, PrivacySubjectKind::kVolunteer, him, Today());
  const auto made = app::privacy::PrepareExport(app(), officer_, access);
  ASSERT_TRUE(made);
  ASSERT_TRUE(app::privacy::ReleaseExport(app(), officer_, *made));
  const auto exported = app::privacy::DownloadExport(app(), officer_, *made);
  ASSERT_TRUE(exported);
  const auto json = app::privacy::ExportJson(*exported);
  const auto parsed = nlohmann::json::parse(json);
  ASSERT_EQ(parsed["tables"]["users"].size(), 1u);
  EXPECT_TRUE(parsed["tables"]["users"][0]["password_hash"].is_null());
  EXPECT_EQ(parsed["tables"]["sessions"].size(), 1u);
  EXPECT_TRUE(parsed["tables"]["sessions"][0]["token_hash"].is_null());
  EXPECT_EQ(json.find("Note confidentielle"), std::string::npos);
  EXPECT_EQ(parsed["person"]["kind"], "volunteer");
}

TEST_P(AppPrivacyRequests, ACorrectionChangesTheFileAndTellsThePerson) {
  CoreMemberFixture intake(server_);
  const auto him = intake.CreateCoreMember(organisation_.id, "Marcel Exemple", "2026-001");
  Execute("UPDATE core_members SET email = 'marcel@courriel.example' WHERE id = " +
          std::to_string(him));
  const auto request =
      NewRequest(PrivacyRequestKind::kCorrection, PrivacySubjectKind::kCoreMember, him, Today());
  // A reason is required; nothing changes without it.
  EXPECT_FALSE(app::privacy::RecordCorrection(app(), officer_, request,
                                              {"legal_name", "", "", "Marcel Exempel", ""}));
  EXPECT_EQ(intake.StoredCoreMember(organisation_.id, him).legal_name, "Marcel Exemple");
  const auto made = app::privacy::RecordCorrection(
      app(), officer_, request, {"legal_name", "", "", "Marcel Exempel", "Orthographe du nom"});
  ASSERT_TRUE(made) << made.error().message.id;
  EXPECT_TRUE(made->mailed);
  EXPECT_EQ(intake.StoredCoreMember(organisation_.id, him).legal_name, "Marcel Exempel");
  const auto page =
      app::privacy::LoadRequest(app(), officer_, request, app::privacy::Viewing::kNotRecorded);
  ASSERT_EQ(page->corrections.size(), 1u);
  const auto& correction = page->corrections.front();
  EXPECT_EQ(correction.field, "legal_name");
  EXPECT_EQ(correction.old_value, "Marcel Exemple");
  EXPECT_EQ(correction.new_value, "Marcel Exempel");
  EXPECT_EQ(correction.reason, "Orthographe du nom");
  EXPECT_TRUE(correction.applied);
  EXPECT_TRUE(correction.mail_id.has_value());
  ConcernFixture mail(server_);
  EXPECT_EQ(mail.QueuedRecipients(), std::vector<std::string>{"marcel@courriel.example"});
  EXPECT_EQ(Entries("privacy_request.correct"), 1u);
  EXPECT_EQ(Entries("core_member.update"), 1u);

  // A volunteer without an address is told another way, on a day recorded.
  VolunteerFixture volunteers(server_);
  const auto volunteer = volunteers.CreateVolunteer(organisation_.id, "Rosalie", "Sans-Courriel",
                                                    domain::VolunteerStage::kActive);
  Execute("UPDATE volunteers SET email = '' WHERE id = " + std::to_string(volunteer));
  const auto second = NewRequest(PrivacyRequestKind::kCorrection, PrivacySubjectKind::kVolunteer,
                                 volunteer, Today());
  const auto unmailed = app::privacy::RecordCorrection(
      app(), officer_, second, {"phone", "", "", "418-555-0199", "Nouveau numéro"});
  ASSERT_TRUE(unmailed) << unmailed.error().message.id;
  EXPECT_FALSE(unmailed->mailed);
  EXPECT_EQ(volunteers.Stored(organisation_.id, volunteer).phone, "418-555-0199");
  EXPECT_FALSE(app::privacy::RecordTold(app(), officer_, unmailed->id, AddDays(Today(), 1)));
  ASSERT_TRUE(app::privacy::RecordTold(app(), officer_, unmailed->id, Today()));
  const auto told =
      app::privacy::LoadRequest(app(), officer_, second, app::privacy::Viewing::kNotRecorded);
  EXPECT_EQ(told->corrections.front().told_on, Today());
}

TEST_P(AppPrivacyRequests, EveryTableIsEitherExportedOrSaidUnrelated) {
  std::set<std::string> known;
  for (const auto& table : store::PersonTables()) known.insert(std::string(table.table));
  for (const auto& table : store::UnrelatedTables()) known.insert(std::string(table.table));
  const auto tables =
      server_.runtime().database().Read(store::Scope::System(), [&](soci::session& session) {
        return backup::ListTables(session, server_.runtime().database().dialect());
      });
  ASSERT_FALSE(tables.empty());
  for (const auto& table : tables) {
    EXPECT_TRUE(known.count(table)) << table << " is neither in store::PersonTables() nor in "
                                    << "store::UnrelatedTables()";
  }
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppPrivacyRequests, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppPrivacyRequests, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
