#include "store/volunteer_care_store.hpp"

#include <algorithm>

#include "store/fetch.hpp"
#include "store/table.hpp"

namespace cercle::store::table_detail {

// The reasons of an exit interview, as their stored names separated by commas ("time,moved").
template <>
struct Stored<std::vector<domain::ExitReason>> {
  using Base = std::string;
  static Base Write(const std::vector<domain::ExitReason>& reasons) {
    std::string text;
    for (const auto reason : reasons) {
      if (!text.empty()) text += ',';
      text += domain::NameOf(reason);
    }
    return text;
  }
  static std::vector<domain::ExitReason> Read(const Base& text) {
    std::vector<domain::ExitReason> reasons;
    std::size_t start = 0;
    while (start <= text.size()) {
      const auto end = std::min(text.find(',', start), text.size());
      const auto reason = domain::ParseEnum<domain::ExitReason>(text.substr(start, end - start));
      if (!reason) Unreadable("exit reason");
      reasons.push_back(*reason);
      start = end + 1;
    }
    return reasons;
  }
};

}  // namespace cercle::store::table_detail

namespace cercle::store {
namespace {

// The debriefs owed to volunteers; whether and when one was held is written apart.
struct VolunteerDebriefs {
  using Record = domain::VolunteerDebrief;
  static constexpr TableColumns kColumns{
      .table = "volunteer_debriefs",
      .fixed = "organisation_id, volunteer_id, concern_id, circle_id, due_on, created_at",
      .read_only = "held_on, held_by, note"};
  static auto Fields(Record& debrief) {
    return std::tie(debrief.id, debrief.organisation_id, debrief.volunteer_id, debrief.concern_id,
                    debrief.circle_id, debrief.due_on, debrief.created_at, debrief.held_on,
                    debrief.held_by, debrief.note);
  }
};

// The volunteers' answers to the monthly wellbeing check, written once.
struct VolunteerWellbeing {
  using Record = domain::WellbeingAnswer;
  static constexpr TableColumns kColumns{
      .table = "volunteer_wellbeing",
      .fixed = "organisation_id, volunteer_id, month, score, note, answered_at"};
  static auto Fields(Record& answer) {
    return std::tie(answer.id, answer.organisation_id, answer.volunteer_id, answer.month,
                    answer.score, answer.note, answer.answered_at);
  }
};

// The exit interviews of volunteers, written once.
struct VolunteerExitInterviews {
  using Record = domain::ExitInterview;
  static constexpr TableColumns kColumns{
      .table = "volunteer_exit_interviews",
      .fixed = "organisation_id, volunteer_id, held_on, reasons, note, recorded_by, recorded_at"};
  static auto Fields(Record& interview) {
    return std::tie(interview.id, interview.organisation_id, interview.volunteer_id,
                    interview.held_on, interview.reasons, interview.note, interview.recorded_by,
                    interview.recorded_at);
  }
};

constexpr const char* kExitInterviewOf = R"sql(
SELECT {columns}
  FROM volunteer_exit_interviews
 WHERE organisation_id = :organisation AND volunteer_id = :volunteer
)sql";

constexpr const char* kExitInterviewsBetween = R"sql(
SELECT {columns}
  FROM volunteer_exit_interviews
 WHERE organisation_id = :organisation AND held_on >= :from AND held_on <= :to
 ORDER BY held_on, id
)sql";

constexpr const char* kDebriefsDue = R"sql(
SELECT {columns}
  FROM volunteer_debriefs
 WHERE organisation_id = :organisation AND held_on IS NULL
 ORDER BY due_on, id
)sql";

constexpr const char* kDebriefsOfConcern = R"sql(
SELECT {columns}
  FROM volunteer_debriefs
 WHERE organisation_id = :organisation AND concern_id = :concern
 ORDER BY id
)sql";

constexpr const char* kMarkDebriefHeld = R"sql(
UPDATE volunteer_debriefs
   SET held_on = :held_on, held_by = :held_by, note = :note
 WHERE id = :id AND organisation_id = :organisation AND held_on IS NULL
)sql";

constexpr const char* kWellbeingOfMonth = R"sql(
SELECT {columns}
  FROM volunteer_wellbeing
 WHERE organisation_id = :organisation AND volunteer_id = :volunteer AND month = :month
)sql";

constexpr const char* kWellbeingOf = R"sql(
SELECT {columns}
  FROM volunteer_wellbeing
 WHERE organisation_id = :organisation AND volunteer_id = :volunteer
 ORDER BY month DESC
)sql";

