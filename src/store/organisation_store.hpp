#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "store/database.hpp"

namespace cercle::store {

// A member organisation: the tenant that owns every record.
struct Organisation {
  std::int64_t id = 0;
  std::string name;
  std::string slug;
  Instant created_at;
};

// Reads and writes organisations.
class OrganisationStore {
 public:
  explicit OrganisationStore(Database& database) : database_(database) {}

  // Creates an organisation. Fails when the name is blank or the slug is malformed or taken.
  Result<Organisation> Create(const std::string& name, const std::string& slug, Instant now);
  // Every organisation, by name. Network-level: runs in the system scope.
  std::vector<Organisation> List();
  // The organisation `id`, seen from inside that organisation.
  std::optional<Organisation> Find(std::int64_t id);

 private:
  Database& database_;
};

// Shorthand for OrganisationStore(database).List().
inline std::vector<Organisation> ListOrganisations(Database& database) {
  return OrganisationStore(database).List();
}

}  // namespace cercle::store
