// The staff's concern register, with its filters and the organisation's monthly figures (time to
// acknowledge, time to close: median and count), and the on-call rota that urgent and emergency
// concerns alert. The register costs a fixed number of queries, whatever the number of concerns.
#include <algorithm>
#include <array>
#include <map>

#include "app/concerns/concern_register.hpp"
#include "app/concerns/on_call.hpp"
#include "auth/policies/concern_policy.hpp"
#include "auth/policies/user_policy.hpp"
#include "domain/concern_escalation.hpp"
#include "domain/concern_figures.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/concerns/concern_common.hpp"
#include "web/pages/concerns/concern_pages.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::concerns {
namespace {

using auth::policies::ConcernPolicy;

constexpr std::array<const char*, 12> kMonthNames = {
    N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
    N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December")};

// The "open for at least" choices of the register, in days.
constexpr std::array<int, 4> kOpenDays = {1, 7, 30, 90};

std::string Query(const std::multimap<std::string, std::string>& parameters,
                  const std::string& name) {
  const auto found = parameters.find(name);
  return found == parameters.end() ? std::string() : found->second;
}

// A filter's options: "every …" (`every`), then every value of E, `chosen` selected.
template <class E>
mstch::array FilterChoice(const Context& context, const std::string& chosen, const char* every) {
  return WithPrompt(context, every, chosen, EnumChoices<E>(context, chosen));
}

// A count in the reader's locale ("1 234" / "1,234").
std::string Count(const Context& context, std::int64_t count) {
  return context.services.translator.FormatNumber(context.language, static_cast<double>(count), 0);
}

mstch::array FigureRows(const Context& context, const std::vector<domain::MonthFigures>& figures) {
  mstch::array rows;
  const auto duration = [&](const std::optional<std::chrono::seconds>& value) {
    return value ? context.Format(domain::DurationMessage(*value)) : std::string("—");
  };
  for (const auto& month : figures) {
    rows.push_back(mstch::map{
        {"month", context.Format({N_("{month} {year}"),
                                  {{"month", context.Translate(kMonthNames.at(month.month - 1))},
                                   {"year", std::to_string(month.year)}}})},
        {"raised", Count(context, month.raised)},
        {"to_acknowledge", duration(month.median_to_acknowledge)},
        {"acknowledged", Count(context, month.acknowledged)},
        {"to_close", duration(month.median_to_close)},
        {"closed", Count(context, month.closed)}});
  }
  return rows;
}

std::string LevelLabel(const Context& context, int level) {
  if (level == 0) return context.Translate(N_("On call"));
  return context.Format({N_("Backup {level}"), {{"level", std::to_string(level)}}});
}

// The level choices of `user`'s field, `chosen` selected.
mstch::array LevelChoices(const Context& context, const std::string& chosen) {
  mstch::array choices{mstch::map{{"value", std::string()},
                                  {"label", context.Translate(N_("Not on call"))},
                                  {"selected", chosen.empty()}}};
  for (int level = 0; level <= domain::kMaxOnCallLevel; ++level) {
    choices.push_back(mstch::map{{"value", std::to_string(level)},
                                 {"label", LevelLabel(context, level)},
                                 {"selected", chosen == std::to_string(level)}});
  }
  return choices;
}

mstch::map OnCallView(const Context& context, const app::concerns::OnCallPage& page,
                      const Form* form) {
  std::map<std::int64_t, int> levels;
  for (const auto& entry : page.on_call) levels[entry.user_id] = entry.level;
  mstch::array people;
  for (const auto& user : page.staff) {
    const std::string field = "level-" + std::to_string(user.id);
    const auto current = levels.find(user.id);
    const std::string chosen =
        form ? form->Get(field)
             : (current == levels.end() ? std::string() : std::to_string(current->second));
    people.push_back(mstch::map{
        {"field", field}, {"name", user.display_name}, {"choices", LevelChoices(context, chosen)}});
  }
  mstch::array rota;
  for (const auto& entry : page.on_call) {
    const auto user = std::find_if(page.users.begin(), page.users.end(),
                                   [&](const auto& u) { return u.id == entry.user_id; });
    if (user == page.users.end()) continue;
    rota.push_back(
        mstch::map{{"level", LevelLabel(context, entry.level)}, {"name", user->display_name}});
  }
  return mstch::map{
      {"people", people},
      {"rota", rota},
      {"nobody", page.on_call.empty()},
      {"emergency_minutes", std::to_string(page.emergency_minutes)},
      {"urgent_minutes", std::to_string(page.urgent_minutes)},
      {"can_change_settings", auth::policies::SettingsPolicy::CanChange(context.signed_in())}};
}

Response RenderOnCall(Context& context, const Form* form, const Error* error, bool saved) {
  const auto page = app::concerns::LoadOnCallPage(context.services.app, context.signed_in());
  if (!page) return Deny(context, "on_call", "");
  mstch::map model = OnCallView(context, *page, form);
  if (error) AddErrors(context, *error, model);
  if (saved) model["notice"] = context.Translate(N_("The on-call rota is saved."));
  return RenderPage(context, "concern_on_call", context.Translate(N_("On call for concerns")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

// The register's filters as the query string gives them.
app::concerns::RegisterQuery RegisterQueryOf(const Context& context, Pagination& pagination) {
  const auto parameters = context.request.QueryParameters();
  app::concerns::RegisterQuery query{
      .circle_id = ParseId(Query(parameters, "circle")),
      .category = domain::ParseEnum<domain::ConcernCategory>(Query(parameters, "category")),
      .severity = domain::ParseEnum<domain::Severity>(Query(parameters, "severity")),
      .status = domain::ParseEnum<domain::ConcernStatus>(Query(parameters, "status")),
      .page = ChoosePage(context, pagination)};
  const std::string open_text = Query(parameters, "open");
  for (const int days : kOpenDays) {
    if (open_text == std::to_string(days)) query.open_days = days;
  }
  return query;
}

mstch::array RegisterRows(const Context& context, const app::concerns::RegisterPage& page) {
  mstch::array rows;
  for (const auto& row : page.rows) {
    mstch::map model = ConcernSummary(context, row);
    model["href"] = ConcernHref(row.concern.id);
    if (row.concern.acknowledged_at) {
      model["to_acknowledge"] = context.Format(
          domain::DurationMessage(*row.concern.acknowledged_at - row.concern.raised_at));
    }
    rows.push_back(std::move(model));
  }
  return rows;
}

mstch::array CircleChoices(const Context& context, const app::concerns::RegisterPage& page,
                           std::optional<std::int64_t> chosen) {
  mstch::array circles{mstch::map{{"value", std::string()},
                                  {"label", context.Translate(N_("Every circle"))},
                                  {"selected", !chosen}}};
  for (const auto& circle : page.circles) {
    circles.push_back(mstch::map{{"value", std::to_string(circle.id)},
                                 {"label", circle.code_name},
                                 {"selected", chosen == circle.id}});
  }
  return circles;
}

mstch::array OpenChoices(const Context& context, std::optional<int> chosen) {
  mstch::array open{mstch::map{{"value", std::string()},
                               {"label", context.Translate(N_("Any time"))},
                               {"selected", !chosen}}};
  for (const int days : kOpenDays) {
    open.push_back(
        mstch::map{{"value", std::to_string(days)},
                   {"label", context.Format({days == 1 ? N_("Open for at least {count} day")
                                                       : N_("Open for at least {count} days"),
                                             {{"count", std::to_string(days)}}})},
                   {"selected", chosen == days}});
  }
  return open;
}

mstch::map RegisterView(const Context& context, const app::concerns::RegisterPage& page,
                        const app::concerns::RegisterQuery& query) {
  const auto parameters = context.request.QueryParameters();
  const auto rows = RegisterRows(context, page);
  return mstch::map{
      {"concerns", rows},
      {"empty", rows.empty()},
      {"none_at_all", !page.any_concern},
      {"circles", CircleChoices(context, page, query.circle_id)},
      {"categories", FilterChoice<domain::ConcernCategory>(context, Query(parameters, "category"),
                                                           N_("Every category"))},
      {"severities", FilterChoice<domain::Severity>(context, Query(parameters, "severity"),
                                                    N_("Every severity"))},
      {"statuses", FilterChoice<domain::ConcernStatus>(context, Query(parameters, "status"),
                                                       N_("Every status"))},
      {"open", OpenChoices(context, query.open_days)},
      {"figures", FigureRows(context, page.figures)},
      {"has_figures", !page.figures.empty()},
      {"total",
       context.Format({N_("Concerns matching: {count}"), {{"count", Count(context, page.total)}}})},
      {"can_set_on_call", ConcernPolicy::CanSetOnCall(context.signed_in())}};
}

}  // namespace

Response Register(Context& context) {
  Pagination pagination;
  const auto query = RegisterQueryOf(context, pagination);
  const auto page = app::concerns::LoadRegister(context.services.app, context.signed_in(), query);
  // Like the circles' list, the register names circles: a 404 for everyone else.
  if (!page) return Deny(context, "concern", "");
  mstch::map model = RegisterView(context, *page, query);
  AddPagination(context, pagination, model);
  return RenderPage(context, "concern_register", context.Translate(N_("Concern register")),
                    std::move(model));
}

Response ShowOnCall(Context& context) {
  return RenderOnCall(context, nullptr, nullptr, context.request.query == "saved=1");
}

Response SaveOnCall(Context& context) {
  const Form form(context.request);
  app::concerns::SaveOnCallCommand command;
  for (const auto& [name, value] : context.request.FormFields()) {
    if (!name.starts_with("level-") || value.empty()) continue;
    const bool number =
        value.size() <= 2 && value.find_first_not_of("0123456789") == std::string::npos;
    command.choices.push_back({ParseId(name.substr(6)), number ? std::stoi(value) : -1});
  }
  const auto saved = app::concerns::SaveOnCall(context.services.app, context.signed_in(), command);
  if (!saved) {
    return Refusal(context, saved.error(), "on_call", "",
                   [&](const Error& error) { return RenderOnCall(context, &form, &error, false); });
  }
  return Response::Redirect("/concerns/on-call?saved=1");
}

}  // namespace cercle::web::pages::concerns
