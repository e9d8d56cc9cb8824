#include "domain/privacy_officer.hpp"

#include <algorithm>
#include <vector>

#include "base/text.hpp"
#include "domain/field_checks.hpp"

namespace cercle::domain {
namespace {

// True when `phone` holds only what phone numbers are written with (digits, spaces, + - ( ) . and
// the letters of an extension such as "poste 12") and at least one digit.
bool LooksLikePhone(std::string_view phone) {
  const bool has_digit =
      std::any_of(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool allowed = std::all_of(phone.begin(), phone.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' ||
           c == '+' || c == '-' || c == '(' || c == ')' || c == '.' || c == '#' || c == ',' ||
           byte >= 0x80;
  });
  return has_digit && allowed;
}

}  // namespace

Status CheckPrivacyOfficer(PrivacyOfficerDetails& officer, CivilDate today) {
  std::vector<FieldError> errors;
  CheckText(errors, "name", officer.name, kMaxOfficerName,
            N_("Give the name of the person in charge."));
  CheckText(errors, "title", officer.title, kMaxOfficerName,
            N_("Give the title of the person in charge."));
  CheckEmail(errors, "email", officer.email,
             N_("Enter an e-mail address such as name@example.org."));
  if (officer.email.empty()) {
    AddError(errors, "email",
             N_("Give an e-mail address where people can reach the person in charge."));
  }
  CheckText(errors, "phone", officer.phone, kMaxOfficerPhone);
  if (!officer.phone.empty() && CharacterCount(officer.phone) <= kMaxOfficerPhone &&
      !LooksLikePhone(officer.phone)) {
    AddError(errors, "phone", N_("Enter a phone number such as 514 555-0123."));
  }
  CheckText(errors, "postal_address", officer.postal_address, kMaxOfficerAddress);
  if (officer.delegated) {
    CheckPastDay(errors, "delegated_on", officer.delegated_on, today);
    CheckText(errors, "delegated_by", officer.delegated_by, kMaxOfficerDelegator);
  } else {
    officer.delegated_on.reset();
    officer.delegated_by.clear();
  }
  return Checked(std::move(errors));
}

}  // namespace cercle::domain
