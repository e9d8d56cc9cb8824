#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/enum_names.hpp"

// When the daily backup is due and which archives its retention keeps. Pure rules: the app layer
// reads the clock, the folder and the database.
namespace cercle::domain {

// What became of a scheduled backup: taken and its restore drill passed (verified), taken but the
// drill failed (unverified), not taken (failed), or still running.
enum class BackupState { kRunning, kFailed, kVerified, kUnverified };

template <>
struct EnumTable<BackupState> {
  static constexpr std::array<EnumEntry<BackupState>, 4> kEntries{{
      {BackupState::kRunning, "running", N_("In progress")},
      {BackupState::kFailed, "failed", N_("Failed")},
      {BackupState::kVerified, "verified", N_("Verified")},
      {BackupState::kUnverified, "unverified", N_("Restore drill failed")},
  }};
};

// One scheduled backup: its day's slot (YYYY-MM-DD), its archive and the restore drill after it.
struct BackupRun {
  std::string slot;
  Instant started_at;
  std::optional<Instant> finished_at;
  std::string archive;  // the file name in the backup folder
  std::int64_t bytes = 0;
  BackupState state = BackupState::kRunning;
  std::string failure;  // a short category, never a record's content
};

// The day whose backup is due at local date `today` and `minute` after local midnight, for a
// backup set at `scheduled_minute` after midnight: today once its time has passed, yesterday
// before (so that a server down at the time backs up when it comes back).
CivilDate BackupSlot(CivilDate today, int minute, int scheduled_minute);

// How many archives each tier keeps.
struct Retention {
  int daily = 7;
  int weekly = 4;
  int monthly = 12;
};

// Which archives to keep, of archives made on `days` (one per day, any order): the newest
// `daily` days; then, among the older ones, the newest of each of the `weekly` most recent weeks
// (Monday to Sunday); then, older still, the newest of each of the `monthly` most recent months.
// Each tier counts apart from the others, so that a year of daily backups keeps exactly
// daily + weekly + monthly archives. Returns the kept days, newest first.
std::vector<CivilDate> KeptBackups(std::vector<CivilDate> days, const Retention& retention);

}  // namespace cercle::domain
