#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "base/result.hpp"

namespace cercle::demo {

// Adds the fictional requests about personal information of one demo organisation, made by its
// administrator through the app layer: an access request received three weeks ago
// about a core member's file, answered with an export reviewed and released, and a correction
// request about a volunteer's file received 25 days ago and still open, so that the register and
// the home page flag its deadline. Expects the organisation's files (LoadCoreMembers,
// LoadVolunteers) to exist.
Status LoadPrivacyRequests(const app::Services& app, std::int64_t organisation_id);

}  // namespace cercle::demo
