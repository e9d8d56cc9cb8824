#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/screening.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// Reads and writes the organisation's screening item types and the items recorded for its
// volunteers, within the caller's transaction. Every query names the organisation, on top of
// row-level security.
class ScreeningStore {
 public:
  explicit ScreeningStore(soci::session& session) : session_(session) {}

  // Every type of the organisation, retired ones included, in display order.
  std::vector<domain::ScreeningItemType> ListTypes(std::int64_t organisation_id);
  // The type `id` of `organisation_id`, if any.
  std::optional<domain::ScreeningItemType> FindType(std::int64_t id, std::int64_t organisation_id);
  // Stores a new type; returns its id.
  std::int64_t InsertType(const domain::ScreeningItemType& type, Instant now);
  // Stores a type's name, requirement, count, validity and whether it is active.
  void UpdateType(const domain::ScreeningItemType& type);
  // Adds the default types when the organisation has none yet (retired types count); true when it
  // did.
  bool AddDefaultTypes(std::int64_t organisation_id, Instant now);

  // The items of one volunteer, withdrawn ones included, newest first.
  std::vector<domain::ScreeningItem> ListItems(std::int64_t volunteer_id,
                                               std::int64_t organisation_id);
  // Every live (not withdrawn) item of the organisation's volunteers.
  std::vector<domain::ScreeningItem> ListLiveItems(std::int64_t organisation_id);
  // The live items of the volunteers `volunteer_ids` only (a page of the volunteer list).
  std::vector<domain::ScreeningItem> ListLiveItems(const std::vector<std::int64_t>& volunteer_ids,
                                                   std::int64_t organisation_id);
  // The volunteers with a live item that expires on or before `by`: those whose screening may need
  // a notice, without reading the others' items.
  std::vector<std::int64_t> VolunteersWithItemsExpiringBy(std::int64_t organisation_id,
                                                          CivilDate by);
  // The item `id` of `organisation_id`, if any.
  std::optional<domain::ScreeningItem> FindItem(std::int64_t id, std::int64_t organisation_id);
  // Stores an item; returns its id.
  std::int64_t InsertItem(const domain::ScreeningItem& item);
  // Marks a live item withdrawn, with who and why; false when it was withdrawn already.
  bool WithdrawItem(std::int64_t id, std::int64_t organisation_id, std::int64_t by,
                    const std::string& reason, Instant now);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
