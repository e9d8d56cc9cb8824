#include "cli/cli.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "app/accounts/creation.hpp"
#include "app/accounts/invitations.hpp"
#include "cli/audit_command.hpp"
#include "cli/backup_command.hpp"
#include "cli/logging.hpp"
#include "cli/runtime.hpp"
#include "demo/demo_data.hpp"
#include "store/organisation_store.hpp"
#include "web/server.hpp"

#ifndef CERCLE_VERSION
#define CERCLE_VERSION "0.0.0"
#endif

namespace cercle::cli {
namespace {

// Prints `error` in the configured language and returns the exit code for a refused command.
int Fail(const config::Config& config, const Error& error) {
  const i18n::Translator translator(config.i18n.time_zone);
  const auto language = i18n::FromCode(config.i18n.default_language, i18n::Language::kFrench);
  std::cerr << "cercle: " << translator.Format(language, error.message) << "\n";
  for (const auto& field : error.fields) {
    std::cerr << "  " << field.field << ": " << translator.Format(language, field.message) << "\n";
  }
  return 1;
}

// What `cercle user add` was given.
struct UserOptions {
  std::string organisation, email, name;
  std::vector<std::string> roles;
  bool network = false;
  bool password_stdin = false;
};

// Declares `cercle user add` and its options, filled into `options`; returns the subcommand.
CLI::App* AddUserCommand(CLI::App& app, UserOptions& options) {
  auto* user = app.add_subcommand("user", "Manage accounts from the command line");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add",
                                   "Create an account: mails (and prints) an invitation link, or "
                                   "sets the password read from stdin");
  add->add_option("--organisation", options.organisation, "The organisation's short name (slug)");
  add->add_flag("--network", options.network, "A network administrator, of no organisation");
  add->add_option("--email", options.email, "E-mail address")->required();
  add->add_option("--name", options.name, "Display name")->required();
  add->add_option("--role", options.roles,
                  "admin, coordinator, volunteer, partner or evaluator (repeatable)");
  add->add_flag("--password-stdin", options.password_stdin,
                "Read the password from standard input");
  return add;
}

// Runs `cercle user add`: an account with the password read from stdin, or an invitation mailed
// and printed.
int AddUser(Runtime& runtime, const config::Config& config, const UserOptions& options) {
  std::optional<std::int64_t> organisation_id;
  domain::Roles roles;
  if (options.network) {
    roles.Add(domain::Role::kNetworkAdmin);
  } else {
    for (const auto& organisation : store::ListOrganisations(runtime.database())) {
      if (organisation.slug == options.organisation) organisation_id = organisation.id;
    }
    if (!organisation_id) {
      std::cerr << "cercle: no organisation has the short name \"" << options.organisation
                << "\"\n";
      return 1;
    }
    for (const auto& name : options.roles) {
      const auto role = domain::ParseEnum<domain::Role>(name);
      if (!role || *role == domain::Role::kNetworkAdmin) {
        std::cerr << "cercle: unknown role \"" << name << "\"\n";
        return 1;
      }
      roles.Add(*role);
    }
  }
  if (options.password_stdin) {
    std::string password;
    std::getline(std::cin, password);
    const auto created =
        app::accounts::CreateAccount(runtime.app(), {.organisation_id = organisation_id,
                                                     .display_name = options.name,
                                                     .email = options.email,
                                                     .roles = roles,
                                                     .password = password});
    if (!created) return Fail(config, created.error());
    std::cout << "Account created (user " << *created << ").\n";
    return 0;
  }
  const auto link = app::accounts::InviteFromCommandLine(
      runtime.app(), {organisation_id, options.name, options.email, roles});
  if (!link) return Fail(config, link.error());
  runtime.mail_sender().DeliverDue();
  std::cout << "Invitation created and mailed. The link, valid 72 hours, works once:\n"
            << *link << "\n";
  return 0;
}

// Runs `cercle demo`: loads the demo data into an empty database and prints the sign-ins.
int LoadDemo(Runtime& runtime, const config::Config& config, int scale, int years) {
  const auto summary = demo::Load(runtime.app(), scale, years);
  if (!summary) {
    if (summary.error().kind == ErrorKind::kConflict) {
      std::cout << "The database holds data already: demo data not loaded.\n";
      return 0;
    }
    return Fail(config, summary.error());
  }
  for (const auto& name : summary->organisations)
    std::cout << "Demo organisation: " << name << "\n";
  for (const auto& login : summary->logins) std::cout << "  " << login << "\n";
  return 0;
}

// `cercle backup` and `cercle restore`, with what they were given.
struct BackupCommands {
  CLI::App* backup = nullptr;
  std::string to;
  CLI::App* restore = nullptr;
  RestoreOptions restore_options;
  bool verify = false;
};

// Declares `cercle backup` and `cercle restore`, filled into `commands`.
void AddBackupCommands(CLI::App& app, BackupCommands& commands) {
  commands.backup = app.add_subcommand(
      "backup", "Write an encrypted backup of the database and the documents (while serving)");
  commands.backup->add_option(
      "--to", commands.to, "The archive to write (default: a timestamped file in backup.folder)");
  auto* restore = commands.restore = app.add_subcommand(
      "restore", "Restore an archive into an empty database, or check it with --verify");
  auto& options = commands.restore_options;
  restore->add_option("archive", options.archive, "The backup archive")->required();
  restore->add_option("--into", options.into,
                      "The database to restore into (sqlite:PATH or postgresql://…)");
  restore->add_option("--documents", options.documents,
                      "The documents folder to restore into (default: storage.documents_dir)");
  restore->add_flag("--replace", options.replace,
                    "Replace a database that holds data (backed up first)");
  restore->add_flag("--verify", commands.verify,
                    "Restore into a scratch location, check everything, and report");
}

// Runs `cercle backup` or `cercle restore` when one was asked for and returns its exit code;
// none otherwise.
std::optional<int> RunBackupCommands(const config::Config& config, const BackupCommands& commands,
                                     Instant now) {
  if (*commands.backup) {
    const auto written = RunBackup(config, commands.to, now, std::cout);
    return written ? 0 : Fail(config, written.error());
  }
  if (!*commands.restore) return std::nullopt;
  const auto& options = commands.restore_options;
  if (commands.verify) {
    const auto passed = RunVerify(config, options.archive, std::cout);
    if (!passed) return Fail(config, passed.error());
    return *passed ? 0 : 1;
  }
  if (options.into.empty()) {
    return Fail(config, Error::Invalid(N_("Say where to restore: --into sqlite:PATH or "
                                          "--into postgresql://…")));
  }
  const auto restored = RunRestore(config, options, now, std::cout);
  return restored ? 0 : Fail(config, restored.error());
}

// Serves HTTP with the mail sender and both scheduler threads until SIGTERM or SIGINT.
int Serve(Runtime& runtime, const config::Config& config) {
  web::Server server(runtime.application(), config);
  runtime.mail_sender().Start();
  runtime.scheduler().Start();
  runtime.backup_scheduler().Start();
  const int code = server.RunUntilSignalled();
  runtime.backup_scheduler().Stop();
  runtime.scheduler().Stop();
  runtime.mail_sender().Stop();
  return code;
}

}  // namespace

