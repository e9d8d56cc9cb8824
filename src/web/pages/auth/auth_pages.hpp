#pragma once

#include <string>

#include "web/context.hpp"

// Signing in and out: password, second factor, step-up, password reset by mail, and invitations.
namespace cercle::web::pages::auth {

// The confirmation page a sensitive change sends to first (step-up): the password or a code again,
// then back to `back_to`, a local path.
Response StepUp(const std::string& back_to);

// The page after a session was ended for too many wrong codes or passwords: says so, removes the
// cookie.
Response SessionEnded(Context& context, const Error& error);
// GET /login, POST /login: e-mail and password.
Response ShowSignIn(Context& context);
Response SignIn(Context& context);
// GET /login/two-factor, POST /login/two-factor: the code from the app, or a recovery code.
Response ShowSecondFactor(Context& context);
Response SecondFactor(Context& context);
// POST /logout.
Response SignOut(Context& context);
// GET /reauth, POST /reauth: enter the password or a code again before a sensitive action.
Response ShowReauthenticate(Context& context);
Response Reauthenticate(Context& context);
// GET /password/forgot, POST /password/forgot: ask for a reset link.
Response ShowForgotPassword(Context& context);
Response ForgotPassword(Context& context);
// GET /password/reset?token=…, POST /password/reset: choose a new password through the link.
Response ShowResetPassword(Context& context);
Response ResetPassword(Context& context);
// GET /invitations/accept?token=…, POST /invitations/accept: create the invited account.
Response ShowAcceptInvitation(Context& context);
Response AcceptInvitation(Context& context);

}  // namespace cercle::web::pages::auth
