#include "store/circle_store.hpp"

#include <algorithm>

#include "store/circle_rows.hpp"
#include "store/circle_tables.hpp"
#include "store/table.hpp"

namespace cercle::store {
namespace {

using namespace circle_rows;
using Circles = tables::Circles;

constexpr const char* kCodeNames = R"sql(
  SELECT code_name FROM circles WHERE organisation_id = :organisation
)sql";
// The circle's phase, the day it began and its closure, if the circle is still in :from.
constexpr const char* kMovePhase = R"sql(
  UPDATE circles
  SET phase = :phase, phase_since = :since, started_on = :started, closed_on = :closed_on,
      closure_reason = :reason, closing_note = :note, updated_at = :now
  WHERE id = :id AND organisation_id = :organisation AND phase = :from
)sql";

constexpr const char* kEndMember = R"sql(
UPDATE circle_members
   SET left_on = :left_on, left_reason = :reason, is_primary = 0
 WHERE id = :id AND organisation_id = :organisation AND left_on IS NULL
)sql";
constexpr const char* kClearPrimary = R"sql(
UPDATE circle_members
   SET is_primary = 0
 WHERE circle_id = :circle AND organisation_id = :organisation
)sql";
constexpr const char* kSetPrimary = R"sql(
UPDATE circle_members
   SET is_primary = 1
 WHERE id = :id AND organisation_id = :organisation AND left_on IS NULL
)sql";
// Current stays in circles that are not closed: what the volunteer gate counts.
constexpr const char* kCurrentCounts = R"sql(
SELECT m.volunteer_id, count(*)
  FROM circle_members m JOIN circles c ON c.id = m.circle_id
 WHERE m.organisation_id = :organisation AND c.organisation_id = :circle_organisation AND m.left_on IS NULL AND c.phase <> 'closed'
 GROUP BY m.volunteer_id
)sql";
constexpr const char* kCurrentCount = R"sql(
SELECT count(*)
  FROM circle_members m JOIN circles c ON c.id = m.circle_id
 WHERE m.organisation_id = :organisation AND c.organisation_id = :circle_organisation AND m.volunteer_id = :volunteer AND m.left_on IS NULL AND c.phase <> 'closed'
)sql";

constexpr const char* kMemberCounts = R"sql(
SELECT circle_id, count(*)
  FROM circle_members
 WHERE organisation_id = :organisation AND left_on IS NULL
 GROUP BY circle_id
)sql";

// The circle list's order (as List() sorts): open circles by code name, shorter names first
// ("Cercle B" before "Cercle AA"; code names are a fixed prefix and capital letters, which both
// databases order alike), then closed ones, latest closure first; the id breaks ties.
constexpr const char* kOpenOnly = R"sql( 
AND phase <> 'closed'
)sql";
constexpr const char* kListOrder = R"sql( 
ORDER BY CASE WHEN phase = 'closed' THEN 1 ELSE 0 END,
       CASE WHEN phase = 'closed' THEN COALESCE(closed_on, phase_since) END DESC,
       length(code_name), code_name, id
)sql";

}  // namespace

std::int64_t CircleStore::Insert(const domain::Circle& circle) {
  return store::Insert<Circles>(session_, circle);
}

std::optional<domain::Circle> CircleStore::Find(std::int64_t id, std::int64_t organisation_id) {
  return store::Find<Circles>(session_, id, organisation_id);
}

std::vector<domain::Circle> CircleStore::List(std::int64_t organisation_id, IncludeClosed closed) {
  auto circles = SelectWhere<Circles>(session_, closed == IncludeClosed::kYes ? "" : kOpenOnly,
                                      OfOrganisation(organisation_id));
  // Open circles by code name ("Cercle B" before "Cercle AA": shorter names first), then closed
  // ones, latest closure first.
  std::stable_sort(
      circles.begin(), circles.end(), [](const domain::Circle& a, const domain::Circle& b) {
        if (a.closed() != b.closed()) return !a.closed();
        if (a.closed())
          return a.closed_on.value_or(a.phase_since) > b.closed_on.value_or(b.phase_since);
        if (a.code_name.size() != b.code_name.size())
          return a.code_name.size() < b.code_name.size();
        return a.code_name < b.code_name;
      });
  return circles;
}

std::vector<domain::Circle> CircleStore::List(std::int64_t organisation_id, IncludeClosed closed,
                                              const PageSlice& slice) {
  return SelectWhere<Circles>(
      session_,
      std::string(closed == IncludeClosed::kYes ? "" : kOpenOnly) + kListOrder + LimitClause(slice),
      OfOrganisation(organisation_id));
}

std::int64_t CircleStore::Count(std::int64_t organisation_id, IncludeClosed closed) {
  return CountWhere<Circles>(session_, closed == IncludeClosed::kYes ? "" : kOpenOnly,
                             OfOrganisation(organisation_id));
}

std::vector<domain::Circle> CircleStore::FindMany(const std::vector<std::int64_t>& ids,
                                                  std::int64_t organisation_id) {
  if (ids.empty()) return {};
  return SelectWhere<Circles>(session_, "AND " + AmongIds("id", ids),
                              OfOrganisation(organisation_id));
}

std::vector<std::string> CircleStore::CodeNames(std::int64_t organisation_id) {
  std::vector<std::string> names;
  for (auto& [name] : FetchAll<TableRow<ValueRow<std::string>>>(
           session_, kCodeNames, Params({{"organisation", organisation_id}}))) {
    names.push_back(std::move(name));
  }
  return names;
}

