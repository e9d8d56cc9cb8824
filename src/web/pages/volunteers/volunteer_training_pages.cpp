// Training sessions and attendance: coordinators plan sessions of the organisation's modules and
// record who attended, for how long. Hours add up per volunteer from there.
#include <algorithm>
#include <set>

#include "app/volunteers/training.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/volunteers/volunteer_pages.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::volunteers {
namespace {

Response RenderTraining(Context& context, const Form* form, const Error* error) {
  const auto loaded = app::volunteers::LoadTrainingPage(context.services.app, context.signed_in(),
                                                        RequestedPage(context));
  if (!loaded) return Deny(context, "training", "", 403);
  std::map<std::int64_t, std::string> module_names;
  for (const auto& module : loaded->modules)
    module_names[module.id] = DataName(context, module.name);
  mstch::array rows;
  for (const auto& summary : loaded->sessions) {
    const auto& session = summary.session;
    rows.push_back(mstch::map{{"id", std::to_string(session.id)},
                              {"date", FormatDate(context, session.held_on)},
                              {"module", module_names[session.module_id]},
                              {"title", session.title},
                              {"hours", FormatHours(context, session.duration_minutes)},
                              {"attendees", std::to_string(summary.attendees)}});
  }
  mstch::map model = form ? form->Model(context, {"module", "held_on", "duration", "title"}, error)
                          : EmptyForm({"module", "held_on", "duration", "title"});
  if (!form) {
    model["held_on"] = mstch::map{{"value", FormatIsoDate(context.services.app.Today())}};
    model["duration"] = mstch::map{{"value", std::string("3")}};
  }
  const std::string chosen = form ? form->Get("module") : "";
  mstch::array modules;
  for (const auto& module : loaded->modules) {
    if (!module.active) continue;
    modules.push_back(mstch::map{{"value", std::to_string(module.id)},
                                 {"label", DataName(context, module.name)},
                                 {"selected", std::to_string(module.id) == chosen}});
  }
  model["modules"] = modules;
  model["sessions"] = rows;
  model["empty"] = rows.empty();
  AddPagination(context, Paginate(context.request, loaded->total), model);
  return RenderPage(context, "volunteer_training", context.Translate(N_("Training")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

Response RenderSession(Context& context, const app::volunteers::TrainingSessionPage& data,
                       const Form* form, const Error* error,
                       const std::map<std::string, std::string>& row_errors) {
  const auto& training_session = data.session;
  const std::string module_name =
      data.module_name.empty() ? std::string() : DataName(context, data.module_name);
  std::set<std::string> checked;
  if (form) {
    for (const auto& id : form->All("attended")) checked.insert(id);
  }
  mstch::array rows;
  for (const auto& volunteer : data.candidates) {
    const std::string id = std::to_string(volunteer.id);
    const auto attended = data.attended.find(volunteer.id);
    const bool present = form ? checked.contains(id) : attended != data.attended.end();
    const std::string time =
        form ? form->Get("time-" + id)
             : DurationText(attended != data.attended.end() ? attended->second
                                                            : training_session.duration_minutes);
    mstch::map row{{"id", id},
                   {"name", volunteer.last_name + ", " + volunteer.first_name},
                   {"stage", context.Translate(domain::LabelOf(volunteer.stage))},
                   {"present", present},
                   {"time", time}};
    if (const auto found = row_errors.find(id); found != row_errors.end())
      row["error"] = found->second;
    rows.push_back(std::move(row));
  }
  mstch::map model{{"id", std::to_string(training_session.id)},
                   {"module", module_name},
                   {"date", FormatDate(context, training_session.held_on)},
                   {"title", training_session.title},
                   {"hours", FormatHours(context, training_session.duration_minutes)},
                   {"volunteers", rows},
                   {"empty", rows.empty()},
                   {"present_count", std::to_string(data.attended.size())}};
  if (context.request.query == "saved=1")
    model["notice"] = context.Translate(N_("The attendance is saved."));
  if (context.request.query == "created=1") {
    model["notice"] = context.Translate(N_("The session is created. Record who attended."));
  }
  if (error) model["form_error"] = context.Format(error->message);
  const std::string title = module_name + " — " + FormatDate(context, training_session.held_on);
  return RenderPage(context, "volunteer_training_session", title, std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

// The row errors of the attendance typed in `form` for `page`'s session, and the attendance when
// there are none; `unknown` is set when a row names someone not on the list.
std::vector<std::pair<std::int64_t, int>> ParseAttendance(
    const Context& context, const Form& form, const app::volunteers::TrainingSessionPage& page,
    std::map<std::string, std::string>& row_errors, bool& unknown) {
  std::set<std::int64_t> candidates;
  for (const auto& volunteer : page.candidates) candidates.insert(volunteer.id);
  std::vector<std::pair<std::int64_t, int>> attendance;
  for (const auto& text : form.All("attended")) {
    const auto id = ParseId(text);
    if (!id || !candidates.contains(*id)) {
      unknown = true;
      continue;
    }
    const auto minutes = domain::ParseDuration(form.Get("time-" + text));
    if (!minutes || *minutes < 1 || *minutes > page.session.duration_minutes) {
      row_errors[text] =
          context.Format({N_("Enter the time attended, at most {hours} h, such as 2.5 or 2:30."),
                          {{"hours", FormatHours(context, page.session.duration_minutes)}}});
      continue;
    }
    attendance.emplace_back(*id, *minutes);
  }
  return attendance;
}

// The session named by the {id} path parameter, when the actor may manage training.
Result<app::volunteers::TrainingSessionPage> LoadSession(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Error::NotFound();
  return app::volunteers::LoadTrainingSessionPage(context.services.app, context.signed_in(), *id);
}

Result<app::volunteers::CreateTrainingSessionCommand> ParseSession(const Form& form) {
  const auto held_on = ParseIsoDate(Trimmed(form.Get("held_on")));
  if (!held_on) {
    return Error::Fields({{"held_on", {N_("Enter a real date, such as 1980-05-31."), {}}}});
  }
  return app::volunteers::CreateTrainingSessionCommand{
      .module_id = ParseId(form.Get("module")),
      .held_on = *held_on,
      .duration_minutes = domain::ParseDuration(form.Get("duration")).value_or(0),
      .title = form.Get("title")};
}

}  // namespace

Response ShowTraining(Context& context) { return RenderTraining(context, nullptr, nullptr); }

Response CreateTrainingSession(Context& context) {
  const Form form(context.request);
  auto command = ParseSession(form);
  const auto created = command ? app::volunteers::CreateTrainingSession(
                                     context.services.app, context.signed_in(), *command)
                               : Result<std::int64_t>(command.error());
  if (!created) {
    return Refusal(context, created.error(), "training", "",
                   [&](const Error& error) { return RenderTraining(context, &form, &error); });
  }
  return Response::Redirect("/volunteers/training/" + std::to_string(*created) + "?created=1");
}

Response ShowTrainingSession(Context& context) {
  const auto page = LoadSession(context);
  if (!page) return Deny(context, "training_session", context.Parameter("id"));
  return RenderSession(context, *page, nullptr, nullptr, {});
}

Response SaveAttendance(Context& context) {
  const auto page = LoadSession(context);
  if (!page) return Deny(context, "training_session", context.Parameter("id"));
  const Form form(context.request);
  std::map<std::string, std::string> row_errors;
  bool unknown = false;
  auto attendance = ParseAttendance(context, form, *page, row_errors, unknown);
  if (unknown || !row_errors.empty()) {
    const Error error =
        unknown ? Error::Invalid(N_("Choose volunteers from the list."))
                : Error::Fields({{"attendance", {N_("Please correct the errors below."), {}}}});
    return RenderSession(context, *page, &form, &error, row_errors);
  }
  const auto saved = app::volunteers::SaveAttendance(
      context.services.app, context.signed_in(),
      {.session_id = page->session.id, .attendance = std::move(attendance)});
  if (!saved) {
    return Refusal(context, saved.error(), "training_session", context.Parameter("id"),
                   [&](const Error& error) {
                     return RenderSession(context, *page, &form, &error, row_errors);
                   });
  }
  return Response::Redirect("/volunteers/training/" + std::to_string(page->session.id) +
                            "?saved=1");
}

}  // namespace cercle::web::pages::volunteers
