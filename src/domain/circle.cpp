#include "domain/circle.hpp"

#include "base/text.hpp"
#include "domain/enum_names.hpp"

namespace cercle::domain {
const std::vector<CirclePhase>& AllPhases() {
  static const std::vector<CirclePhase> phases = EnumValues<CirclePhase>();
  return phases;
}

bool IsActivePhase(CirclePhase phase) {
  return phase != CirclePhase::kForming && phase != CirclePhase::kSuspended &&
         phase != CirclePhase::kClosed;
}

Status CheckPhaseChange(CirclePhase from, CirclePhase to) {
  if (from == to) return Error::Invalid(N_("The circle is already in this phase."));
  if (from == CirclePhase::kClosed)
    return Error::Invalid(N_("A closed circle cannot change phase."));
  if (to == CirclePhase::kClosed) return {};
  if (to == CirclePhase::kForming) return Error::Invalid(N_("A circle cannot go back to forming."));
  if (from == CirclePhase::kForming) {
    if (to == CirclePhase::kPreRelease || to == CirclePhase::kIntensive) return {};
    return Error::Invalid(
        N_("A new circle starts with the pre-release phase or the intensive phase."));
  }
  if (to == CirclePhase::kSuspended) return {};  // from any active phase
  if (to == CirclePhase::kPreRelease && from != CirclePhase::kSuspended) {
    return Error::Invalid(
        N_("Only a forming or suspended circle can enter the pre-release phase."));
  }
  return {};  // between active phases, or resuming a suspended circle
}

std::optional<int> AllowedDaysWithoutMeeting(CirclePhase phase) {
  switch (phase) {
    case CirclePhase::kPreRelease:
      return 35;
    case CirclePhase::kIntensive:
      return 10;
    case CirclePhase::kWeekly:
      return 10;
    case CirclePhase::kBiweekly:
      return 17;
    case CirclePhase::kMonthly:
      return 35;
    case CirclePhase::kInformal:
      return 90;
    case CirclePhase::kForming:
    case CirclePhase::kSuspended:
    case CirclePhase::kClosed:
      return std::nullopt;
  }
  return std::nullopt;
}

bool MeetingOverdue(CirclePhase phase, std::optional<CivilDate> last_meeting,
                    CivilDate active_since, CivilDate today) {
  const auto allowed = AllowedDaysWithoutMeeting(phase);
  if (!allowed) return false;
  const CivilDate since =
      last_meeting && *last_meeting > active_since ? *last_meeting : active_since;
  return DaysBetween(since, today) > *allowed;
}

Status CheckCircleSize(int volunteer_count, int minimum, int maximum, bool starting) {
  if (volunteer_count > maximum) {
    return Error::Invalid(N_("A circle has at most {maximum} volunteers."),
                          {{"maximum", std::to_string(maximum)}});
  }
  if (starting && volunteer_count < minimum) {
    return Error::Invalid(
        N_("A circle needs at least {minimum} volunteers to start; it has {count}."),
        {{"minimum", std::to_string(minimum)}, {"count", std::to_string(volunteer_count)}});
  }
  return {};
}

CivilDate NextReviewDate(CivilDate started, std::optional<CivilDate> last_review,
                         int months_between) {
  const CivilDate from = last_review && *last_review > started ? *last_review : started;
  return AddMonths(from, months_between);
}

CivilDate NextRenewalDate(CivilDate started, std::optional<CivilDate> last_renewal) {
  const CivilDate from = last_renewal && *last_renewal > started ? *last_renewal : started;
  return AddMonths(from, 12);
}

Status CheckCovenantSigned(const CovenantSignatures& signatures, bool has_current_version) {
  if (!has_current_version) {
    return Error::Invalid(N_("The circle needs a covenant before its first active phase."));
  }
  std::string missing;
  for (const auto& name : signatures.unsigned_volunteers) AppendSeparated(missing, ", ", name);
  if (!signatures.core_member_signed && !missing.empty()) {
    return Error::Invalid(
        N_("The core member and these volunteers have not signed the current covenant yet: "
           "{names}."),
        {{"names", missing}});
  }
  if (!signatures.core_member_signed) {
    return Error::Invalid(N_("The core member has not signed the current covenant yet."));
  }
  if (!missing.empty()) {
    return Error::Invalid(N_("These volunteers have not signed the current covenant yet: {names}."),
                          {{"names", missing}});
  }
  return {};
}

}  // namespace cercle::domain
