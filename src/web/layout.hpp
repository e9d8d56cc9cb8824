#pragma once

#include <mstch/mstch.hpp>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "web/context.hpp"

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
// 404 for a record (as if it did not exist) or 403 for an area.
Response Deny(Context& context, std::string_view object_type, std::string_view object_id,
              int status = 404);

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

}  // namespace cercle::web
