#include "store/ending_store.hpp"

#include "store/fetch.hpp"
#include "store/table.hpp"

namespace cercle::store {
namespace {

// The questionnaires opened when a circle closed; their answer is written apart.
struct EndingQuestionnaires {
  using Record = domain::EndingQuestionnaire;
  static constexpr TableColumns kColumns{
      .table = "ending_questionnaires",
      .fixed = "organisation_id, circle_id, respondent, volunteer_id, opened_at",
      .changing = "token_hash",
      .read_only = "answered_on, recorded_by, recorded_at, comment"};
  static auto Fields(Record& questionnaire) {
    return std::tie(questionnaire.id, questionnaire.organisation_id, questionnaire.circle_id,
                    questionnaire.respondent, questionnaire.volunteer_id, questionnaire.opened_at,
                    questionnaire.token_hash, questionnaire.answered_on, questionnaire.recorded_by,
                    questionnaire.recorded_at, questionnaire.comment);
  }
};

// The score given to each question, written once.
struct EndingAnswers {
  using Record = domain::EndingAnswer;
  static constexpr TableColumns kColumns{
      .table = "ending_answers", .fixed = "organisation_id, questionnaire_id, question, score"};
  static auto Fields(Record& answer) {
    return std::tie(answer.id, answer.organisation_id, answer.questionnaire_id, answer.question,
                    answer.score);
  }
};

// One score and who gave it.
struct ScoreRow {
  std::string respondent;
  std::string question;
  int score = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(respondent));
    statement.exchange(soci::into(question));
    statement.exchange(soci::into(score));
  }
  domain::EndingScore Take() const {
    const auto kind = domain::ParseEnum<domain::EndingRespondent>(respondent);
    if (!kind) table_detail::Unreadable("ending respondent");
    return {*kind, question, score};
  }
};

constexpr const char* kFindByLink = R"sql(
SELECT {columns}
  FROM ending_questionnaires
 WHERE token_hash = :token_hash AND answered_on IS NULL
)sql";

constexpr const char* kOfCircle = R"sql(
SELECT {columns}
  FROM ending_questionnaires
 WHERE organisation_id = :organisation AND circle_id = :circle
 ORDER BY CASE respondent WHEN 'core_member' THEN 0 WHEN 'volunteer' THEN 1 ELSE 2 END, id
)sql";

constexpr const char* kOfCoreMember = R"sql(
SELECT {columns}
  FROM ending_questionnaires
 WHERE organisation_id = :organisation AND respondent IN ('core_member', 'officer')
   AND circle_id IN (SELECT id FROM circles
                      WHERE organisation_id = :organisation AND core_member_id = :core_member)
 ORDER BY circle_id DESC, respondent, id
)sql";

constexpr const char* kOpenOfVolunteer = R"sql(
SELECT {columns}
  FROM ending_questionnaires
 WHERE organisation_id = :organisation AND volunteer_id = :volunteer AND answered_on IS NULL
 ORDER BY opened_at DESC, id DESC
)sql";

constexpr const char* kReplaceLink = R"sql(
UPDATE ending_questionnaires
   SET token_hash = :token_hash
 WHERE id = :id AND organisation_id = :organisation AND answered_on IS NULL
)sql";

constexpr const char* kMarkAnswered = R"sql(
UPDATE ending_questionnaires
   SET answered_on = :answered_on, recorded_by = :recorded_by, recorded_at = :recorded_at,
       comment = :comment, token_hash = NULL
 WHERE id = :id AND organisation_id = :organisation AND answered_on IS NULL
)sql";

constexpr const char* kAnswersOf = R"sql(
SELECT {columns}
  FROM ending_answers
 WHERE organisation_id = :organisation AND questionnaire_id = :questionnaire
 ORDER BY id
)sql";

constexpr const char* kScoresBetween = R"sql(
SELECT q.respondent, a.question, a.score
  FROM ending_answers a
  JOIN ending_questionnaires q ON q.id = a.questionnaire_id AND q.organisation_id = a.organisation_id
 WHERE a.organisation_id = :organisation AND q.answered_on >= :from AND q.answered_on <= :to
 ORDER BY q.id, a.id
)sql";

}  // namespace

std::int64_t EndingStore::Insert(const domain::EndingQuestionnaire& questionnaire) {
  return store::Insert<EndingQuestionnaires>(session_, questionnaire);
}

std::optional<domain::EndingQuestionnaire> EndingStore::Find(std::int64_t id,
                                                             std::int64_t organisation_id) {
  return store::Find<EndingQuestionnaires>(session_, id, organisation_id);
}

std::optional<domain::EndingQuestionnaire> EndingStore::FindByLink(const std::string& token_hash) {
  return SelectOne<EndingQuestionnaires>(session_, kFindByLink, Values("token_hash", token_hash));
}

std::vector<domain::EndingQuestionnaire> EndingStore::OfCircle(std::int64_t circle_id,
                                                               std::int64_t organisation_id) {
  return SelectAll<EndingQuestionnaires>(
      session_, kOfCircle, Values("organisation", organisation_id, "circle", circle_id));
}

std::vector<domain::EndingQuestionnaire> EndingStore::OfCoreMember(std::int64_t core_member_id,
                                                                   std::int64_t organisation_id) {
  return SelectAll<EndingQuestionnaires>(
      session_, kOfCoreMember,
      Values("organisation", organisation_id, "core_member", core_member_id));
}

std::vector<domain::EndingQuestionnaire> EndingStore::OpenOfVolunteer(
    std::int64_t volunteer_id, std::int64_t organisation_id) {
  return SelectAll<EndingQuestionnaires>(
      session_, kOpenOfVolunteer,
      Values("organisation", organisation_id, "volunteer", volunteer_id));
}

bool EndingStore::ReplaceLink(std::int64_t id, std::int64_t organisation_id,
                              const std::string& token_hash) {
  return Change(session_, kReplaceLink,
                Values("token_hash", token_hash, "id", id, "organisation", organisation_id)) > 0;
}

bool EndingStore::MarkAnswered(const domain::EndingQuestionnaire& questionnaire) {
  return Change(session_, kMarkAnswered,
                Values("answered_on", questionnaire.answered_on, "recorded_by",
                       questionnaire.recorded_by, "recorded_at", questionnaire.recorded_at,
                       "comment", questionnaire.comment, "id", questionnaire.id, "organisation",
                       questionnaire.organisation_id)) > 0;
}

std::int64_t EndingStore::InsertAnswer(const domain::EndingAnswer& answer) {
  return store::Insert<EndingAnswers>(session_, answer);
}

std::vector<domain::EndingAnswer> EndingStore::AnswersOf(std::int64_t questionnaire_id,
                                                         std::int64_t organisation_id) {
  return SelectAll<EndingAnswers>(
      session_, kAnswersOf,
      Values("organisation", organisation_id, "questionnaire", questionnaire_id));
}

std::vector<domain::EndingScore> EndingStore::ScoresBetween(CivilDate from, CivilDate to,
                                                            std::int64_t organisation_id) {
  return FetchAll<ScoreRow>(session_, kScoresBetween,
                            Values("organisation", organisation_id, "from", from, "to", to));
}

}  // namespace cercle::store