std::optional<domain::Circle> CircleStore::OpenCircleOf(std::int64_t core_member_id,
                                                        std::int64_t organisation_id) {
  return SelectOne<Circles>(
      session_,
      "SELECT {columns} FROM circles WHERE organisation_id = :organisation"
      " AND core_member_id = :core_member AND phase <> 'closed'",
      Params({{"organisation", organisation_id}, {"core_member", core_member_id}}));
}

void CircleStore::UpdateDetails(const domain::Circle& circle, Instant now) {
  domain::Circle changed = circle;
  changed.updated_at = now;
  store::Update<Circles>(session_, changed);
}

bool CircleStore::MovePhase(const domain::Circle& circle, domain::CirclePhase from, Instant now) {
  const std::string phase(domain::NameOf(circle.phase));
  const std::string since = FormatIsoDate(circle.phase_since);
  auto started = Text(circle.started_on);
  auto closed_on = Text(circle.closed_on);
  NullableText reason;
  if (circle.closure_reason)
    reason = {std::string(domain::NameOf(*circle.closure_reason)), soci::i_ok};
  const std::string from_name(domain::NameOf(from));
  const long long at = ToUnix(now);
  return Change(session_, kMovePhase, [&](soci::statement& statement) {
           statement.exchange(soci::use(phase, "phase"));
           statement.exchange(soci::use(since, "since"));
           statement.exchange(soci::use(started.value, started.indicator, "started"));
           statement.exchange(soci::use(closed_on.value, closed_on.indicator, "closed_on"));
           statement.exchange(soci::use(reason.value, reason.indicator, "reason"));
           statement.exchange(soci::use(circle.closing_note, "note"));
           statement.exchange(soci::use(at, "now"));
           statement.exchange(soci::use(circle.id, "id"));
           statement.exchange(soci::use(circle.organisation_id, "organisation"));
           statement.exchange(soci::use(from_name, "from"));
         }) == 1;
}

std::int64_t CircleStore::InsertMember(const domain::CircleMember& member) {
  return store::Insert<tables::CircleMembers>(session_, member);
}

std::optional<domain::CircleMember> CircleStore::FindMember(std::int64_t id,
                                                            std::int64_t organisation_id) {
  return store::Find<tables::CircleMembers>(session_, id, organisation_id);
}

std::vector<domain::CircleMember> CircleStore::Members(std::int64_t circle_id,
                                                       std::int64_t organisation_id) {
  auto members =
      SelectWhere<tables::CircleMembers>(session_, "AND circle_id = :circle ORDER BY joined_on, id",
                                         OfOrganisation(organisation_id, {{"circle", circle_id}}));
  std::stable_partition(members.begin(), members.end(),
                        [](const domain::CircleMember& member) { return member.current(); });
  return members;
}

std::vector<domain::CircleMember> CircleStore::StaysOf(std::int64_t volunteer_id,
                                                       std::int64_t organisation_id) {
  return SelectWhere<tables::CircleMembers>(
      session_, "AND volunteer_id = :volunteer ORDER BY joined_on, id",
      OfOrganisation(organisation_id, {{"volunteer", volunteer_id}}));
}

bool CircleStore::EndMember(std::int64_t id, std::int64_t organisation_id, CivilDate left_on,
                            const std::string& reason) {
  return Change(session_, kEndMember,
                Bindings{{{"id", id}, {"organisation", organisation_id}},
                         {{"left_on", FormatIsoDate(left_on)}, {"reason", reason}}}) == 1;
}

void CircleStore::SetPrimary(std::int64_t circle_id, std::int64_t organisation_id,
                             std::int64_t member_id) {
  session_ << kClearPrimary, soci::use(circle_id, "circle"),
      soci::use(organisation_id, "organisation");
  session_ << kSetPrimary, soci::use(member_id, "id"), soci::use(organisation_id, "organisation");
}

int CircleStore::CurrentCircleCount(std::int64_t volunteer_id, std::int64_t organisation_id) {
  return FetchValue<int>(session_, kCurrentCount,
                         Params({{"organisation", organisation_id},
                                 {"circle_organisation", organisation_id},
                                 {"volunteer", volunteer_id}}))
      .value_or(0);
}

std::map<std::int64_t, int> CircleStore::CurrentCircleCounts(std::int64_t organisation_id) {
  return ReadMap<std::map<std::int64_t, int>>(
      session_, kCurrentCounts,
      Params({{"organisation", organisation_id}, {"circle_organisation", organisation_id}}));
}

std::map<std::int64_t, int> CircleStore::CurrentMemberCounts(std::int64_t organisation_id) {
  return ReadMap<std::map<std::int64_t, int>>(session_, kMemberCounts,
                                              Params({{"organisation", organisation_id}}));
}

std::int64_t CircleStore::InsertPhaseChange(const domain::PhaseChange& change,
                                            std::int64_t organisation_id) {
  return store::Insert<tables::CirclePhaseChanges>(session_, change,
                                                   Params({{"organisation_id", organisation_id}}));
}

std::vector<domain::PhaseChange> CircleStore::PhaseChanges(std::int64_t circle_id,
                                                           std::int64_t organisation_id) {
  return SelectWhere<tables::CirclePhaseChanges>(
      session_, "AND circle_id = :circle ORDER BY id",
      OfOrganisation(organisation_id, {{"circle", circle_id}}));
}

}  // namespace cercle::store
