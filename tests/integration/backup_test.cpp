// Backups, restores and restore drills (src/backup/), on SQLite and PostgreSQL: a round trip keeps
// every row of every table and every document's bytes; a backup taken while writers run restores
// to a consistent state; a truncated, altered or wrong-key archive is named and leaves the target
// untouched; a restore refuses a target with data unless told to replace it, and then backs it up
// first; and the `cercle` commands do all this from the command line, `migrate` included.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <thread>
#include <vector>

#include "app/intake/documents.hpp"
#include "audit/audit_log.hpp"
#include "backup/archive.hpp"
#include "backup/backup.hpp"
#include "backup/database_facts.hpp"
#include "backup/restore.hpp"
#include "store/migrator.hpp"
#include "support/auth_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// Every row of every table of the database at `url`, as text, sorted, by table.
std::map<std::string, std::vector<std::string>> TableRows(const std::string& url) {
  const auto target = store::ParseUrl(url);
  if (!target) throw std::runtime_error("bad url");
  auto session = store::OpenSession(url);
  if (!session) throw std::runtime_error("cannot open " + url);
  const auto dialect = target->dialect;
  backup::SeeEveryOrganisation(**session, dialect);
  std::map<std::string, std::vector<std::string>> rows;
  for (const auto& table : backup::ListTables(**session, dialect)) {
    std::string query;
    if (dialect == store::Dialect::kPostgres) {
      query = "SELECT t::text FROM " + table + " t ORDER BY 1";
    } else {
      soci::rowset<std::string> columns = (**session).prepare
                                          << "SELECT name FROM pragma_table_info('" + table + "')";
      std::string row;
      for (const auto& column : columns) {
        if (!row.empty()) row += " || '|' || ";
        row += "quote(\"" + column + "\")";
      }
      query = "SELECT " + row + " FROM " + table + " ORDER BY 1";
    }
    soci::rowset<std::string> values = (**session).prepare << query;
    auto& list = rows[table];
    for (const auto& value : values) list.push_back(value);
  }
  return rows;
}

// An empty database and documents folder to restore into, removed with the object.
class EmptyTarget {
 public:
  explicit EmptyTarget(Backend backend) : backend_(backend), folder_(MakeTemporaryFolder()) {
    static std::atomic<int> counter = 0;
    if (backend == Backend::kSqlite) {
      url_ = "sqlite:" + folder_ + "/restored/cercle.db";
    } else {
      name_ = "cercle_restore_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
      RunAsSuperuser(PostgresServer::FromEnvironment(),
                     "CREATE DATABASE " + name_ + " OWNER cercle_owner");
      url_ = PostgresUrl("cercle_owner", name_);
    }
  }
  ~EmptyTarget() {
    std::filesystem::remove_all(folder_);
    if (!name_.empty()) {
      try {
        RunAsSuperuser(PostgresServer::FromEnvironment(),
                       "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
      } catch (const std::exception&) {
      }
    }
  }
  const std::string& url() const { return url_; }
  std::string documents() const { return folder_ + "/documents"; }
  const std::string& folder() const { return folder_; }
  backup::RestoreTarget target() const { return {url_, documents()}; }
  // True when nothing was restored: no table with data, no document folder.
  bool Untouched() const {
    const bool no_documents = !std::filesystem::exists(documents());
    if (backend_ == Backend::kSqlite) {
      const std::string file = url_.substr(7);
      return no_documents &&
             (!std::filesystem::exists(file) || std::filesystem::file_size(file) == 0);
    }
    auto session = store::OpenSession(url_);
    return no_documents && session &&
           backup::ListTables(**session, store::Dialect::kPostgres).empty();
  }

 private:
  Backend backend_;
  std::string folder_;
  std::string name_;
  std::string url_;
};

class Backup : public ::testing::TestWithParam<Backend> {
 protected:
  Backup() : folder_(MakeTemporaryFolder()) {}
  ~Backup() override { std::filesystem::remove_all(folder_); }

  const config::Secrets& secrets() { return server_.runtime().secrets(); }
  backup::Source Source() {
    return {server_.test_database().owner_url(), server_.runtime().config().storage.documents_dir};
  }
  std::string Archive(const std::string& name) { return folder_ + "/" + name; }

