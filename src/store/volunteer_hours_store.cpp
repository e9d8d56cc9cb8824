#include "store/volunteer_hours_store.hpp"

#include <string>

#include "store/volunteer_rows.hpp"

namespace cercle::store {
namespace {

using volunteer_rows::ByOrganisation;
using volunteer_rows::ByOrganisationAnd;
using volunteer_rows::FetchAll;
using volunteer_rows::FetchOne;

// The columns HoursRow reads, in its order.
#define CERCLE_HOURS_COLUMNS \
  R"sql(id, organisation_id, volunteer_id, worked_on, minutes, kind, description, status)sql"
constexpr const char* kFind = "SELECT " CERCLE_HOURS_COLUMNS R"sql(
    FROM volunteer_hours
    WHERE organisation_id = :organisation AND id = :id)sql";
// The hours a volunteer logs, or a coordinator logs for them: not those of meeting attendance.
// Followed by the page's LIMIT clause.
constexpr const char* kOwnOfVolunteer = "SELECT " CERCLE_HOURS_COLUMNS R"sql(
    FROM volunteer_hours
    WHERE organisation_id = :organisation AND volunteer_id = :volunteer
      AND kind <> 'circle_meeting'
    ORDER BY worked_on DESC, id DESC)sql";
// Followed by a page's LIMIT clause, or nothing.
constexpr const char* kListPending = "SELECT " CERCLE_HOURS_COLUMNS R"sql(
    FROM volunteer_hours
    WHERE organisation_id = :organisation AND status = 'pending'
    ORDER BY worked_on, id)sql";
constexpr const char* kListCounted = "SELECT " CERCLE_HOURS_COLUMNS R"sql(
    FROM volunteer_hours
    WHERE organisation_id = :organisation AND status <> 'rejected'
    ORDER BY worked_on, id)sql";
constexpr const char* kCountPending = R"sql(
    SELECT COUNT(*)
    FROM volunteer_hours
    WHERE organisation_id = :organisation AND status = 'pending')sql";
constexpr const char* kCountOwnOfVolunteer = R"sql(
    SELECT COUNT(*)
    FROM volunteer_hours
    WHERE organisation_id = :organisation AND volunteer_id = :volunteer AND kind <>
      'circle_meeting')sql";
// worked_on is an ISO date as text on both databases: its first 7 characters are the month.
constexpr const char* kMonthlySums = R"sql(
    SELECT substr(worked_on, 1, 7), status, SUM(minutes)
    FROM volunteer_hours
    WHERE organisation_id = :organisation AND volunteer_id = :volunteer AND status <> 'rejected'
    GROUP BY substr(worked_on, 1, 7), status
    ORDER BY substr(worked_on, 1, 7), status)sql";
constexpr const char* kInsert = R"sql(
    INSERT INTO volunteer_hours (organisation_id, volunteer_id, worked_on, minutes, kind,
      description, status, logged_by, logged_at, reviewed_by, reviewed_at)
    VALUES (:organisation, :volunteer, :worked, :minutes, :kind, :description, :status, :by,
      :now, :reviewed_by, :reviewed_at)
    RETURNING id)sql";
constexpr const char* kReview = R"sql(
    UPDATE volunteer_hours
    SET status = :status, reviewed_by = :by, reviewed_at = :now
    WHERE id = :id AND organisation_id = :organisation AND status = 'pending')sql";

#undef CERCLE_HOURS_COLUMNS

// A row of CERCLE_HOURS_COLUMNS.
struct HoursRow {
  domain::HoursEntry entry;
  std::string worked, kind, status;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(entry.id));
    statement.exchange(soci::into(entry.organisation_id));
    statement.exchange(soci::into(entry.volunteer_id));
    statement.exchange(soci::into(worked));
    statement.exchange(soci::into(entry.minutes));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(entry.description));
    statement.exchange(soci::into(status));
  }
  domain::HoursEntry Take() const {
    domain::HoursEntry result = entry;
    result.worked_on = volunteer_rows::RequiredDate(worked);
    result.kind = domain::ParseEnum<domain::HoursKind>(kind).value_or(domain::HoursKind::kOther);
    result.status =
        domain::ParseEnum<domain::HoursStatus>(status).value_or(domain::HoursStatus::kPending);
    return result;
  }
};

}  // namespace

