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
                              {"date", SessionDates(context, session)},
                              {"module", module_names[session.module_id]},
                              {"title", session.title},
                              {"hours", FormatHours(context, session.duration_minutes)},
                              {"attendees", std::to_string(summary.attendees)}});
  }
  const std::initializer_list<std::string> fields = {"module", "held_on", "ends_on", "duration",
                                                     "title"};
  mstch::map model = form ? form->Model(context, fields, error) : EmptyForm(fields);
  if (!form) {
    model["held_on"] = mstch::map{{"value", FormatIsoDate(context.services.app.Today())}};
    model["duration"] = mstch::map{{"value", std::string("3")}};
  }
  // The first active module is chosen already (the basic training, in the default set-up).
  std::string chosen = form ? form->Get("module") : "";
  mstch::array modules;
  for (const auto& module : loaded->modules) {
    if (!module.active) continue;
    if (!form && chosen.empty()) chosen = std::to_string(module.id);
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

// The stage the roster of a session shows: ?stage= when given ("all": every open file), otherwise
// the volunteers in training.
app::volunteers::RosterFilter RequestedRoster(const Context& context) {
  const auto query = context.request.QueryParameters();
  const auto stage = query.find("stage");
  const auto search = query.find("q");
  app::volunteers::RosterFilter filter{.stage = domain::VolunteerStage::kTraining};
  if (stage != query.end()) filter.stage = domain::ParseEnum<domain::VolunteerStage>(stage->second);
  if (search != query.end()) filter.search = search->second;
  return filter;
}

// The query that asks for `filter`'s roster: "stage=training&q=…".
std::string RosterQuery(const app::volunteers::RosterFilter& filter) {
  std::string query =
      "stage=" + (filter.stage ? std::string(domain::NameOf(*filter.stage)) : std::string("all"));
  if (!filter.search.empty()) query += "&q=" + PercentEncode(filter.search);
  return query;
}

// The choices of the roster's stage filter: every open stage, and every open file.
mstch::array RosterStages(const Context& context, const app::volunteers::RosterFilter& filter) {
  mstch::array stages{mstch::map{{"value", std::string("all")},
                                 {"label", context.Translate(N_("Every open file"))},
                                 {"selected", !filter.stage.has_value()}}};
  for (const auto stage : domain::VolunteerStages()) {
    if (domain::IsClosedStage(stage)) continue;
    stages.push_back(mstch::map{{"value", std::string(domain::NameOf(stage))},
                                {"label", context.Translate(domain::LabelOf(stage))},
                                {"selected", filter.stage == stage}});
  }
  return stages;
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
  for (const auto& volunteer : data.roster) {
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
  const auto filter = RequestedRoster(context);
  mstch::map model{{"id", std::to_string(training_session.id)},
                   {"module", module_name},
                   {"date", SessionDates(context, training_session)},
                   {"stages", RosterStages(context, filter)},
                   {"q", filter.search},
                   {"roster_query", RosterQuery(filter)},
                   {"title", training_session.title},
                   {"hours", FormatHours(context, training_session.duration_minutes)},
                   {"volunteers", rows},
                   {"empty", rows.empty()},
                   {"present_count", std::to_string(data.attended.size())}};
  const auto query = context.request.QueryParameters();
  if (query.contains("saved")) model["notice"] = context.Translate(N_("The attendance is saved."));
  if (query.contains("created")) {
    model["notice"] = context.Translate(N_("The session is created. Record who attended."));
  }
  if (error) model["form_error"] = context.Format(error->message);
  const std::string title = module_name + " — " + SessionDates(context, training_session);
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
  return app::volunteers::LoadTrainingSessionPage(context.services.app, context.signed_in(), *id,
                                                  RequestedRoster(context));
}

Result<app::volunteers::CreateTrainingSessionCommand> ParseSession(const Form& form) {
  const Message real_date{N_("Enter a real date, such as 1980-05-31."), {}};
  std::vector<FieldError> errors;
  const auto held_on = ParseIsoDate(Trimmed(form.Get("held_on")));
  if (!held_on) errors.push_back({"held_on", real_date});
  const std::string ends_text = Trimmed(form.Get("ends_on"));
  const auto ends_on = ParseIsoDate(ends_text);
  if (!ends_text.empty() && !ends_on) errors.push_back({"ends_on", real_date});
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return app::volunteers::CreateTrainingSessionCommand{
      .module_id = ParseId(form.Get("module")),
      .held_on = *held_on,
      .ends_on = ends_on,
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
  // Back to the roster as it was filtered, with the notice.
  return Response::Redirect("/volunteers/training/" + std::to_string(page->session.id) + "?" +
                            RosterQuery(RequestedRoster(context)) + "&saved=1");
}

}  // namespace cercle::web::pages::volunteers
