// The demo's years of history for the benchmarks (`cercle demo --years N`): one year of it holds
// the circles of that year, each with its weekly meetings, minutes, hours, contacts, reviews and
// closure, a few concerns, all closed; and the pages read it as they read what the workflows
// write: the core member list pages through the files, a historical circle's page opens for a
// coordinator, and the funder report over that year counts its circles and hours. On SQLite and
// on PostgreSQL.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "base/dates.hpp"
#include "demo/history_demo.hpp"
#include "support/auth_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"
#include "web/http.hpp"

namespace cercle::testing {
namespace {

// Enough circles for more than one page of files (50 a page) with the demo's own.
constexpr int kCircles = 40;
// Weekly meetings from the start of a circle to its closing meeting, 45 weeks later.
constexpr int kMeetingsPerCircle = 46;

class DemoHistory : public ::testing::TestWithParam<Backend> {
 protected:
  DemoHistory() {
    organisation_ = ReportFixture(server_).LoadDemo();
    const auto loaded =
        demo::LoadHistory(server_.app(), organisation_, {.years = 1, .circles_per_year = kCircles});
    if (!loaded) throw std::runtime_error("history failed: " + loaded.error().message.id);
    year_ = demo::HistoryYearOf(server_.app().Today(), 1, 0);
    coordinator_ = auth_.CreateUser(organisation_, "Coordo Essai", "coordo@essai.example",
                                    {domain::Role::kCoordinator});
    client_ = auth_.SignedInClient(coordinator_);
  }

  // Runs `sql` (binding :organisation when it names it, once) on the organisation's scope and
  // reads one whole number.
  long long Count(const std::string& sql) {
    return server_.test_database().database().Read(
        store::Scope::Organisation(organisation_), [&](soci::session& session) {
          long long value = 0;
          std::int64_t organisation = organisation_;
          if (sql.find(":organisation") == std::string::npos) {
            session << sql, soci::into(value);
          } else {
            session << sql, soci::into(value), soci::use(organisation, "organisation");
          }
          return value;
        });
  }

  // The history's circles, as a subquery: its code names carry its year.
  std::string Circles() const {
    return "SELECT id FROM circles WHERE code_name LIKE 'Cercle " +
           std::to_string(static_cast<int>(year_.first.year())) + "-%'";
  }

