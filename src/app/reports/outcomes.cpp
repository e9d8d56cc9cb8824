#include "app/reports/outcomes.hpp"

#include <map>

#include "app/field_errors.hpp"
#include "auth/policies/core_member_policy.hpp"
#include "auth/policies/report_policy.hpp"
#include "auth/policies/risk_factor_policy.hpp"
#include "store/core_member_store.hpp"
#include "store/outcome_store.hpp"
#include "store/risk_factor_store.hpp"

namespace cercle::app::reports {
namespace {

using auth::policies::CoreMemberPolicy;
using auth::policies::OutcomePolicy;

constexpr const char* kCoreMemberType = "core_member";

// What the actor may do with a file's outcomes.
enum class Access { kView, kChange };

// The file `id` when the actor may see it and, per `access`, see or change its outcomes.
Result<domain::CoreMember> FindFile(const auth::Actor& actor, store::Unit& unit, std::int64_t id,
                                    Access access) {
  if (!actor.organisation_id || !CoreMemberPolicy::CanList(actor)) return Error::NotFound();
  auto member = store::CoreMemberStore(unit.session()).Find(id, *actor.organisation_id);
  if (!member || !CoreMemberPolicy::CanView(actor, member->organisation_id)) {
    return Error::NotFound();
  }
  const bool allowed = access == Access::kView
                           ? OutcomePolicy::CanView(actor, member->organisation_id)
                           : OutcomePolicy::CanChange(actor, member->organisation_id);
  if (!allowed) return Error::NotFound();
  return std::move(*member);
}

// The event `id` when the actor may change it.
Result<domain::RecidivismEvent> FindEvent(const auth::Actor& actor, store::Unit& unit,
                                          std::int64_t id) {
  if (!actor.organisation_id) return Error::NotFound();
  auto event = store::OutcomeStore(unit.session()).FindEvent(id, *actor.organisation_id);
  if (!event || !OutcomePolicy::CanChange(actor, event->organisation_id)) return Error::NotFound();
  return std::move(*event);
}

// The day `member`'s file was last closed, when it is closed now.
std::optional<CivilDate> ClosedOn(const Services& services, store::Unit& unit,
                                  const domain::CoreMember& member) {
  if (member.status != domain::CoreMemberStatus::kClosed) return std::nullopt;
  std::optional<Instant> closed;
  for (const auto& change :
       store::CoreMemberStore(unit.session()).History(member.id, member.organisation_id)) {
    if (change.to == domain::CoreMemberStatus::kClosed) closed = change.changed_at;
  }
  if (!closed) return std::nullopt;
  return services.translator.LocalDate(*closed);
}

// Copies what the event form sets onto `event`.
void SetDetails(domain::RecidivismEvent& event, const domain::RecidivismEvent& details) {
  event.occurred_on = details.occurred_on;
  event.kind = details.kind;
  event.category = details.category;
  event.period = details.period;
  event.source = details.source;
  event.reference = details.reference;
}

// The assessments received from corrections that the reviews of `core_member_id`'s circles relied
// on, each with its review's day, the earliest review first.
std::vector<std::pair<CivilDate, domain::RiskAssessment>> ReviewAssessments(
    const store::Unit& unit, std::int64_t organisation, std::int64_t core_member_id) {
  const auto assessments =
      store::CoreMemberStore(unit.session()).RiskAssessments(core_member_id, organisation);
  std::vector<std::pair<CivilDate, domain::RiskAssessment>> cited;
  for (const auto& link :
       store::RiskFactorStore(unit.session()).CitedAssessments(organisation, core_member_id)) {
    for (const auto& assessment : assessments) {
      if (assessment.id == link.assessment_id) cited.emplace_back(link.held_on, assessment);
    }
  }
  return cited;
}

}  // namespace

Result<OutcomesPage> LoadOutcomesPage(const Services& services, const auth::Actor& actor,
                                      std::int64_t core_member_id) {
  auto page = Read(services, actor.scope(), [&](store::Unit& unit) -> Result<OutcomesPage> {
    auto member = TRY(FindFile(actor, unit, core_member_id, Access::kView));
    store::OutcomeStore store(unit.session());
    const std::int64_t organisation = member.organisation_id;
    OutcomesPage loaded{member,
                        store.ListEvents(member.id, organisation),
                        store.ListMeasures(member.id, organisation),
                        store.ListChecks(member.id, organisation),
                        store.Scales(organisation),
                        ClosedOn(services, unit, member),
                        circles::ReadPlanOutcomes(unit, member.id, organisation),
                        circles::EndingsOfCoreMember(unit, member.id, organisation)};
    if (auth::policies::RiskFactorPolicy::CanManage(actor)) {
      loaded.factor_ratings =
          store::RiskFactorStore(unit.session()).Records(organisation, member.id);
      if (auth::policies::CoreMemberPolicy::CanReadRisk(actor, organisation)) {
        loaded.review_assessments = ReviewAssessments(unit, organisation, member.id);
      }
    }
    return loaded;
  });
  if (page) {
    AuditView(services, actor, {"outcome.view", kCoreMemberType, std::to_string(core_member_id)});
  }
  return page;
}

Result<std::int64_t> RecordEvent(const Services& services, const auth::Actor& actor,
                                 std::int64_t core_member_id, const EventForm& form) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto member = TRY(FindFile(actor, unit, core_member_id, Access::kChange));
    domain::RecidivismEvent event;
    event.organisation_id = member.organisation_id;
    event.core_member_id = member.id;
    SetDetails(event, form.details);
    event.recorded_by = actor.user_id;
    event.recorded_at = event.updated_at = unit.now();
    TRY(Combine(form.unreadable, domain::CheckRecidivismEvent(event, services.Today())));
    event.id = store::OutcomeStore(unit.session()).InsertEvent(event);
    Audit(services, unit, actor, {"outcome.create", "recidivism_event", std::to_string(event.id)});
    return event.id;
  });
}

