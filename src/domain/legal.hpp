#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/core_member.hpp"
#include "domain/person_enums.hpp"

// A core member's legal situation: supervision orders, the conditions attached to them, and the key
// dates that come of them.
namespace cercle::domain {

// The one-line forms of the table that callers outside the intake area still use.
inline std::vector<OrderType> OrderTypes() { return EnumValues<OrderType>(); }

// A supervision order.
struct SupervisionOrder {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t core_member_id = 0;
  OrderType type = OrderType::kStatutoryRelease;
  CivilDate starts_on{};
  std::optional<CivilDate> ends_on;
  // The supervising officer: a partner account of the organisation, or a name and contact typed in.
  std::optional<std::int64_t> officer_user_id;
  std::string officer_name;
  std::string officer_contact;
  Instant created_at;
  Instant updated_at;
};

// Checks an order: a start, an end not before it (fields "starts_on", "ends_on"), and short officer
// details.
Status CheckSupervisionOrder(const SupervisionOrder& order);

// A condition attached to an order. When it protects a victim, the victim's identity and places are
// kept in their own fields, which only coordinators and organisation admins read.
struct Condition {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t core_member_id = 0;
  std::int64_t order_id = 0;
  ConditionKind kind = ConditionKind::kOther;
  std::string text;
  std::optional<CivilDate> starts_on;
  std::optional<CivilDate> ends_on;
  bool protects_victim = false;
  std::string victim_identity;  // coordinators only
  std::string victim_places;    // coordinators only
  // For an exclusion zone: the zone's name as venues list it (domain::ClashesWith); else "".
  std::string zone;
  Instant created_at;
  Instant updated_at;

  // True when the condition is in force on `day`.
  bool InForceOn(CivilDate day) const {
    return (!starts_on || *starts_on <= day) && (!ends_on || day <= *ends_on);
  }
};

// `condition` as it must be stored: a no-contact-with-a-named-person condition always protects a
// victim, and a condition that protects none keeps no victim details.
Condition NormalisedCondition(Condition condition);

// Checks a condition (after Normalised): a text, the victim's identity when it protects a victim,
// a zone of at most 120 characters, an end not before its start. Field errors: "kind", "text",
// "victim_identity", "victim_places", "zone", "starts_on", "ends_on".
Status CheckCondition(const Condition& condition);

// The kinds of key date the staff home page warns about.
enum class KeyDateKind { kStatutoryRelease, kWarrantExpiry, kOrderEnds, kConditionEnds };

// A date coming up on a file.
struct KeyDate {
  KeyDateKind kind = KeyDateKind::kWarrantExpiry;
  CivilDate date{};
  std::int64_t core_member_id = 0;
  std::string label;  // the order type's or condition kind's label msgid, for order and condition
                      // ends; or ""
};

// How far ahead the home page looks, and from when a key date is urgent.
inline constexpr int kKeyDateHorizonDays = 30;
inline constexpr int kKeyDateUrgentDays = 7;

// The key dates of an open file from `today` to `today` + kKeyDateHorizonDays (both included),
// soonest first: statutory release, warrant expiry, the end of each order and of each condition.
// Nothing for a closed file.
std::vector<KeyDate> UpcomingKeyDates(const CoreMember& core_member,
                                      const std::vector<SupervisionOrder>& orders,
                                      const std::vector<Condition>& conditions, CivilDate today);

// True when a key date on `date` is urgent seen from `today` (within kKeyDateUrgentDays).
bool IsUrgentKeyDate(CivilDate date, CivilDate today);

// A risk assessment as received from corrections or a clinician. Cercle stores it; it never
// computes one. Coordinators and organisation admins only.
struct RiskAssessment {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t core_member_id = 0;
  RiskTool tool = RiskTool::kStatic99R;
  std::string tool_other;  // the tool's name when kOther
  std::string score;       // as written in the report: "6", "-1", "4.5"
  std::string level;       // as written in the report: "IVa — well above average"
  CivilDate assessed_on{};
  std::string assessor;
  std::optional<std::int64_t> source_document_id;
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
};

// Checks a risk assessment, with `today` as the latest possible date. Field errors: "tool_other",
// "score", "level", "assessed_on", "assessor".
Status CheckRiskAssessment(const RiskAssessment& assessment, CivilDate today);

// A consent the core member gave.
struct Consent {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t core_member_id = 0;
  ConsentScope scope = ConsentScope::kOuterCircle;
  std::string partner_organisation;  // the named organisation, for kPartnerOrganisation
  CivilDate given_on{};
  std::optional<CivilDate> expires_on;  // the last day it is valid
  std::optional<CivilDate> withdrawn_on;
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
};

// The state of `consent` on `today`. A withdrawal counts from its date.
ConsentState ConsentStateOn(const Consent& consent, CivilDate today);

// Which of some consents speaks for the core member on a day.
struct ConsentCover {
  // The latest given (then the latest recorded) of them in force that day, if any.
  std::optional<Consent> in_force;
  // Otherwise the latest given of them, whatever its state (withdrawn, expired, not yet valid);
  // none when there is none.
  std::optional<Consent> latest;

  // True when one of them is in force.
  bool covered() const { return in_force.has_value(); }
};

// The cover, on `day`, of the consents among `consents` that `counts` selects.
ConsentCover CoverAmong(const std::vector<Consent>& consents,
                        const std::function<bool(const Consent&)>& counts, CivilDate day);

// Checks a consent, with `today` as the latest possible date given. Field errors:
// "partner_organisation", "given_on", "expires_on".
Status CheckConsent(const Consent& consent, CivilDate today);

// Checks the withdrawal of `consent` on `withdrawn_on`: not already withdrawn (Conflict), not
// before it was given, not in the future (field "withdrawn_on").
Status CheckConsentWithdrawal(const Consent& consent, CivilDate withdrawn_on, CivilDate today);

// The consents that can no longer be relied on (withdrawn or expired) on `today`, for the warning
// shown wherever sharing happens: one per scope (and partner), the latest of each, and only when no
// other consent of the same scope (and partner) is active.
std::vector<Consent> LapsedConsents(const std::vector<Consent>& consents, CivilDate today);

}  // namespace cercle::domain
