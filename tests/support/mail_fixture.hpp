// Outbox mail in the states the administrators' mail page shows, made through the outbox and a real
// sender (notify/outbox.hpp) of a TestServer, so that the mail tests reach the state they check
// quickly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "notify/undelivered_mail.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {

// Builds outbox mail of one TestServer. Not thread-safe.
class MailFixture {
 public:
  explicit MailFixture(TestServer& server) : server_(server) {}

  // Queues a mail of `owner` (an organisation, or none for the network's own) in a committed
  // transaction, as a command would; returns its id.
  std::int64_t Queue(const notify::MailOwner& owner, const std::string& to,
                     const std::string& subject);
  // Queues a mail and lets a real sender try it once against a port where no SMTP server listens,
  // with `max_attempts` allowed: given up (kFailed) with 1, kRetrying with more. Other mail waiting
  // is left alone. Throws unless the sender tried this very mail.
  std::int64_t QueueFailed(const notify::MailOwner& owner, const std::string& to,
                           const std::string& subject, int max_attempts = 1);
  // Makes mail `id` look taken by a sender that stopped: a claim that ran out a minute ago, and,
  // when `handed`, the whole message handed to the server before it stopped.
  void HoldAsIfSenderStopped(std::int64_t id, bool handed);
  // Lets a sender whose SMTP server is unreachable run one pass: it marks the handed mail of
  // stopped senders sent, unconfirmed, and tries at most one due mail.
  void RunUnreachableSender(int max_attempts = 1);
  // Mail `id`'s state now, read whatever its owner.
  notify::MailState StateOf(std::int64_t id);

 private:
  TestServer& server_;
};

}  // namespace cercle::testing
