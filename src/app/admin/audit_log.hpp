#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/services.hpp"

namespace cercle::app::admin {

// What the audit page asks for: the filters and the page of entries.
struct AuditQuery {
  audit::Filter filter;   // its limit and offset are set from the page
  std::int64_t page = 1;  // 1-based; past the end reads the last page
  std::int64_t page_size = 50;
};

// One page of the organisation's audit log, newest first.
struct AuditPage {
  std::vector<audit::Entry> entries;
  std::int64_t total = 0;  // entries matching the filters
  // The names of the organisation's users by id, in name order, for the "who" column and the
  // filter's choices.
  std::vector<std::pair<std::int64_t, std::string>> users;
};

// The audit page. Reading the log is itself an entry ("audit.read"), written before the read so
// that it shows. Forbidden unless the actor may read the log.
Result<AuditPage> LoadAuditPage(const Services& services, const auth::Actor& actor,
                                AuditQuery query);

}  // namespace cercle::app::admin
