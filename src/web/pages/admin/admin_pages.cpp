#include "web/pages/admin/admin_pages.hpp"

#include "base/text.hpp"

#include "auth/policies/user_policy.hpp"
#include "store/settings_store.hpp"
#include "store/user_store.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::admin {
namespace {

using auth::policies::AuditPolicy;
using auth::policies::SettingsPolicy;
using auth::policies::UserPolicy;

// The user named by the {id} path parameter, when the policy lets the actor see them.
std::optional<store::User> FindVisibleUser(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return std::nullopt;
  const auto& actor = context.signed_in();
  auto user = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::UserStore(session).Find(*id, actor.organisation_id);
  });
  if (!user || !UserPolicy::CanView(actor, *user)) return std::nullopt;
  return user;
}

mstch::array RoleChoices(const Context& context, const domain::Roles& chosen) {
  mstch::array choices;
  for (const auto role : domain::OrganisationRoles()) {
    choices.push_back(mstch::map{{"value", std::string(domain::RoleName(role))},
                                 {"label", context.Translate(domain::RoleLabel(role))},
                                 {"checked", chosen.Has(role)}});
  }
  return choices;
}

domain::Roles ChosenRoles(const Form& form) {
  domain::Roles roles;
  for (const auto& name : form.All("roles")) {
    if (const auto role = domain::ParseRole(name); role && *role != domain::Role::kNetworkAdmin) roles.Add(*role);
  }
  return roles;
}

std::string RoleList(const Context& context, const domain::Roles& roles) {
  std::string text;
  for (const auto role : roles.List()) {
    AppendSeparated(text, ", ", context.Translate(domain::RoleLabel(role)));
  }
  return text;
}

// Sensitive changes need a password or code entered within five minutes; otherwise the user confirms first.
std::optional<Response> RequireStepUp(Context& context, const std::string& back_to) {
  if (context.services.authenticator.RecentlyAuthenticated(context.signed_in())) return std::nullopt;
  return Response::Redirect("/reauth?next=" + PercentEncode(back_to));
}

Response RenderUser(Context& context, const store::User& user, const Error* error, const std::string& notice) {
  const auto& actor = context.signed_in();
  audit::Filter filter;
  filter.action_prefix = "user.view";
  filter.object_type = "user";
  filter.object_id = std::to_string(user.id);
  filter.limit = 50;
  const auto views = context.services.audit.List(context.services.database, *actor.organisation_id, filter);
  std::map<std::int64_t, std::string> names;
  const auto users = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::UserStore(session).ListOrganisation(*actor.organisation_id);
  });
  for (const auto& member : users) names[member.id] = member.display_name;
  mstch::array viewers;
  for (const auto& entry : views) {
    const auto viewer = entry.event.actor_user_id;
    viewers.push_back(mstch::map{
        {"who", viewer && names.count(*viewer) ? names[*viewer] : context.Translate(N_("Unknown user"))},
        {"when", context.services.translator.FormatDateTime(context.language, entry.event.at)}});
  }
  mstch::map model{{"id", std::to_string(user.id)},
                   {"display_name", user.display_name},
                   {"email", user.email},
                   {"roles_text", RoleList(context, user.roles)},
                   {"role_choices", RoleChoices(context, user.roles)},
                   {"active", user.active},
                   {"totp_enrolled", user.totp_enrolled_at.has_value()},
                   {"created", context.services.translator.FormatDate(context.language, user.created_at)},
                   {"viewers", viewers},
                   {"self", user.id == actor.user_id}};
  if (!notice.empty()) model["notice"] = notice;
  if (error) AddErrors(context, *error, model);
  return RenderPage(context, "admin_user", user.display_name, std::move(model), error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response ListUsers(Context& context) {
  const auto& actor = context.signed_in();
  if (!UserPolicy::CanList(actor)) return Deny(context, "user", "", 403);
  const auto users = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::UserStore(session).ListOrganisation(*actor.organisation_id);
  });
  mstch::array rows;
  for (const auto& user : users) {
    rows.push_back(mstch::map{{"id", std::to_string(user.id)},
                              {"display_name", user.display_name},
                              {"email", user.email},
                              {"roles", RoleList(context, user.roles)},
                              {"active", user.active},
                              {"totp_enrolled", user.totp_enrolled_at.has_value()}});
  }
  mstch::map model{{"users", rows}, {"empty", rows.empty()}};
  if (context.request.query == "invited=1") model["notice"] = context.Translate(N_("The invitation is on its way."));
  return RenderPage(context, "admin_users", context.Translate(N_("Users")), std::move(model));
}

