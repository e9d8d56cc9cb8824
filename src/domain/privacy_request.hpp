#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/enum_names.hpp"

// Requests from the people concerned under Québec's private-sector privacy Act as amended by Law 25
// (s. 27–35): access, correction and portability, their 30-day deadline and their answer; what an
// export of one person's file withholds, and why. No I/O.
namespace cercle::domain {

// What the person asks for.
enum class PrivacyRequestKind { kAccess, kCorrection, kPortability };
template <>
struct EnumTable<PrivacyRequestKind> {
  static constexpr std::array<EnumEntry<PrivacyRequestKind>, 3> kEntries{{
      {PrivacyRequestKind::kAccess, "access", N_("Access")},
      {PrivacyRequestKind::kCorrection, "correction", N_("Correction")},
      {PrivacyRequestKind::kPortability, "portability", N_("Portability")},
  }};
};

// Whom the request is about: a core member's file, a volunteer's file, or a person named in free
// text when no file matches.
enum class PrivacySubjectKind { kCoreMember, kVolunteer, kOther };
template <>
struct EnumTable<PrivacySubjectKind> {
  static constexpr std::array<EnumEntry<PrivacySubjectKind>, 3> kEntries{{
      {PrivacySubjectKind::kCoreMember, "core_member", N_("Core member")},
      {PrivacySubjectKind::kVolunteer, "volunteer", N_("Volunteer")},
      {PrivacySubjectKind::kOther, "other", N_("Someone without a file")},
  }};
};

// The answer given to the person.
enum class PrivacyAnswer { kGranted, kPartlyGranted, kRefused };
template <>
struct EnumTable<PrivacyAnswer> {
  static constexpr std::array<EnumEntry<PrivacyAnswer>, 3> kEntries{{
      {PrivacyAnswer::kGranted, "granted", N_("Granted")},
      {PrivacyAnswer::kPartlyGranted, "partly_granted", N_("Partly granted")},
      {PrivacyAnswer::kRefused, "refused", N_("Refused")},
  }};
};

// The sections of the Act most often invoked to refuse access, in whole or in part (s. 34 asks the
// refusal to name the provision). Stored by their number; any other provision is stored as typed.
struct RefusalSection {
  std::string_view number;
  std::string_view label;  // msgid
};
inline constexpr std::array<RefusalSection, 3> kUsualRefusalSections{{
    {"37", N_("s. 37: the disclosure would likely cause serious harm to the person's health")},
    {"39", N_("s. 39: the disclosure would likely hamper an investigation or judicial "
              "proceedings")},
    {"40", N_("s. 40: the disclosure would likely reveal information about a third person")},
}};
// The usual section numbered `number`, if it is one.
const RefusalSection* FindRefusalSection(std::string_view number);

// One request of the register.
struct PrivacyRequest {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  PrivacyRequestKind kind = PrivacyRequestKind::kAccess;
  PrivacySubjectKind subject_kind = PrivacySubjectKind::kCoreMember;
  std::optional<std::int64_t> core_member_id;
  std::optional<std::int64_t> volunteer_id;
  std::string person_name;  // the person named in free text (subject kOther)
  std::string details;      // what was asked, as the person in charge notes it
  CivilDate received_on{};
  std::optional<PrivacyAnswer> answer;
  std::optional<CivilDate> answered_on;
  std::string refusal_section;  // a usual section's number, or the provision as typed
  std::string answer_note;
  int export_count = 0;
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
  Instant updated_at;

  bool answered() const { return answer.has_value(); }
};

// The time the Act gives to answer (s. 32): 30 days after the request is received.
inline constexpr int kAnswerDays = 30;
// A request not answered this many days or fewer before its deadline is flagged.
inline constexpr int kDeadlineNearDays = 7;

// The last day to answer a request received on `received_on`.
CivilDate AnswerDeadline(CivilDate received_on);

// How a request stands against its deadline.
enum class DeadlineFlag {
  kNone,    // answered, or more than kDeadlineNearDays left
  kNear,    // not answered, kDeadlineNearDays days or fewer left (0: today is the last day)
  kPassed,  // not answered, the deadline has passed
};
struct DeadlineState {
  CivilDate deadline{};
  int days_left = 0;  // negative once passed
  DeadlineFlag flag = DeadlineFlag::kNone;
};
// Where `request` stands on `today`.
DeadlineState DeadlineOn(const PrivacyRequest& request, CivilDate today);

// Trims and checks a new request: a subject of its kind (a file, or a name of 1 to 200
// characters), a received date not in the future and not before 1950, details of at most 2000
// characters. Field errors "subject", "person_name", "received_on", "details".
Status CheckPrivacyRequest(PrivacyRequest& request, CivilDate today);

// Trims and checks an answer on `request`: a date from the day it was received to `today`; a
// section invoked when access is refused in whole or in part (none otherwise); a note of at most
// 2000 characters. Field errors "answer", "answered_on", "refusal_section", "answer_note".
Status CheckPrivacyAnswer(PrivacyRequest& request, CivilDate today);

// Why an export left something out (s. 40 and the "third persons left out by default").
enum class WithholdReason {
  kVictim,              // a victim's identity or places
  kOtherPerson,         // another person's name or contact details
  kStaffNote,           // a coordinator's free-text note, which may reveal others
  kAboutAnother,        // text written about someone else (a volunteer's minutes about the man)
  kNamesAnother,        // a name of someone else found in the text, replaced by a marker
  kThirdPartyDocument,  // a document received from a third party (a referral, an agreement)
  kSecurity,            // a password hash, a key, a token: never released
};
template <>
struct EnumTable<WithholdReason> {
  static constexpr std::array<EnumEntry<WithholdReason>, 7> kEntries{{
      {WithholdReason::kVictim, "victim", N_("A victim's identity or places")},
      {WithholdReason::kOtherPerson, "other_person",
       N_("Another person's name or contact details")},
      {WithholdReason::kStaffNote, "staff_note",
       N_("A coordinator's note, which may reveal other people")},
      {WithholdReason::kAboutAnother, "about_another", N_("Written about another person")},
      {WithholdReason::kNamesAnother, "names_another",
       N_("Names another person (the name is replaced by a marker)")},
      {WithholdReason::kThirdPartyDocument, "third_party_document",
       N_("A document received from a third party")},
      {WithholdReason::kSecurity, "security", N_("A security secret (password, key or token)")},
  }};
};

// What stands in the export where a name of someone else was.
inline constexpr std::string_view kNameMarker = "[…]";

// `text` with every whole-word occurrence of one of `names` (compared without case or accents,
// spaces collapsed; names under three letters are ignored) replaced by kNameMarker; nothing when
// no name occurs.
std::optional<std::string> RedactNames(std::string_view text,
                                       const std::vector<std::string>& names);

}  // namespace cercle::domain
