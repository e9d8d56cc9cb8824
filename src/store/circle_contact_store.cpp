#include "store/circle_contact_store.hpp"

#include "store/circle_tables.hpp"
#include "store/table.hpp"
#include "store/volunteer_hours_store.hpp"

namespace cercle::store {
namespace {

using Contacts = tables::CircleContacts;

constexpr const char* kOfCircle = "AND circle_id = :circle";
constexpr const char* kNewestFirst = " ORDER BY contacted_on DESC, id DESC";
constexpr const char* kLastOfCircle = R"sql(
SELECT max(contacted_on)
  FROM circle_contacts
 WHERE organisation_id = :organisation AND circle_id = :circle
)sql";
// The circles' ids are appended, as "(1, 2, 3)", then " GROUP BY circle_id".
constexpr const char* kLast = R"sql(
SELECT circle_id, max(contacted_on)
  FROM circle_contacts
 WHERE organisation_id = :organisation AND circle_id IN )sql";

}  // namespace

std::int64_t CircleContactStore::Insert(const domain::CircleContact& contact,
                                        const std::string& description) {
  const std::int64_t id = store::Insert<Contacts>(session_, contact);
  // A contact's hours wait for a coordinator's approval, like the hours volunteers log themselves.
  InsertHours(session_,
              {.organisation_id = contact.organisation_id,
               .volunteer_id = contact.volunteer_id,
               .worked_on = contact.contacted_on,
               .minutes = contact.duration_minutes,
               .kind = domain::HoursKind::kCircleContact,
               .status = domain::HoursStatus::kPending,
               .description = description},
              {.logged_by = contact.logged_by, .logged_at = contact.logged_at, .contact_id = id});
  return id;
}

std::vector<domain::CircleContact> CircleContactStore::OfCircle(std::int64_t circle_id,
                                                                std::int64_t organisation_id) {
  return SelectWhere<Contacts>(session_, std::string(kOfCircle) + kNewestFirst,
                               OfOrganisation(organisation_id, {{"circle", circle_id}}));
}

std::vector<domain::CircleContact> CircleContactStore::OfCircle(std::int64_t circle_id,
                                                                std::int64_t organisation_id,
                                                                const PageSlice& slice) {
  return SelectWhere<Contacts>(session_, std::string(kOfCircle) + kNewestFirst + LimitClause(slice),
                               OfOrganisation(organisation_id, {{"circle", circle_id}}));
}

std::int64_t CircleContactStore::CountOfCircle(std::int64_t circle_id,
                                               std::int64_t organisation_id) {
  return CountWhere<Contacts>(session_, kOfCircle,
                              OfOrganisation(organisation_id, {{"circle", circle_id}}));
}

std::optional<CivilDate> CircleContactStore::LastContactOfCircle(std::int64_t circle_id,
                                                                 std::int64_t organisation_id) {
  return FetchValue<CivilDate>(session_, kLastOfCircle,
                               Params({{"organisation", organisation_id}, {"circle", circle_id}}));
}

std::map<std::int64_t, CivilDate> CircleContactStore::LastContacts(
    const std::vector<std::int64_t>& circle_ids, std::int64_t organisation_id) {
  if (circle_ids.empty()) return {};
  return ReadMap<std::map<std::int64_t, CivilDate>>(
      session_, std::string(kLast) + "(" + IdList(circle_ids) + ") GROUP BY circle_id",
      Params({{"organisation", organisation_id}}));
}

}  // namespace cercle::store
