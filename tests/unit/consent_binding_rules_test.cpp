// Consent that binds (Law 25): an information-sharing agreement takes effect only with a sharing
// consent of the core member in force that covers the partner; a disclosure that rested on it stays
// readable only as long; a story about a core member needs his media consent. And privacy by
// default: every protective setting is its definition's default.
#include <gtest/gtest.h>

#include <set>

#include "domain/circle_partners.hpp"
#include "domain/concern_disclosure.hpp"
#include "domain/outreach.hpp"
#include "domain/settings.hpp"

namespace cercle::domain {
namespace {

CivilDate D(const char* text) { return *ParseIsoDate(text); }

constexpr const char* kToday = "2026-11-30";

Consent Given(std::int64_t id, ConsentScope scope, const char* given_on) {
  Consent consent;
  consent.id = id;
  consent.organisation_id = 1;
  consent.core_member_id = 5;
  consent.scope = scope;
  consent.given_on = D(given_on);
  return consent;
}

PartnerContact Contact() {
  PartnerContact contact;
  contact.id = 3;
  contact.organisation_id = 1;
  contact.partner_organisation = "Service correctionnel (essai)";
  return contact;
}

SharingAgreement InForce() {
  SharingAgreement agreement;
  agreement.id = 31;
  agreement.partner_contact_id = 3;
  agreement.circle_id = 8;
  agreement.starts_on = D("2026-10-01");
  return agreement;
}

TEST(AgreementEffect, TakesEffectOnlyWithACoveringConsentInForce) {
  const auto contact = Contact();
  EXPECT_EQ(EffectOn(InForce(), contact, {}, D(kToday)).standing, AgreementStanding::kSuspended);
  EXPECT_EQ(EffectOn(InForce(), contact, {}, D(kToday)).reason.id,
            "Suspended: no consent of the core member covers this partner.");
  EXPECT_EQ(
      EffectOn(InForce(), contact, {Given(1, ConsentScope::kOuterCircle, "2026-09-01")}, D(kToday))
          .standing,
      AgreementStanding::kInEffect);
  // A consent naming the partner's organisation, whatever its case and accents.
  auto named = Given(2, ConsentScope::kPartnerOrganisation, "2026-09-01");
  named.partner_organisation = "SERVICE CORRECTIONNEL (ESSAI)";
  EXPECT_EQ(EffectOn(InForce(), contact, {named}, D(kToday)).standing,
            AgreementStanding::kInEffect);
  // Research and media consents are not about sharing with partners.
  EXPECT_EQ(EffectOn(InForce(), contact,
                     {Given(3, ConsentScope::kResearch, "2026-09-01"),
                      Given(4, ConsentScope::kMedia, "2026-09-01")},
                     D(kToday))
                .standing,
            AgreementStanding::kSuspended);
  auto ended = InForce();
  ended.ends_on = D("2026-11-29");
  EXPECT_EQ(
      EffectOn(ended, contact, {Given(1, ConsentScope::kOuterCircle, "2026-09-01")}, D(kToday))
          .standing,
      AgreementStanding::kNotInForce);
}

TEST(AgreementEffect, IsSuspendedFromTheDayTheConsentIsWithdrawnOrTheDayAfterItExpires) {
  auto withdrawn = Given(1, ConsentScope::kOuterCircle, "2026-09-01");
  withdrawn.withdrawn_on = D("2026-11-30");
  EXPECT_EQ(EffectOn(InForce(), Contact(), {withdrawn}, D("2026-11-29")).standing,
            AgreementStanding::kInEffect);
  const auto suspended = EffectOn(InForce(), Contact(), {withdrawn}, D(kToday));
  EXPECT_EQ(suspended.standing, AgreementStanding::kSuspended);
  EXPECT_EQ(suspended.reason.id, "Suspended: consent withdrawn on {date}.");
  ASSERT_EQ(suspended.reason.arguments.size(), 1u);
  EXPECT_EQ(suspended.reason.arguments[0].value, "2026-11-30");

  auto expiring = Given(2, ConsentScope::kOuterCircle, "2026-09-01");
  expiring.expires_on = D("2026-11-30");
  EXPECT_EQ(EffectOn(InForce(), Contact(), {expiring}, D(kToday)).standing,
            AgreementStanding::kInEffect)
      << "valid through its last day";
  const auto expired = EffectOn(InForce(), Contact(), {expiring}, D("2026-12-01"));
  EXPECT_EQ(expired.standing, AgreementStanding::kSuspended);
  EXPECT_EQ(expired.reason.id, "Suspended: consent expired on {date}.");
  // A later consent in force lifts the suspension.
  EXPECT_EQ(EffectOn(InForce(), Contact(),
                     {withdrawn, Given(3, ConsentScope::kOuterCircle, "2026-11-30")}, D(kToday))
                .standing,
            AgreementStanding::kInEffect);
}

TEST(PartnerMayStillRead, ADisclosureThatRestedOnTheConsentLeavesWithIt) {
  auto withdrawn = Given(1, ConsentScope::kOuterCircle, "2026-09-01");
  withdrawn.withdrawn_on = D("2026-11-20");
  Disclosure disclosure;
  disclosure.partner_contact_id = 3;
  for (const auto basis : {LegalBasis::kConsent, LegalBasis::kAgreement}) {
    disclosure.basis = basis;
    EXPECT_TRUE(PartnerMayStillRead(disclosure, Contact(), {withdrawn}, D("2026-11-19")));
    EXPECT_FALSE(PartnerMayStillRead(disclosure, Contact(), {withdrawn}, D(kToday)));
  }
  // A disclosure on another basis never rested on the consent.
  for (const auto basis :
       {LegalBasis::kImminentDanger, LegalBasis::kCourtOrder, LegalBasis::kOther}) {
    disclosure.basis = basis;
    EXPECT_TRUE(PartnerMayStillRead(disclosure, Contact(), {withdrawn}, D(kToday)));
  }
}

TEST(StoryConsent, AStoryAboutACoreMemberNeedsHisMediaConsentInForce) {
  SignificantStory story;
  story.reviewed_at = Instant{};
  EXPECT_TRUE(CheckStoryConsent(story, {}, D(kToday))) << "about no one";
  EXPECT_TRUE(Publishable(story, {}, D(kToday)));
  story.about_core_member_id = 5;
  const auto none =
      CheckStoryConsent(story, {Given(1, ConsentScope::kOuterCircle, "2026-01-01")}, D(kToday));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().fields.at(0).field, "about");
  auto media = Given(2, ConsentScope::kMedia, "2026-01-01");
  EXPECT_TRUE(CheckStoryConsent(story, {media}, D(kToday)));
  EXPECT_TRUE(Publishable(story, {media}, D(kToday)));
  auto someone_else = media;
  someone_else.core_member_id = 6;
  EXPECT_FALSE(Publishable(story, {someone_else}, D(kToday))) << "another man's consent";
  media.withdrawn_on = D("2026-11-30");
  EXPECT_TRUE(Publishable(story, {media}, D("2026-11-29")));
  EXPECT_FALSE(Publishable(story, {media}, D(kToday)));
  const auto withdrawn = CheckStoryConsent(story, {media}, D(kToday));
  ASSERT_FALSE(withdrawn);
  EXPECT_EQ(withdrawn.error().fields.at(0).message.id,
            "The core member this story is about withdrew his media or publication consent on "
            "{date}.");
  story.reviewed_at.reset();
  media.withdrawn_on.reset();
  EXPECT_FALSE(Publishable(story, {media}, D(kToday))) << "not reviewed";
}

TEST(PrivacyByDefault, EveryProtectiveSettingIsItsDefaultAndCoversWhatLeavesTheOrganisation) {
  const Settings defaults;
  std::set<SettingKey> keys;
  for (const auto& protective : ProtectiveSettings()) {
    EXPECT_EQ(Setting(protective.key).default_value, protective.value)
        << Setting(protective.key).name;
    EXPECT_EQ(defaults.Get(protective.key), protective.value);
    keys.insert(protective.key);
  }
  EXPECT_TRUE(keys.contains(SettingKey::kPublicImpactPage));
  EXPECT_TRUE(keys.contains(SettingKey::kEvaluatorAccess));
  EXPECT_TRUE(keys.contains(SettingKey::kNetworkShareFigures));
  EXPECT_EQ(Setting(SettingKey::kEvaluatorAccess).name, "report.evaluator_access");
}

}  // namespace
}  // namespace cercle::domain
