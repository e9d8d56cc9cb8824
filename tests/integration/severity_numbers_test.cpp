// Issue 16, points 1 and 8, over a real socket on SQLite and PostgreSQL: the raising forms name
// each severity for what it sets off, with the delays of the organisation's settings and an
// example; each severity wears its own badge (class, icon, name) in the register, on the concern's
// page, in the volunteer's list and in the dashboard's chart and table; chart numbers are written
// in French; the dashboard opens on the last twelve months and the funder's report on the current
// quarter, whose links name their months; the public page hides small counts of people only.
#include <gtest/gtest.h>

#include <set>

#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"
#include "web/badges.hpp"
#include "web/views.hpp"

namespace cercle::testing {
namespace {

using domain::Severity;

// How many times `needle` occurs in `text`.
std::size_t Occurrences(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

// The part of `text` from `start` to the next `end` (empty when `start` is absent).
std::string Between(const std::string& text, const std::string& start, const std::string& end) {
  const auto from = text.find(start);
  if (from == std::string::npos) return "";
  const auto to = text.find(end, from);
  return text.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

class SeverityNumbers : public ::testing::TestWithParam<Backend> {
 protected:
  SeverityNumbers() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    today_ = circles_.Today();
    volunteer_ = volunteers_.CreateVolunteer(a_.id, "Bastien", "Bénévole",
                                             domain::VolunteerStage::kActive, a_.volunteer.id);
    const auto core_member = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001");
    circle_ = circles_.CreateCircle(a_.id, core_member, domain::CirclePhase::kWeekly,
                                    AddDays(today_, -60), AddDays(today_, -60));
    circles_.AddMember(a_.id, circle_, volunteer_, AddDays(today_, -60), true);
  }

  // The badge of `severity` as every page writes it, with its French name.
  std::string Badge(Severity severity) {
    const auto& look = web::LookOf(severity);
    return R"(<span class="badge severity severity--)" + std::string(look.modifier) +
           R"("><svg class="severity__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path fill-rule="evenodd" d=")" +
           std::string(look.icon) + R"("/></svg>)" +
           concerns_.French(std::string(domain::LabelOf(severity))) + "</span>";
  }

  // Raises one concern of each severity, by the volunteer; returns their ids.
  std::vector<std::int64_t> RaiseOneOfEach() {
    std::vector<std::int64_t> ids;
    for (const auto severity : domain::Severities()) {
      ids.push_back(concerns_.Raise({.organisation_id = a_.id,
                                     .circle_id = circle_,
                                     .raised_by = a_.volunteer.id,
                                     .raised_by_volunteer = volunteer_,
                                     .severity = severity}));
    }
    return ids;
  }

  std::string Id(std::int64_t id) const { return std::to_string(id); }
  // The period form of a report page shows `from` to `to`.
  static void ExpectPeriod(const std::string& body, const std::string& from,
                           const std::string& to) {
    EXPECT_NE(body.find(R"(id="from" name="from" type="date" value=")" + from + "\""),
              std::string::npos)
        << from;
    EXPECT_NE(body.find(R"(id="to" name="to" type="date" value=")" + to + "\""), std::string::npos)
        << to;
  }
  std::string French(double value, int decimals) {
    return server_.runtime().translator().FormatNumber(i18n::Language::kFrench, value, decimals);
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  ConcernFixture concerns_{server_};
  TestOrganisation a_;
  CivilDate today_;
  std::int64_t volunteer_ = 0, circle_ = 0;
};