Response ShowInvite(Context& context) {
  if (!UserPolicy::CanInvite(context.signed_in())) return Deny(context, "user", "", 403);
  mstch::map model = EmptyForm({"display_name", "email"});
  model["role_choices"] = RoleChoices(context, {domain::Role::kVolunteer});
  return RenderPage(context, "admin_invite", context.Translate(N_("Invite someone")), std::move(model));
}

Response Invite(Context& context) {
  const auto& actor = context.signed_in();
  if (!UserPolicy::CanInvite(actor)) return Deny(context, "user", "", 403);
  const Form form(context.request);
  const auto roles = ChosenRoles(form);
  const auto invited = context.services.accounts.Invite(actor, actor.organisation_id, form.Get("display_name"),
                                                        form.Get("email"), roles, context.client());
  if (!invited) {
    mstch::map model = form.Model(context, {"display_name", "email"}, &invited.error());
    model["role_choices"] = RoleChoices(context, roles);
    return RenderPage(context, "admin_invite", context.Translate(N_("Invite someone")), std::move(model),
                      StatusFor(invited.error().kind));
  }
  return Response::Redirect("/admin/users?invited=1");
}

Response ShowUser(Context& context) {
  const auto user = FindVisibleUser(context);
  if (!user) return Deny(context, "user", context.Parameter("id"));
  const auto& actor = context.signed_in();
  context.services.audit.Record(context.services.database,
                                {actor.organisation_id, actor.user_id, "user.view", "user", std::to_string(user->id),
                                 context.request.client_address, audit::Outcome::kSuccess,
                                 context.services.clock.Now()});
  std::string notice;
  if (context.request.query == "saved=1") notice = context.Translate(N_("The change is saved."));
  return RenderUser(context, *user, nullptr, notice);
}

Response ChangeRoles(Context& context) {
  const auto user = FindVisibleUser(context);
  if (!user || !UserPolicy::CanManage(context.signed_in(), *user)) {
    return Deny(context, "user", context.Parameter("id"));
  }
  if (auto step_up = RequireStepUp(context, "/admin/users/" + std::to_string(user->id))) return *step_up;
  const Form form(context.request);
  const auto done = context.services.accounts.ChangeRoles(context.signed_in(), user->id, ChosenRoles(form),
                                                          context.client());
  if (!done) return RenderUser(context, *user, &done.error(), "");
  return Response::Redirect("/admin/users/" + std::to_string(user->id) + "?saved=1");
}

Response Deactivate(Context& context) {
  const auto user = FindVisibleUser(context);
  if (!user || !UserPolicy::CanManage(context.signed_in(), *user)) {
    return Deny(context, "user", context.Parameter("id"));
  }
  if (auto step_up = RequireStepUp(context, "/admin/users/" + std::to_string(user->id))) return *step_up;
  const auto done = context.services.accounts.Deactivate(context.signed_in(), user->id, context.client());
  if (!done) return RenderUser(context, *user, &done.error(), "");
  return Response::Redirect("/admin/users/" + std::to_string(user->id) + "?saved=1");
}

Response Reactivate(Context& context) {
  const auto user = FindVisibleUser(context);
  if (!user || !UserPolicy::CanManage(context.signed_in(), *user)) {
    return Deny(context, "user", context.Parameter("id"));
  }
  if (auto step_up = RequireStepUp(context, "/admin/users/" + std::to_string(user->id))) return *step_up;
  const auto done = context.services.accounts.Reactivate(context.signed_in(), user->id, context.client());
  if (!done) return RenderUser(context, *user, &done.error(), "");
  return Response::Redirect("/admin/users/" + std::to_string(user->id) + "?saved=1");
}

namespace {

Response RenderSettings(Context& context, const domain::Settings& values, const Form* form,
                        const std::map<std::string, std::string>& errors, bool saved) {
  mstch::array rows;
  for (const auto& definition : domain::SettingDefinitions()) {
    const auto error = errors.find(definition.key);
    mstch::map row{{"key", definition.key},
                   {"label", context.Translate(definition.label)},
                   {"unit", definition.unit.empty() ? std::string() : context.Translate(definition.unit)},
                   {"minimum", std::to_string(definition.minimum)},
                   {"maximum", std::to_string(definition.maximum)},
                   {"value", form ? form->Get(definition.key) : std::to_string(values.Get(definition.key))}};
    if (error != errors.end()) row["error"] = error->second;
    rows.push_back(row);
  }
  mstch::map model{{"settings", rows}, {"empty", rows.empty()}};
  if (saved) model["notice"] = context.Translate(N_("The settings are saved."));
  if (!errors.empty()) model["form_error"] = context.Translate(N_("Please correct the errors below."));
  return RenderPage(context, "admin_settings", context.Translate(N_("Settings")), std::move(model),
                    errors.empty() ? 200 : 422);
}

}  // namespace

