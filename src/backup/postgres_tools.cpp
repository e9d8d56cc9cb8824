#include "backup/postgres_tools.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <utility>

#include "store/postgres_url.hpp"

extern char** environ;

namespace cercle::backup {
namespace {

using Keyword = std::pair<std::string, std::string>;

// Reads back the keyword='value' pairs that store::PostgresConnectString writes.
std::vector<Keyword> ParseConnectString(const std::string& text) {
  std::vector<Keyword> keywords;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && text[at] == ' ') ++at;
    const std::size_t equals = text.find('=', at);
    if (equals == std::string::npos) break;
    Keyword keyword{text.substr(at, equals - at), ""};
    at = equals + 1;
    if (at < text.size() && text[at] == '\'') {
      for (++at; at < text.size() && text[at] != '\''; ++at) {
        if (text[at] == '\\' && at + 1 < text.size()) ++at;
        keyword.second.push_back(text[at]);
      }
      ++at;
    } else {
      while (at < text.size() && text[at] != ' ') keyword.second.push_back(text[at++]);
    }
    keywords.push_back(std::move(keyword));
  }
  return keywords;
}

// The first line of `file` that reports an error, without what follows a DETAIL or a data line.
std::string FirstErrorLine(const std::string& file) {
  std::ifstream in(file);
  std::string first, line;
  while (std::getline(in, line)) {
    if (first.empty() && !line.empty()) first = line;
    if (line.find("error") != std::string::npos || line.find("ERROR") != std::string::npos ||
        line.find("FATAL") != std::string::npos) {
      first = line;
      break;
    }
  }
  constexpr std::size_t kMostCharacters = 300;
  if (first.size() > kMostCharacters) first.resize(kMostCharacters);
  return first;
}

}  // namespace

Result<ToolConnection> ToolConnectionOf(const std::string& url, bool system_scope) {
  const std::string connect_string = TRY(store::PostgresConnectString(url));
  ToolConnection connection;
  bool has_options = false;
  for (auto& [name, value] : ParseConnectString(connect_string)) {
    if (name == "password") {
      connection.environment["PGPASSWORD"] = value;
      continue;
    }
    if (name == "options" && system_scope) {
      value += " -c app.system=on";
      has_options = true;
    }
    if (!connection.conninfo.empty()) connection.conninfo += ' ';
    connection.conninfo += name + "=" + store::QuoteConnectValue(value);
  }
  if (system_scope && !has_options) {
    if (!connection.conninfo.empty()) connection.conninfo += ' ';
    connection.conninfo += "options=" + store::QuoteConnectValue("-c app.system=on");
  }
  // The password file, if any, is still read; a password prompt would hang a background backup.
  connection.environment["PGCONNECT_TIMEOUT"] = "10";
  return connection;
}

std::string WithDatabase(const std::string& url, const std::string& database) {
  // A dbname parameter overrides the path's database (store::PostgresConnectString reads the
  // parameters last).
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "dbname=" + database;
}

ToolOutcome RunTool(const std::string& program, const std::vector<std::string>& arguments,
                    const std::map<std::string, std::string>& environment,
                    const std::string& output_file, const std::string& error_file) {
  std::vector<std::string> words{program};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);

  std::vector<std::string> variables;
  for (char** entry = environ; *entry; ++entry) {
    const std::string variable = *entry;
    const std::string name = variable.substr(0, variable.find('='));
    if (!environment.count(name) && name != "PGPASSWORD") variables.push_back(variable);
  }
  for (const auto& [name, value] : environment) variables.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& variable : variables) envp.push_back(variable.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO,
                                   output_file.empty() ? "/dev/null" : output_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, error_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t child = 0;
  const int spawned =
      posix_spawnp(&child, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  for (auto& variable : variables) std::fill(variable.begin(), variable.end(), '\0');
  ToolOutcome outcome;
  if (spawned != 0) {
    outcome.status = 127;
    outcome.error_line = program + " is not installed (the PostgreSQL client tools are needed)";
    return outcome;
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  outcome.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  if (outcome.status != 0) outcome.error_line = FirstErrorLine(error_file);
  ::unlink(error_file.c_str());
  return outcome;
}

}  // namespace cercle::backup
