#pragma once

#include <cstdint>
#include <map>
#include <mstch/mstch.hpp>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "app/volunteers/program_setup.hpp"
#include "app/volunteers/volunteer_hours.hpp"
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

using app::volunteers::AddDefaults;
using app::volunteers::ProgramSetup;

// Loads the set-up of the actor's organisation (app::volunteers::LoadProgramSetup).
ProgramSetup LoadProgramSetup(Context& context, AddDefaults add = AddDefaults::kYes);

// The page of a list that ?`parameter`= asks for, for an app page query.
app::PageRequest RequestedPage(const Context& context, std::string_view parameter = "page");

// Minutes as hours in the reader's locale: "12", "1,5", "0,25" (no unit).
std::string FormatHours(const Context& context, std::int64_t minutes);
// Minutes as a duration a form field reads back: "2", "1:30".
std::string DurationText(int minutes);
// Cents as money in the reader's locale: "1 234,50 $" or "$1,234.50".
std::string FormatMoney(const Context& context, std::int64_t cents);
// A civil date written out in the reader's locale.
std::string FormatDate(const Context& context, CivilDate date);
// A training session's day, or its first and last days ("from … to …") for one over several days.
std::string SessionDates(const Context& context, const domain::TrainingSession& session);
// A name that is data but may be a default's English msgid (types, modules): translated when it is
// one.
std::string DataName(const Context& context, const std::string& name);

// The results a screening item may be recorded with, for a <select>, with `chosen` (a result's
// name) selected.
mstch::array ScreeningResultChoices(const Context& context, const std::string& chosen);
// "valid 36 months" for a type that expires; "" for one that does not.
std::string ValidityText(const Context& context, const domain::ScreeningItemType& type);

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

// One volunteer's logged hours as the file and the portal show them.
using app::volunteers::LoggedHours;

// The page of the hours logged by hand that ?hours_page= asks for.
app::PageRequest RequestedHoursPage(const Context& context);

// Adds the navigation of `hours`' pages to `model` under "hours_pages".
void AddOwnHoursPagination(const Context& context, const LoggedHours& hours, mstch::map& model);

// One volunteer's hours: the training they attended and the entries they logged
// (domain::CombinedHours).
std::vector<domain::HoursEntry> CombinedHours(
    const std::vector<domain::TrainingAttendance>& attendance,
    const std::vector<domain::HoursEntry>& logged);

// Reads the hours form (worked_on, kind, duration, description) into a command for file
// `volunteer_id`; field errors for what it cannot read (the app checks the rest).
Result<app::volunteers::LogHoursCommand> ParseLoggedHours(
    const std::multimap<std::string, std::string>& fields, std::int64_t volunteer_id = 0);

// The options of a <select> of logged hours kinds, with `chosen` selected.
mstch::array HoursKindChoices(const Context& context, const std::string& chosen);

// The CSS modifier of a stage's badge: "ok", "warning", "danger" or "".
std::string StageBadge(domain::VolunteerStage stage);
// The CSS modifier of a screening status's badge.
std::string ScreeningBadge(domain::ScreeningStatus status);

}  // namespace cercle::web::pages::volunteers
