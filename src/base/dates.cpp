#include "base/dates.hpp"

#include <cstdio>

namespace cercle {

using namespace std::chrono;

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const int y = std::stoi(std::string(text.substr(0, 4)));
  const unsigned m = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
  const unsigned d = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
  const CivilDate date{year{y}, month{m}, day{d}};
  if (!date.ok() || y < 1900 || y > 2200) return std::nullopt;
  return date;
}

std::string FormatIsoDate(CivilDate date) {
  // Years are kept within 1900–2200 by ParseIsoDate, but the buffer fits any int so no value is
  // cut.
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

int DaysBetween(CivilDate from, CivilDate to) {
  return static_cast<int>((sys_days(to) - sys_days(from)).count());
}

CivilDate AddDays(CivilDate date, int days) {
  return CivilDate(sys_days(date) + std::chrono::days(days));
}

CivilDate AddMonths(CivilDate date, int count) {
  CivilDate moved = date + months(count);
  if (!moved.ok()) moved = moved.year() / moved.month() / last;
  return moved;
}

int YearsBetween(CivilDate birth, CivilDate on) {
  int years = static_cast<int>(on.year()) - static_cast<int>(birth.year());
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day()))
    --years;
  return years;
}

}  // namespace cercle
