#pragma once

#include <string>
#include <string_view>

namespace cercle::web {

// The session cookie: __Host- prefixed, Secure, HttpOnly, SameSite=Lax, for the whole site, ending
// with the browser session (the server enforces the idle and absolute limits).
inline constexpr std::string_view kSessionCookie = "__Host-cercle_session";
// The CSRF cookie: a random value whose keyed hash every form sends back.
inline constexpr std::string_view kCsrfCookie = "__Host-cercle_csrf";

// A Set-Cookie value that stores `token` as the session cookie.
std::string SessionCookie(const std::string& token);
// A Set-Cookie value that removes the session cookie.
std::string ClearedSessionCookie();
// A Set-Cookie value that stores `value` as the CSRF cookie.
std::string CsrfCookie(const std::string& value);

}  // namespace cercle::web
