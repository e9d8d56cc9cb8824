// Accounts, sessions and sign-in for the HTTP tests of authentication and authorisation:
// organisations and users made straight through the stores of a TestServer, sessions stored
// directly, and helpers to read what the server answered.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/actor.hpp"
#include "domain/roles.hpp"
#include "store/session_store.hpp"
#include "store/user_store.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {

// The password of every fixture account.
inline constexpr std::string_view kTestPassword = "un matin de brume sur le fleuve";

// An account created for a test; its password is kTestPassword.
struct TestUser {
  std::int64_t id = 0;
  std::optional<std::int64_t> organisation_id;  // none for a network admin
  std::string display_name;
  std::string email;
  domain::Roles roles;
};

// An organisation with one account per organisation role.
struct TestOrganisation {
  std::int64_t id = 0;
  std::string name;
  TestUser admin;
  TestUser coordinator;
  TestUser volunteer;
  TestUser partner;
  TestUser evaluator;

  // The account holding `role` (an organisation role).
  const TestUser& Holder(domain::Role role) const;
};

// A session stored directly, and the token its cookie carries.
struct TestSession {
  std::int64_t id = 0;
  std::string token;
};

// Builds organisations, accounts and sessions through the stores of one TestServer, without the
// pages, so that a test reaches the state it checks quickly. Not thread-safe.
class AuthFixture {
 public:
  explicit AuthFixture(TestServer& server) : server_(server) {}

  // Creates an organisation; returns its id.
  std::int64_t CreateOrganisation(const std::string& name, const std::string& slug);
  // Creates an organisation and one account per organisation role, with addresses
  // ROLE@SLUG.example.
  TestOrganisation CreateOrganisationWithEveryRole(const std::string& name,
                                                   const std::string& slug);
  // Creates an account with password kTestPassword through auth::Accounts::CreateWithPassword.
  TestUser CreateUser(std::optional<std::int64_t> organisation_id, const std::string& display_name,
                      const std::string& email, const domain::Roles& roles);

  // Stores a session of `user` at `stage`, started, seen and reauthenticated now, with the idle
  // limit the server gives the user's roles, and returns it.
  TestSession StartSession(const TestUser& user,
                           store::SessionStage stage = store::SessionStage::kFull);
  // A new client whose session cookie holds a new full session of `user`.
  std::unique_ptr<HttpClient> SignedInClient(const TestUser& user);
  // Turns on two-step verification for `user` with a fresh secret, as an enrolment would; returns
  // the secret (raw bytes, for auth::totp::CodeAt).
  std::string EnrolTotp(const TestUser& user);
  // Signs `client` in through the pages as `user`: the password kTestPassword, then, when
  // `totp_secret` is given, the current code. Returns the last answer (303 to "/" when it worked).
  HttpResult SignInThroughPages(HttpClient& client, const TestUser& user,
                                const std::string& totp_secret = "");
  // The ids of the stored sessions of `user_id`.
  std::vector<std::int64_t> SessionIds(std::int64_t user_id);

  // Deactivates `user` directly in the store (their sessions stay, as a crash between the two would
  // leave them).
  void Deactivate(const TestUser& user);

  // True when session `session_id` is stored.
  bool SessionExists(std::int64_t session_id);
  // The account of `user` as stored (throws when absent).
  store::User StoredUser(const TestUser& user);
  // The account that uses `email`, if any.
  std::optional<store::User> FindUserByEmail(const std::string& email);
  // How many entries with exactly `action` the audit chain of `organisation_id` (the network-level
  // chain when none) holds, by `actor_user_id` when given. Organisation chains are read with
  // AuditLog::List.
  std::size_t CountAuditEntries(std::optional<std::int64_t> organisation_id,
                                const std::string& action,
                                std::optional<std::int64_t> actor_user_id = std::nullopt);
  // The number of rows of `table` (a name the test writes itself), over every organisation.
  long long CountRows(const std::string& table);
  // A description of every account and its roles, every organisation, one-time link, outbox mail
  // and session: equal before and after a request that must change nothing.
  std::string Snapshot();

 private:
  TestServer& server_;
};

// `user` as the app layer sees a signed-in caller (for the app tests, which call it without HTTP).
auth::Actor ActorOf(const TestUser& user);

// Loads the sign-in page, then posts it with `email` and `password` (and `headers`, such as
// X-Forwarded-For).
HttpResult SubmitSignIn(HttpClient& client, const std::string& email, std::string_view password,
                        const std::map<std::string, std::string>& headers = {});

// The value the last Set-Cookie header of `result` gives cookie `name` ("" when it removes it), if
// any header sets it.
std::optional<std::string> SetCookieValue(const HttpResult& result, std::string_view name);
// The last whole Set-Cookie header of `result` for cookie `name`, or "".
std::string SetCookieHeader(const HttpResult& result, std::string_view name);

// Decodes RFC 4648 base32 without padding, as the two-factor page shows the key.
std::string DecodeBase32(std::string_view text);
// The text between the first `before` and the next `after` in `text`. When either is missing the
// calling test fails, and "" comes back.
std::string TextBetween(std::string_view text, std::string_view before, std::string_view after);
// `body` with what differs from one response to the next (the script nonce, the CSRF token) and
// each of `variable` replaced by fixed markers, to compare two pages.
std::string ComparablePage(std::string body, std::initializer_list<std::string> variable = {});

}  // namespace cercle::testing
