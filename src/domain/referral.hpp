#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/intake_fields.hpp"
#include "domain/person_enums.hpp"

// Referrals: how a man comes to the program, and the coordinator's decision on him (DESIGN.md,
// "Lifecycles").
namespace cercle::domain {

// The one-line forms of the table that callers outside the intake area still use.
inline std::vector<ReferralSource> ReferralSources() { return EnumValues<ReferralSource>(); }

// The one-line forms of the table that callers outside the intake area still use.
inline std::vector<ReferralStatus> ReferralStatuses() { return EnumValues<ReferralStatus>(); }
// True when the referral is decided for good (accepted, declined, withdrawn): it no longer changes.
bool IsDecided(ReferralStatus status);

// The statuses a referral in `from` may move to, in the order the page offers them:
//   received   → screening, withdrawn
//   screening  → accepted, waitlisted, declined, withdrawn
//   waitlisted → screening, accepted, declined, withdrawn (a place opened, or his situation
//   changed) accepted, declined, withdrawn → nothing.
std::vector<ReferralStatus> AllowedReferralMoves(ReferralStatus from);

// Checks one move of a referral. Refuses, with a message naming both statuses (as label msgids in
// the arguments "from" and "to"), a move the lifecycle does not allow; refuses a decline or a
// withdrawal without a reason (field "reason"); refuses an acceptance while `missing_criteria`
// eligibility criteria are not met (field "checklist"). A reason has at most
// intake::kMaxReasonLength characters.
Status CheckReferralMove(ReferralStatus from, ReferralStatus to, std::string_view reason,
                         std::size_t missing_criteria);

// A referral as the coordinator records it.
struct Referral {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  ReferralSource source = ReferralSource::kOther;
  std::string source_other;  // what "other" means, when the source is kOther
  std::string referrer_name;
  std::string referrer_organisation;
  std::string referrer_contact;  // telephone, e-mail…
  CivilDate received_on{};
  // The man referred, until his file exists.
  std::string person_legal_name;
  std::string person_preferred_name;
  std::optional<CivilDate> person_birth_date;
  std::string summary;  // why he is referred; coordinators only
  ReferralStatus status = ReferralStatus::kReceived;
  std::string decision_reason;                 // the reason of the last move
  std::optional<std::int64_t> core_member_id;  // the file opened or reopened by the acceptance
  std::optional<std::int64_t> created_by;
  Instant created_at;
  Instant updated_at;
};

// One recorded move of a referral: who, when, why.
struct ReferralStatusChange {
  std::int64_t id = 0;
  std::int64_t referral_id = 0;
  std::optional<ReferralStatus> from;  // none for the creation
  ReferralStatus to = ReferralStatus::kReceived;
  std::string reason;
  std::optional<std::int64_t> changed_by;
  Instant changed_at;
};

// Checks what a coordinator typed for a referral, with `today` as the latest possible date received
// and birth date. Returns field errors ("source", "source_other", "referrer_name",
// "referrer_contact", "received_on", "person_legal_name", "person_birth_date", "summary"…) and
// changes nothing.
Status CheckReferral(const Referral& referral, CivilDate today);

}  // namespace cercle::domain
