#include "app/circles/circle_phase.hpp"

#include <algorithm>
#include <map>

#include "app/circles/circles.hpp"
#include "app/circles/endings.hpp"
#include "base/text.hpp"
#include "domain/circle_covenant.hpp"
#include "domain/circle_formation.hpp"
#include "domain/core_member.hpp"
#include "domain/volunteer.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/meeting_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::circles {
namespace {

// The checks made before anything is read: a phase chosen that may follow the circle's, decided on
// a real day with a reason, and (after the first start) a covenant text.
Status CheckPhaseCommand(const Services& services, const domain::Circle& circle,
                         const PhaseChangeCommand& command) {
  if (!command.to || *command.to == domain::CirclePhase::kClosed) {
    return Error::Fields({{"to", {N_("Choose the new phase."), {}}}});
  }
  if (auto allowed = domain::CheckPhaseChange(circle.phase, *command.to); !allowed) {
    return Error::Fields({{"to", allowed.error().message}});
  }
  TRY(domain::CheckPhaseDecision(command.decided_on, Trimmed(command.reason),
                                 OpenedOn(services, circle), services.Today()));
  if (circle.phase != domain::CirclePhase::kForming) {
    if (auto checked = domain::CheckCovenantText(command.covenant_body, ""); !checked) {
      return Error::Fields({{"covenant_body", checked.error().fields.front().message}});
    }
  }
  return {};
}

// The first active phase: within the size limits, and the current covenant signed by everyone.
Status CheckFirstStart(const store::Unit& unit, const domain::Circle& circle) {
  store::CircleStore circles(unit.session());
  const std::int64_t organisation = circle.organisation_id;
  const auto members = circles.Members(circle.id, organisation);
  const auto versions = circles.CovenantVersions(circle.id, organisation);
  std::map<std::int64_t, std::string> names;
  store::VolunteerStore volunteers(unit.session());
  for (const auto& member : members) {
    if (const auto volunteer = volunteers.Find(member.volunteer_id, organisation)) {
      names[member.volunteer_id] = volunteer->FullName();
    }
  }
  const auto settings = LoadCircleSettings(unit);
  const auto signed_by =
      versions.empty()
          ? domain::CovenantSignatures{}
          : domain::SignaturesOf(versions.back().id, circles.Signatures(circle.id, organisation),
                                 members, names);
  return domain::CheckStart(members, settings.minimum, settings.maximum, signed_by,
                            !versions.empty());
}

// Records the move of `circle` to `moved`'s phase as a phase change; returns its id.
std::int64_t RecordPhaseChange(const store::Unit& unit, const auth::Actor& actor,
                               const domain::Circle& circle, const domain::Circle& moved,
                               std::optional<std::int64_t> meeting_id, const std::string& reason) {
  domain::PhaseChange change;
  change.circle_id = circle.id;
  change.from = circle.phase;
  change.to = moved.phase;
  change.decided_on = moved.phase_since;
  change.meeting_id = meeting_id;
  change.reason = reason;
  change.decided_by = actor.user_id;
  change.recorded_at = unit.now();
  return store::CircleStore(unit.session()).InsertPhaseChange(change, circle.organisation_id);
}

// The covenant amendment that comes with a phase change, noted in the actor's language.
void AmendForPhase(const Services& services, const store::Unit& unit, const auth::Actor& actor,
                   const domain::Circle& circle, domain::CirclePhase to, std::int64_t change_id,
                   const std::string& body) {
  const auto language = LanguageOf(actor);
  const auto& translator = services.translator;
  domain::CovenantVersion amendment;
  amendment.organisation_id = circle.organisation_id;
  amendment.circle_id = circle.id;
  amendment.body = Trimmed(body);
  amendment.note = translator.Format(
      language, {N_("Phase change: {from} → {to}"),
                 {{"from", translator.Translate(language, domain::LabelOf(circle.phase))},
                  {"to", translator.Translate(language, domain::LabelOf(to))}}});
  amendment.phase_change_id = change_id;
  amendment.created_by = actor.user_id;
  amendment.created_at = unit.now();
  store::CircleStore(unit.session()).InsertCovenantVersion(amendment);
}

// Moves the core member's file to `to` with `reason` when `may_move(status)` says so.
template <class MayMove>
void FollowOnFile(const store::Unit& unit, const auth::Actor& actor, const domain::Circle& circle,
                  domain::CoreMemberStatus to, const std::string& reason, MayMove may_move) {
  store::CoreMemberStore core_members(unit.session());
  const auto core_member = core_members.Find(circle.core_member_id, circle.organisation_id);
  if (!core_member || !may_move(core_member->status)) return;
  core_members.SetStatus(*core_member, to, reason, std::nullopt, actor.user_id, unit.now());
}

}  // namespace