TEST_P(SeverityNumbers, TheRaiseFormsNameEachSeverityWithTheOrganisationsDelaysAndAnExample) {
  auto volunteer = auth_.SignedInClient(a_.volunteer);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::string portal_form = "/portal/circles/" + Id(circle_) + "/concerns/new";
  const std::string staff_form = "/circles/" + Id(circle_) + "/concerns/new";
  const auto expect_choices = [&](const std::string& body, const std::string& urgent_delay,
                                  const std::string& emergency_delay, const std::string& where) {
    EXPECT_NE(
        body.find(concerns_.French("Urgent: response within {delay}", {{"delay", urgent_delay}})),
        std::string::npos)
        << where;
    EXPECT_NE(body.find(concerns_.French("Immediate danger: {delay} — call 911 first",
                                         {{"delay", emergency_delay}})),
              std::string::npos)
        << where;
    for (const auto severity : domain::Severities()) {
      const std::string name(domain::NameOf(severity));
      // Each choice with its example beneath, which the radio button names as its description.
      EXPECT_NE(body.find(R"(id="severity-)" + name + R"(" name="severity" value=")" + name +
                          R"(" aria-describedby="severity-)" + name + R"(-example")"),
                std::string::npos)
          << where << " " << name;
      EXPECT_NE(body.find(R"(id="severity-)" + name + R"(-example">)" +
                          concerns_.French(domain::MeaningOf(severity).example)),
                std::string::npos)
          << where << " " << name;
      EXPECT_NE(body.find("severity-choice--" + name), std::string::npos) << where << " " << name;
      EXPECT_NE(body.find(std::string(web::LookOf(severity).icon)), std::string::npos)
          << where << " " << name;
    }
    // The old, ambiguous word is gone from the choices.
    EXPECT_EQ(Between(body, "severity-choices", "</ul>").find(">Urgence<"), std::string::npos);
  };

  // The defaults: 4 hours and 15 minutes.
  for (const auto& [client, path] :
       {std::pair{volunteer.get(), portal_form}, std::pair{coordinator.get(), staff_form}}) {
    const auto form = client->Get(path);
    ASSERT_EQ(form.status, 200) << path;
    expect_choices(form.body, concerns_.French("{hours} h", {{"hours", "4"}}),
                   concerns_.French("{minutes} min", {{"minutes", "15"}}), path);
  }
  const auto words = volunteer->Get(portal_form).body;
  EXPECT_NE(words.find(web::EscapeHtml("Urgent : réponse d'ici 4 h")), std::string::npos)
      << "in the words the volunteer reads";
  EXPECT_NE(words.find(web::EscapeHtml("Danger immédiat : 15 min — appelez d'abord le 911")),
            std::string::npos);

  // The organisation's own delays.
  concerns_.SetSetting(a_.id, domain::SettingKey::kConcernAckMinutesUrgent, 90);
  concerns_.SetSetting(a_.id, domain::SettingKey::kConcernAckMinutesEmergency, 10);
  for (const auto& [client, path] :
       {std::pair{volunteer.get(), portal_form}, std::pair{coordinator.get(), staff_form}}) {
    const auto form = client->Get(path);
    ASSERT_EQ(form.status, 200) << path;
    expect_choices(form.body,
                   concerns_.French("{hours} h {minutes} min", {{"hours", "1"}, {"minutes", "30"}}),
                   concerns_.French("{minutes} min", {{"minutes", "10"}}), path);
  }

  // A form sent without a severity comes back with the choices and what was typed.
  const auto refused = volunteer->PostForm("/portal/circles/" + Id(circle_) + "/concerns",
                                           {{"severity", ""},
                                            {"category", "hostility"},
                                            {"observed", "Vu."},
                                            {"observed_at", "2026-11-30T08:30"},
                                            {"already_done", ""}},
                                           portal_form);
  EXPECT_EQ(refused.status, 422);
  expect_choices(refused.body,
                 concerns_.French("{hours} h {minutes} min", {{"hours", "1"}, {"minutes", "30"}}),
                 concerns_.French("{minutes} min", {{"minutes", "10"}}), "refused");
}

TEST_P(SeverityNumbers, EachSeverityHasItsOwnBadgeAndIconInTheRegisterThePageAndThePortal) {
  const auto ids = RaiseOneOfEach();
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto all = coordinator->Get("/concerns");
  ASSERT_EQ(all.status, 200);
  const std::string rows = Between(all.body, "<tbody>", "</tbody>");
  std::set<std::string> badges;
  for (const auto severity : domain::Severities()) {
    EXPECT_EQ(Occurrences(rows, Badge(severity)), 1u) << domain::NameOf(severity);
    badges.insert(Badge(severity));
  }
  EXPECT_EQ(badges.size(), 4u);
  EXPECT_EQ(rows.find("badge--danger\">Urgent"), std::string::npos) << "no shared red badge";

  // The filter keeps its badges too.
  const auto urgent = coordinator->Get("/concerns?severity=urgent");
  EXPECT_EQ(Occurrences(urgent.body, Badge(Severity::kUrgent)), 1u);
  EXPECT_EQ(Occurrences(urgent.body, Badge(Severity::kEmergency)), 0u);

  const auto page = coordinator->Get("/concerns/" + Id(ids[3]));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(Badge(Severity::kEmergency)), std::string::npos);

  auto volunteer = auth_.SignedInClient(a_.volunteer);
  const auto mine = volunteer->Get("/portal/concerns");
  ASSERT_EQ(mine.status, 200);
  for (const auto severity : domain::Severities()) {
    EXPECT_EQ(Occurrences(mine.body, Badge(severity)), 1u) << domain::NameOf(severity);
  }
  const auto own = volunteer->Get("/portal/concerns/" + Id(ids[2]));
  ASSERT_EQ(own.status, 200);
  EXPECT_NE(own.body.find(Badge(Severity::kUrgent)), std::string::npos);
}

