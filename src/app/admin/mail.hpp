#pragma once

#include <cstdint>
#include <vector>

#include "app/paging.hpp"
#include "app/services.hpp"
#include "notify/undelivered_mail.hpp"

// The mail that did not go (notify/undelivered_mail.hpp), for administrators: an organisation's
// administrators see and send again their organisation's mail; network administrators the
// network's own (queued without an organisation: their own accounts' mail). Another owner's mail
// is NotFound. Addresses are shown whole: administrators see every account's address on the users
// page already, and a mistyped address is the commonest reason a server rejects a mail.
namespace cercle::app::admin {

// How far back the home page counts given-up mail: older failures stay on the mail page but no
// longer top the home page, so that a mail that can never go does not flag it for ever.
inline constexpr int kRecentFailureDays = 30;

// One page of the mail that failed or whose delivery is unconfirmed, newest queued first.
struct MailPage {
  std::vector<notify::UndeliveredMail> mails;
  std::int64_t total = 0;   // over every page
  std::int64_t failed = 0;  // given-up mails that "send all again" would send again
  bool network = false;     // the network's own mail (a network administrator)
  // False when no SMTP server is configured (mail.smtp_url): then no mail leaves at all.
  bool sending_configured = true;
};

// The mail page (`page` of it); Forbidden unless the actor may review mail (MailPolicy).
Result<MailPage> LoadMailPage(const Services& services, const auth::Actor& actor,
                              const PageRequest& page);

// How many of the actor's mails were given up within the last kRecentFailureDays days, for the
// home page; Forbidden unless the actor may review mail.
Result<std::int64_t> CountRecentlyFailedMail(const Services& services, const auth::Actor& actor);

// How many given-up mails RetryFailedMail would send again, for its confirmation; Forbidden unless
// the actor may review mail.
Result<std::int64_t> CountFailedMail(const Services& services, const auth::Actor& actor);

// Sends mail `mail_id` again at the sender's next pass, with a fresh allowance of attempts (entry
// "mail.retry"), and wakes the sender. Forbidden unless the actor may review mail; NotFound for a
// mail that is not the actor's to review; Conflict, saying why, for a mail sent already, one a
// server may have received (unconfirmed, or handed over), and one being sent now. Returns its id.
Result<std::int64_t> RetryMail(const Services& services, const auth::Actor& actor,
                               std::int64_t mail_id);

// Sends every given-up mail of the actor's again, as RetryMail does (an entry "mail.retry" each);
// returns how many. Forbidden unless the actor may review mail.
Result<std::int64_t> RetryFailedMail(const Services& services, const auth::Actor& actor);

}  // namespace cercle::app::admin
