#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "config/config.hpp"
#include "config/secrets.hpp"
#include "support/test_database.hpp"

namespace cercle::config {
namespace {

class ConfigFiles : public ::testing::Test {
 protected:
  void SetUp() override { folder_ = testing::MakeTemporaryFolder(); }
  void TearDown() override { std::filesystem::remove_all(folder_); }
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = folder_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }
  std::string folder_;
};

TEST(Config, DefaultsServeSqliteInFrenchOnLoopback) {
  const auto config = Load(std::nullopt, {});
  ASSERT_TRUE(config);
  EXPECT_EQ(config->database.url, "sqlite:var/cercle.db");
  EXPECT_EQ(config->i18n.default_language, "fr");
  EXPECT_EQ(config->i18n.time_zone, "America/Montreal");
  EXPECT_EQ(config->server.listen, "127.0.0.1");
  EXPECT_EQ(config->server.port, 8080);
}

TEST_F(ConfigFiles, ReadsTheFileAndLetsTheEnvironmentOverrideIt) {
  const auto path = Write("cercle.toml",
                          "[server]\nport = 9000\nbehind_tls_proxy = true\n"
                          "[database]\nurl = \"sqlite:/tmp/x.db\"\n");
  const auto config = Load(path, {{"CERCLE_SERVER_PORT", "9100"}, {"UNRELATED", "1"}});
  ASSERT_TRUE(config);
  EXPECT_EQ(config->server.port, 9100);
  EXPECT_TRUE(config->server.behind_tls_proxy);
  EXPECT_EQ(config->database.url, "sqlite:/tmp/x.db");
}

TEST_F(ConfigFiles, RefusesUnknownKeysAndBadValuesByName) {
  const auto unknown = Load(Write("a.toml", "[server]\nprot = 1\n"), {});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message.arguments.at(0).value, "server.prot");
  const auto bad = Load(std::nullopt, {{"CERCLE_SERVER_PORT", "eighty"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message.arguments.at(0).value, "CERCLE_SERVER_PORT");
  EXPECT_FALSE(Load(std::nullopt, {{"CERCLE_DATABASE_URL", "mysql://x"}}));
  EXPECT_FALSE(Load(std::nullopt, {{"CERCLE_I18N_DEFAULT_LANGUAGE", "de"}}));
  EXPECT_FALSE(Load(Write("b.toml", "[server\n"), {}));
}

TEST_F(ConfigFiles, EveryKeyOfTheExampleFileIsAccepted) {
  const auto config = Load(std::string(CERCLE_SOURCE_DIR) + "/cercle.example.toml", {});
  ASSERT_TRUE(config) << config.error().message.id;
}

TEST(Config, ThePackagedConfigurationKeepsEverythingInTheStateDirectoryBehindAProxy) {
  const auto config = Load(std::string(CERCLE_SOURCE_DIR) + "/packaging/cercle.toml", {});
  ASSERT_TRUE(config) << config.error().message.id;
  EXPECT_EQ(config->database.url, "sqlite:/var/lib/cercle/cercle.db");
  EXPECT_EQ(config->storage.documents_dir, "/var/lib/cercle/documents");
  EXPECT_EQ(config->secrets.key_file, "/etc/cercle/private/cercle.key");
  EXPECT_EQ(config->server.listen, "127.0.0.1");
  EXPECT_TRUE(config->server.behind_tls_proxy);
}

TEST(Config, LogFormatIsTextByDefaultOrJson) {
  EXPECT_EQ(Load(std::nullopt, {})->log.format, "text");
  EXPECT_EQ(Load(std::nullopt, {{"CERCLE_LOG_FORMAT", "json"}})->log.format, "json");
  const auto refused = Load(std::nullopt, {{"CERCLE_LOG_FORMAT", "xml"}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message.id, "log.format must be \"text\" or \"json\".");
}

TEST(Config, MetricsListenIsHostAndPortOrNothing) {
  const auto config = Load(std::nullopt, {{"CERCLE_SERVER_METRICS_LISTEN", "127.0.0.1:9464"}});
  ASSERT_TRUE(config);
  const auto address = ParseListenAddress(config->server.metrics_listen);
  ASSERT_TRUE(address);
  EXPECT_EQ(address->host, "127.0.0.1");
  EXPECT_EQ(address->port, 9464);
  const auto ipv6 = ParseListenAddress("[::1]:9464");
  ASSERT_TRUE(ipv6);
  EXPECT_EQ(ipv6->host, "::1");
  EXPECT_TRUE(Load(std::nullopt, {})->server.metrics_listen.empty()) << "off by default";
  for (const char* bad : {"9464", "127.0.0.1", "127.0.0.1:", ":9464", "127.0.0.1:0",
                          "127.0.0.1:70000", "::1:9464", "localhost:http"}) {
    EXPECT_FALSE(Load(std::nullopt, {{"CERCLE_SERVER_METRICS_LISTEN", bad}})) << bad;
  }
}

TEST_F(ConfigFiles, KeyFileIsCreatedPrivateAndReadBack) {
  const std::string path = folder_ + "/keys/cercle.key";
  ASSERT_TRUE(CreateKeyFile(path));
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  const auto secrets = LoadSecrets(path);
  ASSERT_TRUE(secrets);
  EXPECT_NE(secrets->session_key, secrets->audit_key);
  EXPECT_FALSE(CreateKeyFile(path)) << "an existing key file must never be overwritten";
}

TEST_F(ConfigFiles, MissingOrExposedKeyFileStopsWithAClearMessage) {
  const auto missing = LoadSecrets(folder_ + "/none.key");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.id.find("does not exist"), std::string::npos);
  const std::string path = folder_ + "/open.key";
  ASSERT_TRUE(CreateKeyFile(path));
  ::chmod(path.c_str(), 0644);
  const auto exposed = LoadSecrets(path);
  ASSERT_FALSE(exposed);
  EXPECT_NE(exposed.error().message.id.find("readable by other users"), std::string::npos);
  const auto malformed = Write("bad.key", "session_key = \"00\"\n");
  ::chmod(malformed.c_str(), 0600);
  EXPECT_FALSE(LoadSecrets(malformed));
}

}  // namespace
}  // namespace cercle::config
