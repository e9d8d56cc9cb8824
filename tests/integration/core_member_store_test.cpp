// The intake stores on SQLite and on PostgreSQL: accent-insensitive search scoped to the
// organisation, file numbers unique within an organisation, acceptance of referrals (opening and
// reopening files, refusing with nothing changed), history, and key dates. On PostgreSQL, row-level
// security hides other organisations' rows even from a query that forgets to filter.
#include <gtest/gtest.h>

#include "store/core_member_store.hpp"
#include "store/legal_store.hpp"
#include "store/organisation_store.hpp"
#include "store/referral_store.hpp"
#include "support/test_database.hpp"
#include "support/test_server.hpp"

namespace cercle::store {
namespace {

using testing::Backend;
using testing::TestDatabase;

const CivilDate kToday = *ParseIsoDate("2026-11-30");

class CoreMemberStoreContract : public ::testing::TestWithParam<Backend> {
 protected:
  CoreMemberStoreContract() {
    OrganisationStore organisations(database_.database());
    organisation_a_ =
        organisations.Create("Cercles A (essai)", "cercles-a", testing::kTestStart).value().id;
    organisation_b_ =
        organisations.Create("Cercles B (essai)", "cercles-b", testing::kTestStart).value().id;
  }

  template <class Work>
  auto WriteIn(std::int64_t organisation, Work&& work) {
    return database_.database().Write(Scope::Organisation(organisation), std::forward<Work>(work));
  }
  template <class Work>
  auto ReadIn(std::int64_t organisation, Work&& work) {
    return database_.database().Read(Scope::Organisation(organisation), std::forward<Work>(work));
  }

  std::int64_t AddFile(std::int64_t organisation, const std::string& legal_name,
                       const std::string& number,
                       domain::CoreMemberStatus status = domain::CoreMemberStatus::kInCircle,
                       const std::string& preferred = "") {
    return WriteIn(organisation,
                   [&](soci::session& session) -> Result<std::int64_t> {
                     domain::CoreMember member;
                     member.organisation_id = organisation;
                     member.legal_name = legal_name;
                     member.preferred_name = preferred;
                     member.file_number = number;
                     member.status = status;
                     member.created_at = member.updated_at = testing::kTestStart;
                     return CoreMemberStore(session).Insert(member);
                   })
        .value();
  }

  std::vector<std::string> Search(std::int64_t organisation, const std::string& query) {
    return ReadIn(organisation, [&](soci::session& session) {
      CoreMemberFilter filter;
      filter.query = query;
      std::vector<std::string> names;
      for (const auto& member : CoreMemberStore(session).List(organisation, filter))
        names.push_back(member.legal_name);
      return names;
    });
  }

  domain::Referral AddReferral(std::int64_t organisation, const std::string& person, bool all_met,
                               std::optional<std::string> birth = std::nullopt) {
    return WriteIn(organisation,
                   [&](soci::session& session) -> Result<domain::Referral> {
                     EligibilityStore eligibility(session);
                     eligibility.EnsureDefaults(organisation, testing::kTestStart);
                     ReferralStore referrals(session);
                     domain::Referral referral;
                     referral.organisation_id = organisation;
                     referral.source = domain::ReferralSource::kPolice;
                     referral.referrer_name = "Sergente Calque";
                     referral.received_on = kToday;
                     referral.person_legal_name = person;
                     if (birth) referral.person_birth_date = ParseIsoDate(*birth);
                     referral.created_at = referral.updated_at = testing::kTestStart;
                     referral.id = referrals.Insert(referral);
                     if (all_met) {
                       std::vector<std::int64_t> met;
                       for (const auto& criterion : eligibility.List(organisation))
                         met.push_back(criterion.id);
                       referrals.SetMetCriteria(referral.id, organisation, met, std::nullopt,
                                                testing::kTestStart);
                     }
                     referrals.Move(referral, domain::ReferralStatus::kScreening, "", std::nullopt,
                                    testing::kTestStart);
                     referral.status = domain::ReferralStatus::kScreening;
                     return referral;
                   })
        .value();
  }

  Result<std::int64_t> Accept(const domain::Referral& referral, const Acceptance& acceptance) {
    return WriteIn(referral.organisation_id, [&](soci::session& session) {
      return AcceptReferral(session, referral, acceptance, std::nullopt, testing::kTestStart);
    });
  }

