#include "app/concerns/concern_handling.hpp"

#include "app/circles/meeting_place.hpp"
#include "app/concerns/concern_common.hpp"
#include "app/record_change.hpp"
#include "app/volunteers/volunteer_care.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/partner_store.hpp"

namespace cercle::app::concerns {
namespace {

Audited ConcernAudit(const char* action, std::int64_t concern_id) {
  return {action, "concern", std::to_string(concern_id)};
}

// Refuses work on a concern that is not acknowledged or already closed.
Status AcceptsWork(const domain::Concern& concern) {
  if (domain::AcceptsWork(concern.status)) return {};
  if (concern.status == domain::ConcernStatus::kClosed) {
    return Error::Conflict(N_("This concern is closed."));
  }
  return Error::Conflict(N_("Acknowledge the concern first."));
}

// Moves the concern to in progress when it is acknowledged (a start, or work recorded); false
// when it is not, or when a concurrent request moved it first.
bool StartIfAcknowledged(const Services& services, const store::Unit& unit,
                         const auth::Actor& actor, const domain::Concern& concern) {
  if (concern.status != domain::ConcernStatus::kAcknowledged) return false;
  if (!store::ConcernStore(unit.session()).Start(concern.id, concern.organisation_id, unit.now())) {
    return false;
  }
  Audit(services, unit, actor, ConcernAudit("concern.start", concern.id));
  return true;
}

// Stores `record` (an action, a disclosure) about `concern` with `insert`, as recorded by the actor
// now; audits it as `action` and moves the concern on. Returns the stored id.
template <class Record>
std::int64_t StoreWork(const Services& services, const store::Unit& unit, const auth::Actor& actor,
                       const domain::Concern& concern, const char* action, Record record,
                       std::int64_t (store::ConcernStore::*insert)(const Record&)) {
  record.recorded_by = actor.user_id;
  record.recorded_at = unit.now();
  store::ConcernStore concerns(unit.session());
  const auto id = (concerns.*insert)(record);
  Audit(services, unit, actor, ConcernAudit(action, concern.id));
  StartIfAcknowledged(services, unit, actor, concern);
  return id;
}

// Stores `action` on `concern` by the actor, audited, and moves the concern on.
std::int64_t StoreAction(const Services& services, const store::Unit& unit,
                         const auth::Actor& actor, const domain::Concern& concern,
                         domain::ConcernAction action) {
  action.organisation_id = concern.organisation_id;
  action.concern_id = concern.id;
  return StoreWork(services, unit, actor, concern, "concern.action", std::move(action),
                   &store::ConcernStore::InsertAction);
}

// The record a disclosure's basis is checked against: the partner contact chosen, the circle's
// agreements and its core member's consents.
struct BasisRecord {
  std::optional<domain::PartnerContact> contact;
  std::vector<domain::Consent> consents;
  std::vector<domain::SharingAgreement> agreements;
};

BasisRecord ReadBasisRecord(const store::Unit& unit, const domain::Concern& concern,
                            std::optional<std::int64_t> contact_id) {
  BasisRecord record;
  const std::int64_t organisation = concern.organisation_id;
  store::PartnerStore partners(unit.session());
  if (contact_id) record.contact = partners.Find(*contact_id, organisation);
  record.agreements = partners.AgreementsOfCircle(concern.circle_id, organisation);
  if (const auto circle =
          store::CircleStore(unit.session()).Find(concern.circle_id, organisation)) {
    record.consents =
        store::CoreMemberStore(unit.session()).Consents(circle->core_member_id, organisation);
  }
  return record;
}

}  // namespace

Result<std::int64_t> Acknowledge(const Services& services, const auth::Actor& actor,
                                 const AcknowledgeCommand& command) {
  return ChangeRecord(
      services, actor, {"concern.acknowledge", "concern"}, FindManaged, command.concern_id,
      [&](store::Unit& unit, const ConcernRow& row) -> Result<std::int64_t> {
        const auto& concern = row.concern;
        TRY(domain::CheckConcernTransition(concern.status, domain::ConcernStatus::kAcknowledged));
        // The store moves only a concern still raised: a concurrent acknowledgement wins once.
        if (!store::ConcernStore(unit.session())
                 .Acknowledge(concern.id, concern.organisation_id, actor.user_id, unit.now())) {
          return Error::Conflict(N_("This concern is already acknowledged."));
        }
        store::ConcernEscalationStore(unit.session())
            .CancelPending(concern.id, concern.organisation_id, unit.now());
        return concern.id;
      });
}

Result<std::int64_t> Start(const Services& services, const auth::Actor& actor,
                           const StartCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto row = TRY(FindManaged(unit, actor, command.concern_id));
    TRY(domain::CheckConcernTransition(row.concern.status, domain::ConcernStatus::kInProgress));
    if (!StartIfAcknowledged(services, unit, actor, row.concern)) {
      return Error::Conflict(N_("This concern is already in progress."));
    }
    return row.concern.id;
  });
}

