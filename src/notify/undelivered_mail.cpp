#include "notify/undelivered_mail.hpp"

#include <curl/curl.h>

#include <string>
#include <utility>

#include "notify/outbox.hpp"
#include "store/fetch.hpp"
#include "store/page_slice.hpp"

namespace cercle::notify {
namespace {

// Every review query reads these columns, in this order (OutboxRow binds them).
constexpr const char* kSelect = R"sql(
    SELECT id, created_at, recipient, subject, attempts, next_attempt_at, claimed_until, sent_at,
        failed_at, handed_at, last_error
    FROM outbox
)sql";
constexpr const char* kCount = "SELECT count(*) FROM outbox";
// Mail that failed or whose delivery is unconfirmed: given up; marked sent but unconfirmed; held
// by a sender whose claim ran out; or tried and failed at least once and not sent yet. StateOf
// gives each row its state by the same rules; :unconfirmed is kUnconfirmedPrefix followed by "%".
// The owner is matched with coalesce so that the network's own mail (no organisation) reads as
// owner 0, which no organisation has.
constexpr const char* kUndelivered = R"sql(
    WHERE coalesce(organisation_id, 0) = :owner
      AND (failed_at IS NOT NULL
           OR (sent_at IS NOT NULL AND last_error LIKE :unconfirmed)
           OR (sent_at IS NULL AND claimed_until <= :now)
           OR (sent_at IS NULL AND attempts > 0))
)sql";
constexpr const char* kNewestFirst = " ORDER BY created_at DESC, id DESC";
constexpr const char* kOwnersMail = R"sql(
    WHERE id = :id
      AND coalesce(organisation_id, 0) = :owner
)sql";
constexpr const char* kCountFailedSince = R"sql(
    SELECT count(*)
    FROM outbox
    WHERE coalesce(organisation_id, 0) = :owner
      AND failed_at IS NOT NULL
      AND failed_at >= :since
)sql";
constexpr const char* kFailedIds = R"sql(
    SELECT id
    FROM outbox
    WHERE coalesce(organisation_id, 0) = :owner
      AND failed_at IS NOT NULL
      AND sent_at IS NULL
      AND handed_at IS NULL
    ORDER BY id
)sql";
// A fresh allowance of attempts, due now. Only while no sender holds it and no server may have it:
// the same conditions the sender's claim checks, so that of a retry and a claim racing, one waits
// for the other and re-checks (PostgreSQL) or they run one after the other (SQLite).
constexpr const char* kRetry = R"sql(
    UPDATE outbox
    SET attempts = 0, failed_at = NULL, claimed_until = NULL, next_attempt_at = :now
    WHERE id = :id
      AND coalesce(organisation_id, 0) = :owner
      AND sent_at IS NULL
      AND handed_at IS NULL
      AND (claimed_until IS NULL OR claimed_until <= :free_by)
)sql";

// One row of the review queries.
struct OutboxRow {
  long long id = 0, created_at = 0, next_attempt_at = 0;
  long long claimed_until = 0, sent_at = 0, failed_at = 0, handed_at = 0;
  int attempts = 0;
  std::string recipient, subject, last_error;
  soci::indicator claimed_indicator = soci::i_null, sent_indicator = soci::i_null,
                  failed_indicator = soci::i_null, handed_indicator = soci::i_null,
                  error_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(recipient));
    statement.exchange(soci::into(subject));
    statement.exchange(soci::into(attempts));
    statement.exchange(soci::into(next_attempt_at));
    statement.exchange(soci::into(claimed_until, claimed_indicator));
    statement.exchange(soci::into(sent_at, sent_indicator));
    statement.exchange(soci::into(failed_at, failed_indicator));
    statement.exchange(soci::into(handed_at, handed_indicator));
    statement.exchange(soci::into(last_error, error_indicator));
  }

  static std::optional<long long> Optional(long long value, soci::indicator indicator) {
    return indicator == soci::i_ok ? std::optional(value) : std::nullopt;
  }

  // The mail as read, and its columns for StateOf.
  struct Read {
    UndeliveredMail mail;
    OutboxColumns columns;
    Instant next_attempt_at;
  };

  Read Take() const {
    Read read{
        {},
        {attempts, Optional(claimed_until, claimed_indicator), Optional(sent_at, sent_indicator),
         Optional(failed_at, failed_indicator), Optional(handed_at, handed_indicator),
         error_indicator == soci::i_ok ? last_error : std::string()},
        FromUnix(next_attempt_at)};
    read.mail.id = id;
    read.mail.queued_at = FromUnix(created_at);
    read.mail.recipient = recipient;
    read.mail.subject = subject;
    read.mail.attempts = attempts;
    return read;
  }
};

