#include "store/backup_run_store.hpp"

#include "store/table.hpp"

namespace cercle::store {
namespace {

constexpr const char* kClaim = R"sql(
  INSERT INTO backup_runs (slot, started_at) VALUES (:slot, :now) ON CONFLICT (slot) DO NOTHING
)sql";

constexpr const char* kFinish = R"sql(
  UPDATE backup_runs
  SET finished_at = :now, archive = :archive, bytes = :bytes, state = :state, failure = :failure
  WHERE slot = :slot
)sql";

constexpr const char* kLatest = R"sql(
  SELECT slot, started_at, finished_at, archive, bytes, state, failure
  FROM backup_runs
  ORDER BY started_at DESC, slot DESC
  LIMIT :limit
)sql";

constexpr const char* kLastVerified = R"sql(
  SELECT max(finished_at) FROM backup_runs WHERE state = 'verified'
)sql";

constexpr const char* kClaimAlert = R"sql(
  INSERT INTO backup_alerts (since, sent_at) VALUES (:since, :now) ON CONFLICT (since) DO NOTHING
)sql";

constexpr const char* kFirstAttemptAt = R"sql(
  SELECT coalesce((SELECT min(started_at) FROM backup_runs),
                  (SELECT min(applied_at) FROM schema_migrations))
)sql";

constexpr const char* kAdministrators = R"sql(
  SELECT DISTINCT u.email, u.language
  FROM users u JOIN user_roles r ON r.user_id = u.id
  WHERE u.active = 1 AND r.role IN ('admin', 'network_admin')
  ORDER BY u.email
)sql";

}  // namespace

bool BackupRunStore::Claim(const std::string& slot, Instant now) {
  return Change(session_, kClaim, Values("slot", slot, "now", now)) == 1;
}

void BackupRunStore::Finish(const domain::BackupRun& run, Instant now) {
  Change(session_, kFinish,
         Values("now", now, "archive", run.archive, "bytes", run.bytes, "state", run.state,
                "failure", run.failure, "slot", run.slot));
}

std::vector<domain::BackupRun> BackupRunStore::Latest(int limit) {
  std::string slot, archive, state, failure;
  long long started = 0, finished = 0, bytes = 0;
  soci::indicator finished_indicator = soci::i_null;
  soci::statement statement =
      (session_.prepare << kLatest, soci::use(limit, "limit"), soci::into(slot),
       soci::into(started), soci::into(finished, finished_indicator), soci::into(archive),
       soci::into(bytes), soci::into(state), soci::into(failure));
  statement.execute();
  std::vector<domain::BackupRun> runs;
  while (statement.fetch()) {
    domain::BackupRun run{.slot = slot,
                          .started_at = FromUnix(started),
                          .archive = archive,
                          .bytes = bytes,
                          .state = table_detail::Stored<domain::BackupState>::Read(state),
                          .failure = failure};
    if (finished_indicator == soci::i_ok) run.finished_at = FromUnix(finished);
    runs.push_back(std::move(run));
  }
  return runs;
}

std::optional<Instant> BackupRunStore::LastVerified() {
  long long at = 0;
  soci::indicator indicator = soci::i_null;
  session_ << kLastVerified, soci::into(at, indicator);
  if (indicator != soci::i_ok) return std::nullopt;
  return FromUnix(at);
}

bool BackupRunStore::ClaimAlert(Instant since, Instant now) {
  return Change(session_, kClaimAlert, Values("since", since, "now", now)) == 1;
}

Instant BackupRunStore::FirstAttemptAt() {
  long long at = 0;
  soci::indicator indicator = soci::i_null;
  session_ << kFirstAttemptAt, soci::into(at, indicator);
  return FromUnix(indicator == soci::i_ok ? at : 0);
}

std::vector<std::pair<std::string, std::string>> BackupRunStore::Administrators() {
  std::string email, language;
  soci::statement statement =
      (session_.prepare << kAdministrators, soci::into(email), soci::into(language));
  statement.execute();
  std::vector<std::pair<std::string, std::string>> administrators;
  while (statement.fetch()) administrators.emplace_back(email, language);
  return administrators;
}

}  // namespace cercle::store
