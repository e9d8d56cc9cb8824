#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/outcomes.hpp"

namespace cercle::store {

// A closed core member's file, for the follow-up reminders.
struct ClosedFile {
  std::int64_t core_member_id = 0;
  std::string file_number;
  Instant closed_at;  // the latest change to "closed"
};

// Reads and writes the outcomes of core members' files (recidivism events, outcome measures,
// follow-up checks) and the organisation's outcome scales, within the caller's transaction. Every
// query names the organisation, on top of row-level security.
class OutcomeStore {
 public:
  explicit OutcomeStore(soci::session& session) : session_(session) {}

  // The events of one file, newest first.
  std::vector<domain::RecidivismEvent> ListEvents(std::int64_t core_member_id,
                                                  std::int64_t organisation_id);
  // Every event of the organisation, oldest first.
  std::vector<domain::RecidivismEvent> ListAllEvents(std::int64_t organisation_id);
  // The event `id` of `organisation_id`, if any.
  std::optional<domain::RecidivismEvent> FindEvent(std::int64_t id, std::int64_t organisation_id);
  // Stores a new event; returns its id.
  std::int64_t InsertEvent(const domain::RecidivismEvent& event);
  // Stores an event's date, kind, category, source, reference and period.
  void UpdateEvent(const domain::RecidivismEvent& event);
  // Removes an event recorded by mistake.
  void DeleteEvent(std::int64_t id, std::int64_t organisation_id);

  // The measures of one file, newest first.
  std::vector<domain::OutcomeMeasure> ListMeasures(std::int64_t core_member_id,
                                                   std::int64_t organisation_id);
  // Every measure of the organisation, oldest first.
  std::vector<domain::OutcomeMeasure> ListAllMeasures(std::int64_t organisation_id);
  std::optional<domain::OutcomeMeasure> FindMeasure(std::int64_t id, std::int64_t organisation_id);
  std::int64_t InsertMeasure(const domain::OutcomeMeasure& measure);
  void DeleteMeasure(std::int64_t id, std::int64_t organisation_id);
  // The highest level any measure of the organisation records on `dimension` (0 when none).
  int HighestLevelInUse(std::int64_t organisation_id, domain::OutcomeDimension dimension);

  // The organisation's scales, in the order of domain::EnumValues<domain::OutcomeDimension>(): its
  // own levels where it set them, the defaults elsewhere.
  std::vector<domain::OutcomeScale> Scales(std::int64_t organisation_id);
  // Replaces the levels of one scale.
  void SetScale(std::int64_t organisation_id, domain::OutcomeDimension dimension,
                const std::vector<std::string>& labels, std::optional<std::int64_t> by,
                Instant now);

  // The follow-up checks of one file, oldest first.
  std::vector<domain::FollowUpCheck> ListChecks(std::int64_t core_member_id,
                                                std::int64_t organisation_id);
  // The follow-up checks of the files `core_member_ids`, oldest first.
  std::vector<domain::FollowUpCheck> ChecksOfFiles(const std::vector<std::int64_t>& core_member_ids,
                                                   std::int64_t organisation_id);
  std::int64_t InsertCheck(const domain::FollowUpCheck& check);

  // The organisation's files that are closed now and still lack a check at one of `milestones`
  // (the follow-ups' months), with when they were closed. A file whose every follow-up is recorded
  // is not read, so the list does not grow with the years.
  std::vector<ClosedFile> ClosedFilesAwaitingFollowUp(std::int64_t organisation_id,
                                                      const std::vector<int>& milestones);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
