// The outcomes of one core member's file: recidivism events, outcome measures and the follow-ups
// of public records after closure. Coordinators and organisation admins only (OutcomePolicy), every
// view and change audited.
#include "auth/policies/report_policy.hpp"
#include "domain/intake_fields.hpp"
#include "store/core_member_store.hpp"
#include "store/outcome_store.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/core_members/core_member_common.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/pages/reports/report_pages.hpp"
#include "web/pages/reports/report_views.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::reports {
namespace {

using auth::policies::OutcomePolicy;
using core_members::Choice;
using core_members::Choices;

constexpr const char* kCoreMemberType = "core_member";

const std::initializer_list<std::string> kEventFields = {"occurred_on",   "kind",   "category",
                                                         "circle_period", "source", "reference"};
const std::initializer_list<std::string> kMeasureFields = {"measured_on", "occasion", "housing",
                                                           "occupation", "social_network"};
const std::initializer_list<std::string> kFollowUpFields = {"milestone", "checked_on",
                                                            "found_events"};

std::string OutcomesHref(std::int64_t core_member_id) {
  return "/core-members/" + std::to_string(core_member_id) + "/outcomes";
}

template <class Enum, class Name, class Label>
std::vector<Choice> EnumChoices(const Context& context, const std::vector<Enum>& values, Name name,
                                Label label) {
  std::vector<Choice> choices;
  for (const auto value : values) {
    choices.push_back({std::string(name(value)), context.Translate(label(value))});
  }
  return choices;
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

// The event form's select and radio choices, with what the model says is chosen.
void AddEventChoices(const Context& context, mstch::map& model) {
  model["kind_choices"] =
      Choices(EnumChoices(context, domain::RecidivismKinds(), domain::RecidivismKindName,
                          domain::RecidivismKindLabel),
              core_members::ValueOf(model, "kind"));
  model["category_choices"] =
      Choices(EnumChoices(context, domain::OffenceCategories(), domain::OffenceCategoryName,
                          domain::OffenceCategoryLabel),
              core_members::ValueOf(model, "category"));
  model["period_choices"] =
      Choices(EnumChoices(context, domain::CirclePeriods(), domain::CirclePeriodName,
                          domain::CirclePeriodLabel),
              core_members::ValueOf(model, "circle_period"));
  model["source_choices"] = Choices(EnumChoices(context, domain::EventSources(),
                                                domain::EventSourceName, domain::EventSourceLabel),
                                    core_members::ValueOf(model, "source"));
}

// Reads the event form into `event`; parse errors go to `errors`.
void ReadEvent(const Form& form, domain::RecidivismEvent& event, std::vector<FieldError>& errors) {
  const auto occurred_on = core_members::DateField(form, "occurred_on", true,
                                                   N_("Enter the date of the event."), errors);
  if (occurred_on) event.occurred_on = *occurred_on;
  const auto choose = [&](const std::string& field, auto parsed, auto& target) {
    if (parsed) {
      target = *parsed;
    } else {
      errors.push_back({field, {N_("Choose one of the options."), {}}});
    }
  };
  choose("kind", domain::ParseRecidivismKind(form.Get("kind")), event.kind);
  choose("category", domain::ParseOffenceCategory(form.Get("category")), event.category);
  choose("circle_period", domain::ParseCirclePeriod(form.Get("circle_period")), event.period);
  choose("source", domain::ParseEventSource(form.Get("source")), event.source);
  event.reference = form.Get("reference");
}

// The form model of a stored event.
mstch::map EventValues(const domain::RecidivismEvent& event) {
  return core_members::Values(
      {{"occurred_on", domain::FormatIsoDate(event.occurred_on)},
       {"kind", std::string(domain::RecidivismKindName(event.kind))},
       {"category", std::string(domain::OffenceCategoryName(event.category))},
       {"circle_period", std::string(domain::CirclePeriodName(event.period))},
       {"source", std::string(domain::EventSourceName(event.source))},
       {"reference", event.reference}});
}

// The date the file was last closed, when it is closed.
std::optional<domain::CivilDate> ClosedOn(Context& context, const domain::CoreMember& member) {
  if (member.status != domain::CoreMemberStatus::kClosed) return std::nullopt;
  const auto history =
      context.services.database.Read(context.signed_in().scope(), [&](soci::session& session) {
        return store::CoreMemberStore(session).History(member.id, member.organisation_id);
      });
  std::optional<Instant> closed;
  for (const auto& change : history) {
    if (change.to == domain::CoreMemberStatus::kClosed) closed = change.changed_at;
  }
  if (!closed) return std::nullopt;
  return context.services.translator.LocalDate(*closed);
}

// Which form of the page failed, kept as typed.
struct OutcomesState {
  std::string section;  // "events", "measures", "follow_ups"
  const Form* form = nullptr;
  const Error* error = nullptr;
  std::string notice;
};

Response RenderOutcomes(Context& context, const domain::CoreMember& member,
                        const OutcomesState& state) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = member.organisation_id;
  struct Loaded {
    std::vector<domain::RecidivismEvent> events;
    std::vector<domain::OutcomeMeasure> measures;
    std::vector<domain::FollowUpCheck> checks;
    std::vector<domain::OutcomeScale> scales;
  };
  const auto loaded = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    store::OutcomeStore store(session);
    return Loaded{store.ListEvents(member.id, organisation),
                  store.ListMeasures(member.id, organisation),
                  store.ListChecks(member.id, organisation), store.Scales(organisation)};
  });
  core_members::RecordView(context, "outcome.view", kCoreMemberType, std::to_string(member.id));
  const auto users = core_members::OrganisationUsers(context);
  const auto today = Today(context);
  const std::string href = OutcomesHref(member.id);

  mstch::array events;
  for (const auto& event : loaded.events) {
    events.push_back(mstch::map{
        {"id", std::to_string(event.id)},
        {"date", ShowDate(context, event.occurred_on)},
        {"kind", context.Translate(domain::RecidivismKindLabel(event.kind))},
        {"category", context.Translate(domain::OffenceCategoryLabel(event.category))},
        {"period", context.Translate(domain::CirclePeriodLabel(event.period))},
        {"source", context.Translate(domain::EventSourceLabel(event.source))},
        {"reference", event.reference},
        {"who", core_members::UserName(context, users, event.recorded_by)},
        {"edit_href", "/core-members/outcomes/events/" + std::to_string(event.id) + "/edit"},
        {"remove_action",
         "/core-members/outcomes/events/" + std::to_string(event.id) + "/remove"}});
  }
  mstch::array measures;
  for (const auto& measure : loaded.measures) {
    mstch::array levels;
    for (const auto dimension : domain::OutcomeDimensions()) {
      levels.push_back(
          mstch::map{{"text", LevelText(context, loaded.scales[static_cast<std::size_t>(dimension)],
                                        measure.Level(dimension))}});
    }
    measures.push_back(
        mstch::map{{"id", std::to_string(measure.id)},
                   {"date", ShowDate(context, measure.measured_on)},
                   {"occasion", context.Translate(domain::MeasureOccasionLabel(measure.occasion))},
                   {"levels", levels},
                   {"remove_action",
                    "/core-members/outcomes/measures/" + std::to_string(measure.id) + "/remove"}});
  }

  mstch::map model{{"id", std::to_string(member.id)},
                   {"href", href},
                   {"file_href", core_members::FileHref(member.id)},
                   {"name", member.name_used()},
                   {"file_number", member.file_number},
                   {"status", context.Translate(domain::CoreMemberStatusLabel(member.status))},
                   {"events", events},
                   {"no_events", events.empty()},
                   {"measures", measures},
                   {"no_measures", measures.empty()},
                   {"today", domain::FormatIsoDate(today)}};
  mstch::array dimension_headers;
  for (const auto dimension : domain::OutcomeDimensions()) {
    dimension_headers.push_back(
        mstch::map{{"label", context.Translate(domain::OutcomeDimensionLabel(dimension))}});
  }
  model["dimension_headers"] = dimension_headers;

  // The forms: the one that failed keeps what was typed and its errors; the others start afresh.
  const auto form_model = [&](const std::string& section,
                              std::initializer_list<std::string> names) {
    if (state.section == section && state.form)
      return state.form->Model(context, names, state.error);
    return EmptyForm(names);
  };
  mstch::map event_form = form_model("events", kEventFields);
  if (state.section != "events") {
    event_form["occurred_on"] = mstch::map{{"value", domain::FormatIsoDate(today)}};
    event_form["circle_period"] = mstch::map{{"value", std::string("during")}};
  }
  AddEventChoices(context, event_form);
  model["event_form"] = event_form;

  mstch::map measure_form = form_model("measures", kMeasureFields);
  if (state.section != "measures") {
    measure_form["measured_on"] = mstch::map{{"value", domain::FormatIsoDate(today)}};
  }
  measure_form["occasion_choices"] =
      Choices(EnumChoices(context, domain::MeasureOccasions(), domain::MeasureOccasionName,
                          domain::MeasureOccasionLabel),
              core_members::ValueOf(measure_form, "occasion"));
  mstch::array scale_fields;
  for (const auto dimension : domain::OutcomeDimensions()) {
    const std::string name(domain::OutcomeDimensionName(dimension));
    mstch::map field{
        {"name", name},
        {"label", context.Translate(domain::OutcomeDimensionLabel(dimension))},
        {"choices",
         Choices(LevelChoices(context, loaded.scales[static_cast<std::size_t>(dimension)]),
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
  model["measure_form"] = measure_form;

  // Follow-ups of public records, once the file is closed.
  if (const auto closed_on = ClosedOn(context, member)) {
    mstch::array follow_ups;
    std::vector<Choice> open_milestones;
    for (const auto& follow_up : domain::FollowUpSchedule(*closed_on, loaded.checks)) {
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
    mstch::map follow_up_form = form_model("follow_ups", kFollowUpFields);
    if (state.section != "follow_ups") {
      follow_up_form["checked_on"] = mstch::map{{"value", domain::FormatIsoDate(today)}};
    }
    follow_up_form["milestone_choices"] =
        Choices(open_milestones, core_members::ValueOf(follow_up_form, "milestone"));
    follow_up_form["found_checked"] = core_members::ValueOf(follow_up_form, "found_events") == "1";
    model["closed"] = true;
    model["closed_on"] = ShowDate(context, *closed_on);
    model["follow_ups"] = follow_ups;
    model["follow_up_form"] = follow_up_form;
    model["can_record_follow_up"] = !open_milestones.empty();
  }
  model["viewers"] =
      core_members::Viewers(context, "outcome.view", kCoreMemberType, member.id, users);
  if (state.error) model["form_error"] = context.Format(state.error->message);
  if (!state.notice.empty()) model["notice"] = state.notice;
  return RenderPage(context, "report_outcomes",
                    context.Format({N_("Outcomes — {name}"), {{"name", member.name_used()}}}),
                    std::move(model), state.error ? StatusFor(state.error->kind) : 200);
}

// The notice of a redirect after a change.
std::string Notice(const Context& context) {
  const std::string done = QueryValue(context, "done");
  if (done == "saved") return context.Translate(N_("The change is saved."));
  if (done == "removed") return context.Translate(N_("The entry is removed."));
  return "";
}

// Records a change by the actor inside the caller's write transaction.
void Audit(Context& context, soci::session& session, const std::string& action,
           const std::string& object_type, std::int64_t object_id) {
  core_members::RecordChange(context, session, action, object_type, std::to_string(object_id));
}

// The event named by the {id} path parameter, when the actor may see its file.
std::optional<domain::RecidivismEvent> FindVisibleEvent(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto& actor = context.signed_in();
  if (!id || !actor.organisation_id) return std::nullopt;
  auto event = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::OutcomeStore(session).FindEvent(*id, *actor.organisation_id);
  });
  if (!event || !OutcomePolicy::CanChange(actor, event->organisation_id)) return std::nullopt;
  return event;
}

Response RenderEventForm(Context& context, const domain::RecidivismEvent& event,
                         const domain::CoreMember& member, mstch::map model, int status) {
  AddEventChoices(context, model);
  model["action"] = "/core-members/outcomes/events/" + std::to_string(event.id) + "/edit";
  model["back"] = OutcomesHref(member.id);
  model["name"] = member.name_used();
  model["file_number"] = member.file_number;
  return RenderPage(context, "report_event_form", context.Translate(N_("Edit the event")),
                    std::move(model), status);
}

}  // namespace

Response ShowOutcomes(Context& context) {
  const auto member = core_members::FindVisibleCoreMember(context);
  if (!member || !OutcomePolicy::CanView(context.signed_in(), member->organisation_id)) {
    return Deny(context, kCoreMemberType, context.Parameter("id"));
  }
  return RenderOutcomes(context, *member, {"", nullptr, nullptr, Notice(context)});
}

Response CreateEvent(Context& context) {
  const auto member = core_members::FindVisibleCoreMember(context);
  const auto& actor = context.signed_in();
  if (!member || !OutcomePolicy::CanChange(actor, member->organisation_id)) {
    return Deny(context, kCoreMemberType, context.Parameter("id"));
  }
  const Form form(context.request);
  std::vector<FieldError> errors;
  domain::RecidivismEvent event;
  event.organisation_id = member->organisation_id;
  event.core_member_id = member->id;
  ReadEvent(form, event, errors);
  event.recorded_by = actor.user_id;
  event.recorded_at = event.updated_at = context.services.clock.Now();
  auto problem =
      core_members::Combine(std::move(errors), domain::CheckRecidivismEvent(event, Today(context)));
  if (problem) return RenderOutcomes(context, *member, {"events", &form, &*problem, ""});
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    event.id = store::OutcomeStore(session).InsertEvent(event);
    Audit(context, session, "outcome.create", "recidivism_event", event.id);
    return {};
  });
  return Response::Redirect(OutcomesHref(member->id) + "?done=saved#events");
}

