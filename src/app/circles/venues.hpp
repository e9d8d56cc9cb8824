#pragma once

#include <cstdint>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/venues.hpp"

// The organisation's register of meeting places, which its coordinators keep: list, add, change,
// archive. Each change is audited in its transaction. Forbidden for the list and a new venue when
// the actor may not manage the register; NotFound for a venue then, or another organisation's.
namespace cercle::app::circles {

// A venue as a coordinator types it: the form's members of domain::Venue, and the errors of the
// fields the form could not read.
struct VenueCommand {
  std::int64_t id = 0;  // the venue changed; 0 when one is added
  domain::Venue venue;
  std::vector<FieldError> field_errors;
};

// The register's page: every venue, the archived ones after the others.
Result<std::vector<domain::Venue>> ListVenues(const Services& services, const auth::Actor& actor);

// The venues a meeting may be planned at: the organisation's active ones, by name. Empty for an
// actor who may not plan meetings.
std::vector<domain::Venue> ActiveVenues(const Services& services, const auth::Actor& actor);

// Venue `id`, for its edit form.
Result<domain::Venue> FindVenue(const Services& services, const auth::Actor& actor,
                                std::int64_t id);

// Adds a venue after domain::CheckVenue and a name no other venue of the organisation has (field
// "name"), audited "venue.create". Returns its id.
Result<std::int64_t> CreateVenue(const Services& services, const auth::Actor& actor,
                                 const VenueCommand& command);

// Changes venue `command.id` the same way, audited "venue.update"; its meetings show its new name.
Result<std::int64_t> UpdateVenue(const Services& services, const auth::Actor& actor,
                                 const VenueCommand& command);

// Archives venue `id`, audited "venue.archive": no new meeting is planned there, and the meetings
// planned there keep it. Conflict when it is archived already.
Result<std::int64_t> ArchiveVenue(const Services& services, const auth::Actor& actor,
                                  std::int64_t id);

}  // namespace cercle::app::circles
