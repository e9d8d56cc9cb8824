#include "web/pages/volunteers/volunteer_pages.hpp"

#include "base/text.hpp"

#include <algorithm>
#include <set>

#include "auth/policies/volunteer_policy.hpp"
#include "store/circle_store.hpp"
#include "store/document_store.hpp"
#include "store/screening_store.hpp"
#include "store/training_store.hpp"
#include "store/user_store.hpp"
#include "store/volunteer_hours_store.hpp"
#include "store/volunteer_store.hpp"
#include "web/documents.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::volunteers {
namespace {

using auth::policies::VolunteerPolicy;

// The text fields of the details form.
const std::initializer_list<std::string> kDetailFields = {
    "first_name",         "last_name",     "email",      "phone",  "region", "languages",
    "availability_notes", "date_of_birth", "occupation", "gender", "notes"};

// The file `id` when the actor may see it.
std::optional<domain::Volunteer> FindVisible(Context& context, std::optional<std::int64_t> id) {
  if (!id) return std::nullopt;
  const auto& actor = context.signed_in();
  auto volunteer = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::VolunteerStore(session).Find(*id, actor.organisation_id.value_or(0));
  });
  if (!volunteer || !VolunteerPolicy::CanView(actor, *volunteer)) return std::nullopt;
  return volunteer;
}

std::optional<domain::Volunteer> FindVisible(Context& context) {
  return FindVisible(context, ParseId(context.Parameter("id")));
}

std::string FileUrl(std::int64_t id, const std::string& suffix = "") {
  return "/volunteers/" + std::to_string(id) + suffix;
}

// ---- The details form ----

// The details as a form shows them: typed text, the availability grid, the source and the account.
struct DetailsInput {
  std::map<std::string, std::string> text;
  domain::Availability availability;
  std::string heard_about;
  std::string user_id;
};

DetailsInput InputFrom(const domain::Volunteer& volunteer) {
  DetailsInput input;
  input.text = {{"first_name", volunteer.first_name},
                {"last_name", volunteer.last_name},
                {"email", volunteer.email},
                {"phone", volunteer.phone},
                {"region", volunteer.region},
                {"languages", volunteer.languages},
                {"availability_notes", volunteer.availability_notes},
                {"date_of_birth",
                 volunteer.date_of_birth ? domain::FormatIsoDate(*volunteer.date_of_birth) : ""},
                {"occupation", volunteer.occupation},
                {"gender", volunteer.gender},
                {"notes", volunteer.notes}};
  input.availability = volunteer.availability;
  input.heard_about =
      volunteer.heard_about ? std::string(domain::HeardAboutName(*volunteer.heard_about)) : "";
  input.user_id = volunteer.user_id ? std::to_string(*volunteer.user_id) : "";
  return input;
}

DetailsInput InputFrom(const Form& form) {
  DetailsInput input;
  for (const auto& name : kDetailFields) input.text[name] = form.Get(name);
  std::string slots;
  for (const auto& slot : form.All("availability")) slots += slot + ",";
  input.availability = domain::Availability::Parse(slots);
  input.heard_about = form.Get("heard_about");
  input.user_id = form.Get("user_id");
  return input;
}

// The accounts a file may be linked to: the organisation's volunteers whose account no other file
// uses.
std::vector<store::User> LinkableUsers(Context& context, std::int64_t except_volunteer_id) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = *actor.organisation_id;
  return context.services.database.Read(actor.scope(), [&](soci::session& session) {
    std::set<std::int64_t> linked;
    store::VolunteerFilter all;
    all.include_closed = true;
    for (const auto& volunteer : store::VolunteerStore(session).List(organisation, all)) {
      if (volunteer.user_id && volunteer.id != except_volunteer_id)
        linked.insert(*volunteer.user_id);
    }
    std::vector<store::User> users;
    for (auto& user : store::UserStore(session).ListOrganisation(organisation)) {
      if (user.roles.Has(domain::Role::kVolunteer) && !linked.contains(user.id)) {
        users.push_back(std::move(user));
      }
    }
    return users;
  });
}

mstch::map DetailsModel(Context& context, const DetailsInput& input,
                        const std::vector<store::User>& linkable, const Error* error) {
  mstch::map model;
  for (const auto& [name, value] : input.text) model[name] = mstch::map{{"value", value}};
  mstch::array periods;
  for (int period = 0; period < domain::Availability::kPeriods; ++period) {
    periods.push_back(
        context.Translate(domain::DayPeriodLabel(static_cast<domain::DayPeriod>(period))));
  }
  mstch::array days;
  for (int day = 0; day < domain::Availability::kDays; ++day) {
    const std::string day_label = context.Translate(domain::WeekdayLabel(day));
    mstch::array slots;
    for (int period = 0; period < domain::Availability::kPeriods; ++period) {
      const auto value = static_cast<domain::DayPeriod>(period);
      slots.push_back(mstch::map{
          {"code", domain::Availability::SlotCode(day, value)},
          {"label", day_label + " — " + context.Translate(domain::DayPeriodLabel(value))},
          {"checked", input.availability.Has(day, value)}});
    }
    days.push_back(mstch::map{{"label", day_label}, {"slots", slots}});
  }
  model["periods"] = periods;
  model["days"] = days;
  mstch::array sources;
  for (const auto source : domain::HeardAboutSources()) {
    const std::string name(domain::HeardAboutName(source));
    sources.push_back(mstch::map{{"value", name},
                                 {"label", context.Translate(domain::HeardAboutLabel(source))},
                                 {"selected", name == input.heard_about}});
  }
  model["sources"] = sources;
  mstch::array accounts;
  for (const auto& user : linkable) {
    const std::string id = std::to_string(user.id);
    accounts.push_back(mstch::map{{"value", id},
                                  {"label", user.display_name + " (" + user.email + ")"},
                                  {"selected", id == input.user_id}});
  }
  model["accounts"] = accounts;
  model["heard_about"] = mstch::map{{"value", input.heard_about}};
  model["user_id"] = mstch::map{{"value", input.user_id}};
  if (error) AddErrors(context, *error, model);
  return model;
}

