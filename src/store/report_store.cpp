#include "store/report_store.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <string>

#include "store/outcome_store.hpp"
#include "store/outreach_store.hpp"
#include "store/risk_factor_store.hpp"
#include "store/table.hpp"

namespace cercle::store {
namespace {

constexpr const char* kVolunteers = R"sql(
  SELECT id, first_name || ' ' || last_name
  FROM volunteers
  WHERE organisation_id = :organisation
  ORDER BY last_name, first_name, id
)sql";
constexpr const char* kModules = R"sql(
  SELECT id, required_for_circles, required_minutes, active
  FROM training_modules
  WHERE organisation_id = :organisation
  ORDER BY position, id
)sql";
constexpr const char* kAttendance = R"sql(
  SELECT a.session_id, a.volunteer_id, s.module_id, s.held_on, a.minutes
  FROM training_attendance a
  JOIN training_sessions s ON s.id = a.session_id AND s.organisation_id = a.organisation_id
  WHERE a.organisation_id = :organisation
  ORDER BY s.held_on, a.session_id, a.volunteer_id
)sql";
// The approved hours and counted expenses of the days from :from to :to, and the minutes of the
// approved hours up to :to, through the indexes volunteer_hours_status_day and
// expense_claims_status.
constexpr const char* kApprovedHours = R"sql(
  SELECT id, volunteer_id, worked_on, minutes, kind
  FROM volunteer_hours
  WHERE organisation_id = :organisation AND status = 'approved'
    AND worked_on >= :from AND worked_on <= :to
  ORDER BY worked_on, id
)sql";
constexpr const char* kApprovedMinutes = R"sql(
  SELECT SUM(minutes)
  FROM volunteer_hours
  WHERE organisation_id = :organisation AND status = 'approved' AND worked_on <= :to
)sql";
constexpr const char* kCountedExpenses = R"sql(
  SELECT id, volunteer_id, incurred_on, amount_cents
  FROM expense_claims
  WHERE organisation_id = :organisation AND status IN ('approved', 'paid')
    AND incurred_on >= :from AND incurred_on <= :to
  ORDER BY incurred_on, id
)sql";
// The core members' and officers' answers to the end-of-circle questionnaires, by file.
constexpr const char* kEndingScores = R"sql(
  SELECT c.core_member_id, q.id, q.respondent, q.answered_on, a.question, a.score
  FROM ending_answers a
  JOIN ending_questionnaires q ON q.id = a.questionnaire_id AND q.organisation_id = a.organisation_id
  JOIN circles c ON c.id = q.circle_id AND c.organisation_id = q.organisation_id
  WHERE a.organisation_id = :organisation AND q.respondent IN ('core_member', 'officer')
    AND q.answered_on IS NOT NULL
  ORDER BY q.answered_on, q.id, a.id
)sql";
constexpr const char* kReferrals = R"sql(
  SELECT id, source, received_on, person_legal_name, core_member_id
  FROM referrals
  WHERE organisation_id = :organisation
  ORDER BY received_on, id
)sql";
// The name the report shows is the preferred one where there is one.
constexpr const char* kCoreMembers = R"sql(
  SELECT id, file_number, COALESCE(NULLIF(preferred_name, ''), legal_name), region, birth_date,
         status
  FROM core_members
  WHERE organisation_id = :organisation
  ORDER BY file_number, id
)sql";
constexpr const char* kReportConsents = R"sql(
  SELECT id, organisation_id, core_member_id, scope, given_on, expires_on, withdrawn_on
  FROM consents
  WHERE organisation_id = :organisation AND scope IN ('research', 'media')
  ORDER BY given_on, id
)sql";
constexpr const char* kCircles = R"sql(
  SELECT id, code_name, core_member_id
  FROM circles
  WHERE organisation_id = :organisation
  ORDER BY code_name, id
)sql";
constexpr const char* kStays = R"sql(
  SELECT circle_id, volunteer_id, joined_on, left_on
  FROM circle_members
  WHERE organisation_id = :organisation
  ORDER BY joined_on, id
)sql";
// The concerns raised from the instant :from to before the instant :to, through the index
// concerns_register.
constexpr const char* kConcerns = R"sql(
  SELECT id, circle_id, severity, raised_at, acknowledged_at
  FROM concerns
  WHERE organisation_id = :organisation AND raised_at >= :from AND raised_at < :to
  ORDER BY raised_at, id
)sql";
// The moves of every volunteer, referral, file and circle, oldest first: whose (`kind` names the
// table), to what, and when (Unix seconds; the circles' phases are decided on a day, read as its
// midnight in UTC).
constexpr const char* kChanges = R"sql(
  SELECT 'volunteer', volunteer_id, to_stage, changed_at, id
  FROM volunteer_stage_changes WHERE organisation_id = :organisation
  UNION ALL
  SELECT 'referral', referral_id, to_status, changed_at, id
  FROM referral_status_changes WHERE organisation_id = :organisation
  UNION ALL
  SELECT 'core_member', core_member_id, to_status, changed_at, id
  FROM core_member_status_changes WHERE organisation_id = :organisation
  ORDER BY 4, 5
)sql";
constexpr const char* kPhaseChanges = R"sql(
  SELECT circle_id, to_phase, decided_on
  FROM circle_phase_changes
  WHERE organisation_id = :organisation
  ORDER BY decided_on, id
)sql";

