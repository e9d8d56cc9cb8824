#include "store/training_store.hpp"

#include "store/volunteer_rows.hpp"

namespace cercle::store {
namespace {

using volunteer_rows::ByOrganisation;
using volunteer_rows::ByOrganisationAnd;
using volunteer_rows::FetchAll;
using volunteer_rows::FetchOne;

// The columns ModuleRow reads, in its order.
#define CERCLE_TRAINING_MODULE_COLUMNS \
  R"sql(id, organisation_id, name, required_for_circles, required_minutes, position, active)sql"
// The columns SessionRow reads, in its order: the session and its number of attendees.
#define CERCLE_TRAINING_SESSION_COLUMNS \
  R"sql(s.id, s.organisation_id, s.module_id, s.held_on, s.duration_minutes, s.title, (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND a.organisation_id = s.organisation_id))sql"
// The columns AttendanceRow reads, in its order (attendance a joined to its session s).
#define CERCLE_TRAINING_ATTENDANCE_COLUMNS \
  R"sql(a.session_id, a.volunteer_id, s.module_id, s.held_on, a.minutes)sql"
constexpr const char* kListModules = "SELECT " CERCLE_TRAINING_MODULE_COLUMNS R"sql(
    FROM training_modules
    WHERE organisation_id = :organisation
    ORDER BY position, id)sql";
constexpr const char* kFindModule = "SELECT " CERCLE_TRAINING_MODULE_COLUMNS R"sql(
    FROM training_modules
    WHERE organisation_id = :organisation AND id = :id)sql";
constexpr const char* kCountModules = R"sql(
    SELECT count(*)
    FROM training_modules
    WHERE organisation_id = :organisation)sql";
constexpr const char* kInsertModule = R"sql(
    INSERT INTO training_modules (organisation_id, name, required_for_circles, required_minutes,
      position, active, created_at)
    VALUES (:organisation, :name, :required, :minutes, :position, :active, :now)
    RETURNING id)sql";
constexpr const char* kUpdateModule = R"sql(
    UPDATE training_modules
    SET name = :name, required_for_circles = :required, required_minutes = :minutes,
      active = :active
    WHERE id = :id AND organisation_id = :organisation)sql";
// Followed by the page's LIMIT clause.
constexpr const char* kListSessions = "SELECT " CERCLE_TRAINING_SESSION_COLUMNS R"sql(
    FROM training_sessions s
    WHERE s.organisation_id = :organisation
    ORDER BY s.held_on DESC, s.id DESC)sql";
constexpr const char* kFindSession = "SELECT " CERCLE_TRAINING_SESSION_COLUMNS R"sql(
    FROM training_sessions s
    WHERE s.organisation_id = :organisation AND s.id = :id)sql";
constexpr const char* kCountSessions = R"sql(
    SELECT COUNT(*)
    FROM training_sessions
    WHERE organisation_id = :organisation)sql";
constexpr const char* kInsertSession = R"sql(
    INSERT INTO training_sessions (organisation_id, module_id, held_on, duration_minutes, title,
      created_by, created_at)
    VALUES (:organisation, :module, :held, :duration, :title, :by, :now)
    RETURNING id)sql";
constexpr const char* kSessionAttendance = "SELECT " CERCLE_TRAINING_ATTENDANCE_COLUMNS R"sql(
    FROM training_attendance a
    JOIN training_sessions s ON s.id = a.session_id AND s.organisation_id = a.organisation_id
    WHERE a.organisation_id = :organisation AND a.session_id = :session
    ORDER BY a.volunteer_id)sql";
constexpr const char* kVolunteerAttendance = "SELECT " CERCLE_TRAINING_ATTENDANCE_COLUMNS R"sql(
    FROM training_attendance a
    JOIN training_sessions s ON s.id = a.session_id AND s.organisation_id = a.organisation_id
    WHERE a.organisation_id = :organisation AND a.volunteer_id = :volunteer
    ORDER BY s.held_on, s.id)sql";
constexpr const char* kOrganisationAttendance = "SELECT " CERCLE_TRAINING_ATTENDANCE_COLUMNS R"sql(
    FROM training_attendance a
    JOIN training_sessions s ON s.id = a.session_id AND s.organisation_id = a.organisation_id
    WHERE a.organisation_id = :organisation
    ORDER BY s.held_on, s.id)sql";
