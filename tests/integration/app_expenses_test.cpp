// Volunteers' expenses and mileage through the application layer, on SQLite and PostgreSQL: a claim
// valued at the rate of its day, its receipt stored encrypted, the review, the bookkeeper's export
// and payment; a volunteer sees only their own claims, partners and evaluators none, another
// organisation gets NotFound; bad input changes nothing; the report's figures equal sums computed
// here from the claims.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "app/circles/circle_phase.hpp"
#include "app/reports/report_queries.hpp"
#include "app/volunteers/expenses.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

namespace volunteers = app::volunteers;
using domain::ExpenseKind;
using domain::ExpenseStatus;

// A PNG's signature and a few bytes: what a phone's photo starts with.
const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + "photo de reçu (essai)";

class AppExpenses : public ::testing::TestWithParam<Backend> {
 protected:
  AppExpenses() {
    organisation_ = auth_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    other_ = auth_.CreateOrganisationWithEveryRole("Cercles Québec (essai)", "quebec");
    today_ = circles_.Today();
    circle_ = circles_.CreateWeeklyCircle(organisation_.id, "Marcel Exemple", "2026-001", 30,
                                          "Bastien", "Bénévole", organisation_.volunteer.id);
    second_user_ = auth_.CreateUser(organisation_.id, "Julie Seconde", "julie@montreal.example",
                                    {domain::Role::kVolunteer});
    second_ = circles_.CreateWeeklyCircle(organisation_.id, "Paul Autre", "2026-002", 60, "Julie",
                                          "Seconde", second_user_.id);
    // 0,50 $/km for most of the year, 0,55 $/km for the last ten days.
    EXPECT_TRUE(volunteers::SetMileageRate(services(), Coordinator(), {AddDays(today_, -300), 50}));
    EXPECT_TRUE(volunteers::SetMileageRate(services(), Coordinator(), {AddDays(today_, -10), 55}));
  }

  const app::Services& services() { return server_.app(); }
  auth::Actor Coordinator() { return ActorOf(organisation_.coordinator); }
  auth::Actor Volunteer() { return ActorOf(organisation_.volunteer); }
  auth::Actor Second() { return ActorOf(second_user_); }
  std::size_t Audited(const std::string& action) {
    return auth_.CountAuditEntries(organisation_.id, action);
  }

  // A claim of `kind` on `days_ago` days ago: `value` tenths of a km for mileage, else cents.
  volunteers::FileClaimCommand Claim(int days_ago, ExpenseKind kind, std::int64_t value) {
    volunteers::FileClaimCommand command;
    command.claim.incurred_on = AddDays(today_, -days_ago);
    command.claim.kind = kind;
    if (kind == ExpenseKind::kMileage) {
      command.claim.tenths_km = value;
    } else {
      command.claim.amount_cents = value;
    }
    return command;
  }
  std::int64_t File(const auth::Actor& actor, const volunteers::FileClaimCommand& command) {
    const auto filed = volunteers::FileOwnClaim(services(), actor, command);
    EXPECT_TRUE(filed) << (filed ? "" : filed.error().message.id);
    return filed ? *filed : 0;
  }
  std::vector<domain::ExpenseClaim> Own(const auth::Actor& actor) {
    const auto page = volunteers::LoadOwnClaims(services(), actor, {});
    EXPECT_TRUE(page);
    return page ? page->claims : std::vector<domain::ExpenseClaim>{};
  }
  void Review(std::int64_t id, ExpenseStatus decision, const std::string& reason = "") {
    ASSERT_TRUE(volunteers::ReviewClaim(services(), Coordinator(),
                                        {.claim_id = id, .decision = decision, .reason = reason}));
  }

