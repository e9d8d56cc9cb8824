// The outcomes of one core member's file: recidivism events, outcome measures and the follow-ups
// of public records after closure. Coordinators and organisation admins only (OutcomePolicy), every
// view and change audited.
#include "app/reports/outcomes.hpp"
#include "domain/intake_fields.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/ending_pages.hpp"
#include "web/pages/core_members/core_member_common.hpp"
#include "web/pages/core_members/core_member_pages.hpp"
#include "web/pages/core_members/factor_history_view.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/pages/reports/report_views.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::core_members {
namespace {

using app::reports::OutcomesPage;
using core_members::Choice;
using core_members::Choices;

constexpr const char* kCoreMemberType = "core_member";

// The measure form's own fields; a level field per outcome dimension follows, named after it.
const std::initializer_list<std::string> kMeasureFields = {"measured_on", "occasion"};
const std::initializer_list<std::string> kFollowUpFields = {"milestone", "checked_on",
                                                            "found_events"};

std::string OutcomesHref(std::int64_t core_member_id) {
  return "/core-members/" + std::to_string(core_member_id) + "/outcomes";
}

// The choices of a scale's levels: "1 — label".
std::vector<Choice> LevelChoices(const Context& context, const domain::OutcomeScale& scale) {
  std::vector<Choice> choices;
  for (std::size_t i = 0; i < scale.labels.size(); ++i) {
    const std::string label =
        scale.is_default ? context.Translate(scale.labels[i]) : scale.labels[i];
    choices.push_back({std::to_string(i + 1), std::to_string(i + 1) + " — " + label});
  }
  return choices;
}

// The label of `level` on `scale`, or the bare number when the scale no longer has it.
std::string LevelText(const Context& context, const domain::OutcomeScale& scale, int level) {
  if (level < 1 || static_cast<std::size_t>(level) > scale.labels.size()) {
    return std::to_string(level);
  }
  const auto& label = scale.labels[static_cast<std::size_t>(level - 1)];
  return std::to_string(level) + " — " + (scale.is_default ? context.Translate(label) : label);
}

// The event form, on the outcomes page and on the event's own edit page.
const std::vector<FormField<domain::RecidivismEvent>>& EventFields() {
  using domain::RecidivismEvent;
  constexpr std::string_view kChoose = N_("Choose one of the options.");
  static const std::vector<FormField<RecidivismEvent>> fields = {
      Date("occurred_on", N_("Date of the event"), &RecidivismEvent::occurred_on,
           N_("Enter the date of the event.")),
      EnumChoice<domain::RecidivismKind>("kind", N_("What happened"), &RecidivismEvent::kind,
                                         kChoose, {.blank = N_("Choose…")}),
      EnumChoice<domain::OffenceCategory>("category", N_("Category of offence"),
                                          &RecidivismEvent::category, kChoose,
                                          {.kind = FieldKind::kRadios}),
      EnumChoice<domain::CirclePeriod>("circle_period", N_("When, relative to the circle"),
                                       &RecidivismEvent::period, kChoose,
                                       {.kind = FieldKind::kRadios}),
      EnumChoice<domain::EventSource>("source", N_("Source"), &RecidivismEvent::source, kChoose,
                                      {.blank = N_("Choose…")}),
      Text("reference", N_("Reference"), &RecidivismEvent::reference,
           {.hint = N_("Where to find it again: a court file number, an article. Coordinators "
                       "only; never exported.")}),
  };
  return fields;
}

// Reads the event form: its details, and the fields it could not read.
app::reports::EventForm ReadEvent(const Form& form) {
  app::reports::EventForm read;
  read.unreadable = ReadFields(EventFields(), form, read.details);
  return read;
}

// Reads the measure form: its date, occasion and levels, and the fields it could not read.
app::reports::MeasureForm ReadMeasure(const Form& form) {
  app::reports::MeasureForm read;
  const auto measured_on = core_members::DateField(
      form, "measured_on", true, N_("Enter the date of the measure."), read.unreadable);
  if (measured_on) read.measured_on = *measured_on;
  const auto occasion = domain::ParseEnum<domain::MeasureOccasion>(form.Get("occasion"));
  if (!occasion) read.unreadable.push_back({"occasion", {N_("Choose one of the options."), {}}});
  read.occasion = occasion.value_or(domain::MeasureOccasion::kStart);
  for (const auto dimension : domain::EnumValues<domain::OutcomeDimension>()) {
    const std::string text = form.Get(std::string(domain::NameOf(dimension)));
    const bool number = !text.empty() && text.size() <= 2 &&
                        text.find_first_not_of("0123456789") == std::string::npos;
    read.levels[static_cast<std::size_t>(dimension)] = number ? std::stoi(text) : 0;
  }
  return read;
}

// Reads the follow-up form: the milestone, the date of the check and what it found.
app::reports::FollowUpForm ReadFollowUp(const Form& form) {
  app::reports::FollowUpForm read;
  const std::string milestone = form.Get("milestone");
  const bool number = !milestone.empty() && milestone.size() <= 2 &&
                      milestone.find_first_not_of("0123456789") == std::string::npos;
  read.milestone_months = number ? std::stoi(milestone) : 0;
  read.checked_on = core_members::DateField(form, "checked_on", true,
                                            N_("Enter the date of the check."), read.unreadable);
  read.found_events = form.Get("found_events") == "1";
  return read;
}

// The {id} path parameter (0, which names nothing, when it is not an id).
std::int64_t IdParameter(const Context& context) {
  return ParseId(context.Parameter("id")).value_or(0);
}

// Which form of the page failed, kept as typed.
struct OutcomesState {
  std::string section;  // "events", "measures", "follow_ups"
  const Form* form = nullptr;
  const Error* error = nullptr;
  std::string notice;
};

// The form of `section`: the one that failed keeps what was typed and its errors; the others
// start afresh.
mstch::map FormModel(const Context& context, const OutcomesState& state, const std::string& section,
                     std::initializer_list<std::string> names) {
  if (state.section == section && state.form) return state.form->Model(context, names, state.error);
  return EmptyForm(names);
}

// The organisation's users by id, to name who recorded what.
using Users = decltype(core_members::OrganisationUsers(std::declval<Context&>()));

mstch::array EventRows(const Context& context, const OutcomesPage& page, const Users& users) {
  mstch::array events;
  for (const auto& event : page.events) {
    const std::string path = "/core-members/outcomes/events/" + std::to_string(event.id);
    events.push_back(mstch::map{{"id", std::to_string(event.id)},
                                {"date", ShowDate(context, event.occurred_on)},
                                {"kind", context.Translate(domain::LabelOf(event.kind))},
                                {"category", context.Translate(domain::LabelOf(event.category))},
                                {"period", context.Translate(domain::LabelOf(event.period))},
                                {"source", context.Translate(domain::LabelOf(event.source))},
                                {"reference", event.reference},
                                {"who", core_members::UserName(context, users, event.recorded_by)},
                                {"edit_href", path + "/edit"},
                                {"remove_action", path + "/remove"}});
  }
  return events;
}

mstch::array MeasureRows(const Context& context, const OutcomesPage& page) {
  mstch::array measures;
  for (const auto& measure : page.measures) {
    mstch::array levels;
    for (const auto dimension : domain::EnumValues<domain::OutcomeDimension>()) {
      levels.push_back(
          mstch::map{{"text", LevelText(context, page.scales[static_cast<std::size_t>(dimension)],
                                        measure.Level(dimension))}});
    }
    measures.push_back(
        mstch::map{{"id", std::to_string(measure.id)},
                   {"date", ShowDate(context, measure.measured_on)},
                   {"occasion", context.Translate(domain::LabelOf(measure.occasion))},
                   {"levels", levels},
                   {"remove_action",
                    "/core-members/outcomes/measures/" + std::to_string(measure.id) + "/remove"}});
  }
  return measures;
}

mstch::map EventFormView(const Context& context, const OutcomesState& state, CivilDate today) {
  mstch::map event_form;
  if (state.section == "events" && state.form) {
    AddFields(context, EventFields(), {.form = state.form, .error = state.error}, event_form);
  } else {
    AddFields(context, EventFields(),
              {.initial = {{"occurred_on", FormatIsoDate(today)}, {"circle_period", "during"}}},
              event_form);
  }
  return event_form;
}

mstch::map MeasureFormView(const Context& context, const OutcomesPage& page,
                           const OutcomesState& state, CivilDate today) {
  mstch::map measure_form = FormModel(context, state, "measures", kMeasureFields);
  // Each dimension's level, as typed in the form that failed (its error is in place already).
  const bool failed = state.section == "measures" && state.form;
  for (const auto dimension : domain::EnumValues<domain::OutcomeDimension>()) {
    const std::string name(domain::NameOf(dimension));
    mstch::map entry;
    if (const auto found = measure_form.find(name); found != measure_form.end()) {
      if (const auto* existing = boost::get<mstch::map>(&found->second)) entry = *existing;
    }
    entry["value"] = failed ? state.form->Get(name) : std::string();
    measure_form[name] = entry;
  }
  if (state.section != "measures") {
    measure_form["measured_on"] = mstch::map{{"value", FormatIsoDate(today)}};
  }
  measure_form["occasion_choices"] = Choices(EnumChoices<domain::MeasureOccasion>(context),
                                             core_members::ValueOf(measure_form, "occasion"));
  mstch::array scale_fields;
  for (const auto dimension : domain::EnumValues<domain::OutcomeDimension>()) {
    const std::string name(domain::NameOf(dimension));
    mstch::map field{
        {"name", name},
        {"label", context.Translate(domain::LabelOf(dimension))},
        {"choices", Choices(LevelChoices(context, page.scales[static_cast<std::size_t>(dimension)]),
                            core_members::ValueOf(measure_form, name))}};
    if (const auto found = measure_form.find(name); found != measure_form.end()) {
      if (const auto* entry = boost::get<mstch::map>(&found->second)) {
        if (const auto error = entry->find("error"); error != entry->end()) {
          field["error"] = error->second;
        }
      }
    }
    scale_fields.push_back(std::move(field));
  }
  measure_form["scale_fields"] = scale_fields;
  return measure_form;
}

// Follow-ups of public records, once the file is closed.
void AddFollowUps(const Context& context, const OutcomesPage& page, const OutcomesState& state,
                  CivilDate today, mstch::map& model) {
  if (!page.closed_on) return;
  mstch::array follow_ups;
  std::vector<Choice> open_milestones;
  for (const auto& follow_up : domain::FollowUpSchedule(*page.closed_on, page.checks)) {
    const std::string months = std::to_string(follow_up.milestone_months);
    const std::string label =
        context.Format({N_("{months} months after closure"), {{"months", months}}});
    mstch::map row{{"label", label}, {"due", ShowDate(context, follow_up.due_on)}};
    if (follow_up.check) {
      row["done"] = ShowDate(context, follow_up.check->checked_on);
      row["found_events"] = follow_up.check->found_events;
    } else {
      open_milestones.push_back({months, label});
      row["overdue"] = follow_up.due_on < today;
      row["due_soon"] = follow_up.Pending(today) && !(follow_up.due_on < today);
    }
    follow_ups.push_back(std::move(row));
  }
  mstch::map follow_up_form = FormModel(context, state, "follow_ups", kFollowUpFields);
  if (state.section != "follow_ups") {
    follow_up_form["checked_on"] = mstch::map{{"value", FormatIsoDate(today)}};
  }
  follow_up_form["milestone_choices"] =
      Choices(open_milestones, core_members::ValueOf(follow_up_form, "milestone"));
  follow_up_form["found_checked"] = core_members::ValueOf(follow_up_form, "found_events") == "1";
  model["closed"] = true;
  model["closed_on"] = ShowDate(context, *page.closed_on);
  model["follow_ups"] = follow_ups;
  model["follow_up_form"] = follow_up_form;
  model["can_record_follow_up"] = !open_milestones.empty();
}

// The outcomes page's template data.
// The goals of his circles' plans with their latest progress, and how many were met.
mstch::map PlanGoalsView(const Context& context, const app::circles::PlanOutcomes& plan) {
  mstch::array goals;
  for (const auto& row : plan.goals) {
    goals.push_back(
        mstch::map{{"circle", row.circle},
                   {"area", context.Translate(domain::LabelOf(row.goal.area))},
                   {"goal", row.goal.goal},
                   {"progress", row.progress ? context.Translate(domain::LabelOf(*row.progress))
                                             : context.Translate(N_("No progress recorded yet"))},
                   {"met", row.progress == domain::GoalProgress::kMet}});
  }
  return mstch::map{{"goals", goals},
                    {"none", goals.empty()},
                    {"met", context.Format({N_("Goals met over the circles' life: {count}"),
                                            {{"count", std::to_string(plan.met)}}})}};
}

// The assessments received from corrections that his circles' reviews relied on.
mstch::array ReviewAssessmentsView(const Context& context, const OutcomesPage& page) {
  mstch::array rows;
  for (const auto& [held_on, assessment] : page.review_assessments) {
    rows.push_back(mstch::map{{"review_date", ShowDate(context, held_on)},
                              {"tool", assessment.tool == domain::RiskTool::kOther
                                           ? assessment.tool_other
                                           : context.Translate(domain::LabelOf(assessment.tool))},
                              {"score", assessment.score},
                              {"level", assessment.level},
                              {"assessed_on", ShowDate(context, assessment.assessed_on)},
                              {"assessor", assessment.assessor}});
  }
  return rows;
}

mstch::map OutcomesView(Context& context, const OutcomesPage& page, const OutcomesState& state) {
  const auto& member = page.core_member;
  const auto users = core_members::OrganisationUsers(context);
  const auto today = context.services.app.Today();
  const auto events = EventRows(context, page, users);
  const auto measures = MeasureRows(context, page);
  mstch::map model{{"id", std::to_string(member.id)},
                   {"href", OutcomesHref(member.id)},
                   {"file_href", core_members::FileHref(member.id)},
                   {"name", member.name_used()},
                   {"file_number", member.file_number},
                   {"status", context.Translate(domain::LabelOf(member.status))},
                   {"events", events},
                   {"no_events", events.empty()},
                   {"measures", measures},
                   {"no_measures", measures.empty()},
                   {"today", FormatIsoDate(today)}};
  mstch::array dimension_headers;
  for (const auto dimension : domain::EnumValues<domain::OutcomeDimension>()) {
    dimension_headers.push_back(
        mstch::map{{"label", context.Translate(domain::LabelOf(dimension))}});
  }
  model["dimension_headers"] = dimension_headers;
  mstch::array endings;
  for (const auto& ending : page.endings) {
    endings.push_back(circles::EndingSummaryView(context, ending));
  }
  model["endings"] = endings;
  model["no_endings"] = endings.empty();
  model["plan"] = PlanGoalsView(context, page.plan);
  model["event_form"] = EventFormView(context, state, today);
  model["measure_form"] = MeasureFormView(context, page, state, today);
  AddFollowUps(context, page, state, today, model);
  for (auto& [key, value] : core_members::FactorHistoryView(context, page.factor_ratings)) {
    model[key] = std::move(value);
  }
  model["review_assessments"] = ReviewAssessmentsView(context, page);
  model["has_review_assessments"] = !page.review_assessments.empty();
  model["viewers"] =
      core_members::Viewers(context, "outcome.view", kCoreMemberType, member.id, users);
  if (state.error) model["form_error"] = context.Format(state.error->message);
  if (!state.notice.empty()) model["notice"] = state.notice;
  return model;
}

// The outcomes page of file `core_member_id` (a view recorded), with `state`.
Response RenderOutcomes(Context& context, std::int64_t core_member_id, const OutcomesState& state) {
  const auto page =
      app::reports::LoadOutcomesPage(context.services.app, context.signed_in(), core_member_id);
  if (!page) return Deny(context, kCoreMemberType, context.Parameter("id"));
  return RenderPage(
      context, "report_outcomes",
      context.Format({N_("Outcomes — {name}"), {{"name", page->core_member.name_used()}}}),
      OutcomesView(context, *page, state), state.error ? StatusFor(state.error->kind) : 200);
}

// The notice of a redirect after a change.
std::string Notice(const Context& context) {
  const std::string done = reports::QueryValue(context, "done");
  if (done == "saved") return context.Translate(N_("The change is saved."));
  if (done == "removed") return context.Translate(N_("The entry is removed."));
  return "";
}

// The edit form of `page`'s event showing `values`.
Response RenderEventForm(Context& context, const app::reports::EventPage& page,
                         const FieldValues<domain::RecidivismEvent>& values, int status) {
  mstch::map model;
  AddFields(context, EventFields(), values, model);
  model["action"] = "/core-members/outcomes/events/" + std::to_string(page.event.id) + "/edit";
  model["back"] = OutcomesHref(page.core_member.id);
  model["name"] = page.core_member.name_used();
  model["file_number"] = page.core_member.file_number;
  return RenderPage(context, "report_event_form", context.Translate(N_("Edit the event")),
                    std::move(model), status);
}

// Answers a change to file `core_member_id` refused in `section`: the audited 404 when the actor
// may not change it, the page with the form as typed otherwise.
Response RefusedChange(Context& context, const Error& refused, std::int64_t core_member_id,
                       const std::string& section, const Form& form) {
  return Refusal(context, refused, kCoreMemberType, context.Parameter("id"),
                 [&](const Error& error) {
                   return RenderOutcomes(context, core_member_id, {section, &form, &error, ""});
                 });
}

// Records a form of the outcomes page of the file in the path: `read` reads it, `record` stores
// it. Back to the page at `anchor`, or the page with the form of `section` as typed.
template <class Read, class Record>
Response RecordOnPage(Context& context, const std::string& section, const std::string& anchor,
                      Read read, Record record) {
  const Form form(context.request);
  const auto id = IdParameter(context);
  const auto created = record(context.services.app, context.signed_in(), id, read(form));
  if (!created) return RefusedChange(context, created.error(), id, section, form);
  return Response::Redirect(OutcomesHref(id) + "?done=saved#" + anchor);
}

// Removes the entry in the path, recorded by mistake, with `remove` (denied as `object_type`); back
// to its file's outcomes at `anchor`.
template <class Remove>
Response RemoveFromPage(Context& context, std::string_view object_type, const std::string& anchor,
                        Remove remove) {
  const auto removed = remove(context.services.app, context.signed_in(), IdParameter(context));
  if (!removed) return Deny(context, object_type, context.Parameter("id"));
  return Response::Redirect(OutcomesHref(*removed) + "?done=removed#" + anchor);
}

}  // namespace

