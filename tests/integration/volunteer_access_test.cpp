// Who sees volunteers' files, over a real socket, on SQLite and PostgreSQL. A volunteer sees only
// their own portal, without coordinators' notes, supervision notes or refusal reasons; any other
// file, note, supervision note or screening result answers 404, exactly like a missing one. A
// coordinator of another organisation gets 404; partners and evaluators see nothing. Coordinators
// see the whole file, and every view is audited.
#include <gtest/gtest.h>

#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using domain::VolunteerStage;

constexpr const char* kOwnNote = "NOTE-COORDINATION-BASTIEN";
constexpr const char* kOwnSupervision = "SUPERVISION-BASTIEN";
constexpr const char* kOwnRefusal = "REFUS-REFERENCE-BASTIEN";
constexpr const char* kOtherNote = "NOTE-COORDINATION-ROSALIE";
constexpr const char* kOtherSupervision = "SUPERVISION-ROSALIE";
constexpr const char* kOtherRefusal = "REFUS-POLICE-ROSALIE";
constexpr const char* kMissingId = "987654321";

class VolunteerAccess : public ::testing::TestWithParam<Backend> {
 protected:
  VolunteerAccess() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    const auto today = volunteers_.Today();
    own_ = volunteers_.CreateVolunteer(a_.id, "Bastien", "Bénévole", VolunteerStage::kActive,
                                       a_.volunteer.id, kOwnNote, a_.coordinator.id);
    volunteers_.AddFullScreening(a_.id, own_, AddDays(today, -30));
    volunteers_.AddScreeningItem(a_.id, own_, 1, AddDays(today, -20),
                                 domain::ScreeningResult::kFailed, kOwnRefusal);
    volunteers_.AddSupervision(a_.id, own_, AddDays(today, -3), kOwnSupervision);
    own_document_ = volunteers_.AddDocument(a_.id, own_);
    volunteers_.AddTrainingSession(a_.id, 0, AddDays(today, -10), 180, {own_});
    volunteers_.AddHours(a_.id, own_, AddDays(today, -1), 90, domain::HoursStatus::kApproved,
                         a_.coordinator.id);
    volunteers_.AddHours(a_.id, own_, AddDays(today, -1), 45, domain::HoursStatus::kPending,
                         a_.volunteer.id);

    other_ = volunteers_.CreateVolunteer(a_.id, "Rosalie", "Exemple", VolunteerStage::kScreening,
                                         std::nullopt, kOtherNote, a_.coordinator.id);
    other_document_ = volunteers_.AddDocument(a_.id, other_);
    other_item_ = volunteers_.AddScreeningItem(a_.id, other_, 0, AddDays(today, -5),
                                               domain::ScreeningResult::kFailed, kOtherRefusal,
                                               std::nullopt, other_document_);
    volunteers_.AddSupervision(a_.id, other_, AddDays(today, -2), kOtherSupervision);
    other_hours_ = volunteers_.AddHours(a_.id, other_, AddDays(today, -2), 60,
                                        domain::HoursStatus::kPending, a_.coordinator.id);
    session_ = volunteers_.AddTrainingSession(a_.id, 0, AddDays(today, -4), 180, {other_});
  }

  // Every secret of every file.
  static void ExpectNoSecrets(const std::string& body, const std::string& context) {
    for (const char* secret :
         {kOwnNote, kOwnSupervision, kOwnRefusal, kOtherNote, kOtherSupervision, kOtherRefusal}) {
      EXPECT_EQ(body.find(secret), std::string::npos) << context << " shows " << secret;
    }
  }

  // GET `path` as `user`: 404, the same page as for a missing record, audited, and no secret in it.
  void ExpectHidden(const TestUser& user, const std::string& path, const std::string& id) {
    auto client = auth_.SignedInClient(user);
    const auto denials = auth_.CountAuditEntries(user.organisation_id, "authz.denied", user.id);
    const auto result = client->Get(path);
    const std::string context = path + " as " + user.email;
    EXPECT_EQ(result.status, 404) << context;
    ExpectNoSecrets(result.body, context);
    EXPECT_EQ(result.body.find("Rosalie"), std::string::npos) << context;
    EXPECT_EQ(auth_.CountAuditEntries(user.organisation_id, "authz.denied", user.id), denials + 1)
        << context;
    std::string missing_path = path;
    missing_path.replace(missing_path.find(id), id.size(), kMissingId);
    const auto missing = client->Get(missing_path);
    EXPECT_EQ(missing.status, 404) << context;
    EXPECT_EQ(ComparablePage(missing.body, {missing_path}), ComparablePage(result.body, {path}))
        << context;
  }

  std::string Id(std::int64_t id) const { return std::to_string(id); }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  TestOrganisation a_;
  TestOrganisation b_;
  std::int64_t own_ = 0, own_document_ = 0;
  std::int64_t other_ = 0, other_document_ = 0, other_item_ = 0, other_hours_ = 0, session_ = 0;
};

