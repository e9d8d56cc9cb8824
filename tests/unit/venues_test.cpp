#include <gtest/gtest.h>

#include "domain/legal.hpp"
#include "domain/venues.hpp"

namespace cercle::domain {
namespace {

CivilDate D(const char* iso) { return *ParseIsoDate(iso); }

Condition ConditionOf(std::int64_t id, ConditionKind kind, const char* text,
                      const char* zone = "") {
  Condition condition;
  condition.id = id;
  condition.kind = kind;
  condition.text = text;
  condition.zone = zone;
  return condition;
}

Venue Library() {
  Venue venue;
  venue.id = 7;
  venue.name = "Bibliothèque municipale (salle B)";
  venue.kind = VenueKind::kLibrary;
  venue.children_present = true;
  venue.exclusion_zones = "Parc des Érables\n  Quartier Nord  \n\n";
  return venue;
}

TEST(VenueClashes, ChildrenPresentClashWithNoContactWithMinorsNamingTheCondition) {
  const auto library = Library();
  const auto clashes = ClashesWith(
      &library, MeetingMode::kInPerson,
      {ConditionOf(3, ConditionKind::kNoContactMinors, "Aucun contact avec des mineurs")},
      D("2026-12-07"));
  ASSERT_EQ(clashes.size(), 1u);
  EXPECT_EQ(clashes[0].condition_id, 3);
  EXPECT_NE(clashes[0].message.id.find("No contact with minors"), std::string::npos)
      << "the kind's label is named";
  ASSERT_EQ(clashes[0].message.arguments.size(), 1u);
  EXPECT_EQ(clashes[0].message.arguments[0].value, "Aucun contact avec des mineurs");
}

TEST(VenueClashes, VideoClashesWithAnInternetConditionAndNoVenueCounts) {
  const auto library = Library();
  const std::vector<Condition> conditions = {
      ConditionOf(4, ConditionKind::kInternet, "Interdiction d'utiliser Internet"),
      ConditionOf(5, ConditionKind::kNoContactMinors, "Aucun contact avec des mineurs")};
  const auto clashes = ClashesWith(&library, MeetingMode::kVideo, conditions, D("2026-12-07"));
  ASSERT_EQ(clashes.size(), 1u) << "a video meeting is held at no venue";
  EXPECT_EQ(clashes[0].condition_id, 4);
  EXPECT_NE(clashes[0].message.id.find("Internet"), std::string::npos);
  EXPECT_EQ(clashes[0].message.arguments[0].value, "Interdiction d'utiliser Internet");
  EXPECT_TRUE(ClashesWith(nullptr, MeetingMode::kTelephone, conditions, D("2026-12-07")).empty());
}

TEST(VenueClashes, ExclusionZoneMatchesTheVenuesZonesAccentsAndCaseAside) {
  const auto library = Library();
  const auto clashes = ClashesWith(&library, MeetingMode::kInPerson,
                                   {ConditionOf(6, ConditionKind::kExclusionZone,
                                                "Ne pas se trouver au parc", "parc des erables"),
                                    ConditionOf(8, ConditionKind::kExclusionZone,
                                                "Ne pas aller au centre-ville", "Centre-ville")},
                                   D("2026-12-07"));
  ASSERT_EQ(clashes.size(), 1u);
  EXPECT_EQ(clashes[0].condition_id, 6);
  EXPECT_NE(clashes[0].message.id.find("Exclusion zone"), std::string::npos);
}

TEST(VenueClashes, NoClashAtAVenueThatFitsTheConditions) {
  Venue office;
  office.name = "Local de l'organisme";
  office.kind = VenueKind::kOffice;
  const std::vector<Condition> conditions = {
      ConditionOf(1, ConditionKind::kNoContactMinors, "Aucun contact avec des mineurs"),
      ConditionOf(2, ConditionKind::kInternet, "Pas d'Internet"),
      ConditionOf(3, ConditionKind::kExclusionZone, "Zone", "Parc des Érables"),
      ConditionOf(4, ConditionKind::kCurfew, "Couvre-feu de 22 h à 6 h")};
  EXPECT_TRUE(ClashesWith(&office, MeetingMode::kInPerson, conditions, D("2026-12-07")).empty());
  EXPECT_TRUE(ClashesWith(nullptr, MeetingMode::kTelephone, conditions, D("2026-12-07")).empty());
}

TEST(VenueClashes, ConditionsNotInForceThatDayDoNotClash) {
  const auto library = Library();
  auto ended = ConditionOf(1, ConditionKind::kNoContactMinors, "Aucun contact avec des mineurs");
  ended.ends_on = D("2026-12-06");
  auto later = ConditionOf(2, ConditionKind::kExclusionZone, "Zone", "Quartier Nord");
  later.starts_on = D("2026-12-08");
  EXPECT_TRUE(
      ClashesWith(&library, MeetingMode::kInPerson, {ended, later}, D("2026-12-07")).empty());
  EXPECT_EQ(ClashesWith(&library, MeetingMode::kInPerson, {ended, later}, D("2026-12-08")).size(),
            1u);
  EXPECT_EQ(ClashesWith(&library, MeetingMode::kInPerson, {ended, later}, D("2026-12-06")).size(),
            1u);
}

TEST(VenueRules, ZonesAreTrimmedOnePerLineAndTheNameIsRequired) {
  auto venue = Library();
  EXPECT_EQ(venue.Zones(), (std::vector<std::string>{"Parc des Érables", "Quartier Nord"}));
  EXPECT_TRUE(CheckVenue(venue));
  EXPECT_EQ(venue.exclusion_zones, "Parc des Érables\nQuartier Nord");
  venue.name = "   ";
  const auto refused = CheckVenue(venue);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.at(0).field, "name");
  venue.name = std::string(121, 'x');
  EXPECT_FALSE(CheckVenue(venue));
}

TEST(VenueRules, AnOverrideNeedsAShortReason) {
  std::string reason = "  ";
  EXPECT_FALSE(CheckClashOverride(reason));
  reason = std::string(501, 'x');
  EXPECT_FALSE(CheckClashOverride(reason));
  reason = "  Salle fermée aux enfants ce soir-là, confirmé avec l'agent.  ";
  EXPECT_TRUE(CheckClashOverride(reason));
  EXPECT_EQ(reason, "Salle fermée aux enfants ce soir-là, confirmé avec l'agent.");
}

}  // namespace
}  // namespace cercle::domain