  // An organisation and its coordinator, made through the stores.
  TestOrganisation& Organisation() {
    if (!organisation_) {
      organisation_ = AuthFixture(server_).CreateOrganisationWithEveryRole("Cercle essai", "essai");
    }
    return *organisation_;
  }

  // Stores a document through the app layer; returns its record.
  app::intake::Document AddDocumentRecord(const std::string& bytes) {
    const auto stored = app::intake::StoreDocument(
        server_.app(), ActorOf(Organisation().coordinator), {"core_member", 1},
        {"Rapport", "rapport.pdf", "%PDF-1.4\n" + bytes + "\n%%EOF\n"});
    if (!stored) throw std::runtime_error("document refused: " + stored.error().message.id);
    return *stored;
  }
  // Stores a document through the app layer; returns its storage name.
  std::string AddDocument(const std::string& bytes) {
    return AddDocumentRecord(bytes).storage_name;
  }

  TestServer server_{{.backend = GetParam(), .listen = false}};
  std::string folder_;
  std::optional<TestOrganisation> organisation_;
};

TEST_P(Backup, RoundTripKeepsEveryRowOfEveryTableAndEveryDocumentsBytes) {
  ReportFixture(server_).LoadDemo();
  const std::string small = AddDocument("une page");
  // Several records of the archive: more than 64 KiB.
  const std::string large = AddDocument(std::string(200 * 1024, 'x'));
  // A deleted document's bytes are gone; its record stays.
  const auto discarded = AddDocumentRecord("retiré");
  const std::string removed = discarded.storage_name;
  app::intake::DiscardDocument(server_.app(), ActorOf(Organisation().coordinator), discarded);
  const auto& documents = server_.runtime().vault();

  const auto summary = backup::Create(Source(), secrets(), Archive("a.backup"), kTestStart);
  ASSERT_TRUE(summary) << summary.error().message.id;
  EXPECT_GT(summary->bytes, 200u * 1024);
  const auto& manifest = summary->manifest;
  EXPECT_EQ(manifest.dialect, GetParam() == Backend::kSqlite ? "sqlite" : "postgresql");
  EXPECT_EQ(manifest.cercle_version, CERCLE_VERSION);
  EXPECT_EQ(manifest.schema_version,
            store::EmbeddedMigrations(GetParam() == Backend::kSqlite ? store::Dialect::kSqlite
                                                                     : store::Dialect::kPostgres)
                .back()
                .version);
  EXPECT_EQ(manifest.created_at, kTestStart);
  EXPECT_TRUE(manifest.parts.count("documents/" + small));
  EXPECT_TRUE(manifest.parts.count("documents/" + large));
  EXPECT_FALSE(manifest.parts.count("documents/" + removed));
  const auto source_rows = TableRows(server_.test_database().owner_url());
  for (const auto& [table, rows] : source_rows) {
    EXPECT_EQ(manifest.row_counts.at(table), static_cast<long long>(rows.size())) << table;
  }
  EXPECT_GT(manifest.row_counts.at("audit_events"), 0);

  EmptyTarget target(GetParam());
  const auto restored =
      backup::Restore(summary->archive, secrets(), target.target(), backup::Replace::kNo,
                      target.folder() + "/backups", kTestStart);
  ASSERT_TRUE(restored) << restored.error().message.id;
  EXPECT_EQ(restored->replaced_backup, "");
  const auto restored_rows = TableRows(target.url());
  ASSERT_EQ(restored_rows.size(), source_rows.size());
  for (const auto& [table, rows] : source_rows) {
    EXPECT_EQ(restored_rows.at(table), rows) << "table " << table;
  }
  const std::string source_documents = Source().documents_dir;
  for (const auto& name : {small, large}) {
    EXPECT_EQ(ReadFile(target.documents() + "/" + name), ReadFile(source_documents + "/" + name));
    EXPECT_EQ(store::DocumentVault(target.documents(), secrets().file_key).Get(name),
              documents.Get(name));
  }
  EXPECT_FALSE(std::filesystem::exists(target.documents() + "/" + removed));

  // The drill on the same archive passes every check.
  const auto report =
      backup::Verify(summary->archive, secrets(), folder_ + "/scratch", DrillServerUrl(GetParam()));
  ASSERT_TRUE(report) << report.error().message.id;
  EXPECT_TRUE(report->ok);
  ASSERT_EQ(report->lines.size(), 5u);
  EXPECT_NE(report->lines[2].find("as in the manifest"), std::string::npos) << report->lines[2];
  EXPECT_NE(report->lines[3].find("Audit log: intact"), std::string::npos) << report->lines[3];
  EXPECT_NE(report->lines[4].find("all 2 decrypt"), std::string::npos) << report->lines[4];
  // Nothing is left of the drill.
  EXPECT_TRUE(std::filesystem::is_empty(folder_ + "/scratch"));
}

TEST_P(Backup, BackupTakenWhileWritersRunRestoresEveryAcknowledgedWrite) {
  const std::int64_t organisation = Organisation().id;
  constexpr int kWriters = 2;
  std::atomic<bool> stop = false;
  std::array<std::atomic<int>, kWriters> acknowledged{};
  std::vector<std::thread> writers;
  for (int writer = 0; writer < kWriters; ++writer) {
    writers.emplace_back([&, writer] {
      for (int n = 0; !stop.load(); ++n) {
        server_.runtime().audit().Record(server_.runtime().database(),
                                         {organisation, std::nullopt, "test.write", "writer",
                                          std::to_string(writer) + "-" + std::to_string(n), "",
                                          audit::Outcome::kSuccess, kTestStart});
        acknowledged[writer].store(n + 1);
      }
    });
  }
  // Writers are under way before the backup starts.
  while (acknowledged[0].load() < 5 || acknowledged[1].load() < 5) std::this_thread::yield();
  std::array<int, kWriters> before{};
  for (int writer = 0; writer < kWriters; ++writer) before[writer] = acknowledged[writer].load();
  const auto summary = backup::Create(Source(), secrets(), Archive("busy.backup"), kTestStart);
  stop = true;
  for (auto& thread : writers) thread.join();
  ASSERT_TRUE(summary) << summary.error().message.id;

  EmptyTarget target(GetParam());
  const auto restored =
      backup::Restore(summary->archive, secrets(), target.target(), backup::Replace::kNo,
                      target.folder() + "/backups", kTestStart);
  ASSERT_TRUE(restored) << restored.error().message.id;
  const auto rows = TableRows(target.url());
  std::set<std::string> written;
  auto database = store::Database::Open(target.url(), 1);
  ASSERT_TRUE(database);
  (*database)->Read(store::Scope::System(), [&](soci::session& session) {
    soci::rowset<std::string> ids =
        session.prepare << "SELECT object_id FROM audit_events WHERE action = 'test.write'";
    for (const auto& id : ids) written.insert(id);
  });
  for (int writer = 0; writer < kWriters; ++writer) {
    for (int n = 0; n < before[writer]; ++n) {
      EXPECT_TRUE(written.count(std::to_string(writer) + "-" + std::to_string(n)))
          << "acknowledged write " << writer << "-" << n << " is missing";
    }
  }
  EXPECT_EQ(static_cast<long long>(rows.at("audit_events").size()),
            summary->manifest.row_counts.at("audit_events"));
  const auto chains = audit::AuditLog(secrets().audit_key).Verify(**database);
  EXPECT_TRUE(chains.ok()) << chains.reason;
}

TEST_P(Backup, TruncatedAlteredAndWrongKeyArchivesAreNamedAndLeaveTheTargetUntouched) {
  // More than two records, whatever the database's size.
  AddDocument(std::string(150 * 1024, 'y'));
  const auto summary = backup::Create(Source(), secrets(), Archive("good.backup"), kTestStart);
  ASSERT_TRUE(summary) << summary.error().message.id;
  const std::string bytes = ReadFile(summary->archive);
  ASSERT_GT(bytes.size(), 2 * backup::kRecordBytes);

  WriteFile(Archive("cut.backup"), bytes.substr(0, bytes.size() / 2));
  // Cut exactly after a whole record: the FINAL one is missing.
  WriteFile(Archive("cut-at-record.backup"),
            bytes.substr(0, bytes.size() - (backup::kRecordBytes + 17)));
  std::string flipped = bytes;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x01);
  WriteFile(Archive("flipped.backup"), flipped);
  std::string flipped_last = bytes;
  flipped_last[flipped_last.size() - 3] ^= 0x40;
  WriteFile(Archive("flipped-last.backup"), flipped_last);
  WriteFile(Archive("longer.backup"), bytes + "x");
  config::Secrets other = secrets();
  other.file_key[0] ^= 0xff;

