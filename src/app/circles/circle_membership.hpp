#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle_formation.hpp"
#include "domain/volunteer_gate.hpp"
#include "store/unit.hpp"

// Who serves in a circle: the one way a volunteer joins (a proposal to a forming circle, a direct
// addition, a replacement; each through the volunteer gate with the volunteer's real circle count
// and the size limits), the primary volunteer, and a volunteer leaving. Each change is audited in
// its transaction.
namespace cercle::app::circles {

// A new stay: its id and its circle's.
struct Joined {
  std::int64_t member_id = 0;
  std::int64_t circle_id = 0;
};

// A volunteer proposed for a circle being formed, or added to one already meeting.
struct JoinCommand {
  std::int64_t circle_id = 0;
  std::optional<std::int64_t> volunteer_id;  // none when the form named no volunteer
  bool primary = false;
  // Describes a failing gate condition in the reader's language (the web layer passes its own;
  // when empty, the condition's stored name).
  domain::GateDescriber describe_gate_failure;
};

// Adds the volunteer, audited "circle.member_add": a proposal while the circle is forming, a direct
// addition once it meets, both judged by domain::CheckJoin.
Result<Joined> Join(const Services& services, const auth::Actor& actor, const JoinCommand& command);

// Several suggested volunteers proposed for a circle at once, from its suggestions page.
struct ProposeCommand {
  std::int64_t circle_id = 0;
  std::vector<std::int64_t> volunteer_ids;  // in the order chosen, without repeats
  // One of `volunteer_ids` to make the primary volunteer, if any.
  std::optional<std::int64_t> primary_id;
  bool unreadable = false;  // the form named a volunteer or a primary by no id
  domain::GateDescriber describe_gate_failure;
};

// Adds every volunteer of the command in one transaction, each as Join would (through
// domain::CheckJoin, audited "circle.member_add"): the first refusal refuses them all and nothing
// is saved. A field error "volunteer" when none is chosen or one is unreadable, and "primary" when
// the primary named is not among them. Returns the new stays in the command's order.
Result<std::vector<Joined>> ProposeVolunteers(const Services& services, const auth::Actor& actor,
                                              const ProposeCommand& command);

// A volunteer who takes over the stay `member_id` (which ends today with `reason`).
struct ReplaceCommand {
  std::int64_t member_id = 0;
  std::optional<std::int64_t> volunteer_id;
  std::string reason;
  domain::GateDescriber describe_gate_failure;
};

// Replaces the member, audited "circle.member_replace": a volunteer and a reason (1 to
// kMaxCircleNoteLength characters) are required, the newcomer passes domain::CheckJoin and keeps
// the primary role of the stay they take over. NotFound when the stay is not one of a circle the
// actor manages.
Result<Joined> Replace(const Services& services, const auth::Actor& actor,
                       const ReplaceCommand& command);

// Makes the stay `member_id` its circle's primary volunteer, audited "circle.member_primary".
// Returns the circle's id.
Result<std::int64_t> MakePrimary(const Services& services, const auth::Actor& actor,
                                 std::int64_t member_id);

// A volunteer leaving their circle.
struct LeaveCommand {
  std::int64_t member_id = 0;
  std::optional<CivilDate> left_on;
  std::string reason;
};

// Ends the stay, audited "circle.member_leave", after domain::CheckLeaving. Returns the circle's
// id.
Result<std::int64_t> Leave(const Services& services, const auth::Actor& actor,
                           const LeaveCommand& command);

// The volunteer gate for one volunteer, read in `unit`: their file, screening items, training
// attendance and real current circle count, with the organisation's set-up and settings. None when
// the file is not the organisation's.
std::optional<domain::GateResult> GateFor(const store::Unit& unit, std::int64_t volunteer_id,
                                          CivilDate today);

}  // namespace cercle::app::circles
