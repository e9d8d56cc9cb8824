#include "store/outcome_store.hpp"

#include <algorithm>
#include <array>

#include "store/page_slice.hpp"
#include "store/table.hpp"
#include "store/tables.hpp"

namespace cercle::store {
namespace {

// The rows of one file, or of the whole organisation: {file} stands for the condition, and {order}
// for the order (newest first for one file).
constexpr const char* kListEvents = R"sql(
  SELECT {columns} FROM recidivism_events
  WHERE organisation_id = :organisation AND {file}
  ORDER BY {order}
)sql";
constexpr const char* kListMeasures = R"sql(
  SELECT {columns} FROM outcome_measures
  WHERE organisation_id = :organisation AND {file}
  ORDER BY {order}
)sql";
constexpr const char* kListChecks = R"sql(
  SELECT {columns} FROM follow_up_checks
  WHERE organisation_id = :organisation AND {file}
  ORDER BY checked_on, id
)sql";
// The highest level of each dimension, one column per dimension in the order of
// domain::EnumValues<domain::OutcomeDimension>().
constexpr const char* kHighestLevels = R"sql(
  SELECT MAX(housing), MAX(occupation), MAX(social_network)
  FROM outcome_measures
  WHERE organisation_id = :organisation
)sql";

constexpr const char* kSelectScales = R"sql(
  SELECT dimension, levels FROM outcome_scales WHERE organisation_id = :organisation
)sql";
constexpr const char* kDeleteScale = R"sql(
  DELETE FROM outcome_scales WHERE organisation_id = :organisation AND dimension = :dimension
)sql";
constexpr const char* kInsertScale = R"sql(
  INSERT INTO outcome_scales (organisation_id, dimension, levels, updated_by, updated_at)
  VALUES (:organisation, :dimension, :levels, :by, :at)
)sql";

// Each file that is closed now and lacks a check at one of the milestones, with its latest change
// to "closed": {milestones} stands for their list, "6, 12", and :count for their number. The files
// are read first (core_members_status), each looked up in its own checks and moves, rather than
// every move of the organisation joined to its files.
constexpr const char* kClosedFiles = R"sql(
  SELECT id, file_number, closed_at FROM (
    SELECT m.id, m.file_number,
           (SELECT MAX(c.changed_at)
              FROM core_member_status_changes c
             WHERE c.organisation_id = m.organisation_id AND c.core_member_id = m.id
               AND c.to_status = 'closed') AS closed_at
      FROM core_members m
     WHERE m.organisation_id = :organisation AND m.status = 'closed'
       AND (SELECT COUNT(DISTINCT f.milestone_months)
              FROM follow_up_checks f
             WHERE f.organisation_id = m.organisation_id AND f.core_member_id = m.id
               AND f.milestone_months IN ({milestones})) < :count) files
  WHERE closed_at IS NOT NULL
  ORDER BY id
)sql";

// The rows of `Table` that `query` lists for one file (`core_member_id`), newest first, or for the
// whole organisation when there is none, oldest first.
template <class Table>
std::vector<typename Table::Record> ListOfFile(soci::session& session, const char* query,
                                               std::optional<std::int64_t> core_member_id,
                                               std::int64_t organisation_id,
                                               std::string_view date_column) {
  const std::string date(date_column);
  std::string sql =
      Replaced(query, "{file}", core_member_id ? "core_member_id = :core_member" : "1 = 1");
  sql =
      Replaced(std::move(sql), "{order}", core_member_id ? date + " DESC, id DESC" : date + ", id");
  std::vector<std::pair<const char*, std::int64_t>> params{{"organisation", organisation_id}};
  if (core_member_id) params.emplace_back("core_member", *core_member_id);
  return SelectAll<Table>(session, sql, Params(std::move(params)));
}

}  // namespace

std::vector<domain::RecidivismEvent> OutcomeStore::ListEvents(std::int64_t core_member_id,
                                                              std::int64_t organisation_id) {
  return ListOfFile<tables::RecidivismEvents>(session_, kListEvents, core_member_id,
                                              organisation_id, "occurred_on");
}

std::vector<domain::RecidivismEvent> OutcomeStore::ListAllEvents(std::int64_t organisation_id) {
  return ListOfFile<tables::RecidivismEvents>(session_, kListEvents, std::nullopt, organisation_id,
                                              "occurred_on");
}

std::optional<domain::RecidivismEvent> OutcomeStore::FindEvent(std::int64_t id,
                                                               std::int64_t organisation_id) {
  return Find<tables::RecidivismEvents>(session_, id, organisation_id);
}

std::int64_t OutcomeStore::InsertEvent(const domain::RecidivismEvent& event) {
  return Insert<tables::RecidivismEvents>(session_, event);
}

void OutcomeStore::UpdateEvent(const domain::RecidivismEvent& event) {
  Update<tables::RecidivismEvents>(session_, event);
}

void OutcomeStore::DeleteEvent(std::int64_t id, std::int64_t organisation_id) {
  Delete<tables::RecidivismEvents>(session_, id, organisation_id);
}

std::vector<domain::OutcomeMeasure> OutcomeStore::ListMeasures(std::int64_t core_member_id,
                                                               std::int64_t organisation_id) {
  return ListOfFile<tables::OutcomeMeasures>(session_, kListMeasures, core_member_id,
                                             organisation_id, "measured_on");
}

