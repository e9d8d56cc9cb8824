#include "support/throwaway_postgres.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace cercle::testing {
namespace {

const std::string kScript = std::string(CERCLE_SOURCE_DIR) + "/scripts/pg-test-server";

// The value of `name` in the env file the script writes ("export NAME=value" lines).
std::string EnvValue(const std::string& file, const std::string& name) {
  std::ifstream input(file);
  const std::string prefix = "export " + name + "=";
  for (std::string line; std::getline(input, line);) {
    if (line.starts_with(prefix)) return line.substr(prefix.size());
  }
  throw std::runtime_error("the throwaway PostgreSQL server wrote no " + name);
}

}  // namespace

ThrowawayPostgres::ThrowawayPostgres() : folder_(MakeTemporaryFolder()) {
  // The script creates the folder itself, readable by the postgres user.
  std::filesystem::remove_all(folder_);
  // Durable: an immediate shutdown is a crash, and a commit acknowledged before it must survive.
  Run("start " + folder_ + " durable");
  const std::string env = folder_ + "/env";
  server_ = {EnvValue(env, "CERCLE_TEST_PG_HOST"), EnvValue(env, "CERCLE_TEST_PG_PORT"),
             EnvValue(env, "CERCLE_TEST_PG_SUPERUSER")};
}

ThrowawayPostgres::~ThrowawayPostgres() {
  const std::string command = kScript + " stop " + folder_ + " >/dev/null 2>&1";
  [[maybe_unused]] const int ignored = std::system(command.c_str());
}

namespace {

const char* ModeName(StopMode mode) { return mode == StopMode::kFast ? " fast" : " immediate"; }

}  // namespace

void ThrowawayPostgres::Restart(StopMode mode) { Run("restart " + folder_ + ModeName(mode)); }

void ThrowawayPostgres::Halt(StopMode mode) { Run("halt " + folder_ + ModeName(mode)); }

void ThrowawayPostgres::Resume() { Run("resume " + folder_); }

void ThrowawayPostgres::RequirePassword(const std::string& role) {
  Run("require-password " + folder_ + " " + role);
}

void ThrowawayPostgres::Run(const std::string& arguments) {
  const std::string command = kScript + " " + arguments + " >/dev/null";
  if (std::system(command.c_str()) != 0) {
    throw std::runtime_error("scripts/pg-test-server " + arguments + " failed");
  }
}

}  // namespace cercle::testing
