#pragma once

#include <cstdint>
#include <string>

#include "app/services.hpp"
#include "base/result.hpp"

namespace cercle::demo {

// Adds the fictional intake work of one demo organisation: a second coordinator, "Irène Accueil"
// (accueil@demo.example for the first copy, accueil+N@demo.example for copy N, with the demo
// password), about twelve core members in every status (one of them reopened), the referrals that
// opened their files and a few more at every step (received, screening, waitlisted, declined,
// withdrawn) from several sources, supervision orders, conditions (some protecting a victim), risk
// assessments as received, and consents (some withdrawn or expired). Some key dates fall within the
// next 30 days, a few within 7. Every step goes through app::intake, by the demo coordinator, on
// the services with the clock on the day it happened (relative to the services' today). A file's
// status goes as far as "waiting for a circle" or its closure here; the circles' workflows move it
// on (and close Hervé's file after his circle, LoadLateClosures). Expects the organisation's demo
// accounts to exist.
Status LoadCoreMembers(const app::Services& services, std::int64_t organisation_id, int copy);

}  // namespace cercle::demo
