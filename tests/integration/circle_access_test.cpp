// Circles over a real socket, on SQLite and PostgreSQL. A volunteer sees only the circles they are
// in, through their phone view (the core member as domain::ProjectForVolunteers shows him), and
// loses access the organisation's number of days after the circle closes; a partner sees only the
// minimal page of the circles an agreement in force attaches them to; another organisation, an
// evaluator and everyone else get 404, exactly like a missing record. The volunteer gate stands on
// every path that adds a volunteer, the first active phase waits for every signature, minutes late
// after 48 hours and minutes to acknowledge reach the coordinator's home page, and the calendar
// feed parses with a real iCalendar parser and names no one.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "domain/legal.hpp"
#include "store/core_member_store.hpp"
#include "store/settings_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using domain::CirclePhase;
using domain::VolunteerStage;

constexpr const char* kMissingId = "987654321";
constexpr const char* kMinutesSecret = "COMPTE-RENDU-CONFIDENTIEL-5521";

class CircleAccess : public ::testing::TestWithParam<Backend> {
 protected:
  CircleAccess() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    own_ = Eligible("Bastien", "Bénévole", a_.volunteer.id);
    odile_ = Eligible("Odile", "Membre");
    rosalie_ = Eligible("Rosalie", "Exemple");
    paul_ = Eligible("Paul", "Libre");
    file_ = intake_.SeedFullFile(a_.id, "Marcel Exemple", "2026-001");
    other_member_ = intake_.CreateCoreMember(a_.id, "Gérard Autre", "2026-002");

    own_circle_ = circles_.CreateCircle(a_.id, file_.core_member_id, CirclePhase::kWeekly,
                                        AddDays(today_, -60), AddDays(today_, -60));
    circles_.AddMember(a_.id, own_circle_, own_, AddDays(today_, -60), true);
    circles_.AddMember(a_.id, own_circle_, odile_, AddDays(today_, -60));
    circles_.AddMember(a_.id, own_circle_, rosalie_, AddDays(today_, -60));
    yesterday_meeting_ = circles_.AddMeeting(a_.id, own_circle_,
                                             CircleFixture::At(AddDays(today_, -1), 19 * 60), own_);
    written_meeting_ = circles_.AddMeeting(a_.id, own_circle_,
                                           CircleFixture::At(AddDays(today_, -8), 19 * 60), odile_);
    circles_.AddMinutes(a_.id, written_meeting_, odile_, {own_},
                        CircleFixture::At(AddDays(today_, -7), 12 * 60));
    circles_.AddMeeting(a_.id, own_circle_, CircleFixture::At(AddDays(today_, 6), 19 * 60), own_);

    other_circle_ = circles_.CreateCircle(a_.id, other_member_, CirclePhase::kWeekly,
                                          AddDays(today_, -30), AddDays(today_, -30));
    circles_.AddMember(a_.id, other_circle_, odile_, AddDays(today_, -30));
    circles_.AddMember(a_.id, other_circle_, rosalie_, AddDays(today_, -30));
    other_meeting_ = circles_.AddMeeting(a_.id, other_circle_,
                                         CircleFixture::At(AddDays(today_, -2), 19 * 60), odile_);
  }

  // An active volunteer who passes the gate: full screening and the basic training.
  std::int64_t Eligible(const std::string& first, const std::string& last,
                        std::optional<std::int64_t> user = std::nullopt) {
    const auto id = volunteers_.CreateVolunteer(a_.id, first, last, VolunteerStage::kActive, user);
    volunteers_.AddFullScreening(a_.id, id, AddDays(today_, -100));
    volunteers_.AddTrainingSession(a_.id, 0, AddDays(today_, -90), 15 * 60, {id});
    return id;
  }

  std::string Id(std::int64_t id) const { return std::to_string(id); }
  std::string Code(std::int64_t circle) { return circles_.Stored(a_.id, circle).code_name; }

  // GET `path` as `user`: 404, the same page as for a missing record, and audited.
  void ExpectHidden(const TestUser& user, const std::string& path, const std::string& id) {
    auto client = auth_.SignedInClient(user);
    const auto denials = auth_.CountAuditEntries(user.organisation_id, "authz.denied", user.id);
    const auto result = client->Get(path);
    const std::string context = path + " as " + user.email;
    EXPECT_EQ(result.status, 404) << context;
    EXPECT_EQ(result.body.find("Marcel"), std::string::npos) << context;
    EXPECT_EQ(result.body.find("Gérard"), std::string::npos) << context;
    EXPECT_EQ(auth_.CountAuditEntries(user.organisation_id, "authz.denied", user.id), denials + 1)
        << context;
    std::string missing_path = path;
    missing_path.replace(missing_path.find(id), id.size(), kMissingId);
    const auto missing = client->Get(missing_path);
    EXPECT_EQ(missing.status, 404) << context;
    EXPECT_EQ(ComparablePage(missing.body, {missing_path}), ComparablePage(result.body, {path}))
        << context;
  }

  void SetSetting(domain::SettingKey key, std::int64_t value) {
    const auto done = server_.runtime().database().Write(
        store::Scope::Organisation(a_.id), [&](soci::session& s) -> Status {
          store::SettingsStore(s).Set(a_.id, key, value);
          return {};
        });
    ASSERT_TRUE(done);
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  TestOrganisation a_, b_;
  CivilDate today_;
  std::int64_t own_ = 0, odile_ = 0, rosalie_ = 0, paul_ = 0;
  SeededFile file_;
  std::int64_t other_member_ = 0;
  std::int64_t own_circle_ = 0, other_circle_ = 0;
  std::int64_t yesterday_meeting_ = 0, written_meeting_ = 0, other_meeting_ = 0;
};

