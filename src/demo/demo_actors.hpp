#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/clock.hpp"
#include "base/result.hpp"
#include "domain/roles.hpp"

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

// A story as a timeline: every step is an app:: command run on the services with the clock at the
// moment it happened, in the order of those moments whatever the order they were added in (steps
// at the same moment keep their order).
class Timeline {
 public:
  using Step = std::function<Status(const app::Services&)>;
  void Add(Instant at, Step step) { steps_.push_back({at, std::move(step)}); }
  // Runs every step in that order on `services` with the clock at its moment; stops at the first
  // error.
  Status Replay(const app::Services& services);

 private:
  struct Timed {
    Instant at;
    Step run;
  };
  std::vector<Timed> steps_;
};

// Every demo account shares this password; the addresses use reserved domains (.example).
inline constexpr const char* kDemoPassword = "demo-cercle-2026";

// A demo account of `organisation_id` (none for the network) with the demo password, which need
// not pass the strength rules (app::accounts::CreateAccount); returns its id.
Result<std::int64_t> CreateDemoAccount(const app::Services& services,
                                       std::optional<std::int64_t> organisation_id,
                                       const std::string& name, const std::string& email,
                                       domain::Role role);

// The demo organisation's accounts: its first coordinator, the intake coordinator "Irène Accueil"
// (once LoadCoreMembers made her), its administrator, the volunteer "Bastien Fictif", the partner
// "Octave Prototype", and every volunteer's account by its user id.
struct DemoActors {
  auth::Actor coordinator;
  std::optional<auth::Actor> intake;
  std::optional<auth::Actor> admin;
  std::optional<auth::Actor> bastien;
  std::optional<auth::Actor> partner;
  std::map<std::int64_t, auth::Actor> volunteers;
};

// The address of a volunteer's portal account, "`local`@courriel.example", in the demo's first
// organisation (the one the README names); "`local`+N@courriel.example" in the N-th copy that
// `cercle demo --scale N` adds, since one address signs in to one account only. The demo loads
// into an empty database only, so the N-th organisation has the id N.
std::string VolunteerAddress(const std::string& local, std::int64_t organisation_id);

// The accounts of organisation `organisation_id`; Invalid when it has no coordinator.
Result<DemoActors> FindActors(const app::Services& services, std::int64_t organisation_id);

// The account `user_id` of the network (no organisation), as the app layer sees it signed in.
Result<auth::Actor> FindNetworkActor(const app::Services& services, std::int64_t user_id);

}  // namespace cercle::demo