// The projections the queries above read, their members in the order of the columns.
template <class Value>
struct Projection {
  using Record = Value;
};
struct Volunteers : Projection<domain::VolunteerRecord> {
  static auto Fields(Record& r) { return std::tie(r.id, r.name); }
};
struct Modules : Projection<domain::ModuleRecord> {
  static auto Fields(Record& r) {
    return std::tie(r.id, r.required_for_circles, r.required_minutes, r.active);
  }
};
struct Attendance : Projection<domain::AttendanceRecord> {
  static auto Fields(Record& r) {
    return std::tie(r.session_id, r.volunteer_id, r.module_id, r.held_on, r.minutes);
  }
};
struct Hours : Projection<domain::LoggedHoursRecord> {
  static auto Fields(Record& r) {
    return std::tie(r.id, r.volunteer_id, r.worked_on, r.minutes, r.kind);
  }
};
struct Expenses : Projection<domain::ExpenseRecord> {
  static auto Fields(Record& r) {
    return std::tie(r.id, r.volunteer_id, r.incurred_on, r.amount_cents);
  }
};
struct EndingScores : Projection<domain::EndingScoreRecord> {
  static auto Fields(Record& r) {
    return std::tie(r.core_member_id, r.questionnaire_id, r.respondent, r.answered_on, r.question,
                    r.score);
  }
};
struct Referrals : Projection<domain::ReferralRecord> {
  static auto Fields(Record& r) {
    return std::tie(r.id, r.source, r.received_on, r.person_name, r.core_member_id);
  }
};
struct CoreMembers : Projection<domain::CoreMemberRecord> {
  static auto Fields(Record& r) {
    return std::tie(r.id, r.file_number, r.name, r.region, r.birth_date, r.status);
  }
};
struct Consents : Projection<domain::Consent> {
  static auto Fields(Record& r) {
    return std::tie(r.id, r.organisation_id, r.core_member_id, r.scope, r.given_on, r.expires_on,
                    r.withdrawn_on);
  }
};
struct Circles : Projection<domain::CircleRecord> {
  static auto Fields(Record& r) { return std::tie(r.id, r.code_name, r.core_member_id); }
};
struct StayRow {
  std::int64_t circle_id = 0;
  domain::CircleStay stay;
};
struct Stays : Projection<StayRow> {
  static auto Fields(Record& r) {
    return std::tie(r.circle_id, r.stay.volunteer_id, r.stay.joined_on, r.stay.left_on);
  }
};
struct ConcernRow {
  domain::ConcernRecord concern;
  Instant raised_at;
  std::optional<Instant> acknowledged_at;
};
struct Concerns : Projection<ConcernRow> {
  static auto Fields(Record& r) {
    return std::tie(r.concern.id, r.concern.circle_id, r.concern.severity, r.raised_at,
                    r.acknowledged_at);
  }
};
struct ChangeRow {
  std::string kind;
  std::int64_t owner_id = 0;
  std::string to;
  Instant at;
  std::int64_t id = 0;
};
struct Changes : Projection<ChangeRow> {
  static auto Fields(Record& r) { return std::tie(r.kind, r.owner_id, r.to, r.at, r.id); }
};
struct PhaseRow {
  std::int64_t circle_id = 0;
  std::string to;
  CivilDate on;
};
struct PhaseChanges : Projection<PhaseRow> {
  static auto Fields(Record& r) { return std::tie(r.circle_id, r.to, r.on); }
};

