// The door (web/input_check.hpp) over a real socket, on SQLite and on PostgreSQL: every POST route
// of the route table, sent invalid UTF-8, NUL and overlong forms in its fields, field names,
// multipart parts, file names, query and path by a signed-in coordinator and volunteer, answers 400
// in French, writes nothing but the audited refusal, and never answers 5xx; repeated values in a
// form never cause a 5xx either.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"
#include "web/routes.hpp"

namespace cercle::testing {
namespace {

constexpr const char* kRefused = "request.refused";
constexpr const char* kBoundary = "CercleDoorTest";

// One hostile request to a route.
struct Hostile {
  std::string description;
  std::string query;  // appended to the path, with its '?'
  std::string body;   // after "csrf=TOKEN&" for URL-encoded bodies
  bool multipart = false;
  bool bad_path = false;  // the route's path parameter is replaced by an overlong '/'
};

std::vector<Hostile> HostileRequests() {
  const auto part = [](const std::string& disposition, const std::string& content) {
    return "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; " + disposition +
           "\r\n\r\n" + content + "\r\n";
  };
  return {
      {"a lone continuation byte", "", "title=a%80b&name=x", false, false},
      {"an overlong '/'", "", "title=%C0%AF", false, false},
      {"a surrogate", "", "note=%ED%A0%80", false, false},
      {"a code point over U+10FFFF", "", "note=%F4%90%80%80", false, false},
      {"a truncated sequence", "", "note=%E2%82", false, false},
      {"a NUL inside a value", "", "display_name=Jean%00Roy&email=jean%40exemple.org", false,
       false},
      {"a NUL as the whole value", "", "id=%00", false, false},
      {"invalid UTF-8 in a field name", "", "n%FFme=1", false, false},
      {"a NUL in a multipart value", "", part("name=\"title\"", std::string("a\0b", 3)), true,
       false},
      {"invalid UTF-8 in a multipart file name", "",
       part("name=\"file\"; filename=\"rapport\xC0\xAF.pdf\"", "%PDF-1.4"), true, false},
      {"invalid UTF-8 in the query", "?q=%FF", "title=ok", false, false},
      {"an overlong form in the path", "", "title=ok", false, true},
  };
}

// The route's path with every parameter filled with `value`.
std::string FillPath(const std::string& pattern, const std::string& value) {
  std::string path;
  std::size_t at = 0;
  while (at < pattern.size()) {
    const auto open = pattern.find('{', at);
    if (open == std::string::npos) {
      path += pattern.substr(at);
      break;
    }
    path += pattern.substr(at, open - at) + value;
    at = pattern.find('}', open) + 1;
  }
  return path;
}

class DoorCheck : public ::testing::TestWithParam<Backend> {
 protected:
  DoorCheck() {
    organisation_ = fixture_.CreateOrganisationWithEveryRole("Cercles Porte (essai)", "porte");
  }

  // The row count of every table of the database, by table.
  std::map<std::string, long long> RowCounts() {
    const char* tables_query =
        GetParam() == Backend::kSqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
              "'sqlite_%' ORDER BY name"
            : "SELECT tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', "
              "'information_schema') ORDER BY tablename";
    std::vector<std::string> tables;
    server_.runtime().database().Read(store::Scope::System(), [&](soci::session& sql) {
      const soci::rowset<std::string> rows = (sql.prepare << tables_query);
      for (const auto& row : rows) tables.push_back(row);
      return 0;
    });
    std::map<std::string, long long> counts;
    for (const auto& table : tables) counts[table] = fixture_.CountRows(table);
    return counts;
  }

