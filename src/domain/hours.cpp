#include "domain/hours.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "domain/field_checks.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {
namespace {

constexpr int kOldestLoggedDays = 366;

// Digits only, at most `limit` of them, as a number.
std::optional<int> Digits(std::string_view text, std::size_t limit) {
  if (text.empty() || text.size() > limit) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string Lower(std::string_view text) {
  std::string lower;
  for (const char c : text) {
    if (c != ' ') lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower;
}

}  // namespace

const std::vector<HoursKind>& LoggedHoursKinds() {
  static const std::vector<HoursKind> kinds = {HoursKind::kTravel, HoursKind::kPhoneContact,
                                               HoursKind::kEvent, HoursKind::kOther};
  return kinds;
}

HoursTotals TotalHours(const std::vector<HoursEntry>& entries, CountedHours counted) {
  HoursTotals totals;
  for (const auto& entry : entries) {
    if (entry.status == HoursStatus::kRejected) continue;
    if (entry.status == HoursStatus::kPending && counted == CountedHours::kApprovedOnly) continue;
    const int year = static_cast<int>(entry.worked_on.year());
    totals.by_month[{year, static_cast<unsigned>(entry.worked_on.month())}] += entry.minutes;
    totals.by_year[year] += entry.minutes;
    totals.total += entry.minutes;
  }
  return totals;
}

std::int64_t HoursValueCents(std::int64_t minutes, std::int64_t hourly_cents) {
  // Rounded half up, in integers: (minutes × rate + 30) / 60.
  return (minutes * hourly_cents + 30) / 60;
}

std::optional<int> ParseDuration(std::string_view typed) {
  std::string text = Lower(Trimmed(typed));
  if (text.empty()) return std::nullopt;
  if (text.ends_with("min")) {
    const auto minutes = Digits(std::string_view(text).substr(0, text.size() - 3), 4);
    return minutes;
  }
  if (text.ends_with("h")) text.pop_back();
  // "1:30" and "1h30".
  for (const char separator : {':', 'h'}) {
    const auto at = text.find(separator);
    if (at == std::string::npos) continue;
    const auto hours = Digits(std::string_view(text).substr(0, at), 2);
    const auto minutes = Digits(std::string_view(text).substr(at + 1), 2);
    if (!hours || !minutes || *minutes >= 60) return std::nullopt;
    return *hours * 60 + *minutes;
  }
  // "2", "1.5", "1,25": hours with a decimal part, to the minute.
  const auto mark = text.find_first_of(".,");
  const auto hours = Digits(std::string_view(text).substr(0, mark), 2);
  if (!hours) return std::nullopt;
  if (mark == std::string::npos) return *hours * 60;
  const std::string fraction = text.substr(mark + 1);
  const auto decimals = Digits(fraction, 2);
  if (!decimals) return std::nullopt;
  const double part = *decimals / std::pow(10.0, static_cast<double>(fraction.size()));
  return *hours * 60 + static_cast<int>(std::lround(part * 60));
}

Status CheckLoggedHours(HoursEntry& entry, CivilDate today) {
  std::vector<FieldError> errors;
  const auto& logged = LoggedHoursKinds();
  if (std::find(logged.begin(), logged.end(), entry.kind) == logged.end()) {
    AddError(errors, "kind", N_("Choose what the time was for."));
  }
  CheckPastDay(
      errors, "worked_on", entry.worked_on, today,
      Earliest{AddDays(today, -kOldestLoggedDays), N_("Log hours within a year of the date.")});
  CheckDuration(errors, "duration", entry.minutes);
  CheckText(errors, "description", entry.description, 500);
  return Checked(std::move(errors));
}

std::vector<HoursEntry> CombinedHours(const std::vector<TrainingAttendance>& attendance,
                                      const std::vector<HoursEntry>& logged) {
  std::vector<HoursEntry> entries = logged;
  for (const auto& entry : attendance) {
    entries.push_back({.volunteer_id = entry.volunteer_id,
                       .worked_on = entry.held_on,
                       .minutes = entry.minutes,
                       .kind = HoursKind::kTraining,
                       .status = HoursStatus::kApproved});
  }
  return entries;
}

}  // namespace cercle::domain
