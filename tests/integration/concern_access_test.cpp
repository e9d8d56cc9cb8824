// Concerns over a real socket, on SQLite and PostgreSQL: a volunteer raises a concern from their
// circle's phone view and the on-call coordinator is mailed at once; the coordinator acknowledges
// it, discloses it under the agreement with the parole officer and replies. The volunteer who
// raised it then sees its status and the reply but no disclosure; a volunteer of another circle,
// another organisation and an evaluator get 404 exactly like a missing record; a partner sees only
// the concerns disclosed to them, and only what was shared with them. A disclosure whose consent
// was withdrawn or expired, or whose agreement ended, is refused with the reason in the user's
// language, and changes nothing.
#include <gtest/gtest.h>

#include "store/core_member_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using domain::CirclePhase;
using domain::VolunteerStage;

constexpr const char* kMissingId = "987654321";
// Texts without characters that HTML escapes, so that finding them in a page means they are shown.
constexpr const char* kObserved = "OBSERVATION-CONFIDENTIELLE-7731 : il rôde près de la garderie.";
constexpr const char* kShared = "PARTAGE-AGENT-4410 : rencontre du cercle prévue ce soir.";
constexpr const char* kSharedWithPolice = "PARTAGE-POLICE-9902 : adresse de la garderie.";
constexpr const char* kReply = "REPONSE-COORDINATION-2208 : merci, nous suivons la situation.";

class ConcernAccess : public ::testing::TestWithParam<Backend> {
 protected:
  ConcernAccess() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    other_volunteer_user_ = auth_.CreateUser(a_.id, "Odile Membre", "odile@cercles-a.example",
                                             {domain::Role::kVolunteer});
    other_partner_user_ = auth_.CreateUser(a_.id, "Paul Policier", "paul@cercles-a.example",
                                           {domain::Role::kPartner});
    own_ = volunteers_.CreateVolunteer(a_.id, "Bastien", "Bénévole", VolunteerStage::kActive,
                                       a_.volunteer.id);
    odile_ = volunteers_.CreateVolunteer(a_.id, "Odile", "Membre", VolunteerStage::kActive,
                                         other_volunteer_user_.id);
    file_ = intake_.SeedFullFile(a_.id, "Marcel Exemple", "2026-001");
    other_member_ = intake_.CreateCoreMember(a_.id, "Gérard Autre", "2026-002");
    circle_ = circles_.CreateCircle(a_.id, file_.core_member_id, CirclePhase::kWeekly,
                                    AddDays(today_, -60), AddDays(today_, -60));
    circles_.AddMember(a_.id, circle_, own_, AddDays(today_, -60), true);
    other_circle_ = circles_.CreateCircle(a_.id, other_member_, CirclePhase::kWeekly,
                                          AddDays(today_, -30), AddDays(today_, -30));
    circles_.AddMember(a_.id, other_circle_, odile_, AddDays(today_, -30));
    officer_ = circles_.AddPartnerContact(a_.id, "Agathe Agente", a_.partner.id);
    agreement_ = circles_.AddAgreement(a_.id, officer_, circle_, AddDays(today_, -30));
    other_officer_ = circles_.AddPartnerContact(a_.id, "Paul Policier", other_partner_user_.id);
    concerns_.SetOnCall(a_.id, {{a_.coordinator.id, 0}});
  }

  std::string Id(std::int64_t id) const { return std::to_string(id); }

  // The volunteer raises an urgent concern about their circle from the phone view; returns its id.
  std::int64_t RaiseAsVolunteer() {
    auto client = auth_.SignedInClient(a_.volunteer);
    const std::string form = "/portal/circles/" + Id(circle_) + "/concerns/new";
    const std::string create = "/portal/circles/" + Id(circle_) + "/concerns";
    const auto result = client->PostForm(create,
                                         {{"severity", "urgent"},
                                          {"category", "access_to_victims"},
                                          {"observed", kObserved},
                                          {"observed_at", "2026-11-30T08:30"},
                                          {"already_done", ""}},
                                         form);
    EXPECT_EQ(result.status, 303);
    const std::string location = result.Header("location");
    EXPECT_TRUE(location.starts_with("/portal/concerns/")) << location;
    return std::stoll(location.substr(std::string("/portal/concerns/").size()));
  }

  HttpResult Disclose(HttpClient& client, std::int64_t concern,
                      const std::vector<std::pair<std::string, std::string>>& fields) {
    const std::string path = "/concerns/" + Id(concern);
    return client.PostForm(path + "/disclosures", fields, path);
  }

  // GET `path` as `user`: 404, the same page as for a missing record, and audited.
  void ExpectHidden(const TestUser& user, const std::string& path, const std::string& id) {
    auto client = auth_.SignedInClient(user);
    const auto denials = auth_.CountAuditEntries(user.organisation_id, "authz.denied", user.id);
    const auto result = client->Get(path);
    const std::string context = path + " as " + user.email;
    EXPECT_EQ(result.status, 404) << context;
    for (const char* secret : {kObserved, kShared, kReply, "Marcel"}) {
      EXPECT_EQ(result.body.find(secret), std::string::npos) << context << " shows " << secret;
    }
    EXPECT_EQ(auth_.CountAuditEntries(user.organisation_id, "authz.denied", user.id), denials + 1)
        << context;
    std::string missing_path = path;
    missing_path.replace(missing_path.find(id), id.size(), kMissingId);
    const auto missing = client->Get(missing_path);
    EXPECT_EQ(missing.status, 404) << context;
    EXPECT_EQ(ComparablePage(missing.body, {missing_path}), ComparablePage(result.body, {path}))
        << context;
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  ConcernFixture concerns_{server_};
  TestOrganisation a_, b_;
  TestUser other_volunteer_user_, other_partner_user_;
  CivilDate today_;
  std::int64_t own_ = 0, odile_ = 0;
  SeededFile file_;
  std::int64_t other_member_ = 0;
  std::int64_t circle_ = 0, other_circle_ = 0, officer_ = 0, other_officer_ = 0, agreement_ = 0;
};

