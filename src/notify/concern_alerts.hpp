#pragma once

#include <cstdint>
#include <string>

#include "audit/audit_log.hpp"
#include "base/clock.hpp"
#include "domain/concern.hpp"
#include "i18n/translator.hpp"
#include "store/database.hpp"
#include "store/unit.hpp"

// The mail that concerns cause: the alerts of urgent and emergency concerns to the on-call rota and
// their escalation (src/domain/concern_escalation.hpp), and the note to a volunteer that the
// coordinator replied. Every mail goes through the outbox inside the transaction that causes it,
// and names only the circle's code name ("Cercle A") and a link: never a person, never what was
// observed.
namespace cercle::notify {

// What writing alert mail needs.
struct AlertServices {
  const i18n::Translator& translator;
  const audit::AuditLog& audit;
  // The address users reach (server.public_url), for the links.
  std::string public_url;
};

// Starts the alerts of `concern` (just stored, with its id) inside `unit`'s transaction when its
// severity alerts: step 0 is stored as fired at the unit's time and mails the on-call coordinators
// (or, when nobody is on call, every active coordinator), and step 1 is stored due one
// acknowledgement deadline later. Returns how many mails were queued (0 for a severity that does
// not alert).
int StartConcernAlerts(const store::Unit& unit, const AlertServices& services,
                       const domain::Concern& concern, const std::string& code_name);

// Queues the mail that tells the volunteer (or coordinator) who raised a concern that the
// coordinator replied, inside `unit`'s transaction, in the raiser's language. Returns true when a
// mail was queued (the raiser's account is active).
bool QueueReplyMail(const store::Unit& unit, const AlertServices& services,
                    const domain::Concern& concern, const std::string& code_name);

// Fires the due alert steps of every organisation, from the server's scheduler (src/scheduler/).
class ConcernEscalator {
 public:
  ConcernEscalator(store::Database& database, const Clock& clock, AlertServices services)
      : database_(database), clock_(clock), services_(std::move(services)) {}

  // Fires every step due now. Each step is claimed, mailed through the outbox and followed by the
  // next step in one transaction, so that a crash at any point neither loses nor repeats a step; a
  // step whose concern was acknowledged meanwhile is cancelled instead. Returns how many mails were
  // queued.
  int EscalateDue();

 private:
  store::Database& database_;
  const Clock& clock_;
  AlertServices services_;
};

}  // namespace cercle::notify
