#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "base/clock.hpp"
#include "domain/hours.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// What is written with an entry of hours besides the entry: who logged it and when, who reviewed
// it and when (none while it is pending), and the meeting or contact it comes from, if any.
struct HoursOrigin {
  std::optional<std::int64_t> logged_by;
  Instant logged_at;
  std::optional<std::int64_t> reviewed_by;
  std::optional<Instant> reviewed_at;
  std::optional<std::int64_t> meeting_id;
  std::optional<std::int64_t> contact_id;
};

// Stores `entry` (its id ignored) with its origin, within the caller's transaction; returns its id.
// The hours stores, and the meeting and contact stores whose records bring hours, all write them
// through it.
std::int64_t InsertHours(soci::session& session, const domain::HoursEntry& entry,
                         const HoursOrigin& origin);

// Reads and writes the hours volunteers log (travel, phone contact, events) and their review,
// within the caller's transaction. Training hours come from TrainingStore. Every query names the
// organisation, on top of row-level security.
class VolunteerHoursStore {
 public:
  explicit VolunteerHoursStore(soci::session& session) : session_(session) {}

  // Stores an entry logged by `by`, at its status (approved when a coordinator logs it); returns
  // its id.
  std::int64_t Insert(const domain::HoursEntry& entry, std::int64_t by, Instant now);
  // The entry `id` of `organisation_id`, if any.
  std::optional<domain::HoursEntry> Find(std::int64_t id, std::int64_t organisation_id);
  // One page of the entries a volunteer logged themselves or a coordinator logged for them (not
  // the hours that meeting attendance brings), newest first.
  std::vector<domain::HoursEntry> ListOwnForVolunteer(std::int64_t volunteer_id,
                                                      std::int64_t organisation_id,
                                                      const PageSlice& slice);
  // How many entries ListOwnForVolunteer() pages through.
  std::int64_t CountOwnForVolunteer(std::int64_t volunteer_id, std::int64_t organisation_id);
  // One volunteer's entries (rejected ones left out) added up by the month they were worked in and
  // their status: one entry per month and status, dated the first of the month, its minutes the
  // sum, so that domain::TotalHours() adds them up as it would every entry.
  std::vector<domain::HoursEntry> MonthlySumsForVolunteer(std::int64_t volunteer_id,
                                                          std::int64_t organisation_id);
  // Every entry of the organisation awaiting approval, oldest first.
  std::vector<domain::HoursEntry> ListPending(std::int64_t organisation_id);
  // One page of them, oldest first.
  std::vector<domain::HoursEntry> ListPending(std::int64_t organisation_id, const PageSlice& slice);
  // How many entries of the organisation await approval.
  std::int64_t CountPending(std::int64_t organisation_id);
  // Every entry of the organisation that is not rejected.
  std::vector<domain::HoursEntry> ListCounted(std::int64_t organisation_id);
  // Approves or rejects a pending entry; false, with nothing changed, when it is no longer pending.
  bool Review(std::int64_t id, std::int64_t organisation_id, domain::HoursStatus status,
              std::int64_t by, Instant now);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
