#pragma once

#include <chrono>
#include <memory>

#include "app/services.hpp"
#include "audit/audit_log.hpp"
#include "auth/authenticator.hpp"
#include "base/clock.hpp"
#include "config/config.hpp"
#include "config/secrets.hpp"
#include "i18n/translator.hpp"
#include "notify/concern_alerts.hpp"
#include "notify/outbox.hpp"
#include "scheduler/scheduler.hpp"
#include "store/database.hpp"
#include "store/document_vault.hpp"
#include "web/application.hpp"
#include "web/metrics.hpp"
#include "web/services.hpp"
#include "web/static_files.hpp"
#include "web/views.hpp"

namespace cercle::cli {

// The parts of a running server, wired together once: configuration, secrets, database, catalogs,
// views, metrics, and the application with the route table. Tests build one with their own clock.
class Runtime {
 public:
  // Loads the key file, migrates the database (with database.migrate_url when set) and opens it.
  static Result<std::unique_ptr<Runtime>> Create(config::Config config,
                                                 std::shared_ptr<const Clock> clock);

  const config::Config& config() const { return config_; }
  store::Database& database() { return *database_; }
  const i18n::Translator& translator() const { return translator_; }
  web::Services& services() { return services_; }
  web::Application& application() { return application_; }
  const config::Secrets& secrets() const { return secrets_; }
  const audit::AuditLog& audit() const { return audit_; }
  auth::Authenticator& authenticator() { return authenticator_; }
  // Delivers the outbox; `serve` starts its thread, tests call DeliverDue.
  notify::MailSender& mail_sender() { return mail_sender_; }
  const store::DocumentVault& vault() const { return vault_; }
  // The periodic jobs (escalation of unacknowledged concerns); `serve` starts its thread, tests
  // call RunOnce.
  scheduler::Scheduler& scheduler() { return scheduler_; }
  // The daily backup and the alert when none passed its drill, on a thread of their own so that a
  // long backup never delays a concern's escalation; `serve` starts it too.
  scheduler::Scheduler& backup_scheduler() { return backup_scheduler_; }
  // How often the backup thread looks whether the day's backup is due.
  static constexpr std::chrono::seconds kBackupInterval{60};
  const Clock& clock() const { return *clock_; }
  // The application layer's services, for the demo loader, the CLI and the app tests.
  const app::Services& app() const { return app_; }

 private:
  Runtime(config::Config config, config::Secrets secrets, std::shared_ptr<const Clock> clock,
          std::unique_ptr<store::Database> database);

  config::Config config_;
  config::Secrets secrets_;
  std::shared_ptr<const Clock> clock_;
  std::unique_ptr<store::Database> database_;
  i18n::Translator translator_;
  web::StaticFiles static_files_;
  web::Views views_;
  web::Metrics metrics_;
  audit::AuditLog audit_;
  notify::MailSender mail_sender_;
  auth::Authenticator authenticator_;
  store::DocumentVault vault_;
  notify::ConcernEscalator concern_escalator_;
  scheduler::Scheduler scheduler_;
  scheduler::Scheduler backup_scheduler_;
  // How often the scheduler looks for reminders to mail (app/reminders), and when next; read and
  // written by the scheduler's thread only.
  static constexpr auto kReminderInterval = std::chrono::minutes(10);
  Instant next_reminders_{};
  app::Services app_;
  web::Services services_;
  web::Application application_;
};

}  // namespace cercle::cli
