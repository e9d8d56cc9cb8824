#include "app/circles/circle_membership.hpp"

#include <algorithm>

#include "app/circles/circles.hpp"
#include "base/text.hpp"
#include "domain/volunteer.hpp"
#include "store/circle_store.hpp"
#include "store/screening_store.hpp"
#include "store/settings_store.hpp"
#include "store/training_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::circles {
namespace {

// How a volunteer joins: the path, who, and for a replacement the stay taken over.
struct Joining {
  domain::JoinPath path = domain::JoinPath::kProposal;
  std::int64_t volunteer_id = 0;
  bool primary = false;
  std::optional<std::int64_t> replacing_member_id;
  std::string reason;
};

Error NoVolunteerChosen() {
  return Error::Fields({{"volunteer", {N_("Choose a volunteer from the list."), {}}}});
}

// The one way a volunteer joins `circle`, whatever the path: the gate and the size limits through
// domain::CheckJoin, the end of the stay replaced, the new stay, and its audit entry.
Result<Joined> JoinCircle(const Services& services, const store::Unit& unit,
                          const auth::Actor& actor, const domain::Circle& circle,
                          const Joining& joining, const domain::GateDescriber& describe) {
  const std::int64_t organisation = circle.organisation_id;
  const auto today = services.Today();
  store::CircleStore circles(unit.session());
  const auto volunteer =
      store::VolunteerStore(unit.session()).Find(joining.volunteer_id, organisation);
  if (!volunteer) return NoVolunteerChosen();
  const auto gate = GateFor(unit, joining.volunteer_id, today);
  const auto members = circles.Members(circle.id, organisation);
  const auto settings = LoadCircleSettings(unit);
  const domain::JoinRequest request{joining.path,
                                    circle,
                                    members,
                                    volunteer->id,
                                    volunteer->FullName(),
                                    *gate,
                                    settings.minimum,
                                    settings.maximum,
                                    joining.replacing_member_id};
  TRY(domain::CheckJoin(request, [&](const domain::GateFailure& failure) {
    return describe ? describe(failure) : std::string(domain::NameOf(failure.condition));
  }));
  if (joining.path == domain::JoinPath::kReplacement &&
      !circles.EndMember(*joining.replacing_member_id, organisation, today, joining.reason)) {
    return Error::Conflict(N_("The volunteer to replace is no longer a member of this circle."));
  }
  domain::CircleMember member;
  member.organisation_id = organisation;
  member.circle_id = circle.id;
  member.volunteer_id = volunteer->id;
  member.joined_on = today;
  member.replaced_member_id = joining.replacing_member_id;
  member.added_by = actor.user_id;
  member.added_at = unit.now();
  member.id = circles.InsertMember(member);
  if (joining.primary) circles.SetPrimary(circle.id, organisation, member.id);
  const bool replacement = joining.path == domain::JoinPath::kReplacement;
  Audit(services, unit, actor,
        {replacement ? "circle.member_replace" : "circle.member_add", "circle",
         std::to_string(circle.id)});
  return Joined{member.id, circle.id};
}

// The fields of a replacement: a volunteer, and a reason of 1 to kMaxCircleNoteLength characters.
Status CheckReplacement(const ReplaceCommand& command, const std::string& reason) {
  std::vector<FieldError> errors;
  if (!command.volunteer_id) {
    errors.push_back({"volunteer", {N_("Choose a volunteer from the list."), {}}});
  }
  if (reason.empty()) {
    errors.push_back({"reason", {N_("Say why the volunteer leaves the circle."), {}}});
  } else if (CharacterCount(reason) > domain::kMaxCircleNoteLength) {
    errors.push_back({"reason", {N_("Use at most {count} characters."), {{"count", "2000"}}}});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

}  // namespace

std::optional<domain::GateResult> GateFor(const store::Unit& unit, std::int64_t volunteer_id,
                                          CivilDate today) {
  const std::int64_t organisation = unit.organisation_id();
  const auto volunteer = store::VolunteerStore(unit.session()).Find(volunteer_id, organisation);
  if (!volunteer) return std::nullopt;
  store::ScreeningStore screening(unit.session());
  store::TrainingStore training(unit.session());
  const auto types = screening.ListTypes(organisation);
  const auto items = screening.ListItems(volunteer_id, organisation);
  const auto modules = training.ListModules(organisation);
  const auto attendance = training.VolunteerAttendance(volunteer_id, organisation);
  const int circles =
      store::CircleStore(unit.session()).CurrentCircleCount(volunteer_id, organisation);
  const auto settings = store::SettingsStore(unit.session()).Load(organisation);
  return domain::CheckVolunteerGate({*volunteer, types, items, modules, attendance, circles},
                                    settings, today);
}

Result<Joined> Join(const Services& services, const auth::Actor& actor,
                    const JoinCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<Joined> {
    const auto circle = TRY(FindManagedCircle(unit, actor, command.circle_id));
    if (!command.volunteer_id) return NoVolunteerChosen();
    Joining joining;
    // A circle being formed receives proposals; one already meeting receives a direct addition.
    // Both go through the gate.
    joining.path = circle.phase == domain::CirclePhase::kForming ? domain::JoinPath::kProposal
                                                                 : domain::JoinPath::kDirectAdd;
    joining.volunteer_id = *command.volunteer_id;
    joining.primary = command.primary;
    return JoinCircle(services, unit, actor, circle, joining, command.describe_gate_failure);
  });
}

Result<std::vector<Joined>> ProposeVolunteers(const Services& services, const auth::Actor& actor,
                                              const ProposeCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::vector<Joined>> {
    const auto circle = TRY(FindManagedCircle(unit, actor, command.circle_id));
    if (command.unreadable || command.volunteer_ids.empty()) return NoVolunteerChosen();
    if (command.primary_id && std::find(command.volunteer_ids.begin(), command.volunteer_ids.end(),
                                        *command.primary_id) == command.volunteer_ids.end()) {
      return Error::Fields(
          {{"primary", {N_("The primary volunteer must be one of the volunteers chosen."), {}}}});
    }
    std::vector<Joined> joined;
    for (const std::int64_t volunteer_id : command.volunteer_ids) {
      Joining joining;
      // Every volunteer goes through the gate and the size limits, counted with those added
      // before them in this proposal; the first refusal rolls the whole proposal back.
      joining.path = circle.phase == domain::CirclePhase::kForming ? domain::JoinPath::kProposal
                                                                   : domain::JoinPath::kDirectAdd;
      joining.volunteer_id = volunteer_id;
      joining.primary = command.primary_id == volunteer_id;
      joined.push_back(
          TRY(JoinCircle(services, unit, actor, circle, joining, command.describe_gate_failure)));
    }
    return joined;
  });
}