// Applies typed details to `volunteer` and checks them; field errors when anything is wrong.
Status ApplyDetails(Context& context, const DetailsInput& input,
                    const std::vector<store::User>& linkable, domain::Volunteer& volunteer) {
  const auto text = [&](const char* name) { return input.text.at(name); };
  volunteer.first_name = text("first_name");
  volunteer.last_name = text("last_name");
  volunteer.email = text("email");
  volunteer.phone = text("phone");
  volunteer.region = text("region");
  volunteer.languages = text("languages");
  volunteer.availability_notes = text("availability_notes");
  volunteer.occupation = text("occupation");
  volunteer.gender = text("gender");
  volunteer.notes = text("notes");
  volunteer.availability = input.availability;
  std::vector<FieldError> errors;
  auto checked = domain::CheckVolunteerDetails(volunteer, text("date_of_birth"), Today(context));
  if (!checked) errors = checked.error().fields;
  volunteer.heard_about.reset();
  if (!input.heard_about.empty()) {
    volunteer.heard_about = domain::ParseHeardAbout(input.heard_about);
    if (!volunteer.heard_about) {
      errors.push_back({"heard_about", {N_("Choose one of the answers."), {}}});
    }
  }
  volunteer.user_id.reset();
  if (!input.user_id.empty()) {
    const auto id = ParseId(input.user_id);
    const bool allowed = id && std::any_of(linkable.begin(), linkable.end(),
                                           [&](const store::User& user) { return user.id == *id; });
    if (!allowed) {
      errors.push_back(
          {"user_id", {N_("Choose an account of a volunteer that no other file uses."), {}}});
    } else {
      volunteer.user_id = *id;
    }
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

Response RenderDetailsForm(Context& context, const std::string& title, const std::string& action,
                           const std::string& cancel, mstch::map model, int status) {
  model["heading"] = title;
  model["action"] = action;
  model["cancel"] = cancel;
  return RenderPage(context, "volunteer_form", title, std::move(model), status);
}

// ---- The file ----

// Which form of the file page a failed post re-shows, with what was typed and the errors.
enum class FileForm { kNone, kMove, kSupervision, kHours, kWithdraw };

struct FileState {
  FileForm which = FileForm::kNone;
  const Form* form = nullptr;
  const Error* error = nullptr;
  std::string notice;
};

mstch::map SectionForm(Context& context, const FileState& state, FileForm which,
                       std::initializer_list<std::string> names) {
  if (state.which == which && state.form) return state.form->Model(context, names, state.error);
  return EmptyForm(names);
}

// Everything the file page reads, in one transaction.
struct FileData {
  std::vector<store::StageChange> history;
  std::vector<domain::ScreeningItem> items;
  std::vector<domain::TrainingAttendance> attendance;
  LoggedHours logged;
  std::vector<domain::SupervisionSession> supervision;
  std::optional<Instant> approved_at;
  int circle_count = 0;  // the circles the volunteer is in now, for the gate
};

Response RenderFile(Context& context, const domain::Volunteer& volunteer, const FileState& state) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = *actor.organisation_id;
  const auto setup = LoadProgramSetup(context);
  const auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    FileData data;
    store::VolunteerStore volunteers(session);
    data.history = volunteers.History(volunteer.id, organisation);
    data.supervision = volunteers.ListSupervision(volunteer.id, organisation);
    for (const auto& change : data.history) {
      if (change.to == domain::VolunteerStage::kApproved && !data.approved_at) {
        data.approved_at = change.changed_at;
      }
    }
    data.items = store::ScreeningStore(session).ListItems(volunteer.id, organisation);
    data.attendance = store::TrainingStore(session).VolunteerAttendance(volunteer.id, organisation);
    data.logged = LoadLoggedHours(context, session, volunteer.id, organisation);
    data.circle_count = store::CircleStore(session).CurrentCircleCount(volunteer.id, organisation);
    return data;
  });
  const auto names = UserNames(context);
  const auto name_of = [&](std::optional<std::int64_t> id) {
    if (!id) return std::string("—");
    const auto found = names.find(*id);
    return found == names.end() ? context.Translate(N_("Unknown user")) : found->second;
  };
  const domain::CivilDate today = Today(context);
  const auto& settings = setup.settings;
  const int notice_days = static_cast<int>(settings.Get("volunteer.expiry_notice_days"));
  const std::int64_t hourly_cents = settings.Get("volunteer.hourly_value_cents");

  mstch::map model{{"id", std::to_string(volunteer.id)},
                   {"name", volunteer.FullName()},
                   {"stage", context.Translate(domain::VolunteerStageLabel(volunteer.stage))},
                   {"stage_badge", StageBadge(volunteer.stage)}};
  if (!state.notice.empty()) model["notice"] = state.notice;
  if (state.error && state.which == FileForm::kWithdraw) {
    model["form_error"] = context.Format(
        state.error->fields.empty() ? state.error->message : state.error->fields.front().message);
  } else if (state.error) {
    model["form_error"] = context.Format(state.error->message);
  }

  // Details.
  model["email"] = volunteer.email;
  model["phone"] = volunteer.phone;
  model["region"] = volunteer.region;
  model["languages"] = volunteer.languages;
  mstch::array availability;
  for (int day = 0; day < domain::Availability::kDays; ++day) {
    std::string periods;
    for (int period = 0; period < domain::Availability::kPeriods; ++period) {
      const auto value = static_cast<domain::DayPeriod>(period);
      if (!volunteer.availability.Has(day, value)) continue;
      AppendSeparated(periods, ", ", context.Translate(domain::DayPeriodLabel(value)));
    }
    if (!periods.empty()) {
      availability.push_back(
          mstch::map{{"day", context.Translate(domain::WeekdayLabel(day))}, {"periods", periods}});
    }
  }
  model["availability"] = availability;
  model["availability_notes"] = volunteer.availability_notes;
  const int minimum_age = static_cast<int>(settings.Get("volunteer.minimum_age"));
  if (volunteer.date_of_birth) {
    const int age = domain::AgeOn(*volunteer.date_of_birth, today);
    model["date_of_birth"] = FormatDate(context, *volunteer.date_of_birth);
    model["age"] = context.Format({N_("{age} years old"), {{"age", std::to_string(age)}}});
    model["under_minimum_age"] = age < minimum_age;
    model["minimum_age"] = std::to_string(minimum_age);
  }
  model["occupation"] = volunteer.occupation;
  if (volunteer.heard_about) {
    model["heard_about"] = context.Translate(domain::HeardAboutLabel(*volunteer.heard_about));
  }
  model["gender"] = volunteer.gender;
  model["notes"] = volunteer.notes;
  if (volunteer.user_id) model["account"] = name_of(volunteer.user_id);

  // The gate, with the circles the volunteer is in now.
  const auto gate =
      domain::CheckVolunteerGate({volunteer, setup.screening_types, data.items,
                                  setup.training_modules, data.attendance, data.circle_count},
                                 settings, today);
  model["ready"] = gate.passed();
  model["gate_failures"] = GateFailureTexts(context, gate);
  const bool on_hold = domain::OnHoldForExpiredScreening(setup.screening_types, data.items, today);
  model["on_hold"] = on_hold;

  // Moves: the next steps in one form; the moves that close the file (exited, not retained) in
  // another, which asks for a confirmation. A refused post shows what was typed in the form it came
  // from.
  const std::string chosen =
      state.which == FileForm::kMove && state.form ? state.form->Get("to") : "";
  const auto chosen_stage = domain::ParseVolunteerStage(chosen);
  const bool closing_typed = chosen_stage && domain::IsClosedStage(*chosen_stage);
  FileState none;
  mstch::map move =
      SectionForm(context, closing_typed ? none : state, FileForm::kMove, {"to", "reason"});
  mstch::map close =
      SectionForm(context, closing_typed ? state : none, FileForm::kMove, {"to", "reason"});
  mstch::array moves, closings;
  for (const auto stage : domain::AllowedMoves(volunteer.stage)) {
    const std::string name(domain::VolunteerStageName(stage));
    (domain::IsClosedStage(stage) ? closings : moves)
        .push_back(mstch::map{{"value", name},
                              {"label", context.Translate(domain::VolunteerStageLabel(stage))},
                              {"selected", name == chosen}});
  }
  move["choices"] = moves;
  close["choices"] = closings;
  if (closing_typed) close["open"] = true;
  model["move"] = move;
  model["close"] = close;
  model["can_move"] = !moves.empty();
  model["can_close"] = !closings.empty();
  mstch::array history;
  for (auto it = data.history.rbegin(); it != data.history.rend(); ++it) {
    mstch::map entry{
        {"when", context.services.translator.FormatDateTime(context.language, it->changed_at)},
        {"to", context.Translate(domain::VolunteerStageLabel(it->to))},
        {"who", name_of(it->changed_by)},
        {"reason", it->reason}};
    if (it->from) entry["from"] = context.Translate(domain::VolunteerStageLabel(*it->from));
    history.push_back(std::move(entry));
  }
  model["history"] = history;

  // Screening.
  model["screening"] = ScreeningStatusRows(
      context, domain::SummariseScreening(setup.screening_types, data.items, today, notice_days));
  std::map<std::int64_t, std::string> type_names;
  for (const auto& type : setup.screening_types) type_names[type.id] = DataName(context, type.name);
  mstch::array items;
  for (const auto& item : data.items) {
    mstch::map row{{"id", std::to_string(item.id)},
                   {"type", type_names[item.type_id]},
                   {"date", FormatDate(context, item.completed_on)},
                   {"result", context.Translate(domain::ScreeningResultLabel(item.result))},
                   {"result_badge",
                    std::string(item.result == domain::ScreeningResult::kPassed   ? "ok"
                                : item.result == domain::ScreeningResult::kFailed ? "danger"
                                                                                  : "warning")},
                   {"checked_by", name_of(item.checked_by)},
                   {"notes", item.notes},
                   {"withdrawn", item.withdrawn_at.has_value()},
                   {"withdrawal_reason", item.withdrawal_reason}};
    if (item.expires_on) {
      row["expires"] = FormatDate(context, *item.expires_on);
      row["expired"] =
          !domain::IsValidOn(item, today) && item.result == domain::ScreeningResult::kPassed;
    }
    if (item.document_id)
      row["document"] = "/volunteers/documents/" + std::to_string(*item.document_id);
    items.push_back(std::move(row));
  }
  model["items"] = items;

  // Training.
  model["training"] = TrainingProgressRows(
      context, domain::SummariseTraining(setup.training_modules, data.attendance));
  std::map<std::int64_t, std::string> module_names;
  for (const auto& module : setup.training_modules)
    module_names[module.id] = DataName(context, module.name);
  mstch::array sessions;
  for (auto it = data.attendance.rbegin(); it != data.attendance.rend(); ++it) {
    sessions.push_back(
        mstch::map{{"date", FormatDate(context, it->held_on)},
                   {"module", module_names[it->module_id]},
                   {"hours", FormatHours(context, it->minutes)},
                   {"href", "/volunteers/training/" + std::to_string(it->session_id)}});
  }
  model["sessions"] = sessions;

  // Hours.
  const auto combined = CombinedHours(data.attendance, data.logged.monthly_sums);
  const auto approved = domain::TotalHours(combined, domain::CountedHours::kApprovedOnly);
  const auto with_pending = domain::TotalHours(combined, domain::CountedHours::kIncludingPending);
  model["hours_total"] = FormatHours(context, approved.total);
  model["hours_pending"] = FormatHours(context, with_pending.total - approved.total);
  model["has_pending"] = with_pending.total > approved.total;
  model["has_approved"] = approved.total > 0;
  model["years"] = YearRows(context, approved, hourly_cents);
  model["months"] = MonthRows(context, approved, hourly_cents);
  mstch::array logged;
  AddOwnHoursPagination(context, data.logged, model);
  for (const auto& entry : data.logged.own_page) {
    logged.push_back(mstch::map{
        {"id", std::to_string(entry.id)},
        {"date", FormatDate(context, entry.worked_on)},
        {"kind", context.Translate(domain::HoursKindLabel(entry.kind))},
        {"hours", FormatHours(context, entry.minutes)},
        {"description", entry.description},
        {"status", context.Translate(domain::HoursStatusLabel(entry.status))},
        {"pending", entry.status == domain::HoursStatus::kPending},
        {"badge", std::string(entry.status == domain::HoursStatus::kApproved   ? "ok"
                              : entry.status == domain::HoursStatus::kRejected ? "danger"
                                                                               : "warning")}});
  }
  model["logged"] = logged;
  mstch::map hours_form = SectionForm(context, state, FileForm::kHours,
                                      {"worked_on", "kind", "duration", "description"});
  hours_form["kinds"] = HoursKindChoices(
      context, state.which == FileForm::kHours && state.form ? state.form->Get("kind") : "");
  if (!(state.which == FileForm::kHours && state.form)) {
    hours_form["worked_on"] = mstch::map{{"value", domain::FormatIsoDate(today)}};
  }
  model["hours_form"] = hours_form;

  // Supervision.
  std::optional<domain::CivilDate> last_session;
  if (!data.supervision.empty()) last_session = data.supervision.front().held_on;
  std::optional<domain::CivilDate> approved_on;
  if (data.approved_at) approved_on = context.services.translator.LocalDate(*data.approved_at);
  const int period = static_cast<int>(settings.Get("volunteer.supervision_period_days"));
  if (domain::IsSupervisedStage(volunteer.stage)) {
    if (const auto overdue =
            domain::SupervisionOverdueDays(last_session, approved_on, today, period)) {
      model["supervision_overdue"] = context.Format(
          {N_("No supervision for {days} days (the program asks for one every {period} days)."),
           {{"days", std::to_string(*overdue)}, {"period", std::to_string(period)}}});
    }
  }
  mstch::array supervision;
  for (const auto& session : data.supervision) {
    supervision.push_back(
        mstch::map{{"date", FormatDate(context, session.held_on)},
                   {"kind", context.Translate(domain::SupervisionKindLabel(session.kind))},
                   {"notes", session.notes},
                   {"who", name_of(session.recorded_by)}});
  }
  model["supervision"] = supervision;
  mstch::map supervision_form =
      SectionForm(context, state, FileForm::kSupervision, {"held_on", "kind", "notes"});
  const std::string kind_chosen =
      state.which == FileForm::kSupervision && state.form ? state.form->Get("kind") : "supervision";
  mstch::array kinds;
  for (const auto kind :
       {domain::SupervisionKind::kSupervision, domain::SupervisionKind::kDebriefing}) {
    const std::string name(domain::SupervisionKindName(kind));
    kinds.push_back(mstch::map{{"value", name},
                               {"label", context.Translate(domain::SupervisionKindLabel(kind))},
                               {"selected", name == kind_chosen}});
  }
  supervision_form["kinds"] = kinds;
  if (!(state.which == FileForm::kSupervision && state.form)) {
    supervision_form["held_on"] = mstch::map{{"value", domain::FormatIsoDate(today)}};
  }
  model["supervision_form"] = supervision_form;

  // Who viewed this file.
  audit::Filter filter;
  filter.action_prefix = "volunteer.view";
  filter.object_type = "volunteer";
  filter.object_id = std::to_string(volunteer.id);
  filter.limit = 50;
  mstch::array viewers;
  for (const auto& entry :
       context.services.audit.List(context.services.database, organisation, filter)) {
    viewers.push_back(mstch::map{
        {"who", name_of(entry.event.actor_user_id)},
        {"when", context.services.translator.FormatDateTime(context.language, entry.event.at)}});
  }
  model["viewers"] = viewers;
  const int status = state.error ? StatusFor(state.error->kind) : 200;
  return RenderPage(context, "volunteer_file", volunteer.FullName(), std::move(model), status);
}

