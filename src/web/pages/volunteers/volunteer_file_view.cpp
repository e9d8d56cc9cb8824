#include "web/pages/volunteers/volunteer_file_view.hpp"

#include <algorithm>
#include <map>

#include "base/text.hpp"
#include "web/badges.hpp"
#include "web/layout.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"

namespace cercle::web::pages::volunteers {
namespace {

using app::volunteers::FilePage;

// The name of user `id` for the file's lists: "—" for none.
std::string NameOf(const Context& context, const FilePage& page, std::optional<std::int64_t> id) {
  if (!id) return "—";
  const auto found = page.user_names.find(*id);
  return found == page.user_names.end() ? context.Translate(N_("Unknown user")) : found->second;
}

std::string When(const Context& context, Instant at) {
  return context.services.translator.FormatDateTime(context.language, at);
}

mstch::map SectionForm(const Context& context, const FileState& state, FileForm which,
                       std::initializer_list<std::string> names) {
  if (state.which == which && state.form) return state.form->Model(context, names, state.error);
  return EmptyForm(names);
}

void AddDetails(const Context& context, const FilePage& page, mstch::map& model) {
  const auto& volunteer = page.volunteer;
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
      AppendSeparated(periods, ", ", context.Translate(domain::LabelOf(value)));
    }
    if (!periods.empty()) {
      availability.push_back(
          mstch::map{{"day", context.Translate(domain::WeekdayLabel(day))}, {"periods", periods}});
    }
  }
  model["availability"] = availability;
  model["availability_notes"] = volunteer.availability_notes;
  const int minimum_age =
      static_cast<int>(page.setup.settings.Get(domain::SettingKey::kVolunteerMinimumAge));
  if (volunteer.date_of_birth) {
    const int age = domain::AgeOn(*volunteer.date_of_birth, page.today);
    model["date_of_birth"] = FormatDate(context, *volunteer.date_of_birth);
    model["age"] = context.Format({N_("{age} years old"), {{"age", std::to_string(age)}}});
    model["under_minimum_age"] = age < minimum_age;
    model["minimum_age"] = std::to_string(minimum_age);
  }
  model["occupation"] = volunteer.occupation;
  if (volunteer.heard_about) {
    model["heard_about"] = context.Translate(domain::LabelOf(*volunteer.heard_about));
  }
  model["gender"] = volunteer.gender;
  model["notes"] = volunteer.notes;
  if (volunteer.user_id) model["account"] = NameOf(context, page, volunteer.user_id);
  model["ready"] = page.gate.passed();
  model["gate_failures"] = GateFailureTexts(context, page.gate);
  model["on_hold"] = page.on_hold;
}

// The next steps in one form; the moves that close the file (exited, not retained) in another,
// which asks for a confirmation. A refused post shows what was typed in the form it came from.
void AddMoves(const Context& context, const FilePage& page, const FileState& state,
              mstch::map& model) {
  const std::string chosen =
      state.which == FileForm::kMove && state.form ? state.form->Get("to") : "";
  const auto chosen_stage = domain::ParseEnum<domain::VolunteerStage>(chosen);
  const bool closing_typed = chosen_stage && domain::IsClosedStage(*chosen_stage);
  const FileState none;
  mstch::map move =
      SectionForm(context, closing_typed ? none : state, FileForm::kMove, {"to", "reason"});
  mstch::map close =
      SectionForm(context, closing_typed ? state : none, FileForm::kMove, {"to", "reason"});
  mstch::array moves, closings;
  bool has_forward = false;
  for (const auto stage : domain::AllowedMoves(page.volunteer.stage)) {
    const std::string name(domain::NameOf(stage));
    // The step forward is chosen already: moving on is one click, and needs no reason.
    const bool forward = domain::IsForwardMove(page.volunteer.stage, stage);
    has_forward = has_forward || forward;
    const std::string label = context.Translate(domain::LabelOf(stage));
    (domain::IsClosedStage(stage) ? closings : moves)
        .push_back(mstch::map{
            {"value", name},
            {"label",
             forward ? label : context.Format({N_("{stage} (say why)"), {{"stage", label}}})},
            {"selected", chosen.empty() ? forward : name == chosen}});
  }
  move["choices"] = moves;
  move["blank"] = !has_forward;
  close["choices"] = closings;
  if (closing_typed) close["open"] = true;
  model["move"] = move;
  model["close"] = close;
  model["can_move"] = !moves.empty();
  model["can_close"] = !closings.empty();
  mstch::array history;
  for (auto it = page.history.rbegin(); it != page.history.rend(); ++it) {
    mstch::map entry{{"when", When(context, it->changed_at)},
                     {"to", context.Translate(domain::LabelOf(it->to))},
                     {"who", NameOf(context, page, it->changed_by)},
                     {"reason", it->reason}};
    if (it->from) entry["from"] = context.Translate(domain::LabelOf(*it->from));
    history.push_back(std::move(entry));
  }
  model["history"] = history;
}