Result<Joined> Replace(const Services& services, const auth::Actor& actor,
                       const ReplaceCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<Joined> {
    const auto stay = TRY(FindManagedStay(unit, actor, command.member_id));
    const std::string reason = Trimmed(command.reason);
    TRY(CheckReplacement(command, reason));
    Joining joining;
    joining.path = domain::JoinPath::kReplacement;
    joining.volunteer_id = *command.volunteer_id;
    joining.primary = stay.member.primary;
    joining.replacing_member_id = stay.member.id;
    joining.reason = reason;
    return JoinCircle(services, unit, actor, stay.circle, joining, command.describe_gate_failure);
  });
}

Result<std::int64_t> MakePrimary(const Services& services, const auth::Actor& actor,
                                 std::int64_t member_id) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto stay = TRY(FindManagedStay(unit, actor, member_id));
    if (stay.circle.closed()) return ClosedCircle();
    if (!stay.member.current()) {
      return Error::Conflict(N_("This volunteer has already left the circle."));
    }
    store::CircleStore(unit.session())
        .SetPrimary(stay.circle.id, stay.circle.organisation_id, stay.member.id);
    Audit(services, unit, actor,
          {"circle.member_primary", "circle", std::to_string(stay.circle.id)});
    return stay.circle.id;
  });
}

Result<std::int64_t> Leave(const Services& services, const auth::Actor& actor,
                           const LeaveCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto stay = TRY(FindManagedStay(unit, actor, command.member_id));
    if (stay.circle.closed()) return ClosedCircle();
    const std::string reason = Trimmed(command.reason);
    TRY(domain::CheckLeaving(stay.member, command.left_on, reason, services.Today()));
    if (!store::CircleStore(unit.session())
             .EndMember(stay.member.id, stay.circle.organisation_id, *command.left_on, reason)) {
      return Error::Conflict(N_("This volunteer has already left the circle."));
    }
    Audit(services, unit, actor, {"circle.member_leave", "circle", std::to_string(stay.circle.id)});
    return stay.circle.id;
  });
}

}  // namespace cercle::app::circles