TEST_P(VolunteerAccess, AVolunteerSeesTheirOwnPortalWithoutNotesOrRefusalReasons) {
  auto client = auth_.SignedInClient(a_.volunteer);
  const auto portal = client->Get("/portal");
  ASSERT_EQ(portal.status, 200);
  EXPECT_NE(portal.body.find("Bastien Bénévole"), std::string::npos);
  EXPECT_NE(portal.body.find("id=\"portal-screening-title\""), std::string::npos);
  EXPECT_NE(portal.body.find("id=\"portal-training-title\""), std::string::npos);
  EXPECT_NE(portal.body.find("id=\"portal-hours-title\""), std::string::npos);
  // Training: 3 of 15 hours; hours: 3 h of training and 1.5 h approved, 0.75 h awaiting approval.
  EXPECT_NE(portal.body.find("3 h / 15 h"), std::string::npos);
  EXPECT_NE(portal.body.find("4,5 h"), std::string::npos);
  EXPECT_NE(portal.body.find("0,75 h"), std::string::npos);
  // The screening status of each item, the refused reference among them, but never why.
  EXPECT_NE(portal.body.find("badge--ok"), std::string::npos);
  ExpectNoSecrets(portal.body, "the portal");
  EXPECT_EQ(portal.body.find("Rosalie"), std::string::npos);
  EXPECT_NE(portal.body.find("href=\"/portal\""), std::string::npos)
      << "the navigation offers the portal";
  EXPECT_EQ(portal.body.find("href=\"/volunteers\""), std::string::npos);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "volunteer.view_own", a_.volunteer.id), 1u);
}

TEST_P(VolunteerAccess, AVolunteerCannotReadAnotherVolunteersFileNotesSupervisionOrScreening) {
  const auto& volunteer = a_.volunteer;
  ExpectHidden(volunteer, "/volunteers/" + Id(other_), Id(other_));
  ExpectHidden(volunteer, "/volunteers/" + Id(other_) + "/edit", Id(other_));
  ExpectHidden(volunteer, "/volunteers/" + Id(other_) + "/screening", Id(other_));
  ExpectHidden(volunteer, "/volunteers/documents/" + Id(other_document_), Id(other_document_));
  ExpectHidden(volunteer, "/volunteers/training/" + Id(session_), Id(session_));
  // Their own coordinators' file too: it holds the notes.
  ExpectHidden(volunteer, "/volunteers/" + Id(own_), Id(own_));
  ExpectHidden(volunteer, "/volunteers/documents/" + Id(own_document_), Id(own_document_));
  auto client = auth_.SignedInClient(volunteer);
  EXPECT_EQ(client->Get("/volunteers").status, 403);
  EXPECT_EQ(client->Get("/volunteers/hours").status, 403);
}

TEST_P(VolunteerAccess, AVolunteerCannotChangeAnotherVolunteersFile) {
  auto client = auth_.SignedInClient(a_.volunteer);
  const auto before = volunteers_.HistoryLength(a_.id, other_);
  EXPECT_EQ(client
                ->PostForm("/volunteers/" + Id(other_) + "/stage",
                           {{"to", "approved"}, {"reason", "Essai"}})
                .status,
            404);
  EXPECT_EQ(client
                ->PostForm("/volunteers/" + Id(other_) + "/supervision",
                           {{"held_on", "2026-11-01"}, {"kind", "supervision"}, {"notes", "x"}})
                .status,
            404);
  EXPECT_EQ(
      client
          ->PostForm("/volunteers/hours/" + Id(other_hours_) + "/review", {{"decision", "approve"}})
          .status,
      404);
  EXPECT_EQ(
      client->PostForm("/volunteers/screening/" + Id(other_item_) + "/withdraw", {{"reason", "x"}})
          .status,
      404);
  EXPECT_EQ(volunteers_.Stored(a_.id, other_).stage, VolunteerStage::kScreening);
  EXPECT_EQ(volunteers_.HistoryLength(a_.id, other_), before);
  EXPECT_EQ(auth_.CountRows("supervision_sessions"), 2);
  EXPECT_EQ(auth_.CountRows("volunteer_hours WHERE status = 'pending'"), 2);
  EXPECT_EQ(auth_.CountRows("screening_items WHERE withdrawn_at IS NOT NULL"), 0);
}

