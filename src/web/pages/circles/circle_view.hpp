#pragma once

#include <cstdint>
#include <functional>
#include <mstch/mstch.hpp>
#include <string>

#include "domain/circle_record.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"
#include "web/pages/circles/circle_common.hpp"

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

// The refusal of a form of the circle page's `section` posted with web::PostForm: the circle page
// again with it and its error, or the audited 404 when the actor may not manage the circle.
std::function<Response(std::int64_t, const Form&, const Error&)> ShowAgainIn(Context& context,
                                                                             std::string section);

// Where a form of the circle page posted with web::PostForm leads on success: the circle's page
// with `saved` ("?saved=review#reviews").
inline auto BackToCircle(std::string saved) {
  return [saved = std::move(saved)](std::int64_t circle_id, const auto&) {
    return CircleHref(circle_id) + saved;
  };
}

// A form of the circle page's `section` posted about the circle of the {id} path parameter:
// `act(context, circle_id, form)` calls the app; success leads back to the circle's page with
// `saved`, a refusal shows the page again with the form (web::PostForm).
template <class Act>
Response PostCircleForm(Context& context, std::string section, std::string saved, Act&& act) {
  return PostForm(
      context, "circle", [&](std::int64_t id, const Form& form) { return act(context, id, form); },
      ShowAgainIn(context, std::move(section)), BackToCircle(std::move(saved)));
}

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