TEST_P(ConcernAccess, AVolunteerRaisesFromThePhoneAndTheOnCallCoordinatorIsMailedAtOnce) {
  auto client = auth_.SignedInClient(a_.volunteer);
  const auto form = client->Get("/portal/circles/" + Id(circle_) + "/concerns/new");
  ASSERT_EQ(form.status, 200);
  // The 911 notice comes before every field of the form.
  const auto notice = form.body.find("911");
  ASSERT_NE(notice, std::string::npos);
  EXPECT_LT(notice, form.body.find("name=\"severity\""));
  EXPECT_LT(notice, form.body.find("name=\"observed\""));

  const auto concern = RaiseAsVolunteer();
  EXPECT_EQ(concerns_.QueuedRecipients(), std::vector<std::string>{a_.coordinator.email});
  const auto stored = concerns_.Stored(a_.id, concern);
  EXPECT_EQ(stored.raised_by, a_.volunteer.id);
  EXPECT_EQ(stored.raised_by_volunteer, own_);
  EXPECT_EQ(stored.observed, kObserved);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "concern.raise", a_.volunteer.id), 1u);

  const auto confirmation = client->Get("/portal/concerns/" + Id(concern) + "?raised=1");
  ASSERT_EQ(confirmation.status, 200);
  EXPECT_NE(confirmation.body.find(
                concerns_.FrenchText("Thank you: your concern is sent to the coordinator.")),
            std::string::npos);
  EXPECT_NE(
      confirmation.body.find(concerns_.FrenchText("The coordinators on call are alerted now.")),
      std::string::npos);

  // The coordinator's home page shows it first.
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto home = coordinator->Get("/");
  const auto item = home.body.find("/concerns/" + Id(concern));
  ASSERT_NE(item, std::string::npos);
  EXPECT_EQ(home.body.find("<li class=\"attention__item"),
            home.body.rfind("<li class=\"attention__item", item));
}

