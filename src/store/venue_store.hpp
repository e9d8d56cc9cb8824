#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/venues.hpp"

namespace cercle::store {

// Whether a list of venues includes the archived ones.
enum class IncludeArchived { kNo, kYes };

// Reads and writes the organisation's meeting places within the caller's transaction. Every query
// names the organisation, on top of row-level security.
class VenueStore {
 public:
  explicit VenueStore(soci::session& session) : session_(session) {}

  // The organisation's venues by name (the active ones only with IncludeArchived::kNo).
  std::vector<domain::Venue> List(std::int64_t organisation_id, IncludeArchived archived);
  // The venue `id` of `organisation_id`, if any.
  std::optional<domain::Venue> Find(std::int64_t id, std::int64_t organisation_id);
  // True when another venue of the organisation than `except_id` has the name `name`.
  bool NameTaken(std::int64_t organisation_id, const std::string& name, std::int64_t except_id);
  // Stores a new venue; returns its id.
  std::int64_t Insert(const domain::Venue& venue);
  // Stores a venue's changing columns, and copies its name onto the meetings held there (their
  // `place`, which the calendar feed and the portal show).
  void Update(const domain::Venue& venue);
  // Archives venue `id`; false when it was archived already.
  bool Archive(std::int64_t id, std::int64_t organisation_id, Instant now);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
