// Volunteer hours for coordinators: what waits for approval, and the approved totals by year, month
// and volunteer, valued at the organisation's hourly rate for funders.
#include "app/volunteers/volunteer_hours.hpp"
#include "web/layout.hpp"
#include "web/pages/volunteers/volunteer_pages.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"
#include "web/pagination.hpp"

namespace cercle::web::pages::volunteers {
namespace {

using app::volunteers::HoursPage;

// The year ?year= asks for, when it is one.
std::optional<int> AskedYear(const Context& context) {
  const auto query = context.request.QueryParameters();
  const auto asked = query.find("year");
  if (asked == query.end() || asked->second.size() != 4 ||
      asked->second.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoi(asked->second);
}

mstch::array MonthRowsOf(const Context& context, const HoursPage& page) {
  mstch::array months;
  for (const auto& month : page.months) {
    domain::HoursTotals one;
    one.by_month[month.month] = month.approved_minutes;
    auto row = boost::get<mstch::map>(MonthRows(context, one, page.hourly_cents).front());
    row["pending"] = FormatHours(context, month.pending_minutes);
    row["has_pending"] = month.pending_minutes > 0;
    months.push_back(std::move(row));
  }
  return months;
}

mstch::array VolunteerRowsOf(const Context& context, const HoursPage& page) {
  mstch::array volunteers;
  for (const auto& [volunteer, minutes] : page.volunteers) {
    volunteers.push_back(mstch::map{
        {"id", std::to_string(volunteer.id)},
        {"name", volunteer.last_name + ", " + volunteer.first_name},
        {"hours", FormatHours(context, minutes)},
        {"value", FormatMoney(context, domain::HoursValueCents(minutes, page.hourly_cents))}});
  }
  return volunteers;
}

mstch::array PendingRows(const Context& context, const HoursPage& page) {
  mstch::array pending;
  for (std::size_t i = 0; i < page.pending.size(); ++i) {
    const auto& entry = page.pending[i];
    pending.push_back(mstch::map{{"id", std::to_string(entry.id)},
                                 {"volunteer_id", std::to_string(entry.volunteer_id)},
                                 {"volunteer", page.pending_names[i]},
                                 {"date", FormatDate(context, entry.worked_on)},
                                 {"kind", context.Translate(domain::LabelOf(entry.kind))},
                                 {"hours", FormatHours(context, entry.minutes)},
                                 {"description", entry.description}});
  }
  return pending;
}

mstch::array YearLinks(const HoursPage& page) {
  mstch::array links;
  for (auto it = page.years.rbegin(); it != page.years.rend(); ++it) {
    links.push_back(mstch::map{{"year", std::to_string(*it)},
                               {"href", "/volunteers/hours?year=" + std::to_string(*it)},
                               {"current", *it == page.year}});
  }
  return links;
}

mstch::map HoursView(const Context& context, const HoursPage& page) {
  const mstch::array pending = PendingRows(context, page);
  const mstch::array months = MonthRowsOf(context, page);
  const auto year_total = page.year_approved.total;
  return mstch::map{
      {"pending", pending},
      {"no_pending", pending.empty()},
      {"years", YearRows(context, page.approved, page.hourly_cents)},
      {"no_hours", page.approved.by_year.empty()},
      {"year", std::to_string(page.year)},
      {"year_links", YearLinks(page)},
      {"months", months},
      {"no_months", months.empty()},
      {"volunteers", VolunteerRowsOf(context, page)},
      {"year_total", FormatHours(context, year_total)},
      {"year_value", FormatMoney(context, domain::HoursValueCents(year_total, page.hourly_cents))},
      {"rate", FormatMoney(context, page.hourly_cents)},
      {"pending_count", std::to_string(page.pending_total)}};
}

}  // namespace

Response ShowHours(Context& context) {
  const auto page = app::volunteers::LoadHoursPage(
      context.services.app, context.signed_in(),
      {.pending_page = RequestedPage(context), .year = AskedYear(context)});
  if (!page) return Deny(context, "volunteer_hours", "", 403);
  mstch::map model = HoursView(context, *page);
  AddPagination(context, Paginate(context.request, page->pending_total), model);
  if (context.request.query == "reviewed=1")
    model["notice"] = context.Translate(N_("The hours are reviewed."));
  return RenderPage(context, "volunteer_hours", context.Translate(N_("Volunteer hours")),
                    std::move(model));
}

}  // namespace cercle::web::pages::volunteers
