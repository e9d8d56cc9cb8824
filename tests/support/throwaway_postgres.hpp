// A PostgreSQL server of one test's own (scripts/pg-test-server in a temporary folder, on its own
// port), for tests that restart it or change its authentication: never the shared test server,
// which other tests use at the same time.
#pragma once

#include <string>

#include "support/test_database.hpp"

namespace cercle::testing {

// How a restart stops the server (pg_ctl -m).
enum class StopMode { kFast, kImmediate };

class ThrowawayPostgres {
 public:
  // Starts the server (initdb, roles cercle_owner and cercle_app); throws when it cannot.
  ThrowawayPostgres();
  // Stops the server and deletes its folder.
  ~ThrowawayPostgres();
  ThrowawayPostgres(const ThrowawayPostgres&) = delete;
  ThrowawayPostgres& operator=(const ThrowawayPostgres&) = delete;

  const PostgresServer& server() const { return server_; }
  // Restarts the server on the same port and waits until it accepts connections again.
  void Restart(StopMode mode);
  // Stops the server (the first half of a restart) and waits until it is down.
  void Halt(StopMode mode);
  // Starts the halted server again, on the same port, and waits until it accepts connections.
  void Resume();
  // From now on `role` must give its password when it connects over TCP (scram-sha-256).
  void RequirePassword(const std::string& role);

 private:
  void Run(const std::string& arguments);
  std::string folder_;
  PostgresServer server_;
};

}  // namespace cercle::testing