// Every row `query` reads of the organisation.
template <class Rows>
std::vector<typename Rows::Record> Read(soci::session& session, const char* query,
                                        std::int64_t organisation_id) {
  return FetchAll<TableRow<Rows>>(session, query, Params({{"organisation", organisation_id}}));
}

// The rows `query` reads of the organisation between :from and :to.
template <class Rows, class Bound>
std::vector<typename Rows::Record> ReadBetween(soci::session& session, const char* query,
                                               std::int64_t organisation_id, const Bound& from,
                                               const Bound& to) {
  return FetchAll<TableRow<Rows>>(session, query,
                                  Values("organisation", organisation_id, "from", from, "to", to));
}

// The days LoadReportRecords reads when it is given none: every day a record may carry.
constexpr domain::ReportPeriod kEveryDay{std::chrono::year{1} / std::chrono::January / 1,
                                         std::chrono::year{9999} / std::chrono::December / 31};

// The instants within which a concern raised on one of `days`, as the organisation's calendar has
// it, was raised: from the midnight in UTC of the first day to the one after the last, a day
// wider on each side, more than any time zone is off UTC. An empty period reads none.
std::pair<Instant, Instant> InstantsAround(const domain::ReportPeriod& days) {
  if (days.to < days.from) return {Instant{}, Instant{}};
  constexpr std::chrono::days kMargin{1};
  return {Instant(std::chrono::sys_days(days.from) - kMargin),
          Instant(std::chrono::sys_days(days.to) + std::chrono::days{1} + kMargin)};
}

// The records of `records` by id.
template <class Record>
std::map<std::int64_t, Record*> ById(std::vector<Record>& records) {
  std::map<std::int64_t, Record*> index;
  for (auto& record : records) index[record.id] = &record;
  return index;
}

// Adds a move to `status` on `day` to the history `history_of(record)` of the record `owner_id` of
// `index`, when both are known.
template <class Status, class Record, class HistoryOf>
void AddMove(const std::map<std::int64_t, Record*>& index, std::int64_t owner_id,
             std::string_view status, CivilDate day, HistoryOf history_of) {
  const auto found = index.find(owner_id);
  const auto parsed = domain::ParseEnum<Status>(status);
  if (found == index.end() || !parsed) return;
  history_of(*found->second).push_back({day, *parsed});
}

// The moves of the volunteers, referrals and files.
void LoadChanges(soci::session& session, std::int64_t organisation_id,
                 const LocalDateOf& local_date, domain::ReportRecords& records) {
  const auto volunteers = ById(records.volunteers);
  const auto referrals = ById(records.referrals);
  const auto core_members = ById(records.core_members);
  for (const auto& change : Read<Changes>(session, kChanges, organisation_id)) {
    const CivilDate day = local_date(change.at);
    if (change.kind == "volunteer") {
      AddMove<domain::VolunteerStage>(
          volunteers, change.owner_id, change.to, day,
          [](auto& record) -> auto& { return record.stages; });
    } else if (change.kind == "referral") {
      AddMove<domain::ReferralStatus>(
          referrals, change.owner_id, change.to, day,
          [](auto& record) -> auto& { return record.history; });
    } else {
      AddMove<domain::CoreMemberStatus>(
          core_members, change.owner_id, change.to, day,
          [](auto& record) -> auto& { return record.history; });
    }
  }
  for (auto& consent : Read<Consents>(session, kReportConsents, organisation_id)) {
    const auto found = core_members.find(consent.core_member_id);
    if (found == core_members.end()) continue;
    auto& consents = consent.scope == domain::ConsentScope::kMedia
                         ? found->second->media_consents
                         : found->second->research_consents;
    consents.push_back(consent);
  }
}