Response ShowEditEvent(Context& context) {
  const auto event = FindVisibleEvent(context);
  const auto member =
      event ? core_members::FindVisibleCoreMember(context, event->core_member_id) : std::nullopt;
  if (!event || !member) return Deny(context, "recidivism_event", context.Parameter("id"));
  core_members::RecordView(context, "outcome.view", kCoreMemberType, std::to_string(member->id));
  return RenderEventForm(context, *event, *member, EventValues(*event), 200);
}

Response EditEvent(Context& context) {
  const auto event = FindVisibleEvent(context);
  const auto member =
      event ? core_members::FindVisibleCoreMember(context, event->core_member_id) : std::nullopt;
  if (!event || !member) return Deny(context, "recidivism_event", context.Parameter("id"));
  const Form form(context.request);
  std::vector<FieldError> errors;
  domain::RecidivismEvent changed = *event;
  ReadEvent(form, changed, errors);
  changed.updated_at = context.services.clock.Now();
  auto problem = core_members::Combine(std::move(errors),
                                       domain::CheckRecidivismEvent(changed, Today(context)));
  if (problem) {
    return RenderEventForm(context, *event, *member, form.Model(context, kEventFields, &*problem),
                           StatusFor(problem->kind));
  }
  (void)context.services.database.Write(
      context.signed_in().scope(), [&](soci::session& session) -> Status {
        store::OutcomeStore(session).UpdateEvent(changed);
        Audit(context, session, "outcome.update", "recidivism_event", changed.id);
        return {};
      });
  return Response::Redirect(OutcomesHref(member->id) + "?done=saved#events");
}

