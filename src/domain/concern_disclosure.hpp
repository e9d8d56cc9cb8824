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
#include "domain/circle_partners.hpp"
#include "domain/concern.hpp"
#include "domain/legal.hpp"

// Disclosures: what the coordinator told someone outside the circle about a concern, to whom, when,
// how, and on which legal basis. Cercle checks a consent or an agreement against the record before
// anything is stored. No I/O.
namespace cercle::domain {

// True for the bases that need the coordinator's explanation.
bool NeedsExplanation(LegalBasis basis);

// A recorded disclosure.
struct Disclosure {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t concern_id = 0;
  RecipientKind recipient_kind = RecipientKind::kOther;
  std::optional<std::int64_t> partner_contact_id;
  // Who received it, as recorded: the partner contact's name and organisation, or the service and
  // person typed.
  std::string recipient_name;
  std::string recipient_organisation;
  Instant disclosed_at;
  DisclosureMeans means = DisclosureMeans::kPhone;
  std::string shared;  // what was shared
  LegalBasis basis = LegalBasis::kOther;
  std::optional<std::int64_t> consent_id;    // the consent relied on
  std::optional<std::int64_t> agreement_id;  // the agreement relied on
  std::string explanation;
  std::int64_t recorded_by = 0;
  Instant recorded_at;
};

// What the coordinator typed to record a disclosure.
struct DisclosureDraft {
  std::optional<RecipientKind> recipient_kind;
  std::optional<std::int64_t> partner_contact_id;
  std::string recipient_name;          // police, DPJ or other: the service or person
  std::string recipient_organisation;  // police, DPJ or other: their organisation, when it differs
  std::optional<Instant> disclosed_at;
  std::optional<DisclosureMeans> means;
  std::string shared;
  std::optional<LegalBasis> basis;
  std::string explanation;
};

// The record a basis is checked against.
struct DisclosureRecord {
  const Concern& concern;
  std::int64_t circle_id = 0;
  // The partner contact chosen, when the recipient is one (found in the concern's organisation).
  const PartnerContact* contact = nullptr;
  // Every consent of the circle's core member, and every agreement of the circle.
  const std::vector<Consent>& consents;
  const std::vector<SharingAgreement>& agreements;
  // The day of the disclosure in the organisation's time zone.
  std::optional<CivilDate> day;
  Instant now;
};

// The longest text of a disclosure's parts, in characters.
inline constexpr std::size_t kMaxSharedLength = 4000;
inline constexpr std::size_t kMaxExplanationLength = 2000;
inline constexpr std::size_t kMinExplanationLength = 10;

// True when the partner `contact` may still read `disclosure` on `today`: a disclosure made on the
// core member's consent or under an information-sharing agreement (which takes effect only with his
// consent) rested on that consent, and stays readable only while one of `consents` (his) covering
// that partner is in force; one made on another basis (imminent danger, a court order…) stays.
bool PartnerMayStillRead(const Disclosure& disclosure, const PartnerContact& contact,
                         const std::vector<Consent>& consents, CivilDate today);

// Checks a disclosure as typed against the record, and returns it ready to store (without its ids,
// author and recording time). Field errors first: a recipient (a partner contact of the
// organisation, or the name of the service or person, 1 to 200 characters), a moment not in the
// future and not before what was observed, the means, what was shared (1 to kMaxSharedLength
// characters), a basis, and an explanation of kMinExplanationLength to kMaxExplanationLength
// characters where the basis needs one (field errors "recipient_kind", "partner_contact",
// "recipient_name", "recipient_organisation", "disclosed_at", "means", "shared", "basis",
// "explanation"). Then the basis itself: a consent of the core member in force on the day of the
// disclosure whose scope covers the recipient, or an agreement of that partner contact with this
// circle in force on that day and not suspended (a consent covering that partner in force that
// day). A refusal says why (withdrawn on…, expired on…, ended on…, suspended, none) and
// tells to choose another basis and explain it, in the field "basis"; nothing is recorded.
Result<Disclosure> CheckDisclosure(DisclosureDraft& draft, const DisclosureRecord& record);

}  // namespace cercle::domain
