#pragma once

#include <cstdint>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "store/database.hpp"

namespace cercle::demo {

// Adds the fictional concerns of one demo organisation, in French, on the demo circles: every
// severity (information, concern, urgent, emergency) and every state (raised, acknowledged, in
// progress, closed with an outcome), with their alert steps, actions (a talk, an emergency meeting
// planned for tomorrow, a safety plan, referrals) and a disclosure on each legal basis (consent,
// agreement, imminent danger, the duty to report a child in danger, a court order, another basis),
// each consent or agreement checked against the record. The on-call rota names the demo
// coordinator, then the intake coordinator, then the administrator; the demo partner "Octave
// Prototype" is also attached to the demo volunteer's circle. An urgent concern raised two hours
// ago waits for acknowledgement on the coordinators' home page. Expects LoadCircles to have run.
Status LoadConcerns(store::Database& database, const Clock& clock, std::int64_t organisation_id);

}  // namespace cercle::demo
