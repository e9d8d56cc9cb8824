#include "store/concern_store.hpp"

#include "store/table.hpp"
#include "store/tables.hpp"

namespace cercle::store {
namespace {

// A concern with its circle's code name and its raiser's name, in one organisation; the circle and
// the user are joined within the same organisation. Each query of rows adds its conditions.
constexpr const char* kSelectRows = R"sql(
  SELECT {columns}, ci.code_name, u.display_name
  FROM concerns c
  JOIN circles ci ON ci.id = c.circle_id AND ci.organisation_id = c.organisation_id
  JOIN users u ON u.id = c.raised_by
  WHERE c.organisation_id = :organisation
)sql";
constexpr const char* kWhereId = R"sql( AND c.id = :key )sql";
constexpr const char* kWhereUnacknowledged = R"sql(
  AND c.status = 'raised'
  ORDER BY c.raised_at, c.id
)sql";
constexpr const char* kWhereRaisedBy = R"sql( AND c.raised_by = :key )sql";
constexpr const char* kNewestFirst = R"sql( ORDER BY c.raised_at DESC, c.id DESC )sql";

// The register's count, joined as its rows are so that both count the same concerns.
constexpr const char* kCountRows = R"sql(
  SELECT COUNT(*)
  FROM concerns c
  JOIN circles ci ON ci.id = c.circle_id AND ci.organisation_id = c.organisation_id
  JOIN users u ON u.id = c.raised_by
  WHERE c.organisation_id = :organisation
)sql";

constexpr const char* kAcknowledge = R"sql(
  UPDATE concerns
  SET status = 'acknowledged', acknowledged_by = :by, acknowledged_at = :now, updated_at = :updated
  WHERE id = :id AND organisation_id = :organisation AND status = 'raised'
)sql";
constexpr const char* kStart = R"sql(
  UPDATE concerns
  SET status = 'in_progress', started_at = :now, updated_at = :updated
  WHERE id = :id AND organisation_id = :organisation AND status = 'acknowledged'
)sql";
constexpr const char* kClose = R"sql(
  UPDATE concerns
  SET status = 'closed', closed_by = :by, closed_at = :now, outcome = :outcome,
      outcome_note = :note, updated_at = :updated
  WHERE id = :id AND organisation_id = :organisation
    AND status IN ('acknowledged', 'in_progress')
)sql";
constexpr const char* kSetReply = R"sql(
  UPDATE concerns
  SET reply = :reply, replied_by = :by, replied_at = :now, updated_at = :updated
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kTimes = R"sql(
  SELECT raised_at, acknowledged_at, closed_at
  FROM concerns
  WHERE organisation_id = :organisation
)sql";

constexpr const char* kActions = R"sql(
  SELECT {columns}, u.display_name
  FROM concern_actions a
  JOIN users u ON u.id = a.recorded_by
  WHERE a.organisation_id = :organisation AND a.concern_id = :key
  ORDER BY a.taken_at, a.id
)sql";

// A disclosure with its recorder's name and its circle's code name; completed by the conditions of
// each query.
constexpr const char* kSelectDisclosures = R"sql(
  SELECT {columns}, u.display_name, ci.code_name
  FROM concern_disclosures d
  JOIN users u ON u.id = d.recorded_by
  JOIN concerns c ON c.id = d.concern_id AND c.organisation_id = d.organisation_id
  JOIN circles ci ON ci.id = c.circle_id AND ci.organisation_id = c.organisation_id
  WHERE d.organisation_id = :organisation
)sql";
constexpr const char* kOfConcern = R"sql(
  AND d.concern_id = :key
  ORDER BY d.disclosed_at, d.id
)sql";
constexpr const char* kToContact = R"sql(
  AND d.partner_contact_id = :key
  ORDER BY d.disclosed_at DESC, d.id DESC
)sql";

// The rows the queries above read: a record of their table, with the names joined to it.
using ConcernRows = WithJoined<tables::Concerns, &ConcernRow::concern, &ConcernRow::code_name,
                               &ConcernRow::raised_by_name>;
