#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cercle {

// A calendar date without a time or a time zone: a birth date, an order's end, a condition's start.
using CivilDate = std::chrono::year_month_day;

// The date written "YYYY-MM-DD" (as <input type="date"> sends it), when it is a real date.
std::optional<CivilDate> ParseIsoDate(std::string_view text);
// "YYYY-MM-DD".
std::string FormatIsoDate(CivilDate date);
// Days from `from` to `to` (negative when `to` is earlier).
int DaysBetween(CivilDate from, CivilDate to);
// `date` moved by `days` days.
CivilDate AddDays(CivilDate date, int days);
// `date` moved by `months` months; the 31st becomes the last day of a shorter month.
CivilDate AddMonths(CivilDate date, int months);
// Whole years from `birth` to `on` (an age).
int YearsBetween(CivilDate birth, CivilDate on);

}  // namespace cercle