TEST_P(ConcernAccess, AFormWithMistakesKeepsWhatWasTypedAndSaysWhyInTheUsersLanguage) {
  auto client = auth_.SignedInClient(a_.volunteer);
  const std::string form = "/portal/circles/" + Id(circle_) + "/concerns/new";
  const std::string create = "/portal/circles/" + Id(circle_) + "/concerns";
  const auto result = client->PostForm(create,
                                       {{"severity", ""},
                                        {"category", "hostility"},
                                        {"observed", kObserved},
                                        {"observed_at", "hier"}},
                                       form);
  EXPECT_EQ(result.status, 422);
  EXPECT_NE(result.body.find(concerns_.French("Choose how serious it is.")), std::string::npos);
  EXPECT_NE(result.body.find(concerns_.French("Enter the day and time, such as 2026-11-30 19:30.")),
            std::string::npos);
  EXPECT_NE(result.body.find("OBSERVATION-CONFIDENTIELLE-7731"), std::string::npos)
      << "what was typed is kept";
  EXPECT_NE(result.body.find("value=\"hostility\" selected"), std::string::npos);
  EXPECT_TRUE(concerns_.QueuedRecipients().empty());
  EXPECT_EQ(auth_.CountRows("concerns"), 0);
}

TEST_P(ConcernAccess, AVolunteerRaisesOnlyForACircleTheyAreAnActiveMemberOf) {
  ExpectHidden(a_.volunteer, "/portal/circles/" + Id(other_circle_) + "/concerns/new",
               Id(other_circle_));
  auto client = auth_.SignedInClient(a_.volunteer);
  const std::string form = "/portal/circles/" + Id(other_circle_) + "/concerns/new";
  const std::string create = "/portal/circles/" + Id(other_circle_) + "/concerns";
  const auto result = client->PostForm(create,
                                       {{"severity", "urgent"},
                                        {"category", "hostility"},
                                        {"observed", kObserved},
                                        {"observed_at", "2026-11-30T08:30"}},
                                       "/portal");
  EXPECT_EQ(result.status, 404);
  circles_.CloseCircle(a_.id, circle_, today_);
  ExpectHidden(a_.volunteer, "/portal/circles/" + Id(circle_) + "/concerns/new", Id(circle_));
  EXPECT_EQ(auth_.CountRows("concerns"), 0);
}

