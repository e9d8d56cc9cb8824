#include "domain/text_checks.hpp"

#include "domain/volunteer.hpp"

namespace cercle::domain {

void CheckText(std::string& text, const char* field, std::size_t limit, const char* missing,
               std::vector<FieldError>& errors) {
  text = volunteer_text::Trimmed(text);
  if (text.empty() && missing) {
    errors.push_back({field, {missing, {}}});
  } else if (volunteer_text::CharacterCount(text) > limit) {
    errors.push_back(
        {field, {N_("Use at most {count} characters."), {{"count", std::to_string(limit)}}}});
  }
}

}  // namespace cercle::domain
