#include "app/volunteers/volunteer_hours.hpp"

#include <map>

#include "app/volunteers/volunteer_file.hpp"
#include "auth/policies/volunteer_policy.hpp"
#include "store/settings_store.hpp"
#include "store/training_store.hpp"
#include "store/volunteer_hours_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::volunteers {
namespace {

using auth::policies::VolunteerPolicy;

// Checks and stores `command`'s entry for `volunteer` at `status`, with its audit entry.
Result<std::int64_t> InsertHours(const Services& services, const store::Unit& unit,
                                 const auth::Actor& actor, const domain::Volunteer& volunteer,
                                 const LogHoursCommand& command, domain::HoursStatus status) {
  domain::HoursEntry entry{.organisation_id = volunteer.organisation_id,
                           .volunteer_id = volunteer.id,
                           .worked_on = command.worked_on,
                           .minutes = command.minutes,
                           .kind = command.kind,
                           .status = status,
                           .description = command.description};
  TRY(domain::CheckLoggedHours(entry, services.Today()));
  const auto id =
      store::VolunteerHoursStore(unit.session()).Insert(entry, actor.user_id, unit.now());
  Audit(services, unit, actor, {"volunteer.hours_log", "volunteer_hours", std::to_string(id)});
  return id;
}

// The months of `of_year`, newest first, approved and pending apart.
std::vector<HoursMonth> MonthsOf(const std::vector<domain::HoursEntry>& of_year,
                                 const domain::HoursTotals& approved) {
  const auto with_pending = domain::TotalHours(of_year, domain::CountedHours::kIncludingPending);
  std::vector<HoursMonth> months;
  for (auto it = with_pending.by_month.rbegin(); it != with_pending.by_month.rend(); ++it) {
    const auto found = approved.by_month.find(it->first);
    const std::int64_t approved_minutes = found == approved.by_month.end() ? 0 : found->second;
    months.push_back({it->first, approved_minutes, it->second - approved_minutes});
  }
  return months;
}

// Each volunteer's approved minutes in `of_year`, in the order of `volunteers`.
std::vector<VolunteerMinutes> MinutesByVolunteer(const std::vector<domain::Volunteer>& volunteers,
                                                 const std::vector<domain::HoursEntry>& of_year) {
  std::map<std::int64_t, std::int64_t> by_volunteer;
  for (const auto& entry : of_year) {
    if (entry.status == domain::HoursStatus::kApproved)
      by_volunteer[entry.volunteer_id] += entry.minutes;
  }
  std::vector<VolunteerMinutes> rows;
  for (const auto& volunteer : volunteers) {
    const auto found = by_volunteer.find(volunteer.id);
    if (found != by_volunteer.end()) rows.push_back({volunteer, found->second});
  }
  return rows;
}

// What the hours page reads, in one transaction.
struct HoursData {
  std::vector<domain::Volunteer> volunteers;
  std::vector<domain::HoursEntry> pending;
  std::int64_t pending_total = 0;
  std::vector<domain::HoursEntry> counted;
  std::int64_t hourly_cents = 0;
};

HoursData ReadHoursData(const store::Unit& unit, const PageRequest& pending_page) {
  const std::int64_t organisation = unit.organisation_id();
  HoursData data;
  store::VolunteerFilter every;
  every.include_closed = true;
  data.volunteers = store::VolunteerStore(unit.session()).List(organisation, every);
  store::VolunteerHoursStore hours(unit.session());
  data.pending_total = hours.CountPending(organisation);
  data.pending = hours.ListPending(organisation, SliceOf(pending_page, data.pending_total));
  data.counted = domain::CombinedHours(
      store::TrainingStore(unit.session()).OrganisationAttendance(organisation),
      hours.ListCounted(organisation));
  data.hourly_cents = store::SettingsStore(unit.session())
                          .Load(organisation)
                          .Get(domain::SettingKey::kVolunteerHourlyValueCents);
  return data;
}

// Hours a coordinator logs on the visible file of `command`, with `status`.
Result<std::int64_t> LogHoursOnFile(const Services& services, const auth::Actor& actor,
                                    const LogHoursCommand& command, domain::HoursStatus status) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto volunteer = TRY(FindVisibleVolunteer(unit, actor, command.volunteer_id));
    return InsertHours(services, unit, actor, volunteer, command, status);
  });
}

}  // namespace

