// The staff's concern register, with its filters and the organisation's monthly figures (time to
// acknowledge, time to close: median and count), and the on-call rota that urgent and emergency
// concerns alert. The register costs a fixed number of queries, whatever the number of concerns.
#include <array>
#include <map>
#include <set>

#include "auth/policies/concern_policy.hpp"
#include "auth/policies/user_policy.hpp"
#include "domain/concern_escalation.hpp"
#include "domain/concern_figures.hpp"
#include "store/circle_store.hpp"
#include "store/concern_escalation_store.hpp"
#include "store/settings_store.hpp"
#include "store/user_store.hpp"
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

template <class Enum, class Names, class Labels>
mstch::array FilterChoices(const Context& context, const std::vector<Enum>& values, Names name,
                           Labels label, const std::string& chosen, const char* every) {
  mstch::array choices{mstch::map{
      {"value", std::string()}, {"label", context.Translate(every)}, {"selected", chosen.empty()}}};
  for (auto& choice : circles::Choices(context, values, name, label, chosen))
    choices.push_back(std::move(choice));
  return choices;
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
        {"raised", std::to_string(month.raised)},
        {"to_acknowledge", duration(month.median_to_acknowledge)},
        {"acknowledged", std::to_string(month.acknowledged)},
        {"to_close", duration(month.median_to_close)},
        {"closed", std::to_string(month.closed)}});
  }
  return rows;
}

// The organisation's active coordinators and administrators, by name.
std::vector<store::User> StaffOf(const std::vector<store::User>& users) {
  std::vector<store::User> staff;
  for (const auto& user : users) {
    if (user.active && (user.roles.Has(domain::Role::kCoordinator) ||
                        user.roles.Has(domain::Role::kOrganisationAdmin))) {
      staff.push_back(user);
    }
  }
  return staff;
}

std::string LevelLabel(const Context& context, int level) {
  if (level == 0) return context.Translate(N_("On call"));
  return context.Format({N_("Backup {level}"), {{"level", std::to_string(level)}}});
}

