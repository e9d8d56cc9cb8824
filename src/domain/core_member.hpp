#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/person_enums.hpp"

// The core member's file: who he is, how to reach him, what he did (for coordinators), what
// volunteers may read, and where he stands in the program (DESIGN.md, "Lifecycles").
namespace cercle::domain {

// The one-line forms of the table that callers outside the intake area still use.
inline std::vector<CoreMemberStatus> CoreMemberStatuses() { return EnumValues<CoreMemberStatus>(); }

// The statuses a coordinator may move a file in `from` to, by hand:
//   candidate          → waiting for circle, closed
//   waiting for circle → candidate, in circle, closed
//   in circle          → between circles, closed
//   between circles    → in circle, waiting for circle, closed
//   closed             → nothing: a closed file reopens only when a new referral for him is
//   accepted.
std::vector<CoreMemberStatus> AllowedCoreMemberMoves(CoreMemberStatus from);

// Checks a move by hand. Refuses a move the lifecycle does not allow (the labels of both statuses
// in the arguments "from" and "to") and a closure without a reason (field "reason").
Status CheckCoreMemberMove(CoreMemberStatus from, CoreMemberStatus to, std::string_view reason);

// The status a file takes when an accepted referral opens it, or reopens it from `current` (none
// for a new file): a candidate. Refuses (Conflict) a file that is still open, since a man has one
// file at a time.
Result<CoreMemberStatus> StatusOnAcceptance(std::optional<CoreMemberStatus> current);

// A core member's file.
struct CoreMember {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string file_number;  // unique within the organisation
  std::string legal_name;
  std::string preferred_name;  // the name he goes by; "" when it is his legal name
  std::optional<CivilDate> birth_date;
  PreferredLanguage preferred_language = PreferredLanguage::kFrench;
  std::string other_language;  // which language, when kOther
  std::string phone;
  std::string email;
  std::string address;
  std::string region;
  // What he was convicted of, in the coordinator's words. Coordinators and admins only.
  std::string offence_summary;
  // What the coordinator chooses to tell the circle's volunteers.
  std::string volunteer_summary;
  CoreMemberStatus status = CoreMemberStatus::kCandidate;
  std::optional<std::int64_t> coordinator_user_id;
  // Key dates of his sentence.
  std::optional<CivilDate> statutory_release_date;
  std::optional<CivilDate> warrant_expiry_date;
  Instant created_at;
  Instant updated_at;

  // The name he goes by, or his legal name when he gave none.
  const std::string& name_used() const {
    return preferred_name.empty() ? legal_name : preferred_name;
  }
};

// One recorded status change of a file: who, when, why, and the referral that opened or reopened
// it.
struct CoreMemberStatusChange {
  std::int64_t id = 0;
  std::int64_t core_member_id = 0;
  std::optional<CoreMemberStatus> from;  // none when the file was opened
  CoreMemberStatus to = CoreMemberStatus::kCandidate;
  std::string reason;
  std::optional<std::int64_t> referral_id;
  std::optional<std::int64_t> changed_by;
  Instant changed_at;
};

// Checks a file number: 1 to 40 characters among letters, digits, spaces and - _ / . (field
// "file_number").
Status CheckFileNumber(std::string_view file_number);

// Checks what a coordinator typed for a file, with `today` as the latest possible birth date.
// Returns field errors named after the CoreMember members ("legal_name", "file_number",
// "birth_date", "other_language", "email", "offence_summary"…) and changes nothing.
Status CheckCoreMember(const CoreMember& core_member, CivilDate today);

// The text the search compares, before folding: legal name, name he goes by and file number.
std::string SearchableText(const CoreMember& core_member);

}  // namespace cercle::domain
