// The drafts' endpoints and the idle notice's "stay signed in" over HTTP, on SQLite and
// PostgreSQL: a draft saved as the volunteer types survives the end of the session and comes back,
// escaped, on the form after a new sign-in that returns there; a post without its CSRF token, past
// the size limit, for an unknown form or for a record the volunteer may not fill changes nothing;
// another user's draft answers 404; "stay signed in" restarts the idle limit.
#include <gtest/gtest.h>

#include <regex>

#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/draft_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;

std::string Id(std::int64_t id) { return std::to_string(id); }

class DraftPages : public ::testing::TestWithParam<Backend> {
 protected:
  DraftPages() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    const auto made = CreateDraftCircle(server_, auth_, a_);
    own_ = made.own;
    odile_user_ = made.odile_user;
    circle_ = made.circle;
    due_ = made.due;
    other_circle_ = made.other_circle;
    other_meeting_ =
        circles_.AddMeeting(a_.id, other_circle_,
                            CircleFixture::At(AddDays(circles_.Today(), -1), 19 * 60), made.odile);
  }

  std::string MeetingPath() const { return "/portal/meetings/" + Id(due_); }
  std::string DraftPath() const { return "/drafts/minutes/" + Id(due_); }

  TestServer server_{{.backend = GetParam()}};
  AuthFixture auth_{server_};
  CircleFixture circles_{server_};
  TestOrganisation a_, b_;
  TestUser odile_user_;
  std::int64_t own_ = 0, circle_ = 0, other_circle_ = 0, due_ = 0, other_meeting_ = 0;
};

TEST_P(DraftPages, ADraftOutlivesTheSessionAndComesBackOnTheFormAfterSigningIn) {
  auto client = auth_.SignedInClient(a_.volunteer);
  const auto saved = client->PostForm(
      DraftPath(), {{"check_in", "Tour de table <b>(essai)</b>"}, {"duration", "1:30"}},
      MeetingPath());
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_NE(saved.Header("content-type").find("application/json"), std::string::npos);
  EXPECT_NE(saved.body.find("Brouillon enregistré le"), std::string::npos) << saved.body;
  EXPECT_NE(saved.body.find("\"idle_seconds\":1800"), std::string::npos) << saved.body;
  EXPECT_EQ(saved.body.find("Tour de table"), std::string::npos) << "the answer echoes nothing";

  // The session idles out; the form's address leads to the sign-in page, which leads back.
  server_.clock().Advance(31min);
  const auto expired = client->Get(MeetingPath());
  ASSERT_EQ(expired.status, 303);
  EXPECT_EQ(expired.Header("location"), "/login?next=%2Fportal%2Fmeetings%2F" + Id(due_));
  const auto signed_in = client->PostForm("/login",
                                          {{"email", a_.volunteer.email},
                                           {"password", std::string(kTestPassword)},
                                           {"next", MeetingPath()}},
                                          expired.Header("location"));
  ASSERT_EQ(signed_in.status, 303);
  EXPECT_EQ(signed_in.Header("location"), MeetingPath());

  const auto page = client->Get(MeetingPath());
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Brouillon du "), std::string::npos);
  EXPECT_NE(page.body.find("Tour de table &lt;b&gt;(essai)&lt;/b&gt;"), std::string::npos)
      << "restored, escaped";
  EXPECT_EQ(page.body.find("<b>(essai)"), std::string::npos);
  EXPECT_NE(page.body.find("value=\"1:30\""), std::string::npos);
  EXPECT_NE(page.body.find("data-draft=\"minutes:" + Id(due_) + "\""), std::string::npos);
  EXPECT_NE(page.body.find("action=\"/drafts/minutes/" + Id(due_) + "/discard\""),
            std::string::npos);

  // Sending the minutes deletes the draft.
  const auto sent = client->PostForm(MeetingPath(),
                                     {{"core_member_present", "1"},
                                      {"present", Id(own_)},
                                      {"duration", "1:30"},
                                      {"check_in", "Tour de table (essai)."},
                                      {"accountability", "Rien de préoccupant (essai)."}},
                                     MeetingPath());
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(auth_.CountRows("form_drafts"), 0);
}

