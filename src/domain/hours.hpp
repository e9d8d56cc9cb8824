#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/person_enums.hpp"
#include "domain/training.hpp"

// Volunteer hours: from training attendance, circle meetings attended and circle contacts, and from
// the hours volunteers log themselves (travel, phone contact, events), which a coordinator
// approves. Totals per month and per year, valued at the organisation's hourly rate for funders. No
// I/O.
namespace cercle::domain {

// The kinds a volunteer logs themselves, in display order (training comes from attendance).
const std::vector<HoursKind>& LoggedHoursKinds();

// A stretch of volunteer time.
struct HoursEntry {
  std::int64_t id = 0;  // the logged entry's id; 0 for attendance
  std::int64_t organisation_id = 0;
  std::int64_t volunteer_id = 0;
  CivilDate worked_on;
  int minutes = 0;
  HoursKind kind = HoursKind::kOther;
  HoursStatus status = HoursStatus::kPending;
  std::string description;
};

// Which entries a total counts. Funders' figures count approved hours only.
enum class CountedHours { kApprovedOnly, kIncludingPending };

// A calendar month.
struct YearMonth {
  int year = 0;
  unsigned month = 0;  // 1 to 12
  auto operator<=>(const YearMonth&) const = default;
};

// Minutes per month and per year, and in all.
struct HoursTotals {
  std::map<YearMonth, std::int64_t> by_month;
  std::map<int, std::int64_t> by_year;
  std::int64_t total = 0;
};

// Adds up `entries` by the month and year they were worked in. Rejected entries never count;
// pending ones count only with CountedHours::kIncludingPending.
HoursTotals TotalHours(const std::vector<HoursEntry>& entries, CountedHours counted);

// The value of `minutes` of volunteer time at `hourly_cents` an hour, in cents, rounded to the
// nearest cent.
std::int64_t HoursValueCents(std::int64_t minutes, std::int64_t hourly_cents);

// Reads a duration typed as hours: "2", "1.5", "1,5", "1:30", "1 h 30", "90 min". Refuses what is
// not one of those.
std::optional<int> ParseDuration(std::string_view text);

// The longest entry a volunteer may log at once.
inline constexpr int kMaxLoggedMinutes = 24 * 60;

// `logged` entries with the hours of `attendance` added as approved training entries: everything a
// volunteer's totals count.
std::vector<HoursEntry> CombinedHours(const std::vector<TrainingAttendance>& attendance,
                                      const std::vector<HoursEntry>& logged);

// Checks an entry a volunteer or coordinator logs: a kind they log (not training), a date not in
// the future and within the last year, 1 minute to 24 hours, a description of at most 500
// characters. Field errors "kind", "worked_on", "duration", "description".
Status CheckLoggedHours(HoursEntry& entry, CivilDate today);

}  // namespace cercle::domain
