// The forms of a volunteer's file: moves through the pipeline, supervision, hours, screening items
// (recorded with an optional document, withdrawn with a reason), the screening documents, and the
// review of logged hours.
#include <algorithm>

#include "app/volunteers/volunteer_file.hpp"
#include "app/volunteers/volunteer_hours.hpp"
#include "app/volunteers/volunteer_pages.hpp"
#include "web/documents.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/volunteers/volunteer_file_view.hpp"
#include "web/pages/volunteers/volunteer_pages.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::volunteers {
namespace {

using app::volunteers::RecordView;

const Message kRealDate{N_("Enter a real date, such as 1980-05-31."), {}};
const Message kChooseAnswer{N_("Choose one of the answers."), {}};

// The date typed in `field`, or a field error.
std::optional<CivilDate> DateField(const Form& form, const std::string& field,
                                   std::vector<FieldError>& errors) {
  const auto date = ParseIsoDate(Trimmed(form.Get(field)));
  if (!date) errors.push_back({field, kRealDate});
  return date;
}

// What SaveToFile shows when a form of the file page is refused: the file with the form `which`
// as typed and the error.
auto FileAgain(Context& context, FileForm which) {
  return [&context, which](std::int64_t volunteer_id, const Form& form, const Error& error) {
    return ShowFile(context, volunteer_id, {which, &form, &error, ""}, RecordView::kNo);
  };
}

Result<app::volunteers::AddSupervisionCommand> ParseSupervision(const Form& form,
                                                                std::int64_t volunteer_id) {
  std::vector<FieldError> errors;
  const auto held_on = DateField(form, "held_on", errors);
  const auto kind = domain::ParseEnum<domain::SupervisionKind>(form.Get("kind"));
  if (!kind) errors.push_back({"kind", kChooseAnswer});
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return app::volunteers::AddSupervisionCommand{
      .volunteer_id = volunteer_id, .held_on = *held_on, .kind = *kind, .notes = form.Get("notes")};
}

Result<app::volunteers::RecordScreeningCommand> ParseScreening(const Form& form,
                                                               std::int64_t volunteer_id) {
  std::vector<FieldError> errors;
  const auto completed_on = DateField(form, "completed_on", errors);
  const auto result = domain::ParseEnum<domain::ScreeningResult>(form.Get("result"));
  if (!result) errors.push_back({"result", kChooseAnswer});
  const std::string expires_text = Trimmed(form.Get("expires_on"));
  const auto expires_on = ParseIsoDate(expires_text);
  if (!expires_text.empty() && !expires_on) errors.push_back({"expires_on", kRealDate});
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return app::volunteers::RecordScreeningCommand{.volunteer_id = volunteer_id,
                                                 .type_id = ParseId(form.Get("type")),
                                                 .completed_on = *completed_on,
                                                 .result = *result,
                                                 .expires_on = expires_on,
                                                 .notes = form.Get("notes")};
}

// The rows of the screening table as posted; the app reads their dates and result.
Result<app::volunteers::RecordScreeningRowsCommand> ParseScreeningRows(const Form& form,
                                                                       std::int64_t volunteer_id) {
  app::volunteers::RecordScreeningRowsCommand command{.volunteer_id = volunteer_id};
  for (int index = 0; index < kMaxScreeningRows; ++index) {
    const std::string name = "row-" + std::to_string(index);
    const std::string type = form.Get(name + "-type");
    if (type.empty()) continue;
    command.rows.push_back({.name = name,
                            .type_id = ParseId(type),
                            .completed_on = form.Get(name + "-completed_on"),
                            .result = form.Get(name + "-result"),
                            .expires_on = form.Get(name + "-expires_on")});
  }
  return command;
}

// Stores the file sent with a screening item, titled after its type and date.
app::volunteers::StoreScreeningDocument SentDocument(Context& context, std::int64_t volunteer_id) {
  const auto files = context.request.Files();
  const bool has_file = std::any_of(files.begin(), files.end(), [](const UploadedFile& file) {
    return file.field == "file" && !file.bytes.empty();
  });
  if (!has_file) return {};
  return [&context, volunteer_id](const domain::ScreeningItemType& type,
                                  const domain::ScreeningItem& item) -> Result<std::int64_t> {
    const std::string title =
        DataName(context, type.name) + " — " + FormatIsoDate(item.completed_on);
    return TRY(StoreUploadedDocument(context, "file", title, "volunteer", volunteer_id)).id;
  };
}

Response RenderScreeningForm(Context& context, std::int64_t volunteer_id, const Form* form,
                             const Error* error) {
  const auto page =
      app::volunteers::LoadScreeningForm(context.services.app, context.signed_in(), volunteer_id);
  if (!page) return Deny(context, "volunteer", context.Parameter("id"));
  const std::initializer_list<std::string> fields = {"type", "completed_on", "result", "expires_on",
                                                     "notes"};
  mstch::map model = form ? form->Model(context, fields, error) : EmptyForm(fields);
  if (!form) {
    model["completed_on"] = mstch::map{{"value", FormatIsoDate(context.services.app.Today())}};
  }
  if (error) {
    // A file input cannot be filled again: say so beside it when the rest of the form failed.
    for (const auto& field : error->fields) {
      if (field.field == "file")
        model["file"] = mstch::map{{"error", context.Format(field.message)}};
    }
    if (!model.count("file") && context.request.Files().size() > 0) {
      model["file"] = mstch::map{{"error", context.Translate(N_("Choose the file again."))}};
    }
  }
  const std::string chosen_type = form ? form->Get("type") : "";
  mstch::array types;
  for (const auto& type : page->types) {
    if (!type.active) continue;
    mstch::map option{{"value", std::to_string(type.id)},
                      {"label", DataName(context, type.name)},
                      {"selected", std::to_string(type.id) == chosen_type}};
    option["validity"] = ValidityText(context, type);
    types.push_back(std::move(option));
  }
  model["types"] = types;
  model["results"] = ScreeningResultChoices(context, form ? form->Get("result") : "passed");
  model["id"] = std::to_string(page->volunteer.id);
  model["name"] = page->volunteer.FullName();
  const std::string title = context.Translate(N_("Record a screening item"));
  return RenderPage(context, "volunteer_screening_form", title, std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response MoveStage(Context& context) {
  const auto parse = [](const Form& form,
                        std::int64_t id) -> Result<app::volunteers::MoveStageCommand> {
    const auto to = domain::ParseEnum<domain::VolunteerStage>(form.Get("to"));
    if (!to) return Error::Fields({{"to", {N_("Choose the next step."), {}}}});
    return app::volunteers::MoveStageCommand{
        .volunteer_id = id, .to = *to, .reason = form.Get("reason")};
  };
  return SaveToFile(context, "?moved=1", parse, app::volunteers::MoveStage,
                    FileAgain(context, FileForm::kMove));
}

Response AddSupervision(Context& context) {
  return SaveToFile(context, "?saved=1#supervision", ParseSupervision,
                    app::volunteers::AddSupervision, FileAgain(context, FileForm::kSupervision));
}

Response LogHours(Context& context) {
  const auto parse = [&](const Form&, std::int64_t id) {
    return ParseLoggedHours(context.request.FormFields(), id);
  };
  return SaveToFile(context, "?saved=1#hours", parse, app::volunteers::LogHours,
                    FileAgain(context, FileForm::kHours));
}

Response ShowScreeningForm(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "volunteer", context.Parameter("id"));
  return RenderScreeningForm(context, *id, nullptr, nullptr);
}

Response RecordScreening(Context& context) {
  const auto parse = [&](const Form& form, std::int64_t id) {
    auto command = ParseScreening(form, id);
    if (command) command->document = SentDocument(context, id);
    return command;
  };
  return SaveToFile(context, "?recorded=1", parse, app::volunteers::RecordScreening,
                    [&](std::int64_t id, const Form& form, const Error& error) {
                      return RenderScreeningForm(context, id, &form, &error);
                    });
}

Response RecordScreeningRows(Context& context) {
  const auto save =
      [](const app::Services& services, const auth::Actor& actor,
         const app::volunteers::RecordScreeningRowsCommand& command) -> Result<std::int64_t> {
    TRY(app::volunteers::RecordScreeningRows(services, actor, command));
    return command.volunteer_id;
  };
  return SaveToFile(context, "?screened=1#screening", ParseScreeningRows, save,
                    FileAgain(context, FileForm::kScreening));
}

Response WithdrawScreening(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "screening_item", context.Parameter("id"));
  const Form form(context.request);
  const auto& actor = context.signed_in();
  const auto withdrawn = app::volunteers::WithdrawScreening(
      context.services.app, actor, {.item_id = *id, .reason = form.Get("reason")});
  if (!withdrawn) {
    return Refusal(context, withdrawn.error(), "screening_item", context.Parameter("id"),
                   [&](const Error& error) {
                     const auto volunteer = app::volunteers::VolunteerOfScreeningItem(
                         context.services.app, actor, *id);
                     if (!volunteer)
                       return Deny(context, "screening_item", context.Parameter("id"));
                     return ShowFile(context, *volunteer, {FileForm::kWithdraw, &form, &error, ""},
                                     RecordView::kNo);
                   });
  }
  return Response::Redirect(FileUrl(*withdrawn, "?saved=1#screening"));
}

Response Download(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "document", context.Parameter("id"));
  const auto document =
      app::volunteers::FindVolunteerDocument(context.services.app, context.signed_in(), *id);
  if (!document) return Deny(context, "document", context.Parameter("id"));
  return DownloadDocument(context, *document);
}

Response ReviewHours(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "volunteer_hours", context.Parameter("id"));
  const Form form(context.request);
  const std::string decision = form.Get("decision");
  std::optional<domain::HoursStatus> status;
  if (decision == "approve") status = domain::HoursStatus::kApproved;
  if (decision == "reject") status = domain::HoursStatus::kRejected;
  const auto reviewed = app::volunteers::ReviewHours(context.services.app, context.signed_in(),
                                                     {.entry_id = *id, .decision = status});
  if (!reviewed) {
    return Refusal(context, reviewed.error(), "volunteer_hours", context.Parameter("id"),
                   [&](const Error& error) { return RenderError(context, error); });
  }
  return Response::Redirect(form.Get("back") == "file" ? FileUrl(*reviewed, "?saved=1#hours")
                                                       : "/volunteers/hours?reviewed=1");
}

}  // namespace cercle::web::pages::volunteers
