#include "store/volunteer_hours_store.hpp"

#include <string>

namespace cercle::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, organisation_id, volunteer_id, worked_on, minutes, kind, description, status FROM"
    " volunteer_hours WHERE organisation_id = :organisation ";
constexpr const char* kCountPending =
    "SELECT COUNT(*) FROM volunteer_hours WHERE organisation_id = :organisation AND status ="
    " 'pending'";
// The hours a volunteer logs, or a coordinator logs for them: not those of meeting attendance.
constexpr const char* kOwnOfVolunteer =
    "AND volunteer_id = :volunteer AND kind <> 'circle_meeting' ORDER BY worked_on DESC, id DESC";
constexpr const char* kCountOwnOfVolunteer =
    "SELECT COUNT(*) FROM volunteer_hours WHERE organisation_id = :organisation"
    " AND volunteer_id = :volunteer AND kind <> 'circle_meeting'";
// worked_on is an ISO date as text on both databases: its first 7 characters are the month.
constexpr const char* kMonthlySums =
    "SELECT substr(worked_on, 1, 7), status, SUM(minutes) FROM volunteer_hours"
    " WHERE organisation_id = :organisation AND volunteer_id = :volunteer AND status <> 'rejected'"
    " GROUP BY substr(worked_on, 1, 7), status ORDER BY substr(worked_on, 1, 7), status";
constexpr const char* kInsert =
    "INSERT INTO volunteer_hours (organisation_id, volunteer_id, worked_on, minutes, kind, "
    "description,"
    " status, logged_by, logged_at, reviewed_by, reviewed_at) VALUES (:organisation, :volunteer, "
    ":worked,"
    " :minutes, :kind, :description, :status, :by, :now, :reviewed_by, :reviewed_at) RETURNING id";
constexpr const char* kReview =
    "UPDATE volunteer_hours SET status = :status, reviewed_by = :by, reviewed_at = :now WHERE id = "
    ":id"
    " AND organisation_id = :organisation AND status = 'pending'";

template <class Bind>
std::vector<domain::HoursEntry> SelectHours(soci::session& session, const std::string& sql,
                                            Bind&& bind) {
  domain::HoursEntry row;
  std::string worked, kind, status;
  soci::statement statement(session);
  statement.exchange(soci::into(row.id));
  statement.exchange(soci::into(row.organisation_id));
  statement.exchange(soci::into(row.volunteer_id));
  statement.exchange(soci::into(worked));
  statement.exchange(soci::into(row.minutes));
  statement.exchange(soci::into(kind));
  statement.exchange(soci::into(row.description));
  statement.exchange(soci::into(status));
  bind(statement);
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::HoursEntry> entries;
  while (statement.fetch()) {
    domain::HoursEntry entry = row;
    entry.worked_on = domain::ParseIsoDate(worked).value_or(domain::CivilDate{});
    entry.kind = domain::ParseHoursKind(kind).value_or(domain::HoursKind::kOther);
    entry.status = domain::ParseHoursStatus(status).value_or(domain::HoursStatus::kPending);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

std::int64_t VolunteerHoursStore::Insert(const domain::HoursEntry& entry, std::int64_t by,
                                         Instant now) {
  std::int64_t id = 0;
  const std::string worked = domain::FormatIsoDate(entry.worked_on);
  const std::string kind(domain::HoursKindName(entry.kind));
  const std::string status(domain::HoursStatusName(entry.status));
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
  auto found = SelectHours(session_, std::string(kColumns) + "AND id = :id",
                           [&](soci::statement& statement) {
                             statement.exchange(soci::use(organisation_id, "organisation"));
                             statement.exchange(soci::use(id, "id"));
                           });
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<domain::HoursEntry> VolunteerHoursStore::ListForVolunteer(
    std::int64_t volunteer_id, std::int64_t organisation_id) {
  return SelectHours(
      session_,
      std::string(kColumns) + "AND volunteer_id = :volunteer ORDER BY worked_on DESC, id DESC",
      [&](soci::statement& statement) {
        statement.exchange(soci::use(organisation_id, "organisation"));
        statement.exchange(soci::use(volunteer_id, "volunteer"));
      });
}

std::vector<domain::HoursEntry> VolunteerHoursStore::ListOwnForVolunteer(
    std::int64_t volunteer_id, std::int64_t organisation_id, const PageSlice& slice) {
  return SelectHours(session_, std::string(kColumns) + kOwnOfVolunteer + LimitClause(slice),
                     [&](soci::statement& statement) {
                       statement.exchange(soci::use(organisation_id, "organisation"));
                       statement.exchange(soci::use(volunteer_id, "volunteer"));
                     });
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
    const auto first_day = domain::ParseIsoDate(month + "-01");
    if (!first_day) continue;
    domain::HoursEntry sum;
    sum.organisation_id = organisation_id;
    sum.volunteer_id = volunteer_id;
    sum.worked_on = *first_day;
    sum.minutes = static_cast<int>(minutes);
    sum.status = domain::ParseHoursStatus(status).value_or(domain::HoursStatus::kPending);
    sums.push_back(std::move(sum));
  }
  return sums;
}

std::vector<domain::HoursEntry> VolunteerHoursStore::ListPending(std::int64_t organisation_id) {
  return SelectHours(session_,
                     std::string(kColumns) + "AND status = 'pending' ORDER BY worked_on, id",
                     [&](soci::statement& statement) {
                       statement.exchange(soci::use(organisation_id, "organisation"));
                     });
}

std::vector<domain::HoursEntry> VolunteerHoursStore::ListPending(std::int64_t organisation_id,
                                                                 const PageSlice& slice) {
  return SelectHours(
      session_,
      std::string(kColumns) + "AND status = 'pending' ORDER BY worked_on, id" + LimitClause(slice),
      [&](soci::statement& statement) {
        statement.exchange(soci::use(organisation_id, "organisation"));
      });
}

std::int64_t VolunteerHoursStore::CountPending(std::int64_t organisation_id) {
  long long count = 0;
  session_ << kCountPending, soci::use(organisation_id, "organisation"), soci::into(count);
  return count;
}

std::vector<domain::HoursEntry> VolunteerHoursStore::ListCounted(std::int64_t organisation_id) {
  return SelectHours(session_,
                     std::string(kColumns) + "AND status <> 'rejected' ORDER BY worked_on, id",
                     [&](soci::statement& statement) {
                       statement.exchange(soci::use(organisation_id, "organisation"));
                     });
}

bool VolunteerHoursStore::Review(std::int64_t id, std::int64_t organisation_id,
                                 domain::HoursStatus status, std::int64_t by, Instant now) {
  const std::string name(domain::HoursStatusName(status));
  const long long at = ToUnix(now);
  soci::statement statement =
      (session_.prepare << kReview, soci::use(name, "status"), soci::use(by, "by"),
       soci::use(at, "now"), soci::use(id, "id"), soci::use(organisation_id, "organisation"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

}  // namespace cercle::store
