#include "cli/runtime.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <string_view>

#include "app/accounts/password_resets.hpp"
#include "app/admin/backups.hpp"
#include "app/privacy/retention.hpp"
#include "app/reminders/reminders.hpp"
#include "cli/backup_command.hpp"
#include "store/migrator.hpp"
#include "web/routes.hpp"

namespace cercle::cli {

namespace {

// The test suites set CERCLE_CHECK_TEMPLATES=1 so that every page they render is also rendered by
// mstch and compared (web::TemplateCheck); a server never does.
web::TemplateCheck TemplateCheckOf() {
  const char* check = std::getenv("CERCLE_CHECK_TEMPLATES");
  return check != nullptr && std::string_view(check) == "1" ? web::TemplateCheck::kAgainstMstch
                                                            : web::TemplateCheck::kOff;
}

}  // namespace

Result<std::unique_ptr<Runtime>> Runtime::Create(config::Config config,
                                                 std::shared_ptr<const Clock> clock) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
  auto secrets = TRY(config::LoadSecrets(config::ExpandHome(config.secrets.key_file)));
  const std::string& migrate_url = config.database.owner_url();
  // An upgraded binary migrates at start: the data it would change is backed up first (a database
  // without data, or with nothing to apply, is not), unless backup.before_migrate is false.
  TRY(BackupBeforeServerMigrates(config, secrets, clock->Now()));
  const auto applied = TRY(store::Migrate(migrate_url, config.database.app_role, clock->Now()));
  for (const auto& name : applied) spdlog::info("migration applied: {}", name);
  auto database = TRY(store::Database::Open(config.database.url, config.database.pool_size));
  return std::unique_ptr<Runtime>(
      new Runtime(std::move(config), std::move(secrets), std::move(clock), std::move(database)));
}

Runtime::Runtime(config::Config config, config::Secrets secrets, std::shared_ptr<const Clock> clock,
                 std::unique_ptr<store::Database> database)
    : config_(std::move(config)),
      secrets_(std::move(secrets)),
      clock_(std::move(clock)),
      database_(std::move(database)),
      translator_(config_.i18n.time_zone),
      views_(translator_, TemplateCheckOf()),
      audit_(secrets_.audit_key),
      mail_sender_(*database_, config_.mail, *clock_),
      authenticator_(*database_, config_, secrets_, *clock_, audit_),
      vault_(config_.storage.documents_dir, secrets_.file_key),
      concern_escalator_(*database_, *clock_,
                         notify::AlertServices{translator_, audit_, config_.server.public_url}),
      scheduler_(
          std::chrono::seconds(config_.scheduler.interval_seconds), [this] { mail_sender_.Wake(); },
          store::DescribeFailure),
      backup_scheduler_(
          kBackupInterval, [this] { mail_sender_.Wake(); }, store::DescribeFailure),
      app_{*database_,
           *clock_,
           audit_,
           vault_,
           config_,
           secrets_,
           translator_,
           [this] { mail_sender_.Wake(); },
           [this] { scheduler_.Wake(); }},
      services_{config_, secrets_, *clock_, translator_,    static_files_,
                views_,  metrics_, audit_,  authenticator_, app_},
      application_(services_, web::Router(web::AllRoutes())) {
  scheduler_.Add("concern escalation", [this] { return concern_escalator_.EscalateDue(); });
  scheduler_.Add("password reset requests",
                 [this] { return app::accounts::ProcessPasswordResetRequests(app_); });
  // Reminders are looked for every kReminderInterval, not at every pass: each look reads every
  // organisation's home page.
  if (config_.scheduler.reminders) {
    scheduler_.Add("reminders", [this] {
      const Instant now = clock_->Now();
      if (now < next_reminders_) return 0;
      next_reminders_ = now + kReminderInterval;
      return app::reminders::SendDueReminders(app_);
    });
  }
  backup_scheduler_.Add("backup", [this] { return app::admin::RunScheduledBackup(app_); });
  backup_scheduler_.Add("backup alert", [this] { return app::admin::AlertMissingBackup(app_); });
  backup_scheduler_.Add("retention queue",
                        [this] { return app::privacy::ListDueRecordsDaily(app_); });
}

}  // namespace cercle::cli
