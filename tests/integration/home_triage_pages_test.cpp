// The staff home page's triage over a real socket, on SQLite and PostgreSQL: its groups with their
// counts, the most urgent first, each item saying what to do, long groups folded; minutes
// acknowledged from the home page (audited, with a notice), refused with the reason when done
// already, and 404 for anyone who may not acknowledge them; each role's landing; the volunteer's
// portal and minutes confirmation offering to raise a concern in the same tab.
#include <gtest/gtest.h>

#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

constexpr const char* kMissingId = "987654321";

class HomeTriagePages : public ::testing::TestWithParam<Backend> {
 protected:
  HomeTriagePages() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    const auto circle = circles_.CreateWeeklyCircle(a_.id, "Marcel Exemple", "2026-001", 60,
                                                    "Bastien", "Bénévole", a_.volunteer.id);
    circle_ = circle.circle_id;
    own_ = circle.volunteer_id;
    concerns_.SetOnCall(a_.id, {{a_.coordinator.id, 0}});
  }

  std::string Id(std::int64_t id) const { return std::to_string(id); }

  // Minutes of a meeting `days_ago` days ago, waiting for the coordinator; returns the meeting.
  std::int64_t MinutesToRead(int days_ago) {
    return circles_.AddMinutesToRead(a_.id, circle_, own_, days_ago);
  }

  std::string Acknowledge(std::int64_t meeting) const {
    return "/home/minutes/" + Id(meeting) + "/acknowledge";
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CircleFixture circles_{server_};
  ConcernFixture concerns_{server_};
  TestOrganisation a_, b_;
  CivilDate today_;
  std::int64_t circle_ = 0, own_ = 0;
};

TEST_P(HomeTriagePages, GroupsWithTheirCountsTheMostUrgentFirstEachItemNamingItsAction) {
  const auto urgent = concerns_.Raise({.organisation_id = a_.id,
                                       .circle_id = circle_,
                                       .raised_by = a_.coordinator.id,
                                       .severity = domain::Severity::kUrgent});
  const auto meeting = MinutesToRead(3);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto home = coordinator->Get("/");
  ASSERT_EQ(home.status, 200);
  const auto& body = home.body;

  // The groups, the concerns first, each with its count.
  const auto concerns = body.find("id=\"triage-concerns\"");
  const auto minutes = body.find("id=\"triage-minutes\"");
  ASSERT_NE(concerns, std::string::npos);
  ASSERT_NE(minutes, std::string::npos);
  EXPECT_LT(concerns, minutes);
  EXPECT_NE(body.find(concerns_.FrenchText("Concerns to acknowledge") +
                      " <span class=\"badge badge--danger\">1</span></h3>"),
            std::string::npos);
  EXPECT_NE(body.find(concerns_.FrenchText("Minutes to read or late") +
                      " <span class=\"badge\">1</span></h3>"),
            std::string::npos);
  EXPECT_NE(body.find("href=\"#triage-concerns\""), std::string::npos) << "the summary";

  // The concern: its severity, what to do, and the time before the next alert.
  const auto item = body.find("href=\"/concerns/" + Id(urgent) + "\"");
  ASSERT_NE(item, std::string::npos);
  EXPECT_LT(concerns, item);
  EXPECT_LT(item, minutes);
  EXPECT_NE(body.find(concerns_.FrenchText("Acknowledge the concern"), item), std::string::npos);
  // Its severity's own badge, colour and icon with its name, as everywhere else.
  const auto badge = body.rfind("<span class=\"badge severity severity--", item);
  ASSERT_NE(badge, std::string::npos);
  EXPECT_LT(concerns, badge);
  EXPECT_NE(body.find("severity__icon", badge), std::string::npos);
  EXPECT_LT(body.find(concerns_.FrenchText("Urgent"), badge), item);
  EXPECT_NE(body.find(concerns_.FrenchText("Next alert in")), std::string::npos);
  EXPECT_NE(body.find("data-triage-deadline=\""), std::string::npos);
  EXPECT_NE(body.find("js/triage"), std::string::npos) << "the countdown's script";

  // The minutes: read them, or acknowledge them from here.
  EXPECT_NE(body.find("href=\"/circles/meetings/" + Id(meeting) + "\""), std::string::npos);
  EXPECT_NE(body.find(concerns_.FrenchText("Read the minutes")), std::string::npos);
  const auto form = body.find("action=\"" + Acknowledge(meeting) + "\"");
  ASSERT_NE(form, std::string::npos);
  EXPECT_NE(body.find("name=\"csrf\"", form), std::string::npos);
  EXPECT_NE(body.find(concerns_.FrenchText("Acknowledge now"), form), std::string::npos);
}

TEST_P(HomeTriagePages, NothingToReportWhenNothingWaits) {
  auto coordinator = auth_.SignedInClient(b_.coordinator);
  const auto home = coordinator->Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find(concerns_.FrenchText("Nothing to report today.")), std::string::npos);
  EXPECT_EQ(home.body.find("triage-group"), std::string::npos);
}