// Followed by the ids of a page of volunteers and kAttendanceOfEnd.
constexpr const char* kAttendanceOf = "SELECT " CERCLE_TRAINING_ATTENDANCE_COLUMNS R"sql(
    FROM training_attendance a
    JOIN training_sessions s ON s.id = a.session_id AND s.organisation_id = a.organisation_id
    WHERE a.organisation_id = :organisation AND a.volunteer_id IN ()sql";
constexpr const char* kAttendanceOfEnd = R"sql()
    ORDER BY s.held_on, s.id)sql";
constexpr const char* kDeleteAttendance = R"sql(
    DELETE FROM training_attendance
    WHERE session_id = :session AND organisation_id = :organisation)sql";
constexpr const char* kInsertAttendance = R"sql(
    INSERT INTO training_attendance (organisation_id, session_id, volunteer_id, minutes,
      recorded_by, recorded_at)
    VALUES (:organisation, :session, :volunteer, :minutes, :by, :now))sql";

#undef CERCLE_TRAINING_MODULE_COLUMNS
#undef CERCLE_TRAINING_SESSION_COLUMNS
#undef CERCLE_TRAINING_ATTENDANCE_COLUMNS

struct ModuleRow {
  domain::TrainingModule module;
  int required = 0, active = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(module.id));
    statement.exchange(soci::into(module.organisation_id));
    statement.exchange(soci::into(module.name));
    statement.exchange(soci::into(required));
    statement.exchange(soci::into(module.required_minutes));
    statement.exchange(soci::into(module.position));
    statement.exchange(soci::into(active));
  }
  domain::TrainingModule Take() const {
    domain::TrainingModule result = module;
    result.required_for_circles = required != 0;
    result.active = active != 0;
    return result;
  }
};

struct SessionRow {
  domain::TrainingSession session;
  std::string held;
  long long attendees = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(session.id));
    statement.exchange(soci::into(session.organisation_id));
    statement.exchange(soci::into(session.module_id));
    statement.exchange(soci::into(held));
    statement.exchange(soci::into(session.duration_minutes));
    statement.exchange(soci::into(session.title));
    statement.exchange(soci::into(attendees));
  }
  TrainingSessionSummary Take() const {
    TrainingSessionSummary summary{session, static_cast<int>(attendees)};
    summary.session.held_on = volunteer_rows::RequiredDate(held);
    return summary;
  }
};

struct AttendanceRow {
  domain::TrainingAttendance entry;
  std::string held;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(entry.session_id));
    statement.exchange(soci::into(entry.volunteer_id));
    statement.exchange(soci::into(entry.module_id));
    statement.exchange(soci::into(held));
    statement.exchange(soci::into(entry.minutes));
  }
  domain::TrainingAttendance Take() const {
    domain::TrainingAttendance result = entry;
    result.held_on = volunteer_rows::RequiredDate(held);
    return result;
  }
};

}  // namespace

std::vector<domain::TrainingModule> TrainingStore::ListModules(std::int64_t organisation_id) {
  return FetchAll<ModuleRow>(session_, kListModules, ByOrganisation(organisation_id));
}

std::optional<domain::TrainingModule> TrainingStore::FindModule(std::int64_t id,
                                                                std::int64_t organisation_id) {
  return FetchOne<ModuleRow>(session_, kFindModule, ByOrganisationAnd(organisation_id, id, "id"));
}

std::int64_t TrainingStore::InsertModule(const domain::TrainingModule& module, Instant now) {
  std::int64_t id = 0;
  const int required = module.required_for_circles ? 1 : 0;
  const int active = module.active ? 1 : 0;
  const long long at = ToUnix(now);
  session_ << kInsertModule, soci::use(module.organisation_id, "organisation"),
      soci::use(module.name, "name"), soci::use(required, "required"),
      soci::use(module.required_minutes, "minutes"), soci::use(module.position, "position"),
      soci::use(active, "active"), soci::use(at, "now"), soci::into(id);
  return id;
}

void TrainingStore::UpdateModule(const domain::TrainingModule& module) {
  const int required = module.required_for_circles ? 1 : 0;
  const int active = module.active ? 1 : 0;
  session_ << kUpdateModule, soci::use(module.name, "name"), soci::use(required, "required"),
      soci::use(module.required_minutes, "minutes"), soci::use(active, "active"),
      soci::use(module.id, "id"), soci::use(module.organisation_id, "organisation");
}

