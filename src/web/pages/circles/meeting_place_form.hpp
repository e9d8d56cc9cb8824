#pragma once

#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "base/result.hpp"
#include "domain/venues.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

// The place of a meeting's plan form (templates/meeting_place.mustache), which planning a circle's
// meetings and an emergency meeting raised from a concern share.
namespace cercle::web::pages::circles {

// Adds to `form` the mode, the organisation's active `venues` (the one named `usual` chosen at
// first), and, once a plan clashed with the core member's conditions, every clash named and the
// coordinator's override with its reason. `failed` is the refused form with its `error`, or null.
void AddPlaceChoices(const Context& context, const std::vector<domain::Venue>& venues,
                     const std::string& usual, const Form* failed, const Error* error,
                     mstch::map& form);

}  // namespace cercle::web::pages::circles
