#pragma once

#include <mstch/mstch.hpp>
#include <string>

#include "app/concerns/concern_page.hpp"
#include "base/result.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

// The template data of the concern page (templates/concern_page.mustache), one function per
// section: what was raised, the alerts, the status, actions and the emergency meeting,
// disclosures with the record their basis rests on, the reply, closure, and who viewed the record.
namespace cercle::web::pages::concerns {

// What the page shows besides the concern: a failed form of one section, or a notice.
struct PageState {
  // "status", "action", "meeting", "disclosure", "reply", "close"; "" when no form failed.
  std::string section;
  const Form* form = nullptr;
  const Error* error = nullptr;
  std::string notice;
  // Just raised: an emergency shows the 911 notice again.
  bool just_raised = false;
};

// The data of the concern page for `page` in `state`.
mstch::map ConcernView(const Context& context, const app::concerns::ConcernPage& page,
                       const PageState& state);

}  // namespace cercle::web::pages::concerns
