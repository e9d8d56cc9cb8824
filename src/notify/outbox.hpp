#pragma once

#include <soci/soci.h>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.hpp"
#include "base/periodic_thread.hpp"
#include "config/config.hpp"
#include "store/database.hpp"
#include "store/unit.hpp"

namespace cercle::notify {

// A mail to send. Its text never carries a core member's details: only that something waits in
// Cercle, and a link.
struct Mail {
  std::optional<std::int64_t> organisation_id;
  std::string to;
  std::string subject;
  std::string body;  // plain text, UTF-8
};

// What the outbox writes in last_error besides libcurl's errors (notify/undelivered_mail.hpp reads
// them back): the start of the reason of a mail handed to an SMTP server whose verdict never came
// (it is marked sent, unconfirmed), and the outbox's own reasons.
inline constexpr std::string_view kUnconfirmedPrefix = "unconfirmed: ";
inline constexpr std::string_view kSenderStoppedReason =
    "the sender stopped after handing the message to the SMTP server";
inline constexpr std::string_view kNotPlainReason = "not a plain recipient address or subject";
inline constexpr std::string_view kCurlStartReason = "libcurl could not start";

// The outbox: mail is written in the same transaction as the change that causes it, and a sender
// delivers it afterwards, so that no mail is lost and none is sent for a change that rolled back.
class Outbox {
 public:
  // Queues `mail` inside the caller's write transaction; returns its id.
  static std::int64_t Enqueue(soci::session& session, const Mail& mail, Instant now);
  // Queues `mail` inside `unit`'s transaction, at the unit's time; returns its id.
  static std::int64_t Enqueue(const store::Unit& unit, const Mail& mail) {
    return Enqueue(unit.session(), mail, unit.now());
  }
};

// Delivers queued mail over SMTP (libcurl) with retries and growing delays, from a background
// thread. Several servers may share one database: each mail is claimed before it is sent, so that
// it goes once.
class MailSender {
 public:
  MailSender(store::Database& database, const config::Config::Mail& settings, const Clock& clock);
  ~MailSender();

  // Starts the background thread, which runs DeliverDue every poll_seconds until Stop.
  void Start();
  // Stops the background thread after the mail in progress.
  void Stop();
  // Wakes the background thread now (after a mail was queued).
  void Wake();

  // Sends every mail that is due now; returns how many were delivered. Used by the thread and by
  // tests.
  int DeliverDue();

 private:
  // One pass of the background thread: DeliverDue, logging what it throws.
  void Pass();

  store::Database& database_;
  const config::Config::Mail& settings_;
  const Clock& clock_;
  PeriodicThread thread_;
};

}  // namespace cercle::notify