Response RemoveEvent(Context& context) {
  const auto event = FindVisibleEvent(context);
  if (!event) return Deny(context, "recidivism_event", context.Parameter("id"));
  (void)context.services.database.Write(
      context.signed_in().scope(), [&](soci::session& session) -> Status {
        store::OutcomeStore(session).DeleteEvent(event->id, event->organisation_id);
        Audit(context, session, "outcome.remove", "recidivism_event", event->id);
        return {};
      });
  return Response::Redirect(OutcomesHref(event->core_member_id) + "?done=removed#events");
}

Response CreateMeasure(Context& context) {
  const auto member = core_members::FindVisibleCoreMember(context);
  const auto& actor = context.signed_in();
  if (!member || !OutcomePolicy::CanChange(actor, member->organisation_id)) {
    return Deny(context, kCoreMemberType, context.Parameter("id"));
  }
  const Form form(context.request);
  std::vector<FieldError> errors;
  domain::OutcomeMeasure measure;
  measure.organisation_id = member->organisation_id;
  measure.core_member_id = member->id;
  const auto measured_on = core_members::DateField(form, "measured_on", true,
                                                   N_("Enter the date of the measure."), errors);
  if (measured_on) measure.measured_on = *measured_on;
  const auto occasion = domain::ParseMeasureOccasion(form.Get("occasion"));
  if (!occasion) errors.push_back({"occasion", {N_("Choose one of the options."), {}}});
  measure.occasion = occasion.value_or(domain::MeasureOccasion::kStart);
  for (const auto dimension : domain::OutcomeDimensions()) {
    const std::string text = form.Get(std::string(domain::OutcomeDimensionName(dimension)));
    const bool number = !text.empty() && text.size() <= 2 &&
                        text.find_first_not_of("0123456789") == std::string::npos;
    measure.levels[static_cast<std::size_t>(dimension)] = number ? std::stoi(text) : 0;
  }
  measure.recorded_by = actor.user_id;
  measure.recorded_at = context.services.clock.Now();
  const auto scales = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::OutcomeStore(session).Scales(member->organisation_id);
  });
  auto problem = core_members::Combine(
      std::move(errors), domain::CheckOutcomeMeasure(measure, scales, Today(context)));
  if (problem) return RenderOutcomes(context, *member, {"measures", &form, &*problem, ""});
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    measure.id = store::OutcomeStore(session).InsertMeasure(measure);
    Audit(context, session, "outcome.create", "outcome_measure", measure.id);
    return {};
  });
  return Response::Redirect(OutcomesHref(member->id) + "?done=saved#measures");
}