using ActionRows =
    WithJoined<tables::ConcernActions, &ActionRow::action, &ActionRow::recorded_by_name>;
using DisclosureRows = WithJoined<tables::ConcernDisclosures, &DisclosureRow::disclosure,
                                  &DisclosureRow::recorded_by_name, &DisclosureRow::code_name>;

// The rows of `Rows` that `query`, whose columns of Table (aliased `alias`) stand as {columns},
// reads with `bindings`.
template <class Rows, class Table>
std::vector<typename Rows::Record> Joined(soci::session& session, std::string_view query,
                                          std::string_view alias, const Bindings& bindings) {
  return FetchAll<TableRow<Rows>>(
      session, Replaced(std::string(query), "{columns}", ColumnsOf<Table>(alias)), bindings);
}

std::vector<ConcernRow> SelectRows(soci::session& session, const std::string& where,
                                   const Bindings& bindings) {
  return Joined<ConcernRows, tables::Concerns>(session, kSelectRows + where, "c", bindings);
}

// The conditions `filter` adds to the register's query, and what they bind.
Conditions FilterWhere(std::int64_t organisation_id, const ConcernFilter& filter) {
  Conditions conditions(organisation_id);
  conditions.Add("AND c.circle_id = :circle", "circle", filter.circle_id);
  conditions.Add("AND c.category = :category", "category", filter.category);
  conditions.Add("AND c.severity = :severity", "severity", filter.severity);
  conditions.Add("AND c.status = :status", "status", filter.status);
  conditions.Add("AND c.status <> 'closed' AND c.raised_at <= :open_since", "open_since",
                 filter.open_since);
  return conditions;
}

// "AND c.circle_id IN (…)" for `circle_ids` (whole numbers, never user text); a condition no row
// meets when there is none.
std::string CircleIn(const std::vector<std::int64_t>& circle_ids) {
  if (circle_ids.empty()) return "AND 1 = 0 ";
  return "AND " + AmongIds("c.circle_id", circle_ids) + " ";
}

// Binds `key` as :key, besides the organisation.
Bindings WithKey(std::int64_t organisation_id, std::int64_t key) {
  return OfOrganisation(organisation_id, {{"key", key}});
}

}  // namespace

std::int64_t ConcernStore::Insert(const domain::Concern& concern) {
  domain::Concern raised = concern;
  raised.status = domain::ConcernStatus::kRaised;
  return store::Insert<tables::Concerns>(session_, raised);
}

std::optional<domain::Concern> ConcernStore::Find(std::int64_t id, std::int64_t organisation_id) {
  auto row = FindRow(id, organisation_id);
  if (!row) return std::nullopt;
  return std::move(row->concern);
}

