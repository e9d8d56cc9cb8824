#include "store/circle_store.hpp"

#include <algorithm>

#include "store/circle_rows.hpp"

namespace cercle::store {
namespace {

using namespace circle_rows;

// The circle's columns, in the order Select() reads them; kInsertCircle and kUpdateDetails write
// the details among them.
constexpr const char* kCircleColumns = R"sql(
  SELECT id, organisation_id, core_member_id, code_name, phase, phase_since, started_on,
         offence_profile, meeting_times, meeting_place,
         closed_on, closure_reason, closing_note, created_by, created_at, updated_at
  FROM circles
  WHERE organisation_id = :organisation
)sql";
constexpr const char* kInsertCircle = R"sql(
  INSERT INTO circles (organisation_id, core_member_id, code_name, phase, phase_since, started_on,
                       offence_profile, meeting_times, meeting_place,
                       closing_note, created_by, created_at, updated_at)
  VALUES (:organisation, :core_member, :code_name, :phase, :phase_since, :started_on,
          :profile, :times, :place,
          '', :by, :created, :updated)
  RETURNING id
)sql";
constexpr const char* kCodeNames = R"sql(
  SELECT code_name FROM circles WHERE organisation_id = :organisation
)sql";
constexpr const char* kUpdateDetails = R"sql(
  UPDATE circles
  SET offence_profile = :profile, meeting_times = :times, meeting_place = :place,
      updated_at = :now
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kMovePhase = R"sql(
  UPDATE circles
  SET phase = :phase, phase_since = :since, started_on = :started, closed_on = :closed_on,
      closure_reason = :reason, closing_note = :note, updated_at = :now
  WHERE id = :id AND organisation_id = :organisation AND phase = :from
)sql";

constexpr const char* kMemberColumns = R"sql(
SELECT id, organisation_id, circle_id, volunteer_id, is_primary, joined_on, left_on,
       left_reason, replaced_member_id, added_by, added_at
  FROM circle_members
 WHERE organisation_id = :organisation
 )sql";
constexpr const char* kInsertMember = R"sql(
INSERT INTO circle_members (organisation_id, circle_id, volunteer_id, is_primary, joined_on,
       left_reason, replaced_member_id, added_by, added_at)
VALUES (:organisation, :circle, :volunteer, :primary, :joined, '', :replaced, :by, :at)
RETURNING id
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

constexpr const char* kInsertPhaseChange = R"sql(
INSERT INTO circle_phase_changes (organisation_id, circle_id, from_phase, to_phase,
       decided_on, meeting_id, reason, decided_by, recorded_at)
VALUES (:organisation, :circle, :from, :to, :decided_on, :meeting, :reason, :by, :at)
RETURNING id
)sql";
constexpr const char* kPhaseChanges = R"sql(
SELECT id, circle_id, from_phase, to_phase, decided_on, meeting_id, reason, decided_by,
       recorded_at
  FROM circle_phase_changes
 WHERE organisation_id = :organisation AND circle_id = :circle
 ORDER BY id
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
constexpr const char* kCount = R"sql(
SELECT count(*)
  FROM circles
 WHERE organisation_id = :organisation
)sql";

}  // namespace

std::vector<domain::Circle> CircleStore::Select(const std::string& where,
                                                std::int64_t organisation_id, std::int64_t key) {
  domain::Circle row;
  std::string phase, phase_since, started_on, profile, times, closed_on, reason;
  std::int64_t created_by = 0;
  long long created_at = 0, updated_at = 0;
  soci::indicator started_indicator, closed_indicator, reason_indicator, by_indicator;
  soci::statement statement =
      (session_.prepare << std::string(kCircleColumns) + where, soci::into(row.id),
       soci::into(row.organisation_id), soci::into(row.core_member_id), soci::into(row.code_name),
       soci::into(phase), soci::into(phase_since), soci::into(started_on, started_indicator),
       soci::into(profile), soci::into(times), soci::into(row.meeting_place),
       soci::into(closed_on, closed_indicator), soci::into(reason, reason_indicator),
       soci::into(row.closing_note), soci::into(created_by, by_indicator), soci::into(created_at),
       soci::into(updated_at));
  statement.exchange(soci::use(organisation_id, "organisation"));
  if (where.find(":key") != std::string::npos) statement.exchange(soci::use(key, "key"));
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::Circle> circles;
  while (statement.fetch()) {
    domain::Circle circle = row;
    circle.phase =
        domain::ParseEnum<domain::CirclePhase>(phase).value_or(domain::CirclePhase::kForming);
    circle.phase_since = RequiredDate(phase_since);
    circle.started_on = Date(started_on, started_indicator);
    circle.offence_profile = domain::ParseEnum<domain::OffenceProfile>(profile);
    circle.meeting_times = domain::Availability::Parse(times);
    circle.closed_on = Date(closed_on, closed_indicator);
    circle.closure_reason = reason_indicator == soci::i_ok
                                ? domain::ParseEnum<domain::ClosureReason>(reason)
                                : std::nullopt;
    circle.created_by = Id(created_by, by_indicator);
    circle.created_at = FromUnix(created_at);
    circle.updated_at = FromUnix(updated_at);
    circles.push_back(std::move(circle));
  }
  return circles;
}