// ---- The screening form ----

Response RenderScreeningForm(Context& context, const domain::Volunteer& volunteer, const Form* form,
                             const Error* error) {
  const auto setup = LoadProgramSetup(context);
  mstch::map model =
      form ? form->Model(context, {"type", "completed_on", "result", "expires_on", "notes"}, error)
           : EmptyForm({"type", "completed_on", "result", "expires_on", "notes"});
  if (!form) model["completed_on"] = mstch::map{{"value", domain::FormatIsoDate(Today(context))}};
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
  for (const auto& type : setup.screening_types) {
    if (!type.active) continue;
    mstch::map option{{"value", std::to_string(type.id)},
                      {"label", DataName(context, type.name)},
                      {"selected", std::to_string(type.id) == chosen_type}};
    if (type.validity_months > 0) {
      option["validity"] = context.Format(
          {N_("valid {months} months"), {{"months", std::to_string(type.validity_months)}}});
    }
    types.push_back(std::move(option));
  }
  model["types"] = types;
  const std::string chosen_result = form ? form->Get("result") : "passed";
  mstch::array results;
  for (const auto result : {domain::ScreeningResult::kPassed, domain::ScreeningResult::kPending,
                            domain::ScreeningResult::kFailed}) {
    const std::string name(domain::ScreeningResultName(result));
    results.push_back(mstch::map{{"value", name},
                                 {"label", context.Translate(domain::ScreeningResultLabel(result))},
                                 {"selected", name == chosen_result}});
  }
  model["results"] = results;
  model["id"] = std::to_string(volunteer.id);
  model["name"] = volunteer.FullName();
  const std::string title = context.Translate(N_("Record a screening item"));
  return RenderPage(context, "volunteer_screening_form", title, std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

// One page of the volunteer list and what its rows and filters need.
struct VolunteerListData {
  Pagination pagination;
  std::vector<domain::Volunteer> volunteers;
  std::map<domain::VolunteerStage, int> counts;
  std::vector<domain::ScreeningItem> items;
  std::vector<domain::TrainingAttendance> attendance;
  std::map<std::int64_t, int> circle_counts;
};

// Reads the page of volunteers `filter` selects, the counts by stage, and the screening and
// training of the page's volunteers only (for their "ready" and "on hold").
VolunteerListData LoadVolunteerList(Context& context, const store::VolunteerFilter& filter) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = *actor.organisation_id;
  return context.services.database.Read(actor.scope(), [&](soci::session& session) {
    VolunteerListData data;
    store::VolunteerStore volunteers(session);
    // The total is only known with the page: ask for the page as requested (a page past the end
    // reads the last one, as Paginate() does).
    auto page = volunteers.ListPage(
        organisation, filter, Paginate(context.request, kUnknownTotal).Slice());
    data.pagination = Paginate(context.request, page.total);
    data.volunteers = std::move(page.volunteers);
    data.counts = volunteers.CountByStage(organisation);
    std::vector<std::int64_t> ids;
    for (const auto& volunteer : data.volunteers) ids.push_back(volunteer.id);
    data.items = store::ScreeningStore(session).ListLiveItems(ids, organisation);
    data.attendance = store::TrainingStore(session).AttendanceOf(ids, organisation);
    data.circle_counts = store::CircleStore(session).CurrentCircleCounts(organisation);
    return data;
  });
}

// The list's rows, each with whether the volunteer may join a circle and is on hold.
mstch::array VolunteerRows(Context& context, const VolunteerListData& data) {
  const auto setup = LoadProgramSetup(context);
  std::map<std::int64_t, std::vector<domain::ScreeningItem>> items_by_volunteer;
  for (const auto& item : data.items) items_by_volunteer[item.volunteer_id].push_back(item);
  std::map<std::int64_t, std::vector<domain::TrainingAttendance>> attendance_by_volunteer;
  for (const auto& entry : data.attendance)
    attendance_by_volunteer[entry.volunteer_id].push_back(entry);
  const domain::CivilDate today = Today(context);
  mstch::array rows;
  for (const auto& volunteer : data.volunteers) {
    const auto& items = items_by_volunteer[volunteer.id];
    const auto& attendance = attendance_by_volunteer[volunteer.id];
    const auto circles = data.circle_counts.find(volunteer.id);
    const int circle_count = circles == data.circle_counts.end() ? 0 : circles->second;
    const auto gate = domain::CheckVolunteerGate(
        {volunteer, setup.screening_types, items, setup.training_modules, attendance, circle_count},
        setup.settings, today);
    rows.push_back(mstch::map{
        {"id", std::to_string(volunteer.id)},
        {"name", volunteer.last_name + ", " + volunteer.first_name},
        {"stage", context.Translate(domain::VolunteerStageLabel(volunteer.stage))},
        {"stage_badge", StageBadge(volunteer.stage)},
        {"region", volunteer.region},
        {"ready", gate.passed()},
        {"on_hold", !domain::IsClosedStage(volunteer.stage) &&
                        domain::OnHoldForExpiredScreening(setup.screening_types, items, today)}});
  }
  return rows;
}

// The stage filters with their counts; `open_files` receives the files not in a closed stage.
mstch::array StageFilters(const Context& context, const std::map<domain::VolunteerStage, int>& counts,
                          const store::VolunteerFilter& filter, int& open_files) {
  mstch::array stages;
  for (const auto stage : domain::VolunteerStages()) {
    const auto found = counts.find(stage);
    const int count = found == counts.end() ? 0 : found->second;
    if (!domain::IsClosedStage(stage)) open_files += count;
    const std::string name(domain::VolunteerStageName(stage));
    stages.push_back(mstch::map{{"value", name},
                                {"label", context.Translate(domain::VolunteerStageLabel(stage))},
                                {"count", std::to_string(count)},
                                {"selected", filter.stage == stage},
                                {"href", "/volunteers?stage=" + name}});
  }
  return stages;
}

}  // namespace

