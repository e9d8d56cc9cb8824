#pragma once

#include "web/context.hpp"

// The mail that did not go (/admin/mail), for an organisation's administrators (their
// organisation's mail) and network administrators (the network's own).
namespace cercle::web::pages::admin {

// GET /admin/mail: the mail that failed or whose delivery is unconfirmed, newest first.
Response ShowMail(Context& context);
// POST /admin/mail/{id}/retry: sends one mail again.
Response RetryMail(Context& context);
// GET /admin/mail/retry: asks to confirm sending every failed mail again. POST /admin/mail/retry
// with confirm=yes sends them; without it, it asks again.
Response ConfirmRetryAllMail(Context& context);
Response RetryAllMail(Context& context);

}  // namespace cercle::web::pages::admin