Response ShowOutcomes(Context& context) {
  return RenderOutcomes(context, IdParameter(context), {"", nullptr, nullptr, Notice(context)});
}

Response CreateEvent(Context& context) {
  return RecordOnPage(context, "events", "events", ReadEvent, app::reports::RecordEvent);
}

Response ShowEditEvent(Context& context) {
  const auto page = app::reports::LoadEvent(context.services.app, context.signed_in(),
                                            IdParameter(context), app::reports::RecordView::kYes);
  if (!page) return Deny(context, "recidivism_event", context.Parameter("id"));
  return RenderEventForm(context, *page, {.record = &page->event}, 200);
}

Response EditEvent(Context& context) {
  const Form form(context.request);
  const auto id = IdParameter(context);
  const auto saved =
      app::reports::EditEvent(context.services.app, context.signed_in(), id, ReadEvent(form));
  if (!saved) {
    return Refusal(context, saved.error(), "recidivism_event", context.Parameter("id"),
                   [&](const Error& error) {
                     const auto page =
                         app::reports::LoadEvent(context.services.app, context.signed_in(), id,
                                                 app::reports::RecordView::kNo);
                     if (!page) return Deny(context, "recidivism_event", context.Parameter("id"));
                     return RenderEventForm(context, *page, {.form = &form, .error = &error},
                                            StatusFor(error.kind));
                   });
  }
  return Response::Redirect(OutcomesHref(*saved) + "?done=saved#events");
}

Response RemoveEvent(Context& context) {
  return RemoveFromPage(context, "recidivism_event", "events", app::reports::RemoveEvent);
}

Response CreateMeasure(Context& context) {
  return RecordOnPage(context, "measures", "measures", ReadMeasure, app::reports::RecordMeasure);
}

Response RemoveMeasure(Context& context) {
  return RemoveFromPage(context, "outcome_measure", "measures", app::reports::RemoveMeasure);
}

Response RecordFollowUp(Context& context) {
  return RecordOnPage(context, "follow_ups", "follow-ups", ReadFollowUp,
                      app::reports::RecordFollowUp);
}

}  // namespace cercle::web::pages::core_members
