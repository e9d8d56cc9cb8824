#pragma once

#include <cstdint>
#include <mstch/mstch.hpp>
#include <string>

#include "app/volunteers/volunteer_pages.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

// The volunteer's file page: its view function, one small builder per section, and how the
// handlers of the file's forms show it again after a refused post.
namespace cercle::web::pages::volunteers {

// "/volunteers/{id}" followed by `suffix`.
std::string FileUrl(std::int64_t id, const std::string& suffix = "");

// Which form of the file page a failed post re-shows, with what was typed and the errors.
enum class FileForm { kNone, kMove, kSupervision, kHours, kWithdraw };

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

}  // namespace cercle::web::pages::volunteers