  const std::vector<std::tuple<std::string, const config::Secrets*, std::string>> cases = {
      {"cut.backup", &secrets(), backup::kTruncated},
      {"cut-at-record.backup", &secrets(), backup::kTruncated},
      {"flipped.backup", &secrets(), backup::kAltered},
      {"flipped-last.backup", &secrets(), backup::kAltered},
      {"longer.backup", &secrets(), backup::kAltered},
      {"good.backup", &other, backup::kWrongKey},
  };
  for (const auto& [name, keys, expected] : cases) {
    EmptyTarget target(GetParam());
    const auto restored = backup::Restore(Archive(name), *keys, target.target(),
                                          backup::Replace::kNo, target.folder(), kTestStart);
    ASSERT_FALSE(restored) << name;
    EXPECT_EQ(restored.error().message.id, expected) << name;
    EXPECT_TRUE(target.Untouched()) << name;
    const auto report =
        backup::Verify(Archive(name), *keys, folder_ + "/scratch", DrillServerUrl(GetParam()));
    ASSERT_FALSE(report) << name;
    EXPECT_EQ(report.error().message.id, expected) << name;
  }
  // The three are told apart in words a reader understands.
  EXPECT_NE(std::string(backup::kTruncated).find("truncated"), std::string::npos);
  EXPECT_NE(std::string(backup::kAltered).find("altered"), std::string::npos);
  EXPECT_NE(std::string(backup::kWrongKey).find("another key"), std::string::npos);
  // Not an archive at all.
  WriteFile(Archive("notes.txt"), "des notes, pas une sauvegarde");
  EXPECT_EQ(backup::Verify(Archive("notes.txt"), secrets(), folder_, DrillServerUrl(GetParam()))
                .error()
                .message.id,
            backup::kNotAnArchive);
}