// ---- Handlers ----

Response List(Context& context) {
  const auto& actor = context.signed_in();
  if (!VolunteerPolicy::CanManage(actor)) return Deny(context, "volunteer", "", 403);
  const auto query = context.request.QueryParameters();
  const auto value = [&](const std::string& name) {
    const auto found = query.find(name);
    return found == query.end() ? std::string() : found->second;
  };
  store::VolunteerFilter filter;
  filter.stage = domain::ParseVolunteerStage(value("stage"));
  filter.search = value("q");
  filter.include_closed = value("closed") == "1";
  const auto data = LoadVolunteerList(context, filter);
  const mstch::array rows = VolunteerRows(context, data);
  int open_files = 0;
  mstch::array stages = StageFilters(context, data.counts, filter, open_files);
  mstch::map model{{"volunteers", rows},
                   {"empty", rows.empty()},
                   {"no_files_at_all", data.counts.empty()},
                   {"stages", stages},
                   {"open_files", std::to_string(open_files)},
                   {"q", filter.search},
                   {"closed", filter.include_closed},
                   {"found", std::to_string(data.pagination.total)},
                   {"can_configure", VolunteerPolicy::CanConfigure(actor)}};
  AddPagination(context, data.pagination, model);
  return RenderPage(context, "volunteer_list", context.Translate(N_("Volunteers")),
                    std::move(model));
}

