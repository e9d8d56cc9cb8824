#include "support/mail_fixture.hpp"

#include <soci/soci.h>

#include <chrono>
#include <stdexcept>

#include "notify/outbox.hpp"

namespace cercle::testing {

std::int64_t MailFixture::Queue(const notify::MailOwner& owner, const std::string& to,
                                const std::string& subject) {
  const auto scope = owner ? store::Scope::Organisation(*owner) : store::Scope::System();
  const auto id = server_.runtime().database().Write(
      scope, [&](soci::session& session) -> Result<std::int64_t> {
        return notify::Outbox::Enqueue(
            session, {owner, to, subject, "Quelque chose vous attend dans Cercle.\n"},
            server_.clock().Now());
      });
  if (!id) throw std::runtime_error("cannot queue the test mail");
  return *id;
}

std::int64_t MailFixture::QueueFailed(const notify::MailOwner& owner, const std::string& to,
                                      const std::string& subject, int max_attempts) {
  const auto id = Queue(owner, to, subject);
  // First in line (the sender takes the due mail by next attempt), so that the sender, which stops
  // its pass at the first unreachable server, tries this one whatever else waits.
  const long long mail_id = id;
  const auto first = server_.runtime().database().Write(
      store::Scope::System(), [&](soci::session& session) -> Status {
        session << "UPDATE outbox SET next_attempt_at = 0 WHERE id = :id", soci::use(mail_id, "id");
        return {};
      });
  if (!first) throw std::runtime_error("cannot put the test mail first");
  RunUnreachableSender(max_attempts);
  const auto state = StateOf(id);
  const auto expected =
      max_attempts <= 1 ? notify::MailState::kFailed : notify::MailState::kRetrying;
  if (state != expected) throw std::runtime_error("the sender did not try the test mail");
  return id;
}

void MailFixture::HoldAsIfSenderStopped(std::int64_t id, bool handed) {
  const long long claimed_until = ToUnix(server_.clock().Now() - std::chrono::minutes(1));
  const long long mail_id = id;
  soci::indicator handed_indicator = handed ? soci::i_ok : soci::i_null;
  const auto done = server_.runtime().database().Write(
      store::Scope::System(), [&](soci::session& session) -> Status {
        session << "UPDATE outbox SET claimed_until = :claimed_until, handed_at = :handed_at"
                   " WHERE id = :id",
            soci::use(claimed_until, "claimed_until"),
            soci::use(claimed_until, handed_indicator, "handed_at"), soci::use(mail_id, "id");
        return {};
      });
  if (!done) throw std::runtime_error("cannot hold the test mail");
}

void MailFixture::RunUnreachableSender(int max_attempts) {
  config::Config::Mail settings;
  settings.smtp_url = "smtp://127.0.0.1:" + std::to_string(FreePort());
  settings.from = "Cercle (essai) <cercle@example.org>";
  settings.max_attempts = max_attempts;
  settings.timeout_seconds = 10;
  notify::MailSender sender(server_.runtime().database(), settings, server_.clock());
  sender.DeliverDue();
}

notify::MailState MailFixture::StateOf(std::int64_t id) {
  return server_.runtime().database().Read(store::Scope::System(), [&](soci::session& session) {
    notify::OutboxColumns columns;
    long long claimed = 0, sent = 0, failed = 0, handed = 0;
    soci::indicator claimed_indicator = soci::i_null, sent_indicator = soci::i_null,
                    failed_indicator = soci::i_null, handed_indicator = soci::i_null,
                    error_indicator = soci::i_null;
    const long long mail_id = id;
    session << "SELECT attempts, claimed_until, sent_at, failed_at, handed_at, last_error"
               " FROM outbox WHERE id = :id",
        soci::use(mail_id, "id"), soci::into(columns.attempts),
        soci::into(claimed, claimed_indicator), soci::into(sent, sent_indicator),
        soci::into(failed, failed_indicator), soci::into(handed, handed_indicator),
        soci::into(columns.last_error, error_indicator);
    if (!session.got_data()) throw std::runtime_error("no such mail");
    const auto optional = [](long long value, soci::indicator indicator) {
      return indicator == soci::i_ok ? std::optional(value) : std::nullopt;
    };
    columns.claimed_until = optional(claimed, claimed_indicator);
    columns.sent_at = optional(sent, sent_indicator);
    columns.failed_at = optional(failed, failed_indicator);
    columns.handed_at = optional(handed, handed_indicator);
    if (error_indicator != soci::i_ok) columns.last_error.clear();
    return notify::StateOf(columns, server_.clock().Now());
  });
}

}  // namespace cercle::testing
