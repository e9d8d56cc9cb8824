// Volunteers' expenses over a real socket, on SQLite and PostgreSQL: a volunteer's page lists their
// own claims and never another volunteer's, whose receipt answers 404; coordinators see the queue,
// refuse with a reason and export for the bookkeeper only what the bookkeeper needs (never the
// core member's name, nor the note); partners and evaluators get nothing; bad input changes
// nothing and is shown again.
#include <gtest/gtest.h>

#include "app/volunteers/expenses.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

constexpr const char* kOwnNote = "NOTE-BASTIEN-ESSAI";
constexpr const char* kOtherNote = "NOTE-JULIE-ESSAI";
constexpr const char* kCoreMember = "Marcel Exemple";

class ExpensePages : public ::testing::TestWithParam<Backend> {
 protected:
  ExpensePages() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    circle_ = circles_.CreateWeeklyCircle(a_.id, kCoreMember, "2026-001", 30, "Bastien", "Bénévole",
                                          a_.volunteer.id);
    julie_ = auth_.CreateUser(a_.id, "Julie Seconde", "julie@cercles-a.example",
                              {domain::Role::kVolunteer});
    circles_.CreateWeeklyCircle(a_.id, "Paul Autre", "2026-002", 30, "Julie", "Seconde", julie_.id);
    const auto& services = server_.app();
    EXPECT_TRUE(app::volunteers::SetMileageRate(services, ActorOf(a_.coordinator),
                                                {AddDays(today_, -60), 50}));
    const auto meeting = circles_.AddMeeting(a_.id, circle_.circle_id,
                                             CircleFixture::At(AddDays(today_, -2), 19 * 60));
    app::volunteers::FileClaimCommand own;
    own.claim = {.incurred_on = AddDays(today_, -2),
                 .kind = domain::ExpenseKind::kMileage,
                 .tenths_km = 305,
                 .note = kOwnNote};
    own.link =
        app::volunteers::ClaimLinkChoice{app::volunteers::ClaimLink::Kind::kMeeting, meeting};
    own_ = app::volunteers::FileOwnClaim(services, ActorOf(a_.volunteer), own).value();
    app::volunteers::FileClaimCommand other;
    other.claim = {.incurred_on = AddDays(today_, -1),
                   .kind = domain::ExpenseKind::kMeal,
                   .amount_cents = 1234,
                   .note = kOtherNote};
    other.receipt = app::intake::Upload{"", "recu.png", std::string("\x89PNG\r\n\x1a\nJulie", 13)};
    other_ = app::volunteers::FileOwnClaim(services, ActorOf(julie_), other).value();
  }

  TestServer server_{{.backend = GetParam()}};
  AuthFixture auth_{server_};
  CircleFixture circles_{server_};
  TestOrganisation a_;
  TestOrganisation b_;
  TestUser julie_;
  WeeklyCircle circle_;
  CivilDate today_;
  std::int64_t own_ = 0;
  std::int64_t other_ = 0;
};

TEST_P(ExpensePages, AVolunteerSeesOnlyTheirOwnClaims) {
  auto client = auth_.SignedInClient(a_.volunteer);
  const auto page = client->Get("/portal/expenses");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(kOwnNote), std::string::npos);
  EXPECT_EQ(page.body.find(kOtherNote), std::string::npos);
  EXPECT_NE(page.body.find("15,25"), std::string::npos) << "30,5 km at 0,50 $";
  EXPECT_EQ(client->Get("/portal/expenses/" + std::to_string(other_) + "/receipt").status, 404);
  EXPECT_EQ(client->Get("/volunteers/expenses").status, 403);

  auto julie = auth_.SignedInClient(julie_);
  const auto receipt = julie->Get("/portal/expenses/" + std::to_string(other_) + "/receipt");
  ASSERT_EQ(receipt.status, 200);
  EXPECT_EQ(receipt.body, std::string("\x89PNG\r\n\x1a\nJulie", 13));
  EXPECT_EQ(julie->Get("/portal/expenses").body.find(kOwnNote), std::string::npos);
}

