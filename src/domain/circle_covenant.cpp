#include "domain/circle_covenant.hpp"

#include <algorithm>

#include "domain/field_checks.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {

Status CheckCovenantText(std::string_view body, std::string_view note) {
  std::vector<FieldError> errors;
  RequireText(errors, "body", body, kMaxCovenantLength, N_("Write the text of the covenant."));
  LimitText(errors, "note", note, 200);
  return Checked(std::move(errors));
}

CovenantSignatures SignaturesOf(std::int64_t version_id,
                                const std::vector<CovenantSignature>& signatures,
                                const std::vector<CircleMember>& members,
                                const std::map<std::int64_t, std::string>& volunteer_names) {
  CovenantSignatures result;
  for (const auto& signature : signatures) {
    if (signature.version_id == version_id && signature.signatory == Signatory::kCoreMember) {
      result.core_member_signed = true;
    }
  }
  for (const auto& member : members) {
    if (!member.current()) continue;
    const bool signed_it =
        std::any_of(signatures.begin(), signatures.end(), [&](const CovenantSignature& s) {
          return s.version_id == version_id && s.signatory == Signatory::kVolunteer &&
                 s.volunteer_id == member.volunteer_id;
        });
    if (signed_it) continue;
    const auto name = volunteer_names.find(member.volunteer_id);
    result.unsigned_volunteers.push_back(
        name == volunteer_names.end() ? "#" + std::to_string(member.volunteer_id) : name->second);
  }
  return result;
}

Status CheckSignature(const CovenantSignature& signature,
                      const std::vector<CovenantSignature>& existing,
                      const std::vector<CircleMember>& members, CivilDate drafted_on,
                      CivilDate today) {
  if (signature.signatory == Signatory::kVolunteer) {
    const bool member = std::any_of(members.begin(), members.end(), [&](const CircleMember& m) {
      return m.current() && signature.volunteer_id == m.volunteer_id;
    });
    if (!member) return Error::Fields({{"signatory", {N_("Choose who signed."), {}}}});
  }
  const bool twice = std::any_of(existing.begin(), existing.end(), [&](const CovenantSignature& s) {
    return s.version_id == signature.version_id && s.signatory == signature.signatory &&
           s.volunteer_id == signature.volunteer_id;
  });
  if (twice) return Error::Conflict(N_("This signature is already recorded for this version."));
  if (signature.signed_on > today) {
    return Error::Fields({{"signed_on", {N_("The date cannot be in the future."), {}}}});
  }
  if (signature.signed_on < drafted_on) {
    return Error::Fields(
        {{"signed_on", {N_("The date cannot be before this version was drafted."), {}}}});
  }
  return {};
}

}  // namespace cercle::domain
