#include "domain/circle_partners.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "domain/text_checks.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {
namespace {

// True when `email` looks like an address: something@something.tld, no spaces, at most 254
// characters.
bool LooksLikeAddress(std::string_view email) {
  const auto at = email.find('@');
  if (email.size() < 3 || email.size() > 254 || at == 0 || at == std::string_view::npos)
    return false;
  if (email.find('@', at + 1) != std::string_view::npos) return false;
  const auto dot = email.rfind('.');
  if (dot == std::string_view::npos || dot < at + 2 || dot == email.size() - 1) return false;
  return email.find_first_of(" \t<>") == std::string_view::npos;
}

}  // namespace

Status CheckPartnerContact(PartnerContact& contact) {
  std::vector<FieldError> errors;
  CheckText(contact.name, "name", 120, N_("Enter the contact's name."), errors);
  CheckText(contact.partner_organisation, "partner_organisation", 120, nullptr, errors);
  CheckText(contact.role_title, "role_title", 120, nullptr, errors);
  CheckText(contact.phone, "phone", 40, nullptr, errors);
  contact.email = volunteer_text::Trimmed(contact.email);
  for (char& c : contact.email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!contact.email.empty() && !LooksLikeAddress(contact.email)) {
    errors.push_back({"email", {N_("Enter an e-mail address such as name@example.org."), {}}});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

Status CheckAgreement(SharingAgreement& agreement) {
  std::vector<FieldError> errors;
  agreement.scope = volunteer_text::Trimmed(agreement.scope);
  if (agreement.scope.empty()) {
    errors.push_back({"scope", {N_("Say what the agreement lets the program share."), {}}});
  } else {
    CheckText(agreement.scope, "scope", 1000, nullptr, errors);
  }
  if (agreement.ends_on && *agreement.ends_on < agreement.starts_on) {
    errors.push_back({"ends_on", {N_("The end cannot be before the start."), {}}});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
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
