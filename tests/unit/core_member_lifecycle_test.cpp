// The lifecycles of referrals and core members' files (DESIGN.md, "Lifecycles"), and the
// eligibility checklist.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <utility>

#include "domain/core_member.hpp"
#include "domain/eligibility.hpp"
#include "domain/referral.hpp"

namespace cercle::domain {
namespace {

using enum ReferralStatus;

// The moves the issue and DESIGN.md allow: received → screening → accepted | declined | waitlisted
// | withdrawn, a referral withdrawn before its screening, and a waitlisted one taken up again.
const std::set<std::pair<ReferralStatus, ReferralStatus>> kAllowedReferralMoves = {
    {kReceived, kScreening},   {kReceived, kWithdrawn},   {kScreening, kAccepted},
    {kScreening, kDeclined},   {kScreening, kWaitlisted}, {kScreening, kWithdrawn},
    {kWaitlisted, kScreening}, {kWaitlisted, kAccepted},  {kWaitlisted, kDeclined},
    {kWaitlisted, kWithdrawn},
};

bool HasField(const Error& error, const std::string& field) {
  return std::any_of(error.fields.begin(), error.fields.end(),
                     [&](const FieldError& each) { return each.field == field; });
}

TEST(ReferralLifecycle, EveryAllowedMoveWorks) {
  for (const auto& [from, to] : kAllowedReferralMoves) {
    const auto moved = CheckReferralMove(from, to, "Une raison claire", 0);
    EXPECT_TRUE(moved) << NameOf(from) << " → " << NameOf(to);
  }
}

TEST(ReferralLifecycle, OffersExactlyTheAllowedMoves) {
  for (const auto from : ReferralStatuses()) {
    for (const auto to : ReferralStatuses()) {
      const auto offered = AllowedReferralMoves(from);
      const bool listed = std::find(offered.begin(), offered.end(), to) != offered.end();
      EXPECT_EQ(listed, kAllowedReferralMoves.contains({from, to}))
          << NameOf(from) << " → " << NameOf(to);
    }
  }
}

TEST(ReferralLifecycle, EveryOtherMoveIsRefusedWithAClearError) {
  int refused = 0;
  for (const auto from : ReferralStatuses()) {
    for (const auto to : ReferralStatuses()) {
      if (kAllowedReferralMoves.contains({from, to})) continue;
      const auto moved = CheckReferralMove(from, to, "Une raison claire", 0);
      ASSERT_FALSE(moved) << NameOf(from) << " → " << NameOf(to);
      ++refused;
      const auto& message = moved.error().message;
      // The message names the statuses in words the reader knows (their labels, translated by the
      // page).
      ASSERT_FALSE(message.arguments.empty());
      EXPECT_EQ(message.arguments[0].name, "from");
      EXPECT_EQ(message.arguments[0].value, LabelOf(from));
      if (IsDecided(from)) {
        EXPECT_EQ(moved.error().kind, ErrorKind::kConflict);
        EXPECT_NE(message.id.find("final"), std::string::npos) << message.id;
      } else {
        EXPECT_EQ(moved.error().kind, ErrorKind::kInvalid);
        EXPECT_EQ(message.id, "A referral that is {from} cannot become {to}.");
        ASSERT_EQ(message.arguments.size(), 2u);
        EXPECT_EQ(message.arguments[1].value, LabelOf(to));
      }
    }
  }
  EXPECT_EQ(refused, 36 - static_cast<int>(kAllowedReferralMoves.size()));
}

TEST(ReferralLifecycle, DeclineOrWithdrawalWithoutAReasonIsRefused) {
  for (const auto to : {kDeclined, kWithdrawn}) {
    for (const std::string reason : {"", "   ", "\n\t"}) {
      const auto moved = CheckReferralMove(kScreening, to, reason, 0);
      ASSERT_FALSE(moved);
      EXPECT_TRUE(HasField(moved.error(), "reason"));
    }
    EXPECT_TRUE(CheckReferralMove(kScreening, to, "Ne demande pas d'aide", 0));
  }
  // Other moves need no reason.
  EXPECT_TRUE(CheckReferralMove(kReceived, kScreening, "", 0));
  EXPECT_TRUE(CheckReferralMove(kScreening, kWaitlisted, "", 0));
}

TEST(ReferralLifecycle, RefusesAReasonLongerThanTheLimit) {
  const auto moved =
      CheckReferralMove(kScreening, kDeclined, std::string(intake::kMaxReasonLength + 1, 'a'), 0);
  ASSERT_FALSE(moved);
  EXPECT_TRUE(HasField(moved.error(), "reason"));
}

TEST(ReferralLifecycle, AcceptanceNeedsEveryCriterionMet) {
  const auto missing = CheckReferralMove(kScreening, kAccepted, "", 2);
  ASSERT_FALSE(missing);
  EXPECT_TRUE(HasField(missing.error(), "checklist"));
  EXPECT_EQ(missing.error().fields.front().message.arguments.front().value, "2");
  EXPECT_TRUE(CheckReferralMove(kScreening, kAccepted, "", 0));
}

TEST(ReferralLifecycle, StoredNamesRoundTrip) {
  for (const auto status : ReferralStatuses())
    EXPECT_EQ(ParseEnum<domain::ReferralStatus>(NameOf(status)), status);
  for (const auto source : ReferralSources())
    EXPECT_EQ(ParseEnum<domain::ReferralSource>(NameOf(source)), source);
  EXPECT_FALSE(ParseEnum<domain::ReferralStatus>("approved"));
  EXPECT_FALSE(ParseEnum<domain::ReferralSource>(""));
  EXPECT_EQ(ReferralSources().size(), 6u);
}

TEST(ReferralForm, RequiresTheManAndTheReferrerExceptForASelfReferral) {
  const CivilDate today = *ParseIsoDate("2026-11-30");
  Referral referral;
  referral.source = ReferralSource::kCsc;
  referral.received_on = today;
  const auto empty = CheckReferral(referral, today);
  ASSERT_FALSE(empty);
  EXPECT_TRUE(HasField(empty.error(), "person_legal_name"));
  EXPECT_TRUE(HasField(empty.error(), "referrer_name"));

  referral.person_legal_name = "Marcel Exemple";
  referral.source = ReferralSource::kSelfReferral;
  EXPECT_TRUE(CheckReferral(referral, today));

  referral.source = ReferralSource::kOther;
  referral.referrer_name = "Mme Copie";
  const auto other = CheckReferral(referral, today);
  ASSERT_FALSE(other);
  EXPECT_TRUE(HasField(other.error(), "source_other"));

  referral.source = ReferralSource::kPolice;
  referral.received_on = AddDays(today, 1);
  referral.person_birth_date = today;
  const auto dates = CheckReferral(referral, today);
  ASSERT_FALSE(dates);
  EXPECT_TRUE(HasField(dates.error(), "received_on"));
  EXPECT_TRUE(HasField(dates.error(), "person_birth_date"));
}

using enum CoreMemberStatus;

const std::set<std::pair<CoreMemberStatus, CoreMemberStatus>> kAllowedFileMoves = {
    {kCandidate, kWaitingForCircle},
    {kCandidate, kClosed},
    {kWaitingForCircle, kCandidate},
    {kWaitingForCircle, kInCircle},
    {kWaitingForCircle, kClosed},
    {kInCircle, kBetweenCircles},
    {kInCircle, kClosed},
    {kBetweenCircles, kInCircle},
    {kBetweenCircles, kWaitingForCircle},
    {kBetweenCircles, kClosed},
};

TEST(CoreMemberLifecycle, EveryAllowedMoveWorks) {
  for (const auto& [from, to] : kAllowedFileMoves) {
    EXPECT_TRUE(CheckCoreMemberMove(from, to, "Cercle terminé"))
        << NameOf(from) << " → " << NameOf(to);
  }
}

TEST(CoreMemberLifecycle, EveryOtherMoveIsRefusedWithAClearError) {
  for (const auto from : CoreMemberStatuses()) {
    for (const auto to : CoreMemberStatuses()) {
      const auto offered = AllowedCoreMemberMoves(from);
      const bool allowed = kAllowedFileMoves.contains({from, to});
      EXPECT_EQ(std::find(offered.begin(), offered.end(), to) != offered.end(), allowed);
      if (allowed) continue;
      const auto moved = CheckCoreMemberMove(from, to, "Raison");
      ASSERT_FALSE(moved) << NameOf(from) << " → " << NameOf(to);
      if (from == kClosed) {
        EXPECT_EQ(moved.error().kind, ErrorKind::kConflict);
        EXPECT_NE(moved.error().message.id.find("reopens only"), std::string::npos);
      } else {
        EXPECT_EQ(moved.error().message.id, "A file that is {from} cannot become {to}.");
        EXPECT_EQ(moved.error().message.arguments.at(0).value, LabelOf(from));
        EXPECT_EQ(moved.error().message.arguments.at(1).value, LabelOf(to));
      }
    }
  }
}

TEST(CoreMemberLifecycle, ClosingNeedsAReason) {
  const auto closed = CheckCoreMemberMove(kInCircle, kClosed, "  ");
  ASSERT_FALSE(closed);
  EXPECT_TRUE(HasField(closed.error(), "reason"));
  EXPECT_TRUE(CheckCoreMemberMove(kInCircle, kBetweenCircles, ""));
}

TEST(CoreMemberLifecycle, AnAcceptanceOpensACandidateOrReopensOnlyAClosedFile) {
  EXPECT_EQ(StatusOnAcceptance(std::nullopt).value(), kCandidate);
  EXPECT_EQ(StatusOnAcceptance(kClosed).value(), kCandidate);
  for (const auto open : {kCandidate, kWaitingForCircle, kInCircle, kBetweenCircles}) {
    const auto reopened = StatusOnAcceptance(open);
    ASSERT_FALSE(reopened);
    EXPECT_EQ(reopened.error().kind, ErrorKind::kConflict);
  }
}

TEST(CoreMemberFile, ChecksIdentityAndContact) {
  const CivilDate today = *ParseIsoDate("2026-11-30");
  CoreMember member;
  member.legal_name = "Marcel Exemple";
  member.file_number = "2026-001";
  EXPECT_TRUE(CheckCoreMember(member, today));
  member.file_number = "../2026";
  EXPECT_TRUE(CheckCoreMember(member, today)) << "dots and slashes are allowed in file numbers";
  member.file_number = "2026<001>";
  member.legal_name = " ";
  member.email = "pas une adresse";
  member.birth_date = AddDays(today, 1);
  member.preferred_language = PreferredLanguage::kOther;
  member.statutory_release_date = today;
  member.warrant_expiry_date = AddDays(today, -1);
  const auto checked = CheckCoreMember(member, today);
  ASSERT_FALSE(checked);
  for (const char* field : {"legal_name", "file_number", "email", "birth_date", "other_language",
                            "warrant_expiry_date"}) {
    EXPECT_TRUE(HasField(checked.error(), field)) << field;
  }
  EXPECT_FALSE(CheckFileNumber(""));
  EXPECT_FALSE(CheckFileNumber(std::string(41, '1')));
  EXPECT_TRUE(CheckFileNumber("CM 2026/07-b"));
}

TEST(CoreMemberFile, SearchableTextHoldsBothNamesAndTheNumber) {
  CoreMember member;
  member.legal_name = "Hélène-Marc Exemple";
  member.preferred_name = "Marco";
  member.file_number = "2026-014";
  const std::string text = SearchableText(member);
  for (const char* part : {"Hélène-Marc Exemple", "Marco", "2026-014"}) {
    EXPECT_NE(text.find(part), std::string::npos) << part;
  }
}

TEST(EligibilityChecklist, ShowsWhichActiveCriteriaAreMissingInOrder) {
  std::vector<EligibilityCriterion> criteria = {
      {1, 9, "sexual_offence", "", 10, std::nullopt},
      {2, 9, "high_risk", "", 20, std::nullopt},
      {3, 9, "", "Réside dans la région", 5, std::nullopt},
      {4, 9, "", "Ancien critère", 1, Instant{}},
  };
  const auto lines = EligibilityChecklist(criteria, {2, 4});
  ASSERT_EQ(lines.size(), 3u) << "a retired criterion leaves the checklist";
  EXPECT_EQ(lines[0].criterion->id, 3);
  EXPECT_EQ(lines[1].criterion->id, 1);
  EXPECT_EQ(lines[2].criterion->id, 2);
  EXPECT_FALSE(lines[0].met);
  EXPECT_TRUE(lines[2].met);
  EXPECT_EQ(MissingCriteriaCount(lines), 2u);
  EXPECT_EQ(MissingCriteriaCount(EligibilityChecklist(criteria, {1, 2, 3})), 0u);
}

TEST(EligibilityChecklist, StartsWithTheProgramsFourCriteria) {
  ASSERT_EQ(DefaultCriteria().size(), 4u);
  for (const auto& criterion : DefaultCriteria()) {
    EXPECT_EQ(DefaultCriterionLabel(criterion.key), criterion.label);
  }
  EXPECT_FALSE(DefaultCriterionLabel("other"));
  EXPECT_FALSE(CheckCriterionLabel("   "));
  EXPECT_FALSE(CheckCriterionLabel(std::string(301, 'x')));
  EXPECT_TRUE(CheckCriterionLabel("Réside dans la région de Montréal"));
}

}  // namespace
}  // namespace cercle::domain
