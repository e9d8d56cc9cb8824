#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/dates.hpp"
#include "domain/volunteer_care.hpp"

namespace cercle::store {

// Reads and writes volunteers' debriefs, wellbeing answers and exit interviews (tables
// volunteer_debriefs, volunteer_wellbeing and volunteer_exit_interviews) within the caller's
// transaction. Every query names the organisation, on top
// of row-level security.
class VolunteerCareStore {
 public:
  explicit VolunteerCareStore(soci::session& session) : session_(session) {}

  // Stores a debrief owed (its held columns are ignored); returns its id.
  std::int64_t InsertDebrief(const domain::VolunteerDebrief& debrief);
  // The debrief `id` of `organisation_id`, if any.
  std::optional<domain::VolunteerDebrief> FindDebrief(std::int64_t id,
                                                      std::int64_t organisation_id);
  // The organisation's debriefs not held yet, the earliest due first.
  std::vector<domain::VolunteerDebrief> DebriefsDue(std::int64_t organisation_id);
  // The debriefs owed for the concern `concern_id`.
  std::vector<domain::VolunteerDebrief> DebriefsOfConcern(std::int64_t concern_id,
                                                          std::int64_t organisation_id);
  // Records `debrief` held (its held_on, held_by and note); false, with nothing changed, when it
  // was held already.
  bool MarkDebriefHeld(const domain::VolunteerDebrief& debrief);

  // Stores a wellbeing answer; returns its id. The caller checked that the month has none.
  std::int64_t InsertWellbeing(const domain::WellbeingAnswer& answer);
  // The volunteer's answer for `month` ("YYYY-MM"), if any.
  std::optional<domain::WellbeingAnswer> WellbeingOfMonth(std::int64_t volunteer_id,
                                                          const std::string& month,
                                                          std::int64_t organisation_id);
  // Every answer of the volunteer, the latest month first.
  std::vector<domain::WellbeingAnswer> WellbeingOf(std::int64_t volunteer_id,
                                                   std::int64_t organisation_id);
  // The answers of every volunteer of the organisation for `month` and later.
  std::vector<domain::WellbeingAnswer> WellbeingSince(const std::string& month,
                                                      std::int64_t organisation_id);
  // The day each volunteer joined the earliest of their current stays in a circle that is not
  // closed, by volunteer; volunteers in no circle are absent.
  std::map<std::int64_t, CivilDate> InCircleSince(std::int64_t organisation_id);

  // Stores an exit interview; returns its id. The caller checked that the file has none.
  std::int64_t InsertExitInterview(const domain::ExitInterview& interview);
  // The volunteer's exit interview, if any.
  std::optional<domain::ExitInterview> ExitInterviewOf(std::int64_t volunteer_id,
                                                       std::int64_t organisation_id);
  // The organisation's exit interviews held from `from` to `to`, the earliest first.
  std::vector<domain::ExitInterview> ExitInterviewsBetween(CivilDate from, CivilDate to,
                                                           std::int64_t organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
