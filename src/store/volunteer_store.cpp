#include "store/volunteer_store.hpp"

#include <algorithm>

#include "base/folding.hpp"
#include "store/table.hpp"
#include "store/tables.hpp"

namespace cercle::store {
namespace {

constexpr const char* kListWhere = R"sql(
    AND (:any_stage = 1 OR stage = :stage)
    AND (:hide_closed = 0 OR stage NOT IN ('exited', 'not_retained')) AND name_folded LIKE
      :pattern ESCAPE '\'
    ORDER BY name_folded, id)sql";
constexpr const char* kListKeys = R"sql(
    SELECT id, first_name, last_name
    FROM volunteers
    WHERE organisation_id = :organisation )sql";
constexpr const char* kWithoutSupervision = R"sql(
    SELECT v.id
    FROM volunteers v
    WHERE v.organisation_id = :organisation AND v.stage IN ('approved', 'active')
      AND NOT EXISTS (SELECT 1 FROM supervision_sessions s
                      WHERE s.organisation_id = v.organisation_id AND s.volunteer_id = v.id
                        AND s.held_on >= :since)
    ORDER BY v.id)sql";
constexpr const char* kCountByStage = R"sql(
    SELECT stage, count(*)
    FROM volunteers
    WHERE organisation_id = :organisation
    GROUP BY stage)sql";
constexpr const char* kMoveStage = R"sql(
    UPDATE volunteers
    SET stage = :to, stage_changed_at = :now, updated_at = :updated
    WHERE id = :id AND organisation_id = :organisation AND stage = :from)sql";
// The files' ids are appended to both, as "(1, 2, 3)", then " GROUP BY volunteer_id".
constexpr const char* kApprovalTimes = R"sql(
    SELECT volunteer_id, min(changed_at)
    FROM volunteer_stage_changes
    WHERE organisation_id = :organisation AND to_stage = 'approved' AND volunteer_id IN )sql";
constexpr const char* kLastSupervision = R"sql(
    SELECT volunteer_id, max(held_on)
    FROM supervision_sessions
    WHERE organisation_id = :organisation AND volunteer_id IN )sql";

// The value `query` (kApprovalTimes or kLastSupervision) reads of each of the files `ids`.
template <class Value>
std::map<std::int64_t, Value> ValueOfEach(soci::session& session, const char* query,
                                          const std::vector<std::int64_t>& ids,
                                          std::int64_t organisation_id) {
  if (ids.empty()) return {};
  return ReadMap<std::map<std::int64_t, Value>>(
      session, std::string(query) + "(" + IdList(ids) + ") GROUP BY volunteer_id",
      OfOrganisation(organisation_id));
}

// The names kListKeys reads, by which the list is sorted.
struct Names {
  using Record = domain::Volunteer;
  static auto Fields(Record& file) { return std::tie(file.id, file.first_name, file.last_name); }
};

// The list's filter as its queries bind it (by name), with the organisation.
Bindings ListBindings(std::int64_t organisation_id, const VolunteerFilter& filter) {
  return {{{"organisation", organisation_id},
           {"any_stage", filter.stage ? 0 : 1},
           {"hide_closed", !filter.stage && !filter.include_closed ? 1 : 0}},
          {{"stage", filter.stage ? std::string(domain::NameOf(*filter.stage)) : ""},
           {"pattern", filter.search.empty() ? std::string("%") : ContainsPattern(filter.search)}}};
}

// Binds the file's folded name, which the list searches and sorts by.
auto FoldedName(const domain::Volunteer& volunteer) {
  return Values("name_folded", FoldForSearch(volunteer.FullName()));
}

// Records a move of the file `change.volunteer_id` of `organisation_id`.
void RecordMove(soci::session& session, std::int64_t organisation_id,
                const domain::StageChange& change) {
  Insert<tables::VolunteerStageChanges>(session, change,
                                        Params({{"organisation_id", organisation_id}}));
}

// "key" of every file, sorted as the list is: by last name, then first name, accents and case
// ignored ("Échantillon" among the E), the same way on both engines: their collations differ.
template <class Key>
void SortByName(std::vector<std::pair<std::string, Key>>& keys) {
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
}

std::string SortKey(const domain::Volunteer& volunteer) {
  return FoldForSearch(volunteer.last_name + " " + volunteer.first_name);
}

}  // namespace

std::optional<domain::Volunteer> VolunteerStore::Find(std::int64_t id,
                                                      std::int64_t organisation_id) {
  return store::Find<tables::Volunteers>(session_, id, organisation_id);
}

