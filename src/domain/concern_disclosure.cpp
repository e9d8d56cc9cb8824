#include "domain/concern_disclosure.hpp"

#include <algorithm>
#include <array>

#include "domain/field_checks.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {
namespace {

constexpr std::size_t kMaxRecipientLength = 200;

// A refusal of the basis, in the field "basis".
Error BasisRefused(Message message) { return Error::Fields({{"basis", std::move(message)}}); }

// The consent to rely on, or why none can be.
Result<std::int64_t> FindConsent(const DisclosureRecord& record, const PartnerContact* contact,
                                 std::string_view recipient_organisation, CivilDate day) {
  const SharingCover cover = CoverOn(record.consents, contact, recipient_organisation, day);
  if (cover.in_force) return cover.in_force->id;
  if (!cover.latest) {
    return BasisRefused(
        {N_("No consent of the core member covers this recipient. Choose another basis and "
            "explain it."),
         {}});
  }
  const Consent& latest = *cover.latest;
  switch (ConsentStateOn(latest, day)) {
    case ConsentState::kWithdrawn:
      return BasisRefused(
          {N_("The core member withdrew this consent on {date}. Choose another basis and "
              "explain it."),
           {{"date", FormatIsoDate(latest.withdrawn_on.value_or(day))}}});
    case ConsentState::kExpired:
      return BasisRefused(
          {N_("The core member's consent expired on {date}. Choose another basis and explain "
              "it."),
           {{"date", FormatIsoDate(latest.expires_on.value_or(day))}}});
    case ConsentState::kNotYetValid:
    case ConsentState::kActive:
      break;
  }
  return BasisRefused(
      {N_("The core member's consent is valid only from {date}. Choose another basis and "
          "explain it."),
       {{"date", FormatIsoDate(latest.given_on)}}});
}

// `agreement`'s id when a consent of the core member covering `contact` is in force on `day`;
// otherwise the agreement is suspended, and the refusal says why.
Result<std::int64_t> InEffect(const SharingAgreement& agreement, const PartnerContact& contact,
                              const std::vector<Consent>& consents, CivilDate day) {
  const SharingCover cover = CoverOn(consents, &contact, "", day);
  if (cover.covered()) return agreement.id;
  const MessageArgument name{"name", contact.name};
  if (!cover.latest) {
    return BasisRefused(
        {N_("The information-sharing agreement with {name} is suspended: no consent of the core "
            "member covers this partner. Choose another basis and explain it."),
         {name}});
  }
  const Consent& latest = *cover.latest;
  switch (ConsentStateOn(latest, day)) {
    case ConsentState::kWithdrawn:
      return BasisRefused(
          {N_("The information-sharing agreement with {name} is suspended: the core member "
              "withdrew his consent on {date}. Choose another basis and explain it."),
           {name, {"date", FormatIsoDate(latest.withdrawn_on.value_or(day))}}});
    case ConsentState::kExpired:
      return BasisRefused(
          {N_("The information-sharing agreement with {name} is suspended: the core member's "
              "consent expired on {date}. Choose another basis and explain it."),
           {name, {"date", FormatIsoDate(latest.expires_on.value_or(day))}}});
    case ConsentState::kNotYetValid:
    case ConsentState::kActive:
      break;
  }
  return BasisRefused(
      {N_("The information-sharing agreement with {name} is suspended: the core member's consent "
          "is valid only from {date}. Choose another basis and explain it."),
       {name, {"date", FormatIsoDate(latest.given_on)}}});
}

// The agreement to rely on, or why none can be.
Result<std::int64_t> FindAgreement(const DisclosureRecord& record, const PartnerContact* contact,
                                   CivilDate day) {
  if (!contact) {
    return BasisRefused(
        {N_("An information-sharing agreement covers only a partner contact of the outer "
            "circle. Choose another basis and explain it."),
         {}});
  }
  const MessageArgument name{"name", contact->name};
  std::vector<const SharingAgreement*> attached;
  for (const auto& agreement : record.agreements) {
    if (agreement.partner_contact_id == contact->id && agreement.circle_id == record.circle_id) {
      if (agreement.InForceOn(day)) return InEffect(agreement, *contact, record.consents, day);
      attached.push_back(&agreement);
    }
  }
  if (attached.empty()) {
    return BasisRefused(
        {N_("No information-sharing agreement attaches {name} to this circle. Choose another "
            "basis and explain it."),
         {name}});
  }
  const auto latest =
      *std::max_element(attached.begin(), attached.end(), [](const auto* a, const auto* b) {
        return a->starts_on != b->starts_on ? a->starts_on < b->starts_on : a->id < b->id;
      });
  if (latest->starts_on > day) {
    return BasisRefused(
        {N_("The information-sharing agreement with {name} starts only on {date}. Choose "
            "another basis and explain it."),
         {name, {"date", FormatIsoDate(latest->starts_on)}}});
  }
  return BasisRefused(
      {N_("The information-sharing agreement with {name} ended on {date}. Choose another "
          "basis and explain it."),
       {name, {"date", FormatIsoDate(latest->ends_on.value_or(day))}}});
}

}  // namespace