TEST_P(Backup, RestoreRefusesATargetWithDataUnlessToldToReplaceItAndThenBacksItUpFirst) {
  const std::string kept = AddDocument("avant");
  const auto summary = backup::Create(Source(), secrets(), Archive("before.backup"), kTestStart);
  ASSERT_TRUE(summary) << summary.error().message.id;
  const auto archived_rows = TableRows(server_.test_database().owner_url());
  // Written after the backup: the restore takes it away, the backup of the replaced data keeps it.
  AuthFixture(server_).CreateOrganisation("Après la sauvegarde", "apres");
  const std::string later = AddDocument("après");
  const backup::RestoreTarget live{server_.test_database().owner_url(), Source().documents_dir};

  const auto refused = backup::Restore(summary->archive, secrets(), live, backup::Replace::kNo,
                                       folder_ + "/replaced", kTestStart);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_NE(refused.error().message.id.find("--replace"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(folder_ + "/replaced"));
  EXPECT_TRUE(std::filesystem::exists(live.documents_dir + "/" + later));

  const auto replaced = backup::Restore(summary->archive, secrets(), live, backup::Replace::kYes,
                                        folder_ + "/replaced", kTestStart);
  ASSERT_TRUE(replaced) << replaced.error().message.id;
  ASSERT_NE(replaced->replaced_backup, "");
  EXPECT_EQ(std::filesystem::path(replaced->replaced_backup).parent_path(),
            std::filesystem::path(folder_ + "/replaced"));
  EXPECT_EQ(TableRows(live.database_url), archived_rows);
  EXPECT_TRUE(std::filesystem::exists(live.documents_dir + "/" + kept));
  EXPECT_FALSE(std::filesystem::exists(live.documents_dir + "/" + later));

  // The backup of what was replaced holds the organisation and the document made after.
  EmptyTarget target(GetParam());
  const auto back = backup::Restore(replaced->replaced_backup, secrets(), target.target(),
                                    backup::Replace::kNo, target.folder(), kTestStart);
  ASSERT_TRUE(back) << back.error().message.id;
  EXPECT_EQ(back->manifest.row_counts.at("organisations"),
            summary->manifest.row_counts.at("organisations") + 1);
  EXPECT_TRUE(std::filesystem::exists(target.documents() + "/" + later));
}

// What a `cercle` command printed (standard output and errors) and its exit status.
struct CommandResult {
  int status = -1;
  std::string output;
};

CommandResult RunCercle(const std::string& config, const std::string& arguments) {
  const std::string command =
      std::string(CERCLE_BINARY) + " -c " + config + " " + arguments + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run cercle");
  CommandResult result;
  char buffer[4096];
  for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    result.output.append(buffer, read);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// The files of `folder` whose name contains `part`.
std::vector<std::string> FilesIn(const std::string& folder, const std::string& part) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.path().filename().string().find(part) != std::string::npos)
      files.push_back(entry.path().string());
  }
  return files;
}

