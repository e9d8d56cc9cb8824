#include "domain/public_impact.hpp"

#include <algorithm>

namespace cercle::domain {

std::optional<CivilDate> EarliestRecord(const ReportRecords& records) {
  std::optional<CivilDate> earliest;
  const auto consider = [&](CivilDate day) {
    if (!earliest || day < *earliest) earliest = day;
  };
  for (const auto& referral : records.referrals) consider(referral.received_on);
  for (const auto& volunteer : records.volunteers) {
    if (!volunteer.stages.empty()) consider(volunteer.stages.front().on);
  }
  for (const auto& attendance : records.attendance) consider(attendance.held_on);
  for (const auto& activity : records.outreach) consider(activity.held_on);
  return earliest;
}

ImpactFigures ComputeImpact(const ReportRecords& records, std::int64_t logged_minutes,
                            CivilDate today, std::int64_t founding_year) {
  ImpactFigures figures;
  std::int64_t minutes = logged_minutes;
  for (const auto& attendance : records.attendance) {
    if (attendance.held_on <= today) minutes += attendance.minutes;
  }
  figures.volunteer_hours = minutes / 60;
  for (const auto& circle : records.circles) {
    const bool ran = std::any_of(
        circle.phases.begin(), circle.phases.end(),
        [&](const auto& entry) { return IsActivePhase(entry.status) && entry.on <= today; });
    if (ran) ++figures.circles_run;
  }
  if (founding_year > 0) {
    figures.years_of_service =
        std::max<std::int64_t>(0, static_cast<int>(today.year()) - founding_year);
  } else if (const auto earliest = EarliestRecord(records)) {
    figures.years_of_service = std::max(0, YearsBetween(*earliest, today));
  }
  for (const auto& story : records.stories) {
    if (PublishableStory(records, story, today)) figures.stories.push_back(story);
  }
  std::sort(figures.stories.begin(), figures.stories.end(), [](const auto& a, const auto& b) {
    return std::tie(b.written_on, b.id) < std::tie(a.written_on, a.id);
  });
  return figures;
}

}  // namespace cercle::domain
