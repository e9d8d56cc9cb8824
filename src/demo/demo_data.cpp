#include "demo/demo_data.hpp"

#include "store/organisation_store.hpp"

namespace cercle::demo {
namespace {

// The demo organisation. Its name says it is not real.
constexpr const char* kDemoName = "Cercles Montréal (démo)";
constexpr const char* kDemoSlug = "montreal-demo";

}  // namespace

std::vector<std::string> DemoLogins() { return {}; }

Result<DemoSummary> Load(store::Database& database, const Clock& clock, int scale) {
  store::OrganisationStore organisations(database);
  if (!organisations.List().empty()) {
    return Error::Conflict(
        N_("The database already holds data; demo data goes only into an empty database."));
  }
  if (scale < 1) return Error::Invalid(N_("The scale must be at least 1."));
  DemoSummary summary;
  for (int copy = 1; copy <= scale; ++copy) {
    const std::string name =
        copy == 1 ? kDemoName : "Cercles Démo " + std::to_string(copy) + " (démo)";
    const std::string slug = copy == 1 ? kDemoSlug : "demo-" + std::to_string(copy);
    const auto organisation = TRY(organisations.Create(name, slug, clock.Now()));
    summary.organisations.push_back(organisation.name);
  }
  summary.logins = DemoLogins();
  return summary;
}

}  // namespace cercle::demo
