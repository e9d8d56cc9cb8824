#pragma once

#include <soci/soci.h>

#include <map>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "store/database.hpp"

// What a backup reads of a database besides its copy: its tables and their row counts, its schema
// version and the documents it references. On PostgreSQL the session must see every
// organisation's rows (app.system = on), since row-level security binds even the tables' owner.
namespace cercle::backup {

// The database's tables (schema_migrations included), by name.
std::vector<std::string> ListTables(soci::session& session, store::Dialect dialect);

// The number of rows of every table.
std::map<std::string, long long> CountRows(soci::session& session, store::Dialect dialect);

// The newest migration applied (0 when none was).
int SchemaVersion(soci::session& session, store::Dialect dialect);

// The storage names of the documents not deleted: the files a backup must hold.
std::vector<std::string> LiveDocuments(soci::session& session, store::Dialect dialect);

// True when a table other than schema_migrations holds a row.
bool HoldsData(soci::session& session, store::Dialect dialect);

// Lets the session see every organisation's rows on PostgreSQL (nothing to do on SQLite).
void SeeEveryOrganisation(soci::session& session, store::Dialect dialect);

// Copies the SQLite database `from` into the existing SQLite file `to` with SQLite's online backup
// API, in one step: what is copied is `from` as one read transaction saw it, while writers go on
// (WAL mode), and it lands in `to` in one write transaction, whole or not at all. False on failure.
bool CopySqlite(const std::string& from, const std::string& to);

// True when the database at `url` holds data (HoldsData); false for a SQLite file that does not
// exist, which this does not create.
Result<bool> DatabaseHoldsData(const std::string& url);

}  // namespace cercle::backup