TEST_P(VolunteerAccess, ACoordinatorOfAnotherOrganisationGets404) {
  for (const auto* user : {&b_.coordinator, &b_.admin}) {
    ExpectHidden(*user, "/volunteers/" + Id(other_), Id(other_));
    ExpectHidden(*user, "/volunteers/" + Id(other_) + "/edit", Id(other_));
    ExpectHidden(*user, "/volunteers/documents/" + Id(other_document_), Id(other_document_));
    ExpectHidden(*user, "/volunteers/training/" + Id(session_), Id(session_));
    auto client = auth_.SignedInClient(*user);
    EXPECT_EQ(client
                  ->PostForm("/volunteers/" + Id(other_) + "/stage",
                             {{"to", "approved"}, {"reason", "x"}})
                  .status,
              404);
    EXPECT_EQ(client
                  ->PostForm("/volunteers/hours/" + Id(other_hours_) + "/review",
                             {{"decision", "approve"}})
                  .status,
              404);
    EXPECT_EQ(
        client
            ->PostForm("/volunteers/screening/" + Id(other_item_) + "/withdraw", {{"reason", "x"}})
            .status,
        404);
    // Their own list shows none of organisation A's volunteers.
    const auto list = client->Get("/volunteers");
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.body.find("Rosalie"), std::string::npos);
    EXPECT_EQ(list.body.find("Bastien"), std::string::npos);
  }
  EXPECT_EQ(volunteers_.Stored(a_.id, other_).stage, VolunteerStage::kScreening);
  EXPECT_EQ(auth_.CountRows("volunteer_hours WHERE status = 'pending'"), 2);
  EXPECT_EQ(auth_.CountRows("screening_items WHERE withdrawn_at IS NOT NULL"), 0);
}

TEST_P(VolunteerAccess, PartnersAndEvaluatorsSeeNoVolunteer) {
  for (const auto* user : {&a_.partner, &a_.evaluator}) {
    ExpectHidden(*user, "/volunteers/" + Id(other_), Id(other_));
    ExpectHidden(*user, "/volunteers/documents/" + Id(other_document_), Id(other_document_));
    auto client = auth_.SignedInClient(*user);
    EXPECT_EQ(client->Get("/volunteers").status, 403);
    EXPECT_EQ(client->Get("/portal").status, 404);
  }
  // A volunteer of organisation B has no file: no portal.
  EXPECT_EQ(auth_.SignedInClient(b_.volunteer)->Get("/portal").status, 404);
}

TEST_P(VolunteerAccess, CoordinatorsSeeTheWholeFileAndEveryViewIsAudited) {
  auto client = auth_.SignedInClient(a_.coordinator);
  const auto first = client->Get("/volunteers/" + Id(other_));
  ASSERT_EQ(first.status, 200);
  EXPECT_NE(first.body.find(kOtherNote), std::string::npos);
  EXPECT_NE(first.body.find(kOtherSupervision), std::string::npos);
  EXPECT_NE(first.body.find(kOtherRefusal), std::string::npos);
  EXPECT_NE(first.body.find("/volunteers/documents/" + Id(other_document_)), std::string::npos);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "volunteer.view", a_.coordinator.id), 1u);
  // The second view lists the first under "who viewed this record".
  const auto second = client->Get("/volunteers/" + Id(other_));
  EXPECT_NE(TextBetween(second.body, "id=\"viewers-title\"", "</section>")
                .find(a_.coordinator.display_name),
            std::string::npos);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "volunteer.view", a_.coordinator.id), 2u);
  // An organisation admin too.
  EXPECT_EQ(auth_.SignedInClient(a_.admin)->Get("/volunteers/" + Id(other_)).status, 200);
  // The screening document downloads, and the download is audited.
  const auto document = client->Get("/volunteers/documents/" + Id(other_document_));
  EXPECT_EQ(document.status, 200);
  EXPECT_EQ(document.body.rfind("%PDF", 0), 0u);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "document.download", a_.coordinator.id), 1u);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, VolunteerAccess, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, VolunteerAccess, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
