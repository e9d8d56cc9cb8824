#include "domain/circle_partners.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "domain/field_checks.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {
Status CheckPartnerContact(PartnerContact& contact) {
  std::vector<FieldError> errors;
  CheckText(errors, "name", contact.name, 120, N_("Enter the contact's name."));
  CheckText(errors, "partner_organisation", contact.partner_organisation, 120);
  CheckText(errors, "role_title", contact.role_title, 120);
  CheckText(errors, "phone", contact.phone, 40);
  for (char& c : contact.email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CheckEmail(errors, "email", contact.email,
             N_("Enter an e-mail address such as name@example.org."));
  return Checked(std::move(errors));
}

Status CheckAgreement(SharingAgreement& agreement) {
  std::vector<FieldError> errors;
  CheckText(errors, "scope", agreement.scope, 1000,
            N_("Say what the agreement lets the program share."));
  if (agreement.ends_on && *agreement.ends_on < agreement.starts_on) {
    AddError(errors, "ends_on", N_("The end cannot be before the start."));
  }
  return Checked(std::move(errors));
}

std::vector<ConsentLine> SharingConsents(const std::vector<Consent>& consents, CivilDate today) {
  std::vector<ConsentLine> lines;
  for (const auto& consent : consents) {
    if (consent.scope != ConsentScope::kOuterCircle &&
        consent.scope != ConsentScope::kPartnerOrganisation) {
      continue;
    }
    const auto state = ConsentStateOn(consent, today);
    lines.push_back({consent, state, state == ConsentState::kActive});
  }
  std::stable_sort(lines.begin(), lines.end(), [](const ConsentLine& a, const ConsentLine& b) {
    if (a.in_force != b.in_force) return a.in_force;
    return a.consent.given_on > b.consent.given_on;
  });
  return lines;
}

}  // namespace cercle::domain
