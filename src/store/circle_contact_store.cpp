#include "store/circle_contact_store.hpp"

#include "store/circle_rows.hpp"

namespace cercle::store {
namespace {

using namespace circle_rows;

constexpr const char* kInsert = R"sql(
INSERT INTO circle_contacts (organisation_id, circle_id, volunteer_id, contacted_on, kind,
       duration_minutes, note, logged_by, logged_at)
VALUES (:organisation, :circle, :volunteer, :contacted_on, :kind, :duration, :note, :by, :at)
RETURNING id
)sql";
// A contact's hours wait for a coordinator's approval, like the hours volunteers log themselves.
constexpr const char* kInsertHours = R"sql(
INSERT INTO volunteer_hours (organisation_id, volunteer_id, worked_on, minutes, kind,
       description, status, logged_by, logged_at, contact_id)
VALUES (:organisation, :volunteer, :worked_on, :minutes, 'circle_contact', :description,
       'pending', :by, :at, :contact)
)sql";
constexpr const char* kOfCircle = R"sql(
SELECT id, organisation_id, circle_id, volunteer_id, contacted_on, kind, duration_minutes,
       note, logged_by, logged_at
  FROM circle_contacts
 WHERE organisation_id = :organisation AND circle_id = :circle
 ORDER BY contacted_on DESC, id DESC
)sql";
constexpr const char* kCountOfCircle = R"sql(
SELECT count(*)
  FROM circle_contacts
 WHERE organisation_id = :organisation AND circle_id = :circle
)sql";
constexpr const char* kLastOfCircle = R"sql(
SELECT max(contacted_on)
  FROM circle_contacts
 WHERE organisation_id = :organisation AND circle_id = :circle
)sql";
constexpr const char* kLast = R"sql(
SELECT circle_id, max(contacted_on)
  FROM circle_contacts
 WHERE organisation_id = :organisation
 GROUP BY circle_id
)sql";

}  // namespace

std::int64_t CircleContactStore::Insert(const domain::CircleContact& contact,
                                        const std::string& description) {
  std::int64_t id = 0;
  const std::string on = FormatIsoDate(contact.contacted_on);
  const std::string kind(domain::NameOf(contact.kind));
  auto by = Nullable(contact.logged_by);
  const long long at = ToUnix(contact.logged_at);
  session_ << kInsert, soci::use(contact.organisation_id, "organisation"),
      soci::use(contact.circle_id, "circle"), soci::use(contact.volunteer_id, "volunteer"),
      soci::use(on, "contacted_on"), soci::use(kind, "kind"),
      soci::use(contact.duration_minutes, "duration"), soci::use(contact.note, "note"),
      soci::use(by.value, by.indicator, "by"), soci::use(at, "at"), soci::into(id);
  session_ << kInsertHours, soci::use(contact.organisation_id, "organisation"),
      soci::use(contact.volunteer_id, "volunteer"), soci::use(on, "worked_on"),
      soci::use(contact.duration_minutes, "minutes"), soci::use(description, "description"),
      soci::use(by.value, by.indicator, "by"), soci::use(at, "at"), soci::use(id, "contact");
  return id;
}

std::vector<domain::CircleContact> CircleContactStore::OfCircle(std::int64_t circle_id,
                                                                std::int64_t organisation_id) {
  return Select(kOfCircle, circle_id, organisation_id);
}

std::vector<domain::CircleContact> CircleContactStore::OfCircle(std::int64_t circle_id,
                                                                std::int64_t organisation_id,
                                                                const PageSlice& slice) {
  return Select(std::string(kOfCircle) + LimitClause(slice), circle_id, organisation_id);
}

std::int64_t CircleContactStore::CountOfCircle(std::int64_t circle_id,
                                               std::int64_t organisation_id) {
  long long count = 0;
  session_ << kCountOfCircle, soci::use(organisation_id, "organisation"),
      soci::use(circle_id, "circle"), soci::into(count);
  return count;
}

std::optional<CivilDate> CircleContactStore::LastContactOfCircle(std::int64_t circle_id,
                                                                 std::int64_t organisation_id) {
  std::string on;
  soci::indicator indicator = soci::i_null;
  session_ << kLastOfCircle, soci::use(organisation_id, "organisation"),
      soci::use(circle_id, "circle"), soci::into(on, indicator);
  if (indicator != soci::i_ok) return std::nullopt;
  return ParseIsoDate(on);
}

std::vector<domain::CircleContact> CircleContactStore::Select(const std::string& query,
                                                              std::int64_t circle_id,
                                                              std::int64_t organisation_id) {
  domain::CircleContact row;
  std::string on, kind;
  std::int64_t by = 0;
  long long at = 0;
  soci::indicator by_indicator;
  soci::statement statement =
      (session_.prepare << query, soci::use(organisation_id, "organisation"),
       soci::use(circle_id, "circle"), soci::into(row.id), soci::into(row.organisation_id),
       soci::into(row.circle_id), soci::into(row.volunteer_id), soci::into(on), soci::into(kind),
       soci::into(row.duration_minutes), soci::into(row.note), soci::into(by, by_indicator),
       soci::into(at));
  statement.execute();
  std::vector<domain::CircleContact> contacts;
  while (statement.fetch()) {
    domain::CircleContact contact = row;
    contact.contacted_on = RequiredDate(on);
    contact.kind =
        domain::ParseEnum<domain::ContactKind>(kind).value_or(domain::ContactKind::kCall);
    contact.logged_by = Id(by, by_indicator);
    contact.logged_at = FromUnix(at);
    contacts.push_back(std::move(contact));
  }
  return contacts;
}

std::map<std::int64_t, CivilDate> CircleContactStore::LastContacts(std::int64_t organisation_id) {
  std::map<std::int64_t, CivilDate> last;
  std::int64_t circle = 0;
  std::string on;
  soci::statement statement =
      (session_.prepare << kLast, soci::use(organisation_id, "organisation"), soci::into(circle),
       soci::into(on));
  statement.execute();
  while (statement.fetch()) {
    if (const auto date = ParseIsoDate(on)) last[circle] = *date;
  }
  return last;
}

}  // namespace cercle::store
