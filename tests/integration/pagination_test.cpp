// Lists that grow with the data are cut into pages of web::kPageSize rows: page 1 holds exactly a
// page, the navigation ("Page 1 sur 2") links to page 2 keeping the filters, page 2 holds the rest,
// and a bad ?page= answers the first (or last) page, never an error. On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <regex>

#include "audit/audit_log.hpp"
#include "domain/core_member.hpp"
#include "domain/outreach.hpp"
#include "store/outreach_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"
#include "web/pagination.hpp"

namespace cercle::testing {
namespace {

constexpr std::int64_t kPage = web::kPageSize;

// How many times `pattern` matches in `body`.
std::size_t Matches(const std::string& body, const std::string& pattern) {
  const std::regex expression(pattern);
  return static_cast<std::size_t>(std::distance(
      std::sregex_iterator(body.begin(), body.end(), expression), std::sregex_iterator()));
}

// The href of the navigation's link with `rel` ("next" or "prev"), as written in the page.
std::string Link(const std::string& body, const std::string& rel) {
  std::smatch match;
  const std::regex expression("href=\"([^\"]*)\" rel=\"" + rel + "\"");
  if (!std::regex_search(body, match, expression)) return "";
  std::string href = match[1];
  // The page escapes '&' in attributes.
  for (std::size_t at = href.find("&amp;"); at != std::string::npos; at = href.find("&amp;"))
    href.replace(at, 5, "&");
  return href;
}

class Pagination : public ::testing::TestWithParam<Backend> {
 protected:
  Pagination() {
    organisation_ = auth_.CreateOrganisationWithEveryRole("Cercle Pages", "cercle-pages");
  }

