#include "app/portal/wellbeing.hpp"

#include "app/portal/portal.hpp"
#include "store/volunteer_care_store.hpp"

namespace cercle::app::portal {
namespace {

// The actor's own file, when it is open.
Result<domain::Volunteer> FindOwnOpenFile(const Services& services, const auth::Actor& actor) {
  auto volunteer = TRY(FindOwnFile(services, actor));
  if (domain::IsClosedStage(volunteer.stage)) return Error::NotFound();
  return volunteer;
}

}  // namespace

Result<WellbeingCheck> LoadWellbeingCheck(const Services& services, const auth::Actor& actor) {
  auto volunteer = TRY(FindOwnOpenFile(services, actor));
  const CivilDate today = services.Today();
  WellbeingCheck check{std::move(volunteer), domain::MonthOf(today), today, std::nullopt};
  check.answer = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::VolunteerCareStore(unit.session())
        .WellbeingOfMonth(check.volunteer.id, check.month, check.volunteer.organisation_id);
  });
  AuditView(services, actor,
            {"volunteer.wellbeing_view_own", "volunteer", std::to_string(check.volunteer.id)});
  return check;
}

bool WellbeingDue(const Services& services, const auth::Actor& actor,
                  const domain::Volunteer& volunteer) {
  if (domain::IsClosedStage(volunteer.stage)) return false;
  return !Read(services, actor.scope(), [&](store::Unit& unit) {
            return store::VolunteerCareStore(unit.session())
                .WellbeingOfMonth(volunteer.id, domain::MonthOf(services.Today()),
                                  volunteer.organisation_id);
          }).has_value();
}

Result<std::int64_t> AnswerWellbeing(const Services& services, const auth::Actor& actor,
                                     const domain::WellbeingReply& reply) {
  const auto volunteer = TRY(FindOwnOpenFile(services, actor));
  auto checked = reply;
  TRY(domain::CheckWellbeingReply(checked));
  const std::string month = domain::MonthOf(services.Today());
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    store::VolunteerCareStore care(unit.session());
    if (care.WellbeingOfMonth(volunteer.id, month, volunteer.organisation_id)) {
      return Error::Conflict(N_("You answered this month's check already."));
    }
    domain::WellbeingAnswer answer;
    answer.organisation_id = volunteer.organisation_id;
    answer.volunteer_id = volunteer.id;
    answer.month = month;
    answer.score = *checked.score;
    answer.note = checked.note;
    answer.answered_at = unit.now();
    const auto id = care.InsertWellbeing(answer);
    Audit(services, unit, actor,
          {"volunteer.wellbeing_answer", "volunteer", std::to_string(volunteer.id)});
    return id;
  });
}

}  // namespace cercle::app::portal
