// Orders, conditions, key dates, risk assessments and consents: the rules of a core member's legal
// situation.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/legal.hpp"

namespace cercle::domain {
namespace {

const CivilDate kToday = *ParseIsoDate("2026-11-30");

bool HasField(const Status& status, const std::string& field) {
  return !status && std::any_of(status.error().fields.begin(), status.error().fields.end(),
                                [&](const FieldError& each) { return each.field == field; });
}

CoreMember OpenFile() {
  CoreMember member;
  member.id = 7;
  member.legal_name = "Marcel Exemple";
  member.file_number = "2026-001";
  member.status = CoreMemberStatus::kInCircle;
  return member;
}

TEST(SupervisionOrder, EndsNoEarlierThanItStarts) {
  SupervisionOrder order;
  order.starts_on = kToday;
  EXPECT_TRUE(CheckSupervisionOrder(order)) << "an order may have no end";
  order.ends_on = kToday;
  EXPECT_TRUE(CheckSupervisionOrder(order));
  order.ends_on = AddDays(kToday, -1);
  EXPECT_TRUE(HasField(CheckSupervisionOrder(order), "ends_on"));
  EXPECT_EQ(OrderTypes().size(), 8u);
  for (const auto type : OrderTypes()) EXPECT_EQ(ParseEnum<domain::OrderType>(NameOf(type)), type);
}

TEST(Condition, ANoContactConditionAlwaysProtectsAVictim) {
  Condition condition;
  condition.kind = ConditionKind::kNoContactPerson;
  condition.text = " Aucun contact ";
  condition.victim_identity = " Mme Josée Inventée ";
  const auto normalised = NormalisedCondition(condition);
  EXPECT_TRUE(normalised.protects_victim);
  EXPECT_EQ(normalised.text, "Aucun contact");
  EXPECT_EQ(normalised.victim_identity, "Mme Josée Inventée");
  EXPECT_TRUE(CheckCondition(normalised));

  condition.victim_identity = "";
  EXPECT_TRUE(HasField(CheckCondition(NormalisedCondition(condition)), "victim_identity"));
}

TEST(Condition, AConditionThatProtectsNoOneKeepsNoVictimDetails) {
  Condition condition;
  condition.kind = ConditionKind::kCurfew;
  condition.text = "De 22 h à 6 h";
  condition.victim_identity = "Nom oublié là";
  condition.victim_places = "Rue quelconque";
  const auto normalised = NormalisedCondition(condition);
  EXPECT_FALSE(normalised.protects_victim);
  EXPECT_TRUE(normalised.victim_identity.empty());
  EXPECT_TRUE(normalised.victim_places.empty());
}

TEST(Condition, NeedsATextAndDatesInOrder) {
  Condition condition;
  condition.kind = ConditionKind::kInternet;
  condition.starts_on = kToday;
  condition.ends_on = AddDays(kToday, -3);
  const auto checked = CheckCondition(NormalisedCondition(condition));
  EXPECT_TRUE(HasField(checked, "text"));
  EXPECT_TRUE(HasField(checked, "ends_on"));
  condition.text = "Pas d'Internet sans surveillance";
  condition.ends_on = std::nullopt;
  EXPECT_TRUE(CheckCondition(NormalisedCondition(condition)));
  EXPECT_TRUE(condition.InForceOn(kToday));
  EXPECT_FALSE(condition.InForceOn(AddDays(kToday, -1)));
}

TEST(KeyDates, ListsWhatComesWithinThirtyDaysSoonestFirst) {
  auto member = OpenFile();
  member.warrant_expiry_date = AddDays(kToday, 30);
  member.statutory_release_date = AddDays(kToday, 31);  // beyond the horizon
  SupervisionOrder order;
  order.core_member_id = member.id;
  order.type = OrderType::kProbation;
  order.ends_on = AddDays(kToday, 5);
  SupervisionOrder other_file = order;
  other_file.core_member_id = 99;
  other_file.ends_on = kToday;
  Condition condition;
  condition.core_member_id = member.id;
  condition.kind = ConditionKind::kCurfew;
  condition.ends_on = kToday;
  Condition ended = condition;
  ended.ends_on = AddDays(kToday, -1);
  const auto dates = UpcomingKeyDates(member, {order, other_file}, {condition, ended}, kToday);
  ASSERT_EQ(dates.size(), 3u);
  EXPECT_EQ(dates[0].kind, KeyDateKind::kConditionEnds);
  EXPECT_EQ(dates[0].date, kToday);
  EXPECT_EQ(dates[0].label, LabelOf(ConditionKind::kCurfew));
  EXPECT_EQ(dates[1].kind, KeyDateKind::kOrderEnds);
  EXPECT_EQ(dates[1].label, LabelOf(OrderType::kProbation));
  EXPECT_EQ(dates[2].kind, KeyDateKind::kWarrantExpiry);
  EXPECT_TRUE(IsUrgentKeyDate(dates[0].date, kToday));
  EXPECT_TRUE(IsUrgentKeyDate(dates[1].date, kToday));
  EXPECT_TRUE(IsUrgentKeyDate(AddDays(kToday, 7), kToday));
  EXPECT_FALSE(IsUrgentKeyDate(AddDays(kToday, 8), kToday));
  EXPECT_FALSE(IsUrgentKeyDate(dates[2].date, kToday));
}

TEST(KeyDates, AClosedFileHasNone) {
  auto member = OpenFile();
  member.status = CoreMemberStatus::kClosed;
  member.warrant_expiry_date = AddDays(kToday, 3);
  EXPECT_TRUE(UpcomingKeyDates(member, {}, {}, kToday).empty());
}

TEST(RiskAssessment, IsStoredAsWrittenButChecked) {
  RiskAssessment assessment;
  assessment.tool = RiskTool::kStatic99R;
  assessment.assessed_on = kToday;
  assessment.assessor = "Dre Hélène Gabarit";
  for (const std::string score : {"6", "-1", "+2", "4.5", "4,5", "12"}) {
    assessment.score = score;
    EXPECT_TRUE(CheckRiskAssessment(assessment, kToday)) << score;
  }
  for (const std::string score : {"", "élevé", "4.", ".5", "1.2.3", "12345678901"}) {
    assessment.score = score;
    EXPECT_TRUE(HasField(CheckRiskAssessment(assessment, kToday), "score")) << score;
  }
  assessment.score = "6";
  assessment.tool = RiskTool::kOther;
  assessment.assessor = "";
  assessment.assessed_on = AddDays(kToday, 1);
  const auto checked = CheckRiskAssessment(assessment, kToday);
  EXPECT_TRUE(HasField(checked, "tool_other"));
  EXPECT_TRUE(HasField(checked, "assessor"));
  EXPECT_TRUE(HasField(checked, "assessed_on"));
}

Consent MakeConsent(std::int64_t id, ConsentScope scope, int given_days_ago) {
  Consent consent;
  consent.id = id;
  consent.scope = scope;
  consent.given_on = AddDays(kToday, -given_days_ago);
  return consent;
}

TEST(Consent, IsActiveUntilItExpiresOrIsWithdrawn) {
  auto consent = MakeConsent(1, ConsentScope::kOuterCircle, 10);
  EXPECT_EQ(ConsentStateOn(consent, kToday), ConsentState::kActive);
  consent.expires_on = kToday;
  EXPECT_EQ(ConsentStateOn(consent, kToday), ConsentState::kActive)
      << "the expiry is the last valid day";
  EXPECT_EQ(ConsentStateOn(consent, AddDays(kToday, 1)), ConsentState::kExpired);
  consent.withdrawn_on = AddDays(kToday, -1);
  EXPECT_EQ(ConsentStateOn(consent, kToday), ConsentState::kWithdrawn);
  EXPECT_EQ(ConsentStateOn(MakeConsent(2, ConsentScope::kMedia, -3), kToday),
            ConsentState::kNotYetValid);
}

TEST(Consent, ChecksItsDatesAndPartner) {
  auto consent = MakeConsent(1, ConsentScope::kPartnerOrganisation, 0);
  EXPECT_TRUE(HasField(CheckConsent(consent, kToday), "partner_organisation"));
  consent.partner_organisation = "Centre d'aide fictif";
  EXPECT_TRUE(CheckConsent(consent, kToday));
  consent.expires_on = AddDays(kToday, -1);
  EXPECT_TRUE(HasField(CheckConsent(consent, kToday), "expires_on"));
  consent.given_on = AddDays(kToday, 1);
  EXPECT_TRUE(HasField(CheckConsent(consent, kToday), "given_on"));
}

TEST(Consent, AWithdrawalIsRecordedOnceWithinItsDates) {
  auto consent = MakeConsent(1, ConsentScope::kResearch, 10);
  EXPECT_TRUE(CheckConsentWithdrawal(consent, kToday, kToday));
  EXPECT_TRUE(
      HasField(CheckConsentWithdrawal(consent, AddDays(kToday, -11), kToday), "withdrawn_on"));
  EXPECT_TRUE(
      HasField(CheckConsentWithdrawal(consent, AddDays(kToday, 1), kToday), "withdrawn_on"));
  consent.withdrawn_on = kToday;
  const auto again = CheckConsentWithdrawal(consent, kToday, kToday);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
}

TEST(Consent, LapsedConsentsShowWhereNoOtherConsentCovers) {
  auto withdrawn = MakeConsent(1, ConsentScope::kMedia, 100);
  withdrawn.withdrawn_on = AddDays(kToday, -5);
  auto expired = MakeConsent(2, ConsentScope::kOuterCircle, 400);
  expired.expires_on = AddDays(kToday, -30);
  const auto renewed =
      MakeConsent(3, ConsentScope::kOuterCircle, 20);  // covers the outer circle again
  auto partner_a = MakeConsent(4, ConsentScope::kPartnerOrganisation, 50);
  partner_a.partner_organisation = "Centre A";
  partner_a.expires_on = AddDays(kToday, -1);
  auto partner_b = MakeConsent(5, ConsentScope::kPartnerOrganisation, 50);
  partner_b.partner_organisation = "Centre B";
  const auto lapsed = LapsedConsents({withdrawn, expired, renewed, partner_a, partner_b}, kToday);
  ASSERT_EQ(lapsed.size(), 2u);
  EXPECT_EQ(lapsed[0].id, 4);
  EXPECT_EQ(lapsed[1].id, 1);
  EXPECT_TRUE(LapsedConsents({renewed, partner_b}, kToday).empty());
}

}  // namespace
}  // namespace cercle::domain
