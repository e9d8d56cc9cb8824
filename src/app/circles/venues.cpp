#include "app/circles/venues.hpp"

#include <algorithm>

#include "app/field_errors.hpp"
#include "app/record_change.hpp"
#include "auth/policies/venue_policy.hpp"
#include "base/text.hpp"
#include "store/venue_store.hpp"

namespace cercle::app::circles {
namespace {

using auth::policies::VenuePolicy;

// Venue `id` of the actor's organisation, when the actor may manage the register.
Result<domain::Venue> FindManagedVenue(const store::Unit& unit, const auth::Actor& actor,
                                       std::int64_t id) {
  if (!VenuePolicy::CanManage(actor) || !actor.organisation_id) return Error::NotFound();
  auto venue = store::VenueStore(unit.session()).Find(id, *actor.organisation_id);
  if (!venue || !VenuePolicy::CanView(actor, venue->organisation_id)) return Error::NotFound();
  return std::move(*venue);
}

// `venue` with what `command` typed, checked: the form's errors, the rule's, and a name no other
// venue of the organisation has.
Result<domain::Venue> CheckedVenue(const store::Unit& unit, domain::Venue venue,
                                   const VenueCommand& command) {
  const auto& typed = command.venue;
  venue.name = typed.name;
  venue.kind = typed.kind;
  venue.children_present = typed.children_present;
  venue.public_place = typed.public_place;
  venue.accessible = typed.accessible;
  venue.exclusion_zones = typed.exclusion_zones;
  venue.notes = typed.notes;
  venue.updated_at = unit.now();
  auto errors = command.field_errors;
  if (!venue.name.empty() && store::VenueStore(unit.session())
                                 .NameTaken(venue.organisation_id, Trimmed(venue.name), venue.id)) {
    errors.push_back({"name", {N_("Another venue already has this name."), {}}});
  }
  TRY(Combine(std::move(errors), domain::CheckVenue(venue)));
  return venue;
}

}  // namespace

Result<std::vector<domain::Venue>> ListVenues(const Services& services, const auth::Actor& actor) {
  if (!VenuePolicy::CanManage(actor) || !actor.organisation_id) return Error::Forbidden();
  auto venues = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::VenueStore(unit.session())
        .List(*actor.organisation_id, store::IncludeArchived::kYes);
  });
  std::stable_partition(venues.begin(), venues.end(),
                        [](const domain::Venue& venue) { return !venue.archived(); });
  return venues;
}

std::vector<domain::Venue> ActiveVenues(const Services& services, const auth::Actor& actor) {
  if (!VenuePolicy::CanManage(actor) || !actor.organisation_id) return {};
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::VenueStore(unit.session())
        .List(*actor.organisation_id, store::IncludeArchived::kNo);
  });
}

Result<domain::Venue> FindVenue(const Services& services, const auth::Actor& actor,
                                std::int64_t id) {
  return Read(services, actor.scope(),
              [&](store::Unit& unit) { return FindManagedVenue(unit, actor, id); });
}

Result<std::int64_t> CreateVenue(const Services& services, const auth::Actor& actor,
                                 const VenueCommand& command) {
  if (!VenuePolicy::CanManage(actor) || !actor.organisation_id) return Error::Forbidden();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    domain::Venue venue;
    venue.organisation_id = *actor.organisation_id;
    venue.created_at = unit.now();
    venue = TRY(CheckedVenue(unit, std::move(venue), command));
    const auto id = store::VenueStore(unit.session()).Insert(venue);
    Audit(services, unit, actor, {"venue.create", "venue", std::to_string(id)});
    return id;
  });
}

Result<std::int64_t> UpdateVenue(const Services& services, const auth::Actor& actor,
                                 const VenueCommand& command) {
  return ChangeRecord(services, actor, {"venue.update", "venue"}, FindManagedVenue, command.id,
                      [&](store::Unit& unit, domain::Venue& venue) -> Result<std::int64_t> {
                        venue = TRY(CheckedVenue(unit, std::move(venue), command));
                        store::VenueStore(unit.session()).Update(venue);
                        return venue.id;
                      });
}

Result<std::int64_t> ArchiveVenue(const Services& services, const auth::Actor& actor,
                                  std::int64_t id) {
  return ChangeRecord(services, actor, {"venue.archive", "venue"}, FindManagedVenue, id,
                      [&](store::Unit& unit, domain::Venue& venue) -> Result<std::int64_t> {
                        if (!store::VenueStore(unit.session())
                                 .Archive(venue.id, venue.organisation_id, unit.now())) {
                          return Error::Conflict(N_("This venue is archived already."));
                        }
                        return venue.id;
                      });
}

}  // namespace cercle::app::circles
