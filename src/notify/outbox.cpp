#include "notify/outbox.hpp"

#include "notify/mail_message.hpp"

#include <curl/curl.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace cercle::notify {
namespace {

constexpr const char* kInsert = R"sql(
    INSERT INTO outbox (organisation_id, recipient, subject, body, created_at, attempts,
        next_attempt_at)
    VALUES (:organisation_id, :recipient, :subject, :body, :created_at, 0, :next_attempt_at)
    RETURNING id
)sql";
// The oldest mail that is due, that no sender holds, and that no sender handed to an SMTP server
// already (the outbox_due index serves it).
constexpr const char* kNextDue = R"sql(
    SELECT id
    FROM outbox
    WHERE sent_at IS NULL
      AND failed_at IS NULL
      AND handed_at IS NULL
      AND next_attempt_at <= :due_by
      AND (claimed_until IS NULL OR claimed_until <= :free_by)
    ORDER BY next_attempt_at, id
    LIMIT 1
)sql";
// Takes the mail only if it is still due and free: of two senders that picked the same mail, the
// second updates no row (PostgreSQL re-checks the condition after the first one commits; SQLite
// runs one writer at a time).
constexpr const char* kClaim = R"sql(
    UPDATE outbox
    SET claimed_until = :claimed_until
    WHERE id = :id
      AND sent_at IS NULL
      AND failed_at IS NULL
      AND handed_at IS NULL
      AND next_attempt_at <= :due_by
      AND (claimed_until IS NULL OR claimed_until <= :free_by)
    RETURNING recipient, subject, body, created_at, attempts
)sql";
// Records that the whole message went to the SMTP server, just before the sender ends the data and
// the server may accept it: only while this sender still holds its claim.
constexpr const char* kMarkHanded = R"sql(
    UPDATE outbox
    SET handed_at = :handed_at
    WHERE id = :id
      AND claimed_until = :claimed_until
      AND handed_at IS NULL
      AND sent_at IS NULL
      AND failed_at IS NULL
)sql";
// A mail handed over by a sender that stopped (a crash, a kill) before it recorded the server's
// verdict, once that sender's claim has run out: the server may have accepted it, so it is never
// sent again. It is marked sent, unconfirmed.
constexpr const char* kSettleHanded = R"sql(
    UPDATE outbox
    SET sent_at = handed_at, claimed_until = NULL, body = '', last_error = :reason
    WHERE handed_at IS NOT NULL
      AND sent_at IS NULL
      AND failed_at IS NULL
      AND claimed_until <= :free_by
)sql";
// A sent mail's body is emptied: it may hold a single-use link, which has no business staying in
// the database.
constexpr const char* kMarkSent = R"sql(
    UPDATE outbox
    SET sent_at = :sent_at, attempts = :attempts, claimed_until = NULL, body = ''
    WHERE id = :id
)sql";
constexpr const char* kMarkFailedAttempt = R"sql(
    UPDATE outbox
    SET attempts = :attempts, next_attempt_at = :next_attempt_at, claimed_until = NULL,
        handed_at = NULL, last_error = :last_error, failed_at = :failed_at
    WHERE id = :id
)sql";
// A mail handed over whose verdict never came (the connection dropped or timed out after the data):
// the server may have accepted it, so it is not sent again.
constexpr const char* kMarkUnconfirmed = R"sql(
    UPDATE outbox
    SET sent_at = :sent_at, attempts = :attempts, claimed_until = NULL, body = '',
        last_error = :last_error
    WHERE id = :id
)sql";

// How long a claimed mail stays reserved for its sender: twice the longest an SMTP exchange may
// last (mail.timeout_seconds), so that a crashed sender's mail is retried by another after this,
// never while its sender may still be sending it.
std::chrono::seconds ClaimDuration(const config::Config::Mail& settings) {
  return std::chrono::seconds(2 * std::max(settings.timeout_seconds, 1));
}
constexpr long kConnectTimeoutSeconds = 10;
// Delays between attempts: 30 s, 1 min, 2 min… doubling up to 6 h.
constexpr std::chrono::seconds kFirstRetryDelay{30};
constexpr std::chrono::seconds kLongestRetryDelay{6 * 60 * 60};
// Two senders racing for the same mail on PostgreSQL: the loser looks for another this many times.
constexpr int kClaimTries = 16;
constexpr std::size_t kMaxErrorLength = 200;

