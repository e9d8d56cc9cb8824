// The end-of-circle questionnaires' rules: the fixed questions of each respondent, the check of a
// reply and of a paper reply's day, and the figures the dashboard shows.
#include "domain/ending_questionnaires.hpp"

#include <gtest/gtest.h>

#include <set>

namespace cercle::domain {
namespace {

CivilDate Day(int year, unsigned month, unsigned day) {
  return CivilDate(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day));
}

// A reply giving `score` to every question of `respondent`.
EndingReply FullReply(EndingRespondent respondent, int score) {
  EndingReply reply;
  for (const auto& question : EndingQuestionsFor(respondent)) {
    reply.scores[std::string(question.key)] = score;
  }
  return reply;
}

bool HasField(const Status& status, const std::string& field) {
  if (status) return false;
  for (const auto& error : status.error().fields) {
    if (error.field == field) return true;
  }
  return false;
}

TEST(EndingQuestions, EachRespondentHasShortQuestionsWithKeysOfOneRespondentOnly) {
  std::set<std::string_view> keys;
  for (const auto respondent : EnumValues<EndingRespondent>()) {
    const auto questions = EndingQuestionsFor(respondent);
    EXPECT_GE(questions.size(), 3u);
    EXPECT_LE(questions.size(), 5u);
    for (const auto& question : questions) {
      EXPECT_LE(question.key.size(), 40u);
      EXPECT_TRUE(keys.insert(question.key).second) << question.key;
    }
  }
  EXPECT_STREQ(AgreementLabel(1), "Strongly disagree");
  EXPECT_STREQ(AgreementLabel(5), "Strongly agree");
  EXPECT_STREQ(AgreementLabel(0), "");
  EXPECT_EQ(EndingField("less_alone"), "q_less_alone");
}

TEST(EndingReplyRule, NeedsEveryQuestionOnTheScale) {
  auto fine = FullReply(EndingRespondent::kVolunteer, 4);
  fine.comment = "  Une belle expérience.  ";
  EXPECT_TRUE(CheckEndingReply(EndingRespondent::kVolunteer, fine));
  EXPECT_EQ(fine.comment, "Une belle expérience.");

  auto missing = FullReply(EndingRespondent::kVolunteer, 4);
  missing.scores.erase("training");
  EXPECT_TRUE(HasField(CheckEndingReply(EndingRespondent::kVolunteer, missing), "q_training"));

  auto unread = FullReply(EndingRespondent::kOfficer, 3);
  unread.scores["risk"] = std::nullopt;
  EXPECT_TRUE(HasField(CheckEndingReply(EndingRespondent::kOfficer, unread), "q_risk"));

  auto six = FullReply(EndingRespondent::kOfficer, 6);
  EXPECT_TRUE(HasField(CheckEndingReply(EndingRespondent::kOfficer, six), "q_supervision"));

  // Another respondent's questions are not this one's.
  auto wrong = FullReply(EndingRespondent::kCoreMember, 3);
  EXPECT_FALSE(CheckEndingReply(EndingRespondent::kOfficer, wrong));

  auto long_comment = FullReply(EndingRespondent::kCoreMember, 2);
  long_comment.comment = std::string(kEndingCommentLimit + 1, 'a');
  EXPECT_TRUE(HasField(CheckEndingReply(EndingRespondent::kCoreMember, long_comment), "comment"));
}

TEST(EndingReplyRule, APaperReplyIsDatedBetweenTheClosingAndToday) {
  const auto closed = Day(2026, 11, 20), today = Day(2026, 12, 7);
  auto fine = FullReply(EndingRespondent::kCoreMember, 5);
  fine.answered_on = Day(2026, 11, 25);
  EXPECT_TRUE(CheckPaperReply(fine, closed, today));
  auto before = fine;
  before.answered_on = Day(2026, 11, 19);
  EXPECT_TRUE(HasField(CheckPaperReply(before, closed, today), "answered_on"));
  auto future = fine;
  future.answered_on = Day(2026, 12, 8);
  EXPECT_TRUE(HasField(CheckPaperReply(future, closed, today), "answered_on"));
  auto undated = fine;
  undated.answered_on = std::nullopt;
  EXPECT_TRUE(HasField(CheckPaperReply(undated, closed, today), "answered_on"));
  auto unanswered = fine;
  unanswered.scores.erase("recommend");
  EXPECT_TRUE(HasField(CheckPaperReply(unanswered, closed, today), "q_recommend"));
}

TEST(EndingReplyRule, AnswersFollowTheQuestionsOrder) {
  EndingQuestionnaire questionnaire;
  questionnaire.id = 7;
  questionnaire.organisation_id = 3;
  questionnaire.respondent = EndingRespondent::kOfficer;
  const auto reply = FullReply(EndingRespondent::kOfficer, 4);
  const auto answers = AnswersOf(questionnaire, reply);
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_EQ(answers[0].question, "supervision");
  EXPECT_EQ(answers[2].question, "risk");
  EXPECT_EQ(answers[1].questionnaire_id, 7);
  EXPECT_EQ(answers[1].organisation_id, 3);
  EXPECT_EQ(answers[1].score, 4);
}

TEST(EndingFiguresRule, CountsAndAveragesEachQuestionOfEachRespondent) {
  const std::vector<EndingScore> scores{
      {EndingRespondent::kVolunteer, "again", 5},
      {EndingRespondent::kVolunteer, "again", 2},
      {EndingRespondent::kVolunteer, "again", 4},
      {EndingRespondent::kOfficer, "risk", 3},
      // A question not asked of core members is ignored.
      {EndingRespondent::kCoreMember, "risk", 1},
  };
  const auto figures = EndingFigures(scores);
  std::size_t questions = 0;
  for (const auto respondent : EnumValues<EndingRespondent>()) {
    questions += EndingQuestionsFor(respondent).size();
  }
  ASSERT_EQ(figures.size(), questions);
  EXPECT_EQ(figures.front().respondent, EndingRespondent::kCoreMember);
  for (const auto& figure : figures) {
    if (figure.respondent == EndingRespondent::kVolunteer && figure.question == "again") {
      EXPECT_EQ(figure.answers, 3);
      EXPECT_DOUBLE_EQ(figure.mean, 11.0 / 3);
    } else if (figure.respondent == EndingRespondent::kOfficer && figure.question == "risk") {
      EXPECT_EQ(figure.answers, 1);
      EXPECT_DOUBLE_EQ(figure.mean, 3);
    } else {
      EXPECT_EQ(figure.answers, 0) << figure.question;
      EXPECT_DOUBLE_EQ(figure.mean, 0);
    }
  }
}

}  // namespace
}  // namespace cercle::domain
