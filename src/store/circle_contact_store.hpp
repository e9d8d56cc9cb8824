#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/dates.hpp"
#include "domain/circle_contacts.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// Reads and writes the contacts volunteers log between meetings, and the volunteer hours they
// bring, within the caller's transaction. Every query names the organisation, on top of row-level
// security.
class CircleContactStore {
 public:
  explicit CircleContactStore(soci::session& session) : session_(session) {}

  // Stores a contact and its hours (awaiting a coordinator's approval, like other logged hours,
  // described by `description`); returns its id.
  std::int64_t Insert(const domain::CircleContact& contact, const std::string& description);
  // The contacts of a circle, newest first.
  std::vector<domain::CircleContact> OfCircle(std::int64_t circle_id, std::int64_t organisation_id);
  // One page of the contacts of a circle, newest first.
  std::vector<domain::CircleContact> OfCircle(std::int64_t circle_id, std::int64_t organisation_id,
                                              const PageSlice& slice);
  // How many contacts a circle has.
  std::int64_t CountOfCircle(std::int64_t circle_id, std::int64_t organisation_id);
  // The day of a circle's latest contact, if it has any.
  std::optional<CivilDate> LastContactOfCircle(std::int64_t circle_id,
                                               std::int64_t organisation_id);
  // The day of the latest contact of each of the circles `circle_ids` that has any. Only those
  // circles' contacts are read, whatever the history.
  std::map<std::int64_t, CivilDate> LastContacts(const std::vector<std::int64_t>& circle_ids,
                                                 std::int64_t organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