// The items of a page from `from` on, up to `to` (the whole page when npos).
std::size_t CountItems(const std::string& body, std::size_t from, std::size_t to) {
  std::size_t count = 0;
  for (auto at = body.find("triage-item\"", from); at < to; at = body.find("triage-item\"", at + 1))
    ++count;
  return count;
}

TEST_P(HomeTriagePages, ALongGroupFoldsAfterFiveItems) {
  for (int day = 2; day <= 7; ++day) MinutesToRead(day);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto body = coordinator->Get("/").body;
  const auto group = body.find("id=\"triage-minutes\"");
  ASSERT_NE(group, std::string::npos);
  EXPECT_NE(body.find(concerns_.FrenchText("Minutes to read or late") +
                      " <span class=\"badge\">6</span></h3>"),
            std::string::npos);
  const auto folded = body.find("<details class=\"triage-more\">", group);
  ASSERT_NE(folded, std::string::npos);
  EXPECT_NE(body.find(concerns_.FrenchText("{count} more", {{"count", "1"}}), folded),
            std::string::npos);
  EXPECT_EQ(CountItems(body, group, folded), 5u);
}

TEST_P(HomeTriagePages, AGroupOfMoreThanTwentyFiveListsItsFirstOnesAndLinksToItsPages) {
  for (int day = 2; day <= 53; ++day) MinutesToRead(day);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto body = coordinator->Get("/").body;
  const auto group = body.find("id=\"triage-minutes\"");
  ASSERT_NE(group, std::string::npos);
  const auto end = body.find("</section>", group);
  // The count says 52; the page lists 25 (5, then 20 folded) and links to the rest.
  EXPECT_NE(body.find(concerns_.FrenchText("Minutes to read or late") +
                      " <span class=\"badge\">52</span></h3>"),
            std::string::npos);
  EXPECT_EQ(CountItems(body, group, end), 25u);
  EXPECT_NE(body.find(concerns_.FrenchText("{count} more", {{"count", "20"}}), group),
            std::string::npos);
  const auto link = body.find("href=\"/triage/minutes\"", group);
  ASSERT_LT(link, end);
  EXPECT_NE(body.find(concerns_.FrenchText("See all {count}", {{"count", "52"}}), link),
            std::string::npos);

  // The group's page: 50 a page, each viewing audited.
  const auto audited = auth_.CountAuditEntries(a_.id, "triage.view", a_.coordinator.id);
  const auto first = coordinator->Get("/triage/minutes");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(CountItems(first.body, 0, std::string::npos), 50u);
  EXPECT_NE(first.body.find("<span class=\"badge\">52</span></h1>"), std::string::npos);
  EXPECT_NE(first.body.find("?page=2"), std::string::npos) << "the next page";
  const auto second = coordinator->Get("/triage/minutes?page=2");
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(CountItems(second.body, 0, std::string::npos), 2u);
  EXPECT_NE(second.body.find("action=\"/home/minutes/"), std::string::npos)
      << "minutes acknowledged from there too";
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "triage.view", a_.coordinator.id), audited + 2);

  // A group with nothing says so; an unknown group is not found.
  const auto empty = coordinator->Get("/triage/legal_dates");
  ASSERT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find(concerns_.FrenchText("Nothing to report today.")), std::string::npos);
  EXPECT_EQ(coordinator->Get("/triage/unknown").status, 404);
  // Organisation B's coordinator sees only his own organisation's.
  auto other = auth_.SignedInClient(b_.coordinator);
  const auto theirs = other->Get("/triage/minutes");
  ASSERT_EQ(theirs.status, 200);
  EXPECT_EQ(CountItems(theirs.body, 0, std::string::npos), 0u);
}

TEST_P(HomeTriagePages, MinutesAcknowledgedFromTheHomePageAuditedWithANotice) {
  const auto meeting = MinutesToRead(3);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto audited = auth_.CountAuditEntries(a_.id, "circle.minutes_acknowledge");
  const auto done = coordinator->PostForm(Acknowledge(meeting), {}, "/");
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.Header("location"), "/?done=minutes#triage");
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.minutes_acknowledge", a_.coordinator.id),
            audited + 1);
  const auto home = coordinator->Get("/?done=minutes");
  EXPECT_NE(home.body.find(concerns_.FrenchText("The minutes are acknowledged.")),
            std::string::npos);
  EXPECT_EQ(home.body.find(Acknowledge(meeting)), std::string::npos) << "the item is gone";
  // The volunteers see them acknowledged.
  auto volunteer = auth_.SignedInClient(a_.volunteer);
  EXPECT_NE(volunteer->Get("/portal/meetings/" + Id(meeting))
                .body.find(concerns_.FrenchText("Read and acknowledged by the coordinator.")),
            std::string::npos);

  // Twice: refused with the reason, nothing changes.
  const auto again = coordinator->PostForm(Acknowledge(meeting), {}, "/");
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("notice--error"), std::string::npos);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.minutes_acknowledge"), audited + 1);
}