std::string ResultBadge(domain::ScreeningResult result) {
  using enum domain::ScreeningResult;
  return ToneOf(result, {.ok = {kPassed}, .warning = {kPending}, .danger = {kFailed}});
}

// One row of the screening table: the type it records, its position among that type's rows, and
// its fields as `form` holds them (empty when none).
mstch::map ScreeningRowModel(const Context& context, const domain::ScreeningItemType& type,
                             int number, int of, int index, const Form* form, const Error* error) {
  const std::string name = "row-" + std::to_string(index);
  const auto field = [&](const std::string& suffix, const std::string& fallback) {
    mstch::map entry{{"id", name + "-" + suffix},
                     {"value", form ? form->Get(name + "-" + suffix) : fallback}};
    if (error) {
      for (const auto& found : error->fields) {
        if (found.field == name + "-" + suffix) entry["error"] = context.Format(found.message);
      }
    }
    return entry;
  };
  std::string label = DataName(context, type.name);
  if (of > 1) label += " (" + std::to_string(number) + "/" + std::to_string(of) + ")";
  mstch::map row{{"name", name},
                 {"type_id", std::to_string(type.id)},
                 {"label", label},
                 {"type", field("type", "")},
                 {"completed_on", field("completed_on", "")},
                 {"expires_on", field("expires_on", "")}};
  row["validity"] = ValidityText(context, type);
  const std::string chosen = form ? form->Get(name + "-result")
                                  : std::string(domain::NameOf(domain::ScreeningResult::kPassed));
  mstch::map result = field("result", "");
  result["choices"] = ScreeningResultChoices(context, chosen);
  row["result"] = result;
  return row;
}

// The rows of the screening table: as posted when a save was refused; otherwise one per item each
// active type still needs, and one for a type complete already (a renewal).
mstch::array ScreeningRows(const Context& context, const FilePage& page,
                           const std::vector<domain::ScreeningTypeStatus>& statuses,
                           const FileState& state) {
  mstch::array rows;
  const bool typed = state.which == FileForm::kScreening && state.form;
  if (typed) {
    std::map<std::string, int> of_type;
    for (int index = 0; index < kMaxScreeningRows; ++index) {
      of_type[state.form->Get("row-" + std::to_string(index) + "-type")] += 1;
    }
    std::map<std::string, int> seen;
    for (int index = 0; index < kMaxScreeningRows; ++index) {
      const std::string type_id = state.form->Get("row-" + std::to_string(index) + "-type");
      const auto type = std::find_if(
          page.setup.screening_types.begin(), page.setup.screening_types.end(),
          [&](const auto& candidate) { return std::to_string(candidate.id) == type_id; });
      if (type == page.setup.screening_types.end()) continue;
      rows.push_back(ScreeningRowModel(context, *type, ++seen[type_id], of_type[type_id], index,
                                       state.form, state.error));
    }
    return rows;
  }
  int index = 0;
  for (const auto& status : statuses) {
    const int needed = std::max(1, std::max(1, status.type.required_count) - status.valid_count);
    for (int number = 1; number <= needed && index < kMaxScreeningRows; ++number) {
      rows.push_back(
          ScreeningRowModel(context, status.type, number, needed, index++, nullptr, nullptr));
    }
  }
  return rows;
}