constexpr const char* kWellbeingSince = R"sql(
SELECT {columns}
  FROM volunteer_wellbeing
 WHERE organisation_id = :organisation AND month >= :month
 ORDER BY volunteer_id, month
)sql";

// From the circles to their members (CROSS JOIN keeps SQLite in that order): closing a circle
// does not end its stays, so the current stays of every circle ever closed would be read otherwise.
constexpr const char* kInCircleSince = R"sql(
SELECT m.volunteer_id, MIN(m.joined_on)
  FROM circles c CROSS JOIN circle_members m
 WHERE c.organisation_id = :organisation AND c.phase <> 'closed' AND m.circle_id = c.id
   AND m.organisation_id = c.organisation_id AND m.left_on IS NULL
 GROUP BY m.volunteer_id
)sql";

}  // namespace

std::int64_t VolunteerCareStore::InsertDebrief(const domain::VolunteerDebrief& debrief) {
  return Insert<VolunteerDebriefs>(session_, debrief);
}

std::optional<domain::VolunteerDebrief> VolunteerCareStore::FindDebrief(
    std::int64_t id, std::int64_t organisation_id) {
  return Find<VolunteerDebriefs>(session_, id, organisation_id);
}

std::vector<domain::VolunteerDebrief> VolunteerCareStore::DebriefsDue(
    std::int64_t organisation_id) {
  return SelectAll<VolunteerDebriefs>(session_, kDebriefsDue,
                                      Values("organisation", organisation_id));
}

std::vector<domain::VolunteerDebrief> VolunteerCareStore::DebriefsOfConcern(
    std::int64_t concern_id, std::int64_t organisation_id) {
  return SelectAll<VolunteerDebriefs>(
      session_, kDebriefsOfConcern, Values("organisation", organisation_id, "concern", concern_id));
}

bool VolunteerCareStore::MarkDebriefHeld(const domain::VolunteerDebrief& debrief) {
  return Change(session_, kMarkDebriefHeld,
                Values("held_on", debrief.held_on, "held_by", debrief.held_by, "note", debrief.note,
                       "id", debrief.id, "organisation", debrief.organisation_id)) > 0;
}

std::int64_t VolunteerCareStore::InsertWellbeing(const domain::WellbeingAnswer& answer) {
  return Insert<VolunteerWellbeing>(session_, answer);
}

std::optional<domain::WellbeingAnswer> VolunteerCareStore::WellbeingOfMonth(
    std::int64_t volunteer_id, const std::string& month, std::int64_t organisation_id) {
  return SelectOne<VolunteerWellbeing>(
      session_, kWellbeingOfMonth,
      Values("organisation", organisation_id, "volunteer", volunteer_id, "month", month));
}

std::vector<domain::WellbeingAnswer> VolunteerCareStore::WellbeingOf(std::int64_t volunteer_id,
                                                                     std::int64_t organisation_id) {
  return SelectAll<VolunteerWellbeing>(
      session_, kWellbeingOf, Values("organisation", organisation_id, "volunteer", volunteer_id));
}

std::vector<domain::WellbeingAnswer> VolunteerCareStore::WellbeingSince(
    const std::string& month, std::int64_t organisation_id) {
  return SelectAll<VolunteerWellbeing>(session_, kWellbeingSince,
                                       Values("organisation", organisation_id, "month", month));
}

std::map<std::int64_t, CivilDate> VolunteerCareStore::InCircleSince(std::int64_t organisation_id) {
  return ReadMap<std::map<std::int64_t, CivilDate>>(session_, kInCircleSince,
                                                    Values("organisation", organisation_id));
}

std::int64_t VolunteerCareStore::InsertExitInterview(const domain::ExitInterview& interview) {
  return Insert<VolunteerExitInterviews>(session_, interview);
}

std::optional<domain::ExitInterview> VolunteerCareStore::ExitInterviewOf(
    std::int64_t volunteer_id, std::int64_t organisation_id) {
  return SelectOne<VolunteerExitInterviews>(
      session_, kExitInterviewOf,
      Values("organisation", organisation_id, "volunteer", volunteer_id));
}

std::vector<domain::ExitInterview> VolunteerCareStore::ExitInterviewsBetween(
    CivilDate from, CivilDate to, std::int64_t organisation_id) {
  return SelectAll<VolunteerExitInterviews>(
      session_, kExitInterviewsBetween,
      Values("organisation", organisation_id, "from", from, "to", to));
}

}  // namespace cercle::store
