#include "domain/circle_formation.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "domain/field_checks.hpp"

namespace cercle::domain {

int CurrentMemberCount(const std::vector<CircleMember>& members) {
  return static_cast<int>(std::count_if(
      members.begin(), members.end(), [](const CircleMember& member) { return member.current(); }));
}

Status CheckJoin(const JoinRequest& request, const GateDescriber& describe) {
  if (request.circle.closed())
    return Error::Invalid(N_("A closed circle takes no new volunteers."));
  const auto already =
      std::find_if(request.members.begin(), request.members.end(), [&](const CircleMember& member) {
        return member.current() && member.volunteer_id == request.volunteer_id;
      });
  if (already != request.members.end()) {
    return Error::Conflict(N_("{name} is already a member of this circle."),
                           {{"name", request.volunteer_name}});
  }
  if (request.path == JoinPath::kReplacement) {
    const auto replaced = std::find_if(request.members.begin(), request.members.end(),
                                       [&](const CircleMember& member) {
                                         return member.current() && request.replacing_member_id &&
                                                member.id == *request.replacing_member_id;
                                       });
    if (replaced == request.members.end()) {
      return Error::Conflict(N_("The volunteer to replace is no longer a member of this circle."));
    }
  }
  if (!request.gate.passed()) {
    std::string conditions;
    for (const auto& failure : request.gate.failures)
      AppendSeparated(conditions, " ", describe(failure));
    return Error::Fields({{"volunteer",
                           {N_("{name} cannot join the circle: {conditions}"),
                            {{"name", request.volunteer_name}, {"conditions", conditions}}}}});
  }
  // A replacement takes a place that is already counted.
  const int after =
      CurrentMemberCount(request.members) + (request.path == JoinPath::kReplacement ? 0 : 1);
  return CheckCircleSize(after, request.minimum, request.maximum, false);
}

Status CheckStart(const std::vector<CircleMember>& members, int minimum, int maximum,
                  const CovenantSignatures& signatures, bool has_current_version) {
  TRY(CheckCircleSize(CurrentMemberCount(members), minimum, maximum, true));
  return CheckCovenantSigned(signatures, has_current_version);
}

Status CheckLeaving(const CircleMember& member, std::optional<CivilDate> left_on,
                    std::string_view reason, CivilDate today) {
  if (!member.current()) return Error::Conflict(N_("This volunteer has already left the circle."));
  std::vector<FieldError> errors;
  CheckPastDay(errors, "left_on", left_on, today,
               Earliest{member.joined_on, N_("The date cannot be before the volunteer joined.")});
  RequireText(errors, "left_reason", reason, kMaxCircleNoteLength,
              N_("Say why the volunteer leaves the circle."));
  return Checked(std::move(errors));
}

}  // namespace cercle::domain
