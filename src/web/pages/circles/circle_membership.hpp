#pragma once

#include <cstdint>
#include <optional>

#include "domain/circle_formation.hpp"
#include "domain/volunteer_gate.hpp"
#include "web/context.hpp"

// The one way a volunteer joins a circle, whatever the path (proposal, direct add, replacement):
// the volunteer gate with the volunteer's real circle count, the size limits, then the stay. Used
// by every page that adds a volunteer.
namespace cercle::web::pages::circles {

// What joining asks for.
struct Joining {
  domain::JoinPath path = domain::JoinPath::kProposal;
  std::int64_t volunteer_id = 0;
  bool primary = false;
  // For a replacement: the current stay the volunteer takes over (it ends on the same day, with
  // `reason`).
  std::optional<std::int64_t> replacing_member_id;
  std::string reason;
};

// Adds the volunteer to `circle` inside the caller's write transaction, after checking it with
// domain::CheckJoin on the gate's answer computed here from the volunteer's current records; audits
// "circle.member_add" (or "circle.member_replace"). Returns the new stay's id, or the refusal
// (which names every failing gate condition in the reader's language) with nothing changed.
Result<std::int64_t> JoinCircle(Context& context, soci::session& session,
                                const domain::Circle& circle, const Joining& joining);

// The gate for one volunteer, read inside the caller's transaction: their file, screening items,
// training attendance and real current circle count, with the organisation's set-up and settings.
// None when the file is not the organisation's.
std::optional<domain::GateResult> GateFor(soci::session& session, std::int64_t organisation_id,
                                          std::int64_t volunteer_id, domain::CivilDate today);

// One failing gate condition in the reader's language.
std::string DescribeGateFailure(const Context& context, const domain::GateFailure& failure);

}  // namespace cercle::web::pages::circles