Result<PhaseChanged> ChangePhase(const Services& services, const auth::Actor& actor,
                                 const PhaseChangeCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<PhaseChanged> {
    const auto circle = TRY(FindManagedCircle(unit, actor, command.circle_id));
    TRY(CheckPhaseCommand(services, circle, command));
    const domain::CirclePhase to = *command.to;
    if (command.meeting_id) {
      const auto meeting =
          store::MeetingStore(unit.session()).Find(*command.meeting_id, circle.organisation_id);
      if (!meeting || meeting->meeting.circle_id != circle.id) {
        return Error::Fields({{"meeting", {N_("Choose a meeting of this circle."), {}}}});
      }
    }
    const bool first_start = circle.phase == domain::CirclePhase::kForming;
    if (first_start && domain::IsActivePhase(to)) TRY(CheckFirstStart(unit, circle));
    domain::Circle moved = circle;
    moved.phase = to;
    moved.phase_since = *command.decided_on;
    if (!moved.started_on && domain::IsActivePhase(to)) moved.started_on = *command.decided_on;
    if (!store::CircleStore(unit.session()).MovePhase(moved, circle.phase, unit.now())) {
      return MovedMeanwhile();
    }
    const auto change_id =
        RecordPhaseChange(unit, actor, circle, moved, command.meeting_id, Trimmed(command.reason));
    if (!first_start) {
      AmendForPhase(services, unit, actor, circle, to, change_id, command.covenant_body);
    }
    if (first_start && domain::IsActivePhase(to)) {
      // The core member's file follows: he is in a circle now.
      const auto language = LanguageOf(actor);
      FollowOnFile(unit, actor, circle, domain::CoreMemberStatus::kInCircle,
                   services.translator.Format(
                       language, {N_("{circle} started."), {{"circle", circle.code_name}}}),
                   [](domain::CoreMemberStatus status) {
                     const auto moves = domain::AllowedCoreMemberMoves(status);
                     return std::find(moves.begin(), moves.end(),
                                      domain::CoreMemberStatus::kInCircle) != moves.end();
                   });
    }
    Audit(services, unit, actor, {"circle.phase", "circle", std::to_string(circle.id)});
    return PhaseChanged{circle.id, first_start};
  });
}

Result<std::int64_t> Close(const Services& services, const auth::Actor& actor,
                           const CloseCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto circle = TRY(FindOpenCircle(unit, actor, command.circle_id));
    const std::string note = Trimmed(command.note);
    TRY(domain::CheckClosure(command.reason, note, command.closed_on, OpenedOn(services, circle),
                             services.Today()));
    domain::Circle closed = circle;
    closed.phase = domain::CirclePhase::kClosed;
    closed.phase_since = *command.closed_on;
    closed.closed_on = *command.closed_on;
    closed.closure_reason = *command.reason;
    closed.closing_note = note;
    if (!store::CircleStore(unit.session()).MovePhase(closed, circle.phase, unit.now())) {
      return MovedMeanwhile();
    }
    const auto language = LanguageOf(actor);
    const std::string reason =
        services.translator.Translate(language, domain::LabelOf(*command.reason));
    RecordPhaseChange(unit, actor, circle, closed, std::nullopt, reason);
    // The core member's file follows: a man whose circle ends is between circles until the
    // coordinator decides otherwise.
    FollowOnFile(
        unit, actor, circle, domain::CoreMemberStatus::kBetweenCircles,
        services.translator.Format(language, {N_("{circle} closed: {reason}"),
                                              {{"circle", circle.code_name}, {"reason", reason}}}),
        [](domain::CoreMemberStatus status) {
          return status == domain::CoreMemberStatus::kInCircle;
        });
    Audit(services, unit, actor, {"circle.close", "circle", std::to_string(circle.id)});
    // The end-of-circle questionnaires open with the closing, for the volunteers still in it.
    OpenEndings(services, unit, actor, closed);
    return circle.id;
  });
}

}  // namespace cercle::app::circles