// Applies every migration but the newest to the empty database at `url`, as an older Cercle
// would have, and stores one organisation: a database an upgrade finds with data.
void MigrateAllButTheNewest(const std::string& url) {
  const auto target = store::ParseUrl(url);
  auto session = store::OpenSession(url);
  if (!target || !session) throw std::runtime_error("cannot open " + url);
  store::Database::ExecuteScript(**session,
                                 "CREATE TABLE schema_migrations (version integer PRIMARY KEY, "
                                 "name text NOT NULL, applied_at bigint NOT NULL)");
  auto migrations = store::EmbeddedMigrations(target->dialect);
  migrations.pop_back();
  for (auto& migration : migrations) {
    store::Database::ExecuteScript(**session, "BEGIN");
    store::Database::ExecuteScript(**session, migration.sql);
    **session << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, 0)",
        soci::use(migration.version), soci::use(migration.name);
    store::Database::ExecuteScript(**session, "COMMIT");
  }
  backup::SeeEveryOrganisation(**session, target->dialect);
  store::Database::ExecuteScript(
      **session,
      "INSERT INTO organisations (name, slug, created_at) VALUES ('Ancienne', 'ancienne', 0)");
}

class BackupCommand : public Backup {
 protected:
  // A configuration file for the `cercle` binary: `url` (the test server's database by default),
  // the test server's key file and documents, the backups under this test's folder, and
  // `language`.
  std::string WriteConfig(const std::string& name, const std::string& language,
                          std::string url = "") {
    const auto& config = server_.runtime().config();
    if (url.empty()) url = server_.test_database().owner_url();
    std::string migrate_url;
    if (GetParam() == Backend::kPostgres && url == server_.test_database().owner_url()) {
      // The drill's scratch database needs a role that may create databases.
      const auto server = PostgresServer::FromEnvironment();
      const auto name = url.find("@/") + 2;
      migrate_url = PostgresUrl(server, server.superuser, url.substr(name, url.find('?') - name));
    }
    const std::string path = folder_ + "/" + name;
    std::ofstream out(path);
    out << "[database]\nurl = \"" << url << "\"\nmigrate_url = \"" << migrate_url << "\"\n"
        << "[secrets]\nkey_file = \"" << config.secrets.key_file << "\"\n"
        << "[storage]\ndocuments_dir = \"" << config.storage.documents_dir << "\"\n"
        << "[backup]\nfolder = \"" << folder_ << "/backups\"\n"
        << "[i18n]\ndefault_language = \"" << language << "\"\n"
        << "[log]\nlevel = \"warn\"\n";
    return path;
  }
};

TEST_P(BackupCommand, BacksUpVerifiesAndRestoresFromTheCommandLine) {
  AddDocument("une page");
  const std::string english = WriteConfig("en.toml", "en");

  const auto written = RunCercle(english, "backup");
  ASSERT_EQ(written.status, 0) << written.output;
  const auto archives = FilesIn(folder_ + "/backups", ".backup");
  ASSERT_EQ(archives.size(), 1u);
  EXPECT_NE(written.output.find("Backup written: " + archives.front()), std::string::npos)
      << written.output;
  EXPECT_NE(written.output.find("1 documents"), std::string::npos) << written.output;

  const auto verified = RunCercle(english, "restore --verify " + archives.front());
  EXPECT_EQ(verified.status, 0) << verified.output;
  EXPECT_NE(verified.output.find("Audit log: intact"), std::string::npos) << verified.output;
  EXPECT_NE(verified.output.find("Restore drill passed."), std::string::npos) << verified.output;

  const std::string bytes = ReadFile(archives.front());
  WriteFile(folder_ + "/cut.backup", bytes.substr(0, bytes.size() - 100));
  const auto cut = RunCercle(english, "restore --verify " + folder_ + "/cut.backup");
  EXPECT_EQ(cut.status, 1) << cut.output;
  EXPECT_NE(cut.output.find(backup::kTruncated), std::string::npos) << cut.output;
  // In French, the configured language by default.
  const auto french =
      RunCercle(WriteConfig("fr.toml", "fr"), "restore --verify " + folder_ + "/cut.backup");
  EXPECT_EQ(french.status, 1) << french.output;
  EXPECT_NE(french.output.find("tronquée"), std::string::npos) << french.output;

  EmptyTarget target(GetParam());
  const std::string into =
      archives.front() + " --into '" + target.url() + "' --documents " + target.documents();
  const auto restored = RunCercle(english, "restore " + into);
  EXPECT_EQ(restored.status, 0) << restored.output;
  EXPECT_EQ(TableRows(target.url()), TableRows(server_.test_database().owner_url()));
  const auto again = RunCercle(english, "restore " + into);
  EXPECT_EQ(again.status, 1) << again.output;
  EXPECT_NE(again.output.find("--replace"), std::string::npos) << again.output;
  const auto replaced = RunCercle(english, "restore " + into + " --replace");
  EXPECT_EQ(replaced.status, 0) << replaced.output;
  EXPECT_NE(replaced.output.find("backed up first: " + folder_ + "/backups/cercle-"),
            std::string::npos)
      << replaced.output;
  EXPECT_EQ(FilesIn(folder_ + "/backups", "before-restore").size(), 1u);
}

