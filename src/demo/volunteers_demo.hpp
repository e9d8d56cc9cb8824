#pragma once

#include <cstdint>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "store/database.hpp"

namespace cercle::demo {

// Adds the fictional volunteers of one demo organisation: about twenty people at every step of the
// pipeline, with training attendance, screening items (some expiring soon, one expired), logged
// hours (approved and awaiting approval) and supervision sessions. The demo account "Bastien
// Fictif" (role volunteer) is linked to his active file, so that signing in as him opens his
// portal. Dates are relative to `clock`'s today. Expects the organisation's demo accounts to exist.
Status LoadVolunteers(store::Database& database, const Clock& clock, std::int64_t organisation_id);

}  // namespace cercle::demo
