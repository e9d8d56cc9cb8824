// The rules of concerns: raising, the way through the statuses, actions, closure, the legal basis
// of a disclosure checked against consents and agreements, the on-call rota and its escalation
// steps, and the register's monthly figures. No I/O.
#include <gtest/gtest.h>

#include "domain/concern.hpp"
#include "domain/concern_disclosure.hpp"
#include "domain/concern_escalation.hpp"
#include "domain/concern_figures.hpp"

namespace cercle::domain {
namespace {

using namespace std::chrono_literals;

constexpr Instant kNow{std::chrono::seconds(1796047200)};  // Monday 2026-11-30 14:00 UTC
constexpr CivilDate kToday{std::chrono::year(2026), std::chrono::month(11), std::chrono::day(30)};

bool HasField(const Error& error, const std::string& field) {
  for (const auto& entry : error.fields) {
    if (entry.field == field) return true;
  }
  return false;
}

std::string FieldMessage(const Error& error, const std::string& field) {
  for (const auto& entry : error.fields) {
    if (entry.field == field) return entry.message.id;
  }
  return "";
}

std::string Argument(const Error& error, const std::string& field, const std::string& name) {
  for (const auto& entry : error.fields) {
    if (entry.field != field) continue;
    for (const auto& argument : entry.message.arguments) {
      if (argument.name == name) return argument.value;
    }
  }
  return "";
}

ConcernDraft ValidDraft() {
  ConcernDraft draft;
  draft.category = ConcernCategory::kHostility;
  draft.severity = Severity::kUrgent;
  draft.observed = "  Il a menacé un voisin.  ";
  draft.observed_at = kNow - 2h;
  return draft;
}

TEST(ConcernDraft, AcceptsAShortConcernAndTrimsIt) {
  auto draft = ValidDraft();
  ASSERT_TRUE(CheckConcernDraft(draft, kNow));
  EXPECT_EQ(draft.observed, "Il a menacé un voisin.");
}

TEST(ConcernDraft, RefusesMissingCategorySeverityAndObservation) {
  ConcernDraft draft;
  draft.observed_at = kNow;
  const auto checked = CheckConcernDraft(draft, kNow);
  ASSERT_FALSE(checked);
  EXPECT_TRUE(HasField(checked.error(), "category"));
  EXPECT_TRUE(HasField(checked.error(), "severity"));
  EXPECT_TRUE(HasField(checked.error(), "observed"));
  EXPECT_FALSE(HasField(checked.error(), "observed_at"));
}

TEST(ConcernDraft, RefusesAMomentInTheFutureOrLongAgoButToleratesAFastPhoneClock) {
  auto future = ValidDraft();
  future.observed_at = kNow + 1h;
  EXPECT_TRUE(HasField(CheckConcernDraft(future, kNow).error(), "observed_at"));
  auto old = ValidDraft();
  old.observed_at = kNow - std::chrono::days(400);
  EXPECT_TRUE(HasField(CheckConcernDraft(old, kNow).error(), "observed_at"));
  auto fast = ValidDraft();
  fast.observed_at = kNow + 5min;
  EXPECT_TRUE(CheckConcernDraft(fast, kNow));
  auto unreadable = ValidDraft();
  unreadable.observed_at.reset();
  EXPECT_TRUE(HasField(CheckConcernDraft(unreadable, kNow).error(), "observed_at"));
}

TEST(ConcernDraft, RefusesTooLongTexts) {
  auto draft = ValidDraft();
  draft.observed = std::string(kMaxConcernTextLength + 1, 'x');
  draft.already_done = std::string(kMaxConcernTextLength + 1, 'y');
  const auto checked = CheckConcernDraft(draft, kNow);
  EXPECT_TRUE(HasField(checked.error(), "observed"));
  EXPECT_TRUE(HasField(checked.error(), "already_done"));
}

TEST(ConcernCategories, FollowTheTrainedRiskFactorsAndRoundTrip) {
  EXPECT_EQ(EnumValues<ConcernCategory>().size(), 10u);
  for (const auto category : EnumValues<ConcernCategory>()) {
    EXPECT_EQ(ParseEnum<ConcernCategory>(NameOf(category)), category);
  }
  for (const auto severity : Severities())
    EXPECT_EQ(ParseEnum<domain::Severity>(NameOf(severity)), severity);
  EXPECT_FALSE(ParseEnum<domain::Severity>("critical"));
  EXPECT_TRUE(ShowsDutyToReport(ConcernCategory::kAccessToVictims));
  EXPECT_FALSE(ShowsDutyToReport(ConcernCategory::kSubstanceAbuse));
  EXPECT_TRUE(Alerts(Severity::kUrgent));
  EXPECT_TRUE(Alerts(Severity::kEmergency));
  EXPECT_FALSE(Alerts(Severity::kConcern));
  EXPECT_FALSE(Alerts(Severity::kInformation));
}

TEST(ConcernTransition, GoesRaisedAcknowledgedInProgressClosed) {
  using enum ConcernStatus;
  EXPECT_TRUE(CheckConcernTransition(kRaised, kAcknowledged));
  EXPECT_TRUE(CheckConcernTransition(kAcknowledged, kInProgress));
  EXPECT_TRUE(CheckConcernTransition(kInProgress, kClosed));
  EXPECT_TRUE(CheckConcernTransition(kAcknowledged, kClosed));
}

TEST(ConcernTransition, RefusesSkippingAcknowledgementAndMovingAClosedConcern) {
  using enum ConcernStatus;
  const auto skip = CheckConcernTransition(kRaised, kClosed);
  ASSERT_FALSE(skip);
  EXPECT_EQ(skip.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(skip.error().message.id, "Acknowledge the concern first.");
  EXPECT_FALSE(CheckConcernTransition(kRaised, kInProgress));
  EXPECT_FALSE(CheckConcernTransition(kClosed, kInProgress));
  EXPECT_FALSE(CheckConcernTransition(kAcknowledged, kAcknowledged));
  EXPECT_FALSE(CheckConcernTransition(kInProgress, kRaised));
  EXPECT_FALSE(AcceptsWork(kRaised));
  EXPECT_TRUE(AcceptsWork(kInProgress));
  EXPECT_FALSE(AcceptsWork(kClosed));
}

TEST(ConcernClosure, NeedsAnOutcomeAndANoteForOther) {
  std::string note;
  EXPECT_TRUE(HasField(CheckClosure(std::nullopt, note).error(), "outcome"));
  EXPECT_TRUE(CheckClosure(ConcernOutcome::kResolved, note));
  EXPECT_TRUE(HasField(CheckClosure(ConcernOutcome::kOther, note).error(), "outcome_note"));
  note = " Déménagement hors région. ";
  EXPECT_TRUE(CheckClosure(ConcernOutcome::kOther, note));
  EXPECT_EQ(note, "Déménagement hors région.");
}

TEST(ConcernAction, NeedsAKindANoteAndAMomentAfterWhatWasObserved) {
  Concern concern;
  concern.observed_at = kNow - 3h;
  std::string note = "Appel à Marcel";
  EXPECT_TRUE(CheckAction(ActionKind::kTalkWithCoreMember, note, kNow - 1h, concern, kNow));
  EXPECT_TRUE(HasField(CheckAction(std::nullopt, note, kNow, concern, kNow).error(), "kind"));
  EXPECT_TRUE(HasField(
      CheckAction(ActionKind::kEmergencyMeeting, note, kNow, concern, kNow).error(), "kind"));
  EXPECT_TRUE(HasField(CheckAction(ActionKind::kSafetyPlan, note, kNow - 4h, concern, kNow).error(),
                       "taken_at"));
  EXPECT_TRUE(HasField(CheckAction(ActionKind::kSafetyPlan, note, kNow + 1h, concern, kNow).error(),
                       "taken_at"));
  std::string empty = "   ";
  EXPECT_TRUE(
      HasField(CheckAction(ActionKind::kReferral, empty, kNow, concern, kNow).error(), "note"));
}

TEST(ConcernDuration, ReadsAsMinutesHoursOrDays) {
  EXPECT_EQ(DurationMessage(9min).id, "{minutes} min");
  EXPECT_EQ(DurationMessage(2h + 5min).id, "{hours} h {minutes} min");
  const auto days = DurationMessage(std::chrono::days(3) + 4h);
  EXPECT_EQ(days.id, "{days} d {hours} h");
  EXPECT_EQ(days.arguments[0].value, "3");
  EXPECT_EQ(days.arguments[1].value, "4");
}

// A disclosure's record: a concern observed this morning in circle 7, the partner contact 3 (a
// parole officer of the Service correctionnel), and the consents and agreements a test fills in.
class DisclosureBasis : public ::testing::Test {
 protected:
  DisclosureBasis() {
    concern_.id = 11;
    concern_.organisation_id = 1;
    concern_.circle_id = 7;
    concern_.observed_at = kNow - 5h;
    contact_.id = 3;
    contact_.organisation_id = 1;
    contact_.name = "Julie Exemple";
    contact_.partner_organisation = "Service correctionnel (essai)";
  }

  DisclosureDraft ToPartner(LegalBasis basis) const {
    DisclosureDraft draft;
    draft.recipient_kind = RecipientKind::kPartnerContact;
    draft.partner_contact_id = contact_.id;
    draft.disclosed_at = kNow - 1h;
    draft.means = DisclosureMeans::kPhone;
    draft.shared = "Le cercle a constaté un bris possible de condition.";
    draft.basis = basis;
    return draft;
  }

  Result<Disclosure> Check(DisclosureDraft draft, const PartnerContact* contact) const {
    const DisclosureRecord record{
        concern_, concern_.circle_id, contact, consents_, agreements_, kToday, kNow};
    return CheckDisclosure(draft, record);
  }

  Consent OuterCircleConsent(std::int64_t id, CivilDate given) const {
    Consent consent;
    consent.id = id;
    consent.organisation_id = 1;
    consent.scope = ConsentScope::kOuterCircle;
    consent.given_on = given;
    return consent;
  }

  SharingAgreement Agreement(std::int64_t id, CivilDate starts,
                             std::optional<CivilDate> ends) const {
    SharingAgreement agreement;
    agreement.id = id;
    agreement.organisation_id = 1;
    agreement.partner_contact_id = contact_.id;
    agreement.circle_id = concern_.circle_id;
    agreement.starts_on = starts;
    agreement.ends_on = ends;
    return agreement;
  }

  Concern concern_;
  PartnerContact contact_;
  std::vector<Consent> consents_;
  std::vector<SharingAgreement> agreements_;
};

TEST_F(DisclosureBasis, ConsentInForceCoveringThePartnerIsAcceptedAndRecorded) {
  consents_.push_back(OuterCircleConsent(21, AddDays(kToday, -100)));
  const auto disclosure = Check(ToPartner(LegalBasis::kConsent), &contact_);
  ASSERT_TRUE(disclosure);
  EXPECT_EQ(disclosure->consent_id, 21);
  EXPECT_EQ(disclosure->partner_contact_id, 3);
  EXPECT_EQ(disclosure->recipient_name, "Julie Exemple");
  EXPECT_EQ(disclosure->recipient_organisation, "Service correctionnel (essai)");
}

TEST_F(DisclosureBasis, ConsentBasisIsRefusedWhenTheConsentWasWithdrawn) {
  auto consent = OuterCircleConsent(21, AddDays(kToday, -100));
  consent.withdrawn_on = AddDays(kToday, -2);
  consents_.push_back(consent);
  const auto disclosure = Check(ToPartner(LegalBasis::kConsent), &contact_);
  ASSERT_FALSE(disclosure);
  EXPECT_EQ(
      FieldMessage(disclosure.error(), "basis"),
      "The core member withdrew this consent on {date}. Choose another basis and explain it.");
  EXPECT_EQ(Argument(disclosure.error(), "basis", "date"), "2026-11-28");
}

TEST_F(DisclosureBasis, ConsentBasisIsRefusedWhenTheConsentExpired) {
  auto consent = OuterCircleConsent(21, AddDays(kToday, -400));
  consent.expires_on = AddDays(kToday, -1);
  consents_.push_back(consent);
  const auto disclosure = Check(ToPartner(LegalBasis::kConsent), &contact_);
  ASSERT_FALSE(disclosure);
  EXPECT_EQ(FieldMessage(disclosure.error(), "basis"),
            "The core member's consent expired on {date}. Choose another basis and explain it.");
  EXPECT_EQ(Argument(disclosure.error(), "basis", "date"), "2026-11-29");
}

TEST_F(DisclosureBasis, ConsentBasisIsRefusedWhenNoConsentCoversTheRecipient) {
  auto research = OuterCircleConsent(21, AddDays(kToday, -100));
  research.scope = ConsentScope::kResearch;
  consents_.push_back(research);
  auto other_partner = OuterCircleConsent(22, AddDays(kToday, -100));
  other_partner.scope = ConsentScope::kPartnerOrganisation;
  other_partner.partner_organisation = "Centre d'aide (essai)";
  consents_.push_back(other_partner);
  DisclosureDraft to_police = ToPartner(LegalBasis::kConsent);
  to_police.recipient_kind = RecipientKind::kPolice;
  to_police.recipient_name = "Poste de quartier 12 (essai)";
  const auto disclosure = Check(to_police, nullptr);
  ASSERT_FALSE(disclosure);
  EXPECT_EQ(
      FieldMessage(disclosure.error(), "basis"),
      "No consent of the core member covers this recipient. Choose another basis and explain it.");
}

TEST_F(DisclosureBasis, PartnerOrganisationConsentCoversThatOrganisationWithoutCaseOrAccents) {
  auto consent = OuterCircleConsent(22, AddDays(kToday, -10));
  consent.scope = ConsentScope::kPartnerOrganisation;
  consent.partner_organisation = "Centre d'aide Éclaircie (essai)";
  consents_.push_back(consent);
  DisclosureDraft draft = ToPartner(LegalBasis::kConsent);
  draft.recipient_kind = RecipientKind::kOther;
  draft.recipient_name = "Mme Tremblay, intervenante";
  draft.recipient_organisation = "centre d'aide eclaircie (essai)";
  const auto disclosure = Check(draft, nullptr);
  ASSERT_TRUE(disclosure);
  EXPECT_EQ(disclosure->consent_id, 22);
  EXPECT_FALSE(disclosure->partner_contact_id);
}

TEST_F(DisclosureBasis, AWithdrawnConsentDoesNotHideALaterOneInForce) {
  auto old = OuterCircleConsent(21, AddDays(kToday, -300));
  old.withdrawn_on = AddDays(kToday, -200);
  consents_.push_back(old);
  consents_.push_back(OuterCircleConsent(23, AddDays(kToday, -30)));
  const auto disclosure = Check(ToPartner(LegalBasis::kConsent), &contact_);
  ASSERT_TRUE(disclosure);
  EXPECT_EQ(disclosure->consent_id, 23);
}

TEST_F(DisclosureBasis, AgreementInForceOfThatPartnerWithThisCircleIsAccepted) {
  // The core member's consent to share with the outer circle, without which it is suspended.
  consents_.push_back(OuterCircleConsent(21, AddDays(kToday, -100)));
  agreements_.push_back(Agreement(31, AddDays(kToday, -60), std::nullopt));
  const auto disclosure = Check(ToPartner(LegalBasis::kAgreement), &contact_);
  ASSERT_TRUE(disclosure);
  EXPECT_EQ(disclosure->agreement_id, 31);
  EXPECT_FALSE(disclosure->consent_id);
}

TEST_F(DisclosureBasis, AgreementBasisIsRefusedWhenTheAgreementHasEnded) {
  agreements_.push_back(Agreement(31, AddDays(kToday, -300), AddDays(kToday, -30)));
  const auto disclosure = Check(ToPartner(LegalBasis::kAgreement), &contact_);
  ASSERT_FALSE(disclosure);
  EXPECT_EQ(FieldMessage(disclosure.error(), "basis"),
            "The information-sharing agreement with {name} ended on {date}. Choose another basis "
            "and explain it.");
  EXPECT_EQ(Argument(disclosure.error(), "basis", "name"), "Julie Exemple");
  EXPECT_EQ(Argument(disclosure.error(), "basis", "date"), "2026-10-31");
}

TEST_F(DisclosureBasis, AgreementBasisIsRefusedForAnotherCircleOrARecipientOutsideTheOuterCircle) {
  auto elsewhere = Agreement(31, AddDays(kToday, -60), std::nullopt);
  elsewhere.circle_id = 8;
  agreements_.push_back(elsewhere);
  const auto other_circle = Check(ToPartner(LegalBasis::kAgreement), &contact_);
  ASSERT_FALSE(other_circle);
  EXPECT_EQ(FieldMessage(other_circle.error(), "basis"),
            "No information-sharing agreement attaches {name} to this circle. Choose another basis "
            "and explain it.");
  DisclosureDraft to_dpj = ToPartner(LegalBasis::kAgreement);
  to_dpj.recipient_kind = RecipientKind::kYouthProtection;
  to_dpj.recipient_name = "DPJ de Montréal (essai)";
  const auto not_partner = Check(to_dpj, &contact_);
  ASSERT_FALSE(not_partner);
  EXPECT_EQ(FieldMessage(not_partner.error(), "basis"),
            "An information-sharing agreement covers only a partner contact of the outer circle. "
            "Choose another "
            "basis and explain it.");
}

TEST_F(DisclosureBasis, ImminentDangerCourtOrderAndOtherNeedAnExplanation) {
  for (const auto basis :
       {LegalBasis::kImminentDanger, LegalBasis::kCourtOrder, LegalBasis::kOther}) {
    auto draft = ToPartner(basis);
    draft.explanation = "court";
    EXPECT_TRUE(HasField(Check(draft, &contact_).error(), "explanation")) << NameOf(basis);
    draft.explanation = "Menace précise envers une personne nommée, ce soir.";
    EXPECT_TRUE(Check(draft, &contact_)) << NameOf(basis);
  }
  auto child = ToPartner(LegalBasis::kChildProtection);
  child.recipient_kind = RecipientKind::kYouthProtection;
  child.recipient_name = "DPJ de Montréal (essai)";
  EXPECT_TRUE(Check(child, nullptr));
}

TEST_F(DisclosureBasis, RefusesAnIncompleteDisclosureFieldByField) {
  DisclosureDraft draft;
  draft.recipient_kind = RecipientKind::kPartnerContact;
  const auto disclosure = Check(draft, nullptr);
  ASSERT_FALSE(disclosure);
  for (const auto* field : {"partner_contact", "disclosed_at", "means", "shared", "basis"}) {
    EXPECT_TRUE(HasField(disclosure.error(), field)) << field;
  }
  auto police = ToPartner(LegalBasis::kImminentDanger);
  police.recipient_kind = RecipientKind::kPolice;
  police.explanation = "Danger immédiat pour un voisin nommé.";
  EXPECT_TRUE(HasField(Check(police, nullptr).error(), "recipient_name"));
  auto future = ToPartner(LegalBasis::kChildProtection);
  future.disclosed_at = kNow + 2h;
  EXPECT_TRUE(HasField(Check(future, &contact_).error(), "disclosed_at"));
  auto before = ToPartner(LegalBasis::kChildProtection);
  before.disclosed_at = kNow - 6h;
  EXPECT_TRUE(HasField(Check(before, &contact_).error(), "disclosed_at"));
}

TEST(OnCallRota, AcceptsStaffOnceEachWithinTheLevels) {
  const std::vector<std::int64_t> staff = {1, 2, 3};
  EXPECT_TRUE(CheckOnCall({{1, 0}, {2, 1}, {3, 1}}, staff));
  EXPECT_TRUE(CheckOnCall({}, staff));
  EXPECT_TRUE(HasField(CheckOnCall({{4, 0}}, staff).error(), "on_call"));
  EXPECT_TRUE(HasField(CheckOnCall({{1, 0}, {1, 1}}, staff).error(), "on_call"));
  EXPECT_TRUE(HasField(CheckOnCall({{1, kMaxOnCallLevel + 1}}, staff).error(), "on_call"));
  EXPECT_TRUE(HasField(CheckOnCall({{1, -1}}, staff).error(), "on_call"));
}

TEST(EscalationSteps, OnCallFirstThenEachBackupLevelThenEveryBackup) {
  const std::vector<OnCallEntry> rota = {{10, 0}, {11, 0}, {20, 1}, {30, 4}, {31, 4}};
  const std::vector<std::int64_t> fallback = {99};
  EXPECT_EQ(StepRecipients(0, rota, fallback), (std::vector<std::int64_t>{10, 11}));
  EXPECT_EQ(StepRecipients(1, rota, fallback), (std::vector<std::int64_t>{20}));
  // Level numbers may have gaps: the second backup level is level 4.
  EXPECT_EQ(StepRecipients(2, rota, fallback), (std::vector<std::int64_t>{30, 31}));
  EXPECT_EQ(StepRecipients(3, rota, fallback), (std::vector<std::int64_t>{20, 30, 31}));
  EXPECT_EQ(StepRecipients(7, rota, fallback), (std::vector<std::int64_t>{20, 30, 31}));
}

TEST(EscalationSteps, WithoutBackupsOrWithoutAnyoneNoAlertGoesNowhere) {
  const std::vector<std::int64_t> fallback = {98, 99};
  EXPECT_EQ(StepRecipients(3, {{10, 0}}, fallback), (std::vector<std::int64_t>{10}));
  EXPECT_EQ(StepRecipients(0, {}, fallback), fallback);
  EXPECT_EQ(StepRecipients(2, {}, fallback), fallback);
  // Backups only: step 0 has nobody on call, so every coordinator is alerted.
  EXPECT_EQ(StepRecipients(0, {{20, 1}}, fallback), fallback);
  EXPECT_EQ(StepRecipients(1, {{20, 1}}, fallback), (std::vector<std::int64_t>{20}));
}

TEST(EscalationDeadline, ComesFromTheOrganisationsSettings) {
  const Settings defaults;
  EXPECT_EQ(AcknowledgementDeadline(Severity::kEmergency, defaults), 15min);
  EXPECT_EQ(AcknowledgementDeadline(Severity::kUrgent, defaults), 240min);
  EXPECT_FALSE(AcknowledgementDeadline(Severity::kConcern, defaults));
  const Settings faster({{"concern.ack_minutes_emergency", 5}});
  EXPECT_EQ(AcknowledgementDeadline(Severity::kEmergency, faster), 5min);
  EXPECT_EQ(NextStepDue(kNow, 15min), kNow + 15min);
}

TEST(ConcernFigures, MedianOfAnOddAndAnEvenCount) {
  EXPECT_FALSE(Median({}));
  EXPECT_EQ(Median({30s, 10s, 20s}), 20s);
  EXPECT_EQ(Median({40s, 10s, 20s, 30s}), 25s);
}

TEST(ConcernFigures, PerMonthOfRaisingNewestFirstWithCounts) {
  const auto day_of = [](Instant instant) {
    return CivilDate(std::chrono::floor<std::chrono::days>(instant));
  };
  const Instant november = kNow - std::chrono::days(10);
  const Instant october = kNow - std::chrono::days(45);
  const std::vector<ConcernTimes> concerns = {
      {november, november + 10min, november + 48h},
      {november, november + 30min, std::nullopt},
      {november, std::nullopt, std::nullopt},
      {october, october + 2h, october + 24h},
  };
  const auto figures = MonthlyFigures(concerns, day_of);
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].year, 2026);
  EXPECT_EQ(figures[0].month, 11u);
  EXPECT_EQ(figures[0].raised, 3);
  EXPECT_EQ(figures[0].acknowledged, 2);
  EXPECT_EQ(figures[0].median_to_acknowledge, 20min);
  EXPECT_EQ(figures[0].closed, 1);
  EXPECT_EQ(figures[0].median_to_close, 48h);
  EXPECT_EQ(figures[1].month, 10u);
  EXPECT_EQ(figures[1].median_to_acknowledge, 2h);
}

}  // namespace
}  // namespace cercle::domain
