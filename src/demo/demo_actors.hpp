#pragma once

#include <cstdint>
#include <optional>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/clock.hpp"
#include "base/result.hpp"

// What every part of the demo loader shares: the demo's people as the app layer sees signed-in
// callers, and services whose clock stands on the day of a step of the story, so that each step
// goes through the real workflow dated as if it had happened then.
namespace cercle::demo {

// The services with the clock stopped at `at`.
class Backdated {
 public:
  Backdated(const app::Services& base, Instant at)
      : clock_(at), services_{base.database, clock_,       base.audit,      base.vault,
                              base.config,   base.secrets, base.translator, base.mail_queued} {}
  const app::Services& services() const { return services_; }

 private:
  ManualClock clock_;
  app::Services services_;
};

// The demo organisation's accounts: its first coordinator, the intake coordinator "Irène Accueil"
// (once LoadCoreMembers made her), its administrator, the volunteer "Bastien Fictif" and the
// partner "Octave Prototype".
struct DemoActors {
  auth::Actor coordinator;
  std::optional<auth::Actor> intake;
  std::optional<auth::Actor> admin;
  std::optional<auth::Actor> bastien;
  std::optional<auth::Actor> partner;
};

// The accounts of organisation `organisation_id`; Invalid when it has no coordinator.
Result<DemoActors> FindActors(const app::Services& services, std::int64_t organisation_id);

}  // namespace cercle::demo
