#pragma once

#include "auth/actor.hpp"

// Where each role lands after signing in and on the home address: its own work.
namespace cercle::app::home {

enum class Landing {
  kHome,        // the home page: staff's triage, and anyone with several roles
  kPortal,      // a volunteer with a file: their portal (next meeting, minutes, a concern)
  kMyCircles,   // a partner: the circles an agreement attaches them to
  kEvaluation,  // an evaluator: the evaluation extract
};

// The landing of `actor`: the home page unless they hold exactly one role among volunteer (with
// a file linked to their account), partner and evaluator, and that role's policy lets them in.
Landing LandingOf(const auth::Actor& actor);

}  // namespace cercle::app::home
