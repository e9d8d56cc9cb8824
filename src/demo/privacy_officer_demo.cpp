#include "demo/privacy_officer_demo.hpp"

#include "app/privacy/person_in_charge.hpp"
#include "demo/demo_actors.hpp"

namespace cercle::demo {
namespace {

// The written delegation was signed this many days before the demo's today.
constexpr int kDelegatedDaysAgo = 400;

}  // namespace

Status LoadPrivacyOfficer(const app::Services& services, std::int64_t organisation_id,
                          const std::string& email) {
  const auto actors = TRY(FindActors(services, organisation_id));
  if (!actors.admin) return Error::Invalid(N_("The demo organisation has no administrator."));
  TRY(app::privacy::NamePersonInCharge(
      services, *actors.admin, app::privacy::Owner::kOrganisation,
      {.details = {.user_id = actors.coordinator.user_id,
                   .name = actors.coordinator.display_name,
                   .title = "Responsable de la protection des renseignements personnels",
                   .email = email,
                   .phone = "514 555-0199",
                   .postal_address = "C.P. 0000, succursale Exemple\nMontréal (Québec)  H0H 0H0",
                   .delegated = true,
                   .delegated_on = AddDays(services.Today(), -kDelegatedDaysAgo),
                   .delegated_by = "Adèle Exemple, directrice générale"}}));
  return {};
}

Status LoadNetworkPrivacyOfficer(const app::Services& services, const auth::Actor& network_admin) {
  TRY(app::privacy::NamePersonInCharge(services, network_admin, app::privacy::Owner::kNetwork,
                                       {.details = {.user_id = network_admin.user_id,
                                                    .name = network_admin.display_name,
                                                    .title = "Directeur du réseau",
                                                    .email = network_admin.email,
                                                    .phone = "514 555-0100"}}));
  return {};
}

}  // namespace cercle::demo