  TestDatabase database_{GetParam()};
  std::int64_t organisation_a_ = 0;
  std::int64_t organisation_b_ = 0;
};

TEST_P(CoreMemberStoreContract, SearchIgnoresAccentsAndCaseAndStaysInTheOrganisation) {
  AddFile(organisation_a_, "Hélène-Marc Côté", "2026-001");
  AddFile(organisation_a_, "Gaston Fictif", "2026-002", domain::CoreMemberStatus::kInCircle,
          "Gaston le Jardinier");
  AddFile(organisation_b_, "Helene-Marc Cote", "2026-001");
  EXPECT_EQ(Search(organisation_a_, "helene"), std::vector<std::string>{"Hélène-Marc Côté"});
  EXPECT_EQ(Search(organisation_a_, "HÉLÈNE-marc  côte"),
            std::vector<std::string>{"Hélène-Marc Côté"});
  EXPECT_EQ(Search(organisation_b_, "Hélène"), std::vector<std::string>{"Helene-Marc Cote"});
  EXPECT_EQ(Search(organisation_a_, "jardinier"), std::vector<std::string>{"Gaston Fictif"})
      << "the name he goes by is searched too";
  EXPECT_EQ(Search(organisation_a_, "2026-002"), std::vector<std::string>{"Gaston Fictif"});
  EXPECT_EQ(Search(organisation_a_, "2026-00").size(), 2u);
  EXPECT_TRUE(Search(organisation_a_, "%").empty()) << "LIKE's wildcards are searched literally";
  EXPECT_TRUE(Search(organisation_a_, "_").empty());
  EXPECT_TRUE(Search(organisation_a_, "Marcel").empty());
}

TEST_P(CoreMemberStoreContract, FiltersByStatusRegionAndCoordinator) {
  const auto closed =
      AddFile(organisation_a_, "Théo Supposé", "1", domain::CoreMemberStatus::kClosed);
  AddFile(organisation_a_, "Marcel Exemple", "2");
  ReadIn(organisation_a_, [&](soci::session& session) {
    CoreMemberStore store(session);
    CoreMemberFilter filter;
    filter.status = domain::CoreMemberStatus::kClosed;
    const auto found = store.List(organisation_a_, filter);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].id, closed);
    filter = {};
    filter.open_only = true;
    EXPECT_EQ(store.List(organisation_a_, filter).size(), 1u);
    filter = {};
    filter.region = "Laval";
    EXPECT_TRUE(store.List(organisation_a_, filter).empty());
    filter = {};
    filter.coordinator_user_id = 12345;
    EXPECT_TRUE(store.List(organisation_a_, filter).empty());
  });
}

TEST_P(CoreMemberStoreContract, FileNumbersAreUniqueWithinAnOrganisationOnly) {
  const auto first = AddFile(organisation_a_, "Marcel Exemple", "2026-001");
  AddFile(organisation_b_, "Autre Personne", "2026-001");
  ReadIn(organisation_a_, [&](soci::session& session) {
    CoreMemberStore store(session);
    EXPECT_TRUE(store.FileNumberTaken(organisation_a_, "2026-001"));
    EXPECT_FALSE(store.FileNumberTaken(organisation_a_, "2026-001", first))
        << "its own number is not taken";
    EXPECT_FALSE(store.FileNumberTaken(organisation_a_, "2026-002"));
    EXPECT_EQ(store.SuggestFileNumber(organisation_a_, 2026), "2026-002");
  });
  EXPECT_THROW(AddFile(organisation_a_, "Doublon", "2026-001"), soci::soci_error)
      << "the database refuses a duplicate too";
}