  // Checks the list at `path` (a query string with a filter) of `total` rows, `pattern` matching
  // each row once: two pages, the filter kept, bad page numbers answered.
  void CheckTwoPages(HttpClient& client, const std::string& path, const std::string& kept,
                     const std::string& pattern, std::int64_t total) {
    SCOPED_TRACE(path);
    const auto first = client.Get(path);
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(Matches(first.body, pattern), static_cast<std::size_t>(kPage));
    EXPECT_NE(first.body.find("Page 1 sur 2"), std::string::npos);
    EXPECT_NE(first.body.find("<nav class=\"pagination\" aria-label="), std::string::npos);
    EXPECT_EQ(Link(first.body, "prev"), "");
    const std::string next = Link(first.body, "next");
    ASSERT_NE(next, "");
    EXPECT_NE(next.find("page=2"), std::string::npos);
    EXPECT_NE(next.find(kept), std::string::npos) << "the filter is kept: " << next;

    const auto second = client.Get(next);
    ASSERT_EQ(second.status, 200);
    EXPECT_EQ(Matches(second.body, pattern), static_cast<std::size_t>(total - kPage));
    EXPECT_NE(second.body.find("Page 2 sur 2"), std::string::npos);
    EXPECT_EQ(Link(second.body, "next"), "");
    EXPECT_NE(Link(second.body, "prev"), "");

    const std::string separator = path.find('?') == std::string::npos ? "?" : "&";
    for (const std::string bad : {"abc", "0", "-3", "", "1.5", "%20", "2e1"}) {
      const auto page = client.Get(path + separator + "page=" + bad);
      EXPECT_EQ(page.status, 200) << bad;
      EXPECT_NE(page.body.find("Page 1 sur 2"), std::string::npos) << bad;
    }
    // Bytes no text holds never reach the page: the door refuses them first.
    for (const std::string hostile : {"%00", "2%00", "%C0%B2"}) {
      EXPECT_EQ(client.Get(path + separator + "page=" + hostile).status, 400) << hostile;
    }
    const auto past = client.Get(path + separator + "page=7");
    EXPECT_EQ(past.status, 200);
    EXPECT_NE(past.body.find("Page 2 sur 2"), std::string::npos) << "past the end: the last";
    for (const std::string huge : {"9223372036854775807", "99999999999999999999999"}) {
      const auto page = client.Get(path + separator + "page=" + huge);
      EXPECT_EQ(page.status, 200) << huge;
      EXPECT_NE(page.body.find("Page 2 sur 2"), std::string::npos) << huge;
    }
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  TestOrganisation organisation_;
};

TEST_P(Pagination, TheCoreMemberListHasPagesAndKeepsItsFilter) {
  CoreMemberFixture intake(server_);
  for (int i = 0; i < kPage + 7; ++i) {
    intake.CreateCoreMember(organisation_.id, "Homme Numéro " + std::to_string(100 + i),
                            "PAGE-" + std::to_string(i), domain::CoreMemberStatus::kInCircle,
                            "Abitibi");
  }
  for (int i = 0; i < 3; ++i) {
    intake.CreateCoreMember(organisation_.id, "Autre Région " + std::to_string(i),
                            "AUTRE-" + std::to_string(i), domain::CoreMemberStatus::kInCircle,
                            "Laval");
  }
  auto client = auth_.SignedInClient(organisation_.coordinator);
  CheckTwoPages(*client, "/core-members?region=Abitibi", "region=Abitibi",
                R"(<td><a href="/core-members/\d+">)", kPage + 7);
  // The count is the true total, not the page's.
  EXPECT_NE(client->Get("/core-members?region=Abitibi").body.find(std::to_string(kPage + 7)),
            std::string::npos);
}

TEST_P(Pagination, TheReferralRegisterHasPages) {
  CoreMemberFixture intake(server_);
  for (int i = 0; i < kPage + 4; ++i) {
    intake.CreateReferral(organisation_.id, "Personne Référée " + std::to_string(i), {}, false);
  }
  auto client = auth_.SignedInClient(organisation_.coordinator);
  CheckTwoPages(*client, "/referrals?status=received", "status=received",
                R"(<td><a href="/referrals/\d+">)", kPage + 4);
}

TEST_P(Pagination, TheConcernRegisterAndTheVolunteersOwnConcernsHavePages) {
  const auto core_member =
      CoreMemberFixture(server_).CreateCoreMember(organisation_.id, "Membre Du Cercle", "CERCLE-1");
  CircleFixture circles(server_);
  const auto circle =
      circles.CreateCircle(organisation_.id, core_member, domain::CirclePhase::kWeekly,
                           AddDays(circles.Today(), -60), AddDays(circles.Today(), -60));
  const auto volunteer = VolunteerFixture(server_).CreateVolunteer(
      organisation_.id, "Bénévole", "Pages", domain::VolunteerStage::kActive,
      organisation_.volunteer.id);
  circles.AddMember(organisation_.id, circle, volunteer, AddDays(circles.Today(), -60));
  ConcernFixture concerns(server_);
  for (int i = 0; i < kPage + 3; ++i) {
    concerns.Raise({organisation_.id, circle, organisation_.volunteer.id, volunteer,
                    domain::ConcernCategory::kHostility, domain::Severity::kConcern});
  }
  concerns.Raise({organisation_.id, circle, organisation_.coordinator.id, std::nullopt,
                  domain::ConcernCategory::kSubstanceAbuse, domain::Severity::kConcern});
  // One about a circle the volunteer was never in: not theirs to read, so not on their pages.
  const auto elsewhere = circles.CreateCircle(
      organisation_.id,
      CoreMemberFixture(server_).CreateCoreMember(organisation_.id, "Autre Membre", "CERCLE-2"),
      domain::CirclePhase::kWeekly, AddDays(circles.Today(), -60), AddDays(circles.Today(), -60));
  concerns.Raise({organisation_.id, elsewhere, organisation_.volunteer.id, volunteer,
                  domain::ConcernCategory::kSubstanceAbuse, domain::Severity::kConcern});

  auto staff = auth_.SignedInClient(organisation_.coordinator);
  CheckTwoPages(*staff, "/concerns?category=hostility", "category=hostility",
                R"(<td><a href="/concerns/\d+">)", kPage + 3);
  EXPECT_NE(staff->Get("/concerns?category=hostility").body.find(std::to_string(kPage + 3)),
            std::string::npos)
      << "the register counts every matching concern";

  auto own = auth_.SignedInClient(organisation_.volunteer);
  const auto first = own->Get("/portal/concerns");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(Matches(first.body, R"(<li class="record">)"), static_cast<std::size_t>(kPage));
  EXPECT_NE(first.body.find("Page 1 sur 2"), std::string::npos);
  const auto second = own->Get(Link(first.body, "next"));
  EXPECT_EQ(Matches(second.body, R"(<li class="record">)"), 3u);
  EXPECT_EQ(own->Get("/portal/concerns?page=x").status, 200);
}

TEST_P(Pagination, TheVolunteerListHasPagesInNameOrder) {
  VolunteerFixture volunteers(server_);
  for (int i = 0; i < kPage + 2; ++i) {
    volunteers.CreateVolunteer(organisation_.id, "Prénom", "Nom" + std::to_string(100 + i),
                               domain::VolunteerStage::kTraining);
  }
  volunteers.CreateVolunteer(organisation_.id, "Autre", "Étape", domain::VolunteerStage::kInquiry);
  auto client = auth_.SignedInClient(organisation_.coordinator);
  CheckTwoPages(*client, "/volunteers?stage=training", "stage=training",
                R"(<td><a href="/volunteers/\d+">)", kPage + 2);
  const auto first = client->Get("/volunteers?stage=training");
  EXPECT_NE(first.body.find("Nom100"), std::string::npos);
  EXPECT_EQ(first.body.find("Nom151"), std::string::npos) << "the last name is on page 2";
  EXPECT_NE(client->Get("/volunteers?stage=training&page=2").body.find("Nom151"),
            std::string::npos);
}

TEST_P(Pagination, TheTrainingSessionsHavePages) {
  VolunteerFixture volunteers(server_);
  for (int i = 0; i < kPage + 6; ++i) {
    volunteers.AddTrainingSession(organisation_.id, 0, AddDays(volunteers.Today(), -i), 60, {});
  }
  auto client = auth_.SignedInClient(organisation_.coordinator);
  const auto first = client->Get("/volunteers/training");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(Matches(first.body, R"(<td><a href="/volunteers/training/\d+">)"),
            static_cast<std::size_t>(kPage));
  EXPECT_NE(first.body.find("Page 1 sur 2"), std::string::npos);
  const auto second = client->Get(Link(first.body, "next"));
  EXPECT_EQ(Matches(second.body, R"(<td><a href="/volunteers/training/\d+">)"), 6u);
  EXPECT_NE(client->Get("/volunteers/training?page=zz").body.find("Page 1 sur 2"),
            std::string::npos);
}

TEST_P(Pagination, PartnersHoursToApproveAndContactsHavePages) {
  CircleFixture circles(server_);
  for (int i = 0; i < kPage + 2; ++i) {
    circles.AddPartnerContact(organisation_.id, "Agente " + std::to_string(100 + i));
  }
  VolunteerFixture volunteers(server_);
  const auto volunteer = volunteers.CreateVolunteer(organisation_.id, "Bénévole", "Heures",
                                                    domain::VolunteerStage::kActive);
  for (int i = 0; i < kPage + 4; ++i) {
    volunteers.AddHours(organisation_.id, volunteer, AddDays(volunteers.Today(), -i), 30,
                        domain::HoursStatus::kPending, organisation_.coordinator.id);
  }
  auto client = auth_.SignedInClient(organisation_.coordinator);

  const auto partners = client->Get("/partners");
  ASSERT_EQ(partners.status, 200);
  EXPECT_EQ(Matches(partners.body, R"(<li class="record"><p><a href="/partners/\d+">)"),
            static_cast<std::size_t>(kPage));
  EXPECT_EQ(Matches(client->Get(Link(partners.body, "next")).body,
                    R"(<li class="record"><p><a href="/partners/\d+">)"),
            2u);

  const auto hours = client->Get("/volunteers/hours");
  ASSERT_EQ(hours.status, 200);
  EXPECT_EQ(Matches(hours.body, R"(action="/volunteers/hours/\d+/review")"),
            static_cast<std::size_t>(kPage));
  EXPECT_EQ(Matches(hours.body, "approbation :? ?" + std::to_string(kPage + 4) + "<"), 1u)
      << "the true total";
  EXPECT_EQ(Matches(client->Get(Link(hours.body, "next")).body,
                    R"(action="/volunteers/hours/\d+/review")"),
            4u);

  // A circle's contacts (logged hours too, hence after the hours): 24 on a page, the rest on the
  // next.
  const auto core_member = CoreMemberFixture(server_).CreateCoreMember(
      organisation_.id, "Membre Contacts", "CONTACTS-1");
  const auto circle =
      circles.CreateCircle(organisation_.id, core_member, domain::CirclePhase::kWeekly,
                           AddDays(circles.Today(), -90), AddDays(circles.Today(), -90));
  circles.AddMember(organisation_.id, circle, volunteer, AddDays(circles.Today(), -90));
  for (int i = 0; i < 30; ++i) {
    circles.AddContact(organisation_.id, circle, volunteer, AddDays(circles.Today(), -i));
  }
  const std::string circle_page = "/circles/" + std::to_string(circle);
  const auto first = client->Get(circle_page);
  ASSERT_EQ(first.status, 200);
  const std::string contact =
      R"(<li class="record"><p><strong>[^<]*</strong> — [^<]*, [^<]* <span class="muted">)";
  EXPECT_EQ(Matches(first.body, contact), 24u);
  const auto second = client->Get(circle_page + "?contacts_page=2");
  EXPECT_EQ(Matches(second.body, contact), 6u);
}

TEST_P(Pagination, ACirclesHeldMeetingsHavePagesWhenAllAreAskedFor) {
  CircleFixture circles(server_);
  const auto core_member = CoreMemberFixture(server_).CreateCoreMember(
      organisation_.id, "Membre Réunions", "REUNIONS-1");
  const auto circle =
      circles.CreateCircle(organisation_.id, core_member, domain::CirclePhase::kWeekly,
                           AddDays(circles.Today(), -200), AddDays(circles.Today(), -200));
  const auto volunteer = VolunteerFixture(server_).CreateVolunteer(
      organisation_.id, "Bénévole", "Réunions", domain::VolunteerStage::kActive);
  circles.AddMember(organisation_.id, circle, volunteer, AddDays(circles.Today(), -200));
  for (int i = 0; i < kPage + 5; ++i) {
    const auto meeting =
        circles.AddMeeting(organisation_.id, circle,
                           CircleFixture::At(AddDays(circles.Today(), -3 - i), 600), volunteer);
    // All but the latest have their minutes: one late flag, whatever the page shows.
    if (i > 0) {
      circles.AddMinutes(organisation_.id, meeting, volunteer, {},
                         CircleFixture::At(AddDays(circles.Today(), -3 - i), 840));
    }
  }
  for (int i = 1; i <= 2; ++i) {
    circles.AddMeeting(organisation_.id, circle,
                       CircleFixture::At(AddDays(circles.Today(), 7 * i), 600));
  }
  auto client = auth_.SignedInClient(organisation_.coordinator);
  const std::string path = "/circles/" + std::to_string(circle);
  const std::string held = R"(</strong></a> — [^<]* <span class="badge)";
  const std::string planned = R"(</strong></a> — [^<]*</p><p class="muted">)";

