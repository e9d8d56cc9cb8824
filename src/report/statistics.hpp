#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
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
  // [category][0 during, 1 after], categories in the order of
  // domain::EnumValues<domain::OffenceCategory>().
  std::array<std::array<std::int64_t, 2>, 3> counts{};
  std::int64_t during = 0;
  std::int64_t after = 0;
};

// The events that occurred during `period`, one entry per kind (in the order of
// domain::EnumValues<domain::RecidivismKind>()).
std::vector<EventCounts> EventsByKind(const domain::ReportRecords& records,
                                      const domain::ReportPeriod& period);

// The circles in each active phase (domain::IsActivePhase) on the last day of one month of a
// period (the period's last day for its last month).
struct PhaseCounts {
  domain::YearMonth month;
  std::map<domain::CirclePhase, std::int64_t> by_phase;
  std::int64_t total = 0;
};

// One entry per month of `period`, in order.
std::vector<PhaseCounts> ActiveCirclesByPhase(const domain::ReportRecords& records,
                                              const domain::ReportPeriod& period);

// The concerns raised during one month, by severity (in the order of domain::Severities()), and
// how long acknowledging them took.
struct ConcernMonth {
  domain::YearMonth month;
  std::array<std::int64_t, 4> by_severity{};
  std::int64_t total = 0;
  std::int64_t acknowledged = 0;  // of those raised that month, acknowledged since
  std::int64_t waiting = 0;       // of those raised that month, not acknowledged yet
  // The median of the minutes to acknowledge of the acknowledged ones; none when there are none.
  std::optional<std::int64_t> median_minutes;
};

// One entry per month of `period`, in order, counting the concerns raised during it.
std::vector<ConcernMonth> ConcernsByMonth(const domain::ReportRecords& records,
                                          const domain::ReportPeriod& period);

// The median of `values` (the lower middle value when their number is even); none when empty.
std::optional<std::int64_t> Median(std::vector<std::int64_t> values);

// How one outcome dimension moved from the start of the circle to its closure, over the files
// measured at closure during the period that were also measured at the start.
struct OutcomeChange {
  domain::OutcomeDimension dimension = domain::OutcomeDimension::kHousing;
  std::int64_t files = 0;
  double start_average = 0;    // mean level at the start (1 = worst)
  double closure_average = 0;  // mean level at closure
  std::int64_t improved = 0;
  std::int64_t unchanged = 0;
  std::int64_t worse = 0;
};

// One entry per dimension (in the order of domain::EnumValues<domain::OutcomeDimension>()). For
// each file, the start is its earliest measure taken at the start and the closure its latest
// measure taken at closure within `period`.
std::vector<OutcomeChange> OutcomesStartToClosure(const domain::ReportRecords& records,
                                                  const domain::ReportPeriod& period);

}  // namespace cercle::report
