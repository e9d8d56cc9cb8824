#include "web/pages/portal/portal_pages.hpp"

#include "base/text.hpp"

#include "app/portal/portal.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_portal.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"

namespace cercle::web::pages::portal {
namespace {

using app::portal::PortalHome;
namespace views = volunteers;

mstch::array AvailabilityRows(const Context& context, const domain::Volunteer& volunteer) {
  mstch::array availability;
  for (int day = 0; day < domain::Availability::kDays; ++day) {
    std::string periods;
    for (int period = 0; period < domain::Availability::kPeriods; ++period) {
      const auto value = static_cast<domain::DayPeriod>(period);
      if (volunteer.availability.Has(day, value)) {
        AppendSeparated(periods, ", ", context.Translate(domain::LabelOf(value)));
      }
    }
    if (!periods.empty()) {
      availability.push_back(
          mstch::map{{"day", context.Translate(domain::WeekdayLabel(day))}, {"periods", periods}});
    }
  }
  return availability;
}

// The training sessions attended, newest first.
mstch::array SessionRows(const Context& context, const PortalHome& home) {
  std::map<std::int64_t, std::string> module_names;
  for (const auto& module : home.setup.training_modules) {
    module_names[module.id] = views::DataName(context, module.name);
  }
  mstch::array sessions;
  for (auto it = home.attendance.rbegin(); it != home.attendance.rend(); ++it) {
    sessions.push_back(mstch::map{{"date", views::FormatDate(context, it->held_on)},
                                  {"module", module_names[it->module_id]},
                                  {"hours", views::FormatHours(context, it->minutes)}});
  }
  return sessions;
}

// Hours: approved totals, and what waits for the coordinator.
void AddHoursTotals(const Context& context, const PortalHome& home, mstch::map& model) {
  const auto combined = views::CombinedHours(home.attendance, home.logged.monthly_sums);
  const auto approved = domain::TotalHours(combined, domain::CountedHours::kApprovedOnly);
  const auto with_pending = domain::TotalHours(combined, domain::CountedHours::kIncludingPending);
  const domain::YearMonth this_month{static_cast<int>(home.today.year()),
                                     static_cast<unsigned>(home.today.month())};
  const auto month = approved.by_month.find(this_month);
  const auto year = approved.by_year.find(this_month.year);
  model["hours_month"] =
      views::FormatHours(context, month == approved.by_month.end() ? 0 : month->second);
  model["hours_year"] =
      views::FormatHours(context, year == approved.by_year.end() ? 0 : year->second);
  model["hours_total"] = views::FormatHours(context, approved.total);
  model["hours_pending"] = views::FormatHours(context, with_pending.total - approved.total);
  model["has_pending"] = with_pending.total > approved.total;
  // The months without a value for funders: a volunteer sees their time, not its price.
  mstch::array months;
  for (auto it = approved.by_month.rbegin(); it != approved.by_month.rend(); ++it) {
    domain::HoursTotals one;
    one.by_month[it->first] = it->second;
    auto row = boost::get<mstch::map>(views::MonthRows(context, one, 0).front());
    row.erase("value");
    months.push_back(std::move(row));
  }
  model["months"] = months;
}

mstch::array LoggedRows(const Context& context, const PortalHome& home) {
  mstch::array logged;
  for (const auto& entry : home.logged.own_page) {
    logged.push_back(mstch::map{
        {"date", views::FormatDate(context, entry.worked_on)},
        {"kind", context.Translate(domain::LabelOf(entry.kind))},
        {"hours", views::FormatHours(context, entry.minutes)},
        {"description", entry.description},
        {"status", context.Translate(domain::LabelOf(entry.status))},
        {"badge", std::string(entry.status == domain::HoursStatus::kApproved   ? "ok"
                              : entry.status == domain::HoursStatus::kRejected ? "danger"
                                                                               : "warning")}});
  }
  return logged;
}

mstch::map HoursForm(const Context& context, CivilDate today, const Form* form,
                     const Error* error) {
  mstch::map hours_form =
      form ? form->Model(context, {"worked_on", "kind", "duration", "description"}, error)
           : EmptyForm({"worked_on", "kind", "duration", "description"});
  if (!form) hours_form["worked_on"] = mstch::map{{"value", FormatIsoDate(today)}};
  hours_form["kinds"] = views::HoursKindChoices(context, form ? form->Get("kind") : "");
  return hours_form;
}

Response Render(Context& context, const PortalHome& home, const Form* form, const Error* error,
                const std::string& notice) {
  const auto& volunteer = home.volunteer;
  const int notice_days =
      static_cast<int>(home.setup.settings.Get(domain::SettingKey::kVolunteerExpiryNoticeDays));
  mstch::map model{{"name", volunteer.FullName()},
                   {"stage", context.Translate(domain::LabelOf(volunteer.stage))},
                   {"stage_badge", views::StageBadge(volunteer.stage)},
                   {"email", volunteer.email},
                   {"phone", volunteer.phone},
                   {"region", volunteer.region},
                   {"languages", volunteer.languages}};
  if (!notice.empty()) model["notice"] = notice;
  // Their circles: the next meeting, the minutes to write.
  model["circles"] = circles::PortalCircleRows(context, home.circles);
  model["availability"] = AvailabilityRows(context, volunteer);
  // Screening: the status of each item only. Results' notes and refusal reasons stay with the
  // coordinators.
  model["screening"] = views::ScreeningStatusRows(
      context,
      domain::SummariseScreening(home.setup.screening_types, home.items, home.today, notice_days));
  model["training"] = views::TrainingProgressRows(
      context, domain::SummariseTraining(home.setup.training_modules, home.attendance));
  model["sessions"] = SessionRows(context, home);
  AddHoursTotals(context, home, model);
  views::AddOwnHoursPagination(context, home.logged, model);
  model["logged"] = LoggedRows(context, home);
  model["can_log"] = home.can_log_hours;
  model["wellbeing_due"] = home.wellbeing_due;
  mstch::array endings;
  for (const auto& ending : home.endings_open) {
    endings.push_back(mstch::map{{"href", "/portal/endings/" + std::to_string(ending.id)},
                                 {"code_name", ending.circle_code_name}});
  }
  model["endings_open"] = endings;
  model["hours_form"] = HoursForm(context, home.today, form, error);
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "portal_home", context.Translate(N_("My volunteering")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response Show(Context& context) {
  const auto home = app::portal::LoadPortalHome(context.services.app, context.signed_in(),
                                                views::RequestedHoursPage(context));
  if (!home) return Deny(context, "volunteer", "");
  const std::string notice =
      context.request.query == "logged=1"
          ? context.Translate(N_("Your hours are recorded. The coordinator will approve them."))
          : "";
  return Render(context, *home, nullptr, nullptr, notice);
}

Response LogHours(Context& context) {
  const Form form(context.request);
  app::portal::LogHoursCommand command;
  if (auto parsed = views::ParseLoggedHours(context.request.FormFields())) {
    command.hours = std::move(*parsed);
  } else {
    command.read = std::move(parsed).error();
  }
  const auto logged = app::portal::LogHours(context.services.app, context.signed_in(), command);
  if (!logged) {
    return Refusal(context, logged.error(), "volunteer", "", [&](const Error& error) {
      const auto home = app::portal::LoadPortalHome(context.services.app, context.signed_in(),
                                                    views::RequestedHoursPage(context),
                                                    app::circles::ViewAudit::kSkip);
      if (!home) return Deny(context, "volunteer", "");
      return Render(context, *home, &form, &error, "");
    });
  }
  return Response::Redirect("/portal?logged=1");
}

}  // namespace cercle::web::pages::portal
