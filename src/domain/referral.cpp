#include "domain/referral.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "domain/field_checks.hpp"
#include "domain/intake_fields.hpp"

namespace cercle::domain {

bool IsDecided(ReferralStatus status) {
  return status == ReferralStatus::kAccepted || status == ReferralStatus::kDeclined ||
         status == ReferralStatus::kWithdrawn;
}

std::vector<ReferralStatus> AllowedReferralMoves(ReferralStatus from) {
  using enum ReferralStatus;
  switch (from) {
    case kReceived:
      return {kScreening, kWithdrawn};
    case kScreening:
      return {kAccepted, kWaitlisted, kDeclined, kWithdrawn};
    case kWaitlisted:
      return {kScreening, kAccepted, kDeclined, kWithdrawn};
    case kAccepted:
    case kDeclined:
    case kWithdrawn:
      return {};
  }
  return {};
}

Status CheckReferralMove(ReferralStatus from, ReferralStatus to, std::string_view reason,
                         std::size_t missing_criteria) {
  const auto allowed = AllowedReferralMoves(from);
  if (std::find(allowed.begin(), allowed.end(), to) == allowed.end()) {
    if (IsDecided(from)) {
      return Error::Conflict(
          N_("This referral is {from}: its decision is final and its status no longer changes."),
          {{"from", std::string(LabelOf(from))}});
    }
    return Error::Invalid(N_("A referral that is {from} cannot become {to}."),
                          {{"from", std::string(LabelOf(from))}, {"to", std::string(LabelOf(to))}});
  }
  const std::string trimmed = Trimmed(reason);
  if ((to == ReferralStatus::kDeclined || to == ReferralStatus::kWithdrawn) && trimmed.empty()) {
    return Error::Fields(
        {{"reason",
          {to == ReferralStatus::kDeclined ? N_("Give the reason for declining this referral.")
                                           : N_("Give the reason for withdrawing this referral."),
           {}}}});
  }
  if (CharacterCount(trimmed) > intake::kMaxReasonLength) {
    return Error::Fields({{"reason", TooLong(intake::kMaxReasonLength)}});
  }
  if (to == ReferralStatus::kAccepted && missing_criteria > 0) {
    return Error::Fields({{"checklist",
                           {N_("Some eligibility criteria are not met yet ({count}): complete the "
                               "checklist before accepting."),
                            {{"count", std::to_string(missing_criteria)}}}}});
  }
  return {};
}

Status CheckReferral(const Referral& referral, CivilDate today) {
  std::vector<FieldError> errors;
  RequireText(errors, "source_other", referral.source_other, 200,
              referral.source == ReferralSource::kOther ? N_("Say where the referral comes from.")
                                                        : nullptr);
  RequireText(errors, "referrer_name", referral.referrer_name, 200,
              referral.source != ReferralSource::kSelfReferral ? N_("Enter the referrer's name.")
                                                               : nullptr);
  LimitText(errors, "referrer_organisation", referral.referrer_organisation, 200);
  LimitText(errors, "referrer_contact", referral.referrer_contact, 500);
  if (referral.received_on > today) {
    AddError(errors, "received_on", N_("The date received cannot be in the future."));
  }
  RequireText(errors, "person_legal_name", referral.person_legal_name, 200,
              N_("Enter the legal name of the man referred."));
  LimitText(errors, "person_preferred_name", referral.person_preferred_name, 200);
  if (referral.person_birth_date && *referral.person_birth_date >= today) {
    AddError(errors, "person_birth_date", N_("The date of birth must be in the past."));
  }
  LimitText(errors, "summary", referral.summary, intake::kMaxLongText);
  return Checked(std::move(errors));
}

}  // namespace cercle::domain
