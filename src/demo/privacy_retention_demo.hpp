#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "base/result.hpp"

namespace cercle::demo {

// The retention schedule of one demo organisation stays at its defaults and nothing is destroyed;
// the newest closed file is put on legal hold by the organisation's admin, with a fictional
// reason, so that the destruction queue shows a hold; and one referral, declined about nine months
// ago, becomes due once the schedule keeps declined referrals six months (as the browser test
// sets it). Expects the closed files (LoadCoreMembers, LoadLateClosures) to exist.
Status LoadRetention(const app::Services& services, std::int64_t organisation_id);

}  // namespace cercle::demo