Response ShowNew(Context& context) {
  if (!VolunteerPolicy::CanManage(context.signed_in())) return Deny(context, "volunteer", "", 403);
  DetailsInput input;
  for (const auto& name : kDetailFields) input.text[name] = "";
  const auto linkable = LinkableUsers(context, 0);
  return RenderDetailsForm(context, context.Translate(N_("New volunteer")), "/volunteers/new",
                           "/volunteers", DetailsModel(context, input, linkable, nullptr), 200);
}

Response Create(Context& context) {
  const auto& actor = context.signed_in();
  if (!VolunteerPolicy::CanManage(actor)) return Deny(context, "volunteer", "", 403);
  const Form form(context.request);
  const auto input = InputFrom(form);
  const auto linkable = LinkableUsers(context, 0);
  domain::Volunteer volunteer;
  volunteer.organisation_id = *actor.organisation_id;
  volunteer.stage = domain::VolunteerStage::kInquiry;
  auto applied = ApplyDetails(context, input, linkable, volunteer);
  Result<std::int64_t> created =
      applied ? Result<std::int64_t>(0) : Result<std::int64_t>(applied.error());
  if (applied) {
    created = context.services.database.Write(
        actor.scope(), [&](soci::session& session) -> Result<std::int64_t> {
          store::VolunteerStore volunteers(session);
          if (volunteer.user_id &&
              volunteers.UserLinkedElsewhere(*volunteer.user_id, volunteer.organisation_id, 0)) {
            return Error::Fields(
                {{"user_id",
                  {N_("Choose an account of a volunteer that no other file uses."), {}}}});
          }
          const auto id = volunteers.Insert(volunteer, actor.user_id, context.services.clock.Now());
          Audit(context, session, "volunteer.create", "volunteer", id);
          return id;
        });
  }
  if (!created) {
    return RenderDetailsForm(
        context, context.Translate(N_("New volunteer")), "/volunteers/new", "/volunteers",
        DetailsModel(context, input, linkable, &created.error()), StatusFor(created.error().kind));
  }
  return Response::Redirect(FileUrl(*created, "?created=1"));
}

