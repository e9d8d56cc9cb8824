#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "base/clock.hpp"
#include "domain/training.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// A session as the training list shows it.
struct TrainingSessionSummary {
  domain::TrainingSession session;
  int attendees = 0;
};

// Reads and writes the organisation's training modules, sessions and attendance, within the
// caller's transaction. Every query names the organisation, on top of row-level security.
class TrainingStore {
 public:
  explicit TrainingStore(soci::session& session) : session_(session) {}

  // Every module of the organisation, retired ones included, in display order.
  std::vector<domain::TrainingModule> ListModules(std::int64_t organisation_id);
  // The module `id` of `organisation_id`, if any.
  std::optional<domain::TrainingModule> FindModule(std::int64_t id, std::int64_t organisation_id);
  // Stores a new module; returns its id.
  std::int64_t InsertModule(const domain::TrainingModule& module, Instant now);
  // Stores a module's name, requirement and whether it is active.
  void UpdateModule(const domain::TrainingModule& module);
  // Adds the default modules when the organisation has none yet (retired ones count); true when it
  // did.
  bool AddDefaultModules(std::int64_t organisation_id, Instant now);

  // One page of the sessions of the organisation, newest first, with their number of attendees.
  std::vector<TrainingSessionSummary> ListSessions(std::int64_t organisation_id,
                                                   const PageSlice& slice);
  // How many sessions the organisation held or planned.
  std::int64_t CountSessions(std::int64_t organisation_id);
  // The session `id` of `organisation_id`, if any.
  std::optional<domain::TrainingSession> FindSession(std::int64_t id, std::int64_t organisation_id);
  // Stores a session; returns its id.
  std::int64_t InsertSession(const domain::TrainingSession& session, std::optional<std::int64_t> by,
                             Instant now);

  // Who attended session `session_id`, and for how long.
  std::vector<domain::TrainingAttendance> SessionAttendance(std::int64_t session_id,
                                                            std::int64_t organisation_id);
  // Replaces the attendance of a session with `attendance` (volunteer id, minutes).
  void ReplaceAttendance(std::int64_t session_id, std::int64_t organisation_id,
                         const std::vector<std::pair<std::int64_t, int>>& attendance,
                         std::optional<std::int64_t> by, Instant now);
  // The sessions one volunteer attended, oldest first, with their module and date.
  std::vector<domain::TrainingAttendance> VolunteerAttendance(std::int64_t volunteer_id,
                                                              std::int64_t organisation_id);
  // Every attendance of the organisation's volunteers.
  std::vector<domain::TrainingAttendance> OrganisationAttendance(std::int64_t organisation_id);
  // The attendance of the volunteers `volunteer_ids` only (a page of the volunteer list).
  std::vector<domain::TrainingAttendance> AttendanceOf(
      const std::vector<std::int64_t>& volunteer_ids, std::int64_t organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
