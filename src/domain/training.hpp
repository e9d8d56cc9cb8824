#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/dates.hpp"
#include "base/result.hpp"

// Training of volunteers: the modules each organisation configures, their sessions, and attendance
// per session, from which hours add up per volunteer. No I/O.
namespace cercle::domain {

// A training module. Its name is data; the defaults are English msgids, which the pages translate.
struct TrainingModule {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string name;
  // The module must be complete before a volunteer joins a circle (the basic training).
  bool required_for_circles = false;
  // The minutes of attendance that complete the module (0: attendance only adds hours).
  int required_minutes = 0;
  int position = 0;
  bool active = true;
};

// The modules every organisation starts with: the basic training of 15 hours over several sessions,
// required before a circle, and the continuing training held during the year.
std::vector<TrainingModule> DefaultTrainingModules();

// One session of a module: one day, or a training over several days recorded as one entry with
// its total hours (the hours count in the month of its first day).
struct TrainingSession {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t module_id = 0;
  CivilDate held_on;                 // the (first) day
  std::optional<CivilDate> ends_on;  // the last day of a training over several days
  int duration_minutes = 0;          // the whole training's hours, in minutes
  std::string title;                 // topic or place, as staff write it
};

// The longest training recorded as one entry, in days from its first to its last.
inline constexpr int kLongestTrainingDays = 31;

// The number of days a session spans: 1, or from its first to its last day.
int SessionDays(const TrainingSession& session);

// One volunteer's attendance at one session.
struct TrainingAttendance {
  std::int64_t session_id = 0;
  std::int64_t volunteer_id = 0;
  std::int64_t module_id = 0;
  CivilDate held_on;
  int minutes = 0;  // the time attended (the whole session unless they left early)
};

// One volunteer's progress in one module.
struct TrainingProgress {
  TrainingModule module;
  int attended_minutes = 0;
  int sessions = 0;
  // True when the attended time reaches the module's requirement.
  bool complete() const { return attended_minutes >= module.required_minutes; }
};

// The progress in each active module (and in retired ones the volunteer attended), in the modules'
// order.
std::vector<TrainingProgress> SummariseTraining(const std::vector<TrainingModule>& modules,
                                                const std::vector<TrainingAttendance>& attendance);

// Checks a module as an admin typed it: a name of 1 to 120 characters and required minutes from 0
// to 200 hours. Field errors "name", "required_hours".
Status CheckTrainingModule(TrainingModule& module);

// Checks a session as staff typed it: a last day, when given, after the first and at most
// kLongestTrainingDays days from it (the same day as the first is read as a one-day session); a
// duration from 15 minutes to 12 hours a day (at most 200 hours in all); a title of at most 200
// characters. Field errors "ends_on", "duration", "title".
Status CheckTrainingSession(TrainingSession& session);

}  // namespace cercle::domain
