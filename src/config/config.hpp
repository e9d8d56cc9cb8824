#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "base/result.hpp"

namespace cercle::config {

// Every setting of a Cercle server. Each member's default is the one documented in
// cercle.example.toml.
struct Config {
  struct Server {
    std::string listen = "127.0.0.1";
    int port = 8080;
    int io_threads = 1;
    int workers = 4;
    // The address users reach, used in mail links and in the Origin check.
    std::string public_url = "http://127.0.0.1:8080";
    // True when a reverse proxy terminates TLS in front of Cercle: cookies get the __Host- prefix
    // and Secure, and responses carry HSTS.
    bool behind_tls_proxy = false;
    // Trust X-Forwarded-For from the proxy for the client address.
    bool trust_forwarded_for = false;
    // Seconds to finish requests in flight after SIGTERM or SIGINT.
    int shutdown_grace_seconds = 10;
    // "host:port" of a separate listener that serves /metrics alone (never the public socket);
    // empty serves metrics nowhere.
    std::string metrics_listen;
  } server;

  struct Limits {
    std::size_t max_body_bytes = 10 * 1024 * 1024;
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_url_bytes = 8 * 1024;
    int read_timeout_seconds = 20;
    int handler_timeout_seconds = 60;
  } limits;

  struct Database {
    std::string url = "sqlite:var/cercle.db";
    // Migrations run with this address when set (on PostgreSQL: the role that owns the tables).
    std::string migrate_url;
    // On PostgreSQL, the role the application connects as, granted rights by `cercle migrate`.
    std::string app_role;
    int pool_size = 8;

    // The address with the rights of the tables' owner: migrate_url when set, else url.
    const std::string& owner_url() const { return migrate_url.empty() ? url : migrate_url; }
  } database;

  struct Secrets {
    std::string key_file = "~/.config/cercle/cercle.key";
  } secrets;

  struct I18n {
    std::string default_language = "fr";
    std::string time_zone = "America/Montreal";
  } i18n;

  // The address on which restore drills make their scratch database: backup.drill_url, else the
  // tables' owner's.
  const std::string& drill_url() const {
    return backup.drill_url.empty() ? database.owner_url() : backup.drill_url;
  }

  struct Log {
    std::string level = "info";
    // "text" (for people) or "json" (one object per line, for log shippers).
    std::string format = "text";
  } log;

  struct Storage {
    // Where uploaded documents are kept, encrypted, outside any served folder.
    std::string documents_dir = "var/documents";
    // The largest document accepted, in bytes (at most limits.max_body_bytes).
    std::size_t max_document_bytes = 8 * 1024 * 1024;
  } storage;

  struct Backup {
    // Where `cercle backup` writes when not told --to, and where the backups taken before
    // migrations and before a restore that replaces data go.
    std::string folder = "var/backups";
    // Back the database up before migrations are applied to it, by `cercle migrate` (unless
    // --no-backup) and by the server's start.
    bool before_migrate = true;
    // On PostgreSQL, the server address (a role allowed to create databases) on which restore
    // drills make and drop their scratch database; empty: the owner's address.
    std::string drill_url;
    // The local time (HH:MM, i18n.time_zone) of the server's daily backup into `folder`, followed
    // by its restore drill; empty turns scheduled backups off, which the administrators' home page
    // then flags. A server that was down at that time takes the day's backup when it comes back.
    std::string time = "02:30";
    // How many scheduled archives to keep: the newest of each of the last days, then of the weeks
    // before, then of the months before.
    int keep_daily = 7;
    int keep_weekly = 4;
    int keep_monthly = 12;
  } backup;

  struct Mail {
    // The SMTP server: smtp://host:port (plain, loopback relays) or smtps://host:465; empty
    // disables sending (mail waits in the outbox).
    std::string smtp_url;
    std::string username;
    std::string password;
    // Require STARTTLS on smtp:// URLs.
    bool require_tls = false;
    std::string from = "Cercle <cercle@localhost>";
    // Delivery attempts before a mail is given up, and seconds between outbox passes.
    int max_attempts = 8;
    int poll_seconds = 5;
    // The longest one SMTP exchange may last; a mail a stopped sender held is retried after twice
    // this.
    int timeout_seconds = 60;
  } mail;

  struct Scheduler {
    // Seconds between the passes of the server's scheduler (escalation of unacknowledged concerns).
    int interval_seconds = 30;
    // Mails the reminders and the weekly digest (app/reminders), each person choosing theirs; false
    // turns them off for the whole server.
    bool reminders = true;
  } scheduler;

  struct Auth {
    // Idle limits in minutes (administrators get the shorter one) and the absolute session limit in
    // hours.
    int idle_minutes = 30;
    int admin_idle_minutes = 15;
    int absolute_hours = 12;
    // Failed sign-ins allowed per account per hour.
    int max_failures_per_hour = 100;
    // Password-reset requests accepted per hour for one e-mail address and from one client address;
    // requests above either limit get the same answer and send nothing.
    int resets_per_hour_per_email = 3;
    int resets_per_hour_per_client = 10;
  } auth;
};

// A listen address split into host and port.
struct ListenAddress {
  std::string host;
  int port = 0;
};

// Parses "host:port" ("[::1]:9464" for IPv6); an error when either part is missing or the port is
// not 1 to 65535.
Result<ListenAddress> ParseListenAddress(const std::string& text);

// Reads `path` (TOML; absent means defaults), then applies environment overrides: the variable
// CERCLE_SECTION_KEY (for example CERCLE_DATABASE_URL) replaces key `key` of section `section`.
Result<Config> Load(const std::optional<std::string>& path,
                    const std::map<std::string, std::string>& environment);

// The process environment as a map, for Load.
std::map<std::string, std::string> ProcessEnvironment();

// The minutes after midnight of a time of day written HH:MM (00:00 to 23:59); none otherwise.
std::optional<int> ParseTimeOfDay(const std::string& text);

// Expands a leading "~/" with $HOME.
std::string ExpandHome(const std::string& path);

}  // namespace cercle::config