namespace {

// Records that the actor viewed the file (the file page or its edit form, which shows the notes).
void AuditView(Context& context, const domain::Volunteer& volunteer) {
  const auto& actor = context.signed_in();
  context.services.audit.Record(
      context.services.database,
      {actor.organisation_id, actor.user_id, "volunteer.view", "volunteer",
       std::to_string(volunteer.id), context.request.client_address, audit::Outcome::kSuccess,
       context.services.clock.Now()});
}

}  // namespace

Response Show(Context& context) {
  const auto volunteer = FindVisible(context);
  if (!volunteer) return Deny(context, "volunteer", context.Parameter("id"));
  AuditView(context, *volunteer);
  FileState state;
  const std::string& query = context.request.query;
  if (query == "created=1") state.notice = context.Translate(N_("The file is created."));
  if (query == "saved=1") state.notice = context.Translate(N_("The change is saved."));
  if (query == "moved=1") state.notice = context.Translate(N_("The move is recorded."));
  if (query == "recorded=1")
    state.notice = context.Translate(N_("The screening item is recorded."));
  return RenderFile(context, *volunteer, state);
}

Response ShowEdit(Context& context) {
  const auto volunteer = FindVisible(context);
  if (!volunteer) return Deny(context, "volunteer", context.Parameter("id"));
  AuditView(context, *volunteer);
  const auto linkable = LinkableUsers(context, volunteer->id);
  return RenderDetailsForm(context, volunteer->FullName(), FileUrl(volunteer->id, "/edit"),
                           FileUrl(volunteer->id),
                           DetailsModel(context, InputFrom(*volunteer), linkable, nullptr), 200);
}

Response Update(Context& context) {
  auto volunteer = FindVisible(context);
  if (!volunteer) return Deny(context, "volunteer", context.Parameter("id"));
  const auto& actor = context.signed_in();
  const Form form(context.request);
  const auto input = InputFrom(form);
  const auto linkable = LinkableUsers(context, volunteer->id);
  const std::string title = volunteer->FullName();
  Status saved = ApplyDetails(context, input, linkable, *volunteer);
  if (saved) {
    saved = context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
      store::VolunteerStore volunteers(session);
      if (volunteer->user_id &&
          volunteers.UserLinkedElsewhere(*volunteer->user_id, volunteer->organisation_id,
                                         volunteer->id)) {
        return Error::Fields(
            {{"user_id", {N_("Choose an account of a volunteer that no other file uses."), {}}}});
      }
      volunteers.Update(*volunteer, context.services.clock.Now());
      Audit(context, session, "volunteer.update", "volunteer", volunteer->id);
      return {};
    });
  }
  if (!saved) {
    return RenderDetailsForm(
        context, title, FileUrl(volunteer->id, "/edit"), FileUrl(volunteer->id),
        DetailsModel(context, input, linkable, &saved.error()), StatusFor(saved.error().kind));
  }
  return Response::Redirect(FileUrl(volunteer->id, "?saved=1"));
}

