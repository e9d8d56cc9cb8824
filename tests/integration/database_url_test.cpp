// Every PostgreSQL URI form that libpq accepts connects, on a server of the test's own where the
// role needs its password over TCP: the README's form first
// (postgresql://user:password@host/dbname), then with a port, postgres://, query parameters,
// percent-encoding and a Unix socket folder. A wrong password does not connect, which shows the
// password really travels.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>

#include "store/database.hpp"
#include "support/throwaway_postgres.hpp"

namespace cercle::testing {
namespace {

// The role's password: it needs percent-encoding in a URI and quoting in a libpq string.
constexpr const char* kPassword = "mot d'passe@:/\\";
constexpr const char* kEncodedPassword = "mot%20d%27passe%40%3A%2F%5C";

// Who the server says is connected, and to which database, through a pool opened on `url`.
std::string WhoAmI(const std::string& url) {
  auto opened = store::Database::Open(url, 1);
  if (!opened) return "cannot open: " + opened.error().message.id;
  return (*opened)->Read(store::Scope::System(), [](soci::session& session) {
    std::string user, database;
    session << "SELECT current_user, current_database()", soci::into(user), soci::into(database);
    return user + "@" + database;
  });
}

// Sets an environment variable for the duration of one test.
class ScopedEnvironment {
 public:
  ScopedEnvironment(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnvironment() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

class DatabaseUrl : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    postgres_ = new ThrowawayPostgres();
    RunAsSuperuser(
        postgres_->server(),
        std::string("CREATE ROLE cercle_password LOGIN PASSWORD '") + "mot d''passe@:/\\" + "'");
    RunAsSuperuser(postgres_->server(), "CREATE DATABASE cercle OWNER cercle_password");
    postgres_->RequirePassword("cercle_password");
  }
  static void TearDownTestSuite() {
    delete postgres_;
    postgres_ = nullptr;
  }
  static const PostgresServer& server() { return postgres_->server(); }
  static std::string Credentials() { return std::string("cercle_password:") + kEncodedPassword; }
  static ThrowawayPostgres* postgres_;
};

ThrowawayPostgres* DatabaseUrl::postgres_ = nullptr;

TEST_F(DatabaseUrl, TheReadmeFormConnects) {
  // postgresql://user:password@host/dbname, exactly: no port, so libpq's PGPORT gives it.
  const ScopedEnvironment port("PGPORT", server().port);
  EXPECT_EQ(WhoAmI("postgresql://" + Credentials() + "@127.0.0.1/cercle"),
            "cercle_password@cercle");
}

TEST_F(DatabaseUrl, EveryOtherLibpqFormConnects) {
  const std::string host = "127.0.0.1:" + server().port;
  const std::string socket = server().host;
  std::string encoded_socket;
  for (const char c : socket) encoded_socket += c == '/' ? std::string("%2F") : std::string(1, c);
  for (const std::string& url : {
           "postgresql://" + Credentials() + "@" + host + "/cercle",
           "postgres://" + Credentials() + "@" + host + "/cercle",
           "postgresql://" + Credentials() + "@" + host + "/cercle?sslmode=disable",
           "postgresql://" + Credentials() + "@" + host +
               "/cercle?connect_timeout=3&application_name=cercle%20test",
           "postgresql://" + Credentials() + "@[127.0.0.1]:" + server().port + "/cercle",
           "postgresql://" + Credentials() + "@/cercle?host=127.0.0.1&port=" + server().port,
           "postgresql://cercle_password@/cercle?host=" + socket + "&port=" + server().port,
           "postgresql://cercle_password@" + encoded_socket + ":" + server().port + "/cercle",
           "postgresql:///cercle?user=cercle_password&password=" + std::string(kEncodedPassword) +
               "&host=127.0.0.1&port=" + server().port,
       }) {
    EXPECT_EQ(WhoAmI(url), "cercle_password@cercle") << url;
  }
}

TEST_F(DatabaseUrl, AWrongPasswordDoesNotConnect) {
  const auto opened = store::Database::Open(
      "postgresql://cercle_password:wrong@127.0.0.1:" + server().port + "/cercle", 1);
  EXPECT_FALSE(opened);
}

}  // namespace
}  // namespace cercle::testing