TEST_P(CircleAccess, AVolunteerSeesOnlyTheirOwnCirclesAndOnlyTheVolunteersViewOfTheCoreMember) {
  auto client = auth_.SignedInClient(a_.volunteer);
  const auto portal = client->Get("/portal");
  ASSERT_EQ(portal.status, 200);
  EXPECT_NE(portal.body.find("href=\"/portal/circles/" + Id(own_circle_) + "\""),
            std::string::npos);
  EXPECT_EQ(portal.body.find("/portal/circles/" + Id(other_circle_)), std::string::npos);
  EXPECT_NE(portal.body.find("/portal/meetings/" + Id(yesterday_meeting_)), std::string::npos)
      << "the minutes to write are on the phone's home";

  const auto page = client->Get("/portal/circles/" + Id(own_circle_));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(Code(own_circle_)), std::string::npos);
  EXPECT_NE(page.body.find(kVolunteerSummary), std::string::npos);
  for (const char* secret :
       {kOffenceSecret, kVictimSecret, kPlaceSecret, kRiskLevelSecret, kRiskScoreSecret}) {
    EXPECT_EQ(page.body.find(secret), std::string::npos) << "the phone view shows " << secret;
  }
  EXPECT_EQ(page.body.find("Gérard"), std::string::npos);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.view", a_.volunteer.id), 1u);

  ExpectHidden(a_.volunteer, "/portal/circles/" + Id(other_circle_), Id(other_circle_));
  ExpectHidden(a_.volunteer, "/portal/meetings/" + Id(other_meeting_), Id(other_meeting_));
  // Never the coordinators' pages, even of their own circle.
  ExpectHidden(a_.volunteer, "/circles/" + Id(own_circle_), Id(own_circle_));
  ExpectHidden(a_.volunteer, "/circles/meetings/" + Id(yesterday_meeting_), Id(yesterday_meeting_));
  EXPECT_EQ(client->Get("/circles").status, 404);
  // Nor logging a contact in someone else's circle.
  EXPECT_EQ(
      client
          ->PostForm("/portal/circles/" + Id(other_circle_) + "/contacts",
                     {{"contacted_on", FormatIsoDate(today_)}, {"kind", "call"}, {"duration", "1"}})
          .status,
      404);
  EXPECT_EQ(auth_.CountRows("circle_contacts"), 0);
}

