#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/circle_record.hpp"

// A circle's meetings for coordinators: planning one or a series at the phase's rhythm,
// cancelling, acknowledging minutes with a comment the volunteers read, and a meeting's page. Each
// change is audited in its transaction; NotFound when the actor may not manage the circle.
namespace cercle::app::circles {

// One meeting or a series.
struct PlanMeetingsCommand {
  std::int64_t circle_id = 0;
  domain::MeetingPlan plan;
  // The volunteer asked to write the minutes (a current member), if any.
  std::optional<std::int64_t> writer_volunteer_id;
  // Planning despite clashes with the core member's conditions, and the coordinator's reason.
  bool override_clashes = false;
  std::string override_reason;
};

// Plans the meetings after domain::CheckMeetingPlan, at the plan's local time, audited
// "circle.meeting_plan". In person, the plan names one of the organisation's active venues (field
// "venue"), whose name becomes the meeting's place; by telephone or video, no venue. The core
// member's conditions in force on each day are checked against the venue and mode
// (domain::ClashesWith): each clash is a field error naming its condition ("venue", or "mode" for a
// video meeting), unless the actor may override (auth::policies::VenuePolicy) and overrides with
// a reason (field "override_reason"), which each meeting keeps, audited
// "circle.meeting_clash_override". A closed circle refuses (Conflict). Returns the circle's id.
Result<std::int64_t> PlanMeetings(const Services& services, const auth::Actor& actor,
                                  const PlanMeetingsCommand& command);

// Cancels a meeting without minutes, audited "circle.meeting_cancel" (Conflict for a closed circle,
// a meeting with minutes or one cancelled already). Returns the circle's id.
Result<std::int64_t> CancelMeeting(const Services& services, const auth::Actor& actor,
                                   std::int64_t meeting_id);

// An acknowledgement of a meeting's minutes.
struct AcknowledgeCommand {
  std::int64_t meeting_id = 0;
  std::string comment;
};

// Acknowledges the minutes after domain::CheckAcknowledgement, audited
// "circle.minutes_acknowledge" (Conflict when there are none or they are acknowledged already).
Result<std::int64_t> AcknowledgeMinutes(const Services& services, const auth::Actor& actor,
                                        const AcknowledgeCommand& command);

// Whether a page query records the view in the audit log (not when a refused form shows the page
// again).
enum class ViewAudit { kRecord, kSkip };

// A meeting's page: the meeting, its minutes when written, its circle, and the volunteers' names.
struct MeetingPage {
  domain::Meeting meeting;
  std::optional<domain::Minutes> minutes;
  domain::Circle circle;
  std::map<std::int64_t, std::string> volunteer_names;
};

// The page of meeting `meeting_id`, audited "circle.minutes_view" (or "circle.meeting_view" while
// it has no minutes) with ViewAudit::kRecord.
Result<MeetingPage> LoadMeetingPage(const Services& services, const auth::Actor& actor,
                                    std::int64_t meeting_id, ViewAudit audit = ViewAudit::kRecord);

}  // namespace cercle::app::circles