std::int64_t CircleStore::Insert(const domain::Circle& circle) {
  std::int64_t id = 0;
  const std::string phase(domain::NameOf(circle.phase));
  const std::string since = FormatIsoDate(circle.phase_since);
  auto started = Text(circle.started_on);
  const std::string profile(circle.offence_profile ? domain::NameOf(*circle.offence_profile) : "");
  const std::string times = circle.meeting_times.Format();
  auto by = Nullable(circle.created_by);
  const long long created = ToUnix(circle.created_at), updated = ToUnix(circle.updated_at);
  session_ << kInsertCircle, soci::use(circle.organisation_id, "organisation"),
      soci::use(circle.core_member_id, "core_member"), soci::use(circle.code_name, "code_name"),
      soci::use(phase, "phase"), soci::use(since, "phase_since"),
      soci::use(started.value, started.indicator, "started_on"), soci::use(profile, "profile"),
      soci::use(times, "times"), soci::use(circle.meeting_place, "place"),
      soci::use(by.value, by.indicator, "by"), soci::use(created, "created"),
      soci::use(updated, "updated"), soci::into(id);
  return id;
}

std::optional<domain::Circle> CircleStore::Find(std::int64_t id, std::int64_t organisation_id) {
  auto circles = Select("AND id = :key", organisation_id, id);
  if (circles.empty()) return std::nullopt;
  return circles.front();
}

std::vector<domain::Circle> CircleStore::List(std::int64_t organisation_id, IncludeClosed closed) {
  auto circles =
      Select(closed == IncludeClosed::kYes ? "" : "AND phase <> 'closed'", organisation_id, 0);
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
  return Select(
      std::string(closed == IncludeClosed::kYes ? "" : kOpenOnly) + kListOrder + LimitClause(slice),
      organisation_id, 0);
}

std::int64_t CircleStore::Count(std::int64_t organisation_id, IncludeClosed closed) {
  long long count = 0;
  session_ << std::string(kCount) + (closed == IncludeClosed::kYes ? "" : kOpenOnly),
      soci::use(organisation_id, "organisation"), soci::into(count);
  return count;
}

