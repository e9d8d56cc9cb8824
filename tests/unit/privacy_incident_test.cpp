// The rules of the register of confidentiality incidents: what an entry must hold, when its
// notices are overdue (counted from the day the organisation learned of it, on an injected day),
// how long it is kept, and the references a form carries.
#include "domain/privacy_incident.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/settings.hpp"

namespace cercle::domain {
namespace {

CivilDate Day(int year, unsigned month, unsigned day) {
  return CivilDate(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day));
}

const CivilDate kToday = Day(2026, 11, 30);

// A complete entry: a document e-mailed to the wrong partner, no risk of serious injury.
PrivacyIncident Complete() {
  PrivacyIncident incident;
  incident.information = "Le plan de sécurité d'un membre principal.";
  incident.circumstances = "Envoyé par erreur au mauvais partenaire.";
  incident.occurred_from = Day(2026, 11, 20);
  incident.learned_on = Day(2026, 11, 21);
  incident.people_count = 1;
  incident.sensitivity_level = RiskLevel::kHigh;
  incident.misuse_level = RiskLevel::kLow;
  incident.consequences_level = RiskLevel::kModerate;
  incident.likelihood_level = RiskLevel::kLow;
  incident.conclusion = RiskConclusion::kNotSerious;
  incident.measures = "Le partenaire a confirmé la suppression du courriel.";
  return incident;
}

// The fields `status` refuses, in order.
std::vector<std::string> Refused(const Status& status) {
  std::vector<std::string> fields;
  if (status) return fields;
  for (const auto& field : status.error().fields) fields.push_back(field.field);
  return fields;
}

bool Refuses(const Status& status, const std::string& field) {
  const auto fields = Refused(status);
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

TEST(PrivacyIncidentCheck, AcceptsACompleteEntryAndSetsItsKeepUntil) {
  auto incident = Complete();
  incident.circumstances = "  Envoyé par erreur.  ";
  const auto checked = CheckPrivacyIncident(incident, kToday, 1);
  EXPECT_TRUE(checked) << Refused(checked).front();
  EXPECT_EQ(incident.circumstances, "Envoyé par erreur.");
  EXPECT_EQ(incident.keep_until, Day(2031, 11, 21));
}

TEST(PrivacyIncidentCheck, AsksForTheInformationOrWhyItIsUnknown) {
  auto incident = Complete();
  incident.information = " ";
  EXPECT_TRUE(Refuses(CheckPrivacyIncident(incident, kToday, 0), "information"));
  incident.information_unknown = "Le portable volé n'a pas pu être examiné.";
  EXPECT_TRUE(CheckPrivacyIncident(incident, kToday, 0));
}

TEST(PrivacyIncidentCheck, AsksForTheDateOrWhyItIsUnknown) {
  auto incident = Complete();
  incident.occurred_from.reset();
  EXPECT_TRUE(Refuses(CheckPrivacyIncident(incident, kToday, 0), "occurred_from"));
  incident.occurred_unknown = "Le dossier papier a pu être perdu à tout moment en octobre.";
  EXPECT_TRUE(CheckPrivacyIncident(incident, kToday, 0));
  // An end without a start is refused even with a reason.
  incident.occurred_until = Day(2026, 11, 1);
  EXPECT_TRUE(Refuses(CheckPrivacyIncident(incident, kToday, 0), "occurred_from"));
}

TEST(PrivacyIncidentCheck, RefusesAPeriodThatEndsBeforeItStartsOrLiesInTheFuture) {
  auto incident = Complete();
  incident.occurred_until = Day(2026, 11, 19);
  EXPECT_TRUE(Refuses(CheckPrivacyIncident(incident, kToday, 0), "occurred_until"));
  incident.occurred_until = Day(2026, 12, 1);
  EXPECT_TRUE(Refuses(CheckPrivacyIncident(incident, kToday, 0), "occurred_until"));
  incident.occurred_until = Day(2026, 11, 20);
  EXPECT_TRUE(CheckPrivacyIncident(incident, kToday, 0));
}

TEST(PrivacyIncidentCheck, TheOrganisationLearnsOfItNeitherBeforeItBeganNorInTheFuture) {
  auto incident = Complete();
  incident.learned_on = Day(2026, 11, 19);
  EXPECT_TRUE(Refuses(CheckPrivacyIncident(incident, kToday, 0), "learned_on"));
  incident.learned_on = Day(2026, 12, 1);
  EXPECT_TRUE(Refuses(CheckPrivacyIncident(incident, kToday, 0), "learned_on"));
}

TEST(PrivacyIncidentCheck, CountsAtLeastThePeopleListed) {
  auto incident = Complete();
  EXPECT_TRUE(Refuses(CheckPrivacyIncident(incident, kToday, 2), "people_count"));
  incident.people_count = -1;
  EXPECT_TRUE(Refuses(CheckPrivacyIncident(incident, kToday, 0), "people_count"));
  incident.people_count = 2;
  EXPECT_TRUE(CheckPrivacyIncident(incident, kToday, 2));
}

TEST(PrivacyIncidentCheck, NeedsEveryLevelAndTheConclusion) {
  auto incident = Complete();
  incident.misuse_level.reset();
  incident.conclusion.reset();
  const auto checked = CheckPrivacyIncident(incident, kToday, 0);
  EXPECT_TRUE(Refuses(checked, "misuse_level"));
  EXPECT_TRUE(Refuses(checked, "conclusion"));
  EXPECT_FALSE(Refuses(checked, "sensitivity_level"));
}

TEST(PrivacyIncidentCheck, ANoticeComesNeitherBeforeTheOrganisationLearnedOfItNorInTheFuture) {
  auto incident = Complete();
  incident.commission_notified_on = Day(2026, 11, 20);
  incident.people_notified_on = Day(2026, 12, 2);
  const auto checked = CheckPrivacyIncident(incident, kToday, 0);
  EXPECT_TRUE(Refuses(checked, "commission_notified_on"));
  EXPECT_TRUE(Refuses(checked, "people_notified_on"));
}

TEST(PrivacyIncidentCheck, NeedsTheCircumstancesAndTheMeasures) {
  auto incident = Complete();
  incident.circumstances.clear();
  incident.measures = std::string(kMaxIncidentText + 1, 'x');
  const auto checked = CheckPrivacyIncident(incident, kToday, 0);
  EXPECT_TRUE(Refuses(checked, "circumstances"));
  EXPECT_TRUE(Refuses(checked, "measures"));
}

TEST(IncidentKeepUntil, IsFiveYearsAfterTheOrganisationLearnedOfIt) {
  EXPECT_EQ(IncidentKeepUntil(Day(2026, 3, 4)), Day(2031, 3, 4));
  // A 29 February becomes the last day of February five years on.
  EXPECT_EQ(IncidentKeepUntil(Day(2028, 2, 29)), Day(2033, 2, 28));
}

TEST(NoticeOverdue, FlagsASeriousIncidentWithoutNoticeFromTheDayAfterTheDelay) {
  auto incident = Complete();
  incident.conclusion = RiskConclusion::kSerious;
  incident.learned_on = Day(2026, 11, 21);
  EXPECT_FALSE(NoticeOverdue(incident, Day(2026, 11, 24), 3));
  EXPECT_EQ(NoticeStatusOf(incident, Day(2026, 11, 24), 3).state, NoticeState::kDue);
  EXPECT_EQ(NoticeStatusOf(incident, Day(2026, 11, 24), 3).due_by, Day(2026, 11, 24));
  EXPECT_TRUE(NoticeOverdue(incident, Day(2026, 11, 25), 3));
  // A longer delay moves the flag.
  EXPECT_FALSE(NoticeOverdue(incident, Day(2026, 11, 25), 10));
}

TEST(NoticeOverdue, StaysFlaggedUntilBothTheCommissionAndThePeopleAreNotified) {
  auto incident = Complete();
  incident.conclusion = RiskConclusion::kSerious;
  incident.commission_notified_on = Day(2026, 11, 22);
  EXPECT_TRUE(NoticeOverdue(incident, kToday, 3));
  incident.people_notified_on = Day(2026, 11, 29);
  EXPECT_FALSE(NoticeOverdue(incident, kToday, 3));
  EXPECT_EQ(NoticeStatusOf(incident, kToday, 3).state, NoticeState::kGiven);
}

TEST(NoticeOverdue, NeverFlagsAnIncidentWithoutRiskOfSeriousInjury) {
  const auto incident = Complete();
  EXPECT_FALSE(NoticeOverdue(incident, Day(2027, 6, 1), 1));
  EXPECT_EQ(NoticeStatusOf(incident, Day(2027, 6, 1), 1).state, NoticeState::kNotRequired);
}

TEST(NoticeDelaySetting, DefaultsToThreeDaysWithinOneToThirty) {
  const auto& setting = Setting(SettingKey::kPrivacyIncidentNoticeDays);
  EXPECT_EQ(setting.name, "privacy.incident_notice_days");
  EXPECT_EQ(setting.default_value, 3);
  EXPECT_EQ(setting.minimum, 1);
  EXPECT_EQ(setting.maximum, 30);
}

TEST(IncidentReferences, ReadBackWhatTheyWriteAndRefuseAnythingElse) {
  EXPECT_EQ(ReferenceText(IncidentRecordKind::kDocument, 12), "document:12");
  const auto record = ParseIncidentRecord("sharing_agreement:7");
  ASSERT_TRUE(record);
  EXPECT_EQ(record->kind, IncidentRecordKind::kSharingAgreement);
  EXPECT_EQ(record->id, 7);
  const auto person = ParseConcernedPerson(ReferenceText(ConcernedKind::kVolunteer, 5));
  ASSERT_TRUE(person);
  EXPECT_EQ(person->kind, ConcernedKind::kVolunteer);
  EXPECT_EQ(person->id, 5);
  for (const char* text : {"", "document", "document:", "document:0", "document:-3", "document:1x",
                           "fichier:3", "document:1234567890123456789"}) {
    EXPECT_FALSE(ParseIncidentRecord(text)) << text;
  }
  EXPECT_FALSE(ParseConcernedPerson("document:3"));
}

}  // namespace
}  // namespace cercle::domain
