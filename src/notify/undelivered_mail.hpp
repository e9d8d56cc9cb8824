#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/page_slice.hpp"
#include "base/result.hpp"
#include "domain/enum_names.hpp"
#include "store/unit.hpp"

// The administrators' side of the outbox (notify/outbox.hpp): the mail that did not go, read and
// sent again. Only the outbox's own columns say where a mail stands; no column was added for this.
namespace cercle::notify {

// Where a queued mail stands, worked out from the outbox's columns in this order (see StateOf):
//   kFailed       failed_at is set: given up after mail.max_attempts, or at once when retrying
//                 could not help; its text is kept, so it can be sent again.
//   kSent         sent_at is set and last_error does not start with kUnconfirmedPrefix.
//   kUnconfirmed  sent_at is set and last_error starts with kUnconfirmedPrefix: the whole message
//                 went to the SMTP server but its verdict never came (the connection dropped, or
//                 the sender stopped before recording it). The server may have delivered it; the
//                 outbox never sends it again and emptied its text.
//   kHeld         not sent, and claimed_until has passed: a sender took it and stopped (a crash, a
//                 kill) before it recorded an outcome. The next pass sends it again, or, when
//                 handed_at is set (the server may have it), marks it unconfirmed.
//   kSending      not sent, and a sender's claim runs now (claimed_until in the future).
//   kRetrying     not sent, attempts > 0: attempts failed and another comes at next_attempt_at.
//   kWaiting      not sent and never tried.
// "Delivery unconfirmed", on the administrators' page, means kUnconfirmed, kHeld, kSending after a
// failure, and kRetrying: every mail that neither went for sure nor was given up.
enum class MailState { kFailed, kUnconfirmed, kHeld, kSending, kRetrying, kWaiting, kSent };

// Why a mail did not go, in words an administrator can act on: read from last_error, which holds
// libcurl's error and the SMTP reply code only (never the server's reply text, which may quote the
// recipient).
enum class MailProblem {
  kNone,              // no error recorded
  kUnreachable,       // the mail server could not be reached (refused, unknown host)
  kConnectionLost,    // the connection broke during the exchange
  kTimeout,           // the exchange took longer than mail.timeout_seconds
  kSecureConnection,  // TLS could not be set up or the certificate was refused
  kSignIn,            // the server refused Cercle's user name or password
  kRejected,          // the server refused the mail for good (SMTP 5xx)
  kDeferred,          // the server refused the mail for now (SMTP 4xx)
  kInvalidAddress,    // the stored recipient or subject is not one Cercle sends
  kSenderStopped,     // Cercle stopped after handing the mail over, before the verdict
  kOther,
};

}  // namespace cercle::notify

namespace cercle::domain {

// The states' names (never stored: for tests and logs) and labels; the states the mail page never
// lists have none.
template <>
struct EnumTable<notify::MailState> {
  static constexpr std::array<EnumEntry<notify::MailState>, 7> kEntries{{
      {notify::MailState::kFailed, "failed", N_("Failed: given up")},
      {notify::MailState::kUnconfirmed, "unconfirmed",
       N_("Unconfirmed: the server may have received it")},
      {notify::MailState::kHeld, "held", N_("Held by a sender that stopped")},
      {notify::MailState::kSending, "sending", N_("Being sent now")},
      {notify::MailState::kRetrying, "retrying", N_("Failed, will be tried again")},
      {notify::MailState::kWaiting, "waiting", ""},
      {notify::MailState::kSent, "sent", ""},
  }};
};

// The problems' names and labels.
template <>
struct EnumTable<notify::MailProblem> {
  static constexpr std::array<EnumEntry<notify::MailProblem>, 11> kEntries{{
      {notify::MailProblem::kNone, "none", ""},
      {notify::MailProblem::kUnreachable, "unreachable", N_("Mail server unreachable")},
      {notify::MailProblem::kConnectionLost, "connection_lost", N_("Connection lost")},
      {notify::MailProblem::kTimeout, "timeout", N_("Timed out")},
      {notify::MailProblem::kSecureConnection, "secure_connection", N_("Secure connection failed")},
      {notify::MailProblem::kSignIn, "sign_in", N_("Mail server refused Cercle's sign-in")},
      {notify::MailProblem::kRejected, "rejected", N_("Rejected by the mail server")},
      {notify::MailProblem::kDeferred, "deferred", N_("Refused for now by the mail server")},
      {notify::MailProblem::kInvalidAddress, "invalid_address", N_("Invalid address")},
      {notify::MailProblem::kSenderStopped, "sender_stopped", N_("Cercle stopped while sending")},
      {notify::MailProblem::kOther, "other", N_("Other error")},
  }};
};

}  // namespace cercle::domain

namespace cercle::notify {

// The category of the failure `last_error` records ("" is kNone).
MailProblem ProblemOf(std::string_view last_error);

// Whose mail: an organisation's (its id), or the network's own (none: mail queued without an
// organisation, such as a network administrator's password reset).
using MailOwner = std::optional<std::int64_t>;

// One mail as the administrators' page shows it. Its text is never read.
struct UndeliveredMail {
  std::int64_t id = 0;
  Instant queued_at;
  std::string recipient;
  std::string subject;
  int attempts = 0;
  MailState state = MailState::kWaiting;
  MailProblem problem = MailProblem::kNone;
  // The next attempt, while the outbox still tries it (kRetrying, kHeld).
  std::optional<Instant> next_attempt_at;
  // Whether the whole message went to an SMTP server (handed_at): sending it again could deliver
  // it twice.
  bool handed = false;
};

// The outbox's mail of one owner that did not go, and sending it again, inside a Unit's
// transaction. On PostgreSQL the unit's scope must see the owner's rows: the organisation's scope
// for an organisation, the system scope for the network's own mail.
class UndeliveredMailStore {
 public:
  explicit UndeliveredMailStore(const store::Unit& unit) : unit_(unit) {}

  // `owner`'s mail that failed or whose delivery is unconfirmed (kFailed, kUnconfirmed, kHeld,
  // and kSending or kRetrying after a failed attempt), newest queued first, one page.
  std::vector<UndeliveredMail> List(const MailOwner& owner, const PageSlice& slice) const;
  // How many mails List finds over all pages.
  std::int64_t Count(const MailOwner& owner) const;
  // How many of `owner`'s mails were given up (kFailed) at or after `since`.
  std::int64_t CountFailedSince(const MailOwner& owner, Instant since) const;
  // Mail `id` of `owner` whatever its state, if there is one.
  std::optional<UndeliveredMail> Find(const MailOwner& owner, std::int64_t id) const;
  // The ids of `owner`'s given-up mails (kFailed) that were never handed to a server, oldest first.
  std::vector<std::int64_t> FailedIds(const MailOwner& owner) const;
  // Makes mail `id` of `owner` due at the unit's time with a fresh allowance of attempts (attempts
  // back to 0, no longer given up), unless it was sent, was handed to a server, or a sender's
  // claim on it runs: true when it did.
  bool Retry(const MailOwner& owner, std::int64_t id) const;

 private:
  const store::Unit& unit_;
};

// The state of a mail from its outbox columns at `now` (see MailState).
struct OutboxColumns {
  int attempts = 0;
  std::optional<long long> claimed_until, sent_at, failed_at, handed_at;
  std::string last_error;
};
MailState StateOf(const OutboxColumns& columns, Instant now);

}  // namespace cercle::notify