Result<std::int64_t> LogHours(const Services& services, const auth::Actor& actor,
                              const LogHoursCommand& command) {
  return LogHoursOnFile(services, actor, command, domain::HoursStatus::kApproved);
}

Result<std::int64_t> ImportPendingHours(const Services& services, const auth::Actor& actor,
                                        const LogHoursCommand& command) {
  return LogHoursOnFile(services, actor, command, domain::HoursStatus::kPending);
}

Result<std::int64_t> LogOwnHours(const Services& services, const auth::Actor& actor,
                                 const LogHoursCommand& command) {
  if (!VolunteerPolicy::MayHavePortal(actor)) return Error::NotFound();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto volunteer =
        store::VolunteerStore(unit.session()).FindByUser(actor.user_id, unit.organisation_id());
    if (!volunteer || !VolunteerPolicy::CanSeePortal(actor, *volunteer)) return Error::NotFound();
    if (!VolunteerPolicy::CanLogOwnHours(actor, *volunteer)) {
      return Error::Invalid(N_("Your file is closed: hours can no longer be logged."));
    }
    return InsertHours(services, unit, actor, *volunteer, command, domain::HoursStatus::kPending);
  });
}

Result<std::int64_t> ReviewHours(const Services& services, const auth::Actor& actor,
                                 const ReviewHoursCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    store::VolunteerHoursStore hours(unit.session());
    const auto entry = hours.Find(command.entry_id, unit.organisation_id());
    const auto volunteer = TRY(FindVolunteerOf(unit, actor, entry));
    if (!command.decision || *command.decision == domain::HoursStatus::kPending) {
      return Error::Invalid(N_("Choose to approve the hours or not."));
    }
    if (!hours.Review(entry->id, entry->organisation_id, *command.decision, actor.user_id,
                      unit.now())) {
      return Error::Conflict(N_("These hours were reviewed already."));
    }
    Audit(services, unit, actor,
          {"volunteer.hours_review", "volunteer_hours", std::to_string(entry->id)});
    return volunteer.id;
  });
}

LoggedHours ReadLoggedHours(const store::Unit& unit, std::int64_t volunteer_id,
                            const PageRequest& own_page) {
  const std::int64_t organisation = unit.organisation_id();
  store::VolunteerHoursStore store(unit.session());
  LoggedHours hours;
  hours.monthly_sums = store.MonthlySumsForVolunteer(volunteer_id, organisation);
  hours.own_total = store.CountOwnForVolunteer(volunteer_id, organisation);
  hours.own_page =
      store.ListOwnForVolunteer(volunteer_id, organisation, SliceOf(own_page, hours.own_total));
  return hours;
}

Result<HoursPage> LoadHoursPage(const Services& services, const auth::Actor& actor,
                                const HoursQuery& query) {
  if (!VolunteerPolicy::CanManage(actor)) return Error::Forbidden();
  const auto data = Read(services, actor.scope(), [&](store::Unit& unit) {
    return ReadHoursData(unit, query.pending_page);
  });
  HoursPage page;
  page.pending = data.pending;
  page.pending_total = data.pending_total;
  std::map<std::int64_t, std::string> names;
  for (const auto& volunteer : data.volunteers) names[volunteer.id] = volunteer.FullName();
  for (const auto& entry : data.pending) page.pending_names.push_back(names[entry.volunteer_id]);
  page.hourly_cents = data.hourly_cents;
  page.approved = domain::TotalHours(data.counted, domain::CountedHours::kApprovedOnly);
  page.this_year = static_cast<int>(services.Today().year());
  page.year = query.year.value_or(page.this_year);
  std::vector<domain::HoursEntry> of_year;
  for (const auto& entry : data.counted) {
    if (static_cast<int>(entry.worked_on.year()) == page.year) of_year.push_back(entry);
  }
  page.year_approved = domain::TotalHours(of_year, domain::CountedHours::kApprovedOnly);
  page.months = MonthsOf(of_year, page.year_approved);
  page.volunteers = MinutesByVolunteer(data.volunteers, of_year);
  for (const auto& [year, minutes] : page.approved.by_year) page.years.insert(year);
  page.years.insert(page.this_year);
  return page;
}

}  // namespace cercle::app::volunteers
