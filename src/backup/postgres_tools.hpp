#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.hpp"

// PostgreSQL's own tools (pg_dump, pg_restore, psql), run as child processes. The password of the
// database address never goes on a command line, where other users of the machine could read it:
// it is handed to the child in PGPASSWORD.
namespace cercle::backup {

// How to reach a database with a libpq tool: a connection string without the password, and the
// environment that carries it.
struct ToolConnection {
  std::string conninfo;
  std::map<std::string, std::string> environment;
};

// The connection of `url` (a postgresql:// address); `system_scope` adds the session setting that
// lets row-level security show every organisation's rows (app.system = on).
Result<ToolConnection> ToolConnectionOf(const std::string& url, bool system_scope);

// `url` with its database name replaced by `database`.
std::string WithDatabase(const std::string& url, const std::string& database);

// What a tool said when it failed: its exit status and the first line of its errors that names
// one (never a data line).
struct ToolOutcome {
  int status = 0;
  std::string error_line;
  bool ok() const { return status == 0; }
};

// Runs `program` (found on PATH) with `arguments` and `environment` added to this process's;
// its standard output goes to `output_file` ("" for /dev/null) and its errors to `error_file`,
// which is read for the outcome and removed. Waits for it to end.
ToolOutcome RunTool(const std::string& program, const std::vector<std::string>& arguments,
                    const std::map<std::string, std::string>& environment,
                    const std::string& output_file, const std::string& error_file);

}  // namespace cercle::backup
