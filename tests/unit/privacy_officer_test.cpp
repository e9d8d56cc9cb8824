// The check of a person in charge of the protection of personal information
// (domain::CheckPrivacyOfficer): what it requires, what it trims, and that a delegation needs its
// date while an undelegated function keeps none.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "domain/privacy_officer.hpp"

namespace cercle::domain {
namespace {

using namespace std::chrono;

constexpr CivilDate kToday{year{2026}, month{11}, day{30}};

PrivacyOfficerDetails Valid() {
  return {.name = "  Rachel Registre ",
          .title = "Responsable de la protection des renseignements personnels",
          .email = " vie-privee@exemple.org ",
          .phone = "514 555-0123 poste 4",
          .postal_address = "C.P. 12, Montréal",
          .delegated = true,
          .delegated_on = CivilDate{year{2026}, month{3}, day{2}},
          .delegated_by = "Gaston Direction"};
}

std::vector<std::string> Fields(const Status& status) {
  std::vector<std::string> fields;
  if (status) return fields;
  for (const auto& field : status.error().fields) fields.push_back(field.field);
  std::sort(fields.begin(), fields.end());
  return fields;
}

TEST(PrivacyOfficerCheck, AcceptsACompletePersonAndTrimsTheText) {
  auto officer = Valid();
  ASSERT_TRUE(CheckPrivacyOfficer(officer, kToday));
  EXPECT_EQ(officer.name, "Rachel Registre");
  EXPECT_EQ(officer.email, "vie-privee@exemple.org");
}

TEST(PrivacyOfficerCheck, RequiresANameATitleAndAnEmailAddress) {
  auto officer = Valid();
  officer.name = " ";
  officer.title = "";
  officer.email = "";
  EXPECT_EQ(Fields(CheckPrivacyOfficer(officer, kToday)),
            (std::vector<std::string>{"email", "name", "title"}));
}

TEST(PrivacyOfficerCheck, RefusesAMalformedEmailPhoneAndOverlongText) {
  auto officer = Valid();
  officer.email = "pas une adresse";
  officer.phone = "appelez-moi";
  officer.postal_address = std::string(kMaxOfficerAddress + 1, 'a');
  officer.title = std::string(kMaxOfficerName + 1, 't');
  EXPECT_EQ(Fields(CheckPrivacyOfficer(officer, kToday)),
            (std::vector<std::string>{"email", "phone", "postal_address", "title"}));
}

TEST(PrivacyOfficerCheck, ADelegationNeedsARealPastDate) {
  auto officer = Valid();
  officer.delegated_on.reset();
  EXPECT_EQ(Fields(CheckPrivacyOfficer(officer, kToday)), std::vector<std::string>{"delegated_on"});
  officer.delegated_on = CivilDate{year{2026}, month{12}, day{1}};
  EXPECT_EQ(Fields(CheckPrivacyOfficer(officer, kToday)), std::vector<std::string>{"delegated_on"});
  officer.delegated_on = kToday;
  EXPECT_TRUE(CheckPrivacyOfficer(officer, kToday));
}

TEST(PrivacyOfficerCheck, WithoutDelegationTheDelegationIsCleared) {
  auto officer = Valid();
  officer.delegated = false;
  officer.delegated_on.reset();
  officer.delegated_by = "Quelqu'un";
  ASSERT_TRUE(CheckPrivacyOfficer(officer, kToday));
  EXPECT_FALSE(officer.delegated_on);
  EXPECT_EQ(officer.delegated_by, "");
}

}  // namespace
}  // namespace cercle::domain
