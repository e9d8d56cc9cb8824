#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "app/services.hpp"
#include "domain/hours.hpp"
#include "domain/volunteer.hpp"

// Volunteer hours: what coordinators and volunteers log, its review, and the approved totals by
// year, month and volunteer, valued at the organisation's hourly rate for funders.
namespace cercle::app::volunteers {

// An entry of hours as typed (the rules check it: a kind one logs, a date within the last year,
// at most 24 hours).
struct LogHoursCommand {
  std::int64_t volunteer_id = 0;  // ignored by LogOwnHours
  CivilDate worked_on;
  domain::HoursKind kind = domain::HoursKind::kOther;
  int minutes = 0;
  std::string description;
};

// Hours a coordinator logs for a volunteer, approved as logged ("volunteer.hours_log"); returns
// the entry's id.
Result<std::int64_t> LogHours(const Services& services, const auth::Actor& actor,
                              const LogHoursCommand& command);
// Hours volunteers log in their portal, awaiting approval ("volunteer.hours_log"); returns the
// entry's id. NotFound without a portal; Invalid once their file is closed.
Result<std::int64_t> LogOwnHours(const Services& services, const auth::Actor& actor,
                                 const LogHoursCommand& command);

// Hours a volunteer reported outside Cercle, which a coordinator records for review (the demo
// loader; an import): as LogHours, but awaiting approval.
Result<std::int64_t> ImportPendingHours(const Services& services, const auth::Actor& actor,
                                        const LogHoursCommand& command);

struct ReviewHoursCommand {
  std::int64_t entry_id = 0;
  // Approved or rejected; none when the form named neither (Invalid).
  std::optional<domain::HoursStatus> decision;
};
// Approves or rejects logged hours ("volunteer.hours_review"); returns the volunteer's id.
// Conflict when they were reviewed already.
Result<std::int64_t> ReviewHours(const Services& services, const auth::Actor& actor,
                                 const ReviewHoursCommand& command);

// One volunteer's logged hours as the file and the portal show them: every entry added up by
// month and status (for the totals), and one page of the entries logged by hand (meeting hours
// come from the circles' minutes and count in the totals only).
struct LoggedHours {
  std::vector<domain::HoursEntry> monthly_sums;
  std::vector<domain::HoursEntry> own_page;
  std::int64_t own_total = 0;  // entries logged by hand, for their pages
};

// Reads a volunteer's LoggedHours in `unit`'s transaction: three queries whatever their number.
LoggedHours ReadLoggedHours(const store::Unit& unit, std::int64_t volunteer_id,
                            const PageRequest& own_page);

// What the hours page asks for.
struct HoursQuery {
  PageRequest pending_page;
  std::optional<int> year;  // the year shown month by month; the current one when none
};

// One month of the year shown.
struct HoursMonth {
  domain::YearMonth month;
  std::int64_t approved_minutes = 0;
  std::int64_t pending_minutes = 0;
};

// One volunteer's approved minutes in the year shown.
struct VolunteerMinutes {
  domain::Volunteer volunteer;
  std::int64_t minutes = 0;
};

// The hours page: entries awaiting approval (one page), and the approved totals.
struct HoursPage {
  std::vector<domain::HoursEntry> pending;
  std::int64_t pending_total = 0;
  std::vector<std::string> pending_names;  // the volunteer of each pending entry
  domain::HoursTotals approved;            // every year
  int year = 0;
  int this_year = 0;
  std::set<int> years;             // the years with hours, and this one
  std::vector<HoursMonth> months;  // newest first
  domain::HoursTotals year_approved;
  std::vector<VolunteerMinutes> volunteers;  // in the list's order, those with hours in the year
  std::int64_t hourly_cents = 0;
};

// The hours page; Forbidden for anyone who may not manage volunteers.
Result<HoursPage> LoadHoursPage(const Services& services, const auth::Actor& actor,
                                const HoursQuery& query);

}  // namespace cercle::app::volunteers
