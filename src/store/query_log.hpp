#pragma once

#include <memory>
#include <string>
#include <vector>

namespace soci {
class logger_impl;
}

// A record of the SQL statements the process prepares, for the tests that check what a page asks
// of the database (the query-plan and query-count tests). Off by default: while it is off, a
// statement costs one relaxed atomic load more.
namespace cercle::store::query_log {

// Starts recording every statement prepared on any pooled session, forgetting what was recorded.
void Start();

// Stops recording and forgets what was recorded.
void Stop();

// The statements prepared since Start or the last Take, in order, as written (parameters
// unbound); forgets them. Thread-safe.
std::vector<std::string> Take();

// A SOCI logger that records each statement its session prepares while recording is on. The
// session owns it (soci::session::set_logger); Database attaches one to each pooled session.
std::unique_ptr<soci::logger_impl> MakeLogger();

}  // namespace cercle::store::query_log