std::vector<domain::OutcomeMeasure> OutcomeStore::ListAllMeasures(std::int64_t organisation_id) {
  return ListOfFile<tables::OutcomeMeasures>(session_, kListMeasures, std::nullopt, organisation_id,
                                             "measured_on");
}

std::optional<domain::OutcomeMeasure> OutcomeStore::FindMeasure(std::int64_t id,
                                                                std::int64_t organisation_id) {
  return Find<tables::OutcomeMeasures>(session_, id, organisation_id);
}

std::int64_t OutcomeStore::InsertMeasure(const domain::OutcomeMeasure& measure) {
  return Insert<tables::OutcomeMeasures>(session_, measure);
}

void OutcomeStore::DeleteMeasure(std::int64_t id, std::int64_t organisation_id) {
  Delete<tables::OutcomeMeasures>(session_, id, organisation_id);
}

int OutcomeStore::HighestLevelInUse(std::int64_t organisation_id,
                                    domain::OutcomeDimension dimension) {
  std::array<int, 3> highest{};
  std::array<soci::indicator, 3> indicators{soci::i_null, soci::i_null, soci::i_null};
  session_ << kHighestLevels, soci::use(organisation_id, "organisation"),
      soci::into(highest[0], indicators[0]), soci::into(highest[1], indicators[1]),
      soci::into(highest[2], indicators[2]);
  const auto index = static_cast<std::size_t>(dimension);
  return indicators[index] == soci::i_ok ? highest[index] : 0;
}

std::vector<domain::OutcomeScale> OutcomeStore::Scales(std::int64_t organisation_id) {
  std::vector<domain::OutcomeScale> scales;
  for (const auto dimension : domain::EnumValues<domain::OutcomeDimension>()) {
    scales.push_back(domain::DefaultScale(dimension));
  }
  std::string dimension_name, levels;
  soci::statement statement =
      (session_.prepare << kSelectScales, soci::use(organisation_id, "organisation"),
       soci::into(dimension_name), soci::into(levels));
  statement.execute();
  while (statement.fetch()) {
    const auto dimension = domain::ParseEnum<domain::OutcomeDimension>(dimension_name);
    if (!dimension) continue;
    domain::OutcomeScale scale{*dimension, {}, false};
    std::size_t start = 0;
    while (start <= levels.size()) {
      const auto end = levels.find('\n', start);
      const std::string line =
          levels.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (!line.empty()) scale.labels.push_back(line);
      if (end == std::string::npos) break;
      start = end + 1;
    }
    if (scale.labels.size() >= domain::kMinScaleLevels) {
      scales[static_cast<std::size_t>(*dimension)] = std::move(scale);
    }
  }
  return scales;
}

void OutcomeStore::SetScale(std::int64_t organisation_id, domain::OutcomeDimension dimension,
                            const std::vector<std::string>& labels, std::optional<std::int64_t> by,
                            Instant now) {
  const std::string name(domain::NameOf(dimension));
  std::string levels;
  for (const auto& label : labels) levels += (levels.empty() ? "" : "\n") + label;
  const std::int64_t user = by.value_or(0);
  soci::indicator user_indicator = by ? soci::i_ok : soci::i_null;
  const long long at = ToUnix(now);
  session_ << kDeleteScale, soci::use(organisation_id, "organisation"),
      soci::use(name, "dimension");
  session_ << kInsertScale, soci::use(organisation_id, "organisation"),
      soci::use(name, "dimension"), soci::use(levels, "levels"),
      soci::use(user, user_indicator, "by"), soci::use(at, "at");
}

std::vector<domain::FollowUpCheck> OutcomeStore::ListChecks(std::int64_t core_member_id,
                                                            std::int64_t organisation_id) {
  return ListOfFile<tables::FollowUpChecks>(session_, kListChecks, core_member_id, organisation_id,
                                            "");
}

std::vector<domain::FollowUpCheck> OutcomeStore::ChecksOfFiles(
    const std::vector<std::int64_t>& core_member_ids, std::int64_t organisation_id) {
  if (core_member_ids.empty()) return {};
  return SelectAll<tables::FollowUpChecks>(
      session_,
      Replaced(kListChecks, "{file}", "core_member_id IN (" + IdList(core_member_ids) + ")"),
      OfOrganisation(organisation_id));
}

std::int64_t OutcomeStore::InsertCheck(const domain::FollowUpCheck& check) {
  return Insert<tables::FollowUpChecks>(session_, check);
}

std::vector<ClosedFile> OutcomeStore::ClosedFilesAwaitingFollowUp(
    std::int64_t organisation_id, const std::vector<int>& milestones) {
  std::string list;
  for (const int months : milestones) list += (list.empty() ? "" : ", ") + std::to_string(months);
  ClosedFile row;
  long long closed_at = 0;
  int count = static_cast<int>(milestones.size());
  soci::statement statement =
      (session_.prepare << Replaced(kClosedFiles, "{milestones}", list),
       soci::use(organisation_id, "organisation"), soci::use(count, "count"),
       soci::into(row.core_member_id), soci::into(row.file_number), soci::into(closed_at));
  statement.execute();
  std::vector<ClosedFile> files;
  while (statement.fetch()) {
    ClosedFile file = row;
    file.closed_at = FromUnix(closed_at);
    files.push_back(std::move(file));
  }
  return files;
}

}  // namespace cercle::store
