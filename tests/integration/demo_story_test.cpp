// The demo data is made by the workflows, by the people who would take each step: every minutes and
// every contact by the volunteer's own account (each audited as his), and no circle opened on a
// file that was closed then; and it loads at any hour. Checked on the stored records, on SQLite and
// on PostgreSQL.
#include <gtest/gtest.h>

#include <string>

#include "store/database.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

class DemoStory : public ::testing::TestWithParam<Backend> {
 protected:
  DemoStory() { organisation_ = ReportFixture(server_).LoadDemo(); }

  // Runs `sql` (binding :organisation) and reads one whole number.
  long long Count(const std::string& sql) {
    return server_.test_database().database().Read(
        store::Scope::Organisation(organisation_), [&](soci::session& session) {
          long long value = 0;
          std::int64_t organisation = organisation_;
          session << sql, soci::into(value), soci::use(organisation, "organisation");
          return value;
        });
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  std::int64_t organisation_ = 0;
};

TEST_P(DemoStory, EveryMinutesAreSubmittedByTheirWritersOwnAccount) {
  const long long minutes =
      Count("SELECT COUNT(*) FROM circle_minutes WHERE organisation_id = :organisation");
  ASSERT_GT(minutes, 100);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM circle_minutes m JOIN volunteers v ON "
                  "v.id = m.written_by_volunteer_id WHERE m.organisation_id = :organisation AND "
                  "(m.written_by IS NULL OR v.user_id IS NULL OR m.written_by <> v.user_id)"),
            0);
  // More than one writer: not only the volunteer who has a demo sign-in of his role.
  EXPECT_GT(Count("SELECT COUNT(DISTINCT written_by) FROM circle_minutes "
                  "WHERE organisation_id = :organisation"),
            5);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events a JOIN circle_minutes m ON "
                  "a.object_id = CAST(m.meeting_id AS TEXT) AND a.actor_user_id = m.written_by "
                  "WHERE a.organisation_id = :organisation AND a.action = 'circle.minutes_submit'"),
            minutes);
}

TEST_P(DemoStory, EveryContactIsLoggedByTheVolunteersOwnAccount) {
  const long long contacts =
      Count("SELECT COUNT(*) FROM circle_contacts WHERE organisation_id = :organisation");
  ASSERT_GT(contacts, 100);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM circle_contacts c JOIN volunteers v ON "
                  "v.id = c.volunteer_id WHERE c.organisation_id = :organisation AND "
                  "(v.user_id IS NULL OR c.logged_by <> v.user_id)"),
            0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events a JOIN circle_contacts c ON "
                  "a.object_id = CAST(c.id AS TEXT) AND a.actor_user_id = c.logged_by "
                  "WHERE a.organisation_id = :organisation AND a.action = 'circle.contact_log'"),
            contacts);
}

TEST_P(DemoStory, NoCircleOpensOnAClosedFileAndTheReincarceratedFileClosesAfterItsCircle) {
  ASSERT_GT(Count("SELECT COUNT(*) FROM circles WHERE organisation_id = :organisation"), 5);
  // The file's last status before the circle was created.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM circles c WHERE c.organisation_id = :organisation AND "
                  "(SELECT s.to_status FROM core_member_status_changes s "
                  "WHERE s.core_member_id = c.core_member_id AND s.changed_at <= c.created_at "
                  "ORDER BY s.changed_at DESC, s.id DESC LIMIT 1) = 'closed'"),
            0);
  // Hervé's circle closed when he went back to detention, and his file closed with it: the
  // closure is the file's last move, from "between circles", where closing the circle left it.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM circles c JOIN core_member_status_changes s ON "
                  "s.core_member_id = c.core_member_id WHERE c.organisation_id = :organisation "
                  "AND c.closure_reason = 'reincarcerated' AND s.to_status = 'closed' AND "
                  "s.from_status = 'between_circles'"),
            1);
}

// In the evening in Montréal the date in UTC is already tomorrow: the demo dates everything by the
// organisation's own day, so that nothing it records lands in the organisation's future.
TEST_P(DemoStory, LoadsInTheEveningWhenUtcIsAlreadyTomorrow) {
  TestServer evening{TestServer::Options{GetParam(), {}}};
  evening.clock().Set(kTestStart + std::chrono::hours(11) + std::chrono::minutes(30));
  EXPECT_NO_THROW(ReportFixture(evening).LoadDemo());
}

INSTANTIATE_TEST_SUITE_P(Sqlite, DemoStory, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, DemoStory, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
