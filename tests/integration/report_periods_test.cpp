// A report reads the approved hours, counted expenses and concerns of its period alone
// (store::LoadReportRecords given days), and its figures stay those computed from every row: the
// funder's report, the dashboard and the public impact page on the demo data, with records moved
// onto the edges of the period (its first and last day, the days around them, a concern raised
// just before local midnight). On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "app/reports/public_impact.hpp"
#include "app/reports/report_queries.hpp"
#include "base/dates.hpp"
#include "store/database.hpp"
#include "store/report_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

// A figure's value, breakdown and counted records, one line each, to compare two computations.
std::string Describe(const domain::FigureResult& figure) {
  std::ostringstream text;
  text << "value " << figure.value << "\n";
  for (const auto& line : figure.breakdown) text << line.key << " " << line.value << "\n";
  for (const auto& record : figure.records) {
    text << static_cast<int>(record.kind) << " " << record.id << " " << record.secondary_id << " "
         << FormatIsoDate(record.date) << " " << record.amount << " " << record.note << "\n";
  }
  return text.str();
}

// The dashboard's concerns by month, one line each.
std::string Describe(const std::vector<report::ConcernMonth>& months) {
  std::ostringstream text;
  for (const auto& month : months) {
    text << month.month.year << "-" << month.month.month << " " << month.total << " "
         << month.acknowledged << " " << month.waiting << " " << month.median_minutes.value_or(-1);
    for (const auto count : month.by_severity) text << " " << count;
    text << "\n";
  }
  return text.str();
}

// The ids of `rows`.
template <class Row>
std::set<std::int64_t> Ids(const std::vector<Row>& rows) {
  std::set<std::int64_t> ids;
  for (const auto& row : rows) ids.insert(row.id);
  return ids;
}

// The ids of `rows` whose day `day_of(row)` falls within `period`.
template <class Row, class DayOf>
std::set<std::int64_t> IdsWithin(const std::vector<Row>& rows, const domain::ReportPeriod& period,
                                 DayOf day_of) {
  std::set<std::int64_t> ids;
  for (const auto& row : rows) {
    if (period.Contains(day_of(row))) ids.insert(row.id);
  }
  return ids;
}

class ReportPeriods : public ::testing::TestWithParam<Backend> {
 protected:
  ReportPeriods() {
    organisation_ = ReportFixture(server_).LoadDemo();
    const auto user = auth_.FindUserByEmail("coordination@demo.example");
    coordinator_ = ActorOf(
        TestUser{user->id, user->organisation_id, user->display_name, user->email, user->roles});
    // The last whole fiscal quarter: the demo's records fill it and lie on both sides of it.
    period_ = domain::PreviousQuarter(domain::QuarterOf(Today(), 4), 4).period;
    MoveOntoTheEdges();
  }

  const app::Services& app() { return server_.app(); }
  CivilDate Today() { return app().Today(); }

  // The ids `sql` reads (binding :organisation), in order.
  std::vector<std::int64_t> IdsOf(const std::string& sql) {
    return server_.test_database().database().Read(
        store::Scope::Organisation(organisation_), [&](soci::session& session) {
          std::vector<std::int64_t> ids(16);
          std::int64_t organisation = organisation_;
          session << sql, soci::use(organisation, "organisation"), soci::into(ids);
          return ids;
        });
  }

  // Runs `sql` (an UPDATE binding :value and :id).
  template <class Value>
  void Change(const std::string& sql, Value value, std::int64_t id) {
    const auto changed = server_.test_database().database().Write(
        store::Scope::Organisation(organisation_), [&](soci::session& session) -> Status {
          session << sql, soci::use(value, "value"), soci::use(id, "id");
          return {};
        });
    ASSERT_TRUE(changed);
  }

