#include "app/services.hpp"

namespace cercle::app {
namespace {

audit::Event EventOf(const Services& services, const auth::Actor& actor, const Audited& audited) {
  return {actor.organisation_id, actor.user_id,        audited.action,  audited.object_type,
          audited.object_id,     actor.client_address, audited.outcome, services.clock.Now()};
}

}  // namespace

void Audit(const Services& services, const store::Unit& unit, const auth::Actor& actor,
           const Audited& audited) {
  services.audit.Append(unit, EventOf(services, actor, audited));
}

Status RequireStepUp(const Services& services, const auth::Actor& actor) {
  if (auth::RecentlyAuthenticated(actor, services.clock.Now())) return {};
  return Error::Unauthenticated();
}

void AuditView(const Services& services, const auth::Actor& actor, const Audited& audited) {
  services.audit.Record(services.database, EventOf(services, actor, audited));
}

void RecordEvent(const Services& services, const audit::Event& event) {
  services.audit.Record(services.database, event);
}

bool Writable(const Services& services) { return services.database.Writable(); }

}  // namespace cercle::app
