#include "web/cookies.hpp"

namespace cercle::web {
namespace {

// Browsers accept Secure cookies from http://localhost and 127.0.0.1, so the same attributes serve
// both the demo and TLS behind a proxy.
constexpr std::string_view kAttributes = "; Path=/; Secure; HttpOnly; SameSite=Lax";

}  // namespace

std::string SessionCookie(const std::string& token) {
  return std::string(kSessionCookie) + "=" + token + std::string(kAttributes);
}

std::string ClearedSessionCookie() {
  return std::string(kSessionCookie) + "=" + std::string(kAttributes) + "; Max-Age=0";
}

std::string CsrfCookie(const std::string& value) {
  return std::string(kCsrfCookie) + "=" + value + std::string(kAttributes);
}

}  // namespace cercle::web
