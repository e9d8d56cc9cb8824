#include "web/pages/admin/admin_pages.hpp"

#include "app/admin/users.hpp"
#include "auth/policies/user_policy.hpp"
#include "base/text.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/auth/auth_pages.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::admin {
namespace {

using cercle::auth::policies::UserPolicy;

mstch::array RoleChoices(const Context& context, const domain::Roles& chosen) {
  mstch::array choices;
  for (const auto role : domain::OrganisationRoles()) {
    choices.push_back(mstch::map{{"value", std::string(domain::NameOf(role))},
                                 {"label", context.Translate(domain::LabelOf(role))},
                                 {"checked", chosen.Has(role)}});
  }
  return choices;
}

domain::Roles ChosenRoles(const Form& form) {
  domain::Roles roles;
  for (const auto& name : form.All("roles")) {
    const auto role = domain::ParseEnum<domain::Role>(name);
    if (role && *role != domain::Role::kNetworkAdmin) roles.Add(*role);
  }
  return roles;
}

std::string RoleList(const Context& context, const domain::Roles& roles) {
  std::string text;
  for (const auto role : roles.List()) {
    AppendSeparated(text, ", ", context.Translate(domain::LabelOf(role)));
  }
  return text;
}

mstch::map UserRowView(const Context& context, const app::admin::UserRow& user) {
  return {{"id", std::to_string(user.id)}, {"display_name", user.display_name},
          {"email", user.email},           {"roles", RoleList(context, user.roles)},
          {"active", user.active},         {"totp_enrolled", user.totp_enrolled}};
}

mstch::array ViewersView(const Context& context, const std::vector<app::admin::Viewer>& viewers) {
  mstch::array rows;
  for (const auto& viewer : viewers) {
    rows.push_back(mstch::map{
        {"who", viewer.name ? *viewer.name : context.Translate(N_("Unknown user"))},
        {"when", context.services.translator.FormatDateTime(context.language, viewer.at)}});
  }
  return rows;
}

mstch::map UserView(const Context& context, const app::admin::UserPage& page) {
  const auto& user = page.user;
  return {{"id", std::to_string(user.id)},
          {"display_name", user.display_name},
          {"email", user.email},
          {"roles_text", RoleList(context, user.roles)},
          {"role_choices", RoleChoices(context, user.roles)},
          {"active", user.active},
          {"totp_enrolled", user.totp_enrolled},
          {"created", context.services.translator.FormatDate(context.language, user.created_at)},
          {"viewers", ViewersView(context, page.viewers)},
          {"self", page.self}};
}

Response RenderUser(Context& context, const app::admin::UserPage& page, const Error* error,
                    const std::string& notice) {
  mstch::map model = UserView(context, page);
  if (!notice.empty()) model["notice"] = notice;
  if (error) AddErrors(context, *error, model);
  return RenderPage(context, "admin_user", page.user.display_name, std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

// The answer to a change of user `id`: back to their page, the step-up page first, or their page
// again with the error.
Response AfterUserChange(Context& context, std::int64_t id, const Result<std::int64_t>& done) {
  const std::string page = "/admin/users/" + std::to_string(id);
  if (done) return Response::Redirect(page + "?saved=1");
  if (done.error().kind == ErrorKind::kUnauthenticated) return auth::StepUp(page);
  return Refusal(context, done.error(), "user", context.Parameter("id"), [&](const Error& error) {
    const auto user = app::admin::LoadUserPage(context.services.app, context.signed_in(), id,
                                               app::admin::RecordView::kNo);
    if (!user) return Deny(context, "user", context.Parameter("id"));
    return RenderUser(context, *user, &error, "");
  });
}

}  // namespace

Response ListUsers(Context& context) {
  const auto page = app::admin::LoadUsersPage(context.services.app, context.signed_in());
  if (!page) return Deny(context, "user", "", 403);
  mstch::array rows;
  for (const auto& user : page->users) rows.push_back(UserRowView(context, user));
  mstch::map model{{"users", rows}, {"empty", rows.empty()}};
  if (context.request.query == "invited=1") {
    model["notice"] = context.Translate(N_("The invitation is on its way."));
  }
  return RenderPage(context, "admin_users", context.Translate(N_("Users")), std::move(model));
}

Response ShowInvite(Context& context) {
  if (!UserPolicy::CanInvite(context.signed_in())) return Deny(context, "user", "", 403);
  mstch::map model = EmptyForm({"display_name", "email"});
  model["role_choices"] = RoleChoices(context, {domain::Role::kVolunteer});
  return RenderPage(context, "admin_invite", context.Translate(N_("Invite someone")),
                    std::move(model));
}

Response Invite(Context& context) {
  const Form form(context.request);
  const app::admin::UserInvitation invitation{form.Get("display_name"), form.Get("email"),
                                              ChosenRoles(form)};
  const auto invited =
      app::admin::InviteUser(context.services.app, context.signed_in(), invitation);
  if (invited) return Response::Redirect("/admin/users?invited=1");
  return Refusal(context, invited.error(), "user", "", [&](const Error& error) {
    mstch::map model = form.Model(context, {"display_name", "email"}, &error);
    model["role_choices"] = RoleChoices(context, invitation.roles);
    return RenderPage(context, "admin_invite", context.Translate(N_("Invite someone")),
                      std::move(model), StatusFor(error.kind));
  });
}

Response ShowUser(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "user", context.Parameter("id"));
  const auto page = app::admin::LoadUserPage(context.services.app, context.signed_in(), *id,
                                             app::admin::RecordView::kYes);
  if (!page) return Deny(context, "user", context.Parameter("id"));
  std::string notice;
  if (context.request.query == "saved=1") notice = context.Translate(N_("The change is saved."));
  return RenderUser(context, *page, nullptr, notice);
}

Response ChangeRoles(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "user", context.Parameter("id"));
  const Form form(context.request);
  return AfterUserChange(
      context, *id,
      app::admin::ChangeRoles(context.services.app, context.signed_in(), {*id, ChosenRoles(form)}));
}

Response Deactivate(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "user", context.Parameter("id"));
  return AfterUserChange(context, *id,
                         app::admin::Deactivate(context.services.app, context.signed_in(), {*id}));
}

Response Reactivate(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "user", context.Parameter("id"));
  return AfterUserChange(context, *id,
                         app::admin::Reactivate(context.services.app, context.signed_in(), {*id}));
}

}  // namespace cercle::web::pages::admin