  // By default, the 12 latest held meetings and a link to them all.
  const auto recent = client->Get(path);
  ASSERT_EQ(recent.status, 200);
  EXPECT_EQ(Matches(recent.body, held), 12u);
  EXPECT_EQ(Matches(recent.body, planned), 2u);
  EXPECT_NE(recent.body.find("?meetings=all#meetings"), std::string::npos);
  EXPECT_EQ(recent.body.find("Page 1 sur 2"), std::string::npos);
  EXPECT_EQ(Matches(recent.body, "badge--danger"), 1u) << "the latest's minutes are late";

  const auto first = client->Get(path + "?meetings=all");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(Matches(first.body, held), static_cast<std::size_t>(kPage));
  EXPECT_EQ(Matches(first.body, planned), 2u);
  EXPECT_NE(first.body.find("Page 1 sur 2"), std::string::npos);
  const std::string next = Link(first.body, "next");
  EXPECT_NE(next.find("meetings_page=2"), std::string::npos) << next;
  EXPECT_NE(next.find("meetings=all"), std::string::npos) << next;
  const auto second = client->Get(next);
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(Matches(second.body, held), 5u);
  EXPECT_NE(second.body.find("Page 2 sur 2"), std::string::npos);
  EXPECT_EQ(Matches(second.body, "badge--danger"), 0u) << "the late one is the latest, on page 1";
  for (const std::string bad : {"abc", "0", "-1", ""}) {
    const auto page = client->Get(path + "?meetings=all&meetings_page=" + bad);
    EXPECT_EQ(page.status, 200) << bad;
    EXPECT_NE(page.body.find("Page 1 sur 2"), std::string::npos) << bad;
  }
  const auto past = client->Get(path + "?meetings=all&meetings_page=9");
  EXPECT_EQ(past.status, 200);
  EXPECT_EQ(Matches(past.body, held), 5u) << "past the end: the last page";
}

TEST_P(Pagination, TheVolunteersCirclePageReadsOnlyTheLatestMeetingsAndContacts) {
  CircleFixture circles(server_);
  const auto core_member =
      CoreMemberFixture(server_).CreateCoreMember(organisation_.id, "Membre Portail", "PORTAIL-1");
  const auto started = AddDays(circles.Today(), -90);
  const auto circle = circles.CreateCircle(organisation_.id, core_member,
                                           domain::CirclePhase::kWeekly, started, started);
  const auto volunteer = VolunteerFixture(server_).CreateVolunteer(
      organisation_.id, "Bénévole", "Portail", domain::VolunteerStage::kActive,
      organisation_.volunteer.id);
  circles.AddMember(organisation_.id, circle, volunteer, started);
  // The two latest meetings wait for this volunteer's minutes; twelve before them have theirs.
  for (int i = 0; i < 2; ++i) {
    circles.AddMeeting(organisation_.id, circle,
                       CircleFixture::At(AddDays(circles.Today(), -3 - i), 600), volunteer);
  }
  for (int i = 0; i < 12; ++i) {
    const auto day = AddDays(circles.Today(), -5 - i);
    const auto meeting =
        circles.AddMeeting(organisation_.id, circle, CircleFixture::At(day, 600), volunteer);
    circles.AddMinutes(organisation_.id, meeting, volunteer, {}, CircleFixture::At(day, 840));
  }
  for (int i = 0; i < 15; ++i) {
    circles.AddContact(organisation_.id, circle, volunteer, AddDays(circles.Today(), -i));
  }
  auto own = auth_.SignedInClient(organisation_.volunteer);
  const auto page = own->Get("/portal/circles/" + std::to_string(circle));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(Matches(page.body, R"(<a class="button[^"]*" href="/portal/meetings/\d+">)"), 2u)
      << "the minutes to write";
  EXPECT_EQ(Matches(page.body, R"(<li class="record"><p><a href="/portal/meetings/\d+">)"), 8u)
      << "the eight latest held meetings, those to write set apart";
  EXPECT_EQ(Matches(page.body, R"(<li class="record"><p><strong>[^<]*</strong> — )"), 8u)
      << "the eight latest contacts";
}

TEST_P(Pagination, TheCircleListHasPagesWithEachPagesFlagsAndKeepsItsFilter) {
  CircleFixture circles(server_);
  CoreMemberFixture intake(server_);
  const auto started = AddDays(circles.Today(), -60);
  std::vector<std::int64_t> open;
  for (int i = 0; i < kPage + 3; ++i) {
    const auto core_member = intake.CreateCoreMember(
        organisation_.id, "Homme Cercle " + std::to_string(100 + i), "LISTE-" + std::to_string(i));
    open.push_back(circles.CreateCircle(organisation_.id, core_member, domain::CirclePhase::kWeekly,
                                        started, started));
  }
  for (int i = 0; i < 2; ++i) {
    const auto core_member = intake.CreateCoreMember(
        organisation_.id, "Homme Fermé " + std::to_string(i), "FERME-" + std::to_string(i));
    const auto circle = circles.CreateCircle(organisation_.id, core_member,
                                             domain::CirclePhase::kWeekly, started, started);
    circles.CloseCircle(organisation_.id, circle, AddDays(circles.Today(), -10 - i));
  }
  // The last open circle (on page 2) has a meeting whose minutes are late: its flag shows there.
  const auto late = open.back();
  circles.AddMeeting(organisation_.id, late, CircleFixture::At(AddDays(circles.Today(), -5), 600));
  const std::string late_name = circles.Stored(organisation_.id, late).code_name;
  const std::string late_flag =
      "<li class=\"flag flag--urgent\">" + late_name + "[^<]*48 heures de retard";

  auto client = auth_.SignedInClient(organisation_.coordinator);
  const std::string row = R"(<p><a href="/circles/\d+"><strong>)";
  const auto first = client->Get("/circles?closed=1");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(Matches(first.body, row), static_cast<std::size_t>(kPage));
  EXPECT_EQ(Matches(first.body, "</strong> — Homme Cercle 1"), static_cast<std::size_t>(kPage));
  EXPECT_NE(first.body.find("<strong>Cercle A</strong>"), std::string::npos) << "A comes first";
  EXPECT_EQ(Matches(first.body, late_flag), 0u);
  EXPECT_NE(first.body.find("Page 1 sur 2"), std::string::npos);
  const std::string next = Link(first.body, "next");
  EXPECT_NE(next.find("page=2"), std::string::npos) << next;
  EXPECT_NE(next.find("closed=1"), std::string::npos) << "the filter is kept: " << next;

  const auto second = client->Get(next);
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(Matches(second.body, row), 5u);
  EXPECT_EQ(Matches(second.body, late_flag), 1u) << "the page's circles have their flags";
  // The closed circles come last, the latest closure first.
  const auto closed_first = second.body.find("Homme Fermé 0");
  const auto closed_second = second.body.find("Homme Fermé 1");
  ASSERT_NE(closed_first, std::string::npos);
  ASSERT_NE(closed_second, std::string::npos);
  EXPECT_LT(closed_first, closed_second);
  EXPECT_LT(second.body.find("Homme Cercle"), closed_first);

  // Without the filter, the open circles only: the 53 on two pages.
  const auto open_only = client->Get("/circles?page=2");
  EXPECT_EQ(Matches(open_only.body, row), 3u);
  EXPECT_EQ(open_only.body.find("Homme Fermé"), std::string::npos);
  for (const std::string bad : {"abc", "0", "-2", ""}) {
    const auto page = client->Get("/circles?closed=1&page=" + bad);
    EXPECT_EQ(page.status, 200) << bad;
    EXPECT_NE(page.body.find("Page 1 sur 2"), std::string::npos) << bad;
  }
}

TEST_P(Pagination, TheVolunteerListReadsTheScreeningOfItsPageAndShowsWhoIsOnHold) {
  VolunteerFixture volunteers(server_);
  std::int64_t last = 0;
  for (int i = 0; i < kPage + 1; ++i) {
    last = volunteers.CreateVolunteer(organisation_.id, "Prénom", "Nom" + std::to_string(100 + i),
                                      domain::VolunteerStage::kActive);
  }
  // The last by name, alone on page 2: his police check expired yesterday.
  volunteers.AddScreeningItem(organisation_.id, last, 0, AddDays(volunteers.Today(), -800),
                              domain::ScreeningResult::kPassed, "",
                              AddDays(volunteers.Today(), -1));
  auto client = auth_.SignedInClient(organisation_.coordinator);
  const std::string on_hold = R"(<span class="badge badge--danger">)";
  const auto first = client->Get("/volunteers?stage=active");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(Matches(first.body, R"(<td><a href="/volunteers/\d+">)"),
            static_cast<std::size_t>(kPage));
  EXPECT_EQ(Matches(first.body, on_hold), 0u);
  const auto second = client->Get(Link(first.body, "next"));
  ASSERT_EQ(second.status, 200);
  EXPECT_NE(second.body.find("Nom150"), std::string::npos);
  EXPECT_EQ(Matches(second.body, on_hold), 1u) << "on hold: screening expired";
}

TEST_P(Pagination, AVolunteersOwnHoursHavePagesAndTotalsCountThemAll) {
  VolunteerFixture volunteers(server_);
  const auto volunteer =
      volunteers.CreateVolunteer(organisation_.id, "Bénévole", "Heures",
                                 domain::VolunteerStage::kActive, organisation_.volunteer.id);
  const auto today = volunteers.Today();
  // In this month: 60 minutes a day on the first days, so that the month's total is known.
  const auto first_of_month =
      AddDays(today, 1 - static_cast<int>(static_cast<unsigned>(today.day())));
  for (int i = 0; i < kPage + 3; ++i) {
    volunteers.AddHours(organisation_.id, volunteer, AddDays(today, -i - 40), 60,
                        domain::HoursStatus::kApproved, organisation_.coordinator.id);
  }
  volunteers.AddHours(organisation_.id, volunteer, first_of_month, 90,
                      domain::HoursStatus::kApproved, organisation_.coordinator.id);
  volunteers.AddHours(organisation_.id, volunteer, first_of_month, 30,
                      domain::HoursStatus::kPending, organisation_.volunteer.id);
  volunteers.AddHours(organisation_.id, volunteer, first_of_month, 600,
                      domain::HoursStatus::kRejected, organisation_.volunteer.id);
  // Meeting hours count in the totals but are not listed as logged.
  volunteers.AddHours(organisation_.id, volunteer, first_of_month, 120,
                      domain::HoursStatus::kApproved, organisation_.coordinator.id,
                      domain::HoursKind::kCircleMeeting);
  const std::size_t listed = kPage + 3 + 3;
  const std::string row = R"(— [^<]*, [^<]* h <span class="badge badge--)";
  // Approved: 53 × 60 + 90 + 120 minutes = 56.5 h; awaiting approval: 0.5 h.
  const std::string approved_total = "56,5";

  auto coordinator = auth_.SignedInClient(organisation_.coordinator);
  const std::string file = "/volunteers/" + std::to_string(volunteer);
  const auto first = coordinator->Get(file);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(Matches(first.body, row), static_cast<std::size_t>(kPage));
  EXPECT_NE(first.body.find("<strong>" + approved_total + " h</strong>"), std::string::npos);
  EXPECT_NE(first.body.find("0,5 h"), std::string::npos) << "awaiting approval";
  EXPECT_NE(first.body.find("Page 1 sur 2"), std::string::npos);
  const std::string next = Link(first.body, "next");
  EXPECT_NE(next.find("hours_page=2"), std::string::npos) << next;
  const auto second = coordinator->Get(next);
  EXPECT_EQ(Matches(second.body, row), listed - kPage);
  EXPECT_NE(second.body.find("<strong>" + approved_total + " h</strong>"), std::string::npos);
  EXPECT_NE(coordinator->Get(file + "?hours_page=x").body.find("Page 1 sur 2"), std::string::npos);

  auto own = auth_.SignedInClient(organisation_.volunteer);
  const auto portal = own->Get("/portal");
  ASSERT_EQ(portal.status, 200);
  EXPECT_EQ(Matches(portal.body, row), static_cast<std::size_t>(kPage));
  EXPECT_NE(portal.body.find("<dd>" + approved_total + " h</dd>"), std::string::npos);
  // This month: 90 + 120 minutes approved.
  EXPECT_NE(portal.body.find("<dd>3,5 h</dd>"), std::string::npos);
  EXPECT_NE(portal.body.find("0,5 h"), std::string::npos) << "awaiting approval";
  const auto portal_second = own->Get(Link(portal.body, "next"));
  EXPECT_EQ(Matches(portal_second.body, row), listed - kPage);
  EXPECT_EQ(own->Get("/portal?hours_page=-2").status, 200);
}

TEST_P(Pagination, TheAuditLogHasPages) {
  const auto now = server_.clock().Now();
  for (int i = 0; i < kPage + 5; ++i) {
    server_.runtime().audit().Record(
        server_.runtime().database(),
        {organisation_.id, organisation_.admin.id, "test.page", "page", std::to_string(i),
         "127.0.0.1", audit::Outcome::kSuccess, now});
  }
  auto client = auth_.SignedInClient(organisation_.admin);
  // Reading the log adds an entry of its own ("audit.read"), which the filter leaves out.
  CheckTwoPages(*client, "/admin/audit?action=test.", "action=test.",
                R"(<td><code>test\.page</code>)", kPage + 5);
}

TEST_P(Pagination, TheOutreachLogAndTheStoriesHavePagesOfTheirOwn) {
  FixtureWrite(server_, organisation_.id, [&](soci::session& session) -> Result<int> {
    store::OutreachStore store(session);
    for (int i = 0; i < kPage + 1; ++i) {
      domain::OutreachActivity activity;
      activity.organisation_id = organisation_.id;
      activity.held_on = VolunteerFixture(server_).Today();
      activity.kind = domain::OutreachKind::kPresentation;
      activity.title = "Présentation " + std::to_string(i);
      activity.audience = "Public";
      activity.recorded_by = organisation_.coordinator.id;
      activity.recorded_at = activity.updated_at = server_.clock().Now();
      store.InsertActivity(activity);
    }
    for (int i = 0; i < kPage + 2; ++i) {
      domain::SignificantStory story;
      story.organisation_id = organisation_.id;
      story.written_on = VolunteerFixture(server_).Today();
      story.title = "Histoire " + std::to_string(i);
      story.text = "Texte";
      story.written_by = organisation_.coordinator.id;
      story.created_at = story.updated_at = server_.clock().Now();
      store.InsertStory(story);
    }
    return 0;
  });
  auto client = auth_.SignedInClient(organisation_.coordinator);
  const auto first = client->Get("/outreach");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(Matches(first.body, R"(href="/outreach/\d+/edit")"), static_cast<std::size_t>(kPage));
  EXPECT_EQ(Matches(first.body, R"(href="/outreach/stories/\d+")"),
            static_cast<std::size_t>(kPage));
  EXPECT_EQ(Matches(first.body, "Page 1 sur 2"), 2u);
  const auto both = client->Get("/outreach?page=2&stories_page=2");
  EXPECT_EQ(Matches(both.body, R"(href="/outreach/\d+/edit")"), 1u);
  EXPECT_EQ(Matches(both.body, R"(href="/outreach/stories/\d+")"), 2u);
  // Turning the stories' page keeps the log's.
  const auto stories = client->Get("/outreach?page=2");
  EXPECT_NE(stories.body.find("stories_page=2"), std::string::npos);
  EXPECT_NE(stories.body.find("page=2&amp;stories_page=2"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, Pagination, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, Pagination, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