TEST_P(BackupCommand, MigrateBacksUpADatabaseWithDataBeforeApplyingMigrations) {
  EmptyTarget older(GetParam());
  MigrateAllButTheNewest(older.url());
  const std::string config = WriteConfig("older.toml", "en", older.url());
  const auto newest =
      store::EmbeddedMigrations(GetParam() == Backend::kSqlite ? store::Dialect::kSqlite
                                                               : store::Dialect::kPostgres)
          .back();

  const auto migrated = RunCercle(config, "migrate");
  ASSERT_EQ(migrated.status, 0) << migrated.output;
  const auto archives = FilesIn(folder_ + "/backups", "before-migrate");
  ASSERT_EQ(archives.size(), 1u) << migrated.output;
  EXPECT_NE(migrated.output.find("Backup before the migrations:"), std::string::npos);
  EXPECT_NE(migrated.output.find(archives.front()), std::string::npos) << migrated.output;
  EXPECT_NE(migrated.output.find("applied " + newest.name), std::string::npos) << migrated.output;
  // The backup holds the database as the older Cercle left it.
  const std::string scratch = folder_ + "/unpacked";
  std::filesystem::create_directories(scratch);
  const auto unpacked = backup::Unpack(archives.front(), secrets(), scratch);
  ASSERT_TRUE(unpacked) << unpacked.error().message.id;
  EXPECT_EQ(unpacked->manifest.schema_version, newest.version - 1);
  EXPECT_EQ(unpacked->manifest.row_counts.at("organisations"), 1);

  // Nothing pending: no backup.
  const auto current = RunCercle(config, "migrate");
  EXPECT_EQ(current.status, 0) << current.output;
  EXPECT_EQ(FilesIn(folder_ + "/backups", "before-migrate").size(), 1u) << current.output;

  // --no-backup: none either.
  EmptyTarget other(GetParam());
  MigrateAllButTheNewest(other.url());
  const auto unsaved =
      RunCercle(WriteConfig("other.toml", "en", other.url()), "migrate --no-backup");
  EXPECT_EQ(unsaved.status, 0) << unsaved.output;
  EXPECT_NE(unsaved.output.find("applied " + newest.name), std::string::npos) << unsaved.output;
  EXPECT_EQ(FilesIn(folder_ + "/backups", "before-migrate").size(), 1u);

  // A server that starts on it migrates too, and backs it up first.
  EmptyTarget started(GetParam());
  MigrateAllButTheNewest(started.url());
  config::Config server_config = server_.runtime().config();
  server_config.database.url = server_config.database.migrate_url = started.url();
  server_config.database.app_role = "";
  server_config.backup.folder = folder_ + "/backups";
  const auto runtime =
      cli::Runtime::Create(server_config, std::make_shared<ManualClock>(kTestStart));
  ASSERT_TRUE(runtime) << runtime.error().message.id;
  EXPECT_EQ(FilesIn(folder_ + "/backups", "before-migrate").size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, Backup, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, Backup, ::testing::Values(Backend::kPostgres));
INSTANTIATE_TEST_SUITE_P(Sqlite, BackupCommand, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, BackupCommand, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
