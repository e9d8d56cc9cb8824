#include "domain/core_member.hpp"

#include <algorithm>
#include <cctype>

#include "base/text.hpp"
#include "domain/field_checks.hpp"
#include "domain/intake_fields.hpp"

namespace cercle::domain {
std::vector<CoreMemberStatus> AllowedCoreMemberMoves(CoreMemberStatus from) {
  using enum CoreMemberStatus;
  switch (from) {
    case kCandidate:
      return {kWaitingForCircle, kClosed};
    case kWaitingForCircle:
      return {kCandidate, kInCircle, kClosed};
    case kInCircle:
      return {kBetweenCircles, kClosed};
    case kBetweenCircles:
      return {kInCircle, kWaitingForCircle, kClosed};
    case kClosed:
      return {};
  }
  return {};
}

Status CheckCoreMemberMove(CoreMemberStatus from, CoreMemberStatus to, std::string_view reason) {
  const auto allowed = AllowedCoreMemberMoves(from);
  if (std::find(allowed.begin(), allowed.end(), to) == allowed.end()) {
    if (from == CoreMemberStatus::kClosed) {
      return Error::Conflict(
          N_("This file is closed. It reopens only when a new referral for him is accepted."));
    }
    return Error::Invalid(N_("A file that is {from} cannot become {to}."),
                          {{"from", std::string(LabelOf(from))}, {"to", std::string(LabelOf(to))}});
  }
  const std::string trimmed = Trimmed(reason);
  if (to == CoreMemberStatus::kClosed && trimmed.empty()) {
    return Error::Fields({{"reason", {N_("Give the reason for closing this file."), {}}}});
  }
  if (CharacterCount(trimmed) > intake::kMaxReasonLength)
    return Error::Fields({{"reason", TooLong(intake::kMaxReasonLength)}});
  return {};
}

Result<CoreMemberStatus> StatusOnAcceptance(std::optional<CoreMemberStatus> current) {
  if (current && *current != CoreMemberStatus::kClosed) {
    return Error::Conflict(N_("This file is still open: only a closed file can be reopened."));
  }
  return CoreMemberStatus::kCandidate;
}

Status CheckFileNumber(std::string_view file_number) {
  const std::string trimmed = Trimmed(file_number);
  if (trimmed.empty()) return Error::Fields({{"file_number", {N_("Enter a file number."), {}}}});
  const bool allowed =
      trimmed.size() <= 40 && std::all_of(trimmed.begin(), trimmed.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '-' || c == '_' ||
               c == '/' || c == '.';
      });
  if (!allowed) {
    return Error::Fields(
        {{"file_number",
          {N_("Use up to 40 letters (without accents), digits, spaces and the signs - _ / ."),
           {}}}});
  }
  return {};
}

Status CheckCoreMember(const CoreMember& core_member, CivilDate today) {
  std::vector<FieldError> errors;
  RequireText(errors, "legal_name", core_member.legal_name, 200, N_("Enter his legal name."));
  LimitText(errors, "preferred_name", core_member.preferred_name, 200);
  if (const auto number = CheckFileNumber(core_member.file_number); !number) {
    for (const auto& field : number.error().fields) errors.push_back(field);
  }
  if (core_member.birth_date && *core_member.birth_date >= today) {
    AddError(errors, "birth_date", N_("The date of birth must be in the past."));
  }
  RequireText(errors, "other_language", core_member.other_language, 100,
              core_member.preferred_language == PreferredLanguage::kOther
                  ? N_("Say which language he prefers.")
                  : nullptr);
  LimitText(errors, "phone", core_member.phone, 100);
  std::string email = core_member.email;
  CheckEmail(errors, "email", email,
             N_("Enter an e-mail address such as name@example.org, or leave it empty."));
  LimitText(errors, "address", core_member.address, 500);
  LimitText(errors, "region", core_member.region, 100);
  LimitText(errors, "offence_summary", core_member.offence_summary, intake::kMaxLongText);
  LimitText(errors, "volunteer_summary", core_member.volunteer_summary, intake::kMaxLongText);
  if (core_member.statutory_release_date && core_member.warrant_expiry_date &&
      *core_member.warrant_expiry_date < *core_member.statutory_release_date) {
    AddError(errors, "warrant_expiry_date",
             N_("The warrant expiry cannot come before the statutory release."));
  }
  return Checked(std::move(errors));
}

std::string SearchableText(const CoreMember& core_member) {
  return core_member.legal_name + " " + core_member.preferred_name + " " + core_member.file_number;
}

}  // namespace cercle::domain