TEST_P(ConcernAccess, TheRaiserSeesStatusAndReplyButNoDisclosureAndOthersGet404) {
  const auto concern = RaiseAsVolunteer();
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::string page = "/concerns/" + Id(concern);
  ASSERT_EQ(coordinator->PostForm(page + "/acknowledge", {}, page).status, 303);
  const auto disclosed = Disclose(*coordinator, concern,
                                  {{"recipient_kind", "partner_contact"},
                                   {"partner_contact", Id(officer_)},
                                   {"disclosed_at", "2026-11-30T08:40"},
                                   {"means", "phone"},
                                   {"shared", kShared},
                                   {"basis", "agreement"}});
  ASSERT_EQ(disclosed.status, 303) << disclosed.body.substr(0, 2000);
  ASSERT_EQ(
      Disclose(*coordinator, concern,
               {{"recipient_kind", "police"},
                {"recipient_name", "Poste de quartier 12 (essai)"},
                {"disclosed_at", "2026-11-30T08:50"},
                {"means", "phone"},
                {"shared", kSharedWithPolice},
                {"basis", "imminent_danger"},
                {"explanation", "Danger immédiat : il attend près d'une garderie ce jour même."}})
          .status,
      303);
  ASSERT_EQ(coordinator->PostForm(page + "/reply", {{"reply", kReply}}, page).status, 303);
  const auto staff_view = coordinator->Get(page);
  EXPECT_NE(staff_view.body.find(kShared), std::string::npos);
  EXPECT_NE(staff_view.body.find(kSharedWithPolice), std::string::npos);
  EXPECT_EQ(concerns_.Stored(a_.id, concern).status, domain::ConcernStatus::kInProgress);
  // The duty to report shows on a concern about access to minors.
  EXPECT_NE(staff_view.body.find(concerns_.FrenchText("Duty to report a child in danger")),
            std::string::npos);
  EXPECT_GE(auth_.CountAuditEntries(a_.id, "concern.view", a_.coordinator.id), 1u);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "concern.disclose", a_.coordinator.id), 2u);

  auto volunteer = auth_.SignedInClient(a_.volunteer);
  const auto own = volunteer->Get("/portal/concerns/" + Id(concern));
  ASSERT_EQ(own.status, 200);
  EXPECT_NE(own.body.find(kReply), std::string::npos);
  EXPECT_NE(own.body.find(concerns_.French("In progress")), std::string::npos);
  for (const char* hidden : {kShared, kSharedWithPolice, "Agathe Agente", "Poste de quartier",
                             "Danger immédiat : il attend"}) {
    EXPECT_EQ(own.body.find(hidden), std::string::npos) << "the volunteer sees " << hidden;
  }
  const auto list = volunteer->Get("/portal/concerns");
  EXPECT_NE(list.body.find("/portal/concerns/" + Id(concern)), std::string::npos);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "concern.volunteer_view", a_.volunteer.id), 1u);
  // The reply was mailed to the volunteer, with a link and nothing else.
  const auto recipients = concerns_.QueuedRecipients();
  EXPECT_EQ(recipients.back(), a_.volunteer.email);

  ExpectHidden(other_volunteer_user_, "/portal/concerns/" + Id(concern), Id(concern));
  EXPECT_EQ(auth_.SignedInClient(other_volunteer_user_)
                ->Get("/portal/concerns")
                .body.find("/portal/concerns/" + Id(concern) + "\""),
            std::string::npos);
  ExpectHidden(a_.volunteer, "/concerns/" + Id(concern), Id(concern));
  ExpectHidden(a_.evaluator, "/concerns/" + Id(concern), Id(concern));
  ExpectHidden(a_.evaluator, "/my-concerns/" + Id(concern), Id(concern));
  ExpectHidden(b_.coordinator, "/concerns/" + Id(concern), Id(concern));
  ExpectHidden(b_.admin, "/concerns/" + Id(concern), Id(concern));
  ExpectHidden(b_.volunteer, "/portal/concerns/" + Id(concern), Id(concern));
  ExpectHidden(b_.partner, "/my-concerns/" + Id(concern), Id(concern));
  EXPECT_EQ(
      auth_.SignedInClient(b_.coordinator)->Get("/concerns").body.find("/concerns/" + Id(concern)),
      std::string::npos);
}

