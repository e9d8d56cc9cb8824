#include "domain/settings.hpp"

#include <stdexcept>

#include "base/result.hpp"

namespace cercle::domain {

const std::vector<SettingDefinition>& SettingDefinitions() {
  using enum SettingKey;
  static const std::vector<SettingDefinition> definitions = {
      // Volunteers (src/domain/volunteer*.hpp, hours.hpp)
      {kVolunteerMinimumAge, "volunteer.minimum_age", N_("Minimum age of volunteers"), N_("years"),
       21, 16, 99},
      {kVolunteerCirclesPerVolunteer, "volunteer.circles_per_volunteer",
       N_("Circles per volunteer at most"), "", 1, 1, 10},
      {kVolunteerSupervisionPeriodDays, "volunteer.supervision_period_days",
       N_("Flag a volunteer without supervision after"), N_("days"), 90, 7, 730},
      {kVolunteerExpiryNoticeDays, "volunteer.expiry_notice_days",
       N_("List screening items expiring within"), N_("days"), 60, 1, 365},
      {kVolunteerHourlyValueCents, "volunteer.hourly_value_cents",
       N_("Value of one volunteer hour, for funders"), N_("cents"), 2750, 0, 100000},
      // Circles (src/domain/circle*.hpp, src/web/pages/circles/)
      {kCircleMinimumVolunteers, "circle.minimum_volunteers",
       N_("Volunteers a circle needs to start"), N_("volunteers"), 3, 1, 10},
      {kCircleMaximumVolunteers, "circle.maximum_volunteers", N_("Volunteers in a circle at most"),
       N_("volunteers"), 4, 1, 10},
      {kCircleReviewMonths, "circle.review_months", N_("Review each circle every"), N_("months"), 3,
       1, 12},
      {kCircleVolunteerAccessDays, "circle.volunteer_access_days",
       N_("Volunteers keep access to a closed circle for"), N_("days"), 30, 0, 365},
      {kCircleContactFlagDays, "circle.contact_flag_days",
       N_("Flag a circle without contact after"), N_("days"), 14, 2, 90},
      // Concerns (src/domain/concern_escalation.hpp, src/notify/concern_alerts.cpp)
      {kConcernAckMinutesEmergency, "concern.ack_minutes_emergency",
       N_("Time to acknowledge an emergency concern before it escalates"), N_("minutes"), 15, 1,
       240},
      {kConcernAckMinutesUrgent, "concern.ack_minutes_urgent",
       N_("Time to acknowledge an urgent concern before it escalates"), N_("minutes"), 240, 5,
       2880},
      // Reports (src/domain/report_period.hpp, src/web/pages/reports/, src/web/pages/public/)
      {kReportFiscalYearStartMonth, "report.fiscal_year_start_month",
       N_("First month of the fiscal year, for quarters"), N_("1 = January, 4 = April"), 4, 1, 12},
      {kPublicImpactPage, "public.impact_page", N_("Publish the public impact page"),
       N_("0 = no, 1 = yes"), 0, 0, 1},
      {kPublicFoundingYear, "public.founding_year",
       N_("Year the program started, for the public impact page"),
       N_("0 = the year of the first record"), 0, 0, 2100},
      {kReportEvaluationMinimumGroup, "report.evaluation_minimum_group",
       N_("Fewest core members who may share an age band, region and referral source in the "
          "evaluation extract"),
       N_("core members"), 5, 2, 100},
      {kEvaluatorAccess, "report.evaluator_access",
       N_("Let evaluators take the de-identified extract"), N_("0 = no, 1 = yes"), 0, 0, 1},
      {kNetworkShareFigures, "network.share_figures",
       N_("Add the funder figures to the network's totals"), N_("0 = no, 1 = yes"), 0, 0, 1},
      // Privacy (src/domain/privacy_incident.hpp)
      {kPrivacyIncidentNoticeDays, "privacy.incident_notice_days",
       N_("Flag a confidentiality incident with a risk of serious injury and no notice after"),
       N_("days"), 3, 1, 30},
  };
  return definitions;
}

const std::vector<ProtectiveSetting>& ProtectiveSettings() {
  using enum SettingKey;
  static const std::vector<ProtectiveSetting> settings = {
      {kPublicImpactPage, 0},
      {kEvaluatorAccess, 0},
      {kNetworkShareFigures, 0},
  };
  return settings;
}

const SettingDefinition& Setting(SettingKey key) {
  for (const auto& definition : SettingDefinitions()) {
    if (definition.key == key) return definition;
  }
  throw std::logic_error("a setting key without a definition");
}

std::int64_t Settings::Get(SettingKey key) const {
  const auto& definition = Setting(key);
  const auto found = stored_.find(definition.name);
  return found == stored_.end() ? definition.default_value : found->second;
}

}  // namespace cercle::domain
