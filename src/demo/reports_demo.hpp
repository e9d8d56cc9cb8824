#pragma once

#include <cstdint>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "store/database.hpp"

namespace cercle::demo {

// Adds the fictional reporting records of one demo organisation: about a dozen outreach activities
// over two years (presentations, media interviews, articles, events), two reviewed significant
// stories and one awaiting review, recidivism events and outcome measures for a few demo core
// members, a follow-up check after one closure (another falls due), and research consents for three
// more core members. It turns on the public impact page and sharing with the network, so that both
// can be seen. Dates are relative to `clock`'s today. Expects the organisation's demo accounts and
// core members (LoadCoreMembers) to exist.
Status LoadReports(store::Database& database, const Clock& clock, std::int64_t organisation_id);

}  // namespace cercle::demo
