// Reporting records (outcomes, outreach, stories, settings) made straight through the stores of a
// TestServer, and the fictional demo data loaded into it, so that the report tests reach the state
// they check quickly.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/outcomes.hpp"
#include "domain/outreach.hpp"
#include "domain/settings.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {

// Builds reporting records through the stores of one TestServer. Not thread-safe.
class ReportFixture {
 public:
  explicit ReportFixture(TestServer& server) : server_(server) {}

  // Loads the fictional demo data (every area's) at the test clock's now; returns the id of the
  // demo organisation "montreal-demo".
  std::int64_t LoadDemo();

  // A recidivism event of the file `core_member_id`.
  std::int64_t AddEvent(std::int64_t organisation_id, std::int64_t core_member_id, CivilDate on,
                        domain::RecidivismKind kind, domain::OffenceCategory category,
                        domain::CirclePeriod period, const std::string& reference = "");
  // An outcome measure of the file `core_member_id` (levels housing, occupation, social network).
  std::int64_t AddMeasure(std::int64_t organisation_id, std::int64_t core_member_id, CivilDate on,
                          domain::MeasureOccasion occasion, int housing, int occupation,
                          int social_network);
  // An outreach activity.
  std::int64_t AddOutreach(std::int64_t organisation_id, CivilDate on, domain::OutreachKind kind,
                           const std::string& title, const std::string& audience,
                           std::optional<int> reach);
  // A significant story, reviewed or not.
  std::int64_t AddStory(std::int64_t organisation_id, CivilDate on, const std::string& title,
                        const std::string& text, bool reviewed);
  // A research consent of the file, given on `given_on`.
  std::int64_t AddResearchConsent(std::int64_t organisation_id, std::int64_t core_member_id,
                                  CivilDate given_on);
  // Stores setting `key` of the organisation.
  void SetSetting(std::int64_t organisation_id, domain::SettingKey key, std::int64_t value);
  // The first instant of `day` in the server's time zone (whole-hour offsets), in Unix seconds.
  long long StartOf(CivilDate day);

 private:
  TestServer& server_;
};

// Opens `bytes` as an .xlsx file with a real reader (Debian's python3-openpyxl, run by
// /usr/bin/python3) and returns {"sheet name": [[{"value": …, "type": "s"|"n"|"f"…}, …], …]}.
// Throws when the reader cannot open it.
nlohmann::json ReadWorkbook(const std::string& bytes);

// The rows of a CSV document (RFC 4180: quotes, doubled quotes, CRLF), without its byte order mark.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

}  // namespace cercle::testing