// The circles, their phases and their volunteers' stays.
void LoadCircles(soci::session& session, std::int64_t organisation_id,
                 domain::ReportRecords& records) {
  records.circles = Read<Circles>(session, kCircles, organisation_id);
  const auto circles = ById(records.circles);
  for (const auto& change : Read<PhaseChanges>(session, kPhaseChanges, organisation_id)) {
    AddMove<domain::CirclePhase>(
        circles, change.circle_id, change.to, change.on,
        [](auto& record) -> auto& { return record.phases; });
  }
  for (const auto& row : Read<Stays>(session, kStays, organisation_id)) {
    const auto found = circles.find(row.circle_id);
    if (found != circles.end()) found->second->stays.push_back(row.stay);
  }
}

// The concerns raised on `days`: severity, day raised and time to acknowledge.
void LoadConcerns(soci::session& session, std::int64_t organisation_id,
                  const LocalDateOf& local_date, const domain::ReportPeriod& days,
                  domain::ReportRecords& records) {
  const auto [from, to] = InstantsAround(days);
  for (const auto& row : ReadBetween<Concerns>(session, kConcerns, organisation_id, from, to)) {
    domain::ConcernRecord concern = row.concern;
    concern.raised_on = local_date(row.raised_at);
    if (!days.Contains(concern.raised_on)) continue;
    if (row.acknowledged_at) {
      concern.minutes_to_acknowledge =
          std::max(0LL, (ToUnix(*row.acknowledged_at) - ToUnix(row.raised_at)) / 60);
    }
    records.concerns.push_back(concern);
  }
}

}  // namespace

domain::ReportRecords LoadReportRecords(soci::session& session, std::int64_t organisation_id,
                                        const LocalDateOf& local_date,
                                        const std::optional<domain::ReportPeriod>& days) {
  const domain::ReportPeriod period = days.value_or(kEveryDay);
  domain::ReportRecords records;
  records.volunteers = Read<Volunteers>(session, kVolunteers, organisation_id);
  records.modules = Read<Modules>(session, kModules, organisation_id);
  records.attendance = Read<Attendance>(session, kAttendance, organisation_id);
  records.logged_hours =
      ReadBetween<Hours>(session, kApprovedHours, organisation_id, period.from, period.to);
  records.expenses =
      ReadBetween<Expenses>(session, kCountedExpenses, organisation_id, period.from, period.to);
  records.referrals = Read<Referrals>(session, kReferrals, organisation_id);
  records.core_members = Read<CoreMembers>(session, kCoreMembers, organisation_id);
  LoadChanges(session, organisation_id, local_date, records);
  OutreachStore outreach(session);
  records.outreach = outreach.ListActivities(organisation_id);
  records.stories = outreach.ListStories(organisation_id);
  OutcomeStore outcomes(session);
  records.events = outcomes.ListAllEvents(organisation_id);
  records.measures = outcomes.ListAllMeasures(organisation_id);
  records.factor_ratings = RiskFactorStore(session).Records(organisation_id);
  LoadCircles(session, organisation_id, records);
  LoadConcerns(session, organisation_id, local_date, period, records);
  records.endings = Read<EndingScores>(session, kEndingScores, organisation_id);
  return records;
}

std::int64_t ApprovedMinutesThrough(soci::session& session, std::int64_t organisation_id,
                                    CivilDate day) {
  return FetchValue<std::int64_t>(session, kApprovedMinutes,
                                  Values("organisation", organisation_id, "to", day))
      .value_or(0);
}

}  // namespace cercle::store
