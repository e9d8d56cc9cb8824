#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "base/dates.hpp"
#include "base/result.hpp"

// Checks shared by the records of outcomes and outreach. No I/O.
namespace cercle::domain {

// The earliest date an outcome or an outreach record may carry: nothing in the program is older.
inline constexpr CivilDate kEarliestRecord{std::chrono::year{1950}, std::chrono::January,
                                           std::chrono::day{1}};

// Adds an error under `field` when `date` is in the future or implausibly old.
inline void CheckPastDate(std::vector<FieldError>& errors, const std::string& field, CivilDate date,
                          CivilDate today) {
  if (today < date) {
    errors.push_back({field, {N_("The date cannot be in the future."), {}}});
  } else if (date < kEarliestRecord) {
    errors.push_back({field, {N_("Enter a date after 1950."), {}}});
  }
}

}  // namespace cercle::domain
