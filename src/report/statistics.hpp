#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <vector>

#include "domain/funder_report.hpp"

// The series the dashboard charts, computed from the same records as the funder's report. No I/O.
namespace cercle::report {

// The referrals received from one source during a period, by where they stood at its end.
struct ReferralOutcomes {
  domain::ReferralSource source = domain::ReferralSource::kOther;
  std::map<domain::ReferralStatus, std::int64_t> by_status;
  std::int64_t total = 0;
};

// The referrals received during `period`, one entry per source (in the order of
// domain::ReferralSources(), every source listed), each by its status at the end of the period.
std::vector<ReferralOutcomes> ReferralsBySourceAndOutcome(const domain::ReportRecords& records,
                                                          const domain::ReportPeriod& period);

// The recidivism events of one kind during a period: by category, during and after the circle.
struct EventCounts {
  domain::RecidivismKind kind = domain::RecidivismKind::kNewCharge;
  // [category][0 during, 1 after], categories in the order of domain::OffenceCategories().
  std::array<std::array<std::int64_t, 2>, 3> counts{};
  std::int64_t during = 0;
  std::int64_t after = 0;
};

// The events that occurred during `period`, one entry per kind (in the order of
// domain::RecidivismKinds()).
std::vector<EventCounts> EventsByKind(const domain::ReportRecords& records,
                                      const domain::ReportPeriod& period);

}  // namespace cercle::report
