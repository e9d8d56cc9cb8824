#pragma once

#include <mstch/mstch.hpp>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"
#include "web/parameters.hpp"

namespace cercle::web {

// Renders template `name` with `model` inside the base layout (organisation name, navigation,
// language switch, skip link), titled `title` (already translated).
Response RenderPage(Context& context, std::string_view name, const std::string& title,
                    mstch::map model, int status = 200);

// An error page for `status` with `message`, and the incident id when there is one.
Response RenderErrorPage(Context& context, int status, const Message& message,
                         const std::string& incident = "");

// What became of the work of a request that a storage fault stopped.
enum class SaveState {
  kNotSaved,  // the change was refused: nothing was saved
  kUnknown,   // the connection was lost while committing: it may or may not have been saved
};

// The 503 page for a request that a storage fault stopped (disk full, read-only, database
// unreachable): says whether the work was saved, and to try again in a few minutes.
Response RenderStorageUnavailable(Context& context, SaveState state);

// The response for a failure a user caused: its status and page.
Response RenderError(Context& context, const Error& error);

// Refuses an action the policy does not allow: records "authz.denied" in the audit log and answers
// 404 for a record (as if it did not exist) or 403 for an area, the 403 page saying `why` when
// given (an area the organisation keeps closed).
Response Deny(Context& context, std::string_view object_type, std::string_view object_id,
              int status = 404, const Message* why = nullptr);

// The HTTP status for an error kind.
int StatusFor(ErrorKind kind);

// Maps a command the app layer refused: not found (absent, or another organisation's) becomes the
// audited 404 of Deny, forbidden the audited 403, and anything else (a rule, a field) goes to
// `render(error)`, which shows the form again with what was typed and the error.
template <class Render>
Response Refusal(Context& context, const Error& error, std::string_view object_type,
                 std::string_view object_id, Render&& render) {
  if (error.kind == ErrorKind::kNotFound) return Deny(context, object_type, object_id);
  if (error.kind == ErrorKind::kForbidden) return Deny(context, object_type, object_id, 403);
  return render(error);
}

// Calls the app function `function(services, actor, id, extra...)` for the record of the {id} path
// parameter; NotFound for an unreadable id.
template <class Function, class... Extra>
auto CallWithPathId(Context& context, Function&& function, Extra&&... extra)
    -> decltype(function(context.services.app, context.signed_in(), std::int64_t{}, extra...)) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Error::NotFound();
  return function(context.services.app, context.signed_in(), *id, std::forward<Extra>(extra)...);
}

// Answers a form posted about the record of the {id} path parameter (`object_type` in the audit
// log): the audited 404 for an unreadable id; otherwise `act(id, form)` calls the app, and its
// answer redirects to `next(id, value)` on success or goes to `refused(id, form, error)`.
template <class Act, class Refused, class Next>
Response PostForm(Context& context, std::string_view object_type, Act&& act, Refused&& refused,
                  Next&& next) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, object_type, context.Parameter("id"));
  const Form form(context.request);
  const auto done = act(*id, form);
  if (!done) return refused(*id, form, done.error());
  return Response::Redirect(next(*id, *done));
}

}  // namespace cercle::web
