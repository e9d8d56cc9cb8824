#include "store/outreach_store.hpp"

#include <string>

namespace cercle::store {
namespace {

constexpr const char* kCountActivities =
    "SELECT COUNT(*) FROM outreach_activities WHERE organisation_id = :organisation";
constexpr const char* kCountStories =
    "SELECT COUNT(*) FROM significant_stories WHERE organisation_id = :organisation";

constexpr const char* kActivityColumns =
    "SELECT id, organisation_id, held_on, kind, title, audience, reach, language, participants,"
    " recorded_by, recorded_at, updated_at FROM outreach_activities"
    " WHERE organisation_id = :organisation ";
constexpr const char* kInsertActivity =
    "INSERT INTO outreach_activities (organisation_id, held_on, kind, title, audience, reach,"
    " language, participants, recorded_by, recorded_at, updated_at) VALUES (:organisation,"
    " :held_on, :kind, :title, :audience, :reach, :language, :participants, :by, :at, :updated_at)"
    " RETURNING id";
constexpr const char* kUpdateActivity =
    "UPDATE outreach_activities SET held_on = :held_on, kind = :kind, title = :title,"
    " audience = :audience, reach = :reach, language = :language, participants = :participants,"
    " updated_at = :at WHERE id = :id AND organisation_id = :organisation";
constexpr const char* kDeleteActivity =
    "DELETE FROM outreach_activities WHERE id = :id AND organisation_id = :organisation";

constexpr const char* kStoryColumns =
    "SELECT id, organisation_id, written_on, title, story, written_by, reviewed_by, reviewed_at,"
    " created_at, updated_at FROM significant_stories WHERE organisation_id = :organisation ";
constexpr const char* kInsertStory =
    "INSERT INTO significant_stories (organisation_id, written_on, title, story, written_by,"
    " created_at, updated_at) VALUES (:organisation, :written_on, :title, :story, :by, :at, "
    ":updated_at)"
    " RETURNING id";
constexpr const char* kUpdateStory =
    "UPDATE significant_stories SET written_on = :written_on, title = :title, story = :story,"
    " reviewed_by = NULL, reviewed_at = NULL, updated_at = :at"
    " WHERE id = :id AND organisation_id = :organisation";
constexpr const char* kReviewStory =
    "UPDATE significant_stories SET reviewed_by = :by, reviewed_at = :at"
    " WHERE id = :id AND organisation_id = :organisation AND reviewed_at IS NULL";
constexpr const char* kDeleteStory =
    "DELETE FROM significant_stories WHERE id = :id AND organisation_id = :organisation";

std::optional<std::int64_t> Optional(std::int64_t value, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional(value) : std::nullopt;
}

std::vector<domain::OutreachActivity> SelectActivities(soci::session& session,
                                                       const std::string& where,
                                                       std::int64_t organisation_id,
                                                       std::optional<std::int64_t> id) {
  domain::OutreachActivity row;
  std::string held_on, kind, language;
  int reach = 0;
  soci::indicator reach_indicator = soci::i_null;
  std::int64_t by = 0;
  soci::indicator by_indicator = soci::i_null;
  long long recorded_at = 0, updated_at = 0;
  std::int64_t key = id.value_or(0);
  soci::statement statement(session);
  statement.exchange(soci::into(row.id));
  statement.exchange(soci::into(row.organisation_id));
  statement.exchange(soci::into(held_on));
  statement.exchange(soci::into(kind));
  statement.exchange(soci::into(row.title));
  statement.exchange(soci::into(row.audience));
  statement.exchange(soci::into(reach, reach_indicator));
  statement.exchange(soci::into(language));
  statement.exchange(soci::into(row.participants));
  statement.exchange(soci::into(by, by_indicator));
  statement.exchange(soci::into(recorded_at));
  statement.exchange(soci::into(updated_at));
  statement.exchange(soci::use(organisation_id, "organisation"));
  if (id) statement.exchange(soci::use(key, "id"));
  statement.alloc();
  statement.prepare(std::string(kActivityColumns) + where);
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::OutreachActivity> activities;
  while (statement.fetch()) {
    domain::OutreachActivity activity = row;
    activity.held_on = domain::ParseIsoDate(held_on).value_or(domain::CivilDate{});
    activity.kind = domain::ParseOutreachKind(kind).value_or(domain::OutreachKind::kPresentation);
    activity.reach = reach_indicator == soci::i_ok ? std::optional(reach) : std::nullopt;
    activity.language =
        domain::ParseOutreachLanguage(language).value_or(domain::OutreachLanguage::kFrench);
    activity.recorded_by = Optional(by, by_indicator);
    activity.recorded_at = FromUnix(recorded_at);
    activity.updated_at = FromUnix(updated_at);
    activities.push_back(std::move(activity));
  }
  return activities;
}

std::vector<domain::SignificantStory> SelectStories(soci::session& session,
                                                    const std::string& where,
                                                    std::int64_t organisation_id,
                                                    std::optional<std::int64_t> id) {
  domain::SignificantStory row;
  std::string written_on;
  std::int64_t written_by = 0, reviewed_by = 0;
  soci::indicator written_indicator = soci::i_null, reviewed_indicator = soci::i_null;
  long long reviewed_at = 0, created_at = 0, updated_at = 0;
  soci::indicator reviewed_at_indicator = soci::i_null;
  std::int64_t key = id.value_or(0);
  soci::statement statement(session);
  statement.exchange(soci::into(row.id));
  statement.exchange(soci::into(row.organisation_id));
  statement.exchange(soci::into(written_on));
  statement.exchange(soci::into(row.title));
  statement.exchange(soci::into(row.text));
  statement.exchange(soci::into(written_by, written_indicator));
  statement.exchange(soci::into(reviewed_by, reviewed_indicator));
  statement.exchange(soci::into(reviewed_at, reviewed_at_indicator));
  statement.exchange(soci::into(created_at));
  statement.exchange(soci::into(updated_at));
  statement.exchange(soci::use(organisation_id, "organisation"));
  if (id) statement.exchange(soci::use(key, "id"));
  statement.alloc();
  statement.prepare(std::string(kStoryColumns) + where);
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::SignificantStory> stories;
  while (statement.fetch()) {
    domain::SignificantStory story = row;
    story.written_on = domain::ParseIsoDate(written_on).value_or(domain::CivilDate{});
    story.written_by = Optional(written_by, written_indicator);
    story.reviewed_by = Optional(reviewed_by, reviewed_indicator);
    story.reviewed_at =
        reviewed_at_indicator == soci::i_ok ? std::optional(FromUnix(reviewed_at)) : std::nullopt;
    story.created_at = FromUnix(created_at);
    story.updated_at = FromUnix(updated_at);
    stories.push_back(std::move(story));
  }
  return stories;
}

}  // namespace

std::vector<domain::OutreachActivity> OutreachStore::ListActivities(std::int64_t organisation_id) {
  return SelectActivities(session_, "ORDER BY held_on DESC, id DESC", organisation_id,
                          std::nullopt);
}

std::vector<domain::OutreachActivity> OutreachStore::ListActivities(std::int64_t organisation_id,
                                                                   const PageSlice& slice) {
  return SelectActivities(session_, "ORDER BY held_on DESC, id DESC" + LimitClause(slice),
                          organisation_id, std::nullopt);
}

std::int64_t OutreachStore::CountActivities(std::int64_t organisation_id) {
  long long count = 0;
  session_ << kCountActivities, soci::use(organisation_id, "organisation"), soci::into(count);
  return count;
}

std::optional<domain::OutreachActivity> OutreachStore::FindActivity(std::int64_t id,
                                                                    std::int64_t organisation_id) {
  auto found = SelectActivities(session_, "AND id = :id", organisation_id, id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::int64_t OutreachStore::InsertActivity(const domain::OutreachActivity& activity) {
  std::int64_t id = 0;
  const std::string held_on = domain::FormatIsoDate(activity.held_on);
  const std::string kind(domain::OutreachKindName(activity.kind));
  const std::string language(domain::OutreachLanguageName(activity.language));
  const int reach = activity.reach.value_or(0);
  soci::indicator reach_indicator = activity.reach ? soci::i_ok : soci::i_null;
  const std::int64_t by = activity.recorded_by.value_or(0);
  soci::indicator by_indicator = activity.recorded_by ? soci::i_ok : soci::i_null;
  const long long at = ToUnix(activity.recorded_at);
  const long long updated_at = ToUnix(activity.updated_at);
  session_ << kInsertActivity, soci::use(activity.organisation_id, "organisation"),
      soci::use(held_on, "held_on"), soci::use(kind, "kind"), soci::use(activity.title, "title"),
      soci::use(activity.audience, "audience"), soci::use(reach, reach_indicator, "reach"),
      soci::use(language, "language"), soci::use(activity.participants, "participants"),
      soci::use(by, by_indicator, "by"), soci::use(at, "at"), soci::use(updated_at, "updated_at"),
      soci::into(id);
  return id;
}

void OutreachStore::UpdateActivity(const domain::OutreachActivity& activity) {
  const std::string held_on = domain::FormatIsoDate(activity.held_on);
  const std::string kind(domain::OutreachKindName(activity.kind));
  const std::string language(domain::OutreachLanguageName(activity.language));
  const int reach = activity.reach.value_or(0);
  soci::indicator reach_indicator = activity.reach ? soci::i_ok : soci::i_null;
  const long long at = ToUnix(activity.updated_at);
  session_ << kUpdateActivity, soci::use(held_on, "held_on"), soci::use(kind, "kind"),
      soci::use(activity.title, "title"), soci::use(activity.audience, "audience"),
      soci::use(reach, reach_indicator, "reach"), soci::use(language, "language"),
      soci::use(activity.participants, "participants"), soci::use(at, "at"),
      soci::use(activity.id, "id"), soci::use(activity.organisation_id, "organisation");
}

void OutreachStore::DeleteActivity(std::int64_t id, std::int64_t organisation_id) {
  session_ << kDeleteActivity, soci::use(id, "id"), soci::use(organisation_id, "organisation");
}

std::vector<domain::SignificantStory> OutreachStore::ListStories(std::int64_t organisation_id) {
  return SelectStories(session_, "ORDER BY written_on DESC, id DESC", organisation_id,
                       std::nullopt);
}

std::vector<domain::SignificantStory> OutreachStore::ListStories(std::int64_t organisation_id,
                                                                const PageSlice& slice) {
  return SelectStories(session_, "ORDER BY written_on DESC, id DESC" + LimitClause(slice),
                       organisation_id, std::nullopt);
}

std::int64_t OutreachStore::CountStories(std::int64_t organisation_id) {
  long long count = 0;
  session_ << kCountStories, soci::use(organisation_id, "organisation"), soci::into(count);
  return count;
}

std::optional<domain::SignificantStory> OutreachStore::FindStory(std::int64_t id,
                                                                 std::int64_t organisation_id) {
  auto found = SelectStories(session_, "AND id = :id", organisation_id, id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::int64_t OutreachStore::InsertStory(const domain::SignificantStory& story) {
  std::int64_t id = 0;
  const std::string written_on = domain::FormatIsoDate(story.written_on);
  const std::int64_t by = story.written_by.value_or(0);
  soci::indicator by_indicator = story.written_by ? soci::i_ok : soci::i_null;
  const long long at = ToUnix(story.created_at);
  const long long updated_at = ToUnix(story.updated_at);
  session_ << kInsertStory, soci::use(story.organisation_id, "organisation"),
      soci::use(written_on, "written_on"), soci::use(story.title, "title"),
      soci::use(story.text, "story"), soci::use(by, by_indicator, "by"), soci::use(at, "at"),
      soci::use(updated_at, "updated_at"), soci::into(id);
  return id;
}

void OutreachStore::UpdateStory(const domain::SignificantStory& story) {
  const std::string written_on = domain::FormatIsoDate(story.written_on);
  const long long at = ToUnix(story.updated_at);
  session_ << kUpdateStory, soci::use(written_on, "written_on"), soci::use(story.title, "title"),
      soci::use(story.text, "story"), soci::use(at, "at"), soci::use(story.id, "id"),
      soci::use(story.organisation_id, "organisation");
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
  session_ << kDeleteStory, soci::use(id, "id"), soci::use(organisation_id, "organisation");
}

}  // namespace cercle::store
