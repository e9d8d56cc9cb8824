#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "base/result.hpp"

namespace cercle::demo {

// Adds the fictional reporting records of one demo organisation: about a dozen outreach activities
// over two years (presentations, media interviews, articles, events), two reviewed significant
// stories and one awaiting review, recidivism events and outcome measures for a few demo core
// members, a follow-up check after one closure (another falls due), and research consents for three
// more core members. It turns on the public impact page and sharing with the network, so that both
// can be seen. Dates are relative to today. Everything goes through the app layer's workflows, done
// by the organisation's demo coordinator (`coordinator_id`) and admin (`admin_id`). Expects the
// organisation's core members (LoadCoreMembers) to exist.
Status LoadReports(const app::Services& app, std::int64_t organisation_id,
                   std::int64_t coordinator_id, std::int64_t admin_id);

}  // namespace cercle::demo
