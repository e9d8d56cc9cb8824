#include "domain/intake_fields.hpp"

#include "base/text.hpp"

namespace cercle::domain::intake {

std::string Trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(kSpace);
  return std::string(text.substr(first, last - first + 1));
}

Message TooLong(std::size_t limit) {
  return {N_("Use at most {limit} characters."), {{"limit", std::to_string(limit)}}};
}

void RequireText(std::vector<FieldError>& errors, const std::string& field, std::string_view text,
                 std::size_t limit, std::string_view missing) {
  const std::string trimmed = Trimmed(text);
  if (trimmed.empty()) {
    errors.push_back({field, {std::string(missing), {}}});
  } else if (CharacterCount(trimmed) > limit) {
    errors.push_back({field, TooLong(limit)});
  }
}

void LimitText(std::vector<FieldError>& errors, const std::string& field, std::string_view text,
               std::size_t limit) {
  if (CharacterCount(Trimmed(text)) > limit) errors.push_back({field, TooLong(limit)});
}

}  // namespace cercle::domain::intake
