#include "store/report_store.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "store/outcome_store.hpp"
#include "store/outreach_store.hpp"

namespace cercle::store {
namespace {

constexpr const char* kVolunteers = R"sql(
  SELECT id, first_name, last_name
  FROM volunteers
  WHERE organisation_id = :organisation
  ORDER BY last_name, first_name, id
)sql";
constexpr const char* kStageChanges = R"sql(
  SELECT volunteer_id, to_stage, changed_at
  FROM volunteer_stage_changes
  WHERE organisation_id = :organisation
  ORDER BY changed_at, id
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
constexpr const char* kApprovedHours = R"sql(
  SELECT id, volunteer_id, worked_on, minutes, kind
  FROM volunteer_hours
  WHERE organisation_id = :organisation AND status = 'approved'
  ORDER BY worked_on, id
)sql";
constexpr const char* kReferrals = R"sql(
  SELECT id, source, received_on, person_legal_name, core_member_id
  FROM referrals
  WHERE organisation_id = :organisation
  ORDER BY received_on, id
)sql";
constexpr const char* kReferralChanges = R"sql(
  SELECT referral_id, to_status, changed_at
  FROM referral_status_changes
  WHERE organisation_id = :organisation
  ORDER BY changed_at, id
)sql";
constexpr const char* kCoreMembers = R"sql(
  SELECT id, file_number, legal_name, preferred_name, region, birth_date, status
  FROM core_members
  WHERE organisation_id = :organisation
  ORDER BY file_number, id
)sql";
constexpr const char* kCoreMemberChanges = R"sql(
  SELECT core_member_id, to_status, changed_at
  FROM core_member_status_changes
  WHERE organisation_id = :organisation
  ORDER BY changed_at, id
)sql";
constexpr const char* kResearchConsents = R"sql(
  SELECT id, core_member_id, given_on, expires_on, withdrawn_on
  FROM consents
  WHERE organisation_id = :organisation AND scope = 'research'
  ORDER BY given_on, id
)sql";
constexpr const char* kCircles = R"sql(
  SELECT id, code_name, core_member_id
  FROM circles
  WHERE organisation_id = :organisation
  ORDER BY code_name, id
)sql";
constexpr const char* kPhaseChanges = R"sql(
  SELECT circle_id, to_phase, decided_on
  FROM circle_phase_changes
  WHERE organisation_id = :organisation
  ORDER BY decided_on, id
)sql";
constexpr const char* kStays = R"sql(
  SELECT circle_id, volunteer_id, joined_on, left_on
  FROM circle_members
  WHERE organisation_id = :organisation
  ORDER BY joined_on, id
)sql";
constexpr const char* kConcerns = R"sql(
  SELECT id, circle_id, severity, raised_at, acknowledged_at
  FROM concerns
  WHERE organisation_id = :organisation
  ORDER BY raised_at, id
)sql";

// The circles, their phases and their volunteers' stays.
void LoadCircles(soci::session& session, std::int64_t organisation_id,
                 domain::ReportRecords& records) {
  std::map<std::int64_t, std::size_t> index;
  {
    domain::CircleRecord row;
    soci::statement statement =
        (session.prepare << kCircles, soci::use(organisation_id, "organisation"),
         soci::into(row.id), soci::into(row.code_name), soci::into(row.core_member_id));
    statement.execute();
    while (statement.fetch()) {
      index[row.id] = records.circles.size();
      records.circles.push_back(row);
    }
  }
  {
    std::int64_t circle_id = 0;
    std::string phase, decided_on;
    soci::statement statement =
        (session.prepare << kPhaseChanges, soci::use(organisation_id, "organisation"),
         soci::into(circle_id), soci::into(phase), soci::into(decided_on));
    statement.execute();
    while (statement.fetch()) {
      const auto found = index.find(circle_id);
      const auto parsed = domain::ParseEnum<domain::CirclePhase>(phase);
      const auto day = ParseIsoDate(decided_on);
      if (found == index.end() || !parsed || !day) continue;
      records.circles[found->second].phases.push_back({*day, *parsed});
    }
  }
  {
    std::int64_t circle_id = 0, volunteer_id = 0;
    std::string joined_on, left_on;
    soci::indicator left_indicator = soci::i_null;
    soci::statement statement =
        (session.prepare << kStays, soci::use(organisation_id, "organisation"),
         soci::into(circle_id), soci::into(volunteer_id), soci::into(joined_on),
         soci::into(left_on, left_indicator));
    statement.execute();
    while (statement.fetch()) {
      const auto found = index.find(circle_id);
      const auto joined = ParseIsoDate(joined_on);
      if (found == index.end() || !joined) continue;
      domain::CircleStay stay{volunteer_id, *joined, std::nullopt};
      if (left_indicator == soci::i_ok) stay.left_on = ParseIsoDate(left_on);
      records.circles[found->second].stays.push_back(stay);
    }
  }
}

