#include "store/training_store.hpp"

namespace cercle::store {
namespace {

constexpr const char* kModuleColumns =
    "SELECT id, organisation_id, name, required_for_circles, required_minutes, position, active"
    " FROM training_modules WHERE organisation_id = :organisation ";
constexpr const char* kCountModules =
    "SELECT count(*) FROM training_modules WHERE organisation_id = :organisation";
constexpr const char* kInsertModule =
    "INSERT INTO training_modules (organisation_id, name, required_for_circles, required_minutes,"
    " position, active, created_at) VALUES (:organisation, :name, :required, :minutes, :position, "
    ":active,"
    " :now) RETURNING id";
constexpr const char* kUpdateModule =
    "UPDATE training_modules SET name = :name, required_for_circles = :required, required_minutes ="
    " :minutes, active = :active WHERE id = :id AND organisation_id = :organisation";
constexpr const char* kSessionColumns =
    "SELECT s.id, s.organisation_id, s.module_id, s.held_on, s.duration_minutes, s.title,"
    " (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND a.organisation_id ="
    " s.organisation_id) FROM training_sessions s WHERE s.organisation_id = :organisation ";
constexpr const char* kCountSessions =
    "SELECT COUNT(*) FROM training_sessions WHERE organisation_id = :organisation";
constexpr const char* kInsertSession =
    "INSERT INTO training_sessions (organisation_id, module_id, held_on, duration_minutes, title,"
    " created_by, created_at) VALUES (:organisation, :module, :held, :duration, :title, :by, :now)"
    " RETURNING id";
constexpr const char* kAttendanceColumns =
    "SELECT a.session_id, a.volunteer_id, s.module_id, s.held_on, a.minutes FROM "
    "training_attendance a"
    " JOIN training_sessions s ON s.id = a.session_id AND s.organisation_id = a.organisation_id"
    " WHERE a.organisation_id = :organisation ";
constexpr const char* kDeleteAttendance =
    "DELETE FROM training_attendance WHERE session_id = :session AND organisation_id = "
    ":organisation";
constexpr const char* kInsertAttendance =
    "INSERT INTO training_attendance (organisation_id, session_id, volunteer_id, minutes, "
    "recorded_by,"
    " recorded_at) VALUES (:organisation, :session, :volunteer, :minutes, :by, :now)";

template <class Bind>
std::vector<domain::TrainingModule> SelectModules(soci::session& session, const std::string& sql,
                                                  Bind&& bind) {
  domain::TrainingModule row;
  int required = 0, active = 0;
  soci::statement statement(session);
  statement.exchange(soci::into(row.id));
  statement.exchange(soci::into(row.organisation_id));
  statement.exchange(soci::into(row.name));
  statement.exchange(soci::into(required));
  statement.exchange(soci::into(row.required_minutes));
  statement.exchange(soci::into(row.position));
  statement.exchange(soci::into(active));
  bind(statement);
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::TrainingModule> modules;
  while (statement.fetch()) {
    domain::TrainingModule module = row;
    module.required_for_circles = required != 0;
    module.active = active != 0;
    modules.push_back(std::move(module));
  }
  return modules;
}

template <class Bind>
std::vector<TrainingSessionSummary> SelectSessions(soci::session& session, const std::string& sql,
                                                   Bind&& bind) {
  domain::TrainingSession row;
  std::string held;
  long long attendees = 0;
  soci::statement statement(session);
  statement.exchange(soci::into(row.id));
  statement.exchange(soci::into(row.organisation_id));
  statement.exchange(soci::into(row.module_id));
  statement.exchange(soci::into(held));
  statement.exchange(soci::into(row.duration_minutes));
  statement.exchange(soci::into(row.title));
  statement.exchange(soci::into(attendees));
  bind(statement);
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
  statement.execute();
  std::vector<TrainingSessionSummary> sessions;
  while (statement.fetch()) {
    TrainingSessionSummary summary{row, static_cast<int>(attendees)};
    summary.session.held_on = domain::ParseIsoDate(held).value_or(domain::CivilDate{});
    sessions.push_back(std::move(summary));
  }
  return sessions;
}

template <class Bind>
std::vector<domain::TrainingAttendance> SelectAttendance(soci::session& session,
                                                         const std::string& sql, Bind&& bind) {
  domain::TrainingAttendance row;
  std::string held;
  soci::statement statement(session);
  statement.exchange(soci::into(row.session_id));
  statement.exchange(soci::into(row.volunteer_id));
  statement.exchange(soci::into(row.module_id));
  statement.exchange(soci::into(held));
  statement.exchange(soci::into(row.minutes));
  bind(statement);
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::TrainingAttendance> attendance;
  while (statement.fetch()) {
    domain::TrainingAttendance entry = row;
    entry.held_on = domain::ParseIsoDate(held).value_or(domain::CivilDate{});
    attendance.push_back(std::move(entry));
  }
  return attendance;
}

}  // namespace

std::vector<domain::TrainingModule> TrainingStore::ListModules(std::int64_t organisation_id) {
  return SelectModules(session_, std::string(kModuleColumns) + "ORDER BY position, id",
                       [&](soci::statement& statement) {
                         statement.exchange(soci::use(organisation_id, "organisation"));
                       });
}

std::optional<domain::TrainingModule> TrainingStore::FindModule(std::int64_t id,
                                                                std::int64_t organisation_id) {
  auto found = SelectModules(session_, std::string(kModuleColumns) + "AND id = :id",
                             [&](soci::statement& statement) {
                               statement.exchange(soci::use(organisation_id, "organisation"));
                               statement.exchange(soci::use(id, "id"));
                             });
  if (found.empty()) return std::nullopt;
  return found.front();
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
  return SelectSessions(
      session_,
      std::string(kSessionColumns) + "ORDER BY s.held_on DESC, s.id DESC" + LimitClause(slice),
      [&](soci::statement& statement) {
        statement.exchange(soci::use(organisation_id, "organisation"));
      });
}

std::int64_t TrainingStore::CountSessions(std::int64_t organisation_id) {
  long long count = 0;
  session_ << kCountSessions, soci::use(organisation_id, "organisation"), soci::into(count);
  return count;
}

std::optional<domain::TrainingSession> TrainingStore::FindSession(std::int64_t id,
                                                                  std::int64_t organisation_id) {
  auto found = SelectSessions(session_, std::string(kSessionColumns) + "AND s.id = :id",
                              [&](soci::statement& statement) {
                                statement.exchange(soci::use(organisation_id, "organisation"));
                                statement.exchange(soci::use(id, "id"));
                              });
  if (found.empty()) return std::nullopt;
  return found.front().session;
}

std::int64_t TrainingStore::InsertSession(const domain::TrainingSession& session,
                                          std::optional<std::int64_t> by, Instant now) {
  std::int64_t id = 0;
  const std::int64_t created_by = by.value_or(0);
  soci::indicator by_indicator = by ? soci::i_ok : soci::i_null;
  const std::string held = domain::FormatIsoDate(session.held_on);
  const long long at = ToUnix(now);
  session_ << kInsertSession, soci::use(session.organisation_id, "organisation"),
      soci::use(session.module_id, "module"), soci::use(held, "held"),
      soci::use(session.duration_minutes, "duration"), soci::use(session.title, "title"),
      soci::use(created_by, by_indicator, "by"), soci::use(at, "now"), soci::into(id);
  return id;
}

std::vector<domain::TrainingAttendance> TrainingStore::SessionAttendance(
    std::int64_t session_id, std::int64_t organisation_id) {
  return SelectAttendance(
      session_,
      std::string(kAttendanceColumns) + "AND a.session_id = :session ORDER BY a.volunteer_id",
      [&](soci::statement& statement) {
        statement.exchange(soci::use(organisation_id, "organisation"));
        statement.exchange(soci::use(session_id, "session"));
      });
}

void TrainingStore::ReplaceAttendance(std::int64_t session_id, std::int64_t organisation_id,
                                      const std::vector<std::pair<std::int64_t, int>>& attendance,
                                      std::optional<std::int64_t> by, Instant now) {
  session_ << kDeleteAttendance, soci::use(session_id, "session"),
      soci::use(organisation_id, "organisation");
  const long long at = ToUnix(now);
  const std::int64_t recorded_by = by.value_or(0);
  for (const auto& [volunteer, minutes] : attendance) {
    soci::indicator by_indicator = by ? soci::i_ok : soci::i_null;
    session_ << kInsertAttendance, soci::use(organisation_id, "organisation"),
        soci::use(session_id, "session"), soci::use(volunteer, "volunteer"),
        soci::use(minutes, "minutes"), soci::use(recorded_by, by_indicator, "by"),
        soci::use(at, "now");
  }
}

std::vector<domain::TrainingAttendance> TrainingStore::VolunteerAttendance(
    std::int64_t volunteer_id, std::int64_t organisation_id) {
  return SelectAttendance(
      session_,
      std::string(kAttendanceColumns) + "AND a.volunteer_id = :volunteer ORDER BY s.held_on, s.id",
      [&](soci::statement& statement) {
        statement.exchange(soci::use(organisation_id, "organisation"));
        statement.exchange(soci::use(volunteer_id, "volunteer"));
      });
}

std::vector<domain::TrainingAttendance> TrainingStore::OrganisationAttendance(
    std::int64_t organisation_id) {
  return SelectAttendance(session_, std::string(kAttendanceColumns) + "ORDER BY s.held_on, s.id",
                          [&](soci::statement& statement) {
                            statement.exchange(soci::use(organisation_id, "organisation"));
                          });
}

std::vector<domain::TrainingAttendance> TrainingStore::AttendanceOf(
    const std::vector<std::int64_t>& volunteer_ids, std::int64_t organisation_id) {
  if (volunteer_ids.empty()) return {};
  return SelectAttendance(session_,
                          std::string(kAttendanceColumns) + "AND a.volunteer_id IN (" +
                              IdList(volunteer_ids) + ") ORDER BY s.held_on, s.id",
                          [&](soci::statement& statement) {
                            statement.exchange(soci::use(organisation_id, "organisation"));
                          });
}

}  // namespace cercle::store
