#include "support/report_fixture.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "demo/demo_data.hpp"
#include "domain/legal.hpp"
#include "store/core_member_store.hpp"
#include "store/organisation_store.hpp"
#include "store/outcome_store.hpp"
#include "store/outreach_store.hpp"
#include "store/settings_store.hpp"
#include "support/test_database.hpp"

namespace cercle::testing {
std::int64_t ReportFixture::LoadDemo() {
  auto& runtime = server_.runtime();
  const auto loaded = demo::Load(runtime.app(), 1);
  if (!loaded) throw std::runtime_error("demo data failed: " + loaded.error().message.id);
  for (const auto& organisation : store::ListOrganisations(runtime.database())) {
    if (organisation.slug == "montreal-demo") return organisation.id;
  }
  throw std::runtime_error("no demo organisation");
}

std::int64_t ReportFixture::AddEvent(std::int64_t organisation_id, std::int64_t core_member_id,
                                     CivilDate on, domain::RecidivismKind kind,
                                     domain::OffenceCategory category, domain::CirclePeriod period,
                                     const std::string& reference) {
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::int64_t> {
                        domain::RecidivismEvent event;
                        event.organisation_id = organisation_id;
                        event.core_member_id = core_member_id;
                        event.occurred_on = on;
                        event.kind = kind;
                        event.category = category;
                        event.source = domain::EventSource::kCourtRecords;
                        event.reference = reference;
                        event.period = period;
                        event.recorded_at = event.updated_at = server_.clock().Now();
                        return store::OutcomeStore(session).InsertEvent(event);
                      });
}

std::int64_t ReportFixture::AddMeasure(std::int64_t organisation_id, std::int64_t core_member_id,
                                       CivilDate on, domain::MeasureOccasion occasion, int housing,
                                       int occupation, int social_network) {
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::int64_t> {
                        domain::OutcomeMeasure measure;
                        measure.organisation_id = organisation_id;
                        measure.core_member_id = core_member_id;
                        measure.measured_on = on;
                        measure.occasion = occasion;
                        measure.levels = {housing, occupation, social_network};
                        measure.recorded_at = server_.clock().Now();
                        return store::OutcomeStore(session).InsertMeasure(measure);
                      });
}

std::int64_t ReportFixture::AddOutreach(std::int64_t organisation_id, CivilDate on,
                                        domain::OutreachKind kind, const std::string& title,
                                        const std::string& audience, std::optional<int> reach) {
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::int64_t> {
                        domain::OutreachActivity activity;
                        activity.organisation_id = organisation_id;
                        activity.held_on = on;
                        activity.kind = kind;
                        activity.title = title;
                        activity.audience = audience;
                        activity.reach = reach;
                        activity.recorded_at = activity.updated_at = server_.clock().Now();
                        return store::OutreachStore(session).InsertActivity(activity);
                      });
}

std::int64_t ReportFixture::AddStory(std::int64_t organisation_id, CivilDate on,
                                     const std::string& title, const std::string& text,
                                     bool reviewed) {
  return FixtureWrite(
      server_, organisation_id, [&](soci::session& session) -> Result<std::int64_t> {
        store::OutreachStore store(session);
        domain::SignificantStory story;
        story.organisation_id = organisation_id;
        story.written_on = on;
        story.title = title;
        story.text = text;
        story.created_at = story.updated_at = server_.clock().Now();
        const auto id = store.InsertStory(story);
        if (reviewed) store.MarkReviewed(id, organisation_id, std::nullopt, server_.clock().Now());
        return id;
      });
}

std::int64_t ReportFixture::AddResearchConsent(std::int64_t organisation_id,
                                               std::int64_t core_member_id, CivilDate given_on) {
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::int64_t> {
                        domain::Consent consent;
                        consent.organisation_id = organisation_id;
                        consent.core_member_id = core_member_id;
                        consent.scope = domain::ConsentScope::kResearch;
                        consent.given_on = given_on;
                        consent.recorded_at = server_.clock().Now();
                        return store::CoreMemberStore(session).InsertConsent(consent);
                      });
}

void ReportFixture::SetSetting(std::int64_t organisation_id, domain::SettingKey key,
                               std::int64_t value) {
  FixtureWrite(server_, organisation_id, [&](soci::session& session) -> Result<int> {
    store::SettingsStore(session).Set(organisation_id, key, value);
    return 0;
  });
}

long long ReportFixture::StartOf(CivilDate day) {
  const long long midnight_utc =
      std::chrono::sys_seconds(std::chrono::sys_days(day)).time_since_epoch().count();
  const auto& translator = server_.runtime().translator();
  for (long long hours = -14; hours <= 14; ++hours) {
    const long long candidate = midnight_utc + hours * 3600;
    if (translator.LocalDate(FromUnix(candidate)) == day &&
        translator.LocalDate(FromUnix(candidate - 3600)) != day) {
      return candidate;
    }
  }
  throw std::runtime_error("no start of day");
}

nlohmann::json ReadWorkbook(const std::string& bytes) {
  const std::string folder = MakeTemporaryFolder();
  const std::string workbook = folder + "/export.xlsx";
  const std::string script = folder + "/read.py";
  {
    std::ofstream out(workbook, std::ios::binary);
    out << bytes;
  }
  {
    std::ofstream out(script);
    out << "import json, sys\n"
           "import openpyxl\n"
           "book = openpyxl.load_workbook(sys.argv[1])\n"
           "sheets = {}\n"
           "for sheet in book.worksheets:\n"
           "    sheets[sheet.title] = [[{'value': cell.value, 'type': cell.data_type}"
           " for cell in row] for row in sheet.iter_rows()]\n"
           "print(json.dumps(sheets))\n";
  }
  const std::string command = "/usr/bin/python3 " + script + " " + workbook + " 2>&1";
  std::string output;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    std::size_t count = 0;
    while ((count = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, count);
    const int status = pclose(pipe);
    std::filesystem::remove_all(folder);
    if (status != 0) throw std::runtime_error("openpyxl could not open the workbook: " + output);
  } else {
    std::filesystem::remove_all(folder);
    throw std::runtime_error("cannot run /usr/bin/python3");
  }
  return nlohmann::json::parse(output);
}

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::string_view rest = text;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    if (quoted) {
      if (c == '"' && i + 1 < rest.size() && rest[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < rest.size() && rest[i + 1] == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      ++i;
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace cercle::testing