Response RemoveMeasure(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto& actor = context.signed_in();
  std::optional<domain::OutcomeMeasure> measure;
  if (id && actor.organisation_id) {
    measure = context.services.database.Read(actor.scope(), [&](soci::session& session) {
      return store::OutcomeStore(session).FindMeasure(*id, *actor.organisation_id);
    });
  }
  if (!measure || !OutcomePolicy::CanChange(actor, measure->organisation_id)) {
    return Deny(context, "outcome_measure", context.Parameter("id"));
  }
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::OutcomeStore(session).DeleteMeasure(measure->id, measure->organisation_id);
    Audit(context, session, "outcome.remove", "outcome_measure", measure->id);
    return {};
  });
  return Response::Redirect(OutcomesHref(measure->core_member_id) + "?done=removed#measures");
}

Response RecordFollowUp(Context& context) {
  const auto member = core_members::FindVisibleCoreMember(context);
  const auto& actor = context.signed_in();
  if (!member || !OutcomePolicy::CanChange(actor, member->organisation_id)) {
    return Deny(context, kCoreMemberType, context.Parameter("id"));
  }
  const Form form(context.request);
  const auto closed_on = ClosedOn(context, *member);
  if (!closed_on) {
    const Error error =
        Error::Conflict(N_("Follow-ups start once the file is closed. This file is open."));
    return RenderOutcomes(context, *member, {"follow_ups", &form, &error, ""});
  }
  std::vector<FieldError> errors;
  domain::FollowUpCheck check;
  check.organisation_id = member->organisation_id;
  check.core_member_id = member->id;
  const std::string milestone = form.Get("milestone");
  const bool number = !milestone.empty() && milestone.size() <= 2 &&
                      milestone.find_first_not_of("0123456789") == std::string::npos;
  check.milestone_months = number ? std::stoi(milestone) : 0;
  const auto checked_on =
      core_members::DateField(form, "checked_on", true, N_("Enter the date of the check."), errors);
  if (checked_on) check.checked_on = *checked_on;
  check.found_events = form.Get("found_events") == "1";
  check.recorded_by = actor.user_id;
  check.recorded_at = context.services.clock.Now();
  auto problem = core_members::Combine(
      std::move(errors),
      checked_on ? domain::CheckFollowUpCheck(check, *closed_on, Today(context)) : Status());
  if (!problem && !domain::IsFollowUpMilestone(check.milestone_months)) {
    problem = Error::Fields({{"milestone", {N_("Choose one of the options."), {}}}});
  }
  if (problem) return RenderOutcomes(context, *member, {"follow_ups", &form, &*problem, ""});
  const auto saved =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        store::OutcomeStore store(session);
        for (const auto& done : store.ListChecks(member->id, member->organisation_id)) {
          if (done.milestone_months == check.milestone_months) {
            return Error::Fields({{"milestone", {N_("This follow-up is recorded already."), {}}}});
          }
        }
        check.id = store.InsertCheck(check);
        Audit(context, session, "outcome.create", "follow_up_check", check.id);
        return {};
      });
  if (!saved) return RenderOutcomes(context, *member, {"follow_ups", &form, &saved.error(), ""});
  return Response::Redirect(OutcomesHref(member->id) + "?done=saved#follow-ups");
}

}  // namespace cercle::web::pages::reports
