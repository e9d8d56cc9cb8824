#include "store/outreach_store.hpp"

#include <string>

#include "store/fetch_rows.hpp"

namespace cercle::store {
namespace {

// Every query whole, as it runs. The SELECTs of one table read the columns in the order its row
// buffer (below) binds them.
constexpr const char* kCountActivities = R"sql(
  SELECT COUNT(*) FROM outreach_activities WHERE organisation_id = :organisation
)sql";
constexpr const char* kListActivities = R"sql(
  SELECT id, organisation_id, held_on, kind, title, audience, reach, language, participants,
         recorded_by, recorded_at, updated_at
  FROM outreach_activities
  WHERE organisation_id = :organisation
  ORDER BY held_on DESC, id DESC
)sql";
constexpr const char* kListActivityPage = R"sql(
  SELECT id, organisation_id, held_on, kind, title, audience, reach, language, participants,
         recorded_by, recorded_at, updated_at
  FROM outreach_activities
  WHERE organisation_id = :organisation
  ORDER BY held_on DESC, id DESC
  LIMIT :limit OFFSET :offset
)sql";
constexpr const char* kFindActivity = R"sql(
  SELECT id, organisation_id, held_on, kind, title, audience, reach, language, participants,
         recorded_by, recorded_at, updated_at
  FROM outreach_activities
  WHERE organisation_id = :organisation AND id = :id
)sql";
constexpr const char* kInsertActivity = R"sql(
  INSERT INTO outreach_activities (organisation_id, held_on, kind, title, audience, reach,
                                   language, participants, recorded_by, recorded_at, updated_at)
  VALUES (:organisation, :held_on, :kind, :title, :audience, :reach, :language, :participants,
          :by, :at, :updated_at)
  RETURNING id
)sql";
constexpr const char* kUpdateActivity = R"sql(
  UPDATE outreach_activities
  SET held_on = :held_on, kind = :kind, title = :title, audience = :audience, reach = :reach,
      language = :language, participants = :participants, updated_at = :at
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kDeleteActivity = R"sql(
  DELETE FROM outreach_activities WHERE id = :id AND organisation_id = :organisation
)sql";

constexpr const char* kCountStories = R"sql(
  SELECT COUNT(*) FROM significant_stories WHERE organisation_id = :organisation
)sql";
constexpr const char* kListStories = R"sql(
  SELECT id, organisation_id, written_on, title, story, written_by, reviewed_by, reviewed_at,
         created_at, updated_at
  FROM significant_stories
  WHERE organisation_id = :organisation
  ORDER BY written_on DESC, id DESC
)sql";
constexpr const char* kListStoryPage = R"sql(
  SELECT id, organisation_id, written_on, title, story, written_by, reviewed_by, reviewed_at,
         created_at, updated_at
  FROM significant_stories
  WHERE organisation_id = :organisation
  ORDER BY written_on DESC, id DESC
  LIMIT :limit OFFSET :offset
)sql";
constexpr const char* kFindStory = R"sql(
  SELECT id, organisation_id, written_on, title, story, written_by, reviewed_by, reviewed_at,
         created_at, updated_at
  FROM significant_stories
  WHERE organisation_id = :organisation AND id = :id
)sql";
constexpr const char* kInsertStory = R"sql(
  INSERT INTO significant_stories (organisation_id, written_on, title, story, written_by,
                                   created_at, updated_at)
  VALUES (:organisation, :written_on, :title, :story, :by, :at, :updated_at)
  RETURNING id
)sql";
constexpr const char* kUpdateStory = R"sql(
  UPDATE significant_stories
  SET written_on = :written_on, title = :title, story = :story, reviewed_by = NULL,
      reviewed_at = NULL, updated_at = :at
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kReviewStory = R"sql(
  UPDATE significant_stories
  SET reviewed_by = :by, reviewed_at = :at
  WHERE id = :id AND organisation_id = :organisation AND reviewed_at IS NULL
)sql";
constexpr const char* kDeleteStory = R"sql(
  DELETE FROM significant_stories WHERE id = :id AND organisation_id = :organisation
)sql";

