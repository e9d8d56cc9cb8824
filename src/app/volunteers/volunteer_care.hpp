#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/concern.hpp"
#include "domain/volunteer.hpp"
#include "domain/volunteer_care.hpp"
#include "store/unit.hpp"

// Care for volunteers, staff's side: the debriefs owed after an urgent or emergency concern closed,
// the volunteers' wellbeing answers, and the interview when a volunteer leaves. Coordinators and
// organisation admins only (auth::policies::VolunteerPolicy::CanManage), every view audited; anyone
// else gets NotFound.
namespace cercle::app::volunteers {

// Inside the transaction that closes `concern` on `closed_on`: when its severity owes debriefs
// (domain::NeedsDebrief), one for each volunteer in its circle at that moment, due by
// domain::DebriefDueOn, each audited "volunteer.debrief_schedule"; none twice for one concern.
// Returns how many were scheduled.
int ScheduleDebriefs(const Services& services, const store::Unit& unit, const auth::Actor& actor,
                     const domain::Concern& concern, CivilDate closed_on);

// A debrief and what its page names: the volunteer, the circle's code name.
struct DebriefPage {
  domain::VolunteerDebrief debrief;
  domain::Volunteer volunteer;
  std::string circle_code_name;
  CivilDate today;
};

// The debrief `debrief_id`, audited "volunteer.debrief_view"; NotFound for an actor who may not
// manage volunteers, or another organisation's debrief.
Result<DebriefPage> LoadDebrief(const Services& services, const auth::Actor& actor,
                                std::int64_t debrief_id);

// A debrief held, as the coordinator records it.
struct RecordDebriefCommand {
  std::int64_t debrief_id = 0;
  domain::DebriefHeld held;
};

// Records the debrief held, checked by domain::CheckDebriefHeld ("volunteer.debrief_held");
// Conflict when it was held already.
Result<std::int64_t> RecordDebrief(const Services& services, const auth::Actor& actor,
                                   const RecordDebriefCommand& command);

// A volunteer's wellbeing answers as coordinators see them, and the flag they raise today.
struct WellbeingHistory {
  domain::Volunteer volunteer;
  std::vector<domain::WellbeingAnswer> answers;  // the latest month first
  std::optional<domain::WellbeingFlag> flag;
};

// The wellbeing answers of volunteer `volunteer_id`, audited "volunteer.wellbeing_view"; NotFound
// for an actor who may not view the file.
Result<WellbeingHistory> LoadWellbeingHistory(const Services& services, const auth::Actor& actor,
                                              std::int64_t volunteer_id);

// A volunteer's exit interview, or whether one may be recorded: only once the file is closed as
// exited, and once.
struct ExitInterviewPage {
  domain::Volunteer volunteer;
  std::optional<domain::ExitInterview> interview;
  CivilDate today;
  CivilDate exited_on;  // meaningful when `can_record`
  bool can_record = false;
};

// The exit interview page of volunteer `volunteer_id`, audited "volunteer.exit_interview_view";
// NotFound for an actor who may not view the file.
Result<ExitInterviewPage> LoadExitInterview(const Services& services, const auth::Actor& actor,
                                            std::int64_t volunteer_id);

// An exit interview as the coordinator typed it.
struct RecordExitInterviewCommand {
  std::int64_t volunteer_id = 0;
  domain::ExitInterviewDraft draft;
};

// Records the exit interview, checked by domain::CheckExitInterview ("volunteer.exit_interview");
// Conflict when the file is not closed as exited, or has its interview already.
Result<std::int64_t> RecordExitInterview(const Services& services, const auth::Actor& actor,
                                         const RecordExitInterviewCommand& command);

// How many exit interviews held within `period` name each reason (domain::CountExitReasons), for
// the reports; empty for an actor who may not manage volunteers.
std::vector<std::pair<domain::ExitReason, int>> CountExitReasons(
    const Services& services, const auth::Actor& actor, const domain::ReportPeriod& period);

// The debriefs not held yet and the wellbeing flags of the organisation's volunteers, read in
// `unit`, for the home page's volunteers group. Only the volunteers the flag rule can concern are
// read: those in a circle, and those who answered lately; the caller keeps the open files'.
struct CareAttention {
  std::vector<domain::VolunteerDebrief> debriefs_due;
  std::vector<std::pair<std::int64_t, domain::WellbeingFlag>> flags;  // by volunteer
};
CareAttention ReadCareAttention(const store::Unit& unit, CivilDate today);

}  // namespace cercle::app::volunteers