TEST_P(CoreMemberStoreContract, AcceptingOpensACandidateFileWithItsHistory) {
  const auto referral = AddReferral(organisation_a_, "Lucien Imaginaire", true, "1975-06-03");
  Acceptance acceptance;
  acceptance.file_number = " 2026-010 ";
  acceptance.reason = "Admissible";
  const auto id = Accept(referral, acceptance);
  ASSERT_TRUE(id) << id.error().message.id;
  ReadIn(organisation_a_, [&](soci::session& session) {
    const auto member = CoreMemberStore(session).Find(*id, organisation_a_);
    ASSERT_TRUE(member);
    EXPECT_EQ(member->legal_name, "Lucien Imaginaire");
    EXPECT_EQ(member->file_number, "2026-010");
    EXPECT_EQ(member->birth_date, ParseIsoDate("1975-06-03"));
    EXPECT_EQ(member->status, domain::CoreMemberStatus::kCandidate);
    const auto history = CoreMemberStore(session).History(*id, organisation_a_);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_FALSE(history[0].from);
    EXPECT_EQ(history[0].referral_id, referral.id);
    const auto stored = ReferralStore(session).Find(referral.id, organisation_a_);
    EXPECT_EQ(stored->status, domain::ReferralStatus::kAccepted);
    EXPECT_EQ(stored->core_member_id, *id);
    EXPECT_EQ(stored->decision_reason, "Admissible");
    EXPECT_EQ(ReferralStore(session).History(referral.id, organisation_a_).size(), 3u);
  });
}

TEST_P(CoreMemberStoreContract, AcceptingReopensOnlyAClosedFile) {
  const auto closed =
      AddFile(organisation_a_, "Norbert Prétexte", "2022-017", domain::CoreMemberStatus::kClosed);
  const auto open = AddFile(organisation_a_, "Marcel Exemple", "2026-001");
  const auto referral = AddReferral(organisation_a_, "Norbert Prétexte", true);
  Acceptance acceptance;
  acceptance.reopen_core_member_id = open;
  const auto refused = Accept(referral, acceptance);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.at(0).field, "reopen");
  acceptance.reopen_core_member_id = closed;
  const auto reopened = Accept(referral, acceptance);
  ASSERT_TRUE(reopened);
  EXPECT_EQ(*reopened, closed);
  ReadIn(organisation_a_, [&](soci::session& session) {
    EXPECT_EQ(CoreMemberStore(session).Find(closed, organisation_a_)->status,
              domain::CoreMemberStatus::kCandidate);
    const auto history = CoreMemberStore(session).History(closed, organisation_a_);
    ASSERT_FALSE(history.empty());
    EXPECT_EQ(history.back().from, domain::CoreMemberStatus::kClosed);
    EXPECT_EQ(history.back().referral_id, referral.id);
  });
}

TEST_P(CoreMemberStoreContract, AFailedAcceptanceChangesNothing) {
  AddFile(organisation_a_, "Marcel Exemple", "2026-001");
  const auto incomplete = AddReferral(organisation_a_, "Sylvain Croquis", false);
  Acceptance acceptance;
  acceptance.file_number = "2026-002";
  const auto missing = Accept(incomplete, acceptance);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().fields.at(0).field, "checklist");

  const auto complete = AddReferral(organisation_a_, "Aimé Pochade", true);
  acceptance.file_number = "2026-001";
  const auto taken = Accept(complete, acceptance);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().fields.at(0).field, "file_number");
  ReadIn(organisation_a_, [&](soci::session& session) {
    CoreMemberFilter all;
    EXPECT_EQ(CoreMemberStore(session).List(organisation_a_, all).size(), 1u);
    EXPECT_EQ(ReferralStore(session).Find(complete.id, organisation_a_)->status,
              domain::ReferralStatus::kScreening);
    EXPECT_EQ(ReferralStore(session).Find(incomplete.id, organisation_a_)->status,
              domain::ReferralStatus::kScreening);
  });
  if (GetParam() == Backend::kPostgres) {
    // Row-level security refuses, from organisation A's scope, to open a file in organisation B.
    const auto foreign = AddReferral(organisation_b_, "Autre Personne", true);
    acceptance.file_number = "2026-099";
    EXPECT_THROW((void)WriteIn(organisation_a_,
                               [&](soci::session& session) {
                                 return AcceptReferral(session, foreign, acceptance, std::nullopt,
                                                       testing::kTestStart);
                               }),
                 soci::soci_error);
  }
}