  TestServer server_{{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  CircleFixture circles_{server_};
  TestOrganisation organisation_;
  TestOrganisation other_;
  TestUser second_user_;
  WeeklyCircle circle_;
  WeeklyCircle second_;
  CivilDate today_;
};

TEST_P(AppExpenses, MileageIsValuedAtTheRateOfTheClaimsDayAcrossARateChange) {
  // 12,3 km: 6,15 $ at 0,50 $/km; 6,765 $ at 0,55 $/km, rounded half up to 6,77 $.
  const auto before = File(Volunteer(), Claim(11, ExpenseKind::kMileage, 123));
  const auto after = File(Volunteer(), Claim(10, ExpenseKind::kMileage, 123));
  const auto meal = File(Volunteer(), Claim(3, ExpenseKind::kMeal, 1450));
  std::map<std::int64_t, std::int64_t> amounts;
  for (const auto& claim : Own(Volunteer())) amounts[claim.id] = claim.amount_cents;
  EXPECT_EQ(amounts.at(before), 615);
  EXPECT_EQ(amounts.at(after), 677);
  EXPECT_EQ(amounts.at(meal), 1450);
  // A rate set later changes no claim already filed.
  ASSERT_TRUE(volunteers::SetMileageRate(services(), Coordinator(), {AddDays(today_, -11), 80}));
  for (const auto& claim : Own(Volunteer())) EXPECT_EQ(claim.amount_cents, amounts.at(claim.id));
  EXPECT_EQ(Audited("expense.claim"), 3u);
}

TEST_P(AppExpenses, AClaimBelongsToAMeetingOrContactOfTheVolunteersOwnCircles) {
  const auto meeting = circles_.AddMeeting(organisation_.id, circle_.circle_id,
                                           CircleFixture::At(AddDays(today_, -2), 19 * 60));
  const auto contact = circles_.AddContact(organisation_.id, circle_.circle_id,
                                           circle_.volunteer_id, AddDays(today_, -1));
  const auto not_mine = circles_.AddMeeting(organisation_.id, second_.circle_id,
                                            CircleFixture::At(AddDays(today_, -2), 19 * 60));
  auto to_meeting = Claim(2, ExpenseKind::kParking, 600);
  to_meeting.link = volunteers::ClaimLinkChoice{volunteers::ClaimLink::Kind::kMeeting, meeting};
  auto to_contact = Claim(1, ExpenseKind::kTransport, 350);
  to_contact.link = volunteers::ClaimLinkChoice{volunteers::ClaimLink::Kind::kContact, contact};
  const auto at_meeting = File(Volunteer(), to_meeting);
  const auto at_contact = File(Volunteer(), to_contact);
  for (const auto& claim : Own(Volunteer())) {
    EXPECT_EQ(claim.circle_id, circle_.circle_id);
    if (claim.id == at_meeting) {
      EXPECT_EQ(claim.meeting_id, meeting);
    }
    if (claim.id == at_contact) {
      EXPECT_EQ(claim.contact_id, contact);
    }
  }
  const auto page = volunteers::LoadOwnClaims(services(), Volunteer(), {});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->links.size(), 2u);

  const auto before = auth_.CountRows("expense_claims");
  auto foreign = Claim(2, ExpenseKind::kParking, 600);
  foreign.link = volunteers::ClaimLinkChoice{volunteers::ClaimLink::Kind::kMeeting, not_mine};
  const auto refused = volunteers::FileOwnClaim(services(), Volunteer(), foreign);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "link");
  EXPECT_EQ(auth_.CountRows("expense_claims"), before);
}

