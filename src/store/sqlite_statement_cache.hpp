#pragma once

#include <cstdint>

// SOCI prepares every statement again each time it runs (sqlite3_prepare_v2: parse, plan, code),
// which cost a third of a signed-in page's time on SQLite. This file takes SOCI's calls to
// sqlite3_prepare_v2, sqlite3_finalize and sqlite3_close (by defining them in the executable,
// which the dynamic linker prefers to libsqlite3's) and keeps each connection's finished
// statements, reset, to hand back when the same text is prepared again on that connection.
// SQLite itself re-prepares a kept statement when the schema changed.
namespace cercle::store {

// How often a prepared statement was found kept (hits) or prepared anew (misses), over the
// process.
struct SqliteStatementCounts {
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
};
SqliteStatementCounts CountSqliteStatements();

// Turns keeping on (Database::Open does it for SQLite) or off (finished statements are then
// finalised as usual).
void KeepSqliteStatements(bool keep);

}  // namespace cercle::store
