// Queries that do not grow with history: signed in as each demo account, the test visits every page
// of the route table that account can reach, following the links the pages show (so that every
// page with an id is visited with a real one, the way a user comes to it), records every SQL
// statement the pages ran (store/query_log), and asks SQLite how it would run each one
// (EXPLAIN QUERY PLAN). It fails, naming the statement and the page that ran it, when the plan
// reads a table that grows with the organisations' history (kGrowingTables)
// - whole: a SCAN, even one that walks an index (it still reads every entry), unless the
//   statement filters nothing and reads an index in its own order up to a LIMIT (the newest
//   rows);
// - or all of one organisation's rows when the statement wants those of one record: a SEARCH on
//   organisation_id alone while it compares another of the table's columns with a parameter.
// On SQLite only: on the demo's few rows PostgreSQL's planner prefers sequential scans whatever
// the indexes, while SQLite's plan depends on the schema alone (no ANALYZE); the migrations give
// both databases the same indexes.
#include <gtest/gtest.h>

#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <deque>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "demo/demo_data.hpp"
#include "store/query_log.hpp"
#include "support/auth_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"
#include "web/router.hpp"
#include "web/routes.hpp"

namespace cercle::testing {
namespace {

// Tables that grow with the years an organisation runs circles, or with its people: a page reads
// them through an index bounded by the organisation, or by the record it shows when it shows one.
const std::set<std::string> kGrowingTables = {
    // Circles and what happens in them, week after week.
    "circles", "circle_members", "circle_meetings", "circle_minutes", "circle_attendance",
    "circle_contacts", "circle_phase_changes", "circle_reviews", "circle_review_goal_progress",
    "circle_plan_versions", "circle_plan_goals", "circle_plan_warning_signs",
    "circle_plan_sign_conditions", "review_assessments", "review_factor_ratings",
    "covenant_signatures", "sharing_agreements", "calendar_tokens", "ending_questionnaires",
    "ending_answers",
    // Concerns and their handling.
    "concerns", "concern_actions", "concern_escalations", "concern_disclosures",
    "concern_warning_signs",
    // Core members, their referrals and files.
    "core_members", "core_member_status_changes", "referrals", "referral_status_changes",
    "referral_checklist", "supervision_orders", "release_conditions", "risk_assessments",
    "consents", "documents", "recidivism_events", "outcome_measures", "follow_up_checks",
    "supervision_sessions", "partner_contacts",
    // Volunteers and their hours, training, expenses and care.
    "volunteers", "volunteer_stage_changes", "volunteer_hours", "volunteer_conflicts",
    "volunteer_debriefs", "volunteer_declined_profiles", "volunteer_exit_interviews",
    "volunteer_wellbeing", "screening_items", "training_sessions", "training_attendance",
    "expense_claims",
    // Accounts and what they leave behind.
    "users", "user_roles", "sessions", "login_throttle", "one_time_tokens",
    "password_reset_requests", "recovery_codes", "form_drafts", "reminder_opt_outs",
    "reminders_sent", "outbox",
    // Records kept for accountability.
    "audit_events", "backup_runs", "backup_alerts", "outreach_activities", "significant_stories",
    "privacy_incidents", "privacy_incident_people", "privacy_incident_records", "privacy_requests",
    "privacy_request_corrections", "privacy_request_exports", "privacy_export_withheld",
    "retention_queue", "retention_listings", "retention_disposals", "destruction_certificates",
    "destruction_certificate_lines", "destruction_skips", "legal_holds"};

// Tables of configuration or of the network, a few rows each whatever the years: a page may read
// them whole.
const std::set<std::string> kSmallTables = {"organisations",        "organisation_settings",
                                            "outcome_scales",       "eligibility_criteria",
                                            "screening_item_types", "training_modules",
                                            "covenant_templates",   "covenant_versions",
                                            "retention_periods",    "risk_factors",
                                            "mileage_rates",        "privacy_officers",
                                            "concern_on_call",      "concern_alert_recipients",
                                            "audit_chain_heads",    "venues",
                                            "schema_migrations"};

// The part of an href a client requests: HTML entities of a query string undone, no fragment.
std::string RequestPath(std::string href) {
  for (std::size_t at = href.find("&amp;"); at != std::string::npos; at = href.find("&amp;", at))
    href.replace(at, 5, "&");
  return href.substr(0, href.find('#'));
}

// The route pattern `path` reaches, followed by the names of its query parameters: the key under
// which a page is visited once per account. "" when no GET route matches it.
std::string PatternOf(const web::Router& router, const std::string& path) {
  const auto question = path.find('?');
  const auto match = router.Match(web::Method::kGet, path.substr(0, question));
  if (match.route == nullptr) return "";
  std::string key = match.route->pattern;
  if (question == std::string::npos) return key;
  const std::regex name(R"re((?:^|&)([^=&]+))re");
  const std::string query = path.substr(question + 1);
  for (std::sregex_iterator it(query.begin(), query.end(), name), end; it != end; ++it)
    key += " " + (*it)[1].str();
  return key;
}

// The local links of a page, in order.
std::vector<std::string> LinksOf(const std::string& body) {
  static const std::regex href(R"re(href="(/[^/"][^"]*)")re");
  std::vector<std::string> links;
  for (std::sregex_iterator it(body.begin(), body.end(), href), end; it != end; ++it)
    links.push_back(RequestPath((*it)[1].str()));
  return links;
}

// A growing table that a statement reads more of than it needs.
struct Finding {
  std::string table;
  std::string detail;  // SQLite's line of the plan
  std::string why;
};

// The tables a statement names in FROM and JOIN, by the name or alias its plan shows them under.
std::multimap<std::string, std::string> TablesByAlias(const std::string& sql) {
  static const std::set<std::string> kNotAliases = {
      "where",  "on",        "join",   "left",   "right", "inner",  "outer",
      "cross",  "natural",   "order",  "group",  "limit", "using",  "union",
      "except", "intersect", "having", "window", "set",   "values", "as"};
  static const std::regex from(
      R"re(\b(?:from|join)\s+([a-z_][a-z0-9_]*)(?:\s+(?:as\s+)?([a-z_][a-z0-9_]*))?)re",
      std::regex::icase);
  std::multimap<std::string, std::string> tables;
  for (std::sregex_iterator it(sql.begin(), sql.end(), from), end; it != end; ++it) {
    const std::string table = (*it)[1].str();
    tables.emplace(table, table);
    std::string alias = (*it)[2].str();
    std::transform(alias.begin(), alias.end(), alias.begin(), ::tolower);
    if (!alias.empty() && !kNotAliases.contains(alias)) tables.emplace(alias, table);
  }
  return tables;
}

// True when `sql` reads an index in the order it asks for (no sorting afterwards), filters
// nothing and stops after its LIMIT, as a list of the newest rows does: such a SCAN reads only
// that many entries. Any other SCAN, through an index or not, reads every row.
bool NewestFirstPage(const std::string& sql, const std::string& plan) {
  static const std::regex where(R"re(\bwhere\b)re", std::regex::icase);
  static const std::regex limit(R"re(\blimit\s+(:[a-z_]+|[0-9]+)\s*;?\s*$)re", std::regex::icase);
  return plan.find("USE TEMP B-TREE") == std::string::npos && !std::regex_search(sql, where) &&
         std::regex_search(sql, limit);
}

// Reads SQLite's plans of statements on one database and what they read of the growing tables.
class Planner {
 public:
  explicit Planner(sqlite_api::sqlite3* connection) : connection_(connection) {}