TEST_P(CircleAccess, AVolunteerLosesAccessTheConfiguredNumberOfDaysAfterClosure) {
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto closed = coordinator->PostForm("/circles/" + Id(own_circle_) + "/close",
                                            {{"closure_reason", "completed"},
                                             {"closed_on", FormatIsoDate(today_)},
                                             {"closing_note", "Parcours terminé."}});
  ASSERT_EQ(closed.status, 303) << closed.body;
  EXPECT_EQ(circles_.Stored(a_.id, own_circle_).phase, CirclePhase::kClosed);

  auto client = auth_.SignedInClient(a_.volunteer);
  auto page = client->Get("/portal/circles/" + Id(own_circle_));
  EXPECT_EQ(page.status, 200);
  // A closed circle takes no more contacts.
  EXPECT_EQ(
      client
          ->PostForm("/portal/circles/" + Id(own_circle_) + "/contacts",
                     {{"contacted_on", FormatIsoDate(today_)}, {"kind", "call"}, {"duration", "1"}})
          .status,
      422);
  server_.clock().Advance(std::chrono::days(30));
  client = auth_.SignedInClient(a_.volunteer);
  EXPECT_EQ(client->Get("/portal/circles/" + Id(own_circle_)).status, 200)
      << "the 30th day after closure";
  EXPECT_NE(client->Get("/portal").body.find("/portal/circles/" + Id(own_circle_)),
            std::string::npos);
  server_.clock().Advance(std::chrono::days(1));
  client = auth_.SignedInClient(a_.volunteer);
  ExpectHidden(a_.volunteer, "/portal/circles/" + Id(own_circle_), Id(own_circle_));
  ExpectHidden(a_.volunteer, "/portal/meetings/" + Id(written_meeting_), Id(written_meeting_));
  EXPECT_EQ(client->Get("/portal").body.find("/portal/circles/" + Id(own_circle_)),
            std::string::npos);
  // The delay is the organisation's.
  SetSetting(domain::SettingKey::kCircleVolunteerAccessDays, 60);
  EXPECT_EQ(client->Get("/portal/circles/" + Id(own_circle_)).status, 200);
}

TEST_P(CircleAccess, APartnerSeesOnlyTheMinimalPageOfTheCirclesAnAgreementAttachesThemTo) {
  // A withdrawn consent, shown marked beside the one in force.
  const auto consented = server_.runtime().database().Write(
      store::Scope::Organisation(a_.id), [&](soci::session& session) -> Status {
        domain::Consent consent;
        consent.organisation_id = a_.id;
        consent.core_member_id = file_.core_member_id;
        consent.scope = domain::ConsentScope::kPartnerOrganisation;
        consent.partner_organisation = "Centre d'aide (essai)";
        consent.given_on = AddDays(today_, -200);
        consent.recorded_at = server_.clock().Now();
        store::CoreMemberStore store(session);
        store.WithdrawConsent(store.InsertConsent(consent), a_.id, AddDays(today_, -10),
                              std::nullopt);
        return {};
      });
  ASSERT_TRUE(consented);
  const auto contact = circles_.AddPartnerContact(a_.id, "Agathe Agente", a_.partner.id);
  const auto agreement = circles_.AddAgreement(a_.id, contact, own_circle_, AddDays(today_, -30));
  circles_.AddMinutes(a_.id, yesterday_meeting_, own_, {odile_}, server_.clock().Now());

  auto client = auth_.SignedInClient(a_.partner);
  const auto list = client->Get("/my-circles");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("/my-circles/" + Id(own_circle_)), std::string::npos);
  EXPECT_EQ(list.body.find("/my-circles/" + Id(other_circle_)), std::string::npos);

  const auto views = auth_.CountAuditEntries(a_.id, "circle.partner_view", a_.partner.id);
  const auto page = client->Get("/my-circles/" + Id(own_circle_));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.partner_view", a_.partner.id), views + 1);
  EXPECT_NE(page.body.find(Code(own_circle_)), std::string::npos);
  EXPECT_NE(page.body.find("aide (essai)"), std::string::npos) << "the withdrawn consent is listed";
  EXPECT_NE(page.body.find("badge--danger"), std::string::npos) << "and marked";
  EXPECT_NE(page.body.find("badge--ok"), std::string::npos) << "the consent in force";
  // Nothing else: no names, no minutes, no conditions, no offence.
  for (const std::string secret :
       {"Marcel", "Bastien", "Odile", "Rosalie", "Tour de table", "Rien de préoccupant",
        kOffenceSecret, kVictimSecret, kPlaceSecret, kVolunteerSummary}) {
    EXPECT_EQ(page.body.find(secret), std::string::npos) << "the partner's page shows " << secret;
  }
  ExpectHidden(a_.partner, "/my-circles/" + Id(other_circle_), Id(other_circle_));
  ExpectHidden(a_.partner, "/circles/" + Id(own_circle_), Id(own_circle_));
  ExpectHidden(a_.partner, "/portal/circles/" + Id(own_circle_), Id(own_circle_));

  // Once the coordinator ends the agreement, the page is gone.
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  ASSERT_EQ(coordinator->PostForm("/circles/agreements/" + Id(agreement) + "/end", {}).status, 303);
  ExpectHidden(a_.partner, "/my-circles/" + Id(own_circle_), Id(own_circle_));
  EXPECT_EQ(client->Get("/my-circles").body.find("/my-circles/" + Id(own_circle_)),
            std::string::npos);
}