TEST_P(AppExpenses, TheReceiptIsStoredEncryptedAndOnlyItsVolunteerAndStaffReadIt) {
  auto command = Claim(1, ExpenseKind::kMileage, 420);
  command.receipt = app::intake::Upload{"", "recu.png", kPng};
  const auto id = File(Volunteer(), command);
  const auto own = volunteers::DownloadOwnReceipt(services(), Volunteer(), id);
  ASSERT_TRUE(own);
  EXPECT_EQ(own->bytes, kPng);
  EXPECT_EQ(own->document.content_type, "image/png");
  // On disk, the vault holds ciphertext only.
  std::ifstream file(services().vault.PathOf(own->document.storage_name), std::ios::binary);
  std::stringstream sealed;
  sealed << file.rdbuf();
  EXPECT_FALSE(sealed.str().empty());
  EXPECT_EQ(sealed.str().find("photo de reçu"), std::string::npos);

  const auto staff = volunteers::DownloadReceipt(services(), Coordinator(), id);
  ASSERT_TRUE(staff);
  EXPECT_EQ(staff->bytes, kPng);
  EXPECT_EQ(Audited("document.download"), 2u);
  EXPECT_EQ(volunteers::DownloadOwnReceipt(services(), Second(), id).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(volunteers::DownloadReceipt(services(), ActorOf(other_.coordinator), id).error().kind,
            ErrorKind::kNotFound);
  for (const auto* outsider : {&organisation_.partner, &organisation_.evaluator}) {
    EXPECT_EQ(volunteers::DownloadReceipt(services(), ActorOf(*outsider), id).error().kind,
              ErrorKind::kNotFound);
  }
}

TEST_P(AppExpenses, BadInputStoresNothing) {
  const auto claims = auth_.CountRows("expense_claims");
  const auto documents = auth_.CountRows("documents");
  const auto rates = auth_.CountRows("mileage_rates");
  auto not_a_receipt = Claim(1, ExpenseKind::kMeal, 900);
  not_a_receipt.receipt = app::intake::Upload{"", "recu.txt", "pas une image"};
  auto future = Claim(-1, ExpenseKind::kMileage, 100);
  future.receipt = app::intake::Upload{"", "recu.png", kPng};
  auto no_distance = Claim(1, ExpenseKind::kMileage, 0);
  no_distance.claim.tenths_km.reset();
  auto no_amount = Claim(1, ExpenseKind::kMeal, 0);
  const std::vector<std::pair<volunteers::FileClaimCommand, std::string>> cases = {
      {not_a_receipt, "file"},
      {future, "incurred_on"},
      {no_distance, "distance"},
      {no_amount, "amount"}};
  for (const auto& [command, field] : cases) {
    const auto refused = volunteers::FileOwnClaim(services(), Volunteer(), command);
    ASSERT_FALSE(refused) << field;
    EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
    ASSERT_FALSE(refused.error().fields.empty()) << field;
    EXPECT_EQ(refused.error().fields[0].field, field);
  }
  EXPECT_FALSE(volunteers::SetMileageRate(services(), Coordinator(), {std::nullopt, 50}));
  EXPECT_FALSE(volunteers::SetMileageRate(services(), Coordinator(), {today_, 0}));
  EXPECT_EQ(auth_.CountRows("expense_claims"), claims);
  EXPECT_EQ(auth_.CountRows("documents"), documents);
  EXPECT_EQ(auth_.CountRows("mileage_rates"), rates);
}

TEST_P(AppExpenses, CoordinatorsApproveRefuseExportAndPay) {
  const auto mileage = File(Volunteer(), Claim(5, ExpenseKind::kMileage, 200));  // 20 km: 11,00 $
  const auto meal = File(Volunteer(), Claim(4, ExpenseKind::kMeal, 1275));
  const auto parking = File(Second(), Claim(3, ExpenseKind::kParking, 500));
  auto queue = volunteers::LoadClaimQueue(services(), Coordinator(), {});
  ASSERT_TRUE(queue);
  EXPECT_EQ(queue->submitted_total, 3);

  // A refusal needs a reason; the claim stays submitted.
  const auto no_reason = volunteers::ReviewClaim(
      services(), Coordinator(), {.claim_id = parking, .decision = ExpenseStatus::kRefused});
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().fields.at(0).field, "reason");
  Review(parking, ExpenseStatus::kRefused, "Stationnement non prévu (essai).");
  Review(mileage, ExpenseStatus::kApproved);
  Review(meal, ExpenseStatus::kApproved);
  EXPECT_EQ(volunteers::ReviewClaim(
                services(), Coordinator(),
                {.claim_id = meal, .decision = ExpenseStatus::kRefused, .reason = "Trop tard"})
                .error()
                .kind,
            ErrorKind::kConflict);
  EXPECT_EQ(Audited("expense.review"), 3u);
  EXPECT_EQ(Own(Second()).at(0).refusal_reason, "Stationnement non prévu (essai).");

  const auto exported = volunteers::ExportApprovedClaims(services(), Coordinator());
  ASSERT_TRUE(exported);
  ASSERT_EQ(exported->size(), 2u);
  EXPECT_EQ((*exported)[0].claim.id, mileage);
  EXPECT_EQ((*exported)[0].volunteer_name, "Bastien Bénévole");
  EXPECT_EQ((*exported)[0].claim.amount_cents, 1100);
  EXPECT_EQ(Audited("expense.export"), 1u);

  queue = volunteers::LoadClaimQueue(services(), Coordinator(), {});
  std::vector<std::int64_t> approved;
  for (const auto& listed : queue->approved) approved.push_back(listed.claim.id);
  EXPECT_EQ(volunteers::MarkClaimsPaid(services(), Coordinator(), {approved, false}).error().kind,
            ErrorKind::kInvalid);
  const auto paid = volunteers::MarkClaimsPaid(services(), Coordinator(), {approved, true});
  ASSERT_TRUE(paid);
  EXPECT_EQ(*paid, 2);
  EXPECT_EQ(volunteers::MarkClaimsPaid(services(), Coordinator(), {approved, true}).error().kind,
            ErrorKind::kConflict);
  for (const auto& claim : Own(Volunteer())) EXPECT_EQ(claim.status, ExpenseStatus::kPaid);
  EXPECT_TRUE(volunteers::LoadClaimQueue(services(), Coordinator(), {})->approved.empty());
  EXPECT_EQ(Audited("expense.paid"), 2u);
}