// Why a send failed, in words that never include the recipient.
struct SendFailure {
  std::string reason;
  // The server could not be reached at all: the rest of this pass would fail the same way.
  bool unreachable = false;
  // Retrying cannot help: the mail is given up at once.
  bool permanent = false;
  // The whole message was handed to the server and no refusal came back: the server may have
  // accepted it, so it must not be sent again.
  bool unconfirmed = false;
};

// The message being uploaded by libcurl, and what to do once all of it went out.
struct Upload {
  const std::string& data;
  std::size_t offset = 0;
  // Called when libcurl asks for more after the last byte, before it ends the data ("." on a line
  // of its own), after which the server may accept the message; false stops the transfer instead.
  const std::function<bool()>& hand_over;
  bool handed = false;
};

std::size_t ReadUpload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  if (upload->offset == upload->data.size()) {
    if (!upload->handed) {
      // Until this returns 0 the server has not seen the end of the data, so it cannot have
      // accepted the message; the hand-over is recorded first.
      if (!upload->hand_over()) return CURL_READFUNC_ABORT;
      upload->handed = true;
    }
    return 0;
  }
  const std::size_t length = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, length);
  upload->offset += length;
  return length;
}

// Sends one message over SMTP; nothing on success. The failure names libcurl's error and the SMTP
// reply code only: a server's reply text may quote the recipient.
std::optional<SendFailure> Send(const config::Config::Mail& settings, const std::string& recipient,
                                const std::string& message,
                                const std::function<bool()>& hand_over) {
  const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                                 curl_easy_cleanup);
  if (!curl) return SendFailure{std::string(kCurlStartReason)};
  const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
      curl_slist_append(nullptr, ("<" + recipient + ">").c_str()), curl_slist_free_all);
  if (!recipients) return SendFailure{std::string(kCurlStartReason)};
  const std::string envelope_from = "<" + EnvelopeAddress(OneLine(settings.from)) + ">";
  Upload upload{message, 0, hand_over};
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, settings.smtp_url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(handle, CURLOPT_MAIL_FROM, envelope_from.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
  // No CURLOPT_INFILESIZE: with a known size libcurl would end the data once it has read that many
  // bytes, without asking ReadUpload for more, and the hand-over would go unrecorded.
  // Signals would reach the wrong thread; time-outs work without them (threaded resolver).
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  const long total_timeout = std::max(settings.timeout_seconds, 1);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, std::min(kConnectTimeoutSeconds, total_timeout));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, total_timeout);
  if (settings.require_tls) curl_easy_setopt(handle, CURLOPT_USE_SSL, CURLUSESSL_ALL);
  if (!settings.username.empty()) {
    curl_easy_setopt(handle, CURLOPT_USERNAME, settings.username.c_str());
    curl_easy_setopt(handle, CURLOPT_PASSWORD, settings.password.c_str());
  }
  const CURLcode code = curl_easy_perform(handle);
  if (code == CURLE_OK) return std::nullopt;
  long reply = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &reply);
  std::string reason = curl_easy_strerror(code);
  if (reply != 0) reason += " (SMTP " + std::to_string(reply) + ")";
  if (reason.size() > kMaxErrorLength) reason.resize(kMaxErrorLength);
  const bool unreachable = code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST ||
                           code == CURLE_COULDNT_RESOLVE_PROXY || code == CURLE_OPERATION_TIMEDOUT;
  // After the hand-over, only the server's own refusal (a 4xx or 5xx reply to the end of the data)
  // proves that it did not take the message; a dropped connection or a time-out leaves it unknown.
  const bool refused = reply >= 400;
  return SendFailure{std::move(reason), unreachable && !upload.handed, false,
                     upload.handed && !refused};
}

// The delay before the attempt that follows `attempts` failed ones.
std::chrono::seconds RetryDelay(int attempts) {
  auto delay = kFirstRetryDelay;
  for (int i = 1; i < attempts && delay < kLongestRetryDelay; ++i) delay *= 2;
  return std::min(delay, kLongestRetryDelay);
}