TEST_P(ConcernAccess, APartnerSeesOnlyConcernsDisclosedToThemAndOnlyWhatTheyWereTold) {
  const auto disclosed = RaiseAsVolunteer();
  concerns_.Acknowledge(a_.id, disclosed, a_.coordinator.id, true);
  concerns_.DiscloseToPartner(a_.id, disclosed, officer_, agreement_, a_.coordinator.id, kShared);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  ASSERT_EQ(
      Disclose(*coordinator, disclosed,
               {{"recipient_kind", "police"},
                {"recipient_name", "Poste de quartier 12 (essai)"},
                {"disclosed_at", "2026-11-30T08:50"},
                {"means", "phone"},
                {"shared", kSharedWithPolice},
                {"basis", "imminent_danger"},
                {"explanation", "Danger immédiat : il attend près d'une garderie ce jour même."}})
          .status,
      303);
  const auto undisclosed =
      concerns_.Raise({a_.id, circle_, a_.coordinator.id, std::nullopt,
                       domain::ConcernCategory::kHostility, domain::Severity::kConcern});

  auto partner = auth_.SignedInClient(a_.partner);
  const auto list = partner->Get("/my-concerns");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("/my-concerns/" + Id(disclosed)), std::string::npos);
  EXPECT_EQ(list.body.find("/my-concerns/" + Id(undisclosed)), std::string::npos);
  const auto page = partner->Get("/my-concerns/" + Id(disclosed));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(kShared), std::string::npos);
  for (const std::string& hidden :
       {std::string(kObserved), std::string(kSharedWithPolice), std::string("Poste de quartier"),
        std::string("Marcel"), concerns_.French("Access to potential victims or to minors")}) {
    EXPECT_EQ(page.body.find(hidden), std::string::npos) << "the partner sees " << hidden;
  }
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "concern.partner_view", a_.partner.id), 1u);
  ExpectHidden(a_.partner, "/my-concerns/" + Id(undisclosed), Id(undisclosed));
  ExpectHidden(a_.partner, "/concerns/" + Id(disclosed), Id(disclosed));
  // Another partner of the same organisation, to whom nothing was disclosed.
  ExpectHidden(other_partner_user_, "/my-concerns/" + Id(disclosed), Id(disclosed));
  EXPECT_EQ(
      auth_.SignedInClient(other_partner_user_)->Get("/my-concerns").body.find("/my-concerns/"),
      std::string::npos);
}

TEST_P(ConcernAccess,
       ADisclosureOnAWithdrawnOrExpiredConsentOrAnEndedAgreementIsRefusedAndChangesNothing) {
  const auto concern = RaiseAsVolunteer();
  concerns_.Acknowledge(a_.id, concern, a_.coordinator.id);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::vector<std::pair<std::string, std::string>> under_consent = {
      {"recipient_kind", "partner_contact"},
      {"partner_contact", Id(officer_)},
      {"disclosed_at", "2026-11-30T08:40"},
      {"means", "phone"},
      {"shared", kShared},
      {"basis", "consent"}};
  // The seeded file's consent to share with the outer circle, withdrawn yesterday.
  const auto withdrawn = server_.runtime().database().Write(
      store::Scope::Organisation(a_.id), [&](soci::session& s) -> Status {
        store::CoreMemberStore(s).WithdrawConsent(file_.consent_id, a_.id, AddDays(today_, -1),
                                                  a_.coordinator.id);
        return {};
      });
  ASSERT_TRUE(withdrawn);
  const std::string before = concerns_.Snapshot() + auth_.Snapshot();
  const auto refused = Disclose(*coordinator, concern, under_consent);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(
      refused.body.find(concerns_.FrenchBefore(
          "The core member withdrew this consent on {date}. Choose another basis and explain it.",
          "{date}")),
      std::string::npos);
  EXPECT_NE(refused.body.find(kShared), std::string::npos) << "what was typed is kept";
  EXPECT_EQ(concerns_.Snapshot() + auth_.Snapshot(), before);

  // On the other circle, whose core member's only consent expired three days ago: refused too.
  const auto other_concern =
      concerns_.Raise({a_.id, other_circle_, a_.coordinator.id, std::nullopt,
                       domain::ConcernCategory::kHostility, domain::Severity::kConcern});
  concerns_.Acknowledge(a_.id, other_concern, a_.coordinator.id);
  const auto expired = server_.runtime().database().Write(
      store::Scope::Organisation(a_.id), [&](soci::session& s) -> Result<std::int64_t> {
        domain::Consent consent;
        consent.organisation_id = a_.id;
        consent.core_member_id = other_member_;
        consent.scope = domain::ConsentScope::kOuterCircle;
        consent.given_on = AddDays(today_, -400);
        consent.expires_on = AddDays(today_, -3);
        consent.recorded_at = server_.clock().Now();
        return store::CoreMemberStore(s).InsertConsent(consent);
      });
  ASSERT_TRUE(expired);
  const std::string before_expired = concerns_.Snapshot() + auth_.Snapshot();
  const auto expired_refusal = Disclose(*coordinator, other_concern, under_consent);
  EXPECT_EQ(expired_refusal.status, 422);
  EXPECT_NE(expired_refusal.body.find(concerns_.FrenchBefore(
                "The core member's consent expired on {date}. Choose another basis and explain it.",
                "{date}")),
            std::string::npos);
  EXPECT_EQ(concerns_.Snapshot() + auth_.Snapshot(), before_expired);

  // The agreement with the officer ended two days ago.
  circles_.AddAgreement(a_.id, other_officer_, circle_, AddDays(today_, -200), AddDays(today_, -2));
  const std::string before_agreement = concerns_.Snapshot() + auth_.Snapshot();
  const auto ended = Disclose(*coordinator, concern,
                              {{"recipient_kind", "partner_contact"},
                               {"partner_contact", Id(other_officer_)},
                               {"disclosed_at", "2026-11-30T08:40"},
                               {"means", "email"},
                               {"shared", kShared},
                               {"basis", "agreement"}});
  EXPECT_EQ(ended.status, 422);
  EXPECT_NE(ended.body.find(concerns_.FrenchBefore(
                "The information-sharing agreement with {name} ended on {date}. "
                "Choose another basis and explain it.",
                "{date}", {{"name", "Paul Policier"}})),
            std::string::npos);
  EXPECT_EQ(concerns_.Snapshot() + auth_.Snapshot(), before_agreement);
  EXPECT_TRUE(concerns_.Disclosures(a_.id, concern).empty());
  EXPECT_EQ(concerns_.Stored(a_.id, concern).status, domain::ConcernStatus::kAcknowledged);

  // Another basis, explained, goes through.
  auto explained = under_consent;
  explained.back() = {"basis", "imminent_danger"};
  explained.push_back(
      {"explanation", "Danger immédiat : il attend près d'une garderie ce jour même."});
  EXPECT_EQ(Disclose(*coordinator, concern, explained).status, 303);
  EXPECT_EQ(concerns_.Disclosures(a_.id, concern).size(), 1u);
}

