#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "domain/circle.hpp"
#include "domain/circle_record.hpp"
#include "domain/volunteer_gate.hpp"

// Who may join a circle, and when a circle may start: the size limits, the volunteer gate on every
// path that adds a volunteer, the primary volunteer, and the covenant before the first active
// phase. No I/O.
namespace cercle::domain {

// The ways a volunteer joins a circle. Every one of them goes through the volunteer gate.
enum class JoinPath {
  kProposal,     // proposed for a circle being formed
  kDirectAdd,    // added to a circle already meeting
  kReplacement,  // takes the place of a member who leaves
};

// What judging a join needs.
struct JoinRequest {
  JoinPath path = JoinPath::kProposal;
  const Circle& circle;
  const std::vector<CircleMember>& members;  // every stay of the circle, current and past
  std::int64_t volunteer_id = 0;
  std::string volunteer_name;
  const GateResult& gate;  // CheckVolunteerGate for the volunteer, with their real circle count
  int minimum = 3;         // the organisation's limits ("circle.minimum_volunteers"…)
  int maximum = 4;
  // For a replacement: the current stay the volunteer takes over.
  std::optional<std::int64_t> replacing_member_id;
};

// Describes one failing gate condition in the reader's language (the web layer passes its
// translator).
using GateDescriber = std::function<std::string(const GateFailure&)>;

// Checks that the volunteer may join: the circle is not closed, the volunteer is not a current
// member already (Conflict), a replacement names a current member, the gate passes (the refusal
// names every failing condition, each described by `describe`, in the argument "conditions"), and
// the circle stays within `maximum` volunteers (a replacement keeps the count).
Status CheckJoin(const JoinRequest& request, const GateDescriber& describe);

// The number of current members among `members`.
int CurrentMemberCount(const std::vector<CircleMember>& members);

// Checks that a circle of `members` may enter its first active phase: within the size limits, and
// with the core member and every current member volunteer having signed the current covenant
// version (CheckCovenantSigned, whose refusal names who has not signed).
Status CheckStart(const std::vector<CircleMember>& members, int minimum, int maximum,
                  const CovenantSignatures& signatures, bool has_current_version);

// Checks a volunteer's leaving: a current stay, a day not in the future and not before they joined,
// and a reason of 1 to kMaxCircleNoteLength characters. Field errors "left_on", "left_reason".
Status CheckLeaving(const CircleMember& member, std::optional<CivilDate> left_on,
                    std::string_view reason, CivilDate today);

}  // namespace cercle::domain
