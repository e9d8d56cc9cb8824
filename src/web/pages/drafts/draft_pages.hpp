#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/form_draft.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

// Drafts of the minutes, contact and concern forms (app/drafts) and the idle notice's "stay signed
// in", the two endpoints of static/js/drafts.js. A form opts in with data-draft="{{draft_key}}"
// (DraftKey) and shows its restored draft through RestoredForm and templates/draft_notice.mustache.
namespace cercle::web::pages::drafts {

// POST /drafts/FORM/{id}, FORM being the stored name of a domain::DraftForm ("minutes" for the
// meeting {id}; "contact", "concern" and "staff_concern" for the circle {id}): saves the signed-in
// user's draft of that form, from its fields as sent (its CSRF token left out). Answers JSON
// {"message": "Draft saved on …", "idle_seconds": …}; 422 with a message when the draft is too
// long; the audited 404 when the user may not fill that form.
Response SaveMinutes(Context& context);
Response SaveContact(Context& context);
Response SaveConcern(Context& context);
Response SaveStaffConcern(Context& context);
// POST /drafts/FORM/{id}/discard: deletes the user's draft, then back to the "next" field's page
// (the form, empty); the audited 404 when the user has no such draft.
Response DiscardMinutes(Context& context);
Response DiscardContact(Context& context);
Response DiscardConcern(Context& context);
Response DiscardStaffConcern(Context& context);
// POST /session/keep-alive: the idle notice's "stay signed in"; answers JSON {"idle_seconds": …},
// the seconds before the session ends unless another request comes.
Response KeepAlive(Context& context);

// The value of a form's data-draft attribute: "minutes:12".
std::string DraftKey(domain::DraftForm form, std::int64_t target_id);
// The form as the signed-in user's kept draft of `form` for record `target_id` saved it, with the
// notice (when it was saved, a button that discards it) that templates/draft_notice.mustache
// shows; nothing when there is none.
std::optional<Form> RestoredForm(const Context& context, domain::DraftForm form,
                                 std::int64_t target_id);

}  // namespace cercle::web::pages::drafts
