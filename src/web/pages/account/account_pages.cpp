#include "web/pages/account/account_pages.hpp"

#include "app/accounts/own_account.hpp"
#include "app/reminders/reminders.hpp"
#include "auth/crypto.hpp"
#include "auth/totp.hpp"
#include "web/cookies.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/auth/auth_pages.hpp"

namespace cercle::web::pages::account {
namespace {

mstch::array RoleLabels(const Context& context, const domain::Roles& roles) {
  mstch::array labels;
  for (const auto role : roles.List()) labels.push_back(context.Translate(domain::LabelOf(role)));
  return labels;
}

mstch::map Profile(const Context& context) {
  const auto& actor = context.signed_in();
  return {
      {"display_name", actor.display_name},      {"email", actor.email},
      {"organisation", actor.organisation_name}, {"roles", RoleLabels(context, actor.roles)},
      {"french", actor.language == "fr"},        {"english", actor.language == "en"},
      {"totp_enrolled", actor.totp_enrolled},    {"totp_required", actor.roles.RequireTwoFactor()}};
}

Response RenderEnrolment(Context& context, const Error* error) {
  const auto enrolment = context.services.authenticator.BeginEnrolment(context.signed_in());
  mstch::map model = EmptyForm({"code"});
  if (error) AddErrors(context, *error, model);
  model["qr"] =
      cercle::auth::QrCodeSvg(enrolment.provisioning_uri,
                              context.Translate(N_("QR code to scan with your authenticator app")));
  model["secret"] = enrolment.secret_base32;
  model["sealed"] = enrolment.sealed;
  model["enrolled"] = context.signed_in().totp_enrolled;
  model["required"] = context.signed_in().stage == store::SessionStage::kEnrolment;
  return RenderPage(context, "two_factor_setup", context.Translate(N_("Two-step verification")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

// How the sessions page names a device: "Chrome on Linux", "Chrome", or "Unknown browser".
std::string DeviceName(const Context& context, const app::accounts::Device& device) {
  if (device.browser.empty()) return context.Translate(N_("Unknown browser"));
  if (device.system.empty()) return device.browser;
  return context.Format(
      {N_("{browser} on {system}"), {{"browser", device.browser}, {"system", device.system}}});
}

mstch::map SessionsView(const Context& context, const app::accounts::SessionsPage& page) {
  const auto& translator = context.services.translator;
  mstch::array rows;
  for (const auto& session : page.sessions) {
    rows.push_back(
        mstch::map{{"id", std::to_string(session.id)},
                   {"current", session.current},
                   {"started", translator.FormatDateTime(context.language, session.started)},
                   {"last_seen", translator.FormatDateTime(context.language, session.last_seen)},
                   {"address", session.client_address},
                   {"device", DeviceName(context, session.device)}});
  }
  return {{"sessions", rows}, {"ended", context.request.query == "ended=1"}};
}

mstch::map RemindersView(const Context& context, const app::reminders::RemindersPage& page) {
  mstch::array choices;
  for (const auto& choice : page.choices) {
    choices.push_back(mstch::map{{"value", std::string(domain::NameOf(choice.kind))},
                                 {"label", context.Translate(domain::LabelOf(choice.kind))},
                                 {"checked", choice.on}});
  }
  return {{"choices", choices}, {"has_choices", !page.choices.empty()}};
}

Response RenderReminders(Context& context, mstch::map model, int status = 200) {
  return RenderPage(context, "account_reminders", context.Translate(N_("Reminders by e-mail")),
                    std::move(model), status);
}

}  // namespace

Response ShowReminders(Context& context) {
  const auto page = app::reminders::LoadRemindersPage(context.services.app, context.signed_in());
  mstch::map model = RemindersView(context, page);
  if (context.request.query == "saved=1")
    model["notice"] = context.Translate(N_("Your reminders are saved."));
  return RenderReminders(context, std::move(model));
}

Response SaveReminders(Context& context) {
  const Form form(context.request);
  const auto done = app::reminders::SaveReminderChoices(context.services.app, context.signed_in(),
                                                        {form.All("on")});
  if (!done) {
    // The page as it was: nothing was saved.
    const auto page = app::reminders::LoadRemindersPage(context.services.app, context.signed_in());
    mstch::map model = RemindersView(context, page);
    AddErrors(context, done.error(), model);
    return RenderReminders(context, std::move(model), StatusFor(done.error().kind));
  }
  return Response::Redirect("/account/reminders?saved=1");
}

Response Show(Context& context) {
  mstch::map model = Profile(context);
  if (context.request.query == "saved=language")
    model["notice"] = context.Translate(N_("Your language is saved."));
  return RenderPage(context, "account", context.Translate(N_("My account")), std::move(model));
}

Response ChangeLanguage(Context& context) {
  const Form form(context.request);
  const auto done =
      app::accounts::SetLanguage(context.services.app, context.signed_in(), {form.Get("language")});
  if (!done) return RenderError(context, done.error());
  return Response::Redirect("/account?saved=language");
}

Response ShowPassword(Context& context) {
  return RenderPage(context, "account_password", context.Translate(N_("Change my password")),
                    EmptyForm({"current", "password"}));
}

Response ChangePassword(Context& context) {
  const Form form(context.request);
  const auto done = context.services.authenticator.ChangePassword(
      context.signed_in(), form.Get("current"), form.Get("password"), context.client());
  if (!done && done.error().kind == ErrorKind::kTooManyRequests)
    return auth::SessionEnded(context, done.error());
  if (!done) {
    return RenderPage(
        context, "account_password", context.Translate(N_("Change my password")),
        form.Model(context, {"current", "password"}, &done.error(), {"current", "password"}),
        StatusFor(done.error().kind));
  }
  mstch::map model = Profile(context);
  model["notice"] =
      context.Translate(N_("Your password is changed. Your other sessions have ended."));
  return RenderPage(context, "account", context.Translate(N_("My account")), std::move(model));
}

Response ListSessions(Context& context) {
  const auto page = app::accounts::LoadSessionsPage(context.services.app, context.signed_in());
  return RenderPage(context, "account_sessions", context.Translate(N_("My sessions")),
                    SessionsView(context, page));
}

Response EndSession(Context& context) {
  std::int64_t id = 0;
  try {
    id = std::stoll(context.Parameter("id"));
  } catch (const std::exception&) {
    return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
  }
  const auto done =
      context.services.authenticator.EndOwnSession(context.signed_in(), id, context.client());
  // Someone else's session is a record the actor may not touch: audited, and answered like a
  // missing one.
  if (!done && done.error().kind == ErrorKind::kNotFound)
    return Deny(context, "session", context.Parameter("id"));
  if (!done) return RenderError(context, done.error());
  if (id == context.signed_in().session_id) {
    Response response = Response::Redirect("/login");
    response.AddHeader("Set-Cookie", ClearedSessionCookie());
    return response;
  }
  return Response::Redirect("/account/sessions?ended=1");
}

// Replacing a working set-up needs a password or code entered within five minutes, so that a stolen
// session cannot lock the owner out.
std::optional<Response> RequireStepUpToReplace(Context& context) {
  const auto& actor = context.signed_in();
  if (!actor.signed_in() || !actor.totp_enrolled ||
      app::RequireStepUp(context.services.app, actor)) {
    return std::nullopt;
  }
  return auth::StepUp("/account/two-factor");
}

Response ShowTwoFactor(Context& context) {
  if (auto step_up = RequireStepUpToReplace(context)) return *step_up;
  return RenderEnrolment(context, nullptr);
}

Response ConfirmTwoFactor(Context& context) {
  if (auto step_up = RequireStepUpToReplace(context)) return *step_up;
  const Form form(context.request);
  const auto done = context.services.authenticator.ConfirmEnrolment(
      context.signed_in(), form.Get("sealed"), form.Get("code"), context.client());
  if (!done) return RenderEnrolment(context, &done.error());
  mstch::array codes;
  for (const auto& code : done->second) codes.push_back(code);
  Response response = RenderPage(context, "recovery_codes",
                                 context.Translate(N_("Your recovery codes")), {{"codes", codes}});
  response.AddHeader("Set-Cookie", SessionCookie(done->first));
  return response;
}

}  // namespace cercle::web::pages::account