TEST_P(CircleAccess, AnotherOrganisationAndAnEvaluatorGetNotFound) {
  for (const auto* user : {&b_.coordinator, &b_.admin}) {
    ExpectHidden(*user, "/circles/" + Id(own_circle_), Id(own_circle_));
    ExpectHidden(*user, "/circles/" + Id(own_circle_) + "/suggestions", Id(own_circle_));
    ExpectHidden(*user, "/circles/meetings/" + Id(yesterday_meeting_), Id(yesterday_meeting_));
    auto client = auth_.SignedInClient(*user);
    const auto list = client->Get("/circles");
    EXPECT_EQ(list.status, 200);
    EXPECT_EQ(list.body.find("Marcel"), std::string::npos);
    EXPECT_EQ(
        client
            ->PostForm("/circles/" + Id(own_circle_) + "/close",
                       {{"closure_reason", "completed"}, {"closed_on", FormatIsoDate(today_)}})
            .status,
        404);
  }
  EXPECT_EQ(circles_.Stored(a_.id, own_circle_).phase, CirclePhase::kWeekly);
  ExpectHidden(b_.volunteer, "/portal/circles/" + Id(own_circle_), Id(own_circle_));
  ExpectHidden(b_.partner, "/my-circles/" + Id(own_circle_), Id(own_circle_));
  ExpectHidden(a_.evaluator, "/circles/" + Id(own_circle_), Id(own_circle_));
  ExpectHidden(a_.evaluator, "/my-circles/" + Id(own_circle_), Id(own_circle_));
  EXPECT_EQ(auth_.SignedInClient(a_.evaluator)->Get("/circles").status, 404);
  // The coordinator of the circle's organisation sees it, and the view is audited.
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto page = coordinator->Get("/circles/" + Id(own_circle_));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Marcel"), std::string::npos);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.view", a_.coordinator.id), 1u);
}

// Runs Debian's python3-icalendar on `feed`; returns what the script prints (one line per event,
// then "ok").
std::string ParseWithIcalendar(const std::string& feed) {
  char folder[] = "/tmp/cercle-ics-XXXXXX";
  if (!mkdtemp(folder)) return "no folder";
  const std::string path = std::string(folder) + "/feed.ics";
  std::ofstream(path, std::ios::binary) << feed;
  const std::string script =
      "import sys, icalendar\n"
      "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
      "assert cal.get('VERSION') == '2.0'\n"
      "for event in cal.walk('VEVENT'):\n"
      "    assert event.get('UID') and event.decoded('DTSTART') < event.decoded('DTEND')\n"
      "    print(str(event.get('SUMMARY')) + ' | ' + str(event.get('LOCATION')) + ' | ' + "
      "str(event.get('STATUS')))\n"
      "print('ok')\n";
  const std::string script_path = std::string(folder) + "/parse.py";
  std::ofstream(script_path) << script;
  std::string output;
  // Debian's interpreter, with its python3-icalendar, whatever python3 the PATH holds.
  if (FILE* pipe = popen(("/usr/bin/python3 " + script_path + " " + path + " 2>&1").c_str(), "r")) {
    char buffer[512];
    while (fgets(buffer, sizeof buffer, pipe)) output += buffer;
    pclose(pipe);
  }
  std::remove(path.c_str());
  std::remove(script_path.c_str());
  rmdir(folder);
  return output;
}