  // The value of figure `key` on the funder report over the history year.
  long long Figure(const std::string& page, const std::string& key) {
    std::smatch match;
    const std::regex figure("data-figure=\"" + key + "\" data-value=\"(\\d+)\"");
    if (!std::regex_search(page, match, figure)) return -1;
    return std::stoll(match[1].str());
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  std::int64_t organisation_ = 0;
  demo::HistoryYear year_;
  TestUser coordinator_;
  std::unique_ptr<HttpClient> client_;
};

// Loading the history takes most of each test's time (the demo first): two tests, the records and
// the pages.
TEST_P(DemoHistory, EveryCircleOfTheYearHasItsMeetingsMinutesHoursContactsAndConcerns) {
  const std::string in_history = " IN (" + Circles() + ")";
  const std::string first = FormatIsoDate(year_.first);
  const std::string last = FormatIsoDate(year_.last);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM circles WHERE organisation_id = :organisation AND "
                  "phase = 'closed' AND closure_reason IS NOT NULL AND started_on >= '" +
                  first + "' AND closed_on <= '" + last + "'"),
            kCircles);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM circles WHERE id" + in_history), kCircles);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM circle_meetings WHERE circle_id" + in_history),
            kCircles * kMeetingsPerCircle);
  // Every meeting has its minutes, acknowledged, written by a volunteer through his own account.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM circle_minutes n JOIN circle_meetings m ON "
                  "m.id = n.meeting_id JOIN volunteers v ON v.id = n.written_by_volunteer_id "
                  "WHERE n.acknowledged_at IS NOT NULL AND n.written_by = v.user_id AND "
                  "m.circle_id" +
                  in_history),
            kCircles * kMeetingsPerCircle);
  // One approved hours entry per attendee of each meeting, most group meetings full.
  const long long attendance = Count(
      "SELECT COUNT(*) FROM circle_attendance a JOIN circle_meetings m ON "
      "m.id = a.meeting_id WHERE m.circle_id" +
      in_history);
  EXPECT_GT(attendance, 2 * kCircles * kMeetingsPerCircle);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM volunteer_hours h JOIN circle_meetings m ON "
                  "m.id = h.meeting_id WHERE h.status = 'approved' AND "
                  "h.kind = 'circle_meeting' AND m.circle_id" +
                  in_history),
            attendance);
  // Contacts every few days, their hours approved by a coordinator.
  const long long contacts =
      Count("SELECT COUNT(*) FROM circle_contacts WHERE circle_id" + in_history);
  EXPECT_GT(contacts, kCircles * 40);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM volunteer_hours h JOIN circle_contacts c ON "
                  "c.id = h.contact_id WHERE h.status = 'approved' AND "
                  "h.reviewed_by IS NOT NULL AND c.circle_id" +
                  in_history),
            contacts);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM circle_reviews WHERE circle_id" + in_history),
            3 * kCircles);
  // A few concerns, some urgent, all closed; and every file closed after its circle.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM concerns WHERE status = 'closed' AND "
                  "outcome IS NOT NULL AND acknowledged_at IS NOT NULL AND circle_id" +
                  in_history),
            3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM concerns WHERE circle_id" + in_history), 3);
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM concerns WHERE severity = 'urgent' AND circle_id" + in_history),
      2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM core_members f JOIN circles c ON "
                  "c.core_member_id = f.id WHERE f.status = 'closed' AND c.id" +
                  in_history),
            kCircles);
  // The program kept up: the follow-ups due by today are recorded (at least the first three of
  // each file, closed three years ago or more), and the volunteers still active had their
  // supervision, so the home page's triage lists none of the history.
  EXPECT_GE(Count("SELECT COUNT(*) FROM follow_up_checks k JOIN circles c ON "
                  "c.core_member_id = k.core_member_id WHERE c.id" +
                  in_history),
            3 * kCircles);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM volunteers v WHERE v.stage = 'active' AND v.id IN (SELECT "
                  "s.volunteer_id FROM circle_members s WHERE s.circle_id" +
                  in_history +
                  ") AND NOT EXISTS (SELECT 1 FROM supervision_sessions p WHERE p.volunteer_id = "
                  "v.id)"),
            0);
}

TEST_P(DemoHistory, TheListTheCirclePageAndTheFunderReportReadTheHistory) {
  // The core member list pages through the files, the history's among them (numbered from 101
  // in their year).
  const auto first = client_->Get("/core-members");
  ASSERT_EQ(first.status, 200);
  EXPECT_NE(first.body.find("rel=\"next\""), std::string::npos);
  const auto second = client_->Get("/core-members?page=2");
  ASSERT_EQ(second.status, 200);
  const std::string year = std::to_string(static_cast<int>(year_.first.year()));
  EXPECT_NE((first.body + second.body).find("<td>" + year + "-101</td>"), std::string::npos);

  // A historical circle's page opens for a coordinator.
  const long long circle = Count("SELECT MIN(id) FROM (" + Circles() + ") c");
  const auto page = client_->Get("/circles/" + std::to_string(circle));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Cercle " + year + "-01"), std::string::npos);

  // The funder report over the history's year counts its circles and every approved hour.
  const std::string first_day = FormatIsoDate(year_.first);
  const std::string last_day = FormatIsoDate(year_.last);
  const auto report = client_->Get("/reports/funder?from=" + first_day + "&to=" + last_day);
  ASSERT_EQ(report.status, 200);
  EXPECT_GE(Figure(report.body, "circles"), kCircles);
  const long long minutes = Count(
      "SELECT COALESCE(SUM(minutes), 0) FROM volunteer_hours WHERE "
      "organisation_id = :organisation AND status = 'approved' AND worked_on >= '" +
      first_day + "' AND worked_on <= '" + last_day + "'");
  EXPECT_GT(minutes, 0);
  EXPECT_EQ(Figure(report.body, "volunteer_hours"), minutes);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, DemoHistory, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, DemoHistory, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
