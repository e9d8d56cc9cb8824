// The register of requests about personal information over a real socket, on SQLite and on
// PostgreSQL: an administrator records a request from its form, the register and the home page
// flag it as its deadline nears, the request page and the export's schema are served, and a
// coordinator, a volunteer and a partner get 404 for the same pages.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

class PrivacyRequestPages : public ::testing::TestWithParam<Backend> {
 protected:
  PrivacyRequestPages() {
    a_ = fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    admin_ = fixture_.SignedInClient(a_.admin);
    const auto switched = admin_->PostForm("/account/language", {{"language", "en"}}, "/account");
    if (switched.status != 303) throw std::runtime_error("cannot switch to English");
  }

  TestServer server_{TestServer::Options{.backend = GetParam()}};
  AuthFixture fixture_{server_};
  TestOrganisation a_;
  std::unique_ptr<HttpClient> admin_;
};

TEST_P(PrivacyRequestPages, RecordsARequestAndFlagsItsDeadline) {
  const auto empty = admin_->Get("/admin/privacy/requests");
  ASSERT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("No request recorded yet."), std::string::npos);
  // A form with a missing name is refused with nothing recorded.
  const auto refused = admin_->PostForm("/admin/privacy/requests",
                                        {{"kind", "access"},
                                         {"subject", "other"},
                                         {"person_name", ""},
                                         {"received_on", "2026-11-05"}},
                                        "/admin/privacy/requests/new");
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(fixture_.CountRows("privacy_requests"), 0);
  // Received 25 days before the test clock's today (2026-11-30): 5 days left.
  const auto created = admin_->PostForm("/admin/privacy/requests",
                                        {{"kind", "access"},
                                         {"subject", "other"},
                                         {"person_name", "Personne Sans Dossier"},
                                         {"received_on", "2026-11-05"}},
                                        "/admin/privacy/requests/new");
  ASSERT_EQ(created.status, 303);
  const std::string href =
      created.Header("location").substr(0, created.Header("location").find('?'));
  const auto page = admin_->Get(href);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Personne Sans Dossier"), std::string::npos);
  EXPECT_NE(page.body.find("Days left: 5"), std::string::npos);
  const auto register_page = admin_->Get("/admin/privacy/requests");
  EXPECT_NE(register_page.body.find("href=\"" + href + "\""), std::string::npos);
  EXPECT_NE(register_page.body.find("Due soon"), std::string::npos);
  const auto home = admin_->Get("/");
  EXPECT_NE(home.body.find("href=\"" + href + "\""), std::string::npos) << home.body;
  EXPECT_NE(home.body.find("the answer is due soon"), std::string::npos);
  // Others: 404, and nothing on their home page.
  for (const TestUser* user : {&a_.coordinator, &a_.volunteer, &a_.partner}) {
    const auto client = fixture_.SignedInClient(*user);
    EXPECT_EQ(client->Get("/admin/privacy/requests").status, 404) << user->email;
    EXPECT_EQ(client->Get(href).status, 404) << user->email;
    EXPECT_EQ(client->Get("/").body.find(href), std::string::npos) << user->email;
  }
}

TEST_P(PrivacyRequestPages, PublishesTheExportSchema) {
  HttpClient anyone(server_.base_url());
  const auto schema = anyone.Get("/privacy/export-schema.json");
  ASSERT_EQ(schema.status, 200);
  EXPECT_EQ(schema.Header("content-type").rfind("application/schema+json", 0), 0u);
  const auto parsed = nlohmann::json::parse(schema.body);
  EXPECT_EQ(parsed["properties"]["format"]["const"], "cercle-person-export");
}

INSTANTIATE_TEST_SUITE_P(Sqlite, PrivacyRequestPages, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, PrivacyRequestPages, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