Response MoveStage(Context& context) {
  const auto volunteer = FindVisible(context);
  if (!volunteer) return Deny(context, "volunteer", context.Parameter("id"));
  const auto& actor = context.signed_in();
  const Form form(context.request);
  const auto to = domain::ParseVolunteerStage(form.Get("to"));
  const auto setup = LoadProgramSetup(context);
  Status moved = Status();
  if (!to) {
    moved = Error::Fields({{"to", {N_("Choose the next step."), {}}}});
  } else {
    domain::StageMove move{
        volunteer->stage,   *to,
        form.Get("reason"), volunteer->date_of_birth,
        Today(context),     static_cast<int>(setup.settings.Get("volunteer.minimum_age"))};
    moved = domain::CheckStageMove(move);
    if (moved) {
      moved = context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        if (!store::VolunteerStore(session).MoveStage(
                volunteer->id, volunteer->organisation_id, volunteer->stage, *to,
                domain::volunteer_text::Trimmed(move.reason), actor.user_id,
                context.services.clock.Now())) {
          return Error::Conflict(
              N_("Someone changed this file meanwhile. Look at it again, then retry."));
        }
        Audit(context, session, "volunteer.stage", "volunteer", volunteer->id);
        return {};
      });
    }
  }
  if (!moved) {
    FileState state{FileForm::kMove, &form, &moved.error(), ""};
    return RenderFile(context, *volunteer, state);
  }
  return Response::Redirect(FileUrl(volunteer->id, "?moved=1"));
}

Response AddSupervision(Context& context) {
  const auto volunteer = FindVisible(context);
  if (!volunteer) return Deny(context, "volunteer", context.Parameter("id"));
  const auto& actor = context.signed_in();
  const Form form(context.request);
  domain::SupervisionSession session_record;
  session_record.organisation_id = volunteer->organisation_id;
  session_record.volunteer_id = volunteer->id;
  session_record.notes = form.Get("notes");
  session_record.recorded_by = actor.user_id;
  session_record.recorded_at = context.services.clock.Now();
  std::vector<FieldError> errors;
  const auto held_on = domain::ParseIsoDate(domain::volunteer_text::Trimmed(form.Get("held_on")));
  if (!held_on) errors.push_back({"held_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
  const auto kind = domain::ParseSupervisionKind(form.Get("kind"));
  if (!kind) errors.push_back({"kind", {N_("Choose one of the answers."), {}}});
  Status saved = Status();
  if (!errors.empty()) {
    saved = Error::Fields(std::move(errors));
  } else {
    session_record.held_on = *held_on;
    session_record.kind = *kind;
    saved = domain::CheckSupervisionSession(session_record, Today(context));
  }
  if (saved) {
    saved = context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
      store::VolunteerStore(session).InsertSupervision(session_record);
      Audit(context, session, "volunteer.supervision", "volunteer", volunteer->id);
      return {};
    });
  }
  if (!saved) {
    FileState state{FileForm::kSupervision, &form, &saved.error(), ""};
    return RenderFile(context, *volunteer, state);
  }
  return Response::Redirect(FileUrl(volunteer->id, "?saved=1#supervision"));
}

Response LogHours(Context& context) {
  const auto volunteer = FindVisible(context);
  if (!volunteer) return Deny(context, "volunteer", context.Parameter("id"));
  const auto& actor = context.signed_in();
  const Form form(context.request);
  domain::HoursEntry entry;
  entry.organisation_id = volunteer->organisation_id;
  entry.volunteer_id = volunteer->id;
  entry.status = domain::HoursStatus::kApproved;
  Status saved = ReadLoggedHours(context, context.request.FormFields(), entry);
  if (saved) {
    saved = context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
      const auto id = store::VolunteerHoursStore(session).Insert(entry, actor.user_id,
                                                                 context.services.clock.Now());
      Audit(context, session, "volunteer.hours_log", "volunteer_hours", id);
      return {};
    });
  }
  if (!saved) {
    FileState state{FileForm::kHours, &form, &saved.error(), ""};
    return RenderFile(context, *volunteer, state);
  }
  return Response::Redirect(FileUrl(volunteer->id, "?saved=1#hours"));
}

Response ShowScreeningForm(Context& context) {
  const auto volunteer = FindVisible(context);
  if (!volunteer) return Deny(context, "volunteer", context.Parameter("id"));
  return RenderScreeningForm(context, *volunteer, nullptr, nullptr);
}

