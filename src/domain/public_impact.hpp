#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/funder_report.hpp"

// The totals an organisation may publish for the media and the public: never a record, never a
// small count of people (any under kSmallFigure reads "fewer than 5"), only reviewed stories, and
// of those about a core member only while his media consent is in force. No I/O.
namespace cercle::domain {

// Counts of people under this read "fewer than 5" wherever the public sees them.
inline constexpr std::int64_t kSmallFigure = 5;

// What a public total counts. A small count of people (or of circles, each around one core
// member) could point at someone; hours and years of service cannot, and read as they are.
enum class PublicTotal { kPeople, kQuantity };

// True when `value`, a total counting `what`, must not be shown as it is to the public: a count of
// people under kSmallFigure.
inline bool IsSmallFigure(std::int64_t value, PublicTotal what) {
  return what == PublicTotal::kPeople && value < kSmallFigure;
}

// What the public impact page shows.
struct ImpactFigures {
  std::int64_t circles_run = 0;      // circles that reached an active phase, up to today
  std::int64_t volunteer_hours = 0;  // whole approved hours, up to today
  std::int64_t years_of_service = 0;
  std::vector<SignificantStory> stories;  // publishable ones (PublishableStory), newest first
};

// The earliest day any record of the organisation carries (a referral received, a volunteer's
// file, a training session, an outreach activity), if any.
std::optional<CivilDate> EarliestRecord(const ReportRecords& records);

// The organisation's public totals on `today`, its approved hours being `logged_minutes` up to
// today (summed where they are kept: `records` need hold none) and its training the attendance of
// `records`. Years of service count from `founding_year` when it is set (not 0), else from the
// earliest record.
ImpactFigures ComputeImpact(const ReportRecords& records, std::int64_t logged_minutes,
                            CivilDate today, std::int64_t founding_year);

}  // namespace cercle::domain