bool TrainingStore::AddDefaultModules(std::int64_t organisation_id, Instant now) {
  long long count = 0;
  session_ << kCountModules, soci::use(organisation_id, "organisation"), soci::into(count);
  if (count > 0) return false;
  for (auto module : domain::DefaultTrainingModules()) {
    module.organisation_id = organisation_id;
    InsertModule(module, now);
  }
  return true;
}

std::vector<TrainingSessionSummary> TrainingStore::ListSessions(std::int64_t organisation_id,
                                                                const PageSlice& slice) {
  return FetchAll<SessionRow>(session_, std::string(kListSessions) + LimitClause(slice),
                              ByOrganisation(organisation_id));
}

std::int64_t TrainingStore::CountSessions(std::int64_t organisation_id) {
  long long count = 0;
  session_ << kCountSessions, soci::use(organisation_id, "organisation"), soci::into(count);
  return count;
}

std::optional<domain::TrainingSession> TrainingStore::FindSession(std::int64_t id,
                                                                  std::int64_t organisation_id) {
  const auto found =
      FetchOne<SessionRow>(session_, kFindSession, ByOrganisationAnd(organisation_id, id, "id"));
  if (!found) return std::nullopt;
  return found->session;
}

std::int64_t TrainingStore::InsertSession(const domain::TrainingSession& session,
                                          std::optional<std::int64_t> by, Instant now) {
  std::int64_t id = 0;
  auto created_by = volunteer_rows::NullableOf(by);
  const std::string held = FormatIsoDate(session.held_on);
  const long long at = ToUnix(now);
  session_ << kInsertSession, soci::use(session.organisation_id, "organisation"),
      soci::use(session.module_id, "module"), soci::use(held, "held"),
      soci::use(session.duration_minutes, "duration"), soci::use(session.title, "title"),
      soci::use(created_by.value, created_by.indicator, "by"), soci::use(at, "now"), soci::into(id);
  return id;
}

std::vector<domain::TrainingAttendance> TrainingStore::SessionAttendance(
    std::int64_t session_id, std::int64_t organisation_id) {
  return FetchAll<AttendanceRow>(session_, kSessionAttendance,
                                 ByOrganisationAnd(organisation_id, session_id, "session"));
}

void TrainingStore::ReplaceAttendance(std::int64_t session_id, std::int64_t organisation_id,
                                      const std::vector<std::pair<std::int64_t, int>>& attendance,
                                      std::optional<std::int64_t> by, Instant now) {
  session_ << kDeleteAttendance, soci::use(session_id, "session"),
      soci::use(organisation_id, "organisation");
  const long long at = ToUnix(now);
  for (const auto& [volunteer, minutes] : attendance) {
    auto recorded_by = volunteer_rows::NullableOf(by);
    session_ << kInsertAttendance, soci::use(organisation_id, "organisation"),
        soci::use(session_id, "session"), soci::use(volunteer, "volunteer"),
        soci::use(minutes, "minutes"), soci::use(recorded_by.value, recorded_by.indicator, "by"),
        soci::use(at, "now");
  }
}

std::vector<domain::TrainingAttendance> TrainingStore::VolunteerAttendance(
    std::int64_t volunteer_id, std::int64_t organisation_id) {
  return FetchAll<AttendanceRow>(session_, kVolunteerAttendance,
                                 ByOrganisationAnd(organisation_id, volunteer_id, "volunteer"));
}

std::vector<domain::TrainingAttendance> TrainingStore::OrganisationAttendance(
    std::int64_t organisation_id) {
  return FetchAll<AttendanceRow>(session_, kOrganisationAttendance,
                                 ByOrganisation(organisation_id));
}

std::vector<domain::TrainingAttendance> TrainingStore::AttendanceOf(
    const std::vector<std::int64_t>& volunteer_ids, std::int64_t organisation_id) {
  if (volunteer_ids.empty()) return {};
  return FetchAll<AttendanceRow>(
      session_, std::string(kAttendanceOf) + IdList(volunteer_ids) + kAttendanceOfEnd,
      ByOrganisation(organisation_id));
}

}  // namespace cercle::store