void AddScreening(const Context& context, const FilePage& page, const FileState& state,
                  mstch::map& model) {
  const auto& setup = page.setup;
  const int notice_days =
      static_cast<int>(setup.settings.Get(domain::SettingKey::kVolunteerExpiryNoticeDays));
  const auto statuses =
      domain::SummariseScreening(setup.screening_types, page.items, page.today, notice_days);
  model["screening"] = ScreeningStatusRows(context, statuses);
  const auto rows = ScreeningRows(context, page, statuses, state);
  model["has_screening_rows"] = !rows.empty();
  model["screening_rows"] = rows;
  model["today"] = FormatIsoDate(page.today);
  std::map<std::int64_t, std::string> type_names;
  for (const auto& type : setup.screening_types) type_names[type.id] = DataName(context, type.name);
  mstch::array items;
  for (const auto& item : page.items) {
    mstch::map row{{"id", std::to_string(item.id)},
                   {"type", type_names[item.type_id]},
                   {"date", FormatDate(context, item.completed_on)},
                   {"result", context.Translate(domain::LabelOf(item.result))},
                   {"result_badge", ResultBadge(item.result)},
                   {"checked_by", NameOf(context, page, item.checked_by)},
                   {"notes", item.notes},
                   {"withdrawn", item.withdrawn_at.has_value()},
                   {"withdrawal_reason", item.withdrawal_reason}};
    if (item.expires_on) {
      row["expires"] = FormatDate(context, *item.expires_on);
      row["expired"] =
          !domain::IsValidOn(item, page.today) && item.result == domain::ScreeningResult::kPassed;
    }
    if (item.document_id)
      row["document"] = "/volunteers/documents/" + std::to_string(*item.document_id);
    items.push_back(std::move(row));
  }
  model["items"] = items;
}

void AddTraining(const Context& context, const FilePage& page, mstch::map& model) {
  model["training"] = TrainingProgressRows(
      context, domain::SummariseTraining(page.setup.training_modules, page.attendance));
  std::map<std::int64_t, std::string> module_names;
  for (const auto& module : page.setup.training_modules)
    module_names[module.id] = DataName(context, module.name);
  mstch::array sessions;
  for (auto it = page.attendance.rbegin(); it != page.attendance.rend(); ++it) {
    sessions.push_back(
        mstch::map{{"date", FormatDate(context, it->held_on)},
                   {"module", module_names[it->module_id]},
                   {"hours", FormatHours(context, it->minutes)},
                   {"href", "/volunteers/training/" + std::to_string(it->session_id)}});
  }
  model["sessions"] = sessions;
}

std::string HoursBadge(domain::HoursStatus status) {
  using enum domain::HoursStatus;
  return ToneOf(status, {.ok = {kApproved}, .warning = {kPending}, .danger = {kRejected}});
}

void AddHours(const Context& context, const FilePage& page, const FileState& state,
              mstch::map& model) {
  const std::int64_t hourly_cents =
      page.setup.settings.Get(domain::SettingKey::kVolunteerHourlyValueCents);
  const auto combined = domain::CombinedHours(page.attendance, page.logged.monthly_sums);
  const auto approved = domain::TotalHours(combined, domain::CountedHours::kApprovedOnly);
  const auto with_pending = domain::TotalHours(combined, domain::CountedHours::kIncludingPending);
  model["hours_total"] = FormatHours(context, approved.total);
  model["hours_pending"] = FormatHours(context, with_pending.total - approved.total);
  model["has_pending"] = with_pending.total > approved.total;
  model["has_approved"] = approved.total > 0;
  model["years"] = YearRows(context, approved, hourly_cents);
  model["months"] = MonthRows(context, approved, hourly_cents);
  AddOwnHoursPagination(context, page.logged, model);
  mstch::array logged;
  for (const auto& entry : page.logged.own_page) {
    logged.push_back(mstch::map{{"id", std::to_string(entry.id)},
                                {"date", FormatDate(context, entry.worked_on)},
                                {"kind", context.Translate(domain::LabelOf(entry.kind))},
                                {"hours", FormatHours(context, entry.minutes)},
                                {"description", entry.description},
                                {"status", context.Translate(domain::LabelOf(entry.status))},
                                {"pending", entry.status == domain::HoursStatus::kPending},
                                {"badge", HoursBadge(entry.status)}});
  }
  model["logged"] = logged;
  const bool typed = state.which == FileForm::kHours && state.form;
  mstch::map hours_form = SectionForm(context, state, FileForm::kHours,
                                      {"worked_on", "kind", "duration", "description"});
  hours_form["kinds"] = HoursKindChoices(context, typed ? state.form->Get("kind") : "");
  if (!typed) hours_form["worked_on"] = mstch::map{{"value", FormatIsoDate(page.today)}};
  model["hours_form"] = hours_form;
}

