#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "domain/hours.hpp"
#include "domain/screening.hpp"
#include "domain/volunteer.hpp"

// The changes coordinators make to a volunteer's file: its details, its moves through the pipeline,
// supervision, screening items and the hours they log for the volunteer. Each checks
// VolunteerPolicy (NotFound for a file the actor may not see, as for an absent one), applies the
// domain's rules and writes its audit entry in the same transaction.
namespace cercle::app::volunteers {

// The file `id` when the actor may see it, read in `unit`'s transaction; NotFound otherwise.
Result<domain::Volunteer> FindVisibleVolunteer(const store::Unit& unit, const auth::Actor& actor,
                                               std::int64_t id);

// The file of `row`'s volunteer (a screening item, an hours entry…) when `row` was found and the
// actor may see the file; NotFound otherwise.
template <class Row>
Result<domain::Volunteer> FindVolunteerOf(const store::Unit& unit, const auth::Actor& actor,
                                          const std::optional<Row>& row) {
  if (!row) return Error::NotFound();
  return FindVisibleVolunteer(unit, actor, row->volunteer_id);
}

// An account a file may be linked to.
struct LinkableAccount {
  std::int64_t id = 0;
  std::string display_name;
  std::string email;
};

// The accounts file `volunteer_id` (0 for a new file) may be linked to: the organisation's
// volunteers whose account no other file uses.
std::vector<LinkableAccount> ReadLinkableAccounts(const store::Unit& unit,
                                                  std::int64_t volunteer_id);

// A file's details as typed, the date of birth still as text (the rules read it: an unreadable
// date is a field error, not an absent date).
struct VolunteerDetails {
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string phone;
  std::string region;
  std::string languages;
  domain::Availability availability;
  std::string availability_notes;
  std::string date_of_birth;
  std::string occupation;
  std::optional<domain::HeardAbout> heard_about;
  std::string gender;
  std::string notes;
  // The linked account: a volunteer of the organisation that no other file uses.
  std::optional<std::int64_t> user_id;
};

// Opens a file at "inquiry" ("volunteer.create"); returns its id. Forbidden for anyone who may
// not manage volunteers.
Result<std::int64_t> CreateVolunteer(const Services& services, const auth::Actor& actor,
                                     const VolunteerDetails& details);

struct UpdateVolunteerCommand {
  std::int64_t volunteer_id = 0;
  VolunteerDetails details;
};
// Stores a file's details and linked account ("volunteer.update"); returns its id.
Result<std::int64_t> UpdateVolunteer(const Services& services, const auth::Actor& actor,
                                     const UpdateVolunteerCommand& command);

struct MoveStageCommand {
  std::int64_t volunteer_id = 0;
  domain::VolunteerStage to = domain::VolunteerStage::kInquiry;
  std::string reason;
};
// Moves a file to its next stage, with the reason ("volunteer.stage"); returns its id. Conflict
// when someone moved it meanwhile.
Result<std::int64_t> MoveStage(const Services& services, const auth::Actor& actor,
                               const MoveStageCommand& command);

struct AddSupervisionCommand {
  std::int64_t volunteer_id = 0;
  CivilDate held_on;
  domain::SupervisionKind kind = domain::SupervisionKind::kSupervision;
  std::string notes;
};
// Records a supervision or debriefing session ("volunteer.supervision"); returns the file's id.
Result<std::int64_t> AddSupervision(const Services& services, const auth::Actor& actor,
                                    const AddSupervisionCommand& command);

// Stores the document sent with a screening item, in a transaction of its own, and returns its
// id; called with the item's type once the item passed its checks. The web layer passes one when a
// file was sent.
using StoreScreeningDocument = std::function<Result<std::int64_t>(
    const domain::ScreeningItemType& type, const domain::ScreeningItem& item)>;

struct RecordScreeningCommand {
  std::int64_t volunteer_id = 0;
  std::optional<std::int64_t> type_id;  // an active type of the organisation
  CivilDate completed_on;
  domain::ScreeningResult result = domain::ScreeningResult::kPassed;
  std::optional<CivilDate> expires_on;
  std::string notes;
  StoreScreeningDocument document;  // empty when no file was sent
};
// Records a screening item ("volunteer.screening_record"); returns the item's id. Field errors
// for a type that is not one of the organisation's active types and for what the rules refuse.
Result<std::int64_t> RecordScreening(const Services& services, const auth::Actor& actor,
                                     const RecordScreeningCommand& command);

// One row of the screening table on a file, as typed: the item's type, and its date, result and
// expiry as text (the rules read them: an unreadable date is the row's error, not an empty one).
struct ScreeningRow {
  std::string name;  // the row's name in the form ("row-3"): its field errors are "row-3-…"
  std::optional<std::int64_t> type_id;  // an active type of the organisation
  std::string completed_on;
  std::string result;  // a domain::ScreeningResult's name
  std::string expires_on;
};

struct RecordScreeningRowsCommand {
  std::int64_t volunteer_id = 0;
  std::vector<ScreeningRow> rows;
};
// Records each row that was filled in as one screening item, all in one transaction, with one
// "volunteer.screening_record" entry each; a row with neither date nor expiry and the default
// result (satisfactory) is left out. When any row is wrong nothing is saved, and the field errors
// name that row's fields ("row-3-completed_on", "row-3-expires_on", "row-3-result", "row-3-type");
// Invalid when no row was filled in. Returns how many items were recorded.
Result<int> RecordScreeningRows(const Services& services, const auth::Actor& actor,
                                const RecordScreeningRowsCommand& command);

struct WithdrawScreeningCommand {
  std::int64_t item_id = 0;
  std::string reason;
};
// Withdraws an item recorded by mistake, with the reason ("volunteer.screening_withdraw");
// returns the volunteer's id. Conflict when it was withdrawn already.
Result<std::int64_t> WithdrawScreening(const Services& services, const auth::Actor& actor,
                                       const WithdrawScreeningCommand& command);

// The volunteer whose file holds screening item `item_id` (NotFound when the actor may not see
// it), for the page a refused withdrawal shows again.
Result<std::int64_t> VolunteerOfScreeningItem(const Services& services, const auth::Actor& actor,
                                              std::int64_t item_id);

}  // namespace cercle::app::volunteers
