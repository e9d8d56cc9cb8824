#include "web/pages/auth/auth_pages.hpp"

#include "app/accounts/invitations.hpp"
#include "app/accounts/password_resets.hpp"
#include "auth/crypto.hpp"
#include "web/cookies.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/redirects.hpp"

namespace cercle::web::pages::auth {
namespace {

// The local page to return to after signing in, from the "next" field or query parameter, rebuilt
// from its parsed path; "/" when it is not local or leads back to sign-in.
std::string NextPath(const std::string& next) {
  const std::string target = RedirectTarget(next);
  return target.starts_with("/login") ? "/" : target;
}

std::string QueryParameter(const Context& context, const std::string& name) {
  const auto parameters = context.request.QueryParameters();
  const auto found = parameters.find(name);
  return found == parameters.end() ? "" : found->second;
}

// A response that stores a new session token and a new CSRF cookie: the token changes at every step
// of sign-in, so a token seen before it can never be used after.
Response WithNewSession(Response response, const std::string& token) {
  response.AddHeader("Set-Cookie", SessionCookie(token));
  response.AddHeader("Set-Cookie", CsrfCookie(cercle::auth::RandomToken()));
  return response;
}

// A page with a short message and a link onward.
Response Message(Context& context, const std::string& title, const std::string& text,
                 const std::string& href, const std::string& link_text, int status = 200) {
  return RenderPage(context, "message", title,
                    {{"heading", title}, {"text", text}, {"href", href}, {"link_text", link_text}},
                    status);
}

// The page that says a link died, with a way onward.
Response LinkExpired(Context& context, const Error& error, const std::string& href,
                     const std::string& link_text) {
  return Message(context, context.Translate(N_("Link expired")), context.Format(error.message),
                 href, link_text, 410);
}

}  // namespace

Response StepUp(const std::string& back_to) {
  return Response::Redirect("/reauth?next=" + PercentEncode(back_to));
}

Response SessionEnded(Context& context, const Error& error) {
  Response response =
      Message(context, context.Translate(N_("Session ended")), context.Format(error.message),
              "/login", context.Translate(N_("Sign in")), 429);
  response.AddHeader("Set-Cookie", ClearedSessionCookie());
  return response;
}

Response ShowSignIn(Context& context) {
  mstch::map model = EmptyForm({"email", "password"});
  model["next"] = NextPath(QueryParameter(context, "next"));
  return RenderPage(context, "sign_in", context.Translate(N_("Sign in")), std::move(model));
}

Response SignIn(Context& context) {
  const Form form(context.request);
  const auto result = context.services.authenticator.SignIn(form.Get("email"), form.Get("password"),
                                                            context.client());
  if (!result) {
    mstch::map model = form.Model(context, {"email", "password"}, &result.error(), {"password"});
    model["next"] = NextPath(form.Get("next"));
    return RenderPage(context, "sign_in", context.Translate(N_("Sign in")), std::move(model),
                      StatusFor(result.error().kind));
  }
  switch (result->next) {
    case cercle::auth::SignInNext::kSecondFactor: {
      // The return target goes on to the second step, which checks it again.
      const std::string next = NextPath(form.Get("next"));
      return WithNewSession(
          Response::Redirect("/login/two-factor" +
                             (next == "/" ? std::string() : "?next=" + PercentEncode(next))),
          result->token);
    }
    case cercle::auth::SignInNext::kEnrolment:
      return WithNewSession(Response::Redirect("/account/two-factor"), result->token);
    case cercle::auth::SignInNext::kDone:
      break;
  }
  return WithNewSession(Response::Redirect(NextPath(form.Get("next"))), result->token);
}

namespace {

// The second factor's code: accepted, a new session and on to `next`.
Result<Response> CheckCode(Context& context, const std::string& code, const std::string& next) {
  const auto token = context.services.authenticator.CompleteSecondFactor(context.signed_in(), code,
                                                                         context.client());
  if (!token) return token.error();
  return WithNewSession(Response::Redirect(next), *token);
}

// The password or code of a sensitive action: accepted, on to `next` to do it again.
Result<Response> CheckSecret(Context& context, const std::string& secret, const std::string& next) {
  TRY(context.services.authenticator.Reauthenticate(context.signed_in(), secret, context.client()));
  return Response::Redirect(next);
}

// A step that asks the signed-in user for one secret: its template, its title, its field, whether
// the page says if a code from an authenticator app is taken too, and how the secret is checked.
struct SecretStep {
  std::string_view name;
  const char* title;
  const char* field;
  bool tells_totp;
  Result<Response> (*check)(Context&, const std::string& secret, const std::string& next);
};

constexpr SecretStep kSecondFactor{"second_factor", N_("Two-step verification"), "code", false,
                                   CheckCode};
constexpr SecretStep kReauthenticate{"reauthenticate", N_("Confirm it is you"), "secret", true,
                                     CheckSecret};

// The page of `step`: its empty form, or the refused `form` with `error` (the secret never shown
// again); `next` is where it leads.
Response RenderStep(Context& context, const SecretStep& step, const Form* form, const Error* error,
                    const std::string& next) {
  mstch::map model =
      form ? form->Model(context, {step.field}, error, {step.field}) : EmptyForm({step.field});
  model["next"] = next;
  if (step.tells_totp) model["totp"] = context.signed_in().totp_enrolled;
  return RenderPage(context, step.name, context.Translate(step.title), std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

// GET of `step`: its empty form, leading to the ?next= of the request.
Response ShowStep(Context& context, const SecretStep& step) {
  return RenderStep(context, step, nullptr, nullptr, NextPath(QueryParameter(context, "next")));
}

// POST of `step`: the session ends after too many attempts, a refused secret shows the form again,
// and an accepted one goes on.
Response PostStep(Context& context, const SecretStep& step) {
  const Form form(context.request);
  const std::string next = NextPath(form.Get("next"));
  auto answer = step.check(context, form.Get(step.field), next);
  if (!answer && answer.error().kind == ErrorKind::kTooManyRequests)
    return SessionEnded(context, answer.error());
  if (!answer) return RenderStep(context, step, &form, &answer.error(), next);
  return std::move(*answer);
}

}  // namespace

Response ShowSecondFactor(Context& context) { return ShowStep(context, kSecondFactor); }

Response SecondFactor(Context& context) { return PostStep(context, kSecondFactor); }

Response SignOut(Context& context) {
  if (context.actor) context.services.authenticator.SignOut(*context.actor, context.client());
  Response response = Response::Redirect("/login");
  response.AddHeader("Set-Cookie", ClearedSessionCookie());
  response.AddHeader("Set-Cookie", CsrfCookie(cercle::auth::RandomToken()));
  return response;
}

Response ShowReauthenticate(Context& context) { return ShowStep(context, kReauthenticate); }

Response Reauthenticate(Context& context) { return PostStep(context, kReauthenticate); }

Response ShowForgotPassword(Context& context) {
  return RenderPage(context, "forgot_password", context.Translate(N_("Forgotten password")),
                    EmptyForm({"email"}));
}

Response ForgotPassword(Context& context) {
  const Form form(context.request);
  const auto requested = app::accounts::RequestPasswordReset(context.services.app, context.client(),
                                                             form.Get("email"));
  if (!requested) {
    return RenderPage(context, "forgot_password", context.Translate(N_("Forgotten password")),
                      form.Model(context, {"email"}, &requested.error()), 422);
  }
  // The same answer whether or not an account uses the address.
  return Message(
      context, context.Translate(N_("Check your mail")),
      context.Translate(
          N_("If an active account uses this address, a link to choose a new password is on "
             "its way. It works once, for one hour.")),
      "/login", context.Translate(N_("Back to sign-in")));
}

Response ShowResetPassword(Context& context) {
  const std::string token = QueryParameter(context, "token");
  if (!app::accounts::ResetLinkValid(context.services.app, token)) {
    return LinkExpired(context, app::accounts::LinkDead(), "/password/forgot",
                       context.Translate(N_("Ask for a new link")));
  }
  mstch::map model = EmptyForm({"password"});
  model["token"] = token;
  return RenderPage(context, "reset_password", context.Translate(N_("Choose a new password")),
                    std::move(model));
}

Response ResetPassword(Context& context) {
  const Form form(context.request);
  const auto done = app::accounts::ResetPassword(context.services.app, context.client(),
                                                 {form.Get("token"), form.Get("password")});
  if (!done) {
    if (done.error().fields.empty()) {
      return LinkExpired(context, done.error(), "/password/forgot",
                         context.Translate(N_("Ask for a new link")));
    }
    mstch::map model = form.Model(context, {"password"}, &done.error(), {"password"});
    model["token"] = form.Get("token");
    return RenderPage(context, "reset_password", context.Translate(N_("Choose a new password")),
                      std::move(model), 422);
  }
  Response response =
      Message(context, context.Translate(N_("Password changed")),
              context.Translate(N_("Your password is changed and every session of your account has "
                                   "ended. Sign in with the new password.")),
              "/login", context.Translate(N_("Sign in")));
  response.AddHeader("Set-Cookie", ClearedSessionCookie());
  return response;
}

Response ShowAcceptInvitation(Context& context) {
  const std::string token = QueryParameter(context, "token");
  const auto invitation = app::accounts::LoadInvitationPage(context.services.app, token);
  if (!invitation) {
    return LinkExpired(context, invitation.error(), "/",
                       context.Translate(N_("Back to the home page")));
  }
  mstch::map model = EmptyForm({"password"});
  model["token"] = token;
  model["display_name"] = invitation->display_name;
  model["email"] = invitation->email;
  return RenderPage(context, "accept_invitation", context.Translate(N_("Create your account")),
                    std::move(model));
}

Response AcceptInvitation(Context& context) {
  const Form form(context.request);
  const std::string token = form.Get("token");
  const auto invitation = app::accounts::LoadInvitationPage(context.services.app, token);
  if (!invitation) {
    return LinkExpired(context, invitation.error(), "/",
                       context.Translate(N_("Back to the home page")));
  }
  const auto done = app::accounts::AcceptInvitation(
      context.services.app, context.client(),
      {token, form.Get("password"), std::string(i18n::Code(context.language))});
  if (!done) {
    mstch::map model = form.Model(context, {"password"}, &done.error(), {"password"});
    model["token"] = token;
    model["display_name"] = invitation->display_name;
    model["email"] = invitation->email;
    return RenderPage(context, "accept_invitation", context.Translate(N_("Create your account")),
                      std::move(model), StatusFor(done.error().kind));
  }
  return Message(context, context.Translate(N_("Account created")),
                 context.Translate(N_(
                     "Your account is ready. Sign in with your e-mail address and the password you "
                     "chose.")),
                 "/login", context.Translate(N_("Sign in")));
}

}  // namespace cercle::web::pages::auth
