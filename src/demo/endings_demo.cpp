#include "demo/endings_demo.hpp"

#include <array>
#include <chrono>
#include <vector>

#include "app/circles/endings.hpp"
#include "app/portal/endings.hpp"
#include "demo/demo_actors.hpp"

namespace cercle::demo {
namespace {

using domain::EndingRespondent;

// Noon in Montréal on the day `days` after the circle closed on `closed_on`.
Instant NoonAfter(CivilDate closed_on, int days) {
  return Instant(std::chrono::sys_days(AddDays(closed_on, days)).time_since_epoch()) +
         std::chrono::hours(17);
}

// A reply giving `scores` to `respondent`'s questions in order, with `comment`.
domain::EndingReply ReplyOf(EndingRespondent respondent, const std::vector<int>& scores,
                            const char* comment) {
  domain::EndingReply reply;
  const auto questions = domain::EndingQuestionsFor(respondent);
  for (std::size_t i = 0; i < questions.size() && i < scores.size(); ++i) {
    reply.scores[std::string(questions[i].key)] = scores[i];
  }
  reply.comment = comment;
  return reply;
}

// The answers of one circle's respondents.
struct DemoEnding {
  const char* core_member;
  std::vector<int> core_member_scores;
  const char* core_member_comment;
  std::vector<std::vector<int>> volunteer_scores;  // taken in turn by the volunteers who answer
  std::vector<int> officer_scores;
  const char* officer_comment;
};

const std::array<DemoEnding, 2> kEndings{{
    {"Rémi Modèle",
     {5, 4, 4, 5},
     "Le cercle m'a aidé à tenir le coup la première année (réponse papier, démo).",
     {{5, 4, 5, 5}, {4, 3, 4, 4}, {5, 5, 4, 5}},
     {4, 5, 4},
     "Collaboration régulière et claire avec la coordination (démo)."},
    {"Hervé Brouillon",
     {3, 2, 3, 4},
     "Je regrette le bris; les rencontres m'aidaient (réponse papier, démo).",
     {{3, 4, 3, 4}, {4, 4, 2, 5}},
     {3, 4, 2},
     ""},
}};

// The volunteers' answers to `ending` of the circle whose questionnaires are `page`'s, each
// through his own portal, Bastien Fictif's excepted.
Status AnswerVolunteers(const app::Services& services, const DemoActors& actors,
                        const app::circles::EndingsPage& page, const DemoEnding& ending,
                        CivilDate closed_on) {
  std::size_t turn = 0;
  for (const auto& summary : page.questionnaires) {
    const auto& questionnaire = summary.questionnaire;
    if (questionnaire.respondent != EndingRespondent::kVolunteer) continue;
    for (const auto& [user_id, volunteer_actor] : actors.volunteers) {
      if (actors.bastien && actors.bastien->user_id == user_id) continue;
      auto actor = volunteer_actor;
      actor.has_volunteer_file = true;
      const Backdated at(services, NoonAfter(closed_on, 2 + static_cast<int>(turn)));
      // Only the volunteer whose questionnaire it is finds it in his portal.
      if (!app::portal::LoadOwnEnding(at.services(), actor, questionnaire.id)) continue;
      const auto& scores = ending.volunteer_scores[turn % ending.volunteer_scores.size()];
      TRY(app::portal::AnswerOwnEnding(at.services(), actor, questionnaire.id,
                                       ReplyOf(EndingRespondent::kVolunteer, scores, "")));
      ++turn;
      break;
    }
  }
  return {};
}

// Every answer of `ending`'s circle `circle_id` but Bastien's.
Status AnswerCircle(const app::Services& services, const DemoActors& actors, std::int64_t circle_id,
                    const DemoEnding& ending) {
  const auto page = TRY(app::circles::LoadEndings(services, actors.coordinator, circle_id));
  if (!page.circle.closed_on || page.questionnaires.empty()) {
    return Error::Invalid(N_("The demo circle's questionnaires are missing."));
  }
  const CivilDate closed_on = *page.circle.closed_on;
  {
    const Backdated at(services, NoonAfter(closed_on, 1));
    auto reply = ReplyOf(EndingRespondent::kCoreMember, ending.core_member_scores,
                         ending.core_member_comment);
    reply.answered_on = AddDays(closed_on, 1);
    TRY(app::circles::RecordCoreMemberAnswers(at.services(), actors.coordinator, circle_id,
                                              std::move(reply)));
  }
  TRY(AnswerVolunteers(services, actors, page, ending, closed_on));
  const Backdated at(services, NoonAfter(closed_on, 5));
  const auto link =
      TRY(app::circles::IssueOfficerLink(at.services(), actors.coordinator, circle_id));
  const std::string token = link.substr(link.rfind('/') + 1);
  TRY(app::circles::AnswerOfficerEnding(
      at.services(), {}, token,
      ReplyOf(EndingRespondent::kOfficer, ending.officer_scores, ending.officer_comment)));
  return {};
}

}  // namespace

Status LoadEndings(const app::Services& services, std::int64_t organisation_id,
                   const CircleIds& circles) {
  const auto actors = TRY(FindActors(services, organisation_id));
  for (const auto& ending : kEndings) {
    TRY(AnswerCircle(services, actors, circles.at(ending.core_member), ending));
  }
  return {};
}

}  // namespace cercle::demo
