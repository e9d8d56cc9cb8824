// The error summary of a refused form over a real socket, on SQLite and PostgreSQL: whichever form
// it is (described with web/form_fields, or written by hand), the page answers with a summary that
// links each problem to its field, and a title that starts with "Erreur : " (French) or "Error: "
// (English); a page shown without an error has neither.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

// The text of the page's <title>.
std::string TitleOf(const std::string& body) {
  const auto start = body.find("<title>");
  const auto end = body.find("</title>");
  if (start == std::string::npos || end == std::string::npos) return "";
  return body.substr(start + 7, end - start - 7);
}

// The targets of the links of the page's error summary ("first_name" for href="#first_name").
std::vector<std::string> SummaryLinks(const std::string& body) {
  std::vector<std::string> targets;
  const auto summary = body.find("class=\"notice notice--error error-summary\"");
  if (summary == std::string::npos) return targets;
  const auto end = body.find("</div>", summary);
  const std::string needle = "<a href=\"#";
  for (auto at = body.find(needle, summary); at != std::string::npos && at < end;
       at = body.find(needle, at + 1)) {
    const auto start = at + needle.size();
    targets.push_back(body.substr(start, body.find('"', start) - start));
  }
  return targets;
}

class ErrorSummary : public ::testing::TestWithParam<Backend> {
 protected:
  ErrorSummary() {
    organisation_ = auth_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    coordinator_ = auth_.SignedInClient(organisation_.coordinator);
    admin_ = auth_.SignedInClient(organisation_.admin);
  }

  static void SwitchToEnglish(HttpClient& client) {
    ASSERT_EQ(client.PostForm("/account/language", {{"language", "en"}}, "/account").status, 303);
  }

  // Checks that `page` is a refused form whose title starts with `prefix` and whose summary links
  // to exactly `fields`, each the id of an element of the page.
  static void ExpectSummary(const HttpResult& page, const std::string& prefix,
                            const std::vector<std::string>& fields) {
    EXPECT_EQ(page.status, 422);
    EXPECT_TRUE(TitleOf(page.body).starts_with(prefix)) << TitleOf(page.body);
    EXPECT_EQ(SummaryLinks(page.body), fields);
    for (const auto& field : fields) {
      EXPECT_NE(page.body.find(" id=\"" + field + "\""), std::string::npos) << field;
    }
    // One summary, and its heading.
    const auto first = page.body.find("error-summary\"");
    EXPECT_EQ(page.body.find("error-summary\"", first + 1), std::string::npos);
  }

  TestServer server_{TestServer::Options{.backend = GetParam()}};
  AuthFixture auth_{server_};
  TestOrganisation organisation_;
  std::unique_ptr<HttpClient> coordinator_;
  std::unique_ptr<HttpClient> admin_;
};

TEST_P(ErrorSummary, ListsEachFieldOfADescribedFormInBothLanguages) {
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"first_name", ""}, {"last_name", ""}, {"email", "pas une adresse"}};
  const auto french = coordinator_->PostForm("/volunteers", fields, "/volunteers/new");
  ExpectSummary(french, "Erreur : ", {"first_name", "last_name", "email"});
  EXPECT_NE(french.body.find("Il y a un problème"), std::string::npos);
  SwitchToEnglish(*coordinator_);
  const auto english = coordinator_->PostForm("/volunteers", fields, "/volunteers/new");
  ExpectSummary(english, "Error: ", {"first_name", "last_name", "email"});
  EXPECT_NE(english.body.find("There is a problem"), std::string::npos);
  // The form's page itself, before any submit, has neither the summary nor the prefix.
  const auto blank = coordinator_->Get("/volunteers/new");
  EXPECT_FALSE(TitleOf(blank.body).starts_with("Error")) << TitleOf(blank.body);
  EXPECT_EQ(blank.body.find("error-summary"), std::string::npos);
}

TEST_P(ErrorSummary, ListsTheFieldsOfAFormWrittenByHand) {
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"kind", "access"}, {"subject", "other"}, {"person_name", ""}, {"received_on", "hier"}};
  const auto french =
      admin_->PostForm("/admin/privacy/requests", fields, "/admin/privacy/requests/new");
  ExpectSummary(french, "Erreur : ", {"person_name", "received_on"});
  SwitchToEnglish(*admin_);
  const auto english =
      admin_->PostForm("/admin/privacy/requests", fields, "/admin/privacy/requests/new");
  ExpectSummary(english, "Error: ", {"person_name", "received_on"});
}

TEST_P(ErrorSummary, ListsTheFieldOfAFailedPasswordChange) {
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"current", "pas le bon mot de passe"}, {"password", "une phrase assez longue"}};
  ExpectSummary(coordinator_->PostForm("/account/password", fields, "/account/password"),
                "Erreur : ", {"current"});
  SwitchToEnglish(*coordinator_);
  ExpectSummary(coordinator_->PostForm("/account/password", fields, "/account/password"),
                "Error: ", {"current"});
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ErrorSummary, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, ErrorSummary, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