TEST_P(ConcernAccess, TheRegisterFiltersAndShowsTheMonthlyFigures) {
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto empty = coordinator->Get("/concerns");
  ASSERT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find(concerns_.FrenchText(
                "No concern has been raised yet. Volunteers raise them from their "
                "circle's page; coordinators from the circle page.")),
            std::string::npos);

  const auto urgent = RaiseAsVolunteer();
  server_.clock().Advance(std::chrono::minutes(12));
  concerns_.Acknowledge(a_.id, urgent, a_.coordinator.id);
  const auto information =
      concerns_.Raise({a_.id, other_circle_, a_.coordinator.id, std::nullopt,
                       domain::ConcernCategory::kLossOfSupports, domain::Severity::kInformation});
  const auto all = coordinator->Get("/concerns");
  EXPECT_NE(all.body.find("/concerns/" + Id(urgent) + "\""), std::string::npos);
  EXPECT_NE(all.body.find("/concerns/" + Id(information) + "\""), std::string::npos);
  EXPECT_NE(all.body.find("12 min"), std::string::npos) << "time to acknowledge";
  EXPECT_NE(all.body.find(concerns_.French(
                "{month} {year}", {{"month", concerns_.FrenchText("November")}, {"year", "2026"}})),
            std::string::npos);
  const auto urgent_only = coordinator->Get("/concerns?severity=urgent");
  EXPECT_NE(urgent_only.body.find("/concerns/" + Id(urgent) + "\""), std::string::npos);
  EXPECT_EQ(urgent_only.body.find("/concerns/" + Id(information) + "\""), std::string::npos);
  const auto by_circle =
      coordinator->Get("/concerns?circle=" + Id(other_circle_) + "&status=raised");
  EXPECT_EQ(by_circle.body.find("/concerns/" + Id(urgent) + "\""), std::string::npos);
  EXPECT_NE(by_circle.body.find("/concerns/" + Id(information) + "\""), std::string::npos);
  const auto none = coordinator->Get("/concerns?category=sexual_preoccupation");
  EXPECT_NE(none.body.find(concerns_.FrenchText("No concern matches these filters.")),
            std::string::npos);
  server_.clock().Advance(std::chrono::hours(50));
  coordinator = auth_.SignedInClient(a_.coordinator);  // the earlier session has timed out
  const auto old_open = coordinator->Get("/concerns?open=1");
  EXPECT_NE(old_open.body.find("/concerns/" + Id(information) + "\""), std::string::npos);
  EXPECT_NE(old_open.body.find("/concerns/" + Id(urgent) + "\""), std::string::npos);
  const auto week_open = coordinator->Get("/concerns?open=7");
  EXPECT_EQ(week_open.body.find("/concerns/" + Id(urgent) + "\""), std::string::npos);
}

