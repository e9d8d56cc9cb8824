#pragma once

#include <cstddef>

#include "domain/field_checks.hpp"

// The limits the intake forms share (referrals, core member files, orders, conditions, risk
// assessments, consents).
namespace cercle::domain::intake {

// The longest reason of a decision or text of a condition, in bytes.
inline constexpr std::size_t kMaxReasonLength = 2000;

// The longest free text (a summary, a condition's text), in bytes.
inline constexpr std::size_t kMaxLongText = 10000;

}  // namespace cercle::domain::intake
