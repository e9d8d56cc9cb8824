#include "store/outreach_store.hpp"

#include <string>

#include "store/table.hpp"
#include "store/tables.hpp"

namespace cercle::store {
namespace {

// The activities or the stories ({table}), newest first by their date ({date}).
constexpr const char* kNewestFirst = R"sql(
  SELECT {columns} FROM {table}
  WHERE organisation_id = :organisation
  ORDER BY {date} DESC, id DESC
)sql";
constexpr const char* kReviewStory = R"sql(
  UPDATE significant_stories
  SET reviewed_by = :by, reviewed_at = :at
  WHERE id = :id AND organisation_id = :organisation AND reviewed_at IS NULL
)sql";

// The organisation's rows of Table, newest first by `date_column`, all or one page.
template <class Table>
std::vector<typename Table::Record> NewestFirst(soci::session& session,
                                                std::int64_t organisation_id,
                                                std::string_view date_column,
                                                const std::optional<PageSlice>& slice) {
  std::string query = Replaced(kNewestFirst, "{date}", date_column);
  if (slice) query += LimitClause(*slice);
  return SelectAll<Table>(session, query, Params({{"organisation", organisation_id}}));
}

}  // namespace

std::vector<domain::OutreachActivity> OutreachStore::ListActivities(std::int64_t organisation_id) {
  return NewestFirst<tables::OutreachActivities>(session_, organisation_id, "held_on",
                                                 std::nullopt);
}

std::vector<domain::OutreachActivity> OutreachStore::ListActivities(std::int64_t organisation_id,
                                                                    const PageSlice& slice) {
  return NewestFirst<tables::OutreachActivities>(session_, organisation_id, "held_on", slice);
}

std::int64_t OutreachStore::CountActivities(std::int64_t organisation_id) {
  return Count<tables::OutreachActivities>(session_, organisation_id);
}

std::optional<domain::OutreachActivity> OutreachStore::FindActivity(std::int64_t id,
                                                                    std::int64_t organisation_id) {
  return Find<tables::OutreachActivities>(session_, id, organisation_id);
}

std::int64_t OutreachStore::InsertActivity(const domain::OutreachActivity& activity) {
  return Insert<tables::OutreachActivities>(session_, activity);
}

void OutreachStore::UpdateActivity(const domain::OutreachActivity& activity) {
  Update<tables::OutreachActivities>(session_, activity);
}

void OutreachStore::DeleteActivity(std::int64_t id, std::int64_t organisation_id) {
  Delete<tables::OutreachActivities>(session_, id, organisation_id);
}

std::vector<domain::SignificantStory> OutreachStore::ListStories(std::int64_t organisation_id) {
  return NewestFirst<tables::SignificantStories>(session_, organisation_id, "written_on",
                                                 std::nullopt);
}

std::vector<domain::SignificantStory> OutreachStore::ListStories(std::int64_t organisation_id,
                                                                 const PageSlice& slice) {
  return NewestFirst<tables::SignificantStories>(session_, organisation_id, "written_on", slice);
}

std::int64_t OutreachStore::CountStories(std::int64_t organisation_id) {
  return Count<tables::SignificantStories>(session_, organisation_id);
}

std::optional<domain::SignificantStory> OutreachStore::FindStory(std::int64_t id,
                                                                 std::int64_t organisation_id) {
  return Find<tables::SignificantStories>(session_, id, organisation_id);
}

std::int64_t OutreachStore::InsertStory(const domain::SignificantStory& story) {
  return Insert<tables::SignificantStories>(session_, story);
}

void OutreachStore::UpdateStory(const domain::SignificantStory& story) {
  domain::SignificantStory changed = story;
  changed.reviewed_by.reset();
  changed.reviewed_at.reset();
  Update<tables::SignificantStories>(session_, changed);
}

bool OutreachStore::MarkReviewed(std::int64_t id, std::int64_t organisation_id,
                                 std::optional<std::int64_t> by, Instant now) {
  const long long at = ToUnix(now);
  const std::int64_t reviewer = by.value_or(0);
  soci::indicator reviewer_indicator = by ? soci::i_ok : soci::i_null;
  soci::statement statement =
      (session_.prepare << kReviewStory, soci::use(reviewer, reviewer_indicator, "by"),
       soci::use(at, "at"), soci::use(id, "id"), soci::use(organisation_id, "organisation"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

void OutreachStore::DeleteStory(std::int64_t id, std::int64_t organisation_id) {
  Delete<tables::SignificantStories>(session_, id, organisation_id);
}

}  // namespace cercle::store
