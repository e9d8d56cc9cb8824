#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "audit/audit_log.hpp"

// What "who viewed this record" lists on the pages of a person's record: the latest audit entries
// about the record, which each page narrows to the actions it counts as views.
namespace cercle::app {

// The latest `limit` entries of `organisation_id`'s audit log about `object_type` `object_id` whose
// action starts with `action_prefix`, newest first.
std::vector<audit::Entry> LatestEntriesAbout(const Services& services, std::int64_t organisation_id,
                                             const std::string& action_prefix,
                                             const std::string& object_type, std::int64_t object_id,
                                             int limit);

}  // namespace cercle::app
