#include "cli/cli.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli/runtime.hpp"
#include "demo/demo_data.hpp"
#include "store/migrator.hpp"
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

void ConfigureLogging(const config::Config& config) {
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
  spdlog::set_level(spdlog::level::from_str(config.log.level));
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
  auto* migrate = app.add_subcommand("migrate", "Apply the database migrations not yet applied");
  auto* demo =
      app.add_subcommand("demo", "Load the fictional French demo data into an empty database");
  int scale = 1;
  demo->add_option("--scale", scale, "Multiply the demo data (for benchmarks)")
      ->check(CLI::Range(1, 1000));
  bool print_logins = false;
  demo->add_flag("--print-logins", print_logins, "Only print the demo sign-ins");
  auto* keygen = app.add_subcommand("keygen", "Create the key file named by secrets.key_file");
  bool if_missing = false;
  keygen->add_flag("--if-missing", if_missing, "Do nothing when the key file exists already");

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
    const std::string& url =
        config.database.migrate_url.empty() ? config.database.url : config.database.migrate_url;
    const auto applied = store::Migrate(url, config.database.app_role, clock->Now());
    if (!applied) return Fail(config, applied.error());
    if (applied->empty()) std::cout << "The database schema is up to date; nothing to apply.\n";
    for (const auto& name : *applied) std::cout << "applied " << name << "\n";
    return 0;
  }
  if (*demo && print_logins) {
    const auto logins = demo::DemoLogins();
    if (logins.empty()) std::cout << "No demo sign-ins yet: the home page is public.\n";
    for (const auto& login : logins) std::cout << login << "\n";
    return 0;
  }
  auto runtime = Runtime::Create(config, clock);
  if (!runtime) return Fail(config, runtime.error());
  if (*demo) {
    const auto summary = demo::Load((*runtime)->database(), *clock, scale);
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
  web::Server server((*runtime)->application(), config);
  return server.RunUntilSignalled();
}

}  // namespace cercle::cli