// The mail `read` with its state at `now`, its problem and whether a server may have it.
UndeliveredMail Described(OutboxRow::Read read, Instant now) {
  UndeliveredMail mail = std::move(read.mail);
  mail.state = StateOf(read.columns, now);
  mail.problem = ProblemOf(read.columns.last_error);
  mail.handed = read.columns.handed_at.has_value();
  if (mail.state == MailState::kRetrying || mail.state == MailState::kHeld) {
    mail.next_attempt_at = read.next_attempt_at;
  }
  return mail;
}

// What the sender's own reasons and libcurl's errors mean, by libcurl's error code: a failure
// records curl_easy_strerror(code), so the text is compared with the same function's, whatever
// libcurl's version words it as.
constexpr std::pair<CURLcode, MailProblem> kCurlProblems[] = {
    {CURLE_COULDNT_CONNECT, MailProblem::kUnreachable},
    {CURLE_COULDNT_RESOLVE_HOST, MailProblem::kUnreachable},
    {CURLE_COULDNT_RESOLVE_PROXY, MailProblem::kUnreachable},
    {CURLE_OPERATION_TIMEDOUT, MailProblem::kTimeout},
    {CURLE_LOGIN_DENIED, MailProblem::kSignIn},
    {CURLE_SSL_CONNECT_ERROR, MailProblem::kSecureConnection},
    {CURLE_USE_SSL_FAILED, MailProblem::kSecureConnection},
    {CURLE_PEER_FAILED_VERIFICATION, MailProblem::kSecureConnection},
    {CURLE_SSL_CERTPROBLEM, MailProblem::kSecureConnection},
    {CURLE_SSL_CACERT_BADFILE, MailProblem::kSecureConnection},
    {CURLE_SEND_ERROR, MailProblem::kConnectionLost},
    {CURLE_RECV_ERROR, MailProblem::kConnectionLost},
    {CURLE_GOT_NOTHING, MailProblem::kConnectionLost},
    {CURLE_PARTIAL_FILE, MailProblem::kConnectionLost},
};

// The SMTP reply code a reason names ("… (SMTP 550)"), or 0.
int SmtpCode(std::string_view reason) {
  constexpr std::string_view kMarker = " (SMTP ";
  const auto at = reason.rfind(kMarker);
  if (at == std::string_view::npos) return 0;
  int code = 0;
  for (std::size_t i = at + kMarker.size(); i < reason.size() && reason[i] != ')'; ++i) {
    if (reason[i] < '0' || reason[i] > '9') return 0;
    code = code * 10 + (reason[i] - '0');
    if (code > 999) return 0;
  }
  return code;
}

// Binds the owner: an organisation's id, or 0 for the network's own mail.
long long OwnerKey(const MailOwner& owner) { return owner.value_or(0); }

// The pattern of an unconfirmed mail's last_error, for LIKE.
std::string UnconfirmedPattern() { return std::string(kUnconfirmedPrefix) + "%"; }

}  // namespace

MailProblem ProblemOf(std::string_view last_error) {
  if (last_error.empty()) return MailProblem::kNone;
  std::string_view reason = last_error;
  if (reason.starts_with(kUnconfirmedPrefix)) reason.remove_prefix(kUnconfirmedPrefix.size());
  if (reason == kSenderStoppedReason) return MailProblem::kSenderStopped;
  if (reason == kNotPlainReason) return MailProblem::kInvalidAddress;
  const auto curl_problem = [&]() -> std::optional<MailProblem> {
    for (const auto& [code, problem] : kCurlProblems) {
      if (reason.starts_with(curl_easy_strerror(code))) return problem;
    }
    return std::nullopt;
  }();
  // A refused sign-in carries a 5xx reply too; every other reply code is the server's verdict on
  // the mail itself, whatever libcurl's error says about how the exchange ended.
  if (curl_problem == MailProblem::kSignIn) return MailProblem::kSignIn;
  const int smtp = SmtpCode(reason);
  if (smtp >= 500 && smtp < 600) return MailProblem::kRejected;
  if (smtp >= 400 && smtp < 500) return MailProblem::kDeferred;
  return curl_problem.value_or(MailProblem::kOther);
}

