#pragma once

#include "web/context.hpp"

// The signed-in user's own account: profile and language, reminders, password, sessions,
// two-factor sign-in.
namespace cercle::web::pages::account {

// GET /account.
Response Show(Context& context);
// POST /account/language.
Response ChangeLanguage(Context& context);
// GET /account/reminders, POST /account/reminders: which reminders by mail the user gets.
Response ShowReminders(Context& context);
Response SaveReminders(Context& context);
// GET /account/password, POST /account/password.
Response ShowPassword(Context& context);
Response ChangePassword(Context& context);
// GET /account/sessions; POST /account/sessions/{id}/end.
Response ListSessions(Context& context);
Response EndSession(Context& context);
// GET /account/two-factor, POST /account/two-factor: set up (or set up again) the authenticator
// app.
Response ShowTwoFactor(Context& context);
Response ConfirmTwoFactor(Context& context);

}  // namespace cercle::web::pages::account
