#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle.hpp"

// A circle's phase: its moves between phases (the first active phase only once the circle is within
// its size limits and everyone signed the covenant) and its closure. Each move records the phase
// change, follows it on the core member's file, and is audited, in one transaction.
namespace cercle::app::circles {

// A phase change decided at a meeting.
struct PhaseChangeCommand {
  std::int64_t circle_id = 0;
  std::optional<domain::CirclePhase> to;  // none when the form named no phase
  std::optional<CivilDate> decided_on;
  std::string reason;
  // The amended covenant that comes with every change after the first start.
  std::string covenant_body;
  std::optional<std::int64_t> meeting_id;
};

// What a phase change did.
struct PhaseChanged {
  std::int64_t circle_id = 0;
  // True when the circle left its forming phase for its first active phase.
  bool first_start = false;
};

// Moves the circle to `command.to`, audited "circle.phase": the move must be allowed from its
// phase, decided on a real day with a reason; leaving the forming phase for an active one needs the
// circle within its size limits and the covenant signed by everyone, and moves the core member's
// file to "in a circle"; any later change stores `covenant_body` as an amendment noted "Phase
// change: from → to" in the actor's language. NotFound when the actor may not manage the circle.
Result<PhaseChanged> ChangePhase(const Services& services, const auth::Actor& actor,
                                 const PhaseChangeCommand& command);

// A circle's closure.
struct CloseCommand {
  std::int64_t circle_id = 0;
  std::optional<domain::ClosureReason> reason;
  std::optional<CivilDate> closed_on;
  std::string note;
};

// Closes the circle, audited "circle.close": a reason, a day and a note checked by
// domain::CheckClosure; the phase change names the reason, and a core member "in a circle" is now
// "between circles". A closed circle refuses (Conflict).
Result<std::int64_t> Close(const Services& services, const auth::Actor& actor,
                           const CloseCommand& command);

}  // namespace cercle::app::circles
