#include "report/statistics.hpp"

namespace cercle::report {

std::vector<ReferralOutcomes> ReferralsBySourceAndOutcome(const domain::ReportRecords& records,
                                                          const domain::ReportPeriod& period) {
  std::vector<ReferralOutcomes> outcomes;
  for (const auto source : domain::ReferralSources()) {
    ReferralOutcomes entry;
    entry.source = source;
    for (const auto& referral : records.referrals) {
      if (referral.source != source || !period.Contains(referral.received_on)) continue;
      const auto status = referral.StatusAt(period.to).value_or(domain::ReferralStatus::kReceived);
      ++entry.by_status[status];
      ++entry.total;
    }
    outcomes.push_back(std::move(entry));
  }
  return outcomes;
}

std::vector<EventCounts> EventsByKind(const domain::ReportRecords& records,
                                      const domain::ReportPeriod& period) {
  std::vector<EventCounts> counts;
  for (const auto kind : domain::RecidivismKinds()) {
    EventCounts entry;
    entry.kind = kind;
    for (const auto& event : records.events) {
      if (event.kind != kind || !period.Contains(event.occurred_on)) continue;
      const bool during = event.period == domain::CirclePeriod::kDuring;
      ++entry.counts[static_cast<std::size_t>(event.category)][during ? 0 : 1];
      ++(during ? entry.during : entry.after);
    }
    counts.push_back(entry);
  }
  return counts;
}

}  // namespace cercle::report
