#pragma once

#include <string>
#include <vector>

#include "app/services.hpp"
#include "base/clock.hpp"
#include "base/result.hpp"
#include "store/database.hpp"

namespace cercle::demo {

// What `cercle demo` loaded, to print for the newcomer.
struct DemoSummary {
  std::vector<std::string> organisations;
  std::vector<std::string> logins;  // "role: e-mail / password" lines
};

// The demo sign-ins, as "role: e-mail / password" lines: fixed, so that they can be printed at
// every start.
std::vector<std::string> DemoLogins();

// Fills an empty database with the fictional organisation "Cercles Montréal (démo)" and its
// records. `scale` multiplies the data for benchmarks: scale N adds N-1 more fictional
// organisations with the same content. `history_years` adds that many years of past history to the
// first organisation (demo::LoadHistory), for benchmarks of data that grows. Refuses (Conflict)
// when the database holds any organisation already.
Result<DemoSummary> Load(const app::Services& services, int scale, int history_years = 0);

}  // namespace cercle::demo