TEST_P(HomeTriagePages, OnlyStaffOfTheOrganisationAcknowledgeMinutes) {
  const auto meeting = MinutesToRead(3);
  for (const auto* user : {&a_.volunteer, &a_.partner, &a_.evaluator, &b_.coordinator, &b_.admin}) {
    auto client = auth_.SignedInClient(*user);
    const auto denials = auth_.CountAuditEntries(user->organisation_id, "authz.denied", user->id);
    const auto refused = client->PostForm(Acknowledge(meeting), {}, "/account");
    EXPECT_EQ(refused.status, 404) << user->email;
    EXPECT_EQ(auth_.CountAuditEntries(user->organisation_id, "authz.denied", user->id), denials + 1)
        << user->email;
    // As if the minutes did not exist.
    EXPECT_EQ(
        client
            ->PostForm("/home/minutes/" + std::string(kMissingId) + "/acknowledge", {}, "/account")
            .status,
        404);
  }
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.minutes_acknowledge"), 0u);
  // Still waiting for the coordinator.
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  EXPECT_NE(coordinator->Get("/").body.find(Acknowledge(meeting)), std::string::npos);
  // Signed out: sign in first.
  HttpClient stranger(server_.base_url());
  EXPECT_EQ(stranger.PostForm(Acknowledge(meeting), {}, "/").status, 401);
}

TEST_P(HomeTriagePages, EachRoleLandsOnItsWork) {
  // A volunteer signing in lands on their portal.
  HttpClient client(server_.base_url());
  const auto signed_in = auth_.SignInThroughPages(client, a_.volunteer);
  ASSERT_EQ(signed_in.status, 303);
  EXPECT_EQ(signed_in.Header("location"), "/");
  const auto landing = client.Get("/");
  EXPECT_EQ(landing.status, 303);
  EXPECT_EQ(landing.Header("location"), "/portal");
  const auto portal = client.Get("/portal");
  ASSERT_EQ(portal.status, 200);
  EXPECT_NE(portal.body.find("href=\"/portal/circles/" + Id(circle_) + "/concerns/new\""),
            std::string::npos)
      << "raising a concern from the portal";

  const auto location = [&](const TestUser& user) {
    return auth_.SignedInClient(user)->Get("/").Header("location");
  };
  EXPECT_EQ(location(a_.partner), "/my-circles");
  EXPECT_EQ(location(a_.evaluator), "/reports/evaluation");
  EXPECT_EQ(auth_.SignedInClient(a_.coordinator)->Get("/").status, 200);
  EXPECT_EQ(auth_.SignedInClient(a_.admin)->Get("/").status, 200);
  // A volunteer without a file, and anyone with several roles, get the home page.
  EXPECT_EQ(auth_.SignedInClient(b_.volunteer)->Get("/").status, 200);
  const auto both = auth_.CreateUser(a_.id, "Rosalie Double", "rosalie@cercles-a.example",
                                     {domain::Role::kCoordinator, domain::Role::kVolunteer});
  volunteers_.CreateVolunteer(a_.id, "Rosalie", "Double", domain::VolunteerStage::kActive, both.id);
  const auto home = auth_.SignedInClient(both)->Get("/");
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("id=\"attention-title\""), std::string::npos) << "the staff home";
}

TEST_P(HomeTriagePages, SentMinutesOfferToRaiseAConcernInTheSameTab) {
  const auto meeting =
      circles_.AddMeeting(a_.id, circle_, CircleFixture::At(AddDays(today_, -1), 19 * 60), own_);
  auto volunteer = auth_.SignedInClient(a_.volunteer);
  const std::string path = "/portal/meetings/" + Id(meeting);
  const auto sent = volunteer->PostForm(path,
                                        {{"present", Id(own_)},
                                         {"core_member_present", "1"},
                                         {"duration", "1:30"},
                                         {"check_in", "Tout va bien."},
                                         {"accountability", "Rien de préoccupant."}},
                                        path);
  ASSERT_EQ(sent.status, 303) << sent.body;
  const auto confirmation = volunteer->Get(sent.Header("location"));
  ASSERT_EQ(confirmation.status, 200);
  // A plain link, without target: the same tab.
  const std::string raise = "<a class=\"button button--secondary\" href=\"/portal/circles/" +
                            Id(circle_) + "/concerns/new?meeting=" + Id(meeting) + "\">" +
                            concerns_.FrenchText("Raise a concern") + "</a>";
  EXPECT_NE(confirmation.body.find(raise), std::string::npos) << raise;
  // Before sending, no such offer.
  const auto other =
      circles_.AddMeeting(a_.id, circle_, CircleFixture::At(AddDays(today_, -2), 19 * 60), own_);
  EXPECT_EQ(volunteer->Get("/portal/meetings/" + Id(other))
                .body.find("concerns/new?meeting=" + Id(other) + "\">"),
            std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, HomeTriagePages, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, HomeTriagePages, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