  // How many refusals the audit log holds for `user_id` in the test organisation.
  long long RefusalsBy(std::int64_t user_id) {
    return server_.runtime().database().Read(store::Scope::System(), [&](soci::session& sql) {
      long long count = 0;
      const std::string action = kRefused;
      sql << "SELECT count(*) FROM audit_events WHERE organisation_id = :organisation AND action = "
             ":action"
             " AND actor_user_id = :actor AND outcome = 'denied'",
          soci::use(organisation_.id, "organisation"), soci::use(action, "action"),
          soci::use(user_id, "actor"), soci::into(count);
      return count;
    });
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture fixture_{server_};
  TestOrganisation organisation_;
};

TEST_P(DoorCheck, RefusesHostileBytesOnEveryPostRouteWritesNothingAndAuditsTheRefusal) {
  const auto hostile = HostileRequests();
  for (const TestUser* user : {&organisation_.coordinator, &organisation_.volunteer}) {
    SCOPED_TRACE(user->email);
    auto client = fixture_.SignedInClient(*user);
    const std::string token = client->CsrfToken("/");
    auto before = RowCounts();
    std::size_t refusals = 0;
    for (const auto& route : web::AllRoutes()) {
      if (route.method != web::Method::kPost) continue;
      const bool has_parameter = route.pattern.find('{') != std::string::npos;
      // The parameter names an existing record: the user's own account id.
      const std::string path = FillPath(route.pattern, std::to_string(user->id));
      for (const auto& request : hostile) {
        if (request.bad_path && !has_parameter) continue;
        SCOPED_TRACE(route.pattern + ": " + request.description);
        const std::string target =
            (request.bad_path ? FillPath(route.pattern, "%C0%AF") : path) + request.query;
        const auto answer =
            request.multipart
                ? client->Post(target,
                               "--" + std::string(kBoundary) +
                                   "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" +
                                   token + "\r\n" + request.body + "--" + kBoundary + "--\r\n",
                               {}, "multipart/form-data; boundary=" + std::string(kBoundary))
                : client->Post(target, "csrf=" + token + "&" + request.body);
        ++refusals;
        ASSERT_EQ(answer.status, 400);
        EXPECT_NE(answer.body.find("été enregistré"), std::string::npos);
      }
    }
    auto after = RowCounts();
    // Only the refusals were written: one audit entry each, by this user, and nothing anywhere
    // else.
    EXPECT_EQ(after["audit_events"], before["audit_events"] + static_cast<long long>(refusals));
    after["audit_events"] = before["audit_events"];
    EXPECT_EQ(after, before);
    EXPECT_EQ(RefusalsBy(user->id), static_cast<long long>(refusals));
  }
}

TEST_P(DoorCheck, RefusesHostileBytesSignedOutWithoutAudit) {
  HttpClient client(server_.base_url());
  const std::string token = client.CsrfToken("/login");
  const auto before = RowCounts();
  for (const std::string body :
       {"email=a%C0%40exemple.org&password=x", "email=a%00%40exemple.org&password=x"}) {
    const auto answer = client.Post("/login", "csrf=" + token + "&" + body);
    EXPECT_EQ(answer.status, 400) << body;
  }
  const auto refused_path = client.Get("/%C0%AF");
  EXPECT_EQ(refused_path.status, 400);
  EXPECT_EQ(refused_path.body.find("\xC0\xAF"), std::string::npos)
      << "the refused bytes are echoed";
  EXPECT_EQ(client.Get("/login?next=%FF").status, 400);
  EXPECT_EQ(RowCounts(), before);
}

TEST_P(DoorCheck, RepeatedValuesInAFormNeverFail) {
  // Every multi-value field of Cercle's forms, each value twice, and a field sent twice with
  // different values, to every POST route: the handlers see each value once, and nothing answers
  // 5xx.
  const std::string id = std::to_string(organisation_.volunteer.id);
  const std::string repeated =
      "present=" + id + "&present=" + id + "&attended=" + id + "&attended=" + id + "&met=" + id +
      "&met=" + id + "&roles=volunteer&roles=volunteer" +
      "&profiles=general&profiles=general&availability=mon-am&availability=mon-am" +
      "&title=un&title=deux&lang=fr&lang=en";
  for (const TestUser* user : {&organisation_.coordinator, &organisation_.volunteer}) {
    for (const auto& route : web::AllRoutes()) {
      if (route.method != web::Method::kPost) continue;
      SCOPED_TRACE(user->email + " " + route.pattern);
      // A fresh session for each route: signing out, or ending a session, must not spoil the next.
      auto client = fixture_.SignedInClient(*user);
      const std::string token = client->CsrfToken("/");
      const auto answer = client->Post(FillPath(route.pattern, std::to_string(user->id)),
                                       "csrf=" + token + "&" + repeated);
      EXPECT_LT(answer.status, 500);
    }
  }
}

TEST_P(DoorCheck, AnIdTickedTwiceInAnAttendanceListIsRecordedOnce) {
  VolunteerFixture volunteers(server_);
  const auto volunteer = volunteers.CreateVolunteer(organisation_.id, "Lucie", "Fictive",
                                                    domain::VolunteerStage::kTraining);
  volunteers.Setup(organisation_.id);
  const auto session =
      volunteers.AddTrainingSession(organisation_.id, 0, volunteers.Today(), 180, {});
  auto client = fixture_.SignedInClient(organisation_.coordinator);
  const std::string id = std::to_string(volunteer);
  const std::string path = "/volunteers/training/" + std::to_string(session);
  // "0…" names the same record as the canonical id; it is refused rather than counted twice.
  const auto padded =
      client->PostForm(path, {{"attended", id}, {"attended", "0" + id}, {"time-" + id, "2"}}, path);
  EXPECT_EQ(padded.status, 422);
  EXPECT_EQ(fixture_.CountRows("training_attendance"), 0);
  const auto saved =
      client->PostForm(path, {{"attended", id}, {"attended", id}, {"time-" + id, "2"}}, path);
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(fixture_.CountRows("training_attendance"), 1);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, DoorCheck, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, DoorCheck, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