TEST_P(ExpensePages, PartnersEvaluatorsAndAnotherOrganisationGetNothing) {
  for (const auto* outsider : {&a_.partner, &a_.evaluator}) {
    auto client = auth_.SignedInClient(*outsider);
    EXPECT_EQ(client->Get("/volunteers/expenses").status, 403);
    EXPECT_EQ(client->Get("/volunteers/expenses/export.csv").status, 403);
    EXPECT_EQ(client->Get("/portal/expenses").status, 404);
    EXPECT_EQ(client->Get("/volunteers/expenses/" + std::to_string(other_) + "/receipt").status,
              404);
  }
  auto stranger = auth_.SignedInClient(b_.coordinator);
  const auto queue = stranger->Get("/volunteers/expenses");
  ASSERT_EQ(queue.status, 200);
  EXPECT_EQ(queue.body.find(kOtherNote), std::string::npos);
  EXPECT_EQ(stranger->Get("/volunteers/expenses/" + std::to_string(other_) + "/receipt").status,
            404);
  EXPECT_EQ(stranger
                ->PostForm("/volunteers/expenses/" + std::to_string(other_) + "/review",
                           {{"decision", "approve"}}, "/volunteers/expenses")
                .status,
            404);
  EXPECT_EQ(stranger->Get("/volunteers/expenses/export.csv").body.find("Julie"), std::string::npos);
}

TEST_P(ExpensePages, CoordinatorsReviewAndExportOnlyWhatTheBookkeeperNeeds) {
  auto client = auth_.SignedInClient(a_.coordinator);
  const auto queue = client->Get("/volunteers/expenses");
  ASSERT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find(kOwnNote), std::string::npos);
  EXPECT_NE(queue.body.find(kOtherNote), std::string::npos);

  // A refusal without a reason changes nothing and is shown again.
  const auto refused = client->PostForm(
      "/volunteers/expenses/" + std::to_string(other_) + "/review",
      {{"claim", std::to_string(other_)}, {"decision", "refuse"}, {"reason", "  "}},
      "/volunteers/expenses");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("reason-" + std::to_string(other_) + "-error"), std::string::npos);
  auto julie = auth_.SignedInClient(julie_);
  EXPECT_NE(julie->Get("/portal/expenses").body.find("badge--warning"), std::string::npos);

  EXPECT_EQ(client
                ->PostForm("/volunteers/expenses/" + std::to_string(own_) + "/review",
                           {{"decision", "approve"}}, "/volunteers/expenses")
                .status,
            303);
  const auto csv = client->Get("/volunteers/expenses/export.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.body.find("Bastien Bénévole"), std::string::npos);
  EXPECT_NE(csv.body.find("15.25"), std::string::npos);
  EXPECT_NE(csv.body.find(circles_.Stored(a_.id, circle_.circle_id).code_name), std::string::npos);
  EXPECT_NE(csv.body.find(FormatIsoDate(AddDays(today_, -2))), std::string::npos);
  for (const char* never : {kCoreMember, kOwnNote, "Julie"}) {
    EXPECT_EQ(csv.body.find(never), std::string::npos) << "the export carries " << never;
  }

  // Paying asks for the confirmation first.
  const auto unconfirmed = client->PostForm(
      "/volunteers/expenses/paid", {{"claim", std::to_string(own_)}}, "/volunteers/expenses");
  EXPECT_EQ(unconfirmed.status, 422);
  EXPECT_NE(unconfirmed.body.find("confirm-error"), std::string::npos);
  EXPECT_EQ(
      client
          ->PostForm("/volunteers/expenses/paid",
                     {{"claim", std::to_string(own_)}, {"confirm", "yes"}}, "/volunteers/expenses")
          .status,
      303);
  EXPECT_NE(auth_.SignedInClient(a_.volunteer)->Get("/portal/expenses").body.find("badge--ok"),
            std::string::npos);
}

TEST_P(ExpensePages, ABadClaimIsShownAgainAndStoresNothing) {
  auto client = auth_.SignedInClient(a_.volunteer);
  const auto before = auth_.CountRows("expense_claims");
  const auto refused = client->PostForm("/portal/expenses",
                                        {{"incurred_on", FormatIsoDate(AddDays(today_, 1))},
                                         {"kind", "mileage"},
                                         {"distance", "loin"},
                                         {"note", "Texte gardé"}},
                                        "/portal/expenses");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("incurred_on-error"), std::string::npos);
  EXPECT_NE(refused.body.find("Texte gardé"), std::string::npos);
  EXPECT_EQ(auth_.CountRows("expense_claims"), before);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ExpensePages, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, ExpensePages, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