TEST_P(SeverityNumbers, TheDashboardOpensOnTwelveMonthsAndWritesChartNumbersInFrench) {
  RaiseOneOfEach();
  // October: 71.5 hours; November: 1,186.75 hours.
  const auto october = AddDays(today_, -40);
  for (int i = 0; i < 3; ++i) {
    volunteers_.AddHours(a_.id, volunteer_, october, 1430, domain::HoursStatus::kApproved,
                         a_.coordinator.id);
  }
  for (int i = 0; i < 49; ++i) {
    volunteers_.AddHours(a_.id, volunteer_, today_, 1440, domain::HoursStatus::kApproved,
                         a_.coordinator.id);
  }
  volunteers_.AddHours(a_.id, volunteer_, today_, 645, domain::HoursStatus::kApproved,
                       a_.coordinator.id);

  auto admin = auth_.SignedInClient(a_.admin);
  const auto page = admin->Get("/reports");
  ASSERT_EQ(page.status, 200);
  // The last twelve months, November 2026 included (the test clock's today is 2026-11-30).
  ExpectPeriod(page.body, "2025-12-01", "2026-11-30");

  const std::string hours = Between(page.body, "aria-labelledby=\"hours-chart-title", "</svg>");
  ASSERT_FALSE(hours.empty());
  EXPECT_NE(hours.find(">" + French(71.5, 1) + "<"), std::string::npos) << "71,5";
  EXPECT_NE(hours.find(">" + French(1186.75, 2) + "<"), std::string::npos) << "1 186,75";
  EXPECT_EQ(hours.find("71.5"), std::string::npos);
  EXPECT_EQ(hours.find("1186.8"), std::string::npos);
  EXPECT_NE(hours.find(">" + French(1000, 0) + "<"), std::string::npos) << "the axis, grouped";
  // The table beside it reads the same.
  EXPECT_NE(page.body.find("<td>" + French(1186.75, 2) + "</td>"), std::string::npos);

  // Concerns: each severity in its colour with its icon, in the legend and on its segment, and
  // its badge heading its column of the table.
  const std::string concerns =
      Between(page.body, "aria-labelledby=\"concerns-chart-title", "</svg>");
  ASSERT_FALSE(concerns.empty());
  for (const auto severity : domain::Severities()) {
    const auto& look = web::LookOf(severity);
    EXPECT_NE(
        concerns.find("fill=\"" + std::string(look.colour) + "\" d=\"" + std::string(look.icon)),
        std::string::npos)
        << "legend " << look.modifier;
    EXPECT_NE(concerns.find("fill=\"#ffffff\" d=\"" + std::string(look.icon)), std::string::npos)
        << "segment " << look.modifier;
    EXPECT_NE(page.body.find("<th scope=\"col\">" + Badge(severity) + "</th>"), std::string::npos)
        << "table " << look.modifier;
  }
}

TEST_P(SeverityNumbers, TheFunderReportOpensOnTheCurrentQuarterAndQuartersNameTheirMonths) {
  auto admin = auth_.SignedInClient(a_.admin);
  const auto page = admin->Get("/reports/funder");
  ASSERT_EQ(page.status, 200);
  // The fiscal year starts in April: 2026-11-30 falls in its third quarter, October to December.
  ExpectPeriod(page.body, "2026-10-01", "2026-12-31");
  EXPECT_NE(page.body.find("aria-current=\"true\">T3 2026–2027 (oct.–déc.)</a>"),
            std::string::npos);
  EXPECT_NE(page.body.find(">T2 2026–2027 (juill.–sept.)</a>"), std::string::npos);
  EXPECT_NE(page.body.find(">T4 2025–2026 (janv.–mars)</a>"), std::string::npos);

  // With a calendar fiscal year, the same quarter without the second year; in English too.
  ReportFixture(server_).SetSetting(a_.id, domain::SettingKey::kReportFiscalYearStartMonth, 1);
  const auto calendar = admin->Get("/reports/funder");
  EXPECT_NE(calendar.body.find("aria-current=\"true\">T4 2026 (oct.–déc.)</a>"), std::string::npos);
  ASSERT_EQ(admin->PostForm("/language", {{"lang", "en"}, {"next", "/reports/funder"}}).status,
            303);
  EXPECT_NE(
      admin->Get("/reports/funder").body.find("aria-current=\"true\">Q4 2026 (Oct.–Dec.)</a>"),
      std::string::npos);
  // The dashboard's quarter links name their months too.
  EXPECT_NE(admin->Get("/reports").body.find(">Q3 2026 (Jul.–Sep.)</a>"), std::string::npos);
}

TEST_P(SeverityNumbers, ThePublicPageHidesSmallCountsOfPeopleButNotHoursOrYears) {
  ReportFixture reports(server_);
  volunteers_.AddHours(a_.id, volunteer_, today_, 180, domain::HoursStatus::kApproved,
                       a_.coordinator.id);
  reports.SetSetting(a_.id, domain::SettingKey::kPublicFoundingYear,
                     static_cast<int>(today_.year()) - 2);
  reports.SetSetting(a_.id, domain::SettingKey::kPublicImpactPage, 1);
  HttpClient anyone(server_.base_url());
  const auto page = anyone.Get("/public/cercles-a");
  ASSERT_EQ(page.status, 200);
  // One circle: a count of people, hidden. Three hours and two years: shown as they are.
  EXPECT_NE(page.body.find("data-total=\"circles\">Moins de 5<"), std::string::npos);
  EXPECT_NE(page.body.find("data-total=\"hours\">3<"), std::string::npos);
  EXPECT_NE(page.body.find("data-total=\"years\">2<"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, SeverityNumbers, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, SeverityNumbers, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
