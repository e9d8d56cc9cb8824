#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle_enums.hpp"
#include "domain/legal.hpp"

// The outer circle: partner contacts (parole officer, police liaison, therapist, CSC, provincial
// corrections…) and the information-sharing agreements that attach them to circles. A partner user
// sees a minimal page of a circle only while an agreement is in force and a sharing consent of the
// core member covering that partner is in force too: a withdrawn or expired consent suspends the
// agreement. No I/O.
namespace cercle::domain {

// A person of the outer circle.
struct PartnerContact {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  PartnerKind kind = PartnerKind::kParoleOfficer;
  std::string name;
  std::string partner_organisation;
  std::string role_title;
  std::string phone;
  std::string email;
  std::optional<std::int64_t>
      user_id;  // a Cercle account with the partner role, when they have one
  Instant created_at;
  Instant updated_at;
};

// Checks a contact as a coordinator typed it (trimming it): a name of 1 to 120 characters, an
// organisation and a role of at most 120, a phone of at most 40, an e-mail address that looks like
// one when given. Field errors "kind" is the caller's; "name", "partner_organisation",
// "role_title", "phone", "email".
Status CheckPartnerContact(PartnerContact& contact);

// An information-sharing agreement attaching a contact to a circle.
struct SharingAgreement {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t partner_contact_id = 0;
  std::int64_t circle_id = 0;
  CivilDate starts_on{};
  std::optional<CivilDate> ends_on;  // the last day it is in force
  std::string scope;                 // what may be shared
  std::optional<std::int64_t> document_id;
  std::optional<std::int64_t> created_by;
  Instant created_at;

  // True when the agreement is in force on `day`.
  bool InForceOn(CivilDate day) const { return starts_on <= day && (!ends_on || day <= *ends_on); }
};

// Checks an agreement: a scope of 1 to 1000 characters (trimmed), an end not before the start.
// Field errors "scope", "ends_on".
Status CheckAgreement(SharingAgreement& agreement);

// True when `consent`'s scope covers sharing with `recipient_organisation` (or with `contact`, a
// partner contact): an outer-circle consent covers the organisation's partner contacts, a
// partner-organisation consent the recipient whose organisation is the one it names (compared
// without case or accents); research and media consents cover no sharing.
bool ConsentCovers(const Consent& consent, const PartnerContact* contact,
                   std::string_view recipient_organisation);

// What the core member's consents say about sharing with one recipient on one day.
using SharingCover = ConsentCover;

// The cover of the sharing consents among `consents` for `contact` (or, without one, for
// `recipient_organisation`) on `day`.
SharingCover CoverOn(const std::vector<Consent>& consents, const PartnerContact* contact,
                     std::string_view recipient_organisation, CivilDate day);

// Why `cover` (not covered on `day`) stops sharing, for the coordinator: "Suspended: consent
// withdrawn on {date}", expired on, valid only from, or no consent covers the partner. Dates in
// ISO form.
Message SuspensionReason(const SharingCover& cover, CivilDate day);

// Where an agreement stands on a day.
enum class AgreementStanding {
  kInEffect,    // in force, and a consent in force covers its partner: the partner sees the circle
  kSuspended,   // in force, but no consent in force covers its partner
  kNotInForce,  // not started yet, or ended
};

// Where an agreement stands, and why when it is suspended.
struct AgreementEffect {
  AgreementStanding standing = AgreementStanding::kNotInForce;
  Message reason;  // kSuspended: SuspensionReason; otherwise empty
};

// The effect of `agreement` (of partner `contact`) on `day`, given the core member's `consents`.
AgreementEffect EffectOn(const SharingAgreement& agreement, const PartnerContact& contact,
                         const std::vector<Consent>& consents, CivilDate day);

// One line of what the core member consented to share, as a partner reads it.
struct ConsentLine {
  Consent consent;
  ConsentState state = ConsentState::kActive;
  bool in_force = false;  // false for withdrawn, expired and not yet valid consents, shown marked
};

// The consents a partner sees: the sharing consents (outer circle, and partner organisations), each
// with its state on `today`, those in force first, then the others, newest first within each group.
// Research and media consents are not about sharing with partners and are left out.
std::vector<ConsentLine> SharingConsents(const std::vector<Consent>& consents, CivilDate today);

}  // namespace cercle::domain