Response RenderOnCall(Context& context, const Form* form, const Error* error, bool saved) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = *actor.organisation_id;
  struct Data {
    std::vector<store::User> users;
    std::vector<domain::OnCallEntry> on_call;
    domain::Settings settings{{}};
  };
  const auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    Data data;
    data.users = store::UserStore(session).ListOrganisation(organisation);
    data.on_call = store::ConcernEscalationStore(session).OnCall(organisation);
    data.settings = store::SettingsStore(session).Load(organisation);
    return data;
  });
  std::map<std::int64_t, int> levels;
  for (const auto& entry : data.on_call) levels[entry.user_id] = entry.level;
  mstch::array people;
  for (const auto& user : StaffOf(data.users)) {
    const std::string field = "level-" + std::to_string(user.id);
    const auto current = levels.find(user.id);
    const std::string chosen =
        form ? form->Get(field)
             : (current == levels.end() ? std::string() : std::to_string(current->second));
    mstch::array choices{mstch::map{{"value", std::string()},
                                    {"label", context.Translate(N_("Not on call"))},
                                    {"selected", chosen.empty()}}};
    for (int level = 0; level <= domain::kMaxOnCallLevel; ++level) {
      choices.push_back(mstch::map{{"value", std::to_string(level)},
                                   {"label", LevelLabel(context, level)},
                                   {"selected", chosen == std::to_string(level)}});
    }
    people.push_back(
        mstch::map{{"field", field}, {"name", user.display_name}, {"choices", choices}});
  }
  mstch::array rota;
  for (const auto& entry : data.on_call) {
    const auto user = std::find_if(data.users.begin(), data.users.end(),
                                   [&](const auto& u) { return u.id == entry.user_id; });
    if (user == data.users.end()) continue;
    rota.push_back(
        mstch::map{{"level", LevelLabel(context, entry.level)}, {"name", user->display_name}});
  }
  mstch::map model{
      {"people", people},
      {"rota", rota},
      {"nobody", data.on_call.empty()},
      {"emergency_minutes", std::to_string(data.settings.Get("concern.ack_minutes_emergency"))},
      {"urgent_minutes", std::to_string(data.settings.Get("concern.ack_minutes_urgent"))},
      {"can_change_settings", auth::policies::SettingsPolicy::CanChange(actor)}};
  if (error) AddErrors(context, *error, model);
  if (saved) model["notice"] = context.Translate(N_("The on-call rota is saved."));
  return RenderPage(context, "concern_on_call", context.Translate(N_("On call for concerns")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response Register(Context& context) {
  const auto& actor = context.signed_in();
  // Like the circles' list, the register names circles: a 404 for everyone else.
  if (!ConcernPolicy::CanManage(actor)) return Deny(context, "concern", "");
  const std::int64_t organisation = *actor.organisation_id;
  const auto parameters = context.request.QueryParameters();
  store::ConcernFilter filter;
  const std::string circle_text = Query(parameters, "circle");
  filter.circle_id = ParseId(circle_text);
  filter.category = domain::ParseConcernCategory(Query(parameters, "category"));
  filter.severity = domain::ParseSeverity(Query(parameters, "severity"));
  filter.status = domain::ParseConcernStatus(Query(parameters, "status"));
  const std::string open_text = Query(parameters, "open");
  const Instant now = context.services.clock.Now();
  for (const int days : kOpenDays) {
    if (open_text == std::to_string(days)) filter.open_since = now - std::chrono::days(days);
  }
  struct Data {
    Pagination pagination;
    std::vector<store::ConcernRow> rows;
    std::vector<domain::ConcernTimes> times;
    std::vector<domain::Circle> circles;
  };
  const auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    Data data;
    store::ConcernStore concerns(session);
    data.pagination = Paginate(context.request, concerns.CountRegister(organisation, filter));
    data.rows = concerns.Register(organisation, filter, data.pagination.Slice());
    data.times = concerns.Times(organisation);
    data.circles = store::CircleStore(session).List(organisation, store::IncludeClosed::kYes);
    return data;
  });
  context.services.audit.Record(
      context.services.database,
      {actor.organisation_id, actor.user_id, "concern.list", "concern", "",
       context.request.client_address, audit::Outcome::kSuccess, now});
  mstch::array rows;
  for (const auto& row : data.rows) {
    mstch::map model = ConcernSummary(context, row);
    model["href"] = ConcernHref(row.concern.id);
    if (row.concern.acknowledged_at) {
      model["to_acknowledge"] = context.Format(
          domain::DurationMessage(*row.concern.acknowledged_at - row.concern.raised_at));
    }
    rows.push_back(std::move(model));
  }
  mstch::array circles{mstch::map{{"value", std::string()},
                                  {"label", context.Translate(N_("Every circle"))},
                                  {"selected", !filter.circle_id}}};
  for (const auto& circle : data.circles) {
    circles.push_back(mstch::map{{"value", std::to_string(circle.id)},
                                 {"label", circle.code_name},
                                 {"selected", filter.circle_id == circle.id}});
  }
  mstch::array open{mstch::map{{"value", std::string()},
                               {"label", context.Translate(N_("Any time"))},
                               {"selected", !filter.open_since}}};
  for (const int days : kOpenDays) {
    open.push_back(
        mstch::map{{"value", std::to_string(days)},
                   {"label", context.Format({days == 1 ? N_("Open for at least {count} day")
                                                       : N_("Open for at least {count} days"),
                                             {{"count", std::to_string(days)}}})},
                   {"selected", open_text == std::to_string(days)}});
  }
  const auto figures = domain::MonthlyFigures(
      data.times, [&](Instant instant) { return circles::LocalDay(context, instant); });
  mstch::map model{
      {"concerns", rows},
      {"empty", rows.empty()},
      {"none_at_all", data.times.empty()},
      {"circles", circles},
      {"categories", FilterChoices(context, domain::ConcernCategories(),
                                   domain::ConcernCategoryName, domain::ConcernCategoryLabel,
                                   Query(parameters, "category"), N_("Every category"))},
      {"severities",
       FilterChoices(context, domain::Severities(), domain::SeverityName, domain::SeverityLabel,
                     Query(parameters, "severity"), N_("Every severity"))},
      {"statuses",
       FilterChoices(context, domain::ConcernStatuses(), domain::ConcernStatusName,
                     domain::ConcernStatusLabel, Query(parameters, "status"), N_("Every status"))},
      {"open", open},
      {"figures", FigureRows(context, figures)},
      {"has_figures", !figures.empty()},
      {"total", context.Format({N_("Concerns matching: {count}"),
                                {{"count", std::to_string(data.pagination.total)}}})},
      {"can_set_on_call", ConcernPolicy::CanSetOnCall(actor)}};
  AddPagination(context, data.pagination, model);
  return RenderPage(context, "concern_register", context.Translate(N_("Concern register")),
                    std::move(model));
}

Response ShowOnCall(Context& context) {
  if (!ConcernPolicy::CanSetOnCall(context.signed_in())) return Deny(context, "on_call", "");
  return RenderOnCall(context, nullptr, nullptr, context.request.query == "saved=1");
}

Response SaveOnCall(Context& context) {
  const auto& actor = context.signed_in();
  if (!ConcernPolicy::CanSetOnCall(actor)) return Deny(context, "on_call", "");
  const Form form(context.request);
  const std::int64_t organisation = *actor.organisation_id;
  const auto users = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::UserStore(session).ListOrganisation(organisation);
  });
  std::vector<std::int64_t> staff;
  for (const auto& user : StaffOf(users)) staff.push_back(user.id);
  std::vector<domain::OnCallEntry> entries;
  for (const auto user : staff) {
    const std::string text = form.Get("level-" + std::to_string(user));
    if (text.empty()) continue;
    const bool number =
        text.size() <= 2 && text.find_first_not_of("0123456789") == std::string::npos;
    entries.push_back({user, number ? std::stoi(text) : -1});
  }
  // A field naming someone who is not staff (a forged form) is refused like a bad level.
  for (const auto& [name, value] : context.request.FormFields()) {
    if (!name.starts_with("level-") || value.empty()) continue;
    const auto id = ParseId(name.substr(6));
    if (!id || std::find(staff.begin(), staff.end(), *id) == staff.end())
      entries.push_back({id.value_or(0), 0});
  }
  if (auto checked = domain::CheckOnCall(entries, staff); !checked) {
    return RenderOnCall(context, &form, &checked.error(), false);
  }
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::ConcernEscalationStore(session).ReplaceOnCall(organisation, entries, actor.user_id,
                                                         context.services.clock.Now());
    circles::Audit(context, session, "concern.on_call", "organisation", organisation);
    return {};
  });
  return Response::Redirect("/concerns/on-call?saved=1");
}

}  // namespace cercle::web::pages::concerns
