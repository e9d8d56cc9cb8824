// Training sessions and attendance: coordinators plan sessions of the organisation's modules and
// record who attended, for how long. Hours add up per volunteer from there.
#include <algorithm>
#include <set>

#include "auth/policies/volunteer_policy.hpp"
#include "store/training_store.hpp"
#include "store/volunteer_store.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pagination.hpp"
#include "web/pages/volunteers/volunteer_pages.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::volunteers {
namespace {

using auth::policies::VolunteerPolicy;

Response RenderTraining(Context& context, const Form* form, const Error* error) {
  const auto& actor = context.signed_in();
  const auto setup = LoadProgramSetup(context);
  struct Loaded {
    Pagination pagination;
    std::vector<store::TrainingSessionSummary> sessions;
  };
  const auto loaded = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    store::TrainingStore training(session);
    Loaded page{Paginate(context.request, training.CountSessions(*actor.organisation_id)), {}};
    page.sessions = training.ListSessions(*actor.organisation_id, page.pagination.Slice());
    return page;
  });
  std::map<std::int64_t, std::string> module_names;
  for (const auto& module : setup.training_modules)
    module_names[module.id] = DataName(context, module.name);
  mstch::array rows;
  for (const auto& summary : loaded.sessions) {
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
    model["held_on"] = mstch::map{{"value", domain::FormatIsoDate(Today(context))}};
    model["duration"] = mstch::map{{"value", std::string("3")}};
  }
  const std::string chosen = form ? form->Get("module") : "";
  mstch::array modules;
  for (const auto& module : setup.training_modules) {
    if (!module.active) continue;
    modules.push_back(mstch::map{{"value", std::to_string(module.id)},
                                 {"label", DataName(context, module.name)},
                                 {"selected", std::to_string(module.id) == chosen}});
  }
  model["modules"] = modules;
  model["sessions"] = rows;
  model["empty"] = rows.empty();
  AddPagination(context, loaded.pagination, model);
  return RenderPage(context, "volunteer_training", context.Translate(N_("Training")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

// The session named by the {id} path parameter, when the actor may manage training.
std::optional<domain::TrainingSession> FindSession(Context& context) {
  const auto& actor = context.signed_in();
  const auto id = ParseId(context.Parameter("id"));
  if (!id || !VolunteerPolicy::CanManage(actor)) return std::nullopt;
  return context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::TrainingStore(session).FindSession(*id, *actor.organisation_id);
  });
}

// Who may be marked present: every volunteer whose file is open, and anyone recorded already.
struct AttendanceData {
  std::vector<domain::Volunteer> candidates;
  std::map<std::int64_t, int> attended;  // volunteer → minutes
};

AttendanceData LoadAttendance(Context& context, const domain::TrainingSession& training_session) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = *actor.organisation_id;
  return context.services.database.Read(actor.scope(), [&](soci::session& session) {
    AttendanceData data;
    for (const auto& entry :
         store::TrainingStore(session).SessionAttendance(training_session.id, organisation)) {
      data.attended[entry.volunteer_id] = entry.minutes;
    }
    store::VolunteerFilter every;
    every.include_closed = true;
    for (auto& volunteer : store::VolunteerStore(session).List(organisation, every)) {
      if (!domain::IsClosedStage(volunteer.stage) || data.attended.contains(volunteer.id)) {
        data.candidates.push_back(std::move(volunteer));
      }
    }
    return data;
  });
}

Response RenderSession(Context& context, const domain::TrainingSession& training_session,
                       const AttendanceData& data, const Form* form, const Error* error,
                       const std::map<std::string, std::string>& row_errors) {
  const auto setup = LoadProgramSetup(context);
  std::string module_name;
  for (const auto& module : setup.training_modules) {
    if (module.id == training_session.module_id) module_name = DataName(context, module.name);
  }
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
                   {"stage", context.Translate(domain::VolunteerStageLabel(volunteer.stage))},
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

}  // namespace

Response ShowTraining(Context& context) {
  if (!VolunteerPolicy::CanManage(context.signed_in())) return Deny(context, "training", "", 403);
  return RenderTraining(context, nullptr, nullptr);
}

