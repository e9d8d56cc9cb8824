// A server refuses a schema newer than the migrations it carries, and says which Cercle it needs;
// each migration records the Cercle version that applied it. On SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <array>
#include <cstdio>

#include <filesystem>

#include "cli/runtime.hpp"
#include "config/secrets.hpp"
#include "i18n/translator.hpp"
#include "store/migrator.hpp"
#include "support/test_database.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

class SchemaVersion : public ::testing::TestWithParam<Backend> {
 protected:
  SchemaVersion() : folder_(MakeTemporaryFolder()) {
    config_.database.url = database_.url();
    config_.database.migrate_url = database_.owner_url();
    config_.database.app_role = database_.app_role();
    config_.database.pool_size = 2;
    config_.secrets.key_file = folder_ + "/cercle.key";
    config_.storage.documents_dir = folder_ + "/documents";
    if (!config::CreateKeyFile(config_.secrets.key_file))
      throw std::runtime_error("cannot create the key file");
  }
  ~SchemaVersion() override { std::filesystem::remove_all(folder_); }

  store::Dialect dialect() const {
    return GetParam() == Backend::kSqlite ? store::Dialect::kSqlite : store::Dialect::kPostgres;
  }
  long long Count(const std::string& query) {
    return database_.database().Read(store::Scope::System(), [&](soci::session& session) {
      long long count = 0;
      session << query, soci::into(count);
      return count;
    });
  }
  // What `error` says in `language`.
  static std::string Said(const Error& error, i18n::Language language) {
    return i18n::Translator("America/Montreal").Format(language, error.message);
  }

  TestDatabase database_{GetParam()};
  std::string folder_;
  config::Config config_;
};

constexpr const char* kFutureMigration =
    "INSERT INTO schema_migrations (version, name, applied_at, cercle_version) "
    "VALUES (9999, '9999_future_change', 0, '9.9.0')";

TEST_P(SchemaVersion, EveryMigrationRecordsTheCercleVersionThatAppliedIt) {
  const auto migrations = store::EmbeddedMigrations(dialect());
  EXPECT_EQ(Count(std::string("SELECT count(*) FROM schema_migrations WHERE cercle_version = '") +
                  CERCLE_VERSION + "'"),
            static_cast<long long>(migrations.size()));
}

TEST_P(SchemaVersion, ANewerSchemaStopsTheServerWithTheVersionItNeedsAndChangesNothing) {
  database_.ExecuteAsOwner(kFutureMigration);
  const long long before = Count("SELECT count(*) FROM schema_migrations");
  const auto runtime = cli::Runtime::Create(config_, std::make_shared<ManualClock>(kTestStart));
  ASSERT_FALSE(runtime);
  const std::string known = std::to_string(store::EmbeddedMigrations(dialect()).back().version);
  const std::string english = Said(runtime.error(), i18n::Language::kEnglish);
  EXPECT_NE(english.find("schema is version 9999, newer than this Cercle knows (" + known + ")"),
            std::string::npos)
      << english;
  EXPECT_NE(english.find("install Cercle 9.9.0"), std::string::npos) << english;
  EXPECT_NE(english.find("restore the backup taken before the upgrade"), std::string::npos);
  const std::string french = Said(runtime.error(), i18n::Language::kFrench);
  EXPECT_NE(french.find("9999"), std::string::npos) << french;
  EXPECT_NE(french.find("Cercle 9.9.0"), std::string::npos) << french;
  EXPECT_EQ(french.find("newer than"), std::string::npos) << "translated: " << french;
  EXPECT_EQ(Count("SELECT count(*) FROM schema_migrations"), before);
}

TEST_P(SchemaVersion, ADatabaseMigratedBeforeVersionsWereRecordedIsWidenedAndStillChecked) {
  database_.ExecuteAsOwner("ALTER TABLE schema_migrations DROP COLUMN cercle_version");
  const auto again =
      store::Migrate(database_.owner_url(), database_.app_role(), testing::kTestStart);
  ASSERT_TRUE(again) << again.error().message.id;
  EXPECT_TRUE(again->empty());
  EXPECT_EQ(Count("SELECT count(*) FROM schema_migrations WHERE cercle_version IS NULL"),
            static_cast<long long>(store::EmbeddedMigrations(dialect()).size()));
  database_.ExecuteAsOwner(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9998, '9998_x', 0)");
  const auto refused =
      store::Migrate(database_.owner_url(), database_.app_role(), testing::kTestStart);
  ASSERT_FALSE(refused);
  const std::string english = Said(refused.error(), i18n::Language::kEnglish);
  EXPECT_NE(english.find("version 9998"), std::string::npos) << english;
  EXPECT_NE(english.find("install the Cercle version that upgraded it"), std::string::npos)
      << english;
}

// The real `cercle serve`, configured through the environment as a packaged server would be:
// it exits 1 with the message in French (the default language) instead of serving.
TEST_P(SchemaVersion, CercleServeRefusesANewerSchemaAndSaysSo) {
  database_.ExecuteAsOwner(kFutureMigration);
  const std::string command =
      "cd '" + folder_ + "' && CERCLE_DATABASE_URL='" + config_.database.url +
      "' CERCLE_DATABASE_MIGRATE_URL='" + config_.database.migrate_url +
      "' CERCLE_DATABASE_APP_ROLE='" + config_.database.app_role + "' CERCLE_SECRETS_KEY_FILE='" +
      config_.secrets.key_file + "' CERCLE_STORAGE_DOCUMENTS_DIR='" +
      config_.storage.documents_dir + "' CERCLE_SERVER_PORT=" + std::to_string(FreePort()) +
      " timeout 60 '" + CERCLE_BINARY + "' serve 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  std::array<char, 4096> buffer{};
  for (std::size_t read; (read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
    output.append(buffer.data(), read);
  const int status = ::pclose(pipe);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1) << output;
  EXPECT_NE(output.find("cercle: "), std::string::npos) << output;
  EXPECT_NE(output.find("9999"), std::string::npos) << output;
  EXPECT_NE(output.find("Cercle 9.9.0"), std::string::npos) << output;
  EXPECT_EQ(output.find("serving on"), std::string::npos) << output;
}

INSTANTIATE_TEST_SUITE_P(Sqlite, SchemaVersion, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, SchemaVersion, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