  // Puts demo records on the edges of the period: approved hours and approved expenses on its
  // first and last days (counted) and on the days just outside (not), concerns raised at the
  // first instant of the period and the last one before its end's local midnight (counted), and
  // a second either side of those (not).
  void MoveOntoTheEdges() {
    const auto volunteer = IdsOf(
        "SELECT id FROM volunteers WHERE organisation_id = :organisation ORDER BY id LIMIT 1");
    VolunteerFixture volunteers(server_);
    for (const CivilDate day :
         {AddDays(period_.from, -1), period_.from, period_.to, AddDays(period_.to, 1)}) {
      hours_.push_back(volunteers.AddHours(organisation_, volunteer.at(0), day, 45,
                                           domain::HoursStatus::kApproved, coordinator_.user_id,
                                           domain::HoursKind::kEvent));
    }
    expenses_ = IdsOf(
        "SELECT id FROM expense_claims WHERE organisation_id = :organisation ORDER BY id LIMIT 4");
    concerns_ = IdsOf(
        "SELECT id FROM concerns WHERE organisation_id = :organisation AND acknowledged_at IS NOT "
        "NULL ORDER BY id LIMIT 4");
    ASSERT_EQ(expenses_.size(), 4u);
    ASSERT_EQ(concerns_.size(), 4u);
    const std::vector<CivilDate> days = {AddDays(period_.from, -1), period_.from, period_.to,
                                         AddDays(period_.to, 1)};
    const long long start = ReportFixture(server_).StartOf(period_.from);
    const long long end = ReportFixture(server_).StartOf(AddDays(period_.to, 1));
    const std::vector<long long> instants = {start - 1, start, end - 1, end};
    for (std::size_t i = 0; i < 4; ++i) {
      Change("UPDATE expense_claims SET status = 'approved', incurred_on = :value WHERE id = :id",
             FormatIsoDate(days[i]), expenses_[i]);
      // Acknowledged an hour after it was raised, so the time to acknowledge stays sensible.
      Change("UPDATE concerns SET raised_at = :value WHERE id = :id", instants[i], concerns_[i]);
      Change("UPDATE concerns SET acknowledged_at = :value WHERE id = :id", instants[i] + 3600,
             concerns_[i]);
    }
  }

  // The report records of the organisation, for `days` (every day when none).
  domain::ReportRecords Records(const std::optional<domain::ReportPeriod>& days) {
    return server_.test_database().database().Read(
        store::Scope::Organisation(organisation_), [&](soci::session& session) {
          return store::LoadReportRecords(
              session, organisation_,
              [&](Instant instant) { return app().translator.LocalDate(instant); }, days);
        });
  }