TEST_P(ConcernAccess, TheCoordinatorWorksAConcernThroughToItsClosureWithAnEmergencyMeeting) {
  const auto concern = RaiseAsVolunteer();
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::string page = "/concerns/" + Id(concern);
  // No work before acknowledgement, and no closure either.
  const auto early = coordinator->PostForm(page + "/close", {{"outcome", "resolved"}}, page);
  EXPECT_EQ(early.status, 409);
  EXPECT_NE(early.body.find(concerns_.French("Acknowledge the concern first.")), std::string::npos);
  ASSERT_EQ(coordinator->PostForm(page + "/acknowledge", {}, page).status, 303);
  EXPECT_EQ(coordinator->PostForm(page + "/acknowledge", {}, page).status, 409);
  const auto meeting = coordinator->PostForm(
      page + "/emergency-meeting",
      {{"date", "2026-11-30"}, {"time", "19:00"}, {"duration", "90"}, {"mode", "telephone"}}, page);
  ASSERT_EQ(meeting.status, 303) << meeting.body.substr(0, 1500);
  const auto action = coordinator->PostForm(
      page + "/actions",
      {{"kind", "talk"}, {"note", "Appel avec Marcel, calme."}, {"taken_at", "2026-11-30T08:45"}},
      page);
  ASSERT_EQ(action.status, 303);
  const auto shown = coordinator->Get(page);
  EXPECT_NE(shown.body.find(concerns_.French("Emergency circle meeting")), std::string::npos);
  EXPECT_NE(shown.body.find("/circles/meetings/"), std::string::npos);
  EXPECT_NE(shown.body.find("Appel avec Marcel, calme."), std::string::npos);
  EXPECT_EQ(concerns_.Stored(a_.id, concern).status, domain::ConcernStatus::kInProgress);
  EXPECT_EQ(auth_.CountRows("circle_meetings"), 1);
  const auto bad_close =
      coordinator->PostForm(page + "/close", {{"outcome", "other"}, {"outcome_note", ""}}, page);
  EXPECT_EQ(bad_close.status, 422);
  EXPECT_NE(bad_close.body.find(concerns_.French("Describe the outcome.")), std::string::npos);
  ASSERT_EQ(coordinator->PostForm(page + "/close", {{"outcome", "resolved"}}, page).status, 303);
  const auto closed = concerns_.Stored(a_.id, concern);
  EXPECT_EQ(closed.status, domain::ConcernStatus::kClosed);
  EXPECT_EQ(closed.outcome, domain::ConcernOutcome::kResolved);
  EXPECT_EQ(
      coordinator
          ->PostForm(page + "/actions",
                     {{"kind", "talk"}, {"note", "Encore"}, {"taken_at", "2026-11-30T10:00"}}, page)
          .status,
      409);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "concern.close", a_.coordinator.id), 1u);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ConcernAccess, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, ConcernAccess, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
