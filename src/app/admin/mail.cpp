#include "app/admin/mail.hpp"

#include <chrono>
#include <string>

#include "auth/policies/mail_policy.hpp"

namespace cercle::app::admin {
namespace {

using auth::policies::MailPolicy;
using notify::MailState;
using notify::UndeliveredMailStore;

// The transactions' scope for the actor's mail: their organisation's, or, for the network's own
// mail (which belongs to no organisation), the system scope, since no organisation's scope sees
// it on PostgreSQL. The stores match the owner in every query besides.
store::Scope ScopeFor(const auth::Actor& actor) {
  return actor.organisation_id ? actor.scope() : store::Scope::System();
}

// Why mail in `state` cannot be sent again, if it cannot.
std::optional<Error> RetryRefusal(const notify::UndeliveredMail& mail) {
  if (mail.state == MailState::kSent) return Error::Conflict(N_("This mail was sent already."));
  if (mail.state == MailState::kUnconfirmed || mail.handed) {
    return Error::Conflict(
        N_("This mail may have arrived: the mail server received it but did not confirm it. "
           "Cercle does not send it again, so that it cannot arrive twice."));
  }
  if (mail.state == MailState::kSending) {
    return Error::Conflict(N_("This mail is being sent right now."));
  }
  return std::nullopt;
}

}  // namespace

Result<MailPage> LoadMailPage(const Services& services, const auth::Actor& actor,
                              const PageRequest& page) {
  if (!MailPolicy::CanReview(actor)) return Error::Forbidden();
  const auto owner = MailPolicy::OwnerFor(actor);
  return Read(services, ScopeFor(actor), [&](store::Unit& unit) {
    const UndeliveredMailStore mail(unit);
    MailPage loaded;
    loaded.total = mail.Count(owner);
    loaded.mails = mail.List(owner, SliceOf(page, loaded.total));
    loaded.failed = static_cast<std::int64_t>(mail.FailedIds(owner).size());
    loaded.network = !owner.has_value();
    loaded.sending_configured = !services.config.mail.smtp_url.empty();
    return loaded;
  });
}

Result<std::int64_t> CountRecentlyFailedMail(const Services& services, const auth::Actor& actor) {
  if (!MailPolicy::CanReview(actor)) return Error::Forbidden();
  return Read(services, ScopeFor(actor), [&](store::Unit& unit) {
    return UndeliveredMailStore(unit).CountFailedSince(
        MailPolicy::OwnerFor(actor), unit.now() - std::chrono::days(kRecentFailureDays));
  });
}

Result<std::int64_t> CountFailedMail(const Services& services, const auth::Actor& actor) {
  if (!MailPolicy::CanReview(actor)) return Error::Forbidden();
  return Read(services, ScopeFor(actor), [&](store::Unit& unit) {
    return static_cast<std::int64_t>(
        UndeliveredMailStore(unit).FailedIds(MailPolicy::OwnerFor(actor)).size());
  });
}

Result<std::int64_t> RetryMail(const Services& services, const auth::Actor& actor,
                               std::int64_t mail_id) {
  if (!MailPolicy::CanReview(actor)) return Error::Forbidden();
  const auto owner = MailPolicy::OwnerFor(actor);
  auto retried = Write(services, ScopeFor(actor), [&](store::Unit& unit) -> Result<std::int64_t> {
    const UndeliveredMailStore mail(unit);
    const auto found = mail.Find(owner, mail_id);
    if (!found) return Error::NotFound();
    if (auto refusal = RetryRefusal(*found)) return *std::move(refusal);
    // A sender may have taken it between the two statements: the update re-checks.
    if (!mail.Retry(owner, mail_id)) {
      return Error::Conflict(N_("This mail changed in the meantime. Look at the list again."));
    }
    Audit(services, unit, actor, {"mail.retry", "mail", std::to_string(mail_id)});
    return mail_id;
  });
  if (retried) services.NoteMailQueued();
  return retried;
}

Result<std::int64_t> RetryFailedMail(const Services& services, const auth::Actor& actor) {
  if (!MailPolicy::CanReview(actor)) return Error::Forbidden();
  const auto owner = MailPolicy::OwnerFor(actor);
  auto retried = Write(services, ScopeFor(actor), [&](store::Unit& unit) -> Result<std::int64_t> {
    const UndeliveredMailStore mail(unit);
    std::int64_t count = 0;
    for (const auto id : mail.FailedIds(owner)) {
      // One a sender took meanwhile is left to it.
      if (!mail.Retry(owner, id)) continue;
      Audit(services, unit, actor, {"mail.retry", "mail", std::to_string(id)});
      ++count;
    }
    return count;
  });
  if (retried && *retried > 0) services.NoteMailQueued();
  return retried;
}

}  // namespace cercle::app::admin
