#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle_enums.hpp"

namespace cercle::domain {

// Every phase in order, for forms.
const std::vector<CirclePhase>& AllPhases();

// True for the phases in which the circle meets: pre-release to informal.
bool IsActivePhase(CirclePhase phase);

// Checks a phase change. From forming a circle goes to pre-release or intensive; between active
// phases it may taper or tighten again (a crisis brings weekly meetings back); an active circle may
// be suspended, and a suspended one resumes in an active phase; any open circle may close. Closed
// is final. A refusal names the rule; nothing changes.
Status CheckPhaseChange(CirclePhase from, CirclePhase to);

// The longest a circle in `phase` may go without a held meeting before it is flagged, in days: the
// phase's rhythm plus a few days' grace (intensive and weekly 7+3, biweekly 14+3, monthly 31+4,
// informal 90, pre-release 35). None for forming, suspended and closed circles, which have no
// rhythm.
std::optional<int> AllowedDaysWithoutMeeting(CirclePhase phase);

// True when a circle in `phase` whose last held meeting was on `last_meeting` (none yet: counted
// from `active_since`) is overdue on `today`.
bool MeetingOverdue(CirclePhase phase, std::optional<CivilDate> last_meeting,
                    CivilDate active_since, CivilDate today);

// Minutes are due within this many hours of the end of a meeting.
constexpr int kMinutesDueHours = 48;

// Volunteers of a circle: at least `minimum` and at most `maximum` (3 and 4 by default, per
// organisation) for the circle to start; never more than `maximum`.
Status CheckCircleSize(int volunteer_count, int minimum, int maximum, bool starting);

// Reviews every `months_between` months from the start (3 by default), and a renewal decision every
// 12 months. The next review due after `last_review` (or the start), and the next renewal after
// `last_renewal` (or the start).
CivilDate NextReviewDate(CivilDate started, std::optional<CivilDate> last_review,
                         int months_between);
CivilDate NextRenewalDate(CivilDate started, std::optional<CivilDate> last_renewal);

// Who must sign the current covenant version before the circle can enter its first active phase.
struct CovenantSignatures {
  bool core_member_signed = false;
  std::vector<std::string> unsigned_volunteers;  // names of member volunteers who have not signed
};

// Refuses the first active phase until the core member and every member volunteer have signed the
// current version; the refusal names who is missing.
Status CheckCovenantSigned(const CovenantSignatures& signatures, bool has_current_version);

}  // namespace cercle::domain