std::optional<ConcernRow> ConcernStore::FindRow(std::int64_t id, std::int64_t organisation_id) {
  auto rows = SelectRows(session_, kWhereId, WithKey(organisation_id, id));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<ConcernRow> ConcernStore::Register(std::int64_t organisation_id,
                                               const ConcernFilter& filter,
                                               const PageSlice& slice) {
  const auto conditions = FilterWhere(organisation_id, filter);
  return SelectRows(session_, conditions.where + kNewestFirst + LimitClause(slice),
                    conditions.bindings);
}

std::int64_t ConcernStore::CountRegister(std::int64_t organisation_id,
                                         const ConcernFilter& filter) {
  const auto conditions = FilterWhere(organisation_id, filter);
  return CountOf(session_, kCountRows + conditions.where, conditions.bindings);
}

std::vector<ConcernRow> ConcernStore::RaisedBy(std::int64_t user_id, std::int64_t organisation_id,
                                               const std::vector<std::int64_t>& circle_ids,
                                               const PageSlice& slice) {
  return SelectRows(session_,
                    kWhereRaisedBy + CircleIn(circle_ids) + kNewestFirst + LimitClause(slice),
                    WithKey(organisation_id, user_id));
}

std::int64_t ConcernStore::CountRaisedBy(std::int64_t user_id, std::int64_t organisation_id,
                                         const std::vector<std::int64_t>& circle_ids) {
  return CountOf(session_, std::string(kCountRows) + kWhereRaisedBy + CircleIn(circle_ids),
                 WithKey(organisation_id, user_id));
}

std::vector<ConcernRow> ConcernStore::Unacknowledged(std::int64_t organisation_id) {
  return SelectRows(session_, kWhereUnacknowledged, OfOrganisation(organisation_id));
}

namespace {

// The moments of a concern, as the monthly figures read them.
struct Moments {
  using Record = domain::ConcernTimes;
  static auto Fields(Record& times) {
    return std::tie(times.raised_at, times.acknowledged_at, times.closed_at);
  }
};

}  // namespace

std::vector<domain::ConcernTimes> ConcernStore::Times(std::int64_t organisation_id) {
  return FetchAll<TableRow<Moments>>(session_, kTimes, OfOrganisation(organisation_id));
}

std::vector<std::int64_t> ConcernStore::CircleIds(std::int64_t organisation_id) {
  std::vector<std::int64_t> ids;
  for (const auto& [id] : FetchAll<TableRow<ValueRow<std::int64_t>>>(
           session_,
           "SELECT DISTINCT circle_id FROM concerns WHERE organisation_id = :organisation "
           "ORDER BY circle_id",
           OfOrganisation(organisation_id))) {
    ids.push_back(id);
  }
  return ids;
}

bool ConcernStore::Acknowledge(std::int64_t id, std::int64_t organisation_id, std::int64_t by,
                               Instant now) {
  return Change(session_, kAcknowledge,
                Values("by", by, "now", now, "updated", now, "id", id, "organisation",
                       organisation_id)) == 1;
}

bool ConcernStore::Start(std::int64_t id, std::int64_t organisation_id, Instant now) {
  return Change(session_, kStart,
                Values("now", now, "updated", now, "id", id, "organisation", organisation_id)) == 1;
}

bool ConcernStore::Close(std::int64_t id, std::int64_t organisation_id, std::int64_t by,
                         domain::ConcernOutcome outcome, const std::string& note, Instant now) {
  return Change(session_, kClose,
                Values("by", by, "now", now, "outcome", outcome, "note", note, "updated", now, "id",
                       id, "organisation", organisation_id)) == 1;
}

void ConcernStore::SetReply(std::int64_t id, std::int64_t organisation_id, std::int64_t by,
                            const std::string& reply, Instant now) {
  Change(session_, kSetReply,
         Values("reply", reply, "by", by, "now", now, "updated", now, "id", id, "organisation",
                organisation_id));
}

std::int64_t ConcernStore::InsertAction(const domain::ConcernAction& action) {
  return store::Insert<tables::ConcernActions>(session_, action);
}

std::vector<ActionRow> ConcernStore::Actions(std::int64_t concern_id,
                                             std::int64_t organisation_id) {
  return Joined<ActionRows, tables::ConcernActions>(session_, kActions, "a",
                                                    WithKey(organisation_id, concern_id));
}

std::int64_t ConcernStore::InsertDisclosure(const domain::Disclosure& disclosure) {
  return store::Insert<tables::ConcernDisclosures>(session_, disclosure);
}

std::vector<DisclosureRow> ConcernStore::SelectDisclosures(const std::string& where,
                                                           std::int64_t organisation_id,
                                                           std::int64_t key) {
  return Joined<DisclosureRows, tables::ConcernDisclosures>(session_, kSelectDisclosures + where,
                                                            "d", WithKey(organisation_id, key));
}

std::vector<DisclosureRow> ConcernStore::Disclosures(std::int64_t concern_id,
                                                     std::int64_t organisation_id) {
  return SelectDisclosures(kOfConcern, organisation_id, concern_id);
}

std::vector<DisclosureRow> ConcernStore::DisclosuresTo(std::int64_t contact_id,
                                                       std::int64_t organisation_id) {
  return SelectDisclosures(kToContact, organisation_id, contact_id);
}

}  // namespace cercle::store
