#include <gtest/gtest.h>

#include "domain/circle.hpp"
#include "domain/circle_suggestions.hpp"

namespace cercle::domain {
namespace {

CivilDate D(const char* iso) { return *ParseIsoDate(iso); }

TEST(CirclePhases, AllowedMovesWork) {
  EXPECT_TRUE(CheckPhaseChange(CirclePhase::kForming, CirclePhase::kPreRelease));
  EXPECT_TRUE(CheckPhaseChange(CirclePhase::kForming, CirclePhase::kIntensive));
  EXPECT_TRUE(CheckPhaseChange(CirclePhase::kPreRelease, CirclePhase::kIntensive));
  EXPECT_TRUE(CheckPhaseChange(CirclePhase::kIntensive, CirclePhase::kWeekly));
  EXPECT_TRUE(CheckPhaseChange(CirclePhase::kWeekly, CirclePhase::kBiweekly));
  EXPECT_TRUE(CheckPhaseChange(CirclePhase::kBiweekly, CirclePhase::kMonthly));
  EXPECT_TRUE(CheckPhaseChange(CirclePhase::kMonthly, CirclePhase::kInformal));
  EXPECT_TRUE(CheckPhaseChange(CirclePhase::kMonthly, CirclePhase::kWeekly))
      << "a crisis tightens the rhythm";
  EXPECT_TRUE(CheckPhaseChange(CirclePhase::kWeekly, CirclePhase::kSuspended));
  EXPECT_TRUE(CheckPhaseChange(CirclePhase::kSuspended, CirclePhase::kMonthly));
  EXPECT_TRUE(CheckPhaseChange(CirclePhase::kForming, CirclePhase::kClosed));
  EXPECT_TRUE(CheckPhaseChange(CirclePhase::kInformal, CirclePhase::kClosed));
}

TEST(CirclePhases, OtherMovesAreRefused) {
  EXPECT_FALSE(CheckPhaseChange(CirclePhase::kForming, CirclePhase::kWeekly));
  EXPECT_FALSE(CheckPhaseChange(CirclePhase::kForming, CirclePhase::kSuspended));
  EXPECT_FALSE(CheckPhaseChange(CirclePhase::kWeekly, CirclePhase::kForming));
  EXPECT_FALSE(CheckPhaseChange(CirclePhase::kWeekly, CirclePhase::kPreRelease));
  EXPECT_FALSE(CheckPhaseChange(CirclePhase::kClosed, CirclePhase::kWeekly));
  EXPECT_FALSE(CheckPhaseChange(CirclePhase::kWeekly, CirclePhase::kWeekly));
}

TEST(CirclePhases, EachPhaseHasItsMeetingRhythm) {
  const auto since = D("2026-01-05");
  EXPECT_FALSE(MeetingOverdue(CirclePhase::kWeekly, D("2026-11-20"), since, D("2026-11-30")));
  EXPECT_TRUE(MeetingOverdue(CirclePhase::kWeekly, D("2026-11-19"), since, D("2026-11-30")));
  EXPECT_FALSE(MeetingOverdue(CirclePhase::kBiweekly, D("2026-11-13"), since, D("2026-11-30")));
  EXPECT_TRUE(MeetingOverdue(CirclePhase::kBiweekly, D("2026-11-12"), since, D("2026-11-30")));
  EXPECT_FALSE(MeetingOverdue(CirclePhase::kMonthly, D("2026-10-30"), since, D("2026-11-30")));
  EXPECT_TRUE(MeetingOverdue(CirclePhase::kMonthly, D("2026-10-20"), since, D("2026-11-30")));
  EXPECT_FALSE(MeetingOverdue(CirclePhase::kSuspended, std::nullopt, since, D("2026-11-30")));
  EXPECT_FALSE(MeetingOverdue(CirclePhase::kForming, std::nullopt, since, D("2026-11-30")));
  // No meeting yet: counted from when the phase began.
  EXPECT_FALSE(
      MeetingOverdue(CirclePhase::kIntensive, std::nullopt, D("2026-11-25"), D("2026-11-30")));
  EXPECT_TRUE(
      MeetingOverdue(CirclePhase::kIntensive, std::nullopt, D("2026-11-15"), D("2026-11-30")));
}

TEST(CircleSize, StartsOnlyWithinTheOrganisationsLimits) {
  EXPECT_FALSE(CheckCircleSize(2, 3, 4, true));
  EXPECT_TRUE(CheckCircleSize(3, 3, 4, true));
  EXPECT_TRUE(CheckCircleSize(4, 3, 4, true));
  EXPECT_FALSE(CheckCircleSize(5, 3, 4, true));
  EXPECT_TRUE(CheckCircleSize(2, 3, 4, false)) << "a forming circle may be short";
  EXPECT_FALSE(CheckCircleSize(5, 3, 4, false));
  EXPECT_TRUE(CheckCircleSize(2, 2, 6, true)) << "other programs allow 2 to 6";
}

TEST(CircleCalendar, ReviewsEveryThreeMonthsAndRenewalEveryYear) {
  EXPECT_EQ(FormatIsoDate(NextReviewDate(D("2026-01-31"), std::nullopt, 3)), "2026-04-30");
  EXPECT_EQ(FormatIsoDate(NextReviewDate(D("2026-01-31"), D("2026-05-02"), 3)), "2026-08-02");
  EXPECT_EQ(FormatIsoDate(NextRenewalDate(D("2025-12-15"), std::nullopt)), "2026-12-15");
  EXPECT_EQ(FormatIsoDate(NextRenewalDate(D("2024-02-29"), D("2025-02-28"))), "2026-02-28");
}

TEST(Covenant, FirstActivePhaseNeedsEverySignature) {
  EXPECT_FALSE(CheckCovenantSigned({true, {}}, false));
  EXPECT_FALSE(CheckCovenantSigned({false, {}}, true));
  const auto missing = CheckCovenantSigned({true, {"Rosalie Exemple", "Octave Essai"}}, true);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message.arguments.at(0).value, "Rosalie Exemple, Octave Essai");
  EXPECT_TRUE(CheckCovenantSigned({true, {}}, true));
}

Candidate Make(std::int64_t id, std::string name) {
  Candidate candidate;
  candidate.volunteer_id = id;
  candidate.name = std::move(name);
  candidate.languages = {"fr"};
  candidate.region = "Montréal";
  return candidate;
}

TEST(CircleSuggestions, HardExclusionsNeverRankAndCarryTheirReasons) {
  CircleNeeds needs{{"fr"}, "Montréal", "victims_children", {"H2X", "Laval"}, {"tue_evening"}, {}};
  auto conflict = Make(1, "Alice Conflit");
  conflict.declared_conflict = true;
  auto zone = Make(2, "Bruno Zone");
  zone.postal_code = "H2X 1Y4";
  auto zone_region = Make(3, "Carole Laval");
  zone_region.region = "Laval";
  auto declined = Make(4, "Denis Refus");
  declined.declined_profiles = {"victims_children"};
  auto gated = Make(5, "Émile Porte");
  gated.gate_failures = {{"Basic training is not complete.", {}}};
  auto both = Make(6, "Fanny Double");
  both.declared_conflict = true;
  both.declined_profiles = {"victims_children"};
  const auto eligible = Make(7, "Gilles Libre");
  const auto ranked =
      RankCandidates(needs, {conflict, zone, zone_region, declined, gated, both, eligible});
  ASSERT_EQ(ranked.size(), 7u);
  EXPECT_EQ(ranked[0].volunteer_id, 7);
  EXPECT_FALSE(ranked[0].excluded);
  for (std::size_t i = 1; i < ranked.size(); ++i) {
    EXPECT_TRUE(ranked[i].excluded) << ranked[i].name;
    EXPECT_FALSE(ranked[i].exclusions.empty()) << ranked[i].name;
    EXPECT_EQ(ranked[i].score, 0);
  }
  const auto fanny =
      std::find_if(ranked.begin(), ranked.end(), [](const auto& s) { return s.volunteer_id == 6; });
  EXPECT_EQ(fanny->exclusions.size(), 2u) << "every reason, not only the first";
  const auto emile =
      std::find_if(ranked.begin(), ranked.end(), [](const auto& s) { return s.volunteer_id == 5; });
  EXPECT_EQ(emile->exclusions.at(0).id, "Basic training is not complete.");
}

TEST(CircleSuggestions, ALanguageMatchOutranksANonMatchAllElseEqual) {
  CircleNeeds needs{{"en"}, "Montréal", "", {}, {"tue_evening"}, {}};
  auto speaks = Make(1, "Zed Anglophone");
  speaks.languages = {"fr", "en"};
  auto does_not = Make(2, "Aline Francophone");
  const auto ranked = RankCandidates(needs, {does_not, speaks});
  EXPECT_EQ(ranked[0].volunteer_id, 1);
  EXPECT_GT(ranked[0].score, ranked[1].score);
  EXPECT_EQ(ranked[0].reasons[0].id, "Shares a language with the core member.");
}

TEST(CircleSuggestions, RegionTimesLoadAndBalanceEachCount) {
  CircleNeeds needs{{"fr"}, "Montréal", "", {}, {"tue_evening", "sat_morning"}, {"homme", "homme"}};
  const auto base = Make(1, "A Base");
  auto elsewhere = Make(2, "B Ailleurs");
  elsewhere.region = "Québec";
  auto available = Make(3, "C Disponible");
  available.availability = {"tue_evening", "sat_morning"};
  auto busy = Make(4, "D Occupé");
  busy.circle_count = 2;
  auto balance = Make(5, "E Femme");
  balance.gender = "femme";
  const auto ranked = RankCandidates(needs, {base, elsewhere, available, busy, balance});
  const auto score = [&](std::int64_t id) {
    return std::find_if(ranked.begin(), ranked.end(),
                        [&](const auto& s) { return s.volunteer_id == id; })
        ->score;
  };
  EXPECT_GT(score(1), score(2));
  EXPECT_GT(score(3), score(1));
  EXPECT_GT(score(1), score(4));
  EXPECT_GT(score(5), score(1));
}

}  // namespace
}  // namespace cercle::domain