  // SQLite's plan of `sql` as text ("cannot be planned: …" for a statement SQLite cannot
  // prepare), and what it reads of the growing tables more than it needs:
  // - a SCAN: every row of the table (or of one of its indexes);
  // - a SEARCH on the organisation alone while the statement asks for the rows of one record of
  //   that table (`circle_id = :circle`): every row of the organisation's history, kept or not.
  //   A filter that may be switched off (`:any = 1 OR stage = :stage`) is no such request.
  std::pair<std::string, std::vector<Finding>> PlanOf(const std::string& sql) {
    sqlite_api::sqlite3_stmt* statement = nullptr;
    const std::string explain = "EXPLAIN QUERY PLAN " + sql;
    if (sqlite_api::sqlite3_prepare_v2(connection_, explain.c_str(), -1, &statement, nullptr)) {
      sqlite_api::sqlite3_finalize(statement);
      return {std::string("cannot be planned: ") + sqlite_api::sqlite3_errmsg(connection_), {}};
    }
    std::vector<std::string> details;
    while (sqlite_api::sqlite3_step(statement) == 100 /* SQLITE_ROW */) {
      details.emplace_back(
          reinterpret_cast<const char*>(sqlite_api::sqlite3_column_text(statement, 3)));
    }
    sqlite_api::sqlite3_finalize(statement);
    std::string plan;
    for (const auto& detail : details) plan += "  " + detail + "\n";
    static const std::regex scan(R"re(^SCAN ([A-Za-z_][A-Za-z0-9_]*)( |$))re");
    static const std::regex search(
        R"re(^SEARCH ([A-Za-z_][A-Za-z0-9_]*) USING (COVERING )?INDEX \S+ \(organisation_id=\?\)$)re");
    const auto tables = TablesByAlias(sql);
    const bool bounded_scan = NewestFirstPage(sql, plan);
    std::vector<Finding> findings;
    for (const auto& detail : details) {
      std::smatch read;
      const bool scans = std::regex_search(detail, read, scan);
      if (!scans && !std::regex_search(detail, read, search)) continue;
      if (scans && bounded_scan && detail.find(" INDEX ") != std::string::npos) continue;
      const auto [first, last] = tables.equal_range(read[1].str());
      for (auto it = first; it != last; ++it) {
        if (!kGrowingTables.contains(it->second)) continue;
        if (scans) {
          findings.push_back({it->second, detail, "reads every row of " + it->second});
        } else if (const auto column = RecordFilter(sql, read[1].str(), it->second)) {
          findings.push_back(
              {it->second, detail,
               "reads all of the organisation's " + it->second + " to keep those of " + *column});
        }
      }
    }
    return {plan, findings};
  }

