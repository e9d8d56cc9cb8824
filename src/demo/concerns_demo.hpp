#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "base/result.hpp"
#include "demo/circles_demo.hpp"

namespace cercle::demo {

// Adds the fictional concerns of one demo organisation, in French, on the demo circles `circles`:
// every severity (information, concern, urgent, emergency) and every state (raised, acknowledged,
// in progress, closed with an outcome), with their alert steps, actions (a talk, an emergency
// meeting planned for tomorrow, a safety plan, referrals) and a disclosure on each legal basis
// (consent, agreement, imminent danger, the duty to report a child in danger, a court order,
// another basis), each consent or agreement checked against the record. The on-call rota names the
// demo coordinator, then the intake coordinator, then the administrator. An urgent concern raised
// two hours ago waits for acknowledgement on the coordinators' home page. Every step goes through
// app::concerns, by whoever takes it in the story (the demo volunteer raises his own concerns), on
// the services with the clock at the moment it happened; the alerts fire as the scheduler fires
// them. Expects LoadCircles to have run, and the circles that close after these concerns were
// raised to be still open (LoadLateClosures closes them).
Status LoadConcerns(const app::Services& services, std::int64_t organisation_id,
                    const CircleIds& circles);

}  // namespace cercle::demo