// Marks sent, unconfirmed, the mail that senders which stopped had handed over, once their claims
// ran out; returns how many.
long long SettleHandedMail(store::Database& database, Instant now) {
  auto settled =
      database.Write(store::Scope::System(), [&](soci::session& session) -> Result<long long> {
        const long long free_by = ToUnix(now);
        const std::string reason =
            std::string(kUnconfirmedPrefix) + std::string(kSenderStoppedReason);
        soci::statement statement = (session.prepare << kSettleHanded, soci::use(reason, "reason"),
                                     soci::use(free_by, "free_by"));
        statement.execute(true);
        return static_cast<long long>(statement.get_affected_rows());
      });
  return settled ? *settled : 0;
}

// Records the hand-over of a claimed mail in a transaction of its own; false when the claim is no
// longer this sender's.
bool MarkHanded(store::Database& database, const ClaimedMail& mail, Instant now) {
  const long long handed_at = ToUnix(now);
  const auto marked =
      database.Write(store::Scope::System(), [&](soci::session& session) -> Result<bool> {
        soci::statement statement =
            (session.prepare << kMarkHanded, soci::use(handed_at, "handed_at"),
             soci::use(mail.id, "id"), soci::use(mail.claimed_until, "claimed_until"));
        statement.execute(true);
        return statement.get_affected_rows() == 1;
      });
  return marked && *marked;
}

void MarkUnconfirmed(store::Database& database, const ClaimedMail& mail, const SendFailure& failure,
                     Instant now) {
  const long long sent_at = ToUnix(now);
  const int attempts = mail.attempts + 1;
  std::string reason = std::string(kUnconfirmedPrefix) + failure.reason;
  if (reason.size() > kMaxErrorLength) reason.resize(kMaxErrorLength);
  static_cast<void>(database.Write(store::Scope::System(), [&](soci::session& session) -> Status {
    session << kMarkUnconfirmed, soci::use(sent_at, "sent_at"), soci::use(attempts, "attempts"),
        soci::use(reason, "last_error"), soci::use(mail.id, "id");
    return {};
  }));
}

// Takes the next due mail for this sender, in a short transaction of its own.
std::optional<ClaimedMail> Claim(store::Database& database, Instant now,
                                 std::chrono::seconds claim_duration) {
  auto claimed = database.Write(
      store::Scope::System(), [&](soci::session& session) -> Result<std::optional<ClaimedMail>> {
        const long long due_by = ToUnix(now);
        const long long claimed_until = ToUnix(now + claim_duration);
        for (int attempt = 0; attempt < kClaimTries; ++attempt) {
          long long id = 0;
          session << kNextDue, soci::use(due_by, "due_by"), soci::use(due_by, "free_by"),
              soci::into(id);
          if (!session.got_data()) return std::optional<ClaimedMail>();
          ClaimedMail mail;
          mail.id = id;
          mail.claimed_until = claimed_until;
          session << kClaim, soci::use(claimed_until, "claimed_until"), soci::use(id, "id"),
              soci::use(due_by, "due_by"), soci::use(due_by, "free_by"), soci::into(mail.recipient),
              soci::into(mail.subject), soci::into(mail.body), soci::into(mail.created_at),
              soci::into(mail.attempts);
          if (session.got_data()) return std::optional<ClaimedMail>(std::move(mail));
        }
        return std::optional<ClaimedMail>();
      });
  return std::move(claimed).value();
}

void MarkSent(store::Database& database, const ClaimedMail& mail, Instant now) {
  const long long sent_at = ToUnix(now);
  const int attempts = mail.attempts + 1;
  static_cast<void>(database.Write(store::Scope::System(), [&](soci::session& session) -> Status {
    session << kMarkSent, soci::use(sent_at, "sent_at"), soci::use(attempts, "attempts"),
        soci::use(mail.id, "id");
    return {};
  }));
}

// Records a failed attempt; returns true when the mail is given up (it was the last attempt
// allowed, or retrying cannot help).
bool MarkFailedAttempt(store::Database& database, const ClaimedMail& mail,
                       const SendFailure& failure, int max_attempts, Instant now) {
  const int attempts = mail.attempts + 1;
  const bool given_up = failure.permanent || attempts >= max_attempts;
  const long long next_attempt_at = ToUnix(now + RetryDelay(attempts));
  const long long failed_at = ToUnix(now);
  soci::indicator failed_indicator = given_up ? soci::i_ok : soci::i_null;
  static_cast<void>(database.Write(store::Scope::System(), [&](soci::session& session) -> Status {
    session << kMarkFailedAttempt, soci::use(attempts, "attempts"),
        soci::use(next_attempt_at, "next_attempt_at"), soci::use(failure.reason, "last_error"),
        soci::use(failed_at, failed_indicator, "failed_at"), soci::use(mail.id, "id");
    return {};
  }));
  return given_up;
}

}  // namespace