  TestServer server_{TestServer::Options{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  std::int64_t organisation_ = 0;
  auth::Actor coordinator_;
  domain::ReportPeriod period_;
  // The edge records, in order: the day before the period, its first day, its last day, the day
  // after (for concerns: a second before, the first second, the last second, the second after).
  std::vector<std::int64_t> hours_, expenses_, concerns_;
};

TEST_P(ReportPeriods, TheRecordsOfAPeriodAreTheRowsOfItsDaysAndNoOther) {
  const auto whole = Records(std::nullopt);
  const auto within = Records(period_);
  // Every edge record is stored, inside the period or out.
  for (const auto id : hours_) EXPECT_TRUE(Ids(whole.logged_hours).contains(id));
  for (const auto id : expenses_) EXPECT_TRUE(Ids(whole.expenses).contains(id));
  for (const auto id : concerns_) EXPECT_TRUE(Ids(whole.concerns).contains(id));

  EXPECT_EQ(Ids(within.logged_hours),
            IdsWithin(whole.logged_hours, period_, [](const auto& row) { return row.worked_on; }));
  EXPECT_EQ(Ids(within.expenses),
            IdsWithin(whole.expenses, period_, [](const auto& row) { return row.incurred_on; }));
  EXPECT_EQ(Ids(within.concerns),
            IdsWithin(whole.concerns, period_, [](const auto& row) { return row.raised_on; }));
  EXPECT_LT(within.logged_hours.size(), whole.logged_hours.size());
  EXPECT_LT(within.concerns.size(), whole.concerns.size());
  for (const auto& ids : {Ids(within.logged_hours), Ids(within.expenses), Ids(within.concerns)}) {
    EXPECT_FALSE(ids.empty());
  }
  const auto edges = [](const std::set<std::int64_t>& read, const std::vector<std::int64_t>& ids) {
    return std::vector<bool>{read.contains(ids[0]), read.contains(ids[1]), read.contains(ids[2]),
                             read.contains(ids[3])};
  };
  const std::vector<bool> inner = {false, true, true, false};
  EXPECT_EQ(edges(Ids(within.logged_hours), hours_), inner);
  EXPECT_EQ(edges(Ids(within.expenses), expenses_), inner);
  EXPECT_EQ(edges(Ids(within.concerns), concerns_), inner);
  // The concern raised in the last second of the period is on its last day, the organisation's.
  for (const auto& concern : within.concerns) {
    if (concern.id == concerns_[2]) {
      EXPECT_EQ(concern.raised_on, period_.to);
    }
  }
  // Everything else is read whole.
  EXPECT_EQ(within.attendance.size(), whole.attendance.size());
  EXPECT_EQ(within.volunteers.size(), whole.volunteers.size());
  EXPECT_EQ(within.referrals.size(), whole.referrals.size());
  EXPECT_EQ(within.circles.size(), whole.circles.size());
  EXPECT_EQ(within.events.size(), whole.events.size());

  // A period that ends before it starts holds no day.
  const auto none = Records(domain::ReportPeriod{period_.from, AddDays(period_.from, -1)});
  EXPECT_TRUE(none.logged_hours.empty());
  EXPECT_TRUE(none.expenses.empty());
  EXPECT_TRUE(none.concerns.empty());
  EXPECT_EQ(none.attendance.size(), whole.attendance.size());
}

TEST_P(ReportPeriods, TheFunderReportCountsWhatEveryRowGaveIt) {
  const auto whole = Records(std::nullopt);
  app::reports::FunderReportQuery query;
  query.period = period_;
  const auto page = app::reports::LoadFunderReport(app(), coordinator_, query);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->period, period_);
  const auto expected = app::reports::ComputeFigures(
      whole, period_,
      app::reports::FigureSettings(app::reports::LoadSettings(app(), organisation_)));
  ASSERT_EQ(page->figures.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(page->figures[i].definition->key, expected[i].definition->key);
    EXPECT_EQ(Describe(page->figures[i].result), Describe(expected[i].result))
        << expected[i].definition->key;
  }
  // The hours and expenses on the period's first and last days are among those counted.
  const auto counts = [&](std::string_view key, std::int64_t id) {
    for (const auto& figure : page->figures) {
      if (figure.definition->key != key) continue;
      for (const auto& record : figure.result.records) {
        if (record.id == id) return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(counts("volunteer_hours", hours_[1]));
  EXPECT_TRUE(counts("volunteer_hours", hours_[2]));
  EXPECT_FALSE(counts("volunteer_hours", hours_[0]));
  EXPECT_FALSE(counts("volunteer_hours", hours_[3]));
}

TEST_P(ReportPeriods, TheDashboardCountsWhatEveryRowGaveIt) {
  const auto whole = Records(std::nullopt);
  const auto page = app::reports::LoadDashboard(app(), coordinator_, period_);
  ASSERT_TRUE(page);
  const auto settings =
      app::reports::FigureSettings(app::reports::LoadSettings(app(), organisation_));
  EXPECT_EQ(Describe(page->hours), Describe(domain::VolunteerHours(whole, period_, settings)));
  EXPECT_EQ(Describe(page->hours_value),
            Describe(domain::VolunteerHoursValue(whole, period_, settings)));
  EXPECT_EQ(Describe(page->expenses),
            Describe(domain::VolunteerExpenses(whole, period_, settings)));
  EXPECT_EQ(Describe(page->concerns), Describe(report::ConcernsByMonth(whole, period_)));
  std::vector<std::int64_t> minutes;
  for (const auto& concern : whole.concerns) {
    if (period_.Contains(concern.raised_on) && concern.minutes_to_acknowledge) {
      minutes.push_back(*concern.minutes_to_acknowledge);
    }
  }
  EXPECT_EQ(page->acknowledge_median, report::Median(minutes));
  std::int64_t raised = 0;
  for (const auto& month : page->concerns) raised += month.total;
  EXPECT_EQ(raised, static_cast<std::int64_t>(std::count_if(
                        whole.concerns.begin(), whole.concerns.end(),
                        [&](const auto& concern) { return period_.Contains(concern.raised_on); })));
}

TEST_P(ReportPeriods, TheImpactPageSumsEveryApprovedHourUpToToday) {
  ReportFixture(server_).SetSetting(organisation_, domain::SettingKey::kPublicImpactPage, 1);
  // An hour approved for tomorrow is not counted yet.
  VolunteerFixture(server_).AddHours(
      organisation_,
      IdsOf("SELECT id FROM volunteers WHERE organisation_id = :organisation ORDER BY id LIMIT 1")
          .at(0),
      AddDays(Today(), 1), 600, domain::HoursStatus::kApproved, coordinator_.user_id);
  const auto whole = Records(std::nullopt);
  std::int64_t minutes = 0;
  for (const auto& attendance : whole.attendance) {
    if (attendance.held_on <= Today()) minutes += attendance.minutes;
  }
  for (const auto& hours : whole.logged_hours) {
    if (hours.worked_on <= Today()) minutes += hours.minutes;
  }
  const auto page = app::reports::LoadImpactPage(app(), "montreal-demo");
  ASSERT_TRUE(page);
  EXPECT_GT(page->impact.volunteer_hours, 0);
  EXPECT_EQ(page->impact.volunteer_hours, minutes / 60);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ReportPeriods, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, ReportPeriods, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