Response ShowSettings(Context& context) {
  const auto& actor = context.signed_in();
  if (!SettingsPolicy::CanChange(actor)) return Deny(context, "settings", "", 403);
  const auto values = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::SettingsStore(session).Load(*actor.organisation_id);
  });
  return RenderSettings(context, values, nullptr, {}, context.request.query == "saved=1");
}

Response SaveSettings(Context& context) {
  const auto& actor = context.signed_in();
  if (!SettingsPolicy::CanChange(actor)) return Deny(context, "settings", "", 403);
  const Form form(context.request);
  std::map<std::string, std::int64_t> parsed;
  std::map<std::string, std::string> errors;
  for (const auto& definition : domain::SettingDefinitions()) {
    const std::string text = form.Get(definition.key);
    std::int64_t value = 0;
    const bool number = !text.empty() && text.size() <= 12 &&
                        text.find_first_not_of("0123456789") == std::string::npos;
    if (number) value = std::stoll(text);
    if (!number || value < definition.minimum || value > definition.maximum) {
      errors[definition.key] = context.Format({N_("Enter a whole number from {minimum} to {maximum}."),
                                               {{"minimum", std::to_string(definition.minimum)},
                                                {"maximum", std::to_string(definition.maximum)}}});
    } else {
      parsed[definition.key] = value;
    }
  }
  if (!errors.empty()) return RenderSettings(context, domain::Settings({}), &form, errors, false);
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::SettingsStore settings(session);
    const auto before = settings.Load(*actor.organisation_id);
    for (const auto& [key, value] : parsed) {
      if (before.Get(key) == value) continue;
      settings.Set(*actor.organisation_id, key, value);
      context.services.audit.Append(session, context.services.database.dialect(),
                                    {actor.organisation_id, actor.user_id, "settings.change", "setting", key,
                                     context.request.client_address, audit::Outcome::kSuccess,
                                     context.services.clock.Now()});
    }
    return {};
  });
  return Response::Redirect("/admin/settings?saved=1");
}

Response ShowAudit(Context& context) {
  const auto& actor = context.signed_in();
  if (!AuditPolicy::CanRead(actor)) return Deny(context, "audit", "", 403);
  const auto query = context.request.QueryParameters();
  const auto value = [&](const std::string& name) {
    const auto found = query.find(name);
    return found == query.end() ? std::string() : found->second;
  };
  audit::Filter filter;
  filter.action_prefix = value("action");
  filter.object_type = value("object_type");
  filter.object_id = value("object_id");
  if (const auto user = ParseId(value("user"))) filter.actor_user_id = *user;
  const auto users = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::UserStore(session).ListOrganisation(*actor.organisation_id);
  });
  std::map<std::int64_t, std::string> names;
  mstch::array user_choices;
  for (const auto& user : users) {
    names[user.id] = user.display_name;
    user_choices.push_back(mstch::map{{"id", std::to_string(user.id)},
                                      {"name", user.display_name},
                                      {"selected", filter.actor_user_id == user.id}});
  }
  // Reading the log is itself an entry of the log, written before the read so that it shows.
  context.services.audit.Record(context.services.database,
                                {actor.organisation_id, actor.user_id, "audit.read", "audit", "",
                                 context.request.client_address, audit::Outcome::kSuccess,
                                 context.services.clock.Now()});
  const auto pagination = Paginate(
      context.request,
      context.services.audit.Count(context.services.database, *actor.organisation_id, filter));
  filter.limit = static_cast<int>(pagination.size);
  filter.offset = pagination.Slice().offset;
  const auto entries = context.services.audit.List(context.services.database, *actor.organisation_id, filter);
  mstch::array rows;
  for (const auto& entry : entries) {
    const auto who = entry.event.actor_user_id;
    rows.push_back(mstch::map{
        {"sequence", std::to_string(entry.sequence)},
        {"when", context.services.translator.FormatDateTime(context.language, entry.event.at)},
        {"who", who ? (names.count(*who) ? names[*who] : "#" + std::to_string(*who)) : std::string("—")},
        {"action", entry.event.action},
        {"object", entry.event.object_type.empty() ? std::string("—")
                                                   : entry.event.object_type + " " + entry.event.object_id},
        {"address", entry.event.client_address},
        {"outcome", std::string(audit::OutcomeName(entry.event.outcome))},
        {"denied", entry.event.outcome != audit::Outcome::kSuccess}});
  }
  mstch::map model{{"entries", rows},
                   {"empty", rows.empty()},
                   {"user_choices", user_choices},
                   {"action", filter.action_prefix},
                   {"object_type", filter.object_type},
                   {"object_id", filter.object_id},
                   {"count", std::to_string(pagination.total)}};
  AddPagination(context, pagination, model);
  return RenderPage(context, "admin_audit", context.Translate(N_("Audit log")), std::move(model));
}

}  // namespace cercle::web::pages::admin