 private:
  // A column of `table` (shown as `name` in the plan) that `sql` compares with a parameter, other
  // than the organisation and not in an optional filter, if any.
  std::optional<std::string> RecordFilter(const std::string& sql, const std::string& name,
                                          const std::string& table) {
    static const std::regex equal(
        R"re(\b(?:([a-z_][a-z0-9_]*)\.)?([a-z_][a-z0-9_]*)\s*=\s*:[a-z_])re", std::regex::icase);
    static const std::regex optional(R"re(\bor\s*$)re", std::regex::icase);
    const auto& columns = ColumnsOf(table);
    for (std::sregex_iterator it(sql.begin(), sql.end(), equal), end; it != end; ++it) {
      const std::string qualifier = (*it)[1].str();
      const std::string column = (*it)[2].str();
      if (column == "organisation_id" || !columns.contains(column)) continue;
      if (qualifier.empty() ? name != table : qualifier != name) continue;
      const std::string before = sql.substr(0, static_cast<std::size_t>(it->position()));
      if (std::regex_search(before, optional)) continue;
      return column;
    }
    return std::nullopt;
  }

  const std::set<std::string>& ColumnsOf(const std::string& table) {
    auto [found, added] = columns_.try_emplace(table);
    if (!added) return found->second;
    sqlite_api::sqlite3_stmt* statement = nullptr;
    const std::string pragma = "PRAGMA table_info(" + table + ")";
    sqlite_api::sqlite3_prepare_v2(connection_, pragma.c_str(), -1, &statement, nullptr);
    while (sqlite_api::sqlite3_step(statement) == 100 /* SQLITE_ROW */) {
      found->second.insert(
          reinterpret_cast<const char*>(sqlite_api::sqlite3_column_text(statement, 1)));
    }
    sqlite_api::sqlite3_finalize(statement);
    return found->second;
  }

  sqlite_api::sqlite3* connection_;
  std::map<std::string, std::set<std::string>> columns_;
};

// `sql` with every run of white space made one space: the same statement built in two places
// reads the same.
std::string Normalised(const std::string& sql) {
  static const std::regex space(R"re(\s+)re");
  return std::regex_replace(sql, space, " ");
}

// True for the statements that have no plan to read: transactions and settings.
bool Planless(const std::string& sql) {
  static const std::regex control(R"re(^\s*(pragma|begin|commit|rollback|savepoint|release)\b)re",
                                  std::regex::icase);
  return std::regex_search(sql, control);
}

class QueryPlan : public ::testing::Test {
 protected:
  ~QueryPlan() override { store::query_log::Stop(); }

  // The demo accounts (their addresses, from the sign-ins the demo prints).
  static std::vector<std::string> DemoAccounts() {
    static const std::regex address(R"re(: ([^ ]+@demo\.example) /)re");
    std::vector<std::string> accounts;
    for (const auto& line : demo::DemoLogins()) {
      std::smatch read;
      if (std::regex_search(line, read, address)) accounts.push_back(read[1].str());
    }
    return accounts;
  }

  // Visits, as `email`, every page without a parameter and every page its pages link to, each
  // route (with the same query parameters) once; records which page first ran each statement.
  void Crawl(const std::string& email) {
    const auto user = auth_.FindUserByEmail(email);
    ASSERT_TRUE(user) << email;
    const TestUser account{user->id, user->organisation_id, user->display_name, user->email,
                           user->roles};
    auto client = auth_.SignedInClient(account);
    std::deque<std::string> pending = {"/"};
    for (const auto& route : router_.routes()) {
      if (route.method == web::Method::kGet && route.access == web::Access::kSignedIn &&
          route.pattern.find('{') == std::string::npos)
        pending.push_back(route.pattern);
    }
    std::set<std::string> seen;
    while (!pending.empty()) {
      const std::string path = pending.front();
      pending.pop_front();
      const std::string pattern = PatternOf(router_, path);
      if (pattern.empty() || pattern.starts_with("/static/") || !seen.insert(pattern).second)
        continue;
      store::query_log::Start();
      const auto answer = client->Get(path);
      const auto statements = store::query_log::Take();
      visited_patterns_.insert(pattern.substr(0, pattern.find(' ')));
      // Downloads and exports read what they export, whole by design: pages only.
      if (answer.status != 200 || !answer.Header("content-type").starts_with("text/html")) continue;
      ++pages_;
      for (const auto& sql : statements)
        first_page_.emplace(Normalised(sql), "GET " + path + " as " + email);
      for (const auto& link : LinksOf(answer.body)) pending.push_back(link);
    }
  }

