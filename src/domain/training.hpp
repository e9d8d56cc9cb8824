#pragma once

#include <cstdint>
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

// One session of a module.
struct TrainingSession {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t module_id = 0;
  CivilDate held_on;
  int duration_minutes = 0;
  std::string title;  // topic or place, as staff write it
};

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

// Checks a session as staff typed it: a duration from 15 minutes to 12 hours, a title of at most
// 200 characters. Field errors "duration", "title".
Status CheckTrainingSession(TrainingSession& session);

}  // namespace cercle::domain