TEST_P(CoreMemberStoreContract, KeyDatesComeOnlyFromOpenFiles) {
  const auto open = AddFile(organisation_a_, "Marcel Exemple", "1");
  const auto closed =
      AddFile(organisation_a_, "Théo Supposé", "2", domain::CoreMemberStatus::kClosed);
  ASSERT_TRUE(WriteIn(organisation_a_, [&](soci::session& session) -> Status {
    LegalStore legal(session);
    for (const auto member : {open, closed}) {
      domain::SupervisionOrder order;
      order.organisation_id = organisation_a_;
      order.core_member_id = member;
      order.type = domain::OrderType::kProbation;
      order.starts_on = AddDays(kToday, -100);
      order.ends_on = AddDays(kToday, 10);
      order.id = legal.InsertOrder(order);
      domain::Condition condition;
      condition.organisation_id = organisation_a_;
      condition.core_member_id = member;
      condition.order_id = order.id;
      condition.kind = domain::ConditionKind::kNoContactPerson;
      condition.text = "Aucun contact";
      condition.victim_identity = "Mme Inventée";
      condition.ends_on = AddDays(kToday, 40);
      legal.InsertCondition(domain::NormalisedCondition(condition));
    }
    return {};
  }));
  ReadIn(organisation_a_, [&](soci::session& session) {
    LegalStore legal(session);
    const auto orders = legal.OrdersEndingBetween(organisation_a_, kToday, AddDays(kToday, 30));
    ASSERT_EQ(orders.size(), 1u);
    EXPECT_EQ(orders[0].core_member_id, open);
    EXPECT_TRUE(
        legal.ConditionsEndingBetween(organisation_a_, kToday, AddDays(kToday, 30)).empty());
    const auto conditions = legal.Conditions(open, organisation_a_);
    ASSERT_EQ(conditions.size(), 1u);
    EXPECT_TRUE(conditions[0].protects_victim);
    EXPECT_EQ(conditions[0].victim_identity, "Mme Inventée");
  });
  EXPECT_TRUE(ReadIn(organisation_b_, [&](soci::session& session) {
    return LegalStore(session).Conditions(open, organisation_b_).empty();
  }));
}

TEST_P(CoreMemberStoreContract, ConsentsAreWithdrawnOnce) {
  const auto member = AddFile(organisation_a_, "Marcel Exemple", "1");
  const auto id = WriteIn(organisation_a_, [&](soci::session& session) -> Result<std::int64_t> {
                    domain::Consent consent;
                    consent.organisation_id = organisation_a_;
                    consent.core_member_id = member;
                    consent.scope = domain::ConsentScope::kPartnerOrganisation;
                    consent.partner_organisation = "Centre fictif";
                    consent.given_on = kToday;
                    consent.expires_on = AddDays(kToday, 365);
                    return CoreMemberStore(session).InsertConsent(consent);
                  }).value();
  ASSERT_TRUE(WriteIn(organisation_a_, [&](soci::session& session) -> Status {
    CoreMemberStore store(session);
    store.WithdrawConsent(id, organisation_a_, kToday, std::nullopt);
    store.WithdrawConsent(id, organisation_a_, AddDays(kToday, 5), std::nullopt);
    return {};
  }));
  ReadIn(organisation_a_, [&](soci::session& session) {
    const auto consent = CoreMemberStore(session).FindConsent(id, organisation_a_);
    ASSERT_TRUE(consent);
    EXPECT_EQ(consent->withdrawn_on, kToday) << "the first withdrawal stands";
    EXPECT_EQ(consent->partner_organisation, "Centre fictif");
    EXPECT_EQ(consent->expires_on, AddDays(kToday, 365));
    EXPECT_FALSE(CoreMemberStore(session).FindConsent(id, organisation_b_));
  });
}

TEST_P(CoreMemberStoreContract, RowLevelSecurityHidesOtherOrganisationsFiles) {
  if (GetParam() != Backend::kPostgres) GTEST_SKIP() << "row-level security is PostgreSQL's";
  AddFile(organisation_a_, "Marcel Exemple", "1");
  for (const char* table :
       {"core_members", "referrals", "supervision_orders", "release_conditions", "risk_assessments",
        "consents", "eligibility_criteria", "core_member_status_changes", "referral_status_changes",
        "referral_checklist"}) {
    const long long seen = ReadIn(organisation_b_, [&](soci::session& session) {
      long long count = 0;
      session << std::string("SELECT count(*) FROM ") + table, soci::into(count);
      return count;
    });
    EXPECT_EQ(seen, 0) << table;
  }
  const long long own = ReadIn(organisation_a_, [&](soci::session& session) {
    long long count = 0;
    session << "SELECT count(*) FROM core_members", soci::into(count);
    return count;
  });
  EXPECT_EQ(own, 1);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, CoreMemberStoreContract, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, CoreMemberStoreContract, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::store
