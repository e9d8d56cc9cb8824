#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/circle_plan.hpp"
#include "domain/circle_record.hpp"
#include "domain/concern.hpp"

// Raising a concern: by a volunteer about a circle they are a current member of (from the phone
// view, or from the minutes they write), or by staff from the circle page. An urgent or emergency
// concern alerts the on-call coordinators in the transaction that stores it.
namespace cercle::app::concerns {

// Who raises the concern, which decides the policy and where they go next.
enum class Raiser { kVolunteer, kStaff };

// The raising form: the circle, the raiser's volunteer file (a volunteer), and the meeting whose
// minutes it comes from, when the meeting named is one of the circle's, and the time the on-call
// coordinators have to acknowledge each severity that alerts (the organisation's settings), which
// the choices of severity state.
struct RaisePage {
  domain::Circle circle;
  std::optional<std::int64_t> volunteer_id;
  std::optional<std::int64_t> meeting_id;
  std::map<domain::Severity, std::chrono::minutes> deadlines;
  // The warning signs of the circle plan in force, which the concern may cite.
  std::vector<domain::WarningSign> signs;
};

// The form to raise a concern about circle `circle_id` as `raiser`; NotFound when the actor may not
// raise one about it (absent, another organisation's, not their circle).
Result<RaisePage> LoadRaisePage(const Services& services, const auth::Actor& actor, Raiser raiser,
                                std::int64_t circle_id, std::optional<std::int64_t> meeting_id);

// A concern as typed.
struct RaiseCommand {
  Raiser raiser = Raiser::kStaff;
  std::int64_t circle_id = 0;
  // The meeting whose minutes it comes from; ignored unless it is one of the circle's.
  std::optional<std::int64_t> meeting_id;
  domain::ConcernDraft draft;
  // The warning signs of the circle plan in force it is about (app::circles::CiteSigns).
  std::vector<std::int64_t> sign_ids;
};

// A concern stored.
struct RaisedConcern {
  std::int64_t concern_id = 0;
  bool by_volunteer = false;
};

// Stores the concern (audited "concern.raise") with its alerts and the warning signs it cites,
// after the checks of domain::CheckConcernDraft (field errors) and of the signs (a sign that is
// not one of the plan in force: field "signs", nothing stored); NotFound as LoadRaisePage.
Result<RaisedConcern> Raise(const Services& services, const auth::Actor& actor,
                            const RaiseCommand& command);

}  // namespace cercle::app::concerns
