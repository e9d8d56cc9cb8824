#pragma once

#include <cstdint>
#include <mstch/mstch.hpp>
#include <string>

#include "app/volunteers/volunteer_pages.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/parameters.hpp"

// The volunteer's file page: its view function, one small builder per section, and how the
// handlers of the file's forms show it again after a refused post.
namespace cercle::web::pages::volunteers {

// "/volunteers/{id}" followed by `suffix`.
std::string FileUrl(std::int64_t id, const std::string& suffix = "");

// Which form of the file page a failed post re-shows, with what was typed and the errors.
enum class FileForm { kNone, kMove, kSupervision, kHours, kWithdraw, kScreening };

// The most rows of the screening table on a file ("row-0" to "row-39") that one post may hold.
inline constexpr int kMaxScreeningRows = 40;

struct FileState {
  FileForm which = FileForm::kNone;
  const Form* form = nullptr;
  const Error* error = nullptr;
  std::string notice;
};

// The template data of the file page.
mstch::map FileView(const Context& context, const app::volunteers::FilePage& page,
                    const FileState& state);

// Loads file `volunteer_id` and renders it (audited when `record` says so), with the status of
// `state.error`; the audited 404 when the actor may not see it.
Response ShowFile(Context& context, std::int64_t volunteer_id, const FileState& state,
                  app::volunteers::RecordView record);

// Saves a form posted about the file in the path: `parse(form, id)` reads it into a command (field
// errors for what it cannot read), `save(services, actor, command)` stores it. Then back to the
// file with `done` (a query and an anchor), the audited refusal, or `show_again(id, form, error)`.
template <class Parse, class Save, class ShowAgain>
Response SaveToFile(Context& context, const std::string& done, Parse parse, Save save,
                    ShowAgain show_again) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "volunteer", context.Parameter("id"));
  const Form form(context.request);
  auto command = parse(form, *id);
  const auto saved = command ? save(context.services.app, context.signed_in(), *command)
                             : Result<std::int64_t>(command.error());
  if (saved) return Response::Redirect(FileUrl(*id, done));
  return Refusal(context, saved.error(), "volunteer", context.Parameter("id"),
                 [&](const Error& error) { return show_again(*id, form, error); });
}

}  // namespace cercle::web::pages::volunteers
