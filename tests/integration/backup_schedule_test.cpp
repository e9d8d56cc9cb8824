// The scheduled backups, with the test clock: the day's backup fires at its local time and once
// across two servers on one database, its restore drill passes, the retention leaves exactly 7
// daily, 4 weekly and 12 monthly archives, and when backups fail for 26 hours the administrators'
// home page flags it and each of them gets one mail. On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <string>

#include "app/admin/backups.hpp"
#include "backup/backup.hpp"
#include "base/dates.hpp"
#include "cli/runtime.hpp"
#include "store/database.hpp"
#include "support/auth_fixture.hpp"
#include "support/test_database.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

namespace fs = std::filesystem;
using std::chrono::hours;
using std::chrono::minutes;

// kTestStart is 09:00 in Montréal (UTC-5 in winter): this many minutes after local midnight.
constexpr int kStartMinute = 9 * 60;

class BackupSchedule : public ::testing::TestWithParam<Backend> {
 protected:
  BackupSchedule()
      : folder_(MakeTemporaryFolder() + "/backups"),
        server_(TestServer::Options{GetParam(), [this](config::Config& config) {
                                      config.backup.folder = folder_;
                                      config.backup.time = "02:30";
                                      config.backup.drill_url = DrillServerUrl(GetParam());
                                    }}) {}

  // The clock at `minute` after local midnight, `days` days after the test's first day.
  void At(int days, int minute) {
    server_.clock().Set(kTestStart + hours(24 * days) + minutes(minute - kStartMinute));
  }

  // The scheduled archives in the backup folder.
  std::vector<std::string> Archives() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder_)) {
      const auto name = entry.path().filename().string();
      if (name.starts_with("cercle-") && name.ends_with(".backup")) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  long long Count(const std::string& sql) {
    return server_.runtime().database().Read(store::Scope::System(), [&](soci::session& session) {
      long long value = 0;
      session << sql, soci::into(value);
      return value;
    });
  }

  std::string folder_;
  TestServer server_;
  AuthFixture auth_{server_};
};

