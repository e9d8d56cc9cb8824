#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"

// The checks of form fields that the domain's rules share: free text, e-mail addresses, durations,
// past days and past moments. Each adds its errors, in the user's language, to the list of one
// form; Checked turns the list into the rule's answer. No I/O.
namespace cercle::domain {

// How far ahead of the server's clock a moment typed on a phone may be (a phone's clock runs fast).
inline constexpr std::chrono::minutes kClockTolerance{10};

// The earliest date an outcome or an outreach record may carry: nothing in the program is older.
inline constexpr CivilDate kEarliestRecord{std::chrono::year{1950}, std::chrono::January,
                                           std::chrono::day{1}};

// The message "Use at most {count} characters." for `limit`.
Message TooLong(std::size_t limit);

// Adds `message` (a msgid without arguments) under `field`.
void AddError(std::vector<FieldError>& errors, std::string_view field, const char* message);

// Ok when `errors` is empty, else the invalid-input error that carries them.
Status Checked(std::vector<FieldError> errors);

// Trims `text` in place, then adds an error under `field` when it is empty and `missing` is the
// message for that (a msgid; null when the field may stay empty), or when it is longer than
// `limit` characters.
void CheckText(std::vector<FieldError>& errors, std::string_view field, std::string& text,
               std::size_t limit, const char* missing = nullptr);

// The same checks of a text that stays as it was given: it is judged trimmed. `missing` may be
// null for a text that may stay empty.
void RequireText(std::vector<FieldError>& errors, std::string_view field, std::string_view text,
                 std::size_t limit, const char* missing);
void LimitText(std::vector<FieldError>& errors, std::string_view field, std::string_view text,
               std::size_t limit);

// Trims `email` in place, then adds an error under `field` with `message` when it
// is not empty and not shaped like an e-mail address of at most 254 characters.
void CheckEmail(std::vector<FieldError>& errors, std::string_view field, std::string& email,
                const char* message);

// Adds an error under `field` unless `value` is a whole number from `minimum` to `maximum`.
void CheckWholeNumber(std::vector<FieldError>& errors, std::string_view field, int value,
                      int minimum, int maximum);

// Adds an error under `field` unless `minutes` is a duration from one minute to 24 hours.
void CheckDuration(std::vector<FieldError>& errors, std::string_view field, int minutes);

// The earliest a day or a moment may be, and the message (a msgid) that says so.
template <class T>
struct Earliest {
  T at;
  const char* message;
};

// Adds an error under `field` when `day` is missing (not a real date), after `today`, or before
// `earliest` when it is given.
void CheckPastDay(std::vector<FieldError>& errors, std::string_view field,
                  const std::optional<CivilDate>& day, CivilDate today,
                  const std::optional<Earliest<CivilDate>>& earliest = std::nullopt);

// Adds an error under `field` when a record's `date` is in the future or before kEarliestRecord.
void CheckRecordDate(std::vector<FieldError>& errors, std::string_view field, CivilDate date,
                     CivilDate today);

// Adds an error under `field` when `at` is missing (not a real day and time), later than `now` by
// more than kClockTolerance, or before `earliest` when it is given.
void CheckPastMoment(std::vector<FieldError>& errors, std::string_view field,
                     const std::optional<Instant>& at, Instant now,
                     const std::optional<Earliest<Instant>>& earliest = std::nullopt);

}  // namespace cercle::domain
