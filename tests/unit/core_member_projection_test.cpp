// The volunteer-safe view of a core member: what the circles' volunteers may know, and nothing
// more.
#include <gtest/gtest.h>

#include "domain/core_member_projection.hpp"

namespace cercle::domain {
namespace {

const CivilDate kToday = *ParseIsoDate("2026-11-30");

CoreMember SensitiveFile() {
  CoreMember member;
  member.id = 3;
  member.legal_name = "Marcel-Légal Exemple";
  member.preferred_name = "Marcel";
  member.birth_date = ParseIsoDate("1961-04-12");
  member.file_number = "2026-001";
  member.preferred_language = PreferredLanguage::kFrench;
  member.phone = "514 555-0111";
  member.email = "marcel@example.org";
  member.address = "12, rue Secrète";
  member.region = "Montréal — Rosemont";
  member.offence_summary = "INFRACTION-SECRETE";
  member.volunteer_summary = "Aime le jardinage.";
  return member;
}

Condition ProtectedCondition() {
  Condition condition;
  condition.core_member_id = 3;
  condition.kind = ConditionKind::kNoContactPerson;
  condition.text = "Aucun contact avec VICTIME-TEXTE";
  condition.protects_victim = true;
  condition.victim_identity = "VICTIME-JOSEE";
  condition.victim_places = "LIEU-RUE-SECRETE";
  condition.ends_on = AddDays(kToday, 100);
  return condition;
}

// Everything a view holds, as one text to search.
std::string Everything(const VolunteerCoreMemberView& view) {
  std::string text = view.name + "|" + view.other_language + "|" + view.region + "|" + view.summary;
  for (const auto& condition : view.conditions)
    text += "|" + condition.kind_label + "|" + condition.text;
  return text;
}

TEST(VolunteerView, ShowsTheNameHeGoesByLanguageRegionAndTheVolunteerSummary) {
  const auto view = ProjectForVolunteers(SensitiveFile(), {}, kToday);
  EXPECT_EQ(view.name, "Marcel");
  EXPECT_EQ(view.preferred_language, PreferredLanguage::kFrench);
  EXPECT_EQ(view.region, "Montréal — Rosemont");
  EXPECT_EQ(view.summary, "Aime le jardinage.");
  auto no_preferred = SensitiveFile();
  no_preferred.preferred_name.clear();
  EXPECT_EQ(ProjectForVolunteers(no_preferred, {}, kToday).name, "Marcel-Légal Exemple");
}

TEST(VolunteerView, NeverHoldsTheOffenceSummaryOrContactDetails) {
  const std::string text =
      Everything(ProjectForVolunteers(SensitiveFile(), {ProtectedCondition()}, kToday));
  for (const char* secret : {"INFRACTION-SECRETE", "514 555-0111", "marcel@example.org",
                             "rue Secrète", "1961", "2026-001", "Légal"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  }
}

TEST(VolunteerView, AConditionProtectingAVictimReadsOnlyTheFixedWording) {
  auto exclusion = ProtectedCondition();
  exclusion.kind = ConditionKind::kExclusionZone;
  exclusion.text = "Ne pas aller près de LIEU-DANS-LE-TEXTE";
  const auto view =
      ProjectForVolunteers(SensitiveFile(), {ProtectedCondition(), exclusion}, kToday);
  ASSERT_EQ(view.conditions.size(), 2u);
  for (const auto& condition : view.conditions) {
    EXPECT_TRUE(condition.protects_victim);
    EXPECT_EQ(condition.text, kProtectedConditionText);
    EXPECT_EQ(condition.text, "No contact with a named person (details held by the coordinator)");
    EXPECT_EQ(condition.kind_label, LabelOf(ConditionKind::kNoContactPerson));
    EXPECT_EQ(condition.ends_on, AddDays(kToday, 100));
  }
  const std::string text = Everything(view);
  for (const char* secret :
       {"VICTIME-JOSEE", "LIEU-RUE-SECRETE", "VICTIME-TEXTE", "LIEU-DANS-LE-TEXTE"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  }
}

TEST(VolunteerView, ANoContactConditionStoredWithoutTheMarkIsStillProtected) {
  auto unmarked = ProtectedCondition();
  unmarked.protects_victim = false;
  const auto view = ProjectForVolunteers(SensitiveFile(), {unmarked}, kToday);
  ASSERT_EQ(view.conditions.size(), 1u);
  EXPECT_EQ(view.conditions[0].text, kProtectedConditionText);
  EXPECT_EQ(Everything(view).find("VICTIME"), std::string::npos);
}

TEST(VolunteerView, OtherConditionsKeepTheirTextAndEndedOnesAreLeftOut) {
  Condition curfew;
  curfew.core_member_id = 3;
  curfew.kind = ConditionKind::kCurfew;
  curfew.text = "De 22 h à 6 h";
  Condition ended = curfew;
  ended.text = "Ancienne condition";
  ended.ends_on = AddDays(kToday, -1);
  Condition someone_else = curfew;
  someone_else.core_member_id = 4;
  someone_else.text = "Condition d'un autre";
  const auto view = ProjectForVolunteers(SensitiveFile(), {curfew, ended, someone_else}, kToday);
  ASSERT_EQ(view.conditions.size(), 1u);
  EXPECT_EQ(view.conditions[0].text, "De 22 h à 6 h");
  EXPECT_EQ(view.conditions[0].kind_label, LabelOf(ConditionKind::kCurfew));
  EXPECT_FALSE(view.conditions[0].protects_victim);
}

TEST(VolunteerView, NamesTheOtherLanguageOnlyWhenItIsTheOneHePrefers) {
  auto member = SensitiveFile();
  member.other_language = "espagnol";
  EXPECT_EQ(ProjectForVolunteers(member, {}, kToday).other_language, "");
  member.preferred_language = PreferredLanguage::kOther;
  EXPECT_EQ(ProjectForVolunteers(member, {}, kToday).other_language, "espagnol");
}

}  // namespace
}  // namespace cercle::domain