TEST_P(CircleAccess, TheCalendarFeedParsesNamesNoOneAndAResetKillsTheOldAddress) {
  auto client = auth_.SignedInClient(a_.volunteer);
  const auto made = client->PostForm("/portal/calendar", {});
  ASSERT_EQ(made.status, 200);
  const std::string token = TextBetween(made.body, "/calendar/", ".ics");
  ASSERT_EQ(token.size(), 43u) << made.body;
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "calendar.reset", a_.volunteer.id), 1u);

  HttpClient anyone(server_.base_url());
  const auto feed = anyone.Get("/calendar/" + token + ".ics");
  ASSERT_EQ(feed.status, 200);
  EXPECT_TRUE(feed.Header("content-type").starts_with("text/calendar"));
  const std::string parsed = ParseWithIcalendar(feed.body);
  EXPECT_TRUE(parsed.ends_with("ok\n")) << parsed;
  // Three meetings of the volunteer's circle (two held, one planned), none of the other circle.
  std::size_t events = 0;
  for (std::size_t at = 0; (at = parsed.find(Code(own_circle_), at)) != std::string::npos; ++at)
    ++events;
  EXPECT_EQ(events, 3u) << parsed;
  EXPECT_NE(parsed.find("Local communautaire"), std::string::npos) << parsed;
  for (const std::string name : {"Marcel", "Exemple", "Bastien", "Bénévole", "Odile", "Membre",
                                 "Rosalie", "Gérard", "Agathe", "Cercles A"}) {
    EXPECT_EQ(feed.body.find(name), std::string::npos) << "the feed names " << name;
  }

  // A new address; the old one dies at once.
  const auto reset = client->PostForm("/portal/calendar", {});
  ASSERT_EQ(reset.status, 200);
  const std::string fresh = TextBetween(reset.body, "/calendar/", ".ics");
  ASSERT_EQ(fresh.size(), 43u);
  EXPECT_NE(fresh, token);
  EXPECT_EQ(anyone.Get("/calendar/" + token + ".ics").status, 404);
  EXPECT_EQ(anyone.Get("/calendar/" + fresh + ".ics").status, 200);
  EXPECT_EQ(anyone.Get("/calendar/" + std::string(43, 'A') + ".ics").status, 404);
  EXPECT_EQ(anyone.Get("/calendar/nimporte-quoi").status, 404);
}