// One row of outreach_activities as read.
struct ActivityRow {
  domain::OutreachActivity activity;
  std::string held_on, kind, language;
  int reach = 0;
  soci::indicator reach_indicator = soci::i_null;
  std::int64_t by = 0;
  soci::indicator by_indicator = soci::i_null;
  long long recorded_at = 0, updated_at = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(activity.id));
    statement.exchange(soci::into(activity.organisation_id));
    statement.exchange(soci::into(held_on));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(activity.title));
    statement.exchange(soci::into(activity.audience));
    statement.exchange(soci::into(reach, reach_indicator));
    statement.exchange(soci::into(language));
    statement.exchange(soci::into(activity.participants));
    statement.exchange(soci::into(by, by_indicator));
    statement.exchange(soci::into(recorded_at));
    statement.exchange(soci::into(updated_at));
  }
  domain::OutreachActivity Take() const {
    domain::OutreachActivity read = activity;
    read.held_on = ParseIsoDate(held_on).value_or(CivilDate{});
    read.kind = domain::ParseEnum<domain::OutreachKind>(kind).value_or(domain::OutreachKind::kPresentation);
    read.reach = OptionalOf(reach, reach_indicator);
    read.language =
        domain::ParseEnum<domain::OutreachLanguage>(language).value_or(domain::OutreachLanguage::kFrench);
    read.recorded_by = OptionalOf(by, by_indicator);
    read.recorded_at = FromUnix(recorded_at);
    read.updated_at = FromUnix(updated_at);
    return read;
  }
};

// One row of significant_stories as read.
struct StoryRow {
  domain::SignificantStory story;
  std::string written_on;
  std::int64_t written_by = 0, reviewed_by = 0;
  soci::indicator written_indicator = soci::i_null, reviewed_indicator = soci::i_null;
  long long reviewed_at = 0, created_at = 0, updated_at = 0;
  soci::indicator reviewed_at_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(story.id));
    statement.exchange(soci::into(story.organisation_id));
    statement.exchange(soci::into(written_on));
    statement.exchange(soci::into(story.title));
    statement.exchange(soci::into(story.text));
    statement.exchange(soci::into(written_by, written_indicator));
    statement.exchange(soci::into(reviewed_by, reviewed_indicator));
    statement.exchange(soci::into(reviewed_at, reviewed_at_indicator));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(updated_at));
  }
  domain::SignificantStory Take() const {
    domain::SignificantStory read = story;
    read.written_on = ParseIsoDate(written_on).value_or(CivilDate{});
    read.written_by = OptionalOf(written_by, written_indicator);
    read.reviewed_by = OptionalOf(reviewed_by, reviewed_indicator);
    read.reviewed_at =
        reviewed_at_indicator == soci::i_ok ? std::optional(FromUnix(reviewed_at)) : std::nullopt;
    read.created_at = FromUnix(created_at);
    read.updated_at = FromUnix(updated_at);
    return read;
  }
};

// What the queries of one organisation bind: the organisation, and the id or the page asked for.
struct Binding {
  std::int64_t organisation_id = 0;
  std::optional<std::int64_t> id;
  std::optional<PageSlice> slice;

  void operator()(soci::statement& statement) {
    statement.exchange(soci::use(organisation_id, "organisation"));
    if (id) statement.exchange(soci::use(*id, "id"));
    if (slice) {
      statement.exchange(soci::use(slice->limit, "limit"));
      statement.exchange(soci::use(slice->offset, "offset"));
    }
  }
};

}  // namespace

std::vector<domain::OutreachActivity> OutreachStore::ListActivities(std::int64_t organisation_id) {
  return FetchAll<ActivityRow>(session_, kListActivities, Binding{organisation_id});
}

