#include "app/outreach/outreach.hpp"

#include "app/field_errors.hpp"
#include "auth/policies/report_policy.hpp"
#include "store/outreach_store.hpp"

namespace cercle::app::outreach {
namespace {

using auth::policies::OutreachPolicy;

// The activity `id` when the actor may change it.
Result<domain::OutreachActivity> FindActivity(const auth::Actor& actor, store::Unit& unit,
                                              std::int64_t id) {
  if (!actor.organisation_id || !OutreachPolicy::CanManage(actor)) return Error::NotFound();
  auto activity = store::OutreachStore(unit.session()).FindActivity(id, *actor.organisation_id);
  if (!activity || !OutreachPolicy::CanChange(actor, activity->organisation_id)) {
    return Error::NotFound();
  }
  return std::move(*activity);
}

// The story `id` when the actor may see it.
Result<domain::SignificantStory> FindStory(const auth::Actor& actor, store::Unit& unit,
                                           std::int64_t id) {
  if (!actor.organisation_id || !OutreachPolicy::CanManage(actor)) return Error::NotFound();
  auto story = store::OutreachStore(unit.session()).FindStory(id, *actor.organisation_id);
  if (!story || !OutreachPolicy::CanChange(actor, story->organisation_id)) return Error::NotFound();
  return std::move(*story);
}

// Copies what the activity form sets onto `activity`.
void SetDetails(domain::OutreachActivity& activity, const domain::OutreachActivity& details) {
  activity.held_on = details.held_on;
  activity.kind = details.kind;
  activity.title = details.title;
  activity.audience = details.audience;
  activity.reach = details.reach;
  activity.language = details.language;
  activity.participants = details.participants;
}

// Copies what the story form sets onto `story`.
void SetDetails(domain::SignificantStory& story, const StoryForm& form) {
  story.written_on = form.written_on;
  story.title = form.title;
  story.text = form.text;
}

}  // namespace

Result<OutreachPage> LoadOutreachPage(const Services& services, const auth::Actor& actor,
                                      const PageOf& activity_page, const PageOf& story_page) {
  if (!OutreachPolicy::CanManage(actor)) return Error::Forbidden();
  const std::int64_t organisation = *actor.organisation_id;
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    store::OutreachStore store(unit.session());
    const auto activities = activity_page(store.CountActivities(organisation));
    const auto stories = story_page(store.CountStories(organisation));
    return OutreachPage{store.ListActivities(organisation, activities),
                        store.ListStories(organisation, stories)};
  });
}

Result<std::int64_t> CreateActivity(const Services& services, const auth::Actor& actor,
                                    const ActivityForm& form) {
  if (!OutreachPolicy::CanManage(actor)) return Error::Forbidden();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    domain::OutreachActivity activity;
    activity.organisation_id = *actor.organisation_id;
    SetDetails(activity, form.details);
    activity.recorded_by = actor.user_id;
    activity.recorded_at = activity.updated_at = unit.now();
    TRY(Combine(form.unreadable, domain::CheckOutreachActivity(activity, services.Today())));
    activity.id = store::OutreachStore(unit.session()).InsertActivity(activity);
    Audit(services, unit, actor,
          {"outreach.create", "outreach_activity", std::to_string(activity.id)});
    return activity.id;
  });
}

Result<domain::OutreachActivity> LoadActivity(const Services& services, const auth::Actor& actor,
                                              std::int64_t id) {
  return Read(services, actor.scope(),
              [&](store::Unit& unit) { return FindActivity(actor, unit, id); });
}

Status EditActivity(const Services& services, const auth::Actor& actor, std::int64_t id,
                    const ActivityForm& form) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    auto activity = TRY(FindActivity(actor, unit, id));
    SetDetails(activity, form.details);
    activity.updated_at = unit.now();
    TRY(Combine(form.unreadable, domain::CheckOutreachActivity(activity, services.Today())));
    store::OutreachStore(unit.session()).UpdateActivity(activity);
    Audit(services, unit, actor, {"outreach.update", "outreach_activity", std::to_string(id)});
    return {};
  });
}

Status RemoveActivity(const Services& services, const auth::Actor& actor, std::int64_t id) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    const auto activity = TRY(FindActivity(actor, unit, id));
    store::OutreachStore(unit.session()).DeleteActivity(id, activity.organisation_id);
    Audit(services, unit, actor, {"outreach.remove", "outreach_activity", std::to_string(id)});
    return {};
  });
}

Result<std::int64_t> CreateStory(const Services& services, const auth::Actor& actor,
                                 const StoryForm& form) {
  if (!OutreachPolicy::CanManage(actor)) return Error::Forbidden();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    domain::SignificantStory story;
    story.organisation_id = *actor.organisation_id;
    SetDetails(story, form);
    story.written_by = actor.user_id;
    story.created_at = story.updated_at = unit.now();
    TRY(Combine(form.unreadable, domain::CheckSignificantStory(story, services.Today())));
    story.id = store::OutreachStore(unit.session()).InsertStory(story);
    Audit(services, unit, actor, {"story.create", "significant_story", std::to_string(story.id)});
    return story.id;
  });
}

Result<domain::SignificantStory> LoadStory(const Services& services, const auth::Actor& actor,
                                           std::int64_t id, RecordReading record) {
  auto story =
      Read(services, actor.scope(), [&](store::Unit& unit) { return FindStory(actor, unit, id); });
  if (story && record == RecordReading::kYes) {
    AuditView(services, actor, {"story.view", "significant_story", std::to_string(id)});
  }
  return story;
}

Status EditStory(const Services& services, const auth::Actor& actor, std::int64_t id,
                 const StoryForm& form) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    auto story = TRY(FindStory(actor, unit, id));
    SetDetails(story, form);
    story.updated_at = unit.now();
    TRY(Combine(form.unreadable, domain::CheckSignificantStory(story, services.Today())));
    store::OutreachStore(unit.session()).UpdateStory(story);
    Audit(services, unit, actor, {"story.update", "significant_story", std::to_string(id)});
    return {};
  });
}

Status ReviewStory(const Services& services, const auth::Actor& actor, std::int64_t id,
                   bool confirmed) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    const auto story = TRY(FindStory(actor, unit, id));
    if (!confirmed) {
      return Error::Fields(
          {{"confirm", {N_("Tick the box to confirm that the story identifies no one."), {}}}});
    }
    // A story reviewed meanwhile by someone else stays as they reviewed it.
    if (store::OutreachStore(unit.session())
            .MarkReviewed(id, story.organisation_id, actor.user_id, unit.now())) {
      Audit(services, unit, actor, {"story.review", "significant_story", std::to_string(id)});
    }
    return {};
  });
}

Status RemoveStory(const Services& services, const auth::Actor& actor, std::int64_t id) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    const auto story = TRY(FindStory(actor, unit, id));
    store::OutreachStore(unit.session()).DeleteStory(id, story.organisation_id);
    Audit(services, unit, actor, {"story.remove", "significant_story", std::to_string(id)});
    return {};
  });
}

}  // namespace cercle::app::outreach
