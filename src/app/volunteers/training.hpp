#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/paging.hpp"
#include "app/services.hpp"
#include "app/volunteers/program_setup.hpp"
#include "domain/training.hpp"
#include "domain/volunteer.hpp"
#include "store/training_store.hpp"

// Training sessions and attendance: coordinators plan sessions of the organisation's modules and
// record who attended, for how long. Hours add up per volunteer from there.
namespace cercle::app::volunteers {

struct CreateTrainingSessionCommand {
  std::optional<std::int64_t> module_id;  // an active module of the organisation
  CivilDate held_on;                      // the (first) day
  std::optional<CivilDate> ends_on;       // the last day of a training over several days
  int duration_minutes = 0;  // in all; 0 when the form could not read it (the rules refuse it)
  std::string title;
};
// Plans a session, of one day or several ("training.session_create"); returns its id. Forbidden
// for anyone who may not manage volunteers; field errors for another module and what the rules
// refuse.
Result<std::int64_t> CreateTrainingSession(const Services& services, const auth::Actor& actor,
                                           const CreateTrainingSessionCommand& command);

struct SaveAttendanceCommand {
  std::int64_t session_id = 0;
  // Who attended (among the session's candidates) and for how many minutes (1 to the session's
  // duration).
  std::vector<std::pair<std::int64_t, int>> attendance;
};
// Replaces the attendance of a session ("training.attendance"); returns the session's id.
Result<std::int64_t> SaveAttendance(const Services& services, const auth::Actor& actor,
                                    const SaveAttendanceCommand& command);

// The training page: one page of the sessions, and the modules a new one may be of.
struct TrainingPage {
  std::vector<domain::TrainingModule> modules;
  std::vector<store::TrainingSessionSummary> sessions;
  std::int64_t total = 0;
};
// Forbidden for anyone who may not manage volunteers.
Result<TrainingPage> LoadTrainingPage(const Services& services, const auth::Actor& actor,
                                      const PageRequest& page);

// Which volunteers the roster of a session shows. Empty fields do not filter.
struct RosterFilter {
  std::optional<domain::VolunteerStage> stage;  // at this step of the pipeline
  std::string search;                           // part of the name, accents and case ignored
};

// One session and who may be marked present: every volunteer whose file is open, and anyone
// recorded already; the roster is those the filter keeps, and anyone recorded already (so that
// saving a filtered roster keeps them), by name.
struct TrainingSessionPage {
  domain::TrainingSession session;
  std::string module_name;  // data, or a default's msgid
  std::vector<domain::Volunteer> candidates;
  std::vector<domain::Volunteer> roster;
  std::map<std::int64_t, int> attended;  // volunteer → minutes
};
// NotFound for a session of another organisation, or when the actor may not manage training.
Result<TrainingSessionPage> LoadTrainingSessionPage(const Services& services,
                                                    const auth::Actor& actor,
                                                    std::int64_t session_id,
                                                    const RosterFilter& filter = {});

}  // namespace cercle::app::volunteers