// The concerns: severity, day raised and time to acknowledge.
void LoadConcerns(soci::session& session, std::int64_t organisation_id,
                  const LocalDateOf& local_date, domain::ReportRecords& records) {
  std::int64_t id = 0, circle_id = 0;
  std::string severity;
  long long raised_at = 0, acknowledged_at = 0;
  soci::indicator acknowledged_indicator = soci::i_null;
  soci::statement statement =
      (session.prepare << kConcerns, soci::use(organisation_id, "organisation"), soci::into(id),
       soci::into(circle_id), soci::into(severity), soci::into(raised_at),
       soci::into(acknowledged_at, acknowledged_indicator));
  statement.execute();
  while (statement.fetch()) {
    domain::ConcernRecord concern;
    concern.id = id;
    concern.circle_id = circle_id;
    concern.severity = domain::ParseEnum<domain::Severity>(severity).value_or(domain::Severity::kConcern);
    concern.raised_on = local_date(FromUnix(raised_at));
    if (acknowledged_indicator == soci::i_ok) {
      concern.minutes_to_acknowledge = std::max(0LL, (acknowledged_at - raised_at) / 60);
    }
    records.concerns.push_back(concern);
  }
}

// Reads the rows (owner id, stored name, instant) of the status changes `sql` selects and hands
// each to `add(owner_id, name, day)`, the instant made the organisation's calendar day.
template <class Add>
void ForEachChange(soci::session& session, const char* sql, std::int64_t organisation_id,
                   const LocalDateOf& local_date, Add&& add) {
  std::int64_t owner_id = 0;
  std::string name;
  long long changed_at = 0;
  soci::statement statement = (session.prepare << sql, soci::use(organisation_id, "organisation"),
                               soci::into(owner_id), soci::into(name), soci::into(changed_at));
  statement.execute();
  while (statement.fetch()) add(owner_id, name, local_date(FromUnix(changed_at)));
}

// The position of each record in its list, by id.
using Index = std::map<std::int64_t, std::size_t>;

// The volunteers and the changes of their stage.
void LoadVolunteers(soci::session& session, std::int64_t organisation_id,
                    const LocalDateOf& local_date, domain::ReportRecords& records) {
  Index index;
  std::int64_t id = 0;
  std::string first_name, last_name;
  soci::statement statement =
      (session.prepare << kVolunteers, soci::use(organisation_id, "organisation"), soci::into(id),
       soci::into(first_name), soci::into(last_name));
  statement.execute();
  while (statement.fetch()) {
    index[id] = records.volunteers.size();
    records.volunteers.push_back({id, first_name + " " + last_name, {}});
  }
  ForEachChange(session, kStageChanges, organisation_id, local_date,
                [&](std::int64_t volunteer_id, const std::string& stage, CivilDate day) {
                  const auto found = index.find(volunteer_id);
                  const auto parsed = domain::ParseEnum<domain::VolunteerStage>(stage);
                  if (found == index.end() || !parsed) return;
                  records.volunteers[found->second].stages.push_back({day, *parsed});
                });
}

// The training modules, the attendance at their sessions and the approved hours.
void LoadTraining(soci::session& session, std::int64_t organisation_id,
                  domain::ReportRecords& records) {
  {
    domain::ModuleRecord row;
    int required = 0, active = 0;
    soci::statement statement =
        (session.prepare << kModules, soci::use(organisation_id, "organisation"),
         soci::into(row.id), soci::into(required), soci::into(row.required_minutes),
         soci::into(active));
    statement.execute();
    while (statement.fetch()) {
      domain::ModuleRecord module = row;
      module.required_for_circles = required != 0;
      module.active = active != 0;
      records.modules.push_back(module);
    }
  }
  {
    domain::AttendanceRecord row;
    std::string held_on;
    soci::statement statement =
        (session.prepare << kAttendance, soci::use(organisation_id, "organisation"),
         soci::into(row.session_id), soci::into(row.volunteer_id), soci::into(row.module_id),
         soci::into(held_on), soci::into(row.minutes));
    statement.execute();
    while (statement.fetch()) {
      domain::AttendanceRecord attendance = row;
      attendance.held_on = ParseIsoDate(held_on).value_or(CivilDate{});
      records.attendance.push_back(attendance);
    }
  }
  domain::LoggedHoursRecord row;
  std::string worked_on, kind;
  soci::statement statement =
      (session.prepare << kApprovedHours, soci::use(organisation_id, "organisation"),
       soci::into(row.id), soci::into(row.volunteer_id), soci::into(worked_on),
       soci::into(row.minutes), soci::into(kind));
  statement.execute();
  while (statement.fetch()) {
    domain::LoggedHoursRecord hours = row;
    hours.worked_on = ParseIsoDate(worked_on).value_or(CivilDate{});
    hours.kind = domain::ParseEnum<domain::HoursKind>(kind).value_or(domain::HoursKind::kOther);
    records.logged_hours.push_back(hours);
  }
}