Result<std::int64_t> RecordAction(const Services& services, const auth::Actor& actor,
                                  const RecordActionCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto row = TRY(FindManaged(unit, actor, command.concern_id));
    TRY(AcceptsWork(row.concern));
    std::string note = command.note;
    TRY(domain::CheckAction(command.kind, note, command.taken_at, row.concern, unit.now()));
    return StoreAction(services, unit, actor, row.concern,
                       {.kind = *command.kind, .note = note, .taken_at = *command.taken_at});
  });
}

Result<std::int64_t> PlanEmergencyMeeting(const Services& services, const auth::Actor& actor,
                                          const PlanEmergencyMeetingCommand& command) {
  const auto today = services.Today();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto row = TRY(FindManaged(unit, actor, command.concern_id));
    TRY(AcceptsWork(row.concern));
    const auto circle =
        store::CircleStore(unit.session()).Find(row.concern.circle_id, row.concern.organisation_id);
    if (!circle || circle->closed()) {
      return Error::Conflict(N_("This circle is closed: no meeting can be planned."));
    }
    auto plan = command.plan;
    plan.kind = domain::MeetingKind::kEmergency;
    plan.count = 1;
    const auto venue = TRY(circles::PlaceOf(unit, *circle, plan));
    TRY(domain::CheckMeetingPlan(plan, circle->phase, today));
    if (!command.starts) return Error::Fields({{"time", {N_("Enter a time, such as 19:00."), {}}}});
    const auto reason = TRY(
        circles::ClashOverride(unit, actor, *circle, plan, venue ? &*venue : nullptr, {*plan.date},
                               {command.override_clashes, command.override_reason}));
    const auto meeting_id =
        circles::InsertPlannedMeeting(services, unit, actor,
                                      {.organisation_id = circle->organisation_id,
                                       .circle_id = circle->id,
                                       .kind = domain::MeetingKind::kEmergency,
                                       .starts = *command.starts,
                                       .duration_minutes = *plan.duration_minutes,
                                       .place = plan.place,
                                       .venue_id = plan.venue_id,
                                       .mode = plan.mode},
                                      reason);
    Audit(services, unit, actor, {"circle.meeting_plan", "circle", std::to_string(circle->id)});
    return StoreAction(services, unit, actor, row.concern,
                       {.kind = domain::ActionKind::kEmergencyMeeting,
                        .note = command.note,
                        .taken_at = unit.now(),
                        .meeting_id = meeting_id});
  });
}

Result<std::int64_t> RecordDisclosure(const Services& services, const auth::Actor& actor,
                                      const RecordDisclosureCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto row = TRY(FindManaged(unit, actor, command.concern_id));
    const auto& concern = row.concern;
    TRY(AcceptsWork(concern));
    auto draft = command.draft;
    const auto record = ReadBasisRecord(unit, concern, draft.partner_contact_id);
    std::optional<CivilDate> day;
    if (draft.disclosed_at) day = services.translator.LocalDate(*draft.disclosed_at);
    const domain::DisclosureRecord against{
        concern,         concern.circle_id, record.contact ? &*record.contact : nullptr,
        record.consents, record.agreements, day,
        unit.now()};
    return StoreWork(services, unit, actor, concern, "concern.disclose",
                     TRY(domain::CheckDisclosure(draft, against)),
                     &store::ConcernStore::InsertDisclosure);
  });
}

Result<std::int64_t> Reply(const Services& services, const auth::Actor& actor,
                           const ReplyCommand& command) {
  bool queued = false;
  auto replied = ChangeRecord(
      services, actor, {"concern.reply", "concern"}, FindManaged, command.concern_id,
      [&](store::Unit& unit, const ConcernRow& row) -> Result<std::int64_t> {
        const auto& concern = row.concern;
        std::string reply = command.reply;
        TRY(domain::CheckReply(reply));
        store::ConcernStore(unit.session())
            .SetReply(concern.id, concern.organisation_id, actor.user_id, reply, unit.now());
        if (concern.raised_by != actor.user_id) {
          queued = notify::QueueReplyMail(unit, AlertServicesOf(services), concern, row.code_name);
        }
        return concern.id;
      });
  if (replied && queued) services.NoteMailQueued();
  return replied;
}

Result<std::int64_t> Close(const Services& services, const auth::Actor& actor,
                           const CloseCommand& command) {
  return ChangeRecord(
      services, actor, {"concern.close", "concern"}, FindManaged, command.concern_id,
      [&](store::Unit& unit, const ConcernRow& row) -> Result<std::int64_t> {
        const auto& concern = row.concern;
        TRY(domain::CheckConcernTransition(concern.status, domain::ConcernStatus::kClosed));
        std::string note = command.note;
        TRY(domain::CheckClosure(command.outcome, note));
        if (!store::ConcernStore(unit.session())
                 .Close(concern.id, concern.organisation_id, actor.user_id, *command.outcome, note,
                        unit.now())) {
          return Error::Conflict(N_("This concern is closed."));
        }
        volunteers::ScheduleDebriefs(services, unit, actor, concern, services.Today());
        return concern.id;
      });
}

}  // namespace cercle::app::concerns