TEST_P(AppExpenses, VolunteersSeeOnlyTheirOwnAndOthersNothing) {
  const auto mine = File(Volunteer(), Claim(2, ExpenseKind::kMeal, 800));
  File(Second(), Claim(2, ExpenseKind::kMeal, 900));
  const auto own = Own(Volunteer());
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].id, mine);
  EXPECT_EQ(Own(Second()).size(), 1u);

  for (const auto* outsider : {&organisation_.partner, &organisation_.evaluator,
                               &organisation_.volunteer, &other_.coordinator}) {
    const auto actor = ActorOf(*outsider);
    if (outsider != &other_.coordinator) {
      EXPECT_EQ(volunteers::LoadClaimQueue(services(), actor, {}).error().kind,
                ErrorKind::kForbidden);
      EXPECT_EQ(volunteers::ExportApprovedClaims(services(), actor).error().kind,
                ErrorKind::kForbidden);
    }
    EXPECT_EQ(volunteers::ReviewClaim(services(), actor,
                                      {.claim_id = mine, .decision = ExpenseStatus::kApproved})
                  .error()
                  .kind,
              ErrorKind::kNotFound);
  }
  for (const auto* outsider : {&organisation_.partner, &organisation_.evaluator,
                               &organisation_.coordinator, &other_.volunteer}) {
    EXPECT_EQ(volunteers::LoadOwnClaims(services(), ActorOf(*outsider), {}).error().kind,
              ErrorKind::kNotFound);
    EXPECT_EQ(
        volunteers::FileOwnClaim(services(), ActorOf(*outsider), Claim(1, ExpenseKind::kMeal, 100))
            .error()
            .kind,
        ErrorKind::kNotFound);
  }
  // Another organisation's staff see their own, empty queue, and cannot pay this claim.
  EXPECT_EQ(
      volunteers::LoadClaimQueue(services(), ActorOf(other_.coordinator), {})->submitted_total, 0);
  Review(mine, ExpenseStatus::kApproved);
  EXPECT_EQ(volunteers::MarkClaimsPaid(services(), ActorOf(other_.coordinator), {{mine}, true})
                .error()
                .kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(Own(Volunteer()).at(0).status, ExpenseStatus::kApproved);
}

