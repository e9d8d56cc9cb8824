#include "app/record_views.hpp"

namespace cercle::app {

std::vector<audit::Entry> LatestEntriesAbout(const Services& services, std::int64_t organisation_id,
                                             const std::string& action_prefix,
                                             const std::string& object_type, std::int64_t object_id,
                                             int limit) {
  audit::Filter filter;
  filter.action_prefix = action_prefix;
  filter.object_type = object_type;
  filter.object_id = std::to_string(object_id);
  filter.limit = limit;
  return services.audit.List(services.database, organisation_id, filter);
}

}  // namespace cercle::app
