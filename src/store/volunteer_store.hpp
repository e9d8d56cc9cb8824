#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/volunteer.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// One move of a volunteer through the pipeline (the domain's type).
using StageChange = domain::StageChange;

// What the volunteer list shows. Empty fields do not filter.
struct VolunteerFilter {
  std::optional<domain::VolunteerStage> stage;
  std::string search;           // part of the name, accents and case ignored
  bool include_closed = false;  // exited and not retained files, when no stage is chosen
  std::optional<std::vector<std::int64_t>> among;  // these files only, when given
};

// One page of the volunteer list, and how many files match in all.
struct VolunteerPage {
  std::int64_t total = 0;
  std::vector<domain::Volunteer> volunteers;
};

// Reads and writes volunteers' files, their moves through the pipeline and their supervision
// sessions, within the caller's transaction. Every query names the organisation, on top of
// row-level security.
class VolunteerStore {
 public:
  explicit VolunteerStore(soci::session& session) : session_(session) {}

  // The file `id` of `organisation_id`, if any.
  std::optional<domain::Volunteer> Find(std::int64_t id, std::int64_t organisation_id);
  // The file linked to account `user_id` in `organisation_id`, if any.
  std::optional<domain::Volunteer> FindByUser(std::int64_t user_id, std::int64_t organisation_id);
  // The files matching `filter`, by last and first name.
  std::vector<domain::Volunteer> List(std::int64_t organisation_id, const VolunteerFilter& filter);
  // One page of the files matching `filter`, in List()'s order, and their total, in two queries;
  // a slice past the end reads the last page.
  VolunteerPage ListPage(std::int64_t organisation_id, const VolunteerFilter& filter,
                         const PageSlice& slice);
  // How many files are at each stage.
  std::map<domain::VolunteerStage, int> CountByStage(std::int64_t organisation_id);

  // Inserts a file at its stage, with the first entry of its history; returns its id.
  std::int64_t Insert(const domain::Volunteer& volunteer, std::optional<std::int64_t> by,
                      Instant now);
  // Stores the file's details and linked account (not its stage).
  void Update(const domain::Volunteer& volunteer, Instant now);
  // True when another file of the organisation than `except_id` is linked to `user_id`.
  bool UserLinkedElsewhere(std::int64_t user_id, std::int64_t organisation_id,
                           std::int64_t except_id);

  // Moves the file from `from` to `to` and records who, when and why. False, with nothing changed,
  // when the file is no longer at `from` (someone else moved it meanwhile).
  bool MoveStage(std::int64_t id, std::int64_t organisation_id, domain::VolunteerStage from,
                 domain::VolunteerStage to, const std::string& reason,
                 std::optional<std::int64_t> by, Instant now);
  // The file's moves, oldest first.
  std::vector<StageChange> History(std::int64_t id, std::int64_t organisation_id);
  // The first time each of the files `ids` was approved, for those that were; only their moves are
  // read.
  std::map<std::int64_t, Instant> ApprovalTimes(const std::vector<std::int64_t>& ids,
                                                std::int64_t organisation_id);

  // Stores a supervision or debriefing session; returns its id.
  std::int64_t InsertSupervision(const domain::SupervisionSession& session);
  // The files in a supervised stage (approved, active) with no session held on or after `since`:
  // those that may be overdue, without reading the others.
  std::vector<std::int64_t> WithoutSupervisionSince(std::int64_t organisation_id, CivilDate since);
  // The sessions of one volunteer, newest first.
  std::vector<domain::SupervisionSession> ListSupervision(std::int64_t volunteer_id,
                                                          std::int64_t organisation_id);
  // The date of the latest session of each of the volunteers `ids` who had one; only their sessions
  // are read.
  std::map<std::int64_t, CivilDate> LastSupervision(const std::vector<std::int64_t>& ids,
                                                    std::int64_t organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