TEST_P(AppExpenses, ReportCostsEqualSumsOfTheClaims) {
  // Claims in three months, in every state; only approved and paid ones are costs.
  struct Filed {
    int days_ago;
    std::int64_t cents;
    ExpenseStatus status;
  };
  const std::vector<Filed> filed = {
      {95, 1200, ExpenseStatus::kPaid},    {70, 3300, ExpenseStatus::kApproved},
      {40, 450, ExpenseStatus::kRefused},  {35, 2025, ExpenseStatus::kApproved},
      {5, 999, ExpenseStatus::kSubmitted}, {2, 1750, ExpenseStatus::kPaid}};
  std::map<std::string, std::int64_t> expected_by_month;
  std::int64_t expected_total = 0;
  for (const auto& claim : filed) {
    const auto id = File(Volunteer(), Claim(claim.days_ago, ExpenseKind::kOther, claim.cents));
    if (claim.status == ExpenseStatus::kSubmitted) continue;
    Review(id,
           claim.status == ExpenseStatus::kRefused ? ExpenseStatus::kRefused
                                                   : ExpenseStatus::kApproved,
           "Refus d'essai");
    if (claim.status == ExpenseStatus::kPaid) {
      ASSERT_TRUE(volunteers::MarkClaimsPaid(services(), Coordinator(), {{id}, true}));
    }
    if (claim.status == ExpenseStatus::kRefused) continue;
    expected_by_month[FormatIsoDate(AddDays(today_, -claim.days_ago)).substr(0, 7)] += claim.cents;
    expected_total += claim.cents;
  }
  // Another organisation's costs never count.
  const auto other_user = auth_.CreateUser(other_.id, "Autre Bénévole", "autre@quebec.example",
                                           {domain::Role::kVolunteer});
  VolunteerFixture(server_).CreateVolunteer(other_.id, "Autre", "Bénévole",
                                            domain::VolunteerStage::kActive, other_user.id);
  File(ActorOf(other_user), Claim(3, ExpenseKind::kMeal, 50000));

  const domain::ReportPeriod period{AddDays(today_, -100), today_};
  app::reports::FunderReportQuery query;
  query.period = period;
  const auto report = app::reports::LoadFunderReport(services(), Coordinator(), query);
  ASSERT_TRUE(report);
  const domain::FigureResult* expenses = nullptr;
  for (const auto& figure : report->figures) {
    if (figure.definition->key == "volunteer_expenses") expenses = &figure.result;
  }
  ASSERT_NE(expenses, nullptr);
  EXPECT_EQ(expenses->value, expected_total);
  std::map<std::string, std::int64_t> by_month;
  for (const auto& line : expenses->breakdown) {
    if (line.value != 0) by_month[line.key] = line.value;
  }
  EXPECT_EQ(by_month, expected_by_month);

  // Circle-days, counted here from the circles' opening and closing days: the volunteer's circle
  // opened 30 days ago and the second one 60 days ago, both open today; a third opened 200 days
  // ago closes today, so that it counts the 100 days of the period before today. Each day is
  // counted as it stood at its end.
  const auto closed =
      circles_.CreateWeeklyCircle(organisation_.id, "Luc Fermé", "2026-003", 200, "Noé", "Ancien");
  const auto closing = app::circles::Close(services(), Coordinator(),
                                           {.circle_id = closed.circle_id,
                                            .reason = domain::ClosureReason::kCompleted,
                                            .closed_on = today_,
                                            .note = "Fin de l'essai."});
  ASSERT_TRUE(closing) << closing.error().message.id;
  const std::int64_t circle_days = (30 + 1) + (60 + 1) + 100;
  const auto dashboard = app::reports::LoadDashboard(services(), Coordinator(), period);
  ASSERT_TRUE(dashboard);
  EXPECT_EQ(dashboard->expenses.value, expected_total);
  EXPECT_EQ(dashboard->circle_days, circle_days);
  ASSERT_TRUE(dashboard->cost_per_circle_year);
  EXPECT_EQ(*dashboard->cost_per_circle_year,
            (expected_total * 365 + circle_days / 2) / circle_days);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppExpenses, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppExpenses, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