TEST_P(BackupSchedule, FiresAtItsLocalTimeOnceAndItsRestoreDrillPasses) {
  const auto& app = server_.app();
  // A server that starts before 02:30 takes yesterday's backup, which no one took.
  At(1, 2 * 60);
  EXPECT_EQ(app::admin::RunScheduledBackup(app), 1);
  EXPECT_EQ(Archives(),
            std::vector<std::string>{"cercle-" + FormatIsoDate(AddDays(server_.app().Today(), -1)) +
                                     ".backup"});
  At(1, 2 * 60 + 29);
  EXPECT_EQ(app::admin::RunScheduledBackup(app), 0);
  At(1, 2 * 60 + 30);
  EXPECT_EQ(app::admin::RunScheduledBackup(app), 1);
  At(1, 23 * 60);
  EXPECT_EQ(app::admin::RunScheduledBackup(app), 0);
  EXPECT_EQ(Archives().size(), 2u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM backup_runs WHERE state = 'verified'"), 2);
  // The archive is a real one: the drill of the command line passes on it too.
  const auto drill = backup::Verify(folder_ + "/" + Archives().back(), server_.runtime().secrets(),
                                    MakeTemporaryFolder(), server_.runtime().config().drill_url());
  ASSERT_TRUE(drill) << drill.error().message.id;
  std::string lines;
  for (const auto& line : drill->lines) lines += line + "\n";
  EXPECT_TRUE(drill->ok) << lines;
}

TEST_P(BackupSchedule, TwoServersOnOneDatabaseTakeOneBackup) {
  auto second = cli::Runtime::Create(server_.runtime().config(),
                                     std::shared_ptr<const Clock>(&server_.clock(), [](auto*) {}));
  ASSERT_TRUE(second) << second.error().message.id;
  At(2, 3 * 60);
  auto one =
      std::async(std::launch::async, [&] { return app::admin::RunScheduledBackup(server_.app()); });
  auto other = std::async(std::launch::async,
                          [&] { return app::admin::RunScheduledBackup((*second)->app()); });
  EXPECT_EQ(one.get() + other.get(), 1);
  EXPECT_EQ(Archives().size(), 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM backup_runs"), 1);
}

TEST_P(BackupSchedule, TheRetentionKeepsExactly7DailyThen4WeeklyThen12Monthly) {
  At(0, 3 * 60);
  const CivilDate today = server_.app().Today();
  fs::create_directories(folder_);
  // Four hundred days of archives before today (their content does not matter to the retention),
  // and a file that is no scheduled archive, which it leaves alone.
  for (int day = 1; day <= 400; ++day) {
    std::ofstream(folder_ + "/cercle-" + FormatIsoDate(AddDays(today, -day)) + ".backup") << day;
  }
  std::ofstream(folder_ + "/notes.txt") << "à garder";
  EXPECT_EQ(app::admin::RunScheduledBackup(server_.app()), 1);
  const auto kept = Archives();
  ASSERT_EQ(kept.size(), 23u);
  // The newest seven days, today's backup among them.
  EXPECT_EQ(kept.back(), "cercle-" + FormatIsoDate(today) + ".backup");
  EXPECT_EQ(kept[kept.size() - 7], "cercle-" + FormatIsoDate(AddDays(today, -6)) + ".backup");
  EXPECT_TRUE(fs::exists(folder_ + "/notes.txt"));
}

TEST_P(BackupSchedule, BackupsFailingFor26HoursFlagTheHomePageAndMailEachAdministratorOnce) {
  const auto organisation = auth_.CreateOrganisationWithEveryRole("Cercles A", "cercles-a");
  const auto network = auth_.CreateUser(std::nullopt, "Réseau", "reseau@example.org",
                                        domain::Roles{domain::Role::kNetworkAdmin});
  // The folder cannot be made: a file stands where it should be.
  fs::create_directories(fs::path(folder_).parent_path());
  std::ofstream(folder_) << "pas un dossier";
  const auto& app = server_.app();
  const auto run_jobs = [&] {
    app::admin::RunScheduledBackup(app);
    return app::admin::AlertMissingBackup(app);
  };

  // The page at `path` for `user`, signed in afresh (the clock jumps past the idle limit), in
  // French, the accounts' language.
  const auto home_of = [&](const TestUser& user, const std::string& path) {
    return auth_.SignedInClient(user)->Get(path);
  };
  const std::string flag =
      "Aucune sauvegarde n'a réussi son essai de restauration depuis plus de 26 heures.";

  At(0, 10 * 60);
  EXPECT_EQ(run_jobs(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM backup_runs WHERE state = 'failed'"), 1);
  EXPECT_EQ(home_of(organisation.admin, "/").body.find(flag), std::string::npos);

  At(1, 12 * 60 + 1);        // 26 hours and a minute after the first failed backup
  EXPECT_EQ(run_jobs(), 2);  // the organisation's administrator and the network's
  EXPECT_EQ(run_jobs(), 0);  // once per lapse, even as the backups keep failing
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE subject LIKE '%26%'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + network.email + "'"), 1);
  EXPECT_NE(home_of(organisation.admin, "/").body.find(flag), std::string::npos);
  EXPECT_NE(home_of(network, "/").body.find(flag), std::string::npos);
  // The coordinator is not told: backups are the administrators'.
  EXPECT_EQ(home_of(organisation.coordinator, "/").body.find(flag), std::string::npos);
  // The backups page names the failures.
  const auto page = home_of(organisation.admin, "/admin/backups");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Échouée"), std::string::npos);
  EXPECT_NE(page.body.find("le journal du serveur"), std::string::npos);
  EXPECT_NE(page.body.find(flag), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, BackupSchedule, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, BackupSchedule, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
