#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

// Small rules shared by the intake forms (referrals, core member files, orders, conditions, risk
// assessments, consents): trimming, required text and length limits, reported as field errors in
// the user's language.
namespace cercle::domain::intake {

// The longest reason of a decision or text of a condition, in bytes.
inline constexpr std::size_t kMaxReasonLength = 2000;

// The longest free text (a summary, a condition's text), in bytes.
inline constexpr std::size_t kMaxLongText = 10000;

// `text` without leading and trailing spaces, tabs and line breaks.
std::string Trimmed(std::string_view text);

// The message "Use at most {limit} characters." for `limit`.
Message TooLong(std::size_t limit);

// Adds `missing` under `field` when `text` is blank, or a length error when it is longer than
// `limit` bytes.
void RequireText(std::vector<FieldError>& errors, const std::string& field, std::string_view text,
                 std::size_t limit, std::string_view missing);

// Adds a length error under `field` when `text` is longer than `limit` bytes.
void LimitText(std::vector<FieldError>& errors, const std::string& field, std::string_view text,
               std::size_t limit);

}  // namespace cercle::domain::intake
