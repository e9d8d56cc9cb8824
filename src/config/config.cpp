#include "config/config.hpp"

#include <toml++/toml.h>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <vector>

extern char** environ;

namespace cercle::config {
namespace {

// One configurable key: where it lives and how to set it from text.
struct Key {
  std::string section;
  std::string name;
  std::function<bool(Config&, const std::string&)> set;
};

bool ParseInt(const std::string& text, long long minimum, long long maximum, long long& out) {
  try {
    std::size_t used = 0;
    const long long value = std::stoll(text, &used);
    if (used != text.size() || value < minimum || value > maximum) return false;
    out = value;
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::function<bool(Config&, const std::string&)> Text(std::string* (*field)(Config&)) {
  return [field](Config& config, const std::string& text) {
    *field(config) = text;
    return true;
  };
}

template <class Integer>
std::function<bool(Config&, const std::string&)> Number(Integer* (*field)(Config&),
                                                        long long minimum, long long maximum) {
  return [field, minimum, maximum](Config& config, const std::string& text) {
    long long value = 0;
    if (!ParseInt(text, minimum, maximum, value)) return false;
    *field(config) = static_cast<Integer>(value);
    return true;
  };
}

std::function<bool(Config&, const std::string&)> Flag(bool* (*field)(Config&)) {
  return [field](Config& config, const std::string& text) {
    if (text == "true" || text == "1") {
      *field(config) = true;
    } else if (text == "false" || text == "0") {
      *field(config) = false;
    } else {
      return false;
    }
    return true;
  };
}

// A local time of day written HH:MM, or nothing.
std::function<bool(Config&, const std::string&)> TimeOfDay(std::string* (*field)(Config&)) {
  return [field](Config& config, const std::string& text) {
    if (!text.empty() && !ParseTimeOfDay(text)) return false;
    *field(config) = text;
    return true;
  };
}

const std::vector<Key>& Keys() {
  static const std::vector<Key> keys = {
      {"server", "listen", Text([](Config& c) { return &c.server.listen; })},
      {"server", "port", Number<int>([](Config& c) { return &c.server.port; }, 0, 65535)},
      {"server", "io_threads", Number<int>([](Config& c) { return &c.server.io_threads; }, 1, 64)},
      {"server", "workers", Number<int>([](Config& c) { return &c.server.workers; }, 1, 256)},
      {"server", "public_url", Text([](Config& c) { return &c.server.public_url; })},
      {"server", "behind_tls_proxy", Flag([](Config& c) { return &c.server.behind_tls_proxy; })},
      {"server", "trust_forwarded_for",
       Flag([](Config& c) { return &c.server.trust_forwarded_for; })},
      {"server", "shutdown_grace_seconds",
       Number<int>([](Config& c) { return &c.server.shutdown_grace_seconds; }, 0, 3600)},
      {"server", "metrics_listen", Text([](Config& c) { return &c.server.metrics_listen; })},
      {"limits", "max_body_bytes",
       Number<std::size_t>([](Config& c) { return &c.limits.max_body_bytes; }, 1024, 1LL << 32)},
      {"limits", "max_header_bytes",
       Number<std::size_t>([](Config& c) { return &c.limits.max_header_bytes; }, 1024, 1 << 20)},
      {"limits", "max_url_bytes",
       Number<std::size_t>([](Config& c) { return &c.limits.max_url_bytes; }, 256, 1 << 20)},
      {"limits", "read_timeout_seconds",
       Number<int>([](Config& c) { return &c.limits.read_timeout_seconds; }, 1, 3600)},
      {"limits", "handler_timeout_seconds",
       Number<int>([](Config& c) { return &c.limits.handler_timeout_seconds; }, 1, 3600)},
      {"database", "url", Text([](Config& c) { return &c.database.url; })},
      {"database", "migrate_url", Text([](Config& c) { return &c.database.migrate_url; })},
      {"database", "app_role", Text([](Config& c) { return &c.database.app_role; })},
      {"database", "pool_size",
       Number<int>([](Config& c) { return &c.database.pool_size; }, 1, 256)},
      {"secrets", "key_file", Text([](Config& c) { return &c.secrets.key_file; })},
      {"i18n", "default_language", Text([](Config& c) { return &c.i18n.default_language; })},
      {"i18n", "time_zone", Text([](Config& c) { return &c.i18n.time_zone; })},
      {"log", "level", Text([](Config& c) { return &c.log.level; })},
      {"log", "format", Text([](Config& c) { return &c.log.format; })},
      {"storage", "documents_dir", Text([](Config& c) { return &c.storage.documents_dir; })},
      {"storage", "max_document_bytes",
       Number<std::size_t>([](Config& c) { return &c.storage.max_document_bytes; }, 1024,
                           1LL << 32)},
      {"backup", "folder", Text([](Config& c) { return &c.backup.folder; })},
      {"backup", "before_migrate", Flag([](Config& c) { return &c.backup.before_migrate; })},
      {"backup", "drill_url", Text([](Config& c) { return &c.backup.drill_url; })},
      {"mail", "smtp_url", Text([](Config& c) { return &c.mail.smtp_url; })},
      {"mail", "username", Text([](Config& c) { return &c.mail.username; })},
      {"mail", "password", Text([](Config& c) { return &c.mail.password; })},
      {"mail", "require_tls", Flag([](Config& c) { return &c.mail.require_tls; })},
      {"mail", "from", Text([](Config& c) { return &c.mail.from; })},
      {"mail", "max_attempts", Number<int>([](Config& c) { return &c.mail.max_attempts; }, 1, 100)},
      {"mail", "poll_seconds",
       Number<int>([](Config& c) { return &c.mail.poll_seconds; }, 1, 3600)},
      {"mail", "timeout_seconds",
       Number<int>([](Config& c) { return &c.mail.timeout_seconds; }, 2, 600)},
      {"scheduler", "interval_seconds",
       Number<int>([](Config& c) { return &c.scheduler.interval_seconds; }, 1, 3600)},
      {"scheduler", "reminders", Flag([](Config& c) { return &c.scheduler.reminders; })},
      {"backup", "time", TimeOfDay([](Config& c) { return &c.backup.time; })},
      {"backup", "keep_daily", Number<int>([](Config& c) { return &c.backup.keep_daily; }, 1, 366)},
      {"backup", "keep_weekly",
       Number<int>([](Config& c) { return &c.backup.keep_weekly; }, 0, 520)},
      {"backup", "keep_monthly",
       Number<int>([](Config& c) { return &c.backup.keep_monthly; }, 0, 1200)},
      {"auth", "idle_minutes",
       Number<int>([](Config& c) { return &c.auth.idle_minutes; }, 1, 24 * 60)},
      {"auth", "admin_idle_minutes",
       Number<int>([](Config& c) { return &c.auth.admin_idle_minutes; }, 1, 24 * 60)},
      {"auth", "absolute_hours",
       Number<int>([](Config& c) { return &c.auth.absolute_hours; }, 1, 24 * 7)},
      {"auth", "max_failures_per_hour",
       Number<int>([](Config& c) { return &c.auth.max_failures_per_hour; }, 1, 100000)},
      {"auth", "resets_per_hour_per_email",
       Number<int>([](Config& c) { return &c.auth.resets_per_hour_per_email; }, 1, 1000)},
      {"auth", "resets_per_hour_per_client",
       Number<int>([](Config& c) { return &c.auth.resets_per_hour_per_client; }, 1, 100000)},
  };
  return keys;
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// The text form of a TOML value, so that file and environment share one parser per key.
std::optional<std::string> AsText(const toml::node& node) {
  if (const auto* text = node.as_string()) return text->get();
  if (const auto* integer = node.as_integer()) return std::to_string(integer->get());
  if (const auto* flag = node.as_boolean()) return flag->get() ? "true" : "false";
  return std::nullopt;
}

Status Validate(const Config& config) {
  if (config.storage.max_document_bytes > config.limits.max_body_bytes) {
    return Error::Invalid(N_("storage.max_document_bytes cannot exceed limits.max_body_bytes."));
  }
  if (config.i18n.default_language != "fr" && config.i18n.default_language != "en") {
    return Error::Invalid(N_("i18n.default_language must be \"fr\" or \"en\"."));
  }
  if (!config.database.url.starts_with("sqlite:") &&
      !config.database.url.starts_with("postgresql://") &&
      !config.database.url.starts_with("postgres://")) {
    return Error::Invalid(N_("database.url must start with \"sqlite:\" or \"postgresql://\"."));
  }
  if (config.log.format != "text" && config.log.format != "json") {
    return Error::Invalid(N_("log.format must be \"text\" or \"json\"."));
  }
  if (!config.server.metrics_listen.empty()) TRY(ParseListenAddress(config.server.metrics_listen));
  return {};
}

}  // namespace

Result<ListenAddress> ParseListenAddress(const std::string& text) {
  const auto invalid = [&] {
    return Error::Invalid(N_("server.metrics_listen must be host:port, such as 127.0.0.1:9464."));
  };
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return invalid();
  std::string host = text.substr(0, colon);
  if (host.starts_with('[')) {
    if (!host.ends_with(']') || host.size() < 3) return invalid();
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string::npos) {
    return invalid();
  }
  long long port = 0;
  if (!ParseInt(text.substr(colon + 1), 1, 65535, port)) return invalid();
  return ListenAddress{std::move(host), static_cast<int>(port)};
}

Result<Config> Load(const std::optional<std::string>& path,
                    const std::map<std::string, std::string>& environment) {
  Config config;
  if (path) {
    toml::table table;
    try {
      table = toml::parse_file(*path);
    } catch (const toml::parse_error& error) {
      return Error::Invalid(N_("Cannot read the configuration file {path}: {reason}"),
                            {{"path", *path}, {"reason", std::string(error.description())}});
    }
    for (const auto& [section_name, section] : table) {
      const auto* section_table = section.as_table();
      if (!section_table) {
        return Error::Invalid(N_("Unknown configuration key {key}."),
                              {{"key", std::string(section_name.str())}});
      }
      for (const auto& [key_name, value] : *section_table) {
        const std::string full =
            std::string(section_name.str()) + "." + std::string(key_name.str());
        const Key* key = nullptr;
        for (const auto& candidate : Keys()) {
          if (candidate.section == section_name.str() && candidate.name == key_name.str())
            key = &candidate;
        }
        const auto text = AsText(value);
        if (!key) return Error::Invalid(N_("Unknown configuration key {key}."), {{"key", full}});
        if (!text || !key->set(config, *text)) {
          return Error::Invalid(N_("Invalid value for configuration key {key}."), {{"key", full}});
        }
      }
    }
  }
  for (const auto& key : Keys()) {
    const std::string variable = "CERCLE_" + Upper(key.section) + "_" + Upper(key.name);
    const auto found = environment.find(variable);
    if (found == environment.end()) continue;
    if (!key.set(config, found->second)) {
      return Error::Invalid(N_("Invalid value for configuration key {key}."), {{"key", variable}});
    }
  }
  TRY(Validate(config));
  return config;
}

std::map<std::string, std::string> ProcessEnvironment() {
  std::map<std::string, std::string> environment;
  for (char** entry = environ; *entry; ++entry) {
    const std::string text = *entry;
    const auto equals = text.find('=');
    if (equals != std::string::npos) environment[text.substr(0, equals)] = text.substr(equals + 1);
  }
  return environment;
}

std::optional<int> ParseTimeOfDay(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  long long hours = 0;
  long long minutes = 0;
  if (!ParseInt(text.substr(0, 2), 0, 23, hours) || !ParseInt(text.substr(3), 0, 59, minutes)) {
    return std::nullopt;
  }
  return static_cast<int>(hours * 60 + minutes);
}

std::string ExpandHome(const std::string& path) {
  if (!path.starts_with("~/")) return path;
  const char* home = std::getenv("HOME");
  return std::string(home ? home : "") + path.substr(1);
}

}  // namespace cercle::config
