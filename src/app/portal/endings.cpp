#include "app/portal/endings.hpp"

#include "app/circles/ending_answers.hpp"
#include "app/portal/portal.hpp"
#include "auth/policies/volunteer_policy.hpp"
#include "store/circle_store.hpp"
#include "store/ending_store.hpp"

namespace cercle::app::portal {
namespace {

// The questionnaire `id` when it is `volunteer`'s own.
std::optional<domain::EndingQuestionnaire> OwnQuestionnaire(const store::Unit& unit,
                                                            const domain::Volunteer& volunteer,
                                                            std::int64_t id) {
  auto questionnaire = store::EndingStore(unit.session()).Find(id, volunteer.organisation_id);
  if (!questionnaire || questionnaire->volunteer_id != volunteer.id) return std::nullopt;
  return questionnaire;
}

// The code name of circle `circle_id`.
std::string CodeNameOf(const store::Unit& unit, std::int64_t circle_id,
                       std::int64_t organisation_id) {
  const auto circle = store::CircleStore(unit.session()).Find(circle_id, organisation_id);
  return circle ? circle->code_name : "";
}

}  // namespace

std::vector<OpenEnding> OpenEndingsOf(const Services& services, const auth::Actor& actor,
                                      const domain::Volunteer& volunteer) {
  if (!auth::policies::VolunteerPolicy::CanSeePortal(actor, volunteer)) return {};
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    std::vector<OpenEnding> open;
    for (const auto& questionnaire :
         store::EndingStore(unit.session())
             .OpenOfVolunteer(volunteer.id, volunteer.organisation_id)) {
      open.push_back(
          {questionnaire.id, CodeNameOf(unit, questionnaire.circle_id, volunteer.organisation_id)});
    }
    return open;
  });
}

Result<OwnEnding> LoadOwnEnding(const Services& services, const auth::Actor& actor,
                                std::int64_t id) {
  const auto volunteer = TRY(FindOwnFile(services, actor));
  auto own = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<OwnEnding> {
    auto questionnaire = OwnQuestionnaire(unit, volunteer, id);
    if (!questionnaire) return Error::NotFound();
    auto code_name = CodeNameOf(unit, questionnaire->circle_id, volunteer.organisation_id);
    return OwnEnding{std::move(*questionnaire), std::move(code_name)};
  }));
  AuditView(services, actor, {"ending.view_own", "ending_questionnaire", std::to_string(id)});
  return own;
}

Result<std::int64_t> AnswerOwnEnding(const Services& services, const auth::Actor& actor,
                                     std::int64_t id, domain::EndingReply reply) {
  const auto volunteer = TRY(FindOwnFile(services, actor));
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    auto questionnaire = OwnQuestionnaire(unit, volunteer, id);
    if (!questionnaire) return Error::NotFound();
    if (questionnaire->answered()) {
      return Error::Conflict(N_("You answered this questionnaire already."));
    }
    TRY(domain::CheckEndingReply(domain::EndingRespondent::kVolunteer, reply));
    TRY(circles::StoreEndingAnswers(unit, *questionnaire, reply, services.Today(), actor.user_id));
    Audit(services, unit, actor,
          {"ending.answer_volunteer", "ending_questionnaire", std::to_string(id)});
    return id;
  });
}

}  // namespace cercle::app::portal
