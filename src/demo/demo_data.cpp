#include "demo/demo_data.hpp"

#include <map>

#include "app/network/organisations.hpp"

#include "demo/circle_plans_demo.hpp"
#include "demo/circles_demo.hpp"
#include "demo/concerns_demo.hpp"
#include "demo/core_members_demo.hpp"
#include "demo/demo_actors.hpp"
#include "demo/endings_demo.hpp"
#include "demo/expenses_demo.hpp"
#include "demo/history_demo.hpp"
#include "demo/privacy_incidents_demo.hpp"
#include "demo/privacy_officer_demo.hpp"
#include "demo/privacy_requests_demo.hpp"
#include "demo/privacy_retention_demo.hpp"
#include "demo/reports_demo.hpp"
#include "demo/risk_factors_demo.hpp"
#include "demo/volunteer_care_demo.hpp"
#include "demo/volunteers_demo.hpp"
#include "store/organisation_store.hpp"

namespace cercle::demo {
namespace {

// The demo organisation. Its name says it is not real.
constexpr const char* kDemoName = "Cercles Montréal (démo)";
constexpr const char* kDemoSlug = "montreal-demo";
// One demo account per role, with names that are obviously invented.
struct DemoUser {
  const char* name;
  const char* email;
  domain::Role role;
  const char* role_label;
};

constexpr DemoUser kUsers[] = {
    {"Adèle Exemple", "admin@demo.example", domain::Role::kOrganisationAdmin, "organisation admin"},
    {"Céleste Coordo", "coordination@demo.example", domain::Role::kCoordinator, "coordinator"},
    {"Bastien Fictif", "benevole@demo.example", domain::Role::kVolunteer, "volunteer"},
    {"Octave Prototype", "partenaire@demo.example", domain::Role::kPartner,
     "partner (parole officer)"},
    {"Zoé Essai", "evaluation@demo.example", domain::Role::kEvaluator, "evaluator"},
};
constexpr DemoUser kNetworkAdmin = {"Hector Réseau", "reseau@demo.example",
                                    domain::Role::kNetworkAdmin, "network admin"};

// "admin@demo.example" for the first copy, "admin+2@demo.example" for the second…
std::string CopyEmail(const std::string& email, int copy) {
  if (copy == 1) return email;
  const auto at = email.find('@');
  return email.substr(0, at) + "+" + std::to_string(copy) + email.substr(at);
}

}  // namespace

std::vector<std::string> DemoLogins() {
  std::vector<std::string> logins;
  for (const auto& user : kUsers) {
    logins.push_back(std::string(user.role_label) + ": " + user.email + " / " + kDemoPassword);
  }
  logins.push_back(std::string(kNetworkAdmin.role_label) + ": " + kNetworkAdmin.email + " / " +
                   kDemoPassword);
  logins.push_back(std::string("other volunteers: the address of their file, such as "
                               "solange.brouillon@courriel.example / ") +
                   kDemoPassword);
  logins.push_back(
      "Two-step verification: admins, coordinators and partners set it up at their first sign-in; "
      "scan the QR "
      "code with an authenticator app, or type the key it shows into `oathtool --totp -b KEY` "
      "(Debian package "
      "oathtool).");
  return logins;
}

Result<DemoSummary> Load(const app::Services& services, int scale, int history_years) {
  store::Database& database = services.database;
  store::OrganisationStore organisations(database);
  if (!organisations.List().empty()) {
    return Error::Conflict(
        N_("The database already holds data; demo data goes only into an empty database."));
  }
  if (scale < 1) return Error::Invalid(N_("The scale must be at least 1."));
  if (history_years < 0) return Error::Invalid(N_("The years of history cannot be negative."));
  DemoSummary summary;
  // The network admin creates the organisations, as on the network's pages.
  const auto network_admin = TRY(
      FindNetworkActor(services, TRY(CreateDemoAccount(services, std::nullopt, kNetworkAdmin.name,
                                                       kNetworkAdmin.email, kNetworkAdmin.role))));
  TRY(LoadNetworkPrivacyOfficer(services, network_admin));
  for (int copy = 1; copy <= scale; ++copy) {
    const std::string name =
        copy == 1 ? kDemoName : "Cercles Démo " + std::to_string(copy) + " (démo)";
    const std::string slug = copy == 1 ? kDemoSlug : "demo-" + std::to_string(copy);
    const auto organisation_id = TRY(
        app::network::CreateOrganisation(services, network_admin, {.name = name, .slug = slug}));
    summary.organisations.push_back(name);
    std::map<domain::Role, std::int64_t> staff;
    for (const auto& user : kUsers) {
      staff[user.role] = TRY(CreateDemoAccount(services, organisation_id, user.name,
                                               CopyEmail(user.email, copy), user.role));
    }
    TRY(LoadPrivacyOfficer(services, organisation_id, CopyEmail("vie-privee@demo.example", copy)));
    TRY(LoadVolunteers(services, organisation_id));
    TRY(LoadCoreMembers(services, organisation_id, copy));
    const auto circles = TRY(LoadCircles(services, organisation_id));
    TRY(LoadCirclePlans(services, organisation_id, circles));
    TRY(LoadConcerns(services, organisation_id, circles));
    TRY(LoadLateClosures(services, organisation_id, circles));
    TRY(LoadFactorRatings(services, organisation_id));
    TRY(LoadVolunteerDepartures(services, organisation_id));
    TRY(LoadExpenses(services, organisation_id));
    TRY(LoadVolunteerCare(services, organisation_id));
    TRY(LoadEndings(services, organisation_id, circles));
    TRY(LoadReports(services, organisation_id, staff[domain::Role::kCoordinator],
                    staff[domain::Role::kOrganisationAdmin]));
    TRY(LoadPrivacyIncidents(services, organisation_id, circles));
    TRY(LoadPrivacyRequests(services, organisation_id));
    TRY(LoadRetention(services, organisation_id));
    if (copy == 1) TRY(LoadHistory(services, organisation_id, {.years = history_years}));
  }
  summary.logins = DemoLogins();
  return summary;
}

}  // namespace cercle::demo