TEST_P(DraftPages, RefusedDraftsChangeNothing) {
  auto client = auth_.SignedInClient(a_.volunteer);
  ASSERT_EQ(
      client->PostForm(DraftPath(), {{"check_in", "Premier jet (essai)."}}, MeetingPath()).status,
      200);

  // No CSRF token.
  client->CsrfToken(MeetingPath());
  EXPECT_EQ(client->Post(DraftPath(), "check_in=Autre").status, 403);
  // Past the size limit: a message, the earlier draft kept.
  const auto too_long =
      client->PostForm(DraftPath(), {{"check_in", std::string(60001, 'e')}}, MeetingPath());
  EXPECT_EQ(too_long.status, 422);
  EXPECT_NE(too_long.body.find("\"message\""), std::string::npos);
  // Unknown forms and records, a meeting of a circle the volunteer is not on.
  EXPECT_EQ(client->PostForm("/drafts/letter/" + Id(due_), {{"a", "b"}}, MeetingPath()).status,
            404);
  EXPECT_EQ(client->PostForm("/drafts/minutes/abc", {{"a", "b"}}, MeetingPath()).status, 404);
  EXPECT_EQ(
      client->PostForm("/drafts/minutes/" + Id(other_meeting_), {{"a", "b"}}, MeetingPath()).status,
      404);
  EXPECT_EQ(
      client->PostForm("/drafts/contact/" + Id(other_circle_), {{"a", "b"}}, MeetingPath()).status,
      404);
  // Another organisation's volunteer.
  auto outsider = auth_.SignedInClient(b_.volunteer);
  EXPECT_EQ(outsider->PostForm(DraftPath(), {{"a", "b"}}).status, 404);
  EXPECT_EQ(auth_.CountRows("form_drafts"), 1);
  EXPECT_NE(client->Get(MeetingPath()).body.find("Premier jet (essai)."), std::string::npos);
}

TEST_P(DraftPages, AnotherUsersDraftIsNotFoundAndTheAuthorDiscardsTheirs) {
  auto client = auth_.SignedInClient(a_.volunteer);
  ASSERT_EQ(client
                ->PostForm("/drafts/contact/" + Id(circle_), {{"note", "Appel (essai)."}},
                           "/portal/circles/" + Id(circle_))
                .status,
            200);
  auto odile = auth_.SignedInClient(odile_user_);
  EXPECT_EQ(odile->Get("/portal/circles/" + Id(circle_)).body.find("Appel (essai)."),
            std::string::npos);
  EXPECT_EQ(odile->PostForm("/drafts/contact/" + Id(circle_) + "/discard", {}).status, 404);
  EXPECT_EQ(auth_.CountRows("form_drafts"), 1);

  const auto circle_page = client->Get("/portal/circles/" + Id(circle_));
  EXPECT_NE(circle_page.body.find("Appel (essai)."), std::string::npos);
  EXPECT_NE(circle_page.body.find("data-draft=\"contact:" + Id(circle_) + "\""), std::string::npos);
  const auto discarded = client->PostForm("/drafts/contact/" + Id(circle_) + "/discard",
                                          {{"next", "/portal/circles/" + Id(circle_)}},
                                          "/portal/circles/" + Id(circle_));
  ASSERT_EQ(discarded.status, 303);
  EXPECT_EQ(discarded.Header("location"), "/portal/circles/" + Id(circle_));
  EXPECT_EQ(auth_.CountRows("form_drafts"), 0);
  EXPECT_EQ(client->Get("/portal/circles/" + Id(circle_)).body.find("Appel (essai)."),
            std::string::npos);
}

TEST_P(DraftPages, TheConcernFormKeepsItsDraft) {
  auto client = auth_.SignedInClient(a_.volunteer);
  const std::string form = "/portal/circles/" + Id(circle_) + "/concerns/new";
  ASSERT_EQ(client
                ->PostForm("/drafts/concern/" + Id(circle_),
                           {{"severity", "urgent"}, {"observed", "Vu au parc (essai)."}}, form)
                .status,
            200);
  const auto page = client->Get(form);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Vu au parc (essai)."), std::string::npos);
  EXPECT_TRUE(std::regex_search(page.body, std::regex(R"(value="urgent"[^>]*\schecked)")))
      << "the urgent severity is chosen again";
  EXPECT_NE(page.body.find("data-draft=\"concern:" + Id(circle_) + "\""), std::string::npos);
}

TEST_P(DraftPages, StayingSignedInRestartsTheIdleLimit) {
  auto client = auth_.SignedInClient(a_.volunteer);
  const auto page = client->Get("/portal");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-session=\"{&quot;csrf&quot;"), std::string::npos);
  EXPECT_NE(page.body.find("&quot;idle_seconds&quot;:1800"), std::string::npos);

  server_.clock().Advance(28min);
  const auto kept = client->PostForm("/session/keep-alive", {});
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(kept.body, "{\"idle_seconds\":1800}");
  server_.clock().Advance(29min);
  EXPECT_EQ(client->Get("/portal").status, 200) << "57 minutes after signing in";
  server_.clock().Advance(30min);
  EXPECT_EQ(client->Get("/portal").status, 303);
  // Without a session, and without the CSRF token.
  EXPECT_EQ(client->PostForm("/session/keep-alive", {}).status, 401);
  auto other = auth_.SignedInClient(a_.volunteer);
  other->CsrfToken("/portal");
  EXPECT_EQ(other->Post("/session/keep-alive", "").status, 403);
}

TEST_P(DraftPages, ASignedOutPageHasNoIdleNotice) {
  HttpClient client(server_.base_url());
  const auto page = client.Get("/login");
  EXPECT_NE(page.body.find("data-session=\"{}\""), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, DraftPages, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, DraftPages, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