std::vector<domain::Circle> CircleStore::FindMany(const std::vector<std::int64_t>& ids,
                                                  std::int64_t organisation_id) {
  if (ids.empty()) return {};
  // The ids are integers formatted here, never text from a request.
  std::string list;
  for (const auto id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  return Select("AND id IN (" + list + ")", organisation_id, 0);
}

std::vector<std::string> CircleStore::CodeNames(std::int64_t organisation_id) {
  std::vector<std::string> names;
  std::string name;
  soci::statement statement = (session_.prepare << kCodeNames,
                               soci::use(organisation_id, "organisation"), soci::into(name));
  statement.execute();
  while (statement.fetch()) names.push_back(name);
  return names;
}

std::optional<domain::Circle> CircleStore::OpenCircleOf(std::int64_t core_member_id,
                                                        std::int64_t organisation_id) {
  auto circles =
      Select("AND core_member_id = :key AND phase <> 'closed'", organisation_id, core_member_id);
  if (circles.empty()) return std::nullopt;
  return circles.front();
}

void CircleStore::UpdateDetails(const domain::Circle& circle, Instant now) {
  const std::string profile(circle.offence_profile ? domain::NameOf(*circle.offence_profile) : "");
  const std::string times = circle.meeting_times.Format();
  const long long at = ToUnix(now);
  session_ << kUpdateDetails, soci::use(profile, "profile"), soci::use(times, "times"),
      soci::use(circle.meeting_place, "place"), soci::use(at, "now"), soci::use(circle.id, "id"),
      soci::use(circle.organisation_id, "organisation");
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
  soci::statement statement =
      (session_.prepare << kMovePhase, soci::use(phase, "phase"), soci::use(since, "since"),
       soci::use(started.value, started.indicator, "started"),
       soci::use(closed_on.value, closed_on.indicator, "closed_on"),
       soci::use(reason.value, reason.indicator, "reason"), soci::use(circle.closing_note, "note"),
       soci::use(at, "now"), soci::use(circle.id, "id"),
       soci::use(circle.organisation_id, "organisation"), soci::use(from_name, "from"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

std::vector<domain::CircleMember> CircleStore::SelectMembers(const std::string& where,
                                                             std::int64_t organisation_id,
                                                             std::int64_t key) {
  domain::CircleMember row;
  int primary = 0;
  std::string joined, left;
  std::int64_t replaced = 0, by = 0;
  long long added = 0;
  soci::indicator left_indicator, replaced_indicator, by_indicator;
  soci::statement statement =
      (session_.prepare << std::string(kMemberColumns) + where, soci::into(row.id),
       soci::into(row.organisation_id), soci::into(row.circle_id), soci::into(row.volunteer_id),
       soci::into(primary), soci::into(joined), soci::into(left, left_indicator),
       soci::into(row.left_reason), soci::into(replaced, replaced_indicator),
       soci::into(by, by_indicator), soci::into(added));
  statement.exchange(soci::use(organisation_id, "organisation"));
  statement.exchange(soci::use(key, "key"));
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::CircleMember> members;
  while (statement.fetch()) {
    domain::CircleMember member = row;
    member.primary = primary != 0;
    member.joined_on = RequiredDate(joined);
    member.left_on = Date(left, left_indicator);
    member.replaced_member_id = Id(replaced, replaced_indicator);
    member.added_by = Id(by, by_indicator);
    member.added_at = FromUnix(added);
    members.push_back(std::move(member));
  }
  return members;
}

std::int64_t CircleStore::InsertMember(const domain::CircleMember& member) {
  std::int64_t id = 0;
  const int primary = member.primary ? 1 : 0;
  const std::string joined = FormatIsoDate(member.joined_on);
  auto replaced = Nullable(member.replaced_member_id);
  auto by = Nullable(member.added_by);
  const long long at = ToUnix(member.added_at);
  session_ << kInsertMember, soci::use(member.organisation_id, "organisation"),
      soci::use(member.circle_id, "circle"), soci::use(member.volunteer_id, "volunteer"),
      soci::use(primary, "primary"), soci::use(joined, "joined"),
      soci::use(replaced.value, replaced.indicator, "replaced"),
      soci::use(by.value, by.indicator, "by"), soci::use(at, "at"), soci::into(id);
  return id;
}

std::optional<domain::CircleMember> CircleStore::FindMember(std::int64_t id,
                                                            std::int64_t organisation_id) {
  auto members = SelectMembers("AND id = :key", organisation_id, id);
  if (members.empty()) return std::nullopt;
  return members.front();
}

std::vector<domain::CircleMember> CircleStore::Members(std::int64_t circle_id,
                                                       std::int64_t organisation_id) {
  auto members =
      SelectMembers("AND circle_id = :key ORDER BY joined_on, id", organisation_id, circle_id);
  std::stable_partition(members.begin(), members.end(),
                        [](const domain::CircleMember& member) { return member.current(); });
  return members;
}

std::vector<domain::CircleMember> CircleStore::StaysOf(std::int64_t volunteer_id,
                                                       std::int64_t organisation_id) {
  return SelectMembers("AND volunteer_id = :key ORDER BY joined_on, id", organisation_id,
                       volunteer_id);
}

bool CircleStore::EndMember(std::int64_t id, std::int64_t organisation_id, CivilDate left_on,
                            const std::string& reason) {
  const std::string left = FormatIsoDate(left_on);
  soci::statement statement =
      (session_.prepare << kEndMember, soci::use(left, "left_on"), soci::use(reason, "reason"),
       soci::use(id, "id"), soci::use(organisation_id, "organisation"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

void CircleStore::SetPrimary(std::int64_t circle_id, std::int64_t organisation_id,
                             std::int64_t member_id) {
  session_ << kClearPrimary, soci::use(circle_id, "circle"),
      soci::use(organisation_id, "organisation");
  session_ << kSetPrimary, soci::use(member_id, "id"), soci::use(organisation_id, "organisation");
}

int CircleStore::CurrentCircleCount(std::int64_t volunteer_id, std::int64_t organisation_id) {
  long long count = 0;
  session_ << kCurrentCount, soci::use(organisation_id, "organisation"),
      soci::use(organisation_id, "circle_organisation"), soci::use(volunteer_id, "volunteer"),
      soci::into(count);
  return static_cast<int>(count);
}

std::map<std::int64_t, int> CircleStore::CurrentCircleCounts(std::int64_t organisation_id) {
  std::map<std::int64_t, int> counts;
  std::int64_t volunteer = 0;
  long long count = 0;
  soci::statement statement =
      (session_.prepare << kCurrentCounts, soci::use(organisation_id, "organisation"),
       soci::use(organisation_id, "circle_organisation"), soci::into(volunteer), soci::into(count));
  statement.execute();
  while (statement.fetch()) counts[volunteer] = static_cast<int>(count);
  return counts;
}

std::map<std::int64_t, int> CircleStore::CurrentMemberCounts(std::int64_t organisation_id) {
  std::map<std::int64_t, int> counts;
  std::int64_t circle = 0;
  long long count = 0;
  soci::statement statement =
      (session_.prepare << kMemberCounts, soci::use(organisation_id, "organisation"),
       soci::into(circle), soci::into(count));
  statement.execute();
  while (statement.fetch()) counts[circle] = static_cast<int>(count);
  return counts;
}

std::int64_t CircleStore::InsertPhaseChange(const domain::PhaseChange& change,
                                            std::int64_t organisation_id) {
  std::int64_t id = 0;
  NullableText from;
  if (change.from) from = {std::string(domain::NameOf(*change.from)), soci::i_ok};
  const std::string to(domain::NameOf(change.to));
  const std::string decided = FormatIsoDate(change.decided_on);
  auto meeting = Nullable(change.meeting_id);
  auto by = Nullable(change.decided_by);
  const long long at = ToUnix(change.recorded_at);
  session_ << kInsertPhaseChange, soci::use(organisation_id, "organisation"),
      soci::use(change.circle_id, "circle"), soci::use(from.value, from.indicator, "from"),
      soci::use(to, "to"), soci::use(decided, "decided_on"),
      soci::use(meeting.value, meeting.indicator, "meeting"), soci::use(change.reason, "reason"),
      soci::use(by.value, by.indicator, "by"), soci::use(at, "at"), soci::into(id);
  return id;
}

std::vector<domain::PhaseChange> CircleStore::PhaseChanges(std::int64_t circle_id,
                                                           std::int64_t organisation_id) {
  domain::PhaseChange row;
  std::string from, to, decided;
  std::int64_t meeting = 0, by = 0;
  long long at = 0;
  soci::indicator from_indicator, meeting_indicator, by_indicator;
  soci::statement statement =
      (session_.prepare << kPhaseChanges, soci::use(organisation_id, "organisation"),
       soci::use(circle_id, "circle"), soci::into(row.id), soci::into(row.circle_id),
       soci::into(from, from_indicator), soci::into(to), soci::into(decided),
       soci::into(meeting, meeting_indicator), soci::into(row.reason), soci::into(by, by_indicator),
       soci::into(at));
  statement.execute();
  std::vector<domain::PhaseChange> changes;
  while (statement.fetch()) {
    domain::PhaseChange change = row;
    change.from =
        from_indicator == soci::i_ok ? domain::ParseEnum<domain::CirclePhase>(from) : std::nullopt;
    change.to = domain::ParseEnum<domain::CirclePhase>(to).value_or(domain::CirclePhase::kForming);
    change.decided_on = RequiredDate(decided);
    change.meeting_id = Id(meeting, meeting_indicator);
    change.decided_by = Id(by, by_indicator);
    change.recorded_at = FromUnix(at);
    changes.push_back(std::move(change));
  }
  return changes;
}

}  // namespace cercle::store