TEST_P(CircleAccess, EveryPathThatAddsAVolunteerGoesThroughTheGate) {
  const auto applicant =
      volunteers_.CreateVolunteer(a_.id, "Yvan", "Candidat", VolunteerStage::kScreening);
  const auto forming = circles_.CreateCircle(a_.id, other_member_, CirclePhase::kForming, today_);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto members_before = auth_.CountRows("circle_members");

  // Proposal for a circle being formed.
  auto refused =
      coordinator->PostForm("/circles/" + Id(forming) + "/members", {{"volunteer", Id(applicant)}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Yvan Candidat"), std::string::npos);
  EXPECT_NE(refused.body.find("gate-failures"), std::string::npos)
      << "the failing conditions are named";
  // Direct addition to a circle already meeting.
  refused = coordinator->PostForm("/circles/" + Id(other_circle_) + "/members",
                                  {{"volunteer", Id(applicant)}});
  EXPECT_EQ(refused.status, 422);
  // Replacement of a member.
  const auto page = coordinator->Get("/circles/" + Id(own_circle_));
  const std::string stay = TextBetween(page.body, "/circles/members/", "/replace");
  ASSERT_FALSE(stay.empty());
  refused = coordinator->PostForm("/circles/members/" + stay + "/replace",
                                  {{"volunteer", Id(applicant)}, {"reason", "Déménagement."}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(auth_.CountRows("circle_members"), members_before) << "nothing changed";

  // The real circle count: Odile is in two circles, over the organisation's limit of one.
  refused =
      coordinator->PostForm("/circles/" + Id(forming) + "/members", {{"volunteer", Id(odile_)}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Odile Membre"), std::string::npos);
  EXPECT_EQ(auth_.CountRows("circle_members"), members_before);

  // A volunteer who passes goes in, through each path.
  EXPECT_EQ(coordinator
                ->PostForm("/circles/" + Id(forming) + "/members",
                           {{"volunteer", Id(paul_)}, {"primary", "1"}})
                .status,
            303);
  EXPECT_EQ(auth_.CountRows("circle_members"), members_before + 1);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.member_add", a_.coordinator.id), 1u);
}

TEST_P(CircleAccess, ACircleIsFormedInOnePassFromThePageThatLeadsWithItsNextStep) {
  const auto forming = circles_.CreateCircle(a_.id, other_member_, CirclePhase::kForming, today_);
  SetSetting(domain::SettingKey::kVolunteerCirclesPerVolunteer, 3);
  const std::string path = "/circles/" + Id(forming);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  auto page = coordinator->Get(path);
  ASSERT_EQ(page.status, 200);
  // The page leads with the next step, then its table of contents, each entry an anchor of it.
  const auto next_step = page.body.find("id=\"next-step\"");
  const auto contents = page.body.find("id=\"contents\"");
  const auto members = page.body.find("id=\"members\"");
  ASSERT_NE(next_step, std::string::npos);
  ASSERT_NE(contents, std::string::npos);
  EXPECT_LT(next_step, contents);
  EXPECT_LT(contents, members);
  for (const std::string anchor : {"next-step", "members", "phase", "covenant", "meetings",
                                   "contacts", "reviews", "outer", "details"}) {
    EXPECT_NE(page.body.find("href=\"#" + anchor + "\""), std::string::npos) << anchor;
    EXPECT_NE(page.body.find("id=\"" + anchor + "\""), std::string::npos) << anchor;
  }
  EXPECT_NE(page.body.find("next-step--propose_volunteers"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"" + path + "/suggestions\""), std::string::npos);

  // Three suggested volunteers proposed in one submit, the second one primary.
  const auto suggestions = coordinator->Get(path + "/suggestions");
  ASSERT_EQ(suggestions.status, 200);
  EXPECT_NE(suggestions.body.find("name=\"volunteer\" value=\"" + Id(paul_) + "\""),
            std::string::npos);
  // One who cannot join refuses the whole proposal, with nothing saved and his name given.
  const auto applicant =
      volunteers_.CreateVolunteer(a_.id, "Yvan", "Candidat", VolunteerStage::kScreening);
  const auto members_before = auth_.CountRows("circle_members");
  auto refused = coordinator->PostForm(
      path + "/members",
      {{"volunteer", Id(paul_)}, {"volunteer", Id(applicant)}, {"primary", Id(paul_)}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Yvan Candidat"), std::string::npos);
  EXPECT_NE(refused.body.find("id=\"volunteer-" + Id(paul_) + "\" name=\"volunteer\" value=\"" +
                              Id(paul_) + "\" checked"),
            std::string::npos)
      << "what was ticked stays ticked";
  EXPECT_EQ(auth_.CountRows("circle_members"), members_before);
  auto done = coordinator->PostForm(path + "/members", {{"volunteer", Id(paul_)},
                                                        {"volunteer", Id(odile_)},
                                                        {"volunteer", Id(rosalie_)},
                                                        {"primary", Id(odile_)}});
  ASSERT_EQ(done.status, 303);
  EXPECT_EQ(auth_.CountRows("circle_members WHERE circle_id = " + Id(forming)), 3);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.member_add", a_.coordinator.id), 3u);

  // The next step is the covenant: one checklist, everyone ticked, one date.
  page = coordinator->Get(path);
  EXPECT_NE(page.body.find("next-step--sign_covenant"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"#sign-action\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"sign-action\""), std::string::npos);
  refused = coordinator->PostForm(path + "/covenant/sign", {{"signatory", "core_member"},
                                                            {"signatory", "volunteer:" + Id(paul_)},
                                                            {"signatory", "volunteer:" + Id(own_)},
                                                            {"signed_on", FormatIsoDate(today_)}});
  EXPECT_EQ(refused.status, 422) << "Bastien is not a member of this circle";
  EXPECT_EQ(auth_.CountRows("covenant_signatures"), 0);
  done = coordinator->PostForm(path + "/covenant/sign", {{"signatory", "core_member"},
                                                         {"signatory", "volunteer:" + Id(paul_)},
                                                         {"signatory", "volunteer:" + Id(odile_)},
                                                         {"signatory", "volunteer:" + Id(rosalie_)},
                                                         {"signed_on", FormatIsoDate(today_)}});
  ASSERT_EQ(done.status, 303);
  EXPECT_EQ(auth_.CountRows("covenant_signatures"), 4);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.covenant_sign", a_.coordinator.id), 4u);

  // Then the start, whose form is open, then the meetings.
  page = coordinator->Get(path);
  EXPECT_NE(page.body.find("next-step--start"), std::string::npos);
  EXPECT_NE(page.body.find("<details id=\"phase-action\" open>"), std::string::npos);
  ASSERT_EQ(coordinator
                ->PostForm(path + "/phase", {{"to", "intensive"},
                                             {"decided_on", FormatIsoDate(today_)},
                                             {"reason", "Libération."}})
                .status,
            303);
  page = coordinator->Get(path);
  EXPECT_NE(page.body.find("next-step--plan_meetings"), std::string::npos);
  EXPECT_NE(page.body.find("<details id=\"plan-action\" open>"), std::string::npos);

  // Another organisation gets the 404 of a missing record, for the page and both forms.
  ExpectHidden(b_.coordinator, path, Id(forming));
  auto stranger = auth_.SignedInClient(b_.coordinator);
  EXPECT_EQ(stranger->PostForm(path + "/members", {{"volunteer", Id(paul_)}}).status, 404);
  EXPECT_EQ(stranger
                ->PostForm(path + "/covenant/sign",
                           {{"signatory", "core_member"}, {"signed_on", FormatIsoDate(today_)}})
                .status,
            404);
}

TEST_P(CircleAccess, TheFirstActivePhaseWaitsForEverySignatureAndLaterPhasesAmendTheCovenant) {
  const auto forming = circles_.CreateCircle(a_.id, other_member_, CirclePhase::kForming, today_);
  const auto extra = Eligible("Xavier", "Quatrième");
  for (const auto volunteer : {paul_, extra}) circles_.AddMember(a_.id, forming, volunteer, today_);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::vector<std::pair<std::string, std::string>> start = {
      {"to", "intensive"}, {"decided_on", FormatIsoDate(today_)}, {"reason", "Libération."}};
  auto refused = coordinator->PostForm("/circles/" + Id(forming) + "/phase", start);
  EXPECT_EQ(refused.status, 422) << "two volunteers only";
  EXPECT_EQ(circles_.Stored(a_.id, forming).phase, CirclePhase::kForming);
  SetSetting(domain::SettingKey::kVolunteerCirclesPerVolunteer, 3);
  ASSERT_EQ(
      coordinator->PostForm("/circles/" + Id(forming) + "/members", {{"volunteer", Id(rosalie_)}})
          .status,
      303);
  refused = coordinator->PostForm("/circles/" + Id(forming) + "/phase", start);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Xavier Quatrième"), std::string::npos)
      << "who has not signed is named";
  EXPECT_EQ(circles_.Stored(a_.id, forming).phase, CirclePhase::kForming);

  for (const std::string& signatory : {std::string("core_member"), "volunteer:" + Id(paul_),
                                       "volunteer:" + Id(extra), "volunteer:" + Id(rosalie_)}) {
    ASSERT_EQ(coordinator
                  ->PostForm("/circles/" + Id(forming) + "/covenant/sign",
                             {{"signatory", signatory}, {"signed_on", FormatIsoDate(today_)}})
                  .status,
              303)
        << signatory;
  }
  ASSERT_EQ(coordinator->PostForm("/circles/" + Id(forming) + "/phase", start).status, 303);
  const auto started = circles_.Stored(a_.id, forming);
  EXPECT_EQ(started.phase, CirclePhase::kIntensive);
  ASSERT_TRUE(started.started_on);
  const auto versions = auth_.CountRows("covenant_versions WHERE circle_id = " + Id(forming));
  ASSERT_EQ(coordinator
                ->PostForm("/circles/" + Id(forming) + "/phase",
                           {{"to", "weekly"},
                            {"decided_on", FormatIsoDate(today_)},
                            {"reason", "Fin de la période intensive."},
                            {"covenant_body", "Entente modifiée : une rencontre par semaine."}})
                .status,
            303);
  EXPECT_EQ(auth_.CountRows("covenant_versions WHERE circle_id = " + Id(forming)), versions + 1)
      << "the phase change amends the covenant";
  EXPECT_EQ(auth_.CountRows("circle_phase_changes WHERE circle_id = " + Id(forming)), 3);
}

TEST_P(CircleAccess, MinutesLateAfterFortyEightHoursAndMinutesToAcknowledgeReachTheCoordinator) {
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::string meeting_link = "/circles/meetings/" + Id(yesterday_meeting_);
  const std::string flag_link = "href=\"" + meeting_link + "\"";
  EXPECT_EQ(coordinator->Get("/").body.find(flag_link), std::string::npos) << "within 48 hours";
  server_.clock().Advance(std::chrono::hours(48));
  coordinator = auth_.SignedInClient(a_.coordinator);
  auto home = coordinator->Get("/");
  ASSERT_NE(home.body.find(flag_link), std::string::npos) << "late minutes are flagged";
  auto volunteer = auth_.SignedInClient(a_.volunteer);
  EXPECT_NE(volunteer->Get("/portal").body.find("notice--error"), std::string::npos)
      << "and the writer sees it";

  // The volunteer writes them: a refused form keeps what was typed.
  const std::string form_path = "/portal/meetings/" + Id(yesterday_meeting_);
  auto refused = volunteer->PostForm(form_path,
                                     {{"present", Id(own_)},
                                      {"duration", "1:30"},
                                      {"check_in", kMinutesSecret},
                                      {"accountability", ""}},
                                     form_path);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find(kMinutesSecret), std::string::npos);
  const auto submitted = volunteer->PostForm(form_path,
                                             {{"present", Id(own_)},
                                              {"present", Id(odile_)},
                                              {"core_member_present", "1"},
                                              {"duration", "1:30"},
                                              {"check_in", kMinutesSecret},
                                              {"accountability", "Rien de préoccupant."}},
                                             form_path);
  ASSERT_EQ(submitted.status, 303) << submitted.body;
  EXPECT_EQ(auth_.CountRows(
                "volunteer_hours WHERE kind = 'circle_meeting' AND minutes = 90 AND meeting_id = " +
                Id(yesterday_meeting_)),
            2)
      << "attendance feeds the hours of each volunteer present";
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.minutes_submit", a_.volunteer.id), 1u);

  home = coordinator->Get("/");
  ASSERT_NE(home.body.find(flag_link), std::string::npos) << "now to acknowledge";
  const auto acknowledged = coordinator->PostForm(meeting_link + "/acknowledge",
                                                  {{"comment", "Merci, bien reçu."}}, meeting_link);
  ASSERT_EQ(acknowledged.status, 303);
  EXPECT_EQ(coordinator->Get("/").body.find(flag_link), std::string::npos) << "the flag clears";
  const auto read = volunteer->Get(form_path);
  EXPECT_NE(read.body.find("Merci, bien reçu."), std::string::npos)
      << "the volunteers read the comment";
  // The partner, the other organisation and the evaluator never read minutes.
  ExpectHidden(a_.partner, meeting_link, Id(yesterday_meeting_));
  ExpectHidden(b_.coordinator, meeting_link, Id(yesterday_meeting_));
  ExpectHidden(a_.evaluator, form_path, Id(yesterday_meeting_));
}

TEST_P(CircleAccess, AMeetingOverdueForItsPhaseIsFlaggedOnTheHomePage) {
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::string anchor = "/circles/" + Id(other_circle_) + "#meetings";
  EXPECT_EQ(coordinator->Get("/").body.find(anchor), std::string::npos);
  server_.clock().Advance(
      std::chrono::days(9));  // 11 days after its last meeting: weekly allows 10
  coordinator = auth_.SignedInClient(a_.coordinator);
  EXPECT_NE(coordinator->Get("/").body.find(anchor), std::string::npos);
}

TEST_P(CircleAccess, TheMeetingPlaceSetOnTheCirclePageShowsOnTheVolunteersPhone) {
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::string circle = "/circles/" + Id(own_circle_);
  const std::string place = "Salle communautaire <Saint-Fictif>";
  const auto refused = coordinator->PostForm(circle + "/details",
                                             {{"meeting_place", std::string(121, 'x')}}, circle);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("id=\"details-meeting_place-error\""), std::string::npos);
  EXPECT_EQ(circles_.Stored(a_.id, own_circle_).meeting_place, "");

  const auto saved = coordinator->PostForm(
      circle + "/details",
      {{"meeting_place", "  " + place + " "}, {"meeting_times", "tue-evening"}}, circle);
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(circles_.Stored(a_.id, own_circle_).meeting_place, place) << "stored trimmed";
  const std::string shown = "Salle communautaire &lt;Saint-Fictif&gt;";
  EXPECT_NE(coordinator->Get(circle).body.find(shown), std::string::npos);
  const auto phone = auth_.SignedInClient(a_.volunteer)->Get("/portal/circles/" + Id(own_circle_));
  EXPECT_NE(phone.body.find(shown), std::string::npos);
  EXPECT_EQ(phone.body.find(place), std::string::npos) << "escaped";
}

INSTANTIATE_TEST_SUITE_P(Sqlite, CircleAccess, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, CircleAccess, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