std::optional<domain::Volunteer> VolunteerStore::FindByUser(std::int64_t user_id,
                                                            std::int64_t organisation_id) {
  auto found = SelectWhere<tables::Volunteers>(
      session_, "AND user_id = :user", OfOrganisation(organisation_id, {{"user", user_id}}));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<domain::Volunteer> VolunteerStore::List(std::int64_t organisation_id,
                                                    const VolunteerFilter& filter) {
  if (filter.among && filter.among->empty()) return {};
  auto volunteers =
      SelectWhere<tables::Volunteers>(session_, "AND " + AmongIds("id", filter.among) + kListWhere,
                                      ListBindings(organisation_id, filter));
  std::vector<std::pair<std::string, std::size_t>> keys;
  for (std::size_t i = 0; i < volunteers.size(); ++i) keys.emplace_back(SortKey(volunteers[i]), i);
  SortByName(keys);
  std::vector<domain::Volunteer> sorted;
  sorted.reserve(volunteers.size());
  for (const auto& [key, index] : keys) sorted.push_back(std::move(volunteers[index]));
  return sorted;
}

VolunteerPage VolunteerStore::ListPage(std::int64_t organisation_id, const VolunteerFilter& filter,
                                       const PageSlice& slice) {
  // The names of every matching file first (a few bytes each), sorted as List() sorts them, then
  // whole files for the page's ids only.
  std::vector<std::pair<std::string, std::int64_t>> keys;
  for (const auto& names : FetchAll<TableRow<Names>>(
           session_, std::string(kListKeys) + "AND " + AmongIds("id", filter.among) + kListWhere,
           ListBindings(organisation_id, filter))) {
    keys.emplace_back(SortKey(names), names.id);
  }
  SortByName(keys);
  VolunteerPage page;
  page.total = static_cast<std::int64_t>(keys.size());
  if (page.total == 0) return page;
  const std::int64_t limit = std::max<std::int64_t>(1, slice.limit);
  const std::int64_t last_page_offset = (page.total - 1) / limit * limit;
  const auto begin =
      static_cast<std::size_t>(std::clamp<std::int64_t>(slice.offset, 0, last_page_offset));
  const auto end = std::min(keys.size(), begin + static_cast<std::size_t>(limit));
  std::vector<std::int64_t> ids;
  for (std::size_t i = begin; i < end; ++i) ids.push_back(keys[i].second);
  std::map<std::int64_t, domain::Volunteer> by_id;
  for (auto& volunteer : SelectWhere<tables::Volunteers>(session_, "AND " + AmongIds("id", ids),
                                                         OfOrganisation(organisation_id))) {
    const auto key = volunteer.id;
    by_id.emplace(key, std::move(volunteer));
  }
  for (const auto id : ids) {
    const auto found = by_id.find(id);
    if (found != by_id.end()) page.volunteers.push_back(std::move(found->second));
  }
  return page;
}

std::map<domain::VolunteerStage, int> VolunteerStore::CountByStage(std::int64_t organisation_id) {
  std::map<domain::VolunteerStage, int> counts;
  std::string stage;
  long long count = 0;
  soci::statement statement = (session_.prepare << kCountByStage, soci::into(stage),
                               soci::into(count), soci::use(organisation_id, "organisation"));
  statement.execute();
  while (statement.fetch()) {
    if (const auto parsed = domain::ParseEnum<domain::VolunteerStage>(stage)) {
      counts[*parsed] = static_cast<int>(count);
    }
  }
  return counts;
}

std::int64_t VolunteerStore::Insert(const domain::Volunteer& volunteer,
                                    std::optional<std::int64_t> by, Instant now) {
  domain::Volunteer stored = volunteer;
  stored.stage_changed_at = stored.created_at = stored.updated_at = now;
  const std::int64_t id =
      store::Insert<tables::Volunteers>(session_, stored, FoldedName(volunteer));
  RecordMove(session_, volunteer.organisation_id,
             {0, id, std::nullopt, volunteer.stage, "", by, now});
  return id;
}

void VolunteerStore::Update(const domain::Volunteer& volunteer, Instant now) {
  domain::Volunteer stored = volunteer;
  stored.updated_at = now;
  store::Update<tables::Volunteers>(session_, stored, FoldedName(volunteer));
}

bool VolunteerStore::UserLinkedElsewhere(std::int64_t user_id, std::int64_t organisation_id,
                                         std::int64_t except_id) {
  return CountWhere<tables::Volunteers>(
             session_, "AND user_id = :user AND id <> :id",
             OfOrganisation(organisation_id, {{"user", user_id}, {"id", except_id}})) > 0;
}

bool VolunteerStore::MoveStage(std::int64_t id, std::int64_t organisation_id,
                               domain::VolunteerStage from, domain::VolunteerStage to,
                               const std::string& reason, std::optional<std::int64_t> by,
                               Instant now) {
  if (Change(session_, kMoveStage,
             Values("to", to, "now", now, "updated", now, "id", id, "organisation", organisation_id,
                    "from", from)) != 1)
    return false;
  RecordMove(session_, organisation_id, {0, id, from, to, reason, by, now});
  return true;
}

std::vector<StageChange> VolunteerStore::History(std::int64_t id, std::int64_t organisation_id) {
  return SelectOwned<tables::VolunteerStageChanges>(session_, "volunteer_id", id, organisation_id,
                                                    "changed_at, id");
}

std::map<std::int64_t, Instant> VolunteerStore::ApprovalTimes(const std::vector<std::int64_t>& ids,
                                                              std::int64_t organisation_id) {
  return ValueOfEach<Instant>(session_, kApprovalTimes, ids, organisation_id);
}

std::int64_t VolunteerStore::InsertSupervision(const domain::SupervisionSession& session) {
  return store::Insert<tables::SupervisionSessions>(session_, session);
}

std::vector<domain::SupervisionSession> VolunteerStore::ListSupervision(
    std::int64_t volunteer_id, std::int64_t organisation_id) {
  return SelectOwned<tables::SupervisionSessions>(session_, "volunteer_id", volunteer_id,
                                                  organisation_id, "held_on DESC, id DESC");
}

std::vector<std::int64_t> VolunteerStore::WithoutSupervisionSince(std::int64_t organisation_id,
                                                                  CivilDate since) {
  std::vector<std::int64_t> ids;
  for (const auto& [id] : FetchAll<TableRow<ValueRow<std::int64_t>>>(
           session_, kWithoutSupervision,
           Values("organisation", organisation_id, "since", since))) {
    ids.push_back(id);
  }
  return ids;
}

std::map<std::int64_t, CivilDate> VolunteerStore::LastSupervision(
    const std::vector<std::int64_t>& ids, std::int64_t organisation_id) {
  return ValueOfEach<CivilDate>(session_, kLastSupervision, ids, organisation_id);
}

}  // namespace cercle::store
