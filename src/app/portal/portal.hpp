#pragma once

#include <cstdint>

#include "app/circles/portal_circle.hpp"
#include "app/paging.hpp"
#include "app/portal/endings.hpp"
#include "app/services.hpp"
#include "app/volunteers/program_setup.hpp"
#include "app/volunteers/volunteer_hours.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/hours.hpp"
#include "domain/screening.hpp"
#include "domain/training.hpp"
#include "domain/volunteer.hpp"

// The volunteer's own portal: their file, and the hours they log themselves (travel, phone
// contact, events), which wait for the coordinator's approval.
namespace cercle::app::portal {

// The actor's own volunteer file, when they may see their portal (a volunteer whose account is
// linked to the file); NotFound otherwise.
Result<domain::Volunteer> FindOwnFile(const Services& services, const auth::Actor& actor);

// The portal's home: the volunteer's own file, their screening items and training attendance (the
// web layer shows only each item's status: results' notes and refusal reasons stay with the
// coordinators), the hours they logged, and the circles they may still read.
struct PortalHome {
  domain::Volunteer volunteer;
  volunteers::ProgramSetup setup;
  CivilDate today;
  std::vector<domain::ScreeningItem> items;
  std::vector<domain::TrainingAttendance> attendance;  // oldest first
  volunteers::LoggedHours logged;
  std::vector<circles::PortalCircleRow> circles;
  bool can_log_hours = false;            // the file is open
  bool wellbeing_due = false;            // this month's wellbeing check waits for an answer
  std::vector<OpenEnding> endings_open;  // end-of-circle questionnaires waiting for an answer
};

// The home of the actor's own portal with page `hours_page` of the hours logged by hand, audited
// "volunteer.view_own" with ViewAudit::kRecord; NotFound without a portal.
Result<PortalHome> LoadPortalHome(const Services& services, const auth::Actor& actor,
                                  const PageRequest& hours_page,
                                  circles::ViewAudit audit = circles::ViewAudit::kRecord);

// Hours as the volunteer typed them.
struct LogHoursCommand {
  volunteers::LogHoursCommand hours;  // the day, kind, minutes and description
  // What the form's reading found wrong; reported after a closed file's refusal, which comes first.
  Status read;
};

// Stores the hours as pending on the actor's own file through app::volunteers::LogOwnHours
// ("volunteer.hours_log"); NotFound without a portal, and a refusal when the file is closed, before
// what the form's reading found wrong.
Result<std::int64_t> LogHours(const Services& services, const auth::Actor& actor,
                              const LogHoursCommand& command);

}  // namespace cercle::app::portal