std::int64_t Outbox::Enqueue(soci::session& session, const Mail& mail, Instant now) {
  // Callers build mail from validated data; anything else is a defect that must not become a
  // header injection or a mail to several people.
  if (!IsPlainAddress(mail.to)) throw std::invalid_argument("outbox: not a plain mail address");
  if (HasControl(mail.subject)) throw std::invalid_argument("outbox: control character in subject");
  long long organisation_id = mail.organisation_id.value_or(0);
  soci::indicator organisation_indicator = mail.organisation_id ? soci::i_ok : soci::i_null;
  const long long created_at = ToUnix(now);
  long long id = 0;
  session << kInsert, soci::use(organisation_id, organisation_indicator, "organisation_id"),
      soci::use(mail.to, "recipient"), soci::use(mail.subject, "subject"),
      soci::use(mail.body, "body"), soci::use(created_at, "created_at"),
      soci::use(created_at, "next_attempt_at"), soci::into(id);
  return id;
}

MailSender::MailSender(store::Database& database, const config::Config::Mail& settings,
                       const Clock& clock)
    : database_(database), settings_(settings), clock_(clock), thread_([this] { Pass(); }) {
  // libcurl's global set-up is not safe to race with other threads' first use.
  static std::once_flag curl_ready;
  std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

MailSender::~MailSender() { Stop(); }

void MailSender::Start() {
  thread_.Start(std::chrono::seconds(std::max(settings_.poll_seconds, 1)));
}

void MailSender::Stop() { thread_.Stop(); }

void MailSender::Wake() { thread_.Wake(); }

void MailSender::Pass() {
  // A failing pass (the database gone, say) must not end the thread: the next pass retries.
  try {
    DeliverDue();
  } catch (const std::exception& failure) {
    spdlog::error("mail: outbox pass failed: {}", store::DescribeFailure(failure));
  } catch (...) {
    spdlog::error("mail: outbox pass failed with an unknown error");
  }
}

int MailSender::DeliverDue() {
  if (settings_.smtp_url.empty()) return 0;
  if (const auto settled = SettleHandedMail(database_, clock_.Now()); settled > 0) {
    spdlog::warn("mail: {} mails handed over by a sender that stopped are marked sent, unconfirmed",
                 settled);
  }
  int delivered = 0;
  for (;;) {
    if (thread_.Stopping()) break;
    const auto mail = Claim(database_, clock_.Now(), ClaimDuration(settings_));
    if (!mail) break;
    // A row written by other means than Enqueue is checked again before it reaches SMTP.
    std::optional<SendFailure> failure;
    if (!IsPlainAddress(mail->recipient) || HasControl(mail->subject)) {
      failure = SendFailure{std::string(kNotPlainReason), false, true};
    } else {
      const std::function<bool()> hand_over = [&] {
        try {
          return MarkHanded(database_, *mail, clock_.Now());
        } catch (const std::exception& error) {
          spdlog::error("mail {}: cannot record the hand-over: {}", mail->id,
                        store::DescribeFailure(error));
          return false;
        }
      };
      failure = Send(settings_, mail->recipient, BuildMessage(settings_, *mail), hand_over);
    }
    const Instant now = clock_.Now();
    if (!failure) {
      MarkSent(database_, *mail, now);
      ++delivered;
      spdlog::info("mail {} sent", mail->id);
      continue;
    }
    if (failure->unconfirmed) {
      // Sending it again could deliver it twice: at most once here, and the reader of the log
      // knows.
      MarkUnconfirmed(database_, *mail, *failure, now);
      spdlog::warn("mail {} handed over but unconfirmed, not sent again: {}", mail->id,
                   failure->reason);
      continue;
    }
    if (MarkFailedAttempt(database_, *mail, *failure, settings_.max_attempts, now)) {
      spdlog::error("mail {} given up after {} attempts: {}", mail->id, mail->attempts + 1,
                    failure->reason);
    } else {
      spdlog::warn("mail {} attempt {} failed: {}", mail->id, mail->attempts + 1, failure->reason);
    }
    if (failure->unreachable) break;
  }
  return delivered;
}

}  // namespace cercle::notify
