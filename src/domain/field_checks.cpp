#include "domain/field_checks.hpp"

#include <utility>

#include "base/text.hpp"

namespace cercle::domain {

Message TooLong(std::size_t limit) {
  return {N_("Use at most {count} characters."), {{"count", std::to_string(limit)}}};
}

void AddError(std::vector<FieldError>& errors, std::string_view field, const char* message) {
  errors.push_back({std::string(field), {message, {}}});
}

Status Checked(std::vector<FieldError> errors) {
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

void CheckText(std::vector<FieldError>& errors, std::string_view field, std::string& text,
               std::size_t limit, const char* missing) {
  text = Trimmed(text);
  if (text.empty() && missing) {
    AddError(errors, field, missing);
  } else if (CharacterCount(text) > limit) {
    errors.push_back({std::string(field), TooLong(limit)});
  }
}

void RequireText(std::vector<FieldError>& errors, std::string_view field, std::string_view text,
                 std::size_t limit, const char* missing) {
  std::string trimmed(text);
  CheckText(errors, field, trimmed, limit, missing);
}

void LimitText(std::vector<FieldError>& errors, std::string_view field, std::string_view text,
               std::size_t limit) {
  RequireText(errors, field, text, limit, nullptr);
}

void CheckEmail(std::vector<FieldError>& errors, std::string_view field, std::string& email,
                const char* message) {
  email = Trimmed(email);
  if (!email.empty() && (email.size() > 254 || !LooksLikeEmail(email))) {
    AddError(errors, field, message);
  }
}

void CheckWholeNumber(std::vector<FieldError>& errors, std::string_view field, int value,
                      int minimum, int maximum) {
  if (value < minimum || value > maximum) {
    errors.push_back(
        {std::string(field),
         {N_("Enter a whole number from {minimum} to {maximum}."),
          {{"minimum", std::to_string(minimum)}, {"maximum", std::to_string(maximum)}}}});
  }
}

void CheckDuration(std::vector<FieldError>& errors, std::string_view field, int minutes) {
  if (minutes < 1 || minutes > 24 * 60) {
    AddError(errors, field, N_("Enter a duration such as 1.5 or 1:30, at most 24 hours."));
  }
}

void CheckPastDay(std::vector<FieldError>& errors, std::string_view field,
                  const std::optional<CivilDate>& day, CivilDate today,
                  const std::optional<Earliest<CivilDate>>& earliest) {
  if (!day) {
    AddError(errors, field, N_("Enter a real date, such as 1980-05-31."));
  } else if (*day > today) {
    AddError(errors, field, N_("The date cannot be in the future."));
  } else if (earliest && *day < earliest->at) {
    AddError(errors, field, earliest->message);
  }
}

void CheckRecordDate(std::vector<FieldError>& errors, std::string_view field, CivilDate date,
                     CivilDate today) {
  CheckPastDay(errors, field, date, today,
               Earliest{kEarliestRecord, N_("Enter a date after 1950.")});
}

void CheckPastMoment(std::vector<FieldError>& errors, std::string_view field,
                     const std::optional<Instant>& at, Instant now,
                     const std::optional<Earliest<Instant>>& earliest) {
  if (!at) {
    AddError(errors, field, N_("Enter the day and time, such as 2026-11-30 19:30."));
  } else if (*at > now + kClockTolerance) {
    AddError(errors, field, N_("The moment cannot be in the future."));
  } else if (earliest && *at < earliest->at) {
    AddError(errors, field, earliest->message);
  }
}

}  // namespace cercle::domain
