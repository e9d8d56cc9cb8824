#include "demo/demo_actors.hpp"

#include <algorithm>

#include "app/accounts/creation.hpp"
#include "auth/user_actor.hpp"
#include "store/user_store.hpp"

namespace cercle::demo {
Result<std::int64_t> CreateDemoAccount(const app::Services& services,
                                       std::optional<std::int64_t> organisation_id,
                                       const std::string& name, const std::string& email,
                                       domain::Role role) {
  return app::accounts::CreateAccount(services, {.organisation_id = organisation_id,
                                                 .display_name = name,
                                                 .email = email,
                                                 .roles = {role},
                                                 .password = kDemoPassword,
                                                 .check = app::accounts::PasswordCheck::kNo});
}

Status Timeline::Replay(const app::Services& services) {
  std::stable_sort(steps_.begin(), steps_.end(),
                   [](const Timed& a, const Timed& b) { return a.at < b.at; });
  for (const auto& step : steps_) {
    const Backdated at(services, step.at);
    TRY(step.run(at.services()));
  }
  return {};
}

Result<auth::Actor> FindNetworkActor(const app::Services& services, std::int64_t user_id) {
  const auto user = services.database.Read(store::Scope::System(), [&](soci::session& session) {
    return store::UserStore(session).Find(user_id, std::nullopt);
  });
  if (!user) return Error::NotFound();
  return auth::ActorOfUser(*user);
}

Result<DemoActors> FindActors(const app::Services& services, std::int64_t organisation_id) {
  // Reading the accounts is no workflow: no app query lists them for a caller who is not yet an
  // actor.
  const auto users = services.database.Read(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) {
        return store::UserStore(session).ListOrganisation(organisation_id);
      });
  std::optional<auth::Actor> coordinator;
  DemoActors actors;
  for (const auto& user : users) {
    const bool is_coordinator = user.roles.Has(domain::Role::kCoordinator);
    if (is_coordinator && user.email.starts_with("accueil")) {
      actors.intake = auth::ActorOfUser(user);
    } else if (is_coordinator && !coordinator) {
      coordinator = auth::ActorOfUser(user);
    }
    if (user.roles.Has(domain::Role::kOrganisationAdmin) && !actors.admin) {
      actors.admin = auth::ActorOfUser(user);
    }
    if (user.roles.Has(domain::Role::kVolunteer)) {
      actors.volunteers.emplace(user.id, auth::ActorOfUser(user));
      if (user.display_name == "Bastien Fictif") actors.bastien = auth::ActorOfUser(user);
    }
    if (user.roles.Has(domain::Role::kPartner) && user.display_name == "Octave Prototype") {
      actors.partner = auth::ActorOfUser(user);
    }
  }
  if (!coordinator) return Error::Invalid(N_("The demo organisation has no coordinator."));
  actors.coordinator = *coordinator;
  return actors;
}

std::string VolunteerAddress(const std::string& local, std::int64_t organisation_id) {
  const std::string copy = organisation_id == 1 ? "" : "+" + std::to_string(organisation_id);
  return local + copy + "@courriel.example";
}

}  // namespace cercle::demo