MailState StateOf(const OutboxColumns& columns, Instant now) {
  if (columns.failed_at) return MailState::kFailed;
  if (columns.sent_at) {
    return columns.last_error.starts_with(kUnconfirmedPrefix) ? MailState::kUnconfirmed
                                                              : MailState::kSent;
  }
  if (columns.claimed_until) {
    return *columns.claimed_until <= ToUnix(now) ? MailState::kHeld : MailState::kSending;
  }
  return columns.attempts > 0 ? MailState::kRetrying : MailState::kWaiting;
}

std::vector<UndeliveredMail> UndeliveredMailStore::List(const MailOwner& owner,
                                                        const PageSlice& slice) const {
  const long long owner_key = OwnerKey(owner);
  const long long now = ToUnix(unit_.now());
  const std::string unconfirmed = UnconfirmedPattern();
  auto rows = store::FetchAll<OutboxRow>(
      unit_.session(),
      std::string(kSelect) + kUndelivered + kNewestFirst + store::LimitClause(slice),
      [&](soci::statement& statement) {
        statement.exchange(soci::use(owner_key, "owner"));
        statement.exchange(soci::use(unconfirmed, "unconfirmed"));
        statement.exchange(soci::use(now, "now"));
      });
  std::vector<UndeliveredMail> mails;
  mails.reserve(rows.size());
  for (auto& row : rows) mails.push_back(Described(std::move(row), unit_.now()));
  return mails;
}

std::int64_t UndeliveredMailStore::Count(const MailOwner& owner) const {
  const long long owner_key = OwnerKey(owner);
  const long long now = ToUnix(unit_.now());
  const std::string unconfirmed = UnconfirmedPattern();
  long long count = 0;
  unit_.session() << std::string(kCount) + kUndelivered, soci::use(owner_key, "owner"),
      soci::use(unconfirmed, "unconfirmed"), soci::use(now, "now"), soci::into(count);
  return count;
}

std::int64_t UndeliveredMailStore::CountFailedSince(const MailOwner& owner, Instant since) const {
  const long long owner_key = OwnerKey(owner);
  const long long since_seconds = ToUnix(since);
  long long count = 0;
  unit_.session() << kCountFailedSince, soci::use(owner_key, "owner"),
      soci::use(since_seconds, "since"), soci::into(count);
  return count;
}

std::optional<UndeliveredMail> UndeliveredMailStore::Find(const MailOwner& owner,
                                                          std::int64_t id) const {
  const long long owner_key = OwnerKey(owner);
  const long long mail_id = id;
  auto row = store::FetchOne<OutboxRow>(unit_.session(), std::string(kSelect) + kOwnersMail,
                                        [&](soci::statement& statement) {
                                          statement.exchange(soci::use(mail_id, "id"));
                                          statement.exchange(soci::use(owner_key, "owner"));
                                        });
  if (!row) return std::nullopt;
  return Described(std::move(*row), unit_.now());
}

std::vector<std::int64_t> UndeliveredMailStore::FailedIds(const MailOwner& owner) const {
  const long long owner_key = OwnerKey(owner);
  std::vector<std::int64_t> ids;
  long long id = 0;
  soci::statement statement =
      (unit_.session().prepare << kFailedIds, soci::use(owner_key, "owner"), soci::into(id));
  statement.execute();
  while (statement.fetch()) ids.push_back(id);
  return ids;
}

bool UndeliveredMailStore::Retry(const MailOwner& owner, std::int64_t id) const {
  const long long owner_key = OwnerKey(owner);
  const long long mail_id = id;
  const long long now = ToUnix(unit_.now());
  soci::statement statement =
      (unit_.session().prepare << kRetry, soci::use(now, "now"), soci::use(mail_id, "id"),
       soci::use(owner_key, "owner"), soci::use(now, "free_by"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

}  // namespace cercle::notify