std::vector<domain::OutreachActivity> OutreachStore::ListActivities(std::int64_t organisation_id,
                                                                    const PageSlice& slice) {
  return FetchAll<ActivityRow>(session_, kListActivityPage,
                                Binding{organisation_id, std::nullopt, slice});
}

std::int64_t OutreachStore::CountActivities(std::int64_t organisation_id) {
  long long count = 0;
  session_ << kCountActivities, soci::use(organisation_id, "organisation"), soci::into(count);
  return count;
}

std::optional<domain::OutreachActivity> OutreachStore::FindActivity(std::int64_t id,
                                                                    std::int64_t organisation_id) {
  return FirstRow(FetchAll<ActivityRow>(session_, kFindActivity, Binding{organisation_id, id}));
}

std::int64_t OutreachStore::InsertActivity(const domain::OutreachActivity& activity) {
  std::int64_t id = 0;
  const std::string held_on = FormatIsoDate(activity.held_on);
  const std::string kind(domain::NameOf(activity.kind));
  const std::string language(domain::NameOf(activity.language));
  const int reach = activity.reach.value_or(0);
  soci::indicator reach_indicator = IndicatorOf(activity.reach);
  const std::int64_t by = activity.recorded_by.value_or(0);
  soci::indicator by_indicator = IndicatorOf(activity.recorded_by);
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
  const std::string held_on = FormatIsoDate(activity.held_on);
  const std::string kind(domain::NameOf(activity.kind));
  const std::string language(domain::NameOf(activity.language));
  const int reach = activity.reach.value_or(0);
  soci::indicator reach_indicator = IndicatorOf(activity.reach);
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
  return FetchAll<StoryRow>(session_, kListStories, Binding{organisation_id});
}

std::vector<domain::SignificantStory> OutreachStore::ListStories(std::int64_t organisation_id,
                                                                 const PageSlice& slice) {
  return FetchAll<StoryRow>(session_, kListStoryPage,
                             Binding{organisation_id, std::nullopt, slice});
}

std::int64_t OutreachStore::CountStories(std::int64_t organisation_id) {
  long long count = 0;
  session_ << kCountStories, soci::use(organisation_id, "organisation"), soci::into(count);
  return count;
}

std::optional<domain::SignificantStory> OutreachStore::FindStory(std::int64_t id,
                                                                 std::int64_t organisation_id) {
  return FirstRow(FetchAll<StoryRow>(session_, kFindStory, Binding{organisation_id, id}));
}

std::int64_t OutreachStore::InsertStory(const domain::SignificantStory& story) {
  std::int64_t id = 0;
  const std::string written_on = FormatIsoDate(story.written_on);
  const std::int64_t by = story.written_by.value_or(0);
  soci::indicator by_indicator = IndicatorOf(story.written_by);
  const long long at = ToUnix(story.created_at);
  const long long updated_at = ToUnix(story.updated_at);
  session_ << kInsertStory, soci::use(story.organisation_id, "organisation"),
      soci::use(written_on, "written_on"), soci::use(story.title, "title"),
      soci::use(story.text, "story"), soci::use(by, by_indicator, "by"), soci::use(at, "at"),
      soci::use(updated_at, "updated_at"), soci::into(id);
  return id;
}

void OutreachStore::UpdateStory(const domain::SignificantStory& story) {
  const std::string written_on = FormatIsoDate(story.written_on);
  const long long at = ToUnix(story.updated_at);
  session_ << kUpdateStory, soci::use(written_on, "written_on"), soci::use(story.title, "title"),
      soci::use(story.text, "story"), soci::use(at, "at"), soci::use(story.id, "id"),
      soci::use(story.organisation_id, "organisation");
}

bool OutreachStore::MarkReviewed(std::int64_t id, std::int64_t organisation_id,
                                 std::optional<std::int64_t> by, Instant now) {
  const long long at = ToUnix(now);
  const std::int64_t reviewer = by.value_or(0);
  soci::indicator reviewer_indicator = IndicatorOf(by);
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