// The referrals and the changes of their status.
void LoadReferrals(soci::session& session, std::int64_t organisation_id,
                   const LocalDateOf& local_date, domain::ReportRecords& records) {
  Index index;
  std::int64_t id = 0, core_member_id = 0;
  soci::indicator core_member_indicator = soci::i_null;
  std::string source, received_on, person;
  soci::statement statement =
      (session.prepare << kReferrals, soci::use(organisation_id, "organisation"), soci::into(id),
       soci::into(source), soci::into(received_on), soci::into(person),
       soci::into(core_member_id, core_member_indicator));
  statement.execute();
  while (statement.fetch()) {
    domain::ReferralRecord referral;
    referral.id = id;
    referral.source = domain::ParseEnum<domain::ReferralSource>(source).value_or(domain::ReferralSource::kOther);
    referral.received_on = ParseIsoDate(received_on).value_or(CivilDate{});
    referral.person_name = person;
    if (core_member_indicator == soci::i_ok) referral.core_member_id = core_member_id;
    index[id] = records.referrals.size();
    records.referrals.push_back(std::move(referral));
  }
  ForEachChange(session, kReferralChanges, organisation_id, local_date,
                [&](std::int64_t referral_id, const std::string& status, CivilDate day) {
                  const auto found = index.find(referral_id);
                  const auto parsed = domain::ParseEnum<domain::ReferralStatus>(status);
                  if (found == index.end() || !parsed) return;
                  records.referrals[found->second].history.push_back({day, *parsed});
                });
}

// The research consents of the files in `index`.
void LoadResearchConsents(soci::session& session, std::int64_t organisation_id, const Index& index,
                          domain::ReportRecords& records) {
  std::int64_t id = 0, core_member_id = 0;
  std::string given_on, expires_on, withdrawn_on;
  soci::indicator expires_indicator = soci::i_null, withdrawn_indicator = soci::i_null;
  soci::statement statement =
      (session.prepare << kResearchConsents, soci::use(organisation_id, "organisation"),
       soci::into(id), soci::into(core_member_id), soci::into(given_on),
       soci::into(expires_on, expires_indicator), soci::into(withdrawn_on, withdrawn_indicator));
  statement.execute();
  while (statement.fetch()) {
    const auto found = index.find(core_member_id);
    if (found == index.end()) continue;
    domain::Consent consent;
    consent.id = id;
    consent.organisation_id = organisation_id;
    consent.core_member_id = core_member_id;
    consent.scope = domain::ConsentScope::kResearch;
    consent.given_on = ParseIsoDate(given_on).value_or(CivilDate{});
    if (expires_indicator == soci::i_ok) consent.expires_on = ParseIsoDate(expires_on);
    if (withdrawn_indicator == soci::i_ok) {
      consent.withdrawn_on = ParseIsoDate(withdrawn_on);
    }
    records.core_members[found->second].research_consents.push_back(std::move(consent));
  }
}

// The files, the changes of their status and their research consents.
void LoadCoreMembers(soci::session& session, std::int64_t organisation_id,
                     const LocalDateOf& local_date, domain::ReportRecords& records) {
  Index index;
  std::int64_t id = 0;
  std::string file_number, legal_name, preferred_name, region, birth_date, status;
  soci::indicator birth_indicator = soci::i_null;
  soci::statement statement =
      (session.prepare << kCoreMembers, soci::use(organisation_id, "organisation"), soci::into(id),
       soci::into(file_number), soci::into(legal_name), soci::into(preferred_name),
       soci::into(region), soci::into(birth_date, birth_indicator), soci::into(status));
  statement.execute();
  while (statement.fetch()) {
    domain::CoreMemberRecord core_member;
    core_member.id = id;
    core_member.file_number = file_number;
    core_member.name = preferred_name.empty() ? legal_name : preferred_name;
    core_member.region = region;
    if (birth_indicator == soci::i_ok) core_member.birth_date = ParseIsoDate(birth_date);
    core_member.status =
        domain::ParseEnum<domain::CoreMemberStatus>(status).value_or(domain::CoreMemberStatus::kCandidate);
    index[id] = records.core_members.size();
    records.core_members.push_back(std::move(core_member));
  }
  ForEachChange(session, kCoreMemberChanges, organisation_id, local_date,
                [&](std::int64_t core_member_id, const std::string& to, CivilDate day) {
                  const auto found = index.find(core_member_id);
                  const auto parsed = domain::ParseEnum<domain::CoreMemberStatus>(to);
                  if (found == index.end() || !parsed) return;
                  records.core_members[found->second].history.push_back({day, *parsed});
                });
  LoadResearchConsents(session, organisation_id, index, records);
}

}  // namespace

domain::ReportRecords LoadReportRecords(soci::session& session, std::int64_t organisation_id,
                                        const LocalDateOf& local_date) {
  domain::ReportRecords records;
  LoadVolunteers(session, organisation_id, local_date, records);
  LoadTraining(session, organisation_id, records);
  LoadReferrals(session, organisation_id, local_date, records);
  LoadCoreMembers(session, organisation_id, local_date, records);
  OutreachStore outreach(session);
  records.outreach = outreach.ListActivities(organisation_id);
  records.stories = outreach.ListStories(organisation_id);
  OutcomeStore outcomes(session);
  records.events = outcomes.ListAllEvents(organisation_id);
  records.measures = outcomes.ListAllMeasures(organisation_id);
  LoadCircles(session, organisation_id, records);
  LoadConcerns(session, organisation_id, local_date, records);
  return records;
}

}  // namespace cercle::store
