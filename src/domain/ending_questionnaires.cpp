#include "domain/ending_questionnaires.hpp"

#include <algorithm>

#include "domain/field_checks.hpp"

namespace cercle::domain {
namespace {

constexpr std::array<EndingQuestion, 4> kCoreMemberQuestions{{
    {"less_alone", N_("The circle helped me feel less alone.")},
    {"conditions", N_("The circle helped me keep my conditions.")},
    {"daily_life", N_("The circle helped me with housing, work or daily life.")},
    {"recommend", N_("I would recommend a circle to someone in my situation.")},
}};

constexpr std::array<EndingQuestion, 4> kVolunteerQuestions{{
    {"supported", N_("I felt supported by the staff.")},
    {"training", N_("The training prepared me for the circle.")},
    {"difference", N_("The circle made a difference for the core member.")},
    {"again", N_("I would volunteer in a circle again.")},
}};

constexpr std::array<EndingQuestion, 3> kOfficerQuestions{{
    {"supervision", N_("The circle helped the supervision.")},
    {"communication", N_("Communication with the coordinator was good.")},
    {"risk", N_("In my view, the circle reduced the risk of reoffending.")},
}};

}  // namespace

std::span<const EndingQuestion> EndingQuestionsFor(EndingRespondent respondent) {
  switch (respondent) {
    case EndingRespondent::kCoreMember:
      return kCoreMemberQuestions;
    case EndingRespondent::kVolunteer:
      return kVolunteerQuestions;
    case EndingRespondent::kOfficer:
      return kOfficerQuestions;
  }
  return {};
}

const char* AgreementLabel(int score) {
  if (score < kAgreementLowest || score > kAgreementHighest) return "";
  return kAgreementLabels[static_cast<std::size_t>(score - kAgreementLowest)];
}

std::string EndingField(std::string_view key) { return "q_" + std::string(key); }

namespace {

// The errors of `reply` to `respondent`'s questions and of its comment, which it trims.
void AddReplyErrors(std::vector<FieldError>& errors, EndingRespondent respondent,
                    EndingReply& reply) {
  const auto questions = EndingQuestionsFor(respondent);
  for (const auto& question : questions) {
    const auto found = reply.scores.find(question.key);
    const bool scored = found != reply.scores.end() && found->second &&
                        *found->second >= kAgreementLowest && *found->second <= kAgreementHighest;
    if (!scored) AddError(errors, EndingField(question.key), N_("Choose an answer."));
  }
  for (const auto& [key, score] : reply.scores) {
    const bool known = std::any_of(questions.begin(), questions.end(),
                                   [&](const auto& question) { return question.key == key; });
    if (!known) AddError(errors, "comment", N_("The form holds an unknown question."));
  }
  CheckText(errors, "comment", reply.comment, kEndingCommentLimit);
}

}  // namespace

Status CheckEndingReply(EndingRespondent respondent, EndingReply& reply) {
  std::vector<FieldError> errors;
  AddReplyErrors(errors, respondent, reply);
  return Checked(std::move(errors));
}

Status CheckPaperReply(EndingReply& reply, CivilDate closed_on, CivilDate today) {
  std::vector<FieldError> errors;
  AddReplyErrors(errors, EndingRespondent::kCoreMember, reply);
  CheckPastDay(
      errors, "answered_on", reply.answered_on, today,
      Earliest<CivilDate>{closed_on, N_("The questionnaire cannot precede the circle's closing.")});
  return Checked(std::move(errors));
}

std::vector<EndingAnswer> AnswersOf(const EndingQuestionnaire& questionnaire,
                                    const EndingReply& reply) {
  std::vector<EndingAnswer> answers;
  for (const auto& question : EndingQuestionsFor(questionnaire.respondent)) {
    const auto found = reply.scores.find(question.key);
    if (found == reply.scores.end() || !found->second) continue;
    EndingAnswer answer;
    answer.organisation_id = questionnaire.organisation_id;
    answer.questionnaire_id = questionnaire.id;
    answer.question = std::string(question.key);
    answer.score = *found->second;
    answers.push_back(std::move(answer));
  }
  return answers;
}

std::vector<EndingFigure> EndingFigures(const std::vector<EndingScore>& scores) {
  std::vector<EndingFigure> figures;
  for (const auto respondent : EnumValues<EndingRespondent>()) {
    for (const auto& question : EndingQuestionsFor(respondent)) {
      EndingFigure figure{respondent, question.key, question.text, 0, 0};
      int total = 0;
      for (const auto& score : scores) {
        if (score.respondent != respondent || score.question != question.key) continue;
        ++figure.answers;
        total += score.score;
      }
      if (figure.answers > 0) figure.mean = static_cast<double>(total) / figure.answers;
      figures.push_back(figure);
    }
  }
  return figures;
}

}  // namespace cercle::domain
