#include "report/statistics.hpp"

#include <algorithm>

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
  for (const auto kind : domain::EnumValues<domain::RecidivismKind>()) {
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

namespace {

domain::YearMonth MonthOf(CivilDate day) {
  return {static_cast<int>(day.year()), static_cast<unsigned>(day.month())};
}

// The last day of `month` that lies within `period`.
CivilDate LastDayWithin(const domain::YearMonth& month, const domain::ReportPeriod& period) {
  const CivilDate first{std::chrono::year{month.year}, std::chrono::month{month.month},
                        std::chrono::day{1}};
  return std::min(AddDays(AddMonths(first, 1), -1), period.to);
}

// One entry per month of `period`, in order, filled by `fill(entry)` once its month is set.
template <class Entry, class Fill>
std::vector<Entry> PerMonth(const domain::ReportPeriod& period, Fill&& fill) {
  std::vector<Entry> entries;
  for (const auto& month : domain::MonthsOf(period)) {
    Entry entry;
    entry.month = month;
    fill(entry);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

std::vector<PhaseCounts> ActiveCirclesByPhase(const domain::ReportRecords& records,
                                              const domain::ReportPeriod& period) {
  return PerMonth<PhaseCounts>(period, [&](PhaseCounts& entry) {
    const auto day = LastDayWithin(entry.month, period);
    for (const auto& circle : records.circles) {
      const auto phase = domain::StatusOn(circle.phases, day);
      if (!phase || !domain::IsActivePhase(*phase)) continue;
      ++entry.by_phase[*phase];
      ++entry.total;
    }
  });
}

std::optional<std::int64_t> Median(std::vector<std::int64_t> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  return values[(values.size() - 1) / 2];
}

std::vector<ConcernMonth> ConcernsByMonth(const domain::ReportRecords& records,
                                          const domain::ReportPeriod& period) {
  return PerMonth<ConcernMonth>(period, [&](ConcernMonth& entry) {
    std::vector<std::int64_t> minutes;
    for (const auto& concern : records.concerns) {
      if (!period.Contains(concern.raised_on) || MonthOf(concern.raised_on) != entry.month) {
        continue;
      }
      ++entry.by_severity[static_cast<std::size_t>(concern.severity)];
      ++entry.total;
      if (concern.minutes_to_acknowledge) {
        ++entry.acknowledged;
        minutes.push_back(*concern.minutes_to_acknowledge);
      } else {
        ++entry.waiting;
      }
    }
    entry.median_minutes = Median(std::move(minutes));
  });
}

std::vector<OutcomeChange> OutcomesStartToClosure(const domain::ReportRecords& records,
                                                  const domain::ReportPeriod& period) {
  // Each file's start and closure measures.
  std::map<std::int64_t, const domain::OutcomeMeasure*> start, closure;
  for (const auto& measure : records.measures) {
    if (measure.occasion == domain::MeasureOccasion::kStart) {
      auto& kept = start[measure.core_member_id];
      if (!kept || measure.measured_on < kept->measured_on) kept = &measure;
    } else if (measure.occasion == domain::MeasureOccasion::kClosure &&
               period.Contains(measure.measured_on)) {
      auto& kept = closure[measure.core_member_id];
      if (!kept || kept->measured_on < measure.measured_on) kept = &measure;
    }
  }
  std::vector<OutcomeChange> changes;
  for (const auto dimension : domain::EnumValues<domain::OutcomeDimension>()) {
    OutcomeChange change;
    change.dimension = dimension;
    std::int64_t start_sum = 0, closure_sum = 0;
    for (const auto& [core_member_id, last] : closure) {
      const auto first = start.find(core_member_id);
      if (first == start.end() || last->measured_on < first->second->measured_on) continue;
      const int before = first->second->Level(dimension);
      const int after = last->Level(dimension);
      ++change.files;
      start_sum += before;
      closure_sum += after;
      ++(after > before ? change.improved : after == before ? change.unchanged : change.worse);
    }
    if (change.files > 0) {
      change.start_average = static_cast<double>(start_sum) / static_cast<double>(change.files);
      change.closure_average = static_cast<double>(closure_sum) / static_cast<double>(change.files);
    }
    changes.push_back(change);
  }
  return changes;
}

}  // namespace cercle::report
