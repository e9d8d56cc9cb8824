#include "app/concerns/concern_raise.hpp"

#include "app/circles/circle_plan.hpp"
#include "app/concerns/concern_common.hpp"
#include "app/drafts/drafts.hpp"
#include "auth/policies/circle_policy.hpp"
#include "auth/policies/concern_policy.hpp"
#include "domain/concern_escalation.hpp"
#include "store/circle_store.hpp"
#include "store/meeting_store.hpp"
#include "store/settings_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::concerns {
namespace {

using auth::policies::CirclePolicy;
using auth::policies::ConcernPolicy;

// The circle `circle_id` for a volunteer who may raise a concern about it, with their file.
Result<RaisePage> VolunteerTarget(const store::Unit& unit, const auth::Actor& actor,
                                  std::int64_t circle_id) {
  if (!ConcernPolicy::MayHaveVolunteerView(actor)) return Error::NotFound();
  const std::int64_t organisation = actor.organisation_id.value_or(0);
  const auto volunteer =
      store::VolunteerStore(unit.session()).FindByUser(actor.user_id, organisation);
  if (!volunteer) return Error::NotFound();
  store::CircleStore circles(unit.session());
  auto circle = circles.Find(circle_id, organisation);
  if (!circle) return Error::NotFound();
  std::vector<domain::CircleMember> stays;
  for (auto& stay : circles.StaysOf(volunteer->id, organisation)) {
    if (stay.circle_id == circle_id) stays.push_back(std::move(stay));
  }
  if (!ConcernPolicy::CanVolunteerRaise(actor, *volunteer, *circle, stays)) {
    return Error::NotFound();
  }
  return RaisePage{std::move(*circle), volunteer->id, std::nullopt};
}

// The circle `circle_id` for staff who may raise a concern about it.
Result<RaisePage> StaffTarget(const store::Unit& unit, const auth::Actor& actor,
                              std::int64_t circle_id) {
  if (!ConcernPolicy::CanManage(actor) || !CirclePolicy::CanManage(actor)) {
    return Error::NotFound();
  }
  auto circle =
      store::CircleStore(unit.session()).Find(circle_id, actor.organisation_id.value_or(0));
  if (!circle || !CirclePolicy::CanView(actor, circle->organisation_id) ||
      !ConcernPolicy::CanView(actor, circle->organisation_id)) {
    return Error::NotFound();
  }
  return RaisePage{std::move(*circle), std::nullopt, std::nullopt};
}

// The target of `raiser`, with `meeting_id` kept only when it names a meeting of the circle.
Result<RaisePage> Target(const store::Unit& unit, const auth::Actor& actor, Raiser raiser,
                         std::int64_t circle_id, std::optional<std::int64_t> meeting_id) {
  auto page = TRY(raiser == Raiser::kVolunteer ? VolunteerTarget(unit, actor, circle_id)
                                               : StaffTarget(unit, actor, circle_id));
  if (meeting_id) {
    const auto record =
        store::MeetingStore(unit.session()).Find(*meeting_id, page.circle.organisation_id);
    if (record && record->meeting.circle_id == page.circle.id) page.meeting_id = meeting_id;
  }
  const auto settings = store::SettingsStore(unit.session()).Load(page.circle.organisation_id);
  for (const auto severity : domain::Severities()) {
    if (const auto deadline = domain::AcknowledgementDeadline(severity, settings)) {
      page.deadlines.emplace(severity, *deadline);
    }
  }
  page.signs = circles::CitableSigns(unit, page.circle.id, page.circle.organisation_id);
  return page;
}

}  // namespace

Result<RaisePage> LoadRaisePage(const Services& services, const auth::Actor& actor, Raiser raiser,
                                std::int64_t circle_id, std::optional<std::int64_t> meeting_id) {
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    return Target(unit, actor, raiser, circle_id, meeting_id);
  });
}

Result<RaisedConcern> Raise(const Services& services, const auth::Actor& actor,
                            const RaiseCommand& command) {
  int queued = 0;
  auto raised = Write(services, actor.scope(), [&](store::Unit& unit) -> Result<RaisedConcern> {
    const auto target =
        TRY(Target(unit, actor, command.raiser, command.circle_id, command.meeting_id));
    domain::ConcernDraft draft = command.draft;
    TRY(domain::CheckConcernDraft(draft, unit.now()));
    domain::Concern concern{.organisation_id = target.circle.organisation_id,
                            .circle_id = target.circle.id,
                            .meeting_id = target.meeting_id,
                            .category = *draft.category,
                            .severity = *draft.severity,
                            .observed = draft.observed,
                            .observed_at = *draft.observed_at,
                            .already_done = draft.already_done,
                            .raised_by = actor.user_id,
                            .raised_by_volunteer = target.volunteer_id,
                            .raised_at = unit.now(),
                            .updated_at = unit.now()};
    concern.id = store::ConcernStore(unit.session()).Insert(concern);
    TRY(circles::CiteSigns(unit, target.circle.id, concern.id, target.circle.organisation_id,
                           command.sign_ids));
    Audit(services, unit, actor, {"concern.raise", "concern", std::to_string(concern.id)});
    drafts::DeleteSentDraft(unit, actor,
                            command.raiser == Raiser::kVolunteer ? domain::DraftForm::kConcern
                                                                 : domain::DraftForm::kStaffConcern,
                            target.circle.id);
    queued = notify::StartConcernAlerts(unit, AlertServicesOf(services), concern,
                                        target.circle.code_name);
    return RaisedConcern{concern.id, target.volunteer_id.has_value()};
  });
  if (raised && queued > 0) services.NoteMailQueued();
  return raised;
}

}  // namespace cercle::app::concerns
