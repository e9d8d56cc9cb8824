#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/dates.hpp"
#include "domain/ending_questionnaires.hpp"

namespace cercle::store {

// Reads and writes the end-of-circle questionnaires and their answers (tables
// ending_questionnaires and ending_answers) within the caller's transaction. Every query names the
// organisation, on top of row-level security, except the lookup of an officer's link, which runs
// in the system scope before anyone is known.
class EndingStore {
 public:
  explicit EndingStore(soci::session& session) : session_(session) {}

  // Stores a questionnaire opened (its answered columns are ignored); returns its id.
  std::int64_t Insert(const domain::EndingQuestionnaire& questionnaire);
  // The questionnaire `id` of `organisation_id`, if any.
  std::optional<domain::EndingQuestionnaire> Find(std::int64_t id, std::int64_t organisation_id);
  // The unanswered questionnaire whose link hashes to `token_hash`, in any organisation.
  std::optional<domain::EndingQuestionnaire> FindByLink(const std::string& token_hash);
  // The questionnaires of circle `circle_id`: the core member's, the volunteers', the officer's.
  std::vector<domain::EndingQuestionnaire> OfCircle(std::int64_t circle_id,
                                                    std::int64_t organisation_id);
  // The core member's and officer's questionnaires of the core member's circles, the latest first.
  std::vector<domain::EndingQuestionnaire> OfCoreMember(std::int64_t core_member_id,
                                                        std::int64_t organisation_id);
  // The volunteer's questionnaires not answered yet, the latest opened first.
  std::vector<domain::EndingQuestionnaire> OpenOfVolunteer(std::int64_t volunteer_id,
                                                           std::int64_t organisation_id);
  // Replaces the officer's link of the unanswered questionnaire `id`; false when it was answered.
  bool ReplaceLink(std::int64_t id, std::int64_t organisation_id, const std::string& token_hash);
  // Records `questionnaire` answered (answered_on, recorded_by, recorded_at, comment) and forgets
  // its link; false, with nothing changed, when it was answered already.
  bool MarkAnswered(const domain::EndingQuestionnaire& questionnaire);

  // Stores one answer; returns its id.
  std::int64_t InsertAnswer(const domain::EndingAnswer& answer);
  // The answers of questionnaire `questionnaire_id`, in the order they were stored.
  std::vector<domain::EndingAnswer> AnswersOf(std::int64_t questionnaire_id,
                                              std::int64_t organisation_id);
  // Every score of the questionnaires answered from `from` to `to`, with who gave it.
  std::vector<domain::EndingScore> ScoresBetween(CivilDate from, CivilDate to,
                                                 std::int64_t organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
