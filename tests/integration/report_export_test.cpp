// The funder report's exports: the XLSX opens with a real reader (Debian's python3-openpyxl) and
// the CSV with an RFC 4180 parser, and both hold the same figures as the page; text that a
// spreadsheet would read as a formula comes out neutralised; exports need a recent step-up and are
// audited. On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "domain/funder_report.hpp"
#include "support/auth_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"
#include "web/http.hpp"

namespace cercle::testing {
namespace {

constexpr const char* kPeriod = "from=2025-12-01&to=2026-11-30";

// Payloads a spreadsheet would run as formulas.
const std::vector<std::string> kPayloads = {"=HYPERLINK(\"http://exemple.invalid\",\"cliquez\")",
                                            "+SUM(1,2)",
                                            "-2+3*cmd|' /C calc'!A0",
                                            "@SUM(1+1)",
                                            "\t=1+1",
                                            "\r=1+1"};

// The figures of a page, in the order shown: key → (value, breakdown values in order).
std::map<std::string, std::pair<long long, std::vector<long long>>> PageFigures(
    const std::string& page) {
  std::map<std::string, std::pair<long long, std::vector<long long>>> figures;
  const std::regex figure(R"re(<div class="figure" data-figure="([a-z_]+)" data-value="(\d+)">)re");
  const std::regex line(R"re(<li data-line="[a-z_0-9-]+" data-value="(\d+)">)re");
  for (std::sregex_iterator it(page.begin(), page.end(), figure), end; it != end; ++it) {
    const auto start = static_cast<std::size_t>(it->position() + it->length());
    const std::string block = page.substr(start, page.find("</div>", start) - start);
    std::vector<long long> lines;
    for (std::sregex_iterator l(block.begin(), block.end(), line); l != end; ++l) {
      lines.push_back(std::stoll((*l)[1].str()));
    }
    figures[(*it)[1].str()] = {std::stoll((*it)[2].str()), lines};
  }
  return figures;
}

// A page value in the exports' unit.
double Exported(domain::FigureUnit unit, long long value) {
  switch (unit) {
    case domain::FigureUnit::kMinutes:
      return static_cast<double>(value) / 60.0;
    case domain::FigureUnit::kCents:
      return static_cast<double>(value) / 100.0;
    case domain::FigureUnit::kCount:
      break;
  }
  return static_cast<double>(value);
}

class ReportExport : public ::testing::TestWithParam<Backend> {
 protected:
  ReportExport() {
    organisation_ = ReportFixture(server_).LoadDemo();
    coordinator_ = auth_.CreateUser(organisation_, "Coordo Essai", "coordo@essai.example",
                                    {domain::Role::kCoordinator});
    client_ = auth_.SignedInClient(coordinator_);
    client_->SetCookie("lang", "en");
  }

  // Checks that `rows` (section, figure, detail, value, unit) hold the page's figures.
  void ExpectSameFigures(const std::vector<std::vector<std::string>>& rows,
                         const std::string& what) {
    const auto page = PageFigures(client_->Get(std::string("/reports/funder?") + kPeriod).body);
    ASSERT_EQ(page.size(), domain::FunderFigures().size());
    for (const auto& definition : domain::FunderFigures()) {
      const std::string label(definition.label);
      const auto& [value, lines] = page.at(std::string(definition.key));
      std::optional<double> total;
      std::vector<double> details;
      for (const auto& row : rows) {
        if (row.size() < 4 || row[1] != label) continue;
        if (row[2].empty()) {
          total = std::stod(row[3]);
        } else {
          details.push_back(std::stod(row[3]));
        }
      }
      ASSERT_TRUE(total) << what << " lacks " << label;
      EXPECT_NEAR(*total, Exported(definition.unit, value), 0.006) << what << ": " << label;
      ASSERT_EQ(details.size(), lines.size()) << what << ": " << label;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_NEAR(details[i], Exported(definition.unit, lines[i]), 0.006)
            << what << ": " << label << ", line " << i;
      }
    }
  }