void AddSupervision(const Context& context, const FilePage& page, const FileState& state,
                    mstch::map& model) {
  if (page.supervision_overdue_days) {
    model["supervision_overdue"] = context.Format(
        {N_("No supervision for {days} days (the program asks for one every {period} days)."),
         {{"days", std::to_string(*page.supervision_overdue_days)},
          {"period", std::to_string(page.supervision_period_days)}}});
  }
  mstch::array supervision;
  for (const auto& session : page.supervision) {
    supervision.push_back(mstch::map{{"date", FormatDate(context, session.held_on)},
                                     {"kind", context.Translate(domain::LabelOf(session.kind))},
                                     {"notes", session.notes},
                                     {"who", NameOf(context, page, session.recorded_by)}});
  }
  model["supervision"] = supervision;
  const bool typed = state.which == FileForm::kSupervision && state.form;
  mstch::map form =
      SectionForm(context, state, FileForm::kSupervision, {"held_on", "kind", "notes"});
  const std::string kind_chosen = typed ? state.form->Get("kind") : "supervision";
  mstch::array kinds;
  for (const auto kind :
       {domain::SupervisionKind::kSupervision, domain::SupervisionKind::kDebriefing}) {
    const std::string name(domain::NameOf(kind));
    kinds.push_back(mstch::map{{"value", name},
                               {"label", context.Translate(domain::LabelOf(kind))},
                               {"selected", name == kind_chosen}});
  }
  form["kinds"] = kinds;
  if (!typed) form["held_on"] = mstch::map{{"value", FormatIsoDate(page.today)}};
  model["supervision_form"] = form;
}

mstch::array Viewers(const Context& context, const FilePage& page) {
  mstch::array viewers;
  for (const auto& entry : page.viewers) {
    viewers.push_back(mstch::map{{"who", NameOf(context, page, entry.event.actor_user_id)},
                                 {"when", When(context, entry.event.at)}});
  }
  return viewers;
}

}  // namespace

std::string FileUrl(std::int64_t id, const std::string& suffix) {
  return "/volunteers/" + std::to_string(id) + suffix;
}

mstch::map FileView(const Context& context, const FilePage& page, const FileState& state) {
  const auto& volunteer = page.volunteer;
  mstch::map model{{"id", std::to_string(volunteer.id)},
                   {"name", volunteer.FullName()},
                   {"stage", context.Translate(domain::LabelOf(volunteer.stage))},
                   {"stage_badge", StageBadge(volunteer.stage)},
                   {"exited", volunteer.stage == domain::VolunteerStage::kExited}};
  if (!state.notice.empty()) model["notice"] = state.notice;
  if (state.error && state.which == FileForm::kScreening && !state.error->fields.empty()) {
    model["form_error"] =
        context.Translate(N_("Nothing is saved: correct the rows marked in the screening table."));
  } else if (state.error && state.which == FileForm::kWithdraw) {
    model["form_error"] = context.Format(
        state.error->fields.empty() ? state.error->message : state.error->fields.front().message);
  } else if (state.error) {
    model["form_error"] = context.Format(state.error->message);
  }
  AddDetails(context, page, model);
  AddMoves(context, page, state, model);
  AddScreening(context, page, state, model);
  AddTraining(context, page, model);
  AddHours(context, page, state, model);
  AddSupervision(context, page, state, model);
  model["viewers"] = Viewers(context, page);
  return model;
}

Response ShowFile(Context& context, std::int64_t volunteer_id, const FileState& state,
                  app::volunteers::RecordView record) {
  const auto page = app::volunteers::LoadFilePage(
      context.services.app, context.signed_in(), volunteer_id, RequestedHoursPage(context), record);
  if (!page) return Deny(context, "volunteer", context.Parameter("id"));
  const int status = state.error ? StatusFor(state.error->kind) : 200;
  return RenderPage(context, "volunteer_file", page->volunteer.FullName(),
                    FileView(context, *page, state), status);
}

}  // namespace cercle::web::pages::volunteers
