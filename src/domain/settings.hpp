#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cercle::domain {

// The numeric settings an organisation admin can adjust, since programs differ. Each has one line
// in SettingDefinitions(): its stored name, label, unit, default and bounds.
enum class SettingKey {
  kVolunteerMinimumAge,
  kVolunteerCirclesPerVolunteer,
  kVolunteerSupervisionPeriodDays,
  kVolunteerExpiryNoticeDays,
  kVolunteerHourlyValueCents,
  kCircleMinimumVolunteers,
  kCircleMaximumVolunteers,
  kCircleReviewMonths,
  kCircleVolunteerAccessDays,
  kCircleContactFlagDays,
  kConcernAckMinutesEmergency,
  kConcernAckMinutesUrgent,
  kReportFiscalYearStartMonth,
  kPublicImpactPage,
  kPublicFoundingYear,
  kReportEvaluationMinimumGroup,
  kEvaluatorAccess,
  kNetworkShareFigures,
  kPrivacyIncidentNoticeDays,
};

// One setting: its key, the name it is stored under, and what the settings page shows and accepts.
struct SettingDefinition {
  SettingKey key = SettingKey::kVolunteerMinimumAge;
  std::string_view name;   // "volunteer.minimum_age", as stored
  std::string_view label;  // English msgid
  std::string_view unit;   // English msgid ("years", "days", "minutes"…), or ""
  std::int64_t default_value = 0;
  std::int64_t minimum = 0;
  std::int64_t maximum = 0;
};

// Every setting, in the order the settings page lists them. Each area adds its own here.
const std::vector<SettingDefinition>& SettingDefinitions();
// The definition of `key`.
const SettingDefinition& Setting(SettingKey key);

// The settings that expose information beyond the organisation's staff, each with its most
// protective value (Law 25, s. 9.1: privacy by default): the public impact page, evaluator access
// to the de-identified extract, the network's sharing of figures. A new organisation has these
// values until its admin changes them: SettingDefinitions() gives each one as its default.
struct ProtectiveSetting {
  SettingKey key = SettingKey::kPublicImpactPage;
  std::int64_t value = 0;
};
const std::vector<ProtectiveSetting>& ProtectiveSettings();

// An organisation's values: stored values over defaults.
class Settings {
 public:
  explicit Settings(std::map<std::string, std::int64_t, std::less<>> stored = {})
      : stored_(std::move(stored)) {}
  // The value of `key`, or its default.
  std::int64_t Get(SettingKey key) const;

 private:
  std::map<std::string, std::int64_t, std::less<>> stored_;
};

}  // namespace cercle::domain
