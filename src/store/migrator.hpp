#pragma once

#include <soci/soci.h>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "store/database.hpp"

namespace cercle::store {

// One numbered migration file, NNNN_verb_object.sql.
struct Migration {
  int version = 0;
  std::string name;
  std::string sql;
};

// The embedded migrations of `dialect`, in version order.
std::vector<Migration> EmbeddedMigrations(Dialect dialect);

// Applies every embedded migration not yet recorded in schema_migrations, each in its own
// transaction, in version order, records the Cercle version that applied it, and returns the names
// applied (none when the schema is current). Refuses, changing nothing, a database whose schema is
// newer than the embedded migrations: the error names the schema version and, when recorded, the
// Cercle version that applied it.
// On PostgreSQL, when `app_role` is set, grants that role the rights the application needs (and no
// more) afterwards.
Result<std::vector<std::string>> Migrate(const std::string& url, const std::string& app_role,
                                         Instant now);

}  // namespace cercle::store
