#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/actor.hpp"
#include "base/result.hpp"
#include "i18n/translator.hpp"
#include "web/http.hpp"
#include "web/router.hpp"
#include "web/services.hpp"

namespace cercle::web {

// What a handler knows about the request it answers.
struct Context {
  const Request& request;
  Services& services;
  const Route& route;
  PathParameters parameters;
  i18n::Language language = i18n::Language::kFrench;
  // The Content-Security-Policy nonce of this response, for the page's script tags.
  std::string nonce;
  // The organisation named in the page header, when the request has one.
  std::string organisation_name;
  // The user behind the request's session, at whatever stage of sign-in it is.
  std::optional<auth::Actor> actor;
  // The CSRF token that this response's forms must send back.
  std::string csrf_token;
  // Set-Cookie values to add to the response (a new CSRF cookie…).
  std::vector<std::string> cookies;

  // Where the request comes from, for the audit log and throttling.
  auth::ClientInfo client() const;
  // The signed-in actor; only for handlers of Access::kSignedIn routes (and later stages), where
  // the pipeline guarantees one.
  const auth::Actor& signed_in() const { return *actor; }

  // `msgid` in the request's language.
  std::string Translate(std::string_view msgid) const {
    return services.translator.Translate(language, msgid);
  }
  // `message` in the request's language, arguments substituted.
  std::string Format(const Message& message) const {
    return services.translator.Format(language, message);
  }
  // The path parameter `name` ("" when absent).
  const std::string& Parameter(std::string_view name) const;
};

}  // namespace cercle::web
