#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "app/services.hpp"
#include "app/volunteers/program_setup.hpp"
#include "app/volunteers/volunteer_file.hpp"
#include "app/volunteers/volunteer_hours.hpp"
#include "audit/audit_log.hpp"
#include "domain/volunteer.hpp"
#include "domain/volunteer_gate.hpp"
#include "store/document_store.hpp"

// The coordinators' volunteer pages as typed data: the list, a file, the details form and the
// screening form. A page that shows a person's file records the view in the audit log
// ("volunteer.view").
namespace cercle::app::volunteers {

// Whether loading a page records that the actor viewed the file: the page itself does; the same
// page shown again with a refused form does not.
enum class RecordView { kYes, kNo };

// What the volunteer list asks for.
struct VolunteerListQuery {
  std::optional<domain::VolunteerStage> stage;
  std::string search;           // part of the name, accents and case ignored
  bool include_closed = false;  // exited and not retained files, when no stage is chosen
  PageRequest page;
};

// One row of the list, with whether the volunteer may join a circle and is on hold.
struct VolunteerListRow {
  domain::Volunteer volunteer;
  bool ready = false;
  bool on_hold = false;
};

struct VolunteerListPage {
  std::vector<VolunteerListRow> rows;
  std::int64_t total = 0;                        // files matching the query
  std::map<domain::VolunteerStage, int> counts;  // every file, by stage
};

// One page of the list; Forbidden for anyone who may not manage volunteers.
Result<VolunteerListPage> LoadVolunteerList(const Services& services, const auth::Actor& actor,
                                            const VolunteerListQuery& query);

// A volunteer's file with everything its page shows.
struct FilePage {
  domain::Volunteer volunteer;
  ProgramSetup setup;
  CivilDate today;
  std::vector<domain::StageChange> history;            // oldest first
  std::vector<domain::ScreeningItem> items;            // newest first, withdrawn ones included
  std::vector<domain::TrainingAttendance> attendance;  // oldest first
  LoggedHours logged;
  std::vector<domain::SupervisionSession> supervision;  // newest first
  domain::GateResult gate;                              // with the circles the volunteer is in now
  bool on_hold = false;
  // The days since the last supervision when it is overdue for the organisation's period.
  std::optional<int> supervision_overdue_days;
  int supervision_period_days = 0;
  std::map<std::int64_t, std::string> user_names;  // the organisation's users, by id
  std::vector<audit::Entry> viewers;               // the latest views of the file
};

// The file `volunteer_id` with page `hours_page` of the hours logged by hand; NotFound when the
// actor may not see it.
Result<FilePage> LoadFilePage(const Services& services, const auth::Actor& actor,
                              std::int64_t volunteer_id, const PageRequest& hours_page,
                              RecordView record);

// The details form: the file (none for a new one) and the accounts it may be linked to.
struct DetailsForm {
  std::optional<domain::Volunteer> volunteer;
  std::vector<LinkableAccount> accounts;
};
// The form of a new file (`volunteer_id` none; Forbidden for anyone who may not manage
// volunteers) or of file `volunteer_id` (NotFound when the actor may not see it).
Result<DetailsForm> LoadDetailsForm(const Services& services, const auth::Actor& actor,
                                    std::optional<std::int64_t> volunteer_id, RecordView record);

// The screening form of a file: the volunteer and the organisation's types.
struct ScreeningForm {
  domain::Volunteer volunteer;
  std::vector<domain::ScreeningItemType> types;
};
Result<ScreeningForm> LoadScreeningForm(const Services& services, const auth::Actor& actor,
                                        std::int64_t volunteer_id);

// Screening document `document_id`, when it belongs to a file the actor may see.
Result<store::Document> FindVolunteerDocument(const Services& services, const auth::Actor& actor,
                                              std::int64_t document_id);

}  // namespace cercle::app::volunteers
