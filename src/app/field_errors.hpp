#pragma once

#include <algorithm>
#include <utility>
#include <vector>

#include "base/result.hpp"

namespace cercle::app {

// The fields a form could not read together with the rule check of what it could, as one refusal:
// none when both passed. A field with a reading error keeps that error (the rule saw no value
// there).
inline Status Combine(std::vector<FieldError> unreadable, const Status& check) {
  if (check) {
    if (unreadable.empty()) return {};
    return Error::Fields(std::move(unreadable));
  }
  if (unreadable.empty()) return check.error();
  for (const auto& field : check.error().fields) {
    const bool known =
        std::any_of(unreadable.begin(), unreadable.end(),
                    [&](const FieldError& read) { return read.field == field.field; });
    if (!known) unreadable.push_back(field);
  }
  return Error::Fields(std::move(unreadable));
}

}  // namespace cercle::app
