#include "store/volunteer_hours_store.hpp"

#include <string>

#include "store/circle_rows.hpp"
#include "store/circle_tables.hpp"
#include "store/table.hpp"

namespace cercle::store {
namespace {

using circle_rows::Nullable;

// The hours a volunteer logs, or a coordinator logs for them: not those of meeting attendance.
constexpr const char* kOwnOfVolunteer =
    "AND volunteer_id = :volunteer AND kind <> 'circle_meeting'";
constexpr const char* kPending = "AND status = 'pending'";
// worked_on is an ISO date as text on both databases: its first 7 characters are the month.
constexpr const char* kMonthlySums = R"sql(
    SELECT substr(worked_on, 1, 7), status, SUM(minutes)
    FROM volunteer_hours
    WHERE organisation_id = :organisation AND volunteer_id = :volunteer AND status <> 'rejected'
    GROUP BY substr(worked_on, 1, 7), status
    ORDER BY substr(worked_on, 1, 7), status)sql";
constexpr const char* kReview = R"sql(
    UPDATE volunteer_hours
    SET status = :status, reviewed_by = :by, reviewed_at = :now
    WHERE id = :id AND organisation_id = :organisation AND status = 'pending')sql";

using Hours = tables::VolunteerHours;

}  // namespace

std::int64_t InsertHours(soci::session& session, const domain::HoursEntry& entry,
                         const HoursOrigin& origin) {
  auto logged_by = Nullable(origin.logged_by), reviewed_by = Nullable(origin.reviewed_by);
  auto reviewed_at = Nullable(origin.reviewed_at);
  auto meeting = Nullable(origin.meeting_id), contact = Nullable(origin.contact_id);
  const long long logged_at = ToUnix(origin.logged_at);
  return Insert<Hours>(session, entry, [&](soci::statement& statement) {
    statement.exchange(soci::use(logged_by.value, logged_by.indicator, "logged_by"));
    statement.exchange(soci::use(logged_at, "logged_at"));
    statement.exchange(soci::use(reviewed_by.value, reviewed_by.indicator, "reviewed_by"));
    statement.exchange(soci::use(reviewed_at.value, reviewed_at.indicator, "reviewed_at"));
    statement.exchange(soci::use(meeting.value, meeting.indicator, "meeting_id"));
    statement.exchange(soci::use(contact.value, contact.indicator, "contact_id"));
  });
}

std::int64_t VolunteerHoursStore::Insert(const domain::HoursEntry& entry, std::int64_t by,
                                         Instant now) {
  // An entry logged as approved (by a coordinator) is reviewed as it is logged.
  const bool reviewed = entry.status != domain::HoursStatus::kPending;
  return InsertHours(session_, entry,
                     {.logged_by = by,
                      .logged_at = now,
                      .reviewed_by = reviewed ? std::optional(by) : std::nullopt,
                      .reviewed_at = reviewed ? std::optional(now) : std::nullopt});
}

std::optional<domain::HoursEntry> VolunteerHoursStore::Find(std::int64_t id,
                                                            std::int64_t organisation_id) {
  return store::Find<Hours>(session_, id, organisation_id);
}

std::vector<domain::HoursEntry> VolunteerHoursStore::ListOwnForVolunteer(
    std::int64_t volunteer_id, std::int64_t organisation_id, const PageSlice& slice) {
  return SelectWhere<Hours>(
      session_,
      std::string(kOwnOfVolunteer) + " ORDER BY worked_on DESC, id DESC" + LimitClause(slice),
      OfOrganisation(organisation_id, {{"volunteer", volunteer_id}}));
}

std::int64_t VolunteerHoursStore::CountOwnForVolunteer(std::int64_t volunteer_id,
                                                       std::int64_t organisation_id) {
  return CountWhere<Hours>(session_, kOwnOfVolunteer,
                           OfOrganisation(organisation_id, {{"volunteer", volunteer_id}}));
}

std::vector<domain::HoursEntry> VolunteerHoursStore::MonthlySumsForVolunteer(
    std::int64_t volunteer_id, std::int64_t organisation_id) {
  std::vector<domain::HoursEntry> sums;
  for (const auto& [month, status, minutes] :
       FetchAll<TableRow<ValueRow<std::string, domain::HoursStatus, long long>>>(
           session_, kMonthlySums,
           Params({{"organisation", organisation_id}, {"volunteer", volunteer_id}}))) {
    const auto first_day = ParseIsoDate(month + "-01");
    if (!first_day) continue;
    domain::HoursEntry sum;
    sum.organisation_id = organisation_id;
    sum.volunteer_id = volunteer_id;
    sum.worked_on = *first_day;
    sum.minutes = static_cast<int>(minutes);
    sum.status = status;
    sums.push_back(std::move(sum));
  }
  return sums;
}

std::vector<domain::HoursEntry> VolunteerHoursStore::ListPending(std::int64_t organisation_id) {
  return SelectWhere<Hours>(session_, std::string(kPending) + " ORDER BY worked_on, id",
                            OfOrganisation(organisation_id));
}

std::vector<domain::HoursEntry> VolunteerHoursStore::ListPending(std::int64_t organisation_id,
                                                                 const PageSlice& slice) {
  return SelectWhere<Hours>(session_,
                            std::string(kPending) + " ORDER BY worked_on, id" + LimitClause(slice),
                            OfOrganisation(organisation_id));
}

std::int64_t VolunteerHoursStore::CountPending(std::int64_t organisation_id) {
  return CountWhere<Hours>(session_, kPending, OfOrganisation(organisation_id));
}

std::vector<domain::HoursEntry> VolunteerHoursStore::ListCounted(std::int64_t organisation_id) {
  return SelectWhere<Hours>(session_, "AND status <> 'rejected' ORDER BY worked_on, id",
                            OfOrganisation(organisation_id));
}

bool VolunteerHoursStore::Review(std::int64_t id, std::int64_t organisation_id,
                                 domain::HoursStatus status, std::int64_t by, Instant now) {
  return Change(
             session_, kReview,
             Bindings{
                 {{"by", by}, {"now", ToUnix(now)}, {"id", id}, {"organisation", organisation_id}},
                 {{"status", std::string(domain::NameOf(status))}}}) == 1;
}

}  // namespace cercle::store