Result<EventPage> LoadEvent(const Services& services, const auth::Actor& actor,
                            std::int64_t event_id, RecordView record) {
  auto page = Read(services, actor.scope(), [&](store::Unit& unit) -> Result<EventPage> {
    auto event = TRY(FindEvent(actor, unit, event_id));
    auto member = TRY(FindFile(actor, unit, event.core_member_id, Access::kView));
    return EventPage{std::move(event), std::move(member)};
  });
  if (page && record == RecordView::kYes) {
    AuditView(services, actor,
              {"outcome.view", kCoreMemberType, std::to_string(page->core_member.id)});
  }
  return page;
}

Result<std::int64_t> EditEvent(const Services& services, const auth::Actor& actor,
                               std::int64_t event_id, const EventForm& form) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    auto event = TRY(FindEvent(actor, unit, event_id));
    TRY(FindFile(actor, unit, event.core_member_id, Access::kView));
    SetDetails(event, form.details);
    event.updated_at = unit.now();
    TRY(Combine(form.unreadable, domain::CheckRecidivismEvent(event, services.Today())));
    store::OutcomeStore(unit.session()).UpdateEvent(event);
    Audit(services, unit, actor, {"outcome.update", "recidivism_event", std::to_string(event.id)});
    return event.core_member_id;
  });
}

Result<std::int64_t> RemoveEvent(const Services& services, const auth::Actor& actor,
                                 std::int64_t event_id) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto event = TRY(FindEvent(actor, unit, event_id));
    store::OutcomeStore(unit.session()).DeleteEvent(event.id, event.organisation_id);
    Audit(services, unit, actor, {"outcome.remove", "recidivism_event", std::to_string(event.id)});
    return event.core_member_id;
  });
}

Result<std::int64_t> RecordMeasure(const Services& services, const auth::Actor& actor,
                                   std::int64_t core_member_id, const MeasureForm& form) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto member = TRY(FindFile(actor, unit, core_member_id, Access::kChange));
    store::OutcomeStore store(unit.session());
    domain::OutcomeMeasure measure;
    measure.organisation_id = member.organisation_id;
    measure.core_member_id = member.id;
    measure.measured_on = form.measured_on;
    measure.occasion = form.occasion;
    measure.levels = form.levels;
    measure.recorded_by = actor.user_id;
    measure.recorded_at = unit.now();
    TRY(Combine(form.unreadable,
                domain::CheckOutcomeMeasure(measure, store.Scales(member.organisation_id),
                                            services.Today())));
    measure.id = store.InsertMeasure(measure);
    Audit(services, unit, actor, {"outcome.create", "outcome_measure", std::to_string(measure.id)});
    return measure.id;
  });
}

