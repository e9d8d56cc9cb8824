// The funder report on the fixed demo data: each figure the page shows equals a count computed
// here, independently, from the raw records with SQL, for a fiscal quarter and for a period across
// a year boundary. On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>

#include "base/dates.hpp"
#include "store/database.hpp"
#include "support/auth_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

// A figure as the page shows it: its value and its breakdown lines, by key.
struct PageFigure {
  long long value = 0;
  std::map<std::string, long long> lines;
};

// Reads every figure of a funder report page (data-figure, data-value, data-line).
std::map<std::string, PageFigure> ReadFigures(const std::string& page) {
  std::map<std::string, PageFigure> figures;
  const std::regex figure(R"re(<div class="figure" data-figure="([a-z_]+)" data-value="(\d+)">)re");
  const std::regex line(R"re(<li data-line="([a-z_0-9-]+)" data-value="(\d+)">)re");
  for (std::sregex_iterator it(page.begin(), page.end(), figure), end; it != end; ++it) {
    PageFigure read;
    read.value = std::stoll((*it)[2].str());
    const auto start = static_cast<std::size_t>(it->position() + it->length());
    const auto stop = page.find("</div>", start);
    const std::string block = page.substr(start, stop - start);
    for (std::sregex_iterator l(block.begin(), block.end(), line); l != end; ++l) {
      read.lines[(*l)[1].str()] = std::stoll((*l)[2].str());
    }
    figures[(*it)[1].str()] = read;
  }
  return figures;
}

class ReportFigures : public ::testing::TestWithParam<Backend> {
 protected:
  ReportFigures() {
    organisation_ = ReportFixture(server_).LoadDemo();
    const auto user = auth_.FindUserByEmail("coordination@demo.example");
    coordinator_ = {user->id, user->organisation_id, user->display_name, user->email, user->roles};
    client_ = auth_.SignedInClient(coordinator_);
    client_->SetCookie("lang", "en");
  }

  // Runs `sql` (binding :organisation and the named values) and reads one whole number.
  long long Scalar(const std::string& sql, const std::map<std::string, std::string>& texts = {},
                   const std::map<std::string, long long>& numbers = {}) {
    return server_.test_database().database().Read(
        store::Scope::Organisation(organisation_), [&](soci::session& session) {
          long long value = 0;
          soci::indicator indicator = soci::i_null;
          std::int64_t organisation = organisation_;
          soci::statement statement(session);
          statement.exchange(soci::into(value, indicator));
          statement.exchange(soci::use(organisation, "organisation"));
          for (const auto& [name, text] : texts) statement.exchange(soci::use(text, name));
          for (const auto& [name, number] : numbers) statement.exchange(soci::use(number, name));
          statement.alloc();
          statement.prepare(sql);
          statement.define_and_bind();
          statement.execute(true);
          return indicator == soci::i_ok ? value : 0LL;
        });
  }

  // Rows of (text, text) pairs that `sql` returns.
  std::vector<std::pair<std::string, std::string>> Pairs(
      const std::string& sql, const std::map<std::string, long long>& numbers) {
    return server_.test_database().database().Read(
        store::Scope::Organisation(organisation_), [&](soci::session& session) {
          std::string first, second;
          soci::indicator second_indicator = soci::i_null;
          std::int64_t organisation = organisation_;
          soci::statement statement(session);
          statement.exchange(soci::into(first));
          statement.exchange(soci::into(second, second_indicator));
          statement.exchange(soci::use(organisation, "organisation"));
          for (const auto& [name, number] : numbers) statement.exchange(soci::use(number, name));
          statement.alloc();
          statement.prepare(sql);
          statement.define_and_bind();
          statement.execute();
          std::vector<std::pair<std::string, std::string>> rows;
          while (statement.fetch()) {
            rows.emplace_back(first, second_indicator == soci::i_ok ? second : std::string());
          }
          return rows;
        });
  }