std::int64_t VolunteerHoursStore::Insert(const domain::HoursEntry& entry, std::int64_t by,
                                         Instant now) {
  std::int64_t id = 0;
  const std::string worked = FormatIsoDate(entry.worked_on);
  const std::string kind(domain::NameOf(entry.kind));
  const std::string status(domain::NameOf(entry.status));
  const long long at = ToUnix(now);
  // An entry logged as approved (by a coordinator) is reviewed as it is logged.
  const bool reviewed = entry.status != domain::HoursStatus::kPending;
  soci::indicator reviewed_indicator = reviewed ? soci::i_ok : soci::i_null;
  soci::indicator reviewed_at_indicator = reviewed ? soci::i_ok : soci::i_null;
  session_ << kInsert, soci::use(entry.organisation_id, "organisation"),
      soci::use(entry.volunteer_id, "volunteer"), soci::use(worked, "worked"),
      soci::use(entry.minutes, "minutes"), soci::use(kind, "kind"),
      soci::use(entry.description, "description"), soci::use(status, "status"), soci::use(by, "by"),
      soci::use(at, "now"), soci::use(by, reviewed_indicator, "reviewed_by"),
      soci::use(at, reviewed_at_indicator, "reviewed_at"), soci::into(id);
  return id;
}

std::optional<domain::HoursEntry> VolunteerHoursStore::Find(std::int64_t id,
                                                            std::int64_t organisation_id) {
  return FetchOne<HoursRow>(session_, kFind, ByOrganisationAnd(organisation_id, id, "id"));
}

std::vector<domain::HoursEntry> VolunteerHoursStore::ListOwnForVolunteer(
    std::int64_t volunteer_id, std::int64_t organisation_id, const PageSlice& slice) {
  return FetchAll<HoursRow>(session_, std::string(kOwnOfVolunteer) + LimitClause(slice),
                            ByOrganisationAnd(organisation_id, volunteer_id, "volunteer"));
}

std::int64_t VolunteerHoursStore::CountOwnForVolunteer(std::int64_t volunteer_id,
                                                       std::int64_t organisation_id) {
  long long count = 0;
  session_ << kCountOwnOfVolunteer, soci::use(organisation_id, "organisation"),
      soci::use(volunteer_id, "volunteer"), soci::into(count);
  return count;
}

std::vector<domain::HoursEntry> VolunteerHoursStore::MonthlySumsForVolunteer(
    std::int64_t volunteer_id, std::int64_t organisation_id) {
  std::string month, status;
  long long minutes = 0;
  soci::statement statement =
      (session_.prepare << kMonthlySums, soci::use(organisation_id, "organisation"),
       soci::use(volunteer_id, "volunteer"), soci::into(month), soci::into(status),
       soci::into(minutes));
  statement.execute();
  std::vector<domain::HoursEntry> sums;
  while (statement.fetch()) {
    const auto first_day = ParseIsoDate(month + "-01");
    if (!first_day) continue;
    domain::HoursEntry sum;
    sum.organisation_id = organisation_id;
    sum.volunteer_id = volunteer_id;
    sum.worked_on = *first_day;
    sum.minutes = static_cast<int>(minutes);
    sum.status =
        domain::ParseEnum<domain::HoursStatus>(status).value_or(domain::HoursStatus::kPending);
    sums.push_back(std::move(sum));
  }
  return sums;
}

std::vector<domain::HoursEntry> VolunteerHoursStore::ListPending(std::int64_t organisation_id) {
  return FetchAll<HoursRow>(session_, kListPending, ByOrganisation(organisation_id));
}

std::vector<domain::HoursEntry> VolunteerHoursStore::ListPending(std::int64_t organisation_id,
                                                                 const PageSlice& slice) {
  return FetchAll<HoursRow>(session_, std::string(kListPending) + LimitClause(slice),
                            ByOrganisation(organisation_id));
}

std::int64_t VolunteerHoursStore::CountPending(std::int64_t organisation_id) {
  long long count = 0;
  session_ << kCountPending, soci::use(organisation_id, "organisation"), soci::into(count);
  return count;
}

std::vector<domain::HoursEntry> VolunteerHoursStore::ListCounted(std::int64_t organisation_id) {
  return FetchAll<HoursRow>(session_, kListCounted, ByOrganisation(organisation_id));
}

bool VolunteerHoursStore::Review(std::int64_t id, std::int64_t organisation_id,
                                 domain::HoursStatus status, std::int64_t by, Instant now) {
  const std::string name(domain::NameOf(status));
  const long long at = ToUnix(now);
  soci::statement statement =
      (session_.prepare << kReview, soci::use(name, "status"), soci::use(by, "by"),
       soci::use(at, "now"), soci::use(id, "id"), soci::use(organisation_id, "organisation"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

}  // namespace cercle::store