  // The rows of the first sheet of a workbook, as text ("" for an empty cell).
  static std::vector<std::vector<std::string>> SheetRows(const nlohmann::json& sheet) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : sheet) {
      std::vector<std::string> cells;
      for (const auto& cell : row) {
        const auto& value = cell["value"];
        if (value.is_null()) {
          cells.push_back("");
        } else if (value.is_string()) {
          cells.push_back(value.get<std::string>());
        } else {
          cells.push_back(std::to_string(value.get<double>()));
        }
      }
      rows.push_back(cells);
    }
    return rows;
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  std::int64_t organisation_ = 0;
  TestUser coordinator_;
  std::unique_ptr<HttpClient> client_;
};

TEST_P(ReportExport, TheWorkbookHoldsTheFiguresOfThePage) {
  const auto result =
      client_->Get(std::string("/reports/funder/export.xlsx?") + kPeriod + "&lang=en");
  ASSERT_EQ(result.status, 200);
  EXPECT_EQ(result.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(result.Header("content-disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(result.Header("cache-control"), "no-store");
  const auto workbook = ReadWorkbook(result.body);
  ASSERT_TRUE(workbook.contains("Figures"));
  ASSERT_TRUE(workbook.contains("Outreach"));
  ExpectSameFigures(SheetRows(workbook["Figures"]), "XLSX");
  // Numbers are numbers, never text or formulas.
  for (const auto& row : workbook["Figures"]) {
    for (const auto& cell : row) EXPECT_NE(cell["type"], "f");
  }
}

TEST_P(ReportExport, TheCsvHoldsTheFiguresOfThePage) {
  const auto result =
      client_->Get(std::string("/reports/funder/export.csv?") + kPeriod + "&lang=en");
  ASSERT_EQ(result.status, 200);
  EXPECT_EQ(result.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_TRUE(result.body.starts_with("\xEF\xBB\xBF")) << "a byte order mark for spreadsheets";
  ExpectSameFigures(ParseCsv(result.body), "CSV");
}

TEST_P(ReportExport, TheExportsFollowTheLanguageChosen) {
  const auto french =
      client_->Get(std::string("/reports/funder/export.csv?") + kPeriod + "&lang=fr");
  EXPECT_NE(french.body.find("Bénévoles formés"), std::string::npos);
  EXPECT_NE(french.Header("content-disposition").find("rapport-bailleur-2025-12-01-2026-11-30.csv"),
            std::string::npos);
  const auto english =
      client_->Get(std::string("/reports/funder/export.csv?") + kPeriod + "&lang=en");
  EXPECT_NE(english.body.find("Trained volunteers"), std::string::npos);
  EXPECT_NE(english.Header("content-disposition").find("funder-report-2025-12-01-2026-11-30.csv"),
            std::string::npos);
}

TEST_P(ReportExport, FormulaPayloadsComeOutNeutralised) {
  ReportFixture reports(server_);
  const CivilDate day{std::chrono::year{2026}, std::chrono::March, std::chrono::day{10}};
  for (const auto& payload : kPayloads) {
    reports.AddOutreach(organisation_, day, domain::OutreachKind::kPresentation, payload, payload,
                        10);
  }
  // The story of the period carries a payload too.
  reports.AddStory(organisation_,
                   CivilDate{std::chrono::year{2026}, std::chrono::November, std::chrono::day{29}},
                   "=cmd|' /C calc'!A0", "-1+1", true);
  const std::string period = std::string("?") + kPeriod + "&lang=en";

  const auto workbook = ReadWorkbook(client_->Get("/reports/funder/export.xlsx" + period).body);
  std::size_t neutralised = 0;
  for (const auto& [name, sheet] : workbook.items()) {
    for (const auto& row : sheet) {
      for (const auto& cell : row) {
        EXPECT_NE(cell["type"], "f") << "a formula in sheet " << name;
        if (!cell["value"].is_string()) continue;
        auto text = cell["value"].get<std::string>();
        ASSERT_FALSE(text.empty());
        // The workbook stores a carriage return as the escape "_x000D_", which this reader keeps.
        for (auto at = text.find("_x000D_"); at != std::string::npos; at = text.find("_x000D_")) {
          text.replace(at, 7, "\r");
        }
        EXPECT_EQ(std::string("=+-@\t\r").find(text.front()), std::string::npos)
            << "sheet " << name << " holds \"" << text << "\"";
        for (const auto& payload : kPayloads) {
          if (text == "'" + payload) ++neutralised;
        }
        if (text == "'=cmd|' /C calc'!A0" || text == "'-1+1") ++neutralised;
      }
    }
  }
  // Each payload as subject and audience, and the story's title and text.
  EXPECT_EQ(neutralised, kPayloads.size() * 2 + 2);

  const auto csv = ParseCsv(client_->Get("/reports/funder/export.csv" + period).body);
  std::size_t csv_neutralised = 0;
  for (const auto& row : csv) {
    for (const auto& field : row) {
      if (field.empty()) continue;
      EXPECT_EQ(std::string("=+-@\t\r").find(field.front()), std::string::npos) << field;
      for (const auto& payload : kPayloads) {
        if (field == "'" + payload) ++csv_neutralised;
      }
      if (field == "'=cmd|' /C calc'!A0" || field == "'-1+1") ++csv_neutralised;
    }
  }
  EXPECT_EQ(csv_neutralised, kPayloads.size() * 2 + 2);
}

TEST_P(ReportExport, ExportsNeedARecentStepUpAndAreAudited) {
  const std::string path = std::string("/reports/funder/export.xlsx?") + kPeriod + "&lang=en";
  const auto exports_before = auth_.CountAuditEntries(organisation_, "export", coordinator_.id);
  ASSERT_EQ(client_->Get(path).status, 200);
  EXPECT_EQ(auth_.CountAuditEntries(organisation_, "export", coordinator_.id), exports_before + 1);

  // Ten minutes later, the password is asked for again, and nothing is exported meanwhile.
  server_.clock().Advance(std::chrono::minutes(10));
  const auto asked = client_->Get(path);
  EXPECT_EQ(asked.status, 303);
  EXPECT_EQ(asked.Header("location"), "/reauth?next=" + web::PercentEncode(path));
  EXPECT_EQ(auth_.CountAuditEntries(organisation_, "export", coordinator_.id), exports_before + 1);
  const auto confirmed = client_->PostForm(
      "/reauth", {{"secret", std::string(kTestPassword)}, {"next", path}}, "/reauth");
  EXPECT_EQ(confirmed.status, 303);
  EXPECT_EQ(confirmed.Header("location"), path);
  EXPECT_EQ(client_->Get(path).status, 200);
  EXPECT_EQ(auth_.CountAuditEntries(organisation_, "export", coordinator_.id), exports_before + 2);
}

TEST_P(ReportExport, ThePrintedReportShowsTheSameFiguresInTheLanguageChosen) {
  const auto page = PageFigures(client_->Get(std::string("/reports/funder?") + kPeriod).body);
  const auto print = client_->Get(std::string("/reports/funder/print?") + kPeriod + "&lang=fr");
  ASSERT_EQ(print.status, 200);
  EXPECT_NE(print.body.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(print.body.find("Rapport au bailleur de fonds"), std::string::npos);
  const std::regex row(R"re(<tr data-figure="([a-z_]+)" data-value="(\d+)">)re");
  std::size_t rows = 0;
  for (std::sregex_iterator it(print.body.begin(), print.body.end(), row), end; it != end; ++it) {
    EXPECT_EQ(std::stoll((*it)[2].str()), page.at((*it)[1].str()).first) << (*it)[1].str();
    ++rows;
  }
  EXPECT_EQ(rows, page.size());
  const auto english = client_->Get(std::string("/reports/funder/print?") + kPeriod + "&lang=en");
  EXPECT_NE(english.body.find("Report to the funder"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ReportExport, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, ReportExport, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