bool NeedsExplanation(LegalBasis basis) {
  return basis == LegalBasis::kImminentDanger || basis == LegalBasis::kCourtOrder ||
         basis == LegalBasis::kOther;
}

bool PartnerMayStillRead(const Disclosure& disclosure, const PartnerContact& contact,
                         const std::vector<Consent>& consents, CivilDate today) {
  if (disclosure.basis != LegalBasis::kConsent && disclosure.basis != LegalBasis::kAgreement) {
    return true;
  }
  return CoverOn(consents, &contact, "", today).covered();
}

Result<Disclosure> CheckDisclosure(DisclosureDraft& draft, const DisclosureRecord& record) {
  std::vector<FieldError> errors;
  Disclosure disclosure;
  disclosure.organisation_id = record.concern.organisation_id;
  disclosure.concern_id = record.concern.id;
  if (!draft.recipient_kind) {
    AddError(errors, "recipient_kind", N_("Choose who received the information."));
  } else if (*draft.recipient_kind == RecipientKind::kPartnerContact) {
    if (!record.contact) AddError(errors, "partner_contact", N_("Choose the partner contact."));
  } else {
    CheckText(errors, "recipient_name", draft.recipient_name, kMaxRecipientLength,
              N_("Name the service or the person who received it."));
    CheckText(errors, "recipient_organisation", draft.recipient_organisation, kMaxRecipientLength);
  }
  CheckPastMoment(
      errors, "disclosed_at", record.day ? draft.disclosed_at : std::nullopt, record.now,
      Earliest{record.concern.observed_at, N_("The moment cannot be before what was observed.")});
  if (!draft.means) AddError(errors, "means", N_("Choose how it was shared."));
  CheckText(errors, "shared", draft.shared, kMaxSharedLength, N_("Say what was shared."));
  if (!draft.basis) AddError(errors, "basis", N_("Choose the legal basis."));
  draft.explanation = Trimmed(draft.explanation);
  const std::size_t explained = CharacterCount(draft.explanation);
  if (draft.basis && NeedsExplanation(*draft.basis) && explained < kMinExplanationLength) {
    errors.push_back(
        {"explanation",
         {N_("Explain why this basis allows the disclosure, in at least {count} characters."),
          {{"count", std::to_string(kMinExplanationLength)}}}});
  } else if (explained > kMaxExplanationLength) {
    errors.push_back({"explanation", TooLong(kMaxExplanationLength)});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));

  disclosure.recipient_kind = *draft.recipient_kind;
  // A partner contact passed along with another kind of recipient is not the recipient.
  const PartnerContact* contact =
      disclosure.recipient_kind == RecipientKind::kPartnerContact ? record.contact : nullptr;
  if (contact) {
    disclosure.partner_contact_id = contact->id;
    disclosure.recipient_name = contact->name;
    disclosure.recipient_organisation = contact->partner_organisation;
  } else {
    disclosure.recipient_name = draft.recipient_name;
    disclosure.recipient_organisation = draft.recipient_organisation;
  }
  disclosure.disclosed_at = *draft.disclosed_at;
  disclosure.means = *draft.means;
  disclosure.shared = draft.shared;
  disclosure.basis = *draft.basis;
  disclosure.explanation = draft.explanation;
  // The organisation a partner-organisation consent must name: the one typed, or else the service
  // itself
  // ("Service de police de la Ville de Montréal").
  const std::string recipient_organisation = disclosure.recipient_organisation.empty()
                                                 ? disclosure.recipient_name
                                                 : disclosure.recipient_organisation;
  if (disclosure.basis == LegalBasis::kConsent) {
    disclosure.consent_id = TRY(FindConsent(record, contact, recipient_organisation, *record.day));
  } else if (disclosure.basis == LegalBasis::kAgreement) {
    disclosure.agreement_id = TRY(FindAgreement(record, contact, *record.day));
  }
  return disclosure;
}

}  // namespace cercle::domain
