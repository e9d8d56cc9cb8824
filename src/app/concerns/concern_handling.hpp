#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/clock.hpp"
#include "base/result.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/concern.hpp"
#include "domain/concern_disclosure.hpp"

// The handling of a concern by a coordinator or an organisation admin: acknowledgement (which
// stops its escalation), work (actions, an emergency circle meeting, disclosures checked against
// the record), the reply to the person who raised it, and closure with an outcome. Each command
// answers NotFound for a concern the actor may not handle (absent, another organisation's), and
// a Conflict naming the rule when the concern's status forbids the step; nothing changes then.
namespace cercle::app::concerns {

// Moves a raised concern to acknowledged and cancels its pending alert steps
// ("concern.acknowledge").
struct AcknowledgeCommand {
  std::int64_t concern_id = 0;
};
Result<std::int64_t> Acknowledge(const Services& services, const auth::Actor& actor,
                                 const AcknowledgeCommand& command);

// Moves an acknowledged concern to in progress ("concern.start").
struct StartCommand {
  std::int64_t concern_id = 0;
};
Result<std::int64_t> Start(const Services& services, const auth::Actor& actor,
                           const StartCommand& command);

// An action taken, checked by domain::CheckAction ("concern.action"; an acknowledged concern moves
// to in progress, "concern.start").
struct RecordActionCommand {
  std::int64_t concern_id = 0;
  std::optional<domain::ActionKind> kind;
  std::string note;
  std::optional<Instant> taken_at;  // none when the moment could not be read
};
Result<std::int64_t> RecordAction(const Services& services, const auth::Actor& actor,
                                  const RecordActionCommand& command);

// An emergency meeting of the concern's circle, checked by domain::CheckMeetingPlan, stored
// ("circle.meeting_plan") and recorded as an action ("concern.action"). Its place is chosen as for
// any meeting (app::circles::PlanMeetings): a mode, and in person one of the organisation's active
// venues (field "venue"); a clash with the core member's conditions in force that day is a field
// error naming the condition, unless the actor may override and overrides with a reason, which
// the meeting keeps, audited "circle.meeting_clash_override". Refused (Conflict) when the circle
// is closed.
struct PlanEmergencyMeetingCommand {
  std::int64_t concern_id = 0;
  domain::MeetingPlan plan;
  // The plan's date and time as a moment in the organisation's time zone, when both could be read.
  std::optional<Instant> starts;
  // The action's note, in the coordinator's words or language ("Emergency meeting on…").
  std::string note;
  // Planning despite clashes with the core member's conditions, and the coordinator's reason.
  bool override_clashes = false;
  std::string override_reason;
};
Result<std::int64_t> PlanEmergencyMeeting(const Services& services, const auth::Actor& actor,
                                          const PlanEmergencyMeetingCommand& command);

// A disclosure, checked against the record by domain::CheckDisclosure ("concern.disclose").
struct RecordDisclosureCommand {
  std::int64_t concern_id = 0;
  domain::DisclosureDraft draft;
};
Result<std::int64_t> RecordDisclosure(const Services& services, const auth::Actor& actor,
                                      const RecordDisclosureCommand& command);

// The reply to the person who raised the concern, checked by domain::CheckReply
// ("concern.reply"); they are mailed a link unless they wrote it themselves.
struct ReplyCommand {
  std::int64_t concern_id = 0;
  std::string reply;
};
Result<std::int64_t> Reply(const Services& services, const auth::Actor& actor,
                           const ReplyCommand& command);

// Closes an acknowledged or in-progress concern with its outcome, checked by domain::CheckClosure
// ("concern.close").
struct CloseCommand {
  std::int64_t concern_id = 0;
  std::optional<domain::ConcernOutcome> outcome;
  std::string note;
};
Result<std::int64_t> Close(const Services& services, const auth::Actor& actor,
                           const CloseCommand& command);

}  // namespace cercle::app::concerns
