// Volunteer hours for coordinators: what waits for approval, and the approved totals by year, month
// and volunteer, valued at the organisation's hourly rate for funders.
#include <set>

#include "auth/policies/volunteer_policy.hpp"
#include "store/training_store.hpp"
#include "store/volunteer_hours_store.hpp"
#include "store/volunteer_store.hpp"
#include "web/layout.hpp"
#include "web/pagination.hpp"
#include "web/pages/volunteers/volunteer_pages.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"

namespace cercle::web::pages::volunteers {

Response ShowHours(Context& context) {
  const auto& actor = context.signed_in();
  if (!auth::policies::VolunteerPolicy::CanManage(actor))
    return Deny(context, "volunteer_hours", "", 403);
  const std::int64_t organisation = *actor.organisation_id;
  const auto setup = LoadProgramSetup(context);
  struct HoursData {
    Pagination pagination;
    std::vector<domain::Volunteer> volunteers;
    std::vector<domain::HoursEntry> pending;
    std::vector<domain::HoursEntry> counted;
    std::vector<domain::TrainingAttendance> attendance;
  };
  const auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    HoursData data;
    store::VolunteerFilter every;
    every.include_closed = true;
    data.volunteers = store::VolunteerStore(session).List(organisation, every);
    store::VolunteerHoursStore hours(session);
    data.pagination = Paginate(context.request, hours.CountPending(organisation));
    data.pending = hours.ListPending(organisation, data.pagination.Slice());
    data.counted = hours.ListCounted(organisation);
    data.attendance = store::TrainingStore(session).OrganisationAttendance(organisation);
    return data;
  });
  std::map<std::int64_t, std::string> names;
  for (const auto& volunteer : data.volunteers) names[volunteer.id] = volunteer.FullName();
  const std::int64_t hourly_cents = setup.settings.Get("volunteer.hourly_value_cents");
  const auto combined = CombinedHours(data.attendance, data.counted);
  const auto approved = domain::TotalHours(combined, domain::CountedHours::kApprovedOnly);

  // The year shown month by month: the one asked for, or the current one.
  const int this_year = static_cast<int>(Today(context).year());
  int year = this_year;
  const auto query = context.request.QueryParameters();
  if (const auto asked = query.find("year");
      asked != query.end() && asked->second.size() == 4 &&
      asked->second.find_first_not_of("0123456789") == std::string::npos) {
    year = std::stoi(asked->second);
  }
  std::vector<domain::HoursEntry> of_year;
  for (const auto& entry : combined) {
    if (static_cast<int>(entry.worked_on.year()) == year) of_year.push_back(entry);
  }
  const auto year_approved = domain::TotalHours(of_year, domain::CountedHours::kApprovedOnly);
  const auto year_with_pending =
      domain::TotalHours(of_year, domain::CountedHours::kIncludingPending);
  mstch::array months;
  for (auto it = year_with_pending.by_month.rbegin(); it != year_with_pending.by_month.rend();
       ++it) {
    const auto found = year_approved.by_month.find(it->first);
    const std::int64_t approved_minutes = found == year_approved.by_month.end() ? 0 : found->second;
    domain::HoursTotals one;
    one.by_month[it->first] = approved_minutes;
    auto row = boost::get<mstch::map>(MonthRows(context, one, hourly_cents).front());
    row["pending"] = FormatHours(context, it->second - approved_minutes);
    row["has_pending"] = it->second > approved_minutes;
    months.push_back(std::move(row));
  }
  // Each volunteer's approved hours in the year.
  std::map<std::int64_t, std::int64_t> by_volunteer;
  for (const auto& entry : of_year) {
    if (entry.status == domain::HoursStatus::kApproved)
      by_volunteer[entry.volunteer_id] += entry.minutes;
  }
  mstch::array volunteers;
  for (const auto& volunteer : data.volunteers) {
    const auto found = by_volunteer.find(volunteer.id);
    if (found == by_volunteer.end()) continue;
    volunteers.push_back(mstch::map{
        {"id", std::to_string(volunteer.id)},
        {"name", volunteer.last_name + ", " + volunteer.first_name},
        {"hours", FormatHours(context, found->second)},
        {"value", FormatMoney(context, domain::HoursValueCents(found->second, hourly_cents))}});
  }
  mstch::array pending;
  for (const auto& entry : data.pending) {
    pending.push_back(mstch::map{{"id", std::to_string(entry.id)},
                                 {"volunteer_id", std::to_string(entry.volunteer_id)},
                                 {"volunteer", names[entry.volunteer_id]},
                                 {"date", FormatDate(context, entry.worked_on)},
                                 {"kind", context.Translate(domain::HoursKindLabel(entry.kind))},
                                 {"hours", FormatHours(context, entry.minutes)},
                                 {"description", entry.description}});
  }
  std::set<int> years_with_hours;
  for (const auto& [entry_year, minutes] : approved.by_year) years_with_hours.insert(entry_year);
  years_with_hours.insert(this_year);
  mstch::array year_links;
  for (auto it = years_with_hours.rbegin(); it != years_with_hours.rend(); ++it) {
    year_links.push_back(mstch::map{{"year", std::to_string(*it)},
                                    {"href", "/volunteers/hours?year=" + std::to_string(*it)},
                                    {"current", *it == year}});
  }
  mstch::map model{{"pending", pending},
                   {"no_pending", pending.empty()},
                   {"years", YearRows(context, approved, hourly_cents)},
                   {"no_hours", approved.by_year.empty()},
                   {"year", std::to_string(year)},
                   {"year_links", year_links},
                   {"months", months},
                   {"no_months", months.empty()},
                   {"volunteers", volunteers},
                   {"year_total", FormatHours(context, year_approved.total)},
                   {"year_value", FormatMoney(context, domain::HoursValueCents(year_approved.total,
                                                                               hourly_cents))},
                   {"rate", FormatMoney(context, hourly_cents)},
                   {"pending_count", std::to_string(data.pagination.total)}};
  AddPagination(context, data.pagination, model);
  if (context.request.query == "reviewed=1")
    model["notice"] = context.Translate(N_("The hours are reviewed."));
  return RenderPage(context, "volunteer_hours", context.Translate(N_("Volunteer hours")),
                    std::move(model));
}

}  // namespace cercle::web::pages::volunteers
