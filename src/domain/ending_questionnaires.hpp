#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/enum_names.hpp"

// The short questionnaires that close a circle: one for the core member (on paper, typed in by a
// coordinator), one for each volunteer who was a member at the closing (in the portal) and one for
// the referring officer (through a single-use link). Each asks a few fixed questions, answered on
// a five-point agreement scale, and takes an optional comment. No I/O.
namespace cercle::domain {

// Who answers an end-of-circle questionnaire.
enum class EndingRespondent { kCoreMember, kVolunteer, kOfficer };

template <>
struct EnumTable<EndingRespondent> {
  static constexpr std::array<EnumEntry<EndingRespondent>, 3> kEntries{{
      {EndingRespondent::kCoreMember, "core_member", N_("Core member")},
      {EndingRespondent::kVolunteer, "volunteer", N_("Volunteer")},
      {EndingRespondent::kOfficer, "officer", N_("Referring officer")},
  }};
};

// One fixed question: its stored key (at most 40 characters) and its text (a msgid).
struct EndingQuestion {
  std::string_view key;
  const char* text;
};

// The questions put to `respondent`, in the order they are asked.
std::span<const EndingQuestion> EndingQuestionsFor(EndingRespondent respondent);

// The points of the agreement scale, from 1 (strongly disagree) to 5 (strongly agree).
inline constexpr int kAgreementLowest = 1;
inline constexpr int kAgreementHighest = 5;
// The label of each point, kAgreementLowest first (msgids).
inline constexpr std::array<const char*, 5> kAgreementLabels{
    N_("Strongly disagree"), N_("Disagree"), N_("Neither agree nor disagree"), N_("Agree"),
    N_("Strongly agree")};
// The label of `score` (a msgid); "" outside the scale.
const char* AgreementLabel(int score);

// The longest comment, in characters.
inline constexpr std::size_t kEndingCommentLimit = 1000;
// How many days the officer's single-use link stays valid after the circle closed.
inline constexpr int kOfficerLinkDays = 90;

// One questionnaire opened when a circle closed. The comment is for coordinators only.
struct EndingQuestionnaire {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t circle_id = 0;
  EndingRespondent respondent = EndingRespondent::kCoreMember;
  std::optional<std::int64_t> volunteer_id;  // set exactly for a volunteer's questionnaire
  Instant opened_at;
  std::optional<std::string> token_hash;  // the officer's live link, emptied once answered
  std::optional<CivilDate> answered_on;
  std::optional<std::int64_t> recorded_by;  // the user who answered or typed the answers
  std::optional<Instant> recorded_at;
  std::string comment;

  bool answered() const { return answered_on.has_value(); }
};

// The score given to one question of a questionnaire.
struct EndingAnswer {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t questionnaire_id = 0;
  std::string question;  // an EndingQuestion key
  int score = 0;
};

// What a respondent answers: a score by question key (none when not chosen or off the scale) and
// an optional comment; the day, for answers typed in from paper.
struct EndingReply {
  std::map<std::string, std::optional<int>, std::less<>> scores;
  std::string comment;
  std::optional<CivilDate> answered_on;
};

// The form field of question `key` ("q_" and the key), where its error shows.
std::string EndingField(std::string_view key);

// Checks `reply` for `respondent` (trimming its comment): every question of the respondent scored
// on the scale (errors under EndingField(key)), no unknown question, a comment of at most
// kEndingCommentLimit characters (under "comment").
Status CheckEndingReply(EndingRespondent respondent, EndingReply& reply);

// Checks the core member's paper questionnaire as CheckEndingReply does, and the day it was filled
// in: not in the future and not before the circle closed on `closed_on` (under "answered_on").
Status CheckPaperReply(EndingReply& reply, CivilDate closed_on, CivilDate today);

// The answers of `reply` for `questionnaire`, in question order; the reply was checked.
std::vector<EndingAnswer> AnswersOf(const EndingQuestionnaire& questionnaire,
                                    const EndingReply& reply);

// One score with who gave it, as the reports count them.
struct EndingScore {
  EndingRespondent respondent = EndingRespondent::kCoreMember;
  std::string question;
  int score = 0;
};

// One score a core member or his officer gave, with the file it is about, as the reports read
// it (domain::ReportRecords::endings).
struct EndingScoreRecord {
  std::int64_t core_member_id = 0;
  std::int64_t questionnaire_id = 0;
  EndingRespondent respondent = EndingRespondent::kCoreMember;
  CivilDate answered_on{};
  std::string question;
  int score = 0;
};

// How one question was answered by one kind of respondent: the number of answers and their mean
// (0 without answers).
struct EndingFigure {
  EndingRespondent respondent = EndingRespondent::kCoreMember;
  std::string_view question;
  const char* text = "";
  int answers = 0;
  double mean = 0;
};

// The figures of `scores`: every question of every respondent, in order, zero where unanswered;
// a score for a question its respondent is not asked is ignored.
std::vector<EndingFigure> EndingFigures(const std::vector<EndingScore>& scores);

}  // namespace cercle::domain