  TestServer server_{TestServer::Options{.backend = Backend::kSqlite}};
  AuthFixture auth_{server_};
  web::Router router_{web::AllRoutes()};
  std::map<std::string, std::string> first_page_;  // statement → the page that first ran it
  std::set<std::string> visited_patterns_;
  int pages_ = 0;
};

// The rules themselves, on a small schema: a circle's meetings found through an index on the
// organisation and the date are the organisation's history read whole; through the organisation,
// the circle and the date, they are not.
TEST(QueryPlanRules, FindWholeTablesAndWholeOrganisationsButNotARecordsRows) {
  soci::session session("sqlite3", "db=:memory:");
  session << "CREATE TABLE circle_meetings (id integer PRIMARY KEY, organisation_id integer, "
             "circle_id integer, starts bigint)";
  session << "CREATE TABLE backup_runs (slot text PRIMARY KEY, started_at bigint)";
  session << "CREATE INDEX meetings_date ON circle_meetings (organisation_id, starts)";
  session << "CREATE INDEX backup_runs_newest ON backup_runs (started_at, slot)";
  Planner planner(static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_);
  const std::string of_circle =
      "SELECT m.id FROM circle_meetings m WHERE m.organisation_id = :organisation AND "
      "m.circle_id = :circle ORDER BY m.starts";
  EXPECT_EQ(
      planner.PlanOf("SELECT id FROM circle_meetings WHERE circle_id = :circle").second.size(), 1u);
  const auto whole_organisation = planner.PlanOf(of_circle).second;
  ASSERT_EQ(whole_organisation.size(), 1u);
  EXPECT_EQ(whole_organisation.front().why,
            "reads all of the organisation's circle_meetings to keep those of circle_id");
  EXPECT_TRUE(planner
                  .PlanOf("SELECT id FROM circle_meetings WHERE organisation_id = :organisation "
                          "AND (:any = 1 OR circle_id = :circle) ORDER BY starts")
                  .second.empty());
  EXPECT_TRUE(planner
                  .PlanOf("SELECT slot FROM backup_runs ORDER BY started_at DESC, slot DESC "
                          "LIMIT :limit")
                  .second.empty());
  session << "CREATE INDEX meetings_circle ON circle_meetings (organisation_id, circle_id, starts)";
  EXPECT_TRUE(planner.PlanOf(of_circle).second.empty());
}

TEST_F(QueryPlan, EveryTableIsSaidToGrowOrNot) {
  auto session = store::OpenSession(server_.test_database().url());
  ASSERT_TRUE(session);
  std::vector<std::string> tables;
  soci::rowset<std::string> names =
      ((*session)->prepare << "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
                              "LIKE 'sqlite_%' ORDER BY name");
  for (const auto& name : names) {
    EXPECT_NE(kGrowingTables.contains(name), kSmallTables.contains(name))
        << "table " << name
        << " must be in exactly one of kGrowingTables (read through an index) and kSmallTables";
  }
}

TEST_F(QueryPlan, NoPageReadsAWholeTableThatGrowsWithHistory) {
  ReportFixture(server_).LoadDemo();
  for (const auto& email : DemoAccounts()) Crawl(email);
  std::cout << "[ note     ] " << pages_ << " pages ran " << first_page_.size()
            << " distinct statements\n";
  ASSERT_GT(first_page_.size(), 100u) << "the pages ran too few statements: the crawl failed";
  for (const auto& route : router_.routes()) {
    if (route.method == web::Method::kGet && route.access == web::Access::kSignedIn &&
        !visited_patterns_.contains(route.pattern))
      std::cout << "[ note     ] no demo page links to " << route.pattern << "\n";
  }
  auto session = store::OpenSession(server_.test_database().url());
  ASSERT_TRUE(session);
  Planner planner(static_cast<soci::sqlite3_session_backend*>((*session)->get_backend())->conn_);
  for (const auto& [sql, page] : first_page_) {
    if (Planless(sql)) continue;
    const auto [plan, findings] = planner.PlanOf(sql);
    if (plan.starts_with("cannot be planned")) {
      ADD_FAILURE() << page << " ran a statement that " << plan << "\n" << sql;
      continue;
    }
    for (const auto& finding : findings) {
      ADD_FAILURE() << page << " " << finding.why << " (" << finding.detail << "):\n"
                    << sql << "\nplan:\n"
                    << plan;
    }
  }
}

}  // namespace
}  // namespace cercle::testing
