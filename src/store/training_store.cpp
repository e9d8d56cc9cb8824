#include "store/training_store.hpp"

#include "store/table.hpp"
#include "store/tables.hpp"

namespace cercle::store {
namespace {

constexpr const char* kAttendeeCounts = R"sql(
  SELECT session_id, count(*) FROM training_attendance
  WHERE organisation_id = :organisation AND {sessions}
  GROUP BY session_id
)sql";
// {attendance} stands for a condition on the attendance a: its session or its volunteers.
constexpr const char* kAttendance = R"sql(
  SELECT a.session_id, a.volunteer_id, s.module_id, s.held_on, a.minutes
  FROM training_attendance a
  JOIN training_sessions s ON s.id = a.session_id AND s.organisation_id = a.organisation_id
  WHERE a.organisation_id = :organisation AND {attendance}
  ORDER BY s.held_on, s.id, a.volunteer_id
)sql";
constexpr const char* kDeleteAttendance = R"sql(
  DELETE FROM training_attendance
  WHERE session_id = :session AND organisation_id = :organisation
)sql";
constexpr const char* kInsertAttendance = R"sql(
  INSERT INTO training_attendance (organisation_id, session_id, volunteer_id, minutes,
                                   recorded_by, recorded_at)
  VALUES (:organisation, :session, :volunteer, :minutes, :by, :now)
)sql";

// One row of kAttendance, its members in the order of its columns.
struct AttendanceRows {
  using Record = domain::TrainingAttendance;
  static auto Fields(Record& entry) {
    return std::tie(entry.session_id, entry.volunteer_id, entry.module_id, entry.held_on,
                    entry.minutes);
  }
};

// The attendance kAttendance reads where `condition` holds, with `bind`'s parameters.
template <class Bind>
std::vector<domain::TrainingAttendance> Attendance(soci::session& session,
                                                   std::string_view condition, Bind&& bind) {
  return FetchAll<TableRow<AttendanceRows>>(
      session, Replaced(kAttendance, "{attendance}", condition), std::forward<Bind>(bind));
}

// Binds who recorded a row, which may be no one, and when.
auto Recorded(const char* by_name, std::optional<std::int64_t> by, const char* at_name,
              Instant now) {
  return [by_name, by = by.value_or(0), indicator = by ? soci::i_ok : soci::i_null, at_name,
          at = ToUnix(now)](soci::statement& statement) mutable {
    statement.exchange(soci::use(by, indicator, by_name));
    statement.exchange(soci::use(at, at_name));
  };
}

}  // namespace

std::vector<domain::TrainingModule> TrainingStore::ListModules(std::int64_t organisation_id) {
  return SelectWhere<tables::TrainingModules>(session_, "ORDER BY position, id",
                                              OfOrganisation(organisation_id));
}

std::optional<domain::TrainingModule> TrainingStore::FindModule(std::int64_t id,
                                                                std::int64_t organisation_id) {
  return Find<tables::TrainingModules>(session_, id, organisation_id);
}

std::int64_t TrainingStore::InsertModule(const domain::TrainingModule& module, Instant now) {
  return Insert<tables::TrainingModules>(session_, module, CreatedAt(now));
}

void TrainingStore::UpdateModule(const domain::TrainingModule& module) {
  Update<tables::TrainingModules>(session_, module);
}

bool TrainingStore::AddDefaultModules(std::int64_t organisation_id, Instant now) {
  return InsertDefaults<tables::TrainingModules>(session_, organisation_id,
                                                 domain::DefaultTrainingModules(), CreatedAt(now));
}

std::vector<TrainingSessionSummary> TrainingStore::ListSessions(std::int64_t organisation_id,
                                                                const PageSlice& slice) {
  const auto sessions = SelectWhere<tables::TrainingSessions>(
      session_, "ORDER BY held_on DESC, id DESC" + LimitClause(slice),
      OfOrganisation(organisation_id));
  std::vector<TrainingSessionSummary> summaries;
  std::vector<std::int64_t> ids;
  for (const auto& session : sessions) {
    summaries.push_back({session, 0});
    ids.push_back(session.id);
  }
  if (ids.empty()) return summaries;
  std::int64_t session_id = 0;
  long long attendees = 0;
  soci::statement statement =
      (session_.prepare << Replaced(kAttendeeCounts, "{sessions}", AmongIds("session_id", ids)),
       soci::use(organisation_id, "organisation"), soci::into(session_id), soci::into(attendees));
  statement.execute();
  while (statement.fetch()) {
    for (auto& summary : summaries) {
      if (summary.session.id == session_id) summary.attendees = static_cast<int>(attendees);
    }
  }
  return summaries;
}

std::int64_t TrainingStore::CountSessions(std::int64_t organisation_id) {
  return Count<tables::TrainingSessions>(session_, organisation_id);
}

std::optional<domain::TrainingSession> TrainingStore::FindSession(std::int64_t id,
                                                                  std::int64_t organisation_id) {
  return Find<tables::TrainingSessions>(session_, id, organisation_id);
}

std::int64_t TrainingStore::InsertSession(const domain::TrainingSession& session,
                                          std::optional<std::int64_t> by, Instant now) {
  return Insert<tables::TrainingSessions>(session_, session,
                                          Recorded("created_by", by, "created_at", now));
}

std::vector<domain::TrainingAttendance> TrainingStore::SessionAttendance(
    std::int64_t session_id, std::int64_t organisation_id) {
  return Attendance(session_, "a.session_id = :session",
                    Params({{"organisation", organisation_id}, {"session", session_id}}));
}

void TrainingStore::ReplaceAttendance(std::int64_t session_id, std::int64_t organisation_id,
                                      const std::vector<std::pair<std::int64_t, int>>& attendance,
                                      std::optional<std::int64_t> by, Instant now) {
  session_ << kDeleteAttendance, soci::use(session_id, "session"),
      soci::use(organisation_id, "organisation");
  for (const auto& [volunteer, minutes] : attendance) {
    soci::statement statement(session_);
    auto recorded = Recorded("by", by, "now", now);
    recorded(statement);
    statement.exchange(soci::use(organisation_id, "organisation"));
    statement.exchange(soci::use(session_id, "session"));
    statement.exchange(soci::use(volunteer, "volunteer"));
    statement.exchange(soci::use(minutes, "minutes"));
    statement.alloc();
    statement.prepare(kInsertAttendance);
    statement.define_and_bind();
    statement.execute(true);
  }
}

std::vector<domain::TrainingAttendance> TrainingStore::VolunteerAttendance(
    std::int64_t volunteer_id, std::int64_t organisation_id) {
  return Attendance(session_, "a.volunteer_id = :volunteer",
                    Params({{"organisation", organisation_id}, {"volunteer", volunteer_id}}));
}

std::vector<domain::TrainingAttendance> TrainingStore::OrganisationAttendance(
    std::int64_t organisation_id) {
  return Attendance(session_, AmongIds("a.volunteer_id", std::nullopt),
                    Params({{"organisation", organisation_id}}));
}

std::vector<domain::TrainingAttendance> TrainingStore::AttendanceOf(
    const std::vector<std::int64_t>& volunteer_ids, std::int64_t organisation_id) {
  if (volunteer_ids.empty()) return {};
  return Attendance(session_, AmongIds("a.volunteer_id", volunteer_ids),
                    Params({{"organisation", organisation_id}}));
}

}  // namespace cercle::store
