#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <map>
#include <mstch/mstch.hpp>
#include <string>
#include <vector>

#include "domain/hours.hpp"
#include "domain/screening.hpp"
#include "domain/settings.hpp"
#include "domain/training.hpp"
#include "domain/volunteer.hpp"
#include "domain/volunteer_gate.hpp"
#include "web/context.hpp"
#include "web/pagination.hpp"

// What the coordinators' volunteer pages and the volunteer's portal share: the organisation's
// screening and training set-up, and the formatting of hours, money, dates and statuses.
namespace cercle::web::pages::volunteers {

// The organisation's screening item types, training modules and settings. The default types and
// modules are added the first time an organisation needs them.
struct ProgramSetup {
  std::vector<domain::ScreeningItemType> screening_types;
  std::vector<domain::TrainingModule> training_modules;
  domain::Settings settings{{}};
};

// Whether loading the set-up may add the organisation's defaults.
enum class AddDefaults { kYes, kNo };

// Loads the set-up of the actor's organisation, adding the defaults when it has none and `add`
// allows it. Pages that only read (the home page's attention list) pass AddDefaults::kNo: an
// organisation without types has no screening items either.
ProgramSetup LoadProgramSetup(Context& context, AddDefaults add = AddDefaults::kYes);

// Today in the organisation's time zone.
domain::CivilDate Today(const Context& context);

// Minutes as hours in the reader's locale: "12", "1,5", "0,25" (no unit).
std::string FormatHours(const Context& context, std::int64_t minutes);
// Minutes as a duration a form field reads back: "2", "1:30".
std::string DurationText(int minutes);
// Cents as money in the reader's locale: "1 234,50 $" or "$1,234.50".
std::string FormatMoney(const Context& context, std::int64_t cents);
// A civil date written out in the reader's locale.
std::string FormatDate(const Context& context, domain::CivilDate date);
// A name that is data but may be a default's English msgid (types, modules): translated when it is
// one.
std::string DataName(const Context& context, const std::string& name);

// The failing conditions of a gate as sentences in the reader's language.
mstch::array GateFailureTexts(const Context& context, const domain::GateResult& result);

// The status of each screening item type, for a list: name, status label and name, expiry.
mstch::array ScreeningStatusRows(const Context& context,
                                 const std::vector<domain::ScreeningTypeStatus>& statuses);

// The progress in each training module, for a list: name, hours attended and required, complete.
mstch::array TrainingProgressRows(const Context& context,
                                  const std::vector<domain::TrainingProgress>& progress);

// Totals by year and by month (newest first), with their value at `hourly_cents` when it is given.
mstch::array YearRows(const Context& context, const domain::HoursTotals& totals,
                      std::int64_t hourly_cents);
mstch::array MonthRows(const Context& context, const domain::HoursTotals& totals,
                       std::int64_t hourly_cents);

// One volunteer's logged hours as the file and the portal show them: every entry added up by
// month and status (store::VolunteerHoursStore::MonthlySumsForVolunteer(), for the totals), and
// the page ?hours_page= asks for of the entries logged by hand (meeting hours come from the
// circles' minutes and count in the totals only).
struct LoggedHours {
  std::vector<domain::HoursEntry> monthly_sums;
  std::vector<domain::HoursEntry> own_page;
  Pagination own_pages;
};

// Reads a volunteer's LoggedHours in the caller's transaction: three queries whatever their
// number.
LoggedHours LoadLoggedHours(const Context& context, soci::session& session,
                            std::int64_t volunteer_id, std::int64_t organisation_id);

// Adds the navigation of `hours`' pages to `model` under "hours_pages".
void AddOwnHoursPagination(const Context& context, const LoggedHours& hours, mstch::map& model);

// One volunteer's hours: the training they attended and the entries they logged.

std::vector<domain::HoursEntry> CombinedHours(
    const std::vector<domain::TrainingAttendance>& attendance,
    const std::vector<domain::HoursEntry>& logged);

// Reads the hours form (worked_on, kind, duration, description) into `entry` and checks it; field
// errors when anything is wrong.
Status ReadLoggedHours(const Context& context,
                       const std::multimap<std::string, std::string>& fields,
                       domain::HoursEntry& entry);

// The options of a <select> of logged hours kinds, with `chosen` selected.
mstch::array HoursKindChoices(const Context& context, const std::string& chosen);

// The names of the organisation's users, by id.
std::map<std::int64_t, std::string> UserNames(Context& context);

// Appends "`action`" on `object_type` `object_id` by the actor to the audit log, inside the
// caller's write transaction.
void Audit(Context& context, soci::session& session, const std::string& action,
           const std::string& object_type, std::int64_t object_id);

// The CSS modifier of a stage's badge: "ok", "warning", "danger" or "".
std::string StageBadge(domain::VolunteerStage stage);
// The CSS modifier of a screening status's badge.
std::string ScreeningBadge(domain::ScreeningStatus status);

}  // namespace cercle::web::pages::volunteers
