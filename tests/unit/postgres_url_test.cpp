// The PostgreSQL URI forms libpq accepts become the keyword/value string SOCI hands to libpq.
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/postgres_url.hpp"

namespace cercle::store {
namespace {

std::string Converted(const std::string& uri) {
  const auto converted = PostgresConnectString(uri);
  EXPECT_TRUE(converted) << uri;
  return converted ? *converted : "";
}

TEST(PostgresUrl, ReadsTheReadmeFormWithUserPasswordHostAndDatabase) {
  EXPECT_EQ(Converted("postgresql://cercle_app:secret@db.internal/cercle"),
            "user='cercle_app' password='secret' host='db.internal' dbname='cercle'");
}

TEST(PostgresUrl, ReadsEveryPartOptional) {
  EXPECT_EQ(Converted("postgresql://"), "");
  EXPECT_EQ(Converted("postgresql://localhost"), "host='localhost'");
  EXPECT_EQ(Converted("postgresql://localhost:5433"), "host='localhost' port='5433'");
  EXPECT_EQ(Converted("postgresql://localhost/cercle"), "host='localhost' dbname='cercle'");
  EXPECT_EQ(Converted("postgresql://cercle_app@localhost"), "user='cercle_app' host='localhost'");
  EXPECT_EQ(Converted("postgresql:///cercle"), "dbname='cercle'");
  EXPECT_EQ(Converted("postgres://u@h:6543/d"), "user='u' host='h' port='6543' dbname='d'");
}

TEST(PostgresUrl, PassesQueryParametersAsKeywords) {
  EXPECT_EQ(Converted("postgresql://u:p@h/d?sslmode=verify-full&connect_timeout=3"),
            "user='u' password='p' host='h' dbname='d' sslmode='verify-full' connect_timeout='3'");
  EXPECT_EQ(Converted("postgresql://u@/d?host=/run/postgresql&port=5433"),
            "user='u' dbname='d' host='/run/postgresql' port='5433'");
  EXPECT_EQ(Converted("postgresql://h/d?ssl=true"), "host='h' dbname='d' sslmode='require'");
  EXPECT_EQ(Converted("postgresql://h/d?application_name=cercle%20web"),
            "host='h' dbname='d' application_name='cercle web'");
}

TEST(PostgresUrl, DecodesPercentEncodingAndQuotesForLibpq) {
  EXPECT_EQ(Converted("postgresql://u%40x:p%3Aw%27d%5C@h/my%20db"),
            "user='u@x' password='p:w\\'d\\\\' host='h' dbname='my db'");
  EXPECT_EQ(Converted("postgresql://%2Fvar%2Frun%2Fpostgresql/cercle"),
            "host='/var/run/postgresql' dbname='cercle'");
}

TEST(PostgresUrl, ReadsIpv6AndSeveralHosts) {
  EXPECT_EQ(Converted("postgresql://[::1]:5433/d"), "host='::1' port='5433' dbname='d'");
  EXPECT_EQ(Converted("postgresql://[2001:db8::1]/d"), "host='2001:db8::1' dbname='d'");
  EXPECT_EQ(Converted("postgresql://a:5432,b:5433/d?target_session_attrs=read-write"),
            "host='a,b' port='5432,5433' dbname='d' target_session_attrs='read-write'");
}

TEST(PostgresUrl, RefusesMalformedAddresses) {
  for (const std::string uri :
       {"mysql://h/d", "postgresql://h:54x2/d", "postgresql://[::1/d", "postgresql://h/d?sslmode",
        "postgresql://h/%4", "postgresql://h/d%00x", "postgresql://h/d?Bad-Key=1",
        "postgresql://h/d?ssl=maybe"}) {
    EXPECT_FALSE(PostgresConnectString(uri)) << uri;
  }
}

TEST(PostgresUrl, DatabaseUrlsBecomeKeywordStringsWithAConnectTimeout) {
  const auto target = ParseUrl("postgresql://cercle_app:secret@db.internal/cercle");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->backend, "postgresql");
  EXPECT_EQ(target->connect_string,
            "user='cercle_app' password='secret' host='db.internal' dbname='cercle' "
            "connect_timeout='5'");
  const auto given = ParseUrl("postgresql://h/d?connect_timeout=30&application_name=a%20b");
  ASSERT_TRUE(given);
  EXPECT_EQ(given->connect_string,
            "host='h' dbname='d' application_name='a b' connect_timeout='30'");
}

}  // namespace
}  // namespace cercle::store
