#include "support/auth_fixture.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <regex>
#include <stdexcept>

#include "app/accounts/creation.hpp"
#include "audit/audit_log.hpp"
#include "auth/crypto.hpp"
#include "auth/totp.hpp"
#include "store/organisation_store.hpp"
#include "web/cookies.hpp"
#include "web/http.hpp"

namespace cercle::testing {
namespace {

// What Snapshot reads: one text line per row, in the same SQL on both engines.
constexpr const char* kSnapshotQueries[] = {
    "SELECT 'user ' || CAST(id AS TEXT) || ' ' || CAST(active AS TEXT) || ' ' || language || ' '"
    " || COALESCE(password_hash, '') || ' ' || COALESCE(totp_secret_sealed, '')"
    " FROM users ORDER BY id",
    "SELECT 'role ' || CAST(user_id AS TEXT) || ' ' || role FROM user_roles ORDER BY user_id, role",
    "SELECT 'organisation ' || CAST(id AS TEXT) || ' ' || name FROM organisations ORDER BY id",
    "SELECT 'link ' || CAST(id AS TEXT) || ' ' || CAST(COALESCE(used_at, 0) AS TEXT)"
    " FROM one_time_tokens ORDER BY id",
    "SELECT 'mail ' || CAST(id AS TEXT) || ' ' || CAST(attempts AS TEXT) || ' '"
    " || CAST(COALESCE(failed_at, 0) AS TEXT) FROM outbox ORDER BY id",
    "SELECT 'session ' || CAST(id AS TEXT) || ' ' || stage FROM sessions ORDER BY id",
    "SELECT 'setting ' || CAST(organisation_id AS TEXT) || ' ' || setting_key || ' '"
    " || CAST(setting_value AS TEXT) FROM organisation_settings"
    " ORDER BY organisation_id, setting_key",
    // Volunteers (migrations 0018–0022)
    "SELECT 'volunteer ' || CAST(id AS TEXT) || ' ' || stage || ' ' || CAST(updated_at AS TEXT)"
    " || ' ' || CAST(COALESCE(user_id, 0) AS TEXT) FROM volunteers ORDER BY id",
    "SELECT 'volunteer move ' || CAST(id AS TEXT) FROM volunteer_stage_changes ORDER BY id",
    "SELECT 'screening type ' || CAST(id AS TEXT) || ' ' || name || ' ' || CAST(active AS TEXT)"
    " FROM screening_item_types ORDER BY id",
    "SELECT 'screening item ' || CAST(id AS TEXT) || ' ' || CAST(COALESCE(withdrawn_at, 0) AS TEXT)"
    " FROM screening_items ORDER BY id",
    "SELECT 'training module ' || CAST(id AS TEXT) || ' ' || name || ' '"
    " || CAST(required_minutes AS TEXT) FROM training_modules ORDER BY id",
    "SELECT 'training session ' || CAST(id AS TEXT) FROM training_sessions ORDER BY id",
    "SELECT 'attendance ' || CAST(session_id AS TEXT) || ' ' || CAST(volunteer_id AS TEXT) || ' '"
    " || CAST(minutes AS TEXT) FROM training_attendance ORDER BY session_id, volunteer_id",
    "SELECT 'hours ' || CAST(id AS TEXT) || ' ' || status FROM volunteer_hours ORDER BY id",
    "SELECT 'supervision ' || CAST(id AS TEXT) FROM supervision_sessions ORDER BY id",
    // Core members and referrals (migrations 0011–0017), and documents
    "SELECT 'core member ' || CAST(id AS TEXT) || ' ' || status || ' ' || CAST(updated_at AS TEXT)"
    " FROM core_members ORDER BY id",
    "SELECT 'core member move ' || CAST(id AS TEXT) FROM core_member_status_changes ORDER BY id",
    "SELECT 'referral ' || CAST(id AS TEXT) || ' ' || status || ' ' || CAST(updated_at AS TEXT)"
    " FROM referrals ORDER BY id",
    "SELECT 'referral move ' || CAST(id AS TEXT) FROM referral_status_changes ORDER BY id",
    "SELECT 'checklist ' || CAST(referral_id AS TEXT) || ' ' || CAST(criterion_id AS TEXT)"
    " FROM referral_checklist ORDER BY referral_id, criterion_id",
    "SELECT 'criterion ' || CAST(id AS TEXT) || ' ' || label || ' '"
    " || CAST(COALESCE(retired_at, 0) AS TEXT) FROM eligibility_criteria ORDER BY id",
    "SELECT 'order ' || CAST(id AS TEXT) || ' ' || CAST(updated_at AS TEXT) FROM supervision_orders"
    " ORDER BY id",
    "SELECT 'condition ' || CAST(id AS TEXT) || ' ' || CAST(updated_at AS TEXT) FROM "
    "release_conditions"
    " ORDER BY id",
    "SELECT 'risk ' || CAST(id AS TEXT) FROM risk_assessments ORDER BY id",
    "SELECT 'consent ' || CAST(id AS TEXT) || ' ' || COALESCE(withdrawn_on, '') FROM consents "
    "ORDER BY id",
    "SELECT 'document ' || CAST(id AS TEXT) || ' ' || CAST(COALESCE(deleted_at, 0) AS TEXT) FROM "
    "documents"
    " ORDER BY id",
};

}  // namespace

const TestUser& TestOrganisation::Holder(domain::Role role) const {
  switch (role) {
    case domain::Role::kOrganisationAdmin:
      return admin;
    case domain::Role::kCoordinator:
      return coordinator;
    case domain::Role::kVolunteer:
      return volunteer;
    case domain::Role::kPartner:
      return partner;
    case domain::Role::kEvaluator:
      return evaluator;
    case domain::Role::kNetworkAdmin:
      break;
  }
  throw std::invalid_argument("no organisation account holds this role");
}

std::int64_t AuthFixture::CreateOrganisation(const std::string& name, const std::string& slug) {
  const auto created = store::OrganisationStore(server_.runtime().database())
                           .Create(name, slug, server_.clock().Now());
  if (!created) throw std::runtime_error("cannot create organisation " + slug);
  return created->id;
}

TestOrganisation AuthFixture::CreateOrganisationWithEveryRole(const std::string& name,
                                                              const std::string& slug) {
  TestOrganisation organisation;
  organisation.id = CreateOrganisation(name, slug);
  organisation.name = name;
  const std::string domain = "@" + slug + ".example";
  organisation.admin = CreateUser(organisation.id, "Adèle Admin " + slug, "admin" + domain,
                                  {domain::Role::kOrganisationAdmin});
  organisation.coordinator = CreateUser(organisation.id, "Céleste Coordination " + slug,
                                        "coordination" + domain, {domain::Role::kCoordinator});
  organisation.volunteer = CreateUser(organisation.id, "Bastien Bénévole " + slug,
                                      "benevole" + domain, {domain::Role::kVolunteer});
  organisation.partner = CreateUser(organisation.id, "Octave Partenaire " + slug,
                                    "partenaire" + domain, {domain::Role::kPartner});
  organisation.evaluator = CreateUser(organisation.id, "Zoé Évaluation " + slug,
                                      "evaluation" + domain, {domain::Role::kEvaluator});
  return organisation;
}

TestUser AuthFixture::CreateUser(std::optional<std::int64_t> organisation_id,
                                 const std::string& display_name, const std::string& email,
                                 const domain::Roles& roles) {
  const auto id =
      app::accounts::CreateAccount(server_.app(), {.organisation_id = organisation_id,
                                                   .display_name = display_name,
                                                   .email = email,
                                                   .roles = roles,
                                                   .password = std::string(kTestPassword),
                                                   .check = app::accounts::PasswordCheck::kNo});
  if (!id) throw std::runtime_error("cannot create user " + email + ": " + id.error().message.id);
  return TestUser{*id, organisation_id, display_name, email, roles};
}

TestSession AuthFixture::StartSession(const TestUser& user, store::SessionStage stage) {
  const auto& limits = server_.runtime().config().auth;
  const Instant now = server_.clock().Now();
  store::SessionRecord record;
  record.user_id = user.id;
  record.organisation_id = user.organisation_id;
  record.stage = stage;
  record.created_at = record.last_seen_at = record.reauthenticated_at = now;
  record.expires_at = now + std::chrono::hours(limits.absolute_hours);
  record.idle_seconds =
      60LL * (user.roles.AnyAdmin() ? limits.admin_idle_minutes : limits.idle_minutes);
  record.client_address = "127.0.0.1";
  record.user_agent = "auth fixture";
  TestSession session;
  session.token = auth::RandomToken();
  const std::string hash = server_.runtime().authenticator().SessionTokenHash(session.token);
  const auto id = server_.runtime().database().Write(
      store::Scope::System(), [&](soci::session& sql) -> Result<std::int64_t> {
        return store::SessionStore(sql).Insert(hash, record);
      });
  if (!id) throw std::runtime_error("cannot store a session");
  session.id = *id;
  return session;
}

std::unique_ptr<HttpClient> AuthFixture::SignedInClient(const TestUser& user) {
  auto client = std::make_unique<HttpClient>(server_.base_url());
  client->SetCookie(std::string(web::kSessionCookie), StartSession(user).token);
  return client;
}

std::string AuthFixture::EnrolTotp(const TestUser& user) {
  const std::string secret = auth::totp::NewSecret();
  const std::string sealed = auth::Seal(server_.runtime().secrets().file_key, "totp", secret);
  const auto done =
      server_.runtime().database().Write(store::Scope::System(), [&](soci::session& sql) -> Status {
        store::UserStore(sql).SetTotp(user.id, sealed, server_.clock().Now());
        return {};
      });
  if (!done) throw std::runtime_error("cannot enrol two-step verification");
  return secret;
}

HttpResult AuthFixture::SignInThroughPages(HttpClient& client, const TestUser& user,
                                           const std::string& totp_secret) {
  HttpResult result = SubmitSignIn(client, user.email, kTestPassword);
  if (totp_secret.empty() || result.Header("location") != "/login/two-factor") return result;
  const std::string code = auth::totp::CodeAt(totp_secret, server_.clock().Now());
  return client.Post("/login/two-factor",
                     "csrf=" + client.CsrfToken("/login/two-factor") + "&code=" + code);
}

std::vector<std::int64_t> AuthFixture::SessionIds(std::int64_t user_id) {
  std::vector<std::int64_t> ids;
  for (const auto& session : server_.runtime().database().Read(
           store::Scope::System(),
           [&](soci::session& sql) { return store::SessionStore(sql).ListForUser(user_id); })) {
    ids.push_back(session.id);
  }
  return ids;
}

void AuthFixture::Deactivate(const TestUser& user) {
  const auto done =
      server_.runtime().database().Write(store::Scope::System(), [&](soci::session& sql) -> Status {
        store::UserStore(sql).SetActive(user.id, false, server_.clock().Now());
        return {};
      });
  if (!done) throw std::runtime_error("cannot deactivate " + user.email);
}

std::optional<store::User> AuthFixture::FindUserByEmail(const std::string& email) {
  return server_.runtime().database().Read(store::Scope::System(), [&](soci::session& sql) {
    return store::UserStore(sql).FindByEmail(email);
  });
}

bool AuthFixture::SessionExists(std::int64_t session_id) {
  return server_.runtime().database().Read(store::Scope::System(), [&](soci::session& sql) {
    long long count = 0;
    sql << "SELECT count(*) FROM sessions WHERE id = :id", soci::use(session_id, "id"),
        soci::into(count);
    return count == 1;
  });
}

store::User AuthFixture::StoredUser(const TestUser& user) {
  const auto stored =
      server_.runtime().database().Read(store::Scope::System(), [&](soci::session& sql) {
        return store::UserStore(sql).Find(user.id, user.organisation_id);
      });
  if (!stored) throw std::runtime_error("no user " + user.email);
  return *stored;
}

std::size_t AuthFixture::CountAuditEntries(std::optional<std::int64_t> organisation_id,
                                           const std::string& action,
                                           std::optional<std::int64_t> actor_user_id) {
  auto& runtime = server_.runtime();
  if (!organisation_id) {
    return runtime.database().Read(store::Scope::System(), [&](soci::session& sql) {
      long long count = 0;
      const int any_actor = actor_user_id ? 0 : 1;
      const std::int64_t actor = actor_user_id.value_or(0);
      sql << "SELECT count(*) FROM audit_events WHERE organisation_id IS NULL AND action = :action"
             " AND (:any_actor = 1 OR actor_user_id = :actor)",
          soci::use(action, "action"), soci::use(any_actor, "any_actor"), soci::use(actor, "actor"),
          soci::into(count);
      return static_cast<std::size_t>(count);
    });
  }
  audit::Filter filter;
  filter.action_prefix = action;
  filter.actor_user_id = actor_user_id;
  filter.limit = 1000;
  std::size_t count = 0;
  for (const auto& entry : runtime.audit().List(runtime.database(), *organisation_id, filter)) {
    if (entry.event.action == action) ++count;
  }
  return count;
}

long long AuthFixture::CountRows(const std::string& table) {
  return server_.runtime().database().Read(store::Scope::System(), [&](soci::session& sql) {
    long long count = 0;
    sql << "SELECT count(*) FROM " + table, soci::into(count);
    return count;
  });
}

std::string AuthFixture::Snapshot() {
  return server_.runtime().database().Read(store::Scope::System(), [&](soci::session& sql) {
    std::string snapshot;
    for (const char* query : kSnapshotQueries) {
      const soci::rowset<std::string> rows = (sql.prepare << query);
      for (const auto& row : rows) snapshot += row + "\n";
    }
    return snapshot;
  });
}

HttpResult SubmitSignIn(HttpClient& client, const std::string& email, std::string_view password,
                        const std::map<std::string, std::string>& headers) {
  const std::string body = "csrf=" + client.CsrfToken("/login") +
                           "&email=" + web::PercentEncode(email) +
                           "&password=" + web::PercentEncode(password);
  return client.Post("/login", body, headers);
}

std::string SetCookieHeader(const HttpResult& result, std::string_view name) {
  std::string found;
  const auto [first, last] = result.headers.equal_range("set-cookie");
  for (auto header = first; header != last; ++header) {
    const std::string& value = header->second;
    if (value.size() > name.size() && value.compare(0, name.size(), name) == 0 &&
        value[name.size()] == '=') {
      found = value;
    }
  }
  return found;
}

std::optional<std::string> SetCookieValue(const HttpResult& result, std::string_view name) {
  const std::string header = SetCookieHeader(result, name);
  if (header.empty()) return std::nullopt;
  const auto start = name.size() + 1;
  return header.substr(start, header.find(';', start) - start);
}

std::string DecodeBase32(std::string_view text) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string bytes;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const auto value = kAlphabet.find(c);
    if (value == std::string_view::npos)
      throw std::invalid_argument("not base32: " + std::string(text));
    buffer = (buffer << 5) | static_cast<unsigned>(value);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

namespace {

// The text between the first `before` and the next `after`, or nothing when either is missing.
std::optional<std::string> FindBetween(std::string_view text, std::string_view before,
                                       std::string_view after) {
  const auto at = text.find(before);
  if (at == std::string_view::npos) return std::nullopt;
  const auto start = at + before.size();
  const auto end = text.find(after, start);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(text.substr(start, end - start));
}

}  // namespace

std::string TextBetween(std::string_view text, std::string_view before, std::string_view after) {
  auto found = FindBetween(text, before, after);
  if (!found) {
    // A check on the text of a section that is not there would pass for the wrong reason.
    ADD_FAILURE() << "no text between \"" << before << "\" and \"" << after << "\"";
    return "";
  }
  return std::move(*found);
}

std::string ComparablePage(std::string body, std::initializer_list<std::string> variable) {
  const auto replace_all = [&](const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (auto at = body.find(from); at != std::string::npos; at = body.find(from, at + to.size())) {
      body.replace(at, from.size(), to);
    }
  };
  replace_all(FindBetween(body, "\"X-CSRF-Token\": \"", "\"").value_or(""), "CSRF");
  body = std::regex_replace(body, std::regex("nonce=\"[0-9a-f]+\""), "nonce=\"NONCE\"");
  int marker = 0;
  for (const auto& text : variable) replace_all(text, "VARIABLE" + std::to_string(++marker));
  return body;
}

auth::Actor ActorOf(const TestUser& user) {
  auth::Actor actor;
  actor.user_id = user.id;
  actor.organisation_id = user.organisation_id;
  actor.display_name = user.display_name;
  actor.email = user.email;
  actor.roles = user.roles;
  actor.stage = store::SessionStage::kFull;
  actor.client_address = "127.0.0.1";
  return actor;
}

}  // namespace cercle::testing