  // Every figure of the report for [from, to], computed here from the raw records.
  std::map<std::string, PageFigure> Independent(CivilDate from, CivilDate to) {
    std::map<std::string, PageFigure> figures;
    const std::map<std::string, std::string> period = {{"from", FormatIsoDate(from)},
                                                       {"to", FormatIsoDate(to)}};
    const long long to_bound = ReportFixture(server_).StartOf(AddDays(to, 1));

    // Volunteer hours: approved logged hours and training attended, by month.
    const std::string logged =
        "SELECT COALESCE(SUM(minutes), 0) FROM volunteer_hours WHERE organisation_id = "
        ":organisation AND status = 'approved' AND worked_on >= :from AND worked_on <= :to";
    const std::string trained =
        "SELECT COALESCE(SUM(a.minutes), 0) FROM training_attendance a JOIN training_sessions s"
        " ON s.id = a.session_id WHERE a.organisation_id = :organisation AND s.held_on >= :from"
        " AND s.held_on <= :to";
    // Volunteers' expenses: approved and paid claims, in cents, by the month of their day.
    const std::string expenses =
        "SELECT COALESCE(SUM(amount_cents), 0) FROM expense_claims WHERE organisation_id = "
        ":organisation AND status IN ('approved', 'paid') AND incurred_on >= :from AND "
        "incurred_on <= :to";
    PageFigure hours;
    PageFigure costs;
    hours.value = Scalar(logged, period) + Scalar(trained, period);
    costs.value = Scalar(expenses, period);
    for (CivilDate month = from.year() / from.month() / std::chrono::day{1}; month <= to;
         month = AddMonths(month, 1)) {
      const CivilDate first = std::max(month, from);
      const CivilDate last = std::min(AddDays(AddMonths(month, 1), -1), to);
      const std::map<std::string, std::string> days = {{"from", FormatIsoDate(first)},
                                                       {"to", FormatIsoDate(last)}};
      hours.lines[FormatIsoDate(month).substr(0, 7)] = Scalar(logged, days) + Scalar(trained, days);
      costs.lines[FormatIsoDate(month).substr(0, 7)] = Scalar(expenses, days);
    }
    figures["volunteer_hours"] = hours;
    figures["volunteer_expenses"] = costs;
    // The default value of an hour: 27.50 $, rounded to the cent.
    PageFigure value;
    value.value = (hours.value * 2750 + 30) / 60;
    for (const auto& [month, minutes] : hours.lines)
      value.lines[month] = (minutes * 2750 + 30) / 60;
    figures["volunteer_hours_value"] = value;

    // Trained volunteers: every active module required before a circle attended long enough by
    // the end of the period, and the file open then.
    const std::string complete_by =
        " NOT EXISTS (SELECT 1 FROM training_modules m WHERE m.organisation_id = v.organisation_id"
        " AND m.active = 1 AND m.required_for_circles = 1 AND (SELECT COALESCE(SUM(a.minutes), 0)"
        " FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id WHERE"
        " a.volunteer_id = v.id AND s.module_id = m.id AND s.held_on <= :day) < CASE WHEN"
        " m.required_minutes > 1 THEN m.required_minutes ELSE 1 END) AND EXISTS (SELECT 1 FROM"
        " training_modules m WHERE m.organisation_id = v.organisation_id AND m.active = 1 AND"
        " m.required_for_circles = 1)";
    figures["trained_volunteers"].value = Scalar(
        "SELECT COUNT(*) FROM volunteers v WHERE v.organisation_id = :organisation AND (SELECT"
        " c.to_stage FROM volunteer_stage_changes c WHERE c.volunteer_id = v.id AND c.changed_at <"
        " :bound ORDER BY c.changed_at DESC, c.id DESC LIMIT 1) NOT IN ('exited', 'not_retained')"
        " AND" +
            complete_by,
        {{"day", FormatIsoDate(to)}}, {{"bound", to_bound}});
    figures["newly_trained_volunteers"].value =
        Scalar("SELECT COUNT(*) FROM volunteers v WHERE v.organisation_id = :organisation AND" +
                   complete_by,
               {{"day", FormatIsoDate(to)}}) -
        Scalar("SELECT COUNT(*) FROM volunteers v WHERE v.organisation_id = :organisation AND" +
                   complete_by,
               {{"day", FormatIsoDate(AddDays(from, -1))}});

    // Potential core members at the end of the period.
    PageFigure potential;
    potential.lines["referrals"] = Scalar(
        "SELECT COUNT(*) FROM referrals r WHERE r.organisation_id = :organisation AND"
        " r.received_on <= :to AND COALESCE((SELECT c.to_status FROM referral_status_changes c"
        " WHERE c.referral_id = r.id AND c.changed_at < :bound ORDER BY c.changed_at DESC, c.id"
        " DESC LIMIT 1), 'received') IN ('received', 'screening', 'waitlisted')",
        {{"to", FormatIsoDate(to)}}, {{"bound", to_bound}});
    potential.lines["files"] = Scalar(
        "SELECT COUNT(*) FROM core_members m WHERE m.organisation_id = :organisation AND (SELECT"
        " c.to_status FROM core_member_status_changes c WHERE c.core_member_id = m.id AND"
        " c.changed_at < :bound ORDER BY c.changed_at DESC, c.id DESC LIMIT 1) IN ('candidate',"
        " 'waiting_for_circle')",
        {}, {{"bound", to_bound}});
    potential.value = potential.lines["referrals"] + potential.lines["files"];
    figures["potential_core_members"] = potential;

    // Circles, formal and informal, by the last active phase each was in during the period; and
    // the volunteers of each kind's circles whose stay overlapped the period.
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> phases;  // by circle
    for (const auto& [circle, change] :
         Pairs("SELECT CAST(circle_id AS text), decided_on || ' ' || to_phase FROM"
               " circle_phase_changes WHERE organisation_id = :organisation ORDER BY decided_on,"
               " id",
               {})) {
      phases[circle].emplace_back(change.substr(0, 10), change.substr(11));
    }
    const std::string from_text = FormatIsoDate(from);
    const std::string to_text = FormatIsoDate(to);
    const auto active = [](const std::string& phase) {
      return phase != "forming" && phase != "suspended" && phase != "closed";
    };
    std::map<std::string, std::string> kind_of;  // circle → "formal" / "informal"
    for (const auto& [circle, changes] : phases) {
      std::string in_force, last_active;
      for (const auto& [day, phase] : changes) {
        if (day <= from_text) in_force = phase;
      }
      if (active(in_force)) last_active = in_force;
      for (const auto& [day, phase] : changes) {
        if (day > from_text && day <= to_text && active(phase)) last_active = phase;
      }
      if (!last_active.empty()) kind_of[circle] = last_active == "informal" ? "informal" : "formal";
    }
    PageFigure circles;
    circles.lines = {{"formal", 0}, {"informal", 0}};
    for (const auto& [circle, kind] : kind_of) ++circles.lines[kind];
    circles.value = static_cast<long long>(kind_of.size());
    figures["circles"] = circles;
    std::map<std::string, std::set<std::string>> volunteers_by_kind;
    for (const auto& [circle, stay] :
         Pairs("SELECT CAST(circle_id AS text), CAST(volunteer_id AS text) || ' ' || joined_on ||"
               " ' ' || COALESCE(left_on, '9999-12-31') FROM circle_members WHERE organisation_id ="
               " :organisation",
               {})) {
      const auto kind = kind_of.find(circle);
      if (kind == kind_of.end()) continue;
      const auto space = stay.find(' ');
      const std::string volunteer = stay.substr(0, space);
      const std::string joined = stay.substr(space + 1, 10);
      const std::string left = stay.substr(space + 12, 10);
      if (joined <= to_text && left >= from_text)
        volunteers_by_kind[kind->second].insert(volunteer);
    }
    figures["volunteers_in_formal_circles"].value =
        static_cast<long long>(volunteers_by_kind["formal"].size());
    figures["volunteers_other_circles"].value =
        static_cast<long long>(volunteers_by_kind["informal"].size());

    // Core members of those circles, by the source of the referral accepted last by the period's
    // end.
    std::set<std::string> core_members;
    for (const auto& [circle, core_member] :
         Pairs("SELECT CAST(id AS text), CAST(core_member_id AS text) FROM circles WHERE"
               " organisation_id = :organisation",
               {})) {
      if (kind_of.count(circle)) core_members.insert(core_member);
    }
    PageFigure by_source;
    by_source.lines = {{"csc", 0}, {"provincial", 0}, {"other", 0}};
    for (const auto& [id, source] :
         Pairs("SELECT CAST(m.id AS text), (SELECT r.source FROM referrals r JOIN"
               " referral_status_changes c ON c.referral_id = r.id AND c.to_status = 'accepted'"
               " WHERE r.core_member_id = m.id AND c.changed_at < :to_bound ORDER BY c.changed_at"
               " DESC LIMIT 1) FROM core_members m WHERE m.organisation_id = :organisation",
               {{"to_bound", to_bound}})) {
      if (!core_members.count(id)) continue;
      const std::string group = source == "csc"          ? "csc"
                                : source == "provincial" ? "provincial"
                                                         : "other";
      ++by_source.lines[group];
      ++by_source.value;
    }
    figures["core_members_by_source"] = by_source;

    // Outreach.
    const auto outreach = [&](const std::string& kind) {
      return Scalar(
          "SELECT COUNT(*) FROM outreach_activities WHERE organisation_id = :organisation AND"
          " kind = :kind AND held_on >= :from AND held_on <= :to",
          {{"kind", kind}, {"from", FormatIsoDate(from)}, {"to", FormatIsoDate(to)}});
    };
    PageFigure presentations;
    presentations.lines = {{"presentation", outreach("presentation")},
                           {"event", outreach("event")}};
    presentations.value = presentations.lines["presentation"] + presentations.lines["event"];
    figures["outreach_presentations"] = presentations;
    PageFigure media;
    media.lines = {{"media_interview", outreach("media_interview")},
                   {"article", outreach("article")}};
    media.value = media.lines["media_interview"] + media.lines["article"];
    figures["media_outreach"] = media;
    PageFigure reached;
    for (const std::string kind : {"presentation", "media_interview", "article", "event"}) {
      reached.lines[kind] = Scalar(
          "SELECT COALESCE(SUM(reach), 0) FROM outreach_activities WHERE organisation_id ="
          " :organisation AND kind = :kind AND held_on >= :from AND held_on <= :to",
          {{"kind", kind}, {"from", FormatIsoDate(from)}, {"to", FormatIsoDate(to)}});
      reached.value += reached.lines[kind];
    }
    figures["people_reached"] = reached;

    // Recidivism events, by category and period.
    for (const std::string kind :
         {"new_charge", "conviction", "breach_of_conditions", "return_to_custody"}) {
      PageFigure events;
      for (const std::string category : {"sexual", "violent", "other"}) {
        for (const std::string when : {"during", "after"}) {
          const long long count = Scalar(
              "SELECT COUNT(*) FROM recidivism_events WHERE organisation_id = :organisation AND"
              " kind = :kind AND category = :category AND circle_period = :period AND"
              " occurred_on >= :from AND occurred_on <= :to",
              {{"kind", kind},
               {"category", category},
               {"period", when},
               {"from", FormatIsoDate(from)},
               {"to", FormatIsoDate(to)}});
          events.lines[category + "_" + when] = count;
          events.value += count;
        }
      }
      const std::string key = kind == "new_charge"             ? "new_charges"
                              : kind == "conviction"           ? "convictions"
                              : kind == "breach_of_conditions" ? "breaches_of_conditions"
                                                               : "returns_to_custody";
      figures[key] = events;
    }
    return figures;
  }

