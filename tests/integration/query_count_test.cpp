// Pages that run as many statements whatever the rows they list: the list pages people use most
// (the home page, a circle's page, the core member list, the concern register, the funder report,
// the volunteer's portal) are counted (store/query_log) on the demo, then again after the app's
// own workflows added more meetings, minutes and concerns to a circle. A page that asks the
// database once per row of its list (N+1) fails. On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "app/circles/circle_meetings.hpp"
#include "app/circles/portal_circle.hpp"
#include "app/concerns/concern_raise.hpp"
#include "demo/demo_actors.hpp"
#include "store/query_log.hpp"
#include "support/auth_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

// How many meetings (each with its minutes), planned meetings and concerns each round adds.
constexpr int kRowsPerRound = 3;

class QueryCount : public ::testing::TestWithParam<Backend> {
 protected:
  QueryCount() {
    organisation_ = ReportFixture(server_).LoadDemo();
    const auto actors = demo::FindActors(server_.app(), organisation_);
    if (!actors || !actors->bastien) throw std::runtime_error("the demo has no volunteer Bastien");
    coordinator_ = actors->coordinator;
    volunteer_ = *actors->bastien;
    server_.runtime().database().Read(
        store::Scope::Organisation(organisation_), [&](soci::session& session) {
          session << R"sql(
            SELECT v.id, m.circle_id
              FROM volunteers v
              JOIN circle_members m ON m.volunteer_id = v.id AND m.left_on IS NULL
              JOIN circles c ON c.id = m.circle_id AND c.phase <> 'closed'
             WHERE v.organisation_id = :organisation AND v.user_id = :user
             ORDER BY m.circle_id LIMIT 1)sql",
              soci::use(organisation_, "organisation"), soci::use(volunteer_.user_id, "user"),
              soci::into(volunteer_id_), soci::into(circle_);
        });
    if (circle_ == 0) throw std::runtime_error("Bastien is in no open demo circle");
  }
  ~QueryCount() override { store::query_log::Stop(); }

  // The statements each page runs, by page.
  std::map<std::string, std::size_t> Count() {
    const auto staff = auth_.SignedInClient(AccountOf(coordinator_));
    const auto volunteer = auth_.SignedInClient(AccountOf(volunteer_));
    const std::vector<std::pair<HttpClient*, std::string>> pages = {
        {staff.get(), "/"},
        {staff.get(), "/circles/" + std::to_string(circle_)},
        {staff.get(), "/core-members"},
        {staff.get(), "/concerns"},
        {staff.get(), "/reports/funder"},
        {volunteer.get(), "/portal"},
        {volunteer.get(), "/portal/circles/" + std::to_string(circle_)}};
    std::map<std::string, std::size_t> counts;
    for (const auto& [client, path] : pages) {
      store::query_log::Start();
      const auto answer = client->Get(path);
      counts[path] = store::query_log::Take().size();
      EXPECT_EQ(answer.status, 200) << path;
    }
    store::query_log::Stop();
    return counts;
  }

  // Adds to the circle, through the workflows: meetings held in the days before `round` weeks ago
  // with the minutes Bastien wrote, meetings planned in the weeks ahead, and concerns raised by
  // the coordinator.
  void AddHistory(int round) {
    const auto& services = server_.app();
    const CivilDate today = services.Today();
    for (int i = 0; i < kRowsPerRound; ++i) {
      const CivilDate held_on = AddDays(today, -1 - 7 * round - i);
      const auto meeting = Plan(held_on);
      app::circles::MinutesCommand minutes{.meeting_id = meeting,
                                           .core_member_present = true,
                                           .present = {volunteer_id_},
                                           .duration_minutes = 60,
                                           .check_in = "Tour de table (essai).",
                                           .accountability = "Rien à signaler (essai).",
                                           .support = "Aide au budget (essai).",
                                           .decisions = "Aucune (essai).",
                                           .next_steps = "La semaine prochaine (essai)."};
      ASSERT_TRUE(app::circles::SubmitMinutes(services, volunteer_, minutes));
      Plan(AddDays(today, 30 + 7 * round + i));
      const auto raised = app::concerns::Raise(
          services, coordinator_,
          {.raiser = app::concerns::Raiser::kStaff,
           .circle_id = circle_,
           .draft = {
               .category = domain::ConcernCategory::kHostility,
               // Urgent ones alert, and the home page shows when each alerts next.
               .severity = i % 2 == 0 ? domain::Severity::kUrgent : domain::Severity::kInformation,
               .observed = "Un propos agressif au téléphone (essai).",
               .observed_at = services.clock.Now() - std::chrono::hours(1 + i)}});
      ASSERT_TRUE(raised) << raised.error().message.id;
    }
  }

  // Plans a meeting by telephone on `day` at seven in the evening, Bastien to write its minutes;
  // returns its id.
  std::int64_t Plan(CivilDate day) {
    const auto& services = server_.app();
    const auto planned =
        app::circles::PlanMeetings(services, coordinator_,
                                   {.circle_id = circle_,
                                    .plan = {.kind = domain::MeetingKind::kOneToOne,
                                             .date = day,
                                             .start_minute = 19 * 60,
                                             .duration_minutes = 60,
                                             .mode = domain::MeetingMode::kTelephone},
                                    .writer_volunteer_id = volunteer_id_});
    EXPECT_TRUE(planned) << (planned ? "" : planned.error().message.id);
    std::int64_t meeting = 0;
    server_.runtime().database().Read(
        store::Scope::Organisation(organisation_), [&](soci::session& session) {
          session << "SELECT max(id) FROM circle_meetings WHERE organisation_id = :organisation",
              soci::use(organisation_, "organisation"), soci::into(meeting);
        });
    return meeting;
  }

  static TestUser AccountOf(const auth::Actor& actor) {
    return {actor.user_id, actor.organisation_id, actor.display_name, actor.email, actor.roles};
  }

  TestServer server_{TestServer::Options{.backend = GetParam()}};
  AuthFixture auth_{server_};
  std::int64_t organisation_ = 0;
  auth::Actor coordinator_;
  auth::Actor volunteer_;
  std::int64_t volunteer_id_ = 0;
  std::int64_t circle_ = 0;
};

// The first round makes every section of the pages show at least one such row; the next two only
// add rows: a page whose count grows with them asks once per row.
TEST_P(QueryCount, ListPagesRunAsManyStatementsWhateverTheirRows) {
  AddHistory(0);
  const auto before = Count();
  AddHistory(1);
  AddHistory(2);
  const auto after = Count();
  for (const auto& [page, count] : before) {
    EXPECT_GT(count, 2u) << page << ": the statements are not recorded";
    EXPECT_EQ(after.at(page), count) << page << " ran " << count << " statements with "
                                     << kRowsPerRound << " more meetings, minutes and concerns, "
                                     << after.at(page) << " with " << 3 * kRowsPerRound;
  }
}

INSTANTIATE_TEST_SUITE_P(Sqlite, QueryCount, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, QueryCount, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
