#pragma once

#include <cstdint>
#include <string>

#include "app/services.hpp"
#include "base/clock.hpp"
#include "base/result.hpp"
#include "store/database.hpp"

namespace cercle::demo {

// Adds the fictional intake work of one demo organisation: a second coordinator, "Irène Accueil"
// (accueil@demo.example for the first copy, accueil+N@demo.example for copy N, with `password`),
// about twelve core members in every status (one of them reopened), the referrals that opened their
// files and a few more at every step (received, screening, waitlisted, declined, withdrawn) from
// several sources, supervision orders, conditions (some protecting a victim), risk assessments as
// received, and consents (some withdrawn or expired). Some key dates fall within the next 30 days,
// a few within 7. Dates are relative to `clock`'s today. Expects the organisation's demo accounts
// to exist.
Status LoadCoreMembers(store::Database& database, const app::Services& services, const Clock& clock,
                       std::int64_t organisation_id, int copy, const std::string& password);

}  // namespace cercle::demo
