#pragma once

#include <cstdint>
#include <mstch/mstch.hpp>
#include <string>

#include "domain/circle_record.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

// The coordinators' circle page, shared by its handlers: a failed form is shown again in its
// section with what was typed and the errors.
namespace cercle::web::pages::circles {

// What the circle page shows besides the circle: a failed form of one section, or a notice.
struct CirclePageState {
  // The section whose form failed: "details", "leave", "replace", "phase", "covenant", "sign",
  // "meeting", "review", "agreement", "close"; "" when none.
  std::string section;
  std::int64_t member_id = 0;  // the stay whose leave or replace form failed
  const Form* form = nullptr;
  const Error* error = nullptr;
  std::string notice;
};

// Renders the circle page of `circle` with `state`. The caller has asked the policy and audits the
// view.
Response RenderCircle(Context& context, const domain::Circle& circle, const CirclePageState& state);

// Renders the suggestions page of `circle`, with the add form that failed (`form`, `error`) when
// there is one.
Response RenderSuggestions(Context& context, const domain::Circle& circle, const Form* form,
                           const Error* error);

// A circle's own details, as every page that shows a circle displays them
// (templates/circle_details.mustache): code name, phase with its badge and since when, start,
// offence profile, and closure. An optional field of a circle is added here and in that partial.
mstch::map CircleDetailsView(const Context& context, const domain::Circle& circle);

// The day a circle opened: its first recorded phase change, or its creation.
CivilDate OpenedOn(Context& context, const domain::Circle& circle);

}  // namespace cercle::web::pages::circles
