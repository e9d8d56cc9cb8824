// Volunteers' files and what hangs on them, made straight through the stores of a TestServer, so
// that the HTTP tests of the volunteer pages reach the state they check quickly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/hours.hpp"
#include "domain/screening.hpp"
#include "domain/training.hpp"
#include "domain/volunteer.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {

// The organisation's screening item types and training modules (the defaults, added on first use).
struct VolunteerSetup {
  std::vector<domain::ScreeningItemType>
      types;  // police check, reference, interview, code, agreement
  std::vector<domain::TrainingModule> modules;  // basic training (15 h), continuing training
};

// Builds volunteers' records through the stores of one TestServer. Not thread-safe.
class VolunteerFixture {
 public:
  explicit VolunteerFixture(TestServer& server) : server_(server) {}

  // The set-up of `organisation_id`, with the defaults added when it has none.
  VolunteerSetup Setup(std::int64_t organisation_id);
  // A file at `stage` (moved there along the pipeline by `by`), born 30 years before the test
  // clock's today, linked to `user_id` when given, with `notes`.
  std::int64_t CreateVolunteer(std::int64_t organisation_id, const std::string& first_name,
                               const std::string& last_name, domain::VolunteerStage stage,
                               std::optional<std::int64_t> user_id = std::nullopt,
                               const std::string& notes = "",
                               std::optional<std::int64_t> by = std::nullopt);
  // A screening item of the organisation's type number `type_index` (0: police check…).
  std::int64_t AddScreeningItem(std::int64_t organisation_id, std::int64_t volunteer_id,
                                std::size_t type_index, CivilDate completed_on,
                                domain::ScreeningResult result, const std::string& notes = "",
                                std::optional<CivilDate> expires_on = {},
                                std::optional<std::int64_t> document_id = {});
  // Every default item, satisfactory, completed on `completed_on` (the police check expiring 36
  // months later).
  void AddFullScreening(std::int64_t organisation_id, std::int64_t volunteer_id,
                        CivilDate completed_on);
  // A PDF document owned by the volunteer, in the vault and the documents table.
  std::int64_t AddDocument(std::int64_t organisation_id, std::int64_t volunteer_id);
  // A session of module number `module_index` attended by `volunteer_ids` for its whole length.
  std::int64_t AddTrainingSession(std::int64_t organisation_id, std::size_t module_index,
                                  CivilDate held_on, int minutes,
                                  const std::vector<std::int64_t>& volunteer_ids);
  // Logged hours at `status`, logged by `by`.
  std::int64_t AddHours(std::int64_t organisation_id, std::int64_t volunteer_id,
                        CivilDate worked_on, int minutes, domain::HoursStatus status,
                        std::int64_t by, domain::HoursKind kind = domain::HoursKind::kTravel);
  // A supervision session with `notes`.
  std::int64_t AddSupervision(std::int64_t organisation_id, std::int64_t volunteer_id,
                              CivilDate held_on, const std::string& notes);
  // The stored file.
  domain::Volunteer Stored(std::int64_t organisation_id, std::int64_t volunteer_id);
  // The number of recorded moves of the file.
  std::size_t HistoryLength(std::int64_t organisation_id, std::int64_t volunteer_id);
  // The test clock's today (UTC, as the test server's time zone).
  CivilDate Today();

 private:
  TestServer& server_;
};

}  // namespace cercle::testing