  // Compares the page's figures for [from, to] with the independent ones.
  std::map<std::string, PageFigure> CheckPeriod(CivilDate from, CivilDate to) {
    const std::string path =
        "/reports/funder?from=" + FormatIsoDate(from) + "&to=" + FormatIsoDate(to);
    const auto page = client_->Get(path);
    EXPECT_EQ(page.status, 200) << path;
    const auto shown = ReadFigures(page.body);
    const auto expected = Independent(from, to);
    EXPECT_EQ(shown.size(), expected.size()) << path << ": the page shows other figures";
    for (const auto& [key, figure] : expected) {
      const auto found = shown.find(key);
      if (found == shown.end()) {
        ADD_FAILURE() << path << ": the page lacks figure " << key;
        continue;
      }
      EXPECT_EQ(found->second.value, figure.value) << path << ": figure " << key;
      for (const auto& [line, value] : figure.lines) {
        const auto shown_line = found->second.lines.find(line);
        if (shown_line == found->second.lines.end()) {
          ADD_FAILURE() << path << ": figure " << key << " lacks line " << line;
          continue;
        }
        EXPECT_EQ(shown_line->second, value) << path << ": figure " << key << ", line " << line;
      }
      EXPECT_EQ(found->second.lines.size(), figure.lines.size()) << path << ": figure " << key;
    }
    // Equal figures prove nothing when both sides count nothing: the demo data gives every period
    // checked here records to count.
    long long counted = 0;
    for (const auto& [key, figure] : shown) counted += figure.value;
    EXPECT_GT(counted, 0) << path << ": every figure is zero";
    return expected;
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  std::int64_t organisation_ = 0;
  TestUser coordinator_;
  std::unique_ptr<HttpClient> client_;
};

TEST_P(ReportFigures, AQuarterEqualsTheRawRecords) {
  // The test clock's today is 2026-11-30: the last full quarter of a fiscal year starting in
  // April is July to September 2026.
  const auto figures =
      CheckPeriod(CivilDate{std::chrono::year{2026}, std::chrono::July, std::chrono::day{1}},
                  CivilDate{std::chrono::year{2026}, std::chrono::September, std::chrono::day{30}});
  // The demo data gives the quarter something to count.
  EXPECT_GT(figures.at("volunteer_hours").value, 0);
  EXPECT_GT(figures.at("outreach_presentations").value, 0);
  EXPECT_GT(figures.at("core_members_by_source").value, 0);
  EXPECT_GT(figures.at("circles").lines.at("formal"), 0);
  EXPECT_GT(figures.at("circles").lines.at("informal"), 0);
  EXPECT_GT(figures.at("volunteers_in_formal_circles").value, 0);
  EXPECT_GT(figures.at("volunteers_other_circles").value, 0);
  // The page opens on the current quarter (issue 16), October to December, that quarter one click
  // away.
  const auto page = client_->Get("/reports/funder");
  EXPECT_NE(page.body.find("value=\"2026-10-01\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"2026-12-31\""), std::string::npos);
  EXPECT_NE(page.body.find("/reports/funder?from=2026-07-01&amp;to=2026-09-30"), std::string::npos);
}

TEST_P(ReportFigures, APeriodAcrossAYearBoundaryEqualsTheRawRecords) {
  const auto figures =
      CheckPeriod(CivilDate{std::chrono::year{2025}, std::chrono::December, std::chrono::day{1}},
                  CivilDate{std::chrono::year{2026}, std::chrono::November, std::chrono::day{30}});
  EXPECT_GT(figures.at("volunteer_hours").value, 0);
  EXPECT_GT(figures.at("trained_volunteers").value, 0);
  EXPECT_GT(figures.at("potential_core_members").value, 0);
  EXPECT_GT(figures.at("media_outreach").value, 0);
  EXPECT_GT(figures.at("people_reached").value, 0);
  EXPECT_GT(figures.at("breaches_of_conditions").value + figures.at("new_charges").value, 0);
  // December 2025 and January 2026 are both lines of the hours.
  EXPECT_EQ(figures.at("volunteer_hours").lines.count("2025-12"), 1u);
  EXPECT_EQ(figures.at("volunteer_hours").lines.count("2026-01"), 1u);
}

TEST_P(ReportFigures, AShortPeriodAcrossNewYearEqualsTheRawRecords) {
  CheckPeriod(CivilDate{std::chrono::year{2025}, std::chrono::December, std::chrono::day{15}},
              CivilDate{std::chrono::year{2026}, std::chrono::January, std::chrono::day{31}});
}

TEST_P(ReportFigures, EachFigureListsTheRecordsItCounts) {
  const std::string period = "?from=2025-12-01&to=2026-11-30";
  const auto shown = ReadFigures(client_->Get("/reports/funder" + period).body);
  for (const std::string key :
       {"trained_volunteers", "newly_trained_volunteers", "potential_core_members",
        "core_members_by_source", "outreach_presentations", "media_outreach", "new_charges",
        "convictions", "breaches_of_conditions", "returns_to_custody", "circles",
        "volunteers_in_formal_circles", "volunteers_other_circles"}) {
    const auto page = client_->Get("/reports/funder/figures/" + key + period);
    ASSERT_EQ(page.status, 200) << key;
    // One row per record counted, each linking to it.
    std::size_t rows = 0;
    for (auto at = page.body.find("<tr><td>"); at != std::string::npos;
         at = page.body.find("<tr><td>", at + 1)) {
      ++rows;
    }
    EXPECT_EQ(static_cast<long long>(rows), shown.at(key).value) << key;
    EXPECT_NE(page.body.find("data-value=\"" + std::to_string(shown.at(key).value) + "\""),
              std::string::npos)
        << key;
  }
  EXPECT_EQ(client_->Get("/reports/funder/figures/no_such_figure" + period).status, 404);
  // The check lists name people: each view is recorded.
  EXPECT_GE(auth_.CountAuditEntries(organisation_, "report.figure_view", coordinator_.id), 13u);
}

TEST_P(ReportFigures, AnotherOrganisationsRecordsNeverCount) {
  // A second organisation with its own outreach: organisation A's figures do not move.
  const auto before =
      ReadFigures(client_->Get("/reports/funder?from=2025-12-01&to=2026-11-30").body);
  const auto other = auth_.CreateOrganisation("Cercles ailleurs (essai)", "ailleurs");
  ReportFixture(server_).AddOutreach(
      other, CivilDate{std::chrono::year{2026}, std::chrono::March, std::chrono::day{3}},
      domain::OutreachKind::kPresentation, "Ailleurs", "Public", 500);
  const auto after =
      ReadFigures(client_->Get("/reports/funder?from=2025-12-01&to=2026-11-30").body);
  EXPECT_EQ(after.at("outreach_presentations").value, before.at("outreach_presentations").value);
  EXPECT_EQ(after.at("people_reached").value, before.at("people_reached").value);
}

TEST_P(ReportFigures, APeriodTypedWrongIsRefusedInTheReadersLanguage) {
  client_->SetCookie("lang", "fr");
  const auto page = client_->Get("/reports/funder?from=2026-12-01&to=2026-01-31");
  EXPECT_EQ(page.status, 422);
  EXPECT_NE(page.body.find("value=\"2026-12-01\""), std::string::npos) << "what was typed is kept";
  EXPECT_NE(page.body.find("aria-invalid=\"true\""), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ReportFigures, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, ReportFigures, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