int Run(int argc, char** argv) {
  if (sodium_init() < 0) {
    std::cerr << "cercle: libsodium cannot start\n";
    return 1;
  }
  CLI::App app{"Cercle: the software of a Circles of Support and Accountability program."};
  app.set_version_flag("--version", std::string("cercle ") + CERCLE_VERSION);
  app.require_subcommand(1);
  std::string config_path;
  app.add_option("-c,--config", config_path, "Configuration file (TOML); see cercle.example.toml")
      ->envname("CERCLE_CONFIG");

  app.add_subcommand("serve", "Migrate the database, then serve HTTP until SIGTERM or SIGINT");
  auto* migrate = app.add_subcommand(
      "migrate", "Back up the database, then apply the migrations not yet applied");
  bool no_backup = false;
  migrate->add_flag("--no-backup", no_backup, "Apply the migrations without a backup first");
  auto* demo =
      app.add_subcommand("demo", "Load the fictional French demo data into an empty database");
  int scale = 1;
  demo->add_option("--scale", scale, "Multiply the demo data (for benchmarks)")
      ->check(CLI::Range(1, 1000));
  int years = 0;
  demo->add_option("--years", years,
                   "Add years of past history to the first organisation (for benchmarks)")
      ->check(CLI::Range(0, 50));
  bool print_logins = false;
  demo->add_flag("--print-logins", print_logins, "Only print the demo sign-ins");
  auto* keygen = app.add_subcommand("keygen", "Create the key file named by secrets.key_file");
  bool if_missing = false;
  keygen->add_flag("--if-missing", if_missing, "Do nothing when the key file exists already");

  UserOptions user_options;
  auto* user_add = AddUserCommand(app, user_options);
  auto* audit = app.add_subcommand("audit", "The audit log");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand(
      "verify", "Recompute every hash chain; exit 1 and name the first broken entry");

  BackupCommands backups;
  AddBackupCommands(app, backups);

  CLI11_PARSE(app, argc, argv);

  const auto loaded = config::Load(config_path.empty() ? std::nullopt : std::optional(config_path),
                                   config::ProcessEnvironment());
  if (!loaded) return Fail(config::Config{}, loaded.error());
  const config::Config& config = *loaded;
  ConfigureLogging(config);
  auto clock = std::make_shared<SystemClock>();

  if (*keygen) {
    const std::string path = config::ExpandHome(config.secrets.key_file);
    if (if_missing && std::filesystem::exists(path)) return 0;
    const auto created = config::CreateKeyFile(path);
    if (!created) return Fail(config, created.error());
    std::cout << "Key file created: " << path << "\n";
    return 0;
  }
  if (*migrate) {
    const auto migrated = RunMigrate(config, no_backup ? BackupFirst::kNo : BackupFirst::kYes,
                                     clock->Now(), std::cout);
    return migrated ? 0 : Fail(config, migrated.error());
  }
  if (const auto code = RunBackupCommands(config, backups, clock->Now())) return *code;
  if (*demo && print_logins) {
    const auto logins = demo::DemoLogins();
    if (logins.empty()) std::cout << "No demo sign-ins yet: the home page is public.\n";
    for (const auto& login : logins) std::cout << login << "\n";
    return 0;
  }
  auto runtime = Runtime::Create(config, clock);
  if (!runtime) return Fail(config, runtime.error());
  if (*audit_verify)
    return RunAuditVerify((*runtime)->database(), (*runtime)->secrets(), std::cout);
  if (*user_add) return AddUser(**runtime, config, user_options);
  if (*demo) return LoadDemo(**runtime, config, scale, years);
  return Serve(**runtime, config);
}

}  // namespace cercle::cli
