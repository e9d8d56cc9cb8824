#include "domain/circle_partners.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "base/folding.hpp"
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

bool ConsentCovers(const Consent& consent, const PartnerContact* contact,
                   std::string_view recipient_organisation) {
  switch (consent.scope) {
    case ConsentScope::kOuterCircle:
      return contact != nullptr;
    case ConsentScope::kPartnerOrganisation: {
      const std::string named = FoldForSearch(consent.partner_organisation);
      const std::string recipient = FoldForSearch(
          contact ? std::string_view(contact->partner_organisation) : recipient_organisation);
      return !named.empty() && named == recipient;
    }
    case ConsentScope::kResearch:
    case ConsentScope::kMedia:
      break;
  }
  return false;
}

SharingCover CoverOn(const std::vector<Consent>& consents, const PartnerContact* contact,
                     std::string_view recipient_organisation, CivilDate day) {
  return CoverAmong(
      consents,
      [&](const Consent& consent) {
        return ConsentCovers(consent, contact, recipient_organisation);
      },
      day);
}

Message SuspensionReason(const SharingCover& cover, CivilDate day) {
  if (!cover.latest)
    return {N_("Suspended: no consent of the core member covers this partner."), {}};
  const Consent& latest = *cover.latest;
  switch (ConsentStateOn(latest, day)) {
    case ConsentState::kWithdrawn:
      return {N_("Suspended: consent withdrawn on {date}."),
              {{"date", FormatIsoDate(latest.withdrawn_on.value_or(day))}}};
    case ConsentState::kExpired:
      return {N_("Suspended: consent expired on {date}."),
              {{"date", FormatIsoDate(latest.expires_on.value_or(day))}}};
    case ConsentState::kNotYetValid:
      return {N_("Suspended: consent valid only from {date}."),
              {{"date", FormatIsoDate(latest.given_on)}}};
    case ConsentState::kActive:
      break;
  }
  return {N_("Suspended: no consent of the core member covers this partner."), {}};
}

AgreementEffect EffectOn(const SharingAgreement& agreement, const PartnerContact& contact,
                         const std::vector<Consent>& consents, CivilDate day) {
  if (!agreement.InForceOn(day)) return {};
  const SharingCover cover = CoverOn(consents, &contact, "", day);
  if (cover.covered()) return {AgreementStanding::kInEffect, {}};
  return {AgreementStanding::kSuspended, SuspensionReason(cover, day)};
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