Result<std::int64_t> RemoveMeasure(const Services& services, const auth::Actor& actor,
                                   std::int64_t measure_id) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    if (!actor.organisation_id) return Error::NotFound();
    store::OutcomeStore store(unit.session());
    const auto measure = store.FindMeasure(measure_id, *actor.organisation_id);
    if (!measure || !OutcomePolicy::CanChange(actor, measure->organisation_id)) {
      return Error::NotFound();
    }
    store.DeleteMeasure(measure->id, measure->organisation_id);
    Audit(services, unit, actor,
          {"outcome.remove", "outcome_measure", std::to_string(measure->id)});
    return measure->core_member_id;
  });
}

Result<std::int64_t> RecordFollowUp(const Services& services, const auth::Actor& actor,
                                    std::int64_t core_member_id, const FollowUpForm& form) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto member = TRY(FindFile(actor, unit, core_member_id, Access::kChange));
    const auto closed_on = ClosedOn(services, unit, member);
    if (!closed_on) {
      return Error::Conflict(N_("Follow-ups start once the file is closed. This file is open."));
    }
    domain::FollowUpCheck check;
    check.organisation_id = member.organisation_id;
    check.core_member_id = member.id;
    check.milestone_months = form.milestone_months;
    if (form.checked_on) check.checked_on = *form.checked_on;
    check.found_events = form.found_events;
    check.recorded_by = actor.user_id;
    check.recorded_at = unit.now();
    TRY(Combine(form.unreadable,
                form.checked_on ? domain::CheckFollowUpCheck(check, *closed_on, services.Today())
                                : Status()));
    if (!domain::IsFollowUpMilestone(check.milestone_months)) {
      return Error::Fields({{"milestone", {N_("Choose one of the options."), {}}}});
    }
    store::OutcomeStore store(unit.session());
    for (const auto& done : store.ListChecks(member.id, member.organisation_id)) {
      if (done.milestone_months == check.milestone_months) {
        return Error::Fields({{"milestone", {N_("This follow-up is recorded already."), {}}}});
      }
    }
    check.id = store.InsertCheck(check);
    Audit(services, unit, actor, {"outcome.create", "follow_up_check", std::to_string(check.id)});
    return check.id;
  });
}

std::vector<DueFollowUp> DueFollowUps(const Services& services, const auth::Actor& actor) {
  if (!CoreMemberPolicy::CanList(actor) || !actor.organisation_id) return {};
  const std::int64_t organisation = *actor.organisation_id;
  if (!OutcomePolicy::CanView(actor, organisation)) return {};
  struct Loaded {
    std::vector<store::ClosedFile> files;
    std::vector<domain::FollowUpCheck> checks;
  };
  // Two queries, which read only the closed files whose follow-ups are not all recorded.
  const auto loaded = Read(services, actor.scope(), [&](store::Unit& unit) {
    store::OutcomeStore store(unit.session());
    Loaded loaded{store.ClosedFilesAwaitingFollowUp(organisation, {domain::kFollowUpMonths.begin(),
                                                                   domain::kFollowUpMonths.end()}),
                  {}};
    std::vector<std::int64_t> ids;
    for (const auto& file : loaded.files) ids.push_back(file.core_member_id);
    loaded.checks = store.ChecksOfFiles(ids, organisation);
    return loaded;
  });
  std::map<std::int64_t, std::vector<domain::FollowUpCheck>> checks;
  for (const auto& check : loaded.checks) checks[check.core_member_id].push_back(check);
  const auto today = services.Today();
  std::vector<DueFollowUp> due;
  for (const auto& file : loaded.files) {
    const auto closed_on = services.translator.LocalDate(file.closed_at);
    for (const auto& follow_up : domain::FollowUpSchedule(closed_on, checks[file.core_member_id])) {
      if (!follow_up.Pending(today)) continue;
      due.push_back({file.core_member_id, file.file_number, follow_up, follow_up.due_on < today});
    }
  }
  return due;
}

}  // namespace cercle::app::reports