Response CreateTrainingSession(Context& context) {
  const auto& actor = context.signed_in();
  if (!VolunteerPolicy::CanManage(actor)) return Deny(context, "training", "", 403);
  const Form form(context.request);
  const auto setup = LoadProgramSetup(context);
  std::vector<FieldError> errors;
  const auto module_id = ParseId(form.Get("module"));
  const bool module_ok =
      module_id &&
      std::any_of(setup.training_modules.begin(), setup.training_modules.end(),
                  [&](const auto& module) { return module.id == *module_id && module.active; });
  if (!module_ok) errors.push_back({"module", {N_("Choose one of the answers."), {}}});
  const auto held_on = domain::ParseIsoDate(domain::volunteer_text::Trimmed(form.Get("held_on")));
  if (!held_on) errors.push_back({"held_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
  const auto minutes = domain::ParseDuration(form.Get("duration"));
  domain::TrainingSession training_session;
  training_session.organisation_id = *actor.organisation_id;
  training_session.title = form.Get("title");
  training_session.duration_minutes = minutes.value_or(0);
  Result<std::int64_t> created = std::int64_t{0};
  auto checked = domain::CheckTrainingSession(training_session);
  if (!checked)
    errors.insert(errors.end(), checked.error().fields.begin(), checked.error().fields.end());
  if (!errors.empty()) {
    created = Error::Fields(std::move(errors));
  } else {
    training_session.module_id = *module_id;
    training_session.held_on = *held_on;
    created = context.services.database.Write(
        actor.scope(), [&](soci::session& session) -> Result<std::int64_t> {
          const auto id = store::TrainingStore(session).InsertSession(
              training_session, actor.user_id, context.services.clock.Now());
          Audit(context, session, "training.session_create", "training_session", id);
          return id;
        });
  }
  if (!created) return RenderTraining(context, &form, &created.error());
  return Response::Redirect("/volunteers/training/" + std::to_string(*created) + "?created=1");
}

Response ShowTrainingSession(Context& context) {
  const auto training_session = FindSession(context);
  if (!training_session) return Deny(context, "training_session", context.Parameter("id"));
  return RenderSession(context, *training_session, LoadAttendance(context, *training_session),
                       nullptr, nullptr, {});
}

Response SaveAttendance(Context& context) {
  const auto training_session = FindSession(context);
  if (!training_session) return Deny(context, "training_session", context.Parameter("id"));
  const auto& actor = context.signed_in();
  const Form form(context.request);
  const auto data = LoadAttendance(context, *training_session);
  std::set<std::int64_t> candidates;
  for (const auto& volunteer : data.candidates) candidates.insert(volunteer.id);
  std::vector<std::pair<std::int64_t, int>> attendance;
  std::map<std::string, std::string> row_errors;
  bool unknown = false;
  for (const auto& text : form.All("attended")) {
    const auto id = ParseId(text);
    if (!id || !candidates.contains(*id)) {
      unknown = true;
      continue;
    }
    const auto minutes = domain::ParseDuration(form.Get("time-" + text));
    if (!minutes || *minutes < 1 || *minutes > training_session->duration_minutes) {
      row_errors[text] =
          context.Format({N_("Enter the time attended, at most {hours} h, such as 2.5 or 2:30."),
                          {{"hours", FormatHours(context, training_session->duration_minutes)}}});
      continue;
    }
    attendance.emplace_back(*id, *minutes);
  }
  if (unknown || !row_errors.empty()) {
    const Error error =
        unknown ? Error::Invalid(N_("Choose volunteers from the list."))
                : Error::Fields({{"attendance", {N_("Please correct the errors below."), {}}}});
    return RenderSession(context, *training_session, data, &form, &error, row_errors);
  }
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::TrainingStore(session).ReplaceAttendance(training_session->id,
                                                    training_session->organisation_id, attendance,
                                                    actor.user_id, context.services.clock.Now());
    Audit(context, session, "training.attendance", "training_session", training_session->id);
    return {};
  });
  return Response::Redirect("/volunteers/training/" + std::to_string(training_session->id) +
                            "?saved=1");
}

}  // namespace cercle::web::pages::volunteers