Response RecordScreening(Context& context) {
  const auto volunteer = FindVisible(context);
  if (!volunteer) return Deny(context, "volunteer", context.Parameter("id"));
  const auto& actor = context.signed_in();
  const Form form(context.request);
  const auto setup = LoadProgramSetup(context);
  std::vector<FieldError> errors;
  const auto type_id = ParseId(form.Get("type"));
  const auto type = std::find_if(setup.screening_types.begin(), setup.screening_types.end(),
                                 [&](const auto& candidate) {
                                   return type_id && candidate.id == *type_id && candidate.active;
                                 });
  if (type == setup.screening_types.end())
    errors.push_back({"type", {N_("Choose one of the answers."), {}}});
  const auto completed_on =
      domain::ParseIsoDate(domain::volunteer_text::Trimmed(form.Get("completed_on")));
  if (!completed_on)
    errors.push_back({"completed_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
  const auto result = domain::ParseScreeningResult(form.Get("result"));
  if (!result) errors.push_back({"result", {N_("Choose one of the answers."), {}}});
  const std::string expires_text = domain::volunteer_text::Trimmed(form.Get("expires_on"));
  const auto expires_on = domain::ParseIsoDate(expires_text);
  if (!expires_text.empty() && !expires_on) {
    errors.push_back({"expires_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
  }
  domain::ScreeningItem item;
  item.organisation_id = volunteer->organisation_id;
  item.volunteer_id = volunteer->id;
  item.checked_by = actor.user_id;
  item.notes = form.Get("notes");
  item.recorded_at = context.services.clock.Now();
  Status checked = Status();
  if (!errors.empty()) {
    checked = Error::Fields(std::move(errors));
  } else {
    item.type_id = type->id;
    item.completed_on = *completed_on;
    item.result = *result;
    item.expires_on = expires_on;
    checked = domain::CheckScreeningItem(item, *type, Today(context));
  }
  if (!checked) return RenderScreeningForm(context, *volunteer, &form, &checked.error());
  // The document, when one was sent, is stored first (its own transaction), so that the item can
  // name it.
  const auto files = context.request.Files();
  const bool has_file = std::any_of(files.begin(), files.end(), [](const UploadedFile& file) {
    return file.field == "file" && !file.bytes.empty();
  });
  if (has_file) {
    const std::string title =
        DataName(context, type->name) + " — " + domain::FormatIsoDate(item.completed_on);
    auto document = StoreUploadedDocument(context, "file", title, "volunteer", volunteer->id);
    if (!document) return RenderScreeningForm(context, *volunteer, &form, &document.error());
    item.document_id = document->id;
  }
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    const auto id = store::ScreeningStore(session).InsertItem(item);
    Audit(context, session, "volunteer.screening_record", "screening_item", id);
    return {};
  });
  return Response::Redirect(FileUrl(volunteer->id, "?recorded=1"));
}

Response WithdrawScreening(Context& context) {
  const auto& actor = context.signed_in();
  const auto id = ParseId(context.Parameter("id"));
  const auto item =
      id ? context.services.database.Read(actor.scope(),
                                          [&](soci::session& session) {
                                            return store::ScreeningStore(session).FindItem(
                                                *id, actor.organisation_id.value_or(0));
                                          })
         : std::nullopt;
  const auto volunteer = item ? FindVisible(context, item->volunteer_id) : std::nullopt;
  if (!volunteer) return Deny(context, "screening_item", context.Parameter("id"));
  const Form form(context.request);
  const std::string reason = domain::volunteer_text::Trimmed(form.Get("reason"));
  Status withdrawn = Status();
  if (reason.empty()) {
    withdrawn = Error::Fields({{"reason", {N_("Say why the entry is withdrawn."), {}}}});
  } else if (domain::volunteer_text::CharacterCount(reason) > domain::kMaxReasonLength) {
    withdrawn = Error::Fields({{"reason",
                                {N_("Use at most {count} characters."),
                                 {{"count", std::to_string(domain::kMaxReasonLength)}}}}});
  } else {
    withdrawn =
        context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
          if (!store::ScreeningStore(session).WithdrawItem(item->id, item->organisation_id,
                                                           actor.user_id, reason,
                                                           context.services.clock.Now())) {
            return Error::Conflict(N_("This entry was withdrawn already."));
          }
          Audit(context, session, "volunteer.screening_withdraw", "screening_item", item->id);
          return {};
        });
  }
  if (!withdrawn) {
    FileState state{FileForm::kWithdraw, &form, &withdrawn.error(), ""};
    return RenderFile(context, *volunteer, state);
  }
  return Response::Redirect(FileUrl(volunteer->id, "?saved=1#screening"));
}

Response Download(Context& context) {
  const auto& actor = context.signed_in();
  const auto id = ParseId(context.Parameter("id"));
  const auto document =
      id ? context.services.database.Read(actor.scope(),
                                          [&](soci::session& session) {
                                            return store::DocumentStore(session).Find(
                                                *id, actor.organisation_id.value_or(0));
                                          })
         : std::nullopt;
  std::optional<domain::Volunteer> volunteer;
  if (document && document->owner_type == "volunteer")
    volunteer = FindVisible(context, document->owner_id);
  if (!volunteer) return Deny(context, "document", context.Parameter("id"));
  return DownloadDocument(context, *document);
}

Response ReviewHours(Context& context) {
  const auto& actor = context.signed_in();
  const auto id = ParseId(context.Parameter("id"));
  const auto entry =
      id ? context.services.database.Read(actor.scope(),
                                          [&](soci::session& session) {
                                            return store::VolunteerHoursStore(session).Find(
                                                *id, actor.organisation_id.value_or(0));
                                          })
         : std::nullopt;
  const auto volunteer = entry ? FindVisible(context, entry->volunteer_id) : std::nullopt;
  if (!volunteer) return Deny(context, "volunteer_hours", context.Parameter("id"));
  const Form form(context.request);
  const std::string decision = form.Get("decision");
  const std::string back = form.Get("back") == "file" ? FileUrl(volunteer->id, "?saved=1#hours")
                                                      : "/volunteers/hours?reviewed=1";
  if (decision != "approve" && decision != "reject") {
    return RenderError(context, Error::Invalid(N_("Choose to approve the hours or not.")));
  }
  const auto status =
      decision == "approve" ? domain::HoursStatus::kApproved : domain::HoursStatus::kRejected;
  const Status reviewed =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        if (!store::VolunteerHoursStore(session).Review(entry->id, entry->organisation_id, status,
                                                        actor.user_id,
                                                        context.services.clock.Now())) {
          return Error::Conflict(N_("These hours were reviewed already."));
        }
        Audit(context, session, "volunteer.hours_review", "volunteer_hours", entry->id);
        return {};
      });
  if (!reviewed) return RenderError(context, reviewed.error());
  return Response::Redirect(back);
}

}  // namespace cercle::web::pages::volunteers
